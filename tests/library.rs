//! Opening documents robustly: files, directories, FIFOs, odd encodings, binary refusal.

// Corpus sweeps report on stderr directly: the test harness hides captured output of passing tests.
use std::io::Write as _;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use lectern::doc::decode::{NotText, decode};
use lectern::doc::{Document, Origin};
use lectern::library::{Library, MAX_DOCS};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn all_text(doc: &Document) -> String {
    doc.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n")
}

fn names(lib: &Library) -> Vec<String> {
    lib.docs.iter().map(|d| d.origin.display_name()).collect()
}

/// Deterministic pseudo-random bytes (xorshift), standing in for an image or archive.
fn random_bytes(n: usize) -> Vec<u8> {
    let mut x: u32 = 0x1234_5678;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect()
}

/// Run `f` on another thread; fail instead of hanging the test run if it blocks.
fn within<T: Send + 'static>(secs: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(secs)).expect("opening blocked (FIFO read?)")
}

fn mkfifo(path: &Path) -> bool {
    match std::process::Command::new("mkfifo").arg(path).status() {
        Ok(status) if status.success() => true,
        _ => {
            eprintln!("mkfifo unavailable; FIFO test skipped");
            false
        }
    }
}

#[test]
fn missing_file_is_one_problem_and_the_rest_opens() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, "Some words.\n").unwrap();
    let missing = dir.path().join("nope.txt");
    let lib = Library::open_paths(&[missing.clone(), good]);
    assert_eq!(names(&lib), vec!["good.txt"]);
    assert_eq!(lib.problems, vec![format!("{}: no such file or directory", missing.display())]);
}

#[test]
fn permission_denied_is_a_problem_naming_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, "secret\n").unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let locked_dir = dir.path().join("locked_dir");
    fs::create_dir(&locked_dir).unwrap();
    fs::write(locked_dir.join("inner.txt"), "inner\n").unwrap();
    fs::set_permissions(&locked_dir, fs::Permissions::from_mode(0o000)).unwrap();
    fs::write(dir.path().join("open.txt"), "open\n").unwrap();
    if fs::read(&locked).is_ok() {
        eprintln!("running as root: permission test skipped");
        fs::set_permissions(&locked_dir, fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let direct = Library::open_paths(std::slice::from_ref(&locked));
    assert!(direct.docs.is_empty());
    assert_eq!(direct.problems, vec![format!("{}: permission denied", locked.display())]);

    let walked = Library::open_paths(&[dir.path().to_path_buf()]);
    assert_eq!(names(&walked), vec!["open.txt"]);
    assert_eq!(walked.problems.len(), 2, "{:?}", walked.problems);
    assert!(walked.problems.iter().any(|p| p.contains("locked.txt: permission denied")));
    assert!(walked.problems.iter().any(|p| p.contains("locked_dir: permission denied")));
    fs::set_permissions(&locked_dir, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn directory_walk_is_sorted_and_skips_binary_empty_hidden_and_junk() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("z.txt"), "Last.\n").unwrap();
    fs::write(d.join("a.txt"), "First.\n").unwrap();
    fs::write(d.join("b.md"), "# Heading\n\nBody.\n").unwrap();
    fs::write(d.join("image.png"), random_bytes(5000)).unwrap();
    fs::write(d.join("nuls.dat"), b"abc\0\0\0def\0").unwrap();
    fs::write(d.join("empty.txt"), b"").unwrap();
    fs::write(d.join(".hidden.txt"), "hidden\n").unwrap();
    for junk in [".git", "target", "node_modules", ".cache"] {
        fs::create_dir(d.join(junk)).unwrap();
        fs::write(d.join(junk).join("junk.txt"), "junk\n").unwrap();
    }
    fs::create_dir_all(d.join("sub/deeper")).unwrap();
    fs::write(d.join("sub/c.txt"), "Third.\n").unwrap();
    fs::write(d.join("sub/deeper/d.txt"), "Fourth.\n").unwrap();

    let lib = Library::open_paths(&[d.to_path_buf()]);
    assert_eq!(names(&lib), vec!["a.txt", "b.md", "c.txt", "d.txt", "z.txt"]);
    assert_eq!(lib.skipped, 3, "png, NUL file and empty file are counted");
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    assert_eq!(lib.docs[2].origin, Origin::File(d.join("sub/c.txt")));
    assert_eq!(lib.skipped_notice().as_deref(), Some("3 files skipped (binary or empty)"));

    let mut both = Library::from_stdin_bytes(b"From stdin.\n");
    both.extend(lib);
    assert_eq!(both.docs.len(), 6);
    assert_eq!(both.docs[0].origin, Origin::Stdin);
    assert_eq!(both.skipped, 3);
}

#[test]
fn symlink_loops_are_walked_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("sub")).unwrap();
    fs::write(d.join("sub/only.txt"), "Only once.\n").unwrap();
    std::os::unix::fs::symlink(d, d.join("sub/up")).unwrap();
    std::os::unix::fs::symlink(d.join("sub"), d.join("again")).unwrap();
    std::os::unix::fs::symlink(d.join("self"), d.join("self")).unwrap();
    let root = d.to_path_buf();
    let lib = within(20, move || Library::open_paths(&[root]));
    assert_eq!(names(&lib), vec!["only.txt"]);
    // The self-referencing link cannot be followed: one line, naming it.
    assert_eq!(lib.problems.len(), 1, "{:?}", lib.problems);
    assert!(lib.problems[0].contains("self:"), "{:?}", lib.problems);
}

#[test]
fn fifo_inside_a_directory_is_skipped_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("text.txt"), "Words.\n").unwrap();
    if !mkfifo(&dir.path().join("pipe")) {
        return;
    }
    let root = dir.path().to_path_buf();
    let lib = within(20, move || Library::open_paths(&[root]));
    assert_eq!(names(&lib), vec!["text.txt"]);
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    assert_eq!(lib.skipped, 0);
}

#[test]
fn fifo_named_directly_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    if !mkfifo(&fifo) {
        return;
    }
    let writer_path = fifo.clone();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let mut w = fs::OpenOptions::new().write(true).open(writer_path).unwrap();
        w.write_all(b"Piped in from a process substitution.\r\n").unwrap();
    });
    let lib = within(20, move || Library::open_paths(&[fifo]));
    writer.join().unwrap();
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    assert_eq!(lib.docs.len(), 1);
    assert!(all_text(&lib.docs[0]).contains("Piped in from a process substitution."));
}

#[test]
fn ten_thousand_files_open_quickly_and_the_cap_applies_beyond() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..MAX_DOCS {
        fs::write(dir.path().join(format!("{i:05}.txt")), format!("Document number {i}.\n")).unwrap();
    }
    let start = Instant::now();
    let lib = Library::open_paths(&[dir.path().to_path_buf()]);
    let took = start.elapsed();
    println!("opened {} files in {took:?}", lib.docs.len());
    assert_eq!(lib.docs.len(), MAX_DOCS);
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    assert_eq!(lib.docs[0].origin.display_name(), "00000.txt");
    assert!(took < Duration::from_secs(30), "walk too slow: {took:?}");

    fs::write(dir.path().join("99999.txt"), "One too many.\n").unwrap();
    let capped = Library::open_paths(&[dir.path().to_path_buf()]);
    assert_eq!(capped.docs.len(), MAX_DOCS);
    assert_eq!(capped.problems.len(), 1);
    assert!(capped.problems[0].contains(&format!("only the first {MAX_DOCS} documents")));
}

#[test]
fn utf16_with_bom_both_byte_orders_open() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Глава первая\r\nThe first chapter.\r\n";
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    fs::write(dir.path().join("le.txt"), le).unwrap();
    fs::write(dir.path().join("be.txt"), be).unwrap();
    let lib = Library::open_paths(&[dir.path().to_path_buf()]);
    assert_eq!(names(&lib), vec!["be.txt", "le.txt"]);
    for doc in &lib.docs {
        let all = all_text(doc);
        assert!(all.contains("Глава первая") && all.contains("The first chapter."), "{all:?}");
        assert!(!all.contains('\u{FEFF}'));
    }
}

/// (fixture, a substring its text must contain, the notice decoding must add if any)
const DECODING_CASES: &[(&str, &str, Option<&str>)] = &[
    ("debian-history__dedication-2.2.ja.txt", "デュシェンヌ筋ジストロフィー", Some("decoded as EUC-JP")),
    ("lectern__gb2312-chinese.txt", "他喜欢慢慢地读", Some("decoded as GBK")),
    ("brotli__cp1251-utf16le", "The following table shows Windows-1251.", None),
    ("lectern__latin1-stray-byte.txt", "café by the river", Some("decoded as windows-1252")),
    (
        "yudit-doc__UTF-8-test.txt",
        "\u{3ba}\u{1f79}\u{3c3}\u{3bc}\u{3b5}",
        Some("invalid UTF-8 bytes shown as \u{FFFD}"),
    ),
    ("yudit-doc__UTF-8-demo.txt", "\u{3a3}\u{1f72} \u{3b3}\u{3bd}\u{3c9}\u{3c1}\u{1f77}\u{3b6}\u{3c9}", None),
    ("debian-history__dedication-9.0.ta.txt", "அர்ப்பணிப்பு", None),
];

#[test]
fn hostile_fixtures_decode_to_the_right_text() {
    for (name, expect, notice) in DECODING_CASES {
        let bytes = fs::read(fixture(name)).unwrap();
        let decoded = decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(decoded.text.contains(expect), "{name}: {expect:?} not in decoded text");
        assert!(!decoded.text.contains('\r'), "{name}: CR left in text");
        match notice {
            Some(n) => assert!(decoded.notices.iter().any(|x| x.contains(n)), "{name}: {:?}", decoded.notices),
            None => assert!(decoded.notices.is_empty(), "{name}: {:?}", decoded.notices),
        }
        // The same notices reach the opened document.
        let lib = Library::open_paths(&[fixture(name)]);
        assert!(lib.problems.is_empty(), "{name}: {:?}", lib.problems);
        assert_eq!(lib.docs[0].notices[..decoded.notices.len()], decoded.notices[..], "{name}");
    }
}

#[test]
fn utf16le_fixture_without_its_bom_is_still_detected() {
    let bytes = fs::read(fixture("brotli__cp1251-utf16le")).unwrap();
    let decoded = decode(&bytes[2..]).unwrap();
    assert_eq!(decoded.encoding, "UTF-16LE");
    assert!(decoded.text.starts_with("The following table shows Windows-1251."));
}

#[test]
fn utf8_bom_is_not_visible() {
    let bytes = fs::read(fixture("debian-history__dedication-9.0.ta.txt")).unwrap();
    let text = decode(&bytes).unwrap().text;
    assert!(text.starts_with("அர்ப்பணிப்பு"));
}

#[test]
fn empty_file_opens_empty_with_a_notice() {
    let lib = Library::open_paths(&[fixture("brotli__empty")]);
    assert!(lib.problems.is_empty());
    assert_eq!(lib.docs.len(), 1);
    assert!(lib.docs[0].blocks.is_empty());
    assert!(lib.docs[0].notices.iter().any(|n| n.contains("empty")));
}

#[test]
fn binary_files_named_directly_are_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let random = dir.path().join("random.bin");
    fs::write(&random, random_bytes(100_000)).unwrap();
    let nuls = dir.path().join("nuls.txt");
    fs::write(&nuls, b"looks like text\0but has\0NULs\0\0\n").unwrap();
    let lib = Library::open_paths(&[random.clone(), nuls.clone()]);
    assert!(lib.docs.is_empty());
    assert_eq!(
        lib.problems,
        vec![
            format!("{}: not a text document (binary data)", random.display()),
            format!("{}: not a text document (binary data)", nuls.display()),
        ]
    );
    assert_eq!(decode(&random_bytes(100_000)), Err(NotText::Binary));
}

#[test]
fn stdin_decodes_the_same_way() {
    let lib = Library::from_stdin_bytes(&fs::read(fixture("brotli__cp1251-utf16le")).unwrap());
    assert_eq!(lib.docs.len(), 1);
    assert_eq!(lib.docs[0].origin, Origin::Stdin);
    assert!(all_text(&lib.docs[0]).contains("Windows-1251"));

    let binary = Library::from_stdin_bytes(&random_bytes(1000));
    assert!(binary.docs.is_empty());
    assert_eq!(binary.problems, vec!["stdin: not a text document (binary data)".to_string()]);
}

/// Every corpus file either decodes or is refused with a message; none panics. Text-like
/// folders must decode, archives must be refused.
#[test]
fn corpus_sweep() {
    let root = Path::new("/work/shared/corpus");
    if !root.is_dir() {
        let _ = writeln!(std::io::stderr(), "corpus sweep: not run, {} does not exist", root.display());
        return;
    }
    let mut files = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() { stack.push(path) } else { files.push(path) }
        }
    }
    files.sort();
    let (mut decoded, mut refused) = (0, 0);
    for path in &files {
        let lib = Library::open_paths(std::slice::from_ref(path));
        assert_eq!(lib.docs.len() + lib.problems.len(), 1, "{}", path.display());
        let rel = path.strip_prefix(root).unwrap().to_string_lossy().into_owned();
        let archive = rel.ends_with(".gz") || rel.ends_with(".epub");
        if let Some(problem) = lib.problems.first() {
            refused += 1;
            assert!(problem.starts_with(&path.display().to_string()) && problem.len() > rel.len(), "{problem}");
            assert!(archive, "{rel} refused: {problem}");
        } else {
            decoded += 1;
            assert!(!archive, "{rel} should have been refused");
        }
    }
    let start = Instant::now();
    let walked = Library::open_paths(&[root.to_path_buf()]);
    let _ = writeln!(
        std::io::stderr(),
        "corpus sweep: ran on {} files ({decoded} decoded, {refused} refused); walking the corpus \
         gave {} documents, {} skipped, {} problems in {:?}",
        files.len(),
        walked.docs.len(),
        walked.skipped,
        walked.problems.len(),
        start.elapsed()
    );
    assert!(walked.problems.is_empty(), "{:?}", walked.problems);
}

/// `lectern /dev/zero` must refuse after the first bytes, not read forever.
#[test]
fn endless_devices_named_directly_are_refused_quickly() {
    for dev in ["/dev/zero", "/dev/urandom"] {
        let path = PathBuf::from(dev);
        if !path.exists() {
            println!("{dev} missing; skipped");
            continue;
        }
        let lib = within(20, move || Library::open_paths(&[path]));
        assert!(lib.docs.is_empty());
        assert_eq!(lib.problems, vec![format!("{dev}: not a text document (binary data)")]);
    }
}
