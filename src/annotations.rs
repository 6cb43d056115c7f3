//! The letter's notes as W3C Web Annotations: `annotations.jsonld` in each edition (`/annotations.jsonld`,
//! `/es/annotations.jsonld`), one AnnotationCollection with an Annotation for every mark of the letter.
//!
//! **The annotated text** is the `textContent` of the letter's text element (`.letter-text`) on the letter
//! page (`/`, `/es/`): every text node in it, in document order, including the headings between passages,
//! the "passage not published" gaps and the words only screen readers hear (a request's number, a mark's
//! kind). In the Spanish edition that element holds the English original and the translation, so both are
//! annotated. The selectors are computed from the letter page exactly as the prerenderer renders it (see
//! [`letter_text`]), not from a second rendering, and anchored in Chromium by a third-party library in the
//! browser tests: the quote and the position of every mark name its passage exactly once.
//!
//! Each Annotation targets the letter page with a TextQuoteSelector (`exact`, with up to
//! [`CONTEXT_CHARS`] characters of `prefix` and `suffix`) and a TextPositionSelector (in Unicode code
//! points, as the model defines it). Its bodies name the note's title, its kind, its verdict or status,
//! and link the note's own page. The file needs absolute URLs (annotations and their targets are named by
//! IRIs), so it is written only when the build knows the site's origin.

use crate::route::{href as route_href, Route};
use contract::{absolute, ORIGIN};
use leptos::prelude::*;

/// The collection's file name in each edition's folder.
pub const FILE: &str = "annotations.jsonld";

/// How many characters of the letter's text before and after a passage its TextQuoteSelector carries
/// (the length Hypothesis uses).
pub const CONTEXT_CHARS: usize = 32;

/// The collection's URL path in the edition being rendered.
pub fn href() -> String {
    format!("{}{FILE}", route_href(Route::Letter(None)))
}

/// Where the prerenderer writes the edition's collection, relative to the site's root folder.
pub fn file() -> String {
    format!(
        "{}{FILE}",
        contract::edition::prefix(crate::edition::lang())
    )
}

/// The letter page's `<link rel="alternate">` to its annotations, when the build writes them (it knows
/// the origin).
pub fn link(route: Route) -> Option<impl IntoView> {
    if ORIGIN.is_empty() || !matches!(route, Route::Letter(_)) {
        return None;
    }
    Some(view! {
        <link rel="alternate" type="application/ld+json" href=absolute(&href()) title=crate::content::info().name.as_ref()/>
    })
}

#[cfg(feature = "ssr")]
pub use build::{collection, letter_text, LetterText, MarkedPassage};

#[cfg(feature = "ssr")]
mod build {
    use super::CONTEXT_CHARS;
    use crate::components::fallback::text_lang;
    use crate::content::{letter, notes};
    use crate::i18n::t;
    use crate::route::note_href;
    use contract::{absolute, ORIGIN};
    use model::{Assessment, NoteKind};
    use serde::Serialize;

    /// The letter's text as a browser's `textContent` of `.letter-text` gives it, and where each mark's
    /// passage is in it.
    #[derive(Debug, PartialEq)]
    pub struct LetterText {
        /// The text, one entry per Unicode code point.
        pub text: Vec<char>,
        /// Every mark, in document order.
        pub marks: Vec<MarkedPassage>,
    }

    /// One mark of the letter.
    #[derive(Debug, PartialEq)]
    pub struct MarkedPassage {
        /// The note it opens (index into the edition's notes).
        pub note: usize,
        /// True for the marks in the reader's language (they carry the page's `mark-<id>`).
        pub primary: bool,
        /// Where the passage starts in [`LetterText::text`] (a code point index).
        pub start: usize,
        /// Where it ends (exclusive).
        pub end: usize,
    }

    /// Reads the letter's text and marks from the rendered letter page. The passage of a mark is its text
    /// without what only screen readers hear (`.vh`) and what is hidden from them (`aria-hidden`): the
    /// words of the letter that the mark highlights.
    pub fn letter_text(html: &str) -> Result<LetterText, String> {
        let start = find_element(html, "letter-text")
            .ok_or("the letter page has no element of class letter-text")?;
        let mut out = LetterText {
            text: Vec::new(),
            marks: Vec::new(),
        };
        // Open elements: (name, opens a mark, hides its text from the passage).
        let mut open: Vec<(String, bool, bool)> = Vec::new();
        let mut mark: Option<OpenMark> = None;
        let mut rest = &html[start..];
        loop {
            let lt = rest.find('<').ok_or("the letter text is not closed")?;
            let text = decode(&rest[..lt])?;
            if !text.is_empty() {
                let hidden = open.iter().any(|(_, _, hidden)| *hidden);
                let at = out.text.len();
                out.text.extend(text.chars());
                if let (Some((_, _, passage)), false) = (&mut mark, hidden) {
                    *passage = match *passage {
                        None => Some((at, out.text.len())),
                        Some((s, e)) if e == at => Some((s, out.text.len())),
                        Some(_) => return Err("a mark's passage is split by hidden text".into()),
                    };
                }
            }
            rest = &rest[lt..];
            if let Some(after) = rest.strip_prefix("<!--") {
                let end = after.find("-->").ok_or("unclosed comment")?;
                rest = &after[end + 3..];
            } else if rest.starts_with("<!") {
                rest = &rest[rest.find('>').ok_or("unclosed <!")? + 1..];
            } else if let Some(after) = rest.strip_prefix("</") {
                let end = after.find('>').ok_or("unclosed end tag")?;
                let name = after[..end].trim().to_ascii_lowercase();
                let (opened, was_mark, _) = open.pop().ok_or("an end tag without its start")?;
                if opened != name {
                    return Err(format!("</{name}> closes <{opened}>"));
                }
                if was_mark {
                    let (note, primary, passage) = mark.take().expect("a mark is open");
                    let (start, end) = passage.ok_or("a mark without text")?;
                    out.marks.push(MarkedPassage {
                        note,
                        primary,
                        start,
                        end,
                    });
                }
                rest = &after[end + 1..];
                if open.is_empty() {
                    return Ok(out);
                }
            } else {
                let end = rest.find('>').ok_or("unclosed start tag")?;
                let tag = Tag::parse(&rest[1..end]);
                rest = &rest[end + 1..];
                if tag.is_void() {
                    continue;
                }
                let note = match tag.attr("class") {
                    Some(class) if class.split(' ').any(|c| c == "mark") && tag.name == "a" => {
                        let href = tag.attr("href").ok_or("a mark without href")?;
                        Some(note_of(&href).ok_or(format!("a mark links {href}, not a note"))?)
                    }
                    _ => None,
                };
                if let Some(note) = note {
                    if mark.is_some() {
                        return Err("a mark inside a mark".into());
                    }
                    mark = Some((note, tag.attr("id").is_some(), None));
                }
                let hidden = tag
                    .attr("class")
                    .is_some_and(|c| c.split(' ').any(|c| c == "vh"))
                    || tag.attr("aria-hidden").as_deref() == Some("true");
                open.push((tag.name, note.is_some(), hidden));
            }
        }
    }

    /// A mark being read: its note, whether it is primary, and where its passage is so far.
    type OpenMark = (usize, bool, Option<(usize, usize)>);

    /// The note a mark's `href` opens, in the edition being rendered.
    fn note_of(href: &str) -> Option<usize> {
        (0..notes().len()).find(|&i| note_href(i) == href)
    }

    /// Where the first start tag whose class list has `class` begins.
    fn find_element(html: &str, class: &str) -> Option<usize> {
        let mut from = 0;
        while let Some(i) = html[from..].find('<') {
            let at = from + i;
            let end = at + html[at..].find('>')?;
            let tag = Tag::parse(&html[at + 1..end]);
            if tag
                .attr("class")
                .is_some_and(|c| c.split(' ').any(|c| c == class))
            {
                return Some(at);
            }
            from = end;
        }
        None
    }

    /// A start tag's name and attributes, as the renderer writes them (values in double quotes).
    struct Tag {
        name: String,
        attrs: Vec<(String, String)>,
    }

    impl Tag {
        fn parse(inside: &str) -> Tag {
            let inside = inside.trim_end_matches('/');
            let (name, mut rest) = inside
                .split_once(char::is_whitespace)
                .unwrap_or((inside, ""));
            let mut attrs = Vec::new();
            loop {
                rest = rest.trim_start();
                if rest.is_empty() {
                    break;
                }
                let key_end = rest
                    .find(|c: char| c == '=' || c.is_whitespace())
                    .unwrap_or(rest.len());
                let key = rest[..key_end].to_ascii_lowercase();
                rest = &rest[key_end..];
                let value = match rest.strip_prefix("=\"") {
                    Some(after) => {
                        let end = after.find('"').unwrap_or(after.len());
                        rest = after.get(end + 1..).unwrap_or("");
                        after[..end].to_owned()
                    }
                    None => String::new(),
                };
                attrs.push((key, value));
            }
            Tag {
                name: name.to_ascii_lowercase(),
                attrs,
            }
        }

        fn attr(&self, key: &str) -> Option<String> {
            self.attrs
                .iter()
                .find(|(k, _)| k == key)
                .and_then(|(_, v)| decode(v).ok())
        }

        fn is_void(&self) -> bool {
            matches!(
                self.name.as_str(),
                "br" | "img" | "input" | "meta" | "link" | "hr" | "wbr" | "source" | "col" | "area"
            )
        }
    }

    /// Text with the character references the renderer writes replaced by their characters.
    fn decode(text: &str) -> Result<String, String> {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(amp) = rest.find('&') {
            out.push_str(&rest[..amp]);
            let after = &rest[amp + 1..];
            let end = after
                .find(';')
                .filter(|&e| e <= 10)
                .ok_or_else(|| format!("a bare & in the letter text: {rest}"))?;
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

    /// The edition's `annotations.jsonld`, from its rendered letter page; `None` when the build does not
    /// know the site's origin.
    pub fn collection(letter_page: &str) -> Result<Option<String>, String> {
        if ORIGIN.is_empty() {
            return Ok(None);
        }
        let letter_text = letter_text(letter_page)?;
        let id = absolute(&super::href());
        let mut fragments: Vec<String> = Vec::new();
        let items: Vec<Annotation> = letter_text
            .marks
            .iter()
            .map(|m| {
                let note = &notes()[m.note];
                let mut fragment = if m.primary {
                    note.id.to_string()
                } else {
                    format!("{}-original", note.id)
                };
                let repeats = fragments.iter().filter(|f| **f == fragment).count();
                fragments.push(fragment.clone());
                if repeats > 0 {
                    fragment = format!("{fragment}-{}", repeats + 1);
                }
                annotation(format!("{id}#{fragment}"), m, &letter_text.text)
            })
            .collect();
        let collection = Collection {
            context: "http://www.w3.org/ns/anno.jsonld",
            id: id.clone(),
            kind: "AnnotationCollection",
            label: format!("{} — {}", crate::content::info().name, letter().title),
            total: items.len(),
            first: Page {
                id: format!("{id}#page-1"),
                kind: "AnnotationPage",
                start_index: 0,
                items,
            },
        };
        serde_json::to_string_pretty(&collection)
            .map(|json| Some(json + "\n"))
            .map_err(|e| format!("annotations: {e}"))
    }

    fn annotation(id: String, mark: &MarkedPassage, text: &[char]) -> Annotation {
        let note = &notes()[mark.note];
        let lang = text_lang(note.fallback).unwrap_or(t().lang);
        let string = |from: usize, to: usize| text[from..to].iter().collect::<String>();
        let assessment = match &note.assessment {
            Assessment::None => None,
            Assessment::Verdict { verdict, .. } => Some(t().verdict(*verdict).to_owned()),
            Assessment::Status { status, as_of } => Some(format!(
                "{} ({} {})",
                t().status(*status),
                t().as_of,
                t().date(*as_of)
            )),
        };
        let textual = |purpose: &'static str, value: String, language: &'static str| {
            Body::Textual(TextualBody {
                kind: "TextualBody",
                purpose,
                value,
                format: "text/plain",
                language,
            })
        };
        let mut body = vec![
            textual("describing", note.title.to_string(), lang),
            textual("tagging", t().kind(note.kind).to_owned(), t().lang),
        ];
        body.extend(assessment.map(|a| textual("assessing", a, t().lang)));
        body.push(Body::Page(WebPage {
            id: absolute(&note_href(mark.note)),
            kind: "Text",
            format: "text/html",
            language: lang,
        }));
        Annotation {
            id,
            kind: "Annotation",
            motivation: match note.kind {
                NoteKind::Claim | NoteKind::Request => "assessing",
                NoteKind::Context => "commenting",
            },
            creator: Agent {
                kind: "Organization",
                name: &crate::content::info().name,
            },
            body,
            target: Target {
                source: absolute(&crate::route::href(crate::route::Route::Letter(None))),
                selector: (
                    Selector::Quote {
                        exact: string(mark.start, mark.end),
                        prefix: string(mark.start.saturating_sub(CONTEXT_CHARS), mark.start),
                        suffix: string(mark.end, (mark.end + CONTEXT_CHARS).min(text.len())),
                    },
                    Selector::Position {
                        start: mark.start,
                        end: mark.end,
                    },
                ),
            },
        }
    }

    /// An AnnotationCollection with its one page embedded.
    #[derive(Serialize)]
    struct Collection {
        #[serde(rename = "@context")]
        context: &'static str,
        id: String,
        #[serde(rename = "type")]
        kind: &'static str,
        label: String,
        total: usize,
        first: Page,
    }

    #[derive(Serialize)]
    struct Page {
        id: String,
        #[serde(rename = "type")]
        kind: &'static str,
        #[serde(rename = "startIndex")]
        start_index: usize,
        items: Vec<Annotation>,
    }

    #[derive(Serialize)]
    struct Annotation {
        id: String,
        #[serde(rename = "type")]
        kind: &'static str,
        motivation: &'static str,
        creator: Agent,
        body: Vec<Body>,
        target: Target,
    }

    #[derive(Serialize)]
    struct Agent {
        #[serde(rename = "type")]
        kind: &'static str,
        name: &'static str,
    }

    #[derive(Serialize)]
    #[serde(untagged)]
    enum Body {
        Textual(TextualBody),
        Page(WebPage),
    }

    #[derive(Serialize)]
    struct TextualBody {
        #[serde(rename = "type")]
        kind: &'static str,
        purpose: &'static str,
        value: String,
        format: &'static str,
        language: &'static str,
    }

    /// An external web resource: the note's own page.
    #[derive(Serialize)]
    struct WebPage {
        id: String,
        #[serde(rename = "type")]
        kind: &'static str,
        format: &'static str,
        language: &'static str,
    }

    #[derive(Serialize)]
    struct Target {
        source: String,
        /// Two selectors for the same passage: the quote, then the position.
        selector: (Selector, Selector),
    }

    #[derive(Serialize)]
    #[serde(tag = "type")]
    enum Selector {
        #[serde(rename = "TextQuoteSelector")]
        Quote {
            exact: String,
            prefix: String,
            suffix: String,
        },
        #[serde(rename = "TextPositionSelector")]
        Position { start: usize, end: usize },
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn note_href(id: &str) -> String {
            let i = notes().iter().position(|n| n.id == id).unwrap();
            crate::route::note_href(i)
        }

        #[test]
        fn the_text_is_every_text_node_and_a_passage_leaves_out_hidden_words() {
            crate::edition::in_english(|| {
                let href = note_href("market-share");
                let html = format!(
                "<main><p>before</p><div class=\"letter-text\" lang=\"en\"><h2 class=\"label\">A &amp; B</h2>\
                 <p>one <a class=\"mark claim\" id=\"mark-market-share\" href=\"{href}\"><span class=\"badge\" aria-hidden=\"true\">1</span>\
                 <span class=\"vh\">Request 1: </span>m&#x27;arked<!> <em>text</em><span class=\"vh\"> (claim)</span></a><br/>two</p></div><p>after</p></main>"
            );
                let lt = letter_text(&html).unwrap();
                let text: String = lt.text.iter().collect();
                assert_eq!(text, "A & Bone 1Request 1: m'arked text (claim)two");
                assert_eq!(lt.marks.len(), 1);
                let m = &lt.marks[0];
                assert!(m.primary);
                assert_eq!(
                    lt.text[m.start..m.end].iter().collect::<String>(),
                    "m'arked text"
                );
            })
        }

        #[test]
        fn a_page_without_the_letter_text_or_with_a_broken_mark_is_an_error() {
            crate::edition::in_english(|| {
                assert!(letter_text("<main><p>no letter</p></main>").is_err());
                let html = "<div class=\"letter-text\"><a class=\"mark claim\" href=\"/elsewhere/\">x</a></div>";
                assert!(letter_text(html).unwrap_err().contains("not a note"));
                let href = note_href("market-share");
                let split = format!("<div class=\"letter-text\"><a class=\"mark claim\" href=\"{href}\">a<span class=\"vh\">b</span>c</a></div>");
                assert!(letter_text(&split).unwrap_err().contains("split"));
            })
        }

        #[test]
        fn positions_count_code_points() {
            crate::edition::in_english(|| {
                let href = note_href("market-share");
                let html = format!(
                "<div class=\"letter-text\"><p>“Q” – <a class=\"mark claim\" href=\"{href}\">x</a></p></div>"
            );
                let lt = letter_text(&html).unwrap();
                assert_eq!((lt.marks[0].start, lt.marks[0].end), (6, 7));
                assert!(!lt.marks[0].primary);
            })
        }
    }
}
