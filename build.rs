//! Compiles `content/` (or the folder named by `SITE_CONTENT`) into Rust statics for the site, and fixes
//! the base path (`SITE_BASE`, default `/`) and the origin (`SITE_ORIGIN`, optional, for absolute URLs in
//! embed snippets and oEmbed). Content errors stop the build with file:line and a hint.

use std::path::PathBuf;
use std::{env, fs, process};

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let dir = env::var_os("SITE_CONTENT")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("content"));
    println!("cargo::rerun-if-env-changed=SITE_CONTENT");
    println!("cargo::rerun-if-env-changed=SITE_BASE");
    println!("cargo::rerun-if-env-changed=SITE_ORIGIN");
    println!("cargo::rerun-if-changed={}", dir.display());
    for sub in ["notes", "sources", "pages"] {
        println!("cargo::rerun-if-changed={}", dir.join(sub).display());
    }

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

    let tree = content::ContentTree::read(&dir).unwrap_or_else(|e| {
        eprintln!(
            "error: cannot read the content folder {}: {e}",
            dir.display()
        );
        process::exit(1);
    });
    let editions = content::compile_editions(&tree).unwrap_or_else(|errors| {
        eprintln!("{errors}");
        process::exit(1);
    });
    // The build lists what the Spanish edition still shows in English (`cargo xtask content` too).
    for missing in &editions.missing.0 {
        println!("cargo::warning={}", missing.as_warning());
    }
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("content.rs");
    let baked = content::bake::bake_editions(&[&editions.en, &editions.es]);
    fs::write(&out, baked).expect("write the baked content");
}
