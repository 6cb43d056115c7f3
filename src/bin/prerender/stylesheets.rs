//! The stylesheets as the reader's browser gets them: without their comments and indentation (for people
//! reading `style/`; they were a sixth of the common sheet's brotli bytes), written under their content's
//! hash with integrity. Trunk's copy of `style/main.css` is replaced by its compact form here, and each
//! page's own sheet (see `main.rs`) is written the same way.

use crate::offline::short_hash;
use crate::{base64, write};
use std::path::Path;

/// `css` without comments, indentation or blank lines. Text in quotes is kept as it is (a `/*` there is
/// not a comment); every rule keeps its line, so the sheet still reads in a browser's tools.
pub fn compact(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' {
                    out.extend(chars.next());
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Writes `css`, compacted, into `dir` as `<stem>-<hash>.css`; returns its tag, with subresource
/// integrity.
pub fn write_sheet(dir: &Path, stem: &str, css: &str) -> String {
    use sha2::{Digest, Sha384};
    let css = compact(css);
    let name = format!("{stem}-{}.css", short_hash(css.as_bytes()));
    write(&dir.join(&name), &css);
    let integrity = format!("sha384-{}", base64(&Sha384::digest(css.as_bytes())));
    format!(
        "<link rel=\"stylesheet\" href=\"{}\" integrity=\"{integrity}\">",
        contract::asset(&name)
    )
}

/// Trunk's page with its stylesheet (the one `<link rel="stylesheet">`) replaced by a compact copy
/// written beside it (`<stem>-<hash>.css`, trunk's file removed). Fails if the page has no such link or
/// its file cannot be read.
pub fn compact_trunks(dir: &Path, html: &str) -> Result<String, String> {
    let open = "<link rel=\"stylesheet\"";
    let start = html
        .find(open)
        .ok_or("trunk's page has no <link rel=\"stylesheet\">")?;
    let end = start + html[start..].find('>').ok_or("unclosed stylesheet link")? + 1;
    let tag = &html[start..end];
    let href = tag
        .split("href=\"")
        .nth(1)
        .and_then(|h| h.split('"').next())
        .ok_or("trunk's stylesheet link has no href")?;
    let file = href.strip_prefix(contract::BASE).ok_or(format!(
        "trunk's stylesheet {href} is not under the base path"
    ))?;
    let path = dir.join(file);
    let css = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    // Trunk names it `<stem>-<hash>.css`.
    let stem = file
        .rsplit_once('-')
        .map_or(file.trim_end_matches(".css"), |(stem, _)| stem);
    let new = write_sheet(dir, stem, &css);
    if !new.contains(&format!("\"{href}\"")) {
        std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(format!("{}{new}{}", &html[..start], &html[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_indentation_go_and_quoted_text_stays() {
        let css = "/* The theme. */\n:root {\n  --a: 1; /* inline */\n}\n\n.x::before { content: \"/* not a comment */\"; }\n/* two\n   lines */\n@media print {\n  .y { a: 'it\\'s /*' }\n}\n";
        assert_eq!(
            compact(css),
            ":root {\n--a: 1;\n}\n.x::before { content: \"/* not a comment */\"; }\n@media print {\n.y { a: 'it\\'s /*' }\n}\n"
        );
    }

    #[test]
    fn trunks_stylesheet_is_replaced_by_its_compact_copy() {
        let dir = std::env::temp_dir().join(format!("sheets-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("main-abc.css"),
            "/* c */\nbody {\n  color: red;\n}\n",
        )
        .unwrap();
        let html = format!(
            "<head><link rel=\"stylesheet\" href=\"{}main-abc.css\" integrity=\"sha384-x\"/><title></title></head>",
            contract::BASE
        );
        let out = compact_trunks(&dir, &html).unwrap();
        assert!(!dir.join("main-abc.css").exists());
        let name = out
            .split("href=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let name = name.strip_prefix(contract::BASE).unwrap();
        assert!(name.starts_with("main-") && name.ends_with(".css"), "{out}");
        assert_eq!(
            std::fs::read_to_string(dir.join(name)).unwrap(),
            "body {\ncolor: red;\n}\n"
        );
        assert!(out.ends_with("\"><title></title></head>"), "{out}");
        assert!(compact_trunks(&dir, "<head></head>").is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
