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
    use crate::html_tokens::{decode, tokens, Token};
    use crate::i18n::t;
    use crate::route::note_href;
    use contract::dom;
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
        let mut out = LetterText {
            text: Vec::new(),
            marks: Vec::new(),
        };
        let mut tokens = tokens(html)
            .map(|(_, token)| token)
            .skip_while(
                |token| !matches!(token, Token::Start(tag) if tag.has_class(dom::LETTER_TEXT)),
            )
            .peekable();
        if tokens.peek().is_none() {
            return Err(format!(
                "the letter page has no element of class {}",
                dom::LETTER_TEXT
            ));
        }
        // Open elements: (name, opens a mark, hides its text from the passage).
        let mut open: Vec<(String, bool, bool)> = Vec::new();
        let mut mark: Option<OpenMark> = None;
        for token in tokens {
            match token {
                Token::Text(text) => {
                    let text = decode(text)?;
                    let hidden = open.iter().any(|(_, _, hidden)| *hidden);
                    let at = out.text.len();
                    out.text.extend(text.chars());
                    if let (Some((_, _, passage)), false) = (&mut mark, hidden) {
                        *passage = match *passage {
                            None => Some((at, out.text.len())),
                            Some((s, e)) if e == at => Some((s, out.text.len())),
                            Some(_) => {
                                return Err("a mark's passage is split by hidden text".into())
                            }
                        };
                    }
                }
                Token::Comment(_) | Token::Declaration(_) => {}
                Token::Unclosed(rest) => return Err(format!("unclosed markup: {rest}")),
                Token::End(name) => {
                    let name = name.to_ascii_lowercase();
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
                    if open.is_empty() {
                        return Ok(out);
                    }
                }
                Token::Start(tag) if tag.is_void() => {}
                Token::Start(tag) => {
                    let note = if tag.is("a") && tag.has_class(dom::MARK) {
                        let href = decode(tag.attr("href").ok_or("a mark without href")?)?;
                        Some(note_of(&href).ok_or(format!("a mark links {href}, not a note"))?)
                    } else {
                        None
                    };
                    if let Some(note) = note {
                        if mark.is_some() {
                            return Err("a mark inside a mark".into());
                        }
                        mark = Some((note, tag.attr("id").is_some(), None));
                    }
                    let hidden = tag.has_class("vh") || tag.attr("aria-hidden") == Some("true");
                    open.push((tag.name.to_ascii_lowercase(), note.is_some(), hidden));
                }
            }
        }
        Err("the letter text is not closed".into())
    }

    /// A mark being read: its note, whether it is primary, and where its passage is so far.
    type OpenMark = (usize, bool, Option<(usize, usize)>);

    /// The note a mark's `href` opens, in the edition being rendered.
    fn note_of(href: &str) -> Option<usize> {
        (0..notes().len()).find(|&i| note_href(i) == href)
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
