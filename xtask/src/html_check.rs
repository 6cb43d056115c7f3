//! Checks every built HTML page with the Nu HTML Checker (the W3C's `vnu.jar`, from npm's `vnu-jar` in
//! `tests/html/`, run by the system's Java). The pages are found by walking the built folder, so a new page
//! is checked without being listed; all of them go to one checker run (one JVM). Only HTML is checked:
//! the pages hold no CSS of their own (no inline style, by the Content-Security-Policy), and the checker's
//! CSS grammar predates container queries, which the stylesheet uses.

use crate::root;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The checker's jar, installed by `setup::html_checker`.
pub fn jar() -> PathBuf {
    root().join("tests/html/node_modules/vnu-jar/build/dist/vnu.jar")
}

/// Checks every `.html` file under `dir`; fails on any error, listing each with its file, line and message.
pub fn run(dir: &Path) -> Result<(), String> {
    let pages = html_files(dir).map_err(|e| format!("reading {}: {e}", dir.display()))?;
    if pages.is_empty() {
        return Err(format!("no HTML page in {}", dir.display()));
    }
    println!(
        "Checking {} HTML pages of {} with the Nu HTML Checker",
        pages.len(),
        dir.display()
    );
    let out = Command::new("java")
        .arg("-jar")
        .arg(jar())
        .args(["--errors-only", "--no-langdetect", "--format", "gnu"])
        .args(&pages)
        .output()
        .map_err(|e| format!("cannot run the HTML checker (java): {e}"))?;
    let report =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    let errors = errors(&report, dir);
    if errors.is_empty() && out.status.success() {
        println!("HTML check: {} pages, no error", pages.len());
        return Ok(());
    }
    for error in &errors {
        eprintln!("{error}");
    }
    if errors.is_empty() {
        eprintln!("{report}");
    }
    Err(format!(
        "HTML check: {} error(s) in {} pages",
        errors.len(),
        pages.len()
    ))
}

/// The checker's error lines (GNU format: `"file:/…/page.html":line.column-line.column: error: message`),
/// each as `page.html:line: message` with the file named relative to `dir`.
fn errors(report: &str, dir: &Path) -> Vec<String> {
    let dir = format!("{}/", dir.display());
    report
        .lines()
        .filter_map(|line| {
            let (place, message) = line
                .split_once(": error: ")
                .or_else(|| line.split_once(": fatal: "))?;
            let (file, position) = place.rsplit_once(':').unwrap_or((place, ""));
            let file = file.trim_matches('"');
            let file = file.strip_prefix("file:").unwrap_or(file);
            let file = file.strip_prefix(&dir).unwrap_or(file);
            let line_no = position.split(['.', '-']).next().unwrap_or(position);
            Some(format!("{file}:{line_no}: {message}"))
        })
        .collect()
}

/// Every `.html` file under `dir`, sorted.
fn html_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn errors_name_the_page_line_and_message() {
        let report = concat!(
            "\"file:/site/dist/es/index.html\":3.10-3.12: error: Bogus comment.\n",
            "\"file:/site/dist/404.html\":1.1-1.5: info warning: Something.\n",
            "\"file:/elsewhere/x.html\":7.2-7.4: error: Stray end tag \"p\".\n",
        );
        assert_eq!(
            super::errors(report, Path::new("/site/dist")),
            [
                "es/index.html:3: Bogus comment.",
                "/elsewhere/x.html:7: Stray end tag \"p\".",
            ]
        );
    }
}
