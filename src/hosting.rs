//! Files for static hosts, written by the prerenderer: `_headers` (read by Netlify, Cloudflare Pages and
//! others) with the Content-Security-Policy as a real header, so that `frame-ancestors` can apply: embed
//! routes may be framed by any site, every other page only by the site itself.

use crate::i18n::EN;
#[cfg(test)]
use crate::route::oembed_file;
use crate::route::{absolute, Route, BASE, ORIGIN};

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
        "404.html",
        "index.html",
    ];
    let mut out = String::new();
    for path in own {
        out.push_str(&format!(
            "{BASE}{path}\n  Content-Security-Policy: {CSP}; frame-ancestors 'self'\n{common}"
        ));
    }
    out.push_str(&format!(
        "{BASE}embed/*\n  Content-Security-Policy: {CSP}; frame-ancestors *\n{common}"
    ));
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
    let height = if matches!(embed, Route::EmbedNote(_)) {
        640
    } else {
        800
    };
    Some(format!(
        "{{\"version\":\"1.0\",\"type\":\"rich\",\"title\":{},\"provider_name\":{},\"provider_url\":{},\"html\":{},\"width\":640,\"height\":{height}}}\n",
        json_string(&crate::head::title(route)),
        json_string(EN.site_name),
        json_string(&absolute(BASE)),
        json_string(&html),
    ))
}

/// A JSON string literal.
fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
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
        let embed = rules.iter().find(|r| r.contains("embed/*")).unwrap();
        assert!(embed.contains("frame-ancestors *"));
        assert_eq!(file.matches("frame-ancestors *").count(), 1);
        assert_eq!(file.matches("Content-Security-Policy:").count(), 8);
        assert!(!file.contains("unsafe-inline") && !file.contains("'unsafe-eval'"));
    }

    #[test]
    fn json_strings_escape_what_json_requires() {
        assert_eq!(
            json_string("a\"b\\c\nd<e\u{1}"),
            "\"a\\\"b\\\\c\\nd\\u003ce\\u0001\""
        );
    }

    #[test]
    fn embeddable_pages_have_an_oembed_file() {
        assert_eq!(
            oembed_file(Route::Letter(None)).as_deref(),
            Some("oembed/letter.json")
        );
        assert_eq!(
            oembed_file(Route::Timeline).as_deref(),
            Some("oembed/timeline.json")
        );
        let id = &crate::content::notes()[0].id;
        assert_eq!(
            oembed_file(Route::Letter(Some(0))),
            Some(format!("oembed/notes/{id}.json"))
        );
        assert_eq!(oembed_file(Route::Sources), None);
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
