//! Each route's title and description, and the `<head>` tags the prerenderer writes for it.

use crate::content::{about, note, notes};
use crate::i18n::t;
use crate::route::{href, Route};
use contract::{absolute, ORIGIN};
use leptos::prelude::*;
use model::Lang;

/// The document title of a route.
pub fn title(route: Route) -> String {
    let name = t().site_name;
    match route {
        Route::Letter(None) => name.to_owned(),
        Route::Letter(Some(id)) => format!("{} — {name}", note(id).map_or(id, |n| &n.title)),
        Route::Timeline => format!("{} — {name}", t().timeline_title),
        Route::Sources => format!("{} — {name}", t().sources_title),
        Route::About => format!("{} — {name}", about().title),
        Route::NotFound => format!("{} — {name}", t().not_found_title),
        Route::Print => format!("{} — {name}", t().print_title),
        embed => title(embed.full_site()),
    }
}

/// The meta description of a route.
pub fn description(route: Route) -> String {
    match route {
        Route::Letter(Some(id)) | Route::EmbedNote(id) => {
            note(id).map_or_else(String::new, |n| n.summary.to_string())
        }
        Route::Timeline | Route::EmbedTimeline => t().timeline_intro.to_owned(),
        Route::Sources => t().sources_intro.to_owned(),
        _ => t().site_description.to_owned(),
    }
}

/// The tags that go into a route's `<head>` (rendered to HTML at build time only).
#[component]
pub fn Head(
    /// The route being prerendered.
    route: Route,
) -> impl IntoView {
    let title = title(route);
    let description = description(route);
    view! {
        <title>{title.clone()}</title>
        <meta name="description" content=description.clone()/>
        {oembed_link(route)}
        {canonical(route)}
        {alternates(route)}
        {structured_data(route)}
        {crate::annotations::link(route)}
        {card(route)}
        <meta name="twitter:card" content=if card_of(route).is_some() { "summary_large_image" } else { "summary" }/>
        <meta name="twitter:title" content=title.clone()/>
        <meta name="twitter:description" content=description.clone()/>
        {og("og:title", title)}
        {og("og:description", description)}
        {og("og:type", "article".into())}
        {og("og:site_name", t().site_name.into())}
        {og("og:locale", t().locale.into())}
    }
}

/// The page in every edition (`hreflang`), the original also as the default, for search engines. Written
/// when the build knows the site's origin: `hreflang` needs absolute URLs.
fn alternates(route: Route) -> Option<impl IntoView> {
    if ORIGIN.is_empty() || route == Route::NotFound || route.is_embed() {
        return None;
    }
    let link = |hreflang: &'static str, lang: Lang| {
        let href = absolute(&route.href(lang));
        view! { <link rel="alternate" hreflang=hreflang href=href/> }
    };
    Some(view! {
        {Lang::ALL.map(|lang| link(lang.tag(), lang))}
        {link("x-default", Lang::En)}
    })
}

/// The note whose link-preview card a page shows, when the build knows the origin (`og:image` needs an
/// absolute URL).
fn card_of(route: Route) -> Option<usize> {
    match route {
        Route::Letter(Some(id)) if !ORIGIN.is_empty() => crate::content::note_index(id),
        _ => None,
    }
}

/// A note page's card (`notes/<id>/card.png`, drawn by the prerenderer).
fn card(route: Route) -> Option<impl IntoView> {
    let i = card_of(route)?;
    let (w, h) = contract::route::CARD_SIZE;
    Some(view! {
        {og("og:image", absolute(&crate::route::card_href(i)))}
        {og("og:image:width", w.to_string())}
        {og("og:image:height", h.to_string())}
        {og("og:image:alt", notes()[i].title.to_string())}
    })
}

/// An Open Graph `<meta property=… content=…>` tag (`property` is not a standard HTML attribute).
fn og(property: &'static str, content: String) -> impl IntoView {
    use leptos::tachys::html::attribute::custom::CustomAttribute;
    leptos::html::meta()
        .attr("property", property)
        .attr("content", content)
}

/// The oEmbed discovery link of an embeddable page, when the build knows the site's origin.
fn oembed_link(route: Route) -> Option<impl IntoView> {
    if ORIGIN.is_empty() {
        return None;
    }
    let file = route.oembed_file(crate::edition::lang())?;
    let href = absolute(&contract::asset(&file));
    Some(
        view! { <link rel="alternate" type="application/json+oembed" href=href title=title(route)/> },
    )
}

/// The canonical URL, when the build knows the site's origin. An embed's is its full-site page: search
/// engines fold the embed into it (rather than `noindex`, which would hide the embed's links too).
fn canonical(route: Route) -> Option<impl IntoView> {
    if ORIGIN.is_empty() || route == Route::NotFound {
        return None;
    }
    let href = absolute(&href(route.full_site()));
    Some(view! {
        <link rel="canonical" href=href.clone()/>
        {og("og:url", href)}
    })
}

/// JSON-LD for the page, if it has any (see `hosting::json_ld`).
fn structured_data(route: Route) -> Option<impl IntoView> {
    #[cfg(feature = "ssr")]
    {
        let json = crate::hosting::json_ld(route)?;
        Some(view! { <script type="application/ld+json" inner_html=json></script> })
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = route;
        None::<()>
    }
}
