//! The content compiler: reads `content/`, checks it, and builds the typed [`model::Site`].
//!
//! It never stops at the first problem: [`compile`] returns the model or every error found, each with its
//! file, line and a hint, so an editor fixes them all in one pass. Stages, one module each: [`files`]
//! (reading), [`checks`] (characters, addresses, language tags), [`front_matter`] and [`raw`] (TOML),
//! [`markdown`] (bodies), this module (ids, links, derived data) and [`bake`] (the model as Rust statics
//! for the site).
#![deny(missing_docs)]

pub mod bake;
pub mod checks;
pub mod diagnostic;
pub mod files;
pub mod front_matter;
pub mod fuzz;
pub mod markdown;
mod raw;
pub mod stress;
mod translation;

pub use diagnostic::{Diagnostic, Diagnostics};
pub use files::{ContentTree, File, Translations};

use diagnostic::line_of;
use markdown::Origin;
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

/// A note between the two passes: front matter read, body not yet parsed.
struct PendingNote<'a> {
    id: String,
    file: &'a File,
    meta: raw::NoteMeta,
    body: &'a str,
    body_offset: usize,
    toml_offset: usize,
}

/// Compiles a content tree into the original (English) edition's model, or returns every problem found
/// (including problems in the translations).
pub fn compile(tree: &ContentTree) -> Result<Site, Diagnostics> {
    compile_editions(tree).map(|e| e.en)
}

/// Every edition of the site, and what the translations still lack.
#[derive(Clone, Debug)]
pub struct Editions {
    /// The original, in English.
    pub en: Site,
    /// The Spanish edition; whatever is not yet translated is the English text, flagged as a fallback.
    pub es: Site,
    /// Each missing translation, at the file and line of the English original.
    pub missing: Diagnostics,
}

impl Editions {
    /// The edition in this language.
    pub fn get(&self, lang: Lang) -> &Site {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }
}

/// Compiles a content tree into every edition, or returns every problem found.
pub fn compile_editions(tree: &ContentTree) -> Result<Editions, Diagnostics> {
    let mut diags = Diagnostics::default();
    let mut ids = Ids::default();
    for file in tree.files() {
        checks::scan_file(&file.path, &file.text, &mut diags);
    }

    // Pass 1: front matter and TOML, building the id tables.
    let sources = read_sources(tree, &mut ids, &mut diags);
    let letter_split = tree
        .letter
        .as_ref()
        .and_then(|f| match front_matter::split(&f.text) {
            Ok(s) => Some((f, s)),
            Err(e) => {
                diags.error(
                    &f.path,
                    1,
                    e,
                    "see CONTENT.md for the letter's front matter",
                );
                None
            }
        });
    if tree.letter.is_none() {
        diags.error(
            &tree.display_path("letter.md"),
            1,
            "the letter is missing",
            "create content/letter.md (see CONTENT.md)",
        );
    }
    let mark_order = letter_split
        .as_ref()
        .map(|(_, s)| note_links_in_order(s.body))
        .unwrap_or_default();
    let mut pending = read_notes(tree, &mark_order, &mut ids, &mut diags);
    let (raw_events, checked, timeline_read) = read_events(tree, &mut ids, &mut diags);

    // Pass 2: everything that refers to ids.
    let mut cited: Vec<BTreeSet<Citation>> = vec![BTreeSet::new(); sources.len()];
    let mut cited_anywhere: BTreeSet<usize> = BTreeSet::new();
    let mut linked_notes: BTreeSet<usize> = BTreeSet::new();

    let letter = letter_split.and_then(|(file, split)| {
        let t = Toml::new(&file.path, &file.text, split.toml_offset);
        let meta: raw::LetterMeta = t.parse(split.toml, &mut diags)?;
        let date = parse_date(&t, &meta.date, &mut diags);
        let published = parse_date(&t, &meta.published, &mut diags);
        let letter_sources = resolve_list(&t, &meta.sources, &ids.sources, "source", &mut diags);
        for &s in &letter_sources {
            cited[s].insert(Citation::Letter);
        }
        let context = resolve_list(&t, &meta.context, &ids.notes, "note", &mut diags);
        linked_notes.extend(context.iter().copied());
        let origin = Origin {
            file: &file.path,
            text: &file.text,
            offset: split.body_offset,
        };
        let body = markdown::parse_blocks(split.body, &origin, &mut diags, &mut |d| ids.target(d));
        walk_links(&body, &mut |t| match t {
            Target::Note(n) => {
                linked_notes.insert(*n);
            }
            Target::Source(s) => {
                cited[*s].insert(Citation::Letter);
            }
            _ => {}
        });
        Some(Letter {
            title: meta.title.into(),
            date,
            published,
            from: meta.from.into(),
            to: meta.to.into(),
            sources: letter_sources.into(),
            context: context.into(),
            body: body.into(),
            translation: None,
            fallback: false,
        })
    });

    let mut events = Vec::with_capacity(raw_events.len());
    let mut event_lines = Vec::with_capacity(raw_events.len());
    let mut note_events: Vec<Vec<usize>> = vec![Vec::new(); pending.len()];
    if let Some(file) = &tree.timeline {
        let t = Toml::new(&file.path, &file.text, 0);
        for (index, raw) in raw_events.iter().enumerate() {
            let line = t.at(&raw.id);
            event_lines.push(line);
            let mut event_sources =
                resolve_list(&t, &raw.sources, &ids.sources, "source", &mut diags);
            let notes = resolve_list(&t, &raw.notes, &ids.notes, "note", &mut diags);
            let mut tracks = Vec::new();
            for track in &raw.tracks {
                match Track::from_slug(track.get_ref()) {
                    Some(tr) if !tracks.contains(&tr) => tracks.push(tr),
                    Some(_) => {}
                    None => diags.error(
                        &file.path,
                        t.at(track),
                        format!("unknown track `{}`", track.get_ref()),
                        format!("use one of: {}", Track::ALL.map(Track::slug).join(", ")),
                    ),
                }
            }
            if tracks.is_empty() {
                diags.error(
                    &file.path,
                    line,
                    format!("event `{}` has no track", raw.id.get_ref()),
                    "add `tracks = [\"us\"]` (or another track)",
                );
            }
            let origin = Origin {
                file: &file.path,
                text: &file.text,
                offset: string_content_offset(&file.text, &raw.body),
            };
            let body = markdown::parse_inlines(raw.body.get_ref(), &origin, &mut diags, &mut |d| {
                ids.target(d)
            });
            walk_inline_links(&body, &mut |t| add_source(&mut event_sources, t));
            if event_sources.is_empty() {
                diags.error(
                    &file.path,
                    line,
                    format!("event `{}` has no source", raw.id.get_ref()),
                    "add `sources = [\"<source-id>\"]`: every event shows its source",
                );
            }
            for &s in &event_sources {
                cited[s].insert(Citation::Event(index));
            }
            for &n in &notes {
                linked_notes.insert(n);
                note_events[n].push(index);
            }
            events.push(Event {
                id: raw.id.get_ref().clone().into(),
                date: Date::parse(raw.date.get_ref()).unwrap_or(Date {
                    year: 0,
                    month: 0,
                    day: 0,
                }),
                title: raw.title.clone().into(),
                body: body.into(),
                tracks: tracks.into(),
                sources: event_sources.into(),
                notes: notes.into(),
                fallback: false,
            });
        }
    }

    let mut notes = Vec::with_capacity(pending.len());
    for (index, p) in pending.iter_mut().enumerate() {
        let t = Toml::new(&p.file.path, &p.file.text, p.toml_offset);
        let origin = Origin {
            file: &p.file.path,
            text: &p.file.text,
            offset: p.body_offset,
        };
        let body = markdown::parse_blocks(p.body, &origin, &mut diags, &mut |d| ids.target(d));
        let mut note_sources =
            resolve_list(&t, &p.meta.sources, &ids.sources, "source", &mut diags);
        walk_links(&body, &mut |t| match t {
            Target::Note(n) if *n != index => {
                linked_notes.insert(*n);
            }
            Target::Source(s) if !note_sources.contains(s) => note_sources.push(*s),
            _ => {}
        });
        for &s in &note_sources {
            cited[s].insert(Citation::Note(index));
        }
        let kind = note_kind(&t, &p.meta.kind, &mut diags);
        if kind != NoteKind::Context && note_sources.is_empty() {
            diags.error(
                &p.file.path,
                1,
                format!("the {} note `{}` has no source", kind.slug(), p.id),
                "add `sources = [\"<source-id>\"]`: every claim and request shows its evidence",
            );
        }
        let assessment = assessment(&t, kind, &p.meta, &mut diags);
        let mut related = note_events[index].clone();
        related.sort_by_key(|&e| (events.get(e).map(|ev: &Event| ev.date), e));
        notes.push(Note {
            id: p.id.clone().into(),
            title: std::mem::take(&mut p.meta.title).into(),
            kind,
            summary: std::mem::take(&mut p.meta.summary).into(),
            assessment,
            number: None,
            passage: None,
            sources: note_sources.into(),
            events: related.into(),
            body: body.into(),
            corrections: Vec::new().into(),
            reviewed: Date {
                year: 0,
                month: 0,
                day: 0,
            },
            fallback: false,
        });
    }

    // The corrections log, and what it says about each note: when it was updated and last reviewed.
    let published = letter.as_ref().map(|l| l.published);
    let (corrections, correction_lines) = read_corrections(tree, &ids, published, &mut diags);
    let mut note_corrections: Vec<Vec<usize>> = vec![Vec::new(); notes.len()];
    for (index, c) in corrections.iter().enumerate() {
        for &n in c.notes.iter() {
            note_corrections[n].push(index);
        }
    }
    for ((note, p), touched) in notes.iter_mut().zip(&pending).zip(note_corrections) {
        let mut dates: Vec<Date> = touched.iter().map(|&c| corrections[c].date).collect();
        dates.extend(checked);
        if let Assessment::Status { as_of, .. } = note.assessment {
            dates.push(as_of);
        }
        match dates.into_iter().filter(|d| d.year != 0).max() {
            Some(latest) => note.reviewed = latest,
            // An unreadable timeline is reported as such, not once more per note.
            None if !timeline_read => {}
            None => diags.error(
                &p.file.path,
                1,
                format!("the note `{}` has no review date", p.id),
                "set `checked = \"YYYY-MM-DD\"` in timeline.toml (when the facts were last checked), or log a correction that touches the note",
            ),
        }
        note.corrections = touched.into();
    }

    // Request numbers and passages come from the letter's marks, in order.
    if let Some(letter) = &letter {
        let mut next = 1u8;
        let mut seen = BTreeSet::new();
        walk_marks(&letter.body, &mut |n, children| {
            if seen.insert(n) {
                let note = &mut notes[n];
                note.passage = Some(Inline::plain_text(children).into());
                if note.kind == NoteKind::Request {
                    note.number = Some(next);
                    next += 1;
                }
            }
        });
    }

    for (index, p) in pending.iter().enumerate() {
        if !linked_notes.contains(&index) {
            diags.error(&p.file.path, 1, format!("nothing links to the note `{}`", p.id), "mark it in the letter, link it from another note or an event, or list it in the letter's `context`");
        }
    }
    // The Spanish edition: its errors are reported with the rest; what it cites counts as cited.
    let mut missing = Diagnostics::default();
    let original = translation::Original {
        letter: letter.as_ref().zip(tree.letter.as_ref()).map(|(l, f)| {
            let mut marks = Vec::new();
            walk_marks(&l.body, &mut |n, _| marks.push(n));
            (f.path.as_str(), marks)
        }),
        letter_blocks: letter.as_ref().map(|l| &l.body[..]),
        notes: pending
            .iter()
            .zip(&notes)
            .map(|(p, n)| (p.file.path.as_str(), p.id.clone(), n.kind))
            .collect(),
        events: events
            .iter()
            .zip(&event_lines)
            .map(|(e, &l)| (e.id.to_string(), l))
            .collect(),
        timeline: tree.display_path("timeline.toml"),
        about: tree.display_path("pages/about.md"),
        corrections: corrections
            .iter()
            .zip(&correction_lines)
            .map(|(c, l)| (c.id.to_string(), l.clone()))
            .collect(),
    };
    let spanish = translation::read(&tree.es, &original, &ids, &mut diags, &mut missing);
    for index in &spanish.cited {
        cited_anywhere.insert(*index);
    }
    for (index, (file, line, id)) in sources.iter().map(|(s, f, l)| (f, l, &s.id)).enumerate() {
        if cited[index].is_empty() && !cited_anywhere.contains(&index) {
            diags.error(
                file,
                *line,
                format!("the source `{id}` is cited nowhere"),
                "cite it from a note or an event, or remove it",
            );
        }
    }
    let about = read_page(
        tree.about.as_ref(),
        &tree.display_path("pages/about.md"),
        &ids,
        &mut diags,
    );

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
    let letter = letter.expect("no errors means the letter was read");
    let about = about.expect("no errors means the about page was read");

    let sources: Vec<Source> = sources
        .into_iter()
        .zip(cited)
        .map(|((mut s, _, _), cited)| {
            s.cited_by = cited.into_iter().collect::<Vec<_>>().into();
            s
        })
        .collect();
    let en = Site {
        lang: Lang::En,
        letter,
        notes: notes.into(),
        events: events.into(),
        sources: sources.into(),
        about,
        checked,
        corrections: corrections.into(),
    };
    let es = translation::apply(&en, Lang::Es, spanish);
    missing
        .0
        .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    Ok(Editions { en, es, missing })
}

/// Reads `corrections.toml` (optional): every entry's id, date, what it touches, what changed and why.
/// Returns the entries newest first (the same day keeps the file's order), with where each is defined.
fn read_corrections(
    tree: &ContentTree,
    ids: &Ids,
    published: Option<Date>,
    diags: &mut Diagnostics,
) -> (Vec<Correction>, Vec<(String, usize)>) {
    let Some(file) = &tree.corrections else {
        return (Vec::new(), Vec::new());
    };
    let t = Toml::new(&file.path, &file.text, 0);
    let Some(parsed) = t.parse::<raw::CorrectionsFile>(&file.text, diags) else {
        return (Vec::new(), Vec::new());
    };
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for raw in parsed.correction {
        let raw = raw.into_inner();
        let line = t.at(&raw.id);
        if !check_id(
            &file.path,
            line,
            raw.id.get_ref(),
            "correction",
            &mut seen,
            diags,
        ) {
            continue;
        }
        let date = parse_date(&t, &raw.date, diags);
        if date.year != 0 && date.day == 0 {
            diags.error(
                &file.path,
                t.at(&raw.date),
                format!(
                    "the correction `{}` is dated `{date}`, without its day",
                    raw.id.get_ref()
                ),
                "write the day the change was published: YYYY-MM-DD",
            );
        } else if let Some(published) = published.filter(|p| date.year != 0 && date < *p) {
            diags.error(
                &file.path,
                t.at(&raw.date),
                format!(
                    "the correction `{}` is dated {date}, before the letter was made public ({published})",
                    raw.id.get_ref()
                ),
                "a correction is dated the day the site's text was changed",
            );
        }
        let notes = resolve_list(&t, &raw.notes, &ids.notes, "note", diags);
        let events = resolve_list(&t, &raw.events, &ids.events, "event", diags);
        if raw.notes.is_empty() && raw.events.is_empty() && !raw.letter {
            diags.error(
                &file.path,
                line,
                format!("the correction `{}` touches nothing", raw.id.get_ref()),
                "list the notes and events it changed (`notes = [\"<id>\"]`, `events = [\"<id>\"]`), or set `letter = true`",
            );
        }
        let what = correction_text(&t, &raw.what, "what", ids, diags);
        let why = correction_text(&t, &raw.why, "why", ids, diags);
        out.push((
            Correction {
                id: raw.id.get_ref().clone().into(),
                date,
                title: raw.title.into(),
                notes: notes.into(),
                events: events.into(),
                letter: raw.letter,
                what: what.into(),
                why: why.into(),
                fallback: false,
            },
            (file.path.clone(), line),
        ));
    }
    // Newest first; a stable sort keeps the file's order within a day.
    out.sort_by_key(|c| std::cmp::Reverse(c.0.date));
    out.into_iter().unzip()
}

/// A correction's `what` or `why`: one paragraph of inline Markdown, not empty.
fn correction_text(
    t: &Toml<'_>,
    s: &S,
    field: &str,
    ids: &Ids,
    diags: &mut Diagnostics,
) -> Vec<Inline> {
    if s.get_ref().trim().is_empty() {
        diags.error(
            t.file,
            t.at(s),
            format!("a correction's `{field}` is empty"),
            "say in a sentence or two what changed and why",
        );
    }
    let origin = Origin {
        file: t.file,
        text: t.text,
        offset: string_content_offset(t.text, s),
    };
    markdown::parse_inlines(s.get_ref(), &origin, diags, &mut |d| ids.target(d))
}

/// Reads every source file; returns the sources (sorted by publisher, title) with where each was defined.
fn read_sources(
    tree: &ContentTree,
    ids: &mut Ids,
    diags: &mut Diagnostics,
) -> Vec<(Source, String, usize)> {
    let mut all = Vec::new();
    let mut urls: HashMap<String, (String, usize)> = HashMap::new();
    let mut seen: HashMap<String, (String, usize)> = HashMap::new();
    for file in &tree.sources {
        let t = Toml::new(&file.path, &file.text, 0);
        let Some(parsed) = t.parse::<raw::SourcesFile>(&file.text, diags) else {
            continue;
        };
        for raw in parsed.source {
            let raw = raw.into_inner();
            let line = t.at(&raw.id);
            let id = raw.id.get_ref().clone();
            if !check_id(&file.path, line, &id, "source", &mut seen, diags) {
                continue;
            }
            let url = raw.url.get_ref().clone();
            if let Some(problem) = checks::url_problem(&url) {
                diags.error(
                    &file.path,
                    t.at(&raw.url),
                    format!("`{}` {problem}", url.escape_debug()),
                    if url.starts_with("https://") || url.starts_with("http://") {
                        checks::URL_HINT
                    } else {
                        "sources link to web pages: write the full https:// address"
                    },
                );
            } else if let Some((f, l)) = urls.get(&url) {
                diags.error(
                    &file.path,
                    t.at(&raw.url),
                    format!("the address of `{id}` is already the source at {f}:{l}"),
                    "list every source once and cite that id",
                );
            } else {
                urls.insert(url.clone(), (file.path.clone(), line));
            }
            if let Some(lang) = &raw.lang {
                if let Some(problem) = checks::lang_problem(lang.get_ref()) {
                    diags.error(&file.path, t.at(lang), problem, checks::LANG_HINT);
                }
            }
            let date = raw.date.as_ref().map(|d| parse_date(&t, d, diags));
            all.push((
                Source {
                    id: id.into(),
                    title: raw.title.into(),
                    publisher: raw.publisher.into(),
                    via: raw.via.map(Into::into),
                    date,
                    url: url.into(),
                    lang: raw.lang.map(|l| l.into_inner().into()),
                    cited_by: Vec::new().into(),
                },
                file.path.clone(),
                line,
            ));
        }
    }
    all.sort_by(|a, b| {
        (a.0.publisher.to_lowercase(), a.0.title.to_lowercase())
            .cmp(&(b.0.publisher.to_lowercase(), b.0.title.to_lowercase()))
    });
    for (index, (s, _, _)) in all.iter().enumerate() {
        ids.sources.insert(s.id.to_string(), index);
    }
    all
}

/// Reads every note's front matter. Notes are ordered by their first mark in the letter, then by id.
fn read_notes<'a>(
    tree: &'a ContentTree,
    mark_order: &[String],
    ids: &mut Ids,
    diags: &mut Diagnostics,
) -> Vec<PendingNote<'a>> {
    let mut pending = Vec::new();
    for file in &tree.notes {
        let id = file
            .path
            .rsplit('/')
            .next()
            .and_then(|n| n.strip_suffix(".md"))
            .unwrap_or("")
            .to_owned();
        if !is_slug(&id) {
            diags.error(
                &file.path,
                1,
                format!("`{id}` is not a valid note id"),
                "rename the file: lowercase letters, digits and hyphens, e.g. `market-share.md`",
            );
            continue;
        }
        let split = match front_matter::split(&file.text) {
            Ok(s) => s,
            Err(e) => {
                diags.error(&file.path, 1, e, "see CONTENT.md for a note's front matter");
                continue;
            }
        };
        let t = Toml::new(&file.path, &file.text, split.toml_offset);
        let Some(meta) = t.parse::<raw::NoteMeta>(split.toml, diags) else {
            continue;
        };
        pending.push(PendingNote {
            id,
            file,
            meta,
            body: split.body,
            body_offset: split.body_offset,
            toml_offset: split.toml_offset,
        });
    }
    let rank = |id: &str| {
        mark_order
            .iter()
            .position(|m| m == id)
            .unwrap_or(usize::MAX)
    };
    pending.sort_by(|a, b| (rank(&a.id), &a.id).cmp(&(rank(&b.id), &b.id)));
    for (index, p) in pending.iter().enumerate() {
        ids.notes.insert(p.id.clone(), index);
    }
    pending
}

/// Reads the timeline's events, sorts them by date and registers their ids; also returns its `checked`
/// date and whether the file could be read at all.
fn read_events(
    tree: &ContentTree,
    ids: &mut Ids,
    diags: &mut Diagnostics,
) -> (Vec<raw::RawEvent>, Option<Date>, bool) {
    let Some(file) = &tree.timeline else {
        diags.error(
            &tree.display_path("timeline.toml"),
            1,
            "the timeline is missing",
            "create content/timeline.toml (see CONTENT.md)",
        );
        return (Vec::new(), None, false);
    };
    let t = Toml::new(&file.path, &file.text, 0);
    let Some(parsed) = t.parse::<raw::Timeline>(&file.text, diags) else {
        return (Vec::new(), None, false);
    };
    let checked = parsed.checked.as_ref().map(|d| parse_date(&t, d, diags));
    let mut seen = HashMap::new();
    let mut dated = Vec::new();
    for raw in parsed.event {
        let raw = raw.into_inner();
        let line = t.at(&raw.id);
        if !check_id(
            &file.path,
            line,
            raw.id.get_ref(),
            "event",
            &mut seen,
            diags,
        ) {
            continue;
        }
        let date = match Date::parse(raw.date.get_ref()) {
            Ok(d) => d,
            Err(e) => {
                diags.error(
                    &file.path,
                    t.at(&raw.date),
                    e,
                    "write the date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD",
                );
                Date {
                    year: 0,
                    month: 0,
                    day: 0,
                }
            }
        };
        dated.push((date, raw));
    }
    // Shown in date order (a month before the days within it); equal dates keep the file's order.
    dated.sort_by_key(|(date, _)| *date);
    let mut events = Vec::new();
    for (_, raw) in dated {
        ids.events.insert(raw.id.get_ref().clone(), events.len());
        events.push(raw);
    }
    (events, checked, true)
}

fn read_page(
    file: Option<&File>,
    expected: &str,
    ids: &Ids,
    diags: &mut Diagnostics,
) -> Option<Page> {
    let Some(file) = file else {
        diags.error(
            expected,
            1,
            "this page is missing",
            "create it with `+++ title = \"…\" +++` front matter and a Markdown body",
        );
        return None;
    };
    let split = match front_matter::split(&file.text) {
        Ok(s) => s,
        Err(e) => {
            diags.error(
                &file.path,
                1,
                e,
                "a page starts with `+++`, a `title = \"…\"` line and `+++`",
            );
            return None;
        }
    };
    let t = Toml::new(&file.path, &file.text, split.toml_offset);
    let meta: raw::PageMeta = t.parse(split.toml, diags)?;
    let origin = Origin {
        file: &file.path,
        text: &file.text,
        offset: split.body_offset,
    };
    let body = markdown::parse_blocks(split.body, &origin, diags, &mut |d| ids.target(d));
    Some(Page {
        title: meta.title.into(),
        body: body.into(),
        fallback: false,
    })
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

/// The `note:` link targets of a Markdown text, in order of first appearance.
fn note_links_in_order(md: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for event in pulldown_cmark::Parser::new(md) {
        if let pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) = event {
            if let Some(id) = dest_url.strip_prefix("note:") {
                if !out.iter().any(|o| o == id) {
                    out.push(id.to_owned());
                }
            }
        }
    }
    out
}

/// Adds the source a link cites, if it is one and not yet in the list (a text's inline citations join its
/// list of sources).
fn add_source(sources: &mut Vec<usize>, target: &Target) {
    if let Target::Source(s) = target {
        if !sources.contains(s) {
            sources.push(*s);
        }
    }
}

/// Calls `f` on every link target in blocks.
pub fn walk_links(blocks: &[Block], f: &mut dyn FnMut(&Target)) {
    for block in blocks {
        match block {
            Block::Paragraph(v) | Block::Heading(v) => walk_inline_links(v, f),
            Block::List { items, .. } => items.iter().for_each(|i| walk_links(i, f)),
            Block::Quote(v) => walk_links(v, f),
            Block::Gap => {}
        }
    }
}

/// Calls `f` on every link target in inlines.
pub fn walk_inline_links(inlines: &[Inline], f: &mut dyn FnMut(&Target)) {
    for inline in inlines {
        match inline {
            Inline::Link { target, children } => {
                f(target);
                walk_inline_links(children, f);
            }
            Inline::Emph(c) | Inline::Strong(c) => walk_inline_links(c, f),
            _ => {}
        }
    }
}

/// Calls `f` with each note mark (note index and marked text) in blocks, in reading order.
fn walk_marks(blocks: &[Block], f: &mut dyn FnMut(usize, &[Inline])) {
    fn inlines(v: &[Inline], f: &mut dyn FnMut(usize, &[Inline])) {
        for inline in v {
            match inline {
                Inline::Link {
                    target: Target::Note(n),
                    children,
                } => f(*n, children),
                Inline::Link { children: c, .. } | Inline::Emph(c) | Inline::Strong(c) => {
                    inlines(c, f)
                }
                _ => {}
            }
        }
    }
    for block in blocks {
        match block {
            Block::Paragraph(v) | Block::Heading(v) => inlines(v, f),
            Block::List { items, .. } => items.iter().for_each(|i| walk_marks(i, f)),
            Block::Quote(v) => walk_marks(v, f),
            Block::Gap => {}
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
