//! How to cite a page of the site, in the formats writers and reference managers use: a plain citation in
//! APA and Chicago style, BibTeX and RIS. Pure: every string is built from a [`Work`] and nothing else, so
//! the rules (escaping, line rules, dates at their precision) are unit-tested here.
//!
//! The author is the site itself (an organisation, by its name); the date is the date of the version cited
//! (a note has no date of its own: see [`crate::components::cite`]); the URL is absolute when the build
//! knows the site's origin, otherwise the site-relative path.

use model::{Date, Lang};

/// What is cited.
#[derive(Clone, Debug, PartialEq)]
pub struct Work<'a> {
    /// Who wrote it: the site, by its name (an organisation, never split into first and last names).
    pub author: &'a str,
    /// The page's title.
    pub title: &'a str,
    /// The date of the version cited, at its precision; `None` when there is none.
    pub date: Option<Date>,
    /// Its address.
    pub url: String,
    /// Its language (the edition).
    pub lang: Lang,
}

/// The catalog of a language: its month names and how it writes citations.
fn catalog(lang: Lang) -> &'static crate::i18n::Strings {
    crate::i18n::catalog(lang)
}

/// `text` followed by a full stop, unless it already ends a sentence.
fn sentence(text: &str) -> String {
    if text.ends_with(['.', '?', '!']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

impl Work<'_> {
    /// APA (7th edition) for a web page whose author is the site: `Author. (2026, June 1). Title. URL`
    /// (Spanish: `(2026, 1 de junio)`, `(s.f.)`). The title would be italic in print; this is plain text.
    pub fn apa(&self) -> String {
        let c = catalog(self.lang);
        let date = match self.date {
            None => c.citing.no_date.to_owned(),
            Some(d) if d.month == 0 => d.year.to_string(),
            Some(d) if d.day == 0 => c.fill("{y}, {m}", d),
            Some(d) => c.fill(c.citing.apa_day, d),
        };
        format!(
            "{} ({date}). {} {}",
            sentence(self.author),
            sentence(self.title),
            self.url
        )
    }

    /// Chicago (17th edition, notes and bibliography) for a web page whose author is the site:
    /// `Author. "Title." June 1, 2026. URL.` In Spanish, angle quotes with the full stop after them and
    /// the date as `1 de junio de 2026`.
    pub fn chicago(&self) -> String {
        let c = catalog(self.lang);
        let date = match self.date {
            None => c.citing.no_date.to_owned(),
            Some(d) if d.month == 0 => d.year.to_string(),
            Some(d) if d.day == 0 => c.fill(c.citing.chicago_month, d),
            Some(d) => c.fill(c.citing.chicago_day, d),
        };
        let [open, close] = c.citing.quotes;
        let title = if c.citing.stop_inside_quotes {
            format!("{open}{}{close}", sentence(self.title))
        } else if self.title.ends_with(['?', '!']) {
            format!("{open}{}{close}", self.title)
        } else {
            format!("{open}{}{close}.", self.title)
        };
        format!("{} {title} {date}. {}.", sentence(self.author), self.url)
    }

    /// A biblatex `@online` entry with the cite key `key` (only letters, digits and `-_:.` are kept).
    /// Field text is escaped for TeX, braces included, so no title can unbalance the entry; the author is
    /// braced once more, as an organisation's name must be, and so is the title, so styles keep its case.
    pub fn bibtex(&self, key: &str) -> String {
        let key: String = key
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || "-_:.".contains(*c))
            .collect();
        let mut out = format!("@online{{{key},\n");
        let mut field = |name: &str, value: String| {
            out.push_str(&format!("  {name} = {{{value}}},\n"));
        };
        field("author", format!("{{{}}}", tex_escape(self.author)));
        field("title", format!("{{{}}}", tex_escape(self.title)));
        if let Some(d) = self.date {
            field("date", d.to_string());
            field("year", d.year.to_string());
            if d.month != 0 {
                field("month", d.month.to_string());
            }
        }
        field("url", url_field(&self.url));
        field("langid", catalog(self.lang).citing.langid.to_owned());
        out.push('}');
        out
    }

    /// An RIS record of type `ELEC` (a web page): one `TAG  - value` line per field, values on one line
    /// (line breaks and other control characters become spaces), `DA` as `YYYY/MM/DD/` with unknown parts
    /// left empty, and the closing `ER  - `. Lines end with `\n` (a textarea turns `\r\n` into it anyway);
    /// reference managers read both.
    pub fn ris(&self) -> String {
        let mut out = String::new();
        let mut line = |tag: &str, value: &str| {
            out.push_str(&format!("{tag}  - {}\n", ris_value(value)));
        };
        line("TY", "ELEC");
        line("AU", self.author);
        line("TI", self.title);
        line("T2", self.author);
        if let Some(d) = self.date {
            line("PY", &format!("{:04}", d.year));
            let part = |n: u8| {
                if n == 0 {
                    String::new()
                } else {
                    format!("{n:02}")
                }
            };
            line(
                "DA",
                &format!("{:04}/{}/{}/", d.year, part(d.month), part(d.day)),
            );
        }
        line("UR", &self.url);
        line("LA", self.lang.tag());
        out.push_str("ER  - \n");
        out
    }
}

/// Text escaped for a BibTeX field: TeX's special characters, braces included, become commands that print
/// them, so the field's braces stay balanced whatever the text. Other Unicode is left as it is (biber and
/// reference managers read UTF-8).
pub fn tex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A URL for biblatex's verbatim `url` field: the characters that would end or unbalance the field are
/// percent-encoded (a URL means the same with them encoded); `%` is left alone, as biblatex reads the field
/// verbatim.
fn url_field(url: &str) -> String {
    url.replace('{', "%7B")
        .replace('}', "%7D")
        .replace('\\', "%5C")
        .replace(|c: char| c.is_whitespace() || c.is_control(), "%20")
}

/// An RIS value: on one line (every control character, line breaks included, becomes a space), trimmed.
fn ris_value(value: &str) -> String {
    value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn work(date: Option<&str>, lang: Lang) -> Work<'static> {
        Work {
            author: "The Slotkin–Brown letter to Sheinbaum, annotated",
            title: "A tripling of market share",
            date: date.map(|d| Date::parse(d).unwrap()),
            url: "https://example.org/notes/market-share/".into(),
            lang,
        }
    }

    #[test]
    fn apa_names_the_site_the_date_at_its_precision_and_the_url() {
        assert_eq!(
            work(Some("2026-06-01"), Lang::En).apa(),
            "The Slotkin–Brown letter to Sheinbaum, annotated. (2026, June 1). A tripling of market share. https://example.org/notes/market-share/"
        );
        assert!(work(Some("2026-06"), Lang::En)
            .apa()
            .contains(" (2026, June). "));
        assert!(work(Some("2026"), Lang::En).apa().contains(" (2026). "));
        assert!(work(None, Lang::En).apa().contains(" (n.d.). "));
        assert!(work(Some("2026-06-01"), Lang::Es)
            .apa()
            .contains(" (2026, 1 de junio). "));
        assert!(work(None, Lang::Es).apa().contains(" (s.f.). "));
    }

    #[test]
    fn chicago_quotes_the_title_in_the_edition_s_manner() {
        assert_eq!(
            work(Some("2026-06-01"), Lang::En).chicago(),
            "The Slotkin–Brown letter to Sheinbaum, annotated. \u{201c}A tripling of market share.\u{201d} June 1, 2026. https://example.org/notes/market-share/."
        );
        assert_eq!(
            work(Some("2026-06-01"), Lang::Es).chicago(),
            "The Slotkin–Brown letter to Sheinbaum, annotated. «A tripling of market share». 1 de junio de 2026. https://example.org/notes/market-share/."
        );
        assert!(work(Some("2026-06"), Lang::Es)
            .chicago()
            .contains("». junio de 2026. "));
    }

    #[test]
    fn a_title_that_ends_a_sentence_gets_no_second_full_stop() {
        let mut w = work(Some("2026-06-01"), Lang::En);
        w.title = "Is it tripling?";
        assert!(w.apa().contains(" Is it tripling? https://"), "{}", w.apa());
        assert!(w.chicago().contains("\u{201c}Is it tripling?\u{201d} June"));
        w.lang = Lang::Es;
        assert!(w.chicago().contains("«Is it tripling?» 1 de junio"));
    }

    #[test]
    fn bibtex_escapes_every_special_character_and_keeps_braces_balanced() {
        let mut w = work(Some("2026-06-01"), Lang::En);
        w.title = "50% of {cars} & $5 #1 a_b ~x^2 \\end{entry}";
        let entry = w.bibtex("slotkin-brown:market share!");
        assert!(
            entry.starts_with("@online{slotkin-brown:marketshare,\n"),
            "{entry}"
        );
        assert!(entry.contains(
            "  title = {{50\\% of \\{cars\\} \\& \\$5 \\#1 a\\_b \\textasciitilde{}x\\textasciicircum{}2 \\textbackslash{}end\\{entry\\}}},\n"
        ), "{entry}");
        assert!(
            entry.contains("  author = {{The Slotkin–Brown letter to Sheinbaum, annotated}},\n")
        );
        assert!(entry.contains("  date = {2026-06-01},\n  year = {2026},\n  month = {6},\n"));
        assert!(entry.contains("  url = {https://example.org/notes/market-share/},\n"));
        assert!(entry.contains("  langid = {english},\n"));
        assert!(entry.ends_with("}"));
        // Unescaped braces balance: the entry's own, every field's, never the title's.
        let mut depth = 0i32;
        let mut escaped = false;
        for c in entry.chars() {
            match c {
                '\\' if !escaped => {
                    escaped = true;
                    continue;
                }
                '{' if !escaped => depth += 1,
                '}' if !escaped => depth -= 1,
                _ => {}
            }
            assert!(depth >= 0, "{entry}");
            escaped = false;
        }
        assert_eq!(depth, 0, "{entry}");
    }

    #[test]
    fn bibtex_leaves_out_what_is_not_known_and_encodes_url_breakers() {
        let mut w = work(None, Lang::Es);
        w.url = "/notes/a}b%25/".into();
        let entry = w.bibtex("k");
        assert!(!entry.contains("date ="));
        assert!(!entry.contains("year ="));
        assert!(entry.contains("  url = {/notes/a%7Db%25/},\n"), "{entry}");
        assert!(entry.contains("  langid = {spanish},\n"));
        let entry = work(Some("2026"), Lang::En).bibtex("k");
        assert!(entry.contains("  date = {2026},\n  year = {2026},\n  url"));
    }

    #[test]
    fn ris_puts_one_field_on_each_line_and_ends_the_record() {
        let mut w = work(Some("2026-06"), Lang::En);
        w.title = "Line one\nline two\r\n\tend ";
        let ris = w.ris();
        assert_eq!(
            ris,
            "TY  - ELEC\nAU  - The Slotkin–Brown letter to Sheinbaum, annotated\nTI  - Line one line two   end\nT2  - The Slotkin–Brown letter to Sheinbaum, annotated\nPY  - 2026\nDA  - 2026/06//\nUR  - https://example.org/notes/market-share/\nLA  - en\nER  - \n"
        );
        for line in ris.lines() {
            assert!(
                line.len() >= 6 && line.as_bytes()[..2].iter().all(u8::is_ascii_alphanumeric),
                "{line:?}"
            );
            assert_eq!(&line[2..6], "  - ", "{line:?}");
        }
        let ris = work(None, Lang::Es).ris();
        assert!(!ris.contains("PY  -") && !ris.contains("DA  -"));
        assert!(ris.contains("LA  - es\n"));
        assert!(work(Some("2026-06-01"), Lang::En)
            .ris()
            .contains("DA  - 2026/06/01/\n"));
    }
}
