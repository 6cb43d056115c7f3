//! The letter's original beside its unofficial translation, passage by passage: side by side on wide
//! screens, the translation under each passage on narrow ones. The letter page and the print edition
//! render it with their own places (marks, or numbered references).

use crate::components::rich_text::{Blocks, Place};
use crate::i18n::t;
use contract::dom;
use leptos::prelude::*;
use model::{Block, Lang};

/// How a page renders the two columns: the places of the original and of the translation, the classes of
/// the whole, and whether the column labels are drawn.
#[derive(Clone, Copy)]
pub struct Columns {
    /// Where the original's text is rendered.
    pub original: Place,
    /// Where the translation's text is rendered.
    pub translation: Place,
    /// A class of the page's own for the whole, if any (it is also the letter's text and `parallel`).
    pub class: Option<&'static str>,
    /// Whether the column labels are drawn (they are seen only where the columns sit side by side).
    pub labels: bool,
}

/// The original beside its translation. The compiler makes sure both have the same blocks and the same
/// marks, so each row pairs a passage with its translation.
#[component]
pub fn ParallelText(
    /// The letter as published.
    original: &'static [Block],
    /// Its translation.
    translation: &'static [Block],
    /// How the page renders the columns.
    columns: Columns,
) -> impl IntoView {
    view! {
        <div class=match columns.class {
            Some(own) => format!("{} {own} parallel", dom::LETTER_TEXT),
            None => format!("{} parallel", dom::LETTER_TEXT),
        }>
            // The label is part of the note so that it is seen and read out at every width; the column
            // labels below repeat it only where the columns sit side by side.
            <p class="translation-note"><strong>{t().translation_label}</strong>". "{t().translation_note}</p>
            {columns.labels.then(|| view! {
                <div class="parallel-labels" aria-hidden="true">
                    <p>{t().original_label}</p>
                    <p>{t().translation_label}</p>
                </div>
            })}
            {original.iter().zip(translation).map(|(o, tr)| view! {
                <div class="parallel-row">
                    <div class="original" lang=Lang::ORIGINAL.tag()>
                        <Blocks blocks=std::slice::from_ref(o) place=columns.original/>
                    </div>
                    <div class="translation">
                        <Blocks blocks=std::slice::from_ref(tr) place=columns.translation/>
                    </div>
                </div>
            }).collect_view()}
        </div>
    }
}
