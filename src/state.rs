//! Which note is open on the letter page as it is rendered (from the URL: `/notes/<id>/`). The letter page
//! provides it as context so the open note's mark carries `aria-current`; in the browser, the `browser` crate opens
//! and closes notes from there on.

use crate::content::notes;

/// The note open when the letter page is rendered, if any (an index into the site's notes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenNote(pub Option<usize>);

/// The element id of a note's mark in the letter (the mark focus returns to when the note closes).
pub fn mark_id(index: usize) -> String {
    contract::dom::mark_id(&notes()[index].id)
}
