//! Editions: one language each, all under the base path. The original (English) is at the base path
//! itself; every other edition is under its language tag (`es/`). Editions share every id. The list of
//! editions is [`Lang::ALL`] (declared once, in the model).

use model::Lang;

/// The path segment before every route of an edition, under the base path: `""` for the original,
/// `"es/"` for Spanish.
pub fn prefix(lang: Lang) -> &'static str {
    lang.folder()
}

/// The edition whose prefix is this first path segment (`"es"`), if any; the original has none.
pub fn from_segment(segment: &str) -> Option<Lang> {
    Lang::from_tag(segment).filter(|&lang| lang != Lang::ORIGINAL)
}

/// Every other edition, in [`Lang::ALL`] order: where the language switch goes.
pub fn others(lang: Lang) -> impl Iterator<Item = Lang> {
    Lang::ALL.into_iter().filter(move |&l| l != lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_original_has_no_prefix_and_each_prefix_reads_back() {
        assert_eq!(prefix(Lang::En), "");
        for lang in Lang::ALL {
            assert!(others(lang).all(|o| o != lang && others(o).any(|back| back == lang)));
            assert_eq!(others(lang).count(), Lang::ALL.len() - 1);
            if lang != Lang::En {
                assert_eq!(from_segment(prefix(lang).trim_end_matches('/')), Some(lang));
            }
        }
        assert_eq!(from_segment(""), None);
        assert_eq!(from_segment("fr"), None);
        assert_eq!(
            from_segment(Lang::ORIGINAL.tag()),
            None,
            "the original has no folder"
        );
    }
}
