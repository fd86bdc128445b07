//! Markdown reader (pulldown-cmark): headings form the outline.
//! Must not import ratatui or crossterm.

use super::{Document, Origin};

/// Parse Markdown into a document. (Placeholder: delegates to the plain reader.)
pub fn parse(text: &str, origin: Origin) -> Document {
    let mut d = super::plain::parse(text, origin);
    d.format = super::Format::Markdown;
    d
}
