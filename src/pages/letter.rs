//! The annotated letter, with the open note beside it (`/` and `/notes/<id>/`).

use crate::components::embed_control::EmbedControl;
use crate::components::note_panel::NotePanel;
use crate::components::rich_text::{Blocks, NoteLink, Place};
use crate::components::source_citation::SourceCitation;
use crate::content::{events, letter, letter_date, notes};
use crate::i18n::EN;
use crate::route::{event_href, Route};
use crate::state::NoteState;
use leptos::prelude::*;
use model::Track;

/// The letter page; `open` is the note open when the page loads.
#[component]
pub fn LetterPage(
    /// The note open at load time (from the URL).
    open: Option<usize>,
    /// Compact, for an iframe: no background list, no timeline strip, no embed control.
    #[prop(optional)]
    embed: bool,
) -> impl IntoView {
    provide_context(NoteState::new(open));
    let letter = &letter();
    view! {
        <main id="main" class="letter-page" class:embedded=embed>
            <div class="letter-column">
                <header class="letter-head">
                    <h1>{letter.title.as_ref()}</h1>
                    <dl class="letter-meta">
                        <div><dt>{EN.letter_from}</dt><dd>{letter.from.as_ref()}</dd></div>
                        <div><dt>{EN.letter_to}</dt><dd>{letter.to.as_ref()}</dd></div>
                        <div>
                            <dt>{EN.letter_dated}</dt>
                            <dd><time datetime=letter.date.to_string()>{EN.date(letter.date)}</time></dd>
                        </div>
                        <div>
                            <dt>{EN.letter_published}</dt>
                            <dd><time datetime=letter.published.to_string()>{EN.date(letter.published)}</time></dd>
                        </div>
                    </dl>
                    <p class="partial">{EN.letter_partial}</p>
                    <Legend/>
                    {(!embed).then(|| view! { <EmbedControl route=Route::EmbedLetter/> })}
                </header>
                <div class="letter-text">
                    <Blocks blocks=&letter.body place=Place::Letter/>
                </div>
                <section class="letter-sources" aria-labelledby="letter-sources-h">
                    <h2 id="letter-sources-h">{EN.letter_sources}</h2>
                    <ul>
                        {letter.sources.iter().map(|&s| view! { <li><SourceCitation source=s/></li> }).collect_view()}
                    </ul>
                </section>
                <section class="context-list" aria-labelledby="context-h" hidden=embed>
                    <h2 id="context-h">{EN.context_heading}</h2>
                    <ul>
                        {letter.context.iter().map(|&n| {
                            let note = &notes()[n];
                            view! {
                                <li>
                                    <NoteLink note=n>{note.title.as_ref()}</NoteLink>
                                    <p>{note.summary.as_ref()}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            </div>
            <aside id="notes" class="notes-column" aria-label=EN.notes_region><NotesColumn/></aside>
        </main>
    }
}

/// A compact strip of the events around the letter, the letter's own highlighted, each linking to the
/// timeline.
#[component]
fn LetterInTime() -> impl IntoView {
    let events = events();
    let date = letter_date();
    let at = events
        .iter()
        .position(|e| e.date >= date)
        .unwrap_or(events.len());
    let window = at.saturating_sub(3)..(at + 5).min(events.len());
    view! {
        <nav class="in-time" aria-labelledby="in-time-h">
            <h2 id="in-time-h">{EN.in_time_heading}</h2>
            <ol>
                {window.map(|i| {
                    let e = &events[i];
                    let own = e.tracks.contains(&Track::Letter) && e.date == date;
                    view! {
                        <li class:own=own>
                            <a href=event_href(i)>
                                <time datetime=e.date.to_string()>{EN.date(e.date)}</time>
                                " "<span>{e.title.as_ref()}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <p><a href=Route::Timeline.href()>{EN.in_time_all}</a></p>
        </nav>
    }
}

/// How to read the marks.
#[component]
fn Legend() -> impl IntoView {
    view! {
        <div class="legend">
            <p class="legend-heading">{EN.legend_heading}</p>
            <ul>
                <li><span class="mark claim sample">"abc"</span>" "{EN.legend_claim}</li>
                <li><span class="mark request sample"><span class="badge">"1"</span>"abc"</span>" "{EN.legend_request}</li>
                <li><span class="mark context sample">"abc"</span>" "{EN.legend_context}</li>
            </ul>
        </div>
    }
}

/// The notes column's content: the open note, or a prompt and the letter's place in time. The only part of the letter page that the
/// browser hydrates (see `client`); it follows the [`NoteState`] in context.
#[component]
pub fn NotesColumn() -> impl IntoView {
    let state = expect_context::<NoteState>();
    move || match state.open.get() {
        Some(note) => view! { <NotePanel note/> }.into_any(),
        None => view! {
            <div class="no-note">
                <p>{EN.no_note_open}</p>
                <LetterInTime/>
            </div>
        }
        .into_any(),
    }
}
