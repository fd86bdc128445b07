//! Importing exported notes and bookmarks (JSON or the Markdown export) into the store without
//! duplicates: a record is skipped when its id is already there, or when a record with the same
//! anchor quote and the same text (name, for bookmarks) is. Importing never deletes.

use super::export::{BOOKMARK_TAG, DOC_TAG, NOTE_TAG};
use super::migrate::migrate_doc;
use super::schema::{Bookmark, Decoded, DocRecord, Note, decode};
use super::{Result, Store, StoreError};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: usize,
    pub skipped_duplicates: usize,
    /// Records the store holds a later delete for (the merge rule keeps them deleted).
    pub skipped_deleted: usize,
    /// Messages about data files quarantined on the way.
    pub notices: Vec<String>,
}

/// Import `text`, a JSON export (starts with `{`) or a Markdown export.
pub fn import(store: &Store, text: &str) -> Result<ImportReport> {
    let docs = if text.trim_start().starts_with('{') { parse_json(text)? } else { parse_markdown(text)? };
    let mut report = ImportReport::default();
    for incoming in docs {
        import_doc(store, incoming, &mut report)?;
    }
    Ok(report)
}

fn parse_json(text: &str) -> Result<Vec<DocRecord>> {
    let v: serde_json::Value =
        serde_json::from_str(text).map_err(|e| StoreError::Import(format!("not valid JSON: {e}")))?;
    let list = match v.get("documents") {
        Some(serde_json::Value::Array(a)) => a.clone(),
        _ => vec![v], // a single document record file
    };
    let mut docs = Vec::new();
    for d in list {
        let bytes = serde_json::to_vec(&d).unwrap_or_default();
        match decode::<DocRecord>(&bytes, migrate_doc) {
            Decoded::Ok { value, .. } => docs.push(value),
            Decoded::Corrupt(why) => return Err(StoreError::Import(why)),
            Decoded::Newer(v) => {
                return Err(StoreError::Import(format!("written by a newer Lectern (version {v})")));
            }
        }
    }
    Ok(docs)
}

/// The JSON inside a `<!-- lectern:... {json} -->` line, if `line` is one with `tag`.
fn tagged<'a>(line: &'a str, tag: &str) -> Option<&'a str> {
    line.trim().strip_prefix(tag)?.strip_suffix("-->").map(str::trim)
}

fn parse_markdown(text: &str) -> Result<Vec<DocRecord>> {
    let bad = |what: &str, e: serde_json::Error| StoreError::Import(format!("bad {what} comment: {e}"));
    let mut docs: Vec<DocRecord> = Vec::new();
    for line in text.lines() {
        if let Some(j) = tagged(line, DOC_TAG) {
            let v: serde_json::Value = serde_json::from_str(j).map_err(|e| bad("document", e))?;
            let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
            let fp =
                s("fingerprint").ok_or_else(|| StoreError::Import("document comment without fingerprint".into()))?;
            docs.push(DocRecord::new(&fp, &s("title").unwrap_or_default(), s("last_path")));
        } else if let Some(j) = tagged(line, NOTE_TAG) {
            let n: Note = serde_json::from_str(j).map_err(|e| bad("note", e))?;
            current(&mut docs)?.notes.push(n);
        } else if let Some(j) = tagged(line, BOOKMARK_TAG) {
            let b: Bookmark = serde_json::from_str(j).map_err(|e| bad("bookmark", e))?;
            current(&mut docs)?.bookmarks.push(b);
        }
    }
    if docs.is_empty() {
        return Err(StoreError::Import("no Lectern notes found (expected a Lectern export)".into()));
    }
    Ok(docs)
}

fn current(docs: &mut [DocRecord]) -> Result<&mut DocRecord> {
    docs.last_mut().ok_or_else(|| StoreError::Import("a note comes before any document comment".into()))
}

fn import_doc(store: &Store, incoming: DocRecord, report: &mut ImportReport) -> Result<()> {
    let (existing, notices) = store.record(&incoming.fingerprint)?;
    report.notices.extend(notices);
    let mut have = existing.unwrap_or_else(|| DocRecord::new(&incoming.fingerprint, "", None));
    let mut add = DocRecord::new(&incoming.fingerprint, &incoming.title, incoming.last_path.clone());
    for n in incoming.notes {
        let dup = have.notes.iter().any(|h| h.id == n.id || (h.anchor.quote == n.anchor.quote && h.text == n.text));
        if dup {
            report.skipped_duplicates += 1;
        } else if have.deleted.get(&n.id).is_some_and(|&d| n.updated.max(n.created) <= d) {
            report.skipped_deleted += 1;
        } else {
            have.notes.push(n.clone());
            add.notes.push(n);
            report.added += 1;
        }
    }
    for b in incoming.bookmarks {
        let dup = have.bookmarks.iter().any(|h| h.id == b.id || (h.anchor.quote == b.anchor.quote && h.name == b.name));
        if dup {
            report.skipped_duplicates += 1;
        } else if have.deleted.get(&b.id).is_some_and(|&d| b.updated.max(b.created) <= d) {
            report.skipped_deleted += 1;
        } else {
            have.bookmarks.push(b.clone());
            add.bookmarks.push(b);
            report.added += 1;
        }
    }
    if !add.notes.is_empty() || !add.bookmarks.is_empty() {
        report.notices.extend(store.merge_record(&add)?);
    }
    Ok(())
}
