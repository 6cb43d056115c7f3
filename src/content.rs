//! The content: one accessor per part, for the edition being rendered (see [`crate::edition`]). The
//! build's own content is compiled at build time from `content/` into statics (see `build.rs`), one
//! `Site` per edition ([`baked`]); a test may render any other site.

use crate::edition;
use model::{Correction, Date, Event, Letter, Note, Page, Site, SiteInfo, Source};

mod baked {
    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}

/// Every edition compiled into this build, in [`model::Lang::ALL`] order (what the prerenderer renders).
pub fn baked() -> &'static [&'static Site] {
    &baked::SITES
}

/// The letter.
pub fn letter() -> &'static Letter {
    &edition::current().site.letter
}

/// The date on the letter.
pub fn letter_date() -> Date {
    letter().date
}

/// Every note, letter marks first.
pub fn notes() -> &'static [Note] {
    &edition::current().site.notes
}

/// Every event, in date order.
pub fn events() -> &'static [Event] {
    &edition::current().site.events
}

/// Every source, with where this edition cites it.
pub fn sources() -> &'static [Source] {
    &edition::current().site.sources
}

/// The about page.
pub fn about() -> &'static Page {
    &edition::current().site.about
}

/// The site's name, short name and description (`site.toml`).
pub fn info() -> &'static SiteInfo {
    &edition::current().site.info
}

/// The corrections log, newest first.
pub fn corrections() -> &'static [Correction] {
    &edition::current().site.corrections
}

/// When the facts were last checked against the sources.
pub fn checked() -> Option<Date> {
    edition::current().site.checked
}

/// The note with this id.
pub fn note(id: &str) -> Option<&'static Note> {
    notes().iter().find(|n| n.id == id)
}

/// The index of the note with this id (the same in every edition).
pub fn note_index(id: &str) -> Option<usize> {
    notes().iter().position(|n| n.id == id)
}

/// The edition being rendered, whole (for code that reads a whole edition: the search index).
pub fn site() -> &'static Site {
    edition::current().site
}
