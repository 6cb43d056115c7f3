//! The wasm modules `cargo xtask build` builds before trunk (see `xtask/src/wasm_modules.rs`): each one's
//! folder is named by a variable, and its glue and wasm are copied into the site under names that hold
//! their content's hash, so the service worker lists them with the rest of the version.

use crate::offline::short_hash;
use crate::{fail, write};
use contract::asset;
use std::path::{Path, PathBuf};

/// A module's files in the site, by URL path.
pub struct Module {
    /// The wasm-bindgen glue (an ES module).
    pub glue: String,
    /// The wasm.
    pub wasm: String,
}

/// The folder the variable `env` names (set by `cargo xtask build`); the build stops without it.
pub fn folder(env: &str) -> PathBuf {
    std::env::var_os(env).map(PathBuf::from).unwrap_or_else(|| {
        fail(&format!(
            "{env} is not set: build with `cargo xtask build`, which builds the wasm modules trunk does not"
        ))
    })
}

/// Copies the module built as `<built>.js` and `<built>_bg.wasm` in the folder `from` into `dir`, as
/// `<stem>-<hash>.js` and `<stem>-<hash><wasm_suffix>` (one hash of both files).
pub fn copy(dir: &Path, from: &Path, built: &str, stem: &str, wasm_suffix: &str) -> Module {
    let read = |name: &str| {
        let path = from.join(name);
        std::fs::read(&path)
            .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", path.display())))
    };
    let (glue, wasm) = (
        read(&format!("{built}.js")),
        read(&format!("{built}_bg.wasm")),
    );
    let hash = short_hash(&[glue.as_slice(), wasm.as_slice()].concat());
    let hashed = |bytes: &[u8], name: String| {
        write(&dir.join(&name), bytes);
        asset(&name)
    };
    Module {
        glue: hashed(&glue, format!("{stem}-{hash}.js")),
        wasm: hashed(&wasm, format!("{stem}-{hash}{wasm_suffix}")),
    }
}
