//! The corrections log as an Atom feed (RFC 4287), one per edition: `corrections.atom` at the edition's
//! root (`es/corrections.atom`). Atom wants absolute IRIs for ids and links, so the feed is written only
//! when the build knows the site's origin, like the annotations; every page then names it with
//! `<link rel="alternate" type="application/atom+xml">`. Entry ids are the entry's absolute URL on the
//! corrections page (`…/corrections/#<id>`), stable as long as the site stays where it is.
//!
//! XML is written by [`Xml`], a small writer that escapes every text and attribute value: no content
//! reaches the file unescaped.

use crate::content::{corrections, events, letter, notes};
use crate::edition;
use crate::i18n::t;
use crate::route::{correction_href, event_href, note_href, Route};
use contract::{absolute, asset, ORIGIN};
use leptos::prelude::*;
use model::{Date, Inline};

/// The edition's feed URL, when the build knows the origin (else there is no feed).
pub fn href() -> Option<String> {
    (!ORIGIN.is_empty()).then(|| absolute(&asset(&file())))
}

/// Where the edition's feed is written, relative to the site's root folder.
pub fn file() -> String {
    contract::route::corrections_feed_file(edition::lang())
}

/// The `<link rel="alternate">` that makes the feed discoverable from a page's `<head>`.
pub fn link() -> Option<impl IntoView> {
    let href = href()?;
    let title = format!(
        "{} — {}",
        t().corrections_title,
        crate::content::info().name
    );
    Some(view! { <link rel="alternate" r#type="application/atom+xml" href=href title=title/> })
}

/// A time stamp for a day (Atom's dates are RFC 3339 date-times).
fn timestamp(date: Date) -> String {
    format!("{date}T00:00:00Z")
}

/// The edition's Atom feed, when the build knows the origin.
pub fn atom() -> Option<String> {
    let self_href = href()?;
    let page = absolute(&href_of(Route::Corrections));
    let log = corrections();
    // The newest entry's day; without entries, the day the letter was made public.
    let updated = log
        .iter()
        .map(|c| c.date)
        .max()
        .unwrap_or(letter().published);
    let mut x = Xml::new();
    x.open(
        "feed",
        &[
            ("xmlns", "http://www.w3.org/2005/Atom"),
            ("xml:lang", t().lang),
        ],
    );
    x.element("id", &[], &page);
    x.element(
        "title",
        &[],
        &format!(
            "{} — {}",
            t().corrections_title,
            crate::content::info().name
        ),
    );
    x.element("subtitle", &[], t().corrections_intro);
    x.empty(
        "link",
        &[
            ("rel", "self"),
            ("type", "application/atom+xml"),
            ("href", &self_href),
        ],
    );
    x.empty(
        "link",
        &[("rel", "alternate"), ("type", "text/html"), ("href", &page)],
    );
    x.element("updated", &[], &timestamp(updated));
    x.open("author", &[]);
    x.element("name", &[], &crate::content::info().name);
    x.element("uri", &[], &absolute(&href_of(Route::Letter(None))));
    x.close("author");
    for (i, c) in log.iter().enumerate() {
        let url = absolute(&correction_href(i));
        x.open("entry", &[]);
        x.element("id", &[], &url);
        x.element("title", &[], &c.title);
        x.empty(
            "link",
            &[("rel", "alternate"), ("type", "text/html"), ("href", &url)],
        );
        if c.letter {
            let letter_url = absolute(&href_of(Route::Letter(None)));
            x.empty(
                "link",
                &[
                    ("rel", "related"),
                    ("href", &letter_url),
                    ("title", t().cited_letter),
                ],
            );
        }
        for &n in c.notes.iter() {
            let note_url = absolute(&note_href(n));
            x.empty(
                "link",
                &[
                    ("rel", "related"),
                    ("href", &note_url),
                    ("title", &notes()[n].title),
                ],
            );
        }
        for &e in c.events.iter() {
            let event_url = absolute(&event_href(e));
            x.empty(
                "link",
                &[
                    ("rel", "related"),
                    ("href", &event_url),
                    ("title", &events()[e].title),
                ],
            );
        }
        x.element("published", &[], &timestamp(c.date));
        x.element("updated", &[], &timestamp(c.date));
        let what = Inline::plain_text(&c.what);
        let why = Inline::plain_text(&c.why);
        x.element("summary", &[("type", "text")], &what);
        x.element(
            "content",
            &[("type", "text")],
            &format!(
                "{}: {what}\n\n{}: {why}",
                t().correction_what,
                t().correction_why
            ),
        );
        x.close("entry");
    }
    x.close("feed");
    Some(x.finish())
}

/// A route's URL path in the edition being rendered.
fn href_of(route: Route) -> String {
    crate::route::href(route)
}

/// A minimal XML writer: elements, attributes and text, every value escaped ([`escape`]), indented two
/// spaces per level.
pub struct Xml {
    out: String,
    depth: usize,
}

impl Default for Xml {
    fn default() -> Self {
        Self::new()
    }
}

impl Xml {
    /// A document with its XML declaration (UTF-8).
    pub fn new() -> Self {
        Xml {
            out: String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"),
            depth: 0,
        }
    }

    fn start_tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        debug_assert!(is_name(name), "not an XML name: {name}");
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            debug_assert!(is_name(key), "not an XML name: {key}");
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            self.out.push_str(&escape(value));
            self.out.push('"');
        }
    }

    /// Opens an element; its children follow, indented.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start_tag(name, attrs);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    /// Closes the element opened last.
    pub fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// An element holding only text.
    pub fn element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.start_tag(name, attrs);
        self.out.push('>');
        self.out.push_str(&escape(text));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// An element with no content.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start_tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// The document.
    pub fn finish(self) -> String {
        debug_assert_eq!(self.depth, 0, "unclosed elements");
        self.out
    }
}

/// Text or an attribute value as XML: `&`, `<`, `>`, `"` and `'` escaped, and the characters XML 1.0
/// cannot hold at all (controls other than tab, newline and carriage return; U+FFFE, U+FFFF) replaced by
/// U+FFFD. (The content compiler refuses them already; the writer does not rely on it.)
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Whether a name is a plain XML name as this writer uses them (ASCII letters, digits, `-`, `_`, `:`).
fn is_name(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_:".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        assert_eq!(
            escape(r#"a & b < c > d "e" 'f'"#),
            "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;"
        );
        assert_eq!(escape("tab\tnl\nok é"), "tab\tnl\nok é");
        assert_eq!(
            escape("nul\u{0}esc\u{1b}\u{FFFF}"),
            "nul\u{FFFD}esc\u{FFFD}\u{FFFD}"
        );
        // Already-escaped text is escaped again: the writer never passes markup through.
        assert_eq!(escape("&amp;"), "&amp;amp;");
    }

    #[test]
    fn the_writer_nests_and_escapes_everything() {
        let mut x = Xml::new();
        x.open("feed", &[("xmlns", "http://www.w3.org/2005/Atom")]);
        x.element("title", &[("type", "text")], "<script>&");
        x.empty("link", &[("href", "https://x.org/?a=1&b=\"2\"")]);
        x.close("feed");
        assert_eq!(
            x.finish(),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title type=\"text\">&lt;script&gt;&amp;</title>\n  <link href=\"https://x.org/?a=1&amp;b=&quot;2&quot;\"/>\n</feed>\n"
        );
    }

    #[test]
    fn without_an_origin_there_is_no_feed() {
        if ORIGIN.is_empty() {
            assert!(atom().is_none() && href().is_none());
        } else {
            let feed = atom().expect("a feed with an origin");
            assert!(feed.contains("<entry>"));
        }
    }
}
