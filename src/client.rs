//! The browser side, and all of it: the page arrives complete as static HTML, and on the letter page the
//! wasm hydrates only the notes column, then adds behaviour with a few listeners. Other pages load no wasm.
//!
//! - A click on any link to a note (a mark, a link in a note, the background list) opens the note in place.
//! - Back and Forward follow the URL; Escape closes the open note.
//! - The open note's mark carries `aria-current` and the `active` class.

use crate::content::notes;
use crate::pages::letter::NotesColumn;
use crate::route::Route;
use crate::state::{mark_id, NoteState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Starts the app for the current page.
pub fn start() {
    let window = web_sys::window().expect("a window");
    let document = window.document().expect("a document");
    let path = window.location().pathname().unwrap_or_default();
    let Route::Letter(open) = Route::parse(&path) else {
        return;
    };
    let Some(column) = document
        .get_element_by_id("notes")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let state = NoteState::new(open);
    leptos::mount::hydrate_from(column, move || {
        provide_context(state);
        Effect::new(move |previous: Option<Option<usize>>| {
            let open = state.open.get();
            let mark = |i: usize| document.get_element_by_id(&mark_id(i));
            if let Some(el) = previous.flatten().and_then(mark) {
                let _ = el.remove_attribute("aria-current");
            }
            if let Some(el) = open.and_then(mark) {
                let _ = el.set_attribute("aria-current", "true");
            }
            open
        });
        view! { <NotesColumn/> }
    })
    .forget();

    let _ = window_event_listener(leptos::ev::click, move |ev| on_click(ev, state));
    let _ = window_event_listener(leptos::ev::popstate, move |_| state.follow_location());
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && state.open.get_untracked().is_some() {
            state.close();
        }
    });
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        // Tells tests (and curious readers' tools) that the page is interactive.
        let _ = html.set_attribute("data-hydrated", "true");
    }
}

/// A plain click on a link to a note opens it in place; the close link closes; modified clicks (new tab,
/// new window) are left to the browser.
fn on_click(ev: web_sys::MouseEvent, state: NoteState) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return;
    }
    let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
    else {
        return;
    };
    if link.class_list().contains("note-close") {
        ev.prevent_default();
        state.close();
        return;
    }
    let href = link.get_attribute("href").unwrap_or_default();
    if let Route::Letter(Some(note)) = Route::parse(&href) {
        if note < notes().len() {
            ev.prevent_default();
            state.open_note(note);
        }
    }
}
