//! Editions: one language each, all under the base path. The original (English) is at the base path
//! itself; every other edition is under its language tag (`es/`). Editions share every id.

use model::Lang;

/// The path segment before every route of an edition, under the base path: `""` for the original,
/// `"es/"` for Spanish.
pub fn prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "",
        Lang::Es => "es/",
    }
}

/// The edition whose prefix is this first path segment (`"es"`), if any; the original has none.
pub fn from_segment(segment: &str) -> Option<Lang> {
    Lang::ALL
        .into_iter()
        .find(|&lang| !prefix(lang).is_empty() && prefix(lang).trim_end_matches('/') == segment)
}

/// The other edition: where the language switch goes.
pub fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::Es,
        Lang::Es => Lang::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_original_has_no_prefix_and_each_prefix_reads_back() {
        assert_eq!(prefix(Lang::En), "");
        for lang in Lang::ALL {
            assert_eq!(other(other(lang)), lang);
            if lang != Lang::En {
                assert_eq!(from_segment(prefix(lang).trim_end_matches('/')), Some(lang));
            }
        }
        assert_eq!(from_segment(""), None);
        assert_eq!(from_segment("fr"), None);
    }
}
