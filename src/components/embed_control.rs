//! The "Embed" control: a disclosure with copy-paste snippets for newsrooms (a plain iframe that works with
//! no script at all, and the self-sizing version with the site's `embed.js`). Works without JavaScript.

use crate::i18n::EN;
use crate::route::{absolute, Route, BASE};
use leptos::prelude::*;

/// The snippets for embedding `route` (an embed route).
#[component]
pub fn EmbedControl(
    /// The embed route the snippets load.
    route: Route,
) -> impl IntoView {
    let (plain, responsive) = snippets(route);
    view! {
        <details class="embed-control">
            <summary>{EN.embed_summary}</summary>
            <p>{EN.embed_intro}</p>
            <label>
                {EN.embed_responsive}
                <textarea class="embed-snippet" readonly rows="4">{responsive}</textarea>
            </label>
            <label>
                {EN.embed_plain}
                <textarea class="embed-snippet" readonly rows="3">{plain}</textarea>
            </label>
        </details>
    }
}

/// The fixed height a snippet's iframe starts at (and keeps, without `embed.js`).
pub fn frame_height(route: Route) -> u32 {
    match route {
        Route::EmbedNote(_) => 640,
        _ => 800,
    }
}

/// The plain and the self-sizing snippet for an embed route. URLs are absolute when the build knows the
/// site's origin (`SITE_ORIGIN`); otherwise the browser fills in its own origin.
pub fn snippets(route: Route) -> (String, String) {
    let src = absolute(&route.href());
    let title = crate::head::title(route.full_site());
    let height = frame_height(route);
    let iframe = format!(
        "<iframe src=\"{src}\" title=\"{}\" width=\"100%\" height=\"{height}\" style=\"border:0\" loading=\"lazy\" data-letter-explainer></iframe>",
        title.replace('"', "&quot;")
    );
    let script = format!(
        "<script src=\"{}\" async></script>",
        absolute(&format!("{BASE}embed.js"))
    );
    (iframe.clone(), format!("{iframe}\n{script}"))
}
