//! The dated events, grouped by year (`/timeline/`). Every event is addressable as `#<event-id>`.

use crate::components::note_panel::EventBody;
use crate::components::source_citation::SourceCitation;
use crate::content::{events, notes};
use crate::i18n::EN;
use crate::route::note_href;
use leptos::prelude::*;

/// The timeline page.
#[component]
pub fn TimelinePage() -> impl IntoView {
    let events = &events();
    let mut years: Vec<u16> = events.iter().map(|e| e.date.year).collect();
    years.dedup();
    view! {
        <main id="main" class="page timeline-page">
            <h1>{EN.timeline_title}</h1>
            <p class="intro">{EN.timeline_intro}</p>
            {years.into_iter().map(|year| view! {
                <section class="year" aria-labelledby=format!("y{year}")>
                    <h2 id=format!("y{year}")>{year}</h2>
                    <ol class="events">
                        {events.iter().enumerate().filter(|(_, e)| e.date.year == year).map(|(i, e)| view! {
                            <li id=e.id.as_ref() class="event" tabindex="-1">
                                <time datetime=e.date.to_string()>{EN.date(e.date)}</time>
                                <h3>{e.title.as_ref()}</h3>
                                <p><EventBody event=i/></p>
                                {(!e.notes.is_empty()).then(|| view! {
                                    <p class="event-notes">
                                        {EN.event_notes}": "
                                        {e.notes.iter().enumerate().map(|(k, &n)| view! {
                                            {(k > 0).then_some(", ")}
                                            <a href=note_href(n)>{notes()[n].title.as_ref()}</a>
                                        }).collect_view()}
                                    </p>
                                })}
                                <p class="event-sources">
                                    {EN.event_sources}": "
                                    {e.sources.iter().enumerate().map(|(k, &s)| view! {
                                        {(k > 0).then_some("; ")}
                                        <SourceCitation source=s/>
                                    }).collect_view()}
                                </p>
                            </li>
                        }).collect_view()}
                    </ol>
                </section>
            }).collect_view()}
        </main>
    }
}
