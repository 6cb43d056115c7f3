//! The search page's wasm (`crates/search-wasm`): a second module beside the app that trunk builds, made
//! here the way trunk makes the app's (cargo for `wasm32-unknown-unknown`, the locked wasm-bindgen CLI,
//! npm's `wasm-opt -Oz`). The prerenderer copies the glue and the wasm under hashed names into the site
//! and lists them in the service worker with everything else; it finds them through [`ENV`].

use crate::{root, run, setup};
use std::path::PathBuf;
use std::process::Command;

/// The variable that tells the prerenderer (trunk's hook) where the built glue and wasm are.
pub const ENV: &str = "SEARCH_WASM_DIR";

/// The wasm features the module may use; the same list as the app's `data-wasm-opt-params` in
/// `index.html` (wasm-opt must be told which features the input has).
const FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds the search module and returns the folder holding `search_wasm.js` and `search_wasm_bg.wasm`.
pub fn build() -> Result<PathBuf, String> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    run(Command::new("cargo").args([
        "build",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "--package",
        "search-wasm",
    ]))?;
    let out = target.join("search-wasm");
    let _ = std::fs::remove_dir_all(&out);
    run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&out)
        .arg(target.join("wasm32-unknown-unknown/release/search_wasm.wasm"))
        .env("PATH", setup::tool_path()))?;
    let wasm = out.join("search_wasm_bg.wasm");
    run(Command::new("wasm-opt")
        .args(["-Oz", "--strip-debug", "--strip-producers"])
        .args(FEATURES)
        .arg("-o")
        .arg(&wasm)
        .arg(&wasm)
        .env("PATH", setup::tool_path()))?;
    Ok(out)
}
