//! Chapter-tree state: which outline entries are expanded, the cursor, and the rows shown.

use crate::doc::Section;

#[derive(Debug, Clone, Default)]
pub struct TreeState {
    /// One flag per outline entry.
    pub expanded: Vec<bool>,
    has_children: Vec<bool>,
    /// Outline index of the entry under the cursor.
    pub cursor: usize,
    /// First visible row shown (kept so the cursor stays on screen).
    pub offset: usize,
    /// Outline indices of the rows currently shown, in order; rebuilt after every change.
    rows: Vec<usize>,
}

impl TreeState {
    /// Entries down to `open_depth` start expanded, so a reader sees the chapters at once.
    pub fn new(outline: &[Section], open_depth: u8) -> TreeState {
        let mut has_children = vec![false; outline.len()];
        for s in outline {
            if let Some(p) = s.parent {
                has_children[p] = true;
            }
        }
        let expanded = outline.iter().map(|s| s.level < open_depth).collect();
        let mut t = TreeState { expanded, has_children, cursor: 0, offset: 0, rows: Vec::new() };
        t.rebuild(outline);
        t
    }

    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    pub fn has_children(&self, i: usize) -> bool {
        self.has_children.get(i).copied().unwrap_or(false)
    }

    /// Row of the cursor among the visible rows (the nearest visible ancestor if hidden).
    pub fn cursor_row(&self) -> Option<usize> {
        self.rows.iter().position(|&r| r == self.cursor)
    }

    fn rebuild(&mut self, outline: &[Section]) {
        self.rows.clear();
        // An entry is visible when every ancestor is expanded. Pre-order lets us track the
        // depth below which everything is hidden, in one pass with no recursion.
        let mut hidden_below: Option<u8> = None;
        for (i, s) in outline.iter().enumerate() {
            if let Some(l) = hidden_below {
                if s.level > l {
                    continue;
                }
                hidden_below = None;
            }
            self.rows.push(i);
            if !self.expanded[i] && self.has_children[i] {
                hidden_below = Some(s.level);
            }
        }
    }

    pub fn set_all(&mut self, outline: &[Section], open: bool) {
        self.expanded.iter_mut().for_each(|e| *e = open);
        if !open {
            // Collapsing everything moves the cursor to its root, which stays visible.
            while let Some(p) = outline.get(self.cursor).and_then(|s| s.parent) {
                self.cursor = p;
            }
        }
        self.rebuild(outline);
    }

    /// Expand every ancestor of `i` so it is visible.
    pub fn reveal(&mut self, outline: &[Section], i: usize) {
        let mut cur = outline.get(i).and_then(|s| s.parent);
        let mut changed = false;
        while let Some(p) = cur {
            if !self.expanded[p] {
                self.expanded[p] = true;
                changed = true;
            }
            cur = outline[p].parent;
        }
        if changed {
            self.rebuild(outline);
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        if self.rows.is_empty() {
            return;
        }
        let row = self.cursor_row().unwrap_or(0) as isize;
        let new = (row + delta).clamp(0, self.rows.len() as isize - 1) as usize;
        self.cursor = self.rows[new];
    }

    pub fn move_to_row(&mut self, row: usize) {
        if let Some(&i) = self.rows.get(row.min(self.rows.len().saturating_sub(1))) {
            self.cursor = i;
        }
    }

    /// `h`: collapse an open entry, else go to its parent.
    pub fn collapse(&mut self, outline: &[Section]) {
        let i = self.cursor;
        if self.has_children(i) && self.expanded[i] {
            self.expanded[i] = false;
            self.rebuild(outline);
        } else if let Some(p) = outline.get(i).and_then(|s| s.parent) {
            self.cursor = p;
        }
    }

    /// `l`: expand a closed entry, else go to its first child.
    pub fn expand(&mut self, outline: &[Section]) {
        let i = self.cursor;
        if !self.has_children(i) {
            return;
        }
        if !self.expanded[i] {
            self.expanded[i] = true;
            self.rebuild(outline);
        } else if i + 1 < outline.len() && outline[i + 1].parent == Some(i) {
            self.cursor = i + 1;
        }
    }

    pub fn toggle(&mut self, outline: &[Section]) {
        let i = self.cursor;
        if self.has_children(i) {
            self.expanded[i] = !self.expanded[i];
            self.rebuild(outline);
        }
    }

    /// Keep the cursor row inside a window of `height` rows.
    /// A cursor leaving the window brings it to the middle rather than the edge: the pane then
    /// moves once per half screen of cursor travel instead of on every key, and each move of a
    /// pane beside the text costs a repaint on terminals without left/right margins.
    pub fn scroll_into_view(&mut self, height: usize) {
        let Some(row) = self.cursor_row() else { return };
        let h = height.max(1);
        if row < self.offset || row >= self.offset + h {
            self.offset = row.saturating_sub(h / 2);
        }
        let max_off = self.rows.len().saturating_sub(h);
        self.offset = self.offset.min(max_off);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline() -> Vec<Section> {
        let s =
            |t: &str, level, parent| Section { id: t.into(), title: t.into(), level, parent, block: 0, number: None };
        vec![s("A", 1, None), s("A1", 2, Some(0)), s("A1a", 3, Some(1)), s("A2", 2, Some(0)), s("B", 1, None)]
    }

    #[test]
    fn collapse_expand_and_rows() {
        let o = outline();
        let mut t = TreeState::new(&o, 2);
        assert_eq!(t.rows(), &[0, 1, 3, 4]);
        t.cursor = 1;
        t.expand(&o);
        assert_eq!(t.rows(), &[0, 1, 2, 3, 4]);
        t.expand(&o);
        assert_eq!(t.cursor, 2);
        t.collapse(&o);
        assert_eq!(t.cursor, 1, "leaf: h goes to the parent");
        t.collapse(&o);
        assert_eq!(t.rows(), &[0, 1, 3, 4]);
        t.set_all(&o, false);
        assert_eq!(t.rows(), &[0, 4]);
        assert_eq!(t.cursor, 0);
        t.reveal(&o, 2);
        assert_eq!(t.rows(), &[0, 1, 2, 3, 4]);
    }

    #[test]
    fn scroll_keeps_cursor_visible() {
        let o = outline();
        let mut t = TreeState::new(&o, 9);
        t.move_to_row(4);
        t.scroll_into_view(2);
        assert_eq!(t.offset, 3, "centred, as far as the end allows");
        t.move_by(-1);
        t.scroll_into_view(2);
        assert_eq!(t.offset, 3, "still visible: no move");
        t.move_by(-3);
        t.scroll_into_view(2);
        assert_eq!(t.offset, 0);
    }
}
