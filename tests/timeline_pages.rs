//! The timeline's pages as the prerenderer writes them: `/timeline/`, a page per year, the overview and
//! the event map, on the real content (every event on `/timeline/`) and on a generated site with more
//! events than `contract::route::YEAR_PAGES_OVER` (its latest `route::LATEST_ON_TIMELINE` events on
//! `/timeline/`, every event on its year's page).
#![cfg(feature = "ssr")]

use leptos::prelude::*;
use letter_explainer::content::{built, events};
use letter_explainer::edition;
use letter_explainer::route::{all, event_href, event_map, years, Route, LATEST_ON_TIMELINE};
use letter_explainer::App;
use model::{Lang, Site};
use std::sync::OnceLock;

/// A route's body in the edition being rendered.
fn render(route: Route) -> String {
    Owner::new().with(|| view! { <App route/> }.to_html())
}

/// The event ids on a page (as `data-event`, which every event carries, in embeds too).
fn event_ids(html: &str) -> Vec<String> {
    html.split(" data-event=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default().to_owned())
        .collect()
}

/// A generated site with more events than the timeline's page holds (both editions), compiled once.
fn large() -> &'static [&'static Site] {
    static SITES: OnceLock<&'static [&'static Site]> = OnceLock::new();
    SITES.get_or_init(|| {
        let tree = content::stress::pack(12, contract::route::YEAR_PAGES_OVER + 80);
        let editions = content::compile_editions(&tree)
            .unwrap_or_else(|d| panic!("the generated pack must compile:\n{d}"));
        letter_explainer::content::leak(editions)
    })
}

#[test]
fn the_real_timeline_page_holds_every_event_and_each_year_has_its_page() {
    for lang in Lang::ALL {
        edition::render(built(), lang, || {
            let ids: Vec<String> = events().iter().map(|e| e.id.to_string()).collect();
            let page = render(Route::Timeline);
            assert_eq!(event_ids(&page), ids, "every event, in order");
            assert!(
                !page.contains(contract::dom::EVENT_MAP),
                "a page with every event needs no map"
            );
            let routes = all();
            let mut on_year_pages = Vec::new();
            for year in years() {
                assert!(routes.contains(&Route::TimelineYear(year)), "{year}");
                let html = render(Route::TimelineYear(year));
                let here = event_ids(&html);
                assert!(!here.is_empty());
                for id in &here {
                    let e = events().iter().find(|e| e.id == *id).unwrap();
                    assert_eq!(e.date.year, year, "{id} is not of {year}");
                }
                on_year_pages.extend(here);
                assert!(html.contains(&format!(
                    "{}=\"{}\"",
                    contract::dom::EVENT_MAP,
                    contract::route::event_map_href(lang)
                )));
                // The overview: this year is a place on the page, every other year its page.
                assert!(html.contains(&format!("href=\"#year-{year}\" data-year=\"{year}\"")));
                for other in years().into_iter().filter(|&y| y != year) {
                    let link = format!(
                        "href=\"{}\" data-year=\"{other}\"",
                        Route::TimelineYear(other).href(lang)
                    );
                    assert!(html.contains(&link), "{year}: {link}");
                }
            }
            assert_eq!(on_year_pages, ids, "every event on exactly one year page");
            // Below the threshold an event's address is the timeline's page.
            assert_eq!(
                event_href(0),
                format!("{}#{}", Route::Timeline.href(lang), events()[0].id)
            );
        })
    }
}

#[test]
fn the_overview_draws_every_year_labelled_for_screen_readers() {
    edition::render(built(), Lang::En, || {
        let page = render(Route::Timeline);
        // Named for screen readers.
        let at = page
            .find("<nav aria-label=\"Years\" class=\"axis\"")
            .expect("an overview");
        let nav = &page[at..];
        let nav = &nav[..nav.find("</nav>").unwrap()];
        for year in years() {
            let n = events().iter().filter(|e| e.date.year == year).count();
            let count = match n {
                1 => "1 event".to_owned(),
                n => format!("{n} events"),
            };
            assert!(
                nav.contains(&format!(">{year}<span class=\"vh\">, {count}: ")),
                "{year} with its count"
            );
        }
        // One tick per event (the real content has no crowded year), hidden from screen readers.
        assert_eq!(
            nav.matches("<i class=\"tick").count() - model::Track::ALL.len(),
            events().len()
        );
        assert_eq!(
            nav.matches("aria-hidden=\"true\" class=\"axis-ticks\"")
                .count(),
            years().len()
        );
        let mark = &nav[nav
            .find("class=\"axis-letter-date\"")
            .expect("the letter's date")..];
        let letter_date = letter_explainer::content::letter().date.to_string();
        assert!(
            mark[..mark.find("</span>").unwrap()].contains(&format!("datetime=\"{letter_date}\""))
        );
        assert!(nav.contains("letter-event"), "the letter's tick is marked");
        // The embed has no overview.
        assert!(!render(Route::EmbedTimeline).contains("class=\"axis\""));
    })
}

#[test]
fn the_event_map_lists_every_event_once_under_its_year() {
    edition::render(built(), Lang::En, || {
        let map = event_map();
        for e in events() {
            assert_eq!(
                contract::route::year_in_map(&map, &e.id),
                Some(e.date.year),
                "{}",
                e.id
            );
        }
        let listed: usize = map.lines().map(|l| l.split(' ').count() - 1).sum();
        assert_eq!(listed, events().len());
        assert_eq!(map.lines().count(), years().len());
    })
}

#[test]
fn a_large_timeline_shows_its_latest_events_and_addresses_events_on_their_year_pages() {
    for lang in Lang::ALL {
        edition::render(large(), lang, || {
            let latest = *years().last().unwrap();
            let page = render(Route::Timeline);
            let here = event_ids(&page);
            let newest: Vec<String> = events()[events().len() - LATEST_ON_TIMELINE..]
                .iter()
                .map(|e| e.id.to_string())
                .collect();
            assert_eq!(here, newest, "the latest events only, in order");
            assert!(page.contains(contract::dom::EVENT_MAP));
            // The oldest year listed is listed in part: its section links its own page for all its events,
            // and so does its year on the overview, as every year not listed whole does.
            let partial = events()[events().len() - LATEST_ON_TIMELINE].date.year;
            let of_partial = events().iter().filter(|e| e.date.year == partial).count();
            let listed = events()[events().len() - LATEST_ON_TIMELINE..]
                .iter()
                .filter(|e| e.date.year == partial)
                .count();
            assert!(listed < of_partial, "the pack must split a year");
            let partial_page = Route::TimelineYear(partial).href(lang);
            assert!(
                page.contains(&format!(
                    "<p class=\"whole-year\"><a href=\"{partial_page}\">"
                )),
                "a year listed in part links its page"
            );
            assert!(
                !page.contains(&format!("id=\"{}\"", contract::dom::year_id(partial))),
                "a year listed in part has no year id, so that ?from= opens its page"
            );
            for year in years() {
                let link = if year > partial {
                    format!("#{}", contract::dom::year_id(year))
                } else {
                    Route::TimelineYear(year).href(lang)
                };
                assert!(
                    page.contains(&format!("href=\"{link}\" data-year=\"{year}\"")),
                    "{year} links {link}"
                );
            }
            assert!(latest > partial);
            // An event's address is its year's page, everywhere the site links it.
            let first = &events()[0];
            let year_page = Route::TimelineYear(first.date.year).href(lang);
            assert_eq!(event_href(0), format!("{year_page}#{}", first.id));
            let search = render(Route::Search);
            assert!(search.contains(&format!("href=\"{year_page}\"")));
            // The embed still holds every event (a deep link there needs no other page).
            assert_eq!(
                event_ids(&render(Route::EmbedTimeline)).len(),
                events().len()
            );
            // Every year's page together: every event once.
            let mut all_ids: Vec<String> = years()
                .into_iter()
                .flat_map(|y| event_ids(&render(Route::TimelineYear(y))))
                .collect();
            all_ids.sort();
            let mut ids: Vec<String> = events().iter().map(|e| e.id.to_string()).collect();
            ids.sort();
            assert_eq!(all_ids, ids);
        })
    }
}
