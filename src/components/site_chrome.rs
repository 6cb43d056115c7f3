//! What surrounds every page: the skip link, the site's navigation, and the footer.

use crate::i18n::EN;
use crate::route::Route;
use leptos::prelude::*;

/// The skip link and the site's header with its navigation; `current` is marked for assistive technology.
#[component]
pub fn SiteHeader(
    /// The page being shown.
    current: Route,
) -> impl IntoView {
    let item = move |route: Route, label: &'static str| {
        let here =
            matches!((current, route), (Route::Letter(_), Route::Letter(_))) || current == route;
        view! {
            <li><a href=route.href() aria-current=here.then_some("page")>{label}</a></li>
        }
    };
    view! {
        <a class="skip" href="#main">{EN.skip_to_content}</a>
        <header class="site-header">
            <a class="site-name" href=Route::Letter(None).href()>{EN.site_name}</a>
            <nav aria-label=EN.nav_label>
                <ul>
                    {item(Route::Letter(None), EN.nav_letter)}
                    {item(Route::Timeline, EN.nav_timeline)}
                    {item(Route::Sources, EN.nav_sources)}
                    {item(Route::About, EN.nav_about)}
                </ul>
            </nav>
        </header>
    }
}

/// The footer.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! { <footer class="site-footer"><p>{EN.footer}</p></footer> }
}

/// The footer of an embed: a link that opens the same note or event on the full site, in a new tab, and
/// the script that sizes the iframe to its content.
#[component]
pub fn EmbedFooter(
    /// The embed route.
    route: Route,
) -> impl IntoView {
    let href = crate::route::absolute(&route.full_site().href());
    view! {
        <footer class="embed-footer">
            <a href=href target="_blank" rel="noopener">{EN.open_full}<span class="vh">{EN.new_tab}</span></a>
        </footer>
        <script src=format!("{}embed-frame.js", crate::route::BASE) defer></script>
    }
}
