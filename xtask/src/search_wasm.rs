//! The search page's wasm (`crates/search-wasm`): a second module beside the app that trunk builds, made
//! here the way trunk makes the app's (cargo for `wasm32-unknown-unknown`, the locked wasm-bindgen CLI,
//! npm's `wasm-opt -Oz`), once per edition with only that edition's stemmer (its cargo feature: about 3
//! KB brotli less per edition). The prerenderer copies each edition's glue and wasm under hashed names
//! into the site and lists them in the service worker with everything else; it finds them through
//! [`ENV`], one folder per edition (`en/`, `es/`).

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

/// The editions, as the search module's cargo features and the folders they are built into.
const EDITIONS: [&str; 2] = ["en", "es"];

/// Builds the search module for each edition and returns the folder holding, per edition, a folder
/// (`en/`, `es/`) with `search_wasm.js` and `search_wasm_bg.wasm`.
pub fn build() -> Result<PathBuf, String> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    let out = target.join("search-wasm");
    let _ = std::fs::remove_dir_all(&out);
    for edition in EDITIONS {
        run(Command::new("cargo").args([
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--package",
            "search-wasm",
            "--no-default-features",
            "--features",
            edition,
        ]))?;
        let dir = out.join(edition);
        run(Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(&dir)
            .arg(target.join("wasm32-unknown-unknown/release/search_wasm.wasm"))
            .env("PATH", setup::tool_path()))?;
        let wasm = dir.join("search_wasm_bg.wasm");
        run(Command::new("wasm-opt")
            .args(["-Oz", "--strip-debug", "--strip-producers"])
            .args(FEATURES)
            .arg("-o")
            .arg(&wasm)
            .arg(&wasm)
            .env("PATH", setup::tool_path()))?;
    }
    Ok(out)
}
