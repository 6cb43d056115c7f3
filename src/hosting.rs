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
        "print/*",
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
    Some(format!(
        "{{\"version\":\"1.0\",\"type\":\"rich\",\"title\":{},\"provider_name\":{},\"provider_url\":{},\"html\":{},\"width\":640,\"height\":{height}}}\n",
        json_string(&crate::head::title(route)),
        json_string(t().site_name),
        json_string(&absolute(BASE)),
        json_string(&html),
    ))
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

/// Structured data (JSON-LD) for a page: the letter as an article, each claim note as a `ClaimReview`
/// whose rating is its verdict.
pub fn json_ld(route: Route) -> Option<String> {
    use crate::content::{letter, note};
    use model::{Assessment, Verdict};
    let url = |r: Route| {
        if ORIGIN.is_empty() {
            String::new()
        } else {
            format!(",\"url\":{}", json_string(&absolute(&href(r))))
        }
    };
    match route {
        Route::Letter(None) => {
            let l = letter();
            Some(format!(
                "{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":{},\"description\":{},\"dateCreated\":\"{}\",\"datePublished\":\"{}\",\"author\":{{\"@type\":\"Organization\",\"name\":{}}},\"inLanguage\":\"{}\"{}}}",
                json_string(&l.title),
                json_string(t().site_description),
                l.date,
                l.published,
                json_string(&l.from),
                t().lang,
                url(route)
            ))
        }
        Route::Letter(Some(id)) => {
            let n = note(id)?;
            let Assessment::Verdict { verdict, reason } = &n.assessment else {
                return None;
            };
            let rating = match verdict {
                Verdict::Supported => 4,
                Verdict::NeedsContext => 3,
                Verdict::Unverifiable => 2,
                Verdict::Disputed => 1,
            };
            let l = letter();
            Some(format!(
                "{{\"@context\":\"https://schema.org\",\"@type\":\"ClaimReview\",\"claimReviewed\":{},\"reviewBody\":{},\"itemReviewed\":{{\"@type\":\"Claim\",\"author\":{{\"@type\":\"Organization\",\"name\":{}}},\"datePublished\":\"{}\"}},\"reviewRating\":{{\"@type\":\"Rating\",\"ratingValue\":{rating},\"bestRating\":4,\"worstRating\":1,\"alternateName\":{}}},\"author\":{{\"@type\":\"Organization\",\"name\":{}}},\"inLanguage\":\"{}\"{}}}",
                json_string(n.passage.as_deref().unwrap_or(&n.title)),
                json_string(reason),
                json_string(&l.from),
                l.published,
                json_string(t().verdict(*verdict)),
                json_string(t().site_name),
                t().lang,
                url(route)
            ))
        }
        _ => None,
    }
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
        // Eight page rules (the print edition's too) and one embed rule per edition, each with exactly one
        // policy.
        assert_eq!(file.matches("frame-ancestors *").count(), 2);
        assert_eq!(file.matches("Content-Security-Policy:").count(), 18);
        assert!(file.contains(&format!("\n{BASE}es/print/*\n")));
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
    fn the_meta_policy_in_index_html_is_the_same() {
        let index = include_str!("../index.html");
        assert!(
            index.contains(&format!("content=\"{CSP}\"")),
            "index.html's CSP meta tag differs from hosting::CSP"
        );
    }
}
