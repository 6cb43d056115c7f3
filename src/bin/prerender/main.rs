//! Writes every route as a static HTML file: the page trunk built (`index.html`, with its hashed asset
//! links) becomes the template, and the App renders each route's body, once per edition.
//! Run by trunk's post-build hook on `$TRUNK_STAGING_DIR`, or by hand: `prerender <dist>`. Then writes
//! what offline reading and installation need, the service worker last (see [`offline`]).

mod cards;
mod markers;
mod offline;
mod search_assets;

use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use letter_explainer::edition;
use letter_explainer::head::Head;
use letter_explainer::i18n::t;
use letter_explainer::route::Route;
use letter_explainer::App;
use model::Lang;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::{env, fs, process};

fn main() {
    let dir = env::args_os()
        .nth(1)
        .or_else(|| env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from)
        .unwrap_or_else(|| fail("usage: prerender <site-folder> (or set TRUNK_STAGING_DIR)"));
    let template = fs::read_to_string(dir.join("index.html"))
        .unwrap_or_else(|e| fail(&format!("cannot read {}/index.html: {e}", dir.display())));
    let (template, loader) = take_loader(&template).unwrap_or_else(|e| fail(&e));
    // Trunk's preloads go too: the boot script loads the glue and the wasm, after the first paint.
    let template = drop_preloads(&template).unwrap_or_else(|e| fail(&e));
    let mut count = 0;
    let search_module = search_assets::write_module(&dir);
    for lang in Lang::ALL {
        edition::set(lang);
        // Every page links its edition's manifest and loads its offline script: pages without the app with
        // a tag, pages with the app from their boot script, their only script (see `boot_script`).
        let offline = offline::write_assets(&dir);
        let (_, boot) = write_script(&dir, "boot", &boot_script(&loader, &offline.script));
        let app_template = add_to_head(&template, &format!("{}{boot}", offline.links))
            .unwrap_or_else(|e| fail(&e));
        let static_template = add_to_head(
            &template,
            &format!("{}{}", offline.links, offline.script_tag),
        )
        .unwrap_or_else(|e| fail(&e));
        // The search page loads its own script (and, from it, the search module and the edition's index);
        // no other page names any of them.
        let search_template = add_to_head(
            &template,
            &format!(
                "{}{}{}",
                offline.links,
                offline.script_tag,
                search_assets::write_edition(&dir, &search_module)
            ),
        )
        .unwrap_or_else(|e| fail(&e));
        for route in letter_explainer::route::all() {
            // Only the letter and the timeline have the app, and search its own script; every other page
            // is plain HTML and CSS.
            let template = if route.has_app() {
                &app_template
            } else if route == Route::Search {
                &search_template
            } else {
                &static_template
            };
            let html = page(template, route).unwrap_or_else(|e| fail(&e));
            write(&dir.join(route.file(lang)), &html);
            if route == Route::Letter(None) {
                write_annotations(&dir, &html);
            }
            if let (Some(file), Some(json)) = (
                route.oembed_file(lang),
                letter_explainer::hosting::oembed_json(route),
            ) {
                write(&dir.join(file), json);
            }
            count += 1;
        }
    }
    edition::set(Lang::En);
    let mut cards_written = 0;
    for lang in Lang::ALL {
        edition::with(lang, || cards_written += cards::write_cards(&dir));
    }
    write(
        &dir.join("_headers"),
        letter_explainer::hosting::headers_file(),
    );
    write(
        &dir.join("robots.txt"),
        letter_explainer::hosting::robots_txt(),
    );
    if let Some(sitemap) = letter_explainer::hosting::sitemap_xml() {
        write(&dir.join("sitemap.xml"), sitemap);
    }
    println!(
        "prerendered {count} pages and {cards_written} link-preview cards in {} editions into {} (the boot script only on letter and timeline pages)",
        Lang::ALL.len(),
        dir.display(),
    );
    let sw = offline::write_service_worker(&dir).unwrap_or_else(|e| fail(&e));
    println!(
        "service worker version {} precaches {} files",
        sw.version, sw.files
    );
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

/// The template with `tags` at the end of its `<head>`.
fn add_to_head(template: &str, tags: &str) -> Result<String, String> {
    let end = template
        .find("</head>")
        .ok_or("the template has no </head>")?;
    Ok(format!("{}{tags}{}", &template[..end], &template[end..]))
}

/// Takes trunk's inline module script (which loads the wasm) out of the template: the template without
/// it, and its code with the glue imported when it runs ([`defer_glue`]).
fn take_loader(template: &str) -> Result<(String, String), String> {
    let open = "<script type=\"module\">";
    let start = template
        .find(open)
        .ok_or("trunk's output has no inline module script")?;
    let body_start = start + open.len();
    let end = body_start
        + template[body_start..]
            .find("</script>")
            .ok_or("unclosed module script")?;
    let js = defer_glue(template[body_start..end].trim())?;
    let rest = format!(
        "{}{}",
        &template[..start],
        &template[end + "</script>".len()..]
    );
    Ok((rest, js))
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

/// The only script of a page with the app. It runs once the stylesheet has loaded, waits for the page's
/// first paint, and only then imports the offline script and the app: until the page is painted, nothing
/// of ours but these few hundred bytes competes with it for the network or the main thread (measured:
/// `lcp-ratio.js`, against the same page without scripts).
fn boot_script(loader: &str, offline_script: &str) -> String {
    format!(
        "await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));\n\
         import('{offline_script}');\n{loader}"
    )
}

/// Trunk's loader with its static import of the wasm-bindgen glue made dynamic: a static import is
/// fetched with the page, competing with the stylesheet for the network; a dynamic one only when the
/// loader runs, after the stylesheet (scripts wait for it). The page reads and paints without the app.
fn defer_glue(js: &str) -> Result<String, String> {
    let start = js
        .find("import init, * as bindings from ")
        .ok_or("trunk's loader no longer imports its glue as expected")?;
    let end = start + js[start..].find(';').ok_or("unterminated import")? + 1;
    let path = js[start..end]
        .trim_start_matches("import init, * as bindings from ")
        .trim_end_matches(';');
    Ok(format!(
        "{}const bindings = await import({path});\nconst init = bindings.default;{}",
        &js[..start],
        &js[end..]
    ))
}

/// Standard base64 with padding (as subresource integrity wants).
fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The template without trunk's preloads of the glue and the wasm. Fails if trunk's output no longer has
/// them as expected.
fn drop_preloads(template: &str) -> Result<String, String> {
    let mut html = template.to_owned();
    for open in ["<link rel=\"modulepreload\"", "<link rel=\"preload\""] {
        let start = html
            .find(open)
            .ok_or(format!("trunk's output has no {open}"))?;
        let end = start + html[start..].find('>').ok_or(format!("unclosed {open}"))? + 1;
        html.replace_range(start..end, "");
    }
    Ok(html)
}

/// The template with this route's head tags and body, without hydration markers.
fn page(template: &str, route: Route) -> Result<String, String> {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let (head, body) = owner.with(|| {
        (
            view! { <Head route/> }.to_html(),
            view! { <App route/> }.to_html(),
        )
    });
    let html =
        replace_between(template, "<title>", "</title>", "")?.replacen("<title></title>", &head, 1);
    let html = html.replacen("<html>", &format!("<html lang=\"{}\">", t().lang), 1);
    let start = html.find("<body").ok_or("the template has no <body>")?;
    let open_end = start + html[start..].find('>').ok_or("unclosed <body>")? + 1;
    let close = html.rfind("</body>").ok_or("the template has no </body>")?;
    // Nothing hydrates: the markers Leptos writes for hydration are dead bytes and invalid HTML.
    Ok(markers::strip(&format!(
        "{}{}{}",
        &html[..open_end],
        body,
        &html[close..]
    )))
}

/// Replaces the text between two markers (keeping the markers).
fn replace_between(text: &str, open: &str, close: &str, with: &str) -> Result<String, String> {
    let a = text
        .find(open)
        .ok_or(format!("the template has no {open}"))?
        + open.len();
    let b = a + text[a..]
        .find(close)
        .ok_or(format!("the template has no {close}"))?;
    Ok(format!("{}{with}{}", &text[..a], &text[b..]))
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
    fn trunk_loader_and_preloads_leave_the_template() {
        let template = concat!(
            "<html><head><script type=\"module\">import init, * as bindings from '/app.js';\n",
            "const wasm = await init({ module_or_path: '/app.wasm' });</script>",
            "<link rel=\"modulepreload\" href=\"/app.js\"><link rel=\"preload\" href=\"/app.wasm\">",
            "</head><body></body></html>"
        );
        let (rest, loader) = super::take_loader(template).unwrap();
        let rest = super::drop_preloads(&rest).unwrap();
        assert_eq!(rest, "<html><head></head><body></body></html>");
        assert!(loader.contains("await import('/app.js')"), "{loader}");
        assert!(super::take_loader(&rest).is_err());
        assert!(super::drop_preloads(&rest).is_err());
    }

    #[test]
    fn the_boot_script_waits_for_the_first_paint_then_loads_offline_and_the_app() {
        let js = super::boot_script("const bindings = await import('/app.js');", "/offline-1.js");
        let paint = js.find("requestAnimationFrame").unwrap();
        let offline = js.find("import('/offline-1.js')").unwrap();
        let app = js.find("import('/app.js')").unwrap();
        assert!(paint < offline && offline < app, "{js}");
    }

    #[test]
    fn the_loader_imports_the_glue_only_when_it_runs() {
        let trunk = "import init, * as bindings from '/app-1.js';\nconst wasm = await init({ module_or_path: '/app-1_bg.wasm' });\nwindow.wasmBindings = bindings;";
        let js = super::defer_glue(trunk).unwrap();
        assert!(!js.contains("import init"), "{js}");
        assert!(js.starts_with("const bindings = await import('/app-1.js');\nconst init = bindings.default;\nconst wasm"), "{js}");
        assert!(super::defer_glue("console.log(1)").is_err());
    }

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(super::base64(b"foobar"), "Zm9vYmFy");
    }
}
