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

/// One result.
#[wasm_bindgen(getter_with_clone)]
pub struct Found {
    /// `passage`, `note`, `event` or `source`; results come grouped in that order.
    #[wasm_bindgen(readonly)]
    pub kind: String,
    /// How many results of this kind there are in all (more than are listed when over the limit).
    #[wasm_bindgen(readonly)]
    pub of_kind: u32,
    /// The note, event or source id (for a passage, the note whose mark to focus; may be empty).
    #[wasm_bindgen(readonly)]
    pub id: String,
    /// A note's kind slug (`claim`, `request`, `context`).
    #[wasm_bindgen(readonly)]
    pub label: String,
    /// A note's verdict or status slug.
    #[wasm_bindgen(readonly)]
    pub status: String,
    /// An event's or source's date (ISO 8601 at its precision).
    #[wasm_bindgen(readonly)]
    pub date: String,
    /// A source's publisher.
    #[wasm_bindgen(readonly)]
    pub publisher: String,
    /// The title in parts: even places are plain text, odd places matched words.
    #[wasm_bindgen(readonly)]
    pub title: Vec<String>,
    /// The snippet in parts, as the title.
    #[wasm_bindgen(readonly)]
    pub snippet: Vec<String>,
}

#[wasm_bindgen]
impl Search {
    /// Loads an index's bytes; bytes that are not an index are an error.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8]) -> Result<Search, JsError> {
        Index::load(bytes)
            .map(Search)
            .map_err(|e| JsError::new(e.reason()))
    }

    /// The results for `query`, grouped by kind, at most `limit` of each kind. Any text is a query.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Found> {
        let index = &self.0;
        let results = index.search(query, limit);
        let mut out = Vec::new();
        for group in &results.groups {
            for hit in &group.hits {
                let Some(doc) = index.doc(hit.doc) else {
                    continue;
                };
                out.push(Found {
                    kind: group.kind.slug().into(),
                    of_kind: group.total as u32,
                    id: doc.id.clone(),
                    label: doc.label.clone(),
                    status: doc.status.clone(),
                    date: doc.date.clone(),
                    publisher: doc.publisher.clone(),
                    title: parts(&hit.title),
                    snippet: parts(&hit.snippet),
                });
            }
        }
        out
    }
}

/// Highlighted text as alternating parts, plain first: `["", "BYD", " builds cars"]`.
pub fn parts(h: &Highlighted) -> Vec<String> {
    let mut out = Vec::new();
    for (text, mark) in h.segments() {
        if mark == (out.len() % 2 == 0) {
            out.push(String::new());
        }
        out.push(text.to_owned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
