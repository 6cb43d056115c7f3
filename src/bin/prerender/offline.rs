//! Offline reading and installation: the web app manifest, the icons, the registration script and the
//! service worker, written beside the prerendered pages. The service worker's precache list is every file
//! of the build and its version a hash of them all, so it is written last.
//!
//! The two scripts are hand-written (`public/offline.js`, `public/sw.js`): they are not part of the wasm
//! app, which only letter pages load, and the service worker cannot be wasm-bindgen output anyway.

use crate::{base64, is_comment, json_string, write, write_script};
use contract::edition::prefix;
use contract::{asset, BASE};
use leptos::prelude::*;
use letter_explainer::content::info;
use letter_explainer::edition;
use letter_explainer::html_tokens::{tokens, Token};
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

/// Writes the manifest, the icons and the registration script of the edition being rendered into `dir`;
/// `previews` is what the script needs to load link previews on intent (see `previews::write_edition`).
pub fn write_assets(dir: &Path, previews: &str) -> OfflineAssets {
    for (name, png, _, _) in ICONS {
        write(&dir.join("icons").join(name), png);
    }
    let manifest_file = format!("{}{MANIFEST_FILE}", prefix(edition::lang()));
    write(&dir.join(&manifest_file), manifest().as_bytes());
    let (script, script_tag) = write_script(dir, "offline", &offline_js(previews));
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

/// `offline.js` with the notices of the edition being rendered, from the catalog, and where its link
/// previews are.
fn offline_js(previews: &str) -> String {
    let s = t();
    let text = serde_json::json!({
        "ready": s.offline_ready,
        "readyCore": s.offline_ready_core,
        "offline": s.offline_offline,
        "update": s.offline_update,
        "reload": s.offline_reload,
        "save": s.save_offline_button,
        "size": s.save_offline_size,
        "saving": s.save_offline_saving,
        "saved": s.save_offline_done,
        "saveFailed": s.save_offline_failed,
    });
    let text = format!("const TEXT = {text};");
    let line = OFFLINE_JS
        .lines()
        .find(|l| l.starts_with("const TEXT = {};"))
        .expect("public/offline.js declares `const TEXT = {};`");
    let previews_line = OFFLINE_JS
        .lines()
        .find(|l| l.starts_with("const PREVIEWS = {};"))
        .expect("public/offline.js declares `const PREVIEWS = {};`");
    let js = OFFLINE_JS.replacen(line, &text, 1).replacen(
        previews_line,
        &format!("const PREVIEWS = {previews};"),
        1,
    );
    // Its comments are for people reading the source; every page's first view gets the code.
    let code: Vec<&str> = js.lines().filter(|l| !is_comment(l)).collect();
    code.join("\n") + "\n"
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
    /// How many files it precaches.
    pub files: usize,
    /// Whether it saves them all when it installs (else the reading core, and the rest later).
    pub at_once: bool,
}

/// The most bytes (raw, every precached file together) that the worker saves whole when it installs. The
/// real site is about 5 MB; a site grown past this saves its reading core at once and the rest later
/// (see `public/sw.js`), so that a first visit never starts a download of tens of megabytes unasked.
const AT_ONCE_LIMIT: usize = 16 * 1024 * 1024;

/// One file the worker knows: its URL path, integrity, size, and when a large site saves it.
struct Entry {
    path: String,
    integrity: String,
    bytes: usize,
    tier: Tier,
}

/// When a site too large to save at once (see [`AT_ONCE_LIMIT`]) saves a file. A small site saves every
/// file when the worker installs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tier {
    /// The reading core: when the worker installs.
    Core,
    /// With the rest (`LATER`): on a connection known not to be metered, or when the reader asks.
    Later,
    /// Only as it is read (`AS_READ`): a note's page, which offline the letter stands in for (opening the
    /// note from its fragment, which is saved with the rest), and a note's embed, which is for other sites.
    /// So a large site's offline bytes grow with its notes' text, not with a page per note.
    AsRead,
}

/// Writes `sw.js`: its precache list is every other file in `dir` that a host serves, so run it after
/// everything else.
pub fn write_service_worker(dir: &Path) -> Result<ServiceWorker, String> {
    let mut files = Vec::new();
    collect(dir, dir, &mut files)?;
    files.retain(|(path, _)| path != SW_FILE && precached(path));
    files.sort();
    let marked = marked_notes(dir);
    let entries: Vec<Entry> = files
        .iter()
        .map(|(path, bytes)| Entry {
            path: url_path(path),
            integrity: format!("sha256-{}", base64(&Sha256::digest(bytes))),
            bytes: bytes.len(),
            tier: tier(path, &marked),
        })
        .collect();
    let at_once = entries.iter().map(|e| e.bytes).sum::<usize>() <= AT_ONCE_LIMIT;
    let js = service_worker(&entries, at_once);
    write(&dir.join(SW_FILE), js.as_bytes());
    Ok(ServiceWorker {
        version: version(&entries),
        files: entries.len(),
        at_once,
    })
}

/// The service worker for these entries. `EDITIONS` lets it find each edition's `404.html` and offline
/// notice (`offline.html`) by prefix; `LATER` and `AT_ONCE` say what it saves when it installs.
fn service_worker(entries: &[Entry], at_once: bool) -> String {
    let editions: Vec<String> = Lang::ALL[1..]
        .iter()
        .map(|&l| json_string(prefix(l)))
        .collect();
    let mut js = format!(
        "const VERSION = {};\nconst BASE = {};\nconst EDITIONS = [{}];\nconst AT_ONCE = {at_once};\nconst FILES = {{\n",
        json_string(&version(entries)),
        json_string(BASE),
        editions.join(", ")
    );
    for e in entries {
        let _ = writeln!(
            js,
            "  {}: {},",
            json_string(&e.path),
            json_string(&e.integrity)
        );
    }
    js.push_str("};\nconst LATER = {\n");
    for e in entries.iter().filter(|e| e.tier == Tier::Later) {
        let _ = writeln!(js, "  {}: {},", json_string(&e.path), e.bytes);
    }
    js.push_str("};\nconst AS_READ = {\n");
    for e in entries.iter().filter(|e| e.tier == Tier::AsRead) {
        let _ = writeln!(js, "  {}: {},", json_string(&e.path), e.bytes);
    }
    js.push_str("};\n\n");
    js.push_str(SW_JS);
    js
}

/// The version: a hash of every file's path and content hash, and of the worker's own code, so any
/// change to any of them is a new version with a new cache.
fn version(entries: &[Entry]) -> String {
    let mut hasher = Sha256::new();
    for e in entries {
        hasher.update(format!("{} {}\n", e.path, e.integrity));
    }
    hasher.update(SW_JS);
    hex(&hasher.finalize()[..8])
}

/// When a large site saves a file (path under the build, in any edition): the note pages and the notes'
/// embeds as they are read; the fragments of the notes the letter does not mark (`marked`: the ids of
/// those it does, whose fragments the letter opens in place, offline too), the other embeds and the oEmbed
/// documents (for other sites) with the rest. Everything else, every script, style and icon included, is
/// the core.
fn tier(file: &str, marked: &[String]) -> Tier {
    let path = Lang::ALL[1..]
        .iter()
        .find_map(|&l| file.strip_prefix(prefix(l)))
        .unwrap_or(file);
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["notes", _, "index.html"] | ["embed", "notes", _, "index.html"] => Tier::AsRead,
        ["notes", id, contract::route::NOTE_FRAGMENT] if marked.iter().any(|m| m == id) => {
            Tier::Core
        }
        ["notes" | "embed" | "oembed", _, ..] => Tier::Later,
        _ => Tier::Core,
    }
}

/// The ids of the notes the letter's text marks, read from the built letter page (`index.html`) with the
/// site's HTML tokenizer.
fn marked_notes(dir: &Path) -> Vec<String> {
    let letter = fs::read_to_string(dir.join("index.html")).unwrap_or_default();
    let notes = format!("{BASE}notes/");
    let mut ids: Vec<String> = tokens(&letter)
        .filter_map(|(_, token)| match token {
            Token::Start(tag) if tag.is("a") && tag.has_class(contract::dom::MARK) => {
                let id = tag.attr("href")?.strip_prefix(&notes)?.split('/').next()?;
                Some(id.to_owned())
            }
            _ => None,
        })
        .collect();
    ids.sort();
    ids.dedup();
    ids
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

    fn entry(path: &str, integrity: &str, bytes: usize, tier: Tier) -> Entry {
        Entry {
            path: path.into(),
            integrity: integrity.into(),
            bytes,
            tier,
        }
    }

    #[test]
    fn any_changed_file_is_a_new_version() {
        let a = [entry("/", "sha256-a", 1, Tier::Core)];
        let b = [entry("/", "sha256-b", 1, Tier::Core)];
        let c = [entry("/x/", "sha256-a", 1, Tier::Core)];
        assert_ne!(version(&a), version(&b));
        assert_ne!(version(&a), version(&c));
        assert_eq!(
            version(&a),
            version(&[entry("/", "sha256-a", 1, Tier::Core)])
        );
    }

    #[test]
    fn the_worker_lists_every_file_with_its_integrity_and_what_waits_with_its_size() {
        let js = service_worker(
            &[
                entry("/", "sha256-x", 10, Tier::Core),
                entry("/notes/a/", "sha256-z", 300, Tier::AsRead),
                entry("/main.css", "sha256-y", 20, Tier::Core),
                entry("/notes/b/note.html", "sha256-w", 40, Tier::Later),
            ],
            false,
        );
        assert!(js.starts_with("const VERSION = \""));
        assert!(js.contains(&format!("const BASE = \"{BASE}\";")));
        assert!(js.contains("const AT_ONCE = false;\n"));
        assert!(js.contains(
            "  \"/\": \"sha256-x\",\n  \"/notes/a/\": \"sha256-z\",\n  \"/main.css\": \"sha256-y\",\n  \"/notes/b/note.html\": \"sha256-w\",\n};"
        ));
        assert!(js.contains("const LATER = {\n  \"/notes/b/note.html\": 40,\n};"));
        assert!(js.contains("const AS_READ = {\n  \"/notes/a/\": 300,\n};"));
        assert!(js.contains("self.addEventListener('fetch'"));
        assert!(service_worker(&[], true).contains("const AT_ONCE = true;\n"));
    }

    #[test]
    fn the_reading_core_is_every_file_but_notes_embeds_and_oembed_in_every_edition() {
        let marked = ["a".to_owned()];
        for file in [
            "notes/a/index.html",
            "es/notes/a/index.html",
            "notes/b/index.html",
            "embed/notes/a/index.html",
            "es/embed/notes/b/index.html",
        ] {
            assert_eq!(tier(file, &marked), Tier::AsRead, "{file}");
        }
        for file in [
            "notes/b/note.html",
            "es/notes/b/note.html",
            "es/embed/timeline/index.html",
            "embed/letter/index.html",
            "oembed/notes/a.json",
        ] {
            assert_eq!(tier(file, &marked), Tier::Later, "{file}");
        }
        for file in [
            "index.html",
            "es/index.html",
            "notes/a/note.html",
            "es/notes/a/note.html",
            "timeline/index.html",
            "es/sources/index.html",
            "offline.html",
            "es/404.html",
            "main-1.css",
            "letter-explainer-1_bg.wasm",
            "search-en-1.bin",
            "icons/icon-192.png",
            "notes.html",
        ] {
            assert_eq!(tier(file, &marked), Tier::Core, "{file}");
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
        assert_eq!(marked_notes(&dir), ["a", "b"]);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_manifest_names_the_app_and_its_icons_under_the_base_path() {
        letter_explainer::edition::render(
            letter_explainer::content::built(),
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
    fn the_offline_script_gets_its_notices_and_where_previews_are_without_comments() {
        letter_explainer::edition::render(
            letter_explainer::content::built(),
            model::Lang::Es,
            || {
                let js = offline_js(r#"{"script":"preview-1.js","data":[]}"#);
                assert!(js.contains(r#"const PREVIEWS = {"script":"preview-1.js","data":[]};"#));
                assert!(js.contains(&json_string(t().offline_ready)), "{js}");
                assert!(!js.contains("const TEXT = {};") && !js.contains("const PREVIEWS = {};"));
                assert!(!js.lines().any(is_comment), "{js}");
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
