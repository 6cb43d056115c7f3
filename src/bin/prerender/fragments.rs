//! Each note's fragment (`notes/<id>/note.html`): the note's article alone, in a small document titled like
//! the note's page. The letter page's app fetches it to open a note in place (a few KB to parse instead of
//! the note's whole page); readers without the app never see it (the note's page is the page to link), so
//! it asks crawlers not to index it.

use crate::markers;
use leptos::prelude::*;
use letter_explainer::components::note_panel::NotePanel;
use letter_explainer::head::title;
use letter_explainer::route::Route;
use letter_explainer::state::Framed;

/// The fragment of the note at `index`, whose page is `page`, in the edition being rendered.
pub fn note_fragment(index: usize, page: Route) -> String {
    let lang = letter_explainer::i18n::t().lang;
    let (title, article) = Owner::new().with(|| {
        provide_context(Framed(false));
        let title = title(page);
        (
            view! { <title>{title}</title> }.to_html(),
            view! { <NotePanel note=index/> }.to_html(),
        )
    });
    markers::strip(&format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"robots\" content=\"noindex\">{title}</head><body>{article}</body></html>"
    ))
}

#[cfg(test)]
mod tests {
    use super::note_fragment;
    use letter_explainer::content::{built, notes};
    use letter_explainer::edition;
    use letter_explainer::route::Route;
    use model::Lang;

    #[test]
    fn a_fragment_is_its_note_article_alone_titled_like_its_page() {
        for lang in Lang::ALL {
            edition::render(built(), lang, || {
                let note = &notes()[0];
                let html = note_fragment(0, Route::Letter(Some(&notes()[0].id)));
                assert!(html.starts_with("<!DOCTYPE html><html lang="), "{html}");
                assert_eq!(html.matches("<article").count(), 1, "one article");
                assert!(html.contains("class=\"note\""), "the note's article");
                assert!(html.contains(&format!("<title>{}", note.title)), "titled");
                assert!(html.contains("noindex"), "not for crawlers");
                assert!(!html.contains("<script"), "no script");
                assert!(!html.contains("letter-text"), "no letter");
                assert!(!html.contains("<!--"), "no hydration markers");
                assert!(html.len() < 20_000, "small: {} bytes", html.len());
            });
        }
    }
}
