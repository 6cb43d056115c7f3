//! A generated content pack for load tests and benchmarks only (never shipped): many notes and events,
//! valid by construction, shaped like the real content (marks in the letter, notes linked from events,
//! events on every track and at every date precision).

use crate::files::{ContentTree, File, Translations};
use std::fmt::Write;

/// A valid pack with `notes` notes and `events` events.
pub fn pack(notes: usize, events: usize) -> ContentTree {
    let notes = notes.max(3);
    let mut sources = String::new();
    let source_count = (events / 4).max(notes / 4).max(10);
    for s in 0..source_count {
        let _ = write!(
            sources,
            "[[source]]\nid = \"s{s}\"\ntitle = \"Generated source {s}\"\npublisher = \"Publisher {}\"\ndate = \"20{:02}-{:02}-{:02}\"\nurl = \"https://example.org/stress/{s}\"\n\n",
            s % 37,
            15 + s % 11,
            1 + s % 12,
            1 + s % 28
        );
    }
    // The letter marks the first notes (one per sentence); events link the rest.
    let marked = notes.min(200);
    let letter = marked_letter(
        "+++\ntitle = \"Generated letter\"\ndate = \"2024-09-30\"\npublished = \"2024-10-01\"\nfrom = \"Generated\"\nto = \"Generated\"\nsources = [\"s0\"]\n+++\n\n",
        marked,
        |n| format!("Sentence {n} makes [a generated claim number {n}](note:n{n}). "),
        "\n\n1. [Request one](note:n0)\n",
    );
    // The Spanish edition translates everything, with the same marks.
    let letter_es = marked_letter(
        "+++\ntitle = \"Carta generada\"\nfrom = \"Generada\"\nto = \"Generada\"\n+++\n\n",
        marked,
        |n| format!("La frase {n} hace [una afirmación generada número {n}](note:n{n}). "),
        "\n\n1. [Petición uno](note:n0)\n",
    );
    let notes_es = (0..notes)
        .map(|n| File {
            path: format!("stress/notes/n{n}.es.md"),
            text: format!(
                "+++\ntitle = \"Nota generada {n}\"\nsummary = \"Una nota generada para pruebas de carga.\"\n{}+++\n\nUn párrafo con *énfasis*, una [fuente](source:s{}) y [otra nota](note:n{}).\n\n- un elemento\n- otro elemento\n\n### Un encabezado\n\nUn segundo párrafo de texto generado, tan largo como el de una nota real, para que tamaños y tiempos signifiquen algo.\n",
                if n % 3 == 0 { "verdict_reason = \"Generada.\"\n" } else { "" },
                (n + 2) % source_count,
                (n + 1) % notes
            ),
        })
        .collect();
    let note_files = (0..notes)
        .map(|n| {
            let kind = match n % 3 {
                0 => "kind = \"claim\"\nverdict = \"needs-context\"\nverdict_reason = \"Generated.\"",
                1 => "kind = \"request\"\nstatus = \"unclear\"\nstatus_as_of = \"2026-06-01\"",
                _ => "kind = \"context\"",
            };
            File {
                path: format!("stress/notes/n{n}.md"),
                text: format!(
                    "+++\ntitle = \"Generated note {n}\"\n{kind}\nsummary = \"A generated note for load tests.\"\nsources = [\"s{}\", \"s{}\"]\n+++\n\nA paragraph with *emphasis*, a [source](source:s{}) and [another note](note:n{}).\n\n- a list item\n- another item\n\n### A heading\n\nA second paragraph of generated text to give the note a realistic length, about as long as a real note's paragraph, so sizes and timings mean something.\n",
                    n % source_count,
                    (n + 1) % source_count,
                    (n + 2) % source_count,
                    (n + 1) % notes
                ),
            }
        })
        .collect();
    let tracks = ["us", "mexico", "canada", "china", "industry", "letter"];
    let mut timeline = String::from("checked = \"2026-06-01\"\n\n");
    let mut timeline_es = String::new();
    for e in 0..events {
        let _ = write!(
            timeline_es,
            "[[event]]\nid = \"e{e}\"\ntitle = \"Evento generado {e}\"\nbody = \"Algo ocurrió; véase [una nota](note:n{}).\"\n\n",
            e % notes
        );
        let year = 2015 + e % 12;
        let date = match e % 3 {
            0 => format!("{year}"),
            1 => format!("{year}-{:02}", 1 + e % 12),
            _ => format!("{year}-{:02}-{:02}", 1 + e % 12, 1 + e % 28),
        };
        let _ = write!(
            timeline,
            "[[event]]\nid = \"e{e}\"\ndate = \"{date}\"\ntitle = \"Generated event {e}\"\nbody = \"Something happened, see [a note](note:n{}).\"\ntracks = [\"{}\", \"{}\"]\nsources = [\"s{}\"]\nnotes = [\"n{}\"]\n\n",
            e % notes,
            tracks[e % 6],
            tracks[(e / 6) % 5],
            e % source_count,
            e % notes
        );
    }
    ContentTree {
        site: Some(File {
            path: "stress/site.toml".into(),
            text: "name = \"A generated site\"\nshort_name = \"Generated\"\ndescription = \"A generated pack.\"\n".into(),
        }),
        letter: Some(File {
            path: "stress/letter.md".into(),
            text: letter,
        }),
        notes: note_files,
        timeline: Some(File {
            path: "stress/timeline.toml".into(),
            text: timeline,
        }),
        sources: vec![File {
            path: "stress/sources/generated.toml".into(),
            text: sources,
        }],
        about: Some(File {
            path: "stress/pages/about.md".into(),
            text: "+++\ntitle = \"About\"\n+++\n\nA generated pack.\n".into(),
        }),
        corrections: None,
        es: Translations {
            site: Some(File {
                path: "stress/site.es.toml".into(),
                text: "name = \"Un sitio generado\"\nshort_name = \"Generado\"\ndescription = \"Un paquete generado.\"\n".into(),
            }),
            letter: Some(File {
                path: "stress/letter.es.md".into(),
                text: letter_es,
            }),
            notes: notes_es,
            timeline: Some(File {
                path: "stress/timeline.es.toml".into(),
                text: timeline_es,
            }),
            about: Some(File {
                path: "stress/pages/about.es.md".into(),
                text: "+++\ntitle = \"Acerca de\"\n+++\n\nUn paquete generado.\n".into(),
            }),
            corrections: None,
        },
    }
}

/// A generated letter: front matter, `marked` sentences (each marking its note) with a gap after every
/// tenth, then a numbered request.
fn marked_letter(
    front_matter: &str,
    marked: usize,
    sentence: impl Fn(usize) -> String,
    request: &str,
) -> String {
    let mut letter = String::from(front_matter);
    for n in 0..marked {
        letter.push_str(&sentence(n));
        if n % 10 == 9 {
            letter.push_str("\n\n[…]\n\n");
        }
    }
    letter.push_str(request);
    letter
}

impl ContentTree {
    /// Writes the tree under `dir` (the folder layout `read` expects).
    pub fn write(&self, dir: &std::path::Path) -> std::io::Result<()> {
        for file in self.files() {
            let rel = file
                .path
                .split_once('/')
                .map_or(file.path.as_str(), |(_, r)| r);
            let path = dir.join(rel);
            std::fs::create_dir_all(path.parent().expect("a parent folder"))?;
            std::fs::write(path, &file.text)?;
        }
        Ok(())
    }
}
