//! The site's "next version", for the browser test of offline updates: the same site with one sentence
//! more in the letter and one style rule changed, built into `dist-v2/`. It is built from a temporary copy
//! of `content/` (through `SITE_CONTENT`), of the stylesheet and of `index.html` (whose Rust link points
//! back at this project), so nothing in the checkout changes and cargo reuses every compiled crate but the
//! site's own.

use crate::{root, run, setup};
use std::path::Path;
use std::process::{self, Command};
use std::time::Instant;
use std::{fs, io};

/// The paragraph the next version adds at the top of the letter.
pub const SENTENCE: &str = "This sentence exists only in the next version of the site.";
/// The rule the next version adds to the stylesheet (the test checks the header's border).
pub const STYLE: &str = ".site-header { border-bottom-width: 4px; }";

/// Builds the next version for base `/` into `out`; prints how long it took.
pub fn build(out: &Path) -> Result<(), String> {
    let started = Instant::now();
    let tmp = std::env::temp_dir().join(format!("letter-explainer-next-{}", process::id()));
    let _ = fs::remove_dir_all(&tmp);
    let result = prepare(&tmp).and_then(|()| {
        println!(
            "Building the next version (for the update test) into {}",
            out.display()
        );
        run(Command::new("trunk")
            .args([
                "build",
                "--release",
                "--offline",
                "--public-url",
                "/",
                "--dist",
            ])
            .arg(out)
            .arg(tmp.join("index.html"))
            .env("SITE_BASE", "/")
            .env("SITE_CONTENT", tmp.join("content"))
            .env("PATH", setup::tool_path()))
    });
    let _ = fs::remove_dir_all(&tmp);
    println!("The next version took {:.1?}", started.elapsed());
    result
}

/// Writes the next version's sources into `tmp`.
fn prepare(tmp: &Path) -> Result<(), String> {
    let root = root();
    let fail = |what: &str, e: io::Error| format!("next version: {what}: {e}");
    copy_dir(&root.join("content"), &tmp.join("content")).map_err(|e| fail("copy content/", e))?;

    let letter = tmp.join("content/letter.md");
    let text = fs::read_to_string(&letter).map_err(|e| fail("read letter.md", e))?;
    let body = 3
        + text[3..]
            .find("\n+++\n")
            .ok_or("next version: letter.md has no front matter")?
        + "\n+++\n".len();
    let text = format!("{}\n{SENTENCE}\n{}", &text[..body], &text[body..]);
    fs::write(&letter, text).map_err(|e| fail("write letter.md", e))?;

    let css = fs::read_to_string(root.join("style/main.css"))
        .map_err(|e| fail("read the stylesheet", e))?;
    fs::create_dir_all(tmp.join("style")).map_err(|e| fail("create style/", e))?;
    fs::write(tmp.join("style/main.css"), format!("{css}\n{STYLE}\n"))
        .map_err(|e| fail("write the stylesheet", e))?;

    // The page template's relative links now resolve in `tmp`: the stylesheet is the copy; the Rust crate
    // is this project's.
    let html =
        fs::read_to_string(root.join("index.html")).map_err(|e| fail("read index.html", e))?;
    let rust = "<link data-trunk rel=\"rust\"";
    if !html.contains(rust) {
        return Err("next version: index.html has no Rust link".into());
    }
    let html = html.replacen(rust, &format!("{rust} href=\"{}\"", root.display()), 1);
    fs::write(tmp.join("index.html"), html).map_err(|e| fail("write index.html", e))
}

fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()))?;
        } else {
            fs::copy(entry.path(), to.join(entry.file_name()))?;
        }
    }
    Ok(())
}
