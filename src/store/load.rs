//! Reading data files: decode, migrate or quarantine. Callers hold the file's lock.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::atomic::write_atomic;
use super::migrate::migrate_doc;
use super::paths::is_data_file;
use super::quarantine::{Reason, quarantine};
use super::schema::{Decoded, DocRecord, decode};
use super::{Result, StoreError};

/// Read the record at `path`: `None` if there is no file (or it was just quarantined, with a
/// message pushed onto `notices`).
pub fn read_record(path: &Path, notices: &mut Vec<String>) -> Result<Option<DocRecord>> {
    read_versioned(path, migrate_doc, notices)
}

/// Read and decode any versioned data file. A file from an older schema is migrated (its
/// original bytes kept beside it); one that is corrupt or from a newer schema is moved aside
/// and reported in `notices`, never overwritten.
pub fn read_versioned<T: serde::de::DeserializeOwned>(
    path: &Path,
    migrate: impl Fn(u32, serde_json::Value) -> std::result::Result<serde_json::Value, String>,
    notices: &mut Vec<String>,
) -> Result<Option<T>> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io(path, e)),
    };
    match decode::<T>(&bytes, migrate) {
        Decoded::Ok { value, migrated_from } => {
            if let Some(v) = migrated_from {
                keep_original(path, v, &bytes)?;
            }
            Ok(Some(value))
        }
        Decoded::Corrupt(why) => {
            notices.push(quarantine(path, Reason::Corrupt, &why)?);
            Ok(None)
        }
        Decoded::Newer(v) => {
            notices.push(quarantine(path, Reason::Newer(v), "newer schema")?);
            Ok(None)
        }
    }
}

/// Before a migrated file is first rewritten, keep its original bytes as `<name>.v<N>.bak`.
fn keep_original(path: &Path, version: u32, bytes: &[u8]) -> Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let bak = path.with_file_name(format!("{name}.v{version}.bak"));
    if !bak.exists() {
        write_atomic(&bak, bytes).map_err(|e| StoreError::io(&bak, e))?;
    }
    Ok(())
}

/// The data files (`*.json`) in `dir`, sorted; an absent directory has none.
pub fn data_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io(dir, e)),
    };
    let mut out: Vec<PathBuf> =
        entries.flatten().filter(|e| is_data_file(&e.file_name().to_string_lossy())).map(|e| e.path()).collect();
    out.sort();
    Ok(out)
}
