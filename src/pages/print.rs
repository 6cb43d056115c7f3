//! The print edition (`/print/`): the letter with each mark as a numbered reference, every note as a
//! numbered endnote that links back to its reference, then the timeline (date, title, tracks) and the
//! sources, on one page that reads on screen and prints cleanly. The as-of date and the site's address go
//! on every printed page through `@page` margin boxes (see [`margin_css`]).

use crate::components::fallback::{text_lang, FallbackNotice};
use crate::components::letter_meta::LetterMeta;
use crate::components::note_panel::Judgement;
use crate::components::parallel_text::{Columns, ParallelText};
use crate::components::reference::{self, endnote_id, ref_id, Reference};
use crate::components::rich_text::{Blocks, Place};
use crate::components::source_citation::SourceCitation;
use crate::content::{checked, events, letter, notes, sources};
use crate::i18n::t;
use crate::route::{href, Route};
use contract::{absolute, ORIGIN};
use leptos::prelude::*;
use model::{Lang, NoteKind};

/// The print edition.
#[component]
pub fn PrintPage() -> impl IntoView {
    let letter = &letter();
    let address = address();
    view! {
        <main id="main" class="page print-edition">
            <header class="print-head">
                <p class="print-kind">{crate::content::info().name.as_ref()}" · "{t().print_title}</p>
                <h1 lang=text_lang(letter.fallback)>{letter.title.as_ref()}</h1>
                <FallbackNotice on=letter.fallback/>
                <p class="intro">{t().print_intro}</p>
                <LetterMeta/>
                {checked().map(|d| view! {
                    <p class="checked">{t().last_checked}" "<time datetime=d.to_string()>{t().date(d)}</time></p>
                })}
                {address.map(|a| view! { <p class="print-address">{t().print_online}" "<a href=a.clone()>{a.clone()}</a></p> })}
                <p class="partial">{t().letter_partial}</p>
            </header>
            <section aria-labelledby="print-letter-h">
                <h2 id="print-letter-h">{t().nav_letter}</h2>
                {match &letter.translation {
                    None => view! {
                        <div class="letter-text print-letter" lang=Lang::ORIGINAL.tag()><Blocks blocks=&letter.body place=Place::Print/></div>
                    }.into_any(),
                    Some(translation) => view! {
                        <ParallelText original=&letter.body translation columns=Columns {
                            // The original's marks are plain text, so each note has one reference.
                            original: Place::PrintOriginal,
                            translation: Place::Print,
                            class: Some("print-letter"),
                            labels: false,
                        }/>
                    }.into_any(),
                }}
                <Unmarked/>
            </section>
            <section aria-labelledby="print-notes-h">
                <h2 id="print-notes-h">{t().print_notes}</h2>
                <ol class="endnotes">
                    {reference::order().into_iter().map(|n| view! { <Endnote note=n/> }).collect_view()}
                </ol>
            </section>
            <section aria-labelledby="print-timeline-h">
                <h2 id="print-timeline-h">{t().timeline_title}</h2>
                <ol class="print-timeline">
                    {events().iter().map(|e| view! {
                        <li>
                            <time datetime=e.date.to_string()>{t().date(e.date)}</time>
                            " "<span class="print-event" lang=text_lang(e.fallback)>{e.title.as_ref()}</span>
                            " "<span class="print-tracks">
                                "("{e.tracks.iter().map(|&tr| t().track(tr)).collect::<Vec<_>>().join(", ")}")"
                            </span>
                        </li>
                    }).collect_view()}
                </ol>
            </section>
            <section aria-labelledby="print-sources-h">
                <h2 id="print-sources-h">{t().sources_title}</h2>
                <ol class="print-sources">
                    {(0..sources().len()).map(|s| view! { <li><SourceCitation source=s/></li> }).collect_view()}
                </ol>
            </section>
        </main>
    }
}

/// The notes the letter does not mark (background), each with its reference, so that every endnote is
/// referenced once.
#[component]
fn Unmarked() -> impl IntoView {
    let marked = reference::marked(&letter().body);
    let rest: Vec<usize> = reference::order()
        .into_iter()
        .filter(|n| !marked.contains(n))
        .collect();
    (!rest.is_empty()).then(|| {
        view! {
            <h3 class="print-background">{t().context_heading}</h3>
            <ul class="print-background-list">
                {rest.into_iter().map(|n| {
                    let note = &notes()[n];
                    view! {
                        <li><Reference note=n><span lang=text_lang(note.fallback)>{note.title.as_ref()}</span></Reference></li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}

/// One endnote: its number (a link back to its reference), kind, title, verdict or status, body and
/// sources.
#[component]
fn Endnote(
    /// The note's index.
    note: usize,
) -> impl IntoView {
    let n = &notes()[note];
    let kind = match n.number {
        Some(number) => format!("{} {number}", t().kind(NoteKind::Request)),
        None => t().kind(n.kind).to_owned(),
    };
    view! {
        <li id=endnote_id(note) class="endnote">
            <p class="endnote-head">
                <a class="endnote-back" href=format!("#{}", ref_id(note))>
                    {reference::number(note)}<span class="vh">{t().print_back}</span>
                </a>
                " "<span class=format!("note-kind {}", n.kind.slug())>{kind}</span>
            </p>
            <h3 lang=text_lang(n.fallback)>{n.title.as_ref()}</h3>
            <FallbackNotice on=n.fallback/>
            <Judgement assessment=&n.assessment fallback=n.fallback/>
            <div class="note-body" lang=text_lang(n.fallback)><Blocks blocks=&n.body place=Place::Prose/></div>
            <p class="endnote-sources">
                {t().note_sources_heading}": "
                {n.sources.iter().enumerate().map(|(k, &s)| view! {
                    {(k > 0).then_some("; ")}
                    <SourceCitation source=s/>
                }).collect_view()}
            </p>
        </li>
    }
}

/// The site's address, when the build knows its origin.
fn address() -> Option<String> {
    (!ORIGIN.is_empty()).then(|| absolute(&href(Route::Letter(None))))
}

/// The print edition's own stylesheet: what its `@page` margin boxes show, as custom properties (the
/// as-of date and the site's address, which depend on the edition and the build; the rules that use them
/// are constant, in `style/main.css`). Chromium has no `string-set`, so a margin box cannot take text from
/// the page; the prerenderer writes this as a file beside the page's (no inline style).
pub fn margin_css() -> String {
    let checked = checked()
        .map(|d| format!("{} {}", t().last_checked, t().date(d)))
        .unwrap_or_default();
    format!(
        "@charset \"UTF-8\";\n:root {{ --print-checked: {}; --print-address: {}; }}\n",
        css_string(&checked),
        css_string(&address().unwrap_or_default())
    )
}

/// A CSS string literal.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn css_strings_are_escaped() {
        assert_eq!(super::css_string("a\"b\\c\nd"), "\"a\\\"b\\\\c\\a d\"");
    }
}
