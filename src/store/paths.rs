//! Where user data lives: the data directory (flag, then environment, then the platform
//! default) and the file names inside it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::{Result, StoreError};

/// Environment variable that overrides the data directory (used by tests and odd setups).
pub const DATA_DIR_ENV: &str = "LECTERN_DATA_DIR";

/// The data directory: `--data-dir` wins, then `$LECTERN_DATA_DIR`, then the platform data dir
/// (`$XDG_DATA_HOME/lectern`, by default `~/.local/share/lectern` on Linux).
pub fn data_dir(flag: Option<&Path>) -> Result<PathBuf> {
    let default = directories::ProjectDirs::from("", "", "lectern").map(|d| d.data_dir().to_path_buf());
    resolve_data_dir(flag, std::env::var_os(DATA_DIR_ENV), default)
}

/// The precedence rule of [`data_dir`] without reading the environment, so it can be tested.
pub fn resolve_data_dir(flag: Option<&Path>, env: Option<OsString>, default: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(p) = flag {
        return Ok(p.to_path_buf());
    }
    if let Some(v) = env.filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(v));
    }
    default.ok_or(StoreError::NoDataDir)
}

pub(crate) fn docs_dir(root: &Path) -> PathBuf {
    root.join("docs")
}

pub(crate) fn drafts_dir(root: &Path) -> PathBuf {
    root.join("drafts")
}

/// `docs/<fingerprint>.json`. Fingerprints are hex, so they are always safe file names.
pub(crate) fn doc_file(root: &Path, fingerprint: &str) -> PathBuf {
    docs_dir(root).join(format!("{fingerprint}.json"))
}

/// The lock file beside a data file: `<name>.lock`. It is never renamed or removed, so every
/// process locks the same inode even while the data file itself is replaced by renames.
pub(crate) fn lock_file(data: &Path) -> PathBuf {
    let mut name = data.file_name().map(OsString::from).unwrap_or_default();
    name.push(".lock");
    data.with_file_name(name)
}

/// True for a name that is a data file of ours (not a lock, temp or quarantined file).
pub(crate) fn is_data_file(name: &str) -> bool {
    name.ends_with(".json") && !name.starts_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_env_beats_default() {
        let flag = Path::new("/flag");
        let env = Some(OsString::from("/env"));
        let def = Some(PathBuf::from("/default"));
        assert_eq!(resolve_data_dir(Some(flag), env.clone(), def.clone()).ok(), Some(PathBuf::from("/flag")));
        assert_eq!(resolve_data_dir(None, env, def.clone()).ok(), Some(PathBuf::from("/env")));
        assert_eq!(resolve_data_dir(None, Some(OsString::new()), def).ok(), Some(PathBuf::from("/default")));
        assert!(resolve_data_dir(None, None, None).is_err());
    }

    #[test]
    fn lock_sits_beside_data() {
        assert_eq!(lock_file(Path::new("/d/docs/ab.json")), PathBuf::from("/d/docs/ab.json.lock"));
        assert!(is_data_file("ab.json"));
        assert!(!is_data_file("ab.json.lock"));
        assert!(!is_data_file(".ab.json.tmp-1-2"));
        assert!(!is_data_file("ab.json.corrupt-20240101T000000Z"));
    }
}
