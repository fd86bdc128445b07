//! End-to-end: the real binary in a pseudo-terminal, driven by keys like a user.

mod support;

use support::pty::Pty;

#[test]
fn opens_the_seeds_navigates_the_tree_and_quits_cleanly() {
    let mut p = Pty::spawn(&[], &[], 80, 24);
    p.wait_text("Table of Contents");
    // Tree shown at 80 columns; focus starts in the text.
    assert!(p.row(0).contains('│'), "tree pane separator missing:\n{}", p.contents());
    p.type_slowly(&["\t", "G"]);
    p.settle(100);
    p.type_slowly(&["\r"]);
    p.settle(100);
    let status = p.row(23);
    assert!(status.contains('%'), "status line: {status}");
    let before = p.contents();
    p.type_slowly(&["\t", "g"]);
    p.settle(100);
    assert_ne!(p.contents(), before, "g at the top of the text should move the view");
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
