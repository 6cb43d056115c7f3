//! The dated events, grouped by year (`/timeline/`). Every event is addressable as `#<event-id>`; the
//! filter (real checkboxes) works with CSS alone, and in the browser it also follows and updates the URL.

use crate::components::copy_link::{event_url, CopyLink, CopyStatus};
use crate::components::embed_control::EmbedControl;
use crate::components::fallback::{text_lang, FallbackNotice};
use crate::components::note_panel::EventBody;
use crate::components::source_citation::SourceCitation;
use crate::content::{checked, events, letter, notes};
use crate::i18n::t;
use crate::route::{note_href, Route};
use crate::state::{framed, link_target, mark_id, own_link_rel};
use contract::dom;
use contract::tracks::FILTERABLE;
use leptos::prelude::*;
use model::Track;

/// The timeline page.
#[component]
pub fn TimelinePage(
    /// Compact, for an iframe: no embed control.
    #[prop(optional)]
    embed: bool,
) -> impl IntoView {
    let events = events();
    let mut years: Vec<u16> = events.iter().map(|e| e.date.year).collect();
    years.dedup();
    view! {
        <main id="main" class="page timeline-page" class:embedded=embed>
            <h1>{t().timeline_title}</h1>
            <p class="intro">{t().timeline_intro}</p>
            {(!embed).then(|| view! { <EmbedControl route=Route::EmbedTimeline/> })}
            <form id=dom::TIMELINE_FILTER class="filters" aria-label=t().filter_label><TimelineFilter/></form>
            {years.into_iter().map(|year| view! { <Year year/> }).collect_view()}
            {checked().map(|d| view! {
                <p class="checked">{t().last_checked}" "<time datetime=d.to_string()>{t().date(d)}</time></p>
            })}
            {(!embed).then(|| view! { <CopyStatus/> })}
        </main>
    }
}

/// One year's heading and events.
#[component]
fn Year(
    /// The year.
    year: u16,
) -> impl IntoView {
    view! {
        <section class=dom::YEAR id=format!("year-{year}") aria-labelledby=format!("y{year}")>
            <h2 id=format!("y{year}")>{year}</h2>
            <ol class="events">
                {events().iter().enumerate().filter(|(_, e)| e.date.year == year).map(|(i, _)| view! { <EventItem event=i/> }).collect_view()}
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
            <h3 lang=text_lang(e.fallback)>{e.title.as_ref()}</h3>
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

/// The filter: one checkbox per track (the letter's own events are always shown) and a count. CSS alone
/// applies it; in the browser, the `browser` crate also follows and updates `?tracks=`, the count (from the
/// status's `data-template`) and the years left empty.
#[component]
fn TimelineFilter() -> impl IntoView {
    let total = events().len();
    view! {
        <fieldset>
            <legend>{t().filter_legend}</legend>
            {FILTERABLE.into_iter().map(|track| {
                let count = events().iter().filter(|e| e.tracks.contains(&track)).count();
                view! {
                    <label class="track-toggle">
                        <input
                            type="checkbox"
                            name=dom::TRACKS_FIELD
                            value=track.slug()
                            id=format!("track-{}", track.slug())
                            checked=true
                        />
                        " "{t().track(track)}" "<span class="count">{format!("({count})")}</span>
                    </label>
                }
            }).collect_view()}
            <p class="filter-note">{t().filter_letter_always}</p>
        </fieldset>
        <p class=dom::FILTER_STATUS role="status" data-template=t().showing>{t().showing(total, total)}</p>
    }
}
