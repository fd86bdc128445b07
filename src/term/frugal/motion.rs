//! The cheapest cursor motion between two cells, given what the terminal already shows.
//!
//! Candidates: CUP with default parameters left out, or a vertical part (LF, RI, CUD, CUU, VPA)
//! followed by a horizontal part (CR, BS, CHA, CUF, CUB, or reprinting the cells in between).

use std::io::Write;

use super::emit::{Region, TermState};
use super::shadow::{Grid, cell_width};

/// Longest stretch of cells we consider reprinting instead of moving over.
const MAX_REPRINT: u16 = 8;

fn cup(x: u16, y: u16) -> Vec<u8> {
    match (x, y) {
        (0, 0) => b"\x1b[H".to_vec(),
        (0, y) => format!("\x1b[{}H", y + 1).into_bytes(),
        (x, y) => format!("\x1b[{};{}H", y + 1, x + 1).into_bytes(),
    }
}

fn csi_count(n: u16, final_byte: char) -> Vec<u8> {
    if n == 1 { format!("\x1b[{final_byte}").into_bytes() } else { format!("\x1b[{n}{final_byte}").into_bytes() }
}

fn vertical(region: Region, from: Option<u16>, to: u16) -> Vec<u8> {
    let vpa = format!("\x1b[{}d", to + 1).into_bytes();
    let Some(from) = from else { return vpa };
    if to != from && region.blocks(from, to) {
        return vpa;
    }
    let relative = if to == from {
        Vec::new()
    } else if to > from {
        let cud = csi_count(to - from, 'B');
        if usize::from(to - from) > cud.len() { cud } else { vec![b'\n'; usize::from(to - from)] }
    } else if from - to == 1 {
        b"\x1bM".to_vec()
    } else {
        csi_count(from - to, 'A')
    };
    if relative.len() <= vpa.len() { relative } else { vpa }
}

/// Bytes reprinting shown cells `from..to` of row `y`, if they are all narrow and the pen shows them.
fn reprint(screen: &Grid, state: &TermState, y: u16, from: u16, to: u16) -> Option<Vec<u8>> {
    let pen = state.pen.as_ref()?;
    if to - from > MAX_REPRINT {
        return None;
    }
    let mut bytes = Vec::new();
    for x in from..to {
        let cell = screen.get(x, y);
        if cell_width(cell) != 1 || !pen.shows(cell) {
            return None;
        }
        bytes.extend_from_slice(cell.symbol().as_bytes());
    }
    Some(bytes)
}

fn horizontal(screen: &Grid, state: &TermState, from: Option<u16>, x: u16, y: u16) -> Vec<u8> {
    let mut best = if x == 0 { b"\r".to_vec() } else { format!("\x1b[{}G", x + 1).into_bytes() };
    let mut consider = |candidate: Vec<u8>| {
        if candidate.len() < best.len() {
            best = candidate;
        }
    };
    if let Some(from_reprint) = reprint(screen, state, y, 0, x) {
        consider([b"\r".as_slice(), &from_reprint].concat());
    }
    let Some(from) = from else { return best };
    if from == x {
        return Vec::new();
    }
    if x > from {
        consider(csi_count(x - from, 'C'));
        if let Some(bytes) = reprint(screen, state, y, from, x) {
            consider(bytes);
        }
    } else {
        consider(csi_count(from - x, 'D'));
        if from - x <= 2 {
            consider(vec![8; usize::from(from - x)]);
        }
    }
    best
}

/// The cheapest motion from where the cursor is to (x, y); empty when it is there.
fn motion(state: &TermState, screen: &Grid, x: u16, y: u16) -> Vec<u8> {
    if state.col == Some(x) && state.row == Some(y) {
        return Vec::new();
    }
    let absolute = cup(x, y);
    let relative = [vertical(state.region, state.row, y), horizontal(screen, state, state.col, x, y)].concat();
    let mut best = if relative.len() < absolute.len() { relative } else { absolute };
    // The row's start and the few cells up to x reprinted: text starts a margin column in, and
    // "ESC[5H " is shorter than "ESC[5;2H".
    if x > 0
        && let Some(cells) = reprint(screen, state, y, 0, x)
    {
        let row_then_cells = [cup(0, y), cells].concat();
        if row_then_cells.len() < best.len() {
            best = row_then_cells;
        }
    }
    best
}

/// Bytes [`move_to`] would write, for choosing between places to start an operation.
pub fn motion_len(state: &TermState, screen: &Grid, x: u16, y: u16) -> usize {
    motion(state, screen, x, y).len()
}

/// Write the cheapest motion to (x, y) and record the new position.
pub fn move_to(out: &mut Vec<u8>, state: &mut TermState, screen: &Grid, x: u16, y: u16) {
    let _ = out.write_all(&motion(state, screen, x, y));
    state.col = Some(x);
    state.row = Some(y);
}

#[cfg(test)]
mod tests {
    use super::super::sgr::Pen;
    use super::*;

    fn moved(state: TermState, x: u16, y: u16) -> String {
        let screen = Grid::blank(80, 24);
        let mut state = state;
        let mut out = Vec::new();
        move_to(&mut out, &mut state, &screen, x, y);
        String::from_utf8(out).unwrap_or_default()
    }

    fn at(col: u16, row: u16) -> TermState {
        TermState {
            col: Some(col),
            row: Some(row),
            pen: Some(Pen::DEFAULT),
            region: Region::Full,
            ..TermState::default()
        }
    }

    #[test]
    fn picks_short_forms() {
        assert_eq!(moved(TermState::default(), 0, 0), "\x1b[H");
        assert_eq!(moved(TermState::default(), 0, 9), "\x1b[10H");
        assert_eq!(moved(TermState::default(), 4, 9), "\x1b[10;5H");
        assert_eq!(moved(at(5, 3), 0, 4), "\n\r");
        assert_eq!(moved(at(5, 3), 7, 3), "  ");
        // CHA and CUF tie at 5 B; the absolute form wins ties.
        assert_eq!(moved(at(5, 3), 40, 3), "\x1b[41G");
        assert_eq!(moved(at(5, 3), 9, 3), "\x1b[4C");
        assert_eq!(moved(at(5, 3), 4, 3), "\x08");
        assert_eq!(moved(at(5, 3), 5, 2), "\x1bM");
        assert_eq!(moved(at(5, 3), 5, 3), "");
        // From anywhere, a row's start then a reprinted margin cell beats the full CUP.
        let lost = TermState { pen: Some(Pen::DEFAULT), ..TermState::default() };
        assert_eq!(moved(lost.clone(), 1, 0), "\x1b[H ");
        assert_eq!(moved(lost, 1, 9), "\x1b[10H ");
    }

    #[test]
    fn never_crosses_a_kept_scroll_region_relatively() {
        let inside = TermState { region: Region::Rows(0, 22), ..at(5, 21) };
        // LF at the bottom margin would scroll, CUD would stop there: go absolute.
        assert_eq!(moved(inside.clone(), 5, 23), "\x1b[24d");
        assert_eq!(moved(inside, 5, 22), "\n");
        let below = TermState { region: Region::Rows(1, 22), ..at(5, 1) };
        assert_eq!(moved(below, 5, 0), "\x1b[1d");
        let unknown = TermState { region: Region::Unknown, ..at(5, 3) };
        assert_eq!(moved(unknown, 5, 4), "\x1b[5d");
    }
}
