//! What every page with behaviour does: the language switch follows the reader, embed snippets built
//! without a known origin get this page's, and `/` or Ctrl+K (Cmd+K) goes to search.

use crate::dom::{self, OrLog};
use contract::dom as names;
use contract::Route;
use model::Lang;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlTextAreaElement, KeyboardEvent};

/// Points each link of the language switch (one per other edition, named by its `hreflang`) at this very
/// place in its edition: the same note, filter and event.
pub fn sync_language_switch(lang: Lang) {
    let (path, query, fragment) = dom::here();
    let here = format!("{path}{query}{fragment}");
    let selector = format!("[{}]", names::LANGUAGE_SWITCH);
    for link in dom::elements(dom::document().query_selector_all(&selector), &selector) {
        let Some(edition) = link
            .get_attribute("hreflang")
            .and_then(|tag| Lang::from_tag(&tag))
            .filter(|&edition| edition != lang)
        else {
            continue;
        };
        if let Some(href) = contract::route::in_edition(&here, edition) {
            link.set_attribute("href", &href)
                .or_log("updating the language switch");
        }
    }
}

/// Embed snippets built without a known origin get this page's.
pub fn fill_in_origin(document: &Document) {
    if !contract::ORIGIN.is_empty() {
        return;
    }
    let origin = dom::window()
        .location()
        .origin()
        .or_log("reading the origin")
        .unwrap_or_default();
    let selector = format!("textarea.{}", names::EMBED_SNIPPET);
    for area in dom::elements(document.query_selector_all(&selector), &selector) {
        if let Ok(area) = area.dyn_into::<HtmlTextAreaElement>() {
            let text = area.value().replace("src=\"/", &format!("src=\"{origin}/"));
            area.set_value(&text);
        }
    }
}

/// `/` (when the reader is not typing in a field) or Ctrl+K (Cmd+K) goes to the edition's search page,
/// which focuses its box. Only the search page loads the search code and index.
pub fn search_shortcut(document: &Document, lang: Lang) {
    dom::listen::<KeyboardEvent>(document.as_ref(), "keydown", move |ev| {
        let typing = dom::typing(&ev);
        let modifier = ev.ctrl_key() || ev.meta_key();
        let key = ev.key();
        let slash = key == "/" && !typing && !modifier && !ev.alt_key();
        if slash || (modifier && key.eq_ignore_ascii_case("k")) {
            ev.prevent_default();
            dom::window()
                .location()
                .assign(&Route::Search.href(lang))
                .or_log("going to search");
        }
    });
}
