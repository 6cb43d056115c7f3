//! Who wrote the letter, to whom, when it is dated and when it was made public: the letter page and the
//! print edition show the same list.

use crate::components::fallback::text_lang;
use crate::content::letter;
use crate::i18n::t;
use leptos::prelude::*;

/// The letter's authors, addressee, date and publication date, as a description list.
#[component]
pub fn LetterMeta() -> impl IntoView {
    let letter = &letter();
    view! {
        <dl class="letter-meta">
            <div><dt>{t().letter_from}</dt><dd lang=text_lang(letter.fallback)>{letter.from.as_ref()}</dd></div>
            <div><dt>{t().letter_to}</dt><dd lang=text_lang(letter.fallback)>{letter.to.as_ref()}</dd></div>
            <div>
                <dt>{t().letter_dated}</dt>
                <dd><time datetime=letter.date.to_string()>{t().date(letter.date)}</time></dd>
            </div>
            <div>
                <dt>{t().letter_published}</dt>
                <dd><time datetime=letter.published.to_string()>{t().date(letter.published)}</time></dd>
            </div>
        </dl>
    }
}
