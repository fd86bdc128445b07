//! One frame of the reader: render the app through ratatui into a backend, telling the frugal
//! backend how far the text pane moved so it can scroll the terminal instead of repainting.

use std::io::{self, Write};

use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::layout::Rect;

use super::frugal::FrugalBackend;
use crate::app::App;
use crate::app::geometry::Area;
use crate::ui::{self, Theme, status};

/// A backend the reader can draw through: the frugal one takes scroll hints, the stock one
/// (kept for side-by-side tests) ignores them.
pub trait Output: Backend {
    fn hint_scroll(&mut self, _area: Rect, _dy: i32) {}
    /// Bytes written to the terminal so far.
    fn bytes_written(&self) -> u64;
}

impl<W: Write> Output for FrugalBackend<W> {
    fn hint_scroll(&mut self, area: Rect, dy: i32) {
        FrugalBackend::hint_scroll(self, area, dy);
    }
    fn bytes_written(&self) -> u64 {
        FrugalBackend::bytes_written(self)
    }
}

/// The stock backend is only a test hook (to compare screens with it): it is not counted, so it
/// is never paced.
impl<W: Write> Output for CrosstermBackend<W> {
    fn bytes_written(&self) -> u64 {
        0
    }
}

/// Where the text pane stood at the last frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    doc: usize,
    wrap_width: u16,
    text: Area,
    top: usize,
}

impl Mark {
    fn of(app: &App) -> Option<Mark> {
        let view = app.view()?;
        let g = app.geometry();
        Some(Mark { doc: app.current, wrap_width: g.wrap_width, text: g.text, top: view.top_line() })
    }

    /// The tree pane as a pane that scrolls: same fields, the tree's rows in place of lines.
    fn of_tree(app: &App) -> Option<Mark> {
        let view = app.view()?;
        let tree = app.geometry().tree?;
        let rows = u16::try_from(view.tree.rows().len()).unwrap_or(u16::MAX);
        Some(Mark { doc: app.current, wrap_width: rows, text: tree, top: view.tree.offset })
    }
}

/// Lines the text pane moved between two frames, when the same layout is simply further on
/// (dy > 0: reading on). Anything else (another document, a re-wrap, a moved pane) is no scroll.
fn scrolled(old: Option<Mark>, new: Option<Mark>) -> Option<(Rect, i32)> {
    let (old, new) = (old?, new?);
    if old.doc != new.doc || old.wrap_width != new.wrap_width || old.text != new.text || old.top == new.top {
        return None;
    }
    let dy = new.top as i64 - old.top as i64;
    if dy.unsigned_abs() >= u64::from(new.text.height) {
        return None;
    }
    let t = new.text;
    Some((Rect::new(t.x, t.y, t.width, t.height), dy as i32))
}

pub struct Screen<B: Output> {
    terminal: Terminal<B>,
    theme: Theme,
    mark: Option<Mark>,
    tree_mark: Option<Mark>,
}

impl<B: Output> Screen<B> {
    pub fn new(backend: B, theme: Theme) -> io::Result<Self> {
        Ok(Screen { terminal: Terminal::new(backend)?, theme, mark: None, tree_mark: None })
    }

    /// Draw the app's current state; returns the bytes this frame wrote.
    pub fn draw(&mut self, app: &mut App) -> io::Result<u64> {
        self.draw_inner(app, |_| {})
    }

    /// Draw, and hand the buffer ratatui drew to `seen` (tests compare it with the terminal).
    pub fn draw_inner(&mut self, app: &mut App, seen: impl FnOnce(&ratatui::buffer::Buffer)) -> io::Result<u64> {
        let before = self.terminal.backend().bytes_written();
        status::remember(app);
        let mark = Mark::of(app);
        let tree_mark = Mark::of_tree(app);
        // The backend takes one hint a frame: the text pane's, else the tree's (the tree
        // scrolls on its own only while the reader walks it).
        if let Some((area, dy)) = scrolled(self.mark, mark).or_else(|| scrolled(self.tree_mark, tree_mark)) {
            self.terminal.backend_mut().hint_scroll(area, dy);
        }
        self.mark = mark;
        self.tree_mark = tree_mark;
        let theme = self.theme;
        let completed = self.terminal.draw(|f| ui::render(app, &theme, f))?;
        seen(completed.buffer);
        Ok(self.terminal.backend().bytes_written() - before)
    }

    /// Forget what the terminal shows: the next frame repaints everything.
    pub fn clear(&mut self) -> io::Result<()> {
        self.terminal.clear()
    }

    /// Follow a new terminal size before the next frame (ratatui also notices by itself).
    pub fn resize(&mut self, cols: u16, rows: u16) -> io::Result<()> {
        self.terminal.resize(Rect::new(0, 0, cols, rows))
    }

    pub fn terminal(&self) -> &Terminal<B> {
        &self.terminal
    }

    pub fn terminal_mut(&mut self) -> &mut Terminal<B> {
        &mut self.terminal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(top: usize) -> Option<Mark> {
        Some(Mark { doc: 0, wrap_width: 70, text: Area { x: 27, y: 0, width: 53, height: 23 }, top })
    }

    #[test]
    fn scroll_hint_only_for_the_same_layout() {
        assert_eq!(scrolled(mark(10), mark(11)), Some((Rect::new(27, 0, 53, 23), 1)));
        assert_eq!(scrolled(mark(11), mark(10)), Some((Rect::new(27, 0, 53, 23), -1)));
        assert_eq!(scrolled(mark(10), mark(10)), None);
        assert_eq!(scrolled(mark(10), mark(33)), None, "a whole page is a repaint");
        assert_eq!(scrolled(None, mark(3)), None);
        let mut other = mark(11);
        other.as_mut().unwrap().wrap_width = 60;
        assert_eq!(scrolled(mark(10), other), None);
        let mut other = mark(11);
        other.as_mut().unwrap().doc = 1;
        assert_eq!(scrolled(mark(10), other), None);
    }
}
