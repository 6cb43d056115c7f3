//! Clean reading on the letter: "Hide annotations" and "Show annotations".

use crate::i18n::t;
use contract::dom::{ANNOTATIONS_OFF, ANNOTATIONS_PARAM, ANNOTATIONS_TO};
use leptos::prelude::*;

/// The two clean-reading links, both prerendered: "Hide annotations" leads to `?annotations=off`, "Show
/// annotations" to the same page without it (both relative to the current address, which the browser app
/// keeps up to date). The stylesheet shows only the one that changes the state `public/display.js` put on
/// `<html>` before the first paint, and neither without JavaScript (a static page cannot read its query);
/// the browser app toggles in place (see `crates/browser/src/clean.rs`).
#[component]
pub fn CleanReading() -> impl IntoView {
    let link = |href: String, to: &'static str, label: &'static str| {
        leptos::html::a()
            .attr("href", href)
            .attr(ANNOTATIONS_TO, to)
            .child(label)
    };
    view! {
        <p class="clean-reading">
            {link(format!("?{ANNOTATIONS_PARAM}={ANNOTATIONS_OFF}"), ANNOTATIONS_OFF, t().annotations_hide)}
            {link("./".to_owned(), "on", t().annotations_show)}
        </p>
    }
}
