//! Stage 2 of the compiler: every body parsed and every reference resolved to an index, with errors at
//! their file and line.

use crate::diagnostic::Diagnostics;
use crate::markdown::{self, Origin};
use crate::read::Read;
use crate::{
    assessment, checked_entries, front_matter, note_kind, parse_date, raw, resolve_list,
    string_content_offset, walk, ContentTree, File, Ids, Toml,
};
use model::*;
use raw::S;
use std::collections::{BTreeSet, HashMap};

/// What stage 2 resolved: the model's parts, before anything is derived.
pub(crate) struct Resolved {
    /// The letter, when it could be read.
    pub letter: Option<Letter>,
    /// Every event, in date order.
    pub events: Vec<Event>,
    /// Each event's line in the timeline, by index.
    pub event_lines: Vec<usize>,
    /// Every note, in the order stage 1 gave them.
    pub notes: Vec<Note>,
    /// The about page, when it could be read.
    pub about: Option<Page>,
    /// The notes something links to (the letter, its context, another note or an event).
    pub linked: BTreeSet<usize>,
}

/// Stage 2: parses every body and resolves every reference against the id tables.
pub(crate) fn resolve(
    tree: &ContentTree,
    read: &mut Read<'_>,
    diags: &mut Diagnostics,
) -> Resolved {
    let mut linked = BTreeSet::new();
    let letter = letter(read, &mut linked, diags);
    let (events, event_lines) = events(tree, read, &mut linked, diags);
    let notes = notes(read, &events, &mut linked, diags);
    let about = read_page(
        tree.about.as_ref(),
        &tree.display_path("pages/about.md"),
        &read.ids,
        diags,
    );
    Resolved {
        letter,
        events,
        event_lines,
        notes,
        about,
        linked,
    }
}

/// The letter: its front matter's references, its body; the notes it marks or lists are linked.
fn letter(
    read: &Read<'_>,
    linked: &mut BTreeSet<usize>,
    diags: &mut Diagnostics,
) -> Option<Letter> {
    let ids = &read.ids;
    read.letter.as_ref().and_then(|(file, split)| {
        let t = Toml::new(&file.path, &file.text, split.toml_offset);
        let meta: raw::LetterMeta = t.parse(split.toml, diags)?;
        let date = parse_date(&t, &meta.date, diags);
        let published = parse_date(&t, &meta.published, diags);
        let letter_sources = resolve_list(&t, &meta.sources, &ids.sources, "source", diags);
        let context = resolve_list(&t, &meta.context, &ids.notes, "note", diags);
        linked.extend(context.iter().copied());
        let origin = Origin {
            file: &file.path,
            text: &file.text,
            offset: split.body_offset,
        };
        // A note is marked once: its mark is its place in the letter (`#mark-<id>`, what search, the
        // print edition's numbered references and the note's way back lead to).
        let mut marked = BTreeSet::new();
        let body = markdown::parse_blocks(split.body, &origin, diags, &mut |d| {
            let target = ids.target(d)?;
            match target {
                Target::Note(n) if !marked.insert(n) => Err((
                    format!("the letter marks the note `{}` a second time", &d["note:".len()..]),
                    "mark each note once, on the phrase its note is about; say more in the note itself, or mark the other phrase with a note of its own".into(),
                )),
                _ => Ok(target),
            }
        });
        walk::links(&body, &mut |t, _| {
            if let Target::Note(n) = t {
                linked.insert(*n);
            }
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
    })
}

/// Every event, with its references resolved and its inline citations among its sources; the notes it
/// names are linked. Also each event's line, for the translation's errors.
fn events(
    tree: &ContentTree,
    read: &Read<'_>,
    linked: &mut BTreeSet<usize>,
    diags: &mut Diagnostics,
) -> (Vec<Event>, Vec<usize>) {
    let ids = &read.ids;
    let mut events = Vec::with_capacity(read.events.len());
    let mut event_lines = Vec::with_capacity(read.events.len());
    if let Some(file) = &tree.timeline {
        let t = Toml::new(&file.path, &file.text, 0);
        for raw in &read.events {
            let line = t.at(&raw.id);
            event_lines.push(line);
            let mut event_sources = resolve_list(&t, &raw.sources, &ids.sources, "source", diags);
            let notes = resolve_list(&t, &raw.notes, &ids.notes, "note", diags);
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
            let body =
                markdown::parse_inlines(raw.body.get_ref(), &origin, diags, &mut |d| ids.target(d));
            walk::add_inline_sources(&body, &mut event_sources);
            if event_sources.is_empty() {
                diags.error(
                    &file.path,
                    line,
                    format!("event `{}` has no source", raw.id.get_ref()),
                    "add `sources = [\"<source-id>\"]`: every event shows its source",
                );
            }
            linked.extend(notes.iter().copied());
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

    (events, event_lines)
}

/// Every note, with its references resolved, its inline citations among its sources and the events
/// that name it (in date order); the notes it links to are linked.
fn notes(
    read: &mut Read<'_>,
    events: &[Event],
    linked: &mut BTreeSet<usize>,
    diags: &mut Diagnostics,
) -> Vec<Note> {
    let ids = &read.ids;
    let mut notes = Vec::with_capacity(read.notes.len());
    for (index, p) in read.notes.iter_mut().enumerate() {
        let t = Toml::new(&p.file.path, &p.file.text, p.toml_offset);
        let origin = Origin {
            file: &p.file.path,
            text: &p.file.text,
            offset: p.body_offset,
        };
        let body = markdown::parse_blocks(p.body, &origin, diags, &mut |d| ids.target(d));
        let mut note_sources = resolve_list(&t, &p.meta.sources, &ids.sources, "source", diags);
        walk::links(&body, &mut |t, _| match t {
            Target::Note(n) if *n != index => {
                linked.insert(*n);
            }
            _ => {}
        });
        walk::add_sources(&body, &mut note_sources);
        let kind = note_kind(&t, &p.meta.kind, diags);
        if kind != NoteKind::Context && note_sources.is_empty() {
            diags.error(
                &p.file.path,
                1,
                format!("the {} note `{}` has no source", kind.slug(), p.id),
                "add `sources = [\"<source-id>\"]`: every claim and request shows its evidence",
            );
        }
        let assessment = assessment(&t, kind, &p.meta, diags);
        // Events are in date order already.
        let related: Vec<usize> = (0..events.len())
            .filter(|&e| events[e].notes.contains(&index))
            .collect();
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
    notes
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

/// The corrections log (`corrections.toml`, optional): every entry's id, date, what it touches, what changed and why.
/// Returns the entries newest first (the same day keeps the file's order), with where each is defined.
pub(crate) fn corrections(
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
    let mut out = Vec::new();
    let mut seen = HashMap::new();
    let entries = checked_entries(
        &t,
        parsed.correction,
        |c| &c.id,
        "correction",
        &mut seen,
        diags,
    );
    for (raw, line) in entries {
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
