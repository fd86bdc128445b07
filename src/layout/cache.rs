//! Keeps the layouts of the last few widths of one document, so toggling a side pane or
//! resizing back and forth does not re-wrap. Must not import ratatui or crossterm.

use super::{Layout, LayoutOptions};
use crate::doc::Document;

/// The most recently used layouts of one document, keyed by options. Call `clear` when the
/// document changes: the cache cannot tell.
#[derive(Debug, Clone)]
pub struct LayoutCache {
    capacity: usize,
    /// Least recently used first.
    entries: Vec<Layout>,
}

impl LayoutCache {
    /// A cache holding at most `capacity` layouts (at least one).
    pub fn new(capacity: usize) -> LayoutCache {
        LayoutCache { capacity: capacity.max(1), entries: Vec::new() }
    }

    /// The layout of `doc` for `opts`, built if not cached.
    pub fn get(&mut self, doc: &Document, opts: LayoutOptions) -> &Layout {
        let opts = LayoutOptions { width: opts.width.max(1), ..opts };
        match self.entries.iter().position(|l| l.options() == opts) {
            Some(i) => {
                let hit = self.entries.remove(i);
                self.entries.push(hit);
            }
            None => {
                if self.entries.len() == self.capacity {
                    self.entries.remove(0);
                }
                self.entries.push(Layout::build_with(doc, &opts));
            }
        }
        let last = self.entries.len() - 1;
        &self.entries[last]
    }

    /// Whether a layout for `opts` is cached.
    pub fn contains(&self, opts: LayoutOptions) -> bool {
        let opts = LayoutOptions { width: opts.width.max(1), ..opts };
        self.entries.iter().any(|l| l.options() == opts)
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, BlockKind, Format, Origin};

    #[test]
    fn keeps_the_most_recent_widths() {
        let doc = Document {
            title: String::new(),
            origin: Origin::Stdin,
            format: Format::Plain,
            blocks: vec![Block::new(BlockKind::Paragraph, "one two three four")],
            outline: Vec::new(),
            notices: Vec::new(),
        };
        let mut c = LayoutCache::new(2);
        let o = |w| LayoutOptions { width: w, ascii: false };
        assert_eq!(c.get(&doc, o(5)).len(), 4);
        c.get(&doc, o(80));
        c.get(&doc, o(5));
        c.get(&doc, o(40));
        assert!(c.contains(o(5)) && c.contains(o(40)) && !c.contains(o(80)));
    }
}
