//! Documents and indexes built from the real content and from the stress pack.

use content::{compile_editions, stress};
use model::{Lang, Site};
use search::{build, documents, Doc, Index, Kind};

mod support;

use support::{brotli, real_content};

/// The ids of the documents of `kind` found for `query`.
fn found(index: &Index, query: &str, kind: Kind) -> Vec<String> {
    index
        .search(query, usize::MAX)
        .groups
        .iter()
        .filter(|g| g.kind == kind)
        .flat_map(|g| &g.hits)
        .map(|h| index.doc(h.doc).unwrap().id.clone())
        .collect()
}

/// Every note, event and source is a document once, with its id; passages are numbered from 1.
fn check_documents(site: &Site) {
    let docs = documents(site);
    let ids = |kind| -> Vec<&str> {
        docs.iter()
            .filter(|d| d.kind == kind)
            .map(|d| d.id.as_str())
            .collect()
    };
    let notes: Vec<&str> = site.notes.iter().map(|n| n.id.as_ref()).collect();
    assert_eq!(ids(Kind::Note), notes);
    let events: Vec<&str> = site.events.iter().map(|e| e.id.as_ref()).collect();
    assert_eq!(ids(Kind::Event), events);
    let sources: Vec<&str> = site.sources.iter().map(|s| s.id.as_ref()).collect();
    assert_eq!(ids(Kind::Source), sources);
    let passages = ids(Kind::Passage);
    assert!(!passages.is_empty());
    let numbers: Vec<String> = (1..=passages.len()).map(|n| n.to_string()).collect();
    assert_eq!(passages, numbers);
    assert!(docs
        .iter()
        .all(|d| !d.body.is_empty() || d.kind == Kind::Source));
}

#[test]
fn the_real_content_makes_one_document_per_thing_in_each_edition() {
    let editions = real_content();
    for lang in Lang::ALL {
        check_documents(editions.get(lang));
    }
    // The first passage holds the mark on Claudia Sheinbaum's note; in Spanish it shows the translation
    // and searches the original too.
    let es = documents(editions.get(Lang::Es));
    assert_eq!(es[0].id, "1");
    assert!(!es[0].body.contains("As you prepare to take office"));
    assert!(es[0].more.contains("As you prepare to take office"));
    let en = documents(editions.get(Lang::En));
    assert!(en[0].title.starts_with("As you prepare to take office … "));
}

#[test]
fn the_real_content_answers_the_issues_queries_in_both_editions() {
    let editions = real_content();
    let index = |lang| Index::load_both(&build(lang, &documents(editions.get(lang)))).unwrap();
    let (en, es) = (index(Lang::En), index(Lang::Es));
    assert!(found(&es, "arancel", Kind::Note).contains(&"mexico-tariffs".to_owned()));
    assert!(found(&es, "vehiculos conectados", Kind::Note)
        .contains(&"what-is-a-connected-vehicle".to_owned()));
    assert!(found(&es, "mexico", Kind::Note).contains(&"byd-in-mexico".to_owned()));
    assert!(found(&en, "commerce rule", Kind::Note).contains(&"commerce-rule".to_owned()));
    assert_eq!(found(&en, "prepare to take", Kind::Passage), ["1"]);
    assert_eq!(found(&es, "asumir el carg", Kind::Passage), ["1"]);
    assert_eq!(found(&es, "prepare to take", Kind::Passage), ["1"]);
    for index in [&en, &es] {
        for name in ["BYD", "Sheinbaum", "CFIUS", "Ebrard"] {
            assert!(!index.search(name, 5).is_empty(), "{name}");
        }
    }
}

/// The search page lists each kind's best 3 as the reader types and, with the kind's "more" button, asks
/// again for its best 10 and appends the 4th to the 10th: the two answers must agree on the first 3 (hits,
/// order, snippets, totals), or the button would repeat or skip a result.
#[test]
fn a_shorter_limit_gives_the_first_hits_of_a_longer_one() {
    let editions = real_content();
    for lang in Lang::ALL {
        let index = Index::load_both(&build(lang, &documents(editions.get(lang)))).unwrap();
        for query in [
            "mexico",
            "BYD",
            "commerce rule",
            "Sheinbaum",
            "data security",
            "connected vehicles",
            "tariffs",
            "arancel",
            "vehiculos conectados",
            "c",
            "de",
            "2024",
            "the",
        ] {
            let (few, many) = (index.search(query, 3), index.search(query, 10));
            assert_eq!(few.groups.len(), many.groups.len(), "{query}");
            for (f, m) in few.groups.iter().zip(&many.groups) {
                assert_eq!((f.kind, f.total), (m.kind, m.total), "{query}");
                assert_eq!(f.hits.len(), m.hits.len().min(3), "{query}");
                assert_eq!(f.hits[..], m.hits[..f.hits.len()], "{query}");
                assert_eq!(m.hits.len(), m.total.min(10), "{query}");
            }
        }
    }
}

/// The issue's budget, on the index file: what a query needs before it can find, count and rank
/// anything (the texts file, what results show, is loaded beside it; the crate's README has both sizes).
#[test]
fn the_real_contents_index_fits_its_budget() {
    let editions = real_content();
    for lang in Lang::ALL {
        let built = build(lang, &documents(editions.get(lang)));
        let br = brotli(&built.index);
        assert!(
            br <= 20 * 1024,
            "{}: {br} bytes brotli, over the 20 KB budget",
            lang.tag()
        );
    }
}

#[test]
fn the_stress_pack_indexes_and_answers() {
    let editions = compile_editions(&stress::pack(2_000, 5_000)).expect("the stress pack compiles");
    for lang in Lang::ALL {
        let site = editions.get(lang);
        check_documents(site);
        let docs = documents(site);
        let index = Index::load_both(&build(lang, &docs)).unwrap();
        let stored: Vec<Doc> = docs
            .iter()
            .map(|d| Doc {
                more: String::new(),
                ..d.clone()
            })
            .collect();
        assert_eq!(index.docs(), stored, "everything but `more` is stored");
        // The stress text is drawn from the real content's prose: a note is found by its own title's words,
        // and a word that many titles share finds them all, however few it is asked to show.
        let last = site
            .notes
            .iter()
            .find(|n| n.id == "n1999")
            .expect("note n1999");
        assert!(
            found(&index, &last.title, Kind::Note).contains(&"n1999".to_owned()),
            "{:?} finds n1999",
            last.title
        );
        let title_words = |n: &model::Note| -> Vec<String> {
            n.title
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() > 3)
                .map(str::to_lowercase)
                .collect()
        };
        let mut counts = std::collections::HashMap::<String, usize>::new();
        for note in site.notes.iter() {
            let mut words = title_words(note);
            words.sort();
            words.dedup();
            for w in words {
                *counts.entry(w).or_default() += 1;
            }
        }
        let (common, in_titles) = counts
            .into_iter()
            .max_by_key(|(w, n)| (*n, std::cmp::Reverse(w.clone())))
            .expect("titles have words");
        assert!(in_titles > 3, "{common:?} is in {in_titles} titles");
        let every = index.search(&common, 3);
        let notes = every.groups.iter().find(|g| g.kind == Kind::Note).unwrap();
        assert!(
            notes.total >= in_titles,
            "{common:?}: {} notes found, {in_titles} titles hold it",
            notes.total
        );
        assert_eq!(notes.hits.len(), 3);
    }
}
