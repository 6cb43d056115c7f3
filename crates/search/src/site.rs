//! An edition's documents: what the site shows, as plain text.

use crate::{Doc, Kind};
use model::{Assessment, Block, Inline, Site, Target};

/// Every searchable document of an edition, in the order results list them within a kind: the letter's
/// passages, then the notes, the events and the sources, each in the site's order.
///
/// A passage is a paragraph, a list item or a quoted paragraph of the letter (editorial headings and
/// gaps are not the letter's text). In an edition with a translation, a passage's body is the
/// translation and the original is searched too (not stored); its title is its marked words, and its id
/// its place in the letter, counted from 1 (the site renders the passage's anchor from it).
pub fn documents(site: &Site) -> Vec<Doc> {
    let mut docs = passages(site);
    docs.extend(site.notes.iter().map(|note| {
        let mut more = reason(&note.assessment).to_owned();
        push_blocks(&note.body, &mut more);
        Doc {
            id: note.id.to_string(),
            title: note.title.to_string(),
            body: note.summary.to_string(),
            more,
            label: note.kind.slug().into(),
            status: assessment_slug(&note.assessment).into(),
            ..Doc::new(Kind::Note)
        }
    }));
    docs.extend(site.events.iter().map(|event| Doc {
        id: event.id.to_string(),
        title: event.title.to_string(),
        body: Inline::plain_text(&event.body),
        date: event.date.to_string(),
        ..Doc::new(Kind::Event)
    }));
    // A source's result shows its title, publisher and date, no snippet: its publisher and where it
    // was found are searched, not stored twice.
    docs.extend(site.sources.iter().map(|source| Doc {
        id: source.id.to_string(),
        title: source.title.to_string(),
        more: join([
            source.publisher.as_ref(),
            source.via.as_deref().unwrap_or(""),
        ]),
        date: source.date.map(|d| d.to_string()).unwrap_or_default(),
        publisher: source.publisher.to_string(),
        ..Doc::new(Kind::Source)
    }));
    docs
}

/// A passage of the letter: its text and the notes it marks, with their marked words.
struct Passage {
    text: String,
    marks: Vec<(usize, String)>,
}

fn passages(site: &Site) -> Vec<Doc> {
    let original = passage_units(&site.letter.body);
    let shown = site.letter.translation.as_deref().map(passage_units);
    let mut docs = Vec::new();
    for (i, passage) in original.iter().enumerate() {
        // The compiler checks that a translation has the letter's blocks and marks.
        let reader = shown.as_ref().and_then(|s| s.get(i)).unwrap_or(passage);
        let title = reader
            .marks
            .iter()
            .map(|(_, words)| words.as_str())
            .collect::<Vec<_>>()
            .join(" … ");
        // A translated passage shows the translation; the original's words are searched, not stored
        // (the English edition's index stores them).
        let more = if std::ptr::eq(reader, passage) {
            String::new()
        } else {
            passage.text.clone()
        };
        docs.push(Doc {
            id: (i + 1).to_string(),
            title,
            body: reader.text.clone(),
            more,
            ..Doc::new(Kind::Passage)
        });
    }
    docs
}

/// The letter's passages in order: paragraphs, list items, quoted paragraphs.
fn passage_units(blocks: &[Block]) -> Vec<Passage> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(_) => out.push(passage(std::slice::from_ref(block))),
            Block::List { items, .. } => out.extend(items.iter().map(|item| passage(item))),
            Block::Quote(inner) => out.extend(passage_units(inner)),
            Block::Heading(_) | Block::Gap => {}
        }
    }
    out
}

/// The passage these blocks make.
fn passage(blocks: &[Block]) -> Passage {
    let mut text = String::new();
    push_blocks(blocks, &mut text);
    let mut marks = Vec::new();
    walk_inlines(blocks, &mut |inlines| collect_marks(inlines, &mut marks));
    Passage { text, marks }
}

fn walk_inlines(blocks: &[Block], f: &mut dyn FnMut(&[Inline])) {
    for block in blocks {
        match block {
            Block::Paragraph(i) | Block::Heading(i) => f(i),
            Block::List { items, .. } => items.iter().for_each(|item| walk_inlines(item, f)),
            Block::Quote(inner) => walk_inlines(inner, f),
            Block::Gap => {}
        }
    }
}

fn collect_marks(inlines: &[Inline], marks: &mut Vec<(usize, String)>) {
    for inline in inlines {
        match inline {
            Inline::Link {
                target: Target::Note(n),
                children,
            } => marks.push((*n, Inline::plain_text(children))),
            Inline::Link { children: c, .. } | Inline::Emph(c) | Inline::Strong(c) => {
                collect_marks(c, marks)
            }
            Inline::Text(_) | Inline::Code(_) | Inline::Break => {}
        }
    }
}

/// Appends the plain text of `blocks`, one space between blocks.
fn push_blocks(blocks: &[Block], out: &mut String) {
    walk_inlines(blocks, &mut |inlines| {
        let text = Inline::plain_text(inlines);
        if !out.is_empty() && !text.is_empty() {
            out.push(' ');
        }
        out.push_str(&text);
    });
}

/// The non-empty parts, one space apart.
fn join<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn reason(assessment: &Assessment) -> &str {
    match assessment {
        Assessment::Verdict { reason, .. } => reason,
        _ => "",
    }
}

fn assessment_slug(assessment: &Assessment) -> &'static str {
    match assessment {
        Assessment::None => "",
        Assessment::Verdict { verdict, .. } => verdict.slug(),
        Assessment::Status { status, .. } => status.slug(),
    }
}
