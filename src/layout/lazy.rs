//! A layout that wraps only what is looked at: the document is cut into parts of about
//! `PART_BYTES` of text, each wrapped on demand; parts not wrapped yet count with an estimate
//! until a background pass (`count_step`) measures them. A resize of a 100 MB document then
//! costs the few parts around the reader, not the whole text. Must not import ratatui or
//! crossterm.
//!
//! Line numbers are exact inside wrapped parts and wherever every earlier part is counted;
//! anchors are always exact, so callers keep positions as anchors and ask for lines fresh.

use std::ops::Range;
use std::time::Instant;

use super::build::{build_range, is_list};
use super::{Layout, LayoutOptions, Segment, VisualLine};
use crate::doc::{Anchor, Document};

/// Text bytes per part: small enough to wrap in well under a millisecond, big enough that a
/// 100 MB document has a few thousand parts.
const PART_BYTES: usize = 48 * 1024;
/// Blocks per part at most, so documents of tiny blocks also get cheap parts.
const PART_BLOCKS: usize = 2048;
/// Wrapped parts kept beyond the ones in use; older ones are dropped (their counts stay).
const KEEP_WRAPPED: usize = 48;

#[derive(Debug, Clone)]
struct Part {
    blocks: Range<usize>,
    bytes: usize,
    /// The wrapped lines, while kept.
    wrapped: Option<Layout>,
    /// Visual lines of the part: exact when `exact`, else an estimate from its size.
    count: usize,
    exact: bool,
    /// When it was last used (a counter), for dropping the least recently used.
    used: u64,
}

/// The document wrapped to a width, part by part, on demand.
#[derive(Debug, Clone)]
pub struct LazyLayout {
    opts: LayoutOptions,
    parts: Vec<Part>,
    /// `starts[p]` is the first line of part `p`; one more entry holds the total.
    starts: Vec<usize>,
    exact_parts: usize,
    /// Where the background count goes on.
    scan: usize,
    clock: u64,
}

impl LazyLayout {
    /// Cut `doc` into parts; nothing is wrapped yet.
    pub fn new(doc: &Document, opts: LayoutOptions) -> LazyLayout {
        let opts = LayoutOptions { width: opts.width.max(1), ..opts };
        let mut parts = Vec::new();
        let mut start = 0;
        let mut bytes = 0;
        for (i, b) in doc.blocks.iter().enumerate() {
            // A part may only start at a block that is not a list item: list items carry
            // their list's hanging indent from one to the next.
            let full = bytes >= PART_BYTES || i - start >= PART_BLOCKS;
            if i > start && full && !is_list(b) {
                parts.push(Part::unwrapped(start..i, bytes));
                start = i;
                bytes = 0;
            }
            bytes += b.text.len();
        }
        if start < doc.blocks.len() {
            parts.push(Part::unwrapped(start..doc.blocks.len(), bytes));
        }
        LazyLayout::from_parts(parts, opts)
    }

    /// The same parts at other options, none wrapped yet.
    pub fn rewrap(&self, opts: LayoutOptions) -> LazyLayout {
        let opts = LayoutOptions { width: opts.width.max(1), ..opts };
        let parts = self.parts.iter().map(|p| Part::unwrapped(p.blocks.clone(), p.bytes)).collect();
        LazyLayout::from_parts(parts, opts)
    }

    fn from_parts(mut parts: Vec<Part>, opts: LayoutOptions) -> LazyLayout {
        for p in &mut parts {
            p.count = estimate(p, opts.width as usize);
        }
        let mut l = LazyLayout { opts, parts, starts: Vec::new(), exact_parts: 0, scan: 0, clock: 0 };
        l.restart();
        l
    }

    pub fn width(&self) -> u16 {
        self.opts.width
    }

    pub fn options(&self) -> LayoutOptions {
        self.opts
    }

    /// Visual lines in all: exact once `is_complete`, an estimate before.
    pub fn len(&self) -> usize {
        self.starts.last().copied().unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether every part's line count is measured, so `len` and line numbers are exact.
    pub fn is_complete(&self) -> bool {
        self.exact_parts == self.parts.len()
    }

    /// Share of the document measured, 0..=100.
    pub fn progress(&self) -> u8 {
        if self.parts.is_empty() {
            return 100;
        }
        (self.exact_parts * 100 / self.parts.len()) as u8
    }

    /// Line `i`; panics when `i` is out of range or in a part not wrapped (see `ensure_*`).
    pub fn line(&self, i: usize) -> &VisualLine {
        self.get(i).expect("line index within the wrapped parts")
    }

    /// Line `i` when its part is wrapped.
    pub fn get(&self, i: usize) -> Option<&VisualLine> {
        let (p, local) = self.locate(i)?;
        self.parts[p].wrapped.as_ref()?.get(local)
    }

    /// The styled pieces of line `i`; empty when its part is not wrapped.
    pub fn segments<'a>(&self, doc: &'a Document, i: usize) -> Vec<Segment<'a>> {
        match self.locate(i) {
            Some((p, local)) => self.parts[p].wrapped.as_ref().map_or_else(Vec::new, |l| l.segments(doc, local)),
            None => Vec::new(),
        }
    }

    /// The text of line `i` as drawn.
    pub fn line_text(&self, doc: &Document, i: usize) -> String {
        self.segments(doc, i).iter().map(|s| s.text.as_ref()).collect()
    }

    /// The anchor at the start of line `i` (clamped to the last line). In a part not wrapped
    /// yet it is estimated: the start of a block in proportion.
    pub fn anchor_of(&self, i: usize) -> Anchor {
        let Some((p, local)) = self.locate(i.min(self.len().saturating_sub(1))) else {
            return Anchor::default();
        };
        let part = &self.parts[p];
        match &part.wrapped {
            Some(l) => l.anchor_of(local),
            None => {
                let n = part.blocks.len();
                Anchor::new(part.blocks.start + (local * n / part.count.max(1)).min(n - 1), 0)
            }
        }
    }

    /// The visual line that shows `anchor` (see `Layout::line_of`); estimated in a part not
    /// wrapped yet.
    pub fn line_of(&self, anchor: Anchor) -> usize {
        let Some(p) = self.part_of_block(anchor.block) else {
            return self.len().saturating_sub(1);
        };
        let part = &self.parts[p];
        self.starts[p]
            + match &part.wrapped {
                Some(l) => l.line_of(anchor),
                None => (anchor.block - part.blocks.start) * part.count / part.blocks.len().max(1),
            }
    }

    /// First non-blank line of `block` (the last line when out of range).
    pub fn first_line_of_block(&self, block: usize) -> usize {
        let Some(p) = self.part_of_block(block) else {
            return self.len().saturating_sub(1);
        };
        match &self.parts[p].wrapped {
            Some(l) => self.starts[p] + l.first_line_of_block(block),
            None => self.line_of(Anchor::new(block, 0)),
        }
    }

    /// The non-blank lines of `block`.
    pub fn block_lines(&self, block: usize) -> Range<usize> {
        let Some(p) = self.part_of_block(block) else {
            let end = self.len();
            return end..end;
        };
        match &self.parts[p].wrapped {
            Some(l) => {
                let r = l.block_lines(block);
                self.starts[p] + r.start..self.starts[p] + r.end
            }
            None => {
                let first = self.line_of(Anchor::new(block, 0));
                first..first + 1
            }
        }
    }

    /// Wrap the part holding `anchor` and enough parts around it that `before` lines above
    /// and `after` lines below are wrapped too (as far as the document goes).
    pub fn ensure_around(&mut self, doc: &Document, anchor: Anchor, before: usize, after: usize) {
        let Some(home) = self.part_of_block(anchor.block) else { return };
        self.wrap_part(doc, home);
        let mut p = home;
        while p > 0 && self.line_of(anchor).saturating_sub(self.starts[p]) < before {
            p -= 1;
            self.wrap_part(doc, p);
        }
        let mut q = home;
        while q + 1 < self.parts.len() && self.starts[q + 1].saturating_sub(self.line_of(anchor)) < after {
            q += 1;
            self.wrap_part(doc, q);
        }
        self.drop_unused(p..q + 1);
    }

    /// Wrap the last parts, holding at least `lines` lines, so the end of the document (`G`)
    /// is exact.
    pub fn ensure_tail(&mut self, doc: &Document, lines: usize) {
        let mut p = self.parts.len();
        while p > 0 {
            p -= 1;
            self.wrap_part(doc, p);
            if self.len() - self.starts[p] >= lines {
                break;
            }
        }
    }

    /// Measure parts not counted yet until `deadline`; true while some remain. Parts measured
    /// here are not kept wrapped unless they already were.
    pub fn count_step(&mut self, doc: &Document, deadline: Instant) -> bool {
        let mut changed = false;
        while self.scan < self.parts.len() {
            let p = self.scan;
            if !self.parts[p].exact {
                let count = build_range(doc, self.opts, self.parts[p].blocks.clone()).len();
                self.set_count(p, count);
                changed = true;
            }
            self.scan += 1;
            if Instant::now() >= deadline {
                break;
            }
        }
        if changed {
            self.restart();
        }
        !self.is_complete()
    }

    fn wrap_part(&mut self, doc: &Document, p: usize) {
        self.clock += 1;
        self.parts[p].used = self.clock;
        if self.parts[p].wrapped.is_some() {
            return;
        }
        let l = build_range(doc, self.opts, self.parts[p].blocks.clone());
        let count = l.len();
        self.parts[p].wrapped = Some(l);
        if self.parts[p].count != count || !self.parts[p].exact {
            self.set_count(p, count);
            self.restart();
        }
    }

    fn set_count(&mut self, p: usize, count: usize) {
        if !self.parts[p].exact {
            self.exact_parts += 1;
        }
        self.parts[p].count = count;
        self.parts[p].exact = true;
    }

    /// Recompute the line starts after counts changed.
    fn restart(&mut self) {
        self.starts.clear();
        let mut at = 0;
        for p in &self.parts {
            self.starts.push(at);
            at += p.count;
        }
        self.starts.push(at);
    }

    /// Drop the wrapped lines of the least recently used parts beyond `KEEP_WRAPPED`, never
    /// those in `keep`.
    fn drop_unused(&mut self, keep: Range<usize>) {
        let mut wrapped: Vec<(u64, usize)> = (0..self.parts.len())
            .filter(|&p| self.parts[p].wrapped.is_some() && !keep.contains(&p))
            .map(|p| (self.parts[p].used, p))
            .collect();
        if wrapped.len() <= KEEP_WRAPPED {
            return;
        }
        wrapped.sort_unstable();
        let excess = wrapped.len() - KEEP_WRAPPED;
        for &(_, p) in &wrapped[..excess] {
            self.parts[p].wrapped = None;
        }
    }

    /// The part holding global line `i`, and the line's index inside it.
    fn locate(&self, i: usize) -> Option<(usize, usize)> {
        if i >= self.len() {
            return None;
        }
        let p = self.starts[1..].partition_point(|&s| s <= i);
        Some((p, i - self.starts[p]))
    }

    fn part_of_block(&self, block: usize) -> Option<usize> {
        let p = self.parts.partition_point(|p| p.blocks.end <= block);
        (p < self.parts.len()).then_some(p)
    }
}

impl Part {
    fn unwrapped(blocks: Range<usize>, bytes: usize) -> Part {
        Part { blocks, bytes, wrapped: None, count: 0, exact: false, used: 0 }
    }
}

/// Lines a part will take at `width`: its text over the width, plus a line and a separator
/// per block. Only ever a stand-in until the part is measured.
fn estimate(p: &Part, width: usize) -> usize {
    let blocks = p.blocks.len();
    (p.bytes / width.max(8)) + blocks * 2
}
