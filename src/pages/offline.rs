//! The offline notice (`offline.html`): what the service worker shows in place of a page whose saved copy
//! is missing or damaged when the network cannot give that same version of it (the reader is offline, or
//! a newer version of the site has been deployed). A way to try again, and the pages of the site.

use crate::i18n::t;
use crate::route::{href, Route};
use leptos::prelude::*;

/// The offline notice page.
#[component]
pub fn OfflinePage() -> impl IntoView {
    let s = t();
    let pages = [
        (Route::Letter(None), s.nav_letter),
        (Route::Timeline, s.nav_timeline),
        (Route::Sources, s.nav_sources),
        (Route::About, s.nav_about),
    ];
    view! {
        <main id="main" class="page not-found offline-page">
            <h1>{s.offline_page_title}</h1>
            <p>{s.offline_page_text}</p>
            <p>{s.offline_page_update}</p>
            // An empty href is the address the page was served at: the worker tries that page again.
            <p><a class="button" href="" data-retry="">{s.offline_page_retry}</a></p>
            <h2>{s.offline_page_pages}</h2>
            <ul>
                {pages.map(|(route, label)| view! { <li><a href=href(route)>{label}</a></li> }).collect_view()}
            </ul>
        </main>
    }
}
