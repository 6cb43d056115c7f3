//! How the reader asked to see the page (the theme, clean reading) before its first paint:
//! `public/display.js`, written as `display-<hash>.js` and named in the `<head>` of every page of the full
//! site as a classic script without `async` or `defer`, so that it runs before the body is parsed (a module
//! script would run after it) and `<html>` has its `data-theme` and `data-annotations` when the page is
//! first painted. A file with integrity, not an inline script: the Content-Security-Policy stays
//! `script-src 'self'`. Its cost is its bytes (under 0.5 KB brotli) and one request that a first visit
//! makes beside the stylesheet, which the page waits for anyway (measured: `cargo xtask bench`,
//! `lcp-ratio.js`); afterwards the service worker has it.

use crate::base64;
use sha2::{Digest, Sha384};
use std::path::Path;

/// The script's code (hand-written: every page runs it, and most pages have no wasm app).
const DISPLAY_JS: &str = include_str!("../../../public/display.js");

/// Writes the display script into `dir`; returns its tag, with subresource integrity.
pub fn write(dir: &Path) -> String {
    let js = code();
    let name = format!("display-{}.js", crate::offline::short_hash(js.as_bytes()));
    crate::write(&dir.join(&name), &js);
    tag(&contract::asset(&name), &js)
}

/// The script without its comments (for people reading the source; they are most of its bytes).
fn code() -> String {
    DISPLAY_JS
        .lines()
        .filter(|l| !crate::is_comment(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A render-blocking classic script tag for `src` with the integrity of `js`.
fn tag(src: &str, js: &str) -> String {
    let integrity = format!("sha384-{}", base64(&Sha384::digest(js.as_bytes())));
    format!("<script src=\"{src}\" integrity=\"{integrity}\"></script>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tag_blocks_rendering_and_carries_integrity() {
        let tag = tag("/display-1.js", DISPLAY_JS);
        assert!(tag.starts_with("<script src=\"/display-1.js\" integrity=\"sha384-"));
        for not in ["async", "defer", "module"] {
            assert!(!tag.contains(not), "{tag}");
        }
    }

    #[test]
    fn the_script_reads_the_controls_the_header_writes_and_ships_no_comments() {
        let js = code();
        assert!(js.contains(&format!("[{}]", contract::dom::THEME_CHOICE)));
        assert!(js.contains("root.dataset.theme ="));
        assert!(js.contains(&format!(
            "root.dataset.annotations = new URLSearchParams(location.search).get('{}') === '{}'",
            contract::dom::ANNOTATIONS_PARAM,
            contract::dom::ANNOTATIONS_OFF
        )));
        assert!(!js.contains("// "), "{js}");
        assert!(js.len() < 1500, "{} bytes", js.len());
    }
}
