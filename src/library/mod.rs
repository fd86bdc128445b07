//! The set of open documents: the bundled seeds, files, a directory, or stdin.
//! Must not import ratatui or crossterm.

pub mod loader;
mod read;
mod walk;

use std::path::{Path, PathBuf};

use crate::doc::decode::{self, NotText};
use crate::doc::{Document, Format, Origin, detect::detect_format, markdown, plain};

pub use read::MAX_FILE_BYTES;

/// A directory walk stops after this many documents (with a line in `problems`), so pointing
/// lectern at `/` or a huge tree stays responsive.
pub const MAX_DOCS: usize = 10_000;

/// The sample library, embedded so `lectern` works from any directory.
const SEEDS: &[(&str, &str)] = &[
    ("000_23fd5533f6104e14.txt", include_str!("../../seeds/000_23fd5533f6104e14.txt")),
    ("003_a07c73ac8de5727e.txt", include_str!("../../seeds/003_a07c73ac8de5727e.txt")),
];

#[derive(Debug, Default)]
pub struct Library {
    pub docs: Vec<Document>,
    /// One line per input that could not be opened ("name: reason").
    pub problems: Vec<String>,
    /// Files passed over in directory walks because they are binary or empty; counted rather
    /// than listed, since a folder of images is not a list of errors.
    pub skipped: usize,
    /// Big files still being parsed in the background; `docs` holds their first part until
    /// the app swaps the full document in (see `loader`).
    pub loading: Vec<loader::Loading>,
}

impl Library {
    pub fn bundled() -> Library {
        let docs = SEEDS.iter().map(|(name, text)| parse_text(text, Origin::Bundled(name.to_string()))).collect();
        Library { docs, ..Library::default() }
    }

    /// Open files and directories named on the command line, in the order given.
    pub fn open_paths(paths: &[PathBuf]) -> Library {
        let mut lib = Library::default();
        for p in paths {
            lib.add_named_path(p);
        }
        lib
    }

    /// Read a document from bytes (stdin).
    pub fn from_stdin_bytes(bytes: &[u8]) -> Library {
        let mut lib = Library::default();
        match document_from_bytes(bytes, Origin::Stdin) {
            Ok(doc) => lib.docs.push(doc),
            Err(why) => lib.problems.push(format!("stdin: {why}")),
        }
        lib
    }

    /// Append another library after this one (e.g. files after stdin), counts included.
    pub fn extend(&mut self, other: Library) {
        let offset = self.docs.len();
        self.loading.extend(other.loading.into_iter().map(|mut l| {
            l.doc += offset;
            l
        }));
        self.docs.extend(other.docs);
        self.problems.extend(other.problems);
        self.skipped += other.skipped;
    }

    /// One line for the user when directory walks passed files over, e.g. "3 files skipped
    /// (binary or empty)".
    pub fn skipped_notice(&self) -> Option<String> {
        match self.skipped {
            0 => None,
            1 => Some("1 file skipped (binary or empty)".to_string()),
            n => Some(format!("{n} files skipped (binary or empty)")),
        }
    }

    /// Block until every background parse is done and its document is in `docs` (for output
    /// that is not interactive: `--outline`, printing to a pipe).
    pub fn finish_loading(&mut self) {
        for l in std::mem::take(&mut self.loading) {
            let at = l.doc;
            if let (Some(doc), true) = (l.wait(), at < self.docs.len()) {
                self.docs[at] = doc;
            }
        }
    }

    /// A path the user named: a directory is walked (or opened as a book); anything else is
    /// read, FIFOs included (`lectern <(cmd)`).
    fn add_named_path(&mut self, p: &Path) {
        let meta = match std::fs::metadata(p) {
            Ok(meta) => meta,
            Err(e) => {
                self.problems.push(format!("{}: {}", p.display(), read::describe_io(&e)));
                return;
            }
        };
        if meta.is_dir() {
            walk::Walk::new(self).run(p);
            return;
        }
        let at = self.docs.len();
        let bytes = if is_fifo(&meta) {
            read::noting_a_slow_fifo(p, || read::read_document_bytes(p))
        } else {
            read::read_document_bytes(p)
        };
        let opened = bytes
            .map_err(|e| e.to_string())
            .and_then(|bytes| loader::open(bytes, Origin::File(p.to_path_buf()), at).map_err(|e| e.to_string()));
        match opened {
            Ok((doc, loading)) => {
                self.docs.push(doc);
                self.loading.extend(loading);
            }
            Err(why) => self.problems.push(format!("{}: {why}", p.display())),
        }
    }
}

#[cfg(unix)]
fn is_fifo(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_: &std::fs::Metadata) -> bool {
    false
}

/// Decode bytes and parse them; the decoder's notices come first in `doc.notices`.
pub fn document_from_bytes(bytes: &[u8], origin: Origin) -> Result<Document, NotText> {
    let decoded = decode::decode(bytes)?;
    let mut doc = parse_text(&decoded.text, origin);
    let mut notices = decoded.notices;
    if bytes.is_empty() {
        notices.push("the file is empty".to_string());
    }
    notices.append(&mut doc.notices);
    doc.notices = notices;
    Ok(doc)
}

/// Parse decoded text with the reader its name and content call for.
pub fn parse_text(text: &str, origin: Origin) -> Document {
    match detect_format(&origin.display_name(), text) {
        Format::Markdown => markdown::parse(text, origin),
        Format::Plain => plain::parse(text, origin),
    }
}
