//! Positions in a document that survive re-wrapping: a block index plus a byte offset in its text.
//! Must not import ratatui or crossterm.

/// A position in the document model. `byte` is a char boundary in `blocks[block].text`
/// (0 for the start of the block).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Anchor {
    pub block: usize,
    pub byte: usize,
}

impl Anchor {
    pub fn new(block: usize, byte: usize) -> Anchor {
        Anchor { block, byte }
    }
}
