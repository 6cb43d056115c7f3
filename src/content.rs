//! The content: one accessor per part, for the edition being rendered (see [`crate::edition`]). The
//! build's own content is compiled when it is first needed, at run time, from `content/` (or the folder
//! named by `SITE_CONTENT`), one `Site` per edition ([`built`]); a test may render any other site
//! ([`leak`]). Nothing of it is compiled into Rust: changing the content rebuilds no code.

use crate::edition;
use model::{Correction, Date, Event, Letter, Note, Page, Site, SiteInfo, Source};
use std::path::PathBuf;
use std::sync::OnceLock;

/// The content folder of this build: `SITE_CONTENT` when it is set, else the project's `content/`.
pub fn folder() -> PathBuf {
    std::env::var_os("SITE_CONTENT")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content"))
}

/// The build's editions, compiled once from [`folder`], with what their translations lack; or the
/// compiler's report (every problem with its file, line and hint), which stops the build.
pub fn load() -> Result<&'static Built, String> {
    static BUILT: OnceLock<Result<Built, String>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let dir = folder();
            let tree = ::content::ContentTree::read(&dir).map_err(|e| {
                format!(
                    "error: cannot read the content folder {}: {e}",
                    dir.display()
                )
            })?;
            let mut editions =
                ::content::compile_editions(&tree).map_err(|errors| errors.to_string())?;
            let missing = std::mem::take(&mut editions.missing);
            Ok(Built {
                sites: leak(editions),
                missing,
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The editions of the build's own content (see [`load`]).
pub struct Built {
    /// Every edition, in [`model::Lang::ALL`] order.
    pub sites: &'static [&'static Site],
    /// Each missing translation, at the file and line of the original.
    pub missing: ::content::Diagnostics,
}

/// Every edition of the build's own content, in [`model::Lang::ALL`] order (what the prerenderer
/// renders). Panics with the compiler's report if the content has errors: the prerenderer checks
/// [`load`] first and stops the build with that report.
pub fn built() -> &'static [&'static Site] {
    load().unwrap_or_else(|report| panic!("{report}")).sites
}

/// Compiled editions as `'static` sites for [`edition::render`], in [`model::Lang::ALL`] order. Leaks
/// them: a build tool or a test compiles a site once and renders it until it exits.
pub fn leak(editions: ::content::Editions) -> &'static [&'static Site] {
    let sites: Vec<&'static Site> = editions
        .sites
        .into_iter()
        .map(|site| &*Box::leak(Box::new(site)))
        .collect();
    Box::leak(sites.into_boxed_slice())
}

/// The letter.
pub fn letter() -> &'static Letter {
    &edition::current().site.letter
}

/// The date on the letter.
pub fn letter_date() -> Date {
    letter().date
}

/// Every note, letter marks first.
pub fn notes() -> &'static [Note] {
    &edition::current().site.notes
}

/// Every event, in date order.
pub fn events() -> &'static [Event] {
    &edition::current().site.events
}

/// Every source, with where this edition cites it.
pub fn sources() -> &'static [Source] {
    &edition::current().site.sources
}

/// The about page.
pub fn about() -> &'static Page {
    &edition::current().site.about
}

/// The site's name, short name and description (`site.toml`).
pub fn info() -> &'static SiteInfo {
    &edition::current().site.info
}

/// The corrections log, newest first.
pub fn corrections() -> &'static [Correction] {
    &edition::current().site.corrections
}

/// When the facts were last checked against the sources.
pub fn checked() -> Option<Date> {
    edition::current().site.checked
}

/// The note with this id.
pub fn note(id: &str) -> Option<&'static Note> {
    notes().iter().find(|n| n.id == id)
}

/// The index of the note with this id (the same in every edition).
pub fn note_index(id: &str) -> Option<usize> {
    notes().iter().position(|n| n.id == id)
}

/// The edition being rendered, whole (for code that reads a whole edition: the search index).
pub fn site() -> &'static Site {
    edition::current().site
}
