//! Words, accent folding and stemming: the one analysis both the indexer and the query run, so a word
//! typed in a query becomes the same key as the word in a document.

use model::Lang;
use rust_stemmers::{Algorithm, Stemmer};
use std::ops::Range;

/// Words longer than this (in bytes, once folded) are not stemmed: no language has them, and a pasted
/// 2,000-character run must cost no more than a lookup.
const MAX_STEMMED: usize = 48;

/// True for a character that belongs to a word: an ASCII letter or digit, a letter of the Latin, Greek
/// or Cyrillic alphabets, or a combining accent (text typed as `e` + U+0301 is still one word). Other
/// scripts separate words like punctuation does: the site publishes English and Spanish, and the
/// standard library's Unicode tables would cost the browser's wasm several kilobytes.
fn is_word_char(c: char) -> bool {
    matches!(c,
        '0'..='9' | 'a'..='z' | 'A'..='Z' | 'ª' | 'µ' | 'º' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ɏ'
        | '\u{300}'..='\u{36f}' | 'Ά' | 'Έ'..='Ϋ' | 'ά'..='ϻ' | 'Ѐ'..='ҁ' | 'Ҋ'..='ԯ')
}

/// True when `text` ends inside a word (the reader may still be typing it).
pub(crate) fn ends_in_word(text: &str) -> bool {
    text.chars().next_back().is_some_and(is_word_char)
}

/// The words of `text`, with their byte ranges: runs of letters and digits. Punctuation, spaces, symbols
/// and emoji separate words and are never part of one.
pub(crate) fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|&(_, c)| is_word_char(c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

/// Latin Extended-A (U+0100–U+017F) without its accents, one letter per code point.
const LATIN_EXTENDED_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Lower case for the Latin, Greek and Cyrillic alphabets (other letters have no case here). The
/// standard library's full Unicode table would add a few kilobytes to the browser's wasm for scripts the
/// site does not publish in.
fn lower(c: char) -> char {
    let shift = match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' | 'Α'..='Ρ' | 'Σ'..='Ϋ' | 'А'..='Я' => 32,
        'Ѐ'..='Џ' => 80,
        _ => 0,
    };
    char::from_u32(c as u32 + shift).unwrap_or(c)
}

/// Lower case without accents: `México` → `mexico`, `VEHÍCULOS` → `vehiculos`, `Ñandú` → `nandu`. Letters
/// outside the Latin alphabets are only lowered (Greek and Cyrillic) or kept.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().map(lower) {
        match c {
            '\u{300}'..='\u{36f}' => {}
            'à'..='å' => out.push('a'),
            'æ' => out.push_str("ae"),
            'ç' => out.push('c'),
            'è'..='ë' => out.push('e'),
            'ì'..='ï' => out.push('i'),
            'ð' => out.push('d'),
            'ñ' => out.push('n'),
            'ò'..='ö' | 'ø' => out.push('o'),
            'ù'..='ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ß' => out.push_str("ss"),
            'œ' | 'Œ' => out.push_str("oe"),
            '\u{100}'..='\u{17f}' => out.push(LATIN_EXTENDED_A[c as usize - 0x100] as char),
            c => out.push(c),
        }
    }
    out
}

/// The analysis of one language: a word becomes its key by folding, then stemming the folded word with
/// the language's Snowball stemmer. Stemming the folded word (not the accented one) makes a query typed
/// without accents (`vehiculos`) reach the same key as the text (`vehículos`). A language Snowball has
/// no stemmer for (the tests' made-up edition) is folded only.
pub struct Analyzer {
    stemmer: Option<Stemmer>,
}

impl Analyzer {
    /// The analysis of `lang`, or `None` when this build of the crate leaves the language's stemmer
    /// out (its features `en` and `es`, both on by default: the browser's module for an edition holds
    /// only that edition's stemmer).
    pub fn new(lang: Lang) -> Option<Analyzer> {
        let algorithm = match lang {
            #[cfg(feature = "en")]
            Lang::En => Some(Algorithm::English),
            #[cfg(feature = "es")]
            Lang::Es => Some(Algorithm::Spanish),
            #[cfg(not(feature = "en"))]
            Lang::En => return None,
            #[cfg(not(feature = "es"))]
            Lang::Es => return None,
            #[allow(unreachable_patterns)]
            _ => None,
        };
        Some(Analyzer {
            stemmer: algorithm.map(Stemmer::create),
        })
    }

    /// The key of a word already folded.
    pub(crate) fn stem(&self, folded: &str) -> String {
        if folded.len() > MAX_STEMMED {
            return folded.to_owned();
        }
        match &self.stemmer {
            Some(stemmer) => stemmer.stem(folded).into_owned(),
            None => folded.to_owned(),
        }
    }

    /// The key of a word: folded, then stemmed.
    pub fn key(&self, word: &str) -> String {
        self.stem(&fold(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_words(text: &str) -> Vec<&str> {
        words(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn words_split_on_everything_but_letters_and_digits() {
        assert_eq!(
            all_words("«Today's» U.S.–México, 3D: 🚗 <script>"),
            ["Today", "s", "U", "S", "México", "3D", "script"]
        );
        assert_eq!(all_words("Me\u{301}xico"), ["Me\u{301}xico"]);
        assert!(all_words(" .,;— 🚗🚗 ×÷ ").is_empty());
        assert_eq!(all_words("Ελλάδα Москва"), ["Ελλάδα", "Москва"]);
        assert!(
            all_words("مرحبا 漢字").is_empty(),
            "scripts the site does not publish in"
        );
    }

    #[test]
    fn folding_lowers_and_strips_accents() {
        assert_eq!(fold("México"), "mexico");
        assert_eq!(fold("VEHÍCULOS"), "vehiculos");
        assert_eq!(fold("Ñandú"), "nandu");
        assert_eq!(fold("Me\u{301}xico"), "mexico");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Ğİ"), "gi");
        assert_eq!(fold("ΑΘΗΝΑ Москва ЁЖ"), "αθηνα москва ёж");
    }

    #[test]
    fn the_extended_latin_table_maps_each_letter_to_its_base() {
        for (c, base) in [
            ('Ā', 'a'),
            ('ć', 'c'),
            ('đ', 'd'),
            ('ě', 'e'),
            ('ģ', 'g'),
            ('ħ', 'h'),
        ]
        .into_iter()
        .chain([
            ('ı', 'i'),
            ('ĵ', 'j'),
            ('ķ', 'k'),
            ('ł', 'l'),
            ('ŋ', 'n'),
            ('ő', 'o'),
        ])
        .chain([
            ('ř', 'r'),
            ('š', 's'),
            ('ŧ', 't'),
            ('ų', 'u'),
            ('ŵ', 'w'),
            ('Ÿ', 'y'),
        ])
        .chain([('ž', 'z'), ('ſ', 's')])
        {
            assert_eq!(
                LATIN_EXTENDED_A[c as usize - 0x100] as char,
                base,
                "{c} (U+{:04X})",
                c as u32
            );
        }
    }

    #[test]
    fn a_build_has_the_analysis_of_its_languages_only() {
        assert_eq!(Analyzer::new(Lang::En).is_some(), cfg!(feature = "en"));
        assert_eq!(Analyzer::new(Lang::Es).is_some(), cfg!(feature = "es"));
    }

    #[cfg(all(feature = "en", feature = "es"))]
    #[test]
    fn keys_stem_per_language_and_ignore_accents() {
        let es = Analyzer::new(Lang::Es).unwrap();
        assert_eq!(es.key("aranceles"), es.key("arancel"));
        assert_eq!(es.key("vehículos"), es.key("vehiculos"));
        assert_eq!(es.key("conectados"), es.key("conectado"));
        assert_eq!(es.key("México"), es.key("mexico"));
        let en = Analyzer::new(Lang::En).unwrap();
        assert_eq!(en.key("tariffs"), en.key("tariff"));
        assert_eq!(en.key("Connected"), en.key("connecting"));
        assert_ne!(en.key("vehicles"), en.key("vehement"));
    }
}
