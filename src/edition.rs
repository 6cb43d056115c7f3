//! The edition (language) being rendered, as Leptos context: whoever renders (the prerenderer, a test)
//! provides the site of each edition with [`render`], and content accessors, the catalog and every URL
//! follow it, so components never pass a language around and any site can be rendered, the build's own or
//! a fixture. Where each edition lives in URLs is [`contract::edition`]'s.

use leptos::prelude::*;
use model::{Lang, Site};

/// What is rendered: one edition's site, and every edition of the build (for links to the others).
#[derive(Clone, Copy, Debug)]
pub struct Edition {
    /// The edition being rendered.
    pub site: &'static Site,
    /// Every edition, in [`Lang::ALL`] order.
    pub all: &'static [&'static Site],
}

/// The edition being rendered. Panics outside [`render`]: rendering without a site is a bug.
pub fn current() -> Edition {
    use_context::<Edition>().expect("rendered outside `edition::render`: no site is provided")
}

/// The language of the edition being rendered.
pub fn lang() -> Lang {
    current().site.lang
}

/// Runs `f` in a new reactive root that renders the edition of `all` in `lang` (each page is rendered
/// under its own root, so nothing of one page outlives it).
pub fn render<T>(all: &'static [&'static Site], lang: Lang, f: impl FnOnce() -> T) -> T {
    let site = find(all, lang);
    let owner = Owner::new_root(None);
    owner.with(|| {
        provide_context(Edition { site, all });
        f()
    })
}

/// Runs `f` as if rendering `lang` (a child of the current root), then goes back to the current edition.
pub fn with<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let all = current().all;
    let owner = Owner::new();
    owner.with(|| {
        provide_context(Edition {
            site: find(all, lang),
            all,
        });
        f()
    })
}

fn find(all: &'static [&'static Site], lang: Lang) -> &'static Site {
    all.iter()
        .copied()
        .find(|s| s.lang == lang)
        .unwrap_or_else(|| panic!("no {} edition in this build", lang.tag()))
}

/// Runs a unit test in the English edition of the build's own content.
#[cfg(test)]
pub(crate) fn in_english<T>(test: impl FnOnce() -> T) -> T {
    render(crate::content::built(), Lang::En, test)
}
