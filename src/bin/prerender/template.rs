//! Trunk's page as the template of every page: everything the prerenderer knows about trunk's output is
//! here. Trunk writes `index.html` with an inline module script that imports the wasm-bindgen glue and
//! starts the app, and preloads of the glue and the wasm; [`Template::from_trunk`] takes both out (the
//! app is started by a boot script of ours, after the first paint) and [`Template::page`] fills the rest
//! with a route's head and body. Every step fails, with what it expected, if trunk's output changes.
//!
//! Architecture Invariant: no page leaves here with an inline script or style. Trunk's inline loader is
//! written out as a hashed file named with its integrity, so the CSP (`hosting::CSP`) needs no
//! `'unsafe-inline'` and no hash of ours.

use crate::markers;

/// Trunk's page without its loader and preloads, and the loader's code (with its glue import deferred).
pub struct Template {
    /// The page: trunk's `<head>` (title, stylesheet, the CSP meta) and an empty `<body>`.
    pub html: String,
    /// Trunk's loader, importing the glue only when it runs ([`defer_glue`]).
    pub loader: String,
}

impl Template {
    /// Reads trunk's `index.html`.
    pub fn from_trunk(index_html: &str) -> Result<Self, String> {
        let (html, loader) = take_loader(index_html)?;
        // Trunk's preloads go too: the boot script loads the glue and the wasm, after the first paint.
        let html = drop_preloads(&html)?;
        Ok(Self { html, loader })
    }

    /// Trunk's loader made to start another binary of the app: the same code with the glue and the wasm
    /// it names replaced by `glue` and `wasm` (URL paths). Fails if the loader does not name them as
    /// expected.
    pub fn loader_of(&self, glue: &str, wasm: &str) -> Result<String, String> {
        let mut js = self.loader.clone();
        for (after, with) in [("await import(", glue), ("module_or_path: ", wasm)] {
            let start = js
                .find(after)
                .ok_or(format!("trunk's loader has no `{after}`"))?
                + after.len();
            let quote = &js[start..start + 1];
            if quote != "'" && quote != "\"" {
                return Err(format!("trunk's loader has no quoted path after `{after}`"));
            }
            let end = start
                + 1
                + js[start + 1..]
                    .find(quote)
                    .ok_or(format!("unclosed path after `{after}`"))?;
            js.replace_range(start + 1..end, with);
        }
        Ok(js)
    }

    /// The template with `tags` at the end of its `<head>`.
    pub fn with_head_tags(&self, tags: &str) -> Result<String, String> {
        let end = self
            .html
            .find("</head>")
            .ok_or("the template has no </head>")?;
        Ok(format!("{}{tags}{}", &self.html[..end], &self.html[end..]))
    }
}

/// A page from a template (see [`Template::with_head_tags`]): its `<title>` replaced by the route's
/// head tags, `lang` on `<html>`, the body, and no hydration markers.
pub fn page(template: &str, lang: &str, head: &str, body: &str) -> Result<String, String> {
    let html =
        replace_between(template, "<title>", "</title>", "")?.replacen("<title></title>", head, 1);
    if !html.contains("<html>") {
        return Err("the template has no plain <html> tag".into());
    }
    let html = html.replacen("<html>", &format!("<html lang=\"{lang}\">"), 1);
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

/// The only script of a page with the app. It runs once the stylesheet has loaded, waits for the page's
/// first paint, and only then imports the offline script and the app: until the page is painted, nothing
/// of ours but these few hundred bytes competes with it for the network or the main thread (measured:
/// `lcp-ratio.js`, against the same page without scripts).
pub fn boot_script(loader: &str, offline_script: &str) -> String {
    format!(
        "await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));\n\
         import('{offline_script}');\n{loader}"
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = concat!(
        "<!DOCTYPE html><html><head><title>Trunk</title><script type=\"module\">import init, * as bindings from '/app.js';\n",
        "const wasm = await init({ module_or_path: '/app.wasm' });</script>",
        "<link rel=\"modulepreload\" href=\"/app.js\"><link rel=\"preload\" href=\"/app.wasm\">",
        "</head><body><p>trunk's body</p></body></html>"
    );

    #[test]
    fn trunk_loader_and_preloads_leave_the_template() {
        let t = Template::from_trunk(TRUNK).unwrap();
        assert_eq!(
            t.html,
            "<!DOCTYPE html><html><head><title>Trunk</title></head><body><p>trunk's body</p></body></html>"
        );
        assert!(t.loader.contains("await import('/app.js')"), "{}", t.loader);
        assert!(Template::from_trunk(&t.html).is_err(), "no loader");
        assert!(drop_preloads(&t.html).is_err(), "no preloads");
    }

    #[test]
    fn the_loader_starts_another_binary_by_its_glue_and_wasm() {
        let t = Template::from_trunk(TRUNK).unwrap();
        let js = t.loader_of("/other-2.js", "/other-2_bg.wasm").unwrap();
        assert_eq!(
            js,
            t.loader
                .replace("/app.js", "/other-2.js")
                .replace("/app.wasm", "/other-2_bg.wasm")
        );
        assert!(!js.contains("/app"), "{js}");
        let broken = Template {
            html: String::new(),
            loader: "console.log(1)".into(),
        };
        assert!(broken.loader_of("/a.js", "/a.wasm").is_err());
    }

    #[test]
    fn a_page_has_the_routes_head_lang_and_body_and_no_markers() {
        let t = Template::from_trunk(TRUNK).unwrap();
        let with_tags = t
            .with_head_tags("<link rel=\"manifest\" href=\"/m\">")
            .unwrap();
        let html = page(
            &with_tags,
            "es",
            "<title>Carta</title>",
            "<main>a<!>b</main>",
        )
        .unwrap();
        assert_eq!(
            html,
            "<!DOCTYPE html><html lang=\"es\"><head><title>Carta</title><link rel=\"manifest\" href=\"/m\"></head><body><main>ab</main></body></html>"
        );
        for broken in [
            "<html><head></head><body></body></html>",
            "<html><title></title><body>",
        ] {
            assert!(page(broken, "en", "", "").is_err(), "{broken}");
        }
    }

    #[test]
    fn the_boot_script_waits_for_the_first_paint_then_loads_offline_and_the_app() {
        let js = boot_script("const bindings = await import('/app.js');", "/offline-1.js");
        let paint = js.find("requestAnimationFrame").unwrap();
        let offline = js.find("import('/offline-1.js')").unwrap();
        let app = js.find("import('/app.js')").unwrap();
        assert!(paint < offline && offline < app, "{js}");
    }

    #[test]
    fn the_loader_imports_the_glue_only_when_it_runs() {
        let trunk = "import init, * as bindings from '/app-1.js';\nconst wasm = await init({ module_or_path: '/app-1_bg.wasm' });\nwindow.wasmBindings = bindings;";
        let js = defer_glue(trunk).unwrap();
        assert!(!js.contains("import init"), "{js}");
        assert!(js.starts_with("const bindings = await import('/app-1.js');\nconst init = bindings.default;\nconst wasm"), "{js}");
        assert!(defer_glue("console.log(1)").is_err());
    }
}
