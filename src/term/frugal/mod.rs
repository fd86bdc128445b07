//! A ratatui `Backend` that writes the fewest bytes (see /work/shared/BANDWIDTH.md): it keeps a
//! shadow of what the terminal shows, collects ratatui's diff into the wanted frame, and at
//! `flush` emits the cheapest of several plans (plain diff, verified scroll hints, detected
//! shifts) in one `write_all`.
//!
//! Only `term/` may use this module; it owns no terminal modes (raw mode, alternate screen).

mod caps;
mod emit;
mod motion;
mod plan;
mod sgr;
mod shadow;

use std::io::{self, Write};
use std::ops::Range;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect, Size};

pub use caps::{Caps, MARGINS_QUERY, margins_from_env, parse_decrqm_reply};
use emit::{Emitter, TermState};
use plan::{CursorWish, FrameInput, ScrollOp, best_frame, write_scroll};
pub use sgr::palette_index;
use shadow::Grid;

/// Bytes that put the terminal back in its ordinary state: scroll region, margins, pen, cursor,
/// synchronized output. Write it on exit, suspend, panic and before running another program.
pub fn reset_sequence() -> &'static [u8] {
    b"\x1b[r\x1b[?69l\x1b[?2026l\x1b[m\x1b[?25h"
}

pub struct FrugalBackend<W: Write> {
    writer: W,
    caps: Caps,
    /// What the terminal shows; `None` when unknown (start, resize, suspend).
    screen: Option<Grid>,
    /// The frame ratatui wants shown after the next flush.
    wanted: Grid,
    state: TermState,
    cursor: CursorWish,
    hint: Option<(Rect, i32)>,
    size_override: Option<Size>,
    /// Output already decided (ops that ratatui asked for mid-frame) but not yet written.
    pending: Vec<u8>,
    bytes_written: u64,
}

impl<W: Write> FrugalBackend<W> {
    pub fn new(writer: W, caps: Caps) -> Self {
        let mut backend = FrugalBackend {
            writer,
            caps,
            screen: None,
            wanted: Grid::blank(0, 0),
            state: TermState::default(),
            cursor: CursorWish::default(),
            hint: None,
            size_override: None,
            pending: Vec::new(),
            bytes_written: 0,
        };
        let size = backend.size().unwrap_or(Size::new(80, 24));
        backend.wanted = Grid::blank(size.width, size.height);
        backend
    }

    /// Pretend the terminal has this size (tests, or a size learned another way).
    pub fn set_size(&mut self, width: u16, height: u16) {
        self.size_override = Some(Size::new(width, height));
        self.fit_to_size();
    }

    pub fn caps(&self) -> Caps {
        self.caps
    }

    pub fn set_caps(&mut self, caps: Caps) {
        self.caps = caps;
    }

    /// The application moved the lines of `area` so that row y now shows what row y + dy showed
    /// (dy > 0: content moved up, as when reading on). Only a suggestion: it is checked against
    /// the shadow and used only if it makes the frame cheaper.
    pub fn hint_scroll(&mut self, area: Rect, dy: i32) {
        self.hint = Some((area, dy));
    }

    /// Forget what the terminal shows: the next frame clears and repaints everything.
    pub fn invalidate(&mut self) {
        self.screen = None;
        self.state = TermState::default();
    }

    pub fn bytes_written(&self) -> u64 {
        self.bytes_written
    }

    pub fn writer(&self) -> &W {
        &self.writer
    }

    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.writer
    }

    /// Match the wanted frame (and forget the screen) when the terminal size changed.
    fn fit_to_size(&mut self) {
        let Ok(size) = self.size() else { return };
        if size.width != self.wanted.width || size.height != self.wanted.height {
            self.wanted = Grid::blank(size.width, size.height);
            self.screen = None;
        }
    }

    /// Emit the frame collected so far into `pending`, leaving the shadow equal to `wanted`.
    fn render_pending(&mut self) {
        self.wanted.repair_wide();
        let mut prefix = Vec::new();
        let screen = match self.screen.take() {
            Some(screen) if screen.width == self.wanted.width && screen.height == self.wanted.height => screen,
            _ => {
                // Unknown contents: erase everything with a known pen, then paint.
                let mut em = Emitter::new(self.state.clone(), Grid::blank(0, 0));
                em.set_pen(sgr::Pen::DEFAULT);
                if em.state.region != emit::Region::Full {
                    em.out.extend_from_slice(b"\x1b[r");
                    em.state.region = emit::Region::Full;
                    em.state.col = None;
                    em.state.row = None;
                }
                em.out.extend_from_slice(b"\x1b[2J");
                self.state = em.state;
                prefix = em.out;
                Grid::blank(self.wanted.width, self.wanted.height)
            }
        };
        let changed = screen.differing_cells(&self.wanted);
        let input = FrameInput {
            screen: &screen,
            wanted: &self.wanted,
            state: &self.state,
            caps: self.caps,
            hint: self.hint.take(),
            cursor: self.cursor,
        };
        let frame = best_frame(&input);
        let area = usize::from(self.wanted.width) * usize::from(self.wanted.height);
        let synced = self.caps.sync && changed * 3 > area;
        if synced {
            self.pending.extend_from_slice(b"\x1b[?2026h");
        }
        self.pending.extend_from_slice(&prefix);
        self.pending.extend_from_slice(&frame.out);
        if synced {
            self.pending.extend_from_slice(b"\x1b[?2026l");
        }
        self.state = frame.state;
        self.screen = Some(frame.screen);
    }

    /// Scroll `region` rows on the terminal right now (after what is pending), as ratatui asks.
    fn scroll_now(&mut self, region: Range<u16>, dy: i32) {
        self.render_pending();
        let Some(screen) = self.screen.take() else { return };
        let bottom = region.end.min(screen.height);
        if region.start >= bottom || dy == 0 {
            self.screen = Some(screen);
            return;
        }
        let op = ScrollOp {
            top: region.start,
            bottom: bottom - 1,
            left: 0,
            right: screen.width.saturating_sub(1),
            dy,
            margins: false,
            by_line_feed: false,
            entry_col: 0,
        };
        let mut em = Emitter::new(self.state.clone(), screen);
        write_scroll(&mut em, op);
        self.wanted.scroll(op.top, op.bottom, op.left, op.right, dy);
        self.pending.extend_from_slice(&em.out);
        self.state = em.state;
        self.screen = Some(em.screen);
    }

    fn blank_wanted(&mut self, from: Position, to: Position) {
        let width = self.wanted.width;
        let start = usize::from(from.y) * usize::from(width) + usize::from(from.x);
        let end = usize::from(to.y) * usize::from(width) + usize::from(to.x);
        for i in start..end.min(usize::from(width) * usize::from(self.wanted.height)) {
            let (x, y) = ((i % usize::from(width)) as u16, (i / usize::from(width)) as u16);
            self.wanted.put(x, y, &Cell::EMPTY);
        }
    }
}

impl<W: Write> Backend for FrugalBackend<W> {
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        for (x, y, cell) in content {
            self.wanted.put(x, y, cell);
        }
        Ok(())
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        // Lines appended below the cursor: at the bottom this scrolls the whole screen.
        let height = self.wanted.height;
        let below = height.saturating_sub(1).saturating_sub(self.cursor.y);
        let overflow = n.saturating_sub(below);
        if overflow > 0 {
            self.scroll_now(0..height, i32::from(overflow));
        }
        self.cursor.y = (self.cursor.y + n).min(height.saturating_sub(1));
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.cursor.visible = false;
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.cursor.visible = true;
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::new(self.cursor.x, self.cursor.y))
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        self.cursor.x = position.x;
        self.cursor.y = position.y;
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.fit_to_size();
        let (width, height) = (self.wanted.width, self.wanted.height);
        let cursor = Position::new(self.cursor.x.min(width), self.cursor.y.min(height));
        let line_start = Position::new(0, cursor.y);
        let next_line = Position::new(0, cursor.y.saturating_add(1));
        match clear_type {
            ClearType::All => {
                // ratatui repaints everything after this; erase for real so stale cells go.
                self.wanted = Grid::blank(width, height);
                self.invalidate();
            }
            ClearType::AfterCursor => self.blank_wanted(cursor, Position::new(0, height)),
            ClearType::BeforeCursor => self.blank_wanted(Position::ORIGIN, cursor),
            ClearType::CurrentLine => self.blank_wanted(line_start, next_line),
            ClearType::UntilNewLine => self.blank_wanted(cursor, next_line),
        }
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        match self.size_override {
            Some(size) => Ok(size),
            None => crossterm::terminal::size().map(|(w, h)| Size::new(w, h)),
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let columns_rows = self.size()?;
        let pixels = match self.size_override {
            Some(_) => Size::new(0, 0),
            None => crossterm::terminal::window_size().map(|w| Size::new(w.width, w.height)).unwrap_or(Size::new(0, 0)),
        };
        Ok(WindowSize { columns_rows, pixels })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.render_pending();
        if self.pending.is_empty() {
            return Ok(());
        }
        self.writer.write_all(&self.pending)?;
        self.writer.flush()?;
        self.bytes_written += self.pending.len() as u64;
        self.pending.clear();
        Ok(())
    }

    fn scroll_region_up(&mut self, region: Range<u16>, line_count: u16) -> io::Result<()> {
        self.scroll_now(region, i32::from(line_count));
        Ok(())
    }

    fn scroll_region_down(&mut self, region: Range<u16>, line_count: u16) -> io::Result<()> {
        self.scroll_now(region, -i32::from(line_count));
        Ok(())
    }
}
