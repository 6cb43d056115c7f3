//! What the page being rendered needs to know about where it is shown, as context: which note is open on
//! the letter page (from the URL: `/notes/<id>/`), so the open note's mark carries `aria-current` (in the
//! browser, the `browser` crate opens and closes notes from there on); and whether the page is made for someone else's
//! iframe, so that none of its links navigates that frame.

use crate::content::notes;
use leptos::prelude::use_context;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// The note open when the letter page is rendered, if any (an index into the site's notes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenNote(pub Option<usize>);

/// The element id of a note's mark in the letter (the mark focus returns to when the note closes).
pub fn mark_id(index: usize) -> String {
    contract::dom::mark_id(&notes()[index].id)
}

/// Counts the letter's passages as the letter page renders them (provided by the letter page), so each
/// passage in the reader's text gets its anchor ([`contract::dom::passage_id`]): the same numbering as
/// the search index's passages (paragraphs, list items, quoted paragraphs, in order).
#[derive(Clone, Debug, Default)]
pub struct Passages(Arc<AtomicUsize>);

/// The next passage's anchor, on the letter page.
pub fn next_passage_id() -> Option<String> {
    use_context::<Passages>().map(|p| {
        let n = p.0.fetch_add(1, Ordering::Relaxed) + 1;
        contract::dom::passage_id(n)
    })
}

/// True while rendering an embed: a page made for an iframe in someone else's page (provided by `App`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Framed(pub bool);

pub use contract::dom::NEW_TAB_REL;

/// The `target` of a link on the page being rendered: inside an embed every link opens in a new tab, so
/// that none navigates the news site's frame (where a full-site page may not be framed at all, and a page
/// of another site could talk to the host page as if it were the embed).
pub fn link_target() -> Option<&'static str> {
    framed().then_some("_blank")
}

/// The `rel` of a link to one of the site's own pages: [`NEW_TAB_REL`] where it opens in a new tab.
pub fn own_link_rel() -> Option<&'static str> {
    framed().then_some(NEW_TAB_REL)
}

/// True while rendering an embed (see [`Framed`]).
pub fn framed() -> bool {
    use_context::<Framed>().is_some_and(|f| f.0)
}
