//! Deeply nested and very repetitive documents: 10,000 nested block quotes or list levels,
//! 100,000 headings, a 5 MB single line. Each must open to a first frame without a stack
//! overflow or a quadratic slowdown.
//!
//! The plain tests run every case in debug mode on a test thread's small stack (2 MiB, a
//! quarter of a real main thread's) with a generous time bound; the ignored `first_frame_times`
//! test prints the release-mode time to first frame and holds each case to one second:
//! `cargo test --release --test deep_structure -- --ignored --nocapture`.

use std::time::{Duration, Instant};

use lectern::app::{App, Settings};
use lectern::doc::Origin;
use lectern::library::{Library, document_from_bytes};
use lectern::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// (name, file name that picks the reader, the document)
fn cases() -> Vec<(&'static str, &'static str, String)> {
    let mut headings = String::with_capacity(2_000_000);
    for i in 0..100_000 {
        headings.push_str(&format!("## Heading {i}\n\nText {i}.\n\n"));
    }
    let mut plain_headings = String::with_capacity(2_000_000);
    for i in 0..100_000 {
        plain_headings.push_str(&format!("{}. SECTION {i}\n\nBody of section {i}.\n\n", i + 1));
    }
    let mut nested_headings = String::new();
    for i in 0..100_000 {
        nested_headings.push_str(&format!("{} H{i}\n", "#".repeat(i % 6 + 1)));
    }
    let mut indented_list = String::new();
    for i in 0..10_000 {
        // Each level indented one more column than its marker needs: 10,000 levels in
        // 10,000 lines would be 100 MB with real indentation, so the markers share a line.
        indented_list.push_str(&format!("{}- level {i}\n", " ".repeat((i % 40) * 2)));
    }
    let word_line: String = "word ".repeat(1_000_000);
    // Every copy's contents names one line that is nowhere: looking for it must not rescan the
    // rest of the file once per contents block.
    let mut contents_blocks = String::new();
    for i in 0..10_000 {
        contents_blocks.push_str(&format!(
            "Table of Contents\n\n  1. Alpha {i}\n  2. Beta {i}\n  3. Missing {i}\n\nAlpha {i}\n========\n\nText.\n\nBeta {i}\n=======\n\nMore text.\n\n"
        ));
    }
    vec![
        ("10,000 nested block quotes", "quotes.md", format!("{} deep\n", ">".repeat(10_000))),
        (
            "2,000 lines nesting quotes 1..2,000 deep",
            "quote-lines.md",
            (0..2_000).map(|i| format!("{} q{i}\n", ">".repeat(i + 1))).collect(),
        ),
        ("10,000 nested list levels", "lists.md", format!("{}deep\n", "- ".repeat(10_000))),
        ("10,000 nested ordered levels", "ordered.md", format!("{}deep\n", "1. ".repeat(10_000))),
        ("10,000 nested quotes and lists", "mixed.md", format!("{}deep\n", "> - ".repeat(5_000))),
        ("10,000 list lines, sawtooth indent", "saw.md", indented_list),
        ("10,000 nested emphasis", "emph.md", format!("{}x{}\n", "*_".repeat(5_000), "_*".repeat(5_000))),
        ("10,000 nested links", "links.md", format!("{}x{}\n", "[".repeat(10_000), "](u)".repeat(10_000))),
        ("100,000 markdown headings", "headings.md", headings),
        ("100,000 headings, levels 1-6", "levels.md", nested_headings),
        ("100,000 numbered plain headings", "sections.txt", plain_headings),
        ("10,000 contents blocks, each naming a missing line", "contents.txt", contents_blocks),
        ("5 MB single line, plain", "line.txt", word_line.clone()),
        ("5 MB single line, markdown", "line.md", word_line),
        ("5 MB single word", "word.txt", "x".repeat(5_000_000)),
        ("5 MB of one CJK line", "cjk.txt", "漢字かな交じり文".repeat(210_000)),
    ]
}

/// Decode, parse, build the app (which lays the document out) and draw one frame.
fn first_frame(name: &str, text: &str) -> (Duration, String) {
    let start = Instant::now();
    let doc = document_from_bytes(text.as_bytes(), Origin::File(name.into())).expect("text opens");
    let lib = Library { docs: vec![doc], problems: Vec::new(), skipped: 0, ..Default::default() };
    let app = App::new(lib, 100, 30, Settings::default());
    let mut term = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    term.draw(|f| ui::render(&app, &Theme { color: true, lean: false }, f)).expect("draw");
    let elapsed = start.elapsed();
    let buf = term.backend().buffer();
    let screen: String = (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect();
    (elapsed, screen)
}

/// Runs every case on a thread with `stack` bytes, returning (case, time, screen).
fn run_all(stack: usize) -> Vec<(&'static str, Duration, String)> {
    let handle = std::thread::Builder::new()
        .stack_size(stack)
        .spawn(|| {
            cases()
                .into_iter()
                .map(|(what, name, text)| {
                    let (t, screen) = first_frame(name, &text);
                    (what, t, screen)
                })
                .collect::<Vec<_>>()
        })
        .expect("spawn");
    handle.join().expect("no case may panic or overflow the stack")
}

#[test]
fn deep_and_huge_documents_open_on_a_small_stack() {
    let results = run_all(2 << 20);
    for (what, t, screen) in &results {
        println!("{what}: {t:?} (debug)");
        assert!(screen.lines().any(|l| !l.trim().is_empty()), "{what}: blank first frame");
        // Debug builds are 10-30x slower; this catches quadratic blow-ups, not regressions.
        assert!(*t < Duration::from_secs(30), "{what}: {t:?}");
    }
    let deep = &results[0].2;
    assert!(
        deep.lines().any(|l| l.contains("deep") && l.matches('│').count() > 5),
        "the innermost quote's text is on screen:\n{deep}"
    );
    // Each level is an item holding the next one, so the first screen shows the nesting.
    let list = &results[2].2;
    assert!(list.contains('•') && list.contains('◦'), "{list}");
}

#[test]
#[ignore = "release-mode timing: cargo test --release --test deep_structure -- --ignored --nocapture"]
fn first_frame_times() {
    let results = run_all(8 << 20);
    let mut slow = Vec::new();
    for (what, t, _) in &results {
        println!("{what:<40} {:>8.1} ms", t.as_secs_f64() * 1000.0);
        if *t >= Duration::from_secs(1) {
            slow.push(*what);
        }
    }
    assert!(slow.is_empty(), "over a second to the first frame: {slow:?}");
}
