//! Per-user data: bookmarks, notes and reading positions, kept safe across crashes, concurrent
//! Lectern processes, edited documents and schema changes. Must not import ratatui or crossterm.
//!
//! # Layout
//! `<data dir>/docs/<fingerprint>.json`, one file per document, plus `<name>.lock` beside each,
//! and `<data dir>/drafts/<id>.json` for unsaved note-editor text. One file per document keeps
//! the blast radius of a bad write or a corrupt file to one document, and lets two processes
//! reading different documents never contend for a lock. There is no index: the files are
//! listed when needed, which keeps one source of truth and nothing to get out of step.
//!
//! # Identity
//! A document is found by the fingerprint of its whitespace-normalised text
//! ([`fingerprint::fingerprint`]). When a file is edited its fingerprint changes; records whose
//! `last_path` is the same file are then merged into the new fingerprint's record and their
//! anchors are re-found by quote ([`reanchor::reanchor`]). A moved or renamed file keeps its
//! fingerprint, so its notes follow it.
//!
//! # Writes and concurrency
//! Every change is written at once: take the exclusive lock beside the data file, re-read the
//! file, apply the change as a merge, write a temp file, fsync, rename over, fsync the directory,
//! unlock. Records merge by id:
//! - per id, the version with the later `updated` time wins (ties broken by content, so the
//!   result does not depend on which process merges first);
//! - a delete leaves a tombstone `id → deleted time`; a record is hidden when its `updated` time
//!   is not after the tombstone. An edit made after a delete (in another process that still
//!   showed the note) therefore resurrects it; an edit made before the delete, or at the same
//!   millisecond, stays deleted. Tombstones are kept (they are a few bytes each).
//! - the position with the later `updated` time wins.
//!
//! # Bad files
//! A file that is not valid JSON of the expected shape is renamed to `<name>.corrupt-<stamp>`,
//! one with a newer schema `version` to `<name>.newer-<stamp>`, byte for byte, and a message is
//! returned for the UI; Lectern carries on with a fresh record. Nothing user-written is ever
//! overwritten unread. Older versions are migrated on read (`migrate.rs`), and the original bytes
//! are first copied to `<name>.v<N>.bak`.

pub mod atomic;
pub mod capture;
pub mod clock;
pub mod draft;
pub mod export;
pub mod fingerprint;
mod handle;
mod identity;
pub mod import;
mod load;
pub mod lock;
pub mod merge;
pub mod migrate;
pub mod paths;
pub mod quarantine;
pub mod reanchor;
pub mod schema;

use std::path::{Path, PathBuf};

pub use handle::DocHandle;
pub use paths::data_dir;
pub use reanchor::{Placement, reanchor};
pub use schema::{Bookmark, DocRecord, Note, Position, StoredAnchor};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no home directory to keep notes in; pass --data-dir or set LECTERN_DATA_DIR")]
    NoDataDir,
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot import: {0}")]
    Import(String),
    #[error("not a draft id: {0:?}")]
    BadDraftId(String),
}

impl StoreError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> StoreError {
        StoreError::Io { path: path.to_path_buf(), source }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// The user-data store rooted at a data directory.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// Open (creating if needed) the store at `root`.
    pub fn open(root: impl Into<PathBuf>) -> Result<Store> {
        let root = root.into();
        for dir in [paths::docs_dir(&root), paths::drafts_dir(&root)] {
            std::fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))?;
        }
        Ok(Store { root })
    }

    /// Open the store at [`data_dir`]`(flag)`.
    pub fn open_default(flag: Option<&Path>) -> Result<Store> {
        Store::open(data_dir(flag)?)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Every document record, sorted by title then fingerprint, plus messages about files that
    /// had to be quarantined on the way.
    pub fn records(&self) -> Result<(Vec<DocRecord>, Vec<String>)> {
        let mut records = Vec::new();
        let mut notices = Vec::new();
        for path in load::data_files(&paths::docs_dir(&self.root))? {
            let _lock = lock::FileLock::exclusive(&paths::lock_file(&path))?;
            if let Some(r) = load::read_record(&path, &mut notices)? {
                records.push(r);
            }
        }
        records.sort_by(|a, b| (&a.title, &a.fingerprint).cmp(&(&b.title, &b.fingerprint)));
        Ok((records, notices))
    }

    /// The record for `fingerprint`, if one exists.
    pub fn record(&self, fingerprint: &str) -> Result<(Option<DocRecord>, Vec<String>)> {
        let path = paths::doc_file(&self.root, fingerprint);
        let _lock = lock::FileLock::exclusive(&paths::lock_file(&path))?;
        let mut notices = Vec::new();
        let r = load::read_record(&path, &mut notices)?;
        Ok((r, notices))
    }

    /// Lock `fingerprint`'s file, merge `incoming` into what is on disk, write. Used by import.
    pub fn merge_record(&self, incoming: &DocRecord) -> Result<Vec<String>> {
        let mut h = DocHandle::detached(&self.root, incoming.clone());
        h.commit(|disk| merge::merge(disk, incoming))?;
        Ok(h.take_notices())
    }
}
