//! One note as a card for an iframe (`/embed/notes/<id>/`): the marked passage, the note with its verdict
//! or status, its sources and its events. Static: no wasm, only the script that sizes the frame.

use crate::components::note_panel::NotePanel;
use leptos::prelude::*;

/// The note card.
#[component]
pub fn EmbedNotePage(
    /// The note's index.
    note: usize,
) -> impl IntoView {
    view! {
        <main id="main" class="embed-note">
            <h1 class="vh">{crate::content::info().name.as_ref()}</h1>
            <NotePanel note embed=true/>
        </main>
    }
}
