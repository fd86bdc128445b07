//! Reading state of one document: the top-of-screen anchor, the layout for the current wrap
//! width, the chapter tree and the jump list. Scrolling works in visual lines but is stored as
//! an anchor, so a resize keeps the same sentence at the top.

use super::jumps::JumpList;
use super::tree::TreeState;
use crate::doc::{Anchor, Document};
use crate::layout::{LayoutOptions, LazyLayout};

#[derive(Debug)]
pub struct DocView {
    pub top: Anchor,
    /// How many lines above `line_of(top)` the top really is: lines that share an anchor (the
    /// blank line before a block shares its first line's) are told apart by this count.
    top_back: usize,
    /// Wrapped on demand around the reader (see `LazyLayout`), so big documents resize fast.
    pub layout: Option<LazyLayout>,
    pub tree: TreeState,
    pub jumps: JumpList,
    /// Set by a jump to a section whose heading cannot reach the top of the screen (near the
    /// end of the document); the tree and status keep showing that section until the next move.
    pub pinned_section: Option<usize>,
    /// Outline entries in the order they appear in the text (for `]` and `[`), and each
    /// entry's place in that order; computed once, since the document does not change.
    reading_order: Vec<usize>,
    place_in_order: Vec<usize>,
}

impl DocView {
    pub fn new(doc: &Document) -> DocView {
        let mut order: Vec<usize> = (0..doc.outline.len()).collect();
        order.sort_by_key(|&i| (doc.outline[i].block, i));
        DocView {
            top: Anchor::default(),
            top_back: 0,
            layout: None,
            tree: TreeState::new(&doc.outline, 3),
            jumps: JumpList::default(),
            pinned_section: None,
            reading_order: order.clone(),
            place_in_order: {
                let mut place = vec![0; order.len()];
                for (k, &i) in order.iter().enumerate() {
                    place[i] = k;
                }
                place
            },
        }
    }

    /// The outline entry `step` places after (or before, when negative) `section` in reading
    /// order; with no section, the first one.
    pub fn section_by_order(&self, section: Option<usize>, step: isize) -> Option<usize> {
        match section {
            None => self.reading_order.first().copied(),
            Some(s) => {
                let k = *self.place_in_order.get(s)? as isize + step;
                usize::try_from(k).ok().and_then(|k| self.reading_order.get(k).copied())
            }
        }
    }

    /// Re-wrap when the width changed; the top anchor is untouched, so the same text stays on top.
    /// Only the part of the document at the top is wrapped here; see `ensure_window`.
    pub fn ensure_layout(&mut self, doc: &Document, opts: LayoutOptions) {
        match &self.layout {
            Some(l) if l.options() == opts => {}
            Some(l) => self.layout = Some(l.rewrap(opts)),
            None => self.layout = Some(LazyLayout::new(doc, opts)),
        }
        if let Some(l) = self.layout.as_mut() {
            l.ensure_around(doc, self.top, 0, 1);
        }
    }

    /// Wrap the lines a move from here can reach without a document at hand: a few screens
    /// around the top and the last screens (for `G`).
    pub fn ensure_window(&mut self, doc: &Document, height: usize) {
        let h = height.max(1);
        if let Some(l) = self.layout.as_mut() {
            l.ensure_tail(doc, 2 * h);
            l.ensure_around(doc, self.top, 3 * h, 4 * h);
        }
    }

    /// Wrap the part of the document holding `anchor`, so line numbers near it are exact
    /// before a jump there.
    pub fn wrap_near(&mut self, doc: &Document, anchor: Anchor) {
        if let Some(l) = self.layout.as_mut() {
            l.ensure_around(doc, anchor, 0, 0);
        }
    }

    /// Measure more of the document's line count until `deadline`; true while some remains.
    pub fn count_step(&mut self, doc: &Document, deadline: std::time::Instant) -> bool {
        self.layout.as_mut().is_some_and(|l| l.count_step(doc, deadline))
    }

    pub fn layout(&self) -> &LazyLayout {
        self.layout.as_ref().expect("ensure_layout runs before any use")
    }

    pub fn top_line(&self) -> usize {
        let layout = self.layout();
        if layout.is_empty() {
            return 0;
        }
        let line = layout.line_of(self.top);
        // After a re-wrap the shared-anchor lines may differ; step back only over lines that
        // still share the anchor.
        let mut back = 0;
        while back < self.top_back && line > back && layout.anchor_of(line - back - 1) == self.top {
            back += 1;
        }
        line - back
    }

    pub fn max_top(&self, height: usize) -> usize {
        self.layout().len().saturating_sub(height.max(1))
    }

    pub fn set_top_line(&mut self, line: usize, height: usize) {
        self.pinned_section = None;
        if self.layout().is_empty() {
            self.top = Anchor::default();
            self.top_back = 0;
            return;
        }
        let line = line.min(self.max_top(height));
        self.top = self.layout().anchor_of(line);
        // In a part not wrapped yet both directions are estimates and need not agree.
        self.top_back = self.layout().line_of(self.top).saturating_sub(line);
    }

    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        let cur = self.top_line() as isize;
        self.set_top_line((cur + delta).max(0) as usize, height);
    }

    /// Jump so `anchor`'s line is at the top (as far as the end of the document allows),
    /// remembering where we were.
    pub fn jump_to(&mut self, anchor: Anchor, height: usize) {
        let from = self.top;
        if self.layout().is_empty() {
            return;
        }
        let line = self.layout().line_of(anchor);
        self.set_top_line(line, height);
        if self.top != from {
            self.jumps.record(from);
        }
    }

    /// Jump to an outline entry; pins it when its heading cannot come to the top.
    pub fn jump_to_section(&mut self, doc: &Document, section: usize, height: usize) {
        let Some(s) = doc.outline.get(section) else { return };
        self.wrap_near(doc, Anchor::new(s.block, 0));
        let from = self.top;
        self.jump_to(Anchor::new(s.block, 0), height);
        if self.top == from && from.block != s.block {
            // Nothing moved (already at the end) but the reader asked for this section.
            self.jumps.record(from);
        }
        if doc.section_at(self.top.block) != Some(section) {
            self.pinned_section = Some(section);
        }
    }

    /// The section the reader is in: the pinned one, else the one containing the top line.
    pub fn current_section(&self, doc: &Document) -> Option<usize> {
        self.pinned_section.or_else(|| doc.section_at(self.top.block))
    }

    /// Percent of the document read, by the last line on screen (as less reports it).
    pub fn percent(&self, height: usize) -> u16 {
        let len = self.layout().len();
        if len == 0 {
            return 100;
        }
        let bottom = (self.top_line() + height).min(len);
        (bottom * 100 / len) as u16
    }
}
