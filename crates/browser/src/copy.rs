//! Copy buttons (on notes, passages, events and citations): a click writes a URL or a field's text to the
//! clipboard and says so in the page's polite live region. The buttons are prerendered and hidden by the
//! stylesheet until this marks the page able to copy (`html[data-can-copy]`): not inside a frame (a
//! cross-origin frame may not write to the host's clipboard) and not where the browser has no clipboard
//! API (a page served over plain HTTP from another host). One listener on the document also serves the
//! buttons of notes adopted later.

use crate::dom::{self, OrLog};
use contract::dom as names;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, HtmlTextAreaElement};

/// Reveals the copy buttons and listens for their clicks, where the clipboard can be written.
pub fn start(document: &Document) {
    if dom::framed() || !has_clipboard() {
        return;
    }
    let Some(html) = document.document_element() else {
        return;
    };
    html.set_attribute(names::CAN_COPY, "")
        .or_log("showing the copy buttons");
    dom::listen::<web_sys::MouseEvent>(document.as_ref(), "click", |ev| {
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| {
                t.closest(&format!("button.{}", names::COPY_BUTTON))
                    .or_log("finding a copy button")
                    .flatten()
            });
        if let Some(button) = button {
            copy(&button);
        }
    });
}

/// True when `navigator.clipboard` exists (only in secure contexts).
fn has_clipboard() -> bool {
    js_sys::Reflect::get(&dom::window().navigator(), &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null())
}

/// Copies what a button names: its URL (resolved against the page) or its field's text.
fn copy(button: &Element) {
    let field = button
        .get_attribute(names::COPY_FROM)
        .and_then(|id| dom::document().get_element_by_id(&id))
        .and_then(|f| f.dyn_into::<HtmlTextAreaElement>().ok());
    let text = match (&field, button.get_attribute(names::COPY_URL)) {
        (Some(field), _) => field.value(),
        (None, Some(url)) => {
            let here = dom::window().location().href().unwrap_or_default();
            match web_sys::Url::new_with_base(&url, &here).or_log("reading the link") {
                Some(url) => url.href(),
                None => return,
            }
        }
        (None, None) => return,
    };
    let written = dom::window().navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = JsFuture::from(written).await.or_log("copying").is_some();
        if !ok {
            // The reader can still copy the text by hand: it is selected for them.
            if let Some(field) = field {
                field.focus().or_log("focusing the text");
                field.select();
            }
        }
        announce(ok);
    });
}

/// Says in the live region that the copy was made (or not). The region is emptied first, so that the
/// same message is announced again on the next copy.
fn announce(ok: bool) {
    let Some(status) = dom::document().get_element_by_id(names::COPY_STATUS) else {
        return;
    };
    let message = status
        .get_attribute(if ok {
            names::COPY_DONE
        } else {
            names::COPY_FAILED
        })
        .unwrap_or_default();
    status.set_text_content(None);
    let say = Closure::once_into_js(move || status.set_text_content(Some(&message)));
    dom::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(say.unchecked_ref(), 100)
        .or_log("announcing the copy");
}
