//! End-to-end: `/word`, `n`, `N` in the real binary in a pseudo-terminal.

mod support;

use support::pty::Pty;

#[test]
fn slash_n_and_big_n_step_through_matches() {
    let mut p = Pty::spawn(&["seeds/003_a07c73ac8de5727e.txt"], &[], 80, 24);
    p.wait_text("New publication");
    p.type_slowly(&["/", "p", "e", "a", "c", "e", "k", "e", "e", "p", "\r"]);
    p.wait_for("first match counter", 10, |s| s.contains("match 1/"));
    let status = p.row(23);
    let total: usize = status.split("match 1/").nth(1).unwrap().split_whitespace().next().unwrap().parse().unwrap();
    assert!(total >= 3, "status: {status}");
    p.send("n");
    p.wait_for("second match", 10, |s| s.contains("match 2/"));
    p.send("N");
    p.wait_for("back to first", 10, |s| s.contains("match 1/"));
    p.send("N");
    p.wait_for("wrapped to the last", 10, |s| s.contains(&format!("match {total}/{total}")));
    assert!(p.contents().contains("peacekeeping") || p.contents().contains("Peacekeep"));
    p.send("q");
    assert_eq!(p.wait_exit(10), 0);
    p.assert_restored();
}

#[test]
fn fuzzy_overlay_opens_types_and_jumps() {
    let mut p = Pty::spawn(&[], &[], 80, 24);
    p.wait_text("Table of Contents");
    p.type_slowly(&["f", "g", "e", "n", "d", "r", " ", "c", "h", "a", "l"]);
    p.wait_text("Challenges and Opportunities");
    p.send("\r");
    p.wait_for("status shows the section", 10, |s| {
        s.lines().last().unwrap_or("").contains("Challenges and Opportunities")
    });
    p.send("q");
    assert_eq!(p.wait_exit(10), 0);
}
