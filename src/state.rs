//! The letter page's one piece of interactive state: which note is open. The URL follows it (History API):
//! opening a note goes to `/notes/<id>/`, Back closes it, and the note's title becomes the page's title.
//! Native builds (prerendering) compile the browser calls away.

use crate::content::notes;
use crate::route::{note_href, Route};
use leptos::prelude::*;

/// Which note is open on the letter page, provided as context by the letter page.
#[derive(Clone, Copy)]
pub struct NoteState {
    /// The open note's index into the site's notes.
    pub open: RwSignal<Option<usize>>,
    /// True when this page pushed the history entry of the open note (so closing can go Back).
    pushed: StoredValue<bool>,
    /// The note whose mark should get focus back when the note closes.
    return_to: StoredValue<Option<usize>>,
    /// False inside an iframe: the host page's Back button must not walk through our notes.
    history: bool,
}

impl NoteState {
    /// State for a page that starts with `open` (from the URL).
    pub fn new(open: Option<usize>) -> Self {
        NoteState {
            open: RwSignal::new(open),
            pushed: StoredValue::new(false),
            return_to: StoredValue::new(open),
            history: true,
        }
    }

    /// State for the letter embedded in an iframe: notes open and close in place, the URL stays.
    pub fn in_frame() -> Self {
        NoteState {
            history: false,
            ..Self::new(None)
        }
    }

    /// Opens a note: pushes its URL, sets the title and moves focus into it.
    pub fn open_note(&self, index: usize) {
        if self.open.get_untracked() == Some(index) {
            browser::focus_id("note-title");
            return;
        }
        if self.history {
            browser::push(&note_href(index));
            self.pushed.set_value(true);
            browser::set_title(&crate::head::title(Route::Letter(Some(index))));
        }
        self.return_to.set_value(Some(index));
        self.open.set(Some(index));
        browser::focus_id("note-title");
    }

    /// Closes the open note (Back if this page opened it) and returns focus to its mark.
    pub fn close(&self) {
        if !self.history {
            self.show(None);
            return;
        }
        if self.pushed.get_value() {
            // popstate will update the state.
            browser::back();
            return;
        }
        browser::push(&Route::Letter(None).href());
        self.show(None);
    }

    /// Follows the URL after Back or Forward.
    pub fn follow_location(&self) {
        let open = match Route::parse(&browser::pathname()).1 {
            Route::Letter(open) => open,
            _ => None,
        };
        if open.is_none() {
            self.pushed.set_value(false);
        }
        self.show(open);
    }

    fn show(&self, open: Option<usize>) {
        let previous = self.open.get_untracked();
        self.open.set(open);
        if self.history {
            // Inside an iframe the title belongs to the embed, not to a note.
            browser::set_title(&crate::head::title(Route::Letter(open)));
        }
        match open {
            Some(_) => browser::focus_id("note-title"),
            None => {
                if let Some(i) = self.return_to.get_value().or(previous) {
                    browser::focus_id(&mark_id(i));
                }
            }
        }
    }
}

/// The element id of a note's mark in the letter.
pub fn mark_id(index: usize) -> String {
    format!("mark-{}", notes()[index].id)
}

/// Browser calls; no-ops when prerendering.
#[cfg(feature = "hydrate")]
pub mod browser {
    use wasm_bindgen::JsCast;

    fn window() -> web_sys::Window {
        web_sys::window().expect("a window")
    }

    /// Pushes a history entry for `href`.
    pub fn push(href: &str) {
        let _ = window()
            .history()
            .and_then(|h| h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href)));
    }

    /// Goes Back one history entry.
    pub fn back() {
        let _ = window().history().and_then(|h| h.back());
    }

    /// The current URL path.
    pub fn pathname() -> String {
        window().location().pathname().unwrap_or_default()
    }

    /// Sets the document's title.
    pub fn set_title(title: &str) {
        if let Some(doc) = window().document() {
            doc.set_title(title);
        }
    }

    /// Focuses the element with this id once the view has updated.
    pub fn focus_id(id: &str) {
        let id = id.to_owned();
        leptos::prelude::request_animation_frame(move || {
            let el = window().document().and_then(|d| d.get_element_by_id(&id));
            if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        });
    }
}

/// Browser calls; no-ops when prerendering.
#[cfg(not(feature = "hydrate"))]
pub mod browser {
    /// Pushes a history entry for `href`.
    pub fn push(_href: &str) {}
    /// Goes Back one history entry.
    pub fn back() {}
    /// The current URL path.
    pub fn pathname() -> String {
        String::new()
    }
    /// Sets the document's title.
    pub fn set_title(_title: &str) {}
    /// Focuses the element with this id once the view has updated.
    pub fn focus_id(_id: &str) {}
}
