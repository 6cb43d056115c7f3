//! Links to a passage of a page as a text fragment (`#:~:text=`, WICG's Text Fragments, in the URL
//! standard's fragment): browsers that support it scroll to the passage and highlight it; others open the
//! page at its top. Pure, unit-tested.

/// Up to this many words, a passage is named whole; longer, by its first and last [`EDGE`] words.
const WHOLE: usize = 8;
/// Words at each end of a longer passage (`textStart,textEnd`).
const EDGE: usize = 4;

/// The fragment (`#:~:text=…`) that finds `passage` on a page: the passage itself when it is short,
/// otherwise its first and last words as a range (which also spans any element inside it, such as a
/// request's number). Whitespace runs are one space, as the browser compares them.
pub fn text_fragment(passage: &str) -> String {
    let words: Vec<&str> = passage.split_whitespace().collect();
    let directive = if words.len() <= WHOLE {
        encode(&words.join(" "))
    } else {
        format!(
            "{},{}",
            encode(&words[..EDGE].join(" ")),
            encode(&words[words.len() - EDGE..].join(" "))
        )
    };
    format!("#:~:text={directive}")
}

/// Percent-encodes a text directive's term: the URL standard's fragment percent-encode set plus `&`, `,`
/// and `-` (which the directive's syntax uses), and `%` itself and everything but ASCII letters, digits and
/// a few marks that mean nothing there; non-ASCII text is encoded as UTF-8.
fn encode(term: &str) -> String {
    let mut out = String::with_capacity(term.len());
    for byte in term.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'.'
            | b'_'
            | b'~'
            | b'!'
            | b'\''
            | b'('
            | b')'
            | b'*' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_passage_is_named_whole_and_encoded() {
        assert_eq!(
            text_fragment("tripling  its\nmarket share"),
            "#:~:text=tripling%20its%20market%20share"
        );
        assert_eq!(
            text_fragment("a-b & c, d%"),
            "#:~:text=a%2Db%20%26%20c%2C%20d%25"
        );
        assert_eq!(
            text_fragment("“Mexico’s”"),
            "#:~:text=%E2%80%9CMexico%E2%80%99s%E2%80%9D"
        );
    }

    #[test]
    fn a_long_passage_is_named_by_its_first_and_last_words() {
        assert_eq!(
            text_fragment("one two three four five six seven eight nine ten"),
            "#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten"
        );
        // Exactly the limit is still whole; one more word makes it a range.
        assert!(!text_fragment("1 2 3 4 5 6 7 8").contains(','));
        assert!(text_fragment("1 2 3 4 5 6 7 8 9").contains(','));
    }

    #[test]
    fn nothing_the_directive_syntax_uses_is_left_bare() {
        let fragment = text_fragment("x,y-z&w #q =r ?s /t %u +v");
        let directive = fragment.strip_prefix("#:~:text=").unwrap();
        for c in [',', '-', '&', ' ', '#', '=', '?', '/', '+'] {
            assert!(!directive.contains(c), "{c} in {directive}");
        }
    }
}
