//! Installs what the build and the tests need, skipping whatever is already there. Every step is one
//! ordinary package-manager call, so a fresh Debian machine with rustup and Node gets the same tools.

use crate::root;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The trunk release this project builds with (0.22 needs a newer rustc than the machines have).
const TRUNK_VERSION: &str = "0.21.14";

/// Installs the build tools, and with `tests` the browser and the test suite's npm packages.
pub fn run(tests: bool) -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        crate::run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if !output("trunk", &["--version"]).is_some_and(|v| v.contains(TRUNK_VERSION)) {
        crate::run(Command::new("cargo").args([
            "install",
            "trunk",
            "--version",
            TRUNK_VERSION,
            "--locked",
        ]))?;
    }
    // trunk must find the wasm-bindgen CLI of exactly the library's version, or it tries to download one.
    let wbg = lock_version("wasm-bindgen")?;
    if output("wasm-bindgen", &["--version"])
        .is_none_or(|v| v.split_whitespace().nth(1) != Some(wbg.as_str()))
    {
        // Not --locked: the CLI's own lockfile names a release the registry lacks.
        crate::run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &wbg]))?;
    }
    // wasm-opt from npm's binaryen (Debian's is too old for current wasm-bindgen output).
    npm_ci("tools", &[])?;
    if tests {
        if !PathBuf::from("/usr/bin/chromium").exists() {
            apt_install(&["chromium", "chromium-driver"])?;
        }
        npm_ci("tests/e2e", &[])?;
        checker_and_engines()?;
    }
    Ok(())
}

// ── The HTML checker and the browser engines besides Chromium (both run by `cargo xtask test`) ──

/// The Nu HTML Checker (Java from apt, `vnu-jar` pinned in `tests/html/`) and the smoke suite's engines:
/// Firefox ESR (driven by `puppeteer-core`, pinned in `tests/e2e/engines/`, over WebDriver BiDi) and
/// WebKitGTK (`WebKitWebDriver` with its MiniBrowser under `xvfb-run`). Skips whatever is present.
fn checker_and_engines() -> Result<(), String> {
    let mut packages = vec![];
    if output("java", &["-version"]).is_none() {
        packages.push("default-jre-headless");
    }
    if !PathBuf::from("/usr/bin/firefox-esr").exists() {
        packages.push("firefox-esr");
    }
    if output("which", &["WebKitWebDriver"]).is_none() {
        packages.push("webkit2gtk-driver");
    }
    if output("which", &["xvfb-run"]).is_none() {
        packages.extend(["xvfb", "xauth"]);
    }
    if !packages.is_empty() {
        apt_install(&packages)?;
    }
    // No install scripts: vnu-jar's would download a Java runtime; apt's is used.
    npm_ci("tests/html", &["--ignore-scripts"])?;
    npm_ci("tests/e2e/engines", &["--ignore-scripts"])
}

/// Installs Debian packages (as root, or through sudo), after refreshing the package lists.
fn apt_install(packages: &[&str]) -> Result<(), String> {
    let root_user = output("id", &["-u"]).as_deref().map(str::trim) == Some("0");
    let apt = |args: &[&str]| {
        let mut cmd = Command::new(if root_user { "apt-get" } else { "sudo" });
        if !root_user {
            cmd.arg("apt-get");
        }
        crate::run(cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive"))
    };
    apt(&["update"])?;
    apt(&[&["install", "-y"], packages].concat())
}

/// Installs Lighthouse for the benchmark (`tests/lighthouse`, not needed by the tests).
pub fn lighthouse() -> Result<(), String> {
    npm_ci("tests/lighthouse", &[])
}

/// True when a folder's npm packages are installed as its lockfile says: npm's own record of the install
/// (`node_modules/.package-lock.json`) is at least as new as `package-lock.json`, so a package added to the
/// lockfile is installed on the next run.
/// `npm ci` in a folder of the project (with `extra` arguments), unless its packages are installed as its
/// lockfile names them ([`npm_installed`]).
fn npm_ci(folder: &str, extra: &[&str]) -> Result<(), String> {
    let dir = root().join(folder);
    if npm_installed(&dir) {
        return Ok(());
    }
    crate::run(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .args(extra)
            .current_dir(dir),
    )
}

/// True when `node_modules` holds what `package-lock.json` names: every locked package's folder has a
/// `package.json` at the locked version, unless the package is optional (another platform's binary).
/// Read from the packages themselves: npm's hidden lockfile and file times can both claim an install
/// that did not happen (`npm install --package-lock-only` rewrites the hidden lockfile too).
fn npm_installed(dir: &std::path::Path) -> bool {
    let json = |p: PathBuf| -> Option<serde_json::Value> {
        serde_json::from_str(&std::fs::read_to_string(p).ok()?).ok()
    };
    let Some(lock) = json(dir.join("package-lock.json")) else {
        return false;
    };
    let Some(locked) = lock.get("packages").and_then(|p| p.as_object()) else {
        return false;
    };
    let version =
        |v: &serde_json::Value| v.get("version").and_then(|v| v.as_str()).map(str::to_owned);
    locked.iter().all(|(path, package)| {
        let optional = package.get("optional").and_then(|o| o.as_bool()) == Some(true);
        path.is_empty()
            || match json(dir.join(path).join("package.json")) {
                Some(installed) => version(&installed) == version(package),
                None => optional,
            }
    })
}

/// PATH with cargo's bin folder and the npm-installed wasm-opt first.
pub fn tool_path() -> String {
    let mut parts = vec![root().join("tools/node_modules/.bin").display().to_string()];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        parts.push(home.join("bin").display().to_string());
    }
    parts.push(std::env::var("PATH").unwrap_or_default());
    parts.join(":")
}

/// A package's version in Cargo.lock.
fn lock_version(name: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let needle = format!("name = \"{name}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or(format!("{name} is not in Cargo.lock"))?
        + needle.len();
    Ok(lock[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_owned())
}

/// A command's standard output, or None if it cannot run or fails.
fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .env("PATH", tool_path())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::npm_installed;

    /// A folder with `locked` as its lockfile and the given packages installed (path, version).
    fn folder(name: &str, locked: &str, installed: &[(&str, &str)]) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("npm-installed-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("package-lock.json"), locked).unwrap();
        for (path, version) in installed {
            std::fs::create_dir_all(dir.join(path)).unwrap();
            std::fs::write(
                dir.join(path).join("package.json"),
                format!(r#"{{"name": "x", "version": "{version}"}}"#),
            )
            .unwrap();
        }
        dir
    }

    #[test]
    fn node_modules_count_as_installed_only_when_they_hold_what_the_lockfile_names() {
        let locked = r#"{"packages": {"": {"name": "t"},
            "node_modules/a": {"version": "1.0.0"},
            "node_modules/b": {"version": "2.0.0"},
            "node_modules/other-platform": {"version": "3.0.0", "optional": true}}}"#;
        let (a, b) = (("node_modules/a", "1.0.0"), ("node_modules/b", "2.0.0"));
        type Installed<'a> = &'a [(&'a str, &'a str)];
        let cases: [(&str, Installed, bool); 4] = [
            ("same", &[a, b], true),
            ("missing", &[a], false),
            ("older", &[("node_modules/a", "0.9.0"), b], false),
            ("none", &[], false),
        ];
        for (name, installed, expected) in cases {
            let dir = folder(name, locked, installed);
            assert_eq!(npm_installed(&dir), expected, "{name}");
            std::fs::remove_dir_all(dir).ok();
        }
    }
}
