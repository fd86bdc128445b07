//! Builds a `Layout`: walks the blocks once, wrapping each to the width and recording compact
//! visual lines. Each block's lines depend only on the block (and, for list continuation
//! paragraphs, the marker of the item they continue), so per-block relayout is possible later.
//! Must not import ratatui or crossterm.

use std::ops::Range;

use super::wrap::{WrapSpec, wrap};
use super::{BlockInfo, Layout, LayoutOptions, LineKind, VisualLine, prefix, table};
use crate::doc::{Block, BlockKind, Document};

pub(super) fn build(doc: &Document, opts: LayoutOptions) -> Layout {
    build_range(doc, opts, 0..doc.blocks.len())
}

/// Lay out the blocks in `range` only, with their global indices. The result is the same
/// stretch of lines a whole-document build has for them, provided `range.start` is 0 or a
/// block that is not a list item (the only state carried from block to block is the hanging
/// indent of the list being continued).
pub(super) fn build_range(doc: &Document, opts: LayoutOptions, range: Range<usize>) -> Layout {
    let range = range.start.min(doc.blocks.len())..range.end.min(doc.blocks.len());
    let blocks = &doc.blocks[range.clone()];
    let mut b = Builder {
        width: opts.width.max(1) as usize,
        ascii: opts.ascii,
        // A rough guess (80 bytes a line) saves most of the re-allocations on big documents.
        lines: Vec::with_capacity(blocks.iter().map(|b| b.text.len() / 80 + 2).sum()),
        blocks: Vec::with_capacity(blocks.len()),
        tables: Vec::new(),
        hang_by_depth: Vec::new(),
    };
    for i in range.clone() {
        let block = &doc.blocks[i];
        let tight = i > 0 && is_list(&doc.blocks[i - 1]) && is_list(block);
        if i > 0 && !tight {
            b.push(VisualLine::new(i, 0, 0, LineKind::Blank));
        }
        b.block(i, block);
    }
    b.lines.shrink_to_fit();
    Layout { opts, first_block: range.start, lines: b.lines, blocks: b.blocks, tables: b.tables }
}

pub(super) fn is_list(b: &Block) -> bool {
    matches!(b.kind, BlockKind::ListItem { .. })
}

impl VisualLine {
    pub(crate) fn new(block: usize, start: usize, end: usize, kind: LineKind) -> VisualLine {
        VisualLine { block, start, end, blank: kind == LineKind::Blank, kind, row: 0, sub: 0 }
    }
}

struct Builder {
    width: usize,
    ascii: bool,
    lines: Vec<VisualLine>,
    blocks: Vec<BlockInfo>,
    tables: Vec<table::TableLayout>,
    /// Hanging indent of the latest item at each depth of the current list, so a continuation
    /// paragraph (empty marker) lines up with its item's text.
    hang_by_depth: Vec<usize>,
}

impl Builder {
    fn push(&mut self, l: VisualLine) {
        self.lines.push(l);
    }

    fn block(&mut self, i: usize, block: &Block) {
        let hang = self.hang_for(block);
        let first_line = self.lines.len();
        self.blocks.push(BlockInfo { first_line, hang });
        let avail = self.width - prefix::width_of(block, hang, self.width);
        match &block.kind {
            BlockKind::Paragraph | BlockKind::ListItem { .. } | BlockKind::Heading { .. } => {
                self.prose(i, block, avail)
            }
            BlockKind::Code { .. } => self.code(i, block, avail),
            BlockKind::Rule => self.push(VisualLine::new(i, 0, block.text.len(), LineKind::Rule)),
            BlockKind::Table(t) => {
                let lines = &mut self.lines;
                let tl = table::build(i, &block.text, t, avail, &mut |l| lines.push(l));
                self.tables.push(tl);
            }
        }
        // Anchors before the first shown byte (a table's header in record form) land here,
        // not on the blank separator above.
        if let Some(l) = self.lines.get_mut(first_line) {
            l.start = 0;
        }
    }

    fn hang_for(&mut self, block: &Block) -> usize {
        let BlockKind::ListItem { depth, marker } = &block.kind else {
            self.hang_by_depth.clear();
            return 0;
        };
        let d = *depth as usize;
        if marker.is_empty() {
            return match self.hang_by_depth.get(d) {
                Some(&h) if h > 0 => h,
                _ => d * 2 + 2,
            };
        }
        let hang = prefix::item_hang(*depth, marker, self.ascii);
        self.hang_by_depth.resize(d + 1, 0);
        self.hang_by_depth[d] = hang;
        hang
    }

    fn prose(&mut self, i: usize, block: &Block, avail: usize) {
        let spec = WrapSpec { first: avail, rest: avail, code: false };
        let mut widest = 0;
        let lines = &mut self.lines;
        wrap(&block.text, 0..block.text.len(), spec, |p| {
            widest = widest.max(p.width);
            lines.push(VisualLine::new(i, p.start, p.end, LineKind::Text));
        });
        if let BlockKind::Heading { level: 1 | 2 } = block.kind
            && !block.text.trim().is_empty()
        {
            let mut l = VisualLine::new(i, block.text.len(), block.text.len(), LineKind::Underline);
            l.row = u32::try_from(widest.min(avail)).unwrap_or(u32::MAX);
            self.push(l);
        }
    }

    fn code(&mut self, i: usize, block: &Block, avail: usize) {
        let spec = WrapSpec { first: avail, rest: code_rest(avail), code: true };
        let lines = &mut self.lines;
        wrap(&block.text, 0..block.text.len(), spec, |p| {
            let kind = if p.cont { LineKind::CodeCont } else { LineKind::CodeFirst };
            lines.push(VisualLine::new(i, p.start, p.end, kind));
        });
    }
}

/// Columns for a continued code line: room for the two-column continuation mark, when the line
/// is wide enough that the mark still leaves space for a wide character.
pub(super) fn code_rest(avail: usize) -> usize {
    if avail >= 4 { avail - 2 } else { avail }
}
