//! Markdown to the model's blocks and inlines, with pulldown-cmark, refusing what the site will not show.

use crate::checks;
use crate::diagnostic::{line_of, Diagnostics};
use model::{Block, Inline, Target};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;

/// Where a piece of Markdown sits, so errors point at the right file and line.
pub struct Origin<'a> {
    /// The file's display path.
    pub file: &'a str,
    /// The whole file's text.
    pub text: &'a str,
    /// Byte offset of the Markdown within the file.
    pub offset: usize,
}

impl Origin<'_> {
    fn line(&self, at: usize) -> usize {
        line_of(self.text, self.offset + at)
    }
}

/// Resolves a link destination to a target, or returns (message, hint) for an error.
pub type Resolver<'r> = dyn FnMut(&str) -> Result<Target, (String, String)> + 'r;

enum Frame {
    Blocks(Vec<Block>),
    Quote(Vec<Block>),
    List(bool, Vec<Cow<'static, [Block]>>),
    Item(Vec<Block>),
    Paragraph {
        implicit: bool,
        inlines: Vec<Inline>,
    },
    Heading(Vec<Inline>),
    Emph(Vec<Inline>),
    Strong(Vec<Inline>),
    Link(Option<Target>, Vec<Inline>),
    /// Content of something refused (an image, a code block), swallowed after its error.
    Refused,
}

struct Builder {
    stack: Vec<Frame>,
}

impl Builder {
    fn push_inline(&mut self, inline: Inline) {
        if matches!(
            self.stack.last(),
            Some(Frame::Blocks(_) | Frame::Quote(_) | Frame::Item(_))
        ) {
            self.stack.push(Frame::Paragraph {
                implicit: true,
                inlines: Vec::new(),
            });
        }
        if let Some(
            Frame::Paragraph { inlines: v, .. }
            | Frame::Heading(v)
            | Frame::Emph(v)
            | Frame::Strong(v)
            | Frame::Link(_, v),
        ) = self.stack.last_mut()
        {
            v.push(inline);
        }
    }

    fn close_implicit_paragraph(&mut self) {
        if matches!(
            self.stack.last(),
            Some(Frame::Paragraph { implicit: true, .. })
        ) {
            self.close();
        }
    }

    fn push_block(&mut self, block: Block) {
        self.close_implicit_paragraph();
        if let Some(Frame::Blocks(v) | Frame::Quote(v) | Frame::Item(v)) = self.stack.last_mut() {
            v.push(block);
        }
    }

    /// Closes the innermost frame and hands what it built to its parent.
    fn close(&mut self) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match frame {
            Frame::Blocks(_) | Frame::Refused => {}
            Frame::Quote(blocks) => self.push_block(Block::Quote(blocks.into())),
            Frame::List(ordered, items) => self.push_block(Block::List {
                ordered,
                items: items.into(),
            }),
            Frame::Item(blocks) => {
                if let Some(Frame::List(_, items)) = self.stack.last_mut() {
                    items.push(blocks.into());
                }
            }
            Frame::Paragraph { inlines, .. } => {
                let text = Inline::plain_text(&inlines);
                let block = if matches!(text.trim(), "[…]" | "[...]") {
                    Block::Gap
                } else {
                    Block::Paragraph(inlines.into())
                };
                self.push_block(block);
            }
            Frame::Heading(inlines) => self.push_block(Block::Heading(inlines.into())),
            Frame::Emph(inlines) => self.push_inline(Inline::Emph(inlines.into())),
            Frame::Strong(inlines) => self.push_inline(Inline::Strong(inlines.into())),
            Frame::Link(Some(target), children) => self.push_inline(Inline::Link {
                target,
                children: children.into(),
            }),
            Frame::Link(None, children) => {
                for child in children {
                    self.push_inline(child);
                }
            }
        }
    }

    fn refusing(&self) -> bool {
        self.stack.iter().any(|f| matches!(f, Frame::Refused))
    }
}

/// Parses Markdown into blocks. Problems go to `diags` with their line; the result holds what was valid.
pub fn parse_blocks(
    md: &str,
    origin: &Origin<'_>,
    diags: &mut Diagnostics,
    resolve: &mut Resolver<'_>,
) -> Vec<Block> {
    let mut b = Builder {
        stack: vec![Frame::Blocks(Vec::new())],
    };
    for (event, range) in Parser::new_ext(md, Options::empty()).into_offset_iter() {
        // Computed only when there is something to report: a scan of a large file costs.
        let start = range.start;
        let line = move || origin.line(start);
        let mut refuse = |what: &str, hint: &str| {
            diags.error(
                origin.file,
                line(),
                format!("{what} is not allowed in content"),
                hint,
            )
        };
        if b.refusing() && !matches!(event, Event::End(_) | Event::Start(_)) {
            continue;
        }
        match event {
            Event::Start(tag) => {
                let frame = match tag {
                    Tag::Paragraph => Frame::Paragraph {
                        implicit: false,
                        inlines: Vec::new(),
                    },
                    Tag::Heading { level, .. } => {
                        if level == HeadingLevel::H1 {
                            refuse(
                                "a level-1 heading (`#`)",
                                "the page title comes from the front matter: use `##` or `###`",
                            );
                        }
                        Frame::Heading(Vec::new())
                    }
                    Tag::BlockQuote(_) => Frame::Quote(Vec::new()),
                    Tag::List(start) => Frame::List(start.is_some(), Vec::new()),
                    Tag::Item => Frame::Item(Vec::new()),
                    Tag::Emphasis => Frame::Emph(Vec::new()),
                    Tag::Strong => Frame::Strong(Vec::new()),
                    Tag::Link { dest_url, .. } => match resolve(&dest_url) {
                        Ok(target) => Frame::Link(Some(target), Vec::new()),
                        Err((message, hint)) => {
                            diags.error(origin.file, line(), message, hint);
                            Frame::Link(None, Vec::new())
                        }
                    },
                    Tag::Image { .. } => {
                        refuse(
                            "an image",
                            "describe it in words, or link to it with an https link",
                        );
                        Frame::Refused
                    }
                    Tag::CodeBlock(_) => {
                        refuse("a code block", "remove the indentation or the ``` fence");
                        Frame::Refused
                    }
                    Tag::HtmlBlock => {
                        refuse("raw HTML", "write Markdown instead of HTML");
                        Frame::Refused
                    }
                    _ => {
                        refuse(
                            "this Markdown construct",
                            "use paragraphs, lists, quotes, emphasis and links",
                        );
                        Frame::Refused
                    }
                };
                if matches!(
                    frame,
                    Frame::Paragraph { .. } | Frame::Heading(_) | Frame::Quote(_) | Frame::List(..)
                ) {
                    b.close_implicit_paragraph();
                }
                b.stack.push(frame);
            }
            Event::End(end) => {
                if matches!(end, TagEnd::Item | TagEnd::BlockQuote(_)) {
                    b.close_implicit_paragraph();
                }
                b.close();
            }
            Event::Text(text) | Event::Code(text) if checks::text_problem(&text).is_some() => {
                // Written as a character reference (`&#x202E;`); the file scan sees the character itself.
                let (message, hint) = checks::text_problem(&text).unwrap_or_default();
                diags.error(origin.file, line(), message, hint);
            }
            Event::Text(text) => b.push_inline(Inline::Text(text.into_string().into())),
            Event::Code(text) => b.push_inline(Inline::Code(text.into_string().into())),
            Event::SoftBreak => b.push_inline(Inline::Text(" ".into())),
            Event::HardBreak => b.push_inline(Inline::Break),
            Event::Html(_) | Event::InlineHtml(_) => {
                refuse("raw HTML", "write Markdown instead of HTML")
            }
            Event::Rule => refuse(
                "a horizontal rule",
                "for a gap in the letter write a paragraph that is exactly `[…]`",
            ),
            _ => refuse(
                "this Markdown construct",
                "use paragraphs, lists, quotes, emphasis and links",
            ),
        }
    }
    while b.stack.len() > 1 {
        b.close();
    }
    match b.stack.pop() {
        Some(Frame::Blocks(blocks)) => merge_text(blocks),
        _ => Vec::new(),
    }
}

/// Parses Markdown that must be one paragraph of inline text (an event's body).
pub fn parse_inlines(
    md: &str,
    origin: &Origin<'_>,
    diags: &mut Diagnostics,
    resolve: &mut Resolver<'_>,
) -> Vec<Inline> {
    let blocks = parse_blocks(md, origin, diags, resolve);
    match blocks.as_slice() {
        [] => Vec::new(),
        [Block::Paragraph(inlines)] => inlines.to_vec(),
        _ => {
            diags.error(
                origin.file,
                origin.line(0),
                "this text must be a single paragraph",
                "remove blank lines, lists and headings from it",
            );
            Vec::new()
        }
    }
}

/// Joins adjacent text runs (pulldown-cmark splits text at brackets and entities), recursively.
fn merge_text(blocks: Vec<Block>) -> Vec<Block> {
    fn inlines(v: &[Inline]) -> Cow<'static, [Inline]> {
        let mut out: Vec<Inline> = Vec::with_capacity(v.len());
        for inline in v {
            let inline = match inline {
                Inline::Emph(c) => Inline::Emph(inlines(c)),
                Inline::Strong(c) => Inline::Strong(inlines(c)),
                Inline::Link { target, children } => Inline::Link {
                    target: target.clone(),
                    children: inlines(children),
                },
                other => other.clone(),
            };
            match (out.last_mut(), &inline) {
                (Some(Inline::Text(a)), Inline::Text(b)) => a.to_mut().push_str(b),
                _ => out.push(inline),
            }
        }
        out.into()
    }
    fn blocks_of(v: &[Block]) -> Cow<'static, [Block]> {
        v.iter().map(block).collect::<Vec<_>>().into()
    }
    fn block(b: &Block) -> Block {
        match b {
            Block::Paragraph(v) => Block::Paragraph(inlines(v)),
            Block::Heading(v) => Block::Heading(inlines(v)),
            Block::List { ordered, items } => Block::List {
                ordered: *ordered,
                items: items
                    .iter()
                    .map(|i| blocks_of(i))
                    .collect::<Vec<_>>()
                    .into(),
            },
            Block::Quote(v) => Block::Quote(blocks_of(v)),
            Block::Gap => Block::Gap,
        }
    }
    blocks.iter().map(block).collect()
}
