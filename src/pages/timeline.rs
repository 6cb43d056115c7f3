//! The dated events, grouped by year: `/timeline/` (every event, or on a large site the overview and the
//! latest events, `route::LATEST_ON_TIMELINE`), one page per year (`/timeline/2024/`) and the embed. Every
//! event is addressable as `#<event-id>` on the page that is its address (`route::event_href`); the
//! overview before the list draws every year's events by track and links each year into the list; the
//! filter (real checkboxes) works with CSS alone, and in the browser it also follows and updates the URL.

use crate::components::copy_link::{event_url, CopyLink, CopyStatus};
use crate::components::embed_control::EmbedControl;
use crate::components::fallback::{text_lang, FallbackNotice};
use crate::components::note_panel::EventBody;
use crate::components::source_citation::SourceCitation;
use crate::content::{checked, events, letter, notes};
use crate::edition;
use crate::i18n::t;
use crate::route::{
    event_href, holds_event, holds_year, href, note_href, year_pages_only, years, Route,
};
use crate::state::{framed, link_target, mark_id, own_link_rel};
use contract::dom;
use contract::tracks::FILTERABLE;
use leptos::prelude::*;
use model::Track;

/// The timeline page: `/timeline/`, a year's page, or the embed.
#[component]
pub fn TimelinePage(
    /// Compact, for an iframe: every event, no overview and no embed control.
    #[prop(optional)]
    embed: bool,
    /// The year of a year's page.
    #[prop(optional)]
    year: Option<u16>,
) -> impl IntoView {
    let here = match (embed, year) {
        (true, _) => Route::EmbedTimeline,
        (false, Some(year)) => Route::TimelineYear(year),
        (false, None) => Route::Timeline,
    };
    let on_page: Vec<usize> = (0..events().len())
        .filter(|&i| holds_event(here, i))
        .collect();
    let mut shown: Vec<u16> = on_page.iter().map(|&i| events()[i].date.year).collect();
    shown.dedup();
    // A page without every event names the event map, for a fragment naming an event elsewhere.
    let map =
        (on_page.len() < events().len()).then(|| contract::route::event_map_href(edition::lang()));
    let title = match year {
        Some(year) => format!("{} {year}", t().timeline_title),
        None => t().timeline_title.to_owned(),
    };
    let latest = events().len().checked_sub(1);
    let only_latest = here == Route::Timeline && year_pages_only();
    view! {
        <main id="main" class=format!("page timeline-page {}", dom::CSS_FILTER) class:embedded=embed data-event-map=map>
            <h1>{title}</h1>
            <p class="intro">{t().timeline_intro}</p>
            {(here == Route::Timeline).then(|| view! { <EmbedControl route=Route::EmbedTimeline/> })}
            {(!embed).then(|| view! { <Overview here/> })}
            {latest.map(|i| view! {
                <p class="latest">
                    {t().timeline_latest}" "
                    <a href=event_href(i) target=link_target() rel=own_link_rel() lang=text_lang(events()[i].fallback)>
                        {events()[i].title.as_ref()}
                    </a>
                    " ("<time datetime=events()[i].date.to_string()>{t().date(events()[i].date)}</time>")"
                </p>
            })}
            {only_latest.then(|| view! {
                <p class="latest-events">{t().timeline_latest_events.replace("{n}", &on_page.len().to_string())}</p>
            })}
            <form id=dom::TIMELINE_FILTER class="filters" aria-label=t().filter_label><TimelineFilter events=on_page.clone()/></form>
            <p class="keys-hint">{t().timeline_keys}</p>
            <p id=dom::TIMELINE_ANNOUNCE class="vh" aria-live="polite" data-template=t().event_position></p>
            {shown.into_iter().map(|year| view! { <Year year here/> }).collect_view()}
            {checked().map(|d| view! {
                <p class="checked">{t().last_checked}" "<time datetime=d.to_string()>{t().date(d)}</time></p>
            })}
            {(!embed).then(|| view! { <CopyStatus/> })}
        </main>
    }
}

/// Years with more events than this are drawn on the overview as one bar per track (its length the
/// track's share) rather than one tick per event.
const TICKS_PER_YEAR: usize = 40;

/// The overview: every year from the first to the last, each a link into the list (a heading on this
/// page, or the year's page), its events drawn by track, shape and colour (one tick per event, or per
/// track a bar as long as its count when a year has many), the letter's date marked; for screen readers
/// each year's link says its count per track, and the drawing is hidden from them.
#[component]
fn Overview(
    /// The page the overview is on.
    here: Route,
) -> impl IntoView {
    let letter_date = letter().date;
    // The longest bar: the most events of one track in one year.
    let most = years()
        .into_iter()
        .flat_map(|y| {
            Track::ALL.into_iter().map(move |track| {
                events()
                    .iter()
                    .filter(|e| e.date.year == y && first_track(&e.tracks) == track)
                    .count()
            })
        })
        .max()
        .unwrap_or(1)
        .max(1);
    view! {
        <nav class="axis" aria-label=t().axis_label>
            <ul class="axis-legend" aria-hidden="true">
                {Track::ALL.into_iter().map(|track| view! {
                    <li><i class=format!("tick {}", dom::track_class(track))></i>{t().track(track)}</li>
                }).collect_view()}
            </ul>
            <ol class="axis-years">
                {years().into_iter().map(|year| {
                    let list: Vec<usize> = (0..events().len()).filter(|&i| events()[i].date.year == year).collect();
                    let link = if holds_year(here, year) {
                        format!("#{}", dom::year_id(year))
                    } else {
                        href(Route::TimelineYear(year))
                    };
                    let per_track = FILTERABLE
                        .into_iter()
                        .filter_map(|track| {
                            let n = list.iter().filter(|&&i| events()[i].tracks.contains(&track)).count();
                            (n > 0).then(|| format!("{} {n}", t().track(track)))
                        })
                        .collect::<Vec<_>>()
                        .join(", ");
                    let count = match list.len() {
                        1 => t().axis_one_event.to_owned(),
                        n => t().axis_events.replace("{n}", &n.to_string()),
                    };
                    let label = format!(", {count}: {per_track}");
                    let ticks = if list.len() <= TICKS_PER_YEAR {
                        list.iter().map(|&i| {
                            let e = &events()[i];
                            let track = first_track(&e.tracks);
                            let letter = e.tracks.contains(&Track::Letter) && e.date == letter_date;
                            let class = format!("tick {}{}", dom::track_class(track), if letter { " letter-event" } else { "" });
                            view! { <i class=class></i> }
                        }).collect_view().into_any()
                    } else {
                        Track::ALL.into_iter().filter_map(|track| {
                            let n = list.iter().filter(|&&i| first_track(&events()[i].tracks) == track).count();
                            // Eight lengths, the longest for the most events of a track in a year.
                            let w = (n * 8).div_ceil(most);
                            (n > 0).then(|| view! {
                                <i class=format!("tick {}", dom::track_class(track))></i>
                                <i class=format!("bar {} w{w}", dom::track_class(track))></i>
                            })
                        }).collect_view().into_any()
                    };
                    let has_letter = year == letter_date.year;
                    view! {
                        <li class=has_letter.then_some("axis-letter")>
                            <a href=link data-year=year>{year}<span class="vh">{label}</span></a>
                            <span class="axis-ticks" aria-hidden="true">{ticks}</span>
                            {has_letter.then(|| view! {
                                <span class="axis-letter-date">
                                    {t().axis_letter}" · "<time datetime=letter_date.to_string()>{t().date(letter_date)}</time>
                                </span>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}

/// The track an event is drawn in on the overview: its first in [`Track::ALL`] order (the letter first).
fn first_track(tracks: &[Track]) -> Track {
    Track::ALL
        .into_iter()
        .find(|t| tracks.contains(t))
        .unwrap_or(Track::Letter)
}

/// One year's heading and the events of it that `here` lists; when that is not all of them, a link to the
/// year's own page for the rest, and no year id: the overview's link and `?from=` then go to that page.
#[component]
fn Year(
    /// The year.
    year: u16,
    /// The page the year is on.
    here: Route,
) -> impl IntoView {
    let of_year = (0..events().len()).filter(|&i| events()[i].date.year == year);
    let listed: Vec<usize> = of_year.clone().filter(|&i| holds_event(here, i)).collect();
    let in_part = !holds_year(here, year);
    let whole = in_part.then(|| {
        view! {
            <p class="whole-year">
                <a href=href(Route::TimelineYear(year))>
                    {t().timeline_whole_year.replace("{n}", &of_year.count().to_string()).replace("{y}", &year.to_string())}
                </a>
            </p>
        }
    });
    view! {
        <section class=dom::YEAR id=(!in_part).then(|| dom::year_id(year)) aria-labelledby=format!("y{year}")>
            <h2 id=format!("y{year}")>{year}</h2>
            {whole}
            <ol class="events">
                {listed.into_iter().map(|i| view! { <EventItem event=i/> }).collect_view()}
            </ol>
        </section>
    }
}

/// One event: date at its precision, title, body, the notes it bears on, its sources.
#[component]
fn EventItem(
    /// The event's index.
    event: usize,
) -> impl IntoView {
    let e = &events()[event];
    let is_letter = e.tracks.contains(&Track::Letter) && e.date == letter().date;
    let class = e
        .tracks
        .iter()
        .map(|&t| dom::track_class(t))
        .chain(is_letter.then(|| "letter-event".to_owned()))
        .fold(dom::EVENT.to_owned(), |c, t| c + " " + &t);
    view! {
        // In an embed the event carries its id only as data: a fragment that matched an element would make
        // the browser scroll the news site's page to it as the frame loads. The app focuses it instead.
        <li id=(!framed()).then_some(e.id.as_ref()) data-event=e.id.as_ref() class=class tabindex="-1">
            <time datetime=e.date.to_string()>{t().date(e.date)}</time>
            {(!framed()).then(|| view! {
                <p class="copy-links">
                    <CopyLink url=event_url(event) label=t().copy_link about=e.title.to_string() lang=text_lang(e.fallback)/>
                </p>
            })}
            <h3 class=dom::EVENT_TITLE lang=text_lang(e.fallback)>{e.title.as_ref()}</h3>
            <FallbackNotice on=e.fallback/>
            <p lang=text_lang(e.fallback)><EventBody event/></p>
            <p class="event-tracks">
                {e.tracks.iter().map(|&track| view! { <span class=format!("track track-{}", track.slug())>{t().track(track)}</span> }).collect_view()}
            </p>
            {(!e.notes.is_empty()).then(|| view! {
                <p class="event-notes">
                    {t().event_notes}": "
                    {e.notes.iter().enumerate().map(|(k, &n)| {
                        // Opens the note at its mark in the letter, when it has one.
                        let href = match notes()[n].passage {
                            Some(_) => format!("{}#{}", note_href(n), mark_id(n)),
                            None => note_href(n),
                        };
                        view! {
                            {(k > 0).then_some(", ")}
                            <a href=href target=link_target() rel=own_link_rel() lang=text_lang(notes()[n].fallback)>
                                {notes()[n].title.as_ref()}
                            </a>
                        }
                    }).collect_view()}
                </p>
            })}
            <p class="event-sources">
                {t().event_sources}": "
                {e.sources.iter().enumerate().map(|(k, &s)| view! {
                    {(k > 0).then_some("; ")}
                    <SourceCitation source=s/>
                }).collect_view()}
            </p>
        </li>
    }
}

/// The filter: one checkbox per track (the letter's own events are always shown) and a count of the
/// page's events. CSS alone applies it; in the browser, the `browser` crate also follows and updates
/// `?tracks=`, the count (from the status's `data-template`) and the years left empty.
#[component]
fn TimelineFilter(
    /// The events on the page, by index.
    events: Vec<usize>,
) -> impl IntoView {
    let total = events.len();
    view! {
        <fieldset>
            <legend>{t().filter_legend}</legend>
            {FILTERABLE.into_iter().map(|track| {
                let count = events.iter().filter(|&&i| crate::content::events()[i].tracks.contains(&track)).count();
                view! {
                    <label class="track-toggle">
                        <input
                            type="checkbox"
                            name=dom::TRACKS_FIELD
                            value=track.slug()
                            id=format!("track-{}", track.slug())
                            checked=true
                        />
                        " "<i class=format!("tick {}", dom::track_class(track)) aria-hidden="true"></i>
                        {t().track(track)}" "<span class="count">{format!("({count})")}</span>
                    </label>
                }
            }).collect_view()}
            <p class="filter-note">{t().filter_letter_always}</p>
        </fieldset>
        <p class=dom::FILTER_STATUS role="status" data-template=t().showing>{t().showing(total, total)}</p>
    }
}
