//! What the site is, how it judges, and how to report an error (`/about/`).

use crate::components::fallback::{text_lang, FallbackNotice};
use crate::components::reference::PrintLink;
use crate::components::rich_text::{Blocks, Place};
use crate::components::scorecard::Scorecard;
use crate::content::about;
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
        </main>
    }
}
