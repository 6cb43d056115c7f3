//! Compiles `content/` (or the folder named by `SITE_CONTENT`) into Rust statics for the site. Content
//! errors stop the build with file:line and a hint. Also fixes the contact for error reports
//! (`SITE_CONTACT`, optional: `mailto:` or `https:`, see `src/contact.rs`). (The base path and the origin
//! are the `contract` crate's, fixed by its own build script.)

use std::path::PathBuf;
use std::{env, fs, process};

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let dir = env::var_os("SITE_CONTENT")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("content"));
    println!("cargo::rerun-if-env-changed=SITE_CONTENT");
    println!("cargo::rerun-if-env-changed=SITE_CONTACT");
    let contact = env::var("SITE_CONTACT").unwrap_or_default();
    let contact = contact.trim();
    if let Some(problem) = (!contact.is_empty())
        .then(|| content::checks::contact_problem(contact))
        .flatten()
    {
        eprintln!("error: SITE_CONTACT: {problem}");
        process::exit(1);
    }
    println!("cargo::rustc-env=SITE_CONTACT={contact}");
    println!("cargo::rerun-if-changed={}", dir.display());
    for sub in ["notes", "sources", "pages"] {
        println!("cargo::rerun-if-changed={}", dir.join(sub).display());
    }

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
