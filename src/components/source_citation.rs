//! One source as a reader sees it: publisher, date, title (linked), and the repost site if any.

use crate::content::sources;
use crate::i18n::t;
use leptos::prelude::*;

/// A source's citation line.
#[component]
pub fn SourceCitation(
    /// The source's index.
    source: usize,
) -> impl IntoView {
    let s = &sources()[source];
    view! {
        <span class="citation">
            <span class="publisher">{s.publisher.as_ref()}</span>
            {s.date.map(|d| view! { ", "<time datetime=d.to_string()>{t().date(d)}</time> })}
            ": "
            <a href=s.url.as_ref() rel="noopener noreferrer" hreflang=s.lang.as_deref()>
                <cite lang=s.lang.as_deref()>{s.title.as_ref()}</cite>
            </a>
            {s.via.as_ref().map(|v| view! { <span class="via">" ("{t().via}" "{v.as_ref()}")"</span> })}
        </span>
    }
}
