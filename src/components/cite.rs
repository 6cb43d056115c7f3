//! The "Cite" control on every note page: a disclosure (works without JavaScript) with the note as a plain
//! citation in APA and Chicago style, as BibTeX and as RIS, each in a read-only field a reader can select
//! and copy (with the app, also a Copy button). The strings come from [`crate::citation`].
//!
//! What is cited: author, the site (its name, from `site.toml`); title, the note's; date, the day the note
//! was last reviewed (the version a reader cites: the latest of the facts' check, a request's status date
//! and the note's corrections); URL, the note's page, absolute when the build knows the origin, else its
//! path on the site (as the embed snippets do). The BibTeX key is the site's short name and the note's id.

use super::copy_link::CopyButton;
use super::embed_control::rcdata;
use crate::citation::Work;
use crate::content::{info, notes};
use crate::edition;
use crate::i18n::t;
use crate::route::note_href;
use contract::absolute;
use leptos::prelude::*;

/// The citation of the note at `note`, in the edition being rendered.
pub fn work(note: usize) -> Work<'static> {
    Work {
        author: &info().name,
        title: &notes()[note].title,
        date: Some(notes()[note].reviewed),
        url: absolute(&note_href(note)),
        lang: edition::lang(),
    }
}

/// A BibTeX key part from a name: lowercase ASCII letters and digits, anything else a single hyphen.
fn key(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The Cite disclosure of a note.
#[component]
pub fn CiteControl(
    /// The note's index.
    note: usize,
) -> impl IntoView {
    let work = work(note);
    let id = &notes()[note].id;
    let formats = [
        ("apa", t().cite_apa, work.apa(), 3),
        ("chicago", t().cite_chicago, work.chicago(), 3),
        (
            "bibtex",
            "BibTeX",
            work.bibtex(&format!("{}:{id}", key(&info().short_name))),
            9,
        ),
        ("ris", "RIS", work.ris(), 9),
    ];
    view! {
        <details class="cite-control">
            <summary>{t().cite_summary}</summary>
            <p>{t().cite_intro}</p>
            {formats.map(|(format, label, text, rows)| {
                let field = format!("cite-{format}");
                view! {
                    <div class="cite-format">
                        <label for=field.clone()>{label}</label>
                        <textarea id=field.clone() class="cite-text" readonly rows=rows spellcheck="false">{rcdata(&text)}</textarea>
                        <CopyButton from=field label=label/>
                    </div>
                }
            })}
        </details>
    }
}
