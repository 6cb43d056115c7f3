//! The site's routes for the edition being rendered: the URL contract itself (one route type, keyed by
//! note id, shared with the browser app) lives in the `contract` crate; this module adds what needs the
//! content: every route there is, resolving a URL's note id, and URLs of content by index.

use crate::content::{events, note_index, notes, sources};
use crate::edition;
use model::Lang;

/// A page of the site, its note id borrowed from the content.
pub type Route = contract::Route<'static>;

/// The id of the note at this index (the same in every edition).
pub fn note_id(index: usize) -> &'static str {
    &notes()[index].id
}

/// The edition and route of a URL path, with its note id resolved against the content: a note that does
/// not exist is [`contract::Route::NotFound`].
pub fn resolve(path: &str) -> (Lang, Route) {
    let (lang, route) = contract::Route::parse(path);
    (lang, route.resolve(|id| note_index(id).map(note_id)))
}

/// Every route of an edition, for the prerenderer.
pub fn all() -> Vec<Route> {
    let ids = notes().iter().map(|n| -> &'static str { &n.id });
    let mut routes = vec![
        Route::Letter(None),
        Route::Timeline,
        Route::Sources,
        Route::About,
        Route::Corrections,
        Route::Search,
        Route::NotFound,
        Route::Offline,
    ];
    routes.extend(ids.clone().map(|id| Route::Letter(Some(id))));
    routes.extend(years().into_iter().map(Route::TimelineYear));
    routes.extend([Route::EmbedLetter, Route::EmbedTimeline]);
    routes.extend(ids.map(Route::EmbedNote));
    // The print edition (issue #15).
    routes.push(Route::Print);
    routes
}

/// The route's URL path in the edition being rendered.
pub fn href(route: Route) -> String {
    route.href(edition::lang())
}

/// The URL of a note.
pub fn note_href(index: usize) -> String {
    href(Route::Letter(Some(note_id(index))))
}

/// The URL of a note's link-preview card.
pub fn card_href(index: usize) -> String {
    contract::route::card_href(edition::lang(), note_id(index))
}

/// Where the prerenderer writes a note's link-preview card, relative to the site's root folder.
pub fn card_file(index: usize) -> String {
    contract::route::card_file(edition::lang(), note_id(index))
}

/// True when the timeline's own page holds the overview and the latest events only (see
/// [`LATEST_ON_TIMELINE`]), and every event lives on its year's page (a site with more than
/// [`contract::route::YEAR_PAGES_OVER`] events).
pub fn year_pages_only() -> bool {
    events().len() > contract::route::YEAR_PAGES_OVER
}

/// With [`year_pages_only`], how many of the latest events the timeline's own page lists: about as many as
/// the real content has in all, so a large site's first view of the timeline costs what a small one's does.
pub const LATEST_ON_TIMELINE: usize = 100;

/// The years of the timeline, in order, each once.
pub fn years() -> Vec<u16> {
    let mut years: Vec<u16> = events().iter().map(|e| e.date.year).collect();
    years.dedup();
    years
}

/// True when the page of `route` lists the event at `index`: a year's page its year's events, the embed
/// every event, the timeline's page every event or, with [`year_pages_only`], the latest
/// [`LATEST_ON_TIMELINE`].
pub fn holds_event(route: Route, index: usize) -> bool {
    match route {
        Route::TimelineYear(y) => events()[index].date.year == y,
        Route::EmbedTimeline => true,
        Route::Timeline => !year_pages_only() || index + LATEST_ON_TIMELINE >= events().len(),
        _ => false,
    }
}

/// True when the page of `route` lists every event of `year` (a year it lists only some of is linked to
/// its own page for the rest).
pub fn holds_year(route: Route, year: u16) -> bool {
    let mut of_year = (0..events().len()).filter(|&i| events()[i].date.year == year);
    of_year.all(|i| holds_event(route, i))
}

/// The timeline page that is an event's address: its year's page with [`year_pages_only`], else the
/// timeline's page.
pub fn event_page(index: usize) -> Route {
    if year_pages_only() {
        Route::TimelineYear(events()[index].date.year)
    } else {
        Route::Timeline
    }
}

/// The URL of an event on the timeline (see [`event_page`]).
pub fn event_href(index: usize) -> String {
    contract::route::event_href(edition::lang(), event_page(index), &events()[index].id)
}

/// The URL of a year of the timeline as a place in the list: its heading on the timeline's page, or its own
/// page with [`year_pages_only`].
pub fn year_href(year: u16) -> String {
    if year_pages_only() {
        href(Route::TimelineYear(year))
    } else {
        format!("{}#{}", href(Route::Timeline), contract::dom::year_id(year))
    }
}

/// The edition's event map (see [`contract::route::EVENT_MAP_FILE`]): each year, then its events' ids.
pub fn event_map() -> String {
    years()
        .into_iter()
        .map(|year| {
            events()
                .iter()
                .filter(|e| e.date.year == year)
                .fold(year.to_string(), |line, e| line + " " + &e.id)
                + "\n"
        })
        .collect()
}

/// The URL of an entry of the corrections log.
pub fn correction_href(index: usize) -> String {
    contract::route::correction_href(edition::lang(), &crate::content::corrections()[index].id)
}

/// The URL of a source on the sources page.
pub fn source_href(index: usize) -> String {
    contract::route::source_href(edition::lang(), &sources()[index].id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::BASE;

    #[test]
    fn every_route_resolves_back_from_its_href_in_every_edition() {
        for lang in Lang::ALL {
            edition::render(crate::content::built(), lang, || {
                for route in all() {
                    assert_eq!(resolve(&route.href(lang)), (lang, route), "{route:?}");
                }
            });
        }
    }

    #[test]
    fn unknown_note_ids_are_not_found() {
        edition::render(crate::content::built(), Lang::En, unknown_note_ids);
    }

    fn unknown_note_ids() {
        for path in [
            "notes/no-such-note/",
            "embed/notes/no-such-note/",
            "es/notes/nope/",
        ] {
            assert_eq!(
                resolve(&format!("{BASE}{path}")).1,
                Route::NotFound,
                "{path}"
            );
        }
        assert_eq!(resolve(&format!("{BASE}es/notes/nope/")).0, Lang::Es);
    }
}
