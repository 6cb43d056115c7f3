//! Copy buttons (on notes, passages, events and citations): a click writes a URL or a field's text to the
//! clipboard and says so in the page's polite live region. The buttons are prerendered and hidden by the
//! stylesheet until this marks the page able to copy (`html[data-can-copy]`): not inside a frame (a
//! cross-origin frame may not write to the host's clipboard) and not where the browser has no clipboard
//! API (a page served over plain HTTP from another host). One listener on the document also serves the
//! buttons of notes adopted later.

use crate::dom::{self, OrLog};
use contract::dom as names;
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
    // A button's only child elements are visually hidden: a click's target is the button itself.
    dom::listen::<web_sys::MouseEvent>(document.as_ref(), "click", |ev| {
        if let Some(button) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) {
            if button.class_list().contains(names::COPY_BUTTON) {
                copy(&button);
            }
        }
    });
}

/// True when `navigator.clipboard` exists (only in secure contexts).
fn has_clipboard() -> bool {
    js_sys::Reflect::get(&dom::window().navigator(), &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null())
}

/// Copies what a button names: its field's text, or its URL (with this page's origin when the build did
/// not know the site's).
fn copy(button: &Element) {
    let text = match (
        button.get_attribute(names::COPY_FROM),
        button.get_attribute(names::COPY_URL),
    ) {
        (Some(id), _) => match dom::document()
            .get_element_by_id(&id)
            .and_then(|f| f.dyn_into::<HtmlTextAreaElement>().ok())
        {
            Some(field) => field.value(),
            None => return,
        },
        (None, Some(url)) if url.starts_with('/') => {
            let origin = dom::window().location().origin().unwrap_or_default();
            format!("{origin}{url}")
        }
        (None, Some(url)) => url,
        (None, None) => return,
    };
    let written = dom::window().navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        // Refused (no permission, the page not focused): the live region says so; the citation fields can
        // still be selected and copied by hand.
        announce(JsFuture::from(written).await.or_log("copying").is_some());
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
    dom::next_frame(Box::new(move || status.set_text_content(Some(&message))));
}
