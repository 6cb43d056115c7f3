//! The open note: beside the letter on wide screens, a bottom sheet on narrow ones.

use super::cite::CiteControl;
use super::copy_link::NoteLinks;
use super::embed_control::EmbedControl;
use super::fallback::{text_lang, FallbackNotice};
use super::note_review::NoteReview;
use super::rich_text::{Blocks, Inlines, Place};
use super::source_citation::SourceCitation;
use crate::content::{events, notes};
use crate::i18n::t;
use crate::route::{event_href, href, note_id, Route};
use crate::state::{link_target, own_link_rel};
use contract::dom;
use leptos::prelude::*;
use model::{Assessment, NoteKind};

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
        Some(number) => format!("{} {number}", t().kind(NoteKind::Request)),
        None => t().kind(n.kind).to_owned(),
    };
    let kind_class = format!("note-kind {}", n.kind.slug());
    view! {
        <article class=dom::NOTE aria-labelledby=dom::NOTE_TITLE>
            <header class="note-head">
                <p class=kind_class>{kind_label}</p>
                <h2 id=dom::NOTE_TITLE tabindex="-1" lang=text_lang(n.fallback)>{n.title.as_ref()}</h2>
                {(!embed).then(|| view! {
                    <a class=dom::NOTE_CLOSE href=close_href(note)>
                        <span aria-hidden="true">"×"</span>
                        <span class="vh">{t().close_note}</span>
                    </a>
                })}
            </header>
            {n.passage.as_ref().map(|p| view! {
                <figure class="note-passage">
                    <figcaption>{t().passage_heading}</figcaption>
                    <blockquote><p>{p.as_ref()}</p></blockquote>
                </figure>
            })}
            <FallbackNotice on=n.fallback/>
            <Judgement assessment=&n.assessment fallback=n.fallback/>
            <div class="note-body" lang=text_lang(n.fallback)><Blocks blocks=&n.body place=Place::Prose/></div>
            {(!n.events.is_empty()).then(|| view! {
                <section class="note-events" aria-labelledby="note-events-h">
                    <h3 id="note-events-h">{t().note_events_heading}</h3>
                    <ol class="mini-timeline">
                        {n.events.iter().map(|&e| {
                            let ev = &events()[e];
                            view! {
                                <li>
                                    <time datetime=ev.date.to_string()>{t().date(ev.date)}</time>
                                    " "
                                    <a href=event_href(e) target=link_target() rel=own_link_rel() lang=text_lang(ev.fallback)>
                                        {ev.title.as_ref()}
                                    </a>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </section>
            })}
            <section class="note-sources" aria-labelledby="note-sources-h">
                <h3 id="note-sources-h">{t().note_sources_heading}</h3>
                <ol>
                    {n.sources.iter().map(|&s| view! { <li><SourceCitation source=s/></li> }).collect_view()}
                </ol>
            </section>
            <NoteReview note/>
            {(!embed).then(|| view! { <NoteLinks note/><EmbedControl route=Route::EmbedNote(note_id(note))/><CiteControl note/> })}
        </article>
    }
}

/// Where a note's close link leads without the app: the letter at the note's mark (the letter's top for a
/// note it does not mark).
fn close_href(note: usize) -> String {
    match notes()[note].passage {
        Some(_) => format!(
            "{}#{}",
            href(Route::Letter(None)),
            crate::state::mark_id(note)
        ),
        None => href(Route::Letter(None)),
    }
}

/// A claim's verdict or a request's status, with its reason or date.
#[component]
pub fn Judgement(
    /// The note's assessment.
    assessment: &'static Assessment,
    /// True when the reason is the English original standing in for a translation.
    fallback: bool,
) -> impl IntoView {
    match assessment {
        Assessment::None => None,
        Assessment::Verdict { verdict, reason } => {
            let class = format!("judgement {}", verdict.slug());
            Some(view! {
                <p class=class>
                    <span class="judgement-label">{t().verdict_label}": "<strong>{t().verdict(*verdict)}</strong></span>
                    " "<span lang=text_lang(fallback)>{reason.as_ref()}</span>
                </p>
            }.into_any())
        }
        Assessment::Status { status, as_of } => {
            let class = format!("judgement {}", status.slug());
            Some(view! {
                <p class=class>
                    <span class="judgement-label">{t().status_label}": "<strong>{t().status(*status)}</strong></span>
                    " ("{t().as_of}" "<time datetime=as_of.to_string()>{t().date(*as_of)}</time>")"
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
