//! The links overlay: each link's text, and under it where it points — wrapped, never cut,
//! since a URL is only useful whole.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthChar;

use super::popup::{Row, draw_rows};
use super::theme::Theme;
use crate::app::links::LinkItem;
use crate::doc::sanitize::visible;

pub fn render(items: &[LinkItem], scroll: usize, screen: Rect, theme: &Theme, buf: &mut Buffer) {
    let inner = super::popup::tall_frame(screen, "Links here — j/k scroll, Esc closes", theme, buf);
    let url_w = inner.width.saturating_sub(2).max(1) as usize;
    // Rows of every item, and the row each item starts at, so `scroll` counts links.
    let mut rows: Vec<Row> = Vec::new();
    let mut starts = Vec::new();
    for item in items {
        starts.push(rows.len());
        rows.push((0, item.text.clone(), theme.title()));
        for piece in chunks(&visible(&item.url), url_w) {
            rows.push((2, piece, theme.dim()));
        }
    }
    draw_rows(inner, &rows, starts.get(scroll).copied().unwrap_or(0), buf);
}

/// `s` cut into pieces of at most `width` columns.
fn chunks(s: &str, width: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width && w > 0 {
            out.push(String::new());
            w = 0;
        }
        w += cw;
        out.last_mut().expect("never empty").push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::chunks;

    #[test]
    fn long_urls_wrap_whole() {
        let url = "https://github.com/ratatui/ratatui/commit/3a43274881a79b4e593536c2ca915";
        let pieces = chunks(url, 30);
        assert_eq!(pieces.concat(), url);
        assert!(pieces.iter().all(|p| p.chars().count() <= 30));
    }
}
