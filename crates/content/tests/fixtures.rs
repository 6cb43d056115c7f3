//! Fixture packs, in the style of mdBook and Zola: `fixtures/good` is a small, complete, valid content
//! folder; every folder in `fixtures/broken/` is a copy of it with one deliberate defect (or, for
//! `multiple-errors`, three) and an `expected.txt` holding the diagnostics the compiler must report, each
//! as its `Display`: `path:line: error: message`, then its hint as `  hint: …` on the next line (with the
//! pack folder's name, `<case>/`, stripped from every path in it). The compiler sorts diagnostics by file,
//! then line; `expected.txt` keeps that order. A defect that makes a whole file unreadable also hides the
//! ids it defines, so links to them are reported too: those follow-on lines are part of the expectation.
//!
//! `crlf_packs_report_the_same_lines` runs every pack again with Windows line endings: the lines must not
//! move.
//!
//! `UPDATE_EXPECT=1 cargo test -p content --test fixtures` rewrites every `expected.txt` from the
//! compiler's output. Review each rewritten file by eye: the message must be the right one, it must
//! point at the line of the defect, and the hint must say how to fix it. Under CI (`CI` set) the variable
//! is an error, and `cargo xtask test` never passes it on.

use content::{compile, ContentTree};
use model::{
    Assessment, Block, Citation, Date, Inline, Lang, NoteKind, Site, Status, Target, Track,
};
use std::fs;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn compile_good() -> Site {
    let tree = ContentTree::read(&fixtures().join("good")).expect("read the good pack");
    match compile(&tree) {
        Ok(site) => site,
        Err(diags) => panic!("the good pack must compile, but:\n{diags}"),
    }
}

fn note<'a>(site: &'a Site, id: &str) -> &'a model::Note {
    &site.notes[site
        .note_index(id)
        .unwrap_or_else(|| panic!("no note `{id}`"))]
}

fn event_ids(site: &Site, indices: &[usize]) -> Vec<String> {
    indices
        .iter()
        .map(|&i| site.events[i].id.to_string())
        .collect()
}

fn source_ids(site: &Site, indices: &[usize]) -> Vec<String> {
    indices
        .iter()
        .map(|&i| site.sources[i].id.to_string())
        .collect()
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

#[test]
fn good_pack_counts_and_letter() {
    let site = compile_good();
    assert_eq!(site.notes.len(), 4);
    assert_eq!(site.events.len(), 3);
    assert_eq!(site.sources.len(), 3);

    let letter = &site.letter;
    assert_eq!(letter.title, "Example letter");
    assert_eq!(letter.date, date("2024-09-30"));
    assert_eq!(letter.published, date("2024-10-01"));
    assert_eq!(source_ids(&site, &letter.sources), ["source-a"]);
    assert_eq!(letter.context.len(), 1);
    assert_eq!(site.notes[letter.context[0]].id, "background");

    // Paragraph, gap, paragraph, heading, quote: the `[…]` paragraph became a gap.
    let shape: Vec<&str> = letter
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph(_) => "paragraph",
            Block::Heading(_) => "heading",
            Block::Quote(_) => "quote",
            Block::List { .. } => "list",
            Block::Gap => "gap",
        })
        .collect();
    assert_eq!(shape, ["paragraph", "gap", "paragraph", "heading", "quote"]);
    let Block::Heading(heading) = &letter.body[3] else {
        unreachable!()
    };
    assert_eq!(
        Inline::plain_text(heading),
        "Passages whose place is unknown"
    );
    let Block::Quote(quote) = &letter.body[4] else {
        unreachable!()
    };
    assert_eq!(quote.len(), 2, "a quoted passage and its attribution");

    assert_eq!(site.about.title, "About these fixtures");
    assert!(site
        .about
        .body
        .iter()
        .any(|b| matches!(b, Block::List { ordered: false, items } if items.len() == 2)));
}

#[test]
fn good_pack_notes() {
    let site = compile_good();
    // Marked notes first, in the letter's order, then the rest by id.
    let ids: Vec<&str> = site.notes.iter().map(|n| n.id.as_ref()).collect();
    assert_eq!(
        ids,
        ["example-claim", "example-request", "background", "related"]
    );

    let claim = note(&site, "example-claim");
    assert_eq!(claim.kind, NoteKind::Claim);
    assert_eq!(
        claim.passage.as_deref(),
        Some("an example claim about something")
    );
    assert_eq!(claim.number, None);
    assert!(matches!(
        &claim.assessment,
        Assessment::Verdict { verdict: model::Verdict::NeedsContext, reason } if reason == "One sentence on why."
    ));
    // `sources` lists source-a; the body's inline `source:source-b` link is added after it.
    assert_eq!(source_ids(&site, &claim.sources), ["source-a", "source-b"]);
    // Derived from the timeline's `notes = [...]`, in date order although the file lists the day first.
    assert_eq!(
        event_ids(&site, &claim.events),
        ["month-event", "day-event"]
    );

    let request = note(&site, "example-request");
    assert_eq!(request.kind, NoteKind::Request);
    assert_eq!(request.number, Some(1));
    assert_eq!(request.passage.as_deref(), Some("take an example action"));
    assert_eq!(
        request.assessment,
        Assessment::Status {
            status: Status::NotMet,
            as_of: date("2026-06-01")
        }
    );
    assert_eq!(event_ids(&site, &request.events), ["year-event"]);

    for id in ["background", "related"] {
        let n = note(&site, id);
        assert_eq!(n.kind, NoteKind::Context);
        assert_eq!(n.assessment, Assessment::None);
        assert_eq!(n.number, None);
        assert_eq!(n.passage, None, "{id} is not marked in the letter");
        assert!(n.events.is_empty());
    }
    let Block::Paragraph(inlines) = &note(&site, "background").body[0] else {
        panic!("a paragraph")
    };
    assert!(inlines.iter().any(|i| matches!(
        i,
        Inline::Link { target: Target::External(url), .. } if url == "https://example.org/page"
    )));
}

#[test]
fn good_pack_events_in_date_order() {
    let site = compile_good();
    let ids: Vec<&str> = site.events.iter().map(|e| e.id.as_ref()).collect();
    // The file lists day, year, month; a year sorts before its months, a month before its days.
    assert_eq!(ids, ["year-event", "month-event", "day-event"]);
    let dates: Vec<Date> = site.events.iter().map(|e| e.date).collect();
    assert_eq!(dates, [date("2023"), date("2024-03"), date("2024-03-15")]);
    assert!(dates.windows(2).all(|w| w[0] < w[1]));

    let month = &site.events[1];
    assert_eq!(&*month.tracks, &[Track::Industry, Track::Mexico]);
    // The multi-line body is one paragraph; its inline source link joins the event's sources.
    assert_eq!(
        Inline::plain_text(&month.body),
        "A body on two lines; Gamma starts the second."
    );
    assert_eq!(source_ids(&site, &month.sources), ["source-b", "source-c"]);

    let day = &site.events[2];
    assert_eq!(
        day.notes
            .iter()
            .map(|&n| &*site.notes[n].id)
            .collect::<Vec<_>>(),
        ["example-claim"]
    );
    assert!(day.body.iter().any(|i| matches!(
        i,
        Inline::Link { target: Target::Note(n), .. } if site.notes[*n].id == "example-claim"
    )));
}

#[test]
fn good_pack_sources_and_citations() {
    let site = compile_good();
    // Ordered by publisher: Alpha, Beta, Gamma.
    let ids: Vec<&str> = site.sources.iter().map(|s| s.id.as_ref()).collect();
    assert_eq!(ids, ["source-a", "source-b", "source-c"]);

    let claim = site.note_index("example-claim").unwrap();
    let request = site.note_index("example-request").unwrap();
    let ev = |id: &str| site.event_index(id).unwrap();

    let a = &site.sources[0];
    assert_eq!(a.date, Some(date("2024-10-01")));
    assert_eq!(
        &*a.cited_by,
        &[
            Citation::Letter,
            Citation::Note(claim),
            Citation::Event(ev("day-event"))
        ]
    );

    let b = &site.sources[1];
    assert_eq!(b.via.as_deref(), Some("Mirror Site"));
    assert_eq!(b.date, Some(date("2024-10")));
    // The letter's blockquote attribution links source-b; the claim's body links it inline.
    let mut expected = [
        Citation::Letter,
        Citation::Note(claim),
        Citation::Event(ev("year-event")),
        Citation::Event(ev("month-event")),
    ];
    expected.sort();
    assert_eq!(&*b.cited_by, &expected[..]);

    let c = &site.sources[2];
    assert_eq!(c.lang.as_deref(), Some("es"));
    assert_eq!(c.date, None);
    assert_eq!(
        &*c.cited_by,
        &[Citation::Note(request), Citation::Event(ev("month-event"))]
    );
}

fn compile_good_editions() -> content::Editions {
    let tree = ContentTree::read(&fixtures().join("good")).expect("read the good pack");
    content::compile_editions(&tree).unwrap_or_else(|d| panic!("the good pack must compile:\n{d}"))
}

#[test]
fn the_spanish_edition_translates_words_and_keeps_everything_else() {
    let editions = compile_good_editions();
    let (en, es) = (editions.get(Lang::En), editions.get(Lang::Es));
    assert_eq!(en.lang, model::Lang::En);
    assert_eq!(es.lang, model::Lang::Es);
    // Same ids, kinds, dates, verdicts, numbers and events, in the same order.
    assert_eq!(en.notes.len(), es.notes.len());
    for (a, b) in en.notes.iter().zip(es.notes.iter()) {
        assert_eq!(
            (&a.id, a.kind, a.number, &a.events),
            (&b.id, b.kind, b.number, &b.events)
        );
        match (&a.assessment, &b.assessment) {
            (Assessment::Verdict { verdict: x, .. }, Assessment::Verdict { verdict: y, .. }) => {
                assert_eq!(x, y)
            }
            (x, y) => assert_eq!(x, y),
        }
    }
    for (a, b) in en.events.iter().zip(es.events.iter()) {
        assert_eq!(
            (&a.id, a.date, &a.tracks, &a.notes),
            (&b.id, b.date, &b.tracks, &b.notes)
        );
    }

    let claim = note(es, "example-claim");
    assert_eq!(claim.title, "Afirmación de ejemplo");
    assert!(!claim.fallback);
    let Assessment::Verdict { reason, .. } = &claim.assessment else {
        panic!("a claim")
    };
    assert_eq!(reason, "Una frase sobre el porqué.");
    // The passage is the translation's marked phrase; the original's stays in the English edition.
    assert_eq!(
        claim.passage.as_deref(),
        Some("una afirmación de ejemplo sobre algo")
    );
    // A translation may list its own sources; without a list it keeps the English one.
    assert_eq!(
        source_ids(es, &note(es, "example-request").sources),
        ["source-c", "source-a"]
    );
    assert_eq!(
        source_ids(es, &claim.sources),
        source_ids(en, &note(en, "example-claim").sources)
    );
    // Where the edition's citations differ, so does "cited in".
    let a = es.sources.iter().position(|s| s.id == "source-a").unwrap();
    let request = es.note_index("example-request").unwrap();
    assert!(es.sources[a].cited_by.contains(&Citation::Note(request)));
    assert!(!en.sources[a].cited_by.contains(&Citation::Note(request)));

    // What is not translated is the English, flagged.
    let related = note(es, "related");
    assert!(related.fallback);
    assert_eq!(related.title, note(en, "related").title);
    let year = &es.events[es.event_index("year-event").unwrap()];
    assert!(year.fallback);
    assert_eq!(year.title, "An event known to the year");
    let day = &es.events[es.event_index("day-event").unwrap()];
    assert!(!day.fallback);
    assert_eq!(day.title, "Un hecho conocido al día");

    // The letter: the original verbatim, the translation beside it, the header translated.
    assert_eq!(es.letter.body, en.letter.body);
    assert_eq!(en.letter.translation, None);
    let translation = es.letter.translation.as_ref().expect("a translation");
    assert_eq!(translation.len(), en.letter.body.len());
    assert_eq!(es.letter.title, "Carta de ejemplo");
    assert!(!es.letter.fallback && !es.about.fallback);
    assert_eq!(es.about.title, "Acerca de estos datos de prueba");
    // The site's own name and description, in each edition.
    assert_eq!(en.info.name, "An example letter, annotated");
    assert_eq!(es.info.name, "Una carta de ejemplo, anotada");
    assert!(!es.info.fallback);
}

#[test]
fn missing_translations_are_listed_at_the_english_original() {
    let editions = compile_good_editions();
    let lines: Vec<String> = editions.missing.0.iter().map(|d| d.as_warning()).collect();
    assert_eq!(
        lines,
        [
            "good/corrections.toml:4: missing: no Spanish translation of the correction `older-fix`",
            "good/notes/related.md:1: missing: no Spanish translation of the note `related`",
            "good/timeline.toml:13: missing: no Spanish translation of the event `year-event`",
        ]
    );

    // With no Spanish files at all, everything is listed and everything falls back; nothing fails.
    let mut tree = ContentTree::read(&fixtures().join("good")).unwrap();
    tree.translations.clear();
    let editions = content::compile_editions(&tree).expect("translations are optional");
    assert_eq!(editions.missing.0.len(), 1 + 4 + 3 + 1 + 2 + 1);
    assert!(editions.get(Lang::Es).letter.fallback && editions.get(Lang::Es).about.fallback);
    assert!(editions.get(Lang::Es).info.fallback);
    assert_eq!(
        editions.get(Lang::Es).info.name,
        editions.get(Lang::En).info.name
    );
    assert!(editions.get(Lang::Es).letter.translation.is_none());
    assert!(editions.get(Lang::Es).notes.iter().all(|n| n.fallback));
}

#[test]
fn a_source_cited_only_in_spanish_counts_as_cited() {
    let mut tree = ContentTree::read(&fixtures().join("good")).unwrap();
    tree.sources.push(content::File {
        path: "good/sources/es.toml".into(),
        text: "[[source]]\nid = \"fuente-es\"\ntitle = \"Una fuente\"\npublisher = \"Un medio\"\nurl = \"https://example.org/es\"\nlang = \"es\"\n".into(),
    });
    let background = tree
        .translation_mut(Lang::Es)
        .notes
        .iter_mut()
        .find(|f| f.path.ends_with("background.es.md"))
        .unwrap();
    background
        .text
        .push_str("\nSegún [un medio](source:fuente-es).\n");
    let editions = content::compile_editions(&tree).expect("cited in Spanish is cited");
    let es = editions.get(Lang::Es);
    let s = es.sources.iter().find(|s| s.id == "fuente-es").unwrap();
    assert_eq!(
        &*s.cited_by,
        &[Citation::Note(es.note_index("background").unwrap())]
    );
    let en = editions
        .get(Lang::En)
        .sources
        .iter()
        .find(|s| s.id == "fuente-es")
        .unwrap();
    assert!(en.cited_by.is_empty());

    // Without the Spanish citation, the same source is cited nowhere.
    tree.translation_mut(Lang::Es)
        .notes
        .retain(|f| !f.path.ends_with("background.es.md"));
    let errors = content::compile_editions(&tree).unwrap_err();
    assert!(
        errors
            .to_string()
            .contains("the source `fuente-es` is cited nowhere"),
        "{errors}"
    );
}

#[test]
fn the_corrections_log_is_newest_first_and_dates_the_notes_it_touches() {
    let editions = compile_good_editions();
    let (en, es) = (editions.get(Lang::En), editions.get(Lang::Es));
    // The file lists the older entry first; the log shows the newest first.
    let ids: Vec<&str> = en.corrections.iter().map(|c| c.id.as_ref()).collect();
    assert_eq!(ids, ["newer-fix", "older-fix"]);
    let newer = &en.corrections[0];
    assert_eq!(newer.date, date("2024-12-01"));
    assert_eq!(newer.title, "A verdict changed");
    assert!(newer.letter && !en.corrections[1].letter);
    let names =
        |v: &[usize]| -> Vec<String> { v.iter().map(|&n| en.notes[n].id.to_string()).collect() };
    assert_eq!(names(&newer.notes), ["example-claim", "background"]);
    assert_eq!(event_ids(en, &newer.events), ["day-event"]);
    assert!(newer.what.iter().any(|i| matches!(i, Inline::Emph(_))));

    // Each note lists the entries that changed it, newest first, and is reviewed on the latest of them, of
    // the timeline's `checked` date and of a request's status date.
    let claim = note(en, "example-claim");
    assert_eq!(&*claim.corrections, &[0, 1]);
    assert_eq!(claim.reviewed, date("2024-12-01"));
    assert_eq!(&*note(en, "background").corrections, &[0]);
    let related = note(en, "related");
    assert!(related.corrections.is_empty());
    assert_eq!(
        related.reviewed,
        date("2024-06-01"),
        "the timeline's `checked`"
    );
    assert_eq!(
        note(en, "example-request").reviewed,
        date("2026-06-01"),
        "its status date"
    );

    // Spanish: the translated entry's words, the rest in English and flagged; ids, dates and links shared.
    let ids_es: Vec<&str> = es.corrections.iter().map(|c| c.id.as_ref()).collect();
    assert_eq!(ids_es, ids);
    assert_eq!(es.corrections[0].title, "Un veredicto cambiado");
    assert!(!es.corrections[0].fallback);
    assert_eq!(es.corrections[0].notes, newer.notes);
    assert!(es.corrections[1].fallback);
    assert_eq!(es.corrections[1].title, en.corrections[1].title);
    assert_eq!(note(es, "example-claim").reviewed, claim.reviewed);

    // Without a log, nothing is corrected and every note is still reviewed.
    let mut tree = ContentTree::read(&fixtures().join("good")).unwrap();
    tree.corrections = None;
    tree.translation_mut(Lang::Es).corrections = None;
    let site = compile(&tree).expect("the log is optional");
    assert!(site.corrections.is_empty());
    assert!(site
        .notes
        .iter()
        .all(|n| n.corrections.is_empty() && n.reviewed.year > 0));
}

/// Every broken case the compiler must catch. A missing folder fails the test, so a case cannot be lost
/// by accident; extra folders are run too.
const REQUIRED_CASES: &[&str] = &[
    "bad-note-id",
    "claim-without-source",
    "duplicate-event-id",
    "duplicate-source-id",
    "duplicate-source-url",
    "event-without-source",
    "image",
    "inline-html",
    "javascript-url",
    "malformed-date",
    "missing-letter",
    "missing-required-field",
    "multiple-errors",
    "note-not-linked",
    "raw-html-block",
    "request-without-status",
    "source-cited-nowhere",
    "toml-syntax-error",
    "unclosed-front-matter",
    "unknown-event-link",
    "unknown-kind",
    "unknown-note-link",
    "unknown-source-link",
    "unknown-track",
    "verdict-on-context",
    // Beyond the list in the brief: more checks, and lines in multi-line strings and front matter.
    "code-block",
    "event-body-not-one-paragraph",
    "letter-front-matter-error",
    "level-1-heading",
    "malformed-date-front-matter",
    "missing-timeline",
    "source-url-not-http",
    "unknown-field",
    "unknown-note-in-list",
    "unknown-note-link-in-literal-body",
    "unknown-source-in-list",
    "unknown-verdict",
    // The Spanish edition's files.
    "es-blocks-differ",
    "es-claim-without-reason",
    "es-event-translated-twice",
    "es-marks-differ",
    "es-raw-html",
    "es-unknown-event",
    "es-unknown-link",
    "es-unknown-note",
    "es-untranslated-field",
    "es-verdict-reason-on-context",
    // The corrections log and review dates.
    "correction-before-letter",
    "correction-date-without-day",
    "correction-duplicate-id",
    "correction-empty-why",
    "correction-touches-nothing",
    "correction-unknown-ids",
    "es-correction-unknown",
    "note-without-review-date",
];

/// The compiler's diagnostics for a pack, as `expected.txt` holds them: each one's line, then its hint's.
fn actual_lines(pack: &Path) -> Result<Vec<String>, String> {
    let tree = ContentTree::read(pack).map_err(|e| format!("cannot read the pack: {e}"))?;
    diagnostic_lines(pack, &tree)
}

/// Each diagnostic's `Display` lines (the error, then its hint), with the pack folder's name (`<case>/`)
/// removed from paths.
fn diagnostic_lines(pack: &Path, tree: &ContentTree) -> Result<Vec<String>, String> {
    let name = pack.file_name().unwrap().to_string_lossy().into_owned();
    let diags = match compile(tree) {
        Ok(_) => return Err("compiled without errors, but the pack is broken".into()),
        Err(diags) => diags,
    };
    if diags.is_empty() {
        return Err("returned Err with no diagnostics".into());
    }
    let prefix = format!("{name}/");
    Ok(diags
        .0
        .iter()
        .flat_map(|d| {
            d.to_string()
                .lines()
                .map(|line| line.replace(&prefix, ""))
                .collect::<Vec<_>>()
        })
        .collect())
}

#[test]
fn broken_packs_report_exactly_the_expected_diagnostics() {
    let broken = fixtures().join("broken");
    let update = std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v == "1");
    assert!(
        !(std::env::var_os("UPDATE_EXPECT").is_some() && std::env::var_os("CI").is_some()),
        "UPDATE_EXPECT is set under CI: the expected diagnostics must be compared, never rewritten"
    );
    let mut cases: Vec<PathBuf> = fs::read_dir(&broken)
        .expect("read fixtures/broken")
        .map(|e| e.expect("read a directory entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    let names: Vec<String> = cases
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();

    let mut failures = Vec::new();
    for required in REQUIRED_CASES {
        if !names.iter().any(|n| n == required) {
            failures.push(format!("{required}: the case folder is missing"));
        }
    }
    for (case, name) in cases.iter().zip(&names) {
        let actual = match actual_lines(case) {
            Ok(lines) => lines,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let expected_path = case.join("expected.txt");
        if update {
            let mut text = actual.join("\n");
            text.push('\n');
            fs::write(&expected_path, text).expect("write expected.txt");
            eprintln!("updated {}", expected_path.display());
            continue;
        }
        let expected = match fs::read_to_string(&expected_path) {
            Ok(text) => text,
            Err(e) => {
                failures.push(format!(
                    "{name}: cannot read expected.txt ({e}); run with UPDATE_EXPECT=1 and review it"
                ));
                continue;
            }
        };
        let expected: Vec<&str> = expected
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.is_empty())
            .collect();
        if expected.is_empty() {
            failures.push(format!("{name}: expected.txt lists no diagnostic"));
        } else if expected != actual {
            failures.push(format!(
                "{name}: diagnostics differ\n  expected:\n    {}\n  actual:\n    {}",
                expected.join("\n    "),
                actual.join("\n    ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} broken pack(s) failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// The same tree with Windows line endings in every file.
fn with_crlf(tree: &ContentTree) -> ContentTree {
    let convert = |f: &content::File| content::File {
        path: f.path.clone(),
        text: f.text.replace('\n', "\r\n"),
    };
    ContentTree {
        site: tree.site.as_ref().map(convert),
        letter: tree.letter.as_ref().map(convert),
        notes: tree.notes.iter().map(convert).collect(),
        timeline: tree.timeline.as_ref().map(convert),
        sources: tree.sources.iter().map(convert).collect(),
        about: tree.about.as_ref().map(convert),
        corrections: tree.corrections.as_ref().map(convert),
        translations: tree
            .translations
            .iter()
            .map(|t| content::Translations {
                lang: t.lang,
                site: t.site.as_ref().map(convert),
                letter: t.letter.as_ref().map(convert),
                notes: t.notes.iter().map(convert).collect(),
                timeline: t.timeline.as_ref().map(convert),
                about: t.about.as_ref().map(convert),
                corrections: t.corrections.as_ref().map(convert),
            })
            .collect(),
    }
}

#[test]
fn crlf_packs_report_the_same_lines() {
    let good = ContentTree::read(&fixtures().join("good")).unwrap();
    if let Err(diags) = compile(&with_crlf(&good)) {
        panic!("the good pack with CRLF line endings must compile, but:\n{diags}");
    }
    let mut failures = Vec::new();
    let mut cases: Vec<PathBuf> = fs::read_dir(fixtures().join("broken"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    for case in &cases {
        let tree = ContentTree::read(case).unwrap();
        let lf = diagnostic_lines(case, &tree);
        let crlf = diagnostic_lines(case, &with_crlf(&tree));
        if lf != crlf {
            failures.push(format!(
                "{}:\n  LF:   {lf:?}\n  CRLF: {crlf:?}",
                case.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_content_folder_that_is_not_there_is_an_error_naming_it() {
    let missing = fixtures().join("no-such-pack");
    let err = ContentTree::read(&missing).expect_err("a missing folder is not an empty site");
    assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
    assert!(err.to_string().contains("no-such-pack"), "{err}");
}
