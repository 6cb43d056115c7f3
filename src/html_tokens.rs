//! One small HTML tokenizer for the pages the site renders itself: the prerenderer strips hydration
//! markers with it and the annotations read the letter's text with it. It splits a page into text, tags,
//! comments and declarations, the way the HTML parser does for well-formed markup: a quoted attribute
//! value may hold `>`, and the content of `<script>`, `<style>`, `<textarea>` and `<title>` is text up to
//! its end tag. It does not build a tree or check nesting; its readers do what they need.

use std::ops::Range;

/// Elements whose content the HTML parser reads as text up to their end tag (raw and escapable raw text).
const RAW_TEXT: [&str; 4] = ["script", "style", "textarea", "title"];

/// Elements that have no end tag.
const VOID: [&str; 10] = [
    "area", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr",
];

/// One piece of a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// Text between tags, as written (character references not decoded); also the whole content of a
    /// raw-text element.
    Text(&'a str),
    /// A comment, `<!-- … -->`, whole.
    Comment(&'a str),
    /// A declaration such as `<!DOCTYPE html>`, or the empty bogus comment `<!>`, whole.
    Declaration(&'a str),
    /// A start tag.
    Start(StartTag<'a>),
    /// An end tag, with its element's name as written.
    End(&'a str),
    /// A tag or comment that the page does not close: the rest of the page.
    Unclosed(&'a str),
}

/// A start tag: its element's name as written, and what follows the name up to the `>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StartTag<'a> {
    /// The element's name, as written.
    pub name: &'a str,
    /// The attributes, as written (with a self-closing `/` if any).
    pub attributes: &'a str,
}

impl<'a> StartTag<'a> {
    /// True if this is element `name` (ASCII case-insensitive).
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// True for an element without an end tag (`<br>`, `<img>`…).
    pub fn is_void(&self) -> bool {
        VOID.iter().any(|v| self.is(v))
    }

    /// The value of attribute `key` as written (character references not decoded): `""` for an attribute
    /// without a value, `None` if the tag does not have it. Keys compare ASCII case-insensitively.
    pub fn attr(&self, key: &str) -> Option<&'a str> {
        attributes(self.attributes)
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    }

    /// True if the tag's `class` lists `class`.
    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|c| c == class))
    }
}

/// The tokens of `html`, each with its byte range; together the ranges cover `html` exactly, in order.
pub fn tokens(html: &str) -> Tokens<'_> {
    Tokens {
        html,
        pos: 0,
        raw_text: None,
    }
}

/// The iterator [`tokens`] returns.
pub struct Tokens<'a> {
    html: &'a str,
    pos: usize,
    /// Inside a raw-text element: its name, whose end tag ends the text.
    raw_text: Option<&'a str>,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = (Range<usize>, Token<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.pos;
        let rest = &self.html[start..];
        if rest.is_empty() {
            return None;
        }
        if let Some(name) = self.raw_text.take() {
            let len = raw_text_len(rest, name);
            if len > 0 {
                self.pos += len;
                return Some((start..self.pos, Token::Text(&rest[..len])));
            }
        }
        let (len, token) = if rest.starts_with('<') {
            markup(rest).unwrap_or_else(|| {
                let len = 1 + text_len(&rest[1..]);
                (len, Token::Text(&rest[..len]))
            })
        } else {
            let len = text_len(rest);
            (len, Token::Text(&rest[..len]))
        };
        if let Token::Start(tag) = token {
            self.raw_text = RAW_TEXT.iter().any(|r| tag.is(r)).then_some(tag.name);
        }
        self.pos += len;
        Some((start..self.pos, token))
    }
}

/// The length of the text before the next `<` (which may or may not start markup).
fn text_len(text: &str) -> usize {
    text.find('<').unwrap_or(text.len())
}

/// The markup that `text` (starting with `<`) starts, with its length; `None` if the `<` is text.
fn markup(text: &str) -> Option<(usize, Token<'_>)> {
    let unclosed = || (text.len(), Token::Unclosed(text));
    if let Some(comment) = text.strip_prefix("<!--") {
        return Some(match comment.find("-->") {
            Some(end) => {
                let len = 4 + end + 3;
                (len, Token::Comment(&text[..len]))
            }
            None => unclosed(),
        });
    }
    if text.starts_with("<!>") {
        return Some((3, Token::Declaration(&text[..3])));
    }
    let (name_from, kind) = match text.as_bytes().get(1)? {
        b'!' => (2, b'!'),
        b'/' => (2, b'/'),
        _ => (1, b'<'),
    };
    let after = &text[name_from..];
    if !after.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_len = after
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .unwrap_or(after.len());
    let Some(len) = tag_len(text) else {
        return Some(unclosed());
    };
    let whole = &text[..len];
    Some((
        len,
        match kind {
            b'!' => Token::Declaration(whole),
            b'/' => Token::End(&after[..name_len]),
            _ => Token::Start(StartTag {
                name: &after[..name_len],
                attributes: &text[name_from + name_len..len - 1],
            }),
        },
    ))
}

/// The length of the tag that `text` starts with, up to and including its `>`, skipping quoted attribute
/// values (which may hold `>`); `None` if the tag is not closed.
fn tag_len(text: &str) -> Option<usize> {
    let mut quote = None;
    let mut after_equals = false;
    for (i, byte) in text.bytes().enumerate() {
        match quote {
            Some(q) if byte == q => quote = None,
            Some(_) => {}
            None => match byte {
                b'>' => return Some(i + 1),
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
    None
}

/// The length of the raw text of element `name` that `text` starts with: up to its end tag, or all.
fn raw_text_len(text: &str, name: &str) -> usize {
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

/// The attributes written in a start tag: each key with its value (`""` when it has none). Values may be
/// double-quoted, single-quoted or bare.
fn attributes(mut rest: &str) -> impl Iterator<Item = (&str, &str)> {
    std::iter::from_fn(move || {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let key_len = rest
            .find(|c: char| c == '=' || c == '/' || c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let key = &rest[..key_len];
        rest = rest[key_len..].trim_start();
        let Some(after) = rest.strip_prefix('=') else {
            return Some((key, ""));
        };
        let after = after.trim_start();
        let (value, next) = match after.as_bytes().first() {
            Some(&q @ (b'"' | b'\'')) => {
                let end = after[1..].find(q as char).map_or(after.len(), |e| e + 1);
                (&after[1..end], after.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = after
                    .find(|c: char| c.is_ascii_whitespace())
                    .unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        rest = next;
        Some((key, value))
    })
}

/// Text with its character references replaced by their characters: the named ones the renderer writes
/// (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`) and every numeric one. Anything else is an
/// error, with the text it was found in.
pub fn decode(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after
            .find(';')
            .filter(|&e| e <= 10)
            .ok_or_else(|| format!("a bare & in {rest}"))?;
        let name = &after[..end];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .map(|hex| u32::from_str_radix(hex, 16))
                .or_else(|| name.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32)
                .ok_or_else(|| format!("an unknown character reference &{name};"))?,
        };
        out.push(c);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(html: &str) -> Vec<Token<'_>> {
        let mut covered = 0;
        let tokens = tokens(html)
            .map(|(range, token)| {
                assert_eq!(
                    range.start, covered,
                    "the ranges are contiguous in {html:?}"
                );
                covered = range.end;
                token
            })
            .collect();
        assert_eq!(covered, html.len(), "the ranges cover {html:?}");
        tokens
    }

    fn start<'a>(name: &'a str, attributes: &'a str) -> Token<'a> {
        Token::Start(StartTag { name, attributes })
    }

    #[test]
    fn text_tags_comments_and_declarations() {
        assert_eq!(
            all("<!DOCTYPE html><p class=\"a\">x &amp; y<!>z</p><!-- c <p> -->"),
            [
                Token::Declaration("<!DOCTYPE html>"),
                start("p", " class=\"a\""),
                Token::Text("x &amp; y"),
                Token::Declaration("<!>"),
                Token::Text("z"),
                Token::End("p"),
                Token::Comment("<!-- c <p> -->"),
            ]
        );
    }

    #[test]
    fn a_lone_less_than_is_text() {
        assert_eq!(
            all("1 < 2 <! > 3 </ 4"),
            [
                Token::Text("1 "),
                Token::Text("< 2 "),
                Token::Text("<! > 3 "),
                Token::Text("</ 4")
            ]
        );
    }

    #[test]
    fn quoted_values_may_hold_markup() {
        let tokens = all(r#"<img alt="a > <!> b" data-x='<p>'>c"#);
        let Token::Start(img) = tokens[0] else {
            panic!("{tokens:?}")
        };
        assert_eq!(img.attr("alt"), Some("a > <!> b"));
        assert_eq!(img.attr("DATA-X"), Some("<p>"));
        assert!(img.is_void());
        assert_eq!(tokens[1], Token::Text("c"));
    }

    #[test]
    fn attributes_bare_empty_and_classes() {
        let tokens = all(r#"<a href=/x hidden class="mark  note" id = "m1"/>"#);
        let Token::Start(a) = tokens[0] else {
            panic!("{tokens:?}")
        };
        assert_eq!(a.attr("href"), Some("/x"));
        assert_eq!(a.attr("hidden"), Some(""));
        assert_eq!(a.attr("id"), Some("m1"));
        assert_eq!(a.attr("title"), None);
        assert!(a.has_class("note") && a.has_class("mark") && !a.has_class("mar"));
    }

    #[test]
    fn raw_text_runs_to_its_own_end_tag() {
        assert_eq!(
            all("<SCRIPT>x = '</scripts><p>';</script><p>"),
            [
                start("SCRIPT", ""),
                Token::Text("x = '</scripts><p>';"),
                Token::End("script"),
                start("p", ""),
            ]
        );
        assert_eq!(
            all("<style>a<!>b"),
            [start("style", ""), Token::Text("a<!>b")]
        );
        assert_eq!(
            all("<title></title>"),
            [start("title", ""), Token::End("title")]
        );
    }

    #[test]
    fn unclosed_markup_is_the_rest_of_the_page() {
        assert_eq!(
            all("a<p class=\"x>y"),
            [Token::Text("a"), Token::Unclosed("<p class=\"x>y")]
        );
        assert_eq!(all("<!-- x"), [Token::Unclosed("<!-- x")]);
    }

    #[test]
    fn references_decode_and_unknown_ones_are_errors() {
        assert_eq!(
            decode("a &amp; b &lt;&#233;&#x2014;&nbsp;").unwrap(),
            "a & b <é—\u{a0}"
        );
        assert!(decode("fish & chips").is_err());
        assert!(decode("&bogus;").is_err());
    }
}
