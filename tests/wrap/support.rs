//! Builders for small documents and a helper that renders each visual line to a string.

use lectern::doc::{Align, Block, BlockKind, Document, Format, Origin, Table};
use lectern::layout::{Layout, LayoutOptions};

pub fn doc(blocks: Vec<Block>) -> Document {
    Document {
        title: "test".into(),
        origin: Origin::Stdin,
        format: Format::Markdown,
        blocks,
        outline: Vec::new(),
        notices: Vec::new(),
    }
}

pub fn item(depth: u8, marker: &str, text: &str) -> Block {
    Block::new(BlockKind::ListItem { depth, marker: marker.into() }, text)
}

pub fn quoted(mut b: Block, depth: u8) -> Block {
    b.quote = depth;
    b
}

pub fn table_block(align: Vec<Align>, header_rows: usize, rows: &[&[&str]]) -> Block {
    let rows: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    let text: String = rows.iter().map(|r| r.join("\t") + "\n").collect();
    Block::new(BlockKind::Table(Box::new(Table { align, header_rows, rows })), text)
}

fn lines(d: &Document, width: u16, ascii: bool) -> Vec<String> {
    let l = Layout::build_with(d, &LayoutOptions { width, ascii });
    (0..l.len()).map(|i| l.line_text(d, i)).collect()
}

/// Every visual line as drawn, box drawing mode.
pub fn rendered(d: &Document, width: u16) -> Vec<String> {
    lines(d, width, false)
}

pub fn rendered_ascii(d: &Document, width: u16) -> Vec<String> {
    lines(d, width, true)
}
