//! The letter page (and a note's own page, which shows the passages marking its note). A plain click on a
//! link to a note (a mark, a link in a note, the background list) opens the note in place: its article is
//! taken from the note's prerendered fragment (`notes/<id>/note.html`: the article alone, a few KB; fetched
//! once, from the service worker's cache when offline). The page is fetched before the click: when a mark has been on
//! screen and the browser is idle (unless the reader asked to save data), and when a pointer or focus
//! reaches a link to a note. It is parsed and its article adopted at once, so opening the note only
//! inserts it. The URL, the title, `aria-current` on its marks and focus follow; Back, Forward, Escape and
//! the close link close it again, and focus returns to its mark. Inside a frame the host page's history is
//! left alone. The clean-reading links are handled here too (see [`crate::clean`]), and clean reading's
//! `?annotations=off` stays in the addresses a note pushes.

use crate::dom::{self, OrLog};
use crate::page::{fill_in_origin, sync_language_switch};
use contract::dom as names;
use contract::Route;
use model::Lang;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::{Document, Element, MouseEvent};

/// The letter page's state, shared by its listeners.
struct Letter {
    /// The edition shown.
    lang: Lang,
    /// False inside a frame: the host page's Back button must not walk through our notes.
    history: bool,
    /// The page's title with no note open.
    home_title: String,
    /// The note whose address this letter was served at in place of the note's page (a large site's
    /// worker does so offline for a note page it has not saved: see `public/sw.js`), if any. If that
    /// note's fragment cannot be had either, the letter stays: going to the note's address would load
    /// this letter again.
    standing_in: Option<String>,
    /// What changes as the reader moves.
    now: RefCell<Now>,
}

/// The part of the letter's state that changes.
struct Now {
    /// The open note's id.
    open: Option<String>,
    /// True when this page pushed the open note's history entry (so closing goes Back).
    pushed: bool,
    /// The note whose mark gets focus back when the note closes.
    return_to: Option<String>,
    /// Each note fragment asked for, by URL path: a promise of its [`Prepared`] note. A list, not a hash
    /// map: a letter marks tens of notes (hundreds at most), and a hash map's code would weigh more in the
    /// wasm than scanning them costs.
    pages: Vec<(String, js_sys::Promise)>,
}

type State = Rc<Letter>;

/// Starts the letter's behaviour, with the note `open` open (from the URL); `history` is false in a frame.
pub fn start(document: &Document, lang: Lang, open: Option<String>, history: bool) {
    let home_title = dom::first(&format!("meta[property=\"{}\"]", names::SITE_NAME_PROPERTY))
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| document.title());
    // A note's address whose page lacks the note's article: the letter standing in for the note's page.
    let standing_in = open
        .clone()
        .filter(|_| dom::first(&article_selector()).is_none());
    let letter: State = Rc::new(Letter {
        lang,
        history,
        home_title,
        standing_in: standing_in.clone(),
        now: RefCell::new(Now {
            return_to: open.clone(),
            open,
            pushed: false,
            pages: Vec::new(),
        }),
    });
    let target: &web_sys::EventTarget = document.as_ref();
    let l = letter.clone();
    dom::listen::<MouseEvent>(target, "click", move |ev| on_click(&l, ev));
    // Intent: fetch a note before the click.
    for kind in ["pointerover", "focusin"] {
        let l = letter.clone();
        dom::listen::<web_sys::Event>(target, kind, move |ev| prefetch_target(&l, &ev));
    }
    prefetch_on_screen(&letter, document);
    focus_passage(document);
    let l = letter.clone();
    dom::listen::<web_sys::KeyboardEvent>(target, "keydown", move |ev| {
        if ev.key() == "Escape" && l.now.borrow().open.is_some() {
            close(&l);
        }
    });
    // Standing in for a note's page, the letter opens the note from its fragment, as a click would.
    if let Some(id) = standing_in {
        letter.now.borrow_mut().open = None;
        show(&letter, Some(id));
    }
    let l = letter;
    dom::listen::<web_sys::Event>(dom::window().as_ref(), "popstate", move |_| {
        let (path, _, _) = dom::here();
        let open = match Route::parse(&path).1 {
            Route::Letter(open) => open.map(str::to_owned),
            _ => None,
        };
        if open.is_none() {
            l.now.borrow_mut().pushed = false;
        }
        crate::clean::follow_address();
        show(&l, open);
    });
}

/// An address naming a passage (`#p-3`, where a search result leads) focuses the passage's first mark,
/// and one naming a mark (`#mark-<id>`, where a note page's "whole letter" link leads) focuses that mark;
/// the browser has already scrolled to it.
fn focus_passage(document: &Document) {
    let (_, _, fragment) = dom::here();
    let Some(id) = fragment.strip_prefix('#') else {
        return;
    };
    if id.starts_with(&names::mark_id("")) {
        if let Some(mark) = document.get_element_by_id(id) {
            dom::focus_quietly(mark);
        }
        return;
    }
    if !id.starts_with(names::PASSAGE_PREFIX) {
        return;
    }
    let mark = document.get_element_by_id(id).and_then(|p| {
        p.query_selector(&format!(".{}", names::MARK))
            .ok()
            .flatten()
    });
    if let Some(mark) = mark {
        dom::focus_quietly(mark);
    }
}

impl Letter {
    /// The URL path of a note's page in the edition shown. Ids are taken as they come: a link to a note
    /// that does not exist leads to its page's address, which the host answers with the not-found page.
    fn note_path(&self, id: &str) -> String {
        Route::Letter(Some(id)).href(self.lang)
    }

    /// The URL path of a note's fragment in the edition shown (see [`contract::route::note_fragment_href`]).
    fn fragment_path(&self, id: &str) -> String {
        contract::route::note_fragment_href(self.lang, id)
    }

    /// The note id of a link to a note page in the edition shown, if it is one.
    fn note_link(&self, link: &Element) -> Option<String> {
        let href = link.get_attribute("href")?;
        match Route::parse(&href) {
            (lang, Route::Letter(Some(id))) if lang == self.lang => Some(id.to_owned()),
            _ => None,
        }
    }
}

/// The open note's article in the notes column.
fn article_selector() -> String {
    format!("#{} article.{}", names::NOTES, names::NOTE)
}

/// The notes column's prompt, shown while no note is open.
fn no_note_selector() -> String {
    format!("#{} .{}", names::NOTES, names::NO_NOTE)
}

/// A plain click on a link to a note opens it in place; the close link closes; modified clicks (new tab,
/// new window) are left to the browser.
fn on_click(letter: &State, ev: MouseEvent) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return;
    }
    let Some(link) = dom::link_of(&ev) else {
        return;
    };
    if link.class_list().contains(names::NOTE_CLOSE) {
        ev.prevent_default();
        close(letter);
        return;
    }
    if crate::clean::on_click(&link, letter.lang) {
        ev.prevent_default();
        return;
    }
    if let Some(id) = letter.note_link(&link) {
        ev.prevent_default();
        open_note(letter, id);
    }
}

fn prefetch_target(letter: &State, ev: &web_sys::Event) {
    if let Some(id) = dom::link_of(ev).and_then(|link| letter.note_link(&link)) {
        prefetch(letter, &id);
    }
}

/// Asks for a note's fragment ahead of a click (see [`note_page`]: its promise never rejects, and a failure
/// is logged there).
fn prefetch(letter: &State, id: &str) {
    let _ready = note_page(letter, id);
}

/// Fetches the note of each mark once it is on screen and the browser is idle: the reader can only click a
/// mark they see, and by then its note is ready. Readers who ask to save data (`Save-Data`) fetch a note
/// only on intent (pointer, focus) or on the click.
fn prefetch_on_screen(letter: &State, document: &Document) {
    if saves_data() {
        return;
    }
    let selector = format!(".{} a.{}", names::LETTER_TEXT, names::MARK);
    let marks = dom::elements(document.query_selector_all(&selector), &selector);
    let l = letter.clone();
    let seen = Closure::<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            for entry in entries.iter() {
                let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
                if !entry.is_intersecting() {
                    continue;
                }
                let mark = entry.target();
                observer.unobserve(&mark);
                if let Some(id) = l.note_link(&mark) {
                    let l = l.clone();
                    dom::when_idle(move || prefetch(&l, &id));
                }
            }
        },
    );
    let Some(observer) = web_sys::IntersectionObserver::new(seen.as_ref().unchecked_ref())
        .or_log("watching marks come on screen")
    else {
        return;
    };
    seen.forget();
    for mark in marks {
        observer.observe(&mark);
    }
}

/// True when the reader's browser asks sites to save data (`navigator.connection.saveData`).
fn saves_data() -> bool {
    let connection = js_sys::Reflect::get(&dom::window().navigator(), &"connection".into());
    connection
        .and_then(|c| js_sys::Reflect::get(&c, &"saveData".into()))
        .map(|v| v.is_truthy())
        .unwrap_or(false)
}

/// Opens a note: pushes its URL and shows it.
fn open_note(letter: &State, id: String) {
    if letter.now.borrow().open.as_deref() == Some(id.as_str()) {
        dom::focus_id(names::NOTE_TITLE);
        return;
    }
    if letter.history {
        if let Some(h) = dom::window().history().or_log("reading history") {
            let url = format!("{}{}", letter.note_path(&id), crate::clean::kept_query());
            h.push_state_with_url(&JsValue::NULL, "", Some(&url))
                .or_log("pushing the note's address");
        }
        letter.now.borrow_mut().pushed = true;
    }
    letter.now.borrow_mut().return_to = Some(id.clone());
    show(letter, Some(id));
}

/// Closes the open note: Back if this page opened it; on a note's own page (which holds only the
/// passages marking it) to the whole letter at its mark; else to the letter's own address.
fn close(letter: &State) {
    let pushed = letter.now.borrow().pushed;
    if letter.history {
        if let Some(h) = dom::window().history().or_log("reading history") {
            if pushed {
                // popstate shows the letter.
                h.back().or_log("going back");
                return;
            }
            let whole = dom::first(&format!("a.{}", names::WHOLE_LETTER))
                .and_then(|link| link.get_attribute("href"));
            if let Some(whole) = whole {
                // The letter at the note's mark, keeping the reader's clean reading.
                let kept = crate::clean::kept_query();
                let whole = match whole.split_once('#') {
                    Some((page, mark)) => format!("{page}{kept}#{mark}"),
                    None => format!("{whole}{kept}"),
                };
                dom::window()
                    .location()
                    .assign(&whole)
                    .or_log("going to the letter");
                return;
            }
            let home = format!(
                "{}{}",
                Route::Letter(None).href(letter.lang),
                crate::clean::kept_query()
            );
            h.push_state_with_url(&JsValue::NULL, "", Some(&home))
                .or_log("pushing the letter's address");
        }
    }
    show(letter, None);
}

/// A note ready to show, fetched once (and again only after a failure): a promise of its [`Prepared`]
/// article and title, or of nothing when its fragment could not be had.
fn note_page(letter: &State, id: &str) -> js_sys::Promise {
    let path = letter.fragment_path(id);
    if let Some((_, promise)) = letter.now.borrow().pages.iter().find(|(p, _)| *p == path) {
        return promise.clone();
    }
    let l = letter.clone();
    let key = path.clone();
    let promise = future_to_promise(async move {
        match fetch_note(&key, !l.history).await {
            Ok(note) => Ok(note.into_js()),
            // A failed page resolves to nothing (not a rejection nobody handles): `show` then goes to
            // the note's own page. It is forgotten, so a later click asks again.
            Err(e) => {
                dom::warn(&format!("fetching {key}"), &e);
                l.now.borrow_mut().pages.retain(|(p, _)| *p != key);
                Ok(JsValue::UNDEFINED)
            }
        }
    });
    letter.now.borrow_mut().pages.push((path, promise.clone()));
    promise
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

/// Fetches a note's fragment and adopts its article; `outside` (inside a frame) makes its links open in a
/// new tab, as the embed's own links do.
async fn fetch_note(path: &str, outside: bool) -> Result<Prepared, JsValue> {
    let response: web_sys::Response = JsFuture::from(dom::window().fetch_with_str(path))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(JsValue::from_str(&format!("status {}", response.status())));
    }
    let html = JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default();
    let page =
        web_sys::DomParser::new()?.parse_from_string(&html, web_sys::SupportedType::TextHtml)?;
    let article = page
        .query_selector(&format!("article.{}", names::NOTE))?
        .ok_or_else(|| JsValue::from_str("the fragment has no note"))?;
    let article = dom::document()
        .adopt_node(&article)?
        .dyn_into::<Element>()?;
    if outside {
        open_links_outside(&article);
    }
    Ok(Prepared {
        article,
        title: page.title(),
    })
}

/// Inside a frame, the links of a note taken from a full-site page open in a new tab, as the embed's own
/// links do; links to notes are still opened in place on a plain click.
fn open_links_outside(article: &Element) {
    let selector = format!("a[href]:not(.{})", names::NOTE_CLOSE);
    for link in dom::elements(article.query_selector_all(&selector), &selector) {
        link.set_attribute("target", "_blank")
            .or_log("opening a link outside the frame");
        link.set_attribute("rel", names::NEW_TAB_REL)
            .or_log("opening a link outside the frame");
    }
}

/// Shows a note (or none) in the notes column and moves focus.
fn show(letter: &State, open: Option<String>) {
    let previous = std::mem::replace(&mut letter.now.borrow_mut().open, open.clone());
    mark_current(letter, previous.as_deref(), false);
    match open {
        None => {
            if let Some(article) = dom::first(&article_selector()) {
                article.remove();
            }
            dom::set_hidden(&no_note_selector(), false);
            if letter.history {
                dom::document().set_title(&letter.home_title);
            }
            let return_to = letter.now.borrow().return_to.clone();
            if let Some(id) = return_to.or(previous) {
                dom::focus_id(&names::mark_id(&id));
            }
            sync_language_switch(letter.lang);
        }
        Some(id) => {
            mark_current(letter, Some(&id), true);
            let promise = note_page(letter, &id);
            let l = letter.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let page = JsFuture::from(promise).await;
                // The reader may have moved on while the page loaded.
                if l.now.borrow().open.as_deref() != Some(id.as_str()) {
                    return;
                }
                match page
                    .or_log("waiting for the note")
                    .and_then(Prepared::from_js)
                {
                    Some(note) => put_note(&l, &id, note),
                    // The letter standing in for this note's page: stay (see `Letter::standing_in`).
                    None if l.standing_in.as_deref() == Some(id.as_str()) => {}
                    // Offline without the page, or some other failure: go to the note's own page; inside a
                    // frame, in a new tab, as the mark itself would without the app.
                    None if !l.history => {
                        dom::window()
                            .open_with_url_and_target_and_features(
                                &l.note_path(&id),
                                "_blank",
                                "noopener,noreferrer",
                            )
                            .or_log("opening the note's page");
                    }
                    None => {
                        dom::window()
                            .location()
                            .assign(&l.note_path(&id))
                            .or_log("going to the note's page");
                    }
                }
            });
        }
    }
}

/// Puts a note's article in the notes column, titles the page after it, keeps its mark in view and focuses
/// it.
fn put_note(letter: &State, id: &str, note: Prepared) {
    let doc = dom::document();
    let Some(column) = doc.get_element_by_id(names::NOTES) else {
        dom::warn("the letter has no notes column", &JsValue::NULL);
        return;
    };
    match dom::first(&article_selector()) {
        Some(old) => old
            .replace_with_with_node_1(&note.article)
            .or_log("replacing the note"),
        None => column
            .append_child(&note.article)
            .map(drop)
            .or_log("inserting the note"),
    };
    dom::set_hidden(&no_note_selector(), true);
    if letter.history {
        doc.set_title(&note.title);
    } else {
        // In a frame the note may open below what the host page shows: the host brings it into view.
        dom::show_in_host(&note.article);
    }
    fill_in_origin(&doc);
    sync_language_switch(letter.lang);
    keep_mark_above_sheet(&doc, id);
    dom::focus_id(names::NOTE_TITLE);
}

/// On a narrow screen the open note is a bottom sheet over the text (the stylesheet fixes the notes column
/// to the bottom of the window): the note's mark is scrolled to the middle of the part of the window above
/// the sheet, so the reader keeps the passage the note is about; closing the note focuses the mark, which
/// is then still in view. `scrollBy` follows the stylesheet's `scroll-behavior`: smooth, or at once for
/// readers who prefer reduced motion. The stylesheet leaves room below the text to scroll the last marks up.
fn keep_mark_above_sheet(doc: &Document, id: &str) {
    let (Some(sheet), Some(mark)) = (
        doc.get_element_by_id(names::NOTES),
        doc.get_element_by_id(&names::mark_id(id)),
    ) else {
        return;
    };
    let window = dom::window();
    let fixed = window
        .get_computed_style(&sheet)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value("position").ok())
        .is_some_and(|position| position == "fixed");
    if !fixed {
        return;
    }
    const MARGIN: f64 = 16.0;
    let sheet_top = sheet.get_bounding_client_rect().top();
    let rect = mark.get_bounding_client_rect();
    if rect.top() >= MARGIN && rect.bottom() <= sheet_top - MARGIN {
        return;
    }
    let target = ((sheet_top - rect.height()) / 2.0).max(MARGIN);
    window.scroll_by_with_x_and_y(0.0, rect.top() - target);
}

/// Sets or removes `aria-current` on a note's marks (one, or two where the original stands beside its
/// translation).
fn mark_current(letter: &Letter, id: Option<&str>, on: bool) {
    let Some(id) = id else {
        return;
    };
    let selector = format!("a.{}[href=\"{}\"]", names::MARK, letter.note_path(id));
    for mark in dom::elements(dom::document().query_selector_all(&selector), &selector) {
        if on {
            mark.set_attribute("aria-current", "true")
        } else {
            mark.remove_attribute("aria-current")
        }
        .or_log("marking the open note");
    }
}
