//! Property test for the compiler: mutated content (byte flips, deletions, and Markdown/TOML fragments
//! spliced in) always yields a model or located errors, never a panic. A small deterministic run is part of
//! the test suite; `cargo xtask fuzz --minutes 10` runs it for as long as asked.

use crate::files::{ContentTree, File};
use crate::{compile, stress};
use std::panic::{self, AssertUnwindSafe};

/// Fragments worth splicing in: syntax the compiler must refuse or survive.
const FRAGMENTS: &[&str] = &[
    "+++",
    "\n+++\n",
    "[x](note:",
    "[x](note:nope)",
    "[x](event:e1)",
    "[x](source:)",
    "](javascript:alert(1))",
    "<script>",
    "<b>",
    "![i](https://a.b/c.png)",
    "```\ncode\n```",
    "# H1\n",
    "\n\n[…]\n\n",
    "\"\"\"",
    "'''",
    "[[event]]\n",
    "[[source]]\n",
    "date = \"2024-02-30\"",
    "id = \"Bad Id\"",
    "kind = \"opinion\"",
    "\u{0}",
    "é",
    "\r\n",
    "\t",
    "= =",
    "[",
    "]",
    "{",
    "}",
    "\\",
    "\"",
    "> quote\n",
    "- item\n",
    "1. one\n",
    "&amp;",
    "verdict = \"supported\"",
    "status = \"met\"",
    "sources = []",
    "notes = [\"n0\"]",
    "tracks = [\"mars\"]",
];

/// A tiny deterministic generator (xorshift), so runs can be reproduced from their seed.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Mutates one file's text a few times.
fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(4) {
            0 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] = (rng.next() & 0xff) as u8;
            }
            1 if !bytes.is_empty() => {
                let end = (at + rng.below(40)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            _ => {
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())];
                bytes.splice(at..at, fragment.bytes());
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// One case: a small valid pack with one of its files mutated. Returns a description of a panic, if any.
pub fn case(seed: u64) -> Result<(), String> {
    let mut rng = Rng::new(seed);
    let mut tree: ContentTree = stress::pack(4 + rng.below(4), 4 + rng.below(6));
    let files: Vec<&mut File> = tree
        .letter
        .iter_mut()
        .chain(tree.notes.iter_mut())
        .chain(tree.timeline.iter_mut())
        .chain(tree.sources.iter_mut())
        .chain(tree.about.iter_mut())
        .collect();
    let count = files.len();
    let pick = rng.below(count);
    let mut path = String::new();
    for (i, file) in files.into_iter().enumerate() {
        if i == pick {
            file.text = mutate(&file.text, &mut rng);
            path = file.path.clone();
        }
    }
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| match compile(&tree) {
        Ok(_) => true,
        Err(errors) => errors
            .0
            .iter()
            .all(|d| d.line >= 1 && !d.file.is_empty() && !d.message.is_empty()),
    }));
    match outcome {
        Ok(true) => Ok(()),
        Ok(false) => Err(format!(
            "seed {seed}: an error without a file, line or message (mutated {path})"
        )),
        Err(_) => Err(format!(
            "seed {seed}: the compiler panicked (mutated {path})"
        )),
    }
}

/// Runs cases from `first_seed` until `deadline` or `max_cases`; returns the number run or the first failure.
pub fn run(first_seed: u64, max_cases: u64, deadline: std::time::Instant) -> Result<u64, String> {
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let mut n = 0;
    let result = loop {
        if n >= max_cases || std::time::Instant::now() >= deadline {
            break Ok(n);
        }
        if let Err(e) = case(first_seed.wrapping_add(n)) {
            break Err(e);
        }
        n += 1;
    };
    panic::set_hook(hook);
    result
}
