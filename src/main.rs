//! The browser app: hydrates the prerendered HTML.

fn main() {
    letter_explainer::hydrate();
}
