//! Fixes the contact for error reports (`SITE_CONTACT`, optional: `mailto:` or `https:`, see
//! `src/contact.rs`), checked here so a bad one stops the build. (The content is not compiled into the
//! code: the prerenderer compiles `content/` when it runs, see `src/content.rs`. The base path and the
//! origin are the `contract` crate's, fixed by its own build script.)

use std::{env, process};

fn main() {
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
}
