//! The annotated letter (`/`), and a note's own page (`/notes/<id>/`): the note beside the passages of the
//! letter that mark it, with a link to the letter at its mark. A note page does not carry the whole letter,
//! so the site's bytes grow with its notes, not with notes × letter.

use crate::components::clean_reading::CleanReading;
use crate::components::copy_link::CopyStatus;
use crate::components::embed_control::EmbedControl;
use crate::components::fallback::{text_lang, FallbackNotice};
use crate::components::letter_meta::LetterMeta;
use crate::components::note_panel::NotePanel;
use crate::components::parallel_text::{Columns, ParallelText};
use crate::components::reference::PrintLink;
use crate::components::rich_text::{Blocks, NoteLink, Place};
use crate::components::scorecard::Scorecard;
use crate::components::source_citation::SourceCitation;
use crate::content::{events, letter, letter_date, notes};
use crate::i18n::t;
use crate::route::{event_href, href, Route};
use crate::state::{link_target, own_link_rel, OpenNote, Passages};
use contract::dom;
use leptos::prelude::*;
use model::{Block, Lang, Track};

/// The letter page; `open` is the note open when the page loads.
#[component]
pub fn LetterPage(
    /// The note open at load time (from the URL).
    open: Option<usize>,
    /// Compact, for an iframe: no background list, no timeline strip, no embed control.
    #[prop(optional)]
    embed: bool,
) -> impl IntoView {
    provide_context(OpenNote(open));
    // A note's own page shows the passages that mark it, not the whole letter; the letter and its embed
    // show it all, each passage with its anchor.
    let excerpt = open.filter(|_| !embed);
    if excerpt.is_none() {
        provide_context(Passages::default());
    }
    let letter = &letter();
    view! {
        <main id="main" class="letter-page" class:embedded=embed>
            <div class="letter-column">
                <header class="letter-head">
                    <h1 lang=text_lang(letter.fallback)>{letter.title.as_ref()}</h1>
                    <FallbackNotice on=letter.fallback/>
                    <LetterMeta/>
                    <p class="partial">{t().letter_partial}</p>
                    {(!embed && excerpt.is_none()).then(|| view! { <Scorecard/> })}
                    {(!embed).then(|| view! { <CleanReading/> })}
                    <Legend/>
                    {(!embed).then(|| view! {
                        <EmbedControl route=Route::EmbedLetter/>
                        <PrintLink/>
                    })}
                </header>
                {match (excerpt, &letter.translation) {
                    (Some(note), _) => view! { <LetterExcerpt note/> }.into_any(),
                    (None, None) => view! {
                        <div class=dom::LETTER_TEXT lang=Lang::ORIGINAL.tag()><Blocks blocks=&letter.body place=Place::Letter/></div>
                    }.into_any(),
                    (None, Some(translation)) => view! {
                        <ParallelText original=&letter.body translation columns=Columns {
                            original: Place::Original,
                            translation: Place::Letter,
                            class: None,
                            labels: true,
                        }/>
                    }.into_any(),
                }}
                {excerpt.is_none().then(|| view! {
                <section class="letter-sources" aria-labelledby="letter-sources-h">
                    <h2 id="letter-sources-h">{t().letter_sources}</h2>
                    <ul>
                        {letter.sources.iter().map(|&s| view! { <li><SourceCitation source=s/></li> }).collect_view()}
                    </ul>
                </section>
                <section class="context-list" aria-labelledby="context-h" hidden=embed>
                    <h2 id="context-h">{t().context_heading}</h2>
                    <ul>
                        {letter.context.iter().map(|&n| {
                            let note = &notes()[n];
                            view! {
                                <li>
                                    <NoteLink note=n><span lang=text_lang(note.fallback)>{note.title.as_ref()}</span></NoteLink>
                                    <p lang=text_lang(note.fallback)>{note.summary.as_ref()}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
                })}
            </div>
            <aside id=dom::NOTES class="notes-column" aria-label=t().notes_region><NotesColumn open/></aside>
            {(!embed).then(|| view! { <CopyStatus/> })}
        </main>
    }
}

/// On a note's own page, the letter's passages that mark the note (in Spanish, each beside its
/// translation), with gaps between them, and a link to the whole letter at the note's mark; for a note the
/// letter does not mark, the link alone.
#[component]
fn LetterExcerpt(
    /// The note whose page this is.
    note: usize,
) -> impl IntoView {
    let letter = &letter();
    let rows: Vec<usize> = (0..letter.body.len())
        .filter(|&i| block_marks(&letter.body[i], note))
        .collect();
    let at_mark = if rows.is_empty() {
        href(Route::Letter(None))
    } else {
        format!(
            "{}#{}",
            href(Route::Letter(None)),
            crate::state::mark_id(note)
        )
    };
    let passages = rows
        .iter()
        .map(|&i| match &letter.translation {
            None => {
                view! { <Blocks blocks=std::slice::from_ref(&letter.body[i]) place=Place::Letter/> }
                    .into_any()
            }
            Some(translation) => view! {
                <div class="parallel-row">
                    <div class="original" lang=Lang::ORIGINAL.tag()>
                        <Blocks blocks=std::slice::from_ref(&letter.body[i]) place=Place::Original/>
                    </div>
                    <div class="translation">
                        <Blocks blocks=std::slice::from_ref(&translation[i]) place=Place::Letter/>
                    </div>
                </div>
            }
            .into_any(),
        })
        .collect_view();
    let class = match letter.translation {
        None => format!("{} excerpt", dom::LETTER_TEXT),
        Some(_) => format!("{} excerpt parallel", dom::LETTER_TEXT),
    };
    let lang = letter.translation.is_none().then_some(Lang::ORIGINAL.tag());
    view! {
        <div class=class lang=lang>
            {letter.translation.is_some().then(|| view! {
                <p class="translation-note"><strong>{t().translation_label}</strong>". "{t().translation_note}</p>
            })}
            {(!rows.is_empty()).then(|| view! { <p class="excerpt-label">{t().excerpt_label}</p> })}
            {passages}
        </div>
        <p class="whole-letter">
            <a class=dom::WHOLE_LETTER href=at_mark>{t().read_whole_letter}</a>
        </p>
    }
}

/// True when a block of the letter marks the note (the content compiler's one walk over links).
fn block_marks(block: &Block, note: usize) -> bool {
    let mut found = false;
    ::content::walk::marks(std::slice::from_ref(block), &mut |n, _| found |= n == note);
    found
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
            <h2 id="in-time-h">{t().in_time_heading}</h2>
            <ol>
                {window.map(|i| {
                    let e = &events[i];
                    let own = e.tracks.contains(&Track::Letter) && e.date == date;
                    view! {
                        <li class:own=own>
                            <a href=event_href(i) target=link_target() rel=own_link_rel()>
                                <time datetime=e.date.to_string()>{t().date(e.date)}</time>
                                " "<span lang=text_lang(e.fallback)>{e.title.as_ref()}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <p><a href=href(Route::Timeline) target=link_target() rel=own_link_rel()>{t().in_time_all}</a></p>
        </nav>
    }
}

/// How to read the marks.
#[component]
fn Legend() -> impl IntoView {
    view! {
        <div class="legend">
            <p class="legend-heading">{t().legend_heading}</p>
            <ul>
                <li><span class="mark claim sample">"abc"</span>" "{t().legend_claim}</li>
                <li><span class="mark request sample"><span class="badge">"1"</span>"abc"</span>" "{t().legend_request}</li>
                <li><span class="mark context sample">"abc"</span>" "{t().legend_context}</li>
            </ul>
        </div>
    }
}

/// The notes column's content: the open note, and the prompt with the letter's place in time (hidden
/// while a note is open). In the browser, the `browser` crate puts the note a reader opens in place of the article,
/// taken from that note's own prerendered page, and shows the prompt again when it closes.
#[component]
fn NotesColumn(
    /// The note open at load time.
    open: Option<usize>,
) -> impl IntoView {
    view! {
        <div class=dom::NO_NOTE hidden=open.is_some()>
            <p>{t().no_note_open}</p>
            <LetterInTime/>
        </div>
        {open.map(|note| view! { <NotePanel note/> })}
    }
}
