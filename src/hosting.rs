//! Files for static hosts, written by the prerenderer: `_headers` (read by Netlify, Cloudflare Pages and
//! others) with the Content-Security-Policy as a real header, so that `frame-ancestors` can apply: embed
//! routes may be framed by any site, every other page only by the site itself.

use crate::i18n::t;
use crate::route::{href, Route};
use contract::edition::prefix;
use contract::{absolute, asset, BASE, ORIGIN};
use model::Lang;

/// The policy every page carries (also as a meta tag in `index.html`, which cannot express
/// `frame-ancestors`).
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

/// The `_headers` file for the site at its base path. Each path gets exactly one policy: hosts combine
/// the headers of every rule that matches, and two policies would both apply.
pub fn headers_file() -> String {
    let common =
        "  Referrer-Policy: strict-origin-when-cross-origin\n  X-Content-Type-Options: nosniff\n";
    let own = [
        "",
        "notes/*",
        "timeline/*",
        "sources/*",
        "about/*",
        "corrections/*",
        "404.html",
        "index.html",
    ];
    let mut out = String::new();
    for lang in Lang::ALL {
        let at = format!("{BASE}{}", prefix(lang));
        for path in own {
            out.push_str(&format!(
                "{at}{path}\n  Content-Security-Policy: {CSP}; frame-ancestors 'self'\n{common}"
            ));
        }
        out.push_str(&format!(
            "{at}embed/*\n  Content-Security-Policy: {CSP}; frame-ancestors *\n{common}"
        ));
    }
    out
}

/// The oEmbed (1.0, type `rich`) document for a page, when the build knows the site's origin (oEmbed needs
/// absolute URLs).
pub fn oembed_json(route: Route) -> Option<String> {
    if ORIGIN.is_empty() {
        return None;
    }
    let embed = route.embed()?;
    let (_, html) = crate::components::embed_control::snippets(embed);
    let height = crate::components::embed_control::frame_height(embed);
    let doc = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "title": crate::head::title(route),
        "provider_name": crate::content::info().name,
        "provider_url": absolute(BASE),
        "html": html,
        "width": 640,
        "height": height,
    });
    Some(doc.to_string() + "\n")
}

/// `robots.txt`: everything may be crawled; the sitemap is named when the origin is known.
pub fn robots_txt() -> String {
    let mut out = String::from("User-agent: *\nAllow: /\n");
    if !ORIGIN.is_empty() {
        out.push_str(&format!("Sitemap: {}\n", absolute(&asset("sitemap.xml"))));
    }
    out
}

/// `sitemap.xml` with every page a reader would land on (not the embeds, not the not-found page); needs
/// the origin, since a sitemap lists absolute URLs.
pub fn sitemap_xml() -> Option<String> {
    if ORIGIN.is_empty() {
        return None;
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    // Every page in every edition, each naming all its editions (Google's hreflang in sitemaps).
    for route in crate::route::all()
        .into_iter()
        .filter(|r| !r.is_embed() && *r != Route::NotFound)
    {
        let alternates: String = Lang::ALL
            .iter()
            .map(|&l| {
                format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    l.tag(),
                    xml_escape(&absolute(&route.href(l)))
                )
            })
            .collect();
        for lang in Lang::ALL {
            out.push_str(&format!(
                "  <url><loc>{}</loc>{alternates}</url>\n",
                xml_escape(&absolute(&route.href(lang)))
            ));
        }
    }
    out.push_str("</urlset>\n");
    Some(out)
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Structured data (JSON-LD, schema.org) for a page, built with serde_json: the letter page as a
/// `NewsArticle`, each claim note as a `ClaimReview` (the properties Google's ClaimReview documentation
/// requires: `claimReviewed`, `reviewRating` with `alternateName`, `itemReviewed` a `Claim` whose
/// `appearance` is the letter, `author`, `datePublished` and, with an origin, `url`). The review's
/// `datePublished` is the day the note was last reviewed (see CONTENT.md); its rating is the verdict on
/// the about page's four-step scale. Safe inside `<script>`: `<` is written as `\u003c`.
pub fn json_ld(route: Route) -> Option<String> {
    let value = match route {
        Route::Letter(None) => Some(news_article()),
        Route::Letter(Some(id)) => claim_review(id),
        _ => None,
    }?;
    Some(script_safe(&value))
}

/// JSON for a `<script>` element: `<` escaped (inside JSON strings, the only place it can be), so no
/// text can close the element.
fn script_safe(value: &serde_json::Value) -> String {
    serde_json::to_string(value)
        .expect("a JSON value always serialises")
        .replace('<', "\\u003c")
}

/// An absolute URL when the build knows the origin.
fn absolute_url(route: Route) -> Option<String> {
    (!ORIGIN.is_empty()).then(|| absolute(&href(route)))
}

/// The organisation that wrote the letter (its `from` line).
fn letter_author() -> serde_json::Value {
    serde_json::json!({ "@type": "Organization", "name": crate::content::letter().from.as_ref() })
}

/// The letter page: a `NewsArticle` about the letter.
fn news_article() -> serde_json::Value {
    let l = crate::content::letter();
    let mut article = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": l.title.as_ref(),
        "description": crate::content::info().description,
        "dateCreated": l.date.to_string(),
        "datePublished": l.published.to_string(),
        "author": letter_author(),
        "inLanguage": t().lang,
    });
    if let Some(url) = absolute_url(Route::Letter(None)) {
        article["url"] = url.into();
    }
    article
}

/// A claim note: a `ClaimReview` of the marked passage, rated by its verdict.
fn claim_review(id: &str) -> Option<serde_json::Value> {
    use model::{Assessment, Verdict};
    let n = crate::content::note(id)?;
    let Assessment::Verdict { verdict, reason } = &n.assessment else {
        return None;
    };
    let rating = match verdict {
        Verdict::Supported => 4,
        Verdict::NeedsContext => 3,
        Verdict::Unverifiable => 2,
        Verdict::Disputed => 1,
    };
    let l = crate::content::letter();
    let mut letter = serde_json::json!({
        "@type": "CreativeWork",
        "headline": l.title.as_ref(),
        "author": letter_author(),
        "datePublished": l.published.to_string(),
    });
    if let Some(url) = absolute_url(Route::Letter(None)) {
        letter["url"] = url.into();
    }
    let mut review = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": n.passage.as_deref().unwrap_or(&n.title),
        "reviewBody": reason.as_ref(),
        "itemReviewed": {
            "@type": "Claim",
            "author": letter_author(),
            "datePublished": l.published.to_string(),
            "appearance": letter,
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating,
            "bestRating": 4,
            "worstRating": 1,
            "alternateName": t().verdict(*verdict),
        },
        "author": { "@type": "Organization", "name": crate::content::info().name },
        "datePublished": n.reviewed.to_string(),
        "inLanguage": t().lang,
    });
    if let Some(url) = absolute_url(Route::Letter(Some(&n.id))) {
        review["url"] = url.into();
    }
    Some(review)
}

/// A JSON string literal, also safe as a JavaScript literal and inside a `<script>` element (`<`, U+2028 and
/// U+2029 are escaped).
pub fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c == '<' || (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embeds_may_be_framed_anywhere_and_nothing_else() {
        let file = headers_file();
        let rules: Vec<&str> = file.split(&format!("\n{BASE}")).collect();
        for rule in &rules {
            let path = rule.lines().next().unwrap();
            assert_eq!(
                rule.contains("frame-ancestors *"),
                path.ends_with("embed/*"),
                "{rule}"
            );
        }
        // Eight page rules and one embed rule per edition, each with exactly one policy.
        assert_eq!(file.matches("frame-ancestors *").count(), 2);
        assert_eq!(file.matches("Content-Security-Policy:").count(), 18);
        assert!(file.contains(&format!("\n{BASE}es/embed/*\n")));
        assert!(!file.contains("unsafe-inline") && !file.contains("'unsafe-eval'"));
    }

    #[test]
    fn json_strings_escape_what_json_requires() {
        assert_eq!(
            json_string("Slotkin–Brown \u{2028}"),
            "\"Slotkin–Brown \\u2028\""
        );
        assert_eq!(
            json_string("a\"b\\c\nd<e\u{1}"),
            "\"a\\\"b\\\\c\\nd\\u003ce\\u0001\""
        );
    }

    #[test]
    fn embeddable_pages_have_an_oembed_file() {
        crate::edition::in_english(|| {
            let oembed_file = |route: Route| route.oembed_file(model::Lang::En);
            assert_eq!(
                oembed_file(Route::Letter(None)).as_deref(),
                Some("oembed/letter.json")
            );
            assert_eq!(
                oembed_file(Route::Timeline).as_deref(),
                Some("oembed/timeline.json")
            );
            let id = crate::route::note_id(0);
            assert_eq!(
                oembed_file(Route::Letter(Some(id))),
                Some(format!("oembed/notes/{id}.json"))
            );
            assert_eq!(oembed_file(Route::Sources), None);
        })
    }

    #[test]
    fn claim_notes_carry_a_claim_review_rated_by_their_verdict() {
        crate::edition::in_english(|| {
            use model::{Assessment, NoteKind};
            for (i, n) in crate::content::notes().iter().enumerate() {
                let ld = json_ld(Route::Letter(Some(crate::route::note_id(i))));
                match (&n.assessment, n.kind) {
                    (Assessment::Verdict { verdict, .. }, NoteKind::Claim) => {
                        let ld = ld.expect("a claim has a ClaimReview");
                        assert!(ld.contains("\"@type\":\"ClaimReview\""));
                        let value: serde_json::Value = serde_json::from_str(&ld).unwrap();
                        assert_eq!(value["itemReviewed"]["appearance"]["@type"], "CreativeWork");
                        assert_eq!(value["datePublished"], n.reviewed.to_string());
                        assert!(
                            ld.contains(&format!(
                                "\"alternateName\":\"{}\"",
                                t().verdict(*verdict)
                            )),
                            "{ld}"
                        );
                    }
                    _ => assert!(ld.is_none(), "{} is not a claim", n.id),
                }
            }
            assert!(json_ld(Route::Letter(None))
                .unwrap()
                .contains("NewsArticle"));
        })
    }

    #[test]
    fn structured_data_cannot_close_its_script_element() {
        let value = serde_json::json!({ "a": "</script><script>alert(1)</script>" });
        let json = script_safe(&value);
        assert!(!json.contains('<'), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn the_meta_policy_in_index_html_is_the_same() {
        let index = include_str!("../index.html");
        assert!(
            index.contains(&format!("content=\"{CSP}\"")),
            "index.html's CSP meta tag differs from hosting::CSP"
        );
    }
}
