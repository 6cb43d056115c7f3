//! The content files' TOML as written by editors, before validation. Spans locate every error.

use serde::Deserialize;
use toml::Spanned;

/// A string with its byte range in the TOML text.
pub type S = Spanned<String>;

/// `letter.md` front matter.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterMeta {
    pub title: String,
    pub date: S,
    pub published: S,
    pub from: String,
    pub to: String,
    pub sources: Vec<S>,
    #[serde(default)]
    pub context: Vec<S>,
}

/// `notes/<id>.md` front matter.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteMeta {
    pub title: String,
    pub kind: S,
    pub summary: String,
    pub verdict: Option<S>,
    pub verdict_reason: Option<S>,
    pub status: Option<S>,
    pub status_as_of: Option<S>,
    #[serde(default)]
    pub sources: Vec<S>,
}

/// `timeline.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    /// When the facts were last checked against the sources.
    pub checked: Option<S>,
    #[serde(default)]
    pub event: Vec<Spanned<RawEvent>>,
}

/// One `[[event]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: S,
    pub date: S,
    pub title: String,
    pub body: S,
    pub tracks: Vec<S>,
    #[serde(default)]
    pub sources: Vec<S>,
    #[serde(default)]
    pub notes: Vec<S>,
}

/// `sources/*.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    #[serde(default)]
    pub source: Vec<Spanned<RawSource>>,
}

/// One `[[source]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: S,
    pub title: String,
    pub publisher: String,
    pub via: Option<String>,
    pub date: Option<S>,
    pub url: S,
    pub lang: Option<S>,
}

/// A page's front matter.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageMeta {
    pub title: String,
}

/// `site.toml` (and `site.<lang>.toml`): what the site is called and says it is.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteInfo {
    pub name: String,
    pub short_name: String,
    pub description: String,
}

/// `letter.<lang>.md` front matter: the header's words; dates and sources stay in `letter.md`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterTranslationMeta {
    pub title: String,
    pub from: String,
    pub to: String,
}

/// `notes/<id>.<lang>.md` front matter: the note's words, and optionally its own list of sources.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteTranslationMeta {
    pub title: String,
    pub summary: String,
    pub verdict_reason: Option<S>,
    pub sources: Option<Vec<S>>,
}

/// `timeline.<lang>.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineTranslation {
    #[serde(default)]
    pub event: Vec<Spanned<EventTranslation>>,
}

/// One translated `[[event]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventTranslation {
    pub id: S,
    pub title: String,
    pub body: S,
}

/// `corrections.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorrectionsFile {
    #[serde(default)]
    pub correction: Vec<Spanned<RawCorrection>>,
}

/// One `[[correction]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCorrection {
    pub id: S,
    pub date: S,
    pub title: String,
    #[serde(default)]
    pub notes: Vec<S>,
    #[serde(default)]
    pub events: Vec<S>,
    #[serde(default)]
    pub letter: bool,
    pub what: S,
    pub why: S,
}

/// `corrections.<lang>.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorrectionsTranslation {
    #[serde(default)]
    pub correction: Vec<Spanned<CorrectionTranslation>>,
}

/// One translated `[[correction]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorrectionTranslation {
    pub id: S,
    pub title: String,
    pub what: S,
    pub why: S,
}
