//! What the site is, how it judges, how to report an error, and its corrections policy (`/about/`).

use crate::components::fallback::{text_lang, FallbackNotice};
use crate::components::reference::PrintLink;
use crate::components::rich_text::{Blocks, Place};
use crate::components::scorecard::Scorecard;
use crate::content::about;
use crate::i18n::t;
use crate::route::{href, Route};
use leptos::prelude::*;

/// The about page, written in `content/pages/about.md`.
#[component]
pub fn AboutPage() -> impl IntoView {
    let about = &about();
    view! {
        <main id="main" class="page prose">
            <h1 lang=text_lang(about.fallback)>{about.title.as_ref()}</h1>
            <FallbackNotice on=about.fallback/>
            <div lang=text_lang(about.fallback)><Blocks blocks=&about.body place=Place::Page/></div>
            <Scorecard/>
            <PrintLink/>
            // Shown by the offline script once the service worker says what is left to save (see
            // `public/offline.js`); without it there is nothing to offer.
            <p class="save-all" data-save-all hidden>
                <button type="button" hidden>{t().save_all}</button>
                " "<span role="status"></span>
            </p>
            <section id="corrections-policy" aria-labelledby="corrections-policy-h">
                <h2 id="corrections-policy-h">{t().corrections_policy_heading}</h2>
                <p>{t().corrections_policy}</p>
                <p><a href=href(Route::Corrections)>{t().corrections_log_link}</a></p>
            </section>
        </main>
    }
}
