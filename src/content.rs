//! The content, compiled at build time from `content/` into statics (see `build.rs`), one set per edition.
//! One accessor per part, for the edition being rendered (see [`crate::edition`]): what a build never
//! reads is never linked into it.

use crate::edition;
use model::{Date, Event, Lang, Letter, Note, Page, Site, Source};
use std::borrow::Cow;

mod baked {
    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}

/// The letter.
pub fn letter() -> &'static Letter {
    match edition::lang() {
        Lang::En => &baked::LETTER_EN,
        Lang::Es => &baked::LETTER_ES,
    }
}

/// The date on the letter (without linking the letter's text).
pub fn letter_date() -> Date {
    baked::LETTER_DATE
}

/// Every note, letter marks first.
pub fn notes() -> &'static [Note] {
    match edition::lang() {
        Lang::En => &baked::NOTES_EN,
        Lang::Es => &baked::NOTES_ES,
    }
}

/// Every event, in date order.
pub fn events() -> &'static [Event] {
    match edition::lang() {
        Lang::En => &baked::EVENTS_EN,
        Lang::Es => &baked::EVENTS_ES,
    }
}

/// Every source, with where this edition cites it.
pub fn sources() -> &'static [Source] {
    match edition::lang() {
        Lang::En => &baked::SOURCES_EN,
        Lang::Es => &baked::SOURCES_ES,
    }
}

/// The about page.
pub fn about() -> &'static Page {
    match edition::lang() {
        Lang::En => &baked::ABOUT_EN,
        Lang::Es => &baked::ABOUT_ES,
    }
}

/// When the facts were last checked against the sources.
pub fn checked() -> Option<Date> {
    baked::CHECKED
}

/// The note with this id.
pub fn note(id: &str) -> Option<&'static Note> {
    notes().iter().find(|n| n.id == id)
}

/// The index of the note with this id (the same in every edition).
pub fn note_index(id: &str) -> Option<usize> {
    notes().iter().position(|n| n.id == id)
}

/// The edition being rendered as one [`Site`] (its lists borrowed from the statics), for code that reads
/// a whole edition: the search index.
pub fn site() -> Site {
    Site {
        lang: edition::lang(),
        letter: letter().clone(),
        notes: Cow::Borrowed(notes()),
        events: Cow::Borrowed(events()),
        sources: Cow::Borrowed(sources()),
        about: about().clone(),
        checked: checked(),
    }
}
