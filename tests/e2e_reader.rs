//! End-to-end: the real binary in a pseudo-terminal, driven by keys like a user.

mod support;

use support::pty::Pty;

#[test]
fn opens_the_seeds_navigates_the_tree_and_quits_cleanly() {
    let mut p = Pty::spawn(&[], &[], 80, 24);
    p.wait_text("Table of Contents");
    // Tree shown at 80 columns; focus starts in the text.
    assert!(p.row(0).contains('│'), "tree pane separator missing:\n{}", p.contents());
    // Tab to the tree, last visible entry, Enter: the reader jumps to that chapter.
    p.type_slowly(&["\t", "G", "\r"]);
    p.wait_for("status shows the last chapter", 10, |s| {
        s.lines().last().unwrap_or("").contains("Support to National Security Policy")
    });
    // Expand it (l) and open its last child.
    p.type_slowly(&["l", "G", "\r"]);
    p.wait_for("status shows the last section", 10, |s| {
        s.lines().last().unwrap_or("").contains("Challenges and Opportunities")
    });
    // Back in the text, g returns to the top and the tree follows.
    p.type_slowly(&["\t", "g"]);
    p.wait_for("status at the top", 10, |s| {
        let last = s.lines().last().unwrap_or("");
        !last.contains("Challenges") && last.contains("Security Sector Reform Integrated")
    });
    p.send("q");
    assert_eq!(p.wait_exit(10), 0);
    p.assert_restored();
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for sig in ["TERM", "HUP"] {
        let mut p = Pty::spawn(&[], &[], 80, 24);
        p.wait_text("Security Sector Reform");
        p.signal(sig);
        let code = p.wait_exit(10);
        assert_ne!(code, 0, "SIG{sig} should not look like a normal exit");
        p.assert_restored();
    }
}

#[test]
fn no_output_while_idle() {
    let p = Pty::spawn(&[], &[], 80, 24);
    p.wait_text("Security Sector Reform");
    p.settle(200);
    let n = p.bytes_len();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert_eq!(p.bytes_len(), n, "bytes written while no key arrived");
}

#[test]
fn user_keymap_file_rebinds_keys() {
    let dir = tempfile::tempdir().unwrap();
    let km = dir.path().join("keymap.txt");
    std::fs::write(&km, "global | quit | x\n").unwrap();
    let mut p = Pty::spawn(&[], &[("LECTERN_KEYMAP", km.to_str().unwrap())], 80, 24);
    p.wait_text("Security Sector Reform");
    p.send("q");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(p.alternate_screen(), "q no longer quits");
    p.send("x");
    assert_eq!(p.wait_exit(10), 0);
    p.assert_restored();
}

#[test]
fn settings_file_applies_and_flags_win() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("settings.txt");
    // A 30-column text width is easy to see on screen; the bad line is reported, not fatal.
    std::fs::write(&cfg, "max_width = 30\ntree = off\nbogus = 1\n").unwrap();
    let mut p = Pty::spawn(&[], &[("LECTERN_CONFIG", cfg.to_str().unwrap())], 100, 24);
    p.wait_text("Security Sector Reform");
    p.settle(100);
    assert!(!p.row(0).contains('│'), "tree = off hides the tree:\n{}", p.contents());
    assert!(p.row(0).trim_end().chars().count() <= 31, "text wrapped to 30 columns:\n{}", p.contents());
    assert!(p.row(23).contains("unknown setting"), "status: {}", p.row(23));
    p.send("q");
    assert_eq!(p.wait_exit(10), 0);
    let mut p = Pty::spawn(&["--max-width", "60"], &[("LECTERN_CONFIG", cfg.to_str().unwrap())], 100, 24);
    p.wait_text("Security Sector Reform");
    p.settle(100);
    assert!(p.contents().lines().any(|l| l.trim_end().chars().count() > 40), "the flag wins:\n{}", p.contents());
    p.send("q");
    assert_eq!(p.wait_exit(10), 0);
}
