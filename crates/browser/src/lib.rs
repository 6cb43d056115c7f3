//! The browser app's modules, shared by its two wasm binaries: every page arrives complete as static HTML,
//! rendered at build time; the wasm renders nothing and carries no content (it depends on the `contract`
//! crate and the model's plain types only). On the letter and the timeline it adds behaviour with a few
//! listeners over the prerendered DOM:
//!
//! - [`letter`]: notes open in place, ready before the click; URL, title, focus, Back, Escape.
//! - [`clean`]: on the letter, clean reading (`?annotations=off`) toggled in place.
//! - [`timeline`]: the filter follows and writes `?tracks=`, counts, hides empty years; `#<id>` focused.
//! - [`copy`]: on both, copy buttons write a link or a citation to the clipboard and say so.
//! - [`page`]: on both, the language switch keeps pointing at this very place in the other edition, and
//!   embed snippets get the origin when the build did not know it; `/` or Ctrl+K goes to search.
//!
//! Two binaries, so that a page downloads only its own behaviour: `letter-explainer` (`src/main.rs`, built
//! by trunk) for the letter's pages, `timeline` (`src/bin/timeline.rs`, built by `cargo xtask build` like
//! the search module) for the timeline's. Each calls [`start`] with its page's behaviour.
//!
//! Each page's listeners share one typed state; what fails is logged to the console, never dropped.
//!
//! Architecture Invariant: this crate's only path dependencies are `contract` and `model` (its
//! `Cargo.toml`): no site crate, no Leptos, no content, no serde. Adding one is where "no content in the
//! wasm" would break, whatever the size test says.

pub mod clean;
pub mod copy;
pub mod dom;
pub mod letter;
pub mod page;
pub mod timeline;

use contract::Route;
use dom::OrLog;
use model::Lang;
use web_sys::Document;

/// What every page with behaviour does, around `behaviour`, the page's own: it is given the document,
/// the edition and the route read from the address, and returns false when this binary has nothing for
/// the route (then nothing else is done). Copy buttons first, the page's behaviour, then the language
/// switch, embed snippets' origin, the search shortcut, and the mark that says the page is interactive.
pub fn start(behaviour: impl FnOnce(&Document, Lang, Route) -> bool) {
    let document = dom::document();
    let path = dom::window()
        .location()
        .pathname()
        .or_log("reading the address")
        .unwrap_or_default();
    let (lang, route) = Route::parse(&path);
    // First: revealing the copy buttons must not move what the pages below scroll to and focus.
    copy::start(&document);
    if !behaviour(&document, lang, route) {
        return;
    }
    page::fill_in_origin(&document);
    page::sync_language_switch(lang);
    if !dom::framed() {
        page::search_shortcut(&document, lang);
    }
    if let Some(html) = document.document_element() {
        // Tells tests (and curious readers' tools) that the page is interactive.
        html.set_attribute(contract::dom::READY, "true")
            .or_log("marking the page ready");
    }
}
