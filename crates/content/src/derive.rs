//! Stage 3 of the compiler: what no file states but the model holds (each request's number and each
//! note's passage, from the letter's marks; where each source is cited), and the checks that need the
//! whole site (every note is linked from somewhere, every source is cited somewhere).

use crate::diagnostic::Diagnostics;
use crate::read::{PendingNote, Read};
use crate::resolve::Resolved;
use crate::walk;
use model::*;
use std::collections::BTreeSet;

/// Request numbers and passages come from the letter's marks, in order (the resolver lets a note be
/// marked once): a note's passage is its marked phrase, and requests are numbered from 1.
pub(crate) fn marks(resolved: &mut Resolved) {
    let Some(letter) = &resolved.letter else {
        return;
    };
    let mut next = 1u8;
    walk::marks(&letter.body, &mut |n, children| {
        let note = &mut resolved.notes[n];
        note.passage = Some(Inline::plain_text(children).into());
        if note.kind == NoteKind::Request {
            note.number = Some(next);
            next += 1;
        }
    });
}

/// Each note's corrections (indices into the log) and the day it was last reviewed: the latest of the
/// site's `checked` date, a request's `status_as_of` and the note's corrections. A note with none is an
/// error.
pub(crate) fn reviewed(
    notes: &mut [Note],
    read: &Read<'_>,
    corrections: &[Correction],
    diags: &mut Diagnostics,
) {
    let mut note_corrections: Vec<Vec<usize>> = vec![Vec::new(); notes.len()];
    for (index, c) in corrections.iter().enumerate() {
        for &n in c.notes.iter() {
            note_corrections[n].push(index);
        }
    }
    for ((note, p), touched) in notes.iter_mut().zip(&read.notes).zip(note_corrections) {
        let mut dates: Vec<Date> = touched.iter().map(|&c| corrections[c].date).collect();
        dates.extend(read.checked);
        if let Assessment::Status { as_of, .. } = note.assessment {
            dates.push(as_of);
        }
        match dates.into_iter().filter(|d| d.year != 0).max() {
            Some(latest) => note.reviewed = latest,
            // An unreadable timeline is reported as such, not once more per note.
            None if !read.timeline_read => {}
            None => diags.error(
                &p.file.path,
                1,
                format!("the note `{}` has no review date", p.id),
                "set `checked = \"YYYY-MM-DD\"` in timeline.toml (when the facts were last checked), or log a correction that touches the note",
            ),
        }
        note.corrections = touched.into();
    }
}

/// Every note must be reachable: marked in the letter, listed in its context, or linked from a note or
/// an event.
pub(crate) fn check_linked(
    notes: &[PendingNote<'_>],
    linked: &BTreeSet<usize>,
    diags: &mut Diagnostics,
) {
    for (index, p) in notes.iter().enumerate() {
        if !linked.contains(&index) {
            diags.error(&p.file.path, 1, format!("nothing links to the note `{}`", p.id), "mark it in the letter, link it from another note or an event, or list it in the letter's `context`");
        }
    }
}

/// Where each source is cited in an edition's parts (its index in `cited[source]`): the letter's sources
/// and links (and its translation's), each note's and each event's sources (which hold their inline
/// citations). The one place citations are derived, for every edition.
pub(crate) fn citations(
    letter: Option<&Letter>,
    notes: &[Note],
    events: &[Event],
    sources: usize,
) -> Vec<BTreeSet<Citation>> {
    let mut cited = vec![BTreeSet::new(); sources];
    if let Some(letter) = letter {
        for &s in letter.sources.iter() {
            cited[s].insert(Citation::Letter);
        }
        let mut in_letter = |t: &Target, _: &[Inline]| {
            if let Target::Source(s) = t {
                cited[*s].insert(Citation::Letter);
            }
        };
        walk::links(&letter.body, &mut in_letter);
        if let Some(translation) = &letter.translation {
            walk::links(translation, &mut in_letter);
        }
    }
    for (i, note) in notes.iter().enumerate() {
        for &s in note.sources.iter() {
            cited[s].insert(Citation::Note(i));
        }
    }
    for (i, event) in events.iter().enumerate() {
        for &s in event.sources.iter() {
            cited[s].insert(Citation::Event(i));
        }
    }
    cited
}

/// Sets every source's `cited_by` from the edition's own text.
pub(crate) fn cited_by(site: &mut Site) {
    let cited = citations(
        Some(&site.letter),
        &site.notes,
        &site.events,
        site.sources.len(),
    );
    for (source, cited) in site.sources.to_mut().iter_mut().zip(cited) {
        source.cited_by = cited.into_iter().collect::<Vec<_>>().into();
    }
}

/// Every source must be cited somewhere: in the original (`cited`) or in a translation (`elsewhere`).
pub(crate) fn check_cited(
    sources: &[(Source, String, usize)],
    cited: &[BTreeSet<Citation>],
    elsewhere: &BTreeSet<usize>,
    diags: &mut Diagnostics,
) {
    for (index, (source, file, line)) in sources.iter().enumerate() {
        if cited[index].is_empty() && !elsewhere.contains(&index) {
            diags.error(
                file,
                *line,
                format!("the source `{}` is cited nowhere", source.id),
                "cite it from a note or an event, or remove it",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{read, resolve, ContentTree};

    fn resolved_good() -> (Resolved, usize) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
        let tree = ContentTree::read(&dir).unwrap();
        let mut diags = Diagnostics::default();
        let mut read = read::read(&tree, &mut diags);
        let resolved = resolve::resolve(&tree, &mut read, &mut diags);
        assert!(diags.is_empty(), "{diags}");
        (resolved, read.sources.len())
    }

    #[test]
    fn marks_number_requests_and_give_each_marked_note_its_passage() {
        let (mut resolved, _) = resolved_good();
        assert!(
            resolved.notes.iter().all(|n| n.passage.is_none()),
            "not yet derived"
        );
        marks(&mut resolved);
        let claim = &resolved.notes[0];
        assert_eq!(
            claim.passage.as_deref(),
            Some("an example claim about something")
        );
        assert_eq!(claim.number, None, "only requests are numbered");
        let request = &resolved.notes[1];
        assert_eq!(request.number, Some(1));
        assert_eq!(request.passage.as_deref(), Some("take an example action"));
    }

    #[test]
    fn every_citation_is_found_once_and_an_uncited_source_is_an_error() {
        let (resolved, sources) = resolved_good();
        let cited = citations(
            resolved.letter.as_ref(),
            &resolved.notes,
            &resolved.events,
            sources,
        );
        assert!(
            cited.iter().all(|c| !c.is_empty()),
            "the good pack cites every source"
        );
        let none = vec![BTreeSet::new(); sources];
        let listed: Vec<(Source, String, usize)> = (0..sources)
            .map(|i| {
                let s = Source {
                    id: format!("s{i}").into(),
                    title: "t".into(),
                    publisher: "p".into(),
                    via: None,
                    date: None,
                    url: "https://example.org/".into(),
                    lang: None,
                    cited_by: Vec::new().into(),
                };
                (s, "sources/a.toml".into(), i + 1)
            })
            .collect();
        let mut diags = Diagnostics::default();
        check_cited(&listed, &none, &BTreeSet::from([0]), &mut diags);
        assert_eq!(diags.0.len(), sources - 1, "cited in a translation counts");
        assert!(diags
            .to_string()
            .contains("the source `s1` is cited nowhere"));
    }
}
