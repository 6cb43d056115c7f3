//! The timeline's binary (built by `cargo xtask build`, copied by the prerenderer under hashed names):
//! the behaviour of `/timeline/`, its year pages and its embed. It carries none of the letter's code.

fn main() {
    browser::start(|document, lang, route| {
        if !route.has_timeline_app() {
            return false;
        }
        browser::timeline::start(document, lang);
        true
    });
}
