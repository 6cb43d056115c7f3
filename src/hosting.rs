//! Files for static hosts, written by the prerenderer: `_headers` (read by Netlify, Cloudflare Pages and
//! others) with the Content-Security-Policy as a real header, so that `frame-ancestors` can apply: embed
//! routes may be framed by any site, every other page only by the site itself.

use crate::route::Route;
use contract::edition::prefix;
use contract::{absolute, asset, BASE, ORIGIN};
use model::Lang;

/// The policy every page carries (also as a meta tag in `index.html`, which cannot express
/// `frame-ancestors`).
///
/// Architecture Invariant: every source is `'self'`; no inline script or style, no third-party host. A
/// feature that needs more must change this line, where the review sees it.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

/// The `_headers` file for the site at its base path.
///
/// Hosts apply every rule whose pattern matches a path, and `*` matches anything, so no pattern can leave
/// `/embed/*` out of a catch-all. How they combine two rules that set the same header differs: Cloudflare
/// Pages documents that a request "will inherit all rules' headers" and that a header set twice has its
/// values joined with a comma (<https://developers.cloudflare.com/pages/configuration/headers/>); for a
/// `Content-Security-Policy` that means two policies, both enforced. Netlify's own local server (the
/// `headersForPath` of netlify/cli, `src/utils/headers.mjs`) merges the matching rules in file order, a
/// later rule's value replacing an earlier one. So the file is written to mean the same either way:
///
/// - `BASE*`, first: the policy without `frame-ancestors`, `nosniff` and the referrer policy, for every
///   response: pages, scripts, wasm, `sw.js`, and the host's not-found answers at unknown addresses.
/// - Each non-embed page's pattern, generated from the routes (`/`, `notes/*`, `timeline/*`, `404.html`…
///   in every edition): the whole policy again with `frame-ancestors 'self'`. Joined, the two policies
///   still allow only the site itself to frame the page; replacing, the second is the whole policy.
/// - Nothing for `embed/*`: any site may frame them.
///
/// An unknown address that is no page's pattern gets the policy and `nosniff`, but can be framed: no
/// pattern can name "everything but the embeds". Its page (the not-found page) then offers a link out of
/// the frame, like any page that finds itself framed.
pub fn headers_file() -> String {
    let mut out = format!(
        "{BASE}*\n  Content-Security-Policy: {CSP}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n"
    );
    for pattern in own_page_patterns() {
        out.push_str(&format!(
            "{pattern}\n  Content-Security-Policy: {CSP}; frame-ancestors 'self'\n"
        ));
    }
    out
}

/// The patterns that cover every page that is not an embed, in every edition: a page in a folder by its
/// first folder (`/notes/*`), a page at the edition's root by its exact path (and its `index.html`), a
/// file by its name (`/404.html`).
fn own_page_patterns() -> Vec<String> {
    let mut patterns = Vec::new();
    for lang in Lang::ALL {
        let at = format!("{BASE}{}", prefix(lang));
        for route in crate::route::all().into_iter().filter(|r| !r.is_embed()) {
            let href = route.href(lang);
            let rest = &href[at.len()..];
            let found = match rest.split_once('/') {
                _ if rest.is_empty() => vec![at.clone(), format!("{at}index.html")],
                Some((folder, _)) => vec![format!("{at}{folder}/*")],
                None => vec![href.clone()],
            };
            for pattern in found {
                if !patterns.contains(&pattern) {
                    patterns.push(pattern);
                }
            }
        }
    }
    patterns
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
        .filter(|r| !r.is_embed() && !r.stands_in())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_catch_all_then_frame_ancestors_for_every_page_but_the_embeds() {
        let file = crate::edition::in_english(headers_file);
        let rules: Vec<&str> = file.split(&format!("\n{BASE}")).collect();
        assert!(rules[0].starts_with(&format!("{BASE}*\n")), "{file}");
        assert!(!rules[0].contains("frame-ancestors") && rules[0].contains("nosniff"));
        for rule in &rules[1..] {
            assert!(rule.contains("frame-ancestors 'self'"), "{rule}");
            assert!(
                !rule.contains("embed") && !rule.contains("nosniff"),
                "{rule}"
            );
        }
        // Every page route that is not an embed, in both editions, with the not-found and offline pages.
        for pattern in [
            "\n",
            "index.html\n",
            "notes/*\n",
            "timeline/*\n",
            "sources/*\n",
            "about/*\n",
            "print/*\n",
            "404.html\n",
            "offline.html\n",
            "es/\n",
            "es/notes/*\n",
            "es/print/*\n",
            "es/offline.html\n",
        ] {
            assert!(
                file.contains(&format!("\n{BASE}{pattern}")),
                "{pattern} in\n{file}"
            );
        }
        // Cloudflare Pages takes at most 100 rules.
        assert!(rules.len() < 100);
        assert!(!file.contains("unsafe-inline") && !file.contains("'unsafe-eval'"));
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
    fn the_meta_policy_in_index_html_is_the_same() {
        let index = include_str!("../index.html");
        assert!(
            index.contains(&format!("content=\"{CSP}\"")),
            "index.html's CSP meta tag differs from hosting::CSP"
        );
    }
}
