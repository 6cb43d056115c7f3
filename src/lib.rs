//! The annotated letter: one Leptos app that renders every route of every edition to static HTML at build
//! time (the `prerender` binary). In the browser, the letter and the timeline add behaviour with a few
//! listeners over that HTML: that is the `browser` crate, which does not depend on this one; nothing is
//! rendered twice. Routes are read from the URL; there is no client-side router.
#![deny(missing_docs)]
#![recursion_limit = "256"]

pub mod annotations;
pub mod citation;
pub mod components;
pub mod contact;
pub mod content;
pub mod edition;
pub mod feed;
pub mod head;
#[cfg(feature = "ssr")]
pub mod hosting;
#[cfg(feature = "ssr")]
pub mod html_tokens;
pub mod i18n;
pub mod pages;
pub mod route;
pub mod state;
pub mod structured_data;
pub mod text_fragment;

use crate::content::note_index;
use components::site_chrome::{EmbedFooter, SiteFooter, SiteHeader};
use leptos::prelude::*;
use pages::{
    about::AboutPage, corrections::CorrectionsPage, embed::EmbedNotePage, letter::LetterPage,
    not_found::NotFoundPage, offline::OfflinePage, print::PrintPage, search::SearchPage,
    sources::SourcesPage, timeline::TimelinePage,
};
use route::Route;

/// The whole page body for a route. Its note id is resolved here, to the note's index in the content; a
/// note that does not exist shows the not-found page.
///
/// Architecture Invariant: no hydration. Views run at build time only; the browser app never renders one.
#[component]
pub fn App(
    /// The page to show.
    route: Route,
) -> impl IntoView {
    provide_context(state::Framed(route.is_embed()));
    let note = route.note().map(note_index);
    let page = match (route, note) {
        (_, Some(None)) | (Route::NotFound, _) => view! { <NotFoundPage/> }.into_any(),
        (Route::Letter(_), open) => view! { <LetterPage open=open.flatten()/> }.into_any(),
        (Route::Timeline, _) => view! { <TimelinePage/> }.into_any(),
        (Route::TimelineYear(year), _) => view! { <TimelinePage year/> }.into_any(),
        (Route::Sources, _) => view! { <SourcesPage/> }.into_any(),
        (Route::About, _) => view! { <AboutPage/> }.into_any(),
        (Route::Corrections, _) => view! { <CorrectionsPage/> }.into_any(),
        (Route::Offline, _) => view! { <OfflinePage/> }.into_any(),
        (Route::Search, _) => view! { <SearchPage/> }.into_any(),
        (Route::EmbedLetter, _) => view! { <LetterPage open=None embed=true/> }.into_any(),
        (Route::EmbedNote(_), note) => {
            let note = note.flatten().unwrap_or_default();
            view! { <EmbedNotePage note/> }.into_any()
        }
        (Route::EmbedTimeline, _) => view! { <TimelinePage embed=true/> }.into_any(),
        (Route::Print, _) => view! { <PrintPage/> }.into_any(),
    };
    if route.is_embed() {
        return view! { <div class="embed">{page}<EmbedFooter route/></div> }.into_any();
    }
    view! {
        <SiteHeader current=route/>
        {page}
        <SiteFooter/>
    }
    .into_any()
}
