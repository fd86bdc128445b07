//! End-to-end: hostile documents in the real binary on a pseudo-terminal. Whatever a file
//! holds (escape sequences, C1 controls, bidi overrides, hostile names), the bytes lectern
//! writes never carry it into an escape sequence, the window title stays unchanged, and the
//! hostile text is still shown as visible placeholders.

// Corpus sweeps report on stderr directly: the test harness hides captured output of passing tests.
use std::io::Write as _;

#[path = "support/escapes.rs"]
mod escapes;
mod support;

use std::path::{Path, PathBuf};

use support::pty::Pty;

const COLS: u16 = 100;
const ROWS: u16 = 30;

/// What one run of the reader left behind.
struct Run {
    raw: Vec<u8>,
    /// The screen after each step, joined.
    screens: String,
    exit: u32,
}

/// Open `args`, page through the text, visit the tree and the library list, quit.
fn read_through(args: &[&str], data_dir: &Path) -> Run {
    let data = data_dir.to_string_lossy().into_owned();
    let mut p = Pty::spawn(args, &[("LECTERN_DATA_DIR", data.as_str())], COLS, ROWS);
    p.wait_for("the first frame", 15, |c| !c.trim().is_empty());
    p.settle(150);
    let mut screens = p.contents();
    // Page, visit the tree and the library list, then search: `/` for the text and Ctrl-p for
    // the fuzzy list, both typed with the markers' common prefix so hits show hostile text.
    let steps: &[&[&str]] = &[
        &[" "],
        &[" "],
        &[" "],
        &["G"],
        &["\t", "G"],
        &["\t", "o"],
        &["\x1b"],
        &["g", "/", "Z", "Q", "\r"],
        &["n"],
        &["\x1b"],
        &["\x10", "Z", "Q"],
        &["\x1b"],
    ];
    for keys in steps {
        p.type_slowly(keys);
        p.settle(80);
        screens.push_str(&p.contents());
    }
    p.send("q");
    let exit = p.wait_exit(15);
    p.assert_restored();
    Run { raw: p.raw(), screens, exit }
}

/// The checks every run must pass, whatever it opened.
fn assert_safe(what: &str, run: &Run, markers: &[&str]) {
    let problems = escapes::violations(&run.raw, markers);
    assert!(problems.is_empty(), "{what}: {problems:#?}");
    let mut vt = vt100::Parser::new(ROWS, COLS, 0);
    vt.process(&run.raw);
    assert_eq!(vt.screen().title(), "", "{what}: window title changed");
    assert_eq!(vt.screen().icon_name(), "", "{what}: icon name changed");
    assert!(
        !run.screens.chars().any(|c| escapes::BIDI_CONTROLS.contains(&c)),
        "{what}: bidi control reached the screen"
    );
}

/// A generated hostile file: its name, its bytes, and the unique words that must never end up
/// inside an escape sequence but must be visible on screen.
struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    markers: &'static [&'static str],
}

fn cases() -> Vec<Case> {
    let c = |name, text: &str, markers| Case { name, bytes: text.as_bytes().to_vec(), markers };
    vec![
        c(
            "osc-title.txt",
            "Plain notes\n\nBefore \x1b]0;ZQTITLEA\x07 after.\nAnd \x1b]2;ZQTITLEB\x1b\\ more.\n",
            &["ZQTITLEA", "ZQTITLEB"],
        ),
        c("clipboard.md", "# Notes\n\nCopy \x1b]52;c;ZQCLIPBOARD\x07 this.\n", &["ZQCLIPBOARD"]),
        c(
            "csi.txt",
            "Screen games\n\n\x1b[2J\x1b[HZQCLEAR \x1b[31mred\x1b[0m \x1b[6nZQQUERY \x1b[?1049l left \x1b[21tZQREPORT\n",
            &["ZQCLEAR", "ZQQUERY", "ZQREPORT"],
        ),
        c(
            "strings.md",
            "# Strings\n\nA \x1bPZQDCS\x1b\\ b \x1b_ZQAPC\x1b\\ c \x1b^ZQPM\x1b\\ d \x1bXZQSOS\x1b\\ e.\n",
            &["ZQDCS", "ZQAPC", "ZQPM", "ZQSOS"],
        ),
        c(
            "c1.txt",
            "Eight bit\n\nx \u{9b}31mZQCSI8 \u{9d}0;ZQOSC8\u{9c} \u{85}next \u{90}ZQDCS8\u{9c}\n",
            &["ZQCSI8", "ZQOSC8", "ZQDCS8"],
        ),
        c(
            "headings.md",
            "# \x1b]0;ZQHEAD1\x07 Title\n\n## Part \x1b]52;c;ZQHEAD2\x07\n\nText.\n\n## Third \x1b[2J ZQHEAD3\n\nMore.\n",
            &["ZQHEAD1", "ZQHEAD2", "ZQHEAD3"],
        ),
        c("front.md", "---\ntitle: \"\x1b]0;ZQFRONT\x07\"\n---\n\nOne.\n\n## A\n\nx\n\n## B\n\ny\n", &["ZQFRONT"]),
        c(
            "blocks.md",
            "# Blocks\n\n> quote \x1b]0;ZQQUOTE\x07\n\n- item \x1bPZQITEM\x1b\\\n\n```\ncode \x1b]0;ZQCODE\x07\n```\n\n\
             | a | b |\n|---|---|\n| \x1b]0;ZQCELL\x07 | c |\n\n[link \x1b]0;ZQLINK\x07](http://x/\x1b]0;ZQURL\x07)\n",
            &["ZQQUOTE", "ZQITEM", "ZQCODE", "ZQCELL", "ZQLINK", "ZQURL"],
        ),
        c(
            "bidi.md",
            "# \u{202e}ZQBIDIHEAD reversed\n\nBody \u{202e}ZQBIDI1 \u{2067}ZQBIDI2\u{2069} \u{202b}rle\u{202c} end.\n\n\
             שלום עולם ZQRTL text.\n",
            &["ZQBIDIHEAD", "ZQBIDI1", "ZQBIDI2", "ZQRTL"],
        ),
    ]
}

fn write_cases(dir: &Path) -> Vec<(PathBuf, Case)> {
    cases()
        .into_iter()
        .map(|case| {
            let path = dir.join(case.name);
            std::fs::write(&path, &case.bytes).expect("write a hostile case");
            (path, case)
        })
        .collect()
}

#[test]
fn generated_escape_sequences_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    for (path, case) in write_cases(dir.path()) {
        let run = read_through(&[path.to_str().unwrap()], data.path());
        assert_eq!(run.exit, 0, "{}", case.name);
        assert_safe(case.name, &run, case.markers);
        for m in case.markers {
            assert!(run.screens.contains(m), "{}: {m} hidden instead of shown; screens:\n{}", case.name, run.screens);
        }
        let placeholder = run.screens.contains("^[") || run.screens.contains("<9B>") || run.screens.contains("<RLO>");
        assert!(placeholder, "{}: no visible placeholder", case.name);
        assert!(
            run.screens.contains(" results"),
            "{}: the fuzzy search list never showed:\n{}",
            case.name,
            run.screens
        );
    }
}

#[test]
fn hostile_file_names_and_error_messages_are_sanitised() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let named = dir.path().join("\x1b]0;ZQNAME\x07.txt");
    std::fs::write(&named, "just a line of text\n").unwrap();
    let binary = dir.path().join("\x1b]2;ZQBINARY\x07.bin");
    std::fs::write(&binary, [0u8, 1, 2, 3, 0, 0, 0xff, 0x00, 7, 0].repeat(50)).unwrap();
    let missing = dir.path().join("\x1b]0;ZQMISSING\x07\u{9b}2J");
    let run =
        read_through(&[missing.to_str().unwrap(), binary.to_str().unwrap(), named.to_str().unwrap()], data.path());
    let markers = ["ZQNAME", "ZQBINARY", "ZQMISSING"];
    assert_safe("hostile names", &run, &markers);
    // Problems go to stderr before the screen opens (still the terminal) and to the status line.
    let written = String::from_utf8_lossy(&run.raw);
    assert!(written.contains("^[]0;ZQMISSING^G<9B>2J: no such file or directory"), "{written}");
    assert!(written.contains("^[]2;ZQBINARY^G.bin: not a text document"), "{written}");
    assert!(run.screens.contains("^[]0;ZQMISSING^G<9B>2J: no such file"), "status:\n{}", run.screens);
    assert!(run.screens.contains("(^[]0;ZQNAME^G.txt)"), "library list:\n{}", run.screens);
}

#[test]
fn a_directory_of_every_hostile_case_opens_with_its_problems_reported() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let cases = write_cases(dir.path());
    std::fs::write(dir.path().join("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".repeat(20)).unwrap();
    std::fs::write(dir.path().join("legacy.txt"), b"Le caf\xe9 est pr\xeat, dit le gar\xe7on.\n").unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    std::os::unix::fs::symlink("loop-b", dir.path().join("loop-a")).unwrap();
    std::os::unix::fs::symlink("loop-a", dir.path().join("loop-b")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("self")).unwrap();
    let fifo = std::process::Command::new("mkfifo").arg(dir.path().join("pipe.txt")).status();
    assert!(fifo.is_ok_and(|s| s.success()), "mkfifo");
    let markers: Vec<&str> = cases.iter().flat_map(|(_, c)| c.markers.iter().copied()).collect();
    let run = read_through(&[dir.path().to_str().unwrap()], data.path());
    assert_eq!(run.exit, 0);
    assert_safe("directory", &run, &markers);
    // The PNG and the empty file are skipped and counted; the loops and the FIFO do not stop
    // the walk.
    assert!(
        run.screens.contains("2 files skipped (binary or empty); 2 could not be opened: "),
        "status:\n{}",
        run.screens
    );
    // The library list names every document that opened.
    for name in ["bidi.md", "legacy.txt", "osc-title.txt"] {
        assert!(run.screens.contains(name) || run.screens.contains(name.trim_end_matches(".txt")), "{name} missing");
    }
}

#[test]
fn decoding_notices_are_shown_when_the_document_opens() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let legacy = dir.path().join("legacy.txt");
    std::fs::write(&legacy, b"Le caf\xe9 est pr\xeat, dit le gar\xe7on.\n").unwrap();
    let mut p =
        Pty::spawn(&[legacy.to_str().unwrap()], &[("LECTERN_DATA_DIR", data.path().to_str().unwrap())], 100, 24);
    p.wait_text("café");
    p.wait_text("decoded as windows-1252");
    assert!(p.row(23).contains("legacy.txt: decoded as windows-1252"), "status: {}", p.row(23));
    p.send("q");
    assert_eq!(p.wait_exit(10), 0);
}

/// The corpus files every test can see (copied into tests/fixtures), plus the shared corpus's
/// hostile folder when it exists.
fn hostile_corpus() -> Vec<PathBuf> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<PathBuf> = [
        "brotli__cp1251-utf16le",
        "brotli__empty",
        "console-0.15.11__sample_zellij_session.log",
        "debian-history__dedication-2.2.ja.txt",
        "debian-history__dedication-9.0.ta.txt",
        "unicode-width-0.2.2__emoji-test.txt",
        "yudit-doc__TestPage.txt",
        "yudit-doc__UTF-8-demo.txt",
        "yudit-doc__UTF-8-test.txt",
        "yudit-doc__yi_FAQ.TXT",
    ]
    .iter()
    .map(|n| fixtures.join(n))
    .collect();
    let shared = [
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/hostile"),
        PathBuf::from("/work/shared/corpus/hostile"),
    ];
    match shared.iter().find(|d| d.is_dir()) {
        Some(dir) => {
            let mut extra: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
            extra.sort();
            let _ = writeln!(std::io::stderr(), "also sweeping {} files of {}", extra.len(), dir.display());
            files.extend(extra);
        }
        None => {
            let _ = writeln!(std::io::stderr(), "shared corpus not found; sweeping the fixtures only");
        }
    }
    files
}

#[test]
fn every_hostile_corpus_file_leaves_the_terminal_alone() {
    let data = tempfile::tempdir().unwrap();
    // Words from the OSC title sequences in the recorded terminal session.
    let markers = ["wintermute@ai", "..s/lib/console"];
    for path in hostile_corpus() {
        let run = read_through(&[path.to_str().unwrap()], data.path());
        let name = path.display().to_string();
        assert_safe(&name, &run, &markers);
        assert_eq!(run.exit, 0, "{name}");
        if path.metadata().map(|m| m.len() == 0).unwrap_or(false) {
            assert!(run.screens.contains("the file is empty"), "{name}: no notice:\n{}", run.screens);
        }
    }
}

#[test]
fn a_fifo_without_a_writer_says_what_it_waits_for_then_opens_what_arrives() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    // Its name tries to set the window title: the note must show that, not do it.
    let fifo = dir.path().join("pipe\x1b]0;ZQFIFO\x07");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let env = [("LECTERN_DATA_DIR", data.path().to_str().unwrap())];
    let mut p = Pty::spawn(&[fifo.to_str().unwrap()], &env, 100, 24);
    p.wait_text("pipe^[]0;ZQFIFO^G: waiting for a program to write to this FIFO");
    std::fs::write(&fifo, "Words that came down the pipe.\n").unwrap();
    p.wait_text("Words that came down the pipe.");
    p.send("q");
    assert_eq!(p.wait_exit(10), 0);
    assert_eq!(escapes::violations(&p.raw(), &["ZQFIFO"]), Vec::<String>::new());
}
