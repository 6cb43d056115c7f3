//! The timeline: the filter follows `?tracks=` and writes it back, counts what it shows and hides years
//! with no shown event; the event named in the URL's fragment is shown and focused, or, when this page
//! does not hold it, looked up in the event map and opened on its year's page; `?from=2024` opens at that
//! year's first event; `j` and `k` move between events, announced. Without the app the filter is CSS
//! (`:has()` over the prerendered checkboxes, only in a browser without scripting); with it, each event
//! the filter leaves out has a class, written only when its state changes, so that a change restyles
//! those events rather than the whole page (and showing one again rebuilds nothing: see the CSS).

use crate::dom::{self, OrLog};
use crate::page::sync_language_switch;
use contract::dom as names;
use contract::tracks::TrackSet;
use contract::Route;
use model::{Lang, Track};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, KeyboardEvent};

/// The timeline page: its edition, its `<main>`, and its years and events as they were prerendered (read
/// once: the filter then counts without asking the DOM).
struct Timeline {
    lang: Lang,
    main: Element,
    /// Each year's section and the indexes of its events.
    years: Vec<(HtmlElement, Vec<usize>)>,
    /// Each event and its tracks.
    events: Vec<(HtmlElement, Vec<Track>)>,
}

/// Starts the timeline's behaviour.
pub fn start(document: &Document, lang: Lang) {
    let Some(form) = document.get_element_by_id(names::TIMELINE_FILTER) else {
        dom::warn("the timeline has no filter", &wasm_bindgen::JsValue::NULL);
        return;
    };
    let Some(main) = document.get_element_by_id("main") else {
        return;
    };
    let page = Rc::new(read(lang, main));
    // From now on the classes filter, not the CSS's `:has()`.
    page.main
        .class_list()
        .remove_1(names::CSS_FILTER)
        .or_log("filtering by class");
    let (_, query, fragment) = dom::here();
    page.apply(TrackSet::from_query(&query));
    // Once the page has rendered every event (so each event's true size is remembered, see the CSS), events
    // far from the view skip rendering: switched on as the page loads, so that the reader's first filter
    // change does not pay for restyling every event.
    let main = page.main.clone();
    dom::after_a_frame(Box::new(move || {
        main.class_list()
            .add_1(names::LAZY_EVENTS)
            .or_log("rendering far events lazily");
    }));
    let p = page.clone();
    dom::listen::<web_sys::Event>(form.as_ref(), "change", move |_| p.apply(chosen_tracks()));
    if fragment.len() > 1 {
        page.focus_fragment(false);
    } else {
        page.open_at_year(&query);
    }
    let p = page.clone();
    dom::listen::<web_sys::Event>(dom::window().as_ref(), "hashchange", move |_| {
        p.focus_fragment(true);
        sync_language_switch(p.lang);
    });
    dom::listen::<KeyboardEvent>(document.as_ref(), "keydown", move |ev| {
        let step = match ev.key().as_str() {
            "j" => 1,
            "k" => -1,
            _ => return,
        };
        if dom::typing(&ev) || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        page.step(step);
    });
}

/// Reads the page's years and events.
fn read(lang: Lang, main: Element) -> Timeline {
    let year_selector = format!("section.{}", names::YEAR);
    let event_selector = format!("li.{}", names::EVENT);
    let mut years = Vec::new();
    let mut events = Vec::new();
    for year in dom::elements(main.query_selector_all(&year_selector), &year_selector) {
        let mut indexes = Vec::new();
        for event in dom::elements(year.query_selector_all(&event_selector), &event_selector) {
            let tracks = event_tracks(&event);
            if let Ok(event) = event.dyn_into::<HtmlElement>() {
                indexes.push(events.len());
                events.push((event, tracks));
            }
        }
        if let Ok(year) = year.dyn_into::<HtmlElement>() {
            years.push((year, indexes));
        }
    }
    Timeline {
        lang,
        main,
        years,
        events,
    }
}

impl Timeline {
    /// Applies a selection: checkboxes, URL, the classes that filter, count, empty years, language switch.
    fn apply(&self, set: TrackSet) {
        for b in track_boxes() {
            if let Some(track) = Track::from_slug(&b.value()) {
                b.set_checked(set.contains(track));
            }
        }
        // Only `tracks` is ours: `?theme=`, `?accent=` and pym's `childId` stay as they are.
        let (path, query, fragment) = dom::here();
        dom::replace_url(&format!("{path}{}{fragment}", set.in_query(&query)));
        let shown: Vec<bool> = self
            .events
            .iter()
            .map(|(_, tracks)| set.shows_tracks(tracks))
            .collect();
        // Only the events whose state changes are written: a change restyles those, not the page.
        for ((event, _), &show) in self.events.iter().zip(&shown) {
            let classes = event.class_list();
            if classes.contains(names::FILTERED_OUT) == show {
                classes
                    .toggle_with_force(names::FILTERED_OUT, !show)
                    .or_log("filtering");
            }
        }
        for (year, indexes) in &self.years {
            let empty = !indexes.iter().any(|&i| shown[i]);
            if year.hidden() != empty {
                year.set_hidden(empty);
            }
        }
        if let Some(status) = dom::first(&format!(".{}", names::FILTER_STATUS)) {
            if let Some(template) = status.get_attribute(names::TEMPLATE) {
                let count = shown.iter().filter(|&&s| s).count();
                status.set_text_content(Some(
                    &template
                        .replace(names::SHOWN, &count.to_string())
                        .replace(names::TOTAL, &self.events.len().to_string()),
                ));
            }
        }
        sync_language_switch(self.lang);
    }

    /// Focuses (and shows, if the filter hides it) the event that the URL's fragment names; `moved` when
    /// the fragment changed after the page loaded (inside a frame, the host page is then asked to bring the
    /// event into view; on load it is not, so an embed never scrolls the article it sits in by itself).
    /// An event this page does not hold is looked up in the event map and opened on its year's page.
    fn focus_fragment(&self, moved: bool) {
        let (_, query, hash) = dom::here();
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
            // Not an event here, nor another place on the page (a year's heading): maybe on another page.
            let elsewhere = dom::document().get_element_by_id(id).is_none();
            if let Some(map) = self
                .main
                .get_attribute(names::EVENT_MAP)
                .filter(|_| elsewhere)
            {
                open_elsewhere(map, id.to_owned(), query, self.lang);
            }
            return;
        };
        self.show(&event);
        if dom::framed() {
            // In someone else's page: the frame's own view moves to the event (a frame of fixed height),
            // and the page around it does not.
            scroll_frame_to(&event);
            if moved {
                dom::show_in_host(&event);
            }
            dom::focus_quietly(event);
            return;
        }
        // The browser may have scrolled to the event while the page loaded, before the filter hid the
        // events above it; focusing it again would not scroll, so it is also brought into view.
        event.scroll_into_view();
        dom::focus_soon(event);
    }

    /// Shows an event the filter hides, by switching on its tracks.
    fn show(&self, event: &Element) {
        let tracks = event_tracks(event);
        let set = chosen_tracks();
        if !set.shows_tracks(&tracks) {
            self.apply(tracks.iter().fold(set, |s, &t| s.with(t, true)));
        }
    }

    /// `?from=2024`: focuses the first event shown of that year (or of the first year after it that has
    /// events); a year this page does not hold (or holds in part: its section then has no year id) is opened
    /// on its own page, the parameter kept.
    fn open_at_year(&self, query: &str) {
        let from = query
            .trim_start_matches('?')
            .split('&')
            .find_map(|pair| pair.strip_prefix(names::FROM_FIELD)?.strip_prefix('='))
            .and_then(|y| y.parse::<u16>().ok());
        let Some(from) = from else {
            return;
        };
        // Every year: the overview's links, or (in the embed, which has no overview) the page's sections.
        let selector = format!("a[{}]", names::AXIS_YEAR);
        let links: Vec<(u16, Element)> =
            dom::elements(dom::document().query_selector_all(&selector), &selector)
                .into_iter()
                .filter_map(|a| Some((a.get_attribute(names::AXIS_YEAR)?.parse().ok()?, a)))
                .collect();
        let section_year = |section: &HtmlElement| names::year_of_id(&section.id());
        let year = match links.iter().find(|(y, _)| *y >= from) {
            Some((y, _)) => Some(*y),
            None if links.is_empty() => self
                .years
                .iter()
                .filter_map(|(s, _)| section_year(s))
                .find(|&y| y >= from),
            None => None,
        };
        let Some(year) = year else {
            return;
        };
        if let Some((_, indexes)) = self
            .years
            .iter()
            .find(|(s, _)| section_year(s) == Some(year))
        {
            if let Some(&i) = indexes.iter().find(|&&i| self.is_shown(i)) {
                self.go_to(i);
            }
            return;
        }
        let href = links
            .iter()
            .find(|(y, _)| *y == year)
            .and_then(|(_, a)| a.get_attribute("href"));
        if let Some(href) = href {
            dom::window()
                .location()
                .replace(&format!("{href}{query}"))
                .or_log("opening the year");
        }
    }

    /// True when the event at `i` is shown (the filter keeps it, so its year is shown too); read from
    /// its class, not from layout.
    fn is_shown(&self, i: usize) -> bool {
        !self.events[i].0.class_list().contains(names::FILTERED_OUT)
    }

    /// `j` (`step` 1) and `k` (-1): focuses the next or previous event shown, from the focused event or,
    /// when none is, from the top of the view; announces it.
    fn step(&self, step: isize) {
        let shown: Vec<usize> = (0..self.events.len())
            .filter(|&i| self.is_shown(i))
            .collect();
        let active = dom::document().active_element();
        let current = shown.iter().position(|&i| {
            active
                .as_ref()
                .is_some_and(|a| js_sys::Object::is(a, &self.events[i].0))
        });
        let next = match current {
            Some(at) => at.checked_add_signed(step).filter(|&n| n < shown.len()),
            None => {
                // The first event below the top of the view, or the last one above it.
                let below = shown
                    .iter()
                    .position(|&i| self.events[i].0.get_bounding_client_rect().top() >= 0.0);
                match (step, below) {
                    (1, Some(n)) => Some(n),
                    (1, None) => None,
                    (_, Some(n)) => n.checked_sub(1),
                    (_, None) => shown.len().checked_sub(1),
                }
            }
        };
        let Some(n) = next else {
            return;
        };
        self.go_to(shown[n]);
        self.announce(shown[n], n + 1, shown.len());
    }

    /// Focuses an event and brings it into view (inside a frame, the frame's own view only).
    fn go_to(&self, i: usize) {
        let event = &self.events[i].0;
        if dom::framed() {
            scroll_frame_to(event);
            dom::focus_quietly(event.clone().into());
        } else {
            event.focus().or_log("focusing");
        }
    }

    /// Says which event the keys moved to: its date, its title and its place among those shown.
    fn announce(&self, i: usize, n: usize, of: usize) {
        let Some(region) = dom::document().get_element_by_id(names::TIMELINE_ANNOUNCE) else {
            return;
        };
        let event = &self.events[i].0;
        let text = |selector: &str| {
            event
                .query_selector(selector)
                .ok()
                .flatten()
                .and_then(|e| e.text_content())
                .unwrap_or_default()
        };
        let position = region
            .get_attribute(names::TEMPLATE)
            .unwrap_or_default()
            .replace(names::SHOWN, &n.to_string())
            .replace(names::TOTAL, &of.to_string());
        region.set_text_content(Some(&format!(
            "{}: {} ({position})",
            text("time"),
            text(&format!(".{}", names::EVENT_TITLE))
        )));
    }
}

/// Scrolls a frame's own view to an element (the page around the frame does not move).
fn scroll_frame_to(element: &Element) {
    let window = dom::window();
    let top = element.get_bounding_client_rect().top() + window.scroll_y().unwrap_or(0.0);
    window.scroll_to_with_x_and_y(0.0, top);
}

/// Looks an event up in the event map at `map` and opens it on its year's page (the query kept).
fn open_elsewhere(map: String, id: String, query: String, lang: Lang) {
    wasm_bindgen_futures::spawn_local(async move {
        let Some(text) = fetch_text(&map).await.or_log("reading the event map") else {
            return;
        };
        if let Some(year) = contract::route::year_in_map(&text, &id) {
            let page = Route::TimelineYear(year).href(lang);
            dom::window()
                .location()
                .replace(&format!("{page}{query}#{id}"))
                .or_log("opening the event's year");
        }
    });
}

/// A file's text.
async fn fetch_text(path: &str) -> Result<String, wasm_bindgen::JsValue> {
    let response: web_sys::Response = JsFuture::from(dom::window().fetch_with_str(path))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(format!("status {}", response.status()).into());
    }
    Ok(JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default())
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
