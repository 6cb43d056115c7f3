//! Views render whatever site they are given, not only the build's own content: a fixture pack
//! (the content compiler's own test pack) is compiled at test time and its pages are rendered and checked.
#![cfg(feature = "ssr")]

use letter_explainer::content::{built, notes};
use letter_explainer::edition;
use letter_explainer::route::{all, Route};
use model::{Lang, Site};
use std::sync::OnceLock;

mod support;

use support::page;

/// Both editions of the content compiler's good fixture pack, compiled once.
fn fixture() -> &'static [&'static Site] {
    static SITES: OnceLock<&'static [&'static Site]> = OnceLock::new();
    SITES.get_or_init(|| support::compile(&support::good_pack()))
}

#[test]
fn the_letter_of_a_fixture_site_shows_its_text_and_marks_not_the_built_in_letter() {
    let html = page(fixture(), Lang::En, || Route::Letter(None));
    assert!(html.contains("Example letter"), "the fixture's title");
    assert!(html.contains("an example claim about <em>something"));
    assert!(html.contains("id=\"mark-example-claim\""));
    assert!(html.contains("href=\"/notes/example-request/\""));
    let built_in = edition::render(built(), Lang::En, || notes()[0].title.to_string());
    assert!(
        !html.contains(&built_in),
        "the built-in content leaked into a fixture page"
    );
}

#[test]
fn every_route_of_a_fixture_site_renders_in_both_editions() {
    for lang in Lang::ALL {
        let routes = edition::render(fixture(), lang, all);
        // Each note on the letter and as an embed, among the other pages.
        let note_count = edition::render(fixture(), lang, || notes().len());
        let count = |f: fn(&Route) -> bool| routes.iter().filter(|r| f(r)).count();
        assert_eq!(count(|r| matches!(r, Route::Letter(Some(_)))), note_count);
        assert_eq!(count(|r| matches!(r, Route::EmbedNote(_))), note_count);
        assert!(routes.contains(&Route::Letter(None)) && routes.contains(&Route::NotFound));
        for (i, _) in routes.iter().enumerate() {
            let html = page(fixture(), lang, || all()[i]);
            assert!(html.contains("<main"), "{lang:?} {:?}", routes[i]);
        }
    }
}

#[test]
fn a_fixture_note_opens_in_its_own_words_in_each_edition() {
    let en = page(fixture(), Lang::En, || Route::Letter(Some("example-claim")));
    assert!(en.contains("id=\"note-title\""));
    assert!(en.contains("Example claim"));
    let es = page(fixture(), Lang::Es, || Route::Letter(Some("example-claim")));
    assert!(es.contains("Afirmación de ejemplo"));
    assert!(es.contains("href=\"/notes/example-claim/\" hreflang=\"en\""));
}

#[test]
fn the_code_names_no_document_a_fixture_site_is_about_its_own() {
    // What the built-in content is about: none of it may come from the code. (The timeline's track names
    // are still code: see ARCHITECTURE.md.)
    let built_in = [
        "Slotkin",
        "Sheinbaum",
        "Brown",
        "connected vehicles",
        "vehículos conectados",
    ];
    for (lang, name) in [
        (Lang::En, "An example letter, annotated"),
        (Lang::Es, "Una carta de ejemplo, anotada"),
    ] {
        let routes = edition::render(fixture(), lang, all);
        for (i, route) in routes.iter().enumerate() {
            let html = page(fixture(), lang, || all()[i]);
            for word in built_in {
                assert!(!html.contains(word), "{lang:?} {route:?} names `{word}`");
            }
            if !route.is_embed() {
                assert!(
                    html.contains(name),
                    "{lang:?} {route:?} lacks the site's name"
                );
            }
        }
        let description = edition::render(fixture(), lang, || {
            letter_explainer::head::description(Route::About)
        });
        assert!(description.contains("example letter") || description.contains("carta de ejemplo"));
    }
}
