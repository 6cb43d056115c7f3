//! Removes the hydration markers Leptos writes into server-rendered HTML.
//!
//! Leptos 0.8 (tachys) writes an empty comment `<!>` between two adjacent text nodes and in place of an
//! empty view, so that hydration can find each node again. It has no switch to leave them out: every
//! `to_html` writes them. This site never hydrates (the browser app only adds listeners), so they are dead
//! bytes, and `<!>` is a "bogus comment", an error for the W3C checker. [`strip`] takes them out of a
//! page with a small HTML tokenizer: only in the markup between tags, never inside a tag (an attribute
//! may hold `<!>`), a real comment, or the raw text of `<script>`, `<style>`, `<textarea>` and `<title>`.
//! Escaped text cannot hold one (Leptos writes `<` in text as `&lt;`).

/// Elements whose content the HTML parser reads as text up to their end tag (raw and escapable raw text).
const RAW_TEXT: [&str; 4] = ["script", "style", "textarea", "title"];

/// The hydration marker.
const MARKER: &str = "<!>";

/// `html` without the hydration markers between its tags. Everything else is copied unchanged.
pub fn strip(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    // `copied`: where the input not yet copied to `out` starts; `pos`: where to look for the next `<`.
    let mut copied = 0;
    let mut pos = 0;
    while let Some(found) = html[pos..].find('<') {
        let lt = pos + found;
        let rest = &html[lt..];
        if rest.starts_with(MARKER) {
            out.push_str(&html[copied..lt]);
            copied = lt + MARKER.len();
            pos = copied;
        } else if let Some(comment) = rest.strip_prefix("<!--") {
            pos = lt + 4 + comment.find("-->").map_or(comment.len(), |end| end + 3);
        } else if let Some(name) = tag_name(rest) {
            let end = lt + tag_end(rest);
            pos = match name {
                Tag::Open(name) if RAW_TEXT.iter().any(|raw| raw.eq_ignore_ascii_case(name)) => {
                    end + raw_text_end(&html[end..], name)
                }
                _ => end,
            };
        } else {
            pos = lt + 1;
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// What a `<` starts.
enum Tag<'a> {
    /// A start tag and its element's name.
    Open(&'a str),
    /// An end tag, or a declaration such as `<!DOCTYPE html>`.
    Other,
}

/// The tag that `text` (starting with `<`) opens, if it opens one.
fn tag_name(text: &str) -> Option<Tag<'_>> {
    let after = &text[1..];
    let (name_from, open) = match after.as_bytes().first()? {
        b'/' | b'!' => (2, false),
        _ => (1, true),
    };
    let name = &text[name_from..];
    let len = name
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .unwrap_or(name.len());
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(if open {
        Tag::Open(&name[..len])
    } else {
        Tag::Other
    })
}

/// The length of the tag that `text` starts with, up to and including its `>`, skipping quoted attribute
/// values (which may hold `>`). The whole text if the tag is not closed.
fn tag_end(text: &str) -> usize {
    let mut quote = None;
    let mut after_equals = false;
    for (i, byte) in text.bytes().enumerate() {
        match quote {
            Some(q) if byte == q => quote = None,
            Some(_) => {}
            None => match byte {
                b'>' => return i + 1,
                b'"' | b'\'' if after_equals => quote = Some(byte),
                b'=' => after_equals = true,
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => {}
                _ => after_equals = false,
            },
        }
        if quote.is_some() {
            after_equals = false;
        }
    }
    text.len()
}

/// Where the raw text of element `name` that `text` starts with ends: at its end tag, or the end of `text`.
fn raw_text_end(text: &str, name: &str) -> usize {
    let mut pos = 0;
    while let Some(found) = text[pos..].find("</") {
        let start = pos + found;
        let candidate = &text[start + 2..];
        let closes = candidate
            .get(..name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && candidate[name.len()..]
                .starts_with(|c: char| c == '>' || c == '/' || c.is_ascii_whitespace());
        if closes {
            return start;
        }
        pos = start + 2;
    }
    text.len()
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
