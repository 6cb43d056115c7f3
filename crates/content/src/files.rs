//! The content folder as a set of named texts, read from disk or built in memory (tests, fuzzing).

use std::fs;
use std::io;
use std::path::Path;

/// One content file: its display path and its text.
#[derive(Clone, Debug)]
pub struct File {
    /// Path shown in errors, e.g. `content/notes/market-share.md`.
    pub path: String,
    /// The file's text.
    pub text: String,
}

/// Every file the compiler reads.
#[derive(Clone, Debug, Default)]
pub struct ContentTree {
    /// `site.toml`.
    pub site: Option<File>,
    /// `letter.md`.
    pub letter: Option<File>,
    /// `notes/*.md`, sorted by path.
    pub notes: Vec<File>,
    /// `timeline.toml`.
    pub timeline: Option<File>,
    /// `sources/*.toml`, sorted by path.
    pub sources: Vec<File>,
    /// `pages/about.md`.
    pub about: Option<File>,
    /// `corrections.toml` (optional: a site may have no corrections yet).
    pub corrections: Option<File>,
    /// The Spanish edition's files (see [`Translations`]).
    pub es: Translations,
}

/// One language's translation files, named the way Zola names them: `site.es.toml`, `letter.es.md`,
/// `notes/<id>.es.md`, `timeline.es.toml`, `pages/about.es.md`, `corrections.es.toml`.
#[derive(Clone, Debug, Default)]
pub struct Translations {
    /// `site.<lang>.toml`.
    pub site: Option<File>,
    /// `letter.<lang>.md`.
    pub letter: Option<File>,
    /// `notes/<id>.<lang>.md`, sorted by path.
    pub notes: Vec<File>,
    /// `timeline.<lang>.toml`.
    pub timeline: Option<File>,
    /// `pages/about.<lang>.md`.
    pub about: Option<File>,
    /// `corrections.<lang>.toml`.
    pub corrections: Option<File>,
}

impl ContentTree {
    /// Every file of the tree, translations included.
    pub fn files(&self) -> impl Iterator<Item = &File> {
        self.site
            .iter()
            .chain(&self.letter)
            .chain(&self.notes)
            .chain(&self.timeline)
            .chain(&self.sources)
            .chain(&self.about)
            .chain(&self.es.site)
            .chain(&self.corrections)
            .chain(&self.es.letter)
            .chain(&self.es.notes)
            .chain(&self.es.timeline)
            .chain(&self.es.about)
            .chain(&self.es.corrections)
    }

    /// The display path of a file in this tree's folder, for errors about a file that is missing: the
    /// folder name the other files' paths start with (`content` when there are none).
    pub fn display_path(&self, rel: &str) -> String {
        let root = self
            .files()
            .find_map(|f| f.path.split_once('/').map(|(root, _)| root))
            .unwrap_or("content");
        format!("{root}/{rel}")
    }

    /// Reads a content folder. Missing files are left out (the compiler reports them); unreadable ones are
    /// I/O errors.
    pub fn read(dir: &Path) -> io::Result<ContentTree> {
        let label = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "content".into());
        let one = |rel: &str| -> io::Result<Option<File>> {
            let path = dir.join(rel);
            if !path.exists() {
                return Ok(None);
            }
            Ok(Some(File {
                path: format!("{label}/{rel}"),
                text: fs::read_to_string(&path)?,
            }))
        };
        let many = |sub: &str, ext: &str| -> io::Result<Vec<File>> {
            let folder = dir.join(sub);
            if !folder.is_dir() {
                return Ok(Vec::new());
            }
            let mut files = Vec::new();
            for entry in fs::read_dir(&folder)? {
                let path = entry?.path();
                if path.extension().and_then(|e| e.to_str()) == Some(ext) {
                    let name = path.file_name().unwrap().to_string_lossy().into_owned();
                    files.push(File {
                        path: format!("{label}/{sub}/{name}"),
                        text: fs::read_to_string(&path)?,
                    });
                }
            }
            files.sort_by(|a, b| a.path.cmp(&b.path));
            Ok(files)
        };
        let (notes_es, notes) = many("notes", "md")?
            .into_iter()
            .partition(|f| f.path.ends_with(".es.md"));
        Ok(ContentTree {
            site: one("site.toml")?,
            letter: one("letter.md")?,
            notes,
            timeline: one("timeline.toml")?,
            sources: many("sources", "toml")?,
            about: one("pages/about.md")?,
            corrections: one("corrections.toml")?,
            es: Translations {
                site: one("site.es.toml")?,
                letter: one("letter.es.md")?,
                notes: notes_es,
                timeline: one("timeline.es.toml")?,
                about: one("pages/about.es.md")?,
                corrections: one("corrections.es.toml")?,
            },
        })
    }
}
