//! Properties over generated documents mixing Latin, CJK, emoji, combining marks, tabs and
//! control characters: every line fits its width, anchors round-trip and survive resizes.
//! Also the ignored timing test for a generated 5 MB document.

use std::time::Instant;

use lectern::doc::sanitize::placeholder;
use lectern::doc::{Align, Anchor, Block, BlockKind, Document, Inline, Link, StyleRun};
use lectern::layout::{Layout, LayoutOptions, LineKind, VisualLine};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::support::{doc, item, quoted, table_block};

/// xorshift64*: deterministic, dependency-free randomness for generated documents.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const TOKENS: &[&str] = &[
    "the",
    "reader",
    "keeps",
    "its",
    "place",
    "on",
    "slow",
    "links",
    "supercalifragilisticexpialidocious",
    "well-known",
    "中文字",
    "日本語のテキスト。",
    "「引用」",
    "한국어",
    "👨\u{200d}👩\u{200d}👧",
    "🇫🇷",
    "😀",
    "e\u{301}",
    "a\u{20dd}",
    "\t",
    "\u{1b}",
    "\u{202e}",
    "\u{7}",
    "\u{9b}",
    "\n",
    "  ",
    "—",
    "x",
    "\u{200b}",
    "\u{3000}",
    "١٢٣",
    "ﷺ",
    "\r\n",
    "\u{2066}",
    "1.5",
    "(note)",
];

fn words(rng: &mut Rng, n: usize, cell: bool) -> String {
    let mut s = String::new();
    for _ in 0..n {
        let t = rng.pick(TOKENS);
        if cell && (t.contains('\t') || t.contains('\n')) {
            continue;
        }
        s.push_str(t);
        if rng.below(4) > 0 {
            s.push(' ');
        }
    }
    s
}

/// A sorted, disjoint run and link on char boundaries of `b.text`.
fn style(rng: &mut Rng, b: &mut Block) {
    let bounds: Vec<usize> = b.text.char_indices().map(|(i, _)| i).chain([b.text.len()]).collect();
    let mut cut = [bounds[rng.below(bounds.len())], bounds[rng.below(bounds.len())], bounds[rng.below(bounds.len())]];
    cut.sort();
    b.runs = vec![StyleRun::new(cut[0]..cut[1], Inline::BOLD)].into();
    b.links = vec![Link::new(cut[1]..cut[2], "u".into())].into();
}

fn random_doc(rng: &mut Rng, blocks: usize) -> Document {
    let mut out = Vec::new();
    for _ in 0..blocks {
        let n = rng.below(40);
        let mut b = match rng.below(8) {
            0 => Block::new(BlockKind::Heading { level: 1 + rng.below(4) as u8 }, words(rng, n / 4, false)),
            1 | 2 => item(rng.below(5) as u8, rng.pick(&["•", "10.", "[x]", "", "中", "-"]), &words(rng, n, false)),
            3 => Block::new(BlockKind::Code { lang: None }, words(rng, n, false)),
            4 => Block::new(BlockKind::Rule, ""),
            5 => {
                let cols = 1 + rng.below(6);
                let rows: Vec<Vec<String>> = (0..1 + rng.below(4))
                    .map(|_| {
                        (0..cols)
                            .map(|_| {
                                let n = rng.below(6);
                                words(rng, n, true)
                            })
                            .collect()
                    })
                    .collect();
                let refs: Vec<Vec<&str>> = rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
                let refs: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
                table_block(vec![Align::Right, Align::Center], rng.below(2), &refs)
            }
            _ => Block::new(BlockKind::Paragraph, words(rng, n, false)),
        };
        if !matches!(b.kind, BlockKind::Table(_)) {
            style(rng, &mut b);
        }
        out.push(quoted(b, rng.below(4).saturating_sub(1) as u8));
    }
    doc(out)
}

fn check_line_widths(d: &Document, opts: LayoutOptions) {
    let l = Layout::build_with(d, &opts);
    let w = opts.width as usize;
    for i in 0..l.len() {
        let segs = l.segments(d, i);
        let by_graphemes: usize = segs.iter().flat_map(|s| s.text.graphemes(true)).map(|g| g.width()).sum();
        let joined: String = segs.iter().map(|s| s.text.as_ref()).collect();
        assert!(by_graphemes <= w && joined.width() <= w, "width {w}, line {i}: {joined:?} is {by_graphemes} wide");
        assert!(joined.chars().all(|c| placeholder(c).is_none()), "control character reached line {joined:?}");
        if i > 0 {
            let (a, b) = (l.line(i - 1), l.line(i));
            assert!((a.block, a.start) <= (b.block, b.start), "lines out of order at {i}");
        }
    }
}

#[test]
fn every_line_fits_its_width_at_1_to_120_columns() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..3 {
        let d = random_doc(&mut rng, 40);
        for width in 1..=120u16 {
            check_line_widths(&d, LayoutOptions { width, ascii: (width + round) % 2 == 0 });
        }
    }
}

fn random_anchor(rng: &mut Rng, d: &Document) -> Anchor {
    let block = rng.below(d.blocks.len());
    let text = &d.blocks[block].text;
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    Anchor::new(block, if bounds.is_empty() { 0 } else { bounds[rng.below(bounds.len())] })
}

/// Prose and code lines partition their block's bytes, so the line must hold the byte itself.
fn holds(line: &VisualLine, a: Anchor) -> bool {
    match line.kind {
        LineKind::Text | LineKind::CodeFirst | LineKind::CodeCont => {
            line.start <= a.byte && (a.byte < line.end || line.start == line.end)
        }
        _ => line.start <= a.byte,
    }
}

fn check_anchor(l: &Layout, d: &Document, a: Anchor) {
    let i = l.line_of(a);
    let line = l.line(i);
    assert!(!line.blank, "{a:?} landed on a separator");
    assert_eq!(line.block, a.block);
    assert!(l.anchor_of(i) <= a, "{a:?}: line {i} starts after it");
    if i + 1 < l.len() {
        assert!(l.anchor_of(i + 1) > a, "{a:?}: line {} also starts at or before it", i + 1);
    }
    assert!(holds(line, a), "{a:?}: line {i} {line:?} does not hold the byte");
    let c = d.blocks[a.block].text[a.byte..].chars().next();
    if let Some(c) = c.filter(char::is_ascii_alphanumeric).filter(|_| line.kind == LineKind::Text) {
        assert!(l.line_text(d, i).contains(c), "{a:?}: {c:?} not drawn on line {i}");
    }
}

#[test]
fn anchors_round_trip_and_survive_resizes() {
    let mut rng = Rng(42);
    let d = random_doc(&mut rng, 60);
    let widths = [1u16, 2, 3, 5, 8, 13, 21, 34, 55, 80, 89, 120];
    for &w1 in &widths {
        let l1 = Layout::build(&d, w1);
        for i in 0..l1.len() {
            let a = l1.anchor_of(i);
            let j = l1.line_of(a);
            assert!(j >= i || l1.line(i).blank, "line {i} at width {w1}: anchor maps back to {j}");
            assert_eq!(l1.anchor_of(j), a);
        }
        for &w2 in &widths {
            let l2 = Layout::build(&d, w2);
            for _ in 0..50 {
                let a = l1.anchor_of(rng.below(l1.len()));
                check_anchor(&l2, &d, a);
                check_anchor(&l2, &d, random_anchor(&mut rng, &d));
            }
        }
    }
}

#[test]
fn first_line_of_block_is_the_blocks_first_drawn_line() {
    let mut rng = Rng(7);
    let d = random_doc(&mut rng, 30);
    let l = Layout::build(&d, 33);
    for b in 0..d.blocks.len() {
        let i = l.first_line_of_block(b);
        assert_eq!((l.line(i).block, l.line(i).blank), (b, false));
        assert_eq!(l.line_of(Anchor::new(b, 0)), i);
        assert!(i == 0 || l.line(i - 1).block < b || l.line(i - 1).blank);
    }
}

/// About `bytes` of prose, lists and code, like a long book.
fn big_doc(bytes: usize) -> Document {
    let mut rng = Rng(1);
    let vocab = ["reading", "the", "of", "terminal", "document", "chapter", "and", "place", "a", "slowly"];
    let mut blocks = Vec::new();
    let mut total = 0;
    while total < bytes {
        let mut s = String::new();
        for _ in 0..60 + rng.below(100) {
            s.push_str(rng.pick(&vocab));
            s.push(' ');
        }
        let b = match rng.below(20) {
            0 => Block::new(BlockKind::Heading { level: 2 }, "A chapter heading"),
            1 | 2 => item(0, "•", &s),
            3 => Block::new(BlockKind::Code { lang: None }, s.replace("the ", "the\n\t")),
            _ => Block::new(BlockKind::Paragraph, s),
        };
        total += b.text.len();
        blocks.push(b);
    }
    doc(blocks)
}

#[test]
#[ignore = "timing; run with --release -- --ignored --nocapture"]
fn five_megabyte_document_builds_fast() {
    let d = big_doc(5 << 20);
    let bytes: usize = d.blocks.iter().map(|b| b.text.len()).sum();
    let t = Instant::now();
    let l = Layout::build(&d, 88);
    let build = t.elapsed();
    let t = Instant::now();
    let drawn: usize = (0..l.len()).step_by(997).map(|i| l.segments(&d, i).len()).sum();
    let per_line = t.elapsed() / (l.len() / 997).max(1) as u32;
    let mem = l.len() * std::mem::size_of::<VisualLine>();
    println!(
        "layout: {bytes} bytes, {} blocks -> {} lines at width 88 in {build:?}; ~{} KB of lines ({:.2}x text); segments {per_line:?}/line ({drawn} segs)",
        d.blocks.len(),
        l.len(),
        mem / 1024,
        mem as f64 / bytes as f64
    );
    if !cfg!(debug_assertions) {
        assert!(build.as_millis() < 200, "layout took {build:?}");
    }
}
