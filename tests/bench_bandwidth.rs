//! Bytes on the wire per action, the real binary in a pseudo-terminal next to `less` in the same
//! run (see BANDWIDTH.md). Ignored by default; run with
//! `cargo test --release --test bench_bandwidth -- --ignored --nocapture`.
//! Prints a Markdown table per terminal size, then startup time and memory on a 5 MB file.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use support::pty::Pty;

const FILE: &str = "tests/fixtures/ratatui-0.29.0__CHANGELOG.md";
const FIRST_MS: u64 = 250;
const QUIET_MS: u64 = 60;
const REPEATS: usize = 20;
const START: &str = "/Remove literal suffix\r";
/// The two benchmarks take turns: run side by side they would slow each other's timings.
static ALONE: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Less,
    Lectern { tree: bool },
}

struct Subject {
    name: &'static str,
    kind: Kind,
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
}

const SUBJECTS: &[Subject] = &[
    Subject { name: "less", kind: Kind::Less, args: &[], env: &[("LESS", ""), ("LESSOPEN", "")] },
    Subject { name: "tree hidden", kind: Kind::Lectern { tree: false }, args: &["--no-tree"], env: &[] },
    Subject { name: "tree, margins", kind: Kind::Lectern { tree: true }, args: &["--margins", "on"], env: &[] },
    Subject { name: "tree, no margins", kind: Kind::Lectern { tree: true }, args: &["--margins", "off"], env: &[] },
    Subject {
        name: "tree on top (--tree-at top), no margins",
        kind: Kind::Lectern { tree: true },
        args: &["--tree-at", "top", "--margins", "off"],
        env: &[],
    },
    Subject { name: "--lean", kind: Kind::Lectern { tree: false }, args: &["--lean"], env: &[] },
    Subject {
        name: "stock ratatui, tree hidden",
        kind: Kind::Lectern { tree: false },
        args: &["--no-tree"],
        env: &[("LECTERN_TEST_STOCK_BACKEND", "1")],
    },
];

const ACTIONS: &[&str] = &[
    "one-line scroll down (median of 20)",
    "one-line scroll up (median of 20)",
    "one-line scroll down / up: all 20 presses together",
    "one-line scroll down / up: wire bytes per byte of new text (full-width text only)",
    "page down (median of 10)",
    "page up (median of 10)",
    "20 j in one burst",
    "move the tree selection one row (median of 20)",
    "open help overlay / close it",
    "open fuzzy overlay / close it",
    "one character typed in the fuzzy overlay",
    "10 s with no input",
];

fn median(mut v: Vec<usize>) -> usize {
    v.sort_unstable();
    v[v.len() / 2]
}

fn repeat(p: &mut Pty, key: &str, n: usize) -> usize {
    repeat_counting_text(p, key, n).0
}

/// Median bytes per press, the bytes of all presses, and those per byte of text they brought on
/// screen. Programs show the same passage differently (less the raw Markdown, Lectern the
/// rendered text), so the last figure compares how much each spends beyond the text itself.
fn repeat_counting_text(p: &mut Pty, key: &str, n: usize) -> (usize, usize, f64) {
    let (mut sizes, mut text) = (Vec::new(), 0);
    for _ in 0..n {
        let before = p.contents();
        sizes.push(p.measure(key, FIRST_MS, QUIET_MS));
        text += new_text_bytes(&before, &p.contents());
    }
    let total: usize = sizes.iter().sum();
    (median(sizes), total, total as f64 / text.max(1) as f64)
}

/// Bytes of the rows (status line left out) that were not on the screen before.
fn new_text_bytes(before: &str, after: &str) -> usize {
    let mut old: Vec<&str> = before.lines().map(str::trim).collect();
    let rows: Vec<&str> = after.lines().collect();
    let body = &rows[..rows.len().saturating_sub(1)];
    let mut bytes = 0;
    for row in body.iter().map(|r| r.trim()) {
        match old.iter().position(|o| *o == row) {
            Some(i) => {
                old.swap_remove(i);
            }
            None => bytes += row.len(),
        }
    }
    bytes
}

fn spawn(s: &Subject, file: &Path, cols: u16, rows: u16) -> Pty {
    let file = file.to_str().expect("utf-8 path");
    let mut args: Vec<&str> = s.args.to_vec();
    args.push(file);
    let p = match s.kind {
        Kind::Less => Pty::spawn_program(Path::new("less"), &args, s.env, cols, rows),
        Kind::Lectern { .. } => Pty::spawn(&args, s.env, cols, rows),
    };
    p.wait_for("first screen", 20, |c| c.contains("Changelog") || c.contains("ratatui"));
    p.settle(300);
    p
}

/// Bytes for each action, in the order of ACTIONS; None where the program has no such action.
fn run_subject(s: &Subject, cols: u16, rows: u16) -> Vec<Option<String>> {
    let mut p = spawn(s, Path::new(FILE), cols, rows);
    // Start at the same passage in every program (a third of the way in, commit entries with
    // code blocks): both less and Lectern put a `/` match near the top of the screen.
    p.measure(START, 500, 200);
    let lectern = matches!(s.kind, Kind::Lectern { .. });
    let mut out = Vec::new();
    let (down, down_total, down_ratio) = repeat_counting_text(&mut p, "j", REPEATS);
    let (up, up_total, up_ratio) = repeat_counting_text(&mut p, "k", REPEATS);
    out.push(Some(down.to_string()));
    out.push(Some(up.to_string()));
    out.push(Some(format!("{down_total} / {up_total}")));
    let full_width = !matches!(s.kind, Kind::Lectern { tree: true });
    out.push(full_width.then(|| format!("{down_ratio:.2} / {up_ratio:.2}")));
    out.push(Some(repeat(&mut p, " ", 10).to_string()));
    out.push(Some(repeat(&mut p, "b", 10).to_string()));
    out.push(Some(p.measure(&"j".repeat(20), 500, 150).to_string()));
    out.push(match s.kind {
        Kind::Lectern { tree: true } => {
            p.measure("\t", 500, 150);
            let n = repeat(&mut p, "j", REPEATS);
            p.measure("\t", 500, 150);
            Some(n.to_string())
        }
        _ => None,
    });
    out.push(lectern.then(|| {
        let open = p.measure("?", 500, 150);
        let close = p.measure("\x1b", 500, 150);
        format!("{open} / {close}")
    }));
    // The fuzzy overlay (Ctrl-p): reported only when it opens.
    let (fuzzy, typed) = if lectern {
        let screen = p.contents();
        let open = p.measure("\x10", 500, 150);
        if open > 0 && p.contents() != screen {
            let typed = p.measure("e", 500, 150);
            p.measure("\x7f", 500, 150);
            let close = p.measure("\x1b", 500, 150);
            (Some(format!("{open} / {close}")), Some(typed.to_string()))
        } else {
            (Some("n/a (no overlay)".into()), Some("n/a".into()))
        }
    } else {
        (None, None)
    };
    out.push(fuzzy);
    out.push(typed);
    let before = p.bytes_len();
    std::thread::sleep(Duration::from_secs(10));
    out.push(Some((p.bytes_len() - before).to_string()));
    out
}

fn table(cols: u16, rows: u16) {
    let results: Vec<Vec<Option<String>>> = SUBJECTS.iter().map(|s| run_subject(s, cols, rows)).collect();
    println!("\n#### {cols}x{rows}, bytes per action\n");
    let names: Vec<&str> = SUBJECTS.iter().map(|s| s.name).collect();
    println!("| action | {} |", names.join(" | "));
    println!("|---|{}", "---:|".repeat(names.len()));
    for (i, action) in ACTIONS.iter().enumerate() {
        let cells: Vec<String> = results.iter().map(|r| r[i].clone().unwrap_or_else(|| "–".into())).collect();
        println!("| {action} | {} |", cells.join(" | "));
    }
}

/// A Markdown file of about 5 MB: the changelog repeated.
fn big_file(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(FILE).expect("fixture");
    let mut big = String::new();
    while big.len() < 5 << 20 {
        big.push_str(&text);
        big.push('\n');
    }
    let path = dir.join("big-changelog.md");
    std::fs::write(&path, big).expect("write the big file");
    path
}

/// Peak resident memory of a process in KiB (Linux).
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn startup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = big_file(dir.path());
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let tiny = dir.path().join("tiny.md");
    std::fs::write(&tiny, "# Changelog\n\nOne line.\n").expect("write the tiny file");
    println!("\n#### Startup on a {:.1} MB Markdown file (80x24)\n", size as f64 / 1e6);
    // The rest of the file starts parsing on a background thread as the first frame is drawn, and
    // the first screen is seen here a little later: the reading at the first frame is a range
    // over the runs, the lowest being the nearest to the frame itself.
    println!(
        "| program | first frame | peak memory at first frame (3 runs) | / file size | peak once loaded | / file size | same program on a 25-byte file |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let mb = |kib: u64| kib as f64 / 1024.0;
    let ratio = |kib: u64| (kib * 1024) as f64 / size as f64;
    for s in [&SUBJECTS[0], &SUBJECTS[1]] {
        let mut times = Vec::new();
        let (mut firsts, mut loaded) = (Vec::new(), 0);
        for _ in 0..3 {
            let start = Instant::now();
            let p = spawn_quiet(s, &path);
            p.wait_for("first screen", 30, |c| c.contains("Changelog") || c.contains("ratatui"));
            times.push(start.elapsed().as_millis() as usize);
            firsts.push(peak_rss_kib(p.pid()).unwrap_or(0));
            // The rest of the file parses in the background after the first frame.
            std::thread::sleep(Duration::from_millis(1500));
            loaded = peak_rss_kib(p.pid()).unwrap_or(0);
        }
        let (low, high) = (firsts.iter().copied().min().unwrap_or(0), firsts.iter().copied().max().unwrap_or(0));
        let small = spawn_quiet(s, &tiny);
        small.wait_for("first screen", 30, |c| c.contains("Changelog") || c.contains("One line"));
        std::thread::sleep(Duration::from_millis(300));
        let baseline = peak_rss_kib(small.pid()).unwrap_or(0);
        println!(
            "| {} | {} ms | {:.1}–{:.1} MB | {:.2}–{:.2}x | {:.1} MB | {:.2}x | {:.1} MB |",
            if s.kind == Kind::Less { "less" } else { "lectern" },
            median(times),
            mb(low),
            mb(high),
            ratio(low),
            ratio(high),
            mb(loaded),
            ratio(loaded),
            mb(baseline),
        );
    }
}

fn spawn_quiet(s: &Subject, file: &Path) -> Pty {
    let file = file.to_str().expect("utf-8 path");
    let mut args: Vec<&str> = s.args.to_vec();
    args.push(file);
    match s.kind {
        Kind::Less => Pty::spawn_program(Path::new("less"), &args, s.env, 80, 24),
        Kind::Lectern { .. } => Pty::spawn(&args, s.env, 80, 24),
    }
}

#[test]
#[ignore = "benchmark: takes about three minutes; run with --ignored --nocapture"]
fn bytes_per_action_against_less() {
    let _alone = ALONE.lock().unwrap_or_else(|e| e.into_inner());
    let profile = if cfg!(debug_assertions) { "debug" } else { "release" };
    println!("lectern {profile} build, TERM=xterm-256color, file {FILE}");
    for (cols, rows) in [(80, 24), (120, 40)] {
        table(cols, rows);
    }
    sparse_outline();
    startup();
}

/// Without margins a left tree's rows are rewritten after each scroll, so the cost follows how
/// full the outline is: the changelog fills every tree row with a different title, the bundled
/// guidance notes fill eight.
fn sparse_outline() {
    println!("\n#### Left tree without margins on the bundled library (80x24)\n");
    println!("| action | tree, no margins | tree hidden |");
    println!("|---|---:|---:|");
    let mut cells = Vec::new();
    for args in [&["--margins", "off"][..], &["--no-tree"][..]] {
        let mut p = Pty::spawn(args, &[], 80, 24);
        p.wait_for("first screen", 20, |c| c.contains("Security Sector Reform"));
        p.settle(300);
        cells.push(repeat(&mut p, "j", REPEATS));
    }
    println!("| one-line scroll down (median of 20) | {} | {} |", cells[0], cells[1]);
}

#[test]
#[ignore = "benchmark: the left tree without margins on the bundled library only"]
fn sparse_outline_only() {
    let _alone = ALONE.lock().unwrap_or_else(|e| e.into_inner());
    sparse_outline();
}

#[test]
#[ignore = "benchmark: startup time and peak memory on a 5 MB file only"]
fn startup_only() {
    let _alone = ALONE.lock().unwrap_or_else(|e| e.into_inner());
    startup();
}
