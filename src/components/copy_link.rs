//! "Copy link" and "Copy" buttons, and the live region that says a copy was made. The buttons are rendered
//! for the browser app to work: without it (no JavaScript, a static page, a frame) the stylesheet hides them
//! and nothing looks broken; the app reveals them (`html[data-can-copy]`) where it can write to the
//! clipboard, and writes the URL or the text on a click (see `crates/browser/src/copy.rs`).
//!
//! A note's link is its page; an event's, its place on the timeline (`/timeline/#<id>`); a letter
//! passage's, the letter page with a text fragment (`#:~:text=`) that browsers scroll to and highlight.

use crate::content::notes;
use crate::i18n::t;
use crate::route::{event_href, href, note_href, Route};
use crate::text_fragment::text_fragment;
use contract::{absolute, dom};
use leptos::prelude::*;

/// A button that copies a URL (site-relative or absolute: the app resolves it against the page). Its name
/// is the visible label followed by what it links to, for screen readers.
#[component]
pub fn CopyLink(
    /// The URL.
    url: String,
    /// The visible label ("Copy link").
    label: &'static str,
    /// What the link leads to, read out after the label.
    about: String,
    /// The language of `about`, when it is not the page's (untranslated content).
    lang: Option<&'static str>,
) -> impl IntoView {
    leptos::html::button()
        .attr("type", "button")
        .attr("class", dom::COPY_BUTTON)
        .attr(dom::COPY_URL, url)
        .child(view! { {label}<span class="vh">": "<span lang=lang>{about}</span></span> })
}

/// A button that copies the text of the field with id `from`.
#[component]
pub fn CopyButton(
    /// The field's id.
    from: String,
    /// What is copied, read out after "Copy".
    label: &'static str,
) -> impl IntoView {
    leptos::html::button()
        .attr("type", "button")
        .attr("class", dom::COPY_BUTTON)
        .attr(dom::COPY_FROM, from)
        .child(view! { {t().copy}<span class="vh">" "{label}</span> })
}

/// The polite live region that announces a copy (one per page that has copy buttons), with the two
/// messages the app shows in it.
#[component]
pub fn CopyStatus() -> impl IntoView {
    leptos::html::p()
        .attr("id", dom::COPY_STATUS)
        .attr("class", "vh")
        .attr("role", "status")
        .attr(dom::COPY_DONE, t().copied)
        .attr(dom::COPY_FAILED, t().copy_failed)
}

/// The URL of a note's page (absolute when the build knows the origin).
pub fn note_url(note: usize) -> String {
    absolute(&note_href(note))
}

/// The URL of an event on the full site's timeline.
pub fn event_url(event: usize) -> String {
    absolute(&event_href(event))
}

/// The URL of a note's passage in the letter: the letter page with a text fragment, if the note marks one.
pub fn passage_url(note: usize) -> Option<String> {
    let passage = notes()[note].passage.as_ref()?;
    Some(absolute(&format!(
        "{}{}",
        href(Route::Letter(None)),
        text_fragment(passage)
    )))
}

/// A note's copy buttons: the link to the note, and to its passage in the letter when it marks one.
#[component]
pub fn NoteLinks(
    /// The note's index.
    note: usize,
) -> impl IntoView {
    let n = &notes()[note];
    let lang = crate::components::fallback::text_lang(n.fallback);
    view! {
        <p class="copy-links">
            <CopyLink url=note_url(note) label=t().copy_link about=n.title.to_string() lang/>
            {passage_url(note).map(|url| view! {
                " "<CopyLink url label=t().copy_passage_link about=n.passage.as_deref().unwrap_or_default().to_owned() lang/>
            })}
        </p>
    }
}
