//! Components rendered to HTML natively, as the prerenderer does, and checked.
#![cfg(feature = "ssr")]

use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use letter_explainer::content::{letter, notes, sources};
use letter_explainer::route::Route;
use letter_explainer::App;
use model::NoteKind;
use std::sync::Arc;

fn render(route: Route) -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    owner.with(|| view! { <App route/> }.to_html())
}

#[test]
fn the_letter_marks_every_claim_and_request_as_a_link_to_its_note() {
    let html = render(Route::Letter(None));
    for note in notes().iter().filter(|n| n.kind != NoteKind::Context) {
        let href = format!("href=\"/notes/{}/\"", note.id);
        let mark = format!("id=\"mark-{}\"", note.id);
        assert!(
            html.contains(&href) && html.contains(&mark),
            "{} is not marked",
            note.id
        );
    }
    assert_eq!(html.matches("class=\"mark request\"").count(), 3);
    assert!(html.contains("Passage not published"));
    assert!(
        !html.contains("<article"),
        "no note is open on the letter page"
    );
}

#[test]
fn a_note_route_renders_the_letter_with_that_note_open() {
    let i = notes()
        .iter()
        .position(|n| n.id == "request-delegation")
        .unwrap();
    let html = render(Route::Letter(Some(i)));
    assert!(html.contains("id=\"note-title\""));
    assert!(html.contains(notes()[i].title.as_ref()));
    assert!(html.contains("Request 3"), "the request's number is shown");
    assert!(
        html.contains("aria-current=\"true\""),
        "the open note's mark is current"
    );
    assert!(html.contains("as of"), "a request shows its status date");
}

#[test]
fn a_claim_note_shows_its_verdict_and_every_source() {
    let i = notes().iter().position(|n| n.id == "market-share").unwrap();
    let html = render(Route::Letter(Some(i)));
    assert!(html.contains("Verdict"));
    for &s in notes()[i].sources.iter() {
        assert!(
            html.contains(sources()[s].url.as_ref()),
            "source {} missing",
            sources()[s].id
        );
    }
}

#[test]
fn outside_links_never_pass_a_referrer_or_the_opener() {
    for route in Route::all() {
        let html = render(route);
        for (pos, _) in html.match_indices("href=\"http") {
            let tag_end = pos + html[pos..].find('>').unwrap();
            let tag_start = html[..pos].rfind('<').unwrap();
            let tag = &html[tag_start..tag_end];
            assert!(
                tag.contains("rel=\"noopener noreferrer\""),
                "{route:?}: {tag}"
            );
        }
    }
}

#[test]
fn the_sources_page_lists_every_source_once() {
    let html = render(Route::Sources);
    for s in sources() {
        assert_eq!(
            html.matches(&format!("id=\"{}\"", s.id)).count(),
            1,
            "{}",
            s.id
        );
    }
}

#[test]
fn the_letter_header_says_what_it_is() {
    let html = render(Route::Letter(None));
    assert!(html.contains("30 September 2024"));
    assert!(html.contains("1 October 2024"));
    assert!(html.contains(letter().from.as_ref()));
}

#[test]
fn the_not_found_page_offers_a_way_back() {
    let html = render(Route::NotFound);
    assert!(html.contains("Page not found"));
    assert!(html.contains("href=\"/\""));
}
