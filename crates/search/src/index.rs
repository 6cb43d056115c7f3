//! The indexer (build time) and the index's layout.
//!
//! Layout, in order (integers LEB128, texts and blobs length-prefixed):
//! `LXS` + format version, the language (0 English, 1 Spanish), the document count, each document's kind
//! (one byte), then each text field for every document in turn (all ids, all titles, all bodies…), the
//! term count, the terms in byte order front-coded (shared prefix length, then the rest), and each term's
//! postings: the first document's place, then each next one's distance from the previous, less one.
//! Grouping like with like (ids with ids, terms with terms) is what lets brotli shrink it.
//!
//! Which terms are in a title is not stored: the loader reads it from the titles. A document's
//! [`Doc::more`] is indexed but not stored.

use crate::bytes::Writer;
use crate::text::{words, Analyzer};
use crate::{Doc, Kind};
use model::Lang;
use std::collections::BTreeMap;

/// The first bytes of every index: a name and the format version.
pub(crate) const MAGIC: &[u8; 4] = b"LXS\x01";

/// The byte a language is stored as.
pub(crate) fn lang_byte(lang: Lang) -> u8 {
    match lang {
        Lang::En => 0,
        Lang::Es => 1,
    }
}

/// The byte a kind is stored as (its place in [`Kind::ALL`]).
pub(crate) fn kind_byte(kind: Kind) -> u8 {
    Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0) as u8
}

/// Builds the index of `docs`, analysed in `lang`, as the bytes the browser loads. Documents keep their
/// order: a result's `doc` is its place in `docs`.
pub fn build(lang: Lang, docs: &[Doc]) -> Vec<u8> {
    let analyzer = Analyzer::new(lang);
    let mut postings: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for text in [&doc.title, &doc.body, &doc.more] {
            for range in words(text) {
                let list = postings.entry(analyzer.key(&text[range])).or_default();
                if list.last() != Some(&d) {
                    list.push(d);
                }
            }
        }
    }

    let mut w = Writer::default();
    w.bytes.extend_from_slice(MAGIC);
    w.bytes.push(lang_byte(lang));
    w.uint(docs.len() as u64);
    w.bytes.extend(docs.iter().map(|d| kind_byte(d.kind)));
    for field in 0..7 {
        for doc in docs {
            w.blob(doc.fields()[field].as_bytes());
        }
    }
    w.uint(postings.len() as u64);
    let mut previous: &[u8] = &[];
    for key in postings.keys() {
        let shared = previous
            .iter()
            .zip(key.as_bytes())
            .take_while(|(a, b)| a == b)
            .count();
        w.uint(shared as u64);
        w.blob(&key.as_bytes()[shared..]);
        previous = key.as_bytes();
    }
    let mut list = Writer::default();
    for docs in postings.values() {
        list.bytes.clear();
        let mut next = 0;
        for &d in docs {
            list.uint((d - next) as u64);
            next = d + 1;
        }
        w.blob(&list.bytes);
    }
    w.bytes
}
