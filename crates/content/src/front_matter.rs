//! Splitting a Markdown file into TOML front matter (between `+++` lines) and body.

/// A file split in two, with each part's starting line and byte offset so errors point into the file.
pub struct Split<'a> {
    /// The TOML between the fences.
    pub toml: &'a str,
    /// 1-based line of the TOML's first line.
    pub toml_line: usize,
    /// Byte offset of the TOML in the file (4 after `+++\n`, 5 after `+++\r\n`).
    pub toml_offset: usize,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
}

/// Splits `+++` front matter from the body, or says what is wrong.
pub fn split(text: &str) -> Result<Split<'_>, String> {
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or("the file must start with a `+++` line, then TOML front matter, then `+++`")?;
    let open = text.len() - rest.len();
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Ok(Split {
                toml: &rest[..offset],
                toml_line: 2,
                toml_offset: open,
                body: &rest[offset + line.len()..],
                body_offset: open + offset + line.len(),
            });
        }
        offset += line.len();
    }
    Err("the front matter is never closed: add a `+++` line after it".into())
}
