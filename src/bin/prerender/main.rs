//! Writes every route as a static HTML file: the page trunk built (`index.html`, with its hashed asset
//! links) becomes the template, and the App renders each route's body, once per edition.
//! Run by trunk's post-build hook on `$TRUNK_STAGING_DIR`, or by hand: `prerender <dist>`. Then writes
//! what offline reading and installation need, the service worker last (see [`offline`]).

mod cards;
mod display;
mod fragments;
mod markers;
mod modules;
mod offline;
mod previews;
mod search_assets;
mod stylesheets;
mod template;

use leptos::prelude::*;
use letter_explainer::content::built;
use letter_explainer::edition;
use letter_explainer::head::Head;
use letter_explainer::i18n::t;
use letter_explainer::route::Route;
use letter_explainer::App;
use model::Lang;
use std::path::{Path, PathBuf};
use std::{env, fs, process};
use template::Template;

/// The timeline pages' own rules (linked after `style/main.css`).
const TIMELINE_CSS: &str = include_str!("../../../style/timeline.css");
/// The search page's own rules.
const SEARCH_CSS: &str = include_str!("../../../style/search.css");
/// The corrections log's own rules.
const CORRECTIONS_CSS: &str = include_str!("../../../style/corrections.css");
/// The print edition's own rules.
const PRINT_EDITION_CSS: &str = include_str!("../../../style/print-edition.css");

/// The variable `cargo xtask build` sets to the folder with the timeline binary's glue and wasm.
const TIMELINE_MODULE_ENV: &str = "TIMELINE_WASM_DIR";

fn main() {
    let dir = env::args_os()
        .nth(1)
        .or_else(|| env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from)
        .unwrap_or_else(|| fail("usage: prerender <site-folder> (or set TRUNK_STAGING_DIR)"));
    let template = fs::read_to_string(dir.join("index.html"))
        .unwrap_or_else(|e| fail(&format!("cannot read {}/index.html: {e}", dir.display())));
    let mut template = Template::from_trunk(&template).unwrap_or_else(|e| fail(&e));
    template.html = stylesheets::compact_trunks(&dir, &template.html).unwrap_or_else(|e| fail(&e));
    // The content, compiled now (never into the code): its errors stop the build with file:line and a
    // hint; what a translation lacks is listed (`cargo xtask content` lists it too).
    let started = std::time::Instant::now();
    let content = letter_explainer::content::load().unwrap_or_else(|report| {
        eprintln!("{report}");
        process::exit(1)
    });
    for missing in &content.missing.0 {
        eprintln!("warning: {}", missing.as_warning());
    }
    println!(
        "compiled {} in {:.1} s",
        letter_explainer::content::folder().display(),
        started.elapsed().as_secs_f64()
    );
    let mut count = 0;
    let search_module = search_assets::write_module(&dir);
    // The timeline's binary of the app, named like trunk names the letter's (see `modules`).
    let timeline = modules::copy(
        &dir,
        &modules::folder(TIMELINE_MODULE_ENV),
        "timeline",
        "letter-explainer",
        "_bg.wasm",
    );
    let timeline_loader = template
        .loader_of(&timeline.glue, &timeline.wasm)
        .unwrap_or_else(|e| fail(&e));
    let preview_script = previews::write_script(&dir);
    // Each edition on its own thread (the edition is Leptos context, so each thread renders its own); the
    // files both write are the same bytes under the same hashed names.
    count += std::thread::scope(|scope| {
        let threads: Vec<_> = Lang::ALL
            .into_iter()
            .map(|lang| {
                let (dir, template, timeline_loader) = (&dir, &template, &timeline_loader);
                let (search_module, preview_script) = (&search_module, &preview_script);
                scope.spawn(move || {
                    edition::render(built(), lang, || {
                        write_edition(
                            dir,
                            template,
                            timeline_loader,
                            search_module,
                            preview_script,
                        )
                    })
                })
            })
            .collect();
        threads
            .into_iter()
            .map(|t| {
                t.join()
                    .unwrap_or_else(|_| fail("an edition's thread panicked"))
            })
            .sum::<usize>()
    });
    // Cards only where they pay: a page names its card only when the build knows its origin (`og:image`
    // is an absolute URL), so without one no crawler could find them and none is drawn.
    let mut cards_written = 0;
    if !contract::ORIGIN.is_empty() {
        for lang in Lang::ALL {
            cards_written += edition::render(built(), lang, || cards::write_cards(&dir));
        }
    }
    write(
        &dir.join("_headers"),
        edition::render(
            built(),
            Lang::ORIGINAL,
            letter_explainer::hosting::headers_file,
        ),
    );
    write(
        &dir.join("robots.txt"),
        letter_explainer::hosting::robots_txt(),
    );
    if let Some(sitemap) = edition::render(
        built(),
        Lang::ORIGINAL,
        letter_explainer::hosting::sitemap_xml,
    ) {
        write(&dir.join("sitemap.xml"), sitemap);
    }
    println!(
        "prerendered {count} pages and {cards_written} link-preview cards in {} editions into {} in {:.1} s (the boot script only on letter and timeline pages)",
        Lang::ALL.len(),
        dir.display(),
        started.elapsed().as_secs_f64(),
    );
    let sw = offline::write_service_worker(&dir).unwrap_or_else(|e| fail(&e));
    println!(
        "service worker version {} precaches {} files ({})",
        sw.version,
        sw.files,
        if sw.at_once {
            "all when it installs"
        } else {
            "the reading core when it installs, the rest when asked"
        }
    );
}

/// Writes every page of the edition being rendered (and its offline assets, oEmbed documents and
/// annotations); returns how many pages. The letter's pages start trunk's binary of the app
/// (`template.loader`), the timeline's start theirs (`timeline_loader`).
fn write_edition(
    dir: &Path,
    template: &Template,
    timeline_loader: &str,
    search_module: &search_assets::Modules,
    preview_script: &previews::Script,
) -> usize {
    let lang = edition::lang();
    // Every page links its edition's manifest and loads its offline script: pages without the app with
    // a tag, pages with the app from their boot script, their only script (see `boot_script`). The
    // offline script also loads link previews, on intent (see `previews`).
    let previews = previews::write_edition(dir, preview_script);
    let offline = offline::write_assets(dir, &previews);
    let boot = |loader: &str| {
        let (_, tag) = write_script(dir, "boot", &template::boot_script(loader, &offline.script));
        format!("{}{tag}", offline.links)
    };
    let (letter_tags, timeline_tags) = (boot(&template.loader), boot(timeline_loader));
    let static_tags = format!("{}{}", offline.links, offline.script_tag);
    // The search page loads its own script (and, from it, the search module and the edition's index); no
    // other page names any of them.
    let search_tags = format!(
        "{static_tags}{}",
        search_assets::write_edition(dir, search_module)
    );
    // Rules that only some pages use are in sheets of their own, linked after the common one (trunk's,
    // `style/main.css`) on those pages only; the print edition's also has what its printed pages'
    // margins read (see `margin_css`, which starts with the `@charset` rule).
    let timeline_css = stylesheets::write_sheet(dir, "timeline", TIMELINE_CSS);
    let search_css = stylesheets::write_sheet(dir, "search", SEARCH_CSS);
    let corrections_css = stylesheets::write_sheet(dir, "corrections", CORRECTIONS_CSS);
    let print_css = stylesheets::write_sheet(
        dir,
        "print",
        &format!(
            "{}{PRINT_EDITION_CSS}",
            letter_explainer::pages::print::margin_css()
        ),
    );
    // Every page of the full site applies the reader's theme and clean reading before its first paint;
    // embeds follow their host's `?theme=` instead (see `display`).
    let display = display::write(dir);
    let mut count = 0;
    for route in letter_explainer::route::all() {
        // Only the letter and the timeline have the app (each its own binary), and search its own script;
        // every other page is plain HTML and CSS.
        let (sheet, tags) = if route.has_timeline_app() {
            (timeline_css.as_str(), &timeline_tags)
        } else if route.has_app() {
            ("", &letter_tags)
        } else if route == Route::Search {
            (search_css.as_str(), &search_tags)
        } else if route == Route::Print {
            (print_css.as_str(), &static_tags)
        } else if route == Route::Corrections {
            (corrections_css.as_str(), &static_tags)
        } else {
            ("", &static_tags)
        };
        let display = if route.is_embed() { "" } else { &display };
        let template = template
            .with_head_tags(&format!("{sheet}{display}{tags}"))
            .unwrap_or_else(|e| fail(&e));
        // Each page under its own owner (a child of the edition's), so nothing of one page outlives it.
        let (head, body) = Owner::new().with(|| {
            (
                view! { <Head route/> }.to_html(),
                view! { <App route/> }.to_html(),
            )
        });
        let html = template::page(&template, t().lang, &head, &body).unwrap_or_else(|e| fail(&e));
        write(&dir.join(route.file(lang)), &html);
        if route == Route::Letter(None) {
            write_annotations(dir, &html);
        }
        if let Route::Letter(Some(id)) = route {
            if let Some(index) = letter_explainer::content::note_index(id) {
                write(
                    &dir.join(contract::route::note_fragment_file(lang, id)),
                    fragments::note_fragment(index, route),
                );
            }
        }
        if route == Route::Corrections {
            if let Some(atom) = letter_explainer::feed::atom() {
                write(&dir.join(letter_explainer::feed::file()), atom);
            }
        }
        if let (Some(file), Some(json)) = (
            route.oembed_file(lang),
            letter_explainer::hosting::oembed_json(route),
        ) {
            write(&dir.join(file), json);
        }
        count += 1;
    }
    // The event map the timeline's pages read to send `#<id>` to the page that holds the event.
    let map = contract::route::event_map_href(lang);
    write(
        &dir.join(&map[contract::BASE.len()..]),
        letter_explainer::route::event_map(),
    );
    count
}

/// The edition's `annotations.jsonld`, from its rendered letter page (when the build knows the origin).
fn write_annotations(dir: &Path, letter_page: &str) {
    use letter_explainer::annotations;
    match annotations::collection(letter_page) {
        Ok(Some(json)) => write(&dir.join(annotations::file()), json),
        Ok(None) => {}
        Err(e) => fail(&format!("annotations.jsonld: {e}")),
    }
}

/// Writes a script into `dir` as `<stem>-<hash>.js`; returns its URL path and its tag, with subresource
/// integrity. Every script of ours is a file loaded so: the Content-Security-Policy needs no
/// `'unsafe-inline'`.
fn write_script(dir: &Path, stem: &str, js: &str) -> (String, String) {
    use sha2::{Digest, Sha384};
    let name = format!("{stem}-{}.js", offline::short_hash(js.as_bytes()));
    write(&dir.join(&name), js);
    let integrity = format!("sha384-{}", base64(&Sha384::digest(js.as_bytes())));
    let path = contract::asset(&name);
    let tag = format!("<script type=\"module\" src=\"{path}\" integrity=\"{integrity}\"></script>");
    (path, tag)
}

/// A JavaScript string literal: a JSON string, as serde_json writes it (for the constants written into
/// the service worker and the page scripts).
fn json_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string always serialises")
}

/// A line of JavaScript that is only a comment (`// …` or a one-line `/** … */`): the scripts' comments are
/// for people reading the source, and the prerenderer leaves them out of what it publishes.
fn is_comment(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("//") || (line.starts_with("/*") && line.ends_with("*/"))
}

/// Standard base64 with padding (as subresource integrity wants).
fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .unwrap_or_else(|e| fail(&format!("cannot create {}: {e}", parent.display())));
    }
    fs::write(path, bytes)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", path.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    process::exit(1);
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(super::base64(b"foobar"), "Zm9vYmFy");
    }
}
