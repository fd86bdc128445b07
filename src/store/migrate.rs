//! Upgrades of older data files to the current schema, one version step at a time.
//!
//! Version 0 (files without a `version` field, written by early builds) stored a note's text in
//! a field called `note`, had no `updated` time on notes or bookmarks, and kept only
//! `{section_id, block, byte, quote}` in anchors (no `section_path`, `before`, `after`).

use serde_json::{Map, Value};

use super::schema::CURRENT_VERSION;

/// Migrate a document record from `from` up to [`CURRENT_VERSION`].
pub fn migrate_doc(from: u32, mut value: Value) -> Result<Value, String> {
    let mut version = from;
    while version < CURRENT_VERSION {
        value = match version {
            0 => doc_v0_to_v1(value)?,
            v => return Err(format!("no migration from version {v}")),
        };
        version += 1;
    }
    Ok(value)
}

fn doc_v0_to_v1(mut value: Value) -> Result<Value, String> {
    let obj = value.as_object_mut().ok_or("not an object")?;
    if let Some(Value::Array(notes)) = obj.get_mut("notes") {
        for note in notes.iter_mut() {
            let n = note.as_object_mut().ok_or("a note is not an object")?;
            if !n.contains_key("text") {
                let text = n.remove("note").unwrap_or(Value::String(String::new()));
                n.insert("text".into(), text);
            }
            default_updated(n);
            fill_anchor(n);
        }
    }
    if let Some(Value::Array(bookmarks)) = obj.get_mut("bookmarks") {
        for b in bookmarks.iter_mut() {
            let b = b.as_object_mut().ok_or("a bookmark is not an object")?;
            default_updated(b);
            fill_anchor(b);
        }
    }
    if let Some(Value::Object(pos)) = obj.get_mut("position") {
        fill_anchor(pos);
    }
    obj.insert("version".into(), Value::from(1u32));
    Ok(value)
}

fn default_updated(rec: &mut Map<String, Value>) {
    if !rec.contains_key("updated") {
        let created = rec.get("created").cloned().unwrap_or(Value::from(0u64));
        rec.insert("updated".into(), created);
    }
}

/// v0 anchors lack context; empty context is valid (re-anchoring just has less to go on).
fn fill_anchor(rec: &mut Map<String, Value>) {
    if let Some(Value::Object(a)) = rec.get_mut("anchor") {
        for key in ["before", "after", "section_id"] {
            a.entry(key).or_insert(Value::String(String::new()));
        }
        a.entry("section_path").or_insert(Value::Array(Vec::new()));
    }
}
