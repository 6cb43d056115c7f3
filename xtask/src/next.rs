//! The site's "next version", for the browser test of offline updates: the same site with one sentence
//! more in the letter and one style rule changed, built into `dist-v2/`. It also leaves one note and one
//! event without their Spanish translation, so that the browser suite sees the Spanish edition's fallback
//! (the real content is fully translated), without a build of its own. It is built from a temporary copy
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
/// The note whose Spanish translation the next version leaves out.
pub const UNTRANSLATED_NOTE: &str = "canada";
/// The event whose Spanish translation the next version leaves out.
pub const UNTRANSLATED_EVENT: &str = "canada-ev-surtax-announced";

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
            .envs(crate::wasm_modules::build_all("/", "")?)
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

    // One note and one event left untranslated.
    let content = tmp.join("content");
    fs::remove_file(content.join(format!("notes/{UNTRANSLATED_NOTE}.es.md"))).map_err(|e| {
        fail(
            &format!("remove the translation of `{UNTRANSLATED_NOTE}`"),
            e,
        )
    })?;
    let timeline = content.join("timeline.es.toml");
    let text = fs::read_to_string(&timeline).map_err(|e| fail("read timeline.es.toml", e))?;
    let text = without_event(&text, UNTRANSLATED_EVENT).ok_or(format!(
        "next version: timeline.es.toml translates no event `{UNTRANSLATED_EVENT}`"
    ))?;
    fs::write(&timeline, text).map_err(|e| fail("write timeline.es.toml", e))?;

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

/// A `timeline.es.toml` without the `[[event]]` table of `id`, or `None` if it has none.
fn without_event(toml: &str, id: &str) -> Option<String> {
    const TABLE: &str = "[[event]]";
    let at = toml.find(&format!("\nid = \"{id}\"\n"))?;
    let start = toml[..at].rfind(TABLE)?;
    let end = toml[at..].find(TABLE).map_or(toml.len(), |i| at + i);
    Some(format!("{}{}", &toml[..start], &toml[end..]))
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
    fn one_event_translation_is_left_out() {
        let toml = "# head\n\n[[event]]\nid = \"a\"\ntitle = \"A\"\n\n[[event]]\nid = \"b\"\ntitle = \"B\"\n\n[[event]]\nid = \"c\"\ntitle = \"C\"\n";
        assert_eq!(
            super::without_event(toml, "b").as_deref(),
            Some("# head\n\n[[event]]\nid = \"a\"\ntitle = \"A\"\n\n[[event]]\nid = \"c\"\ntitle = \"C\"\n")
        );
        assert_eq!(
            super::without_event(toml, "c").as_deref(),
            Some("# head\n\n[[event]]\nid = \"a\"\ntitle = \"A\"\n\n[[event]]\nid = \"b\"\ntitle = \"B\"\n\n")
        );
        assert_eq!(super::without_event(toml, "d"), None);
    }

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
