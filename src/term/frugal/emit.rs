//! Turning one grid into another on the terminal: the terminal state we track across frames
//! (cursor, pen, modes) and the per-row diff emission (text, EL, ECH, minimal SGR).

use std::io::Write;

use ratatui::buffer::Cell;

use super::motion::move_to;
use super::sgr::{Pen, write_transition};
use super::shadow::{BLANK_VISIBLE, Grid, cell_width, is_continuation, is_default_blank, is_plain_blank};

/// The terminal's scroll region (DECSTBM). It is left set between frames, so that the next
/// one-line scroll costs one LF instead of setting and resetting the region again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Region {
    /// Not known: LF and RI might scroll anywhere, so motion avoids them.
    #[default]
    Unknown,
    Full,
    /// Rows top..=bottom.
    Rows(u16, u16),
}

impl Region {
    /// Whether relative motion (LF, CUD, RI, CUU) from `from` to `to` would stop at or scroll a
    /// margin instead of arriving: it may not cross a margin from inside the region.
    pub fn blocks(self, from: u16, to: u16) -> bool {
        match self {
            Region::Unknown => true,
            Region::Full => false,
            Region::Rows(_, bottom) if to > from => from <= bottom && to > bottom,
            Region::Rows(top, _) => from >= top && to < top,
        }
    }
}

/// What we know about the terminal besides its cells; `None` means unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermState {
    pub col: Option<u16>,
    pub row: Option<u16>,
    pub pen: Option<Pen>,
    pub cursor_visible: Option<bool>,
    /// DECLRMM (left/right margin mode) has been switched on and not off since.
    pub lrmm: bool,
    pub region: Region,
}

/// Output under construction for one candidate plan, with the state it leaves behind.
pub struct Emitter {
    pub out: Vec<u8>,
    pub state: TermState,
    pub screen: Grid,
}

impl Emitter {
    pub fn new(state: TermState, screen: Grid) -> Self {
        Emitter { out: Vec::new(), state, screen }
    }

    pub fn move_to(&mut self, x: u16, y: u16) {
        move_to(&mut self.out, &mut self.state, &self.screen, x, y);
    }

    fn motion_len(&self, x: u16, y: u16) -> usize {
        super::motion::motion_len(&self.state, &self.screen, x, y)
    }

    pub fn set_pen(&mut self, pen: Pen) {
        write_transition(self.state.pen.as_ref(), &pen, &mut self.out);
        self.state.pen = Some(pen);
    }

    /// Make sure erase and scroll operations produce default blanks.
    pub fn clean_pen(&mut self) {
        if let Some(pen) = self.state.pen
            && pen.erases_clean()
        {
            return;
        }
        self.set_pen(Pen::DEFAULT);
    }

    /// Choose the pen for a cell: keep the current one when it already shows the cell.
    fn pen_for(&mut self, cell: &Cell) {
        if let Some(pen) = self.state.pen
            && pen.shows(cell)
        {
            return;
        }
        let exact = Pen::of(cell);
        let target = match self.state.pen {
            Some(pen) if is_plain_blank(cell) => {
                // Only background and blank-visible attributes matter: compare a minimal edit.
                let edited = Pen { bg: cell.bg, modifier: pen.modifier - BLANK_VISIBLE, ..pen };
                let mut a = Vec::new();
                let mut b = Vec::new();
                write_transition(Some(&pen), &edited, &mut a);
                write_transition(Some(&pen), &exact, &mut b);
                if a.len() < b.len() { edited } else { exact }
            }
            _ => exact,
        };
        self.set_pen(target);
    }

    /// Print the wanted cell at the cursor position (x, y) and advance.
    fn print(&mut self, x: u16, y: u16, cell: &Cell) {
        self.pen_for(cell);
        self.out.extend_from_slice(cell.symbol().as_bytes());
        self.screen.break_wide_at(x, y);
        let width = cell_width(cell);
        if width == 2 {
            self.screen.break_wide_at(x + 1, y);
        }
        self.screen.set(x, y, cell.clone());
        if width == 2 {
            self.screen.set(x + 1, y, continuation_of());
        }
        if let Some(split) = super::shadow::joined_split_width(cell.symbol()) {
            // Terminals that do not join emoji sequences print the parts after the joiner in
            // the next columns: count those as unknown so this frame repaints them.
            for dx in 2..split {
                self.screen.forget(x.saturating_add(dx), y);
            }
        }
        let end = x + width;
        // After a wide cell terminals disagree on the column; at the right edge a wrap is pending.
        self.state.col = if width == 2 || end >= self.screen.width { None } else { Some(end) };
    }

    fn erase_to_end(&mut self, x: u16, y: u16) {
        self.move_to(x, y);
        self.clean_pen();
        self.out.extend_from_slice(b"\x1b[K");
        let right = self.screen.width - 1;
        self.screen.erase(y, x, right);
    }

    fn erase_chars(&mut self, x: u16, y: u16, n: u16) {
        self.move_to(x, y);
        self.clean_pen();
        if n == 1 {
            self.out.extend_from_slice(b"\x1b[X");
        } else {
            let _ = write!(self.out, "\x1b[{n}X");
        }
        self.screen.erase(y, x, x + n - 1);
    }

    /// Emit what it takes to make every row of the screen equal to `wanted`.
    pub fn paint(&mut self, wanted: &Grid) {
        for y in 0..wanted.height {
            // A second pass repairs a wide character split behind the walk.
            for _ in 0..2 {
                if self.screen.row(y) == wanted.row(y) {
                    break;
                }
                self.paint_row(wanted, y);
            }
        }
    }

    fn paint_row(&mut self, wanted: &Grid, y: u16) {
        let width = wanted.width;
        let want = wanted.row(y);
        let tail = (0..width).rev().take_while(|&x| is_default_blank(&want[usize::from(x)])).last().unwrap_or(width);
        let mut x = 0;
        while x < width {
            let cell = &want[usize::from(x)];
            if self.screen.get(x, y) == cell || is_continuation(cell) {
                x += 1;
                continue;
            }
            if x >= tail && self.tail_prefers_erase(wanted, x, y) {
                // The erase may start anywhere in the blank tail; where the cursor gets cheapest
                // (a CR to column 0 rather than a CR and a space to column 1).
                let start = [tail, x].into_iter().min_by_key(|&c| (self.motion_len(c, y), c != x)).unwrap_or(x);
                self.erase_to_end(start, y);
                return;
            }
            if is_default_blank(cell)
                && let Some(n) = self.blank_run_to_erase(wanted, x, y)
            {
                self.erase_chars(x, y, n);
                x += n;
                continue;
            }
            self.move_to(x, y);
            self.print(x, y, cell);
            x += cell_width(cell).max(1);
        }
    }

    fn differs(&self, wanted: &Grid, x: u16, y: u16) -> bool {
        self.screen.get(x, y) != wanted.get(x, y)
    }

    /// EL unless a few spaces right here do the same job for fewer bytes.
    fn tail_prefers_erase(&self, wanted: &Grid, x: u16, y: u16) -> bool {
        let last = (x..wanted.width).rev().find(|&c| self.differs(wanted, c, y)).unwrap_or(x);
        let span = last - x + 1;
        let pen_ok = self.state.pen.is_some_and(|p| p.erases_clean());
        !(pen_ok && span < 3)
    }

    /// Length of a run of wanted default blanks starting at x worth erasing with ECH.
    fn blank_run_to_erase(&self, wanted: &Grid, x: u16, y: u16) -> Option<u16> {
        let run_end = (x..wanted.width).take_while(|&c| is_default_blank(wanted.get(c, y))).last()?;
        let last_diff = (x..=run_end).rev().find(|&c| self.differs(wanted, c, y))?;
        let span = last_diff - x + 1;
        let ech_len = if span == 1 { 3 } else { 3 + span.to_string().len() as u16 };
        let next_adjacent = last_diff + 1 < wanted.width && self.differs(wanted, last_diff + 1, y);
        let skip_len = if next_adjacent { ech_len } else { 0 };
        (span > ech_len + skip_len).then_some(span)
    }
}

fn continuation_of() -> Cell {
    let mut cell = Cell::EMPTY;
    cell.set_symbol(super::shadow::CONTINUATION);
    cell
}
