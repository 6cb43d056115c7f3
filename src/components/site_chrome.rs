//! What surrounds every page: the skip link, the site's navigation, and the footer.

use crate::edition;
use crate::i18n::{catalog, t};
use crate::route::{href, Route};
use contract::edition::others;
use leptos::prelude::*;

/// The skip link and the site's header with its navigation; `current` is marked for assistive technology.
#[component]
pub fn SiteHeader(
    /// The page being shown.
    current: Route,
) -> impl IntoView {
    let item = move |route: Route, label: &'static str| {
        let here = matches!(
            (current, route),
            (Route::Letter(_), Route::Letter(_)) | (Route::TimelineYear(_), Route::Timeline)
        ) || current == route;
        view! {
            <li><a href=href(route) aria-current=here.then_some("page")>{label}</a></li>
        }
    };
    view! {
        <a class="skip" href="#main">{t().skip_to_content}</a>
        <header class="site-header">
            <FramedExit current/>
            <a class="site-name" href=href(Route::Letter(None))>{crate::content::info().name.as_ref()}</a>
            <nav aria-label=t().nav_label>
                <ul>
                    {item(Route::Letter(None), t().nav_letter)}
                    {item(Route::Timeline, t().nav_timeline)}
                    {item(Route::Sources, t().nav_sources)}
                    {item(Route::About, t().nav_about)}
                    {item(Route::Search, t().nav_search)}
                </ul>
            </nav>
            <LanguageSwitch current/>
            <ThemeControl/>
        </header>
    }
}

/// "Open on the site", for a page of the full site that finds itself in someone else's frame (a host that
/// ignores `_headers`): prerendered hidden, shown by `offline.js` (loaded by every page) when the page is
/// framed, pointing at the page's own address, in a new tab. First in the header (after the skip link,
/// which must stay the page's first link), on a row of its own.
#[component]
fn FramedExit(
    /// The page being shown.
    current: Route,
) -> impl IntoView {
    view! {
        <p class="framed-exit" data-framed-exit="" hidden>
            <a href=href(current) target="_blank" rel=crate::state::NEW_TAB_REL>
                {t().open_on_site}<span class="vh">{t().new_tab}</span>
            </a>
        </p>
    }
}

/// A link to the same page in every other edition. On the letter and the timeline the browser app keeps
/// them pointing at the same note, event and filter as the reader moves (see `crates/browser`).
#[component]
fn LanguageSwitch(
    /// The page being shown.
    current: Route,
) -> impl IntoView {
    let target = match current {
        route if route.stands_in() => Route::Letter(None),
        route => route,
    };
    let links = others(edition::lang())
        .map(|other| {
            leptos::html::a()
                .attr("href", target.href(other))
                .attr("hreflang", other.tag())
                .attr("lang", other.tag())
                .attr(contract::dom::LANGUAGE_SWITCH, "")
                .child(catalog(other).language_name)
        })
        .collect_view();
    view! {
        <nav class="language" aria-label=t().language_label>
            {links}
        </nav>
    }
}

/// The theme control: automatic (the system's), light or dark. `public/display.js`, a render-blocking script
/// in every full-site page's `<head>`, applies the stored choice to `<html>` as `data-theme` before the
/// first paint, remembers a new one on this device (`localStorage`) and sets `aria-pressed`; the stylesheet
/// shows the control only under `data-theme` (without JavaScript the theme follows the system and there is
/// nothing to choose) and marks the chosen button from `data-theme`, so it is right from the first paint.
#[component]
fn ThemeControl() -> impl IntoView {
    let button = |value: &'static str, label: &'static str| {
        leptos::html::button()
            .attr("type", "button")
            .attr(contract::dom::THEME_CHOICE, value)
            .attr("aria-pressed", "false")
            .child(label)
    };
    let [auto, light, dark] = t().theme_choices;
    view! {
        <div class="theme-control" role="group" aria-labelledby="theme-label">
            <span id="theme-label">{t().theme_label}</span>
            {button("auto", auto)}
            {button("light", light)}
            {button("dark", dark)}
        </div>
    }
}

/// The footer, with the link to the corrections log.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{t().footer}</p>
            <p><a href=href(Route::Corrections)>{t().corrections_title}</a></p>
        </footer>
    }
}

/// The footer of an embed: a link that opens the same note or event on the full site, in a new tab, and
/// the script that sizes the iframe to its content.
#[component]
pub fn EmbedFooter(
    /// The embed route.
    route: Route,
) -> impl IntoView {
    let href = contract::absolute(&href(route.full_site()));
    view! {
        <footer class="embed-footer">
            <a href=href target="_blank" rel=crate::state::NEW_TAB_REL>{t().open_full}<span class="vh">{t().new_tab}</span></a>
        </footer>
        <script src=contract::asset("embed-frame.js") defer></script>
    }
}
