//! Our output next to ratatui's stock crossterm backend, both inside tmux: the same keys go to
//! two panes (one drawing through the frugal backend, one through the stock backend, chosen with
//! the LECTERN_TEST_STOCK_BACKEND test hook) and `tmux capture-pane -p -e` must show the same
//! cells with the same attributes after every step. Skips (and says so) without tmux.

mod support;

use std::process::{Command, Output};

use std::time::{Duration, Instant};
use unicode_width::UnicodeWidthStr;

const FILE: &str = "tests/fixtures/ratatui-0.29.0__CHANGELOG.md";

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("-f")
            .arg("/dev/null")
            .args(args)
            .output()
            .expect("run tmux")
    }

    fn capture(&self, target: &str) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-e", "-t", target]).stdout).into_owned()
    }

    /// Capture once the pane has stopped changing.
    fn stable(&self, target: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut last = self.capture(target);
        loop {
            std::thread::sleep(Duration::from_millis(120));
            let now = self.capture(target);
            if now == last || Instant::now() > deadline {
                return now;
            }
            last = now;
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// One screen cell as seen: text, colours, bold/italic/underline/reverse.
type Seen = (String, vt100::Color, vt100::Color, [bool; 4]);

/// Parse a capture into cells. Both `ESC[33m` and `ESC[38;5;3m` mean palette colour 3, so the
/// comparison is about what is shown, not how it was asked for.
fn cells(capture: &str, cols: u16, rows: u16) -> Vec<Seen> {
    let mut parser = vt100::Parser::new(rows, cols, 0);
    parser.process(capture.replace('\n', "\r\n").as_bytes());
    let screen = parser.screen();
    let mut out = Vec::new();
    for y in 0..rows {
        for x in 0..cols {
            let Some(c) = screen.cell(y, x) else { continue };
            let text = c.contents();
            let attrs = [c.bold(), c.italic(), c.underline(), c.inverse()];
            let blank = text.trim().is_empty() && !c.inverse() && !c.underline();
            // A blank shows only its background.
            let fg = if blank { vt100::Color::Default } else { c.fgcolor() };
            let text = if blank { String::new() } else { text };
            let attrs = if blank { [false; 4] } else { attrs };
            out.push((text, fg, c.bgcolor(), attrs));
        }
    }
    out
}

/// The first cell that differs. The cell after a character ratatui counts as two columns wide
/// is not compared: tmux may count it as one (emoji with a variation selector), and what it
/// then shows there is an artefact of the disagreement, not of either backend.
fn first_difference(a: &[Seen], b: &[Seen], cols: u16) -> Option<String> {
    let mut skip = false;
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        let at_line_start = i % cols as usize == 0;
        if x != y && (!skip || at_line_start) {
            return Some(format!("cell ({},{}): frugal {:?}, stock {:?}", i % cols as usize, i / cols as usize, x, y));
        }
        skip = x.0.width() >= 2 || y.0.width() >= 2;
    }
    None
}

#[test]
fn frugal_and_stock_backends_show_the_same_screens_in_tmux() {
    compare_in_tmux("", "", 120);
}

/// The text pane under a tree band scrolls in a scroll region kept between frames.
#[test]
fn frugal_and_stock_backends_agree_with_the_tree_on_top() {
    compare_in_tmux("--tree-at top", "-top", 60);
}

fn compare_in_tmux(args: &str, tag: &str, steps: usize) {
    if Command::new("tmux").arg("-V").output().is_err() {
        println!("tmux is not installed: comparison skipped");
        return;
    }
    let tmux = Tmux { socket: format!("lectern-test-{}{tag}", std::process::id()) };
    let bin = support::pty::binary();
    let (mut cols, mut rows) = (80u16, 24u16);
    let size = [cols.to_string(), rows.to_string()];
    for (name, stock) in [("frugal", "0"), ("stock", "1")] {
        let cmd = format!("env LECTERN_TEST_STOCK_BACKEND={stock} {} {args} {FILE}", bin.display());
        let out = tmux.run(&["new-session", "-d", "-s", name, "-x", &size[0], "-y", &size[1], &cmd]);
        assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));
    }
    for name in ["frugal", "stock"] {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !tmux.capture(name).contains("Changelog") {
            assert!(Instant::now() < deadline, "{name} pane never showed the document");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    let keys = [
        "j", "k", "Space", "b", "]", "[", "t", "Tab", "j", "k", "Enter", "?", "Escape", "G", "g", "5", "0", "%", "H",
        "L", "o",
    ];
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut below = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut compared = 0;
    for step in 0..steps {
        if step % 25 == 24 {
            cols = 40 + below(100) as u16;
            rows = 8 + below(40) as u16;
            for name in ["frugal", "stock"] {
                tmux.run(&["resize-window", "-t", name, "-x", &cols.to_string(), "-y", &rows.to_string()]);
            }
        } else {
            let key = keys[below(keys.len())];
            for name in ["frugal", "stock"] {
                tmux.run(&["send-keys", "-t", name, key]);
            }
        }
        let frugal = tmux.stable("frugal");
        let stock = tmux.stable("stock");
        let (a, b) = (cells(&frugal, cols, rows), cells(&stock, cols, rows));
        if let Some(diff) = first_difference(&a, &b, cols) {
            panic!("step {step}: {diff}\nfrugal:\n{frugal}\nstock:\n{stock}");
        }
        compared += 1;
    }
    println!("{compared} screens identical between the frugal and stock backends in tmux");
}
