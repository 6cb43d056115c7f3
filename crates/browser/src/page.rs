//! What every page with behaviour does: the language switch follows the reader, and embed snippets built
//! without a known origin get this page's.

use crate::dom::{self, OrLog};
use contract::dom as names;
use model::Lang;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlTextAreaElement};

/// Points the language switch at this very place in the other edition: the same note, filter and event.
pub fn sync_language_switch(lang: Lang) {
    let (path, query, fragment) = dom::here();
    let other = contract::edition::other(lang);
    let Some(href) = contract::route::in_edition(&format!("{path}{query}{fragment}"), other) else {
        return;
    };
    if let Some(link) = dom::first(&format!("[{}]", names::LANGUAGE_SWITCH)) {
        link.set_attribute("href", &href)
            .or_log("updating the language switch");
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
