//! The edition (language) being rendered. The browser app shows one edition per page, set once from the
//! URL at start; the prerenderer sets each edition in turn. Content accessors, the catalog and every URL
//! follow it, so components never pass a language around. Where each edition lives is
//! [`contract::edition`]'s.

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

/// Runs `f` as if rendering `lang`, then goes back to the edition being rendered.
pub fn with<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let current = self::lang();
    set(lang);
    let out = f();
    set(current);
    out
}
