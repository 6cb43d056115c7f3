//! Removes the hydration markers Leptos writes into server-rendered HTML.
//!
//! Leptos 0.8 (tachys) writes an empty comment `<!>` between two adjacent text nodes and in place of an
//! empty view, so that hydration can find each node again. It has no switch to leave them out: every
//! `to_html` writes them. This site never hydrates (the browser app only adds listeners), so they are dead
//! bytes, and `<!>` is a "bogus comment", an error for the W3C checker. [`strip`] takes them out of a
//! page with the site's HTML tokenizer ([`letter_explainer::html_tokens`]): only in the markup between tags, never inside a tag (an attribute
//! may hold `<!>`), a real comment, or the raw text of `<script>`, `<style>`, `<textarea>` and `<title>`.
//! Escaped text cannot hold one (Leptos writes `<` in text as `&lt;`).

use letter_explainer::html_tokens::{tokens, Token};

/// The hydration marker.
const MARKER: &str = "<!>";

/// `html` without the hydration markers between its tags. Everything else is copied unchanged.
pub fn strip(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    for (range, token) in tokens(html) {
        if token != Token::Declaration(MARKER) {
            out.push_str(&html[range]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn markers_between_text_and_for_empty_views_go() {
        assert_eq!(strip("<p>a<!>b<!>c</p>"), "<p>abc</p>");
        assert_eq!(strip("<ul><!><li>x</li><!></ul><!>"), "<ul><li>x</li></ul>");
        assert_eq!(strip("<!>"), "");
        assert_eq!(strip("<!><!><!>"), "");
    }

    #[test]
    fn text_and_real_comments_are_untouched() {
        assert_eq!(strip("<p>a &lt;!&gt; b</p>"), "<p>a &lt;!&gt; b</p>");
        assert_eq!(strip("<p>1 < 2 <! > 3</p>"), "<p>1 < 2 <! > 3</p>");
        assert_eq!(
            strip("<!-- keep <!> this -->x<!>y"),
            "<!-- keep <!> this -->xy"
        );
        assert_eq!(strip("<!DOCTYPE html><html>"), "<!DOCTYPE html><html>");
        assert_eq!(strip("é<!>ü — ñ"), "éü — ñ");
    }

    #[test]
    fn attributes_are_untouched() {
        let html = r#"<a title="x<!>y" data-x='<!>' href=/a>t<!>u</a>"#;
        assert_eq!(
            strip(html),
            r#"<a title="x<!>y" data-x='<!>' href=/a>tu</a>"#
        );
        // A quoted `>` does not end the tag.
        assert_eq!(
            strip(r#"<img alt="a > <!> b">c<!>d"#),
            r#"<img alt="a > <!> b">cd"#
        );
    }

    #[test]
    fn raw_text_elements_are_untouched() {
        for element in ["script", "style", "textarea", "title", "SCRIPT"] {
            let html = format!("<{element} id=\"x\">a<!>b</p><!></{element}><!><p>c<!>d</p>");
            let expected = format!("<{element} id=\"x\">a<!>b</p><!></{element}><p>cd</p>");
            assert_eq!(strip(&html), expected, "{element}");
        }
        // `</scripts>` does not end a script.
        assert_eq!(
            strip("<script>x = '</scripts><!>';</script><!>"),
            "<script>x = '</scripts><!>';</script>"
        );
        // Unclosed raw text runs to the end.
        assert_eq!(strip("<style>a<!>b"), "<style>a<!>b");
    }
}
