//! Where an edition lacks a translation, the English original stands in: marked with `lang="en"` (so
//! screen readers switch voice) and a visible notice. The English edition never has a fallback.

use crate::i18n::t;
use leptos::prelude::*;
use model::Lang;

/// The `lang` attribute of a text: the original's (`en`) when it stands in for a translation.
pub fn text_lang(fallback: bool) -> Option<&'static str> {
    fallback.then_some(Lang::ORIGINAL.tag())
}

/// "Not yet translated", shown above a text that stands in for its translation.
#[component]
pub fn FallbackNotice(
    /// Whether the text below is a fallback.
    on: bool,
) -> impl IntoView {
    on.then(|| view! { <p class="fallback-notice" role="note">{t().fallback_notice}</p> })
}
