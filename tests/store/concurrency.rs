//! Real processes: this test binary re-executes itself (`--exact concurrency::child_add_notes`)
//! with an environment variable set, so the child runs the store code in a separate process.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use lectern::doc::Anchor;
use lectern::store::Store;

use crate::common::{GUIDE, doc, tempdir};

const CHILD: &str = "LECTERN_STORE_TEST_CHILD";
const COUNT: &str = "LECTERN_STORE_TEST_COUNT";
const GO: &str = "LECTERN_STORE_TEST_GO";

/// The child's body: add `$COUNT` notes, printing `ACK <id>` after each one is saved.
/// Does nothing in a normal test run.
#[test]
fn child_add_notes() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    let count: usize = std::env::var(COUNT).ok().and_then(|c| c.parse().ok()).unwrap_or(0);
    if let Some(go) = std::env::var_os(GO) {
        let start = Instant::now();
        while !Path::new(&go).exists() && start.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    // The data dir comes from $LECTERN_DATA_DIR: this also exercises the environment override.
    let store = Store::open_default(None).expect("child: open store");
    let d = doc(GUIDE);
    let mut h = store.open_doc(&d).expect("child: open doc");
    let pid = std::process::id();
    for i in 0..count {
        let n = h.add_note(&d, Anchor::new(2 + i % 8, 0), &format!("note {i} from {pid}")).expect("child: save");
        println!("ACK {}", n.id);
    }
}

fn spawn(data: &Path, count: usize, go: Option<&Path>) -> Child {
    let exe = std::env::current_exe().expect("test binary path");
    let mut cmd = Command::new(exe);
    cmd.args(["concurrency::child_add_notes", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, "1")
        .env(COUNT, count.to_string())
        .env("LECTERN_DATA_DIR", data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(go) = go {
        cmd.env(GO, go);
    }
    cmd.spawn().expect("spawn child")
}

fn acks(text: &str) -> Vec<String> {
    text.lines().filter_map(|l| l.find("ACK ").map(|i| l[i + 4..].trim().to_string())).collect()
}

#[test]
fn two_processes_adding_100_notes_each_lose_nothing() {
    let dir = tempdir();
    let go = dir.path().join("go");
    let a = spawn(dir.path(), 100, Some(&go));
    let b = spawn(dir.path(), 100, Some(&go));
    std::fs::write(&go, "").expect("start both");
    let mut acked = Vec::new();
    for child in [a, b] {
        let out = child.wait_with_output().expect("wait child");
        assert!(out.status.success(), "child failed: {:?}", out.status);
        acked.extend(acks(&String::from_utf8_lossy(&out.stdout)));
    }
    assert_eq!(acked.len(), 200);
    let h = Store::open(dir.path()).expect("store").open_doc(&doc(GUIDE)).expect("doc");
    let notes = &h.record().notes;
    println!("concurrency: {} notes on disk after two writers", notes.len());
    assert_eq!(notes.len(), 200);
    for id in &acked {
        assert!(h.record().note(id).is_some(), "acknowledged note {id} lost");
    }
}

#[cfg(unix)]
#[test]
fn a_writer_killed_with_sigkill_leaves_every_acknowledged_note() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempdir();
    let mut acked: Vec<String> = Vec::new();
    for kill_after in [37, 111, 64] {
        let mut child = spawn(dir.path(), 1000, None);
        let stdout = child.stdout.take().expect("child stdout");
        let mut lines = BufReader::new(stdout).lines();
        let mut round = 0;
        while round < kill_after {
            let Some(Ok(line)) = lines.next() else { break };
            let got = acks(&line);
            round += got.len();
            acked.extend(got);
        }
        let status = Command::new("kill").args(["-9", &child.id().to_string()]).status().expect("run kill");
        assert!(status.success());
        // Acknowledgements already in the pipe count too: they were printed after a save.
        for line in lines.map_while(|l| l.ok()) {
            acked.extend(acks(&line));
        }
        let exit = child.wait().expect("wait child");
        assert_eq!(exit.signal(), Some(9), "the child must die mid-loop, not finish");
        let docs = dir.path().join("docs");
        let mut temps = 0;
        for e in std::fs::read_dir(&docs).expect("ls docs").flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".json") {
                let bytes = std::fs::read(e.path()).expect("read");
                let rec: lectern::store::DocRecord = serde_json::from_slice(&bytes).expect("every data file parses");
                for id in &acked {
                    assert!(rec.note(id).is_some(), "acknowledged note {id} lost after kill at {kill_after}");
                }
            } else if name.contains(".tmp-") {
                temps += 1;
            }
        }
        println!("sigkill after {kill_after}: {} acknowledged in total, {temps} stale temp files", acked.len());
    }
    // The next write under the lock clears stale temp files.
    let d = doc(GUIDE);
    let mut h = Store::open(dir.path()).expect("store").open_doc(&d).expect("doc");
    h.add_note(&d, Anchor::new(2, 0), "after the crashes").expect("save");
    // A save can complete just before the kill and never be acknowledged: at most one per round.
    let n = h.record().notes.len();
    println!("sigkill: {n} notes on disk for {} acknowledged + 1", acked.len());
    assert!(n > acked.len() && n <= acked.len() + 1 + 3, "{n} notes for {} acknowledged", acked.len());
    for id in &acked {
        assert!(h.record().note(id).is_some());
    }
    let temps = std::fs::read_dir(dir.path().join("docs"))
        .expect("ls")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .count();
    assert_eq!(temps, 0);
}

#[test]
fn two_handles_in_threads_merge_under_the_lock() {
    let dir = tempdir();
    let workers: Vec<_> = (0..2)
        .map(|t| {
            let root = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let d = doc(GUIDE);
                let mut h = Store::open(root).expect("store").open_doc(&d).expect("doc");
                for i in 0..25 {
                    h.add_note(&d, Anchor::new(2, 0), &format!("thread {t} note {i}")).expect("save");
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("worker");
    }
    let h = Store::open(dir.path()).expect("store").open_doc(&doc(GUIDE)).expect("doc");
    assert_eq!(h.record().notes.len(), 50);
}
