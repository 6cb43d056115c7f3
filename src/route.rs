//! The site's URLs: a public contract, since newsrooms link to them. Every route is a prerendered file
//! under the base path chosen at build time (`SITE_BASE`), once per edition: the original at the base path,
//! the Spanish edition under `es/` (see [`crate::edition`]). Ids are the same in every edition.

use crate::content::{events, note_index, notes, sources};
use crate::edition::{self, prefix};
use model::Lang;

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
    /// The edition and route of a URL path (as in `location.pathname`). Unknown paths and unknown note ids
    /// are [`Route::NotFound`] (in the edition the path is under).
    pub fn parse(path: &str) -> (Lang, Route) {
        let Some((lang, parts)) = segments(path) else {
            return (Lang::En, Route::NotFound);
        };
        let route = match parts.as_slice() {
            [] => Route::Letter(None),
            ["notes", id] => note_index(id).map_or(Route::NotFound, |i| Route::Letter(Some(i))),
            ["timeline"] => Route::Timeline,
            ["sources"] => Route::Sources,
            ["about"] => Route::About,
            ["embed", "letter"] => Route::EmbedLetter,
            ["embed", "notes", id] => note_index(id).map_or(Route::NotFound, Route::EmbedNote),
            ["embed", "timeline"] => Route::EmbedTimeline,
            _ => Route::NotFound,
        };
        (lang, route)
    }

    /// The route's URL path in the edition being rendered.
    pub fn href(self) -> String {
        self.href_in(edition::lang())
    }

    /// The route's URL path in an edition.
    pub fn href_in(self, lang: Lang) -> String {
        let at = format!("{BASE}{}", prefix(lang));
        match self {
            Route::Letter(None) => at,
            Route::Letter(Some(i)) => format!("{at}notes/{}/", notes()[i].id),
            Route::Timeline => format!("{at}timeline/"),
            Route::Sources => format!("{at}sources/"),
            Route::About => format!("{at}about/"),
            Route::EmbedLetter => format!("{at}embed/letter/"),
            Route::EmbedNote(i) => format!("{at}embed/notes/{}/", notes()[i].id),
            Route::EmbedTimeline => format!("{at}embed/timeline/"),
            Route::NotFound => format!("{at}404.html"),
        }
    }

    /// Where the prerenderer writes this route of the edition being rendered, relative to the site's
    /// root folder.
    pub fn file(self) -> String {
        let href = self.href();
        match self {
            Route::NotFound => href[BASE.len()..].to_owned(),
            _ => format!("{}index.html", &href[BASE.len()..]),
        }
    }

    /// Every route of an edition, for the prerenderer.
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

/// The edition of a URL path under the base path and the segments after the edition's prefix (an
/// `index.html` at the end dropped), or `None` outside the base path. Needs no content, so the browser
/// app can use it without linking any.
pub fn segments(path: &str) -> Option<(Lang, Vec<&str>)> {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let rest = match path.strip_prefix(BASE) {
        Some(rest) => rest,
        None if format!("{path}/") == BASE => "",
        None => return None,
    };
    let rest = rest.strip_suffix("index.html").unwrap_or(rest);
    let mut parts: Vec<&str> = rest.split('/').filter(|p| !p.is_empty()).collect();
    let lang = match parts.first() {
        Some(&first) if first == prefix(Lang::Es).trim_end_matches('/') => {
            parts.remove(0);
            Lang::Es
        }
        _ => Lang::En,
    };
    Some((lang, parts))
}

/// The same place in another edition: the URL path's segments under that edition's prefix, each page a
/// folder. Built from the parsed segments, so a doubled slash (`/es//timeline/`, which many hosts serve)
/// can never become a link to another host (`//timeline/`). `None` outside the base path.
pub fn path_in(path: &str, lang: Lang) -> Option<String> {
    let (_, parts) = segments(path)?;
    Some(
        parts
            .iter()
            .fold(format!("{BASE}{}", prefix(lang)), |out, part| {
                format!("{out}{part}/")
            }),
    )
}

/// Where a page's oEmbed document is, relative to the site's root folder, for pages that can be embedded.
pub fn oembed_file(route: Route) -> Option<String> {
    let embed = route.embed()?.href();
    let lang = prefix(edition::lang());
    Some(format!(
        "{lang}oembed/{}.json",
        embed[BASE.len() + lang.len()..]
            .trim_start_matches("embed/")
            .trim_end_matches('/')
    ))
}

/// The URL of a note.
pub fn note_href(index: usize) -> String {
    Route::Letter(Some(index)).href()
}

/// The size of a note's link-preview card, in pixels.
pub const CARD_SIZE: (u32, u32) = (1200, 630);

/// Where the prerenderer writes a note's link-preview card in the edition being rendered, relative to the
/// site's root folder.
pub fn card_file(index: usize) -> String {
    format!("{}card.png", &note_href(index)[BASE.len()..])
}

/// The URL of a note's link-preview card.
pub fn card_href(index: usize) -> String {
    format!("{}card.png", note_href(index))
}

/// The URL of an event on the timeline.
pub fn event_href(index: usize) -> String {
    format!("{}#{}", Route::Timeline.href(), events()[index].id)
}

/// The URL of a source on the sources page.
pub fn source_href(index: usize) -> String {
    format!("{}#{}", Route::Sources.href(), sources()[index].id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_parses_back_from_its_href_in_every_edition() {
        for lang in Lang::ALL {
            for route in Route::all() {
                assert_eq!(
                    Route::parse(&route.href_in(lang)),
                    (lang, route),
                    "{route:?}"
                );
            }
        }
    }

    #[test]
    fn the_spanish_edition_lives_under_es() {
        let note = Route::Letter(Some(0));
        assert_eq!(Route::Letter(None).href_in(Lang::Es), format!("{BASE}es/"));
        assert_eq!(
            note.href_in(Lang::Es),
            format!("{BASE}es/notes/{}/", notes()[0].id)
        );
        assert_eq!(
            note.href_in(Lang::Es)[BASE.len() + 3..],
            note.href_in(Lang::En)[BASE.len()..]
        );
        edition::set(Lang::Es);
        assert_eq!(Route::NotFound.file(), "es/404.html");
        assert_eq!(Route::Timeline.file(), "es/timeline/index.html");
        edition::set(Lang::En);
        assert_eq!(Route::Timeline.file(), "timeline/index.html");
    }

    #[test]
    fn segments_need_no_content() {
        let at = |p: &str| format!("{BASE}{p}");
        assert_eq!(segments(&at("")), Some((Lang::En, vec![])));
        assert_eq!(segments(&at("es/")), Some((Lang::Es, vec![])));
        assert_eq!(
            segments(&at("es/notes/anything/index.html?x=1#y")),
            Some((Lang::Es, vec!["notes", "anything"]))
        );
        assert_eq!(
            segments(&at("timeline")),
            Some((Lang::En, vec!["timeline"]))
        );
        if BASE != "/" {
            assert_eq!(segments("/elsewhere/"), None);
        }
    }

    #[test]
    fn the_other_edition_of_a_path_stays_on_the_site() {
        let at = |p: &str| format!("{BASE}{p}");
        assert_eq!(
            path_in(&at("es//timeline/"), Lang::En),
            Some(at("timeline/"))
        );
        assert_eq!(
            path_in(&at("es//timeline/"), Lang::Es),
            Some(at("es/timeline/"))
        );
        assert_eq!(
            path_in(&at("/notes//a/"), Lang::Es),
            Some(at("es/notes/a/"))
        );
        assert_eq!(path_in(&at("es/"), Lang::En), Some(at("")));
        assert_eq!(path_in(&at(""), Lang::Es), Some(at("es/")));
        assert_eq!(path_in(&at("es/index.html"), Lang::En), Some(at("")));
        for lang in Lang::ALL {
            let other = path_in(&at("es//timeline/"), lang).unwrap();
            assert!(!other.starts_with("//"), "{other}");
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
            "/es/nope/",
            "/es/es/",
            "/fr/",
        ] {
            let path = format!("{}{}", BASE, &path[1..]);
            assert_eq!(Route::parse(&path).1, Route::NotFound, "{path}");
        }
        assert_eq!(Route::parse(&format!("{BASE}es/nope/")).0, Lang::Es);
    }

    #[test]
    fn paths_without_trailing_slash_or_with_index_html_resolve() {
        assert_eq!(Route::parse(&format!("{BASE}sources")).1, Route::Sources);
        assert_eq!(
            Route::parse(&format!("{BASE}about/index.html")).1,
            Route::About
        );
        assert_eq!(
            Route::parse(&format!("{BASE}index.html")).1,
            Route::Letter(None)
        );
        assert_eq!(
            Route::parse(&format!("{BASE}es")),
            (Lang::Es, Route::Letter(None))
        );
    }
}
