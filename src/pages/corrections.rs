//! The corrections log (`/corrections/`): every change to what the site told its readers, newest first,
//! each entry linking the notes, events or letter it changed.

use crate::components::fallback::{text_lang, FallbackNotice};
use crate::components::rich_text::{Inlines, Place};
use crate::content::{corrections, events, notes};
use crate::i18n::t;
use crate::route::{event_href, href, note_href, Route};
use leptos::prelude::*;
use model::Correction;

/// The corrections page.
#[component]
pub fn CorrectionsPage() -> impl IntoView {
    let log = corrections();
    view! {
        <main id="main" class="page corrections-page">
            <h1>{t().corrections_title}</h1>
            <p class="intro">{t().corrections_intro}</p>
            {crate::feed::href().map(|feed| view! {
                <p class="feed-link"><a href=feed r#type="application/atom+xml">{t().corrections_feed}</a></p>
            })}
            {log.is_empty().then(|| view! { <p>{t().corrections_none}</p> })}
            <ol class="correction-list">
                {log.iter().map(|c| view! { <li id=c.id.as_ref()><Entry c/></li> }).collect_view()}
            </ol>
        </main>
    }
}

/// One entry: its title and date, what it changed (linked), what changed and why.
#[component]
fn Entry(
    /// The entry.
    c: &'static Correction,
) -> impl IntoView {
    let heading = format!("{}-h", c.id);
    let labelled_by = heading.clone();
    let lang = text_lang(c.fallback);
    let mut touched: Vec<(String, &'static str, Option<&'static str>)> = Vec::new();
    if c.letter {
        touched.push((href(Route::Letter(None)), t().cited_letter, None));
    }
    for &n in c.notes.iter() {
        let note = &notes()[n];
        touched.push((note_href(n), &note.title, text_lang(note.fallback)));
    }
    for &e in c.events.iter() {
        let event = &events()[e];
        touched.push((event_href(e), &event.title, text_lang(event.fallback)));
    }
    view! {
        <article class="correction" aria-labelledby=labelled_by>
            <h2 id=heading lang=lang>{c.title.as_ref()}</h2>
            <p class="correction-date"><time datetime=c.date.to_string()>{t().date(c.date)}</time></p>
            <FallbackNotice on=c.fallback/>
            <p class="correction-touches">
                {t().correction_changed}": "
                {touched.into_iter().enumerate().map(|(k, (url, title, lang))| view! {
                    {(k > 0).then_some(", ")}
                    <a href=url lang=lang>{title}</a>
                }).collect_view()}
            </p>
            <dl lang=lang>
                <dt>{t().correction_what}</dt>
                <dd><Inlines inlines=&c.what place=Place::Prose/></dd>
                <dt>{t().correction_why}</dt>
                <dd><Inlines inlines=&c.why place=Place::Prose/></dd>
            </dl>
        </article>
    }
}
