//! Draws one visual line of a table laid out by `table.rs`: a grid sub-line with aligned, padded
//! cells and borders, the header border, or a "Header: value" record line.
//! Must not import ratatui or crossterm.

use std::borrow::Cow;

use super::prefix::{fit, spaces};
use super::render::rule;
use super::table::{GAP, TableLayout, TableMode, cell_pieces, label, label_widths};
use super::wrap::{Draw, Styles, render};
use super::{LineKind, SegKind, Segment, VisualLine};
use crate::doc::{Align, Inline, Table};

fn seg<'a>(text: Cow<'a, str>, kind: SegKind) -> Segment<'a> {
    Segment { text, style: Inline::PLAIN, kind }
}

pub(super) fn line<'a>(
    tl: &TableLayout,
    table: &Table,
    text: &'a str,
    l: &VisualLine,
    ascii: bool,
    out: &mut Vec<Segment<'a>>,
) {
    let row = l.row as usize;
    match (&tl.mode, l.kind) {
        (TableMode::Grid { widths }, LineKind::TableRow) => {
            grid_row(tl, table, text, row, l.sub as usize, widths, ascii, out)
        }
        (TableMode::Grid { widths }, LineKind::TableSep) => {
            let joint = if ascii { "-+-" } else { "─┼─" };
            let parts: Vec<String> = widths.iter().map(|&w| rule(w, ascii)).collect();
            out.push(seg(Cow::Owned(parts.join(joint)), SegKind::TableBorder));
        }
        (TableMode::Records { label_row }, LineKind::RecordFirst | LineKind::RecordCont) => {
            let col = l.sub as usize;
            let label = label(tl, text, *label_row, col);
            let (lw, hang) = label_widths(label.as_deref(), tl.avail);
            let (range, avail) = if l.kind == LineKind::RecordFirst {
                if let Some(name) = label {
                    out.extend(fit(vec![seg(Cow::Owned(name), SegKind::TableHeader)], lw));
                }
                (tl.cell(text, row, col).start..l.end, tl.avail - lw)
            } else {
                if hang > 0 {
                    out.push(seg(spaces(hang), SegKind::Indent));
                }
                (l.start..l.end, tl.avail - hang)
            };
            let how = Draw { avail, code: false, kind: SegKind::TableCell, ascii };
            render(text, range, how, &Styles::none(), out);
        }
        (TableMode::Records { .. }, LineKind::RecordSep) => {
            out.push(seg(Cow::Owned(rule(tl.avail, ascii)), SegKind::TableBorder));
        }
        _ => {}
    }
}

#[allow(clippy::too_many_arguments)]
fn grid_row<'a>(
    tl: &TableLayout,
    table: &Table,
    text: &'a str,
    row: usize,
    sub: usize,
    widths: &[usize],
    ascii: bool,
    out: &mut Vec<Segment<'a>>,
) {
    let kind = if row < tl.header_rows { SegKind::TableHeader } else { SegKind::TableCell };
    let border = if ascii { " | " } else { " │ " };
    debug_assert_eq!(border.chars().count(), GAP);
    for (j, &w) in widths.iter().enumerate() {
        if j > 0 {
            out.push(seg(Cow::Borrowed(border), SegKind::TableBorder));
        }
        let mut cell = Vec::new();
        let used = match cell_pieces(text, tl.cell(text, row, j), w).get(sub) {
            Some(p) => {
                let how = Draw { avail: w, code: false, kind, ascii };
                render(text, p.start..p.end, how, &Styles::none(), &mut cell)
            }
            None => 0,
        };
        let pad = w.saturating_sub(used);
        let (left, right) = match table.align.get(j) {
            Some(Align::Right) => (pad, 0),
            Some(Align::Center) => (pad / 2, pad - pad / 2),
            _ => (0, pad),
        };
        if left > 0 {
            out.push(seg(spaces(left), kind));
        }
        out.append(&mut cell);
        // No padding after the last column: it would only send invisible bytes.
        if right > 0 && j + 1 < widths.len() {
            out.push(seg(spaces(right), kind));
        }
    }
}
