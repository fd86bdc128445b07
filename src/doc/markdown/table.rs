//! GFM tables: cells collected row by row, then one Table block whose text is the cells as
//! "cell\tcell\n" rows (so search and anchors see them) and whose links point into that text.

use pulldown_cmark::Alignment;

use super::inline::StyledText;
use crate::doc::{Align, Block, BlockKind, Link, Table};

pub struct TableBuilder {
    align: Vec<Align>,
    header_rows: usize,
    rows: Vec<Vec<StyledText>>,
    row: Option<Vec<StyledText>>,
}

impl TableBuilder {
    pub fn new(align: &[Alignment]) -> TableBuilder {
        let align = align
            .iter()
            .map(|a| match a {
                Alignment::None => Align::None,
                Alignment::Left => Align::Left,
                Alignment::Center => Align::Center,
                Alignment::Right => Align::Right,
            })
            .collect();
        TableBuilder { align, header_rows: 0, rows: Vec::new(), row: None }
    }

    pub fn start_row(&mut self) {
        self.row = Some(Vec::new());
    }

    pub fn push_cell(&mut self, mut cell: StyledText) {
        cell.normalise_spaces();
        self.row.get_or_insert_with(Vec::new).push(cell);
    }

    pub fn end_row(&mut self, header: bool) {
        if let Some(row) = self.row.take() {
            if header && self.rows.len() == self.header_rows {
                self.header_rows += 1;
            }
            self.rows.push(row);
        }
    }

    pub fn finish(mut self) -> Block {
        self.end_row(false);
        let mut text = String::new();
        let mut links = Vec::new();
        let mut rows = Vec::with_capacity(self.rows.len());
        for row in self.rows {
            let mut cells = Vec::with_capacity(row.len());
            for (i, cell) in row.into_iter().enumerate() {
                if i > 0 {
                    text.push('\t');
                }
                let offset = text.len();
                text.push_str(&cell.text);
                links.extend(
                    cell.links.into_iter().map(|l| Link::new(l.bytes().start + offset..l.bytes().end + offset, l.url)),
                );
                cells.push(cell.text);
            }
            text.push('\n');
            rows.push(cells);
        }
        let table = Table { align: self.align, header_rows: self.header_rows, rows };
        let mut block = Block::new(BlockKind::Table(Box::new(table)), text);
        block.links = links.into_boxed_slice();
        block
    }
}
