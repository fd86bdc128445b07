//! Centred overlay boxes with a plain border, cleared underneath.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::theme::Theme;
use crate::doc::sanitize::visible;

/// Draw an empty bordered box of at most `w` x `h` centred on `screen`; returns its inner area.
/// The title is sanitised: callers may pass a query, a file name or a note's title.
pub fn frame(screen: Rect, w: u16, h: u16, title: &str, theme: &Theme, buf: &mut Buffer) -> Rect {
    frame_growing(screen, w, h, h, title, theme, buf)
}

/// A box `h` rows tall placed where a centred box of `full_h` rows would start: a box that grows
/// with its contents keeps its top row (and the query typed there) still, and while it is short
/// it hides, and on closing repaints, less of the page.
pub fn frame_growing(screen: Rect, w: u16, h: u16, full_h: u16, title: &str, theme: &Theme, buf: &mut Buffer) -> Rect {
    let w = w.min(screen.width);
    let full_h = full_h.max(h).min(screen.height);
    let h = h.min(full_h);
    let area =
        Rect { x: screen.x + (screen.width - w) / 2, y: screen.y + (screen.height - full_h) / 2, width: w, height: h };
    Clear.render(area, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_set(theme.border_set())
        .border_style(theme.dim())
        .title(format!(" {} ", visible(title)));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// One line of a scrolling text overlay: its indent, text and style.
pub type Row = (u16, String, ratatui::style::Style);

/// A tall box for a scrolling text overlay (help, links); returns its inner area.
pub fn tall_frame(screen: Rect, title: &str, theme: &Theme, buf: &mut Buffer) -> Rect {
    let (w, h) = crate::app::geometry::tall_overlay(screen.width, screen.height);
    frame(screen, w, h, title, theme, buf)
}

/// Draw `rows` into `inner` from row `first`, clamped so the last screenful stays full.
pub fn draw_rows(inner: Rect, rows: &[Row], first: usize, buf: &mut Buffer) {
    let first = first.min(rows.len().saturating_sub(inner.height as usize));
    for (k, (indent, text, style)) in rows.iter().skip(first).take(inner.height as usize).enumerate() {
        let indent = (*indent).min(inner.width);
        super::text::put(buf, inner.x + indent, inner.y + k as u16, text, inner.width - indent, *style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_sanitised() {
        let screen = Rect::new(0, 0, 30, 5);
        let mut buf = Buffer::empty(screen);
        frame(screen, 30, 5, "a\x1b]0;x\x07b", &Theme { color: false, lean: false }, &mut buf);
        let top: String = (0..30).map(|x| buf[(x, 0)].symbol()).collect();
        assert!(top.contains("a^[]0;x^Gb"), "{top:?}");
    }
}
