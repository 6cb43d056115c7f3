//! Files for static hosts, written by the prerenderer: `_headers` (read by Netlify, Cloudflare Pages and
//! others) with the Content-Security-Policy as a real header, so that `frame-ancestors` can apply: embed
//! routes may be framed by any site, every other page only by the site itself.

use crate::route::BASE;

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
    fn the_meta_policy_in_index_html_is_the_same() {
        let index = include_str!("../index.html");
        assert!(
            index.contains(&format!("content=\"{CSP}\"")),
            "index.html's CSP meta tag differs from hosting::CSP"
        );
    }
}
