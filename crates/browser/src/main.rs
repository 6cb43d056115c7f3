//! The browser app, and all of it. Every page arrives complete as static HTML, rendered at build time; the
//! wasm renders nothing and carries no content (it depends on the `contract` crate and the model's plain
//! types only). On the letter and the timeline it adds behaviour with a few listeners over the
//! prerendered DOM:
//!
//! - [`letter`]: notes open in place, ready before the click; URL, title, focus, Back, Escape.
//! - [`clean`]: on the letter, clean reading (`?annotations=off`) toggled in place.
//! - [`timeline`]: the filter follows and writes `?tracks=`, counts, hides empty years; `#<id>` focused.
//! - [`copy`]: on both, copy buttons write a link or a citation to the clipboard and say so.
//! - [`page`]: on both, the language switch keeps pointing at this very place in the other edition, and
//!   embed snippets get the origin when the build did not know it; `/` or Ctrl+K goes to search.
//!
//! Each page's listeners share one typed state; what fails is logged to the console, never dropped.
//!
//! Architecture Invariant: this crate's only path dependencies are `contract` and `model` (its
//! `Cargo.toml`): no site crate, no Leptos, no content, no serde. Adding one is where "no content in the
//! wasm" would break, whatever the size test says.

mod clean;
mod copy;
mod dom;
mod letter;
mod page;
mod timeline;

use contract::Route;
use dom::OrLog;

fn main() {
    let document = dom::document();
    let path = dom::window()
        .location()
        .pathname()
        .or_log("reading the address")
        .unwrap_or_default();
    let (lang, route) = Route::parse(&path);
    // First: revealing the copy buttons must not move what the pages below scroll to and focus.
    copy::start(&document);
    match route {
        Route::Letter(open) => {
            letter::start(&document, lang, open.map(str::to_owned), !dom::framed())
        }
        Route::EmbedLetter => letter::start(&document, lang, None, false),
        Route::Timeline | Route::TimelineYear(_) | Route::EmbedTimeline => {
            timeline::start(&document, lang)
        }
        _ => return,
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
