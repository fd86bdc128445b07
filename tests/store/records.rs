//! Round-trips, identity (moved and edited files), and merging between two handles.

use std::fs;

use lectern::doc::Anchor;
use lectern::store::{Placement, Store};

use crate::common::{GUIDE, at, doc, file_doc, tempdir};

#[test]
fn notes_bookmarks_and_position_round_trip_through_a_fresh_store() {
    let dir = tempdir();
    let d = doc(GUIDE);
    let store = Store::open(dir.path()).expect("open store");
    let mut h = store.open_doc(&d).expect("open doc");
    let n1 = h.add_note(&d, at(&d, 3, "refuses"), "Which runtime?").expect("note");
    let n2 = h.add_note(&d, at(&d, 8, "try a smaller"), "Line one\nline \"two\" — ünïcode").expect("note");
    let bm = h.add_bookmark(&d, Anchor::new(7, 0), "Trouble").expect("bookmark");
    h.set_position(&d, at(&d, 5, "lectern.toml")).expect("position");

    let again = Store::open(dir.path()).expect("reopen").open_doc(&d).expect("open doc");
    assert_eq!(again.record(), h.record());
    let r = again.record();
    assert_eq!(r.notes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), [n1.id.as_str(), n2.id.as_str()]);
    assert_eq!(r.note(&n2.id).map(|n| n.text.as_str()), Some("Line one\nline \"two\" — ünïcode"));
    assert_eq!(r.bookmark(&bm.id).map(|b| b.name.as_str()), Some("Trouble"));
    assert_eq!(again.position(&d), Some(Placement::Exact(at(&d, 5, "lectern.toml"))));
    assert_eq!(n1.anchor.section_path, ["Guide", "Installation"]);
    assert_eq!(n1.anchor.section_id, "guide/installation");

    let json = fs::read_to_string(h.path()).expect("read data file");
    assert!(json.contains("\n  \"version\": 1,"), "pretty, versioned: {json}");
    // Parsing and writing again gives the same bytes: the order is stable.
    let parsed: lectern::store::DocRecord = serde_json::from_str(&json).expect("parse");
    assert_eq!(parsed.to_json(), json);
}

#[test]
fn edit_and_delete_follow_the_merge_rule_across_handles() {
    let dir = tempdir();
    let d = doc(GUIDE);
    let store = Store::open(dir.path()).expect("open store");
    let mut a = store.open_doc(&d).expect("a");
    let note = a.add_note(&d, at(&d, 2, "Download"), "first").expect("note");
    let mut b = store.open_doc(&d).expect("b");
    // a deletes; b (which still shows the note) edits afterwards: the later edit resurrects it.
    assert!(a.delete(&note.id).expect("delete"));
    assert!(a.record().notes.is_empty());
    b.edit_note(&note.id, "edited after the delete").expect("edit");
    assert_eq!(b.record().note(&note.id).map(|n| n.text.as_str()), Some("edited after the delete"));
    a.reload().expect("reload");
    assert_eq!(a.record().notes.len(), 1);
    // Now b deletes again, and a's additions in between are not lost.
    let other = a.add_note(&d, at(&d, 5, "Settings"), "second").expect("note");
    assert!(b.delete(&note.id).expect("delete"));
    assert_eq!(b.record().notes.iter().map(|n| &n.id).collect::<Vec<_>>(), [&other.id]);
    assert!(b.record().deleted.contains_key(&note.id), "tombstone kept");
    assert!(!b.delete("no-such-id").expect("delete unknown"));
    assert_eq!(b.edit_note("no-such-id", "x").expect("edit unknown"), None);
}

#[test]
fn a_moved_file_keeps_its_notes_and_an_edited_file_gathers_them() {
    let dir = tempdir();
    let files = tempdir();
    let store = Store::open(dir.path()).expect("open store");
    let old_path = files.path().join("guide.md");
    fs::write(&old_path, "x").expect("create file");
    let d = file_doc(old_path.clone(), GUIDE);
    let mut h = store.open_doc(&d).expect("open");
    let note = h.add_note(&d, at(&d, 5, "read once"), "moved?").expect("note");

    // Renamed: same text, new path -> found by fingerprint, last_path updated.
    let new_path = files.path().join("renamed.md");
    fs::rename(&old_path, &new_path).expect("rename");
    let moved = file_doc(new_path.clone(), GUIDE);
    let h = store.open_doc(&moved).expect("open moved");
    assert_eq!(h.record().notes.len(), 1);
    let key = fs::canonicalize(&new_path).expect("canon").to_string_lossy().into_owned();
    assert_eq!(h.record().last_path.as_deref(), Some(key.as_str()));
    let old_file = h.path().to_path_buf();

    // Edited at the same path: new fingerprint, the record is gathered and re-anchored.
    let mut edited_lines = GUIDE.to_vec();
    edited_lines.insert(2, "A new introductory paragraph.");
    let edited = file_doc(new_path, &edited_lines);
    let h = store.open_doc(&edited).expect("open edited");
    assert_ne!(h.path(), old_file.as_path());
    assert!(!old_file.exists(), "the old record was merged and removed");
    assert_eq!(h.record().note(&note.id).map(|n| n.text.as_str()), Some("moved?"));
    let placed = h.placed_notes(&edited);
    assert_eq!(placed[0].1, Placement::Exact(at(&edited, 6, "read once")));
}

#[test]
fn opening_a_document_without_data_writes_nothing() {
    let dir = tempdir();
    let store = Store::open(dir.path()).expect("open store");
    let h = store.open_doc(&doc(GUIDE)).expect("open");
    assert!(h.record().is_empty());
    assert!(!h.path().exists());
    assert_eq!(fs::read_dir(dir.path().join("docs")).expect("ls").count(), 0, "not even a lock file");
}
