//! The site's "next version", for the browser test of offline updates: the same site with one sentence
//! more in the letter and one style rule changed, built into `dist-v2/`. It is built from a temporary copy
//! of `content/` (through `SITE_CONTENT`), of the stylesheet and of `index.html` (whose other links point
//! back at this project), so nothing in the checkout changes and cargo reuses every compiled crate but the
//! site's own.

use crate::{root, run, setup};
use std::path::Path;
use std::process::{self, Command};
use std::time::Instant;
use std::{fs, io};

/// The paragraph the next version adds at the top of the letter.
pub const SENTENCE: &str = "This sentence exists only in the next version of the site.";
/// Its translation, added at the same place in the Spanish letter.
const SENTENCE_ES: &str = "Esta oración solo existe en la próxima versión del sitio.";
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

    // The letter and its translation keep the same blocks (the compiler checks it): both get the paragraph.
    for (name, sentence) in [("letter.md", SENTENCE), ("letter.es.md", SENTENCE_ES)] {
        let letter = tmp.join("content").join(name);
        if name != "letter.md" && !letter.exists() {
            continue;
        }
        let text = fs::read_to_string(&letter).map_err(|e| fail(&format!("read {name}"), e))?;
        let body = 3
            + text[3..]
                .find("\n+++\n")
                .ok_or(format!("next version: {name} has no front matter"))?
            + "\n+++\n".len();
        let text = format!("{}\n{sentence}\n{}", &text[..body], &text[body..]);
        fs::write(&letter, text).map_err(|e| fail(&format!("write {name}"), e))?;
    }

    let css =
        fs::read_to_string(root.join(STYLESHEET)).map_err(|e| fail("read the stylesheet", e))?;
    fs::create_dir_all(tmp.join("style")).map_err(|e| fail("create style/", e))?;
    fs::write(tmp.join(STYLESHEET), format!("{css}\n{STYLE}\n"))
        .map_err(|e| fail("write the stylesheet", e))?;

    let html =
        fs::read_to_string(root.join("index.html")).map_err(|e| fail("read index.html", e))?;
    // Trunk resolves every href against the template's folder, even one that starts with `/`.
    let up = "../".repeat(tmp.components().count() - 1);
    let back = format!("{up}{}", root.display().to_string().trim_start_matches('/'));
    let html = retarget(&html, &back);
    fs::write(tmp.join("index.html"), html).map_err(|e| fail("write index.html", e))
}

/// The stylesheet, as `index.html` names it.
const STYLESHEET: &str = "style/main.css";

/// The page template for a copy in another folder: every `data-trunk` link points back into the project
/// at `root` (the Rust crate too, which trunk otherwise looks for beside the template), except the
/// stylesheet, which is the copy's.
fn retarget(html: &str, root: &str) -> String {
    const OPEN: &str = "<link data-trunk";
    const HREF: &str = " href=\"";
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        let end = start + rest[start..].find('>').unwrap_or(rest.len() - start);
        let tag = &rest[start..end];
        out.push_str(&rest[..start]);
        match tag.find(HREF).map(|i| i + HREF.len()) {
            Some(at) if !tag[at..].starts_with(STYLESHEET) => {
                out.push_str(&format!("{}{root}/{}", &tag[..at], &tag[at..]));
            }
            None if tag.contains("rel=\"rust\"") => {
                out.push_str(&format!("{OPEN}{HREF}{root}\"{}", &tag[OPEN.len()..]));
            }
            _ => out.push_str(tag),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
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

#[cfg(test)]
mod tests {
    #[test]
    fn links_point_back_into_the_project_but_the_stylesheet() {
        let html = concat!(
            "<head><link data-trunk rel=\"css\" href=\"style/main.css\">",
            "<link data-trunk rel=\"copy-file\" href=\"public/embed.js\">",
            "<link data-trunk rel=\"rust\" data-bin=\"site\">",
            "<link rel=\"icon\" href=\"x.png\"></head>"
        );
        assert_eq!(
            super::retarget(html, "../p"),
            concat!(
                "<head><link data-trunk rel=\"css\" href=\"style/main.css\">",
                "<link data-trunk rel=\"copy-file\" href=\"../p/public/embed.js\">",
                "<link data-trunk href=\"../p\" rel=\"rust\" data-bin=\"site\">",
                "<link rel=\"icon\" href=\"x.png\"></head>"
            )
        );
    }
}
