//! The browser app: adds behaviour to the prerendered letter page.

fn main() {
    letter_explainer::client::start();
}
