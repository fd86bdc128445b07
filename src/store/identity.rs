//! Opening a document's record: by fingerprint, and gathering records left under an older
//! fingerprint of the same file (the file was edited) so notes follow their document.

use std::fs;
use std::path::Path;

use crate::doc::{Document, Origin};

use super::fingerprint::fingerprint;
use super::handle::DocHandle;
use super::load::{data_files, read_record};
use super::lock::FileLock;
use super::merge;
use super::paths::{docs_dir, lock_file};
use super::schema::DocRecord;
use super::{Result, Store, StoreError};

/// The `last_path` key for an origin: an absolute file path, `bundled:<name>`, or none (stdin
/// has no identity beyond its text).
pub fn origin_key(origin: &Origin) -> Option<String> {
    match origin {
        Origin::File(p) => {
            let abs = fs::canonicalize(p)
                .or_else(|_| std::env::current_dir().map(|d| d.join(p)))
                .unwrap_or_else(|_| p.clone());
            Some(abs.to_string_lossy().into_owned())
        }
        Origin::Bundled(name) => Some(format!("bundled:{name}")),
        Origin::Stdin => None,
    }
}

impl Store {
    /// Open the user data of `doc`. Never fails on a bad data file: it is quarantined and the
    /// message is waiting in [`DocHandle::take_notices`].
    pub fn open_doc(&self, doc: &Document) -> Result<DocHandle> {
        let fp = fingerprint(doc);
        let key = origin_key(&doc.origin);
        // Read with no title or path of our own, so the stored ones show whether they are stale.
        let mut handle = DocHandle::detached(self.root(), DocRecord::new(&fp, "", None));
        handle.reload()?;
        let on_disk = handle.path().exists();
        let stale = handle.record().title != doc.title || handle.record().last_path != key;
        handle.set_origin(&doc.title, key.clone());
        let mut gathered = false;
        if let Some(key) = &key {
            for other in data_files(&docs_dir(self.root()))? {
                if other != handle.path() && gather(&mut handle, &other, key)? {
                    gathered = true;
                }
            }
        }
        if on_disk && !gathered && stale {
            handle.commit(|_| ())?;
        }
        Ok(handle)
    }
}

/// If `other` holds the record of an earlier version of the file at `key`, merge it into
/// `handle` and remove it. The merge is written before `other` is removed, and `other` is only
/// removed if nobody changed it in between, so a crash or a concurrent writer loses nothing.
/// Only one lock is held at a time, so two processes gathering in opposite directions cannot
/// deadlock.
fn gather(handle: &mut DocHandle, other: &Path, key: &str) -> Result<bool> {
    // A cheap unlocked look first: renames are atomic, so this sees a whole file or none.
    let Ok(bytes) = fs::read(other) else {
        return Ok(false);
    };
    if !mentions_path(&bytes, key) {
        return Ok(false);
    }
    let mut merged_any = false;
    for _attempt in 0..3 {
        let snapshot = {
            let _lock = FileLock::exclusive(&lock_file(other))?;
            let mut notices = Vec::new();
            let r = read_record(other, &mut notices)?;
            merged_notices(handle, notices);
            match r {
                Some(r) if r.last_path.as_deref() == Some(key) => r,
                _ => return Ok(merged_any),
            }
        };
        handle.commit(|disk| merge::merge(disk, &snapshot))?;
        merged_any = true;
        let _lock = FileLock::exclusive(&lock_file(other))?;
        let mut notices = Vec::new();
        let now = read_record(other, &mut notices)?;
        merged_notices(handle, notices);
        if now.as_ref() == Some(&snapshot) {
            fs::remove_file(other).map_err(|e| StoreError::io(other, e))?;
            return Ok(true);
        }
        if now.is_none() {
            return Ok(true);
        }
    }
    Ok(merged_any)
}

fn mentions_path(bytes: &[u8], key: &str) -> bool {
    serde_json::from_slice::<serde_json::Value>(bytes)
        .ok()
        .and_then(|v| v.get("last_path").and_then(|p| p.as_str().map(|s| s == key)))
        .unwrap_or(false)
}

fn merged_notices(handle: &mut DocHandle, notices: Vec<String>) {
    handle.extend_notices(notices);
}
