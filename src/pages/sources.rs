//! Every source, once, with where it is cited (`/sources/`).

use crate::components::source_citation::SourceCitation;
use crate::content::{events, notes, sources};
use crate::i18n::t;
use crate::route::{event_href, href, note_href, Route};
use leptos::prelude::*;
use model::Citation;

/// The sources page.
#[component]
pub fn SourcesPage() -> impl IntoView {
    view! {
        <main id="main" class="page sources-page">
            <h1>{t().sources_title}</h1>
            <p class="intro">{t().sources_intro}</p>
            <ol class="source-list">
                {sources().iter().enumerate().map(|(i, s)| view! {
                    <li id=s.id.as_ref()>
                        <SourceCitation source=i/>
                        <p class="cited-in">
                            {t().cited_in}": "
                            {s.cited_by.iter().enumerate().map(|(k, c)| view! {
                                {(k > 0).then_some(", ")}
                                <CitationLink citation=*c/>
                            }).collect_view()}
                        </p>
                    </li>
                }).collect_view()}
            </ol>
        </main>
    }
}

/// A link to where a source is cited.
#[component]
fn CitationLink(
    /// The citing place.
    citation: Citation,
) -> impl IntoView {
    match citation {
        Citation::Letter => {
            view! { <a href=href(Route::Letter(None))>{t().cited_letter}</a> }.into_any()
        }
        Citation::Note(n) => {
            view! { <a href=note_href(n)>{notes()[n].title.as_ref()}</a> }.into_any()
        }
        Citation::Event(e) => {
            view! { <a href=event_href(e)>{events()[e].title.as_ref()}</a> }.into_any()
        }
    }
}
