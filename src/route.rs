//! The site's URLs: a public contract, since newsrooms link to them. Every route is a prerendered file
//! under the base path chosen at build time (`SITE_BASE`).

use crate::content::{events, note_index, notes, sources};

/// The base path, with leading and trailing slashes (`/` or e.g. `/letter/`).
pub const BASE: &str = env!("SITE_BASE");

/// The site's origin (`https://example.org`) when the build was told it (`SITE_ORIGIN`), else empty.
pub const ORIGIN: &str = env!("SITE_ORIGIN");

/// An absolute URL for a root-relative path, when the origin is known; else the path itself.
pub fn absolute(path: &str) -> String {
    format!("{ORIGIN}{path}")
}

/// A page of the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// The annotated letter, with a note open or not.
    Letter(Option<usize>),
    /// The timeline.
    Timeline,
    /// The list of sources.
    Sources,
    /// What the site is.
    About,
    /// The letter alone, for an iframe in someone else's page.
    EmbedLetter,
    /// One note as a card, for an iframe.
    EmbedNote(usize),
    /// The timeline alone, for an iframe.
    EmbedTimeline,
    /// Anything else.
    NotFound,
}

impl Route {
    /// The route for a URL path (as in `location.pathname`). Unknown paths and unknown note ids are
    /// [`Route::NotFound`].
    pub fn parse(path: &str) -> Route {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let rest = match path.strip_prefix(BASE) {
            Some(rest) => rest,
            None if format!("{path}/") == BASE => "",
            None => return Route::NotFound,
        };
        let rest = rest.strip_suffix("index.html").unwrap_or(rest);
        let parts: Vec<&str> = rest.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Letter(None),
            ["notes", id] => note_index(id).map_or(Route::NotFound, |i| Route::Letter(Some(i))),
            ["timeline"] => Route::Timeline,
            ["sources"] => Route::Sources,
            ["about"] => Route::About,
            ["embed", "letter"] => Route::EmbedLetter,
            ["embed", "notes", id] => note_index(id).map_or(Route::NotFound, Route::EmbedNote),
            ["embed", "timeline"] => Route::EmbedTimeline,
            _ => Route::NotFound,
        }
    }

    /// The route's URL path, under the base path.
    pub fn href(self) -> String {
        match self {
            Route::Letter(None) => BASE.to_owned(),
            Route::Letter(Some(i)) => note_href(i),
            Route::Timeline => format!("{BASE}timeline/"),
            Route::Sources => format!("{BASE}sources/"),
            Route::About => format!("{BASE}about/"),
            Route::EmbedLetter => format!("{BASE}embed/letter/"),
            Route::EmbedNote(i) => format!("{BASE}embed/notes/{}/", notes()[i].id),
            Route::EmbedTimeline => format!("{BASE}embed/timeline/"),
            Route::NotFound => format!("{BASE}404.html"),
        }
    }

    /// Where the prerenderer writes this route, relative to the site's root folder.
    pub fn file(self) -> String {
        match self {
            Route::NotFound => "404.html".into(),
            other => format!("{}index.html", &other.href()[BASE.len()..]),
        }
    }

    /// Every route, for the prerenderer.
    pub fn all() -> Vec<Route> {
        let mut routes = vec![
            Route::Letter(None),
            Route::Timeline,
            Route::Sources,
            Route::About,
            Route::NotFound,
        ];
        routes.extend((0..notes().len()).map(|i| Route::Letter(Some(i))));
        routes.extend([Route::EmbedLetter, Route::EmbedTimeline]);
        routes.extend((0..notes().len()).map(Route::EmbedNote));
        routes
    }

    /// True for the routes made to sit in an iframe in someone else's page.
    pub fn is_embed(self) -> bool {
        matches!(
            self,
            Route::EmbedLetter | Route::EmbedNote(_) | Route::EmbedTimeline
        )
    }

    /// The embed route a full-site page can be embedded as, if any.
    pub fn embed(self) -> Option<Route> {
        match self {
            Route::Letter(None) => Some(Route::EmbedLetter),
            Route::Letter(Some(i)) => Some(Route::EmbedNote(i)),
            Route::Timeline => Some(Route::EmbedTimeline),
            _ => None,
        }
    }

    /// The full-site page an embed stands for ("Open the full explainer").
    pub fn full_site(self) -> Route {
        match self {
            Route::EmbedLetter => Route::Letter(None),
            Route::EmbedNote(i) => Route::Letter(Some(i)),
            Route::EmbedTimeline => Route::Timeline,
            other => other,
        }
    }
}

/// Where a page's oEmbed document is, relative to the site's root folder, for pages that can be embedded.
pub fn oembed_file(route: Route) -> Option<String> {
    let embed = route.embed()?.href();
    Some(format!(
        "oembed/{}.json",
        embed[BASE.len()..]
            .trim_start_matches("embed/")
            .trim_end_matches('/')
    ))
}

/// The URL of a note.
pub fn note_href(index: usize) -> String {
    format!("{BASE}notes/{}/", notes()[index].id)
}

/// The URL of an event on the timeline.
pub fn event_href(index: usize) -> String {
    format!("{BASE}timeline/#{}", events()[index].id)
}

/// The URL of a source on the sources page.
pub fn source_href(index: usize) -> String {
    format!("{BASE}sources/#{}", sources()[index].id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_parses_back_from_its_href() {
        for route in Route::all() {
            assert_eq!(Route::parse(&route.href()), route, "{route:?}");
        }
    }

    #[test]
    fn unknown_paths_and_ids_are_not_found() {
        for path in [
            "/nope/",
            "/notes/",
            "/notes/no-such-note/",
            "/notes/a/b/",
            "/timeline/x/",
        ] {
            let path = format!("{}{}", BASE, &path[1..]);
            assert_eq!(Route::parse(&path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn paths_without_trailing_slash_or_with_index_html_resolve() {
        assert_eq!(Route::parse(&format!("{BASE}sources")), Route::Sources);
        assert_eq!(
            Route::parse(&format!("{BASE}about/index.html")),
            Route::About
        );
        assert_eq!(
            Route::parse(&format!("{BASE}index.html")),
            Route::Letter(None)
        );
    }
}
