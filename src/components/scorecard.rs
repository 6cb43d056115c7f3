//! "At a glance": the letter's claims by verdict and its requests by status with their as-of date, each a
//! link to its note. Drawn at build time as HTML and CSS (no script); every verdict and status is a word,
//! its colour only repeats it, so it reads without colour and by screen readers.

use super::fallback::text_lang;
use super::rich_text::NoteLink;
use crate::content::notes;
use crate::i18n::t;
use leptos::prelude::*;
use model::{Assessment, Verdict};

/// The scorecard.
#[component]
pub fn Scorecard() -> impl IntoView {
    let claims = |verdict: Verdict| -> Vec<usize> {
        (0..notes().len())
            .filter(|&n| matches!(notes()[n].assessment, Assessment::Verdict { verdict: v, .. } if v == verdict))
            .collect()
    };
    let mut requests: Vec<usize> = (0..notes().len())
        .filter(|&n| matches!(notes()[n].assessment, Assessment::Status { .. }))
        .collect();
    requests.sort_by_key(|&n| notes()[n].number);
    view! {
        <section class="scorecard" aria-labelledby="scorecard-h">
            <h2 id="scorecard-h">{t().scorecard_heading}</h2>
            <h3>{t().scorecard_claims}</h3>
            <dl class="scorecard-claims">
                {Verdict::ALL.into_iter().map(|v| (v, claims(v))).filter(|(_, c)| !c.is_empty()).map(|(v, c)| view! {
                    <div>
                        <dt><span class=format!("pill {}", v.slug())>{t().verdict(v)}</span>{format!(" ({})", c.len())}</dt>
                        {c.into_iter().map(|n| view! {
                            <dd><NoteLink note=n><span lang=text_lang(notes()[n].fallback)>{notes()[n].title.as_ref()}</span></NoteLink></dd>
                        }).collect_view()}
                    </div>
                }).collect_view()}
            </dl>
            <h3>{t().scorecard_requests}</h3>
            <ol class="scorecard-requests">
                {requests.into_iter().map(|n| {
                    let note = &notes()[n];
                    let Assessment::Status { status, as_of } = note.assessment else { unreachable!() };
                    view! {
                        <li>
                            <NoteLink note=n><span lang=text_lang(note.fallback)>{note.title.as_ref()}</span></NoteLink>" "
                            <span class=format!("pill {}", status.slug())>{t().status(status)}</span>
                            " ("{t().as_of}" "<time datetime=as_of.to_string()>{t().date(as_of)}</time>")"
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
