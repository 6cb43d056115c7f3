//! The "Embed" control: a disclosure with copy-paste snippets for newsrooms (a plain iframe that works with
//! no script at all, and the self-sizing version with the site's `embed.js`), in both languages. Works
//! without JavaScript.

use crate::edition;
use crate::i18n::{catalog, t};
use crate::route::{href, Route};
use contract::{absolute, asset, dom};
use leptos::prelude::*;
use model::Lang;

/// The snippets for embedding `route` (an embed route), in the page's language first, then in the others.
#[component]
pub fn EmbedControl(
    /// The embed route the snippets load.
    route: Route,
) -> impl IntoView {
    let here = edition::lang();
    let languages: Vec<Lang> = std::iter::once(here)
        .chain(contract::edition::others(here))
        .collect();
    view! {
        <details class="embed-control">
            <summary>{t().embed_summary}</summary>
            <p>{t().embed_intro}</p>
            {languages.into_iter().map(|lang| {
                // Leptos writes a textarea's text as it is (it is RCDATA): escaped here, so that no title
                // can close the textarea.
                let (plain, responsive) = edition::with(lang, || snippets(route));
                let (plain, responsive) = (rcdata(&plain), rcdata(&responsive));
                view! {
                    <fieldset class="embed-language">
                        <legend lang=lang.tag()>{catalog(lang).language_name}</legend>
                        <label>
                            {t().embed_responsive}
                            <textarea class=dom::EMBED_SNIPPET readonly rows="4" lang=lang.tag() data-lang=lang.tag()>{responsive}</textarea>
                        </label>
                        <label>
                            {t().embed_plain}
                            <textarea class=dom::EMBED_SNIPPET readonly rows="3" lang=lang.tag() data-lang=lang.tag()>{plain}</textarea>
                        </label>
                    </fieldset>
                }
            }).collect_view()}
            {(route == Route::EmbedTimeline).then(|| view! { <p class="embed-at">{t().embed_timeline_at}</p> })}
        </details>
    }
}

/// Text escaped for a textarea's content, which the browser decodes back (`&` and `<`).
pub fn rcdata(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// The fixed height a snippet's iframe starts at (and keeps, without `embed.js`).
pub fn frame_height(route: Route) -> u32 {
    match route {
        Route::EmbedNote(_) => 640,
        _ => 800,
    }
}

/// The plain and the self-sizing snippet for an embed route. URLs are absolute when the build knows the
/// site's origin (`SITE_ORIGIN`); otherwise the browser fills in its own origin. The self-sizing snippet
/// has no inline style, which a host page with a strict Content-Security-Policy would block: `embed.js`
/// removes the frame's border. The plain one, with no script, can only ask for that with `style`.
pub fn snippets(route: Route) -> (String, String) {
    let iframe = |style: &str| {
        format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{}\"{style} loading=\"lazy\" data-letter-explainer></iframe>",
            absolute(&href(route)),
            crate::head::title(route.full_site()).replace('"', "&quot;"),
            frame_height(route),
        )
    };
    let script = format!(
        "<script src=\"{}\" async></script>",
        absolute(&asset("embed.js"))
    );
    (
        iframe(" style=\"border:0\""),
        format!("{}\n{script}", iframe("")),
    )
}
