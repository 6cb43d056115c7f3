//! Small helpers over `web_sys` shared by every page: the window and document, listeners, queries, focus,
//! idle callbacks, and [`OrLog`], the one way a failure is reported (a console warning).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, EventTarget, HtmlElement, NodeList};

/// The page's window (the app only runs in one).
pub fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

/// The page's document.
pub fn document() -> Document {
    window().document().expect("a document")
}

/// True when the page is shown inside a frame of another page (an embed, or a host that frames the site).
pub fn framed() -> bool {
    let window = window();
    window
        .top()
        .ok()
        .flatten()
        .is_some_and(|top| !js_sys::Object::is(&top, &window))
}

/// Focuses an element without scrolling anything, once the page has updated.
pub fn focus_quietly(element: Element) {
    next_frame(Box::new(move || {
        if let Ok(el) = element.dyn_into::<HtmlElement>() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            el.focus_with_options(&options).or_log("focusing");
        }
    }));
}

/// Runs `f` before the next frame is rendered (the one way the app waits for a frame: one closure type,
/// so one shim in the wasm).
pub fn next_frame(f: Box<dyn FnOnce()>) {
    let f = Closure::once_into_js(f);
    window()
        .request_animation_frame(f.unchecked_ref())
        .or_log("waiting for a frame");
}

/// A failure that the app can live with, reported once on the console with what was being done.
pub trait OrLog<T> {
    /// The value, or `None` after a console warning naming `what` was being done.
    fn or_log(self, what: &str) -> Option<T>;
}

impl<T> OrLog<T> for Result<T, JsValue> {
    fn or_log(self, what: &str) -> Option<T> {
        self.map_err(|e| warn(what, &e)).ok()
    }
}

/// A console warning: what was being done, and the browser's error.
pub fn warn(what: &str, error: &JsValue) {
    web_sys::console::warn_2(
        &JsValue::from_str(&format!("letter explainer: {what}")),
        error,
    );
}

/// Adds a listener for the life of the page.
pub fn listen<E: JsCast + 'static>(target: &EventTarget, kind: &str, f: impl Fn(E) + 'static) {
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if let Ok(ev) = ev.dyn_into::<E>() {
            f(ev)
        }
    });
    target
        .add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())
        .or_log(kind);
    closure.forget();
}

/// The elements of a query's result (nothing, after a warning, if the query failed).
pub fn elements(list: Result<NodeList, JsValue>, what: &str) -> Vec<Element> {
    let Some(list) = list.or_log(what) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|k| list.item(k)?.dyn_into::<Element>().ok())
        .collect()
}

/// The first element of the document that matches `selector`.
pub fn first(selector: &str) -> Option<Element> {
    document()
        .query_selector(selector)
        .or_log(selector)
        .flatten()
}

/// The closest link around an event's target.
pub fn link_of(ev: &web_sys::Event) -> Option<Element> {
    ev.target()?
        .dyn_into::<Element>()
        .ok()?
        .closest("a[href]")
        .or_log("finding a link")
        .flatten()
}

/// True when a key press goes to a field the reader types in (a text box, a text area, a list, editable
/// text), where a key is a character and never a shortcut. Checkboxes and buttons are not typed in.
pub fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .is_some_and(|el| {
            el.is_content_editable()
                || match el.tag_name().as_str() {
                    "TEXTAREA" | "SELECT" => true,
                    "INPUT" => !matches!(
                        el.get_attribute("type").unwrap_or_default().as_str(),
                        "checkbox" | "radio" | "button" | "submit" | "reset"
                    ),
                    _ => false,
                }
        })
}

/// Shows or hides the element that matches `selector`.
pub fn set_hidden(selector: &str, hidden: bool) {
    if let Some(el) = first(selector).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        el.set_hidden(hidden);
    }
}

/// Focuses the element with this id once the page has updated.
pub fn focus_id(id: &str) {
    let id = id.to_owned();
    next_frame(Box::new(move || {
        if let Some(el) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            el.focus().or_log("focusing");
        }
    }));
}

/// Focuses an element once the page has updated.
pub fn focus_soon(element: Element) {
    next_frame(Box::new(move || {
        if let Ok(el) = element.dyn_into::<HtmlElement>() {
            el.focus().or_log("focusing");
        }
    }));
}

/// Runs `f` when the browser is idle (or soon, where it cannot tell).
pub fn when_idle(f: impl FnOnce() + 'static) {
    let f = Closure::once_into_js(f);
    let window = window();
    if window.request_idle_callback(f.unchecked_ref()).is_err() {
        window
            .set_timeout_with_callback(f.unchecked_ref())
            .or_log("waiting for the browser to be idle");
    }
}

/// Runs `f` once the page has been rendered: before the frame after the next one (the site uses the
/// system's fonts, so no font arriving later changes what was rendered).
pub fn after_a_frame(f: Box<dyn FnOnce()>) {
    next_frame(Box::new(move || next_frame(f)));
}

/// Replaces the current history entry's URL (the state stays empty).
pub fn replace_url(url: &str) {
    if let Some(history) = window().history().or_log("reading history") {
        history
            .replace_state_with_url(&JsValue::NULL, "", Some(url))
            .or_log("updating the address");
    }
}

/// The current URL's path, query and fragment.
pub fn here() -> (String, String, String) {
    let location = window().location();
    (
        location
            .pathname()
            .or_log("reading the path")
            .unwrap_or_default(),
        location
            .search()
            .or_log("reading the query")
            .unwrap_or_default(),
        location
            .hash()
            .or_log("reading the fragment")
            .unwrap_or_default(),
    )
}

/// Inside a frame, asks the page around it to bring `element` into view: dispatches
/// [`contract::dom::SHOW_EVENT`] at it, which the embed's `embed-frame.js` (listening on the document as
/// the event passes down) turns into the element's place in the page for the host (`embed.js` or pym.js),
/// who alone can scroll there. Nothing listens elsewhere.
pub fn show_in_host(element: &Element) {
    if let Some(event) =
        web_sys::Event::new(contract::dom::SHOW_EVENT).or_log("asking the host to scroll")
    {
        element
            .dispatch_event(&event)
            .or_log("asking the host to scroll");
    }
}
