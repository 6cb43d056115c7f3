//! Offline reading and installation: the web app manifest, the icons, the registration script and the
//! service worker, written beside the prerendered pages. The service worker's precache list is every file
//! of the build and its version a hash of them all, so it is written last.
//!
//! The two scripts are hand-written (`public/offline.js`, `public/sw.js`): they are not part of the wasm
//! app, which only letter pages load, and the service worker cannot be wasm-bindgen output anyway.

use crate::{base64, json_string, write, write_script};
use contract::edition::prefix;
use contract::{asset, BASE};
use leptos::prelude::*;
use letter_explainer::content::info;
use letter_explainer::edition;
use letter_explainer::i18n::t;
use model::Lang;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The registration script and notices, loaded by every page.
const OFFLINE_JS: &str = include_str!("../../../public/offline.js");
/// The service worker's code; [`service_worker`] puts its version and precache list above it.
const SW_JS: &str = include_str!("../../../public/sw.js");
/// The app icons, drawn by `cargo xtask icons`: (file name, pixels, purpose).
const ICONS: [(&str, &[u8], u32, &str); 3] = [
    (
        "icon-192.png",
        include_bytes!("../../../public/icons/icon-192.png"),
        192,
        "any",
    ),
    (
        "icon-512.png",
        include_bytes!("../../../public/icons/icon-512.png"),
        512,
        "any",
    ),
    (
        "icon-maskable-512.png",
        include_bytes!("../../../public/icons/icon-maskable-512.png"),
        512,
        "maskable",
    ),
];
/// The browser's colour around the installed app: `--accent` of `style/main.css`.
pub(crate) const THEME_COLOR: &str = "#0a57a3";
/// The splash screen's background: `--bg` of `style/main.css`.
pub(crate) const BACKGROUND_COLOR: &str = "#fdfcf8";
/// The service worker's file, at the root of the base path (its scope).
const SW_FILE: &str = "sw.js";
/// The manifest's file.
const MANIFEST_FILE: &str = "manifest.webmanifest";

/// What every page of an edition needs to read offline and be installed, as written by [`write_assets`].
pub struct OfflineAssets {
    /// The manifest, theme colour and icon links for the `<head>`.
    pub links: String,
    /// The URL path of the registration script.
    pub script: String,
    /// The registration script's tag, with its integrity (pages without the app load it so; pages with
    /// the app import it from their boot script, after the first paint).
    pub script_tag: String,
}

/// Writes the manifest, the icons and the registration script of the edition being rendered into `dir`.
pub fn write_assets(dir: &Path) -> OfflineAssets {
    for (name, png, _, _) in ICONS {
        write(&dir.join("icons").join(name), png);
    }
    let manifest_file = format!("{}{MANIFEST_FILE}", prefix(edition::lang()));
    write(&dir.join(&manifest_file), manifest().as_bytes());
    let (script, script_tag) = write_script(dir, "offline", &offline_js());
    let links = view! {
        <link rel="manifest" href=asset(&manifest_file)/>
        <meta name="theme-color" content=THEME_COLOR/>
        <link rel="icon" r#type="image/png" sizes="192x192" href=asset(&format!("icons/{}", ICONS[0].0))/>
    }
    .to_html();
    OfflineAssets {
        links,
        script,
        script_tag,
    }
}

/// `offline.js` with the notices of the edition being rendered, from the catalog.
fn offline_js() -> String {
    let s = t();
    let text = format!(
        "const TEXT = {{ ready: {}, offline: {}, update: {}, reload: {}, save_all: {}, saving_all: {}, saved_all: {} }};",
        json_string(s.offline_ready),
        json_string(s.offline_offline),
        json_string(s.offline_update),
        json_string(s.offline_reload),
        json_string(s.save_all),
        json_string(s.saving_all),
        json_string(s.saved_all)
    );
    let line = OFFLINE_JS
        .lines()
        .find(|l| l.starts_with("const TEXT = {};"))
        .expect("public/offline.js declares `const TEXT = {};`");
    OFFLINE_JS.replacen(line, &text, 1)
}

/// The web app manifest of the edition being rendered: names from its catalog, starting at its home page,
/// with the whole site as its scope.
fn manifest() -> String {
    let icons: Vec<_> = ICONS
        .iter()
        .map(|(name, _, size, purpose)| {
            serde_json::json!({
                "src": asset(&format!("icons/{name}")),
                "sizes": format!("{size}x{size}"),
                "type": "image/png",
                "purpose": purpose,
            })
        })
        .collect();
    let start = asset(prefix(edition::lang()));
    let manifest = serde_json::json!({
        "id": start,
        "name": info().name,
        "short_name": info().short_name,
        "description": info().description,
        "lang": t().lang,
        "dir": "ltr",
        "start_url": start,
        "scope": BASE,
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": icons,
    });
    serde_json::to_string_pretty(&manifest).expect("a JSON value serialises") + "\n"
}

/// What [`write_service_worker`] wrote.
pub struct ServiceWorker {
    /// The hash of every precached file (and the worker's own code).
    pub version: String,
    /// How many files it knows.
    pub files: usize,
    /// How many of them it saves later, not at install (see [`SAVE_WHOLE_UP_TO`]).
    pub later: usize,
    /// Their bytes, as built.
    pub later_bytes: u64,
}

/// A site whose files weigh at most this (raw bytes, the cards apart) is saved whole after one visit.
/// Above it the service worker saves the reading core at install (every page and file but those
/// [`saved_later`] names) and the rest when a page asks: on a connection that is not metered, or when the
/// reader presses "Save everything" on the about page. The real site is a few MB; the stress pack ~100.
pub const SAVE_WHOLE_UP_TO: u64 = 20_000_000;

/// Writes `sw.js`: its precache list is every other file in `dir` that a host serves, so run it after
/// everything else.
pub fn write_service_worker(dir: &Path) -> Result<ServiceWorker, String> {
    let mut files = Vec::new();
    collect(dir, dir, &mut files)?;
    files.retain(|(path, _)| path != SW_FILE && precached(path));
    files.sort();
    let entries: Vec<(String, String)> = files
        .iter()
        .map(|(path, bytes)| {
            let integrity = format!("sha256-{}", base64(&Sha256::digest(bytes)));
            (url_path(path), integrity)
        })
        .collect();
    let total: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();
    let later: Vec<(String, u64)> = if total <= SAVE_WHOLE_UP_TO {
        Vec::new()
    } else {
        let marked = marked_notes(dir);
        files
            .iter()
            .filter(|(path, _)| saved_later(path, &marked))
            .map(|(path, bytes)| (url_path(path), bytes.len() as u64))
            .collect()
    };
    let js = service_worker(&entries, &later);
    write(&dir.join(SW_FILE), js.as_bytes());
    Ok(ServiceWorker {
        version: version(&entries),
        files: entries.len(),
        later: later.len(),
        later_bytes: later.iter().map(|(_, n)| n).sum(),
    })
}

/// On a large site, whether a file (path relative to the site's folder) waits until after install: note
/// pages (the letter opens notes from their fragments), the fragments of notes the letter does not mark
/// (`marked`: their ids), embeds and oEmbed documents. Everything else is the reading core: the letter,
/// the timeline, the other pages, styles, scripts, the search index, and the fragments of the letter's
/// notes. A page read online is saved as it is read.
fn saved_later(path: &str, marked: &[String]) -> bool {
    let path = Lang::ALL[1..]
        .iter()
        .find_map(|&l| path.strip_prefix(prefix(l)))
        .unwrap_or(path);
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["notes", _, "index.html"] | ["embed", "notes", ..] | ["oembed", ..] => true,
        ["notes", id, contract::route::NOTE_FRAGMENT] => !marked.iter().any(|m| m == id),
        _ => false,
    }
}

/// The ids of the notes the letter's text marks, read from the built letter page (`index.html`).
fn marked_notes(dir: &Path) -> Vec<String> {
    let letter = fs::read_to_string(dir.join("index.html")).unwrap_or_default();
    let class = format!("class=\"{} ", contract::dom::MARK);
    let notes = format!("href=\"{}notes/", BASE);
    let mut ids: Vec<String> = letter
        .split("<a ")
        .skip(1)
        .filter_map(|rest| {
            let tag = &rest[..rest.find('>')?];
            if !tag.contains(&class) {
                return None;
            }
            let start = tag.find(&notes)? + notes.len();
            Some(tag[start..].split('/').next()?.to_owned())
        })
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// The service worker for these (URL path, integrity) entries, of which `later` (URL path, bytes) are
/// saved after install. `EDITIONS` lets it find each edition's `404.html` and offline notice
/// (`offline.html`) by prefix.
fn service_worker(entries: &[(String, String)], later: &[(String, u64)]) -> String {
    let editions: Vec<String> = Lang::ALL[1..]
        .iter()
        .map(|&l| json_string(prefix(l)))
        .collect();
    let mut js = format!(
        "const VERSION = {};\nconst BASE = {};\nconst EDITIONS = [{}];\nconst FILES = {{\n",
        json_string(&version(entries)),
        json_string(BASE),
        editions.join(", ")
    );
    for (path, integrity) in entries {
        let _ = writeln!(js, "  {}: {},", json_string(path), json_string(integrity));
    }
    js.push_str("};\nconst LATER = [\n");
    for (path, _) in later {
        let _ = writeln!(js, "  {},", json_string(path));
    }
    let _ = write!(
        js,
        "];\nconst LATER_BYTES = {};\n\n",
        later.iter().map(|(_, n)| n).sum::<u64>()
    );
    js.push_str(SW_JS);
    js
}

/// The version: a hash of every file's path and content hash, and of the worker's own code, so any
/// change to any of them is a new version with a new cache.
fn version(entries: &[(String, String)]) -> String {
    let mut hasher = Sha256::new();
    for (path, integrity) in entries {
        hasher.update(format!("{path} {integrity}\n"));
    }
    hasher.update(SW_JS);
    hex(&hasher.finalize()[..8])
}

/// The URL path a file is served at: a page (`<route>/index.html`) by its folder, everything else by
/// its own name, all under the base path.
fn url_path(file: &str) -> String {
    match file.strip_suffix("index.html") {
        Some(folder) if folder.is_empty() || folder.ends_with('/') => asset(folder),
        _ => asset(file),
    }
}

/// Whether static hosts serve a file: names that start with `_` or `.` (`_headers`, `_redirects`) are
/// their configuration, or hidden, and a request for them is a 404, which would fail the whole install.
fn served(path: &str) -> bool {
    !path.split('/').any(|part| part.starts_with(['_', '.']))
}

/// Whether the worker saves a file: every served file but the link-preview cards, which only crawlers
/// fetch (see `cards`).
fn precached(path: &str) -> bool {
    served(path) && !path.ends_with("/card.png")
}

/// Every file under `dir`, as (path relative to `root` with `/` separators, bytes).
fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path: PathBuf = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            collect(root, &path, out)?;
        } else {
            let bytes =
                fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let relative = path.strip_prefix(root).expect("under the root");
            let name: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push((name.join("/"), bytes));
        }
    }
    Ok(())
}

/// The first 8 bytes of a SHA-256, in hex: names files by their content.
pub fn short_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes)[..8])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_precached_by_their_folder() {
        assert_eq!(url_path("index.html"), BASE);
        assert_eq!(url_path("notes/a/index.html"), format!("{BASE}notes/a/"));
        assert_eq!(url_path("404.html"), format!("{BASE}404.html"));
        assert_eq!(
            url_path("icons/icon-192.png"),
            format!("{BASE}icons/icon-192.png")
        );
        assert_eq!(url_path("not-index.html"), format!("{BASE}not-index.html"));
    }

    #[test]
    fn host_configuration_is_not_precached() {
        assert!(
            served("notes/a/index.html") && served("main-1.css") && served("icons/icon-192.png")
        );
        assert!(!served("_headers") && !served("_redirects") && !served(".well-known/x"));
        assert!(served("notes/a/card.png") && !precached("notes/a/card.png"));
        assert!(precached("notes/a/index.html") && precached("icons/icon-192.png"));
    }

    #[test]
    fn any_changed_file_is_a_new_version() {
        let a = vec![("/".to_owned(), "sha256-a".to_owned())];
        let b = vec![("/".to_owned(), "sha256-b".to_owned())];
        let c = vec![("/x/".to_owned(), "sha256-a".to_owned())];
        assert_ne!(version(&a), version(&b));
        assert_ne!(version(&a), version(&c));
        assert_eq!(version(&a), version(&a.clone()));
    }

    #[test]
    fn the_worker_lists_every_file_with_its_integrity() {
        let js = service_worker(
            &[
                ("/".into(), "sha256-x".into()),
                ("/main.css".into(), "sha256-y".into()),
            ],
            &[],
        );
        assert!(js.starts_with("const VERSION = \""));
        assert!(js.contains(&format!("const BASE = \"{BASE}\";")));
        assert!(js.contains("  \"/\": \"sha256-x\",\n  \"/main.css\": \"sha256-y\",\n};"));
        assert!(js.contains("const LATER = [\n];\nconst LATER_BYTES = 0;\n"));
        assert!(js.contains("self.addEventListener('fetch'"));
        let js = service_worker(
            &[("/notes/a/".into(), "sha256-x".into())],
            &[("/notes/a/".into(), 1234)],
        );
        assert!(js.contains("const LATER = [\n  \"/notes/a/\",\n];\nconst LATER_BYTES = 1234;\n"));
    }

    #[test]
    fn a_large_site_saves_the_reading_core_first() {
        let marked = vec!["a".to_owned()];
        for core in [
            "index.html",
            "es/index.html",
            "timeline/index.html",
            "es/timeline/index.html",
            "about/index.html",
            "main-1.css",
            "notes/a/note.html",
            "es/notes/a/note.html",
            "search-en-0123456789abcdef.bin",
        ] {
            assert!(!saved_later(core, &marked), "{core}");
        }
        for later in [
            "notes/a/index.html",
            "es/notes/b/index.html",
            "notes/b/note.html",
            "es/notes/b/note.html",
            "embed/notes/a/index.html",
            "oembed/notes/a.json",
            "es/oembed/notes/a.json",
        ] {
            assert!(saved_later(later, &marked), "{later}");
        }
    }

    #[test]
    fn the_letters_marked_notes_are_read_from_its_page() {
        let dir = std::env::temp_dir().join(format!("marked-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join("index.html"),
            format!(
                "<p><a id=\"mark-b\" href=\"{BASE}notes/b/\" class=\"mark claim\">x</a> <a href=\"{BASE}notes/c/\">list</a> <a class=\"mark request\" href=\"{BASE}notes/a/\">y</a><a class=\"mark claim\" href=\"{BASE}notes/b/\">z</a></p>"
            ),
        )
        .unwrap();
        assert_eq!(marked_notes(&dir), vec!["a".to_owned(), "b".to_owned()]);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_manifest_names_the_app_and_its_icons_under_the_base_path() {
        letter_explainer::edition::render(
            letter_explainer::content::baked(),
            model::Lang::En,
            || {
                let m: serde_json::Value = serde_json::from_str(&manifest()).unwrap();
                assert_eq!(m["start_url"], BASE);
                assert_eq!(m["id"], BASE);
                assert_eq!(m["scope"], BASE);
                assert_eq!(m["display"], "standalone");
                assert_eq!(m["short_name"], info().short_name.as_ref());
                assert_eq!(m["lang"], "en");
                let icons = m["icons"].as_array().unwrap();
                let has = |src: &str, size: &str, purpose: &str| {
                    icons.iter().any(|i| {
                        i["src"] == format!("{BASE}icons/{src}")
                            && i["sizes"] == size
                            && i["purpose"] == purpose
                            && i["type"] == "image/png"
                    })
                };
                assert!(has("icon-512.png", "512x512", "any"), "{m}");
                assert!(has("icon-maskable-512.png", "512x512", "maskable"), "{m}");
            },
        )
    }

    #[test]
    fn icons_are_pngs_of_their_stated_size() {
        for (name, png, size, _) in ICONS {
            assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{name}");
            assert_eq!(&png[16..20], &size.to_be_bytes(), "{name} width");
            assert_eq!(&png[20..24], &size.to_be_bytes(), "{name} height");
        }
    }
}
