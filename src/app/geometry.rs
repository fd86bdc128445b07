//! Where each pane sits for a terminal size: one pure function shared by `update` (scrolling
//! needs the page height and wrap width) and `ui` (drawing), so they cannot disagree.

/// A screen rectangle (terminal-library independent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

pub const DEFAULT_MAX_TEXT_WIDTH: u16 = 88;
pub const MIN_TREE_WIDTH: u16 = 12;
/// The tree is shown at start only when the terminal is at least this wide.
pub const TREE_AT_START_MIN_COLS: u16 = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub tree: Option<Area>,
    /// The reading pane, including its one-column left margin.
    pub text: Area,
    /// Column where wrapped text starts and the width it is wrapped to.
    pub text_x: u16,
    pub wrap_width: u16,
    pub status: Area,
}

pub fn geometry(cols: u16, rows: u16, tree_shown: bool, tree_width: u16, max_text: u16) -> Geometry {
    let body_h = rows.saturating_sub(1);
    let status = Area { x: 0, y: body_h, width: cols, height: rows.min(1) };
    // The tree never takes more than half the screen, and disappears rather than leave the
    // text pane unusably narrow.
    let tw = tree_width.min(cols / 2);
    let tree = (tree_shown && tw >= MIN_TREE_WIDTH.min(cols / 2) && tw > 2).then_some(Area {
        x: 0,
        y: 0,
        width: tw,
        height: body_h,
    });
    let text_left = tree.map_or(0, |t| t.width + 1);
    let text = Area { x: text_left, y: 0, width: cols.saturating_sub(text_left), height: body_h };
    let margin = if text.width > 20 { 1 } else { 0 };
    let wrap_width = text.width.saturating_sub(2 * margin).clamp(1, max_text.max(1));
    Geometry { tree, text, text_x: text.x + margin, wrap_width, status }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_fit_and_never_overlap() {
        for cols in 1..200u16 {
            for rows in [1u16, 2, 12, 24] {
                for shown in [false, true] {
                    let g = geometry(cols, rows, shown, 28, 88);
                    assert!(g.text.x + g.text.width <= cols);
                    assert!(g.text_x + g.wrap_width <= cols.max(1));
                    assert!(g.wrap_width <= 88);
                    if let Some(t) = g.tree {
                        assert!(t.width < g.text.x, "separator column between tree and text");
                    }
                }
            }
        }
        let g = geometry(200, 50, true, 28, 88);
        assert_eq!(g.wrap_width, 88);
    }
}
