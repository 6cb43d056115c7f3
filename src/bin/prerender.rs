//! Writes every route as a static HTML file: the page trunk built (`index.html`, with its hashed asset
//! links) becomes the template, and the same App that hydrates in the browser renders each route's body.
//! Run by trunk's post-build hook on `$TRUNK_STAGING_DIR`, or by hand: `prerender <dist>`.

use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use letter_explainer::head::Head;
use letter_explainer::i18n::EN;
use letter_explainer::route::Route;
use letter_explainer::App;
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
    let (static_template, app_tags) = split_app_tags(&template).unwrap_or_else(|e| fail(&e));
    let routes = Route::all();
    for &route in &routes {
        // Only the letter and the timeline have behaviour; every other page is plain HTML and CSS.
        let template = match route {
            Route::Letter(_) | Route::Timeline => &template,
            _ => &static_template,
        };
        let html = page(template, route).unwrap_or_else(|e| fail(&e));
        let path = dir.join(route.file());
        write(&path, &html);
    }
    println!(
        "prerendered {} routes into {} (the app's {} tags only on letter and timeline pages)",
        routes.len(),
        dir.display(),
        app_tags.len()
    );
}

/// The template without the tags that load the wasm app (trunk's module script and its preloads), and
/// those tags. Fails if trunk's output no longer has the expected shape.
fn split_app_tags(template: &str) -> Result<(String, Vec<String>), String> {
    let mut html = template.to_owned();
    let mut tags = Vec::new();
    for (open, close) in [
        ("<script type=\"module\">", "</script>"),
        ("<link rel=\"modulepreload\"", ">"),
        ("<link rel=\"preload\"", ">"),
    ] {
        let start = html
            .find(open)
            .ok_or(format!("trunk's output has no {open}"))?;
        let end = start
            + html[start..]
                .find(close)
                .ok_or(format!("unclosed {open}"))?
            + close.len();
        tags.push(html[start..end].to_owned());
        html.replace_range(start..end, "");
    }
    Ok((html, tags))
}

/// The template with this route's head tags and body.
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
    let html = html.replacen("<html>", &format!("<html lang=\"{}\">", EN.lang), 1);
    let start = html.find("<body").ok_or("the template has no <body>")?;
    let open_end = start + html[start..].find('>').ok_or("unclosed <body>")? + 1;
    let close = html.rfind("</body>").ok_or("the template has no </body>")?;
    // No whitespace between <body> and the app: a stray text node breaks hydration.
    Ok(format!("{}{}{}", &html[..open_end], body, &html[close..]))
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

fn write(path: &Path, html: &str) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .unwrap_or_else(|e| fail(&format!("cannot create {}: {e}", parent.display())));
    }
    fs::write(path, html)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", path.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    process::exit(1);
}
