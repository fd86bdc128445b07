//! One open document's user data: the last merged record plus the operations the UI performs.
//! Every operation is written to disk before it returns (lock, re-read, merge, atomic write).

use std::path::{Path, PathBuf};

use crate::doc::{Anchor, Document};

use super::atomic::{remove_stale_temps, write_atomic};
use super::capture::capture;
use super::clock::{new_id, now_ms};
use super::load::read_record;
use super::lock::FileLock;
use super::merge;
use super::paths::{doc_file, lock_file};
use super::reanchor::{Placement, reanchor};
use super::schema::{Bookmark, DocRecord, Note, Position};
use super::{Result, StoreError};

#[derive(Debug)]
pub struct DocHandle {
    path: PathBuf,
    record: DocRecord,
    notices: Vec<String>,
}

impl DocHandle {
    /// A handle for `record`'s fingerprint that has not read the disk yet.
    pub(crate) fn detached(root: &Path, record: DocRecord) -> DocHandle {
        DocHandle { path: doc_file(root, &record.fingerprint), record, notices: Vec::new() }
    }

    /// The record as last read or written.
    pub fn record(&self) -> &DocRecord {
        &self.record
    }

    pub fn fingerprint(&self) -> &str {
        &self.record.fingerprint
    }

    /// The data file this handle writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Messages for the user (quarantined files) gathered since the last call.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    pub(crate) fn extend_notices(&mut self, notices: Vec<String>) {
        self.notices.extend(notices);
    }

    /// Re-read the file (picking up other processes' changes). The title and path this handle
    /// was opened with are kept; where it has none, the stored ones are taken.
    pub fn reload(&mut self) -> Result<()> {
        // No file, nothing to read: skip the lock so merely opening a document leaves no trace.
        if !self.path.exists() {
            return Ok(());
        }
        let _lock = FileLock::exclusive(&lock_file(&self.path))?;
        if let Some(mut disk) = read_record(&self.path, &mut self.notices)? {
            if !self.record.title.is_empty() {
                disk.title = std::mem::take(&mut self.record.title);
            }
            if self.record.last_path.is_some() {
                disk.last_path = self.record.last_path.take();
            }
            self.record = disk;
        }
        Ok(())
    }

    /// Set the title and path the next write stores.
    pub(crate) fn set_origin(&mut self, title: &str, last_path: Option<String>) {
        self.record.title = title.to_string();
        self.record.last_path = last_path;
    }

    /// Lock, re-read, apply `change` to the on-disk record, write atomically, keep the result.
    /// Our title and path replace the stored ones: we just opened the document from there.
    pub(crate) fn commit(&mut self, change: impl FnOnce(&mut DocRecord)) -> Result<()> {
        let _lock = FileLock::exclusive(&lock_file(&self.path))?;
        remove_stale_temps(&self.path);
        let mut rec = read_record(&self.path, &mut self.notices)?.unwrap_or_else(|| {
            DocRecord::new(&self.record.fingerprint, &self.record.title, self.record.last_path.clone())
        });
        rec.version = super::schema::CURRENT_VERSION;
        if !self.record.title.is_empty() {
            rec.title = self.record.title.clone();
        }
        if self.record.last_path.is_some() {
            rec.last_path = self.record.last_path.clone();
        }
        change(&mut rec);
        write_atomic(&self.path, rec.to_json().as_bytes()).map_err(|e| StoreError::io(&self.path, e))?;
        self.record = rec;
        Ok(())
    }

    pub fn add_note(&mut self, doc: &Document, at: Anchor, text: &str) -> Result<Note> {
        let t = now_ms();
        let note = Note { id: new_id(), created: t, updated: t, text: text.to_string(), anchor: capture(doc, at) };
        let n = note.clone();
        self.commit(|r| merge::upsert_note(r, n))?;
        Ok(note)
    }

    /// Change a note's text. `None` if this handle never saw the note. If another process
    /// deleted it meanwhile, this later edit brings it back (the merge rule).
    pub fn edit_note(&mut self, id: &str, text: &str) -> Result<Option<Note>> {
        let Some(mut note) = self.record.note(id).cloned() else {
            return Ok(None);
        };
        note.text = text.to_string();
        note.updated = now_ms();
        let n = note.clone();
        self.commit(|r| merge::upsert_note(r, n))?;
        Ok(Some(note))
    }

    /// Delete a note or bookmark by id (a tombstone is written). False if the id is unknown here.
    pub fn delete(&mut self, id: &str) -> Result<bool> {
        if self.record.note(id).is_none() && self.record.bookmark(id).is_none() {
            return Ok(false);
        }
        let at = now_ms();
        self.commit(|r| merge::delete(r, id, at))?;
        Ok(true)
    }

    pub fn add_bookmark(&mut self, doc: &Document, at: Anchor, name: &str) -> Result<Bookmark> {
        let t = now_ms();
        let bm = Bookmark { id: new_id(), created: t, updated: t, name: name.to_string(), anchor: capture(doc, at) };
        let b = bm.clone();
        self.commit(|r| merge::upsert_bookmark(r, b))?;
        Ok(bm)
    }

    pub fn rename_bookmark(&mut self, id: &str, name: &str) -> Result<Option<Bookmark>> {
        let Some(mut bm) = self.record.bookmark(id).cloned() else {
            return Ok(None);
        };
        bm.name = name.to_string();
        bm.updated = now_ms();
        let b = bm.clone();
        self.commit(|r| merge::upsert_bookmark(r, b))?;
        Ok(Some(bm))
    }

    /// Save the reading position (the caller debounces; this writes at once).
    pub fn set_position(&mut self, doc: &Document, at: Anchor) -> Result<()> {
        let pos = Position { anchor: capture(doc, at), updated: now_ms() };
        self.commit(|r| merge::set_position(r, pos))
    }

    /// Where the saved position lands in `doc`.
    pub fn position(&self, doc: &Document) -> Option<Placement> {
        self.record.position.as_ref().map(|p| reanchor(doc, &p.anchor))
    }

    /// Every note with where it lands in `doc`; orphaned notes are included.
    pub fn placed_notes(&self, doc: &Document) -> Vec<(Note, Placement)> {
        self.record.notes.iter().map(|n| (n.clone(), reanchor(doc, &n.anchor))).collect()
    }

    pub fn placed_bookmarks(&self, doc: &Document) -> Vec<(Bookmark, Placement)> {
        self.record.bookmarks.iter().map(|b| (b.clone(), reanchor(doc, &b.anchor))).collect()
    }
}
