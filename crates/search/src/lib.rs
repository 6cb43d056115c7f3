//! Full-text search over the site, one index per edition.
//!
//! Architecture Invariant: this crate knows no route, URL, interface string or HTML: a hit names a kind
//! and an id, labels are content's slugs, snippets are text with marked ranges. The site makes the rest.
//!
//! At build time [`documents`] turns an edition's [`model::Site`] into [`Doc`]s (letter passages, notes,
//! timeline events, sources) and [`build`] writes them as two files ([`Built`]): the index (each word
//! folded, no case or accents, and stemmed with the edition's Snowball stemmer; a sorted front-coded
//! term list; delta-coded postings that flag title words) and the texts results show. In the browser
//! [`Index::load`] reads the index, [`Index::load_texts`] the texts, and [`Index::search`] answers a
//! query: every word must match (AND), the last one also as the start of a longer word while the reader
//! is typing it, title matches rank above body matches, and results come grouped by kind with a snippet
//! and the matched words marked.
//!
//! The same analysis ([`text::Analyzer`]) runs on both sides, so "vehiculos" typed in a query and
//! "vehículos" in a note become the same key. Any text is a valid query; bytes that are not an index are
//! an error. Neither side panics.
#![deny(missing_docs)]

mod bytes;
mod index;
mod query;
mod site;
pub mod text;

pub use bytes::LoadError;
pub use index::{build, Built};
pub use query::{Group, Highlighted, Hit, Index, Results};
pub use site::documents;

/// What a document is; results are grouped in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A passage of the letter (a paragraph or a list item).
    Passage,
    /// A note.
    Note,
    /// A timeline event.
    Event,
    /// A source.
    Source,
}

impl Kind {
    /// Every kind, in the order results show them.
    pub const ALL: [Kind; 4] = [Kind::Passage, Kind::Note, Kind::Event, Kind::Source];

    /// A name for the kind (`passage`, `note`, `event`, `source`).
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Passage => "passage",
            Kind::Note => "note",
            Kind::Event => "event",
            Kind::Source => "source",
        }
    }
}

/// One searchable thing, as indexed and as a result shows it. Display fields are stored as given; empty
/// means "none".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    /// What it is.
    pub kind: Kind,
    /// Where a result leads: the id of the note, event or source; for a passage, its place in the letter
    /// counted from 1 (`"1"`, `"2"`…), from which the site makes the passage's anchor.
    pub id: String,
    /// The title (searched, and ranked above the body).
    pub title: String,
    /// The text searched and shown in snippets.
    pub body: String,
    /// More text searched but not shown (a note's body beyond its summary): the index keeps its words'
    /// keys, not the text, so it is always empty in a loaded index.
    pub more: String,
    /// A note's kind as content writes it (`claim`, `request`, `context`), for the reader's catalog.
    pub label: String,
    /// A claim's verdict or a request's status as content writes it (`needs-context`, `partly-met`…).
    pub status: String,
    /// An event's or a source's date, ISO 8601 at its precision (`2024`, `2024-09`, `2024-09-30`).
    pub date: String,
    /// A source's publisher.
    pub publisher: String,
}

impl Doc {
    /// A document of this kind with every field empty.
    pub fn new(kind: Kind) -> Doc {
        Doc {
            kind,
            id: String::new(),
            title: String::new(),
            body: String::new(),
            more: String::new(),
            label: String::new(),
            status: String::new(),
            date: String::new(),
            publisher: String::new(),
        }
    }

    /// The text fields, in the order the index stores them.
    pub(crate) fn fields(&self) -> [&str; 7] {
        [
            &self.id,
            &self.title,
            &self.body,
            &self.label,
            &self.status,
            &self.date,
            &self.publisher,
        ]
    }

    /// The text field at `i` in [`Doc::fields`]' order.
    pub(crate) fn field_mut(&mut self, i: usize) -> &mut String {
        match i {
            0 => &mut self.id,
            1 => &mut self.title,
            2 => &mut self.body,
            3 => &mut self.label,
            4 => &mut self.status,
            5 => &mut self.date,
            _ => &mut self.publisher,
        }
    }
}
