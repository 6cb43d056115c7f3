//! The real content in `content/` compiles and meets the site's editorial minimums.

use content::{compile, ContentTree};
use model::{Assessment, Block, Inline, Lang, NoteKind, Site, Target};
use std::collections::BTreeSet;
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
    let es = editions.get(Lang::Es);
    assert!(es.letter.translation.is_some());
    // Percentages the Mexican way: a no-break space before every `%` of the Spanish text.
    for file in tree.translation(Lang::Es).expect("Spanish files").files() {
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

/// Both editions of every note and event cite the same facts: the same numbers and the same sources. A
/// Spanish note may add a source only on purpose: a Spanish-language source (`lang = "es"`, shown so on the
/// site) listed in the note's own `sources` in its `.es.md` front matter.
#[test]
fn both_editions_cite_the_same_facts() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let tree = ContentTree::read(&dir).expect("read content/");
    let editions = content::compile_editions(&tree).expect("content/ compiles");
    let (en, es) = (editions.get(Lang::En), editions.get(Lang::Es));
    let mut problems = Vec::new();
    for (a, b) in en
        .notes
        .iter()
        .zip(es.notes.iter())
        .filter(|(_, b)| !b.fallback)
    {
        let path = format!("content/notes/{}.es.md", b.id);
        let declared = tree
            .translation(Lang::Es)
            .expect("Spanish files")
            .notes
            .iter()
            .find(|f| f.path.ends_with(&format!("/{}.es.md", b.id)))
            .map(|f| declared_sources(&f.text))
            .unwrap_or_default();
        let mut compare = Compare {
            place: path,
            sources: &es.sources,
            problems: &mut problems,
        };
        compare.sources(
            &cited(&a.sources, |f| {
                content::walk::links(&a.body, &mut |t, _| f(t))
            }),
            &cited(&b.sources, |f| {
                content::walk::links(&b.body, &mut |t, _| f(t))
            }),
            &declared,
        );
        compare.numbers(&note_text(a), &note_text(b));
    }
    for (a, b) in en
        .events
        .iter()
        .zip(es.events.iter())
        .filter(|(_, b)| !b.fallback)
    {
        let mut compare = Compare {
            place: format!("content/timeline.es.toml, event `{}`", b.id),
            sources: &es.sources,
            problems: &mut problems,
        };
        compare.sources(
            &cited(&a.sources, |f| {
                content::walk::inline_links(&a.body, &mut |t, _| f(t))
            }),
            &cited(&b.sources, |f| {
                content::walk::inline_links(&b.body, &mut |t, _| f(t))
            }),
            &[],
        );
        compare.numbers(
            &format!("{} {}", a.title, Inline::plain_text(&a.body)),
            &format!("{} {}", b.title, Inline::plain_text(&b.body)),
        );
    }
    for (a, b) in en
        .corrections
        .iter()
        .zip(es.corrections.iter())
        .filter(|(_, b)| !b.fallback)
    {
        let mut compare = Compare {
            place: format!("content/corrections.es.toml, correction `{}`", b.id),
            sources: &es.sources,
            problems: &mut problems,
        };
        let links = |c: &model::Correction| {
            cited(&[], |f| {
                content::walk::inline_links(&c.what, &mut |t, _| f(t));
                content::walk::inline_links(&c.why, &mut |t, _| f(t));
            })
        };
        compare.sources(&links(a), &links(b), &[]);
        let text = |c: &model::Correction| {
            format!(
                "{} {} {}",
                c.title,
                Inline::plain_text(&c.what),
                Inline::plain_text(&c.why)
            )
        };
        compare.numbers(&text(a), &text(b));
    }
    assert!(
        problems.is_empty(),
        "the Spanish edition does not cite the same facts as the English:\n{}",
        problems.join("\n")
    );
}

/// Reports where the Spanish text of one note or event departs from the English.
struct Compare<'a> {
    place: String,
    sources: &'a [model::Source],
    problems: &'a mut Vec<String>,
}

impl Compare<'_> {
    /// The Spanish cites every English source, and adds only declared Spanish-language ones.
    fn sources(&mut self, en: &BTreeSet<usize>, es: &BTreeSet<usize>, declared: &[String]) {
        for &s in en.difference(es) {
            self.problems.push(format!(
                "{}: leaves out the source `{}` that the English cites",
                self.place, self.sources[s].id
            ));
        }
        for &s in es.difference(en) {
            let source = &self.sources[s];
            let spanish = source.lang.as_deref() == Some("es");
            if !spanish || !declared.iter().any(|d| *d == *source.id) {
                self.problems.push(format!(
                    "{}: cites `{}`, which the English does not; cite it in both, or add it on purpose \
                     (a source with `lang = \"es\"`, in this file's own `sources` list)",
                    self.place, source.id
                ));
            }
        }
    }

    /// The same figures, dates and counts in both texts.
    fn numbers(&mut self, en: &str, es: &str) {
        let (en, es) = (numbers(en, Lang::En), numbers(es, Lang::Es));
        if en != es {
            let only = |a: &BTreeSet<String>, b: &BTreeSet<String>| {
                a.difference(b).cloned().collect::<Vec<_>>().join(", ")
            };
            self.problems.push(format!(
                "{}: numbers differ; only in English: [{}]; only in Spanish: [{}]",
                self.place,
                only(&en, &es),
                only(&es, &en)
            ));
        }
    }
}

/// Every source a text cites: its list, and the links `walk` finds in its body.
fn cited(listed: &[usize], walk: impl FnOnce(&mut dyn FnMut(&Target))) -> BTreeSet<usize> {
    let mut cited: BTreeSet<usize> = listed.iter().copied().collect();
    walk(&mut |t| {
        if let Target::Source(s) = t {
            cited.insert(*s);
        }
    });
    cited
}

/// A note's words: title, summary, verdict reason and body.
fn note_text(note: &model::Note) -> String {
    let mut text = format!("{} {}", note.title, note.summary);
    if let Assessment::Verdict { reason, .. } = &note.assessment {
        text.push(' ');
        text.push_str(reason);
    }
    fn blocks(v: &[Block], out: &mut String) {
        for block in v {
            match block {
                Block::Paragraph(i) | Block::Heading(i) => {
                    out.push(' ');
                    out.push_str(&Inline::plain_text(i));
                }
                Block::List { items, .. } => items.iter().for_each(|i| blocks(i, out)),
                Block::Quote(v) => blocks(v, out),
                Block::Gap => {}
            }
        }
    }
    blocks(&note.body, &mut text);
    text
}

/// The numbers in a text as values, so that both editions compare equal: digits glued to a word (`Energy21`)
/// are a name, not a number; thousands are written `1,463` and decimals `12.5` (Mexican style); billions
/// (`$230.8 billion`, `$18bn`) are counted in millions, the way Spanish writes them (`230,800 millones`).
fn numbers(text: &str, lang: Lang) -> BTreeSet<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = BTreeSet::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_alphabetic()) {
            while i < chars.len() && chars[i].is_ascii_alphanumeric() {
                i += 1;
            }
            i += usize::from(i < chars.len() && !chars[i].is_ascii_alphanumeric());
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (matches!(chars[i], ',' | '.')
                    && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())))
        {
            i += 1;
        }
        let digits: String = chars[start..i].iter().filter(|c| **c != ',').collect();
        let mut value: f64 = digits.parse().expect("digits and one decimal point");
        let rest: String = chars[i..chars.len().min(i + 13)].iter().collect();
        let billions = match lang {
            Lang::En => rest.starts_with("bn") || rest.starts_with(" billion"),
            Lang::Es => rest.starts_with(" mil millones"),
        };
        if billions {
            value *= 1000.0;
        }
        found.insert(format!("{}", (value * 1e6).round() / 1e6));
    }
    found
}

/// The source ids a translated note's front matter lists in its own `sources`.
fn declared_sources(text: &str) -> Vec<String> {
    let front = text.split("+++").nth(1).unwrap_or_default();
    front
        .lines()
        .filter(|l| l.trim_start().starts_with("sources"))
        .flat_map(|l| l.split('"').skip(1).step_by(2).map(str::to_owned))
        .collect()
}
