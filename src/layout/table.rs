//! Tables laid out to a width: a grid whose columns shrink (cell text wrapping inside its
//! column) when the natural width does not fit, or, when even that would leave columns too
//! narrow to read, one "Header: value" record per cell, rows separated by a border.
//! The block text holds the cells as "cell\tcell\n" rows; line anchors point into it.
//! Must not import ratatui or crossterm.

use std::ops::Range;

use super::units::text_width;
use super::wrap::{Piece, WrapSpec, wrap};
use super::{LineKind, VisualLine};
use crate::doc::Table;

/// Columns between two cells: " │ ".
pub(crate) const GAP: usize = 3;
/// A grid is given up when the columns cannot each get this many columns (or their natural
/// width, if smaller): narrower than that, wrapped cells are unreadable.
const MIN_COL: usize = 6;

#[derive(Debug, Clone)]
pub(crate) enum TableMode {
    Grid {
        widths: Vec<usize>,
    },
    /// `label_row` is the header row whose cells label each value, if the table has one.
    Records {
        label_row: Option<usize>,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct TableLayout {
    pub block: usize,
    /// Byte range of each row, without its '\n'.
    pub rows: Vec<Range<usize>>,
    pub header_rows: usize,
    pub ncols: usize,
    pub mode: TableMode,
    /// Columns the table is drawn in (the width less quote bars).
    pub avail: usize,
}

impl TableLayout {
    /// Byte range of cell `col` of `row`; an empty range at the row's end when it is missing.
    pub(crate) fn cell(&self, text: &str, row: usize, col: usize) -> Range<usize> {
        let Some(r) = self.rows.get(row) else {
            return text.len()..text.len();
        };
        cell_ranges(text, r.clone()).nth(col).unwrap_or(r.end..r.end)
    }
}

fn row_ranges(text: &str) -> Vec<Range<usize>> {
    let mut rows = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        rows.push(start..start + body.len());
        start += line.len();
    }
    rows
}

fn cell_ranges(text: &str, row: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let base = row.start;
    let mut at = base;
    text.get(row).unwrap_or("").split('\t').map(move |c| {
        let r = at..at + c.len();
        at = r.end + 1;
        debug_assert!(r.start >= base);
        r
    })
}

/// Width of the longest unbreakable word of `s` (what a column needs to avoid splitting words).
fn longest_word(s: &str) -> usize {
    s.split(' ').map(text_width).max().unwrap_or(0)
}

/// Lays out the table of block `block` in `avail` columns, pushing its lines.
pub(crate) fn build(
    block: usize,
    text: &str,
    table: &Table,
    avail: usize,
    push: &mut dyn FnMut(VisualLine),
) -> TableLayout {
    let rows = row_ranges(text);
    let ncols = rows.iter().map(|r| cell_ranges(text, r.clone()).count()).max().unwrap_or(0);
    let header_rows = table.header_rows.min(rows.len());
    let mut natural = vec![0; ncols];
    let mut words = vec![0; ncols];
    for r in &rows {
        for (j, c) in cell_ranges(text, r.clone()).enumerate() {
            natural[j] = natural[j].max(text_width(&text[c.clone()]));
            words[j] = words[j].max(longest_word(&text[c]));
        }
    }
    let mode = match grid_widths(&natural, avail) {
        Some(widths) => TableMode::Grid { widths },
        None => {
            TableMode::Records { label_row: (header_rows > 0 && rows.len() > header_rows).then(|| header_rows - 1) }
        }
    };
    let tl = TableLayout { block, rows, header_rows, ncols, mode, avail };
    if tl.rows.is_empty() {
        push(VisualLine::new(block, 0, 0, LineKind::Text));
        return tl;
    }
    match &tl.mode {
        TableMode::Grid { widths } => grid_lines(&tl, text, widths, push),
        TableMode::Records { label_row } => record_lines(&tl, text, *label_row, push),
    }
    tl
}

/// Column widths that fit `avail`, or None when a grid would be unreadable. Columns needing
/// less than an equal share keep their natural width; the rest share what is left.
fn grid_widths(natural: &[usize], avail: usize) -> Option<Vec<usize>> {
    let n = natural.len();
    if n == 0 {
        return Some(Vec::new());
    }
    let space = avail.checked_sub(GAP * (n - 1))?;
    if natural.iter().sum::<usize>() <= space {
        return Some(natural.to_vec());
    }
    if natural.iter().map(|&w| w.min(MIN_COL)).sum::<usize>() > space {
        return None;
    }
    let mut widths = vec![0; n];
    let mut open: Vec<usize> = (0..n).collect();
    let mut left = space;
    loop {
        let share = left / open.len();
        let (fits, wide): (Vec<usize>, Vec<usize>) = open.iter().partition(|&&j| natural[j] <= share);
        if fits.is_empty() {
            for (k, &j) in wide.iter().enumerate() {
                widths[j] = share + usize::from(k < left % wide.len());
            }
            break;
        }
        for &j in &fits {
            widths[j] = natural[j];
            left -= natural[j];
        }
        open = wide;
        if open.is_empty() {
            break;
        }
    }
    Some(widths)
}

/// The pieces of `text[cell]` wrapped to `w` columns (one empty piece for an empty cell).
pub(crate) fn cell_pieces(text: &str, cell: Range<usize>, w: usize) -> Vec<Piece> {
    let mut v = Vec::new();
    if w == 0 {
        v.push(Piece { start: cell.start, end: cell.start, width: 0, cont: false });
        return v;
    }
    wrap(text, cell, WrapSpec { first: w, rest: w, code: false }, |p| v.push(p));
    v
}

fn grid_lines(tl: &TableLayout, text: &str, widths: &[usize], push: &mut dyn FnMut(VisualLine)) {
    for (r, row) in tl.rows.iter().enumerate() {
        let cells: Vec<Vec<Piece>> = (0..tl.ncols).map(|j| cell_pieces(text, tl.cell(text, r, j), widths[j])).collect();
        let subs = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        for k in 0..subs {
            // The earliest byte shown on this sub-line keeps starts increasing down the row.
            let start = cells.iter().filter_map(|c| c.get(k)).map(|p| p.start).min().unwrap_or(row.start);
            let end = tl.rows.get(r + 1).map_or(text.len(), |next| next.start);
            let mut l = VisualLine::new(tl.block, start, end, LineKind::TableRow);
            l.row = r as u32;
            l.sub = k as u32;
            push(l);
        }
        if r + 1 == tl.header_rows && r + 1 < tl.rows.len() {
            let mut l = VisualLine::new(tl.block, row.end, tl.rows[r + 1].start, LineKind::TableSep);
            l.row = r as u32;
            push(l);
        }
    }
}

/// The label drawn before a record value: the header cell and ": ", or `#n: ` for an empty
/// header cell; None for tables without a header.
pub(crate) fn label(tl: &TableLayout, text: &str, label_row: Option<usize>, col: usize) -> Option<String> {
    let row = label_row?;
    let cell = tl.cell(text, row, col);
    let name = crate::doc::sanitize::visible(text.get(cell).unwrap_or("").trim());
    Some(if name.is_empty() { format!("#{}: ", col + 1) } else { format!("{name}: ") })
}

/// Columns of a record line's prefix: (first line, continuation lines).
pub(crate) fn label_widths(label: Option<&str>, avail: usize) -> (usize, usize) {
    let Some(l) = label else { return (0, 0) };
    let first = text_width(l).min(super::prefix::limit(avail));
    (first, first.min(2))
}

fn record_lines(tl: &TableLayout, text: &str, label_row: Option<usize>, push: &mut dyn FnMut(VisualLine)) {
    let body = match label_row {
        Some(h) => h + 1..tl.rows.len(),
        None => 0..tl.rows.len(),
    };
    for r in body.clone() {
        if r > body.start {
            let mut l = VisualLine::new(tl.block, tl.rows[r - 1].end, tl.rows[r].start, LineKind::RecordSep);
            l.row = r as u32;
            push(l);
        }
        for j in 0..tl.ncols {
            let label = label(tl, text, label_row, j);
            let (lw, hang) = label_widths(label.as_deref(), tl.avail);
            let spec = WrapSpec { first: tl.avail - lw, rest: tl.avail - hang, code: false };
            let mut first = true;
            wrap(text, tl.cell(text, r, j), spec, |p| {
                let kind = if first { LineKind::RecordFirst } else { LineKind::RecordCont };
                first = false;
                let mut l = VisualLine::new(tl.block, p.start, p.end, kind);
                l.row = r as u32;
                l.sub = j as u32;
                push(l);
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_columns_keep_natural_width_and_wide_ones_share() {
        assert_eq!(grid_widths(&[3, 40, 40], 50), Some(vec![3, 21, 20]));
        assert_eq!(grid_widths(&[3, 4], 80), Some(vec![3, 4]));
        assert_eq!(grid_widths(&[10; 12], 80), None);
    }
}
