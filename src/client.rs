//! The browser side, and all of it: the page arrives complete as static HTML, and on the letter page the
//! wasm hydrates only the notes column, and on the timeline only the filter, then adds behaviour with a few
//! listeners. Other pages load no wasm.
//!
//! - A click on any link to a note (a mark, a link in a note, the background list) opens the note in place.
//! - Back and Forward follow the URL; Escape closes the open note.
//! - The open note's mark carries `aria-current`.
//! - On the timeline, the filter follows and updates `?tracks=`, and the event named by `#<id>` gets focus.

use crate::content::{events, notes};
use crate::filter::TrackSet;
use crate::pages::letter::NotesColumn;
use crate::pages::timeline::TimelineFilter;
use crate::route::{note_href, Route};
use crate::state::NoteState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Starts the app for the current page.
pub fn start() {
    let window = web_sys::window().expect("a window");
    let document = window.document().expect("a document");
    let (lang, route) = Route::parse(&window.location().pathname().unwrap_or_default());
    crate::edition::set(lang);
    match route {
        Route::Letter(open) => letter_page(&document, NoteState::new(open)),
        Route::EmbedLetter => letter_page(&document, NoteState::in_frame()),
        Route::Timeline | Route::EmbedTimeline => timeline_page(&document),
        _ => return,
    }
    fill_in_origin(&document);
    if let Some(html) = document.document_element() {
        // Tells tests (and curious readers' tools) that the page is interactive.
        let _ = html.set_attribute("data-hydrated", "true");
    }
}

/// Embed snippets built without a known origin get this page's.
fn fill_in_origin(document: &web_sys::Document) {
    if !crate::route::ORIGIN.is_empty() {
        return;
    }
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let Ok(snippets) = document.query_selector_all("textarea.embed-snippet") else {
        return;
    };
    for i in 0..snippets.length() {
        if let Some(area) = snippets
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            let text = area.value().replace("src=\"/", &format!("src=\"{origin}/"));
            area.set_value(&text);
        }
    }
}

fn element(document: &web_sys::Document, id: &str) -> Option<web_sys::HtmlElement> {
    document
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// The letter page: hydrates the notes column; handles links to notes, Back and Escape.
fn letter_page(document: &web_sys::Document, state: NoteState) {
    let Some(column) = element(document, "notes") else {
        return;
    };
    let doc = document.clone();
    leptos::mount::hydrate_from(column, move || {
        provide_context(state);
        Effect::new(move |previous: Option<Option<usize>>| {
            let open = state.open.get();
            // A note's marks: one, or two where the original stands beside its translation.
            let marks = |i: usize, on: bool| {
                let selector = format!("a.mark[href=\"{}\"]", note_href(i));
                let Ok(list) = doc.query_selector_all(&selector) else {
                    return;
                };
                for k in 0..list.length() {
                    if let Some(el) = list
                        .item(k)
                        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                    {
                        let _ = if on {
                            el.set_attribute("aria-current", "true")
                        } else {
                            el.remove_attribute("aria-current")
                        };
                    }
                }
            };
            if let Some(i) = previous.flatten() {
                marks(i, false);
            }
            if let Some(i) = open {
                marks(i, true);
            }
            sync_language_switch(&doc);
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
}

/// The timeline: hydrates the filter, which follows `?tracks=` and writes it back; hides years with no
/// shown event; moves focus to the event named in the URL's fragment.
fn timeline_page(document: &web_sys::Document) {
    let Some(form) = element(document, "timeline-filter") else {
        return;
    };
    let selected = RwSignal::new(TrackSet::all());
    let doc = document.clone();
    leptos::mount::hydrate_from(form, move || {
        provide_context(selected);
        Effect::new(move |_| {
            let set = selected.get();
            let Some(window) = web_sys::window() else {
                return;
            };
            let location = window.location();
            let url = format!(
                "{}{}{}",
                location.pathname().unwrap_or_default(),
                set.to_query(),
                location.hash().unwrap_or_default()
            );
            if let Ok(history) = window.history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
            sync_language_switch(&doc);
            let mut years: Vec<u16> = events().iter().map(|e| e.date.year).collect();
            years.dedup();
            for year in years {
                let any = events().iter().any(|e| e.date.year == year && set.shows(e));
                if let Some(section) = element(&doc, &format!("year-{year}")) {
                    section.set_hidden(!any);
                }
            }
        });
        view! { <TimelineFilter/> }
    })
    .forget();
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    selected.set(TrackSet::from_query(&search));
    focus_fragment(selected);
    let doc = document.clone();
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        focus_fragment(selected);
        sync_language_switch(&doc);
    });
}

/// Points the language switch at this very place in the other edition: the same note, filter and event.
fn sync_language_switch(document: &web_sys::Document) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (lang, route) = Route::parse(&location.pathname().unwrap_or_default());
    let href = format!(
        "{}{}{}",
        route.href_in(crate::edition::other(lang)),
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default()
    );
    if let Ok(Some(link)) = document.query_selector("[data-language-switch]") {
        let _ = link.set_attribute("href", &href);
    }
}

/// Focuses (and shows, if the filter hides it) the event that the URL's fragment names.
fn focus_fragment(selected: RwSignal<TrackSet>) {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
        return;
    };
    let Some(event) = events().iter().find(|e| e.id == id) else {
        return;
    };
    if !selected.get_untracked().shows(event) {
        selected.set(
            event
                .tracks
                .iter()
                .fold(selected.get_untracked(), |s, &t| s.with(t, true)),
        );
    }
    // The browser may have focused and scrolled to the event itself while the page loaded, before the filter
    // hid the events above it; focusing it again would not scroll, so it is also brought into view.
    let id = id.to_owned();
    request_animation_frame(move || {
        let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
        else {
            return;
        };
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
        el.scroll_into_view();
    });
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
    // A link to the other edition (the language switch) is a page load, not a note.
    if let (lang, Route::Letter(Some(note))) = Route::parse(&href) {
        if lang == crate::edition::lang() && note < notes().len() {
            ev.prevent_default();
            state.open_note(note);
        }
    }
}
