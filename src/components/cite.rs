//! The "Cite" control on every note page: a disclosure (works without JavaScript) with the note as a plain
//! citation in APA and Chicago style, as BibTeX and as RIS, each in a read-only field a reader can select
//! and copy (with the app, also a Copy button). The strings come from [`crate::citation`].
//!
//! What is cited: author, the site (its name in the edition's catalog); title, the note's; date, the date
//! the site's facts were last checked against the sources (`checked` in `timeline.toml`), the date of the
//! version a reader cites, since a note has no date of its own; URL, the note's page, absolute when the
//! build knows the origin, else its path on the site (as the embed snippets do).

use super::copy_link::CopyButton;
use super::embed_control::rcdata;
use crate::citation::Work;
use crate::content::{checked, notes};
use crate::edition;
use crate::i18n::t;
use crate::route::note_href;
use contract::absolute;
use leptos::prelude::*;

/// The citation of the note at `note`, in the edition being rendered.
pub fn work(note: usize) -> Work<'static> {
    Work {
        author: t().site_name,
        title: &notes()[note].title,
        date: checked(),
        url: absolute(&note_href(note)),
        lang: edition::lang(),
    }
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
            work.bibtex(&format!("slotkin-brown-letter:{id}")),
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
