//! The page for any unknown address (`404.html`): what happened and a way back.

use crate::content::notes;
use crate::i18n::t;
use crate::route::{href, note_href, Route};
use leptos::prelude::*;

/// The not-found page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <main id="main" class="page not-found">
            <h1>{t().not_found_title}</h1>
            <p>{t().not_found_text}</p>
            <p><a class="button" href=href(Route::Letter(None))>{t().not_found_back}</a></p>
            <h2>{t().not_found_notes}</h2>
            <ul>
                {notes().iter().enumerate().map(|(i, n)| view! {
                    <li><a href=note_href(i)>{n.title.as_ref()}</a></li>
                }).collect_view()}
            </ul>
        </main>
    }
}
