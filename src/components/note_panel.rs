//! The open note: beside the letter on wide screens, a bottom sheet on narrow ones.

use super::embed_control::EmbedControl;
use super::rich_text::{Blocks, Inlines, Place};
use super::source_citation::SourceCitation;
use crate::content::{events, notes};
use crate::i18n::EN;
use crate::route::{event_href, Route, BASE};
use leptos::prelude::*;
use model::{Assessment, NoteKind, Status, Verdict};

/// A note: kind, title, the passage it is about, its verdict or status, body, events and sources.
#[component]
pub fn NotePanel(
    /// The note's index.
    note: usize,
    /// As a card in an iframe: no close link and no embed control (the card's footer links to the site).
    #[prop(optional)]
    embed: bool,
) -> impl IntoView {
    let n = &notes()[note];
    let kind_label = match n.number {
        Some(number) => format!("{} {number}", EN.kind(NoteKind::Request)),
        None => EN.kind(n.kind).to_owned(),
    };
    let kind_class = match n.kind {
        NoteKind::Claim => "note-kind claim",
        NoteKind::Request => "note-kind request",
        NoteKind::Context => "note-kind context",
    };
    view! {
        <article class="note" aria-labelledby="note-title">
            <header class="note-head">
                <p class=kind_class>{kind_label}</p>
                <h2 id="note-title" tabindex="-1">{n.title.as_ref()}</h2>
                {(!embed).then(|| view! {
                    <a class="note-close" href=BASE>
                        <span aria-hidden="true">"×"</span>
                        <span class="vh">{EN.close_note}</span>
                    </a>
                })}
            </header>
            {n.passage.as_ref().map(|p| view! {
                <figure class="note-passage">
                    <figcaption>{EN.passage_heading}</figcaption>
                    <blockquote><p>{p.as_ref()}</p></blockquote>
                </figure>
            })}
            <Judgement assessment=&n.assessment/>
            <div class="note-body"><Blocks blocks=&n.body place=Place::Prose/></div>
            {(!n.events.is_empty()).then(|| view! {
                <section class="note-events" aria-labelledby="note-events-h">
                    <h3 id="note-events-h">{EN.note_events_heading}</h3>
                    <ol class="mini-timeline">
                        {n.events.iter().map(|&e| {
                            let ev = &events()[e];
                            view! {
                                <li>
                                    <time datetime=ev.date.to_string()>{EN.date(ev.date)}</time>
                                    " "
                                    <a href=event_href(e)>{ev.title.as_ref()}</a>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </section>
            })}
            <section class="note-sources" aria-labelledby="note-sources-h">
                <h3 id="note-sources-h">{EN.note_sources_heading}</h3>
                <ol>
                    {n.sources.iter().map(|&s| view! { <li><SourceCitation source=s/></li> }).collect_view()}
                </ol>
            </section>
            {(!embed).then(|| view! { <EmbedControl route=Route::EmbedNote(note)/> })}
        </article>
    }
}

/// A claim's verdict or a request's status, with its reason or date.
#[component]
fn Judgement(
    /// The note's assessment.
    assessment: &'static Assessment,
) -> impl IntoView {
    match assessment {
        Assessment::None => None,
        Assessment::Verdict { verdict, reason } => {
            let class = match verdict {
                Verdict::Supported => "judgement supported",
                Verdict::NeedsContext => "judgement needs-context",
                Verdict::Disputed => "judgement disputed",
                Verdict::Unverifiable => "judgement unverifiable",
            };
            Some(view! {
                <p class=class>
                    <span class="judgement-label">{EN.verdict_label}": "<strong>{EN.verdict(*verdict)}</strong></span>
                    " "{reason.as_ref()}
                </p>
            }.into_any())
        }
        Assessment::Status { status, as_of } => {
            let class = match status {
                Status::Met => "judgement met",
                Status::PartlyMet => "judgement partly-met",
                Status::NotMet => "judgement not-met",
                Status::Unclear => "judgement unclear",
            };
            Some(view! {
                <p class=class>
                    <span class="judgement-label">{EN.status_label}": "<strong>{EN.status(*status)}</strong></span>
                    " ("{EN.as_of}" "<time datetime=as_of.to_string()>{EN.date(*as_of)}</time>")"
                </p>
            }.into_any())
        }
    }
}

/// Renders an event's inline body (used by the timeline).
#[component]
pub fn EventBody(
    /// The event's index.
    event: usize,
) -> impl IntoView {
    view! { <Inlines inlines=&events()[event].body place=Place::Prose/> }
}
