//! Link previews: what a link to a note, an event or a source shows on hover or keyboard focus. The
//! prerenderer writes, per edition, one small data file (`previews-<lang>-<hash>.json`: each target's URL
//! path with its title, a line of what it is, the first sentence or two, and the language where it is not
//! the page's), and once the previews' script (`public/preview.js`) and stylesheet (`style/preview.css`).
//! No page names any of them: the offline script (every page's) imports the script on the reader's
//! first hover or focus on a link, with the data file's name, so a first view grows only by that
//! trigger. The files are hashed and listed by the service worker like every other file.

use crate::cards::label;
use crate::offline::short_hash;
use crate::{is_comment, json_string, write};
use contract::{dom, Route};
use letter_explainer::components::source_citation::title_lang;
use letter_explainer::content::{events, notes, sources};
use letter_explainer::edition;
use letter_explainer::i18n::t;
use letter_explainer::route::{event_href, note_href, source_href};
use model::Inline;
use serde_json::{json, Map, Value};
use std::path::Path;

/// The previews' behaviour; [`write_script`] writes in its stylesheet's name and the links it skips.
const PREVIEW_JS: &str = include_str!("../../../public/preview.js");
/// The previews' look, loaded by the script with the data.
const PREVIEW_CSS: &str = include_str!("../../../style/preview.css");

/// The previews' script, for every edition: its file name (at the site's root, beside the offline script
/// that imports it).
pub struct Script(String);

/// Writes the stylesheet and the script (with the stylesheet's name written in) into `dir`.
pub fn write_script(dir: &Path) -> Script {
    let css = format!("preview-{}.css", short_hash(PREVIEW_CSS.as_bytes()));
    write(&dir.join(&css), PREVIEW_CSS);
    // The links that never preview: the letter's marks (they open their note beside the text) and search
    // results.
    let skip = format!(".{}, #{}", dom::LETTER_TEXT, dom::SEARCH_RESULTS);
    let js = setting(PREVIEW_JS, "STYLESHEET", &css);
    let js = setting(&js, "SKIP", &skip);
    // Its comments are for people reading the source; the reader's browser gets the code.
    let js: Vec<&str> = js.lines().filter(|l| !is_comment(l)).collect();
    let js = js.join("\n") + "\n";
    let name = format!("preview-{}.js", short_hash(js.as_bytes()));
    write(&dir.join(&name), js);
    Script(name)
}

/// `js` with its constant `name` (declared `const <name> = '';`) set to `value`.
fn setting(js: &str, name: &str, value: &str) -> String {
    let declared = format!("const {name} = '';");
    let line = js
        .lines()
        .find(|l| l.starts_with(&declared))
        .unwrap_or_else(|| panic!("public/preview.js declares `{declared}`"));
    js.replacen(line, &format!("const {name} = {};", json_string(value)), 1)
}

/// Writes the data of the edition being rendered, a file per kind of target; returns the settings the
/// offline script needs to load previews, as a JavaScript object literal: `{"script": <file>, "data":
/// [[<URL prefix>, <file>], …]}` (files at the site's root, named relative to it).
pub fn write_edition(dir: &Path, script: &Script) -> String {
    let files: Vec<Value> = data()
        .into_iter()
        .map(|(kind, prefix, json)| {
            let name = format!(
                "previews-{}-{kind}-{}.json",
                t().lang,
                short_hash(json.as_bytes())
            );
            write(&dir.join(&name), &json);
            json!([prefix, name])
        })
        .collect();
    json!({ "script": script.0, "data": files }).to_string()
}

/// The previews of the edition being rendered, per kind of target (notes, events, sources): the kind, the
/// URL prefix every target of that kind starts with, and the JSON object keyed by each target's URL path
/// (with its fragment for events and sources, as the site links them), each `{title, meta, text, lang?}`
/// (`lang` where the text is not in the edition's language). A file per kind, so that a first preview
/// loads only its own kind's.
pub fn data() -> [(&'static str, String, String); 3] {
    let s = t();
    let item = |title: &str, meta: String, text: String, lang: Option<&str>| {
        let mut item = json!({ "title": title, "meta": meta, "text": text });
        if let Some(lang) = lang {
            item["lang"] = Value::from(lang);
        }
        item
    };
    // Untranslated text stands in for the edition's, in the original's language (see
    // `components::fallback`).
    let original = model::Lang::ORIGINAL.tag();
    let fallback = |yes: bool| (yes && s.lang != original).then_some(original);
    let notes: Map<String, Value> = notes()
        .iter()
        .enumerate()
        .map(|(i, note)| {
            let preview = item(
                &note.title,
                label(note),
                note.summary.to_string(),
                fallback(note.fallback),
            );
            (note_href(i), preview)
        })
        .collect();
    let events: Map<String, Value> = events()
        .iter()
        .enumerate()
        .map(|(i, event)| {
            let preview = item(
                &event.title,
                s.date(event.date),
                Inline::plain_text(&event.body),
                fallback(event.fallback),
            );
            (event_href(i), preview)
        })
        .collect();
    let sources: Map<String, Value> = sources()
        .iter()
        .enumerate()
        .map(|(i, source)| {
            let meta = match source.date {
                Some(d) => format!("{}, {}", source.publisher, s.date(d)),
                None => source.publisher.to_string(),
            };
            let preview = item(&source.title, meta, String::new(), title_lang(i));
            (source_href(i), preview)
        })
        .collect();
    let lang = edition::lang();
    let note_prefix = Route::Letter(Some("-"))
        .href(lang)
        .strip_suffix("-/")
        .expect("a note's URL ends with its id")
        .to_owned();
    [
        ("notes", note_prefix, Value::Object(notes).to_string()),
        (
            "events",
            format!("{}#", Route::Timeline.href(lang)),
            Value::Object(events).to_string(),
        ),
        (
            "sources",
            format!("{}#", Route::Sources.href(lang)),
            Value::Object(sources).to_string(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use letter_explainer::content::built;
    use letter_explainer::edition;
    use model::{Assessment, Lang};

    /// Every kind's previews in one map, after checking that each key starts with its kind's prefix.
    fn parsed() -> Map<String, Value> {
        let mut all = Map::new();
        for (kind, prefix, json) in data() {
            let Value::Object(map) = serde_json::from_str(&json).expect("the data is JSON") else {
                panic!("{kind}: not an object: {json}");
            };
            assert!(!map.is_empty(), "{kind}");
            for (key, item) in map {
                assert!(key.starts_with(&prefix), "{kind}: {key} outside {prefix}");
                all.insert(key, item);
            }
        }
        all
    }

    #[test]
    fn every_note_event_and_source_has_a_preview_keyed_by_its_link() {
        edition::render(built(), Lang::En, || {
            let map = parsed();
            assert_eq!(map.len(), notes().len() + events().len() + sources().len());
            let note = &notes()[0];
            let item = &map[&note_href(0)];
            assert_eq!(item["title"], note.title.as_ref());
            assert_eq!(item["text"], note.summary.as_ref());
            assert!(item.get("lang").is_none(), "{item}");
            let meta = item["meta"].as_str().unwrap();
            assert!(
                meta.starts_with(t().kind(note.kind)) || note.number.is_some(),
                "{meta}"
            );
            match &note.assessment {
                Assessment::Verdict { verdict, .. } => {
                    assert!(meta.ends_with(t().verdict(*verdict)), "{meta}")
                }
                Assessment::Status { status, .. } => {
                    assert!(meta.ends_with(t().status(*status)), "{meta}")
                }
                Assessment::None => {}
            }
            let event = &events()[0];
            let item = &map[&event_href(0)];
            assert_eq!(item["title"], event.title.as_ref());
            assert_eq!(item["meta"], t().date(event.date));
            assert_eq!(item["text"], Inline::plain_text(&event.body));
            assert!(event_href(0).ends_with(&format!("#{}", event.id)));
            let (k, source) = sources()
                .iter()
                .enumerate()
                .find(|(_, s)| s.date.is_some())
                .expect("a dated source");
            let item = &map[&source_href(k)];
            assert_eq!(item["title"], source.title.as_ref());
            assert_eq!(
                item["meta"],
                format!("{}, {}", source.publisher, t().date(source.date.unwrap()))
            );
        })
    }

    #[test]
    fn the_spanish_edition_has_its_own_links_and_labels() {
        edition::render(built(), Lang::Es, || {
            let map = parsed();
            let (i, note) = notes()
                .iter()
                .enumerate()
                .find(|(_, n)| matches!(n.assessment, Assessment::Verdict { .. }))
                .expect("a claim");
            assert!(note_href(i).contains("/es/notes/"), "{}", note_href(i));
            let meta = map[&note_href(i)]["meta"].as_str().unwrap().to_owned();
            assert!(meta.starts_with(t().kind(note.kind)), "{meta}");
            assert!(meta.contains("Veredicto: "), "{meta}");
            let item = &map[&event_href(0)];
            assert_eq!(item["meta"], t().date(events()[0].date));
            assert!(item["meta"].as_str().unwrap().contains(" de "), "{item}");
            // A note shown in English for want of a translation says so.
            for (i, note) in notes().iter().enumerate() {
                let lang = map[&note_href(i)].get("lang").and_then(Value::as_str);
                assert_eq!(lang, note.fallback.then_some("en"), "{}", note.id);
            }
        })
    }

    #[test]
    fn the_script_names_its_stylesheet_and_the_settings_name_both_files() {
        let dir = std::env::temp_dir().join(format!("previews-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let script = write_script(&dir);
        let js = std::fs::read_to_string(dir.join(&script.0)).unwrap();
        let css = js
            .lines()
            .find_map(|l| l.strip_prefix("const STYLESHEET = \""))
            .and_then(|l| l.strip_suffix("\";"))
            .expect("the stylesheet's name is written in");
        assert!(dir.join(css).is_file(), "{css}");
        assert!(!js.contains("// "), "comments are left out: {js}");
        let settings = edition::render(built(), Lang::Es, || write_edition(&dir, &script));
        let settings: Value = serde_json::from_str(&settings).unwrap();
        assert_eq!(settings["script"], script.0.as_str());
        let files = settings["data"].as_array().unwrap();
        let prefixes: Vec<&str> = files.iter().map(|f| f[0].as_str().unwrap()).collect();
        assert_eq!(
            prefixes,
            [
                format!("{}es/notes/", contract::BASE),
                format!("{}es/timeline/#", contract::BASE),
                format!("{}es/sources/#", contract::BASE)
            ]
        );
        for file in files {
            let name = file[1].as_str().unwrap();
            assert!(
                name.starts_with("previews-es-") && dir.join(name).is_file(),
                "{name}"
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
