//! Centred overlay boxes with a plain border, cleared underneath.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::theme::Theme;

/// Draw an empty bordered box of at most `w` x `h` centred on `screen`; returns its inner area.
pub fn frame(screen: Rect, w: u16, h: u16, title: &str, theme: &Theme, buf: &mut Buffer) -> Rect {
    let w = w.min(screen.width);
    let h = h.min(screen.height);
    let area = Rect { x: screen.x + (screen.width - w) / 2, y: screen.y + (screen.height - h) / 2, width: w, height: h };
    Clear.render(area, buf);
    let block = Block::new().borders(Borders::ALL).border_set(theme.border_set()).border_style(theme.dim()).title(format!(" {title} "));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}
