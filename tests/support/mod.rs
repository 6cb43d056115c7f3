//! What the fixture-site tests share: compiling a content folder into `'static` editions, and rendering a
//! page of them as the prerenderer does (its head, then the app).

use leptos::prelude::*;
use letter_explainer::edition;
use letter_explainer::route::Route;
use letter_explainer::App;
use model::{Lang, Site};
use std::path::Path;

/// The content compiler's good fixture pack.
pub fn good_pack() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/content/tests/fixtures/good")
}

/// Every edition of the content in `dir`, compiled (see `letter_explainer::content::leak`). Panics with
/// the compiler's messages if it does not compile.
pub fn compile(dir: &Path) -> &'static [&'static Site] {
    let tree = content::ContentTree::read(dir).expect("read the pack");
    let editions = content::compile_editions(&tree)
        .unwrap_or_else(|d| panic!("the pack {} must compile:\n{d}", dir.display()));
    letter_explainer::content::leak(editions)
}

/// The head and the body of `route` in the edition `lang` of `sites`.
pub fn page(sites: &'static [&'static Site], lang: Lang, route: impl Fn() -> Route) -> String {
    edition::render(sites, lang, || {
        let route = route();
        view! { <letter_explainer::head::Head route/> }.to_html()
            + &view! { <App route/> }.to_html()
    })
}
