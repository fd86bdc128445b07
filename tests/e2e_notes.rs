//! End-to-end through the real binary: a note being typed survives SIGHUP as a draft that the
//! next start offers; the reading position survives a restart; two `lectern notes import`
//! processes at once lose nothing.

mod support;

use std::path::Path;
use std::process::Command;

use support::pty::{Pty, binary};

const DOC: &str = "tests/fixtures/rfc3533.txt";

fn lectern(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(binary()).args(args).env("LECTERN_DATA_DIR", data).output().expect("run lectern")
}

#[test]
fn sighup_while_typing_keeps_a_draft_that_the_next_start_restores() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let mut p = Pty::spawn(&[DOC], &[("LECTERN_DATA_DIR", dir)], 100, 30);
    p.wait_text("Ogg");
    p.type_slowly(&["]", "a"]);
    p.wait_text("New note");
    p.type_slowly(&["r", "e", "m", "e", "m", "b", "e", "r", " ", "t", "h", "i", "s"]);
    p.wait_text("remember this");
    // Well before the autosave: only the signal path can save it.
    p.signal("HUP");
    p.wait_exit(10);
    p.assert_restored();
    // The draft, and the lock its editor held (free now that the process is gone).
    let drafts: Vec<String> = std::fs::read_dir(data.path().join("drafts"))
        .unwrap()
        .filter_map(|e| Some(e.ok()?.path()).filter(|p| p.extension().is_some_and(|x| x == "json")))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    assert_eq!(drafts.len(), 1, "one draft file: {drafts:?}");
    assert!(drafts[0].contains("remember this"));

    let mut p = Pty::spawn(&[DOC], &[("LECTERN_DATA_DIR", dir)], 100, 30);
    p.wait_text("Unsaved note from an earlier session");
    p.send("y");
    p.wait_text("Draft restored");
    assert!(p.contents().contains("remember this"));
    p.send("\x13"); // Ctrl-s
    p.wait_text("Note saved");
    p.send("q");
    assert_eq!(p.wait_exit(10), 0);
    let out = lectern(data.path(), &["notes", "export"]);
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("remember this"), "{md}");
    assert!(std::fs::read_dir(data.path().join("drafts")).unwrap().next().is_none(), "the draft is gone once saved");
}

/// Two SSH sessions: a note still being typed in the first is not offered to the second as
/// "unsaved from an earlier session".
#[test]
fn a_draft_open_in_another_running_lectern_is_not_offered() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let mut first = Pty::spawn(&[DOC], &[("LECTERN_DATA_DIR", dir)], 100, 30);
    first.wait_text("Ogg");
    first.type_slowly(&["]", "a", "s", "t", "i", "l", "l"]);
    first.wait_text("still");
    let draft_saved = || {
        std::fs::read_dir(data.path().join("drafts"))
            .map(|d| d.flatten().any(|e| e.path().extension().is_some_and(|x| x == "json")))
            .unwrap_or(false)
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !draft_saved() {
        assert!(std::time::Instant::now() < deadline, "the autosave never wrote the draft");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let second = Pty::spawn(&[DOC], &[("LECTERN_DATA_DIR", dir)], 100, 30);
    second.wait_text("Ogg");
    second.settle(500);
    assert!(!second.contents().contains("Unsaved note"), "{}", second.contents());
    first.signal("KILL");
    first.wait_exit(10);
    let third = Pty::spawn(&[DOC], &[("LECTERN_DATA_DIR", dir)], 100, 30);
    third.wait_text("Unsaved note from an earlier session");
}

#[test]
fn a_restart_resumes_at_the_same_place() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let mut p = Pty::spawn(&[DOC], &[("LECTERN_DATA_DIR", dir)], 80, 24);
    p.wait_text("Ogg");
    p.type_slowly(&["5", "0", "%"]);
    p.wait_for("moved", 10, |s| !s.lines().last().unwrap_or("").trim_end().ends_with(" 4%"));
    p.settle(200);
    let status = p.row(23);
    let percent = status.split_whitespace().last().unwrap().to_string();
    p.send("q");
    assert_eq!(p.wait_exit(10), 0);
    let p = Pty::spawn(&[DOC], &[("LECTERN_DATA_DIR", dir)], 80, 24);
    p.wait_for("the same percent", 10, |s| s.lines().nth(23).unwrap_or("").trim_end().ends_with(&percent));
}

fn export_file(path: &Path, who: &str, n: usize) {
    let notes: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "id": format!("{:012x}-{who}-{i:x}", 1_700_000_000_000u64 + i as u64),
                "created": 1_700_000_000_000u64 + i as u64,
                "updated": 1_700_000_000_000u64 + i as u64,
                "text": format!("note {i} from {who}"),
                "anchor": { "block": i, "byte": 0, "quote": format!("passage {i} of {who}") }
            })
        })
        .collect();
    let file = serde_json::json!({
        "version": 1,
        "exported": 1_700_000_000_000u64,
        "documents": [{ "version": 1, "fingerprint": "00000000cafef00d", "title": "Shared", "notes": notes }]
    });
    std::fs::write(path, serde_json::to_string_pretty(&file).unwrap()).unwrap();
}

#[test]
fn two_imports_at_once_keep_all_two_hundred_notes() {
    let data = tempfile::tempdir().unwrap();
    let a = data.path().join("a.json");
    let b = data.path().join("b.json");
    export_file(&a, "a", 100);
    export_file(&b, "b", 100);
    let store = data.path().join("store");
    let spawn =
        |f: &Path| Command::new(binary()).args(["notes", "import"]).arg(f).env("LECTERN_DATA_DIR", &store).output();
    let (ra, rb) = std::thread::scope(|s| {
        let ha = s.spawn(|| spawn(&a));
        let hb = s.spawn(|| spawn(&b));
        (ha.join().unwrap().unwrap(), hb.join().unwrap().unwrap())
    });
    assert!(ra.status.success() && rb.status.success(), "{ra:?} {rb:?}");
    assert!(String::from_utf8_lossy(&ra.stdout).contains("Imported 100"), "{ra:?}");
    let out = lectern(&store, &["notes", "export", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("export is JSON");
    let notes = v["documents"][0]["notes"].as_array().unwrap();
    println!("concurrent imports: {} notes present", notes.len());
    assert_eq!(notes.len(), 200);
    // Importing again adds nothing.
    let again = lectern(&store, &["notes", "import", a.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("Imported 0 records; skipped 100"), "{again:?}");
    let list = lectern(&store, &["bookmarks", "list"]);
    assert!(list.status.success());
}
