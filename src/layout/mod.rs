//! The document model wrapped to a width: visual lines mapped back to blocks and byte offsets.
//! Must not import ratatui or crossterm; widths come from unicode-width.

use std::borrow::Cow;

use crate::doc::{Anchor, Document, Inline};

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
}

/// The whole document wrapped to `width` columns.
#[derive(Debug, Clone)]
pub struct Layout {
    width: u16,
    lines: Vec<VisualLine>,
}

impl Layout {
    /// Wrap every block of `doc` to `width` columns (width >= 1).
    pub fn build(doc: &Document, width: u16) -> Layout {
        let width = width.max(1);
        let mut lines = Vec::new();
        for (i, b) in doc.blocks.iter().enumerate() {
            if i > 0 {
                lines.push(VisualLine { block: i, start: 0, end: 0, blank: true });
            }
            // Placeholder wrapping: fixed-size byte chunks on char boundaries.
            let mut start = 0;
            let text = &b.text;
            loop {
                let mut end = start;
                let mut cols = 0;
                for (off, c) in text[start..].char_indices() {
                    if cols >= width as usize {
                        break;
                    }
                    cols += 1;
                    end = start + off + c.len_utf8();
                }
                lines.push(VisualLine { block: i, start, end, blank: false });
                if end >= text.len() {
                    break;
                }
                start = end;
            }
        }
        Layout { width, lines }
    }

    pub fn width(&self) -> u16 {
        self.width
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    pub fn line(&self, i: usize) -> &VisualLine {
        &self.lines[i]
    }

    /// The styled pieces of line `i`, ready to render left to right; total width <= `width`.
    pub fn segments<'a>(&self, doc: &'a Document, i: usize) -> Vec<Segment<'a>> {
        let l = &self.lines[i];
        if l.blank {
            return Vec::new();
        }
        let text = &doc.blocks[l.block].text[l.start..l.end];
        vec![Segment { text: Cow::Borrowed(text), style: Inline::PLAIN, kind: SegKind::Body }]
    }

    /// The anchor at the start of line `i`.
    pub fn anchor_of(&self, i: usize) -> Anchor {
        let l = &self.lines[i.min(self.lines.len().saturating_sub(1))];
        Anchor { block: l.block, byte: l.start }
    }

    /// The visual line that shows `anchor` (binary search).
    pub fn line_of(&self, anchor: Anchor) -> usize {
        let idx = self.lines.partition_point(|l| (l.block, l.start) <= (anchor.block, anchor.byte) || (l.block == anchor.block && l.blank));
        idx.saturating_sub(1)
    }

    /// First non-blank visual line of `block`.
    pub fn first_line_of_block(&self, block: usize) -> usize {
        self.line_of(Anchor { block, byte: 0 })
    }
}
