//! The annotated letter: one Leptos app that renders every route of every edition to static HTML at build
//! time. In the browser, the letter and the timeline add behaviour with a few listeners over that HTML (see
//! [`client`]); nothing is rendered twice. Routes are read from the URL; there is no client-side router.
#![deny(missing_docs)]
#![recursion_limit = "256"]

#[cfg(all(feature = "browser", feature = "ssr"))]
compile_error!(
    "the `browser` and `ssr` features are exclusive: build the browser app or the prerenderer"
);

pub mod annotations;
#[cfg(feature = "browser")]
pub mod client;
pub mod components;
pub mod content;
pub mod edition;
pub mod filter;
pub mod head;
#[cfg(feature = "ssr")]
pub mod hosting;
pub mod i18n;
pub mod pages;
pub mod route;
pub mod state;

use components::site_chrome::{EmbedFooter, SiteFooter, SiteHeader};
use leptos::prelude::*;
use pages::{
    about::AboutPage, embed::EmbedNotePage, letter::LetterPage, not_found::NotFoundPage,
    sources::SourcesPage, timeline::TimelinePage,
};
use route::Route;

/// The whole page body for a route.
#[component]
pub fn App(
    /// The page to show.
    route: Route,
) -> impl IntoView {
    let page = match route {
        Route::Letter(open) => view! { <LetterPage open/> }.into_any(),
        Route::Timeline => view! { <TimelinePage/> }.into_any(),
        Route::Sources => view! { <SourcesPage/> }.into_any(),
        Route::About => view! { <AboutPage/> }.into_any(),
        Route::NotFound => view! { <NotFoundPage/> }.into_any(),
        Route::EmbedLetter => view! { <LetterPage open=None embed=true/> }.into_any(),
        Route::EmbedNote(note) => view! { <EmbedNotePage note/> }.into_any(),
        Route::EmbedTimeline => view! { <TimelinePage embed=true/> }.into_any(),
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
