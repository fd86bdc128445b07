//! Moving through a list overlay (help, links, library, bookmarks, notes): by entries, by
//! pages, to either end, clamped so no press is spent past an end.

use super::App;
use super::command::Command;
use super::geometry::tall_overlay_inner;
use super::overlay::Overlay;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListMove {
    By(isize),
    /// Pages of the overlay's height; each overlay says how many entries a page holds.
    Pages(isize),
    First,
    Last,
}

impl ListMove {
    pub fn of(cmd: Command, count: usize) -> Option<ListMove> {
        let n = count.max(1) as isize;
        Some(match cmd {
            Command::ListDown => ListMove::By(n),
            Command::ListUp => ListMove::By(-n),
            Command::ListPageDown => ListMove::Pages(n),
            Command::ListPageUp => ListMove::Pages(-n),
            Command::ListFirst => ListMove::First,
            Command::ListLast => ListMove::Last,
            _ => return None,
        })
    }

    /// The position after the move from `at`, within `0..=last`, where a page is `page` entries.
    pub fn apply(self, at: usize, last: usize, page: usize) -> usize {
        let to = match self {
            ListMove::By(d) => at as isize + d,
            ListMove::Pages(p) => at as isize + p * page.max(1) as isize,
            ListMove::First => 0,
            ListMove::Last => last as isize,
        };
        to.clamp(0, last as isize) as usize
    }
}

/// Rows a page of a tall list overlay moves, keeping one row of the last page in view.
pub fn page_rows(app: &App) -> usize {
    (tall_overlay_inner(app.cols, app.rows).1 as usize).saturating_sub(1).max(1)
}

/// Apply a move to the help, links or library overlay.
pub fn move_in_overlay(app: &mut App, mv: ListMove) {
    let page = page_rows(app);
    let docs = app.library.docs.len();
    // Only the help box needs its rows laid out to know where its end is.
    let help_end = matches!(app.overlay, Some(Overlay::Help { .. })).then(|| super::help::last_top(app));
    match app.overlay.as_mut() {
        Some(Overlay::Help { scroll }) => *scroll = mv.apply(*scroll, help_end.unwrap_or(0), page),
        // A link takes at least two rows (its text, then where it points).
        Some(Overlay::Links { items, scroll }) => *scroll = mv.apply(*scroll, items.len().saturating_sub(1), page / 2),
        Some(Overlay::Library { selected }) => *selected = mv.apply(*selected, docs.saturating_sub(1), page),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stop_at_both_ends() {
        assert_eq!(ListMove::By(3).apply(8, 9, 5), 9);
        assert_eq!(ListMove::By(-3).apply(1, 9, 5), 0);
        assert_eq!(ListMove::Pages(1).apply(2, 20, 5), 7);
        assert_eq!(ListMove::Pages(-1).apply(2, 20, 5), 0);
        assert_eq!(ListMove::Last.apply(2, 20, 5), 20);
        assert_eq!(ListMove::First.apply(12, 20, 5), 0);
        assert_eq!(ListMove::Last.apply(0, 0, 5), 0, "an empty list stays at 0");
    }
}
