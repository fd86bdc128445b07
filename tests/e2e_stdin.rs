//! End-to-end: a document piped on stdin is read like less does, with keys from the terminal.

mod support;

use support::pty::Pty;

#[test]
fn piped_document_is_shown_and_keys_still_work() {
    let bin = support::pty::binary();
    let cmd = format!(
        "printf 'Piped Title\\n===========\\n\\nFirst paragraph.\\n\\nSecond part\\n-----------\\n\\nMore text.\\n' | {} ; echo exited=$?",
        bin.display()
    );
    let mut p = Pty::spawn_shell(&cmd, 80, 24);
    p.wait_text("First paragraph.");
    assert!(p.contents().contains("Second part"), "{}", p.contents());
    p.send("]");
    p.wait_for("status follows the section", 10, |s| s.lines().any(|l| l.contains("› Second part")));
    p.send("q");
    p.wait_text("exited=0");
}

#[test]
fn dash_reads_stdin_too() {
    let bin = support::pty::binary();
    let cmd = format!("echo 'dash stdin works' | {} - ; echo exited=$?", bin.display());
    let mut p = Pty::spawn_shell(&cmd, 80, 24);
    p.wait_text("dash stdin works");
    p.send("q");
    p.wait_text("exited=0");
}
