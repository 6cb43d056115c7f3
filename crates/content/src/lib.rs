//! The content compiler: reads `content/`, checks it, and builds the typed [`model::Site`].
//!
//! It never stops at the first problem: [`compile`] returns the model or every error found, each with its
//! file, line and a hint, so an editor fixes them all in one pass (Architecture Invariant: broken content
//! fails the build; it never reaches a reader). Stages, one module each: [`files`]
//! (reading), [`checks`] (characters, addresses, language tags), [`front_matter`] and [`raw`] (TOML),
//! [`markdown`] (bodies), the three stages of [`compile_editions`] (read, resolve, derive) and [`walk`]
//! (links in compiled text). The site's prerenderer calls it when it runs; nothing is compiled into code.
#![deny(missing_docs)]

pub mod checks;
pub mod diagnostic;
pub mod files;
pub mod front_matter;
pub mod fuzz;
pub mod markdown;
mod raw;
pub mod stress;
mod translation;
pub mod walk;

mod derive;
mod read;
mod resolve;

pub use diagnostic::{Diagnostic, Diagnostics};
pub use files::{ContentTree, File, Translations};

use diagnostic::line_of;
use model::*;
use raw::S;
use std::collections::{BTreeSet, HashMap};

/// The id tables every reference is checked against.
#[derive(Default)]
struct Ids {
    notes: HashMap<String, usize>,
    events: HashMap<String, usize>,
    sources: HashMap<String, usize>,
}

impl Ids {
    /// Resolves a Markdown link destination.
    fn target(&self, dest: &str) -> Result<Target, (String, String)> {
        let lookup = |table: &HashMap<String, usize>, id: &str, kind: &str, folder: &str| {
            table.get(id).copied().ok_or_else(|| {
                (
                    format!("link to unknown {kind} `{id}`"),
                    format!("check the id, or add it to {folder}"),
                )
            })
        };
        if let Some(id) = dest.strip_prefix("note:") {
            lookup(&self.notes, id, "note", "content/notes/<id>.md").map(Target::Note)
        } else if let Some(id) = dest.strip_prefix("event:") {
            lookup(&self.events, id, "event", "content/timeline.toml").map(Target::Event)
        } else if let Some(id) = dest.strip_prefix("source:") {
            lookup(&self.sources, id, "source", "content/sources/*.toml").map(Target::Source)
        } else if dest.starts_with("https://") || dest.starts_with("http://") {
            match checks::url_problem(dest) {
                None => Ok(Target::External(dest.to_owned().into())),
                Some(problem) => Err((
                    format!("the link address `{}` {problem}", dest.escape_debug()),
                    checks::URL_HINT.into(),
                )),
            }
        } else {
            Err((
                format!("link to `{dest}`: only note:, event:, source:, http: and https: links are allowed"),
                "write `note:<id>`, `event:<id>`, `source:<id>` or a full https:// address".into(),
            ))
        }
    }
}

/// Where a TOML string's content starts in its file: after its opening quotes, and after the newline
/// right after a multi-line string's opening quotes (which TOML drops).
fn string_content_offset(text: &str, s: &S) -> usize {
    let written = &text[s.span()];
    let quote = if written.starts_with("\"\"\"") || written.starts_with("'''") {
        match &written[3..] {
            after if after.starts_with("\r\n") => 5,
            after if after.starts_with('\n') => 4,
            _ => 3,
        }
    } else {
        1
    };
    s.span().start + quote
}

/// A TOML file or front matter being read: reports errors at the right line.
struct Toml<'a> {
    file: &'a str,
    text: &'a str,
    /// Byte offset of the TOML within the file.
    offset: usize,
    lines: diagnostic::LineIndex,
}

impl<'a> Toml<'a> {
    fn new(file: &'a str, text: &'a str, offset: usize) -> Self {
        Toml {
            file,
            text,
            offset,
            lines: diagnostic::LineIndex::new(text),
        }
    }

    fn line(&self, span: std::ops::Range<usize>) -> usize {
        self.lines.line(self.offset + span.start)
    }

    fn at(&self, s: &S) -> usize {
        self.line(s.span())
    }

    fn parse<T: serde::de::DeserializeOwned>(
        &self,
        toml: &str,
        diags: &mut Diagnostics,
    ) -> Option<T> {
        match toml::from_str::<T>(toml) {
            Ok(v) => Some(v),
            Err(e) => {
                let line = e
                    .span()
                    .map(|s| self.line(s))
                    .unwrap_or(line_of(self.text, self.offset));
                let message = e.message().trim().replace('\n', " ");
                diags.error(self.file, line, message, toml_hint(e.message()));
                None
            }
        }
    }
}

fn toml_hint(message: &str) -> &'static str {
    if message.contains("missing field") {
        "add the field; CONTENT.md lists the fields each file needs"
    } else if message.contains("unknown field") {
        "remove it or fix its spelling; CONTENT.md lists the allowed fields"
    } else {
        "fix the TOML syntax: strings in double quotes, lists in [ ], one `key = value` per line"
    }
}

/// Compiles a content tree into the original (English) edition's model, or returns every problem found
/// (including problems in the translations).
pub fn compile(tree: &ContentTree) -> Result<Site, Diagnostics> {
    compile_editions(tree).map(|mut e| e.sites.swap_remove(0))
}

/// Every edition of the site, and what the translations still lack.
#[derive(Clone, Debug)]
pub struct Editions {
    /// One site per edition, in [`Lang::ALL`] order: the original first, then each translation, where
    /// whatever is not yet translated is the original's text, flagged as a fallback.
    pub sites: Vec<Site>,
    /// Each missing translation, at the file and line of the original.
    pub missing: Diagnostics,
}

impl Editions {
    /// The edition in this language.
    pub fn get(&self, lang: Lang) -> &Site {
        self.sites
            .iter()
            .find(|s| s.lang == lang)
            .expect("every language of `Lang::ALL` has an edition")
    }

    /// The original edition.
    pub fn original(&self) -> &Site {
        &self.sites[0]
    }
}

/// Compiles a content tree into every edition, or returns every problem found. Three stages, each in
/// its module: [`read`] (front matter and TOML as written, and the id tables), [`resolve`] (bodies parsed,
/// every reference resolved) and [`derive`] (what no file states: request numbers and passages, where
/// each source is cited, and the checks on them); then [`translation`] builds the other editions.
pub fn compile_editions(tree: &ContentTree) -> Result<Editions, Diagnostics> {
    let mut diags = Diagnostics::default();
    for file in tree.files() {
        checks::scan_file(&file.path, &file.text, &mut diags);
    }
    let mut read = read::read(tree, &mut diags);
    let mut resolved = resolve::resolve(tree, &mut read, &mut diags);
    derive::marks(&mut resolved);
    derive::check_linked(&read.notes, &resolved.linked, &mut diags);

    // The corrections log, and what it says about each note: when it was updated and last reviewed.
    let published = resolved.letter.as_ref().map(|l| l.published);
    let (corrections, correction_lines) =
        resolve::corrections(tree, &read.ids, published, &mut diags);
    derive::reviewed(&mut resolved.notes, &read, &corrections, &mut diags);

    let mut missing = Diagnostics::default();
    let original = translation::Original {
        letter: resolved
            .letter
            .as_ref()
            .zip(tree.letter.as_ref())
            .map(|(l, f)| {
                let mut marks = Vec::new();
                walk::marks(&l.body, &mut |n, _| marks.push(n));
                (f.path.as_str(), marks)
            }),
        letter_blocks: resolved.letter.as_ref().map(|l| &l.body[..]),
        notes: read
            .notes
            .iter()
            .zip(&resolved.notes)
            .map(|(p, n)| (p.file.path.as_str(), p.id.clone(), n.kind))
            .collect(),
        events: resolved
            .events
            .iter()
            .zip(&resolved.event_lines)
            .map(|(e, &l)| (e.id.to_string(), l))
            .collect(),
        timeline: tree.display_path("timeline.toml"),
        about: tree.display_path("pages/about.md"),
        site: tree.display_path("site.toml"),
        corrections: corrections
            .iter()
            .zip(&correction_lines)
            .map(|(c, l)| (c.id.to_string(), l.clone()))
            .collect(),
    };
    // Every other edition: its errors are reported with the rest; what it cites counts as cited.
    let mut cited_elsewhere = BTreeSet::new();
    let translations: Vec<(Lang, translation::Overrides)> = Lang::translations()
        .map(|lang| {
            let empty = Translations::empty(lang);
            let files = tree.translation(lang).unwrap_or(&empty);
            let o = translation::read(files, &original, &read.ids, &mut diags, &mut missing);
            cited_elsewhere.extend(o.cited.iter().copied());
            (lang, o)
        })
        .collect();
    let cited = derive::citations(
        resolved.letter.as_ref(),
        &resolved.notes,
        &resolved.events,
        read.sources.len(),
    );
    derive::check_cited(&read.sources, &cited, &cited_elsewhere, &mut diags);

    if !diags.is_empty() {
        diags
            .0
            .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        // One report per problem: `<b>x</b>` is two HTML tags but one mistake on that line.
        let mut seen = BTreeSet::new();
        diags
            .0
            .retain(|d| seen.insert((d.file.clone(), d.line, d.message.clone())));
        return Err(diags);
    }
    let mut first = Site {
        lang: Lang::ORIGINAL,
        letter: resolved
            .letter
            .expect("no errors means the letter was read"),
        notes: resolved.notes.into(),
        events: resolved.events.into(),
        sources: read
            .sources
            .into_iter()
            .map(|(s, _, _)| s)
            .collect::<Vec<_>>()
            .into(),
        about: resolved
            .about
            .expect("no errors means the about page was read"),
        checked: read.checked,
        info: read.info.expect("no errors means the site's info was read"),
        corrections: corrections.into(),
    };
    derive::cited_by(&mut first);
    let others: Vec<Site> = translations
        .into_iter()
        .map(|(lang, o)| translation::apply(&first, lang, o))
        .collect();
    missing
        .0
        .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    let sites = std::iter::once(first).chain(others).collect();
    Ok(Editions { sites, missing })
}

/// The entries of a TOML list (`[[event]]`, `[[source]]`, `[[correction]]`) whose id (`id`) is well
/// formed and not taken yet (`seen`: the ids of that kind so far, in any file), each with its id's line;
/// the others are reported and left out.
fn checked_entries<T>(
    t: &Toml<'_>,
    entries: Vec<toml::Spanned<T>>,
    id: fn(&T) -> &S,
    kind: &str,
    seen: &mut HashMap<String, (String, usize)>,
    diags: &mut Diagnostics,
) -> Vec<(T, usize)> {
    entries
        .into_iter()
        .map(toml::Spanned::into_inner)
        .filter_map(|raw| {
            let line = t.at(id(&raw));
            check_id(t.file, line, id(&raw).get_ref(), kind, seen, diags).then_some((raw, line))
        })
        .collect()
}

/// Checks an id's form and uniqueness; returns false (after reporting) when it cannot be used.
fn check_id(
    file: &str,
    line: usize,
    id: &str,
    kind: &str,
    seen: &mut HashMap<String, (String, usize)>,
    diags: &mut Diagnostics,
) -> bool {
    if !is_slug(id) {
        diags.error(
            file,
            line,
            format!("`{id}` is not a valid {kind} id"),
            "ids are lowercase letters, digits and single hyphens, e.g. `fr-final-rule`",
        );
        return false;
    }
    if let Some((f, l)) = seen.get(id) {
        diags.error(
            file,
            line,
            format!("duplicate {kind} id `{id}` (first defined at {f}:{l})"),
            "ids must be unique: rename one of them",
        );
        return false;
    }
    seen.insert(id.to_owned(), (file.to_owned(), line));
    true
}

fn resolve_list(
    t: &Toml<'_>,
    list: &[S],
    table: &HashMap<String, usize>,
    kind: &str,
    diags: &mut Diagnostics,
) -> Vec<usize> {
    let mut out = Vec::new();
    for item in list {
        match table.get(item.get_ref()) {
            Some(&index) if !out.contains(&index) => out.push(index),
            Some(_) => {}
            None => diags.error(
                t.file,
                t.at(item),
                format!("unknown {kind} `{}`", item.get_ref()),
                format!(
                    "check the id; known {kind}s are defined in {}",
                    defined_in(kind)
                ),
            ),
        }
    }
    out
}

fn defined_in(kind: &str) -> &'static str {
    match kind {
        "note" => "content/notes/<id>.md",
        "event" => "content/timeline.toml",
        _ => "content/sources/*.toml",
    }
}

fn parse_date(t: &Toml<'_>, s: &S, diags: &mut Diagnostics) -> Date {
    Date::parse(s.get_ref()).unwrap_or_else(|e| {
        diags.error(
            t.file,
            t.at(s),
            e,
            "write YYYY, YYYY-MM or YYYY-MM-DD, at the precision the source gives",
        );
        Date {
            year: 0,
            month: 0,
            day: 0,
        }
    })
}

fn note_kind(t: &Toml<'_>, s: &S, diags: &mut Diagnostics) -> NoteKind {
    NoteKind::from_slug(s.get_ref()).unwrap_or_else(|| {
        diags.error(
            t.file,
            t.at(s),
            format!("unknown note kind `{}`", s.get_ref()),
            format!("use {}", NoteKind::slug_choices()),
        );
        NoteKind::Context
    })
}

fn assessment(
    t: &Toml<'_>,
    kind: NoteKind,
    meta: &raw::NoteMeta,
    diags: &mut Diagnostics,
) -> Assessment {
    let misplaced = |field: &Option<S>, name: &str, diags: &mut Diagnostics| {
        if let Some(f) = field {
            diags.error(
                t.file,
                t.at(f),
                format!("`{name}` does not belong on a {} note", kind.slug()),
                "verdicts are for claims, statuses for requests: remove the field or change `kind`",
            );
        }
    };
    match kind {
        NoteKind::Claim => {
            misplaced(&meta.status, "status", diags);
            misplaced(&meta.status_as_of, "status_as_of", diags);
            let verdict = match meta
                .verdict
                .as_ref()
                .map(|v| (v, Verdict::from_slug(v.get_ref())))
            {
                Some((_, Some(verdict))) => verdict,
                Some((v, None)) => {
                    diags.error(
                        t.file,
                        t.at(v),
                        format!("unknown verdict `{}`", v.get_ref()),
                        format!("use {}", Verdict::slug_choices()),
                    );
                    Verdict::Unverifiable
                }
                None => {
                    diags.error(
                        t.file,
                        2,
                        "a claim note needs a `verdict`",
                        "add `verdict = \"…\"` and a one-sentence `verdict_reason`",
                    );
                    Verdict::Unverifiable
                }
            };
            let reason = match &meta.verdict_reason {
                Some(r) if !r.get_ref().trim().is_empty() => r.get_ref().clone(),
                _ => {
                    diags.error(
                        t.file,
                        2,
                        "a claim note needs a `verdict_reason`",
                        "add `verdict_reason = \"…\"`: one sentence saying why",
                    );
                    String::new()
                }
            };
            Assessment::Verdict {
                verdict,
                reason: reason.into(),
            }
        }
        NoteKind::Request => {
            misplaced(&meta.verdict, "verdict", diags);
            misplaced(&meta.verdict_reason, "verdict_reason", diags);
            let status = match meta
                .status
                .as_ref()
                .map(|v| (v, Status::from_slug(v.get_ref())))
            {
                Some((_, Some(status))) => status,
                Some((v, None)) => {
                    diags.error(
                        t.file,
                        t.at(v),
                        format!("unknown status `{}`", v.get_ref()),
                        format!("use {}", Status::slug_choices()),
                    );
                    Status::Unclear
                }
                None => {
                    diags.error(
                        t.file,
                        2,
                        "a request note needs a `status`",
                        "add `status = \"…\"` and `status_as_of = \"YYYY-MM-DD\"`",
                    );
                    Status::Unclear
                }
            };
            let as_of = match &meta.status_as_of {
                Some(d) => parse_date(t, d, diags),
                None => {
                    diags.error(
                        t.file,
                        2,
                        "a request note needs a `status_as_of` date",
                        "add `status_as_of = \"YYYY-MM-DD\"`: when the status was last checked",
                    );
                    Date {
                        year: 0,
                        month: 0,
                        day: 0,
                    }
                }
            };
            Assessment::Status { status, as_of }
        }
        NoteKind::Context => {
            for (field, name) in [
                (&meta.verdict, "verdict"),
                (&meta.verdict_reason, "verdict_reason"),
                (&meta.status, "status"),
                (&meta.status_as_of, "status_as_of"),
            ] {
                misplaced(field, name, diags);
            }
            Assessment::None
        }
    }
}

/// The site's base path with one leading and one trailing slash: `""` and `/` give `/`, `letter` gives
/// `/letter/`.
pub fn normalize_base(base: &str) -> String {
    let inner = base.trim().trim_matches('/');
    if inner.is_empty() {
        "/".into()
    } else {
        format!("/{inner}/")
    }
}
