//! The browser side, and all of it. Every page arrives complete as static HTML, rendered at build time by
//! the same components; the wasm renders nothing and carries no content. On the letter and the timeline it
//! adds behaviour with a few listeners over the prerendered DOM:
//!
//! - A plain click on a link to a note (a mark, a link in a note, the background list) opens the note in
//!   place: its article is taken from the note's own prerendered page (fetched once, from the service
//!   worker's cache when offline). The page is fetched before the click: when a mark has been on screen and
//!   the browser is idle (unless the reader asked to save data), and when a pointer or focus reaches a link
//!   to a note. It is parsed and its article adopted at once, so opening the note only inserts it. The URL, the
//!   title, `aria-current` on its marks and focus follow; Back, Forward, Escape and the close link close it
//!   again, and focus returns to its mark. Inside a frame the host page's history is left alone.
//! - On the timeline, the filter follows and updates `?tracks=`, counts what it shows and hides years left
//!   empty; the event named by `#<id>` is shown and focused.
//! - The language switch keeps pointing at this very place in the other edition.

use crate::edition::{self, prefix};
use crate::filter::TrackSet;
use crate::route::BASE;
use model::{Lang, Track};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// Starts the behaviour of the current page.
pub fn start() {
    let document = document();
    let path = window().location().pathname().unwrap_or_default();
    let (lang, page) = locate(&path);
    edition::set(lang);
    match page {
        Page::Letter(open) => letter_page(&document, open, !framed()),
        Page::EmbedLetter => letter_page(&document, None, false),
        Page::Timeline => timeline_page(&document),
        Page::Other => return,
    }
    fill_in_origin(&document);
    sync_language_switch();
    if let Some(html) = document.document_element() {
        // Tells tests (and curious readers' tools) that the page is interactive.
        let _ = html.set_attribute("data-ready", "true");
    }
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

fn document() -> Document {
    window().document().expect("a document")
}

/// True when the page is shown inside a frame of another page (an embed, or a host that frames the site).
fn framed() -> bool {
    let window = window();
    window
        .top()
        .ok()
        .flatten()
        .is_some_and(|top| !js_sys::Object::is(&top, &window))
}

/// The pages with behaviour, as far as the browser needs to know them.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Page {
    /// The letter, with the note of this id open.
    Letter(Option<String>),
    /// The letter in a frame.
    EmbedLetter,
    /// The timeline, full or embedded.
    Timeline,
    /// Any other page.
    Other,
}

/// The edition and page of a URL path (see [`crate::route::segments`]). Note ids are taken as they come:
/// a link to a note that does not exist leads to its page's address, which the host answers with the
/// not-found page.
fn locate(path: &str) -> (Lang, Page) {
    let Some((lang, parts)) = crate::route::segments(path) else {
        return (Lang::En, Page::Other);
    };
    let page = match parts.as_slice() {
        [] => Page::Letter(None),
        ["notes", id] if model::is_slug(id) => Page::Letter(Some((*id).to_owned())),
        ["embed", "letter"] => Page::EmbedLetter,
        ["timeline"] | ["embed", "timeline"] => Page::Timeline,
        _ => Page::Other,
    };
    (lang, page)
}

/// The URL path of a note's page in the edition shown.
fn note_path(id: &str) -> String {
    format!("{BASE}{}notes/{id}/", prefix(edition::lang()))
}

/// Adds a listener for the life of the page.
fn listen<E: JsCast + 'static>(target: &web_sys::EventTarget, kind: &str, f: impl Fn(E) + 'static) {
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if let Ok(ev) = ev.dyn_into::<E>() {
            f(ev)
        }
    });
    let _ = target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
    closure.forget();
}

// ---------------------------------------------------------------------------------------------------------
// The letter page

/// The letter page's state: which note is open, and how to close it.
struct Letter {
    /// The open note's id.
    open: Option<String>,
    /// True when this page pushed the open note's history entry (so closing goes Back).
    pushed: bool,
    /// The note whose mark gets focus back when the note closes.
    return_to: Option<String>,
    /// False inside a frame: the host page's Back button must not walk through our notes.
    history: bool,
    /// The page's title with no note open.
    home_title: String,
    /// Each note page asked for, by URL path: a promise of its [`Prepared`] note.
    pages: HashMap<String, js_sys::Promise>,
}

thread_local! {
    static LETTER: RefCell<Option<Letter>> = const { RefCell::new(None) };
}

fn with_letter<T>(f: impl FnOnce(&mut Letter) -> T) -> Option<T> {
    LETTER.with(|l| l.borrow_mut().as_mut().map(f))
}

/// The letter page: handles links to notes, Back, Escape and the close link.
fn letter_page(document: &Document, open: Option<String>, history: bool) {
    let home_title = document
        .query_selector("meta[property=\"og:site_name\"]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| document.title());
    LETTER.with(|l| {
        *l.borrow_mut() = Some(Letter {
            return_to: open.clone(),
            open,
            pushed: false,
            history,
            home_title,
            pages: HashMap::new(),
        })
    });
    let target: &web_sys::EventTarget = document.as_ref();
    listen::<web_sys::MouseEvent>(target, "click", on_click);
    // Intent: fetch a note's page before the click.
    listen::<web_sys::Event>(target, "pointerover", prefetch_target);
    listen::<web_sys::Event>(target, "focusin", prefetch_target);
    prefetch_on_screen(document);
    listen::<web_sys::KeyboardEvent>(target, "keydown", |ev| {
        if ev.key() == "Escape" && with_letter(|l| l.open.is_some()) == Some(true) {
            close();
        }
    });
    listen::<web_sys::Event>(window().as_ref(), "popstate", |_| {
        let path = window().location().pathname().unwrap_or_default();
        let open = match locate(&path).1 {
            Page::Letter(open) => open,
            _ => None,
        };
        if open.is_none() {
            with_letter(|l| l.pushed = false);
        }
        show(open);
    });
}

/// The note id of a link to a note page in the edition shown, if it is one.
fn note_link(link: &Element) -> Option<String> {
    let href = link.get_attribute("href")?;
    match locate(&href) {
        (lang, Page::Letter(Some(id))) if lang == edition::lang() => Some(id),
        _ => None,
    }
}

/// A plain click on a link to a note opens it in place; the close link closes; modified clicks (new tab,
/// new window) are left to the browser.
fn on_click(ev: web_sys::MouseEvent) {
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
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
    else {
        return;
    };
    if link.class_list().contains("note-close") {
        ev.prevent_default();
        close();
        return;
    }
    if let Some(id) = note_link(&link) {
        ev.prevent_default();
        open_note(id);
    }
}

fn prefetch_target(ev: web_sys::Event) {
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten());
    if let Some(id) = link.as_ref().and_then(note_link) {
        let _ = note_page(&id);
    }
}

/// Fetches the note of each mark once it is on screen and the browser is idle: the reader can only click a
/// mark they see, and by then its note is ready. Readers who ask to save data (`Save-Data`) fetch a note only
/// on intent (pointer, focus) or on the click.
fn prefetch_on_screen(document: &Document) {
    if saves_data() {
        return;
    }
    let Ok(marks) = document.query_selector_all(".letter-text a.mark") else {
        return;
    };
    let seen = Closure::<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>::new(
        |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            for entry in entries.iter() {
                let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
                if !entry.is_intersecting() {
                    continue;
                }
                let mark = entry.target();
                observer.unobserve(&mark);
                if let Some(id) = note_link(&mark) {
                    when_idle(move || {
                        let _ = note_page(&id);
                    });
                }
            }
        },
    );
    let Ok(observer) = web_sys::IntersectionObserver::new(seen.as_ref().unchecked_ref()) else {
        return;
    };
    seen.forget();
    for k in 0..marks.length() {
        if let Some(mark) = marks.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
            observer.observe(&mark);
        }
    }
}

/// True when the reader's browser asks sites to save data (`navigator.connection.saveData`).
fn saves_data() -> bool {
    let connection = js_sys::Reflect::get(&window().navigator(), &"connection".into());
    connection
        .and_then(|c| js_sys::Reflect::get(&c, &"saveData".into()))
        .map(|v| v.is_truthy())
        .unwrap_or(false)
}

/// Runs `f` when the browser is idle (or soon, where it cannot tell).
fn when_idle(f: impl FnOnce() + 'static) {
    let f = Closure::once_into_js(f);
    let window = window();
    if window.request_idle_callback(f.unchecked_ref()).is_err() {
        let _ = window.set_timeout_with_callback(f.unchecked_ref());
    }
}

/// Opens a note: pushes its URL and shows it.
fn open_note(id: String) {
    let again = with_letter(|l| l.open.as_deref() == Some(id.as_str())).unwrap_or(false);
    if again {
        focus_id("note-title");
        return;
    }
    let history = with_letter(|l| l.history).unwrap_or(false);
    if history {
        if let Ok(h) = window().history() {
            let _ = h.push_state_with_url(&JsValue::NULL, "", Some(&note_path(&id)));
        }
        with_letter(|l| l.pushed = true);
    }
    with_letter(|l| l.return_to = Some(id.clone()));
    show(Some(id));
}

/// Closes the open note: Back if this page opened it, else to the letter's own address.
fn close() {
    let Some((history, pushed)) = with_letter(|l| (l.history, l.pushed)) else {
        return;
    };
    if history && pushed {
        // popstate shows the letter.
        if let Ok(h) = window().history() {
            let _ = h.back();
        }
        return;
    }
    if history {
        if let Ok(h) = window().history() {
            let home = format!("{BASE}{}", prefix(edition::lang()));
            let _ = h.push_state_with_url(&JsValue::NULL, "", Some(&home));
        }
    }
    show(None);
}

/// A note ready to show, fetched once (and again only after a failure): a promise of its [`Prepared`]
/// article and title, or of nothing when its page could not be had.
fn note_page(id: &str) -> js_sys::Promise {
    let path = note_path(id);
    with_letter(|l| {
        l.pages
            .entry(path.clone())
            .or_insert_with(|| {
                future_to_promise(async move {
                    match fetch_page(path.clone()).await {
                        Ok(note) => Ok(note),
                        // A failed page resolves to nothing (not a rejection nobody handles): `show` then
                        // goes to the note's own page. It is forgotten, so a later click asks again.
                        Err(_) => {
                            with_letter(|l| l.pages.remove(&path));
                            Ok(JsValue::UNDEFINED)
                        }
                    }
                })
            })
            .clone()
    })
    .unwrap_or_else(|| js_sys::Promise::reject(&JsValue::NULL))
}

/// A note's article, adopted into this document (so showing it only inserts it), and its page's title.
/// Kept while the page lives: opening the note again inserts the same element.
struct Prepared {
    article: Element,
    title: String,
}

impl Prepared {
    fn into_js(self) -> JsValue {
        js_sys::Array::of2(&self.article, &self.title.into()).into()
    }

    fn from_js(value: JsValue) -> Option<Prepared> {
        let pair = value.dyn_into::<js_sys::Array>().ok()?;
        Some(Prepared {
            article: pair.get(0).dyn_into().ok()?,
            title: pair.get(1).as_string()?,
        })
    }
}

async fn fetch_page(path: String) -> Result<JsValue, JsValue> {
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(&path))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(JsValue::from_str("not found"));
    }
    let text = JsFuture::from(response.text()?).await?;
    let html = text.as_string().unwrap_or_default();
    let page =
        web_sys::DomParser::new()?.parse_from_string(&html, web_sys::SupportedType::TextHtml)?;
    let article = page
        .query_selector("#notes article.note")?
        .ok_or_else(|| JsValue::from_str("no note"))?;
    let article = document().adopt_node(&article)?.dyn_into::<Element>()?;
    if with_letter(|l| !l.history) == Some(true) {
        open_links_outside(&article);
    }
    Ok(Prepared {
        article,
        title: page.title(),
    }
    .into_js())
}

/// Inside a frame, the links of a note taken from a full-site page open in a new tab, as the embed's own
/// links do (see [`crate::state::link_target`]); links to notes are still opened in place on a plain click.
fn open_links_outside(article: &Element) {
    let Ok(links) = article.query_selector_all("a[href]:not(.note-close)") else {
        return;
    };
    for k in 0..links.length() {
        if let Some(link) = links.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
            let _ = link.set_attribute("target", "_blank");
            let _ = link.set_attribute("rel", crate::state::NEW_TAB_REL);
        }
    }
}

/// Shows a note (or none) in the notes column and moves focus.
fn show(open: Option<String>) {
    let Some(previous) = with_letter(|l| std::mem::replace(&mut l.open, open.clone())) else {
        return;
    };
    let doc = document();
    mark_current(previous.as_deref(), false);
    match open {
        None => {
            if let Some(article) = doc.query_selector("#notes article.note").ok().flatten() {
                article.remove();
            }
            set_hidden(&doc, "#notes .no-note", false);
            if with_letter(|l| l.history) == Some(true) {
                if let Some(title) = with_letter(|l| l.home_title.clone()) {
                    doc.set_title(&title);
                }
            }
            if let Some(id) = with_letter(|l| l.return_to.clone()).flatten().or(previous) {
                focus_id(&format!("mark-{id}"));
            }
            sync_language_switch();
        }
        Some(id) => {
            mark_current(Some(&id), true);
            let promise = note_page(&id);
            wasm_bindgen_futures::spawn_local(async move {
                let page = JsFuture::from(promise).await;
                // The reader may have moved on while the page loaded.
                if with_letter(|l| l.open.as_deref() == Some(id.as_str())) != Some(true) {
                    return;
                }
                match page.ok().and_then(Prepared::from_js) {
                    Some(note) => put_note(note),
                    // Offline without the page, or some other failure: go to the note's own page; inside
                    // a frame, in a new tab, as the mark itself would without the app.
                    None if with_letter(|l| l.history) == Some(false) => {
                        let _ = window().open_with_url_and_target_and_features(
                            &note_path(&id),
                            "_blank",
                            "noopener,noreferrer",
                        );
                    }
                    None => {
                        let _ = window().location().assign(&note_path(&id));
                    }
                }
            });
        }
    }
}

/// Puts a note's article in the notes column, titles the page after it and focuses it.
fn put_note(note: Prepared) {
    let doc = document();
    let Some(column) = doc.get_element_by_id("notes") else {
        return;
    };
    match doc.query_selector("#notes article.note").ok().flatten() {
        Some(old) => {
            let _ = old.replace_with_with_node_1(&note.article);
        }
        None => {
            let _ = column.append_child(&note.article);
        }
    }
    set_hidden(&doc, "#notes .no-note", true);
    if with_letter(|l| l.history) == Some(true) {
        doc.set_title(&note.title);
    }
    fill_in_origin(&doc);
    sync_language_switch();
    focus_id("note-title");
}

/// Sets or removes `aria-current` on a note's marks (one, or two where the original stands beside its
/// translation).
fn mark_current(id: Option<&str>, on: bool) {
    let Some(id) = id else {
        return;
    };
    let selector = format!("a.mark[href=\"{}\"]", note_path(id));
    let Ok(marks) = document().query_selector_all(&selector) else {
        return;
    };
    for k in 0..marks.length() {
        if let Some(mark) = marks.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
            let _ = if on {
                mark.set_attribute("aria-current", "true")
            } else {
                mark.remove_attribute("aria-current")
            };
        }
    }
}

fn set_hidden(doc: &Document, selector: &str, hidden: bool) {
    if let Some(el) = doc
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        el.set_hidden(hidden);
    }
}

/// Focuses the element with this id once the page has updated.
fn focus_id(id: &str) {
    let id = id.to_owned();
    let focus = Closure::once_into_js(move || {
        if let Some(el) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
    let _ = window().request_animation_frame(focus.unchecked_ref());
}

// ---------------------------------------------------------------------------------------------------------
// The timeline

/// The timeline: the filter follows `?tracks=` and writes it back, counts what it shows and hides years
/// with no shown event; the event named in the URL's fragment is shown and focused.
fn timeline_page(document: &Document) {
    let Some(form) = document.get_element_by_id("timeline-filter") else {
        return;
    };
    let search = window().location().search().unwrap_or_default();
    apply_filter(TrackSet::from_query(&search));
    listen::<web_sys::Event>(form.as_ref(), "change", |_| apply_filter(chosen_tracks()));
    focus_fragment();
    listen::<web_sys::Event>(window().as_ref(), "hashchange", |_| {
        focus_fragment();
        sync_language_switch();
    });
}

/// The filter's checkboxes.
fn track_boxes() -> Vec<HtmlInputElement> {
    let Ok(list) = document().query_selector_all("#timeline-filter input[name=\"tracks\"]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|k| list.item(k)?.dyn_into::<HtmlInputElement>().ok())
        .collect()
}

/// The tracks the checkboxes choose.
fn chosen_tracks() -> TrackSet {
    track_boxes().iter().fold(TrackSet::all(), |set, b| {
        match Track::from_slug(&b.value()) {
            Some(track) => set.with(track, b.checked()),
            None => set,
        }
    })
}

/// The tracks of an event element, from its `t-<track>` classes.
fn event_tracks(event: &Element) -> Vec<Track> {
    let classes = event.class_list();
    Track::ALL
        .into_iter()
        .filter(|t| classes.contains(&format!("t-{}", t.slug())))
        .collect()
}

/// Applies a selection: checkboxes, URL, count, empty years, language switch.
fn apply_filter(set: TrackSet) {
    for b in track_boxes() {
        if let Some(track) = Track::from_slug(&b.value()) {
            b.set_checked(set.contains(track));
        }
    }
    let location = window().location();
    let url = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        set.in_query(&location.search().unwrap_or_default()),
        location.hash().unwrap_or_default()
    );
    if let Ok(h) = window().history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
    let doc = document();
    let (mut shown, mut total) = (0, 0);
    if let Ok(years) = doc.query_selector_all("section.year") {
        for y in 0..years.length() {
            let Some(year) = years.item(y).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
                continue;
            };
            let Ok(events) = year.query_selector_all("li.event") else {
                continue;
            };
            let mut any = false;
            for e in 0..events.length() {
                if let Some(event) = events.item(e).and_then(|n| n.dyn_into::<Element>().ok()) {
                    total += 1;
                    if set.shows_tracks(&event_tracks(&event)) {
                        shown += 1;
                        any = true;
                    }
                }
            }
            year.set_hidden(!any);
        }
    }
    if let Some(status) = doc.query_selector(".filter-status").ok().flatten() {
        if let Some(template) = status.get_attribute("data-template") {
            status.set_text_content(Some(
                &template
                    .replace("{shown}", &shown.to_string())
                    .replace("{total}", &total.to_string()),
            ));
        }
    }
    sync_language_switch();
}

/// Focuses (and shows, if the filter hides it) the event that the URL's fragment names.
fn focus_fragment() {
    let hash = window().location().hash().unwrap_or_default();
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
        return;
    };
    if !model::is_slug(id) {
        return;
    }
    let selector = format!("li.event[data-event=\"{id}\"]");
    let Some(event) = document().query_selector(&selector).ok().flatten() else {
        return;
    };
    let tracks = event_tracks(&event);
    let set = chosen_tracks();
    if !set.shows_tracks(&tracks) {
        apply_filter(tracks.iter().fold(set, |s, &t| s.with(t, true)));
    }
    if framed() {
        // In someone else's page: the frame's own view moves to the event (a frame of fixed height), and
        // the page around it does not.
        let window = window();
        let top = event.get_bounding_client_rect().top() + window.scroll_y().unwrap_or(0.0);
        window.scroll_to_with_x_and_y(0.0, top);
        focus_quietly(event);
        return;
    }
    // The browser may have scrolled to the event while the page loaded, before the filter hid the events
    // above it; focusing it again would not scroll, so it is also brought into view.
    focus_id(id);
    event.scroll_into_view();
}

/// Focuses an element without scrolling anything, once the page has updated.
fn focus_quietly(element: Element) {
    let focus = Closure::once_into_js(move || {
        if let Ok(el) = element.dyn_into::<HtmlElement>() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
    });
    let _ = window().request_animation_frame(focus.unchecked_ref());
}

// ---------------------------------------------------------------------------------------------------------
// Every page with behaviour

/// Points the language switch at this very place in the other edition: the same note, filter and event.
fn sync_language_switch() {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let Some(other) = crate::route::path_in(&path, edition::other(edition::lang())) else {
        return;
    };
    let href = format!(
        "{other}{}{}",
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default()
    );
    if let Some(link) = document()
        .query_selector("[data-language-switch]")
        .ok()
        .flatten()
    {
        let _ = link.set_attribute("href", &href);
    }
}

/// Embed snippets built without a known origin get this page's.
fn fill_in_origin(document: &Document) {
    if !crate::route::ORIGIN.is_empty() {
        return;
    }
    let origin = window().location().origin().unwrap_or_default();
    let Ok(snippets) = document.query_selector_all("textarea.embed-snippet") else {
        return;
    };
    for i in 0..snippets.length() {
        if let Some(area) = snippets
            .item(i)
            .and_then(|n| n.dyn_into::<HtmlTextAreaElement>().ok())
        {
            let text = area.value().replace("src=\"/", &format!("src=\"{origin}/"));
            area.set_value(&text);
        }
    }
}
