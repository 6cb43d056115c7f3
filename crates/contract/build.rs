//! Fixes the base path (`SITE_BASE`, default `/`) and the origin (`SITE_ORIGIN`, optional: absolute URLs
//! in snippets, canonical links, the sitemap and oEmbed) for every crate that builds or reads URLs: the
//! prerenderer and the browser app read them from here, so they cannot disagree.

use std::{env, process};

fn main() {
    println!("cargo::rerun-if-env-changed=SITE_BASE");
    println!("cargo::rerun-if-env-changed=SITE_ORIGIN");
    let base = content::normalize_base(&env::var("SITE_BASE").unwrap_or_default());
    println!("cargo::rustc-env=SITE_BASE={base}");
    let origin = env::var("SITE_ORIGIN").unwrap_or_default();
    let origin = origin.trim().trim_end_matches('/');
    let is_web = origin.starts_with("https://") || origin.starts_with("http://");
    if !origin.is_empty() && !is_web {
        eprintln!("error: SITE_ORIGIN must be an http(s) origin such as https://example.org, not `{origin}`");
        process::exit(1);
    }
    println!("cargo::rustc-env=SITE_ORIGIN={origin}");
}
