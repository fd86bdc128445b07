//! Wide and complex text at every terminal width from 10 to 300 columns: CJK, emoji
//! sequences, combining marks, Thai, Tibetan, Tamil, Arabic and Hebrew, invalid UTF-8 and a
//! recorded terminal session. No panic, no line wider than its width as ratatui measures it
//! (grapheme by grapheme, the way it fills cells), and the panes never spill into each other.

use lectern::app::{App, Settings};
use lectern::doc::{Document, Origin};
use lectern::layout::Layout;
use lectern::library::{Library, document_from_bytes};
use lectern::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Fixtures with wide, combining, right-to-left or broken text, and how many widths to skip
/// between checks (1 = every width; the 669 KB emoji file is sampled).
const FILES: &[(&str, usize)] = &[
    ("yudit-doc__UTF-8-demo.txt", 1),
    ("yudit-doc__UTF-8-test.txt", 1),
    ("yudit-doc__TestPage.txt", 1),
    ("yudit-doc__yi_FAQ.TXT", 1),
    ("debian-history__dedication-2.2.ja.txt", 1),
    ("debian-history__dedication-9.0.ta.txt", 1),
    ("console-0.15.11__sample_zellij_session.log", 1),
    ("brotli__cp1251-utf16le", 1),
    ("unicode-width-0.2.2__emoji-test.txt", 37),
];

/// Hand-made lines for scripts the fixtures lack or only touch: Thai (no spaces between
/// words), Tibetan stacks, Devanagari, Zalgo-style stacked marks, flags, keycaps, ZWJ families,
/// mixed-direction Arabic/Hebrew, fullwidth forms, a lone combining mark at a line start.
const SAMPLES: &str = "# ภาษาไทย ทดสอบ\n\nภาษาไทยไม่มีการเว้นวรรคระหว่างคำซึ่งทำให้การตัดบรรทัดยากมากสำหรับโปรแกรม\n\n\
## བོད་ཡིག\n\nབཀྲ་ཤིས་བདེ་ལེགས། སྒྲུབ་བསྒྲགས་ཀྱི་ཡིག་ཆ་ཀློག་པ།\n\n\
हिन्दी में लिखा गया एक लम्बा वाक्य जिसमें संयुक्ताक्षर हैं: क्ष त्र ज्ञ श्र\n\n\
Z̸̡̛̛̖̗̘̙̜̝̞̟̠a̴̢̧̨̛̛̛̖̗̘̙̜̝̞̟̠l̵̡̢̧̨̛̖̗̘̙̜̝̞̟̠g̶̡̢̧̨̛̖̗̘̙̜̝̞̟̠ơ̷̢̧̨̖̗̘̙̜̝̞̟̠ text\n\n\
🇯🇵🇺🇳🏴󠁧󠁢󠁳󠁣󠁴󠁿 1️⃣ #️⃣ 👩🏽‍💻 👨‍👩‍👧‍👦 🧑🏿‍🤝‍🧑🏻 ❤️‍🔥\n\n\
العربية مكتوبة من اليمين إلى اليسار مع English words و 123 أرقام.\n\n\
עברית עם מילים באנגלית and numbers 456 בתוך השורה.\n\n\
ＦＵＬＬＷＩＤＴＨ　ｆｏｒｍｓ　１２３\n\n\u{301}starts with a combining mark\n";

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn open(name: &str, bytes: &[u8]) -> Document {
    document_from_bytes(bytes, Origin::File(name.into())).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Width as ratatui fills cells: grapheme by grapheme, zero-width and control graphemes dropped.
fn cell_width(s: &str) -> usize {
    s.graphemes(true).filter(|g| !g.contains(char::is_control)).map(|g| g.width()).sum()
}

fn check_layout(name: &str, doc: &Document, width: u16) {
    let layout = Layout::build(doc, width);
    for i in 0..layout.len() {
        let segs = layout.segments(doc, i);
        let w: usize = segs.iter().map(|s| cell_width(&s.text)).sum();
        assert!(w <= width as usize, "{name} at {width}: line {i} is {w} wide: {:?}", layout.line_text(doc, i));
        for s in &segs {
            assert!(
                !s.text.contains(|c: char| c.is_control() && c != ' '),
                "{name} at {width}: control in {:?}",
                s.text
            );
        }
    }
}

/// Draw the whole reader at `cols` x 20 and check the frame holds together.
fn check_screen(name: &str, doc: &Document, cols: u16) {
    let lib = Library { docs: vec![doc.clone()], problems: Vec::new(), skipped: 0, ..Default::default() };
    let rows = 20;
    let app = App::new(lib, cols, rows, Settings::default());
    let mut term = Terminal::new(TestBackend::new(cols, rows)).expect("backend");
    term.draw(|f| ui::render(&app, &Theme { color: true, lean: false }, f)).expect("draw");
    let buf = term.backend().buffer();
    let g = app.geometry();
    if let Some(tree) = g.tree {
        for y in 0..tree.height {
            let sep = buf[(tree.x + tree.width, y)].symbol();
            assert_eq!(sep, "│", "{name} at {cols}: separator overwritten on row {y}");
        }
    }
    let status: String = (0..cols).map(|x| buf[(x, rows - 1)].symbol()).collect();
    assert!(status.trim_end().ends_with('%') || cols < 12, "{name} at {cols}: status line {status:?}");
    for y in 0..rows {
        for x in 0..cols {
            let sym = buf[(x, y)].symbol();
            assert!(!sym.contains(char::is_control), "{name} at {cols}: control char in cell ({x},{y})");
        }
    }
}

#[test]
fn fixtures_at_every_width_from_10_to_300() {
    for (name, step) in FILES {
        let doc = open(name, &fixture(name));
        for width in (10u16..=300).step_by(*step) {
            check_layout(name, &doc, width);
            check_screen(name, &doc, width);
        }
    }
}

#[test]
fn complex_scripts_at_every_width() {
    for (name, doc) in [
        ("samples.md", open("samples.md", SAMPLES.as_bytes())),
        ("samples.txt", open("samples.txt", SAMPLES.as_bytes())),
    ] {
        for width in 1u16..=300 {
            check_layout(name, &doc, width);
        }
        for cols in 10u16..=300 {
            check_screen(name, &doc, cols);
        }
    }
}

#[test]
fn bidi_text_keeps_the_tree_and_status_in_place() {
    // Overrides inside titles and text are drawn as placeholders, so the tree pane and the
    // status line of a document full of them read exactly like any other.
    let text = "# \u{202e}Reversed title\n\n## שלום\n\nBody \u{202e}override\u{202c} and \u{2067}isolate\u{2069}.\n";
    let doc = open("bidi.md", text.as_bytes());
    let lib = Library { docs: vec![doc], problems: Vec::new(), skipped: 0, ..Default::default() };
    let app = App::new(lib, 100, 10, Settings::default());
    let mut term = Terminal::new(TestBackend::new(100, 10)).expect("backend");
    term.draw(|f| ui::render(&app, &Theme { color: true, lean: false }, f)).expect("draw");
    let buf = term.backend().buffer();
    let rows: Vec<String> = (0..10).map(|y| (0..100).map(|x| buf[(x, y)].symbol()).collect()).collect();
    let all = rows.join("\n");
    assert!(all.contains("<RLO>Reversed title"), "{all}");
    assert!(all.contains("<RLI>isolate<PDI>"), "{all}");
    assert!(
        !all.contains(|c: char| ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)),
        "{all}"
    );
    assert!(rows[9].contains("<RLO>Reversed title"), "status line: {}", rows[9]);
}
