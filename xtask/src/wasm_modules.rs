//! The wasm modules trunk 0.21 does not build, made here the way trunk makes the app's (cargo for
//! `wasm32-unknown-unknown`, the locked wasm-bindgen CLI, npm's `wasm-opt -Oz`): the search page's module
//! (`crates/search-wasm`, once per edition with only that edition's stemmer, its cargo feature, in a folder
//! per edition: `en/`, `es/`) and the timeline's binary of the browser app (`crates/browser`'s `timeline`; trunk
//! builds the letter's). The prerenderer copies each one's glue and wasm under hashed names into the site
//! and lists them in the service worker with everything else; it finds them through [`SEARCH_ENV`] and
//! [`TIMELINE_ENV`].

use crate::{root, run, setup};
use std::path::PathBuf;
use std::process::Command;

/// The variable that tells the prerenderer (trunk's hook) where the search module's glue and wasm are.
pub const SEARCH_ENV: &str = "SEARCH_WASM_DIR";

/// The variable that tells the prerenderer where the timeline binary's glue and wasm are.
pub const TIMELINE_ENV: &str = "TIMELINE_WASM_DIR";

/// The wasm features the modules may use; the same list as the app's `data-wasm-opt-params` in
/// `index.html` (wasm-opt must be told which features the input has).
const FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds both modules for the site's base path and origin (`SITE_BASE`, `SITE_ORIGIN`: the timeline's
/// binary reads them through `contract`, as the letter's does when trunk builds it); returns the
/// (variable, folder) pairs to hand to trunk's post-build hook.
pub fn build_all(base: &str, origin: &str) -> Result<[(&'static str, PathBuf); 2], String> {
    let site = [("SITE_BASE", base), ("SITE_ORIGIN", origin)];
    let search = target().join("search-wasm");
    let _ = std::fs::remove_dir_all(&search);
    // Each edition's tag is the search module's cargo feature for its stemmer and the folder it goes in.
    for edition in model::Lang::ALL.map(|lang| lang.tag()) {
        let features = [
            "--package",
            "search-wasm",
            "--no-default-features",
            "--features",
            edition,
        ];
        build(&features, &site, "search_wasm", &search.join(edition))?;
    }
    let timeline = target().join("timeline-wasm");
    build(
        &["--package", "browser", "--bin", "timeline"],
        &site,
        "timeline",
        &timeline,
    )?;
    Ok([(SEARCH_ENV, search), (TIMELINE_ENV, timeline)])
}

/// The cargo target folder.
fn target() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

/// Builds one module (`cargo build` with `what` and the variables `env`, which makes `<name>.wasm`) into
/// the folder `out`: `<name>.js` and `<name>_bg.wasm`.
fn build(
    what: &[&str],
    env: &[(&str, &str)],
    name: &str,
    out: &std::path::Path,
) -> Result<(), String> {
    let target = target();
    run(Command::new("cargo")
        .args(["build", "--release", "--target", "wasm32-unknown-unknown"])
        .args(what)
        .envs(env.iter().copied()))?;
    let _ = std::fs::remove_dir_all(out);
    run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(out)
        .arg(target.join(format!("wasm32-unknown-unknown/release/{name}.wasm")))
        .env("PATH", setup::tool_path()))?;
    let wasm = out.join(format!("{name}_bg.wasm"));
    run(Command::new("wasm-opt")
        .args(["-Oz", "--strip-debug", "--strip-producers"])
        .args(FEATURES)
        .arg("-o")
        .arg(&wasm)
        .arg(&wasm)
        .env("PATH", setup::tool_path()))?;
    Ok(())
}
