//! The real content in `content/` compiles and meets the site's editorial minimums.

use content::{compile, ContentTree};
use model::{NoteKind, Site};
use std::path::Path;

fn site() -> Site {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let tree = ContentTree::read(&dir).expect("read content/");
    compile(&tree).unwrap_or_else(|diags| panic!("content/ must compile without errors:\n{diags}"))
}

#[test]
fn compiles_without_errors() {
    site();
}

#[test]
fn claims_requests_and_events_all_have_sources() {
    let site = site();
    for note in site.notes.iter() {
        if note.kind != NoteKind::Context {
            assert!(!note.sources.is_empty(), "note `{}` has no source", note.id);
        }
    }
    for event in site.events.iter() {
        assert!(
            !event.sources.is_empty(),
            "event `{}` has no source",
            event.id
        );
    }
}

#[test]
fn has_the_expected_notes() {
    let site = site();
    let claims = site
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Claim)
        .count();
    assert!(claims >= 9, "{claims} claim notes, expected at least 9");
    assert!(
        site.notes.len() >= 18,
        "{} notes, expected at least 18",
        site.notes.len()
    );

    let mut numbers: Vec<u8> = site
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Request)
        .map(|n| {
            n.number
                .unwrap_or_else(|| panic!("request `{}` has no number", n.id))
        })
        .collect();
    numbers.sort();
    assert_eq!(
        numbers,
        [1, 2, 3],
        "exactly three requests, numbered 1, 2, 3"
    );
    for note in site.notes.iter().filter(|n| n.kind != NoteKind::Request) {
        assert_eq!(
            note.number, None,
            "only requests are numbered: `{}`",
            note.id
        );
    }
}

#[test]
fn every_claim_and_request_is_marked_in_the_letter() {
    let site = site();
    for note in site.notes.iter().filter(|n| n.kind != NoteKind::Context) {
        let passage = note
            .passage
            .as_deref()
            .unwrap_or_else(|| panic!("`{}` is not marked in the letter", note.id));
        assert!(
            !passage.trim().is_empty(),
            "`{}` marks an empty passage",
            note.id
        );
    }
}

#[test]
fn the_timeline_spans_2015_to_2026_in_date_order() {
    let site = site();
    let events = &site.events;
    assert!(
        events.len() >= 40,
        "{} events, expected at least 40",
        events.len()
    );
    assert!(
        events.windows(2).all(|w| w[0].date <= w[1].date),
        "events are in date order"
    );
    let first = events.first().unwrap().date.year;
    let last = events.last().unwrap().date.year;
    assert!(
        first <= 2015,
        "the timeline starts in {first}, expected 2015 or earlier"
    );
    assert!(
        last >= 2026,
        "the timeline ends in {last}, expected 2026 or later"
    );
}

#[test]
fn the_spanish_edition_is_complete() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let tree = ContentTree::read(&dir).expect("read content/");
    let editions = content::compile_editions(&tree).expect("content/ compiles");
    let missing: Vec<String> = editions.missing.0.iter().map(|d| d.as_warning()).collect();
    assert!(
        missing.is_empty(),
        "the Spanish edition shows English in place of:\n{}",
        missing.join("\n")
    );
    let es = &editions.es;
    assert!(es.letter.translation.is_some());
    // Percentages the Mexican way: a no-break space before every `%` of the Spanish text.
    for file in tree
        .es
        .notes
        .iter()
        .chain(&tree.es.letter)
        .chain(&tree.es.timeline)
        .chain(&tree.es.about)
    {
        for (n, line) in file.text.lines().enumerate() {
            for (i, _) in line.match_indices('%') {
                let before = line[..i].chars().last();
                assert!(
                    before == Some('\u{a0}')
                        || before.is_none_or(|c| !c.is_ascii_digit() && c != ' '),
                    "{}:{}: write a no-break space before `%`",
                    file.path,
                    n + 1
                );
            }
        }
    }
}
