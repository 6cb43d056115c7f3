//! Every edition but the original: reads one language's translation files (for Spanish, `letter.es.md`,
//! `notes/<id>.es.md`, `timeline.es.toml`, `pages/about.es.md`, `corrections.es.toml`: the edition's tag
//! before the extension) and applies them to the original edition's model.
//!
//! A translation carries words only; ids, dates, kinds, verdicts and links to notes and events come from the
//! English files. A missing translation is not an error: it is listed (file and line of the English
//! original) and the edition shows the English text flagged as a fallback. A translation of something that
//! does not exist, a field that is not translated, or a translated letter whose marks differ is an error.

use crate::diagnostic::{Diagnostics, LineIndex};
use crate::files::Translations;
use crate::markdown::{self, Origin};
use crate::{derive, raw, walk, Ids, Toml};
use model::*;
use std::collections::{BTreeSet, HashMap};

/// What the original edition knows that a translation is checked against.
pub(crate) struct Original<'a> {
    /// The English letter's file and its marks in reading order (note indices), when it was read.
    pub letter: Option<(&'a str, Vec<usize>)>,
    /// The English letter's blocks, which the translation's must match one to one.
    pub letter_blocks: Option<&'a [Block]>,
    /// Each note's English file and kind, by note index.
    pub notes: Vec<(&'a str, String, NoteKind)>,
    /// Each event's id and line in the English timeline, by event index.
    pub events: Vec<(String, usize)>,
    /// The English timeline's path.
    pub timeline: String,
    /// The English about page's path.
    pub about: String,
    /// The English `site.toml`'s path.
    pub site: String,
    /// Each correction's id, file and line, in the log's order.
    pub corrections: Vec<(String, (String, usize))>,
}

/// A note's translated words.
pub(crate) struct NoteText {
    title: String,
    summary: String,
    reason: Option<String>,
    sources: Option<Vec<usize>>,
    body: Vec<Block>,
}

/// A correction's translated words: title, what changed, why.
type CorrectionText = (String, Vec<Inline>, Vec<Inline>);

/// Everything one language's files translate, by index into the original's lists.
#[derive(Default)]
pub(crate) struct Overrides {
    letter: Option<(raw::LetterTranslationMeta, Vec<Block>)>,
    notes: Vec<Option<NoteText>>,
    events: Vec<Option<(String, Vec<Inline>)>>,
    about: Option<Page>,
    site: Option<SiteInfo>,
    corrections: Vec<Option<CorrectionText>>,
    /// Sources the translated text cites (they count as cited).
    pub cited: BTreeSet<usize>,
}

/// Reads one language's translation files. Errors go to `diags`; each missing translation to `missing`.
pub(crate) fn read(
    files: &Translations,
    original: &Original<'_>,
    ids: &Ids,
    diags: &mut Diagnostics,
    missing: &mut Diagnostics,
) -> Overrides {
    let language = files.lang.name();
    let suffix = format!(".{}.md", files.lang.tag());
    let mut o = Overrides {
        notes: original.notes.iter().map(|_| None).collect(),
        events: original.events.iter().map(|_| None).collect(),
        corrections: original.corrections.iter().map(|_| None).collect(),
        ..Overrides::default()
    };

    // The letter.
    match (&files.letter, &original.letter) {
        (Some(file), Some((_, marks))) => {
            if let Some((meta, body, _, split_body)) =
                read_markdown::<raw::LetterTranslationMeta>(file, ids, diags)
            {
                let mut found = Vec::new();
                walk::marks(&body, &mut |n, _| found.push(n));
                if let Some(at) =
                    (0..marks.len().max(found.len())).find(|&i| marks.get(i) != found.get(i))
                {
                    let name = |m: Option<&usize>| {
                        m.map(|&n| format!("`{}`", original.notes[n].1))
                            .unwrap_or_else(|| "nothing".into())
                    };
                    let line = nth_note_link_line(file, split_body, at);
                    diags.error(
                        &file.path,
                        line,
                        format!(
                            "mark {} is {} here but {} in letter.md",
                            at + 1,
                            name(found.get(at)),
                            name(marks.get(at))
                        ),
                        "the translation must mark the same notes in the same order as the original",
                    );
                }
                if let Some(english) = original.letter_blocks {
                    let shape = |b: &Block| match b {
                        Block::Paragraph(_) => "a paragraph",
                        Block::Heading(_) => "a heading",
                        Block::List { .. } => "a list",
                        Block::Quote(_) => "a quotation",
                        Block::Gap => "a gap",
                    };
                    let mine: Vec<&str> = body.iter().map(shape).collect();
                    let theirs: Vec<&str> = english.iter().map(shape).collect();
                    if let Some(at) =
                        (0..mine.len().max(theirs.len())).find(|&i| mine.get(i) != theirs.get(i))
                    {
                        diags.error(
                            &file.path,
                            nth_block_line(file, split_body, at),
                            format!(
                                "block {} is {} here but {} in letter.md",
                                at + 1,
                                mine.get(at).unwrap_or(&"missing"),
                                theirs.get(at).unwrap_or(&"missing")
                            ),
                            "translate passage by passage: the same paragraphs, gaps, lists, headings and quotations, in the same order",
                        );
                    }
                }
                cite(&body, &mut o.cited);
                o.letter = Some((meta, body));
            }
        }
        (None, Some((path, _))) => missing.error(
            path,
            1,
            format!("no {language} translation of the letter"),
            format!("add content/{} (see CONTENT.md)", files.name("letter.md")),
        ),
        _ => {}
    }

    // Notes.
    let by_id: HashMap<&str, usize> = original
        .notes
        .iter()
        .enumerate()
        .map(|(i, (_, id, _))| (id.as_str(), i))
        .collect();
    // Notes with a translation file, read or not (a file with errors is reported as such, not as missing).
    let mut has_file = vec![false; original.notes.len()];
    for file in &files.notes {
        let name = file.path.rsplit('/').next().unwrap_or("");
        let id = name.strip_suffix(&suffix).unwrap_or(name);
        let Some(&index) = by_id.get(id) else {
            diags.error(
                &file.path,
                1,
                format!("`{name}` translates a note that does not exist"),
                format!("name it after a note in content/notes/ (`{id}.md` does not exist)"),
            );
            continue;
        };
        has_file[index] = true;
        let Some((meta, body, t, _)) = read_markdown::<raw::NoteTranslationMeta>(file, ids, diags)
        else {
            continue;
        };
        let kind = original.notes[index].2;
        let reason = match (&meta.verdict_reason, kind) {
            (Some(r), NoteKind::Claim) if !r.get_ref().trim().is_empty() => {
                Some(r.get_ref().clone())
            }
            (Some(r), k) if k != NoteKind::Claim => {
                diags.error(
                    &file.path,
                    t.at(r),
                    "`verdict_reason` belongs only on a claim's translation",
                    "remove the field",
                );
                None
            }
            (None, k) if k != NoteKind::Claim => None,
            _ => {
                diags.error(
                    &file.path,
                    2,
                    "a claim's translation needs a `verdict_reason`",
                    "translate the English note's `verdict_reason`",
                );
                None
            }
        };
        let sources = meta.sources.as_ref().map(|list| {
            let mut v = crate::resolve_list(&t, list, &ids.sources, "source", diags);
            walk::add_sources(&body, &mut v);
            if v.is_empty() && kind != NoteKind::Context {
                diags.error(
                    &file.path,
                    2,
                    "the translation's `sources` is empty",
                    "list at least one source, or leave `sources` out to keep the English list",
                );
            }
            o.cited.extend(v.iter().copied());
            v
        });
        cite(&body, &mut o.cited);
        o.notes[index] = Some(NoteText {
            title: meta.title,
            summary: meta.summary,
            reason,
            sources,
            body,
        });
    }
    for (index, (path, id, _)) in original.notes.iter().enumerate() {
        if !has_file[index] {
            missing.error(
                path,
                1,
                format!("no {language} translation of the note `{id}`"),
                format!("add content/notes/{id}{suffix} (see CONTENT.md)"),
            );
        }
    }

    // Events.
    if let Some(file) = &files.timeline {
        let t = Toml::new(&file.path, &file.text, 0);
        if let Some(parsed) = t.parse::<raw::TimelineTranslation>(&file.text, diags) {
            let by_id = index_by_id(original.events.iter().map(|(id, _)| id.as_str()));
            for entry in parsed.event {
                let entry = entry.into_inner();
                let Some(index) = translated_index(
                    &t,
                    &entry.id,
                    &by_id,
                    |i| o.events[i].is_some(),
                    ("an event", "event", "content/timeline.toml"),
                    diags,
                ) else {
                    continue;
                };
                let origin = Origin {
                    file: &file.path,
                    text: &file.text,
                    offset: crate::string_content_offset(&file.text, &entry.body),
                };
                let body =
                    markdown::parse_inlines(entry.body.get_ref(), &origin, diags, &mut |d| {
                        ids.target(d)
                    });
                walk::inline_links(&body, &mut |t, _| {
                    if let Target::Source(s) = t {
                        o.cited.insert(*s);
                    }
                });
                o.events[index] = Some((entry.title, body));
            }
        }
    }
    for (index, (id, line)) in original.events.iter().enumerate() {
        if o.events[index].is_none() {
            missing.error(
                &original.timeline,
                *line,
                format!("no {language} translation of the event `{id}`"),
                format!(
                    "add it to content/{} (see CONTENT.md)",
                    files.name("timeline.toml")
                ),
            );
        }
    }

    // The site's name and description.
    match &files.site {
        Some(file) => o.site = crate::read::site_info(Some(file), &file.path, diags),
        None => missing.error(
            &original.site,
            1,
            format!("no {language} translation of the site's name and description"),
            format!("add content/{} (see CONTENT.md)", files.name("site.toml")),
        ),
    }
    // The corrections log.
    if let Some(file) = &files.corrections {
        let t = Toml::new(&file.path, &file.text, 0);
        if let Some(parsed) = t.parse::<raw::CorrectionsTranslation>(&file.text, diags) {
            let by_id = index_by_id(original.corrections.iter().map(|(id, _)| id.as_str()));
            for entry in parsed.correction {
                let entry = entry.into_inner();
                let Some(index) = translated_index(
                    &t,
                    &entry.id,
                    &by_id,
                    |i| o.corrections[i].is_some(),
                    ("a correction", "correction", "content/corrections.toml"),
                    diags,
                ) else {
                    continue;
                };
                let text = |s: &raw::S, diags: &mut Diagnostics| {
                    let origin = Origin {
                        file: &file.path,
                        text: &file.text,
                        offset: crate::string_content_offset(&file.text, s),
                    };
                    markdown::parse_inlines(s.get_ref(), &origin, diags, &mut |d| ids.target(d))
                };
                let what = text(&entry.what, diags);
                let why = text(&entry.why, diags);
                o.corrections[index] = Some((entry.title, what, why));
            }
        }
    }
    for (index, (id, (path, line))) in original.corrections.iter().enumerate() {
        if o.corrections[index].is_none() {
            missing.error(
                path,
                *line,
                format!("no {language} translation of the correction `{id}`"),
                format!(
                    "add it to content/{} (see CONTENT.md)",
                    files.name("corrections.toml")
                ),
            );
        }
    }

    // The about page.
    match &files.about {
        Some(file) => {
            if let Some((meta, body, _, _)) = read_markdown::<raw::PageMeta>(file, ids, diags) {
                cite(&body, &mut o.cited);
                o.about = Some(Page {
                    title: meta.title.into(),
                    body: body.into(),
                    fallback: false,
                });
            }
        }
        None => missing.error(
            &original.about,
            1,
            format!("no {language} translation of the about page"),
            format!(
                "add content/{} (see CONTENT.md)",
                files.name("pages/about.md")
            ),
        ),
    }
    o
}

/// The edition in another language: the original with every translated text put in its place, and the
/// rest flagged as a fallback.
pub(crate) fn apply(original: &Site, lang: Lang, mut o: Overrides) -> Site {
    let mut site = original.clone();
    site.lang = lang;
    match o.letter.take() {
        Some((meta, body)) => {
            site.letter.title = meta.title.into();
            site.letter.from = meta.from.into();
            site.letter.to = meta.to.into();
            // A note's passage, in this edition, is its first marked phrase in the translation.
            walk::marks(&body, &mut |n, children| {
                let note = &mut site.notes.to_mut()[n];
                if note.passage.as_deref() == original.notes[n].passage.as_deref() {
                    note.passage = Some(Inline::plain_text(children).into());
                }
            });
            site.letter.translation = Some(body.into());
        }
        None => site.letter.fallback = true,
    }
    for (note, text) in site.notes.to_mut().iter_mut().zip(o.notes) {
        let Some(text) = text else {
            note.fallback = true;
            continue;
        };
        note.title = text.title.into();
        note.summary = text.summary.into();
        if let (Assessment::Verdict { reason, .. }, Some(r)) = (&mut note.assessment, text.reason) {
            *reason = r.into();
        }
        if let Some(sources) = text.sources {
            note.sources = sources.into();
        } else {
            // The English list plus anything the translation cites inline.
            let mut v = note.sources.to_vec();
            walk::add_sources(&text.body, &mut v);
            note.sources = v.into();
        }
        note.body = text.body.into();
    }
    for (event, text) in site.events.to_mut().iter_mut().zip(o.events) {
        let Some((title, body)) = text else {
            event.fallback = true;
            continue;
        };
        let mut sources = event.sources.to_vec();
        walk::add_inline_sources(&body, &mut sources);
        event.title = title.into();
        event.body = body.into();
        event.sources = sources.into();
    }
    match o.about {
        Some(about) => site.about = about,
        None => site.about.fallback = true,
    }
    match o.site {
        Some(info) => site.info = info,
        None => site.info.fallback = true,
    }
    for (correction, text) in site.corrections.to_mut().iter_mut().zip(o.corrections) {
        match text {
            Some((title, what, why)) => {
                correction.title = title.into();
                correction.what = what.into();
                correction.why = why.into();
            }
            None => correction.fallback = true,
        }
    }
    derive::cited_by(&mut site);
    site
}

/// Each id's index in the original's list.
fn index_by_id<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    ids.enumerate().map(|(i, id)| (id, i)).collect()
}

/// The index of the original entry a translation's entry translates, or `None` (after reporting the
/// problem) when it translates nothing that exists or something `done` already. `what` names the kind:
/// with its article, alone, and the file its ids come from.
fn translated_index(
    t: &Toml<'_>,
    id: &raw::S,
    by_id: &HashMap<&str, usize>,
    done: impl Fn(usize) -> bool,
    (a_kind, kind, ids_file): (&str, &str, &str),
    diags: &mut Diagnostics,
) -> Option<usize> {
    let name = id.get_ref();
    let Some(&index) = by_id.get(name.as_str()) else {
        diags.error(
            t.file,
            t.at(id),
            format!("`{name}` translates {a_kind} that does not exist"),
            format!("use an id from {ids_file}"),
        );
        return None;
    };
    if done(index) {
        diags.error(
            t.file,
            t.at(id),
            format!("the {kind} `{name}` is translated twice"),
            format!("keep one entry per {kind}"),
        );
        return None;
    }
    Some(index)
}

/// Adds the sources a text links to.
fn cite(blocks: &[Block], cited: &mut BTreeSet<usize>) {
    walk::links(blocks, &mut |t, _| {
        if let Target::Source(s) = t {
            cited.insert(*s);
        }
    })
}

/// Reads a translated Markdown file: its front matter as `M`, its body, the front matter's reader (for
/// errors at a field's line) and the body's text.
fn read_markdown<'f, M: serde::de::DeserializeOwned>(
    file: &'f crate::File,
    ids: &Ids,
    diags: &mut Diagnostics,
) -> Option<(M, Vec<Block>, Toml<'f>, &'f str)> {
    let split = match crate::front_matter::split(&file.text) {
        Ok(s) => s,
        Err(e) => {
            diags.error(&file.path, 1, e, "see CONTENT.md, “Translations”");
            return None;
        }
    };
    let t = Toml::new(&file.path, &file.text, split.toml_offset);
    let meta: M = t.parse(split.toml, diags)?;
    let origin = Origin {
        file: &file.path,
        text: &file.text,
        offset: split.body_offset,
    };
    let body = markdown::parse_blocks(split.body, &origin, diags, &mut |d| ids.target(d));
    Some((meta, body, t, split.body))
}

/// The line where the `n`th (0-based) top-level block of a file's Markdown body starts, or the body's
/// last line when it has fewer blocks.
fn nth_block_line(file: &crate::File, body: &str, n: usize) -> usize {
    use pulldown_cmark::{Event, Parser};
    let start = file.text.len() - body.len();
    let mut depth = 0usize;
    let mut blocks = 0;
    let mut at = body.len();
    for (event, range) in Parser::new(body).into_offset_iter() {
        let top = depth == 0;
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        if top && !matches!(event, Event::End(_)) {
            if blocks == n {
                at = range.start;
                break;
            }
            blocks += 1;
        }
    }
    LineIndex::new(&file.text).line(start + at)
}

/// The line of the `n`th (0-based) note link in a file's body, or the body's last line.
fn nth_note_link_line(file: &crate::File, body: &str, n: usize) -> usize {
    let start = file.text.len() - body.len();
    let at = body
        .match_indices("](note:")
        .nth(n)
        .map(|(i, _)| i)
        .unwrap_or(body.len());
    LineIndex::new(&file.text).line(start + at)
}
