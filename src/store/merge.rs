//! Merging document records by record id, so two processes never lose each other's writes.
//! The rule (also in the `store` module docs): per id the version with the later `updated` time
//! wins; a tombstone hides a record unless the record was updated strictly after the delete
//! (an edit after a delete resurrects it; a tie goes to the delete). Tombstones are kept.

use std::cmp::Ordering;

use super::schema::{Bookmark, DocRecord, Note, Position};

/// A record that can be merged by id.
trait Keyed: serde::Serialize + Clone {
    fn id(&self) -> &str;
    fn updated(&self) -> u64;
}

impl Keyed for Note {
    fn id(&self) -> &str {
        &self.id
    }
    fn updated(&self) -> u64 {
        self.updated.max(self.created)
    }
}

impl Keyed for Bookmark {
    fn id(&self) -> &str {
        &self.id
    }
    fn updated(&self) -> u64 {
        self.updated.max(self.created)
    }
}

/// Total order on two versions of one record, so merging is the same whichever side comes first:
/// later `updated` first, then the serialised content as a deterministic tie-break.
fn newer<T: Keyed>(a: &T, b: &T) -> Ordering {
    a.updated().cmp(&b.updated()).then_with(|| {
        let sa = serde_json::to_string(a).unwrap_or_default();
        let sb = serde_json::to_string(b).unwrap_or_default();
        sa.cmp(&sb)
    })
}

fn upsert<T: Keyed>(list: &mut Vec<T>, item: T) {
    match list.iter_mut().find(|x| x.id() == item.id()) {
        Some(existing) => {
            if newer(&item, existing) == Ordering::Greater {
                *existing = item;
            }
        }
        None => list.push(item),
    }
}

/// Insert or update a note (the later version wins), then apply tombstones.
pub fn upsert_note(rec: &mut DocRecord, note: Note) {
    upsert(&mut rec.notes, note);
    settle(rec);
}

pub fn upsert_bookmark(rec: &mut DocRecord, bookmark: Bookmark) {
    upsert(&mut rec.bookmarks, bookmark);
    settle(rec);
}

/// Record a delete of note or bookmark `id` at time `at`.
pub fn delete(rec: &mut DocRecord, id: &str, at: u64) {
    let t = rec.deleted.entry(id.to_string()).or_insert(at);
    *t = (*t).max(at);
    settle(rec);
}

/// Keep the later of the stored and the given position.
pub fn set_position(rec: &mut DocRecord, pos: Position) {
    let replace = match &rec.position {
        None => true,
        Some(old) => (pos.updated, &pos.anchor.quote) > (old.updated, &old.anchor.quote),
    };
    if replace {
        rec.position = Some(pos);
    }
}

/// Merge `other` into `base`. Title and path stay `base`'s unless `base` has none.
pub fn merge(base: &mut DocRecord, other: &DocRecord) {
    for (id, &at) in &other.deleted {
        let t = base.deleted.entry(id.clone()).or_insert(at);
        *t = (*t).max(at);
    }
    for n in &other.notes {
        upsert(&mut base.notes, n.clone());
    }
    for b in &other.bookmarks {
        upsert(&mut base.bookmarks, b.clone());
    }
    if let Some(p) = &other.position {
        set_position(base, p.clone());
    }
    if base.title.is_empty() {
        base.title = other.title.clone();
    }
    if base.last_path.is_none() {
        base.last_path = other.last_path.clone();
    }
    settle(base);
}

/// Drop records hidden by a tombstone and restore id order.
fn settle(rec: &mut DocRecord) {
    let deleted = &rec.deleted;
    let alive = |id: &str, updated: u64| deleted.get(id).is_none_or(|&d| updated > d);
    rec.notes.retain(|n| alive(&n.id, n.updated()));
    rec.bookmarks.retain(|b| alive(&b.id, b.updated()));
    rec.notes.sort_by(|a, b| a.id.cmp(&b.id));
    rec.bookmarks.sort_by(|a, b| a.id.cmp(&b.id));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::schema::StoredAnchor;

    fn note(id: &str, updated: u64, text: &str) -> Note {
        Note { id: id.into(), created: 1, updated, text: text.into(), anchor: StoredAnchor::default() }
    }

    fn rec(notes: Vec<Note>) -> DocRecord {
        let mut r = DocRecord::new("f", "t", None);
        r.notes = notes;
        r
    }

    #[test]
    fn union_by_id_and_later_edit_wins_either_order() {
        let a = rec(vec![note("1", 5, "a-old"), note("2", 5, "only a")]);
        let b = rec(vec![note("1", 9, "b-new"), note("3", 5, "only b")]);
        let mut ab = a.clone();
        merge(&mut ab, &b);
        let mut ba = b.clone();
        merge(&mut ba, &a);
        assert_eq!(ab.notes, ba.notes);
        let texts: Vec<&str> = ab.notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["b-new", "only a", "only b"]);
    }

    #[test]
    fn delete_beats_older_edit_but_later_edit_resurrects() {
        let mut r = rec(vec![note("1", 5, "x")]);
        delete(&mut r, "1", 7);
        assert!(r.notes.is_empty());
        upsert_note(&mut r, note("1", 6, "stale edit"));
        assert!(r.notes.is_empty(), "an edit older than the delete stays deleted");
        upsert_note(&mut r, note("1", 7, "tie"));
        assert!(r.notes.is_empty(), "a tie goes to the delete");
        upsert_note(&mut r, note("1", 8, "edited after delete"));
        assert_eq!(r.notes.len(), 1, "an edit after the delete resurrects");
        assert_eq!(r.deleted.get("1"), Some(&7));
    }
}
