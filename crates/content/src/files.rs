//! The content folder as a set of named texts, read from disk or built in memory (tests, fuzzing).

use model::Lang;
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
    /// Each other edition's files (see [`Translations`]), in [`Lang::ALL`] order; an edition with no
    /// files may be left out (it is all fallback).
    pub translations: Vec<Translations>,
}

/// One language's translation files, named the way Zola names them, with the edition's tag before the
/// extension: `site.<tag>.toml`, `letter.<tag>.md`, `notes/<id>.<tag>.md`, `timeline.<tag>.toml`,
/// `pages/about.<tag>.md`, `corrections.<tag>.toml` (`letter.es.md` for Spanish).
#[derive(Clone, Debug)]
pub struct Translations {
    /// The edition these files translate the original into.
    pub lang: Lang,
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

impl Translations {
    /// No files yet for the edition in `lang`.
    pub fn empty(lang: Lang) -> Self {
        Translations {
            lang,
            site: None,
            letter: None,
            notes: Vec::new(),
            timeline: None,
            about: None,
            corrections: None,
        }
    }

    /// Every file of this edition.
    pub fn files(&self) -> impl Iterator<Item = &File> {
        [
            &self.site,
            &self.letter,
            &self.timeline,
            &self.about,
            &self.corrections,
        ]
        .into_iter()
        .flatten()
        .chain(&self.notes)
    }

    /// The file name of a translation of `original` (`letter.md` → `letter.es.md`).
    pub fn name(&self, original: &str) -> String {
        match original.rsplit_once('.') {
            Some((stem, ext)) => format!("{stem}.{}.{ext}", self.lang.tag()),
            None => format!("{original}.{}", self.lang.tag()),
        }
    }
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
            .chain(&self.corrections)
            .chain(self.translations.iter().flat_map(Translations::files))
    }

    /// The files of the edition in `lang`, if the tree has any.
    pub fn translation(&self, lang: Lang) -> Option<&Translations> {
        self.translations.iter().find(|t| t.lang == lang)
    }

    /// The files of the edition in `lang`, added (empty) if the tree has none yet.
    pub fn translation_mut(&mut self, lang: Lang) -> &mut Translations {
        match self.translations.iter().position(|t| t.lang == lang) {
            Some(i) => &mut self.translations[i],
            None => {
                self.translations.push(Translations::empty(lang));
                self.translations.last_mut().expect("just pushed")
            }
        }
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
    /// I/O errors, and so is a folder that is not there (a wrong path, not an empty site).
    pub fn read(dir: &Path) -> io::Result<ContentTree> {
        if !dir.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("no content folder at {}", dir.display()),
            ));
        }
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
        let mut notes = many("notes", "md")?;
        let mut translations = Vec::new();
        for lang in Lang::translations() {
            let mut files = Translations::empty(lang);
            let suffix = format!(".{}.md", lang.tag());
            (files.notes, notes) = notes.into_iter().partition(|f| f.path.ends_with(&suffix));
            files.site = one(&files.name("site.toml"))?;
            files.letter = one(&files.name("letter.md"))?;
            files.timeline = one(&files.name("timeline.toml"))?;
            files.about = one(&files.name("pages/about.md"))?;
            files.corrections = one(&files.name("corrections.toml"))?;
            translations.push(files);
        }
        Ok(ContentTree {
            site: one("site.toml")?,
            letter: one("letter.md")?,
            notes,
            timeline: one("timeline.toml")?,
            sources: many("sources", "toml")?,
            about: one("pages/about.md")?,
            corrections: one("corrections.toml")?,
            translations,
        })
    }
}
