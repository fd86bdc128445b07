//! File-level safety: migration of old files, quarantine of corrupt and newer ones, atomic
//! replacement seen by a concurrent reader, and drafts.

use std::fs;
use std::path::{Path, PathBuf};

use lectern::doc::Anchor;
use lectern::store::draft::{Draft, clear_draft, hold_draft, load_draft, pending_drafts, save_draft};
use lectern::store::fingerprint::fingerprint;
use lectern::store::{Placement, Store};

use crate::common::{GUIDE, at, doc, tempdir};

fn doc_file(root: &Path, fp: &str) -> PathBuf {
    root.join("docs").join(format!("{fp}.json"))
}

/// Files in `dir` whose names start with `prefix`.
fn siblings(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .expect("ls")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .map(|e| e.path())
        .collect();
    v.sort();
    v
}

#[test]
fn version_0_file_is_migrated_and_its_original_kept() {
    let dir = tempdir();
    let d = doc(GUIDE);
    let fp = fingerprint(&d);
    let v0 = include_str!("../fixtures/store/v0_record.json").replace("PLACEHOLDER", &fp);
    let store = Store::open(dir.path()).expect("open store");
    let path = doc_file(dir.path(), &fp);
    fs::write(&path, &v0).expect("write v0");

    let mut h = store.open_doc(&d).expect("open");
    let r = h.record().clone();
    assert_eq!(r.version, 1);
    assert_eq!(r.notes.len(), 1);
    let n = &r.notes[0];
    assert_eq!(n.text, "An old note, written before notes had context.");
    assert_eq!(n.updated, n.created);
    assert_eq!(n.anchor.before, "");
    assert_eq!(r.bookmarks[0].updated, 1_600_000_000_000);
    assert_eq!(h.placed_notes(&d)[0].1, Placement::Exact(at(&d, 3, "refuses to continue")));
    assert_eq!(fs::read_to_string(path.with_file_name(format!("{fp}.json.v0.bak"))).expect("backup"), v0);

    h.add_note(&d, Anchor::new(2, 0), "new").expect("write");
    let written = fs::read_to_string(&path).expect("read");
    assert!(written.contains("\"version\": 1") && written.contains("\"text\": \"An old note"));
    assert!(!written.contains("\"note\":"));
}

#[test]
fn corrupt_and_newer_files_are_moved_aside_byte_for_byte() {
    let dir = tempdir();
    let d = doc(GUIDE);
    let fp = fingerprint(&d);
    let store = Store::open(dir.path()).expect("open store");
    let path = doc_file(dir.path(), &fp);
    let docs = dir.path().join("docs");
    let name = format!("{fp}.json");

    let garbage: &[u8] = b"{\"version\": 1, \"notes\": [ truncated\xff\x00";
    fs::write(&path, garbage).expect("write corrupt");
    let mut h = store.open_doc(&d).expect("a corrupt file must not stop the reader");
    let notices = h.take_notices();
    println!("corrupt: {notices:?}");
    assert_eq!(notices.len(), 1);
    assert!(notices[0].contains("moved aside"));
    let aside = siblings(&docs, &format!("{name}.corrupt-"));
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read(&aside[0]).expect("read aside"), garbage);
    assert!(!path.exists());
    h.add_note(&d, Anchor::new(2, 0), "fresh").expect("write fresh");
    assert_eq!(store.open_doc(&d).expect("reopen").record().notes.len(), 1);

    let newer = "{\n  \"version\": 7,\n  \"fingerprint\": \"x\",\n  \"future\": true\n}\n";
    fs::write(&path, newer).expect("write newer");
    let mut h = store.open_doc(&d).expect("open");
    let notices = h.take_notices();
    println!("newer: {notices:?}");
    assert!(notices.len() == 1 && notices[0].contains("newer Lectern"));
    let aside = siblings(&docs, &format!("{name}.newer-"));
    assert_eq!(fs::read_to_string(&aside[0]).expect("read aside"), newer);
    assert!(h.record().notes.is_empty());

    // Valid JSON of the wrong shape is corrupt too; so is a bad file met during a write.
    fs::write(&path, "[1, 2, 3]").expect("write");
    h.add_note(&d, Anchor::new(2, 0), "x").expect("write over a quarantined file");
    assert_eq!(h.take_notices().len(), 1);
    assert_eq!(siblings(&docs, &format!("{name}.corrupt-")).len(), 2);
    let (records, notices) = store.records().expect("records");
    assert_eq!((records.len(), notices.len()), (1, 0));
}

#[test]
fn a_reader_sees_the_old_or_the_new_file_never_a_mix() {
    let dir = tempdir();
    let path = dir.path().join("data.json");
    let old = vec![b'a'; 200_000];
    let new = vec![b'b'; 3_000];
    lectern::store::atomic::write_atomic(&path, &old).expect("write");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader = {
        let (path, stop) = (path.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut reads = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let got = fs::read(&path).expect("the file always exists");
                let whole = got == vec![b'a'; 200_000] || got == vec![b'b'; 3_000];
                assert!(whole, "torn read of {} bytes", got.len());
                reads += 1;
            }
            reads
        })
    };
    for i in 0..200 {
        lectern::store::atomic::write_atomic(&path, if i % 2 == 0 { &new } else { &old }).expect("write");
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let reads = reader.join().expect("reader thread");
    println!("atomic: {reads} whole reads during 200 replacements");
    assert_eq!(fs::read_dir(dir.path()).expect("ls").count(), 1, "no temp files left");
}

#[test]
fn drafts_save_load_clear_and_are_offered_at_next_start() {
    let dir = tempdir();
    let d = doc(GUIDE);
    let store = Store::open(dir.path()).expect("open store");
    let anchor = lectern::store::capture::capture(&d, at(&d, 8, "try"));
    let mut draft = Draft::new(&fingerprint(&d), &d.title, None, anchor, "half a thought");
    save_draft(&store, &mut draft).expect("save");
    draft.text.push_str(", finished");
    save_draft(&store, &mut draft).expect("autosave again");
    let (loaded, _) = load_draft(&store, &draft.id).expect("load");
    assert_eq!(loaded.as_ref(), Some(&draft));

    let mut other = Draft::new("00", "Other", Some("n1".into()), Default::default(), "second");
    save_draft(&store, &mut other).expect("save");
    fs::write(dir.path().join("drafts").join("broken.json"), "{").expect("write broken");
    let (pending, notices) = pending_drafts(&Store::open(dir.path()).expect("reopen")).expect("pending");
    assert_eq!(pending.iter().map(|d| d.text.as_str()).collect::<Vec<_>>(), ["half a thought, finished", "second"]);
    assert_eq!(notices.len(), 1, "the broken draft is quarantined and reported");

    clear_draft(&store, &draft.id).expect("clear");
    clear_draft(&store, &draft.id).expect("clearing twice is fine");
    assert_eq!(pending_drafts(&store).expect("pending").0.len(), 1);
    assert!(load_draft(&store, "../../etc/passwd").is_err());
}

/// A draft whose editor is still open in another Lectern (another SSH session) is not offered
/// as left behind; once that process lets go (closes the editor or dies), it is.
#[test]
fn a_draft_still_being_edited_elsewhere_is_not_offered() {
    let dir = tempdir();
    let store = Store::open(dir.path()).expect("open store");
    let mut draft = Draft::new("00", "Guide", None, Default::default(), "typing right now");
    save_draft(&store, &mut draft).expect("save");
    let held = hold_draft(&store, &draft.id).expect("lock").expect("nobody else holds it");
    assert!(pending_drafts(&store).expect("pending").0.is_empty(), "live draft offered");
    assert!(hold_draft(&store, &draft.id).expect("try").is_none(), "a second holder is refused");
    drop(held);
    assert_eq!(pending_drafts(&store).expect("pending").0.len(), 1);
    clear_draft(&store, &draft.id).expect("clear");
    assert!(!dir.path().join("drafts").join(format!("{}.lock", draft.id)).exists(), "lock file removed");
}
