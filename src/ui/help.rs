//! The help overlay, generated from the keymap table the dispatcher uses.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::popup::{Row, draw_rows};
use super::theme::Theme;
pub use crate::app::help::lines;
use crate::input::Keymap;

pub fn render(keymap: &Keymap, scroll: usize, screen: Rect, theme: &Theme, buf: &mut Buffer) {
    let inner = super::popup::tall_frame(screen, "Keys — j/k Space b scroll, Esc closes", theme, buf);
    let rows: Vec<Row> = crate::app::help::rows(keymap, inner.width)
        .into_iter()
        .map(|r| (r.indent, r.text, if r.heading { theme.title() } else { Style::new() }))
        .collect();
    draw_rows(inner, &rows, scroll, buf);
}
