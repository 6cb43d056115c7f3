//! Below a note: when it was last reviewed, each correction that changed it ("Updated <date>", linking
//! its entry in the log), and a link to report an error in it when the build has a contact.

use crate::content::{corrections, notes};
use crate::i18n::t;
use crate::route::correction_href;
use crate::state::{link_target, own_link_rel};
use leptos::prelude::*;

/// A note's review record and its "Report an error" link.
#[component]
pub fn NoteReview(
    /// The note's index.
    note: usize,
) -> impl IntoView {
    let n = &notes()[note];
    view! {
        <footer class="note-review">
            <p>
                {t().last_reviewed}" "
                <time datetime=n.reviewed.to_string()>{t().date(n.reviewed)}</time>
            </p>
            {(!n.corrections.is_empty()).then(|| view! {
                <ul class="note-updates">
                    {n.corrections.iter().map(|&c| {
                        let date = corrections()[c].date;
                        view! {
                            <li>
                                <a href=correction_href(c) target=link_target() rel=own_link_rel()>
                                    {t().updated}" "<time datetime=date.to_string()>{t().date(date)}</time>
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {crate::contact::report_href(note).map(|report| view! {
                <p class="report-error">
                    <a href=report target=link_target() rel=own_link_rel()>{t().report_error}</a>
                </p>
            })}
        </footer>
    }
}
