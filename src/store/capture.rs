//! Turning a live `Anchor` into a `StoredAnchor`: the section it is in and the text at and around
//! it, so it can be found again after the document changes.

use crate::doc::{Anchor, Document};

use super::schema::StoredAnchor;

/// Bytes of text kept from the anchor onwards (cut back to a character boundary).
pub const QUOTE_BYTES: usize = 64;
/// Bytes of context kept on each side of the quote.
pub const CONTEXT_BYTES: usize = 32;

/// Largest char boundary `<= i` in `s`.
pub(crate) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Smallest char boundary `>= i` in `s`.
pub(crate) fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Capture `at` in `doc`. An anchor past the end is clamped to the last block / the block's end,
/// so a stale position never fails to save.
pub fn capture(doc: &Document, at: Anchor) -> StoredAnchor {
    let Some(last) = doc.blocks.len().checked_sub(1) else {
        return StoredAnchor::default();
    };
    let block = at.block.min(last);
    let text = doc.blocks[block].text.as_str();
    let byte = floor_boundary(text, at.byte);
    let mut end = floor_boundary(text, byte + QUOTE_BYTES);
    // End the quote at a word boundary when one is near, so lists and exports read cleanly.
    if end < text.len()
        && let Some(space) = text[byte..end].rfind(char::is_whitespace).filter(|&i| i >= QUOTE_BYTES / 2)
    {
        end = byte + space;
    }
    if end == byte && byte < text.len() {
        end = ceil_boundary(text, byte + 1);
    }
    let before_start = ceil_boundary(text, byte.saturating_sub(CONTEXT_BYTES));
    let after_end = floor_boundary(text, end + CONTEXT_BYTES);
    let (section_id, section_path) = match doc.section_at(block) {
        Some(s) => (doc.outline[s].id.clone(), doc.section_path(s).into_iter().map(str::to_string).collect()),
        None => (String::new(), Vec::new()),
    };
    StoredAnchor {
        section_id,
        section_path,
        block,
        byte,
        quote: text[byte..end].to_string(),
        before: text[before_start..byte].to_string(),
        after: text[end..after_end].to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, BlockKind, Format, Origin};

    #[test]
    fn captures_quote_and_context_on_char_boundaries() {
        let text = "é".repeat(100);
        let doc = Document {
            title: "t".into(),
            origin: Origin::Stdin,
            format: Format::Plain,
            blocks: vec![Block::new(BlockKind::Paragraph, text.clone())],
            outline: Vec::new(),
            notices: Vec::new(),
        };
        let a = capture(&doc, Anchor::new(0, 41)); // inside a two-byte char
        assert_eq!(a.byte, 40);
        assert_eq!(a.quote.len(), 64);
        assert_eq!(a.before.len(), 32);
        assert_eq!(a.after.len(), 32);
        let far = capture(&doc, Anchor::new(7, 10_000));
        assert_eq!((far.block, far.byte, far.quote.as_str()), (0, text.len(), ""));
    }
}
