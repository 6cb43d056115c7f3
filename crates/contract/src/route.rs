//! The site's URLs: a public contract, since newsrooms link to them. Every route is a prerendered file
//! under the base path ([`crate::BASE`]), once per edition (see [`crate::edition`]). A route names its note
//! by public id, the same in every edition, so the browser can read a URL without any content; whether the
//! id exists is a separate step for whoever holds the content (the prerenderer resolves it).

use crate::edition::{self, prefix};
use crate::BASE;
use model::Lang;

/// A page of the site, its note named by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Route<'a> {
    /// The annotated letter, with the note of this id open or none.
    Letter(Option<&'a str>),
    /// The timeline: every event, or on a large site the overview and the latest events (see
    /// [`YEAR_PAGES_OVER`]).
    Timeline,
    /// One year of the timeline, `/timeline/2024/`: every year has its page.
    TimelineYear(u16),
    /// The list of sources.
    Sources,
    /// What the site is.
    About,
    /// The corrections log.
    Corrections,
    /// Search: an A–Z index of every note, source and year, and with JavaScript a search box.
    Search,
    /// The letter alone, for an iframe in someone else's page.
    EmbedLetter,
    /// One note as a card, for an iframe.
    EmbedNote(&'a str),
    /// The timeline alone, for an iframe.
    EmbedTimeline,
    /// Anything else.
    NotFound,
    /// The offline notice: what the service worker shows, in place of a page, when its saved copy of that
    /// page is missing or damaged and the network cannot give the same version of it (`offline.html`).
    Offline,
    // The print edition (issue #15), kept apart from the routes above.
    /// The print edition: the letter with numbered references, every note as an endnote, the timeline and
    /// the sources, on one page.
    Print,
}

impl<'a> Route<'a> {
    /// The edition and route of a URL path (as in `location.pathname`, or an `href`). Unknown paths are
    /// [`Route::NotFound`] in the edition the path is under; a note id only has to be a slug (see
    /// [`Route::resolve`] for ids that must exist).
    pub fn parse(path: &'a str) -> (Lang, Route<'a>) {
        let Some((lang, parts)) = segments(path) else {
            return (Lang::ORIGINAL, Route::NotFound);
        };
        let route = match parts.as_slice() {
            [] => Route::Letter(None),
            ["notes", id] if model::is_slug(id) => Route::Letter(Some(id)),
            ["timeline"] => Route::Timeline,
            ["timeline", year] => year_of(year).map_or(Route::NotFound, Route::TimelineYear),
            ["sources"] => Route::Sources,
            ["about"] => Route::About,
            ["corrections"] => Route::Corrections,
            ["search"] => Route::Search,
            ["embed", "letter"] => Route::EmbedLetter,
            ["embed", "notes", id] if model::is_slug(id) => Route::EmbedNote(id),
            ["embed", "timeline"] => Route::EmbedTimeline,
            [OFFLINE_FILE] => Route::Offline,
            ["print"] => Route::Print,
            _ => Route::NotFound,
        };
        (lang, route)
    }

    /// The note this route names, if any.
    pub fn note(self) -> Option<&'a str> {
        match self {
            Route::Letter(note) => note,
            Route::EmbedNote(note) => Some(note),
            _ => None,
        }
    }

    /// The same route with its note id looked up by `find` (for instance in a site's notes): a route whose
    /// note `find` does not know is [`Route::NotFound`].
    pub fn resolve<'b>(self, find: impl FnOnce(&str) -> Option<&'b str>) -> Route<'b> {
        let Some(id) = self.note() else {
            return self.without_note();
        };
        match (self, find(id)) {
            (Route::Letter(_), Some(found)) => Route::Letter(Some(found)),
            (Route::EmbedNote(_), Some(found)) => Route::EmbedNote(found),
            _ => Route::NotFound,
        }
    }

    /// A route that names no note, at any lifetime.
    fn without_note<'b>(self) -> Route<'b> {
        match self {
            Route::Letter(_) => Route::Letter(None),
            Route::Timeline => Route::Timeline,
            Route::TimelineYear(year) => Route::TimelineYear(year),
            Route::Sources => Route::Sources,
            Route::About => Route::About,
            Route::Corrections => Route::Corrections,
            Route::Search => Route::Search,
            Route::EmbedLetter => Route::EmbedLetter,
            Route::EmbedTimeline => Route::EmbedTimeline,
            Route::Offline => Route::Offline,
            Route::Print => Route::Print,
            Route::EmbedNote(_) | Route::NotFound => Route::NotFound,
        }
    }

    /// The route's URL path in an edition.
    pub fn href(self, lang: Lang) -> String {
        let at = format!("{BASE}{}", prefix(lang));
        match self {
            Route::Letter(None) => at,
            Route::Letter(Some(id)) => format!("{at}notes/{id}/"),
            Route::Timeline => format!("{at}timeline/"),
            Route::TimelineYear(year) => format!("{at}timeline/{year}/"),
            Route::Sources => format!("{at}sources/"),
            Route::About => format!("{at}about/"),
            Route::Corrections => format!("{at}corrections/"),
            Route::Search => format!("{at}search/"),
            Route::EmbedLetter => format!("{at}embed/letter/"),
            Route::EmbedNote(id) => format!("{at}embed/notes/{id}/"),
            Route::EmbedTimeline => format!("{at}embed/timeline/"),
            Route::NotFound => format!("{at}404.html"),
            Route::Offline => format!("{at}{OFFLINE_FILE}"),
            Route::Print => format!("{at}print/"),
        }
    }

    /// Where the prerenderer writes this route of an edition, relative to the site's root folder.
    pub fn file(self, lang: Lang) -> String {
        let href = self.href(lang);
        match self {
            Route::NotFound | Route::Offline => href[BASE.len()..].to_owned(),
            _ => format!("{}index.html", &href[BASE.len()..]),
        }
    }

    /// True for the routes made to sit in an iframe in someone else's page.
    pub fn is_embed(self) -> bool {
        matches!(
            self,
            Route::EmbedLetter | Route::EmbedNote(_) | Route::EmbedTimeline
        )
    }

    /// True for the pages served in place of another address (the not-found page, the offline notice):
    /// they have no canonical URL of their own, no twin in the other edition and no place in the sitemap.
    pub fn stands_in(self) -> bool {
        matches!(self, Route::NotFound | Route::Offline)
    }

    /// True for the routes whose page loads the browser app (the letter and the timeline); every other
    /// page is HTML and CSS only.
    pub fn has_app(self) -> bool {
        matches!(
            self,
            Route::Letter(_)
                | Route::Timeline
                | Route::TimelineYear(_)
                | Route::EmbedLetter
                | Route::EmbedTimeline
        )
    }

    /// True for the routes whose page loads the timeline's binary of the browser app rather than the
    /// letter's (each page downloads only its own behaviour).
    pub fn has_timeline_app(self) -> bool {
        matches!(
            self,
            Route::Timeline | Route::TimelineYear(_) | Route::EmbedTimeline
        )
    }

    /// The embed route a full-site page can be embedded as, if any.
    pub fn embed(self) -> Option<Route<'a>> {
        match self {
            Route::Letter(None) => Some(Route::EmbedLetter),
            Route::Letter(Some(id)) => Some(Route::EmbedNote(id)),
            Route::Timeline => Some(Route::EmbedTimeline),
            _ => None,
        }
    }

    /// The full-site page an embed stands for ("Open the full explainer").
    pub fn full_site(self) -> Route<'a> {
        match self {
            Route::EmbedLetter => Route::Letter(None),
            Route::EmbedNote(id) => Route::Letter(Some(id)),
            Route::EmbedTimeline => Route::Timeline,
            other => other,
        }
    }

    /// Where a page's oEmbed document is, relative to the site's root folder, for pages that can be
    /// embedded.
    pub fn oembed_file(self, lang: Lang) -> Option<String> {
        let embed = self.embed()?.href(lang);
        let at = prefix(lang);
        Some(format!(
            "{at}oembed/{}.json",
            embed[BASE.len() + at.len()..]
                .trim_start_matches("embed/")
                .trim_end_matches('/')
        ))
    }
}

/// A year as the timeline's year pages name it: four digits.
fn year_of(segment: &str) -> Option<u16> {
    (segment.len() == 4 && segment.bytes().all(|b| b.is_ascii_digit()))
        .then(|| segment.parse().ok())
        .flatten()
}

/// Above this many events the timeline's own page (`/timeline/`) holds the overview and the latest events
/// only (a hundred, the site's `route::LATEST_ON_TIMELINE`), and an event's address is its year's page
/// (`/timeline/2024/#<id>`); at or below it, the timeline's page holds every event and events are
/// addressed there. Year pages exist either way.
pub const YEAR_PAGES_OVER: usize = 400;

/// The file, in an edition's timeline folder, that maps each year to the ids of its events (one line per
/// year: the year, then its ids, separated by spaces): the browser reads it to send `/timeline/#<id>` to
/// the page that holds the event.
pub const EVENT_MAP_FILE: &str = "events.txt";

/// The URL of an edition's event map (see [`EVENT_MAP_FILE`]).
pub fn event_map_href(lang: Lang) -> String {
    format!("{}{EVENT_MAP_FILE}", Route::Timeline.href(lang))
}

/// The year whose line in an event map (see [`EVENT_MAP_FILE`]) lists `id`.
pub fn year_in_map(map: &str, id: &str) -> Option<u16> {
    map.lines().find_map(|line| {
        let mut words = line.split(' ');
        let year = year_of(words.next()?)?;
        words.any(|w| w == id).then_some(year)
    })
}

/// The offline notice's file name in each edition's folder (see [`Route::Offline`]).
pub const OFFLINE_FILE: &str = "offline.html";

/// The size of a note's link-preview card, in pixels.
pub const CARD_SIZE: (u32, u32) = (1200, 630);

/// The URL path of a note's link-preview card in an edition.
pub fn card_href(lang: Lang, note_id: &str) -> String {
    format!("{}card.png", Route::Letter(Some(note_id)).href(lang))
}

/// Where the prerenderer writes a note's card, relative to the site's root folder.
pub fn card_file(lang: Lang, note_id: &str) -> String {
    card_href(lang, note_id)[BASE.len()..].to_owned()
}

/// The URL path of a note's fragment in an edition: its article alone, in a small HTML document titled
/// like the note's page, which the letter page's app fetches to open the note in place.
pub fn note_fragment_href(lang: Lang, note_id: &str) -> String {
    format!("{}{NOTE_FRAGMENT}", Route::Letter(Some(note_id)).href(lang))
}

/// Where the prerenderer writes a note's fragment, relative to the site's root folder.
pub fn note_fragment_file(lang: Lang, note_id: &str) -> String {
    note_fragment_href(lang, note_id)[BASE.len()..].to_owned()
}

/// A note fragment's file name in its note's folder (see [`note_fragment_href`]).
pub const NOTE_FRAGMENT: &str = "note.html";

/// The URL of an event on the timeline page that holds it (the timeline's own page, or its year's page:
/// see [`YEAR_PAGES_OVER`]).
pub fn event_href(lang: Lang, page: Route, event_id: &str) -> String {
    format!("{}#{event_id}", page.href(lang))
}

/// The URL of an entry of the corrections log.
pub fn correction_href(lang: Lang, correction_id: &str) -> String {
    format!("{}#{correction_id}", Route::Corrections.href(lang))
}

/// Where an edition's Atom feed of corrections is, relative to the site's root folder.
pub fn corrections_feed_file(lang: Lang) -> String {
    format!("{}corrections.atom", prefix(lang))
}

/// The URL of a source on the sources page.
pub fn source_href(lang: Lang, source_id: &str) -> String {
    format!("{}#{source_id}", Route::Sources.href(lang))
}

/// The edition of a URL path under the base path and the segments after the edition's prefix (an
/// `index.html` at the end dropped), or `None` outside the base path.
pub fn segments(path: &str) -> Option<(Lang, Vec<&str>)> {
    let (lang, rest) = split_edition(path)?;
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let rest = rest.strip_suffix("index.html").unwrap_or(rest);
    Some((lang, rest.split('/').filter(|p| !p.is_empty()).collect()))
}

/// The same place in another edition: the path's parsed segments under `lang`'s prefix, each page a
/// folder, then the query and fragment as they were; `None` outside the base path. Built from segments,
/// never by stripping strings, so a doubled slash (`/es//timeline/`, which many hosts serve) can never
/// become a link to another host (`//timeline/`).
pub fn in_edition(path: &str, lang: Lang) -> Option<String> {
    let (_, parts) = segments(path)?;
    let tail = path.find(['?', '#']).map_or("", |at| &path[at..]);
    let mut out = format!("{BASE}{}", prefix(lang));
    for part in parts {
        out.push_str(part);
        out.push('/');
    }
    out.push_str(tail);
    Some(out)
}

/// The edition of a path under the base path and what follows its prefix.
fn split_edition(path: &str) -> Option<(Lang, &str)> {
    let rest = match path.strip_prefix(BASE) {
        Some(rest) => rest,
        None if path
            .split(['?', '#'])
            .next()
            .map(|p| format!("{p}/"))
            .as_deref()
            == Some(BASE) =>
        {
            &path[BASE.len() - 1..]
        }
        None => return None,
    };
    let first = rest.split(['/', '?', '#']).next().unwrap_or_default();
    match edition::from_segment(first) {
        Some(lang) => {
            let after = &rest[first.len()..];
            Some((lang, after.strip_prefix('/').unwrap_or(after)))
        }
        None => Some((Lang::ORIGINAL, rest)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVERY: [Route<'static>; 12] = [
        Route::Letter(None),
        Route::Letter(Some("market-share")),
        Route::Timeline,
        Route::TimelineYear(2024),
        Route::Sources,
        Route::About,
        Route::Corrections,
        Route::Search,
        Route::EmbedLetter,
        Route::EmbedNote("market-share"),
        Route::EmbedTimeline,
        Route::Print,
    ];

    #[test]
    fn every_route_parses_back_from_its_href_in_every_edition() {
        for lang in Lang::ALL {
            for route in EVERY.into_iter().chain([Route::NotFound, Route::Offline]) {
                assert_eq!(Route::parse(&route.href(lang)), (lang, route), "{route:?}");
            }
        }
    }

    #[test]
    fn the_spanish_edition_lives_under_es() {
        let note = Route::Letter(Some("a"));
        assert_eq!(Route::Letter(None).href(Lang::Es), format!("{BASE}es/"));
        assert_eq!(note.href(Lang::Es), format!("{BASE}es/notes/a/"));
        assert_eq!(Route::NotFound.file(Lang::Es), "es/404.html");
        assert_eq!(Route::Offline.file(Lang::Es), "es/offline.html");
        assert_eq!(Route::Offline.file(Lang::En), "offline.html");
        assert_eq!(Route::Timeline.file(Lang::Es), "es/timeline/index.html");
        assert_eq!(Route::Timeline.file(Lang::En), "timeline/index.html");
        assert_eq!(Route::Print.file(Lang::Es), "es/print/index.html");
        assert_eq!(card_file(Lang::Es, "a"), "es/notes/a/card.png");
        assert_eq!(
            Route::Letter(Some("a")).oembed_file(Lang::Es).as_deref(),
            Some("es/oembed/notes/a.json")
        );
        assert_eq!(Route::Sources.oembed_file(Lang::En), None);
        assert_eq!(
            Route::Corrections.file(Lang::Es),
            "es/corrections/index.html"
        );
        assert_eq!(
            correction_href(Lang::Es, "x"),
            format!("{BASE}es/corrections/#x")
        );
        assert_eq!(corrections_feed_file(Lang::Es), "es/corrections.atom");
        assert_eq!(corrections_feed_file(Lang::En), "corrections.atom");
    }

    #[test]
    fn segments_need_no_content() {
        let at = |p: &str| format!("{BASE}{p}");
        assert_eq!(segments(&at("")), Some((Lang::En, vec![])));
        assert_eq!(segments(&at("es/")), Some((Lang::Es, vec![])));
        assert_eq!(segments(&at("es")), Some((Lang::Es, vec![])));
        assert_eq!(
            segments(&at("es/notes/anything/index.html?x=1#y")),
            Some((Lang::Es, vec!["notes", "anything"]))
        );
        assert_eq!(
            segments(&at("timeline")),
            Some((Lang::En, vec!["timeline"]))
        );
        assert_eq!(
            segments(&at("estimates/")),
            Some((Lang::En, vec!["estimates"]))
        );
        if BASE != "/" {
            assert_eq!(segments("/elsewhere/"), None);
            assert_eq!(
                segments(BASE.trim_end_matches('/')),
                Some((Lang::En, vec![]))
            );
        }
    }

    #[test]
    fn unknown_paths_and_bad_ids_are_not_found() {
        for path in [
            "/nope/",
            "/notes/",
            "/notes/Not_A_Slug/",
            "/notes/a/b/",
            "/timeline/x/",
            "/timeline/24/",
            "/timeline/2024/x/",
            "/print/x/",
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
    fn year_pages_and_the_event_map() {
        assert_eq!(
            Route::TimelineYear(2019).file(Lang::Es),
            "es/timeline/2019/index.html"
        );
        assert_eq!(
            event_map_href(Lang::Es),
            format!("{BASE}es/timeline/events.txt")
        );
        let map = "2019 a b\n2024 c letter-2024\n";
        assert_eq!(year_in_map(map, "b"), Some(2019));
        assert_eq!(year_in_map(map, "letter-2024"), Some(2024));
        assert_eq!(year_in_map(map, "2024"), None, "a year is not an id");
        assert_eq!(year_in_map(map, "letter"), None, "whole ids only");
        assert!(Route::TimelineYear(2019).has_app());
        assert!(Route::TimelineYear(2019).has_timeline_app());
        assert!(Route::EmbedTimeline.has_timeline_app());
        assert!(!Route::Letter(None).has_timeline_app() && !Route::EmbedLetter.has_timeline_app());
        assert_eq!(Route::TimelineYear(2019).embed(), None);
    }

    #[test]
    fn resolving_keeps_known_notes_and_drops_unknown_ones() {
        let known = |id: &str| (id == "a").then_some("a");
        assert_eq!(
            Route::Letter(Some("a")).resolve(known),
            Route::Letter(Some("a"))
        );
        assert_eq!(Route::EmbedNote("b").resolve(known), Route::NotFound);
        assert_eq!(Route::Letter(Some("b")).resolve(known), Route::NotFound);
        assert_eq!(Route::Timeline.resolve(known), Route::Timeline);
    }

    #[test]
    fn the_same_place_in_the_other_edition_keeps_query_and_fragment() {
        let at = |p: &str| format!("{BASE}{p}");
        assert_eq!(
            in_edition(&at("notes/a/"), Lang::Es).as_deref(),
            Some(at("es/notes/a/").as_str())
        );
        assert_eq!(
            in_edition(&at("es/timeline/?tracks=us#e"), Lang::En).as_deref(),
            Some(at("timeline/?tracks=us#e").as_str())
        );
        assert_eq!(in_edition(&at("es/"), Lang::En).as_deref(), Some(BASE));
        assert_eq!(
            in_edition(BASE, Lang::Es).as_deref(),
            Some(at("es/").as_str())
        );
    }

    #[test]
    fn the_other_edition_of_a_path_stays_on_the_site() {
        let at = |p: &str| format!("{BASE}{p}");
        assert_eq!(
            in_edition(&at("es//timeline/"), Lang::En),
            Some(at("timeline/"))
        );
        assert_eq!(
            in_edition(&at("es//timeline/"), Lang::Es),
            Some(at("es/timeline/"))
        );
        assert_eq!(
            in_edition(&at("/notes//a/"), Lang::Es),
            Some(at("es/notes/a/"))
        );
        assert_eq!(in_edition(&at("es/index.html"), Lang::En), Some(at("")));
        for lang in [Lang::En, Lang::Es] {
            let other = in_edition(&at("es//timeline/?tracks=us#e"), lang).unwrap();
            assert!(!other.starts_with("//"), "{other}");
            assert!(other.ends_with("timeline/?tracks=us#e"), "{other}");
        }
    }
}
