//! The query side: loads an index's bytes and answers queries. Small enough for the browser's wasm: no
//! serde, no regex, no Unicode tables beyond the standard library's.

use crate::bytes::{LoadError, Reader};
use crate::index::{fingerprint, kind_byte, MAGIC, TEXTS_MAGIC};
use crate::text::{ends_in_word, fold, words, Analyzer};
use crate::{Doc, Kind};
use model::Lang;
use std::ops::Range;

/// Score of a query word found in a document's title; in its body only, 1. A title match outranks any
/// body match of the same query.
const TITLE_WEIGHT: u32 = 16;
/// About how many bytes of a document's body a snippet shows.
const SNIPPET: usize = 160;
/// How far before the first matched word a snippet starts, in bytes.
const SNIPPET_LEAD: usize = 40;

/// A loaded index, ready for queries.
pub struct Index {
    lang: Lang,
    analyzer: Analyzer,
    docs: Vec<Doc>,
    /// Every key, in byte order.
    terms: Vec<Box<str>>,
    /// Each term's postings: a range of `postings`.
    lists: Vec<Range<usize>>,
    postings: Vec<u8>,
    /// The index file's [`fingerprint`], which its texts file must carry.
    fingerprint: u32,
    /// True once [`Index::load_texts`] has read what results show.
    has_texts: bool,
}

/// Text with the matched words marked, as byte ranges into `text` (in order, never overlapping).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlighted {
    /// The text shown.
    pub text: String,
    /// The matched words.
    pub marks: Vec<Range<usize>>,
}

impl Highlighted {
    /// The text cut at the marks: `(part, is_mark)` in order, ready to become text nodes and `<mark>`
    /// elements (never HTML).
    pub fn segments(&self) -> impl Iterator<Item = (&str, bool)> {
        let mut at = 0;
        let mut marks = self.marks.iter();
        let mut pending: Option<&Range<usize>> = None;
        std::iter::from_fn(move || loop {
            if let Some(m) = pending.take() {
                at = m.end;
                return Some((&self.text[m.clone()], true));
            }
            match marks.next() {
                Some(m) if m.start > at => {
                    pending = Some(m);
                    return Some((&self.text[at..m.start], false));
                }
                Some(m) => pending = Some(m),
                None if at < self.text.len() => {
                    let rest = &self.text[at..];
                    at = self.text.len();
                    return Some((rest, false));
                }
                None => return None,
            }
        })
    }
}

/// One document found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The document's place in the index ([`Index::doc`]).
    pub doc: usize,
    /// Higher is better: 16 for each query word in the title, 1 for each in the body only.
    pub score: u32,
    /// The title, matched words marked.
    pub title: Highlighted,
    /// A short passage of the body around the first matched word (its start when only the title
    /// matched), matched words marked.
    pub snippet: Highlighted,
}

/// The documents of one kind that match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// Their kind.
    pub kind: Kind,
    /// How many match.
    pub total: usize,
    /// The best, best first (at most the limit asked for).
    pub hits: Vec<Hit>,
}

/// What a query found: one group per kind that has matches, in the order of [`Kind::ALL`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    /// The groups.
    pub groups: Vec<Group>,
}

impl Results {
    /// How many documents match, in all groups.
    pub fn total(&self) -> usize {
        self.groups.iter().map(|g| g.total).sum()
    }

    /// True when nothing matches.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

impl Index {
    /// Reads an index written by [`crate::build`] ([`crate::Built::index`]). Bytes that are not one
    /// (truncated, damaged, another format) are an error, never a panic. Queries find, count and rank
    /// documents at once; their titles, snippets and the rest come with [`Index::load_texts`].
    pub fn load(bytes: &[u8]) -> Result<Index, LoadError> {
        let mut r = Reader::new(bytes);
        if r.take(4)? != MAGIC {
            return Err(LoadError("unknown format"));
        }
        let lang = *Lang::ALL
            .get(usize::from(r.take(1)?[0]))
            .ok_or(LoadError("unknown language"))?;
        let count = r.len()?;
        let docs = r
            .take(count)?
            .iter()
            .map(|&b| Kind::ALL.get(b as usize).copied().map(Doc::new))
            .collect::<Option<Vec<Doc>>>()
            .ok_or(LoadError("unknown kind"))?;
        let term_count = r.len()?;
        let mut terms: Vec<Box<str>> = Vec::with_capacity(term_count);
        let mut key = Vec::new();
        for _ in 0..term_count {
            let shared = r.len()?;
            if shared > key.len() {
                return Err(LoadError("bad term prefix"));
            }
            key.truncate(shared);
            key.extend_from_slice(r.blob()?);
            let term = std::str::from_utf8(&key).map_err(|_| LoadError("term is not UTF-8"))?;
            if terms.last().is_some_and(|last| **last >= *term) {
                return Err(LoadError("terms out of order"));
            }
            terms.push(term.into());
        }
        let mut postings = Vec::new();
        let mut lists = Vec::with_capacity(term_count);
        for _ in 0..term_count {
            let list = r.blob()?;
            check_postings(list, docs.len())?;
            lists.push(postings.len()..postings.len() + list.len());
            postings.extend_from_slice(list);
        }
        if !r.done() {
            return Err(LoadError("bytes after the end"));
        }
        Ok(Index {
            lang,
            analyzer: Analyzer::new(lang).ok_or(LoadError("a language this build leaves out"))?,
            docs,
            terms,
            lists,
            postings,
            fingerprint: fingerprint(bytes),
            has_texts: false,
        })
    }

    /// Reads the texts file built with this index ([`crate::Built::texts`]): every document's id, title,
    /// snippet text, label, status, date and publisher. Texts of another build, or bytes that are not
    /// texts, are an error and leave the index as it was.
    pub fn load_texts(&mut self, bytes: &[u8]) -> Result<(), LoadError> {
        let mut r = Reader::new(bytes);
        if r.take(4)? != TEXTS_MAGIC {
            return Err(LoadError("unknown texts format"));
        }
        let mut print = [0; 4];
        print.copy_from_slice(r.take(4)?);
        if u32::from_le_bytes(print) != self.fingerprint || r.len()? != self.docs.len() {
            return Err(LoadError("texts of another index"));
        }
        let mut docs: Vec<Doc> = self.docs.iter().map(|d| Doc::new(d.kind)).collect();
        for field in 0..7 {
            for doc in docs.iter_mut() {
                *doc.field_mut(field) = r.text()?.to_owned();
            }
        }
        if !r.done() {
            return Err(LoadError("bytes after the end"));
        }
        self.docs = docs;
        self.has_texts = true;
        Ok(())
    }

    /// Both files of a build, loaded: [`Index::load`], then [`Index::load_texts`].
    pub fn load_both(built: &crate::Built) -> Result<Index, LoadError> {
        let mut index = Index::load(&built.index)?;
        index.load_texts(&built.texts)?;
        Ok(index)
    }

    /// True once the texts are loaded; before, hits have their kind, score and place but empty texts.
    pub fn has_texts(&self) -> bool {
        self.has_texts
    }

    /// The language the index was built in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Every document, in the order they were indexed.
    pub fn docs(&self) -> &[Doc] {
        &self.docs
    }

    /// The document at this place.
    pub fn doc(&self, doc: usize) -> Option<&Doc> {
        self.docs.get(doc)
    }

    /// How many distinct keys the index holds.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// The documents that hold every word of `query` (the last word also as the start of a longer word,
    /// unless the query ends after it), grouped by kind, at most `limit` hits a group. Any text is a
    /// query: one without words (empty, punctuation, emoji) finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Results {
        let mut folded: Vec<String> = Vec::new();
        for range in words(query) {
            let word = fold(&query[range]);
            if !folded.contains(&word) {
                folded.push(word);
            }
        }
        let Some(last) = folded.len().checked_sub(1) else {
            return Results::default();
        };
        let typing = ends_in_word(query);
        let n = self.docs.len();
        let mut score = vec![0u32; n];
        let mut alive = vec![true; n];
        // For the word at hand: 0 not in the document, 1 in its body, 2 in its title.
        let mut has = vec![0u8; n];
        // Every term a query word reached, and the first letters of those terms.
        let mut matched = vec![false; self.terms.len()];
        let mut first_bytes: Vec<u8> = Vec::new();
        for (i, word) in folded.iter().enumerate() {
            let terms = self.terms_for(word, i == last && typing);
            has.iter_mut().for_each(|h| *h = 0);
            for &t in &terms {
                for (d, in_title) in self.postings(t) {
                    has[d] = has[d].max(1 + u8::from(in_title));
                }
            }
            let mut any = false;
            for d in 0..n {
                if has[d] == 0 {
                    alive[d] = false;
                } else if alive[d] {
                    any = true;
                    score[d] += if has[d] == 2 { TITLE_WEIGHT } else { 1 };
                }
            }
            if !any {
                return Results::default();
            }
            for t in terms {
                matched[t] = true;
                let first = self.terms[t].as_bytes().first().copied().unwrap_or(0);
                if !first_bytes.contains(&first) {
                    first_bytes.push(first);
                }
            }
        }
        let matched = Matched {
            terms: &matched,
            first_bytes: &first_bytes,
        };

        // Each kind's matches in document order; only each kind's best `limit` are sorted (a prefix of one
        // letter can match thousands of documents, of which a dozen are shown).
        let mut by_kind: [Vec<usize>; 4] = Default::default();
        for d in (0..n).filter(|&d| alive[d]) {
            by_kind[kind_byte(self.docs[d].kind) as usize].push(d);
        }
        let rank = |&d: &usize| (std::cmp::Reverse(score[d]), d);
        let mut groups: Vec<Group> = Vec::new();
        for (kind, mut found) in Kind::ALL.into_iter().zip(by_kind) {
            let total = found.len();
            if total == 0 {
                continue;
            }
            if limit < total {
                if limit > 0 {
                    found.select_nth_unstable_by_key(limit - 1, rank);
                }
                found.truncate(limit);
            }
            found.sort_unstable_by_key(rank);
            groups.push(Group {
                kind,
                total,
                hits: found
                    .into_iter()
                    .map(|d| self.hit(d, score[d], &matched))
                    .collect(),
            });
        }
        Results { groups }
    }

    /// The terms a query word reaches: its own key, and when it may be unfinished, every key that starts
    /// with it as typed.
    fn terms_for(&self, folded: &str, prefix: bool) -> Vec<usize> {
        let exact = self.term(&self.analyzer.stem(folded));
        let mut terms: Vec<usize> = Vec::new();
        if prefix {
            let start = self.terms.partition_point(|t| **t < *folded);
            let end = start
                + self.terms[start..]
                    .iter()
                    .take_while(|t| t.starts_with(folded))
                    .count();
            terms.extend(start..end);
        }
        if let Some(t) = exact {
            if let Err(at) = terms.binary_search(&t) {
                terms.insert(at, t);
            }
        }
        terms
    }

    /// The place of a key in the term list.
    fn term(&self, key: &str) -> Option<usize> {
        self.terms.binary_search_by(|t| (**t).cmp(key)).ok()
    }

    /// A term's documents, in order, each with whether the term is in its title.
    fn postings(&self, term: usize) -> impl Iterator<Item = (usize, bool)> + '_ {
        let mut r = Reader::new(&self.postings[self.lists[term].clone()]);
        let mut next = 0usize;
        std::iter::from_fn(move || {
            let entry = r.uint().ok()?;
            let doc = next + (entry >> 1) as usize;
            next = doc + 1;
            Some((doc, entry & 1 == 1))
        })
    }

    /// True when a word of a document is one of the matched terms.
    fn is_match(&self, word: &str, matched: &Matched) -> bool {
        // Most words start with an ASCII letter or digit, whose folded form is its lower case: ruled out
        // here without folding the word.
        if let Some(&b) = word.as_bytes().first().filter(|b| b.is_ascii()) {
            if !matched.first_bytes.contains(&b.to_ascii_lowercase()) {
                return false;
            }
        }
        let folded = fold(word);
        // Stemming keeps a word's first letter: most words are ruled out before being stemmed.
        if !folded
            .as_bytes()
            .first()
            .is_some_and(|b| matched.first_bytes.contains(b))
        {
            return false;
        }
        self.term(&self.analyzer.stem(&folded))
            .is_some_and(|t| matched.terms[t])
    }

    fn hit(&self, doc: usize, score: u32, matched: &Matched) -> Hit {
        let d = &self.docs[doc];
        let is_match = |text: &str| self.is_match(text, matched);
        let title = Highlighted {
            marks: words(&d.title)
                .filter(|r| is_match(&d.title[r.clone()]))
                .collect(),
            text: d.title.clone(),
        };
        Hit {
            doc,
            score,
            title,
            snippet: snippet(&d.body, &is_match),
        }
    }
}

/// The terms a query reached (by place in the term list), and their first bytes.
struct Matched<'a> {
    terms: &'a [bool],
    first_bytes: &'a [u8],
}

/// Checks a postings list: well-formed integers, documents in increasing order and in range.
fn check_postings(list: &[u8], docs: usize) -> Result<(), LoadError> {
    let mut r = Reader::new(list);
    let mut next = 0usize;
    while !r.done() {
        let doc = usize::try_from(r.uint()? >> 1)
            .ok()
            .and_then(|gap| next.checked_add(gap))
            .filter(|&d| d < docs)
            .ok_or(LoadError("posting out of range"))?;
        next = doc + 1;
    }
    Ok(())
}

/// About [`SNIPPET`] bytes of `body` from a little before its first matching word, cut at word
/// boundaries, with `…` where text was left out, and its matching words marked. Words past the snippet
/// are never looked at, however long the body.
fn snippet(body: &str, is_match: &dyn Fn(&str) -> bool) -> Highlighted {
    let first = words(body)
        .find(|r| is_match(&body[r.clone()]))
        .map_or(0, |r| r.start);
    let boundary_before = |at: usize| {
        body[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8())
    };
    let boundary_after = |at: usize| {
        body[at..]
            .char_indices()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(body.len(), |(i, _)| at + i)
    };
    let floor = |at: usize| {
        (0..=at)
            .rev()
            .find(|&i| body.is_char_boundary(i))
            .unwrap_or(0)
    };
    let start = if first <= SNIPPET_LEAD {
        0
    } else {
        boundary_before(floor(first - SNIPPET_LEAD))
    };
    let end = if body.len() - start <= SNIPPET {
        body.len()
    } else {
        boundary_after(floor(start + SNIPPET))
    };
    let lead = if start > 0 { "…" } else { "" };
    let mut text = String::from(lead);
    text.push_str(&body[start..end]);
    if end < body.len() {
        text.push('…');
    }
    let shift = lead.len();
    let marks = words(&body[start..end])
        .filter(|r| is_match(&body[start + r.start..start + r.end]))
        .map(|r| r.start + shift..r.end + shift)
        .collect();
    Highlighted { text, marks }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_alternate_text_and_marks() {
        let h = Highlighted {
            text: "BYD builds cars in Mexico".into(),
            marks: vec![0..3, 19..25],
        };
        let parts: Vec<_> = h.segments().collect();
        assert_eq!(
            parts,
            [("BYD", true), (" builds cars in ", false), ("Mexico", true)]
        );
    }

    #[test]
    fn a_snippet_is_cut_between_characters_wherever_its_word_is() {
        let body: String = (0..80).map(|i| format!("añó{i} ")).collect();
        for i in 0..80 {
            let word = format!("añó{i}");
            let s = snippet(&body, &|w| w == word);
            assert_eq!(s.segments().find(|&(_, m)| m), Some((word.as_str(), true)));
        }
    }

    #[test]
    fn a_snippet_starts_near_its_first_mark_at_a_word() {
        let body = "word ".repeat(40) + "target " + &"tail ".repeat(60);
        let s = snippet(&body, &|w| w == "target");
        assert!(s.text.starts_with("…word"));
        assert!(s.text.ends_with('…'));
        assert_eq!(&s.text[s.marks[0].clone()], "target");
        assert!(s.text.len() <= SNIPPET + 12);
    }
}
