//! The edition (language) being rendered. The browser app shows one edition per page, set once from the
//! URL at start; the prerenderer sets each edition in turn. Content accessors, the catalog and every URL
//! follow it, so components never pass a language around.

use model::Lang;
use std::cell::Cell;

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The edition being rendered.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Renders `lang` from now on (in this thread).
pub fn set(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The path segment before every route of an edition, under the base path: `""` for the original
/// (English), `"es/"` for Spanish.
pub fn prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "",
        Lang::Es => "es/",
    }
}

/// The other edition: where the language switch goes.
pub fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::Es,
        Lang::Es => Lang::En,
    }
}

/// Runs `f` as if rendering `lang`, then goes back to the edition being rendered.
pub fn with<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let current = self::lang();
    set(lang);
    let out = f();
    set(current);
    out
}
