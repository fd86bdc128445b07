//! Layout tests: exact rendered lines per block kind, the width property over mixed scripts,
//! anchor round trips and resizes, and an ignored timing test for a 5 MB document.

#[path = "wrap/props.rs"]
mod props;
#[path = "wrap/support.rs"]
mod support;

use lectern::doc::{Align, Block, BlockKind, Inline, Link, StyleRun, Table};
use lectern::layout::{Layout, LayoutOptions, SegKind};
use support::{doc, item, quoted, rendered, rendered_ascii, table_block};

#[test]
fn paragraph_wraps_at_spaces_and_drops_trailing_spaces() {
    let d = doc(vec![Block::new(BlockKind::Paragraph, "The quick brown fox jumps over the lazy dog")]);
    assert_eq!(rendered(&d, 16), ["The quick brown", "fox jumps over", "the lazy dog"]);
}

#[test]
fn long_words_split_by_graphemes() {
    let d = doc(vec![Block::new(BlockKind::Paragraph, "ab supercalifragilistic cd")]);
    assert_eq!(rendered(&d, 8), ["ab", "supercal", "ifragili", "stic cd"]);
}

#[test]
fn hard_line_breaks_are_kept() {
    let d = doc(vec![Block::new(BlockKind::Paragraph, "roses are red\nviolets")]);
    assert_eq!(rendered(&d, 40), ["roses are red", "violets"]);
}

#[test]
fn list_items_hang_and_tight_lists_have_no_blank_lines() {
    let d = doc(vec![
        item(0, "•", "Alpha beta gamma delta"),
        item(1, "1.", "one two three four"),
        item(0, "", "continued text here"),
        Block::new(BlockKind::Paragraph, "After."),
    ]);
    let want = [
        "• Alpha beta",
        "  gamma delta",
        "  1. one two",
        "     three",
        "     four",
        "  continued",
        "  text here",
        "",
        "After.",
    ];
    assert_eq!(rendered(&d, 14), want);
}

#[test]
fn list_marker_segments_are_marked() {
    let d = doc(vec![item(1, "10.", "x")]);
    let l = Layout::build(&d, 20);
    let kinds: Vec<SegKind> = l.segments(&d, 0).iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [SegKind::Indent, SegKind::Marker, SegKind::Marker, SegKind::Body]);
    assert_eq!(rendered_ascii(&doc(vec![item(0, "•", "x")]), 20), ["* x"]);
}

#[test]
fn quotes_draw_bars_on_every_line_and_between_quoted_blocks() {
    let d = doc(vec![
        quoted(Block::new(BlockKind::Paragraph, "Quoted text that wraps"), 1),
        quoted(Block::new(BlockKind::Paragraph, "Deeper"), 2),
        Block::new(BlockKind::Paragraph, "Out"),
    ]);
    let want = ["│ Quoted", "│ text that", "│ wraps", "│", "│ │ Deeper", "", "Out"];
    assert_eq!(rendered(&d, 12), want);
    let l = Layout::build(&d, 12);
    assert_eq!(l.segments(&d, 0)[0].kind, SegKind::QuoteBar);
    assert_eq!(rendered_ascii(&d, 12)[4], "| | Deeper");
}

#[test]
fn code_is_never_reflowed_and_long_lines_continue_visibly() {
    let d = doc(vec![Block::new(BlockKind::Code { lang: None }, "fn main() {\n\tlet x = 1;\n}\n")]);
    assert_eq!(rendered(&d, 12), ["fn main() {", "        let ", "↪ x = 1;", "}"]);
    let l = Layout::build(&d, 12);
    let mark = &l.segments(&d, 2)[0];
    assert_eq!((mark.kind, mark.style), (SegKind::Code, Inline::PLACEHOLDER));
    assert_eq!(rendered_ascii(&d, 12)[2], "> x = 1;");
    // Short lines and blank lines inside code stay as they are.
    let d = doc(vec![Block::new(BlockKind::Code { lang: None }, "a  b\n\nc")]);
    assert_eq!(rendered(&d, 40), ["a  b", "", "c"]);
}

#[test]
fn tabs_in_prose_become_spaces() {
    let d = doc(vec![Block::new(BlockKind::Paragraph, "a\tb")]);
    assert_eq!(rendered(&d, 40), ["a b"]);
}

#[test]
fn rule_spans_the_width() {
    let d = doc(vec![Block::new(BlockKind::Rule, ""), quoted(Block::new(BlockKind::Rule, "***"), 1)]);
    assert_eq!(rendered(&d, 10), ["──────────", "", "│ ────────"]);
    assert_eq!(rendered_ascii(&d, 4), ["----", "", "| --"]);
}

#[test]
fn headings_wrap_and_levels_one_and_two_are_underlined() {
    let d = doc(vec![
        Block::new(BlockKind::Heading { level: 1 }, "Title words"),
        Block::new(BlockKind::Heading { level: 2 }, "A longer second heading"),
        Block::new(BlockKind::Heading { level: 3 }, "Third"),
        Block::new(BlockKind::Paragraph, "Body."),
    ]);
    let want =
        ["Title words", "═══════════", "", "A longer", "second", "heading", "────────", "", "Third", "", "Body."];
    assert_eq!(rendered(&d, 12), want);
    let l = Layout::build(&d, 12);
    assert_eq!(l.segments(&d, 0)[0].kind, SegKind::Heading(1));
    assert_eq!(l.segments(&d, 8)[0].kind, SegKind::Heading(3));
}

#[test]
fn table_fits_at_natural_width_with_alignment() {
    let d = doc(vec![table_block(
        vec![Align::Left, Align::Right],
        1,
        &[&["Name", "Qty"], &["Apple", "3"], &["Kiwi", "12"]],
    )]);
    assert_eq!(rendered(&d, 40), ["Name  │ Qty", "──────┼────", "Apple │   3", "Kiwi  │  12"]);
    assert_eq!(rendered_ascii(&d, 40)[1], "------+----");
    let l = Layout::build(&d, 40);
    assert!(l.segments(&d, 0).iter().any(|s| s.kind == SegKind::TableHeader && s.text == "Name"));
    assert!(l.segments(&d, 2).iter().any(|s| s.kind == SegKind::TableCell && s.text == "Apple"));
    assert_eq!(l.segments(&d, 1)[0].kind, SegKind::TableBorder);
}

#[test]
fn table_shrinks_wide_columns_and_wraps_their_cells() {
    let d = doc(vec![table_block(
        vec![Align::None, Align::None],
        1,
        &[&["Key", "Description"], &["a", "a fairly long description text"]],
    )]);
    let want = ["Key │ Description", "────┼───────────────", "a   │ a fairly long", "    │ description", "    │ text"];
    assert_eq!(rendered(&d, 20), want);
}

#[test]
fn table_too_wide_for_a_grid_becomes_records() {
    let d = doc(vec![table_block(
        vec![Align::None; 5],
        1,
        &[
            &["Name", "Role", "Team", "City", "Since"],
            &["Ada", "Engineer", "Compilers", "London", "1843"],
            &["Alan", "Mathematician", "Codebreaking", "Bletchley", "1939"],
        ],
    )]);
    let want = [
        "Name: Ada",
        "Role: Engineer",
        "Team: Compilers",
        "City: London",
        "Since: 1843",
        "────────────────────",
        "Name: Alan",
        "Role: Mathematician",
        "Team: Codebreaking",
        "City: Bletchley",
        "Since: 1939",
    ];
    assert_eq!(rendered(&d, 20), want);
    // Narrower still: values wrap under a two-column indent.
    let narrow = rendered(&d, 12);
    assert_eq!(narrow[9..11], ["Role: Mathem", "  atician"]);
    // A label longer than half the width is cut, keeping the value readable.
    assert_eq!(narrow[6], "Since:1843");
}

#[test]
fn style_runs_and_links_reach_segments() {
    let mut b = Block::new(BlockKind::Paragraph, "plain bold link");
    b.runs = vec![StyleRun::new(6..10, Inline::BOLD)].into();
    b.links = vec![Link::new(11..15, "https://example.org".into())].into();
    let d = doc(vec![b]);
    let l = Layout::build(&d, 40);
    let segs: Vec<(String, Inline)> = l.segments(&d, 0).iter().map(|s| (s.text.to_string(), s.style)).collect();
    let want = [("plain ", Inline::PLAIN), ("bold", Inline::BOLD), (" ", Inline::PLAIN), ("link", Inline::LINK)];
    assert_eq!(segs, want.map(|(t, s)| (t.to_string(), s)));
}

#[test]
fn control_and_bidi_characters_show_as_placeholders() {
    let d = doc(vec![Block::new(BlockKind::Paragraph, "a\u{1b}b\u{202e}c")]);
    let l = Layout::build(&d, 40);
    let segs = l.segments(&d, 0);
    let texts: Vec<&str> = segs.iter().map(|s| s.text.as_ref()).collect();
    assert_eq!(texts, ["a", "^[", "b", "<RLO>", "c"]);
    assert_eq!(segs[1].style, Inline::PLACEHOLDER);
    assert_eq!(segs[3].style, Inline::PLACEHOLDER);
}

#[test]
fn wide_characters_never_straddle_the_edge() {
    let d = doc(vec![Block::new(BlockKind::Paragraph, "ab中文字")]);
    assert_eq!(rendered(&d, 5), ["ab中", "文字"]);
    // One column cannot hold a width-2 character: a one-column replacement stands in.
    let d = doc(vec![Block::new(BlockKind::Paragraph, "中a")]);
    assert_eq!(rendered(&d, 1), ["\u{FFFD}", "a"]);
    assert_eq!(Layout::build(&d, 1).segments(&d, 0)[0].style, Inline::PLACEHOLDER);
    assert_eq!(rendered_ascii(&d, 1), ["?", "a"]);
}

#[test]
fn grapheme_clusters_are_never_split() {
    let family = "👨\u{200d}👩\u{200d}👧";
    let text = format!("e\u{301}e\u{301}e\u{301}{family}{family}");
    let d = doc(vec![Block::new(BlockKind::Paragraph, text)]);
    assert_eq!(rendered(&d, 3), ["e\u{301}e\u{301}e\u{301}", family, family]);
}

#[test]
fn narrow_panes_cut_prefixes_but_keep_text_columns() {
    let d = doc(vec![quoted(item(4, "•", "word"), 3)]);
    for w in 1..12u16 {
        let l = Layout::build(&d, w);
        let text: String =
            l.segments(&d, 0).iter().filter(|s| s.kind == SegKind::Body).map(|s| s.text.to_string()).collect();
        assert!(!text.is_empty(), "width {w}: no text columns left");
    }
}

#[test]
fn empty_documents_and_blocks_do_not_panic() {
    let d = doc(vec![]);
    let l = Layout::build(&d, 80);
    assert!(l.is_empty());
    assert_eq!(l.line_of(lectern::doc::Anchor::new(3, 4)), 0);
    assert_eq!(l.anchor_of(5), lectern::doc::Anchor::default());
    assert!(l.segments(&d, 0).is_empty());
    let t = Table { align: vec![], header_rows: 1, rows: vec![] };
    let d = doc(vec![
        Block::new(BlockKind::Paragraph, ""),
        Block::new(BlockKind::Heading { level: 1 }, ""),
        item(0, "", ""),
        Block::new(BlockKind::Code { lang: None }, ""),
        Block::new(BlockKind::Table(Box::new(t)), ""),
        Block::new(BlockKind::Rule, ""),
    ]);
    for w in [1, 2, 80] {
        let l = Layout::build_with(&d, &LayoutOptions { width: w, ascii: false });
        for b in 0..d.blocks.len() {
            let i = l.first_line_of_block(b);
            assert_eq!(l.line(i).block, b);
            assert!(!l.line(i).blank);
            let _ = l.segments(&d, i);
        }
    }
}
