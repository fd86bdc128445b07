//! Properties over generated hostile documents (proptest shrinks a failure to a minimal
//! document): no panic anywhere from bytes to screen; every byte is either shown or accounted
//! for (decoding keeps valid text or says what it did; every character of a prose or code block
//! is drawn, controls as placeholders; every word survives the readers); anchors round-trip and
//! survive a resize; wrapping never exceeds the width; the screen never holds a control
//! character. The invariants themselves live with the fuzz targets (tests/fuzz/src/targets.rs).

#[path = "fuzz/src/targets.rs"]
mod targets;

use lectern::app::{App, Settings};
use lectern::doc::{BlockKind, Document, Origin, markdown, plain};
use lectern::layout::{Layout, LayoutOptions};
use lectern::library::Library;
use lectern::ui::{self, Theme};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Pieces the readers' heuristics and the terminal care about, mixed with arbitrary chars.
const PIECES: &[&str] = &[
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "# ",
    "## ",
    "> ",
    "- ",
    "* ",
    "1. ",
    "a) ",
    "IV. ",
    "```\n",
    "    ",
    "|",
    "---",
    "===",
    "[",
    "](",
    ")",
    "`",
    "**",
    "_",
    "<b>",
    "\r\n",
    "\r",
    "\x1b",
    "\x1b[31m",
    "\x1b]0;t\x07",
    "\x07",
    "\x7f",
    "\u{85}",
    "\u{9b}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "\u{200b}",
    "\u{2028}",
    "\u{feff}",
    "e\u{301}",
    "日本語",
    "한국어",
    "ภาษาไทย",
    "བོད",
    "שלום",
    "مرحبا",
    "👨\u{200d}👩\u{200d}👧",
    "🇯🇵",
    "1\u{fe0f}\u{20e3}",
    "Chapter 1",
    "CONTENTS",
    "word",
    "reader",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_string),
        2 => "[a-zA-Z]{1,10}",
        1 => any::<char>().prop_map(String::from),
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

fn readers(text: &str) -> [Document; 2] {
    [plain::parse(text, Origin::Stdin), markdown::parse(text, Origin::Stdin)]
}

/// Everything of `doc` a reader can see as text: block texts, list markers, outline titles
/// and numbers.
fn everything_shown(doc: &Document) -> String {
    let mut all = String::new();
    for b in &doc.blocks {
        if let BlockKind::ListItem { marker, .. } = &b.kind {
            all.push_str(marker);
            all.push(' ');
        }
        all.push_str(&b.text);
        all.push(' ');
    }
    for s in &doc.outline {
        all.push_str(s.number.as_deref().unwrap_or(""));
        all.push(' ');
        all.push_str(&s.title);
        all.push(' ');
    }
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn readers_and_layout_hold_their_invariants(text in hostile_text(), width in 1u16..160, ascii in any::<bool>()) {
        for doc in readers(&text) {
            targets::check_document(&doc);
            targets::check_layout(&doc, LayoutOptions { width, ascii });
        }
    }

    #[test]
    fn decoding_keeps_valid_text_or_says_what_it_did(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        targets::decode_bytes(&bytes);
    }

    #[test]
    fn decoding_text_with_stray_bytes(text in hostile_text(), stray in prop::collection::vec((any::<prop::sample::Index>(), 0x80u8..=0xff), 0..4)) {
        let mut bytes = text.into_bytes();
        for (at, b) in stray {
            let i = at.index(bytes.len() + 1);
            bytes.insert(i, b);
        }
        targets::decode_bytes(&bytes);
    }

    #[test]
    fn every_word_survives_both_readers(words in prop::collection::vec(("[a-z]{2,9}", prop::sample::select(&[" ", " ", " ", "\n", "\n\n"][..])), 1..80)) {
        let text: String = words.iter().map(|(w, sep)| format!("{w}{sep}")).collect();
        for doc in readers(&text) {
            let shown = everything_shown(&doc).to_lowercase();
            for (w, _) in &words {
                prop_assert!(shown.contains(w.as_str()), "{w:?} lost from {text:?}; doc shows {shown:?}");
            }
        }
    }

    #[test]
    fn anchors_survive_a_resize(text in hostile_text(), w1 in 1u16..120, w2 in 1u16..120) {
        for doc in readers(&text) {
            let l1 = Layout::build(&doc, w1);
            let l2 = Layout::build(&doc, w2);
            for i in 0..l1.len() {
                let a = l1.anchor_of(i);
                let j = l2.line_of(a);
                prop_assert!(l2.anchor_of(j) <= a, "line {i} at {w1}: {a:?} lands after it at {w2}");
                if !l1.line(i).blank {
                    prop_assert_eq!(l2.line(j).block, a.block, "line {} at {}: {:?} changes block at {}", i, w1, a, w2);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn the_screen_never_holds_a_control_character(text in hostile_text(), cols in 10u16..300, rows in 2u16..40) {
        let lib = Library { docs: readers(&text).into_iter().collect(), problems: vec![text.clone()], skipped: 0, ..Default::default() };
        let app = App::new(lib, cols, rows, Settings::default());
        let mut term = Terminal::new(TestBackend::new(cols, rows)).expect("backend");
        term.draw(|f| ui::render(&app, &Theme { color: true, lean: false }, f)).expect("draw");
        let buf = term.backend().buffer();
        for y in 0..rows {
            for x in 0..cols {
                let sym = buf[(x, y)].symbol();
                prop_assert!(!sym.contains(char::is_control), "control in cell ({x},{y}): {sym:?}");
                prop_assert!(!sym.contains(|c| ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)), "bidi control in cell ({x},{y})");
            }
        }
    }
}
