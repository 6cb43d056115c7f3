//! Input safety: characters a reader cannot see, web addresses that mislead, language tags.
//!
//! Three checks, each returning what is wrong and a hint (the caller adds file and line):
//! - [`forbidden_char`]: control characters, direction-changing (bidi) controls and invisible formatting
//!   characters (Unicode's Default_Ignorable set, line/paragraph separators). They change how text reads
//!   or compares without showing ("Trojan Source"), so content refuses them. What real text needs stays:
//!   tab, newline, carriage return, the no-break spaces U+00A0 and U+202F, every accented letter.
//! - [`url_problem`]: an address must be http(s), with a plain ASCII host and no `user@` part.
//! - [`lang_problem`]: a source's `lang` must be a well-formed BCP 47 language tag.
//!
//! [`scan_file`] applies the first to a whole file (comments included) and to the characters written as
//! TOML escapes (`\u202E`); Markdown's character references (`&#x202E;`) are checked by the Markdown
//! reader on the decoded text.

use crate::diagnostic::{Diagnostics, LineIndex};

/// The hint for a refused character.
pub const CHAR_HINT: &str =
    "delete it (it is often pasted along with copied text; retype the words \
around it if unsure); for a space that must not break use U+00A0 or U+202F";

/// A refused character: `Some(name)` for one content must not hold.
pub fn forbidden_char(c: char) -> Option<&'static str> {
    let name = match c {
        '\t' | '\n' | '\r' => return None,
        '\0' => "NUL, a control character",
        '\u{0}'..='\u{1f}' | '\u{7f}' => "a control character",
        '\u{85}' => "NEXT LINE (NEL), a control character",
        '\u{80}'..='\u{9f}' => "a control character",
        '\u{ad}' => "SOFT HYPHEN, an invisible character",
        '\u{061c}' => "ARABIC LETTER MARK, a direction-changing character",
        '\u{200b}' => "ZERO WIDTH SPACE, an invisible character",
        '\u{200c}' => "ZERO WIDTH NON-JOINER, an invisible character",
        '\u{200d}' => "ZERO WIDTH JOINER, an invisible character",
        '\u{200e}' => "LEFT-TO-RIGHT MARK, a direction-changing character",
        '\u{200f}' => "RIGHT-TO-LEFT MARK, a direction-changing character",
        '\u{2028}' => "LINE SEPARATOR, an invisible line break",
        '\u{2029}' => "PARAGRAPH SEPARATOR, an invisible line break",
        '\u{202a}' => "LEFT-TO-RIGHT EMBEDDING, a direction-changing character",
        '\u{202b}' => "RIGHT-TO-LEFT EMBEDDING, a direction-changing character",
        '\u{202c}' => "POP DIRECTIONAL FORMATTING, a direction-changing character",
        '\u{202d}' => "LEFT-TO-RIGHT OVERRIDE, a direction-changing character",
        '\u{202e}' => "RIGHT-TO-LEFT OVERRIDE, a direction-changing character",
        '\u{2060}' => "WORD JOINER, an invisible character",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE, a direction-changing character",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE, a direction-changing character",
        '\u{2068}' => "FIRST STRONG ISOLATE, a direction-changing character",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE, a direction-changing character",
        '\u{feff}' => "ZERO WIDTH NO-BREAK SPACE (BOM), an invisible character",
        // The rest of Default_Ignorable_Code_Point (Unicode 15.1, DerivedCoreProperties.txt), and the
        // interlinear annotation controls.
        '\u{034f}'
        | '\u{115f}'..='\u{1160}'
        | '\u{17b4}'..='\u{17b5}'
        | '\u{180b}'..='\u{180f}'
        | '\u{2061}'..='\u{2065}'
        | '\u{206a}'..='\u{206f}'
        | '\u{3164}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{ffa0}'
        | '\u{fff0}'..='\u{fffb}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0000}'..='\u{e0fff}' => "an invisible formatting character",
        _ => return None,
    };
    Some(name)
}

/// The message for a refused character.
pub fn char_message(c: char, name: &str) -> String {
    format!("U+{:04X} {name}, is not allowed in content", c as u32)
}

/// The first refused character in `text`, as (message, hint).
pub fn text_problem(text: &str) -> Option<(String, &'static str)> {
    text.chars()
        .find_map(|c| forbidden_char(c).map(|name| (char_message(c, name), CHAR_HINT)))
}

/// Reports every refused character of a file, one error per character and line, including those written
/// as TOML escapes (`\uXXXX`, `\UXXXXXXXX`) in a `.toml` file or a Markdown file's `+++` front matter.
pub fn scan_file(path: &str, text: &str, diags: &mut Diagnostics) {
    let lines = LineIndex::new(text);
    let mut seen = std::collections::BTreeSet::new();
    let mut report = |at: usize, c: char, name: &str, diags: &mut Diagnostics| {
        let line = lines.line(at);
        if seen.insert((line, c)) {
            diags.error(path, line, char_message(c, name), CHAR_HINT);
        }
    };
    for (at, c) in text.char_indices() {
        if let Some(name) = forbidden_char(c) {
            report(at, c, name, diags);
        }
    }
    let toml = if path.ends_with(".toml") {
        Some((text, 0))
    } else {
        crate::front_matter::split(text)
            .ok()
            .map(|s| (s.toml, s.toml_offset))
    };
    if let Some((toml, offset)) = toml {
        for (at, c) in toml_escapes(toml) {
            if let Some(name) = forbidden_char(c) {
                report(offset + at, c, name, diags);
            }
        }
    }
}

/// The characters written as `\uXXXX` or `\UXXXXXXXX` escapes, with the escape's byte offset. An escaped
/// backslash (`\\u`) is not an escape.
fn toml_escapes(toml: &str) -> Vec<(usize, char)> {
    let bytes = toml.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' && i + 1 < bytes.len() {
            let digits = match bytes[i + 1] {
                b'u' => 4,
                b'U' => 8,
                _ => {
                    i += 2;
                    continue;
                }
            };
            let hex = toml.get(i + 2..i + 2 + digits).unwrap_or("");
            if let Some(c) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                out.push((i, c));
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    out
}

/// The hint for a refused web address.
pub const URL_HINT: &str = "write the full https:// address as the browser shows it, with a plain \
ASCII host (e.g. `https://www.example.org/page`): no `user@` part, no spaces or invisible characters; \
this site refuses internationalised hosts (non-ASCII or `xn--`) because they can imitate Latin ones";

/// What is wrong with the contact a build is given for error reports (`SITE_CONTACT`, `cargo xtask build
/// --contact`), if anything: it must be `mailto:` and one plain address (no query: the report adds its
/// own), or an `https://` address by [`url_problem`] without a `#` fragment (the report's query must come
/// last).
pub fn contact_problem(contact: &str) -> Option<String> {
    let shown = contact.escape_debug();
    if let Some(address) = contact.strip_prefix("mailto:") {
        let plain = |s: &str, extra: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || extra.contains(c))
        };
        return match address.split_once('@') {
            Some((local, domain))
                if plain(local, ".!$'*+-/=^_`{|}~") && plain(domain, ".-") && domain.contains('.') =>
            {
                None
            }
            _ => Some(format!(
                "`{shown}` is not one plain e-mail address (write `mailto:name@example.org`, with no query)"
            )),
        };
    }
    if !contact.starts_with("https://") {
        return Some(format!("`{shown}` must start with `mailto:` or `https://`"));
    }
    if let Some(problem) = url_problem(contact) {
        return Some(format!("`{shown}` {problem}"));
    }
    if contact.contains('#') {
        return Some(format!(
            "`{shown}` has a `#` fragment: the report's query must come last"
        ));
    }
    None
}

/// What is wrong with a web address, if anything: it must be `http://` or `https://`, then a host of
/// ASCII letters, digits, hyphens and dots (no `xn--` label), an optional `:port`, and no userinfo,
/// whitespace or control characters anywhere.
pub fn url_problem(url: &str) -> Option<String> {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return Some("is not an http(s) address".into());
    };
    if let Some(c) = url.chars().find(|&c| {
        c.is_whitespace() || c.is_control() || forbidden_char(c).is_some() || "\"<>\\".contains(c)
    }) {
        return Some(format!(
            "contains U+{:04X}, which an address must not hold",
            c as u32
        ));
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Some("has a `user@` part before its host".into());
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    if host.is_empty() {
        return Some("has no host".into());
    }
    if port.is_some_and(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return Some("has a port that is not a number".into());
    }
    if let Some(c) = host.chars().find(|c| !c.is_ascii()) {
        return Some(format!(
            "has the host `{host}` with a non-ASCII character, U+{:04X}",
            c as u32
        ));
    }
    if !host
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
    {
        return Some(format!("has the host `{host}`, which is not a domain name"));
    }
    if host
        .split('.')
        .any(|label| label.len() >= 4 && label[..4].eq_ignore_ascii_case("xn--"))
    {
        return Some(format!(
            "has the internationalised (punycode `xn--`) host `{host}`"
        ));
    }
    if host
        .strip_suffix('.')
        .unwrap_or(host)
        .split('.')
        .any(str::is_empty)
    {
        return Some(format!("has the host `{host}` with an empty label"));
    }
    None
}

/// The hint for a refused language tag.
pub const LANG_HINT: &str =
    "write a BCP 47 language tag: the 2- or 3-letter language code, optionally \
a script and a region, e.g. `en`, `es`, `es-MX`, `pt-BR`, `zh-Hant-TW`";

/// What is wrong with a language tag, if anything. Well-formed per BCP 47 (RFC 5646): a 2–3 letter
/// language, up to three 3-letter extlangs, an optional 4-letter script, an optional region (2 letters
/// or 3 digits), variants (5–8 alphanumerics, or a digit and 3 alphanumerics), extensions (a singleton
/// and subtags of 2–8) and a private use part (`x-` and subtags of 1–8). Case is not significant.
/// Grandfathered tags and private-use-only tags (`x-…`) are refused: a source's language has a code.
pub fn lang_problem(tag: &str) -> Option<String> {
    let bad = || Some(format!("`{tag}` is not a language tag"));
    let alpha = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
    };
    let alnum = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
    };
    let mut parts = tag.split('-').peekable();
    if !parts.next().is_some_and(|l| alpha(l, 2..=3)) {
        return bad();
    }
    // Each stage may only follow the ones before it.
    let mut stage = 0; // 1 extlang, 2 script, 3 region, 4 variant, 5 extension, 6 private use
    let mut extlangs = 0;
    let mut singleton_open = false;
    while let Some(p) = parts.next() {
        if stage == 6 {
            if !alnum(p, 1..=8) {
                return bad();
            }
            continue;
        }
        if p.len() == 1 {
            if singleton_open || !p.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return bad();
            }
            if p.eq_ignore_ascii_case("x") {
                stage = 6;
                if parts.peek().is_none() {
                    return bad();
                }
            } else {
                stage = 5;
                singleton_open = true;
            }
            continue;
        }
        if stage == 5 {
            if !alnum(p, 2..=8) {
                return bad();
            }
            singleton_open = false;
            continue;
        }
        if stage <= 1 && alpha(p, 3..=3) && extlangs < 3 {
            stage = 1;
            extlangs += 1;
        } else if stage <= 1 && alpha(p, 4..=4) {
            stage = 2;
        } else if stage <= 2
            && (alpha(p, 2..=2) || (p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit())))
        {
            stage = 3;
        } else if stage <= 4
            && (alnum(p, 5..=8)
                || (p.len() == 4 && p.as_bytes()[0].is_ascii_digit() && alnum(p, 4..=4)))
        {
            stage = 4;
        } else {
            return bad();
        }
    }
    if singleton_open {
        return bad();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_controls_bidi_and_invisible_characters() {
        for c in [
            '\0',
            '\u{7}',
            '\u{1b}',
            '\u{7f}',
            '\u{85}',
            '\u{9b}',
            '\u{ad}',
            '\u{61c}',
            '\u{200b}',
            '\u{200c}',
            '\u{200d}',
            '\u{200e}',
            '\u{200f}',
            '\u{2028}',
            '\u{2029}',
            '\u{202a}',
            '\u{202e}',
            '\u{2060}',
            '\u{2064}',
            '\u{2066}',
            '\u{2069}',
            '\u{206f}',
            '\u{feff}',
            '\u{fe0f}',
            '\u{180e}',
            '\u{3164}',
            '\u{e0041}',
            '\u{1d173}',
        ] {
            assert!(
                forbidden_char(c).is_some(),
                "U+{:04X} must be refused",
                c as u32
            );
        }
    }

    #[test]
    fn keeps_what_real_text_needs() {
        let text = "\tSeñor, «¿cuánto?» ¡12\u{202f}345,6\u{a0}%! — Ünïcödé “quotes” ‘x’ … ñÑ áéíóúü\r\n€ 中文 العربية";
        assert_eq!(text_problem(text), None);
    }

    #[test]
    fn scan_reports_each_line_and_toml_escapes() {
        let mut d = Diagnostics::default();
        let text = "title = \"a\u{202e}b\"\n# ok\nbody = \"x\\u200By \\\\u200B\"\n";
        scan_file("content/timeline.toml", text, &mut d);
        let got: Vec<_> = d.0.iter().map(|d| (d.line, d.message.clone())).collect();
        assert_eq!(
            got,
            [
                (
                    1,
                    char_message('\u{202e}', forbidden_char('\u{202e}').unwrap())
                ),
                (
                    3,
                    char_message('\u{200b}', forbidden_char('\u{200b}').unwrap())
                ),
            ]
        );
        // In a Markdown body, `\u200B` is just text; in its front matter it is an escape.
        let mut d = Diagnostics::default();
        scan_file(
            "content/x.md",
            "+++\ntitle = \"\\u2066\"\n+++\n\\u2066 body\n",
            &mut d,
        );
        assert_eq!(d.0.len(), 1);
        assert_eq!(d.0[0].line, 2);
    }

    #[test]
    fn urls() {
        for ok in [
            "https://example.org",
            "https://www.example.org/a/b?c=d#e",
            "http://example.org:8080/x",
            "https://example.org./x",
            "https://www.gob.mx/se/prensa/señal",
            "https://example.org/path@with-at",
        ] {
            assert_eq!(url_problem(ok), None, "{ok}");
        }
        for bad in [
            "ftp://example.org/",
            "javascript:alert(1)",
            "https://",
            "https:///x",
            "https://@/x",
            "https://user@example.org/",
            "https://user:pw@example.org/",
            "https://example.org@evil.test/",
            "https://exаmple.org/",
            "https://xn--exmple-4nf.org/",
            "https://a.XN--p1ai/",
            "https://example.org:/x",
            "https://example.org:80a/",
            "https://[::1]/",
            "https://exa mple.org/",
            "https://example.org/a b",
            "https://example.org/\u{202e}x",
            "https://example.org/\u{200b}",
            "https://example.org/\0",
            "https://example.org/\u{85}",
            "https://a..b/",
        ] {
            assert!(url_problem(bad).is_some(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn language_tags() {
        for ok in [
            "en",
            "es",
            "es-MX",
            "es-419",
            "pt-BR",
            "zh-Hant-TW",
            "sr-Latn",
            "fr",
            "is",
            "yue",
            "zh-yue",
            "de-CH-1996",
            "sl-rozaj-biske",
            "en-US-x-twain",
            "en-a-bbb-x-a-ccc",
            "EN-us",
        ] {
            assert_eq!(lang_problem(ok), None, "{ok}");
        }
        for bad in [
            "",
            "e",
            "english",
            "Spanish",
            "es_MX",
            "es-",
            "-es",
            "es--MX",
            "es-MX-",
            "x-private",
            "i-klingon",
            "es-Latn-Latn",
            "es-MX-US",
            "en-a",
            "en-a-x-b",
            "en-x",
            "es MX",
            "és",
            "es-\u{202e}",
            "1en",
            "en-US-x-toolongtag",
        ] {
            assert!(lang_problem(bad).is_some(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn a_contact_is_one_mail_address_or_an_https_address() {
        for ok in [
            "mailto:corrections@example.org",
            "mailto:first.last+tag@news.example.co.uk",
            "https://example.org/report",
            "https://github.com/owner/repo/issues/new?labels=correction",
        ] {
            assert_eq!(contact_problem(ok), None, "{ok}");
        }
        for bad in [
            "",
            "corrections@example.org",
            "http://example.org/report",
            "javascript:alert(1)",
            "mailto:",
            "mailto:nobody",
            "mailto:a@b",
            "mailto:a@example.org?subject=x",
            "mailto:a@example.org,b@example.org",
            "mailto:a b@example.org",
            "https://user@example.org/",
            "https://example.org/report#form",
            "https://exa mple.org/",
            "https://\u{202e}example.org/",
        ] {
            assert!(contact_problem(bad).is_some(), "{bad:?} must be refused");
        }
    }
}
