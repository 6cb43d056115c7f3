//! The content, compiled at build time from `content/` into statics (see `build.rs`). One accessor per
//! part: what a build never reads is never linked into it.

use model::{Date, Event, Letter, Note, Page, Source};

mod baked {
    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}

/// The letter.
pub fn letter() -> &'static Letter {
    &baked::LETTER
}

/// The date on the letter (without linking the letter's text).
pub fn letter_date() -> Date {
    baked::LETTER_DATE
}

/// Every note, letter marks first.
pub fn notes() -> &'static [Note] {
    &baked::NOTES
}

/// Every event, in date order.
pub fn events() -> &'static [Event] {
    &baked::EVENTS
}

/// Every source.
pub fn sources() -> &'static [Source] {
    &baked::SOURCES
}

/// The about page.
pub fn about() -> &'static Page {
    &baked::ABOUT
}

/// When the facts were last checked against the sources.
pub fn checked() -> Option<Date> {
    baked::CHECKED
}

/// The index of the note with this id.
pub fn note_index(id: &str) -> Option<usize> {
    notes().iter().position(|n| n.id == id)
}
