//! Plain-text reader: finds the structure a human sees in a text file.
//! Must not import ratatui or crossterm.

use super::{Block, BlockKind, Document, Format, Origin, Section, assign_section_ids};

/// Parse plain text into a document. (Placeholder: paragraphs only, first line as title.)
pub fn parse(text: &str, origin: Origin) -> Document {
    let mut blocks = Vec::new();
    for para in text.split("\n\n") {
        let joined = para.split_whitespace().collect::<Vec<_>>().join(" ");
        if !joined.is_empty() {
            blocks.push(Block::new(BlockKind::Paragraph, joined));
        }
    }
    let title = blocks.first().map(|b| b.text.clone()).unwrap_or_else(|| origin.display_name());
    let mut outline = vec![Section { id: String::new(), title: title.clone(), level: 1, parent: None, block: 0, number: None }];
    if blocks.is_empty() {
        outline.clear();
    }
    assign_section_ids(&mut outline);
    Document { title, origin, format: Format::Plain, blocks, outline, notices: Vec::new() }
}
