//! Views render whatever site they are given, not only the one this build compiled in: a fixture pack
//! (the content compiler's own test pack) is compiled at test time and its pages are rendered and checked.
#![cfg(feature = "ssr")]

use leptos::prelude::*;
use letter_explainer::content::{baked, notes};
use letter_explainer::edition;
use letter_explainer::route::{all, Route};
use letter_explainer::App;
use model::{Lang, Site};
use std::path::Path;
use std::sync::OnceLock;

/// Both editions of the content compiler's good fixture pack, compiled once.
fn fixture() -> &'static [&'static Site] {
    static SITES: OnceLock<Vec<&'static Site>> = OnceLock::new();
    SITES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/content/tests/fixtures/good");
        let tree = content::ContentTree::read(&dir).expect("read the fixture pack");
        let editions = content::compile_editions(&tree)
            .unwrap_or_else(|d| panic!("the fixture pack must compile:\n{d}"));
        vec![
            Box::leak(Box::new(editions.en)),
            Box::leak(Box::new(editions.es)),
        ]
    })
}

fn page(sites: &'static [&'static Site], lang: Lang, route: impl Fn() -> Route) -> String {
    edition::render(sites, lang, || {
        let route = route();
        view! { <letter_explainer::head::Head route/> }.to_html()
            + &view! { <App route/> }.to_html()
    })
}

#[test]
fn the_letter_of_a_fixture_site_shows_its_text_and_marks_not_the_built_in_letter() {
    let html = page(fixture(), Lang::En, || Route::Letter(None));
    assert!(html.contains("Example letter"), "the fixture's title");
    assert!(html.contains("an example claim about <em>something"));
    assert!(html.contains("id=\"mark-example-claim\""));
    assert!(html.contains("href=\"/notes/example-request/\""));
    let built_in = edition::render(baked(), Lang::En, || notes()[0].title.to_string());
    assert!(
        !html.contains(&built_in),
        "the built-in content leaked into a fixture page"
    );
}

#[test]
fn every_route_of_a_fixture_site_renders_in_both_editions() {
    for lang in Lang::ALL {
        let routes = edition::render(fixture(), lang, all);
        // Five pages, each note on the letter and as an embed, the two other embeds, the print edition.
        let note_count = edition::render(fixture(), lang, || notes().len());
        assert_eq!(routes.len(), 5 + 2 * note_count + 2 + 1);
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
