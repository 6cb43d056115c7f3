//! The browser's view of [`search`]: load an edition's index bytes once, then ask it queries. Built as
//! its own small wasm module (apart from the app), so its code costs nothing until the reader goes to
//! search. Results are plain values: the page builds text nodes and `<mark>` elements from them, never
//! HTML.
#![deny(missing_docs)]

use search::{Highlighted, Index};
use wasm_bindgen::prelude::*;

/// A loaded index.
#[wasm_bindgen]
pub struct Search(Index);

/// Separates results in what [`Search::search`] returns.
pub const RECORD: char = '\u{1e}';
/// Separates a result's fields.
pub const FIELD: char = '\u{1f}';
/// Separates the plain and marked parts of a title or snippet.
pub const PART: char = '\u{1d}';

#[wasm_bindgen]
impl Search {
    /// Loads an index's bytes ([`search::Built::index`]); bytes that are not an index are an error.
    /// Queries count and rank at once; titles and snippets come with [`Search::texts`].
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8]) -> Result<Search, JsError> {
        Index::load(bytes)
            .map(Search)
            .map_err(|e| JsError::new(e.reason()))
    }

    /// Loads the texts built with the index ([`search::Built::texts`]); texts of another build are an
    /// error.
    pub fn texts(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.0
            .load_texts(bytes)
            .map_err(|e| JsError::new(e.reason()))
    }

    /// The results for `query`, grouped by kind, at most `limit` of each kind, as one string (one string
    /// crosses into JavaScript for a fraction of the code a list of objects costs): results separated by
    /// [`RECORD`], each with these fields separated by [`FIELD`]: kind (`passage`, `note`, `event`,
    /// `source`, in that order), how many results of that kind there are in all, id, a note's kind slug,
    /// its verdict or status slug, a date (ISO 8601 at its precision), a publisher, the title and the
    /// snippet. Title and snippet are parts separated by [`PART`], plain and matched words in turn, plain
    /// first; until [`Search::texts`] has loaded, every text field is empty (kinds and counts are right). Content holds no control characters (the compiler refuses them), so the separators are
    /// never in the text. Any text is a query.
    pub fn search(&self, query: &str, limit: usize) -> String {
        let index = &self.0;
        let results = index.search(query, limit);
        let mut out = String::new();
        for group in &results.groups {
            for hit in &group.hits {
                let Some(doc) = index.doc(hit.doc) else {
                    continue;
                };
                if !out.is_empty() {
                    out.push(RECORD);
                }
                let total = group.total.to_string();
                for field in [
                    group.kind.slug(),
                    &total,
                    &doc.id,
                    &doc.label,
                    &doc.status,
                    &doc.date,
                    &doc.publisher,
                ] {
                    out.push_str(field);
                    out.push(FIELD);
                }
                push_parts(&hit.title, &mut out);
                out.push(FIELD);
                push_parts(&hit.snippet, &mut out);
            }
        }
        out
    }
}

/// Highlighted text as alternating parts separated by [`PART`], plain first: `"\u{1d}BYD\u{1d} builds"`.
pub fn push_parts(h: &Highlighted, out: &mut String) {
    let mut count = 0;
    let mut part = |text: &str, out: &mut String| {
        if count > 0 {
            out.push(PART);
        }
        out.push_str(text);
        count += 1;
    };
    let mut marked_next = false;
    for (text, mark) in h.segments() {
        if mark != marked_next {
            part("", out);
        }
        part(text, out);
        marked_next = !mark;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(h: &Highlighted) -> Vec<String> {
        let mut out = String::new();
        push_parts(h, &mut out);
        out.split(PART).map(str::to_owned).collect()
    }

    #[test]
    fn parts_alternate_plain_and_marked_starting_plain() {
        let h = Highlighted {
            text: "BYD and BYD".into(),
            marks: vec![0..3, 8..11],
        };
        assert_eq!(parts(&h), ["", "BYD", " and ", "BYD"]);
        let plain = Highlighted {
            text: "nothing".into(),
            marks: vec![],
        };
        assert_eq!(parts(&plain), ["nothing"]);
    }
}
