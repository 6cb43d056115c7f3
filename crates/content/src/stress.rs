//! A generated content pack for load tests and benchmarks only (never shipped): many notes and events,
//! valid by construction, shaped like the real content (marks in the letter, notes linked from events,
//! events on every track and at every date precision). Its words are honest: every title, sentence and
//! link text is drawn from a word chain learnt from the real content's prose (`content/`, read once at
//! generation time; English from the originals, Spanish from the translations), so the generated pages
//! compress about as well as the real ones (a pack of one repeated sentence compresses ~47×, real prose
//! 5–8×). Ids, dates, tracks, counts and structure stay as they were, so figures stay comparable.

use crate::files::{ContentTree, File, Translations};
use model::Lang;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;

/// A valid pack with `notes` notes and `events` events.
pub fn pack(notes: usize, events: usize) -> ContentTree {
    let notes = notes.max(3);
    let mut sources = String::new();
    let source_count = (events / 4).max(notes / 4).max(10);
    let (en, es) = chains();
    for s in 0..source_count {
        let _ = write!(
            sources,
            "[[source]]\nid = \"s{s}\"\ntitle = \"{}\"\npublisher = \"Publisher {}\"\ndate = \"20{:02}-{:02}-{:02}\"\nurl = \"https://example.org/stress/{s}\"\n\n",
            en.words(seed(1, s), 4, 10),
            s % 37,
            15 + s % 11,
            1 + s % 12,
            1 + s % 28
        );
    }
    // The letter, about as long as the real one, marks the first notes (one per sentence, denser than
    // the real letter's marks); events and other notes link the rest.
    let marked = notes.min(LETTER_MARKS);
    let letter_text = |chain: &Chain, head: &str, request: &str| {
        marked_letter(head, marked, request, |n| {
            let (lead, words) = (
                chain.words(seed(2, n), 6, 18),
                chain.words(seed(3, n), 3, 8),
            );
            // The request's note is marked by the numbered request alone: the compiler refuses a note
            // marked twice (the page would hold two marks with one id).
            if n == REQUEST_NOTE {
                format!("{lead} {words}. ")
            } else {
                format!("{lead} [{words}](note:n{n}). ")
            }
        })
    };
    let letter = letter_text(
        en,
        "+++\ntitle = \"Generated letter\"\ndate = \"2024-09-30\"\npublished = \"2024-10-01\"\nfrom = \"Generated\"\nto = \"Generated\"\nsources = [\"s0\"]\n+++\n\n",
        "\n\n1. [Request one](note:n1)\n",
    );
    // The Spanish edition translates everything, with the same marks.
    let letter_es = letter_text(
        es,
        "+++\ntitle = \"Carta generada\"\nfrom = \"Generada\"\nto = \"Generada\"\n+++\n\n",
        "\n\n1. [Petición uno](note:n1)\n",
    );
    let note = |chain: &Chain, n: usize, path: String, head: String| File {
        path,
        text: format!(
            "+++\ntitle = \"{}\"\nsummary = \"{}\"\n{head}+++\n\n{}",
            chain.words(seed(4, n), 3, 9),
            chain.sentences(seed(5, n), 1),
            note_body(chain, n, notes, source_count)
        ),
    };
    let notes_es = (0..notes)
        .map(|n| {
            let reason = match note_kind(n, marked) {
                "claim" => format!("verdict_reason = \"{}\"\n", es.sentences(seed(6, n), 1)),
                _ => String::new(),
            };
            note(es, n, format!("stress/notes/n{n}.es.md"), reason)
        })
        .collect();
    let note_files = (0..notes)
        .map(|n| {
            let kind = match note_kind(n, marked) {
                "claim" => format!(
                    "kind = \"claim\"\nverdict = \"needs-context\"\nverdict_reason = \"{}\"\n",
                    en.sentences(seed(6, n), 1)
                ),
                "request" => {
                    "kind = \"request\"\nstatus = \"unclear\"\nstatus_as_of = \"2026-06-01\"\n"
                        .into()
                }
                _ => "kind = \"context\"\n".into(),
            };
            let sources = format!(
                "sources = [\"s{}\", \"s{}\"]\n",
                n % source_count,
                (n + 1) % source_count
            );
            note(en, n, format!("stress/notes/n{n}.md"), kind + &sources)
        })
        .collect();
    let tracks = ["us", "mexico", "canada", "china", "industry", "letter"];
    let mut timeline = String::from("checked = \"2026-06-01\"\n\n");
    let mut timeline_es = String::new();
    // An event's words, the same shape in both editions; the English adds its date, tracks and links.
    let event = |chain: &Chain, e: usize| {
        format!(
            "[[event]]\nid = \"e{e}\"\ntitle = \"{}\"\nbody = \"{} [{}](note:n{}).\"\n",
            chain.words(seed(20, e), 4, 12),
            chain.sentences(seed(21, e), 1),
            chain.words(seed(22, e), 2, 5),
            e % notes
        )
    };
    for e in 0..events {
        timeline_es.push_str(&event(es, e));
        timeline_es.push('\n');
        let year = 2015 + e % 12;
        let date = match e % 3 {
            0 => format!("{year}"),
            1 => format!("{year}-{:02}", 1 + e % 12),
            _ => format!("{year}-{:02}-{:02}", 1 + e % 12, 1 + e % 28),
        };
        timeline.push_str(&event(en, e));
        // Tracks vary within each year as in the real timeline: every track in turn (a sixth of the
        // events are the letter's, always shown), every other event on one track alone, so that a filter
        // change shows and hides events on every year's page.
        let (turn, first) = (e / 12, (e / 12) % 6);
        let second = (first + 1 + turn / 12 % 4) % 5;
        let tracks = if turn / 6 % 2 == 0 || first == 5 {
            format!("\"{}\"", tracks[first])
        } else {
            format!("\"{}\", \"{}\"", tracks[first], tracks[second])
        };
        let _ = write!(
            timeline,
            "date = \"{date}\"\ntracks = [{tracks}]\nsources = [\"s{}\"]\nnotes = [\"n{}\"]\n\n",
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
        translations: vec![Translations {
            lang: Lang::Es,
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
        }],
    }
}

/// How many notes the stress letter marks: the real letter marks 14 in about as many sentences as this
/// (its first view is compared with the real letter's); the other notes are reached from events and notes.
pub const LETTER_MARKS: usize = 40;

/// The note the stress letter's numbered request marks (a request, by [`note_kind`]); no sentence marks it.
const REQUEST_NOTE: usize = 1;

/// A note's kind: the letter's marked notes are claims, requests and context in turn; every other note is
/// context (as in the real content, where every claim and request is marked in the letter).
fn note_kind(n: usize, marked: usize) -> &'static str {
    if n >= marked {
        return "context";
    }
    ["claim", "request", "context"][n % 3]
}

/// A note's Markdown body, the same shape in both editions: two sentences with emphasis, a source and the
/// next note cited, a list, a heading and three more sentences.
fn note_body(chain: &Chain, n: usize, notes: usize, source_count: usize) -> String {
    format!(
        "{} *{}*, [{}](source:s{}) [{}](note:n{}).\n\n- {}\n- {}\n\n### {}\n\n{}\n",
        chain.sentences(seed(7, n), 2),
        chain.words(seed(8, n), 1, 3),
        chain.words(seed(9, n), 2, 5),
        (n + 2) % source_count,
        chain.words(seed(10, n), 2, 5),
        (n + 1) % notes,
        chain.words(seed(11, n), 4, 12),
        chain.words(seed(12, n), 4, 12),
        chain.words(seed(13, n), 2, 6),
        chain.sentences(seed(14, n), 3),
    )
}

/// A generated letter: front matter, `marked` sentences (each marking its note) with a gap after every
/// tenth, then a numbered request.
fn marked_letter(
    front_matter: &str,
    marked: usize,
    request: &str,
    sentence: impl Fn(usize) -> String,
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

/// A seed for one field (`field`) of one item (`item`), so each field varies on its own.
fn seed(field: u64, item: usize) -> u64 {
    (field << 32) ^ (item as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03
}

/// A small deterministic generator (xorshift64*): the pack is the same on every run.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut r = Rng(seed | 1);
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A word chain learnt from real prose: which words follow each pair of words (order 2), so that
/// generated text has the real text's words, phrases and letter statistics without repeating it.
pub struct Chain {
    /// The words that start a sentence.
    starts: Vec<(u32, u32)>,
    /// For each pair of words, the words seen after it.
    next: HashMap<(u32, u32), Vec<u32>>,
    /// Every distinct word; index 0 is the empty start marker.
    words: Vec<String>,
}

impl Chain {
    /// Learns from `prose`: plain text, sentences ending in `.`, `?` or `!`.
    pub fn learn(prose: &str) -> Chain {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut words = vec![String::new()];
        let mut chain = Chain {
            starts: Vec::new(),
            next: HashMap::new(),
            words: Vec::new(),
        };
        let mut prev = (0, 0);
        for word in prose.split_whitespace() {
            let id = *ids.entry(word.to_owned()).or_insert_with(|| {
                words.push(word.to_owned());
                (words.len() - 1) as u32
            });
            if prev == (0, 0) {
                chain.starts.push((0, id));
            }
            chain.next.entry(prev).or_default().push(id);
            prev = if ends_sentence(word) { (0, 0) } else { (0, id) };
        }
        chain.words = words;
        chain
    }

    /// Between `min` and `max` words, without a sentence's closing punctuation (a title, a link's text).
    pub fn words(&self, seed: u64, min: usize, max: usize) -> String {
        let mut rng = Rng::new(seed);
        let want = min + rng.below(max - min + 1);
        let mut out: Vec<&str> = Vec::new();
        let mut state = self.starts[rng.below(self.starts.len())];
        out.push(&self.words[state.1 as usize]);
        while out.len() < want {
            let Some(after) = self.next.get(&state).filter(|a| !a.is_empty()) else {
                state = self.starts[rng.below(self.starts.len())];
                out.push(&self.words[state.1 as usize]);
                continue;
            };
            let w = after[rng.below(after.len())];
            out.push(&self.words[w as usize]);
            state = (0, w);
        }
        let text = out.join(" ");
        let text = no_block_start(&text).trim_matches(|c: char| !c.is_alphanumeric());
        if text.is_empty() {
            "text".to_owned()
        } else {
            text.to_owned()
        }
    }

    /// `count` whole sentences.
    pub fn sentences(&self, seed: u64, count: usize) -> String {
        let mut rng = Rng::new(seed);
        let mut out: Vec<&str> = Vec::new();
        for _ in 0..count {
            let mut state = self.starts[rng.below(self.starts.len())];
            out.push(&self.words[state.1 as usize]);
            // Real sentences end; a generated one is cut at 60 words.
            for _ in 0..60 {
                if ends_sentence(&self.words[state.1 as usize]) {
                    break;
                }
                let Some(after) = self.next.get(&state).filter(|a| !a.is_empty()) else {
                    break;
                };
                let w = after[rng.below(after.len())];
                out.push(&self.words[w as usize]);
                state = (0, w);
            }
            if !out.last().is_some_and(|w| ends_sentence(w)) {
                out.push(".");
            }
        }
        let text = no_block_start(&out.join(" ").replace(" .", ".")).to_owned();
        if text.is_empty() {
            // Only a list marker came out: another draw.
            return self.sentences(seed.wrapping_add(1), count);
        }
        text
    }
}

/// The text without leading words that Markdown would read as the start of a list, a quote or a heading
/// (`3.`, `1)`, `-`): generated text stays one paragraph.
fn no_block_start(mut text: &str) -> &str {
    while !text.is_empty() {
        let (first, rest) = text.split_once(' ').unwrap_or((text, ""));
        let digits = first.trim_end_matches(['.', ')']);
        let marker =
            (first != digits && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
                || !first.chars().any(char::is_alphanumeric);
        if !marker {
            return text;
        }
        text = rest;
    }
    text
}

fn ends_sentence(word: &str) -> bool {
    word.ends_with(['.', '?', '!'])
}

/// The English and Spanish chains, learnt once from the real content.
pub fn chains() -> &'static (Chain, Chain) {
    static CHAINS: OnceLock<(Chain, Chain)> = OnceLock::new();
    CHAINS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let tree = ContentTree::read(&dir).unwrap_or_else(|e| {
            panic!(
                "the stress pack learns its words from {}: {e}",
                dir.display()
            )
        });
        let en = tree
            .letter
            .iter()
            .chain(&tree.notes)
            .chain(&tree.timeline)
            .chain(&tree.about);
        let es = tree.translation(Lang::Es).expect("Spanish files");
        let es = es
            .letter
            .iter()
            .chain(&es.notes)
            .chain(&es.timeline)
            .chain(&es.about);
        (Chain::learn(&prose(en)), Chain::learn(&prose(es)))
    })
}

/// The prose of content files as plain text: Markdown bodies without front matter and the `title`,
/// `summary`, `body` and reason strings of TOML, links reduced to their text, and nothing the generated
/// Markdown or TOML could misread (brackets, emphasis, quotes, backslashes, angle brackets).
fn prose<'a>(files: impl Iterator<Item = &'a File>) -> String {
    let mut out = String::new();
    for file in files {
        let (head, body) = match file.text.strip_prefix("+++") {
            Some(rest) => rest.split_once("+++").unwrap_or((rest, "")),
            None if file.path.ends_with(".toml") => (file.text.as_str(), ""),
            None => ("", file.text.as_str()),
        };
        for line in head.lines() {
            let Some((key, value)) = line.split_once(" = \"") else {
                continue;
            };
            if ["title", "summary", "body", "verdict_reason", "passage"].contains(&key.trim()) {
                out.push_str(&plain(value.trim_end_matches('"')));
                out.push('\n');
            }
        }
        for line in body.lines() {
            let line = line.trim_start_matches(['#', '-', '>', ' ', '*']);
            if line.is_empty() || line.starts_with("+++") {
                continue;
            }
            out.push_str(&plain(line));
            out.push('\n');
        }
    }
    out
}

/// Markdown links `[text](target)` as their text; characters that mean something in Markdown or TOML
/// strings dropped.
fn plain(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find("](") {
        let close = rest[open..].find(')').map_or(rest.len(), |c| open + c + 1);
        out.push_str(&rest[..open]);
        rest = &rest[close..];
    }
    out.push_str(rest);
    out.chars()
        .filter(|c| {
            !matches!(
                c,
                '[' | ']' | '*' | '_' | '"' | '\\' | '<' | '>' | '`' | '|' | '#' | '{' | '}'
            )
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letter_marks_a_few_notes_and_only_they_are_claims_or_requests() {
        let tree = pack(200, 60);
        let letter = &tree.letter.as_ref().unwrap().text;
        // Each of the first LETTER_MARKS notes marked exactly once (two marks of one note would share an id).
        assert_eq!(letter.matches("](note:").count(), LETTER_MARKS);
        for n in 0..LETTER_MARKS {
            assert_eq!(letter.matches(&format!("](note:n{n})")).count(), 1, "n{n}");
        }
        assert!(!letter.contains("](note:n40)"));
        assert!(letter.contains("1. [Request one](note:n1)"));
        let kinds = |n: usize| {
            let text = &tree.notes[n].text;
            ["claim", "request", "context"]
                .into_iter()
                .find(|k| text.contains(&format!("kind = \"{k}\"")))
                .unwrap()
        };
        assert_eq!(
            (kinds(0), kinds(1), kinds(2)),
            ("claim", "request", "context")
        );
        assert!((LETTER_MARKS..200).all(|n| kinds(n) == "context"));
        // A reason in Spanish exactly where the English note is a claim.
        let es = tree.translation(Lang::Es).expect("the Spanish edition");
        for n in 0..200 {
            let reason = es.notes[n].text.contains("verdict_reason");
            assert_eq!(reason, kinds(n) == "claim", "note n{n}");
        }
    }

    #[test]
    fn both_editions_of_a_note_cite_and_link_the_same() {
        let tree = pack(10, 10);
        let spanish = tree.translation(Lang::Es).expect("the Spanish edition");
        for (en, es) in tree.notes.iter().zip(&spanish.notes) {
            let links = |t: &str| -> Vec<String> {
                t.split("](")
                    .skip(1)
                    .map(|l| l.split(')').next().unwrap().to_owned())
                    .collect()
            };
            assert_eq!(links(&en.text), links(&es.text), "{}", en.path);
        }
    }
}
