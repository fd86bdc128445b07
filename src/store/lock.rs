//! Exclusive advisory locks between Lectern processes of the same user (two SSH sessions),
//! held on a `<data file>.lock` file for the span of one read-merge-write.

use std::fs::{File, OpenOptions};
use std::path::Path;

use super::{Result, StoreError};

/// Held while one process reads, merges and writes a data file. Released on drop (also when the
/// process dies: the kernel drops `flock` locks with the descriptor).
#[derive(Debug)]
pub struct FileLock {
    file: File,
}

impl FileLock {
    /// Block until this process holds the exclusive lock on `lock_path` (created if missing).
    pub fn exclusive(lock_path: &Path) -> Result<FileLock> {
        let file = open_lock_file(lock_path)?;
        fs4::FileExt::lock(&file).map_err(|e| StoreError::io(lock_path, e))?;
        Ok(FileLock { file })
    }

    /// The exclusive lock on `lock_path` if no other process holds it; None when one does.
    pub fn try_exclusive(lock_path: &Path) -> Result<Option<FileLock>> {
        let file = open_lock_file(lock_path)?;
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => Ok(Some(FileLock { file })),
            Err(fs4::TryLockError::WouldBlock) => Ok(None),
            Err(fs4::TryLockError::Error(e)) => Err(StoreError::io(lock_path, e)),
        }
    }
}

/// The lock file, created (with its directory) if missing; its contents are never used.
fn open_lock_file(lock_path: &Path) -> Result<File> {
    if let Some(dir) = lock_path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
    }
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(lock_path)
        .map_err(|e| StoreError::io(lock_path, e))
}

impl Drop for FileLock {
    fn drop(&mut self) {
        let _ = fs4::FileExt::unlock(&self.file);
    }
}
