//! Markdown and JSON export, import without duplicates, and the bookmark list.

use lectern::doc::Anchor;
use lectern::store::Store;
use lectern::store::export::{bookmarks_list, export_json, export_markdown};
use lectern::store::import::import;

use crate::common::{GUIDE, at, doc, tempdir};

/// A store with three notes (one with "-->" in it) and a bookmark on the guide, and one note on
/// another document.
fn filled(root: &std::path::Path) -> Store {
    let store = Store::open(root).expect("store");
    let d = doc(GUIDE);
    let mut h = store.open_doc(&d).expect("doc");
    h.add_note(&d, at(&d, 3, "refuses"), "Which runtime counts as compatible?").expect("note");
    h.add_note(&d, at(&d, 8, "try a smaller"), "Tried it -- works.\nSecond line --> still text.").expect("note");
    h.add_note(&d, Anchor::new(2, 0), "Unpack first.").expect("note");
    h.add_bookmark(&d, Anchor::new(7, 0), "Trouble").expect("bookmark");
    let mut other_lines = vec!["# Other"];
    other_lines.push("A different document about something else entirely.");
    let o = crate::common::doc_at(lectern::doc::Origin::Bundled("other.md".into()), &other_lines);
    let mut ho = store.open_doc(&o).expect("doc");
    ho.add_note(&o, Anchor::new(1, 2), "On the other one.").expect("note");
    store
}

#[test]
fn markdown_export_reads_well_and_imports_back_without_duplicates() {
    let src = tempdir();
    let store = filled(src.path());
    let md = export_markdown(&store, None).expect("export");
    println!("{md}");
    assert!(md.starts_with("# Lectern notes\n"));
    assert!(md.contains("\n## Guide\n"));
    assert!(md.contains("\n### Guide › Installation\n"));
    assert!(md.contains("\n> refuses to continue"));
    assert!(md.contains("Tried it -- works.\nSecond line --> still text.\n"));
    assert!(md.contains("- **Trouble** — Guide › Troubleshooting — “Troubleshooting”"));
    // Reading order: Installation notes before Troubleshooting ones.
    assert!(md.find("Unpack first.") < md.find("Which runtime") && md.find("Which runtime") < md.find("Tried it"));
    for line in md.lines().filter(|l| l.starts_with("<!--")) {
        assert_eq!(line.matches("-->").count(), 1, "comment ends only at its end: {line}");
    }

    let dst = tempdir();
    let fresh = Store::open(dst.path()).expect("store");
    let report = import(&fresh, &md).expect("import");
    assert_eq!((report.added, report.skipped_duplicates), (5, 0));
    let (a, _) = store.records().expect("records");
    let (b, _) = fresh.records().expect("records");
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!((&x.notes, &x.bookmarks, &x.title), (&y.notes, &y.bookmarks, &y.title));
    }
    let again = import(&fresh, &md).expect("import again");
    assert_eq!((again.added, again.skipped_duplicates), (0, 5));
}

#[test]
fn json_export_imports_and_duplicates_are_found_by_quote_and_text() {
    let src = tempdir();
    let store = filled(src.path());
    let json = export_json(&store, None).expect("export");
    let dst = tempdir();
    let fresh = Store::open(dst.path()).expect("store");
    assert_eq!(import(&fresh, &json).expect("import").added, 5);
    // Same notes under new ids are still duplicates (same quote and text).
    let renamed = json.replace("\"id\": \"0", "\"id\": \"f");
    assert_ne!(renamed, json);
    let r = import(&fresh, &renamed).expect("import renamed");
    assert_eq!((r.added, r.skipped_duplicates), (0, 5));
    // Importing into the store it came from adds nothing.
    assert_eq!(import(&store, &json).expect("import").added, 0);

    let one = export_json(&store, Some(&lectern::store::fingerprint::fingerprint(&doc(GUIDE)))).expect("export one");
    let v: serde_json::Value = serde_json::from_str(&one).expect("json");
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(1));
    assert!(import(&fresh, "# not an export\n").is_err());
    assert!(import(&fresh, "{ broken").is_err());
}

#[test]
fn deleted_notes_are_not_resurrected_by_importing_an_old_export() {
    let src = tempdir();
    let store = filled(src.path());
    let json = export_json(&store, None).expect("export");
    let d = doc(GUIDE);
    let mut h = store.open_doc(&d).expect("doc");
    let id = h.record().notes[0].id.clone();
    h.delete(&id).expect("delete");
    let r = import(&store, &json).expect("import");
    assert_eq!((r.added, r.skipped_deleted), (0, 1));
    assert!(store.open_doc(&d).expect("doc").record().note(&id).is_none());
}

#[test]
fn bookmark_list_names_document_section_and_quote() {
    let src = tempdir();
    let store = filled(src.path());
    let list = bookmarks_list(&store, None).expect("list");
    assert_eq!(list, "Guide — Trouble — Guide › Troubleshooting — “Troubleshooting”\n");
}
