//! Opening a directory: a sorted, depth-first walk that skips hidden and junk folders, special
//! files and symlink loops, and opens an mdBook as one document. Must not import ratatui or
//! crossterm.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use super::read::{ReadFailure, describe_io, read_document_bytes};
use super::{Library, MAX_DOCS};
use crate::doc::{Origin, mdbook};

/// Folders that hold build output or dependencies, not documents.
const JUNK_DIRS: &[&str] = &["target", "node_modules", "__pycache__"];

/// One directory walk over a library; remembers the directories it entered.
pub struct Walk<'a> {
    lib: &'a mut Library,
    /// Canonical paths of the directories entered, so a symlink loop (or two links to the same
    /// folder) is walked once.
    visited: HashSet<PathBuf>,
    /// Set when [`MAX_DOCS`] was reached; the walk then stops.
    capped: bool,
}

enum EntryKind {
    Dir,
    File,
}

impl<'a> Walk<'a> {
    pub fn new(lib: &'a mut Library) -> Walk<'a> {
        Walk { lib, visited: HashSet::new(), capped: false }
    }

    /// Walk `root`, adding its documents to the library.
    pub fn run(mut self, root: &Path) {
        self.dir(root);
        if self.capped {
            self.lib.problems.push(format!("{}: only the first {MAX_DOCS} documents were opened", root.display()));
        }
    }

    fn dir(&mut self, dir: &Path) {
        match fs::canonicalize(dir) {
            Ok(canonical) => {
                if !self.visited.insert(canonical) {
                    return;
                }
            }
            Err(e) => {
                self.lib.problems.push(format!("{}: {}", dir.display(), describe_io(&e)));
                return;
            }
        }
        match mdbook::load_book(dir) {
            Some(Ok(book)) => {
                if self.room_for_one_more() {
                    self.lib.docs.push(book);
                }
                return;
            }
            // Say why the book failed, then still offer its chapters as separate files.
            Some(Err(why)) => self.lib.problems.push(format!("{}: {why}", dir.display())),
            None => {}
        }
        let entries = match self.sorted_entries(dir) {
            Some(entries) => entries,
            None => return,
        };
        for (path, kind) in entries {
            if self.capped {
                return;
            }
            match kind {
                EntryKind::Dir => self.dir(&path),
                EntryKind::File => self.file(&path),
            }
        }
    }

    /// The entries worth visiting, sorted by name so the library order is the path order.
    fn sorted_entries(&mut self, dir: &Path) -> Option<Vec<(PathBuf, EntryKind)>> {
        let read = match fs::read_dir(dir) {
            Ok(read) => read,
            Err(e) => {
                self.lib.problems.push(format!("{}: {}", dir.display(), describe_io(&e)));
                return None;
            }
        };
        let mut entries: Vec<(OsString, PathBuf, EntryKind)> = Vec::new();
        for entry in read {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    self.lib.problems.push(format!("{}: {}", dir.display(), describe_io(&e)));
                    continue;
                }
            };
            let name = entry.file_name();
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let path = entry.path();
            let Some(kind) = self.classify(&entry, &path) else { continue };
            if matches!(kind, EntryKind::Dir) && JUNK_DIRS.iter().any(|junk| name == *junk) {
                continue;
            }
            entries.push((name, path, kind));
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        Some(entries.into_iter().map(|(_, path, kind)| (path, kind)).collect())
    }

    /// Directory, regular file, or nothing: FIFOs, sockets and devices are passed over (reading
    /// a FIFO would block the walk), and a dangling link is reported.
    fn classify(&mut self, entry: &fs::DirEntry, path: &Path) -> Option<EntryKind> {
        let mut file_type = entry.file_type().ok()?;
        if file_type.is_symlink() {
            match fs::metadata(path) {
                Ok(meta) => file_type = meta.file_type(),
                Err(e) => {
                    self.lib.problems.push(format!("{}: {}", path.display(), describe_io(&e)));
                    return None;
                }
            }
        }
        if file_type.is_dir() {
            Some(EntryKind::Dir)
        } else if file_type.is_file() {
            Some(EntryKind::File)
        } else {
            None
        }
    }

    fn file(&mut self, path: &Path) {
        if !self.room_for_one_more() {
            return;
        }
        let bytes = match read_document_bytes(path) {
            Ok(bytes) => bytes,
            Err(ReadFailure::Binary) => {
                self.lib.skipped += 1;
                return;
            }
            Err(e) => {
                self.lib.problems.push(format!("{}: {e}", path.display()));
                return;
            }
        };
        // An empty file in a folder is clutter, not a document; named directly it does open.
        if bytes.is_empty() {
            self.lib.skipped += 1;
            return;
        }
        match super::document_from_bytes(&bytes, Origin::File(path.to_path_buf())) {
            Ok(doc) => self.lib.docs.push(doc),
            Err(_) => self.lib.skipped += 1,
        }
    }

    fn room_for_one_more(&mut self) -> bool {
        if self.lib.docs.len() >= MAX_DOCS {
            self.capped = true;
        }
        !self.capped
    }
}
