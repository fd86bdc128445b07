//! Turns one visual line back into styled segments: prefix, then the text of its byte range,
//! measured with the same rules the wrapper used. Must not import ratatui or crossterm.

use std::borrow::Cow;

use super::build::code_rest;
use super::wrap::{Draw, Styles, render};
use super::{Layout, LineKind, SegKind, Segment, prefix, table_draw};
use crate::doc::{Block, BlockKind, Document, Inline};

pub(super) fn segments<'a>(layout: &Layout, doc: &'a Document, i: usize) -> Vec<Segment<'a>> {
    let Some(l) = layout.lines.get(i) else {
        return Vec::new();
    };
    let Some(block) = doc.blocks.get(l.block) else {
        return Vec::new();
    };
    let width = layout.opts.width.max(1) as usize;
    let ascii = layout.opts.ascii;
    let hang = layout.info(l.block).map_or(0, |b| b.hang);
    let text = block.text.as_str();
    match l.kind {
        LineKind::Blank => blank(doc, l.block, width, ascii),
        LineKind::Text => {
            let mut out = prefix::pieces(block, hang, l.start == 0, width, ascii);
            let avail = width - prefix::width_of(block, hang, width);
            let how = Draw { avail, code: false, kind: body_kind(block), ascii };
            render(text, l.start..l.end, how, &Styles::of(block), &mut out);
            out
        }
        LineKind::CodeFirst | LineKind::CodeCont => {
            let mut out = prefix::quote_pieces(block.quote, width, ascii);
            let mut avail = width - prefix::width_of(block, 0, width);
            if l.kind == LineKind::CodeCont && code_rest(avail) < avail {
                let mark = if ascii { "> " } else { "↪ " };
                out.push(Segment { text: Cow::Borrowed(mark), style: Inline::PLACEHOLDER, kind: SegKind::Code });
                avail = code_rest(avail);
            }
            let how = Draw { avail, code: true, kind: SegKind::Code, ascii };
            render(text, l.start..l.end, how, &Styles::of(block), &mut out);
            out
        }
        LineKind::Underline => {
            let mut out = prefix::quote_pieces(block.quote, width, ascii);
            let level = match block.kind {
                BlockKind::Heading { level } => level,
                _ => 1,
            };
            let ch = match (level, ascii) {
                (1, false) => "═",
                (_, false) => "─",
                (1, true) => "=",
                (_, true) => "-",
            };
            out.push(Segment {
                text: Cow::Owned(ch.repeat(l.row as usize)),
                style: Inline::PLAIN,
                kind: SegKind::Heading(level),
            });
            out
        }
        LineKind::Rule => {
            let mut out = prefix::quote_pieces(block.quote, width, ascii);
            let avail = width - prefix::width_of(block, 0, width);
            out.push(Segment { text: Cow::Owned(rule(avail, ascii)), style: Inline::PLAIN, kind: SegKind::Rule });
            out
        }
        LineKind::TableRow
        | LineKind::TableSep
        | LineKind::RecordFirst
        | LineKind::RecordCont
        | LineKind::RecordSep => {
            let mut out = prefix::quote_pieces(block.quote, width, ascii);
            let BlockKind::Table(t) = &block.kind else {
                return out;
            };
            if let Ok(k) = layout.tables.binary_search_by_key(&l.block, |t| t.block) {
                table_draw::line(&layout.tables[k], t, text, l, ascii, &mut out);
            }
            out
        }
    }
}

pub(super) fn rule(cols: usize, ascii: bool) -> String {
    (if ascii { "-" } else { "─" }).repeat(cols)
}

fn body_kind(block: &Block) -> SegKind {
    match block.kind {
        BlockKind::Heading { level } => SegKind::Heading(level),
        BlockKind::Code { .. } => SegKind::Code,
        BlockKind::Table(_) => SegKind::TableCell,
        BlockKind::Rule => SegKind::Rule,
        BlockKind::Paragraph | BlockKind::ListItem { .. } => SegKind::Body,
    }
}

/// A separator inside a quote keeps the bars of the quote levels both neighbours share, so a
/// multi-paragraph quote reads as one.
fn blank<'a>(doc: &Document, block: usize, width: usize, ascii: bool) -> Vec<Segment<'a>> {
    let (Some(prev), Some(next)) = (block.checked_sub(1).and_then(|p| doc.blocks.get(p)), doc.blocks.get(block)) else {
        return Vec::new();
    };
    let depth = prev.quote.min(next.quote);
    if depth == 0 {
        return Vec::new();
    }
    let mut out = prefix::quote_pieces(depth, width, ascii);
    // Drop the trailing space so a blank line carries no invisible bytes.
    if let Some(last) = out.last_mut()
        && let Cow::Borrowed(s) = last.text
    {
        last.text = Cow::Borrowed(s.trim_end());
    }
    out.retain(|s| !s.text.trim().is_empty());
    out
}
