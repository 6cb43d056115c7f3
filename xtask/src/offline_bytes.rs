//! What a reader's device downloads for offline reading after one visit: the files the service worker
//! saves when it installs (everything on a small site; the reading core on a large one), everything it
//! saves when asked (the core and `LATER`), and on a large site what it saves only as it is read
//! (`AS_READ`: note pages, which offline the letter stands in for, and notes' embeds), raw and compressed.
//! Read from the built `sw.js` (`FILES`, `LATER`, `AS_READ`, `AT_ONCE`), so the figures are the worker's
//! own lists.

use std::fs;
use std::path::Path;

/// Brotli quality for these totals: a host compressing on the fly uses about this (a whole stress site at
/// quality 11 would take minutes to measure); precompressed files at 11 would be a little smaller.
const QUALITY: u32 = 5;

/// The JSON figures for the site built in `dist`.
pub fn measure(dist: &Path) -> Result<String, String> {
    let js = fs::read_to_string(dist.join("sw.js")).map_err(|e| format!("sw.js: {e}"))?;
    let at_once = js.contains("\nconst AT_ONCE = true;\n");
    let files = keys(&js, "FILES")?;
    let later = keys(&js, "LATER")?;
    let as_read = keys(&js, "AS_READ")?;
    let (mut install, mut all, mut read) = ([0usize; 2], [0usize; 2], [0usize; 2]);
    for path in &files {
        let bytes = fs::read(dist.join(file_of(path))).map_err(|e| format!("{path}: {e}"))?;
        let size = [bytes.len(), brotli(&bytes)];
        let (in_later, in_as_read) = (later.contains(path), as_read.contains(path));
        for i in 0..2 {
            if at_once || !in_as_read {
                all[i] += size[i];
            } else {
                read[i] += size[i];
            }
            if at_once || !(in_later || in_as_read) {
                install[i] += size[i];
            }
        }
    }
    Ok(format!(
        "{{\"files\": {}, \"at_once\": {at_once}, \"at_install\": {{\"raw\": {}, \"brotli\": {}}}, \"everything\": {{\"raw\": {}, \"brotli\": {}}}, \"as_read_only\": {{\"files\": {}, \"raw\": {}, \"brotli\": {}}}, \"brotli_quality\": {QUALITY}}}",
        files.len(),
        install[0],
        install[1],
        all[0],
        all[1],
        if at_once { 0 } else { as_read.len() },
        read[0],
        read[1]
    ))
}

/// The quoted keys of the object constant `name` in `sw.js` (one `  "key": value,` per line).
fn keys(js: &str, name: &str) -> Result<Vec<String>, String> {
    let start = format!("\nconst {name} = {{\n");
    let from = js.find(&start).ok_or(format!("sw.js has no {name}"))? + start.len();
    let body = &js[from..];
    if body.starts_with("};") {
        return Ok(Vec::new());
    }
    let end = body
        .find("\n};")
        .ok_or(format!("sw.js: {name} is not closed"))?;
    Ok(body[..end]
        .lines()
        .filter_map(|line| line.trim().strip_prefix('"')?.split('"').next())
        .map(str::to_owned)
        .collect())
}

/// The file in the build that serves a URL path of a site built at base `/` (pages by their folder).
fn file_of(path: &str) -> String {
    let path = path.trim_start_matches('/');
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_owned()
    }
}

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: QUALITY as i32,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli in memory");
    out.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workers_lists_are_read_back() {
        let js = "const VERSION = \"v\";\nconst AT_ONCE = false;\nconst FILES = {\n  \"/\": \"sha256-a\",\n  \"/notes/a/\": \"sha256-b\",\n};\nconst LATER = {\n};\nconst AS_READ = {\n  \"/notes/a/\": 12,\n};\n\n// code";
        assert_eq!(keys(js, "FILES").unwrap(), ["/", "/notes/a/"]);
        assert!(keys(js, "LATER").unwrap().is_empty());
        assert_eq!(keys(js, "AS_READ").unwrap(), ["/notes/a/"]);
        assert!(keys(js, "OTHER").is_err());
        assert_eq!(file_of("/"), "index.html");
        assert_eq!(file_of("/es/notes/a/"), "es/notes/a/index.html");
        assert_eq!(file_of("/main-1.css"), "main-1.css");
    }
}
