//! The timeline: the filter follows `?tracks=` and writes it back, counts what it shows and hides years
//! with no shown event; the event named in the URL's fragment is shown and focused. The filtering itself
//! is CSS on the prerendered checkboxes; this only keeps the URL, the count and the years in step.

use crate::dom;
use crate::page::sync_language_switch;
use contract::dom as names;
use contract::tracks::TrackSet;
use model::{Lang, Track};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

/// The timeline page's state: its edition (the rest lives in the page's checkboxes and URL).
#[derive(Clone, Copy)]
struct Timeline {
    lang: Lang,
}

/// Starts the timeline's behaviour.
pub fn start(document: &Document, lang: Lang) {
    let Some(form) = document.get_element_by_id(names::TIMELINE_FILTER) else {
        dom::warn("the timeline has no filter", &wasm_bindgen::JsValue::NULL);
        return;
    };
    let page = Timeline { lang };
    let (_, query, _) = dom::here();
    page.apply(TrackSet::from_query(&query));
    dom::listen::<web_sys::Event>(form.as_ref(), "change", move |_| {
        page.apply(chosen_tracks())
    });
    page.focus_fragment(false);
    dom::listen::<web_sys::Event>(dom::window().as_ref(), "hashchange", move |_| {
        page.focus_fragment(true);
        sync_language_switch(page.lang);
    });
}

impl Timeline {
    /// Applies a selection: checkboxes, URL, count, empty years, language switch.
    fn apply(self, set: TrackSet) {
        for b in track_boxes() {
            if let Some(track) = Track::from_slug(&b.value()) {
                b.set_checked(set.contains(track));
            }
        }
        // Only `tracks` is ours: `?theme=`, `?accent=` and pym's `childId` stay as they are.
        let (path, query, fragment) = dom::here();
        dom::replace_url(&format!("{path}{}{fragment}", set.in_query(&query)));
        let doc = dom::document();
        let (mut shown, mut total) = (0, 0);
        let years = format!("section.{}", names::YEAR);
        let events = format!("li.{}", names::EVENT);
        for year in dom::elements(doc.query_selector_all(&years), &years) {
            let mut any = false;
            for event in dom::elements(year.query_selector_all(&events), &events) {
                total += 1;
                if set.shows_tracks(&event_tracks(&event)) {
                    shown += 1;
                    any = true;
                }
            }
            if let Ok(year) = year.dyn_into::<HtmlElement>() {
                year.set_hidden(!any);
            }
        }
        if let Some(status) = dom::first(&format!(".{}", names::FILTER_STATUS)) {
            if let Some(template) = status.get_attribute(names::TEMPLATE) {
                status.set_text_content(Some(
                    &template
                        .replace(names::SHOWN, &shown.to_string())
                        .replace(names::TOTAL, &total.to_string()),
                ));
            }
        }
        sync_language_switch(self.lang);
    }

    /// Focuses (and shows, if the filter hides it) the event that the URL's fragment names; `moved` when
    /// the fragment changed after the page loaded (inside a frame, the host page is then asked to bring the
    /// event into view; on load it is not, so an embed never scrolls the article it sits in by itself).
    fn focus_fragment(self, moved: bool) {
        let (_, _, hash) = dom::here();
        let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
            return;
        };
        if !model::is_slug(id) {
            return;
        }
        // In embeds an event carries its id as `data-event` only: a matching `id` would make the browser
        // scroll the host page to it as the frame loads.
        let selector = format!("li.{}[{}=\"{id}\"]", names::EVENT, names::EVENT_ID);
        let Some(event) = dom::first(&selector) else {
            return;
        };
        let tracks = event_tracks(&event);
        let set = chosen_tracks();
        if !set.shows_tracks(&tracks) {
            self.apply(tracks.iter().fold(set, |s, &t| s.with(t, true)));
        }
        if dom::framed() {
            // In someone else's page: the frame's own view moves to the event (a frame of fixed height),
            // and the page around it does not.
            let window = dom::window();
            let top = event.get_bounding_client_rect().top() + window.scroll_y().unwrap_or(0.0);
            window.scroll_to_with_x_and_y(0.0, top);
            if moved {
                dom::show_in_host(&event);
            }
            dom::focus_quietly(event);
            return;
        }
        // The browser may have scrolled to the event while the page loaded, before the filter hid the
        // events above it; focusing it again would not scroll, so it is also brought into view.
        dom::focus_id(id);
        event.scroll_into_view();
    }
}

/// The filter's checkboxes.
fn track_boxes() -> Vec<HtmlInputElement> {
    let selector = format!(
        "#{} input[name=\"{}\"]",
        names::TIMELINE_FILTER,
        names::TRACKS_FIELD
    );
    dom::elements(dom::document().query_selector_all(&selector), &selector)
        .into_iter()
        .filter_map(|e| e.dyn_into::<HtmlInputElement>().ok())
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

/// The tracks of an event element, from its track classes.
fn event_tracks(event: &Element) -> Vec<Track> {
    let classes = event.class_list();
    names::tracks_of(|class| classes.contains(class))
}
