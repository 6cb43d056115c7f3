//! Clean reading on the letter. Two prerendered links, "Hide annotations" (`?annotations=off`) and "Show
//! annotations" (the letter without it); the stylesheet shows the one that changes the state on `<html>`
//! (`data-annotations`, set from the address by `public/display.js` before the first paint). Here a plain
//! click toggles in place: the state on `<html>`, the address (replaced, not pushed: it is a way of
//! reading, not a place), the language switch, and focus to the link now shown. Marks stay links in the
//! tab order; only their look changes.

use crate::dom::{self, OrLog};
use crate::page::sync_language_switch;
use contract::dom as names;
use contract::query;
use model::Lang;
use web_sys::Element;

/// True while the address asks for clean reading (`?annotations=off`).
fn in_address() -> bool {
    let (_, search, _) = dom::here();
    query::param(&search, names::ANNOTATIONS_PARAM) == Some(names::ANNOTATIONS_OFF)
}

/// Puts the state of the current address on `<html>` (after Back or Forward).
pub fn follow_address() {
    show(in_address());
}

fn show(off: bool) {
    if let Some(html) = dom::document().document_element() {
        html.set_attribute(names::ANNOTATIONS_STATE, if off { "off" } else { "on" })
            .or_log("switching clean reading");
    }
}

/// Handles a plain click on `link` if it is a clean-reading link; true if it was.
pub fn on_click(link: &Element, lang: Lang) -> bool {
    let Some(to) = link.get_attribute(names::ANNOTATIONS_TO) else {
        return false;
    };
    let off = to == names::ANNOTATIONS_OFF;
    show(off);
    let (path, search, fragment) = dom::here();
    let value = off.then_some(names::ANNOTATIONS_OFF);
    let search = query::with_param(&search, names::ANNOTATIONS_PARAM, value);
    dom::replace_url(&format!("{path}{search}{fragment}"));
    sync_language_switch(lang);
    let other = if off { "on" } else { names::ANNOTATIONS_OFF };
    if let Some(next) = dom::first(&format!("[{}=\"{other}\"]", names::ANNOTATIONS_TO)) {
        dom::focus_quietly(next);
    }
    true
}

/// The current query, to keep in an address the letter pushes (a note opened or closed in place).
pub fn kept_query() -> String {
    let value = in_address().then_some(names::ANNOTATIONS_OFF);
    query::with_param("", names::ANNOTATIONS_PARAM, value)
}
