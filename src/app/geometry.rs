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

use super::settings::TreeAt;

pub const DEFAULT_MAX_TEXT_WIDTH: u16 = 88;
pub const MIN_TREE_WIDTH: u16 = 12;
/// A left tree is shown at start only when the terminal is at least this wide, a top tree only
/// when it is at least this tall (either would otherwise crowd the text on a small terminal;
/// `t` still shows it).
pub const TREE_AT_START_MIN_COLS: u16 = 80;
pub const TOP_TREE_AT_START_MIN_ROWS: u16 = 24;

pub fn tree_at_start(at: TreeAt, cols: u16, rows: u16) -> bool {
    match at {
        TreeAt::Left => cols >= TREE_AT_START_MIN_COLS,
        TreeAt::Top => rows >= TOP_TREE_AT_START_MIN_ROWS,
    }
}

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

/// Panes for a terminal of `cols` x `rows`; `tree` is where the tree is wanted and its width
/// (for a left tree), or None when it is hidden.
pub fn geometry(cols: u16, rows: u16, tree: Option<(TreeAt, u16)>, max_text: u16) -> Geometry {
    let body_h = rows.saturating_sub(1);
    let status = Area { x: 0, y: body_h, width: cols, height: rows.min(1) };
    let (tree, text) = match tree {
        Some((TreeAt::Left, width)) => left_tree(cols, body_h, width),
        Some((TreeAt::Top, _)) => top_tree(cols, body_h),
        None => (None, Area { x: 0, y: 0, width: cols, height: body_h }),
    };
    let margin = if text.width > 20 { 1 } else { 0 };
    let wrap_width = text.width.saturating_sub(2 * margin).clamp(1, max_text.max(1));
    Geometry { tree, text, text_x: text.x + margin, wrap_width, status }
}

/// Widest a tall overlay (help, links) grows; rows left free above and below it.
pub const TALL_OVERLAY_WIDTH: u16 = 76;
pub const TALL_OVERLAY_SPARE_ROWS: u16 = 2;

/// Outer size of a tall overlay's box on a `cols` x `rows` terminal.
pub fn tall_overlay(cols: u16, rows: u16) -> (u16, u16) {
    (TALL_OVERLAY_WIDTH.min(cols), rows.saturating_sub(TALL_OVERLAY_SPARE_ROWS).max(3).min(rows))
}

/// Inside a tall overlay's border: the width its rows are laid out to and how many show.
pub fn tall_overlay_inner(cols: u16, rows: u16) -> (u16, u16) {
    let (w, h) = tall_overlay(cols, rows);
    (w.saturating_sub(2), h.saturating_sub(2))
}

/// A tree column and the text right of it, past a separator column.
fn left_tree(cols: u16, body_h: u16, width: u16) -> (Option<Area>, Area) {
    // The tree never takes more than half the screen, and disappears rather than leave the
    // text pane unusably narrow.
    let tw = width.min(cols / 2);
    let tree = (tw >= MIN_TREE_WIDTH.min(cols / 2) && tw > 2).then_some(Area { x: 0, y: 0, width: tw, height: body_h });
    let text_left = tree.map_or(0, |t| t.width + 1);
    (tree, Area { x: text_left, y: 0, width: cols.saturating_sub(text_left), height: body_h })
}

/// A tree band over a third of the rows and the text below it, past a separator row; no band
/// when either would be shorter than three rows.
fn top_tree(cols: u16, body_h: u16) -> (Option<Area>, Area) {
    let th = body_h / 3;
    if th < 3 || body_h < th + 1 + 3 {
        return (None, Area { x: 0, y: 0, width: cols, height: body_h });
    }
    let tree = Area { x: 0, y: 0, width: cols, height: th };
    (Some(tree), Area { x: 0, y: th + 1, width: cols, height: body_h - th - 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_fit_and_never_overlap() {
        for cols in 1..200u16 {
            for rows in [1u16, 2, 12, 24] {
                for tree in [None, Some((TreeAt::Left, 28)), Some((TreeAt::Top, 28))] {
                    let g = geometry(cols, rows, tree, 88);
                    assert!(g.text.x + g.text.width <= cols);
                    assert!(g.text_x + g.wrap_width <= cols.max(1));
                    assert!(g.wrap_width <= 88);
                    assert!(g.text.y + g.text.height < rows.max(1), "the status row stays free");
                    match (tree, g.tree) {
                        (Some((TreeAt::Left, _)), Some(t)) => assert!(t.width < g.text.x, "separator column"),
                        (Some((TreeAt::Top, _)), Some(t)) => {
                            assert!(t.height < g.text.y, "separator row");
                            assert!(t.height >= 3 && g.text.height >= 3);
                        }
                        _ => {}
                    }
                }
            }
        }
        let g = geometry(200, 50, Some((TreeAt::Left, 28)), 88);
        assert_eq!(g.wrap_width, 88);
    }
}
