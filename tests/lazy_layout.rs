//! The lazy layout wraps part by part, yet must show exactly what the whole-document layout
//! shows: same lines, same segments, same anchors, at several widths, and after a rewrap.

use lectern::doc::{Anchor, Document, Origin};
use lectern::layout::{Layout, LayoutOptions, LazyLayout};
use lectern::library::parse_text;

fn fixture(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture");
    parse_text(&text, Origin::File(path.into()))
}

fn opts(width: u16) -> LayoutOptions {
    LayoutOptions { width, ascii: false }
}

/// Wrap everything through the lazy path, then compare line by line with the eager layout.
fn assert_same(doc: &Document, lazy: &mut LazyLayout, width: u16) {
    let eager = Layout::build(doc, width);
    lazy.ensure_around(doc, Anchor::default(), 0, usize::MAX);
    assert!(lazy.is_complete());
    assert_eq!(lazy.len(), eager.len(), "width {width}");
    for i in 0..eager.len() {
        assert_eq!(lazy.get(i), Some(eager.line(i)), "line {i} at width {width}");
        assert_eq!(lazy.segments(doc, i), eager.segments(doc, i), "line {i} at width {width}");
        assert_eq!(lazy.anchor_of(i), eager.anchor_of(i));
    }
    for b in (0..doc.blocks.len()).step_by(7) {
        assert_eq!(lazy.first_line_of_block(b), eager.first_line_of_block(b), "block {b}");
        assert_eq!(lazy.block_lines(b), eager.block_lines(b), "block {b}");
        let a = Anchor::new(b, 0);
        assert_eq!(lazy.line_of(a), eager.line_of(a), "block {b}");
    }
}

#[test]
fn lazy_layout_matches_the_whole_layout_on_markdown_and_plain_text() {
    for name in ["nodejs-20.20.2__fs.md", "ratatui-0.29.0__CHANGELOG.md", "debian-faq-11.1__debian-faq.en.txt"] {
        let doc = fixture(name);
        let mut lazy = LazyLayout::new(&doc, opts(72));
        assert!(!lazy.is_complete(), "{name} is big enough for several parts");
        assert_same(&doc, &mut lazy, 72);
        for width in [20, 41, 100] {
            let mut again = lazy.rewrap(opts(width));
            assert_same(&doc, &mut again, width);
        }
    }
}

#[test]
fn counting_in_the_background_gives_the_exact_length_without_keeping_lines() {
    let doc = fixture("nodejs-20.20.2__fs.md");
    let eager = Layout::build(&doc, 60);
    let mut lazy = LazyLayout::new(&doc, opts(60));
    let mut steps = 0;
    while lazy.count_step(&doc, std::time::Instant::now()) {
        steps += 1;
        assert!(lazy.progress() < 100);
    }
    assert!(steps > 1, "one part per step when the deadline has passed");
    assert_eq!(lazy.len(), eager.len());
    assert_eq!(lazy.progress(), 100);
    // Counted, not kept: lines far from any use are not wrapped.
    assert_eq!(lazy.get(eager.len() / 2), None);
}

#[test]
fn the_window_around_an_anchor_is_exact_before_the_rest_is_counted() {
    let doc = fixture("ratatui-0.29.0__CHANGELOG.md");
    let eager = Layout::build(&doc, 80);
    let mut lazy = LazyLayout::new(&doc, opts(80));
    let middle = Anchor::new(doc.blocks.len() / 2, 0);
    lazy.ensure_around(&doc, middle, 100, 100);
    lazy.ensure_tail(&doc, 50);
    assert!(!lazy.is_complete());
    // Line numbers there are shifted by the estimate of what is before, but the lines and
    // the anchor round trip are exact.
    let at = lazy.line_of(middle);
    let exact = eager.line_of(middle);
    for d in 0..100 {
        assert_eq!(lazy.get(at + d), eager.get(exact + d), "{d} lines below");
        assert_eq!(lazy.get(at - d), eager.get(exact - d), "{d} lines above");
    }
    assert_eq!(lazy.anchor_of(at), eager.anchor_of(exact));
    let last = lazy.len() - 1;
    assert_eq!(lazy.get(last), eager.get(eager.len() - 1), "the end is wrapped for G");
}
