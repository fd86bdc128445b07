//! Scroll plans: candidate ways to move lines on the terminal before the diff repaints the rest,
//! each costed by emitting it for real; the shortest output wins.

use std::collections::HashMap;
use std::io::Write;

use ratatui::layout::Rect;

use super::caps::Caps;
use super::emit::{Emitter, Region, TermState};
use super::shadow::{Grid, cell_width, is_continuation};

/// Move the rectangle `top..=bottom` x `left..=right` so that row y shows what row y+dy showed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScrollOp {
    pub top: u16,
    pub bottom: u16,
    pub left: u16,
    pub right: u16,
    pub dy: i32,
    /// Use left/right margins (DECLRMM + DECSLRM); otherwise the op must be full width.
    pub margins: bool,
    /// Scroll with LF (RI) at the region's bottom (top) edge, entering it at this column.
    pub by_line_feed: bool,
    pub entry_col: u16,
}

/// Where the application wants the cursor after the frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CursorWish {
    pub visible: bool,
    pub x: u16,
    pub y: u16,
}

pub struct FrameInput<'a> {
    pub screen: &'a Grid,
    pub wanted: &'a Grid,
    pub state: &'a TermState,
    pub caps: Caps,
    /// Lines moved inside a pane, from the application: verified before use.
    pub hint: Option<(Rect, i32)>,
    pub cursor: CursorWish,
}

/// Emit every candidate and keep the one with the fewest bytes.
pub fn best_frame(input: &FrameInput) -> Emitter {
    let mut best = run(input, None);
    for op in candidates(input) {
        let candidate = run(input, Some(op));
        if candidate.out.len() < best.out.len() {
            best = candidate;
        }
    }
    best
}

fn run(input: &FrameInput, op: Option<ScrollOp>) -> Emitter {
    let mut em = Emitter::new(input.state.clone(), input.screen.clone());
    let cursor = input.cursor;
    if !cursor.visible && em.state.cursor_visible != Some(false) {
        em.out.extend_from_slice(b"\x1b[?25l");
        em.state.cursor_visible = Some(false);
    }
    if let Some(op) = op {
        write_scroll(&mut em, op);
    }
    em.paint(input.wanted);
    if cursor.visible {
        let x = cursor.x.min(input.wanted.width.saturating_sub(1));
        let y = cursor.y.min(input.wanted.height.saturating_sub(1));
        em.move_to(x, y);
        if em.state.cursor_visible != Some(true) {
            em.out.extend_from_slice(b"\x1b[?25h");
            em.state.cursor_visible = Some(true);
        }
    }
    em
}

fn count(n: u32, final_byte: char) -> String {
    if n == 1 { format!("\x1b[{final_byte}") } else { format!("\x1b[{n}{final_byte}") }
}

/// Write the scroll and apply it to the emitter's screen. The scroll region is left set for the
/// next frame; only left/right margins are reset, since they change what CR and printing do.
pub fn write_scroll(em: &mut Emitter, op: ScrollOp) {
    let (width, height) = (em.screen.width, em.screen.height);
    em.clean_pen();
    let full_height = op.top == 0 && op.bottom + 1 == height;
    let narrowed = op.margins && (op.left > 0 || op.right + 1 < width);
    if narrowed {
        if !em.state.lrmm {
            em.out.extend_from_slice(b"\x1b[?69h");
            em.state.lrmm = true;
        }
        let _ = if op.right + 1 == width {
            write!(em.out, "\x1b[{}s", op.left + 1)
        } else {
            write!(em.out, "\x1b[{};{}s", op.left + 1, op.right + 1)
        };
        // DECSLRM homes the cursor, but not all terminals agree where home is.
        em.state.col = None;
        em.state.row = None;
    }
    let region = if full_height { Region::Full } else { Region::Rows(op.top, op.bottom) };
    if em.state.region != region {
        let _ = match region {
            Region::Rows(top, bottom) if bottom + 1 == height => write!(em.out, "\x1b[{}r", top + 1),
            Region::Rows(top, bottom) => write!(em.out, "\x1b[{};{}r", top + 1, bottom + 1),
            _ => write!(em.out, "\x1b[r"),
        };
        em.state.region = region;
        em.state.col = None;
        em.state.row = None;
    }
    let moved = op.dy.unsigned_abs();
    if op.by_line_feed && !narrowed {
        // At the region's edge LF (RI) scrolls by one line and leaves the cursor where the new
        // line is painted next: cheaper than SU (SD) plus the motion back.
        let (edge, step) = if op.dy > 0 { (op.bottom, b"\n".as_slice()) } else { (op.top, b"\x1bM".as_slice()) };
        em.move_to(op.entry_col, edge);
        for _ in 0..moved {
            em.out.extend_from_slice(step);
        }
    } else {
        let scroll = if op.dy > 0 { count(moved, 'S') } else { count(moved, 'T') };
        em.out.extend_from_slice(scroll.as_bytes());
    }
    if narrowed {
        // With DECLRMM on, a bare `CSI s` resets the left/right margins.
        em.out.extend_from_slice(b"\x1b[s");
    }
    let (left, right) = if narrowed { (op.left, op.right) } else { (0, width - 1) };
    em.screen.scroll(op.top, op.bottom, left, right, op.dy);
}

fn candidates(input: &FrameInput) -> Vec<ScrollOp> {
    let (screen, wanted) = (input.screen, input.wanted);
    if screen.width != wanted.width || screen.height != wanted.height || screen.height < 2 {
        return Vec::new();
    }
    let full = Rect::new(0, 0, screen.width, screen.height);
    let mut ops = Vec::new();
    for dy in voted_shifts(screen, wanted) {
        ops.extend(ops_for(input, full, dy));
    }
    if let Some((area, dy)) = input.hint {
        let area = area.intersection(full);
        if !area.is_empty() && dy != 0 {
            ops.extend(ops_for(input, area, dy));
        }
    }
    ops.dedup();
    ops
}

/// Scroll ops for moving `area` by dy, if the shift really matches rows of the wanted frame.
fn ops_for(input: &FrameInput, area: Rect, dy: i32) -> Vec<ScrollOp> {
    let (left, right) = (area.left(), area.right() - 1);
    let Some((first, last)) = best_rows(input.screen, input.wanted, area, dy) else {
        return Vec::new();
    };
    let (top, bottom) =
        if dy > 0 { (first, (i32::from(last) + dy) as u16) } else { ((i32::from(first) + dy) as u16, last) };
    let band = ScrollOp {
        top,
        bottom,
        left: 0,
        right: input.screen.width - 1,
        dy,
        margins: false,
        by_line_feed: false,
        entry_col: 0,
    };
    let mut ops = vec![band];
    if dy.abs() <= 3 {
        let exposed = if dy > 0 { bottom } else { top };
        let entry_col = (0..input.wanted.width)
            .find(|&x| !super::shadow::is_default_blank(input.wanted.get(x, exposed)))
            .unwrap_or(0);
        ops.push(ScrollOp { by_line_feed: true, entry_col, ..band });
    }
    let partial = left > 0 || right + 1 < input.screen.width;
    if partial && input.caps.margins && margins_split_nothing(input.screen, top, bottom, left, right) {
        ops.push(ScrollOp { left, right, margins: true, ..band });
    }
    ops
}

/// Wide characters straddling a margin would be cut differently by each terminal.
fn margins_split_nothing(screen: &Grid, top: u16, bottom: u16, left: u16, right: u16) -> bool {
    (top..=bottom).all(|y| !is_continuation(screen.get(left, y)) && cell_width(screen.get(right, y)) != 2)
}

/// The destination rows (first, last) inside `area` that gain most from the shift by dy.
fn best_rows(screen: &Grid, wanted: &Grid, area: Rect, dy: i32) -> Option<(u16, u16)> {
    let (left, right) = (area.left(), area.right() - 1);
    let (top, bottom) = (i32::from(area.top()), i32::from(area.bottom()) - 1);
    let mut best: Option<(i32, u16, u16)> = None;
    let mut run: Option<(i32, u16)> = None;
    for y in top..=bottom {
        let source = y + dy;
        if source < top || source > bottom {
            run = None;
            continue;
        }
        let (y, source) = (y as u16, source as u16);
        let want = wanted.span(y, left, right);
        let moved = screen.span(source, left, right) == want;
        let stays = screen.span(y, left, right) == want;
        let weight = match (moved, stays) {
            (true, false) if want.iter().all(super::shadow::is_default_blank) => 1,
            (true, false) => 4,
            (true, true) => 0,
            (false, true) => -4,
            (false, false) => -1,
        };
        let (sum, start) = match run {
            Some((sum, start)) if sum > 0 => (sum + weight, start),
            _ => (weight, y),
        };
        run = Some((sum, start));
        if sum > 0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, y));
        }
    }
    best.map(|(_, first, last)| (first, last))
}

/// Shifts suggested by rows of the wanted frame that the screen shows elsewhere, most votes first.
fn voted_shifts(screen: &Grid, wanted: &Grid) -> Vec<i32> {
    let mut rows_by_hash: HashMap<u64, Vec<u16>> = HashMap::new();
    for y in 0..screen.height {
        if !screen.row_is_blank(y) {
            rows_by_hash.entry(screen.row_hash(y)).or_default().push(y);
        }
    }
    let mut votes: HashMap<i32, u32> = HashMap::new();
    for y in 0..wanted.height {
        if wanted.row(y) == screen.row(y) || wanted.row_is_blank(y) {
            continue;
        }
        if let Some(sources) = rows_by_hash.get(&wanted.row_hash(y)) {
            for &source in sources.iter().take(4) {
                *votes.entry(i32::from(source) - i32::from(y)).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(i32, u32)> = votes.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.abs().cmp(&b.0.abs())));
    ranked.into_iter().take(3).map(|(dy, _)| dy).collect()
}
