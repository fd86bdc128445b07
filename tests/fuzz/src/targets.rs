//! The bodies of the fuzz targets, and the invariants they check: shared by the cargo-fuzz
//! binaries (`tests/fuzz/fuzz_targets/`), `tests/fuzz_corpus.rs` (which runs them over the
//! seed corpus in every `cargo test`) and `tests/properties.rs`. Each target panics only when
//! an invariant breaks; a panic inside lectern itself is the other thing fuzzing looks for.

#![allow(dead_code)]

use lectern::doc::decode::decode;
use lectern::doc::sanitize::placeholder;
use lectern::doc::{BlockKind, Document, Origin, markdown, plain};
use lectern::layout::{Layout, LayoutOptions, LineKind, SegKind};
use lectern::store::migrate::migrate_doc;
use lectern::store::schema::{self, DocRecord};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Bytes -> text: either refused as binary, or every byte is in the text, or a notice tells
/// the user how the bytes were read.
pub fn decode_bytes(data: &[u8]) {
    let Ok(d) = decode(data) else { return };
    assert!(!d.text.contains('\r'), "CR survived line-ending normalisation");
    let utf8 = std::str::from_utf8(data);
    match utf8 {
        Ok(s) if d.encoding == "UTF-8" => {
            let s = s.strip_prefix('\u{FEFF}').unwrap_or(s);
            assert_eq!(d.text, s.replace("\r\n", "\n").replace('\r', "\n"), "valid UTF-8 changed");
        }
        Err(_) if !d.encoding.starts_with("UTF-16") => {
            assert!(!d.notices.is_empty(), "invalid UTF-8 read as {} without a notice", d.encoding)
        }
        _ => {}
    }
}

/// Both readers on lossily decoded bytes: a consistent model.
pub fn plain_reader(data: &[u8]) {
    check_document(&plain::parse(&String::from_utf8_lossy(data), Origin::Stdin));
}

pub fn markdown_reader(data: &[u8]) {
    check_document(&markdown::parse(&String::from_utf8_lossy(data), Origin::Stdin));
}

/// The wrapper: first byte is the width, second picks ASCII mode, the rest is the document
/// (read by both readers).
pub fn wrap(data: &[u8]) {
    let (width, ascii, text) = match data {
        [w, a, rest @ ..] => (u16::from(*w).max(1), a & 1 == 1, String::from_utf8_lossy(rest)),
        _ => return,
    };
    for doc in [plain::parse(&text, Origin::Stdin), markdown::parse(&text, Origin::Stdin)] {
        check_layout(&doc, LayoutOptions { width, ascii });
    }
}

/// The store's JSON loader: never panics; what it accepts survives a write and a re-read.
pub fn store_json(data: &[u8]) {
    if let schema::Decoded::Ok { value, .. } = schema::decode::<DocRecord>(data, migrate_doc) {
        let json = value.to_json();
        match schema::decode::<DocRecord>(json.as_bytes(), migrate_doc) {
            schema::Decoded::Ok { value: again, migrated_from } => {
                assert_eq!(again, value, "record changed on a round trip");
                assert_eq!(migrated_from, None, "a written record needed migrating");
            }
            other => panic!("re-reading a written record failed: {other:?}"),
        }
    }
}

/// The model's own invariants: outline entries point at blocks and earlier parents, style runs
/// and links are sorted, in range and on character boundaries.
pub fn check_document(doc: &Document) {
    for (i, s) in doc.outline.iter().enumerate() {
        assert!(s.block < doc.blocks.len().max(1), "section {i} points past the blocks");
        assert!(s.parent.is_none_or(|p| p < i), "section {i} has a later parent");
        assert!(s.level >= 1, "section {i} has level 0");
    }
    for (b, block) in doc.blocks.iter().enumerate() {
        let mut end = 0;
        for r in &block.runs {
            assert!(r.bytes().start >= end && r.range.start <= r.range.end, "block {b}: runs overlap or are reversed");
            assert!(block.text.get(r.bytes()).is_some(), "block {b}: run {:?} not on char boundaries", r.range);
            end = r.bytes().end;
        }
        for l in &block.links {
            assert!(block.text.get(l.bytes()).is_some(), "block {b}: link {:?} not on char boundaries", l.range);
        }
    }
}

/// Width as ratatui fills cells: grapheme by grapheme, zero-width and control graphemes dropped.
pub fn cell_width(s: &str) -> usize {
    s.graphemes(true).filter(|g| !g.contains(char::is_control)).map(|g| g.width()).sum()
}

/// Layout invariants: every line fits, nothing drawn is a control character, every line's
/// anchor leads back to it, and (at widths where every placeholder fits) every character of
/// every prose or code block is drawn.
pub fn check_layout(doc: &Document, opts: LayoutOptions) {
    let layout = Layout::build_with(doc, &opts);
    let width = usize::from(opts.width.max(1));
    for i in 0..layout.len() {
        let segs = layout.segments(doc, i);
        let w: usize = segs.iter().map(|s| cell_width(&s.text)).sum();
        assert!(w <= width, "line {i} is {w} columns at width {width}: {:?}", layout.line_text(doc, i));
        for s in &segs {
            assert!(!s.text.contains(char::is_control), "control character drawn: {:?}", s.text);
        }
        let a = layout.anchor_of(i);
        let j = layout.line_of(a);
        assert_eq!(layout.anchor_of(j), a, "line {i}: anchor {a:?} leads to line {j}");
        assert!(j >= i || layout.line(i).blank, "line {i}: anchor {a:?} leads back to earlier line {j}");
        assert!(!layout.line(j).blank || layout.line(i).blank, "line {i}: anchor leads to a separator");
    }
    if width >= 12 {
        for b in 0..doc.blocks.len() {
            check_block_shown(doc, &layout, b);
        }
    }
}

/// What a block's text should look like on screen, whitespace aside: control and bidi
/// characters as their placeholders, zero-width spaces gone.
pub fn expected_visible(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '\t' | '\n' | '\r' | '\u{200B}' => {}
            c => match placeholder(c) {
                Some(p) => out.push_str(p),
                None if c.is_whitespace() => {}
                None => out.push(c),
            },
        }
    }
    out
}

fn check_block_shown(doc: &Document, layout: &Layout, b: usize) {
    let block = &doc.blocks[b];
    if !matches!(
        block.kind,
        BlockKind::Paragraph | BlockKind::Heading { .. } | BlockKind::ListItem { .. } | BlockKind::Code { .. }
    ) {
        return;
    }
    let mut drawn = String::new();
    for i in layout.block_lines(b) {
        let line = layout.line(i);
        if line.kind == LineKind::Underline || line.blank {
            continue;
        }
        let mut segs = layout.segments(doc, i).into_iter().peekable();
        while segs.next_if(|s| matches!(s.kind, SegKind::Indent | SegKind::QuoteBar | SegKind::Marker)).is_some() {}
        if line.kind == LineKind::CodeCont {
            segs.next_if(|s| s.text == "↪ " || s.text == "> ");
        }
        for s in segs {
            drawn.extend(s.text.chars().filter(|c| !c.is_whitespace()));
        }
    }
    let expected = expected_visible(&block.text);
    let replaced = drawn.matches('\u{FFFD}').count() > expected.matches('\u{FFFD}').count();
    // A grapheme wider than the whole line is drawn as one replacement character instead.
    if !replaced {
        assert_eq!(drawn, expected, "block {b} ({:?}) not fully drawn", block.kind);
    }
}
