//! Search (`/search/`): without JavaScript an A–Z index of every note and source and the timeline's years,
//! each a link; with it, a search box above the index with results as the reader types (the page's own
//! script, `public/search.js`, over the search wasm and the edition's index; see the prerenderer's
//! `search` module). The form stays hidden until that script runs, so no reader sees a box that does
//! nothing.

use crate::components::fallback::text_lang;
use crate::components::source_citation::title_lang;
use crate::content::{events, notes, sources};
use crate::i18n::t;
use crate::route::{href, note_href, source_href, year_href, Route};
use contract::dom;
use leptos::prelude::*;
use model::{Assessment, Date};

/// The search page.
#[component]
pub fn SearchPage() -> impl IntoView {
    view! {
        <main id="main" class="page search-page">
            <h1>{t().search_title}</h1>
            <p class="intro">{t().search_intro}</p>
            <form id=dom::SEARCH_FORM class="search-form" role="search" action=href(Route::Search) hidden>
                <label for=dom::SEARCH_INPUT>{t().search_label}</label>
                <input
                    id=dom::SEARCH_INPUT
                    type="search"
                    name=dom::SEARCH_FIELD
                    autocomplete="off"
                    spellcheck="false"
                    enterkeyhint="search"
                />
                <p class="search-keys">{t().search_keys}</p>
            </form>
            <p id=dom::SEARCH_STATUS class="search-status" role="status"></p>
            <div id=dom::SEARCH_NONE class="search-none" hidden>
                <p>{t().search_none}" "{t().search_none_hint}</p>
                <ul>
                    <li><a href=href(Route::Timeline)>{t().nav_timeline}</a></li>
                    <li><a href=href(Route::Sources)>{t().nav_sources}</a></li>
                </ul>
            </div>
            <div id=dom::SEARCH_RESULTS class="search-results"></div>
            <AtoZ/>
        </main>
    }
}

/// Every note and source in alphabetical order (accents and case aside), and the timeline's years.
#[component]
fn AtoZ() -> impl IntoView {
    let mut by_title: Vec<usize> = (0..notes().len()).collect();
    by_title.sort_by_cached_key(|&i| sort_key(&notes()[i].title));
    let mut by_source: Vec<usize> = (0..sources().len()).collect();
    by_source.sort_by_cached_key(|&i| sort_key(&sources()[i].title));
    let mut years: Vec<(u16, usize)> = Vec::new();
    for e in events() {
        match years.last_mut() {
            Some((year, count)) if *year == e.date.year => *count += 1,
            _ => years.push((e.date.year, 1)),
        }
    }
    view! {
        <section id=dom::SEARCH_INDEX class="search-az" aria-labelledby="az-h">
            <h2 id="az-h">{t().search_index}</h2>
            <p>{t().search_index_intro}</p>
            <h3 id="az-notes">{t().event_notes}</h3>
            <ul class="az-list" aria-labelledby="az-notes">
                {by_title.into_iter().map(|i| {
                    let note = &notes()[i];
                    view! {
                        <li>
                            <a href=note_href(i) lang=text_lang(note.fallback)>{note.title.as_ref()}</a>
                            " "<span class="az-meta">{note_label(i)}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <h3 id="az-sources">{t().nav_sources}</h3>
            <ul class="az-list" aria-labelledby="az-sources">
                {by_source.into_iter().map(|i| {
                    let source = &sources()[i];
                    let title_lang = title_lang(i);
                    view! {
                        <li>
                            <a href=source_href(i)><cite lang=title_lang>{source.title.as_ref()}</cite></a>
                            " "<span class="az-meta">{source_label(source.publisher.as_ref(), source.date)}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <h3 id="az-years">{t().search_years}</h3>
            <ul class="az-years" aria-labelledby="az-years">
                {years.into_iter().map(|(year, count)| {
                    let link = year_href(year);
                    view! {
                        <li>
                            <a href=link>{year}</a>
                            " "<span class="az-meta">{t().search_year_events.replace("{n}", &count.to_string())}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Where a title goes in alphabetical order: its letters and digits, without case or accents, so that
/// "¿Qué es…?" sits under Q and "México" beside "mexicano".
fn sort_key(title: &str) -> String {
    search::text::fold(title)
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect::<String>()
        .trim_start()
        .to_owned()
}

/// A note's kind and its verdict or status, as results show them: "Claim · Needs context".
fn note_label(i: usize) -> String {
    let note = &notes()[i];
    let assessment = match &note.assessment {
        Assessment::None => None,
        Assessment::Verdict { verdict, .. } => Some(t().verdict(*verdict)),
        Assessment::Status { status, .. } => Some(t().status(*status)),
    };
    match assessment {
        Some(a) => format!("{} · {a}", t().kind(note.kind)),
        None => t().kind(note.kind).to_owned(),
    }
}

/// A source's publisher and date: "Reuters · 30 September 2024".
fn source_label(publisher: &str, date: Option<Date>) -> String {
    match date {
        Some(d) => format!("{publisher} · {}", t().date(d)),
        None => publisher.to_owned(),
    }
}
