//! Editions are data: a third edition takes one entry in the model's `editions!` list, a catalog
//! (`src/i18n.rs`) and its content files, and nothing else in the code. The made-up edition `qaa`
//! (feature `made-up-edition`, never in the site's build) is added to a copy of the content compiler's
//! fixture pack, which is then compiled and rendered in all three editions. `cargo xtask test` runs this
//! file with the feature on.
#![cfg(all(feature = "ssr", feature = "made-up-edition"))]

use letter_explainer::content::notes;
use letter_explainer::edition;
use letter_explainer::route::{all, Route};
use model::{Lang, Site};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

mod support;

/// The made-up edition's content files, beside the fixture pack's own (English and Spanish): the site's
/// name, the letter (its marks as in the original) and one of its two notes, so that the other stands
/// in from the original.
const QAA_FILES: [(&str, &str); 3] = [
    (
        "site.qaa.toml",
        "name = \"Zha exampel lettra, annotatud\"\nshort_name = \"Exampel\"\n\
         description = \"A smol tesst sitt abut a exampel lettra.\"\n",
    ),
    (
        "letter.qaa.md",
        "+++\ntitle = \"Exampel lettra\"\nfrom = \"Exampel sendur\"\nto = \"Exampel recipiunt\"\n+++\n\n\
         Zha lettra opuns wiz [a exampel clam abut *sumzing*](note:example-claim), zhen goes on.\n\n\
         […]\n\nWe asc zhat yu [tak a exampel acshun](note:example-request) soone.\n\n\
         ## Pasages whos plase is unknoun\n\n> \u{201c}A quotud pasage.\u{201d}\n>\n\
         > — Quotud by [Beta Outlet](source:source-b)\n",
    ),
    (
        "notes/example-claim.qaa.md",
        "+++\ntitle = \"Exampel clam\"\nsummary = \"Wun sentuns abut zha exampel clam.\"\n\
         verdict_reason = \"Wun sentuns on wy.\"\n+++\n\
         Zha evidunce is in [Beta Outlet](source:source-b).\n",
    ),
];

/// Copies a folder's files and subfolders into another.
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The fixture pack with the made-up edition's files, compiled once into three editions.
fn three_editions() -> &'static [&'static Site] {
    static SITES: OnceLock<&'static [&'static Site]> = OnceLock::new();
    SITES.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("third-edition");
        let _ = fs::remove_dir_all(&dir);
        copy_dir(&support::good_pack(), &dir);
        for (name, text) in QAA_FILES {
            fs::write(dir.join(name), text).unwrap();
        }
        support::compile(&dir)
    })
}

fn page(lang: Lang, route: impl Fn() -> Route) -> String {
    support::page(three_editions(), lang, route)
}

/// The title of note `id` in the edition `lang`.
fn note_title(lang: Lang, id: &str) -> Option<String> {
    edition::render(three_editions(), lang, || {
        notes()
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.title.to_string())
    })
}

#[test]
fn the_list_entry_makes_a_third_edition_under_its_own_folder() {
    assert_eq!(Lang::ALL, [Lang::En, Lang::Es, Lang::Qaa]);
    assert_eq!(Lang::from_tag("qaa"), Some(Lang::Qaa));
    assert_eq!(Lang::Qaa.folder(), "qaa/");
    let sites = three_editions();
    assert_eq!(sites.len(), 3);
    assert_eq!(sites[2].lang, Lang::Qaa);
    let path = Route::Letter(Some("example-claim")).href(Lang::Qaa);
    assert!(path.ends_with("/qaa/notes/example-claim/"), "{path}");
    assert!(matches!(
        contract::route::Route::parse(&path),
        (
            Lang::Qaa,
            contract::route::Route::Letter(Some("example-claim"))
        )
    ));
    assert_eq!(Route::Timeline.file(Lang::Qaa), "qaa/timeline/index.html");
}

#[test]
fn every_route_renders_in_the_third_edition_with_its_text_and_its_links() {
    let routes = edition::render(three_editions(), Lang::Qaa, all);
    let english = edition::render(three_editions(), Lang::En, all);
    assert_eq!(routes, english, "every edition has the same pages");
    for (i, route) in routes.iter().enumerate() {
        let html = page(Lang::Qaa, || all()[i]);
        assert!(html.contains("<main"), "{route:?}");
        if !route.is_embed() {
            assert!(
                html.contains("Zha exampel lettra, annotatud"),
                "{route:?} lacks the edition's site name"
            );
            // Its language switch leads to the two other editions.
            for other in [Lang::En, Lang::Es] {
                let link = format!("hreflang=\"{}\"", other.tag());
                assert!(html.contains(&link), "{route:?} has no link to {other:?}");
            }
        }
    }
}

#[test]
fn the_third_edition_shows_its_translation_and_the_original_where_it_has_none() {
    let letter = page(Lang::Qaa, || Route::Letter(None));
    assert!(letter.contains("Zha lettra opuns wiz"));
    assert!(letter.contains("id=\"mark-example-claim\""));
    assert!(letter.contains("href=\"/qaa/notes/example-request/\""));
    let translated = page(Lang::Qaa, || Route::Letter(Some("example-claim")));
    assert!(translated.contains("Exampel clam"));
    assert!(!translated.contains("class=\"fallback-notice\""));
    // The untranslated note stands in from the original, marked as English.
    let untranslated = page(Lang::Qaa, || Route::Letter(Some("example-request")));
    assert!(untranslated.contains("class=\"fallback-notice\""));
    assert!(untranslated.contains("lang=\"en\""));
    assert_eq!(
        note_title(Lang::Qaa, "example-request"),
        note_title(Lang::En, "example-request")
    );
}

#[test]
fn the_other_editions_link_to_the_third_and_offer_its_embed() {
    for lang in [Lang::En, Lang::Es] {
        let html = page(lang, || Route::Letter(Some("example-claim")));
        assert!(
            html.contains("href=\"/qaa/notes/example-claim/\" hreflang=\"qaa\""),
            "{lang:?}: the language switch leads to the same note in the third edition"
        );
        assert!(
            html.contains(">Madeupese<"),
            "{lang:?}: named in its own catalog"
        );
        // Each embed control offers a snippet per edition, the third among them.
        let controls = html.matches("class=\"embed-control\"").count();
        assert!(controls > 0, "{lang:?}");
        let snippets = html.matches("class=\"embed-language\"").count();
        assert_eq!(snippets, 3 * controls, "{lang:?}");
        assert!(html.contains("data-lang=\"qaa\""), "{lang:?}");
    }
}

#[test]
fn the_third_edition_has_a_search_index_of_its_own_words() {
    let site = three_editions()[2];
    let built = search::build(Lang::Qaa, &search::documents(site));
    let index = search::Index::load_both(&built).expect("the index loads");
    assert_eq!(index.lang(), Lang::Qaa);
    // No Snowball stemmer for a made-up language: its words are folded and matched by prefix.
    let found = index.search("zha exampel cla", 10);
    let ids: Vec<&str> = found
        .groups
        .iter()
        .flat_map(|g| &g.hits)
        .map(|h| index.doc(h.doc).unwrap().id.as_str())
        .collect();
    assert!(ids.contains(&"example-claim"), "{ids:?}");
    assert!(index.search("zzzz", 10).is_empty());
}
