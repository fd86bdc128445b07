//! The links overlay: each link's text, and under it where it points — wrapped, never cut,
//! since a URL is only useful whole.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::popup::{Row, draw_rows};
use super::theme::Theme;
use crate::app::links::LinkItem;
use crate::doc::sanitize::visible;
use crate::layout::wrap_words;

pub fn render(items: &[LinkItem], scroll: usize, screen: Rect, theme: &Theme, buf: &mut Buffer) {
    let inner = super::popup::tall_frame(screen, "Links here — j/k scroll, Esc closes", theme, buf);
    let url_w = inner.width.saturating_sub(2).max(1) as usize;
    // Rows of every item, and the row each item starts at, so `scroll` counts links.
    let mut rows: Vec<Row> = Vec::new();
    let mut starts = Vec::new();
    for item in items {
        starts.push(rows.len());
        rows.push((0, item.text.clone(), theme.title()));
        for piece in wrap_words(&visible(&item.url), url_w) {
            rows.push((2, piece, theme.dim()));
        }
    }
    draw_rows(inner, &rows, starts.get(scroll).copied().unwrap_or(0), buf);
}
