//! Renders the model's Markdown (blocks and inlines) as HTML elements. Links to notes become marks in the
//! letter (their note's open one carries `aria-current`, see [`OpenNote`]); elsewhere they are plain links.
//!
//! Architecture Invariant: content never reaches a page as raw HTML. Every element is built here from the
//! model's typed blocks and inlines (the compiler refuses HTML in Markdown), so text is always escaped.

use crate::components::reference::Reference;
use crate::content::notes;
use crate::i18n::t;
use crate::route::{event_href, note_href, source_href};
use crate::state::{link_target, mark_id, next_passage_id, own_link_rel, OpenNote, NEW_TAB_REL};
use leptos::prelude::*;
use model::{Block, Inline, NoteKind, Target};

/// Where text is rendered: the letter's marks look and behave differently from links in notes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The letter: note links are marks.
    Letter,
    /// The letter's original beside its translation: note links are marks too, but the translation's
    /// marks are the ones focus returns to.
    Original,
    /// A note or an event, under the note's own heading: headings are `h3`.
    Prose,
    /// A page of its own, under the page's `h1`: headings are `h2`.
    Page,
    /// The print edition's letter, under its own `h2`: note links are numbered references to endnotes
    /// (see [`crate::components::reference`]).
    Print,
    /// The print edition's original beside its referenced translation: note links are plain text.
    PrintOriginal,
}

/// A run of blocks.
#[component]
pub fn Blocks(
    /// The blocks to render.
    blocks: &'static [Block],
    /// Where they are rendered.
    place: Place,
) -> impl IntoView {
    blocks.iter().map(|b| block(b, place, true)).collect_view()
}

/// A run of inline text.
#[component]
pub fn Inlines(
    /// The inlines to render.
    inlines: &'static [Inline],
    /// Where they are rendered.
    place: Place,
) -> impl IntoView {
    inline_run(inlines, place)
}

fn inline_run(inlines: &'static [Inline], place: Place) -> AnyView {
    inlines
        .iter()
        .map(|i| inline(i, place))
        .collect_view()
        .into_any()
}

/// A block; `passage` when it may be a passage of the letter's text of its own (not inside a list item,
/// which is one passage with everything in it), which then gets its anchor.
fn block(b: &'static Block, place: Place, passage: bool) -> AnyView {
    let anchor = || {
        (passage && place == Place::Letter)
            .then(next_passage_id)
            .flatten()
    };
    let item = move |item: &'static [Block]| {
        let id = anchor();
        let inner = item.iter().map(|b| block(b, place, false)).collect_view();
        view! { <li id=id>{inner}</li> }
    };
    match b {
        Block::Paragraph(v) => {
            let id = anchor();
            view! { <p id=id>{inline_run(v, place)}</p> }.into_any()
        }
        Block::Heading(v) if matches!(place, Place::Letter | Place::Original) => {
            view! { <h2 class="label">{inline_run(v, place)}</h2> }.into_any()
        }
        Block::Heading(v) if matches!(place, Place::Print | Place::PrintOriginal) => {
            view! { <h3 class="label">{inline_run(v, place)}</h3> }.into_any()
        }
        Block::Heading(v) if place == Place::Page => {
            view! { <h2>{inline_run(v, place)}</h2> }.into_any()
        }
        Block::Heading(v) => view! { <h3>{inline_run(v, place)}</h3> }.into_any(),
        Block::List {
            ordered: true,
            items,
        } => view! {
            <ol>{items.iter().map(|i| item(i)).collect_view()}</ol>
        }
        .into_any(),
        Block::List {
            ordered: false,
            items,
        } => view! {
            <ul>{items.iter().map(|i| item(i)).collect_view()}</ul>
        }
        .into_any(),
        Block::Quote(v) => {
            let inner = v.iter().map(|b| block(b, place, passage)).collect_view();
            view! { <blockquote>{inner}</blockquote> }.into_any()
        }
        Block::Gap => {
            view! { <p class="gap" role="note" lang=t().lang><span>{t().gap}</span></p> }.into_any()
        }
    }
}

fn inline(i: &'static Inline, place: Place) -> AnyView {
    match i {
        Inline::Text(t) => t.as_ref().into_any(),
        Inline::Emph(v) => view! { <em>{inline_run(v, place)}</em> }.into_any(),
        Inline::Strong(v) => view! { <strong>{inline_run(v, place)}</strong> }.into_any(),
        Inline::Code(t) => view! { <code>{t.as_ref()}</code> }.into_any(),
        Inline::Break => view! { <br/> }.into_any(),
        Inline::Link { target, children } => match target {
            Target::Note(n) if matches!(place, Place::Letter | Place::Original) => {
                let primary = place == Place::Letter;
                view! { <Mark note=*n children=children primary/> }.into_any()
            }
            Target::Note(n) if place == Place::Print => {
                view! { <Reference note=*n>{inline_run(children, place)}</Reference> }.into_any()
            }
            Target::Note(_) if place == Place::PrintOriginal => inline_run(children, place),
            Target::Note(n) => {
                view! { <NoteLink note=*n>{inline_run(children, place)}</NoteLink> }.into_any()
            }
            Target::Event(e) => {
                view! { <a href=event_href(*e) target=link_target() rel=own_link_rel()>{inline_run(children, place)}</a> }.into_any()
            }
            Target::Source(s) => {
                view! { <a href=source_href(*s) target=link_target() rel=own_link_rel()>{inline_run(children, place)}</a> }.into_any()
            }
            Target::External(url) => view! {
                <a href=url.as_ref() target=link_target() rel=NEW_TAB_REL>{inline_run(children, place)}</a>
            }
            .into_any(),
        },
    }
}

/// A marked passage of the letter: a real link to the note's page. In the browser a click opens the note
/// in place (see `crates/browser`); the open note's mark carries `aria-current`. In an embed it is a link to the
/// full site in a new tab, for readers without the app.
#[component]
pub fn Mark(
    /// The note's index.
    note: usize,
    /// The marked text.
    children: &'static [Inline],
    /// The mark focus returns to when its note closes (in the reader's language); only it has an id.
    primary: bool,
) -> impl IntoView {
    let n = &notes()[note];
    let active = use_context::<OpenNote>() == Some(OpenNote(Some(note)));
    let class = format!("{} {}", contract::dom::MARK, n.kind.slug());
    let badge = n.number.map(|number| {
        view! {
            <span class="badge" aria-hidden="true">{number}</span>
            <span class="vh" lang=t().lang>{format!("{} {number}: ", t().request_word)}</span>
        }
    });
    let suffix = match n.kind {
        NoteKind::Claim => Some(t().mark_claim),
        NoteKind::Context => Some(t().mark_context),
        NoteKind::Request => None,
    }
    .map(|s| view! { <span class="vh" lang=t().lang>{format!(" ({s})")}</span> });
    view! {
        <a
            class=class
            id=primary.then(|| mark_id(note))
            href=note_href(note)
            target=link_target()
            rel=own_link_rel()
            aria-current=active.then_some("true")
        >
            {badge}
            {inline_run(children, if primary { Place::Letter } else { Place::Original })}
            {suffix}
        </a>
    }
}

/// A link to a note from prose. On the letter page a click opens the note in place (see `crates/browser`).
#[component]
pub fn NoteLink(
    /// The note's index.
    note: usize,
    /// The linked text.
    children: Children,
) -> impl IntoView {
    view! { <a href=note_href(note) target=link_target() rel=own_link_rel()>{children()}</a> }
}
