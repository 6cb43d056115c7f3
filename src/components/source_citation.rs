//! One source as a reader sees it: publisher, date, title (linked), and the repost site if any.

use crate::content::sources;
use crate::i18n::t;
use crate::state::{link_target, NEW_TAB_REL};
use leptos::prelude::*;
use model::Lang;

/// A source's citation line.
#[component]
pub fn SourceCitation(
    /// The source's index.
    source: usize,
) -> impl IntoView {
    let s = &sources()[source];
    let title_lang = title_lang(source);
    view! {
        <span class="citation">
            <span class="publisher" lang=title_lang>{s.publisher.as_ref()}</span>
            {s.date.map(|d| view! { ", "<time datetime=d.to_string()>{t().date(d)}</time> })}
            ": "
            <a href=s.url.as_ref() target=link_target() rel=NEW_TAB_REL hreflang=s.lang.as_deref()>
                <cite lang=title_lang>{s.title.as_ref()}</cite>
            </a>
            {s.via.as_ref().map(|v| view! { <span class="via">" ("{t().via}" "<span lang=title_lang>{v.as_ref()}</span>")"</span> })}
        </span>
    }
}

/// The language of a source's title where it is not the page's: the original's (English) unless the source says otherwise
/// (a [bracketed] title is a description written for this site, in the original's language).
pub fn title_lang(source: usize) -> Option<&'static str> {
    let s = &sources()[source];
    let lang = match s.lang.as_deref() {
        Some(lang) if !s.title.starts_with('[') => lang,
        _ => Lang::ORIGINAL.tag(),
    };
    (lang != t().lang).then_some(lang)
}
