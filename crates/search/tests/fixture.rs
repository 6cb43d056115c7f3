//! The index on a small fixture pack in both languages: stemming, folding, prefix, AND, ranking, groups,
//! highlights, bad input, and the same answers after the round trip through the bytes.

use content::fuzz::Rng;
use model::Lang;
use search::{build, Doc, Index, Kind};

fn doc(kind: Kind, id: &str, title: &str, body: &str) -> Doc {
    Doc {
        id: id.into(),
        title: title.into(),
        body: body.into(),
        ..Doc::new(kind)
    }
}

fn spanish() -> Vec<Doc> {
    vec![
        doc(
            Kind::Passage,
            "security-threat",
            "pueden recopilar inteligencia",
            "Estos vehículos conectados pueden recopilar inteligencia valiosa para un adversario.",
        ),
        doc(
            Kind::Note,
            "mexico-tariffs",
            "Los aranceles de México",
            "En 2023 México subió el arancel a los autos importados de países sin tratado.",
        ),
        doc(
            Kind::Note,
            "byd-in-mexico",
            "BYD en México",
            "BYD vende autos en México desde 2022; su planta quedó en pausa.",
        ),
        doc(
            Kind::Note,
            "claudia-sheinbaum",
            "Claudia Sheinbaum",
            "Presidenta desde el 1 de octubre de 2024. CFIUS es el comité de Estados Unidos.",
        ),
        doc(
            Kind::Event,
            "tariff-rise",
            "México sube aranceles",
            "Un decreto eleva los aranceles a cientos de productos.",
        ),
        doc(
            Kind::Event,
            "ev-launch",
            "Lanzamiento de vehículos eléctricos",
            "Varias marcas chinas presentan vehículos eléctricos conectados.",
        ),
        Doc {
            publisher: "Reuters".into(),
            date: "2024-10-01".into(),
            ..doc(
                Kind::Source,
                "reuters-byd",
                "BYD pauses Mexico plant",
                "Reuters",
            )
        },
    ]
}

fn english() -> Vec<Doc> {
    vec![
        doc(Kind::Passage, "data-collection", "gather, store and transmit large amounts of data", "These vehicles gather, store and transmit large amounts of data about their occupants."),
        doc(Kind::Note, "mexico-tariffs", "Mexico's tariffs", "In 2023 Mexico raised the tariff on imported cars from countries without a trade agreement."),
        doc(Kind::Note, "commerce-rule", "The Commerce rule", "The Commerce Department's rule on connected vehicles; CFIUS reviews investments."),
        doc(Kind::Note, "byd-in-mexico", "BYD in Mexico", "BYD sells cars in Mexico; its plant was paused. Sheinbaum took office in October."),
        doc(Kind::Event, "rule-final", "Commerce finalises the connected-vehicle rule", "The rule bars Chinese software from connected cars."),
        doc(Kind::Event, "tariffs-raised", "Mexico raises tariffs", "A decree raises tariffs on hundreds of products; the Commerce view is noted."),
    ]
}

fn index(lang: Lang) -> Index {
    let docs = match lang {
        Lang::En => english(),
        Lang::Es => spanish(),
    };
    Index::load_both(&build(lang, &docs)).expect("a built index loads")
}

/// The ids found, in result order.
fn ids(index: &Index, query: &str) -> Vec<String> {
    index
        .search(query, 100)
        .groups
        .iter()
        .flat_map(|g| &g.hits)
        .map(|h| index.doc(h.doc).unwrap().id.clone())
        .collect()
}

#[test]
fn spanish_stemming_finds_other_forms_of_a_word() {
    let es = index(Lang::Es);
    assert_eq!(ids(&es, "arancel"), ["mexico-tariffs", "tariff-rise"]);
    assert_eq!(ids(&es, "aranceles "), ["mexico-tariffs", "tariff-rise"]);
    assert_eq!(
        ids(&es, "vehiculos conectados"),
        ["security-threat", "ev-launch"]
    );
    assert_eq!(
        ids(&es, "vehículo conectado "),
        ["security-threat", "ev-launch"]
    );
}

#[test]
fn english_stemming_finds_other_forms_of_a_word() {
    let en = index(Lang::En);
    assert_eq!(ids(&en, "tariff "), ["mexico-tariffs", "tariffs-raised"]);
    assert_eq!(ids(&en, "raising "), ["mexico-tariffs", "tariffs-raised"]);
    assert_eq!(
        ids(&en, "connected vehicle "),
        ["commerce-rule", "rule-final"]
    );
}

#[test]
fn case_and_accents_are_folded_in_queries_and_text() {
    let es = index(Lang::Es);
    let expected = [
        "mexico-tariffs",
        "byd-in-mexico",
        "tariff-rise",
        "reuters-byd",
    ];
    for query in ["mexico", "México", "MÉXICO", "Me\u{301}xico", "méxico "] {
        assert_eq!(ids(&es, query), expected, "{query}");
    }
    // English stemming leaves accents alone: only folding makes these match.
    let docs = vec![doc(
        Kind::Event,
        "visit",
        "A visit to Querétaro",
        "Peña Nieto's plant tour.",
    )];
    let en = Index::load_both(&build(Lang::En, &docs)).unwrap();
    for query in ["queretaro", "QUERÉTARO", "pena nieto", "Pen\u{303}a "] {
        assert_eq!(ids(&en, query), ["visit"], "{query}");
    }
}

#[test]
fn the_last_word_is_also_a_prefix_while_it_is_being_typed() {
    let es = index(Lang::Es);
    assert_eq!(
        ids(&es, "veh"),
        ["security-threat", "ev-launch"],
        "vehículos"
    );
    assert_eq!(ids(&es, "aranc"), ["mexico-tariffs", "tariff-rise"]);
    assert!(ids(&es, "veh ").is_empty(), "a finished word is whole");
    assert!(
        ids(&es, "veh conectados").is_empty(),
        "only the last word is a prefix"
    );
    let en = index(Lang::En);
    assert_eq!(ids(&en, "sheinb"), ["byd-in-mexico"]);
}

#[test]
fn every_word_must_match() {
    let en = index(Lang::En);
    assert_eq!(ids(&en, "BYD"), ["byd-in-mexico"]);
    assert_eq!(
        ids(&en, "commerce rule"),
        ["commerce-rule", "rule-final"],
        "the event that names Commerce but not the rule is left out"
    );
    assert!(ids(&en, "byd commerce").is_empty());
}

#[test]
fn title_matches_rank_above_body_matches_within_a_kind() {
    let en = index(Lang::En);
    let found = en.search("commerce", 10);
    let events = found.groups.iter().find(|g| g.kind == Kind::Event).unwrap();
    let order: Vec<&str> = events
        .hits
        .iter()
        .map(|h| en.doc(h.doc).unwrap().id.as_str())
        .collect();
    assert_eq!(order, ["rule-final", "tariffs-raised"]);
    assert!(events.hits[0].score > events.hits[1].score);
    // Here the body match comes first in the index's order: only the score puts the title match ahead.
    let docs = vec![
        doc(
            Kind::Note,
            "body",
            "Something else",
            "A note that mentions BYD in passing.",
        ),
        doc(Kind::Note, "title", "BYD", "A note about the carmaker."),
    ];
    let index = Index::load_both(&build(Lang::En, &docs)).unwrap();
    assert_eq!(ids(&index, "byd"), ["title", "body"]);
}

#[test]
fn results_come_grouped_by_kind_with_counts() {
    let es = index(Lang::Es);
    let found = es.search("mexico", 1);
    let kinds: Vec<Kind> = found.groups.iter().map(|g| g.kind).collect();
    assert_eq!(kinds, [Kind::Note, Kind::Event, Kind::Source]);
    let totals: Vec<usize> = found.groups.iter().map(|g| g.total).collect();
    assert_eq!(totals, [2, 1, 1]);
    assert!(found.groups.iter().all(|g| g.hits.len() == 1), "limit 1");
    assert_eq!(found.total(), 4);
}

#[test]
fn groups_keep_the_kinds_order_whatever_the_scores() {
    let docs = vec![
        doc(
            Kind::Note,
            "note",
            "A note",
            "It names BYD in its body only.",
        ),
        doc(Kind::Event, "event", "BYD opens a plant", "In its title."),
    ];
    let index = Index::load_both(&build(Lang::En, &docs)).unwrap();
    let found = index.search("byd", 10);
    let kinds: Vec<Kind> = found.groups.iter().map(|g| g.kind).collect();
    assert_eq!(kinds, [Kind::Note, Kind::Event]);
    assert!(found.groups[1].hits[0].score > found.groups[0].hits[0].score);
}

#[test]
fn names_are_found_in_either_edition() {
    for lang in Lang::ALL {
        let index = index(lang);
        for name in ["BYD", "Sheinbaum", "CFIUS"] {
            assert!(
                !index.search(name, 10).is_empty(),
                "{name} in {}",
                lang.tag()
            );
        }
    }
}

#[test]
fn a_term_in_no_document_finds_nothing() {
    let es = index(Lang::Es);
    assert!(es.search("zanahoria", 10).is_empty());
    assert!(es.search("BYD zanahoria", 10).is_empty());
    assert_eq!(es.search("zanahoria", 10).total(), 0);
}

#[test]
fn matched_words_are_marked_in_the_title_and_snippet() {
    let es = index(Lang::Es);
    let found = es.search("mexico arancel", 10);
    let hit = &found.groups[0].hits[0];
    assert_eq!(es.doc(hit.doc).unwrap().id, "mexico-tariffs");
    let marked = |h: &search::Highlighted| -> Vec<String> {
        h.segments()
            .filter(|&(_, m)| m)
            .map(|(s, _)| s.to_owned())
            .collect()
    };
    assert_eq!(marked(&hit.title), ["aranceles", "México"]);
    assert_eq!(marked(&hit.snippet), ["México", "arancel"]);
    let whole: String = hit.snippet.segments().map(|(s, _)| s).collect();
    assert_eq!(whole, hit.snippet.text);
    // A prefix marks the words it starts.
    let found = es.search("conect", 10);
    assert_eq!(marked(&found.groups[0].hits[0].snippet), ["conectados"]);
}

#[test]
fn bad_input_finds_nothing_and_never_panics() {
    let es = index(Lang::Es);
    let long = "arancel ".repeat(250) + "zanahoria";
    let inputs = [
        "",
        "   ",
        "!!!…;—«»",
        "🚗🚗🇲🇽",
        "مرحبا بالعالم",
        "שלום",
        "<script>alert(1)</script>",
        "\u{0}\u{200f}\u{202e}",
        &"x".repeat(2_000),
        &long,
    ];
    for input in inputs {
        assert!(es.search(input, 10).is_empty(), "{input:.40}");
    }
}

#[test]
fn the_round_trip_through_bytes_keeps_every_document_and_answer() {
    for (lang, docs) in [(Lang::En, english()), (Lang::Es, spanish())] {
        let built = build(lang, &docs);
        let index = Index::load_both(&built).unwrap();
        assert_eq!(index.lang(), lang);
        assert_eq!(index.docs(), &docs[..]);
        assert_eq!(
            build(lang, index.docs()),
            built,
            "rebuilt from the loaded docs"
        );
        // The index alone finds, counts and ranks the same documents; the texts only add what they show.
        let bare = Index::load(&built.index).unwrap();
        assert!(!bare.has_texts() && index.has_texts());
        for query in ["mexico", "byd", "vehiculos", "tariffs"] {
            let (with, without) = (index.search(query, 10), bare.search(query, 10));
            assert_eq!(with.groups.len(), without.groups.len(), "{query}");
            for (a, b) in with.groups.iter().zip(&without.groups) {
                assert_eq!((a.kind, a.total), (b.kind, b.total), "{query}");
                let places =
                    |g: &search::Group| g.hits.iter().map(|h| (h.doc, h.score)).collect::<Vec<_>>();
                assert_eq!(places(a), places(b), "{query}");
                assert!(b
                    .hits
                    .iter()
                    .all(|h| h.title.text.is_empty() && h.snippet.text.is_empty()));
            }
        }
        // Every query agrees with a plain scan of the original documents.
        let analyzer = search::text::Analyzer::new(lang).unwrap();
        let keys = |text: &str| -> Vec<String> {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| analyzer.key(w))
                .collect()
        };
        for query in [
            "mexico",
            "byd",
            "vehiculos conectados",
            "tariffs",
            "rule",
            "2024",
            "la",
            "the commerce",
        ] {
            let wanted = keys(query);
            let mut expected: Vec<&str> = docs
                .iter()
                .filter(|d| {
                    let have = keys(&format!("{} {}", d.title, d.body));
                    wanted.iter().all(|w| have.contains(w))
                })
                .map(|d| d.id.as_str())
                .collect();
            let mut got = ids(&index, &format!("{query} "));
            expected.sort();
            got.sort();
            assert_eq!(got, expected, "{query} in {}", lang.tag());
        }
    }
}

#[test]
fn damaged_bytes_are_an_error() {
    let built = build(Lang::Es, &spanish());
    let bytes = &built.index;
    assert!(Index::load(&[]).is_err());
    assert!(Index::load(b"LXS\x02").is_err());
    assert!(
        Index::load(b"LXS\x01\x00\x00\x00").is_err(),
        "the previous format"
    );
    assert!(Index::load(&bytes[..bytes.len() - 1]).is_err());
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(Index::load(&longer).is_err());
    let mut index = Index::load(bytes).unwrap();
    let texts = &built.texts;
    assert!(index.load_texts(&texts[..texts.len() - 1]).is_err());
    assert!(index.load_texts(bytes).is_err(), "an index is not texts");
    let other = build(Lang::Es, &spanish()[1..]);
    assert!(
        index.load_texts(&other.texts).is_err(),
        "texts of another build"
    );
    let mut same_count = spanish();
    same_count[0].title.push_str(" (changed)");
    let other = build(Lang::Es, &same_count);
    assert_ne!(&other.index, bytes);
    assert!(
        index.load_texts(&other.texts).is_err(),
        "texts of another build with as many documents"
    );
    assert!(
        !index.has_texts(),
        "a failed load leaves the index as it was"
    );
    index.load_texts(texts).unwrap();
}

#[test]
fn random_queries_never_panic() {
    const PIECES: &[&str] = &[
        "a",
        "é",
        "ñ",
        "México",
        "veh",
        "aranc",
        "BYD",
        " ",
        "  ",
        "-",
        ".",
        "'",
        "\u{301}",
        "🚗",
        "🇲🇽",
        "مرحبا",
        "\u{202e}",
        "\u{0}",
        "<",
        ">",
        "script",
        "İ",
        "ß",
        "ﬁ",
        "漢字",
        "\u{feff}",
        "ǅ",
        "Σ",
        "9",
        "ⅻ",
        "\u{10ffff}",
        "\t\n",
        "&amp;",
    ];
    let indexes = [index(Lang::En), index(Lang::Es)];
    let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15);
    for round in 0..20_000 {
        let mut query = String::new();
        for _ in 0..rng.below(12) {
            if rng.below(4) == 0 {
                query.push(char::from_u32(rng.below(0x3_0000) as u32).unwrap_or('?'));
            } else {
                query.push_str(PIECES[rng.below(PIECES.len())]);
            }
        }
        let found = indexes[round % 2].search(&query, 1 + rng.below(5));
        for hit in found.groups.iter().flat_map(|g| &g.hits) {
            for h in [&hit.title, &hit.snippet] {
                assert!(h.segments().count() >= h.marks.len());
            }
        }
    }
}

#[test]
fn a_huge_count_is_an_error_not_an_allocation() {
    let mut bytes = build(Lang::En, &[]).index;
    assert_eq!(bytes.pop(), Some(0), "the term count of an empty index");
    bytes.extend_from_slice(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x10]);
    assert!(Index::load(&bytes).is_err());
}

#[test]
fn random_damage_to_the_bytes_is_an_error_or_an_index_never_a_panic() {
    let built = build(Lang::Es, &spanish());
    let mut rng = Rng::new(0x2545_f491_4f6c_dd1d);
    let mut damage = |bytes: &[u8]| {
        let mut damaged = bytes.to_vec();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(damaged.len());
            damaged[at] = rng.below(256) as u8;
        }
        damaged.truncate(damaged.len() - rng.below(3));
        damaged
    };
    for round in 0..5_000 {
        // Damage the index, or its texts (whose damage past the fingerprint only a check of each
        // length and of UTF-8 can catch).
        let (index, texts) = if round % 2 == 0 {
            (damage(&built.index), built.texts.clone())
        } else {
            (built.index.clone(), damage(&built.texts))
        };
        if let Ok(mut index) = Index::load(&index) {
            let _ = index.load_texts(&texts);
            index.search("mexico", 5);
            index.search("a", 5);
        }
    }
}

#[test]
fn more_text_is_searched_but_not_stored() {
    let docs = vec![Doc {
        more: "A long body that mentions Ebrard.".into(),
        ..doc(Kind::Note, "n", "A note", "Its summary.")
    }];
    let built = build(Lang::En, &docs);
    let index = Index::load_both(&built).unwrap();
    let found = index.search("ebrard", 10);
    assert_eq!(found.total(), 1);
    assert_eq!(found.groups[0].hits[0].snippet.text, "Its summary.");
    assert_eq!(index.doc(0).unwrap().more, "");
    for bytes in [&built.index, &built.texts] {
        assert!(!String::from_utf8_lossy(bytes).contains("long body"));
    }
}

#[test]
fn an_empty_site_has_an_empty_index() {
    let index = Index::load_both(&build(Lang::En, &[])).unwrap();
    assert!(index.search("anything", 10).is_empty());
}

#[test]
fn any_limit_gives_the_first_hits_of_the_full_ranking() {
    for lang in Lang::ALL {
        let index = index(lang);
        for query in ["m", "mexico", "a", "byd", "t", "la "] {
            let all = index.search(query, 100);
            for limit in 0..5 {
                let some = index.search(query, limit);
                assert_eq!(some.groups.len(), all.groups.len(), "{query}");
                for (s, a) in some.groups.iter().zip(&all.groups) {
                    assert_eq!((s.kind, s.total), (a.kind, a.total), "{query}");
                    assert_eq!(
                        s.hits[..],
                        a.hits[..limit.min(a.hits.len())],
                        "{query} {limit}"
                    );
                }
            }
        }
    }
}
