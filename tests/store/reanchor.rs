//! Re-anchoring notes after the document is edited: counts of exact, fuzzy and orphaned
//! placements for each kind of edit, printed and asserted.

use lectern::doc::{Anchor, Document};
use lectern::store::capture::capture;
use lectern::store::{Placement, StoredAnchor, reanchor};

use crate::common::{GUIDE, at, doc};

/// Six notes spread over the guide, as (label, anchor).
fn notes(d: &Document) -> Vec<(&'static str, StoredAnchor)> {
    vec![
        ("install-start", capture(d, Anchor::new(2, 0))),
        ("install-refuses", capture(d, at(d, 3, "refuses"))),
        ("config-toml", capture(d, at(d, 5, "lectern.toml"))),
        ("config-colours", capture(d, Anchor::new(6, 0))),
        ("trouble-window", capture(d, at(d, 8, "try a smaller"))),
        ("trouble-crash", capture(d, at(d, 9, "log file"))),
        ("trouble-heading", capture(d, Anchor::new(7, 0))),
    ]
}

fn tally(name: &str, d: &Document, notes: &[(&str, StoredAnchor)]) -> (usize, usize, usize, Vec<Placement>) {
    let placed: Vec<Placement> = notes.iter().map(|(_, a)| reanchor(d, a)).collect();
    let count = |f: fn(&Placement) -> bool| placed.iter().filter(|p| f(p)).count();
    let exact = count(|p| matches!(p, Placement::Exact(_)));
    let fuzzy = count(|p| matches!(p, Placement::Fuzzy(_)));
    let orphaned = count(|p| matches!(p, Placement::Orphaned));
    println!("reanchor {name}: exact {exact}, fuzzy {fuzzy}, orphaned {orphaned}");
    for ((label, _), p) in notes.iter().zip(&placed) {
        println!("  {label:16} {p:?}");
    }
    (exact, fuzzy, orphaned, placed)
}

/// The placed anchor points at the text the note was written on.
fn lands_on(d: &Document, p: Placement, text: &str) -> bool {
    p.anchor().is_some_and(|a| d.blocks[a.block].text[a.byte..].starts_with(text))
}

#[test]
fn unchanged_document_places_everything_exactly_where_it_was() {
    let d = doc(GUIDE);
    let n = notes(&d);
    let (exact, _, _, placed) = tally("unchanged", &d, &n);
    assert_eq!(exact, n.len());
    for ((_, a), p) in n.iter().zip(placed) {
        assert_eq!(p, Placement::Exact(Anchor::new(a.block, a.byte)));
    }
}

#[test]
fn paragraphs_inserted_above_shift_blocks_but_stay_exact() {
    let d = doc(GUIDE);
    let n = notes(&d);
    let mut lines = GUIDE.to_vec();
    lines.insert(1, "A preface paragraph that was not there before.");
    lines.insert(1, "Another new paragraph, also about installation and configuration.");
    lines.insert(5, "## Requirements");
    lines.insert(6, "You need a terminal.");
    let edited = doc(&lines);
    let (exact, fuzzy, orphaned, placed) = tally("insert-above", &edited, &n);
    assert_eq!((exact, fuzzy, orphaned), (7, 0, 0));
    assert!(lands_on(&edited, placed[1], "refuses to continue"));
    assert!(lands_on(&edited, placed[4], "try a smaller"));
    assert_eq!(placed[4].anchor().map(|a| a.block), Some(12));
}

#[test]
fn reworded_text_keeps_exact_when_the_quote_survives_and_goes_fuzzy_when_it_does_not() {
    let d = doc(GUIDE);
    let n = notes(&d);
    let mut lines = GUIDE.to_vec();
    // Nearby text reworded, the quoted text itself intact.
    lines[3] = "Setup first verifies that a suitable runtime exists and refuses to continue if the version is older than three years.";
    // The quoted text itself reworded.
    lines[8] =
        "If the screen looks garbled over a slow link, try a narrower window or turn off the status bar for a while.";
    lines[9] =
        "Crashes should be reported with the log file attached plus a short description of what you were doing then.";
    let edited = doc(&lines);
    let (exact, fuzzy, orphaned, placed) = tally("reword", &edited, &n);
    assert_eq!((exact, fuzzy, orphaned), (5, 2, 0));
    assert!(lands_on(&edited, placed[1], "refuses to continue"));
    assert_eq!(placed[4], Placement::Fuzzy(at(&edited, 8, "try a narrower")));
    assert_eq!(placed[5], Placement::Fuzzy(at(&edited, 9, "log file")));
}

#[test]
fn deleting_the_annotated_section_orphans_its_notes_only() {
    let d = doc(GUIDE);
    let n = notes(&d);
    let edited = doc(&GUIDE[..7]);
    let (exact, fuzzy, orphaned, placed) = tally("delete-section", &edited, &n);
    assert_eq!((exact, fuzzy, orphaned), (4, 0, 3));
    assert_eq!(&placed[4..], &[Placement::Orphaned; 3]);
}

#[test]
fn an_unrelated_document_orphans_everything() {
    let d = doc(GUIDE);
    let n = notes(&d);
    let other = doc(&[
        "# Recipes",
        "Whisk two eggs with a pinch of salt until the mixture is pale and frothy.",
        "Melt butter in a pan over medium heat, pour in the eggs and stir gently.",
    ]);
    let (exact, fuzzy, orphaned, _) = tally("unrelated", &other, &n);
    assert_eq!((exact, fuzzy, orphaned), (0, 0, n.len()));
}

#[test]
fn a_repeated_sentence_is_told_apart_by_its_section() {
    let lines = [
        "# One",
        "See the notes at the end of this chapter for details.",
        "# Two",
        "See the notes at the end of this chapter for details.",
    ];
    let d = doc(&lines);
    let second = capture(&d, Anchor::new(3, 0));
    let mut edited = lines.to_vec();
    edited.insert(1, "New text.");
    edited.insert(1, "More new text.");
    let e = doc(&edited);
    assert_eq!(reanchor(&e, &second), Placement::Exact(Anchor::new(5, 0)));
}

#[test]
fn reanchoring_in_a_long_document_is_quick_enough() {
    let mut lines = vec!["# Long".to_string()];
    for i in 0..5000 {
        lines.push(format!(
            "Paragraph {i} talks about topic {} with some filler words to make it about as long as prose.",
            i % 97
        ));
    }
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let d = doc(&refs);
    let found = capture(&d, Anchor::new(4000, 10));
    let missing = StoredAnchor {
        quote: "This sentence was never in the document at all, not anywhere.".into(),
        ..Default::default()
    };
    let start = std::time::Instant::now();
    assert!(matches!(reanchor(&d, &found), Placement::Exact(a) if a == Anchor::new(4000, 10)));
    let exact = start.elapsed();
    assert_eq!(reanchor(&d, &missing), Placement::Orphaned);
    println!("reanchor 5000 blocks: exact {exact:?}, orphaned (full fuzzy scan) {:?}", start.elapsed() - exact);
}
