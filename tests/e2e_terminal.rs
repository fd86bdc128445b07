//! The terminal is given back clean however lectern stops — quit, panic, SIGTERM, SIGHUP,
//! Ctrl-Z then `fg` — after it has used scroll regions and left/right margins; and frame
//! pacing (`--bandwidth`) sends fewer frames without changing what the user ends up seeing.

mod support;

use std::path::Path;
use std::time::Duration;

use support::pty::Pty;

const FILE: &str = "tests/fixtures/ratatui-0.29.0__CHANGELOG.md";

/// Start with the tree shown and margins forced on, and scroll so that a scroll region and
/// left/right margins have really been set on the terminal.
fn scrolled_reader(env: &[(&str, &str)]) -> Pty {
    let mut p = Pty::spawn(&["--margins", "on", FILE], env, 80, 24);
    p.wait_text("Changelog");
    p.type_slowly(&["j", "j", "k"]);
    p.settle(100);
    let raw = String::from_utf8_lossy(&p.raw()).into_owned();
    assert!(raw.contains("\x1b[?69h"), "margins were never used, so this test proves nothing");
    p
}

fn assert_margins_reset(p: &Pty) {
    let raw = p.raw();
    let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(64)..]).into_owned();
    assert!(tail.contains("\x1b[?69l"), "left/right margin mode not reset: {tail:?}");
    assert!(tail.contains("\x1b[?1049l"), "main screen not restored: {tail:?}");
}

#[test]
fn quit_restores_after_scroll_regions_and_margins() {
    let mut p = scrolled_reader(&[]);
    p.send("q");
    assert_eq!(p.wait_exit(10), 0);
    p.assert_restored();
    assert_margins_reset(&p);
}

#[test]
fn a_panic_restores_the_terminal() {
    // LECTERN_TEST_PANIC_KEY is a test hook read only by the event loop.
    let mut p = scrolled_reader(&[("LECTERN_TEST_PANIC_KEY", "x"), ("RUST_BACKTRACE", "0")]);
    p.send("x");
    let code = p.wait_exit(10);
    assert_ne!(code, 0, "a panic must not look like a normal exit");
    // The panic message follows the restore, so check what came after the margins were set.
    assert!(!p.alternate_screen(), "still on the alternate screen");
    assert!(!p.cursor_hidden(), "cursor left hidden");
    let stty = p.stty();
    assert!(stty.contains(" icanon") && stty.contains(" echo"), "raw mode left on: {stty}");
    assert_margins_reset_since(&p, "\x1b[?69h");
    assert!(p.contents().contains("LECTERN_TEST_PANIC_KEY"), "panic message should be visible:\n{}", p.contents());
}

#[test]
fn sigterm_and_sighup_restore_after_margins() {
    for sig in ["TERM", "HUP"] {
        let mut p = scrolled_reader(&[]);
        p.signal(sig);
        assert_ne!(p.wait_exit(10), 0);
        p.assert_restored();
        assert_margins_reset(&p);
    }
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_takes_it_again() {
    // Job control needs an interactive shell: the kernel discards SIGTSTP sent to an orphaned
    // process group, which is what lectern would be if spawned directly.
    let env = [("PS1", "$ "), ("HISTFILE", "/dev/null"), ("TERM", "xterm-256color")];
    let mut sh = Pty::spawn_program(Path::new("bash"), &["--norc", "--noprofile", "-i"], &env, 80, 24);
    sh.wait_text("$");
    let bin = support::pty::binary();
    // Margins off: vt100 cannot model them, and this test compares screens before and after.
    sh.send(&format!("{} --margins off {FILE}\r", bin.display()));
    sh.wait_for("the reader", 10, |c| c.contains("Changelog") && c.contains('│'));
    sh.type_slowly(&["j", "j"]);
    sh.settle(150);
    let before = sh.contents();
    assert!(sh.alternate_screen());

    sh.send("\x1a");
    sh.wait_for("the shell after Ctrl-Z", 10, |c| c.contains("Stopped"));
    sh.settle(100);
    assert!(!sh.alternate_screen(), "Ctrl-Z left the alternate screen on");
    assert!(!sh.cursor_hidden(), "Ctrl-Z left the cursor hidden");
    assert_margins_reset_since(&sh, "\x1b[1;23r");

    sh.send("fg\r");
    sh.wait_for("the reader again", 10, |c| c.contains('│') && c.contains("Changelog"));
    sh.settle(150);
    assert!(sh.alternate_screen(), "fg did not re-enter the alternate screen");
    assert_eq!(visible(&sh.contents()), visible(&before), "fg should repaint the same screen");
    // Still working after resume: a scroll changes the screen.
    sh.type_slowly(&["j"]);
    sh.wait_for("a scroll after fg", 10, |c| c != before);

    sh.send("q");
    sh.wait_for("the prompt after quitting", 10, |c| c.trim_end().ends_with('$'));
    sh.settle(100);
    assert!(!sh.alternate_screen());
    assert!(!sh.cursor_hidden());
    sh.send("exit\r");
    sh.wait_exit(10);
}

/// Screen text as a person sees it: trailing blanks (printed or erased) do not show.
fn visible(contents: &str) -> String {
    contents.lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
}

/// After the last time `set` was written, the reset sequences followed.
fn assert_margins_reset_since(p: &Pty, set: &str) {
    let raw = String::from_utf8_lossy(&p.raw()).into_owned();
    let last_set = raw.rfind(set).expect("margins were used");
    let after = &raw[last_set..];
    assert!(after.contains("\x1b[?69l") && after.contains("\x1b[r"), "no reset after margins: {after:?}");
}

/// Type `n` keys with `gap_ms` between them; returns the bytes written in answer.
fn typed_burst(p: &mut Pty, key: &str, n: usize, gap_ms: u64) -> usize {
    let before = p.bytes_len();
    for _ in 0..n {
        p.send(key);
        std::thread::sleep(Duration::from_millis(gap_ms));
    }
    p.settle(600);
    p.bytes_len() - before
}

#[test]
fn pacing_sends_the_latest_state_in_fewer_bytes() {
    let mut free = Pty::spawn(&["--no-tree", FILE], &[], 80, 24);
    let mut paced = Pty::spawn(&["--no-tree", "--bandwidth", "800", FILE], &[], 80, 24);
    for p in [&free, &paced] {
        p.wait_text("Changelog");
        p.settle(200);
    }
    let free_bytes = typed_burst(&mut free, "j", 24, 15);
    let paced_bytes = typed_burst(&mut paced, "j", 24, 15);
    assert_eq!(visible(&paced.contents()), visible(&free.contents()), "pacing must end on the same screen");
    assert!(
        paced_bytes < free_bytes,
        "pacing should skip intermediate frames: paced {paced_bytes} B, unpaced {free_bytes} B"
    );
    // And once the link is free and nothing happens, nothing is sent.
    let n = paced.bytes_len();
    std::thread::sleep(Duration::from_millis(1200));
    assert_eq!(paced.bytes_len(), n, "bytes written while idle under pacing");
    println!("24 j typed 15 ms apart: unpaced {free_bytes} B, --bandwidth 800: {paced_bytes} B");
}

#[test]
fn lean_profile_sends_no_colour() {
    let mut p = Pty::spawn(&["--lean", FILE], &[], 80, 24);
    p.wait_text("Changelog");
    p.type_slowly(&["3", "0", "%", "j", "j", "?"]);
    p.settle(150);
    let raw = String::from_utf8_lossy(&p.raw()).into_owned();
    let sgr = sgr_parameters(&raw);
    for params in &sgr {
        for p in params.split(';').filter(|p| !p.is_empty()) {
            assert!(["0", "1", "7", "22", "27"].contains(&p), "lean profile sent SGR {params:?}");
        }
    }
    assert!(!p.row(0).contains('│') && !raw.contains('┌'), "lean profile draws with ASCII");
    assert!(p.contents().contains("+-"), "help box should have an ASCII border:\n{}", p.contents());
    p.type_slowly(&["\x1b", "q"]);
    assert_eq!(p.wait_exit(10), 0);
}

/// The parameter strings of every SGR sequence (`CSI … m`) in `raw`.
fn sgr_parameters(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == 0x1b && bytes[i + 1] == b'[' {
            let start = i + 2;
            let mut j = start;
            while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b';' || bytes[j] == b'?') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'm' {
                out.push(raw[start..j].to_string());
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}
