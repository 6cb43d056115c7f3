//! The letter's binary (trunk builds it: `index.html`'s `rel="rust"` link): the behaviour of the letter,
//! a note's page and the letter's embed. The timeline's pages load the `timeline` binary instead (see the
//! crate's documentation), so this wasm carries none of the timeline's code.
//!
//! Architecture Invariant: a page downloads only its own behaviour. This binary names no timeline code
//! and the timeline's binary no letter code; the prerenderer gives each page kind its own boot script
//! (`src/bin/prerender/main.rs`), and `cargo xtask test` holds every route to its first-view budget.

use contract::Route;

fn main() {
    browser::start(|document, lang, route| {
        match route {
            Route::Letter(open) => browser::letter::start(
                document,
                lang,
                open.map(str::to_owned),
                !browser::dom::framed(),
            ),
            Route::EmbedLetter => browser::letter::start(document, lang, None, false),
            _ => return false,
        }
        true
    });
}
