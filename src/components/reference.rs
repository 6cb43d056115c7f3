//! Numbered references, as the print edition shows notes: in the text, a superscript number linking to
//! the note's endnote (`#endnote-<id>`); the endnote links back to it (`#ref-<id>`). Every note has one
//! number: the notes marked in the letter in the order of their marks, then every other note in the
//! content's order.

use crate::content::{letter, notes};
use crate::i18n::t;
use leptos::prelude::*;
use model::Block;

/// Every note once, in reference order: the letter's marks first, then the notes it does not mark.
pub fn order() -> Vec<usize> {
    let mut order = marked(&letter().body);
    order.extend(
        (0..notes().len())
            .filter(|n| !order.contains(n))
            .collect::<Vec<_>>(),
    );
    order
}

/// The notes the letter marks, in the order of their first mark.
pub fn marked(blocks: &[Block]) -> Vec<usize> {
    let mut out = Vec::new();
    ::content::walk::marks(blocks, &mut |n, _| {
        if !out.contains(&n) {
            out.push(n);
        }
    });
    out
}

/// A note's reference number (from 1).
pub fn number(note: usize) -> usize {
    order().iter().position(|&n| n == note).unwrap_or(note) + 1
}

/// The element id of a note's reference in the text.
pub fn ref_id(note: usize) -> String {
    format!("ref-{}", notes()[note].id)
}

/// The element id of a note's endnote.
pub fn endnote_id(note: usize) -> String {
    format!("endnote-{}", notes()[note].id)
}

/// A referenced passage: the text, then the note's number as a superscript link to its endnote.
#[component]
pub fn Reference(
    /// The note's index.
    note: usize,
    /// The referenced text.
    children: Children,
) -> impl IntoView {
    let n = &notes()[note];
    let number = number(note);
    // A request keeps its number in the text, as on the letter page.
    let badge = n.number.map(|request| {
        view! {
            <span class="badge" aria-hidden="true">{request}</span>
            <span class="vh">{format!("{} {request}: ", t().request_word)}</span>
        }
    });
    view! {
        <span class=format!("ref-text {}", n.kind.slug())>{badge}{children()}</span>
        <sup class="ref">
            <a id=ref_id(note) href=format!("#{}", endnote_id(note))>
                <span class="vh">{t().print_note_word}" "</span>{number}
            </a>
        </sup>
    }
}

/// The link to the print edition (on the letter page and `/about/`).
#[component]
pub fn PrintLink() -> impl IntoView {
    view! { <p class="print-link"><a href=crate::route::href(crate::route::Route::Print)>{t().print_title}</a></p> }
}
