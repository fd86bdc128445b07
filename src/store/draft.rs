//! Unsaved note-editor text: autosaved (and saved on SIGHUP/SIGTERM by the app) to
//! `drafts/<id>.json` atomically, offered again by [`pending_drafts`] at the next start, and
//! cleared once the note is saved or discarded. Each editor session has its own id, so two
//! processes never overwrite each other's drafts.

use std::fs;
use std::io::ErrorKind;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::atomic::write_atomic;
use super::clock::{new_id, now_ms};
use super::load::{data_files, read_versioned};
use super::lock::FileLock;
use super::paths::drafts_dir;
use super::schema::{CURRENT_VERSION, StoredAnchor};
use super::{Result, Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub version: u32,
    /// This editor session's id (the file name).
    pub id: String,
    /// The document's fingerprint and title (the title is for showing the draft).
    pub fingerprint: String,
    #[serde(default)]
    pub doc_title: String,
    /// The note being edited, or none for a new note.
    #[serde(default)]
    pub note_id: Option<String>,
    pub anchor: StoredAnchor,
    pub text: String,
    /// When it was last saved (ms).
    pub saved: u64,
}

impl Draft {
    /// A draft for a new editor session.
    pub fn new(fingerprint: &str, doc_title: &str, note_id: Option<String>, anchor: StoredAnchor, text: &str) -> Draft {
        Draft {
            version: CURRENT_VERSION,
            id: new_id(),
            fingerprint: fingerprint.to_string(),
            doc_title: doc_title.to_string(),
            note_id,
            anchor,
            text: text.to_string(),
            saved: 0,
        }
    }
}

/// Ids are ours (hex and dashes); anything else could escape the drafts directory.
fn draft_path(store: &Store, id: &str) -> Result<PathBuf> {
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-') {
        return Err(StoreError::BadDraftId(id.to_string()));
    }
    Ok(drafts_dir(store.root()).join(format!("{id}.json")))
}

fn lock_path(store: &Store, id: &str) -> Result<PathBuf> {
    Ok(draft_path(store, id)?.with_extension("lock"))
}

/// Held by the process whose editor the draft belongs to. Another Lectern running at the same
/// time (a second SSH session) then sees the draft as live and does not offer it; the kernel
/// drops the lock when the process dies, and the draft becomes one to offer.
pub fn hold_draft(store: &Store, id: &str) -> Result<Option<FileLock>> {
    FileLock::try_exclusive(&lock_path(store, id)?)
}

fn is_live(store: &Store, id: &str) -> bool {
    lock_path(store, id).is_ok_and(|p| p.exists() && matches!(FileLock::try_exclusive(&p), Ok(None)))
}

/// Write `draft` (stamping `saved`) atomically.
pub fn save_draft(store: &Store, draft: &mut Draft) -> Result<()> {
    let path = draft_path(store, &draft.id)?;
    draft.saved = now_ms();
    draft.version = CURRENT_VERSION;
    let mut json = serde_json::to_string_pretty(draft).unwrap_or_default();
    json.push('\n');
    write_atomic(&path, json.as_bytes()).map_err(|e| StoreError::io(&path, e))
}

fn no_migration(v: u32, _: serde_json::Value) -> std::result::Result<serde_json::Value, String> {
    Err(format!("drafts have no version {v}"))
}

/// Read one draft file; a bad one is quarantined and reported in `notices`.
fn read_draft(path: &std::path::Path, notices: &mut Vec<String>) -> Result<Option<Draft>> {
    read_versioned(path, no_migration, notices)
}

/// The draft with this id, if it is still there.
pub fn load_draft(store: &Store, id: &str) -> Result<(Option<Draft>, Vec<String>)> {
    let mut notices = Vec::new();
    let d = read_draft(&draft_path(store, id)?, &mut notices)?;
    Ok((d, notices))
}

/// Remove a draft (the note was saved or discarded). Removing a missing draft is fine.
pub fn clear_draft(store: &Store, id: &str) -> Result<()> {
    let path = draft_path(store, id)?;
    let _ = fs::remove_file(lock_path(store, id)?);
    match fs::remove_file(&path) {
        Err(e) if e.kind() != ErrorKind::NotFound => Err(StoreError::io(&path, e)),
        _ => Ok(()),
    }
}

/// Drafts left by earlier sessions (oldest first), plus messages about quarantined ones.
/// Drafts another running Lectern is still editing are left out.
pub fn pending_drafts(store: &Store) -> Result<(Vec<Draft>, Vec<String>)> {
    let mut notices = Vec::new();
    let mut drafts = Vec::new();
    for path in data_files(&drafts_dir(store.root()))? {
        if let Some(d) = read_draft(&path, &mut notices)?
            && !is_live(store, &d.id)
        {
            drafts.push(d);
        }
    }
    drafts.sort_by(|a, b| (a.saved, &a.id).cmp(&(b.saved, &b.id)));
    Ok((drafts, notices))
}
