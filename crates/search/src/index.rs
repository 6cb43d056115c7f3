//! The indexer (build time) and the layout of its two files.
//!
//! An edition's search is two files (integers LEB128, texts and blobs length-prefixed):
//!
//! - the index, what a query needs to find, count and rank its results: `LXS` + format version, the
//!   language (0 English, 1 Spanish), the document count, each document's kind (one byte), the term count,
//!   the terms in byte order front-coded (shared prefix length, then the rest), and each term's postings:
//!   for each document holding it, its distance from the previous one (less one) times two, plus one when
//!   the term is in the document's title;
//! - the texts, what results show: `LXT` + format version, the index's [`fingerprint`] (so texts are
//!   never read with another build's index), the document count, then each text field for every document
//!   in turn (all ids, all titles, all bodies…).
//!
//! Grouping like with like (ids with ids, terms with terms) is what lets brotli shrink them. A document's
//! [`Doc::more`] is indexed but not stored.

use crate::bytes::Writer;
use crate::text::{words, Analyzer};
use crate::{Doc, Kind};
use model::Lang;
use std::collections::BTreeMap;

/// The first bytes of every index: a name and the format version.
pub(crate) const MAGIC: &[u8; 4] = b"LXS\x02";
/// The first bytes of every texts file: a name and the format version.
pub(crate) const TEXTS_MAGIC: &[u8; 4] = b"LXT\x01";

/// An edition's search, as the two files the browser loads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Built {
    /// What a query needs to find, count and rank results ([`crate::Index::load`]).
    pub index: Vec<u8>,
    /// What results show: ids, titles, snippet text, labels, dates, publishers
    /// ([`crate::Index::load_texts`]).
    pub texts: Vec<u8>,
}

/// The byte a language is stored as (its place in [`Lang::ALL`]).
pub(crate) fn lang_byte(lang: Lang) -> u8 {
    Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0) as u8
}

/// The byte a kind is stored as (its place in [`Kind::ALL`]).
pub(crate) fn kind_byte(kind: Kind) -> u8 {
    Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0) as u8
}

/// A 32-bit FNV-1a hash of an index's bytes, which its texts file carries: texts are only read beside
/// the index they were built with.
pub(crate) fn fingerprint(index: &[u8]) -> u32 {
    index.iter().fold(0x811c_9dc5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Builds the search of `docs`, analysed in `lang`, as the bytes the browser loads. Documents keep their
/// order: a result's `doc` is its place in `docs`. The indexer needs the crate's features for every
/// language it indexes (both are on by default).
pub fn build(lang: Lang, docs: &[Doc]) -> Built {
    let analyzer = Analyzer::new(lang).expect("the indexer is built with every language's feature");
    // Each key's documents, with whether the key is in the document's title.
    let mut postings: BTreeMap<String, Vec<(usize, bool)>> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (text, in_title) in [(&doc.title, true), (&doc.body, false), (&doc.more, false)] {
            for range in words(text) {
                let list = postings.entry(analyzer.key(&text[range])).or_default();
                if list.last().is_none_or(|&(last, _)| last != d) {
                    list.push((d, in_title));
                }
            }
        }
    }

    let mut w = Writer::default();
    w.bytes.extend_from_slice(MAGIC);
    w.bytes.push(lang_byte(lang));
    w.uint(docs.len() as u64);
    w.bytes.extend(docs.iter().map(|d| kind_byte(d.kind)));
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
        for &(d, in_title) in docs {
            list.uint((((d - next) as u64) << 1) | u64::from(in_title));
            next = d + 1;
        }
        w.blob(&list.bytes);
    }
    let index = w.bytes;

    let mut w = Writer::default();
    w.bytes.extend_from_slice(TEXTS_MAGIC);
    w.bytes
        .extend_from_slice(&fingerprint(&index).to_le_bytes());
    w.uint(docs.len() as u64);
    for field in 0..7 {
        for doc in docs {
            w.blob(doc.fields()[field].as_bytes());
        }
    }
    Built {
        index,
        texts: w.bytes,
    }
}
