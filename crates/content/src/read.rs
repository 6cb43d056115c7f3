//! Stage 1 of the compiler: every file's front matter and TOML as written, with the id tables every
//! reference is then checked against. Bodies are not parsed yet (a body may link to any id).

use crate::diagnostic::Diagnostics;
use crate::{
    checked_entries, checks, front_matter, is_slug, parse_date, raw, ContentTree, File, Ids, Toml,
};
use model::*;
use std::collections::HashMap;

/// What stage 1 read.
pub(crate) struct Read<'a> {
    /// Every id, by kind, with its index.
    pub ids: Ids,
    /// Every source (sorted by publisher, title), with the file and line that defines it.
    pub sources: Vec<(Source, String, usize)>,
    /// The letter's file and its front matter split from its body.
    pub letter: Option<(&'a File, front_matter::Split<'a>)>,
    /// Every note, ordered by its first mark in the letter, then by id.
    pub notes: Vec<PendingNote<'a>>,
    /// The timeline's events, in date order.
    pub events: Vec<raw::RawEvent>,
    /// When the facts were last checked (`checked` in `timeline.toml`).
    pub checked: Option<Date>,
    /// Whether `timeline.toml` could be read at all (if not, that is reported once, not per note).
    pub timeline_read: bool,
    /// What the site is called and says it is (`site.toml`).
    pub info: Option<SiteInfo>,
}

/// Stage 1: reads every file's front matter and TOML and builds the id tables.
pub(crate) fn read<'a>(tree: &'a ContentTree, diags: &mut Diagnostics) -> Read<'a> {
    let mut ids = Ids::default();
    let sources = read_sources(tree, &mut ids, diags);
    let letter = tree
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
    let mark_order = letter
        .as_ref()
        .map(|(_, s)| note_links_in_order(s.body))
        .unwrap_or_default();
    let notes = read_notes(tree, &mark_order, &mut ids, diags);
    let (events, checked, timeline_read) = read_events(tree, &mut ids, diags);
    let info = site_info(tree.site.as_ref(), &tree.display_path("site.toml"), diags);
    Read {
        info,
        ids,
        sources,
        letter,
        notes,
        events,
        checked,
        timeline_read,
    }
}

/// A note between the two passes: front matter read, body not yet parsed.
pub(crate) struct PendingNote<'a> {
    pub id: String,
    pub file: &'a File,
    pub meta: raw::NoteMeta,
    pub body: &'a str,
    pub body_offset: usize,
    pub toml_offset: usize,
}

/// Reads `site.toml` (or a translation of it): the site's name, short name and description.
pub(crate) fn site_info(
    file: Option<&File>,
    expected: &str,
    diags: &mut Diagnostics,
) -> Option<SiteInfo> {
    let Some(file) = file else {
        diags.error(
            expected,
            1,
            "the site's name and description are missing",
            "create it with `name`, `short_name` and `description` (see CONTENT.md)",
        );
        return None;
    };
    let t = Toml::new(&file.path, &file.text, 0);
    let raw: raw::SiteInfo = t.parse(&file.text, diags)?;
    Some(SiteInfo {
        name: raw.name.into(),
        short_name: raw.short_name.into(),
        description: raw.description.into(),
        fallback: false,
    })
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
        for (raw, line) in checked_entries(&t, parsed.source, |s| &s.id, "source", &mut seen, diags)
        {
            let id = raw.id.get_ref().clone();
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
    let mut dated = Vec::new();
    let mut seen = HashMap::new();
    for (raw, _) in checked_entries(&t, parsed.event, |e| &e.id, "event", &mut seen, diags) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> ContentTree {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
        ContentTree::read(&dir).unwrap()
    }

    #[test]
    fn reading_builds_the_id_tables_with_notes_in_mark_order_and_events_in_date_order() {
        let tree = good();
        let mut diags = Diagnostics::default();
        let read = read(&tree, &mut diags);
        assert!(diags.is_empty(), "{diags}");
        let ids: Vec<&str> = read.notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(
            &ids[..2],
            ["example-claim", "example-request"],
            "marked first"
        );
        assert_eq!(read.ids.notes["example-claim"], 0);
        assert_eq!(read.ids.sources.len(), read.sources.len());
        let dates: Vec<&str> = read
            .events
            .iter()
            .map(|e| e.date.get_ref().as_str())
            .collect();
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted);
        assert_eq!(read.ids.events[read.events[0].id.get_ref()], 0);
    }

    #[test]
    fn reading_reports_a_missing_letter_and_timeline_and_goes_on() {
        let mut tree = good();
        tree.letter = None;
        tree.timeline = None;
        let mut diags = Diagnostics::default();
        let read = read(&tree, &mut diags);
        let text = diags.to_string();
        assert!(text.contains("the letter is missing"), "{text}");
        assert!(text.contains("the timeline is missing"), "{text}");
        assert!(!read.notes.is_empty(), "the notes are still read");
    }
}
