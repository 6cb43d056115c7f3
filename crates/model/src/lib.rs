//! The typed content model: the letter, its notes, the timeline and the sources.
//!
//! The content compiler builds it natively from `content/` (owned data) when the prerenderer runs; the
//! browser never gets it (it reads the prerendered pages). Every cross reference is an index into
//! [`Site`]'s lists, checked by the compiler.
#![deny(missing_docs)]

use std::borrow::Cow;

mod date;
mod ids;

pub use date::Date;
pub use ids::is_slug;

/// Declares how a content enum is written, in one place: `ALL` (in display order), `slug()` (in content,
/// URLs and CSS classes), `from_slug()` (the compiler's parse) and `slug_choices()` (for error hints).
macro_rules! slugs {
    ($ty:ident { $($variant:ident => $slug:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in display order.
            pub const ALL: [$ty; [$($slug),+].len()] = [$($ty::$variant),+];

            /// The slug used in content, URLs and CSS classes.
            pub fn slug(self) -> &'static str {
                match self {
                    $($ty::$variant => $slug),+
                }
            }

            /// The value with this slug.
            pub fn from_slug(slug: &str) -> Option<$ty> {
                Self::ALL.into_iter().find(|v| v.slug() == slug)
            }

            /// Every slug, as a hint names them: `a, b or c`.
            pub fn slug_choices() -> String {
                or_list(&Self::ALL.map(Self::slug))
            }
        }
    };
}

/// `a, b or c`.
fn or_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// Text: owned when compiled from content, borrowed when a test writes it as a literal.
pub type Str = Cow<'static, str>;
/// A list: owned when compiled from content, borrowed when a test writes it as a literal.
pub type List<T> = Cow<'static, [T]>;

/// Declares the editions, once: the `Lang` enum, [`Lang::ALL`] (the original first), each edition's tag
/// and the English name the build's messages use. Adding an edition is one line here, its catalog
/// (`src/i18n.rs`) and its content files (`letter.<tag>.md`…: CONTENT.md, "Translations"). An entry
/// may carry `#[cfg(…)]`: the made-up edition the tests build is one (feature `made-up-edition`).
macro_rules! editions {
    ($($(#[doc = $doc:literal])* $(#[cfg($cfg:meta)])? $variant:ident => $tag:literal, $name:literal;)+) => {
        /// A language the site is published in: one edition each.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Lang {
            $($(#[doc = $doc])* $(#[cfg($cfg)])? $variant,)+
        }

        impl Lang {
            /// Every language, the original first.
            pub const ALL: [Lang; [$($(#[cfg($cfg)])? $tag),+].len()] =
                [$($(#[cfg($cfg)])? Lang::$variant),+];

            /// The BCP 47 tag, also the URL prefix of every edition but the original and the suffix of its
            /// content files (`letter.<tag>.md`).
            pub fn tag(self) -> &'static str {
                match self {
                    $($(#[cfg($cfg)])? Lang::$variant => $tag),+
                }
            }

            /// The language's name in English, for the build's messages to editors ("no Spanish
            /// translation").
            pub fn name(self) -> &'static str {
                match self {
                    $($(#[cfg($cfg)])? Lang::$variant => $name),+
                }
            }

            /// The folder of the edition under the base path: none for the original, `<tag>/` for the
            /// others.
            pub fn folder(self) -> &'static str {
                if self == Lang::ORIGINAL {
                    return "";
                }
                match self {
                    $($(#[cfg($cfg)])? Lang::$variant => concat!($tag, "/")),+
                }
            }
        }
    };
}

editions! {
    /// English: the original edition, at the site's root.
    En => "en", "English";
    /// Spanish: the edition under `/es/`.
    Es => "es", "Spanish";
    /// A made-up third edition, for the test that adding an edition takes only this line, a catalog and
    /// content files (`tests/third_edition.rs`). `qaa` is reserved for local use by ISO 639-2.
    #[cfg(feature = "made-up-edition")]
    Qaa => "qaa", "Made-up";
}

impl Lang {
    /// The language the document was written in: the edition at the site's root, whose text stands in
    /// where a translation is missing.
    pub const ORIGINAL: Lang = Lang::ALL[0];

    /// Every edition but the original: the translations, in [`Lang::ALL`] order.
    pub fn translations() -> impl Iterator<Item = Lang> {
        Lang::ALL.into_iter().filter(|&l| l != Lang::ORIGINAL)
    }

    /// The edition with this tag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.tag() == tag)
    }
}

/// Everything one edition of the site shows. Editions share every id, date and index; only text differs.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    /// The edition's language.
    pub lang: Lang,
    /// The letter, with its marks.
    pub letter: Letter,
    /// Every note, in the order a reader meets them: the letter's marks first, then context.
    pub notes: List<Note>,
    /// Every event, in date order.
    pub events: List<Event>,
    /// Every source, ordered by publisher then title.
    pub sources: List<Source>,
    /// The about page.
    pub about: Page,
    /// When the facts were last checked against the sources (`checked` in `timeline.toml`).
    pub checked: Option<Date>,
    /// What the site is called and says it is (`site.toml`): the code names no document.
    pub info: SiteInfo,
    /// The corrections log, newest first.
    pub corrections: List<Correction>,
}

/// The site's name and description in an edition (`site.toml`, `site.<lang>.toml`).
#[derive(Clone, Debug, PartialEq)]
pub struct SiteInfo {
    /// The site's name: the header, page titles, the installed app.
    pub name: Str,
    /// A short name for the installed app's icon.
    pub short_name: Str,
    /// One or two sentences on what the site is: descriptions, the manifest.
    pub description: Str,
    /// True when this edition lacks a translation (shown in English).
    pub fallback: bool,
}

/// One entry of the corrections log: what changed in the notes, events or letter a reader was shown, and
/// why.
#[derive(Clone, Debug, PartialEq)]
pub struct Correction {
    /// Public id, the entry's anchor on the corrections page.
    pub id: Str,
    /// The day the change was published.
    pub date: Date,
    /// Headline.
    pub title: Str,
    /// The notes it changed (indices into [`Site::notes`]).
    pub notes: List<usize>,
    /// The events it changed (indices into [`Site::events`]).
    pub events: List<usize>,
    /// True when it changed the letter page's own text (its passages or editorial lines).
    pub letter: bool,
    /// What changed.
    pub what: List<Inline>,
    /// Why.
    pub why: List<Inline>,
    /// True when this edition lacks a translation of the entry (shown in English, with a notice).
    pub fallback: bool,
}

/// The letter as published: metadata and the verbatim passages.
#[derive(Clone, Debug, PartialEq)]
pub struct Letter {
    /// The explainer's title for the letter.
    pub title: Str,
    /// The date on the letter.
    pub date: Date,
    /// The date it was made public.
    pub published: Date,
    /// Who wrote it.
    pub from: Str,
    /// To whom.
    pub to: Str,
    /// Where its passages were published (indices into [`Site::sources`]).
    pub sources: List<usize>,
    /// Context notes listed with the letter (indices into [`Site::notes`]).
    pub context: List<usize>,
    /// The passages, gaps and editorial labels, verbatim (in every edition).
    pub body: List<Block>,
    /// An unofficial translation of the passages, with the same marks, in editions other than the original.
    pub translation: Option<List<Block>>,
    /// True when this edition lacks a translation of the letter's header (shown in English, with a notice).
    pub fallback: bool,
}

/// A block of rendered Markdown.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A paragraph.
    Paragraph(List<Inline>),
    /// An editorial heading (never part of the letter's own text).
    Heading(List<Inline>),
    /// A list; `ordered` lists are numbered from 1.
    List {
        /// Numbered or bulleted.
        ordered: bool,
        /// Each item's blocks.
        items: List<List<Block>>,
    },
    /// A quotation.
    Quote(List<Block>),
    /// Text of the letter that was not published.
    Gap,
}

/// Inline Markdown.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    /// Plain text.
    Text(Str),
    /// Emphasis.
    Emph(List<Inline>),
    /// Strong emphasis.
    Strong(List<Inline>),
    /// Inline code.
    Code(Str),
    /// A link; in the letter, a link to a note is a mark.
    Link {
        /// Where it goes.
        target: Target,
        /// The linked text.
        children: List<Inline>,
    },
    /// A hard line break.
    Break,
}

/// Where a link goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A note (index into [`Site::notes`]).
    Note(usize),
    /// An event (index into [`Site::events`]).
    Event(usize),
    /// A source (index into [`Site::sources`]).
    Source(usize),
    /// An outside page (http or https).
    External(Str),
}

/// What a note is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoteKind {
    /// A factual claim the letter makes.
    Claim,
    /// Something the letter asks Mexico to do.
    Request,
    /// Background the reader needs.
    Context,
}

slugs!(NoteKind {
    Claim => "claim",
    Request => "request",
    Context => "context",
});

/// A claim's verdict, on the scale the about page documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The evidence backs the claim as worded.
    Supported,
    /// Broadly right, but a reader needs more to judge it.
    NeedsContext,
    /// Credible sources contradict it.
    Disputed,
    /// The public record cannot confirm or refute it.
    Unverifiable,
}

slugs!(Verdict {
    Supported => "supported",
    NeedsContext => "needs-context",
    Disputed => "disputed",
    Unverifiable => "unverifiable",
});

/// How far a request has been met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Done as asked.
    Met,
    /// Done in part, or something close to it.
    PartlyMet,
    /// Not done.
    NotMet,
    /// The record does not say.
    Unclear,
}

slugs!(Status {
    Met => "met",
    PartlyMet => "partly-met",
    NotMet => "not-met",
    Unclear => "unclear",
});

/// A note's judgement: a verdict for a claim, a status for a request, none for context.
#[derive(Clone, Debug, PartialEq)]
pub enum Assessment {
    /// Context notes carry no judgement.
    None,
    /// A claim's verdict and the reason for it in one sentence.
    Verdict {
        /// The verdict.
        verdict: Verdict,
        /// Why, in one sentence.
        reason: Str,
    },
    /// A request's status and when it was last checked.
    Status {
        /// The status.
        status: Status,
        /// When the status was last checked.
        as_of: Date,
    },
}

/// A background note on a claim, a request or a piece of context.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// Public id, used in URLs.
    pub id: Str,
    /// Headline.
    pub title: Str,
    /// Claim, request or context.
    pub kind: NoteKind,
    /// One sentence for previews and cards.
    pub summary: Str,
    /// Verdict or status.
    pub assessment: Assessment,
    /// A request's number (1, 2, 3) in the order the letter makes them.
    pub number: Option<u8>,
    /// The first passage of the letter marked for this note, as plain text, if any.
    pub passage: Option<Str>,
    /// Indices into [`Site::sources`].
    pub sources: List<usize>,
    /// Related events, in date order (indices into [`Site::events`]); derived from the timeline.
    pub events: List<usize>,
    /// The body.
    pub body: List<Block>,
    /// The corrections that changed it, newest first (indices into [`Site::corrections`]); derived from
    /// the log.
    pub corrections: List<usize>,
    /// When it was last reviewed: the latest of the site's `checked` date, a request's `status_as_of` and
    /// its corrections; derived.
    pub reviewed: Date,
    /// True when this edition lacks a translation of the note (shown in English, with a notice).
    pub fallback: bool,
}

/// A strand of the timeline a reader can filter by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Track {
    /// The letter and its authors.
    Letter,
    /// The United States.
    Us,
    /// Mexico.
    Mexico,
    /// Canada.
    Canada,
    /// China.
    China,
    /// Carmakers and the technology.
    Industry,
}

slugs!(Track {
    Letter => "letter",
    Us => "us",
    Mexico => "mexico",
    Canada => "canada",
    China => "china",
    Industry => "industry",
});

/// A dated event on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Public id, the anchor on the timeline.
    pub id: Str,
    /// When, at the precision the sources give.
    pub date: Date,
    /// Headline.
    pub title: Str,
    /// One or two sentences.
    pub body: List<Inline>,
    /// The tracks it belongs to.
    pub tracks: List<Track>,
    /// Indices into [`Site::sources`].
    pub sources: List<usize>,
    /// Notes it bears on (indices into [`Site::notes`]).
    pub notes: List<usize>,
    /// True when this edition lacks a translation of the event (shown in English, with a notice).
    pub fallback: bool,
}

/// Where a source is cited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Citation {
    /// By the letter's header (where its text was published).
    Letter,
    /// By a note (index into [`Site::notes`]).
    Note(usize),
    /// By an event (index into [`Site::events`]).
    Event(usize),
}

/// A published source.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// Public id, the anchor on the sources page.
    pub id: Str,
    /// Title in its original language.
    pub title: Str,
    /// The original outlet.
    pub publisher: Str,
    /// The site the URL points to, when it is a repost or mirror.
    pub via: Option<Str>,
    /// Publication date, when known.
    pub date: Option<Date>,
    /// Address (http or https).
    pub url: Str,
    /// Language tag, when not English.
    pub lang: Option<Str>,
    /// Everywhere it is cited, derived by the compiler.
    pub cited_by: List<Citation>,
}

/// A page of prose, such as the about page.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// Title.
    pub title: Str,
    /// Body.
    pub body: List<Block>,
    /// True when this edition lacks a translation of the page (shown in English, with a notice).
    pub fallback: bool,
}

impl Site {
    /// The note with this id.
    pub fn note_index(&self, id: &str) -> Option<usize> {
        self.notes.iter().position(|n| n.id == id)
    }

    /// The event with this id.
    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id == id)
    }
}

impl Inline {
    /// The plain text of a run of inlines.
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        fn walk(inlines: &[Inline], out: &mut String) {
            for inline in inlines {
                match inline {
                    Inline::Text(t) | Inline::Code(t) => out.push_str(t),
                    Inline::Emph(c) | Inline::Strong(c) => walk(c, out),
                    Inline::Link { children, .. } => walk(children, out),
                    Inline::Break => out.push(' '),
                }
            }
        }
        walk(inlines, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_slug_parses_back_and_hints_name_them_all() {
        for kind in NoteKind::ALL {
            assert_eq!(NoteKind::from_slug(kind.slug()), Some(kind));
        }
        for verdict in Verdict::ALL {
            assert_eq!(Verdict::from_slug(verdict.slug()), Some(verdict));
        }
        for status in Status::ALL {
            assert_eq!(Status::from_slug(status.slug()), Some(status));
        }
        for track in Track::ALL {
            assert_eq!(Track::from_slug(track.slug()), Some(track));
        }
        assert_eq!(Verdict::from_slug("Supported"), None);
        assert_eq!(NoteKind::slug_choices(), "claim, request or context");
        assert_eq!(
            Status::slug_choices(),
            "met, partly-met, not-met or unclear"
        );
    }
}
