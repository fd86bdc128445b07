//! Moving unreadable data files aside instead of overwriting them: `<name>.corrupt-<stamp>` for
//! files that do not parse, `<name>.newer-<stamp>` for files from a newer Lectern. The bytes are
//! kept exactly as they were; the caller gets a message to show the user.

use std::fs;
use std::path::{Path, PathBuf};

use super::atomic::sync_dir;
use super::clock::{file_stamp, now_ms};
use super::{Result, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Not JSON, or not the shape we expect.
    Corrupt,
    /// A schema version newer than this build understands.
    Newer(u32),
}

/// Rename `path` aside and return the message for the UI. Never overwrites an existing file:
/// a second quarantine within the same second gets a numeric suffix.
pub fn quarantine(path: &Path, reason: Reason, detail: &str) -> Result<String> {
    let tag = match reason {
        Reason::Corrupt => "corrupt",
        Reason::Newer(_) => "newer",
    };
    let dest = free_name(path, tag);
    fs::rename(path, &dest).map_err(|e| StoreError::io(path, e))?;
    if let Some(dir) = path.parent() {
        let _ = sync_dir(dir);
    }
    let msg = match reason {
        Reason::Corrupt => format!(
            "Could not read {} ({detail}). It was moved aside to {} unchanged; Lectern starts a fresh file.",
            path.display(),
            dest.display()
        ),
        Reason::Newer(v) => format!(
            "{} was written by a newer Lectern (schema version {v}; this one reads up to {}). \
             It was moved aside to {} unchanged; Lectern starts a fresh file.",
            path.display(),
            super::schema::CURRENT_VERSION,
            dest.display()
        ),
    };
    Ok(msg)
}

fn free_name(path: &Path, tag: &str) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let base = format!("{name}.{tag}-{}", file_stamp(now_ms()));
    let mut candidate = path.with_file_name(&base);
    let mut n = 2;
    while candidate.exists() {
        candidate = path.with_file_name(format!("{base}-{n}"));
        n += 1;
    }
    candidate
}
