//! Each route's title and description, and the `<head>` tags the prerenderer writes for it.

use crate::content::{about, note, notes};
use crate::i18n::t;
use crate::route::{href, Route};
use contract::{absolute, ORIGIN};
use leptos::prelude::*;
use model::Lang;

/// The document title of a route.
pub fn title(route: Route) -> String {
    let name = crate::content::info().name.as_ref();
    match route {
        Route::Letter(None) => name.to_owned(),
        Route::Letter(Some(id)) => format!("{} — {name}", note(id).map_or(id, |n| &n.title)),
        Route::Timeline => format!("{} — {name}", t().timeline_title),
        Route::TimelineYear(year) => format!("{year} — {} — {name}", t().timeline_title),
        Route::Sources => format!("{} — {name}", t().sources_title),
        Route::About => format!("{} — {name}", about().title),
        Route::Corrections => format!("{} — {name}", t().corrections_title),
        Route::Search => format!("{} — {name}", t().search_title),
        Route::NotFound => format!("{} — {name}", t().not_found_title),
        Route::Offline => format!("{} — {name}", t().offline_page_title),
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
        Route::Timeline | Route::TimelineYear(_) | Route::EmbedTimeline => {
            t().timeline_intro.to_owned()
        }
        Route::Sources => t().sources_intro.to_owned(),
        Route::Corrections => t().corrections_intro.to_owned(),
        Route::Search => t().search_intro.to_owned(),
        _ => crate::content::info().description.to_string(),
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
        {crate::feed::link()}
        {citation_meta(route)}
        {card(route)}
        <meta name="twitter:card" content=if card_of(route).is_some() { "summary_large_image" } else { "summary" }/>
        <meta name="twitter:title" content=title.clone()/>
        <meta name="twitter:description" content=description.clone()/>
        {og("og:title", title)}
        {og("og:description", description)}
        {og("og:type", "article".into())}
        {og("og:site_name", crate::content::info().name.to_string())}
        {og("og:locale", t().locale.into())}
    }
}

/// The page in every edition (`hreflang`), the original also as the default, for search engines. Written
/// when the build knows the site's origin: `hreflang` needs absolute URLs.
fn alternates(route: Route) -> Option<impl IntoView> {
    if ORIGIN.is_empty() || route.stands_in() || route.is_embed() {
        return None;
    }
    let link = |hreflang: &'static str, lang: Lang| {
        let href = absolute(&route.href(lang));
        view! { <link rel="alternate" hreflang=hreflang href=href/> }
    };
    Some(view! {
        {Lang::ALL.map(|lang| link(lang.tag(), lang))}
        {link("x-default", Lang::ORIGINAL)}
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
    if ORIGIN.is_empty() || route.stands_in() {
        return None;
    }
    let href = absolute(&href(route.full_site()));
    Some(view! {
        <link rel="canonical" href=href.clone()/>
        {og("og:url", href)}
    })
}

/// JSON-LD for the page, if it has any (see [`crate::structured_data`]).
fn structured_data(route: Route) -> Option<impl IntoView> {
    let json = crate::structured_data::json_ld(route)?;
    Some(view! { <script type="application/ld+json" inner_html=json></script> })
}

/// What reference managers read from a note page (Zotero, Mendeley, Google Scholar): Highwire Press
/// `citation_*` and Dublin Core `DC.*` tags, with the same title, author (the site), date and URL as the
/// page's Cite control (`components::cite`). Only on note pages: the letter page is the letter, whose
/// authors are its signatories, not this site. The URL tags only when the build knows the origin.
fn citation_meta(route: Route) -> Option<impl IntoView> {
    let Route::Letter(Some(id)) = route else {
        return None;
    };
    let work = crate::components::cite::work(crate::content::note_index(id)?);
    let meta = |name: &'static str, content: String| view! { <meta name=name content=content/> };
    let url = (!ORIGIN.is_empty()).then(|| {
        view! {
            {meta("citation_public_url", work.url.clone())}
            {meta("citation_abstract_html_url", work.url.clone())}
            {meta("DC.identifier", work.url.clone())}
        }
    });
    let date = work.date.map(|d| {
        // Highwire dates are `YYYY/MM/DD` (as far as known); Dublin Core's, ISO 8601 at their precision.
        let highwire = d.to_string().replace('-', "/");
        view! {
            {meta("citation_publication_date", highwire.clone())}
            {meta("citation_date", highwire)}
            {meta("DC.date", d.to_string())}
        }
    });
    Some(view! {
        {meta("citation_title", work.title.to_owned())}
        {meta("citation_author", work.author.to_owned())}
        {date}
        {url}
        {meta("citation_language", work.lang.tag().to_owned())}
        {meta("DC.title", work.title.to_owned())}
        {meta("DC.creator", work.author.to_owned())}
        {meta("DC.language", work.lang.tag().to_owned())}
        {meta("DC.type", "Text".to_owned())}
    })
}
