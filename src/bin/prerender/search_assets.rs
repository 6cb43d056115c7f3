//! Search: each edition's index and texts (built here from the content with the `search` crate),
//! its search module's glue and wasm (built by `cargo xtask build` before trunk, one per edition with
//! only its stemmer, found through `$SEARCH_WASM_DIR`), and the search page's script
//! (`public/search.js`, with the edition's words and the files' URLs written in). Every file is named by its content's hash, so the service worker lists it with the rest
//! of the version, and only the search page names any of them: no other page loads search.

use crate::json_string;
use crate::modules::Module;
use crate::offline::short_hash;
use crate::{fail, is_comment, write, write_script};
use contract::{asset, dom, Route};
use letter_explainer::content::site;
use letter_explainer::edition;
use letter_explainer::i18n::t;
use model::{NoteKind, Status, Verdict};
use std::path::Path;

/// The search page's code; [`page_script`] puts its settings above it.
const SEARCH_JS: &str = include_str!("../../../public/search.js");

/// The variable `cargo xtask build` sets to the folder with the search module's glue and wasm.
const MODULE_ENV: &str = "SEARCH_WASM_DIR";

/// Each edition's search module (glue and wasm), in [`model::Lang::ALL`]'s order.
pub struct Modules(Vec<Module>);

/// Copies each edition's search module into `dir` under hashed names (`search-<lang>-<hash>.js`,
/// `search-<lang>-<hash>.wasm`): the module is built once per edition, each with its own stemmer only.
pub fn write_module(dir: &Path) -> Modules {
    let from = crate::modules::folder(MODULE_ENV);
    Modules(
        model::Lang::ALL
            .iter()
            .map(|lang| {
                crate::modules::copy(
                    dir,
                    &from.join(lang.tag()),
                    "search_wasm",
                    &format!("search-{}", lang.tag()),
                    ".wasm",
                )
            })
            .collect(),
    )
}

/// Writes the index and texts of the edition being rendered and the search page's script; returns the
/// script's tag (with its integrity) for the search page.
pub fn write_edition(dir: &Path, modules: &Modules) -> String {
    let lang = edition::lang();
    let started = std::time::Instant::now();
    let docs = search::documents(site());
    let built = search::build(lang, &docs);
    println!(
        "search index ({}): {} documents, index {} bytes, texts {} bytes, indexed in {} ms",
        lang.tag(),
        docs.len(),
        built.index.len(),
        built.texts.len(),
        started.elapsed().as_millis()
    );
    let index = format!("search-{}-{}.bin", lang.tag(), short_hash(&built.index));
    write(&dir.join(&index), &built.index);
    let texts = format!(
        "search-text-{}-{}.bin",
        lang.tag(),
        short_hash(&built.texts)
    );
    write(&dir.join(&texts), &built.texts);
    let module = model::Lang::ALL
        .iter()
        .position(|&l| l == lang)
        .and_then(|i| modules.0.get(i))
        .unwrap_or_else(|| fail("no search module for this edition"));
    let (_, tag) = write_script(
        dir,
        "search-page",
        &page_script(module, &asset(&index), &asset(&texts)),
    );
    tag
}

/// `search.js` with its settings: where its files are, where results lead, and the edition's words.
fn page_script(module: &Module, index: &str, texts: &str) -> String {
    let lang = edition::lang();
    let s = t();
    let list = |items: &[&str]| {
        items
            .iter()
            .map(|i| json_string(i))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut labels: Vec<String> = Vec::new();
    for kind in NoteKind::ALL {
        labels.push(format!(
            "{}: {}",
            json_string(kind.slug()),
            json_string(s.kind(kind))
        ));
    }
    for v in Verdict::ALL {
        labels.push(format!(
            "{}: {}",
            json_string(v.slug()),
            json_string(s.verdict(v))
        ));
    }
    for st in Status::ALL {
        labels.push(format!(
            "{}: {}",
            json_string(st.slug()),
            json_string(s.status(st))
        ));
    }
    let settings = format!(
        "const SEARCH = {{\n  glue: {}, wasm: {}, index: {}, texts: {},\n  letter: {}, notes: {}, timeline: {}, sources: {}, passage: {},\n  \
         form: {}, input: {}, field: {}, status: {}, results: {}, none: {}, az: {}, ready: {},\n  \
         groups: {{ passage: {}, note: {}, event: {}, source: {} }},\n  labels: {{ {} }},\n  \
         months: [{}], day: {}, month: {},\n  one: {}, many: {}, more: {}, failed: {},\n}};",
        json_string(&module.glue),
        json_string(&module.wasm),
        json_string(index),
        json_string(texts),
        json_string(&Route::Letter(None).href(lang)),
        json_string(&format!("{}notes/", Route::Letter(None).href(lang))),
        json_string(&Route::Timeline.href(lang)),
        json_string(&Route::Sources.href(lang)),
        json_string(dom::PASSAGE_PREFIX),
        json_string(dom::SEARCH_FORM),
        json_string(dom::SEARCH_INPUT),
        json_string(dom::SEARCH_FIELD),
        json_string(dom::SEARCH_STATUS),
        json_string(dom::SEARCH_RESULTS),
        json_string(dom::SEARCH_NONE),
        json_string(dom::SEARCH_INDEX),
        json_string(dom::READY),
        json_string(s.search_groups[0]),
        json_string(s.search_groups[1]),
        json_string(s.search_groups[2]),
        json_string(s.search_groups[3]),
        labels.join(", "),
        list(&s.months),
        json_string(s.date_day),
        json_string(s.date_month),
        json_string(s.search_one),
        json_string(s.search_many),
        json_string(s.search_more),
        json_string(s.search_failed),
    );
    assert!(
        SEARCH_JS
            .lines()
            .any(|l| l.starts_with("const SEARCH = {};")),
        "public/search.js declares `const SEARCH = {{}};`"
    );
    // Its comments and indentation are for people reading the source; the reader's browser gets the code
    // (a tenth of the search code's byte budget). No string in it spans lines.
    SEARCH_JS
        .lines()
        .filter(|l| !is_comment(l))
        .map(|l| {
            if l.starts_with("const SEARCH = {};") {
                settings.as_str()
            } else {
                l.trim_start()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_script_gets_its_settings_and_every_label() {
        let module = Module {
            glue: "/search-1.js".into(),
            wasm: "/search-1.wasm".into(),
        };
        for lang in model::Lang::ALL {
            let js = edition::render(letter_explainer::content::built(), lang, || {
                page_script(&module, "/search-en-1.bin", "/search-text-en-1.bin")
            });
            assert!(!js.contains("const SEARCH = {};"), "{js}");
            assert!(!js.contains("// "), "comments are left out: {js}");
            assert!(!js.contains("\n  const"), "indentation is left out: {js}");
            assert!(js.contains("glue: \"/search-1.js\""), "{js}");
            assert!(js.contains("texts: \"/search-text-en-1.bin\""), "{js}");
            for slug in ["claim", "needs-context", "partly-met", "unverifiable"] {
                assert!(js.contains(&format!("\"{slug}\": ")), "{slug}");
            }
        }
    }
}
