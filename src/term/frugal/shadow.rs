//! Screen grids: what the terminal shows and what ratatui wants, in one canonical cell form.
//!
//! Cells are stored canonically so that two cells that look the same on a terminal compare equal:
//! control characters are replaced, a blank without visible-on-blank attributes forgets its
//! foreground and modifiers, the second column of a wide character is a continuation marker.

use std::hash::{DefaultHasher, Hash, Hasher};

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// Symbol of the second column of a wide character.
pub const CONTINUATION: &str = "";
/// Symbol of a cell whose terminal contents are unknown (a half-erased wide character);
/// a control character, so it never equals a sanitised wanted cell.
const UNKNOWN: &str = "\u{0}";
/// Attributes that make a blank cell look different from the default blank.
pub const BLANK_VISIBLE: Modifier = Modifier::REVERSED.union(Modifier::UNDERLINED).union(Modifier::CROSSED_OUT);

/// The symbol printed instead of anything that could be a control sequence.
const REPLACEMENT: &str = "?";

pub fn is_continuation(cell: &Cell) -> bool {
    cell.symbol().is_empty()
}

/// Columns the cell occupies as we print it: 2 for wide, 0 for a continuation, else 1.
pub fn cell_width(cell: &Cell) -> u16 {
    match cell.symbol().width() {
        0 if is_continuation(cell) => 0,
        2 => 2,
        _ => 1,
    }
}

/// For an emoji sequence joined with ZWJ: the columns it takes on a terminal that prints each
/// part on its own (the sum of the parts' widths). None for any other symbol.
pub fn joined_split_width(symbol: &str) -> Option<u16> {
    if !symbol.contains('\u{200d}') {
        return None;
    }
    let total: usize = symbol.chars().map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)).sum();
    Some(u16::try_from(total).unwrap_or(u16::MAX))
}

/// A blank that erase operations (EL, ECH, SU/SD) produce with a default pen.
pub fn is_default_blank(cell: &Cell) -> bool {
    cell.symbol() == " " && cell.bg == Color::Reset && !cell.modifier.intersects(BLANK_VISIBLE)
}

/// A blank whose foreground and most modifiers cannot be seen.
pub fn is_plain_blank(cell: &Cell) -> bool {
    cell.symbol() == " " && !cell.modifier.intersects(BLANK_VISIBLE)
}

fn has_control(symbol: &str) -> bool {
    symbol.chars().any(|c| c.is_control() || ('\u{80}'..='\u{9f}').contains(&c))
}

/// The canonical form of a cell from ratatui: safe symbol, width 1 or 2, no invisible attributes.
pub fn canonical(cell: &Cell) -> Cell {
    let mut out = cell.clone();
    out.skip = false;
    let symbol = cell.symbol();
    if has_control(symbol) {
        out.set_symbol(REPLACEMENT);
    } else if symbol.is_empty() || symbol.width() == 0 {
        out.set_symbol(" ");
    } else if symbol.width() > 2 {
        out.set_symbol(REPLACEMENT);
    }
    if !out.modifier.contains(Modifier::UNDERLINED) {
        out.underline_color = Color::Reset;
    }
    if is_plain_blank(&out) {
        out.fg = Color::Reset;
        out.underline_color = Color::Reset;
        out.modifier = Modifier::empty();
    }
    out
}

fn continuation() -> Cell {
    let mut cell = Cell::EMPTY;
    cell.set_symbol(CONTINUATION);
    cell
}

fn unknown() -> Cell {
    let mut cell = Cell::EMPTY;
    cell.set_symbol(UNKNOWN);
    cell
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    pub width: u16,
    pub height: u16,
    cells: Vec<Cell>,
}

impl Grid {
    pub fn blank(width: u16, height: u16) -> Self {
        let len = usize::from(width) * usize::from(height);
        Grid { width, height, cells: vec![Cell::EMPTY; len] }
    }

    fn index(&self, x: u16, y: u16) -> usize {
        usize::from(y) * usize::from(self.width) + usize::from(x)
    }

    pub fn get(&self, x: u16, y: u16) -> &Cell {
        &self.cells[self.index(x, y)]
    }

    pub fn row(&self, y: u16) -> &[Cell] {
        let start = self.index(0, y);
        &self.cells[start..start + usize::from(self.width)]
    }

    /// Cells `left..=right` of row `y`.
    pub fn span(&self, y: u16, left: u16, right: u16) -> &[Cell] {
        &self.row(y)[usize::from(left)..=usize::from(right)]
    }

    /// Store an already canonical cell as is.
    pub fn set(&mut self, x: u16, y: u16, cell: Cell) {
        let i = self.index(x, y);
        self.cells[i] = cell;
    }

    /// Apply a cell from ratatui: canonicalise it and keep wide characters consistent.
    pub fn put(&mut self, x: u16, y: u16, cell: &Cell) {
        if x >= self.width || y >= self.height {
            return;
        }
        let mut cell = canonical(cell);
        // Printed apart (as many terminals do) a joined emoji sequence at the right edge would
        // wrap, or even scroll the screen: send only its first part there.
        if joined_split_width(cell.symbol()).is_some_and(|split| x + split > self.width) {
            let first = cell.symbol().split('\u{200d}').next().unwrap_or("?").to_string();
            cell.set_symbol(if first.width() == 0 { REPLACEMENT } else { &first });
        }
        if cell_width(&cell) == 2 && x + 1 >= self.width {
            // A wide character in the last column wraps differently on every terminal.
            cell.set_symbol(REPLACEMENT);
        }
        let wide = cell_width(&cell) == 2;
        self.set(x, y, cell);
        if wide {
            self.set(x + 1, y, continuation());
        }
    }

    /// Make every wide cell own a continuation and every continuation follow a wide cell.
    pub fn repair_wide(&mut self) {
        for y in 0..self.height {
            let mut owner_wide = false;
            for x in 0..self.width {
                let cell = self.get(x, y);
                if owner_wide {
                    if !is_continuation(cell) {
                        self.set(x, y, continuation());
                    }
                    owner_wide = false;
                } else if is_continuation(cell) {
                    self.set(x, y, Cell::EMPTY);
                } else {
                    owner_wide = cell_width(cell) == 2;
                }
            }
        }
    }

    /// Record that the terminal may show anything at (x, y); outside the grid does nothing.
    pub fn forget(&mut self, x: u16, y: u16) {
        if x < self.width && y < self.height {
            self.break_wide_at(x, y);
            self.set(x, y, unknown());
        }
    }

    /// Record that a print at `x` split a wide character: its other half is now unknown.
    pub fn break_wide_at(&mut self, x: u16, y: u16) {
        let cell = self.get(x, y);
        if is_continuation(cell) && x > 0 {
            self.set(x - 1, y, unknown());
        } else if cell_width(cell) == 2 && x + 1 < self.width {
            self.set(x + 1, y, unknown());
        }
    }

    /// Erase cells `left..=right` of row `y` to default blanks, as EL/ECH do.
    pub fn erase(&mut self, y: u16, left: u16, right: u16) {
        self.break_wide_at(left, y);
        self.break_wide_at(right, y);
        for x in left..=right {
            self.set(x, y, Cell::EMPTY);
        }
    }

    /// Scroll the rectangle `top..=bottom` x `left..=right`: `n > 0` moves content up.
    pub fn scroll(&mut self, top: u16, bottom: u16, left: u16, right: u16, n: i32) {
        let height = i32::from(bottom) - i32::from(top) + 1;
        for offset in 0..height {
            let dst = if n > 0 { offset } else { height - 1 - offset };
            let src = dst + n;
            let dst_y = (i32::from(top) + dst) as u16;
            for x in left..=right {
                let cell = if (0..height).contains(&src) {
                    self.get(x, (i32::from(top) + src) as u16).clone()
                } else {
                    Cell::EMPTY
                };
                self.set(x, dst_y, cell);
            }
        }
    }

    pub fn row_hash(&self, y: u16) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.row(y).hash(&mut hasher);
        hasher.finish()
    }

    pub fn row_is_blank(&self, y: u16) -> bool {
        self.row(y).iter().all(is_default_blank)
    }

    pub fn differing_cells(&self, other: &Grid) -> usize {
        self.cells.iter().zip(&other.cells).filter(|(a, b)| a != b).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_symbols_become_replacement() {
        for bad in ["\x1b", "a\x1b[2J", "\u{9b}", "\x7f", "\n"] {
            let mut cell = Cell::EMPTY;
            cell.set_symbol(bad);
            assert_eq!(canonical(&cell).symbol(), "?", "{bad:?}");
        }
    }

    #[test]
    fn plain_blank_forgets_foreground() {
        let mut cell = Cell::EMPTY;
        cell.fg = Color::Red;
        cell.modifier = Modifier::BOLD;
        assert_eq!(canonical(&cell), Cell::EMPTY);
        cell.modifier = Modifier::REVERSED;
        assert_eq!(canonical(&cell).fg, Color::Red);
    }

    #[test]
    fn wide_put_and_repair() {
        let mut grid = Grid::blank(4, 1);
        let mut wide = Cell::EMPTY;
        wide.set_symbol("称");
        grid.put(1, 0, &wide);
        assert!(is_continuation(grid.get(2, 0)));
        grid.put(3, 0, &wide);
        assert_eq!(grid.get(3, 0).symbol(), "?");
        grid.put(1, 0, &Cell::new("a"));
        grid.repair_wide();
        assert_eq!(grid.get(2, 0).symbol(), " ");
    }

    #[test]
    fn scroll_moves_rectangle_only() {
        let mut grid = Grid::blank(3, 3);
        for y in 0..3 {
            for x in 0..3 {
                let s = ((b'a' + (y * 3 + x) as u8) as char).to_string();
                let mut c = Cell::EMPTY;
                c.set_symbol(&s);
                grid.set(x, y, c);
            }
        }
        grid.scroll(0, 2, 1, 2, 1);
        let rows: Vec<String> = (0..3).map(|y| grid.row(y).iter().map(|c| c.symbol()).collect()).collect();
        assert_eq!(rows, ["aef", "dhi", "g  "]);
        grid.scroll(0, 2, 0, 2, -2);
        let rows: Vec<String> = (0..3).map(|y| grid.row(y).iter().map(|c| c.symbol()).collect()).collect();
        assert_eq!(rows, ["   ", "   ", "aef"]);
    }
}
