//! The one walk over compiled Markdown: every link, with its target and its text, in reading order. What
//! the compiler derives from links (which notes are linked, where sources are cited, the letter's marks)
//! is a filter over it.

use model::{Block, Inline, Target};

/// Calls `f` with every link in `blocks`, in reading order: its target and its text.
pub fn links(blocks: &[Block], f: &mut dyn FnMut(&Target, &[Inline])) {
    for block in blocks {
        match block {
            Block::Paragraph(v) | Block::Heading(v) => inline_links(v, f),
            Block::List { items, .. } => items.iter().for_each(|i| links(i, f)),
            Block::Quote(v) => links(v, f),
            Block::Gap => {}
        }
    }
}

/// Calls `f` with every link in `inlines`, in reading order: its target and its text.
pub fn inline_links(inlines: &[Inline], f: &mut dyn FnMut(&Target, &[Inline])) {
    for inline in inlines {
        match inline {
            Inline::Link { target, children } => {
                f(target, children);
                inline_links(children, f);
            }
            Inline::Emph(c) | Inline::Strong(c) => inline_links(c, f),
            _ => {}
        }
    }
}

/// Calls `f` with each note mark (the note's index and the marked text) in `blocks`, in reading order.
pub fn marks(blocks: &[Block], f: &mut dyn FnMut(usize, &[Inline])) {
    links(blocks, &mut |target, text| {
        if let Target::Note(n) = target {
            f(*n, text)
        }
    })
}

/// Adds to `list` each source a link in `inlines` cites that it does not hold yet (a text's inline
/// citations join its list of sources).
pub fn add_inline_sources(inlines: &[Inline], list: &mut Vec<usize>) {
    inline_links(inlines, &mut |t, _| add_source(list, t));
}

/// Adds to `list` each source a link in `blocks` cites that it does not hold yet.
pub fn add_sources(blocks: &[Block], list: &mut Vec<usize>) {
    links(blocks, &mut |t, _| add_source(list, t));
}

fn add_source(list: &mut Vec<usize>, target: &Target) {
    if let Target::Source(s) = target {
        if !list.contains(s) {
            list.push(*s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned().into())
    }

    fn link(target: Target, children: Vec<Inline>) -> Inline {
        Inline::Link {
            target,
            children: children.into(),
        }
    }

    #[test]
    fn every_link_is_visited_in_reading_order_at_any_depth() {
        let blocks = vec![
            Block::Paragraph(
                vec![
                    link(Target::Note(2), vec![text("a")]),
                    Inline::Emph(vec![link(Target::Source(1), vec![text("b")])].into()),
                ]
                .into(),
            ),
            Block::Quote(
                vec![Block::List {
                    ordered: false,
                    items: vec![vec![Block::Paragraph(
                        vec![link(Target::Note(0), vec![text("c")])].into(),
                    )]
                    .into()]
                    .into(),
                }]
                .into(),
            ),
            Block::Gap,
        ];
        let mut seen = Vec::new();
        links(&blocks, &mut |t, c| {
            seen.push((t.clone(), Inline::plain_text(c)))
        });
        assert_eq!(
            seen,
            vec![
                (Target::Note(2), "a".to_owned()),
                (Target::Source(1), "b".to_owned()),
                (Target::Note(0), "c".to_owned()),
            ]
        );
        let mut marks_seen = Vec::new();
        marks(&blocks, &mut |n, _| marks_seen.push(n));
        assert_eq!(marks_seen, vec![2, 0]);
        let mut sources = vec![1, 5];
        add_sources(&blocks, &mut sources);
        assert_eq!(sources, vec![1, 5], "no duplicates");
        let mut sources = Vec::new();
        add_sources(&blocks, &mut sources);
        assert_eq!(sources, vec![1]);
    }
}
