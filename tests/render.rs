//! Components rendered to HTML natively, as the prerenderer does, and checked.
#![cfg(feature = "ssr")]

use leptos::prelude::*;
use letter_explainer::content::{built, letter, notes, sources};
use letter_explainer::edition;
use letter_explainer::route::{all, note_id, Route};
use letter_explainer::App;
use model::{Lang, NoteKind};

/// Runs a test in the English edition of the build's own content.
fn en<T>(test: impl FnOnce() -> T) -> T {
    edition::render(built(), Lang::En, test)
}

/// A route's body, in the edition of the test (under an owner of its own, as the prerenderer does).
fn render(route: Route) -> String {
    Owner::new().with(|| view! { <App route/> }.to_html())
}

#[test]
fn the_letter_marks_every_claim_and_request_as_a_link_to_its_note() {
    en(|| {
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
    })
}

#[test]
fn a_note_route_renders_the_note_beside_the_passage_that_marks_it() {
    en(|| {
        let i = notes()
            .iter()
            .position(|n| n.id == "request-delegation")
            .unwrap();
        let html = render(Route::Letter(Some(note_id(i))));
        assert!(html.contains("id=\"note-title\""));
        assert!(html.contains(notes()[i].title.as_ref()));
        assert!(html.contains("Request 3"), "the request's number is shown");
        assert!(
            html.contains("aria-current=\"true\""),
            "the open note's mark is current"
        );
        assert!(html.contains("as of"), "a request shows its status date");
        // Not the whole letter: its passage, and a link to the letter at its mark.
        let letter = render(Route::Letter(None));
        let marks = |h: &str| {
            h.split("<a ")
                .skip(1)
                .filter(|tag| tag[..tag.find('>').unwrap_or(0)].contains("class=\"mark "))
                .count()
        };
        assert!(marks(&html) >= 1 && marks(&html) < marks(&letter) / 2);
        assert!(html.contains(&format!(
            "<a href=\"/#mark-request-delegation\" class=\"{}\">",
            contract::dom::WHOLE_LETTER
        )));
    })
}

#[test]
fn a_claim_note_shows_its_verdict_and_every_source() {
    en(|| {
        let i = notes().iter().position(|n| n.id == "market-share").unwrap();
        let html = render(Route::Letter(Some(note_id(i))));
        assert!(html.contains("Verdict"));
        for &s in notes()[i].sources.iter() {
            assert!(
                html.contains(sources()[s].url.as_ref()),
                "source {} missing",
                sources()[s].id
            );
        }
    })
}

#[test]
fn outside_links_never_pass_a_referrer_or_the_opener() {
    en(|| {
        for route in all() {
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
    })
}

#[test]
fn the_sources_page_lists_every_source_once() {
    en(|| {
        let html = render(Route::Sources);
        for s in sources() {
            assert_eq!(
                html.matches(&format!("id=\"{}\"", s.id)).count(),
                1,
                "{}",
                s.id
            );
        }
    })
}

#[test]
fn the_letter_header_says_what_it_is() {
    en(|| {
        let html = render(Route::Letter(None));
        assert!(html.contains("30 September 2024"));
        assert!(html.contains("1 October 2024"));
        assert!(html.contains(letter().from.as_ref()));
    })
}

#[test]
fn the_not_found_page_offers_a_way_back() {
    en(|| {
        let html = render(Route::NotFound);
        assert!(html.contains("Page not found"));
        assert!(html.contains("href=\"/\""));
    })
}

/// A route rendered in the Spanish edition, head and body.
fn render_es(route: Route) -> String {
    edition::with(Lang::Es, || {
        view! { <letter_explainer::head::Head route/> }.to_html()
            + &view! { <App route/> }.to_html()
    })
}

/// The string literals of a catalog in `src/i18n.rs` (`EN` or `ES`), read from the source so that a new
/// entry is checked without touching this test.
fn catalog_literals(name: &str) -> Vec<String> {
    let source = include_str!("../src/i18n.rs");
    let start = source
        .find(&format!("pub const {name}: Strings = Strings {{"))
        .expect("the catalog");
    let body = &source[start..start + source[start..].find("\n};").expect("its end")];
    let mut out = Vec::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '"' {
            let mut s = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => s.extend(chars.next()),
                    '"' => break,
                    c => s.push(c),
                }
            }
            out.push(s);
        }
    }
    out
}

/// The HTML without the elements marked `lang="en"` (the letter's original, English text standing in for a
/// missing translation).
fn without_english_elements(html: &str) -> String {
    let mut html = html.to_owned();
    while let Some(at) = html.find(" lang=\"en\"") {
        let open = html[..at].rfind('<').expect("inside a tag");
        let name: String = html[open + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let (open_tag, close_tag) = (format!("<{name}"), format!("</{name}>"));
        let mut depth = 0;
        let mut i = open;
        let end = loop {
            let next_open = html[i + 1..].find(&open_tag).map(|k| k + i + 1);
            let next_close = html[i + 1..]
                .find(&close_tag)
                .map(|k| k + i + 1)
                .expect("closed");
            match next_open {
                Some(o) if o < next_close => {
                    depth += 1;
                    i = o;
                }
                _ if depth > 0 => {
                    depth -= 1;
                    i = next_close;
                }
                _ => break next_close + close_tag.len(),
            }
        };
        html.replace_range(open..end, "");
    }
    html
}

/// What a reader (or a screen reader) gets from HTML: its text, and the attributes that are read out or
/// shown (`aria-label`, `title`, `alt`, `content`), one per line.
fn human_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('>').expect("a closed tag");
        let tag = &rest[open..close];
        for name in ["aria-label=\"", "title=\"", "alt=\"", "content=\""] {
            for (at, _) in tag.match_indices(name) {
                let value = &tag[at + name.len()..];
                out.push('\n');
                out.push_str(&value[..value.find('"').unwrap_or(value.len())]);
                out.push('\n');
            }
        }
        out.push(' ');
        rest = &rest[close + 1..];
        if tag.starts_with("<script") {
            // Data (JSON-LD), not text.
            rest = &rest[rest.find("</script>").unwrap_or(0)..];
        }
    }
    out.push_str(rest);
    out
}

/// True if `text` has `s` as whole words, and not as part of a longer name ("Mexico" in "Mexico News
/// Daily", "Canada" in "Public Safety Canada": names a Spanish note may give in the original).
fn shows(text: &str, s: &str) -> bool {
    text.match_indices(s).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = &text[at + s.len()..];
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        let name_goes_on =
            after.starts_with(' ') && after[1..].chars().next().is_some_and(char::is_uppercase);
        let name_began = text[..at].strip_suffix(' ').is_some_and(|b| {
            let word = &b[b.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| i + 1)..];
            word.chars().next().is_some_and(char::is_uppercase)
        });
        boundary(before) && boundary(after.chars().next()) && !name_goes_on && !name_began
    })
}

#[test]
fn spanish_pages_show_no_english_interface_text() {
    en(|| {
        let spanish = catalog_literals("ES");
        let english: Vec<String> = catalog_literals("EN")
            .into_iter()
            .filter(|s| !spanish.contains(s) && s != "en")
            // A template's literal parts, around `{placeholders}`.
            .flat_map(|s| {
                s.split(['{', '}'])
                    .step_by(2)
                    .map(|p| p.trim().to_owned())
                    .collect::<Vec<_>>()
            })
            .filter(|s| s.chars().count() >= 4)
            .collect();
        assert!(english.len() > 80, "the English catalog was read");
        assert!(english.contains(&"Passage not published".to_owned()));
        let routes = edition::with(Lang::Es, all);
        for route in routes {
            let html = human_text(&without_english_elements(&render_es(route)));
            for s in &english {
                let at = html.find(s.as_str()).unwrap_or(0);
                let context: String = html[at.saturating_sub(80)..].chars().take(160).collect();
                assert!(
                    !shows(&html, s),
                    "{route:?} shows English interface text `{s}`: …{context}…"
                );
            }
        }
    })
}

#[test]
fn spanish_pages_say_their_language_and_name_their_twin() {
    en(|| {
        let html = render_es(Route::Letter(Some(note_id(0))));
        let id = &notes()[0].id;
        assert!(html.contains("<title>"), "the head was rendered");
        assert!(html.contains("<meta name=\"twitter:card\" content=\"summary\">"));
        assert!(html.contains(&format!(
            "<meta name=\"twitter:title\" content=\"{} — ",
            edition::with(Lang::Es, || notes()[0].title.to_string())
        )));
        // `hreflang` alternates need absolute URLs: this build does not know its origin (the browser suite
        // checks them on a build that does).
        assert!(!html.contains("rel=\"alternate\" hreflang"));
        // The language switch goes to the same note in English.
        assert!(html.contains(&format!(
            "href=\"/notes/{id}/\" hreflang=\"en\" lang=\"en\" data-language-switch"
        )));
        assert!(html.contains("30 de septiembre de 2024"));
        // The note page holds its passage in both texts; the letter page the whole letter.
        assert_eq!(
            html.matches("lang=\"en\" class=\"original\"").count(),
            html.matches("class=\"translation\"").count()
        );
        let html = render_es(Route::Letter(None));
        // The original and the translation, with the same marks in both.
        let original = html.matches("lang=\"en\" class=\"original\"").count();
        assert!(original > 5, "passage by passage");
        assert_eq!(original, html.matches("class=\"translation\"").count());
        for note in notes().iter().filter(|n| n.passage.is_some()) {
            let mark = format!("href=\"/es/notes/{}/\"", note.id);
            assert!(
                html.matches(&mark).count() >= 2,
                "{} is marked in both texts",
                note.id
            );
        }
        // Every link stays in the edition.
        assert!(!html.contains("href=\"/timeline/\""));
        assert!(html.contains("href=\"/es/timeline/\""));
    })
}

#[test]
fn english_pages_link_to_their_spanish_twin() {
    en(|| {
        let html = render(Route::Timeline);
        assert!(html
            .contains("href=\"/es/timeline/\" hreflang=\"es\" lang=\"es\" data-language-switch"));
        assert!(html.contains("Español"));
    })
}

#[test]
fn embed_snippets_are_text_that_cannot_close_their_textarea() {
    en(|| {
        let html = render(Route::Letter(Some(note_id(0))));
        let start = html.find("<textarea").expect("a snippet");
        let inner = &html[html[start..].find('>').unwrap() + start + 1..];
        let inner = &inner[..inner.find("</textarea>").unwrap()];
        assert!(inner.starts_with("&lt;iframe src="), "{inner}");
        assert!(!inner.contains('<'), "{inner}");
    })
}

/// The values of an attribute in rendered HTML.
fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!(" {name}=\"");
    html.match_indices(&open)
        .map(|(at, _)| {
            let rest = &html[at + open.len()..];
            &rest[..rest.find('"').unwrap_or(0)]
        })
        .collect()
}

#[test]
fn pages_carry_every_name_the_browser_app_reads() {
    en(|| {
        use contract::dom;
        let has_id = |html: &str, id: &str| attribute_values(html, "id").contains(&id);
        let has_class = |html: &str, class: &str| {
            attribute_values(html, "class")
                .iter()
                .any(|v| v.split_whitespace().any(|c| c == class))
        };
        let letter = render(Route::Letter(Some(note_id(0))));
        for id in [dom::NOTES, dom::NOTE_TITLE, &dom::mark_id(note_id(0))] {
            assert!(has_id(&letter, id), "the letter has no #{id}");
        }
        for class in [
            dom::NOTE,
            dom::NO_NOTE,
            dom::NOTE_CLOSE,
            dom::LETTER_TEXT,
            dom::MARK,
            dom::EMBED_SNIPPET,
            dom::COPY_BUTTON,
            dom::WHOLE_LETTER,
        ] {
            assert!(has_class(&letter, class), "the letter has no .{class}");
        }
        // Copy buttons name what they copy; the live region carries both messages.
        for (page, attributes) in [
            (&letter, &[dom::COPY_URL, dom::COPY_FROM][..]),
            (&render(Route::Timeline), &[dom::COPY_URL][..]),
        ] {
            assert!(has_id(page, dom::COPY_STATUS), "no #{}", dom::COPY_STATUS);
            for attribute in attributes.iter().chain(&[dom::COPY_DONE, dom::COPY_FAILED]) {
                assert!(
                    attribute_values(page, attribute)
                        .iter()
                        .any(|v| !v.is_empty()),
                    "no {attribute}"
                );
            }
        }
        let head = view! { <letter_explainer::head::Head route=Route::Letter(None)/> }.to_html();
        assert!(head.contains(&format!("property=\"{}\"", dom::SITE_NAME_PROPERTY)));

        let timeline = render(Route::Timeline);
        assert!(has_id(&timeline, dom::TIMELINE_FILTER));
        assert!(attribute_values(&timeline, "name").contains(&dom::TRACKS_FIELD));
        for class in [dom::YEAR, dom::EVENT, dom::FILTER_STATUS] {
            assert!(has_class(&timeline, class), "the timeline has no .{class}");
        }
        for track in model::Track::ALL {
            assert!(has_class(&timeline, &dom::track_class(track)), "{track:?}");
        }
        let template = attribute_values(&timeline, dom::TEMPLATE);
        assert!(
            template
                .iter()
                .any(|t| t.contains(dom::SHOWN) && t.contains(dom::TOTAL)),
            "the filter's count has a template"
        );
        for html in [&letter, &timeline] {
            assert!(html.contains(&format!(" {}", dom::LANGUAGE_SWITCH)));
        }
    })
}

#[test]
fn every_passage_the_search_index_names_has_its_anchor_on_the_letter_page_in_both_editions() {
    for lang in Lang::ALL {
        edition::render(built(), lang, || {
            let docs = search::documents(letter_explainer::content::site());
            let passages = docs
                .iter()
                .filter(|d| d.kind == search::Kind::Passage)
                .count();
            assert!(passages > 0);
            // A note page shows only the passages marking its note, without anchors: the letter's
            // numbering is the letter page's alone.
            let note_page = render(Route::Letter(Some(note_id(0))));
            assert!(
                !note_page.contains("id=\"p-"),
                "{lang:?}: a note page has no passage anchor"
            );
            for route in [Route::Letter(None)] {
                let html = render(route);
                for n in 1..=passages {
                    let id = format!("id=\"{}\"", contract::dom::passage_id(n));
                    assert_eq!(html.matches(&id).count(), 1, "{lang:?} {route:?} {id}");
                }
                let next = format!("id=\"{}\"", contract::dom::passage_id(passages + 1));
                assert!(
                    !html.contains(&next),
                    "{lang:?}: more anchors than passages"
                );
            }
        });
    }
}

#[test]
fn the_search_page_is_an_a_to_z_of_every_note_source_and_year_with_its_form_hidden() {
    en(|| {
        let html = render(Route::Search);
        for note in notes() {
            assert!(
                html.contains(&format!("href=\"/notes/{}/\"", note.id)),
                "{}",
                note.id
            );
        }
        for source in sources() {
            assert!(
                html.contains(&format!("href=\"/sources/#{}\"", source.id)),
                "{}",
                source.id
            );
        }
        assert!(html.contains("href=\"/timeline/#year-2024\""));
        assert!(html.contains("<form id=\"search-form\""));
        assert!(html.contains(" hidden"), "the form waits for its script");
    })
}

/// The values of every `id` attribute of a page.
fn ids(html: &str) -> Vec<&str> {
    html.split(" id=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default())
        .collect()
}

#[test]
fn every_note_of_the_print_edition_has_one_endnote_and_one_reference() {
    for lang in Lang::ALL {
        edition::render(built(), lang, || {
            let html = render(Route::Print);
            assert!(!notes().is_empty());
            for note in notes() {
                let id = &note.id;
                for needle in [
                    format!(" id=\"ref-{id}\""),
                    format!(" id=\"endnote-{id}\""),
                    format!("href=\"#endnote-{id}\""),
                    format!("href=\"#ref-{id}\""),
                ] {
                    assert_eq!(html.matches(&needle).count(), 1, "{lang:?}: {needle}");
                }
                assert!(html.contains(note.title.as_ref()), "{lang:?}: {id}");
            }
            // Numbered in reading order, 1 to N, each number once as a reference.
            let refs = html.matches("<sup class=\"ref\">").count();
            assert_eq!(refs, notes().len(), "{lang:?}");
            let ids = ids(&html);
            let mut unique = ids.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), ids.len(), "{lang:?}: an id is repeated");
            assert!(html.contains("class=\"print-timeline\""));
            assert!(html.contains("class=\"print-sources\""));
        })
    }
}

#[test]
fn the_letter_page_and_about_link_the_print_edition() {
    for lang in Lang::ALL {
        edition::render(built(), lang, || {
            let print = format!("href=\"{}\"", Route::Print.href(lang));
            for route in [Route::Letter(None), Route::About] {
                assert_eq!(
                    render(route).matches(&print).count(),
                    1,
                    "{lang:?} {route:?}"
                );
            }
            assert!(!render(Route::EmbedLetter).contains(&print));
        })
    }
}

/// The scorecard's HTML on a page.
fn scorecard(html: &str) -> &str {
    let at = html.find("class=\"scorecard\"").expect("a scorecard");
    let start = html[..at].rfind("<section").unwrap();
    let end = start + html[start..].find("</section>").unwrap();
    &html[start..end]
}

#[test]
fn the_scorecard_links_every_claim_under_its_verdict_and_every_request_with_its_status() {
    use letter_explainer::i18n::t;
    use model::Assessment;
    for lang in Lang::ALL {
        edition::render(built(), lang, || {
            for route in [Route::Letter(None), Route::About] {
                let html = render(route);
                let card = scorecard(&html);
                let mut claims = 0;
                for note in notes() {
                    let link = format!("href=\"{}\"", Route::Letter(Some(&note.id)).href(lang));
                    match &note.assessment {
                        Assessment::Verdict { verdict, .. } => {
                            claims += 1;
                            assert_eq!(card.matches(&link).count(), 1, "{lang:?}: {}", note.id);
                            // The link sits in its verdict's group, named in words.
                            let group_start =
                                card[..card.find(&link).unwrap()].rfind("<div>").unwrap();
                            let pill = format!("{}</span>", t().verdict(*verdict));
                            assert!(
                                card[group_start..].starts_with(&format!(
                                    "<div><dt><span class=\"pill {}\">{pill}",
                                    verdict.slug()
                                )),
                                "{lang:?}: {}",
                                note.id
                            );
                        }
                        Assessment::Status { status, as_of } => {
                            let at = card.find(&link).expect("every request is linked");
                            let item = &card[at..at + card[at..].find("</li>").unwrap()];
                            assert!(item.contains(t().status(*status)), "{item}");
                            assert!(item.contains(&t().date(*as_of)), "{item}");
                        }
                        Assessment::None => {
                            assert!(!card.contains(&link), "{lang:?}: {}", note.id)
                        }
                    }
                }
                assert!(claims > 0);
                assert_eq!(card.matches("<dd>").count(), claims);
                assert_eq!(card.matches("<li>").count(), 3, "three requests");
            }
            assert!(!render(Route::EmbedLetter).contains("class=\"scorecard\""));
        })
    }
}
