//! Documents built from the model types for store tests.

use std::path::PathBuf;

use lectern::doc::{Block, BlockKind, Document, Format, Origin, Section, assign_section_ids};

/// A document from lines: `#`-prefixed lines are headings of that level, others paragraphs.
pub fn doc_at(origin: Origin, lines: &[&str]) -> Document {
    let mut blocks = Vec::new();
    let mut outline: Vec<Section> = Vec::new();
    for line in lines {
        let level = line.bytes().take_while(|&b| b == b'#').count();
        if level > 0 {
            let title = line[level..].trim().to_string();
            let parent = outline.iter().rposition(|s| (s.level as usize) < level);
            outline.push(Section {
                id: String::new(),
                title: title.clone(),
                level: level as u8,
                parent,
                block: blocks.len(),
                number: None,
            });
            blocks.push(Block::new(BlockKind::Heading { level: level as u8 }, title));
        } else {
            blocks.push(Block::new(BlockKind::Paragraph, *line));
        }
    }
    assign_section_ids(&mut outline);
    Document { title: "Guide".into(), origin, format: Format::Markdown, blocks, outline, notices: Vec::new() }
}

pub fn doc(lines: &[&str]) -> Document {
    doc_at(Origin::Bundled("guide.md".into()), lines)
}

pub fn file_doc(path: PathBuf, lines: &[&str]) -> Document {
    doc_at(Origin::File(path), lines)
}

pub const GUIDE: &[&str] = &[
    "# Guide",
    "## Installation",
    "Download the archive from the project page and unpack it into a directory of your choice before running anything.",
    "The installer checks for a compatible runtime and refuses to continue if the version is older than three years.",
    "## Configuration",
    "Settings live in a single file called lectern.toml which is read once at start and never written by the program.",
    "Colours can be turned off with the NO_COLOR environment variable, which every well-behaved terminal tool respects.",
    "## Troubleshooting",
    "If the screen looks garbled over a slow link, try a smaller window or disable the status bar for a while.",
    "Crashes should be reported with the log file attached and a short description of what you were doing at the time.",
];

/// Byte offset of `needle` in block `block` of `doc` (test set-up helper).
pub fn at(doc: &Document, block: usize, needle: &str) -> lectern::doc::Anchor {
    let byte = doc.blocks[block].text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in block {block}"));
    lectern::doc::Anchor::new(block, byte)
}

pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("create temp dir")
}
