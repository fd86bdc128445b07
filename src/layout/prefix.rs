//! What layout draws before a block's text: quote bars, list indentation and markers, cut down
//! when the pane is too narrow so the text always keeps some columns.
//! Must not import ratatui or crossterm.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use super::units::text_width;
use super::wrap::SPACES;
use super::{SegKind, Segment};
use crate::doc::{Block, BlockKind, Inline, sanitize};

/// Columns always left for text after the prefix: half the width, at most 8, at least 1.
pub(crate) fn min_text(width: usize) -> usize {
    (width / 2).clamp(1, 8).min(width)
}

/// Widest prefix allowed on a line of `width` columns.
pub(crate) fn limit(width: usize) -> usize {
    width.saturating_sub(min_text(width))
}

pub(crate) fn quote_bar(ascii: bool) -> &'static str {
    if ascii { "| " } else { "│ " }
}

pub(crate) fn spaces(n: usize) -> Cow<'static, str> {
    match SPACES.get(..n) {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(" ".repeat(n)),
    }
}

/// A list marker as drawn: sanitised, and single non-ASCII bullets become "*" in ASCII mode.
pub(crate) fn marker_text(marker: &str, ascii: bool) -> Cow<'_, str> {
    if ascii && !marker.is_ascii() && marker.chars().count() == 1 {
        Cow::Borrowed("*")
    } else {
        sanitize::visible(marker)
    }
}

/// The hanging indent of a list item with `marker` at `depth`: where its text starts.
pub(crate) fn item_hang(depth: u8, marker: &str, ascii: bool) -> usize {
    depth as usize * 2 + text_width(&marker_text(marker, ascii)) + 1
}

/// The untruncated prefix width of every line of `block` (first and later lines match).
fn natural_width(block: &Block, hang: usize) -> usize {
    let list = match block.kind {
        BlockKind::ListItem { .. } => hang,
        _ => 0,
    };
    block.quote as usize * 2 + list
}

/// The prefix width actually drawn for `block` on a line of `width` columns.
pub(crate) fn width_of(block: &Block, hang: usize, width: usize) -> usize {
    natural_width(block, hang).min(limit(width))
}

/// The prefix segments of a line of `block`; `first` is its first visual line (gets the marker).
pub(crate) fn pieces<'a>(block: &'a Block, hang: usize, first: bool, width: usize, ascii: bool) -> Vec<Segment<'a>> {
    let mut out = Vec::new();
    for _ in 0..block.quote {
        out.push(seg(Cow::Borrowed(quote_bar(ascii)), SegKind::QuoteBar));
    }
    if let BlockKind::ListItem { depth, marker } = &block.kind {
        if first && !marker.is_empty() {
            if *depth > 0 {
                out.push(seg(spaces(*depth as usize * 2), SegKind::Indent));
            }
            out.push(seg(marker_text(marker, ascii), SegKind::Marker));
            out.push(seg(Cow::Borrowed(" "), SegKind::Marker));
        } else if hang > 0 {
            out.push(seg(spaces(hang), SegKind::Indent));
        }
    }
    fit(out, width_of(block, hang, width))
}

/// Quote bars alone (tables, rules, headings use only these), fitted to `width`.
pub(crate) fn quote_pieces(quote: u8, width: usize, ascii: bool) -> Vec<Segment<'static>> {
    let bars = (0..quote).map(|_| seg(Cow::Borrowed(quote_bar(ascii)), SegKind::QuoteBar)).collect();
    fit(bars, (quote as usize * 2).min(limit(width)))
}

fn seg<'a>(text: Cow<'a, str>, kind: SegKind) -> Segment<'a> {
    Segment { text, style: Inline::PLAIN, kind }
}

/// Cuts `pieces` to exactly `target` columns (by graphemes, padding with spaces where a wide
/// character did not fit), so the text after it starts where layout measured it would.
pub(crate) fn fit(pieces: Vec<Segment<'_>>, target: usize) -> Vec<Segment<'_>> {
    let mut out = Vec::with_capacity(pieces.len());
    let mut used = 0;
    for p in pieces {
        let w = text_width(&p.text);
        if used + w <= target {
            used += w;
            out.push(p);
            continue;
        }
        let mut cut = 0;
        for g in p.text.graphemes(true) {
            let gw = text_width(g);
            if used + gw > target {
                break;
            }
            used += gw;
            cut += g.len();
        }
        if cut > 0 {
            let text = match p.text {
                Cow::Borrowed(s) => Cow::Borrowed(&s[..cut]),
                Cow::Owned(s) => Cow::Owned(s[..cut].to_string()),
            };
            out.push(Segment { text, ..p });
        }
        break;
    }
    if used < target {
        out.push(seg(spaces(target - used), SegKind::Indent));
    }
    out
}
