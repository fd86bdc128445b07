//! The document model wrapped to a width: visual lines mapped back to blocks and byte offsets.
//! Must not import ratatui or crossterm; widths come from unicode-width.
//!
//! A `Layout` holds one compact `VisualLine` per screen line (byte ranges, no text); the
//! renderer asks `segments()` for a line's styled pieces, built on demand from the document.
//! Every line's segments fit in `width` columns, always: prefixes are cut when the pane is
//! narrow, and a grapheme wider than the whole line is drawn as one replacement column
//! (U+FFFD, or "?" in ASCII mode).
//!
//! Choices a reader sees: a blank line separates blocks except consecutive list items; level 1
//! and 2 headings are underlined with "═" / "─" ("=" / "-" in ASCII) as wide as their text,
//! like setext headings, which reads as a title at 80 columns without filling the pane;
//! code lines that do not fit are hard-wrapped with "↪ " ("> ") starting each continuation,
//! styled `Inline::PLACEHOLDER` so it is drawn dim; tables use inner borders only
//! (" │ " between cells, "─┼─" under the header).

mod build;
mod cache;
mod lazy;
mod prefix;
mod render;
mod table;
mod table_draw;
mod units;
mod words;
mod wrap;

use std::borrow::Cow;
use std::ops::Range;

use crate::doc::{Anchor, Document, Inline};

pub use cache::LayoutCache;
pub use lazy::LazyLayout;
pub use words::wrap_words;

/// What a piece of a visual line is, so the renderer can style it without knowing formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegKind {
    /// Leading blank columns (hanging indent, nesting).
    Indent,
    /// Block-quote bar(s), e.g. "│ ".
    QuoteBar,
    /// A list marker such as "• " or "1. ".
    Marker,
    Body,
    Heading(u8),
    Code,
    TableBorder,
    TableCell,
    TableHeader,
    Rule,
}

/// One styled piece of a visual line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'a> {
    pub text: Cow<'a, str>,
    pub style: Inline,
    pub kind: SegKind,
}

/// How to lay a document out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LayoutOptions {
    /// Columns available (treated as at least 1).
    pub width: u16,
    /// Draw borders, bars and rules with ASCII ("| - +") instead of box drawing characters.
    pub ascii: bool,
}

/// What a visual line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The separator before a block.
    Blank,
    /// Wrapped prose: paragraph, heading or list item text.
    Text,
    /// The start of a source line of a code block.
    CodeFirst,
    /// A code line continued after a hard wrap.
    CodeCont,
    /// The underline of a level 1 or 2 heading.
    Underline,
    Rule,
    /// One screen line of a table row in grid form.
    TableRow,
    /// The border under the header rows.
    TableSep,
    /// The first line of one "Header: value" cell of a table too wide for a grid.
    RecordFirst,
    /// A wrapped continuation of a record cell.
    RecordCont,
    /// The border between records.
    RecordSep,
}

/// One screen line of the wrapped document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    pub block: usize,
    /// Byte offset in the block's text where this line starts (its anchor).
    pub start: usize,
    /// Byte offset where it ends (exclusive).
    pub end: usize,
    /// True for the blank separator line before a block.
    pub blank: bool,
    pub kind: LineKind,
    /// Table row (tables), or the underline width (`Underline`).
    pub(crate) row: u32,
    /// Sub-line of a grid row, or the column of a record line.
    pub(crate) sub: u32,
}

/// Per-block facts the renderer needs again: where its lines start, its hanging indent.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BlockInfo {
    /// First non-blank line of the block.
    pub first_line: usize,
    /// Text column of list items (marker included), 0 for other blocks.
    pub hang: usize,
}

/// The whole document wrapped to `width` columns.
#[derive(Debug, Clone)]
pub struct Layout {
    opts: LayoutOptions,
    /// The first block laid out (0 unless this is one stretch of a `LazyLayout`); `blocks`
    /// is indexed from it.
    first_block: usize,
    lines: Vec<VisualLine>,
    blocks: Vec<BlockInfo>,
    tables: Vec<table::TableLayout>,
}

impl Layout {
    /// Wrap every block of `doc` to `width` columns (width >= 1) with box drawing characters.
    pub fn build(doc: &Document, width: u16) -> Layout {
        Layout::build_with(doc, &LayoutOptions { width, ascii: false })
    }

    /// Wrap every block of `doc` with the given options.
    pub fn build_with(doc: &Document, opts: &LayoutOptions) -> Layout {
        build::build(doc, LayoutOptions { width: opts.width.max(1), ascii: opts.ascii })
    }

    pub fn width(&self) -> u16 {
        self.opts.width
    }

    pub fn options(&self) -> LayoutOptions {
        self.opts
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Line `i`; panics when `i >= len()`, like slice indexing.
    pub fn line(&self, i: usize) -> &VisualLine {
        &self.lines[i]
    }

    pub fn get(&self, i: usize) -> Option<&VisualLine> {
        self.lines.get(i)
    }

    /// The styled pieces of line `i`, ready to render left to right; total width <= `width`.
    /// Empty for blank lines without quote bars and for `i` out of range.
    pub fn segments<'a>(&self, doc: &'a Document, i: usize) -> Vec<Segment<'a>> {
        render::segments(self, doc, i)
    }

    /// The text of line `i` as drawn (all segments joined), for tests, copying and search.
    pub fn line_text(&self, doc: &Document, i: usize) -> String {
        self.segments(doc, i).iter().map(|s| s.text.as_ref()).collect()
    }

    /// The anchor at the start of line `i` (clamped to the last line; default when empty).
    pub fn anchor_of(&self, i: usize) -> Anchor {
        match self.lines.get(i.min(self.lines.len().saturating_sub(1))) {
            Some(l) => Anchor { block: l.block, byte: l.start },
            None => Anchor::default(),
        }
    }

    /// The visual line that shows `anchor`: the last line starting at or before it (binary
    /// search). Lines are sorted by (block, start); a blank separator shares its key with the
    /// block's first line and precedes it, so the first line wins.
    pub fn line_of(&self, anchor: Anchor) -> usize {
        let idx = self.lines.partition_point(|l| (l.block, l.start) <= (anchor.block, anchor.byte));
        idx.saturating_sub(1)
    }

    /// First non-blank visual line of `block` (the last line when `block` is out of range).
    pub fn first_line_of_block(&self, block: usize) -> usize {
        match self.info(block) {
            Some(b) => b.first_line,
            None => self.lines.len().saturating_sub(1),
        }
    }

    /// Facts about `block` when this layout holds it.
    pub(crate) fn info(&self, block: usize) -> Option<&BlockInfo> {
        self.blocks.get(block.checked_sub(self.first_block)?)
    }

    /// The non-blank lines of `block`.
    pub fn block_lines(&self, block: usize) -> Range<usize> {
        let start = self.first_line_of_block(block);
        let end = match self.info(block + 1) {
            Some(next) => next.first_line - usize::from(self.lines[next.first_line - 1].blank),
            None => self.lines.len(),
        };
        start.min(end)..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visual_line_stays_compact() {
        assert!(std::mem::size_of::<VisualLine>() <= 40);
    }
}
