//! What the build and the browser agree on, and nothing else: no content, no Leptos, no parser. Both the
//! prerenderer (natively) and the browser app (in wasm) link this crate, so a URL, a class the browser
//! looks for or a track name cannot mean one thing on one side and another on the other.
//!
//! - [`route`]: every page of the site keyed by public ids, its URL and its output file, in any edition.
//! - [`edition`]: where each edition lives under the base path.
//! - [`tracks`]: the timeline's filter and its `?tracks=` form.
//! - [`query`]: one URL parameter set or removed, the others kept.
//! - [`dom`]: the ids, classes and data attributes the browser app reads in the prerendered HTML.
//! - [`BASE`], [`ORIGIN`], [`asset`], [`absolute`]: URLs under the base path, fixed at build time.
#![deny(missing_docs)]

pub mod dom;
pub mod edition;
pub mod query;
pub mod route;
pub mod tracks;

pub use route::Route;

/// The base path, with leading and trailing slashes (`/` or e.g. `/letter/`), from `SITE_BASE` at build
/// time (see `build.rs`).
pub const BASE: &str = env!("SITE_BASE");

/// The site's origin (`https://example.org`) when the build was told it (`SITE_ORIGIN`), else empty.
pub const ORIGIN: &str = env!("SITE_ORIGIN");

/// The URL path of a file at the site's root (`embed.js`, `icons/icon-192.png`), under the base path.
///
/// Architecture Invariant: with [`Route::href`](route::Route::href) and [`absolute`], this is the only
/// code that joins the base path to a path; nothing else writes `BASE` into a URL.
pub fn asset(file: &str) -> String {
    format!("{BASE}{file}")
}

/// An absolute URL for a root-relative path, when the origin is known; else the path itself.
pub fn absolute(path: &str) -> String {
    format!("{ORIGIN}{path}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assets_sit_under_the_base_path() {
        assert!(BASE.starts_with('/') && BASE.ends_with('/'));
        assert_eq!(asset("embed.js"), format!("{BASE}embed.js"));
        assert_eq!(absolute("/x/"), format!("{ORIGIN}/x/"));
    }
}
