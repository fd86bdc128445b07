//! The on-disk shape of a document's user data (schema version 1) and the decoding step that
//! sorts a file's bytes into "a record", "corrupt" or "written by a newer Lectern".

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The schema version this build writes. Files with a higher version are quarantined, lower
/// ones are migrated on read (see `migrate.rs`).
pub const CURRENT_VERSION: u32 = 1;

/// A position in a document that can be found again after the file changes: where it was
/// (section, block, byte) plus the text at and around it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StoredAnchor {
    /// `Section::id` of the innermost section containing the anchor ("" before the first heading).
    #[serde(default)]
    pub section_id: String,
    /// Section titles from the root down, for exports and for showing orphans.
    #[serde(default)]
    pub section_path: Vec<String>,
    pub block: usize,
    pub byte: usize,
    /// The text starting at the anchor (up to ~64 bytes, within the block).
    pub quote: String,
    /// Up to ~32 bytes of the block's text just before the anchor.
    #[serde(default)]
    pub before: String,
    /// Up to ~32 bytes of the block's text just after the quote.
    #[serde(default)]
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    pub id: String,
    /// Milliseconds since the Unix epoch.
    pub created: u64,
    /// Last change (rename); merge picks the later one.
    #[serde(default)]
    pub updated: u64,
    pub name: String,
    pub anchor: StoredAnchor,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: String,
    pub created: u64,
    pub updated: u64,
    pub text: String,
    pub anchor: StoredAnchor,
}

/// The last-read position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub anchor: StoredAnchor,
    pub updated: u64,
}

/// Everything stored for one document: `docs/<fingerprint>.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRecord {
    pub version: u32,
    pub fingerprint: String,
    /// Where the document was last opened from: an absolute file path, `bundled:<name>`, or
    /// none for stdin. Used to find the record again after the file is edited.
    #[serde(default)]
    pub last_path: Option<String>,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub position: Option<Position>,
    /// Sorted by id (creation order).
    #[serde(default)]
    pub bookmarks: Vec<Bookmark>,
    /// Sorted by id (creation order).
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Tombstones: record id → deletion time (ms). Kept so a delete survives merging with a
    /// process that still holds the record; see the module documentation for the rule.
    #[serde(default)]
    pub deleted: BTreeMap<String, u64>,
}

impl DocRecord {
    pub fn new(fingerprint: &str, title: &str, last_path: Option<String>) -> DocRecord {
        DocRecord {
            version: CURRENT_VERSION,
            fingerprint: fingerprint.to_string(),
            last_path,
            title: title.to_string(),
            position: None,
            bookmarks: Vec::new(),
            notes: Vec::new(),
            deleted: BTreeMap::new(),
        }
    }

    pub fn note(&self, id: &str) -> Option<&Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    pub fn bookmark(&self, id: &str) -> Option<&Bookmark> {
        self.bookmarks.iter().find(|b| b.id == id)
    }

    /// True when nothing user-written is in the record (no notes, bookmarks, position, tombstones).
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.bookmarks.is_empty() && self.position.is_none() && self.deleted.is_empty()
    }

    /// The pretty-printed JSON written to disk (stable field and record order).
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// What a data file's bytes turned out to be.
#[derive(Debug)]
pub enum Decoded<T> {
    /// Parsed; `migrated_from` is the older version it was upgraded from, if any.
    Ok { value: T, migrated_from: Option<u32> },
    /// Not JSON, or JSON of the wrong shape; the string says why.
    Corrupt(String),
    /// Written by a newer Lectern with this schema version.
    Newer(u32),
}

/// Decode versioned JSON: check `version` (absent means 0), migrate older values with
/// `migrate(from_version, value)`, then deserialize.
pub fn decode<T: DeserializeOwned>(
    bytes: &[u8],
    migrate: impl Fn(u32, serde_json::Value) -> Result<serde_json::Value, String>,
) -> Decoded<T> {
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => return Decoded::Corrupt(format!("not valid JSON: {e}")),
    };
    if !value.is_object() {
        return Decoded::Corrupt("not a JSON object".into());
    }
    let version = match value.get("version") {
        None => 0,
        Some(v) => match v.as_u64().and_then(|v| u32::try_from(v).ok()) {
            Some(v) => v,
            None => return Decoded::Corrupt(format!("\"version\" is not a small number: {v}")),
        },
    };
    if version > CURRENT_VERSION {
        return Decoded::Newer(version);
    }
    let (value, migrated_from) = if version < CURRENT_VERSION {
        match migrate(version, value) {
            Ok(v) => (v, Some(version)),
            Err(e) => {
                return Decoded::Corrupt(format!("cannot migrate from version {version}: {e}"));
            }
        }
    } else {
        (value, None)
    };
    match serde_json::from_value(value) {
        Ok(value) => Decoded::Ok { value, migrated_from },
        Err(e) => Decoded::Corrupt(format!("unexpected content: {e}")),
    }
}
