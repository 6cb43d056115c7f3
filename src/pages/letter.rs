//! The annotated letter, with the open note beside it (`/` and `/notes/<id>/`).

use crate::components::note_panel::NotePanel;
use crate::components::rich_text::{Blocks, NoteLink, Place};
use crate::components::source_citation::SourceCitation;
use crate::content::{letter, notes};
use crate::i18n::EN;
use crate::state::NoteState;
use leptos::prelude::*;

/// The letter page; `open` is the note open when the page loads.
#[component]
pub fn LetterPage(
    /// The note open at load time (from the URL).
    open: Option<usize>,
) -> impl IntoView {
    provide_context(NoteState::new(open));
    let letter = &letter();
    view! {
        <main id="main" class="letter-page">
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
                <section class="context-list" aria-labelledby="context-h">
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

/// The notes column's content: the open note, or a prompt. The only part of the letter page that the
/// browser hydrates (see `client`); it follows the [`NoteState`] in context.
#[component]
pub fn NotesColumn() -> impl IntoView {
    let state = expect_context::<NoteState>();
    move || match state.open.get() {
        Some(note) => view! { <NotePanel note/> }.into_any(),
        None => view! { <p class="no-note">{EN.no_note_open}</p> }.into_any(),
    }
}
