//! The set of open documents: the bundled seeds, files, a directory, or stdin.
//! Must not import ratatui or crossterm.

use std::path::{Path, PathBuf};

use crate::doc::{Document, Format, Origin, detect::detect_format, markdown, plain};

/// The sample library, embedded so `lectern` works from any directory.
const SEEDS: &[(&str, &str)] = &[
    ("000_23fd5533f6104e14.txt", include_str!("../seeds/000_23fd5533f6104e14.txt")),
    ("003_a07c73ac8de5727e.txt", include_str!("../seeds/003_a07c73ac8de5727e.txt")),
];

#[derive(Debug, Default)]
pub struct Library {
    pub docs: Vec<Document>,
    /// One line per input that could not be opened ("name: reason").
    pub problems: Vec<String>,
}

impl Library {
    pub fn bundled() -> Library {
        let docs = SEEDS
            .iter()
            .map(|(name, text)| parse_text(text, Origin::Bundled(name.to_string())))
            .collect();
        Library { docs, problems: Vec::new() }
    }

    /// Open files and directories named on the command line.
    pub fn open_paths(paths: &[PathBuf]) -> Library {
        let mut lib = Library::default();
        for p in paths {
            lib.add_path(p);
        }
        lib
    }

    /// Read a document from bytes (stdin).
    pub fn from_stdin_bytes(bytes: &[u8]) -> Library {
        let mut lib = Library::default();
        let text = String::from_utf8_lossy(bytes);
        lib.docs.push(parse_text(&text, Origin::Stdin));
        lib
    }

    fn add_path(&mut self, p: &Path) {
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(p) {
                Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
                Err(e) => {
                    self.problems.push(format!("{}: {e}", p.display()));
                    return;
                }
            };
            entries.sort();
            for e in entries {
                self.add_path(&e);
            }
            return;
        }
        match std::fs::read(p) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                self.docs.push(parse_text(&text, Origin::File(p.to_path_buf())));
            }
            Err(e) => self.problems.push(format!("{}: {e}", p.display())),
        }
    }
}

/// Parse decoded text with the reader its name and content call for.
pub fn parse_text(text: &str, origin: Origin) -> Document {
    match detect_format(&origin.display_name(), text) {
        Format::Markdown => markdown::parse(text, origin),
        Format::Plain => plain::parse(text, origin),
    }
}
