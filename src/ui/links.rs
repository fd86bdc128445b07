//! The links overlay: each link's text, and under it where it points — wrapped, never cut,
//! since a URL is only useful whole.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthChar;

use super::text::put;
use super::theme::Theme;
use crate::app::links::LinkItem;
use crate::doc::sanitize::visible;

pub fn render(items: &[LinkItem], scroll: usize, screen: Rect, theme: &Theme, buf: &mut Buffer) {
    let inner = super::popup::frame(
        screen,
        76,
        screen.height.saturating_sub(2).max(4),
        "Links on screen — j/k scroll, Esc closes",
        theme,
        buf,
    );
    let url_w = inner.width.saturating_sub(2).max(1) as usize;
    // Rows of every item, and the row each item starts at, so `scroll` counts links.
    let mut rows: Vec<(u16, String, Style)> = Vec::new();
    let mut starts = Vec::new();
    for item in items {
        starts.push(rows.len());
        rows.push((0, item.text.clone(), theme.title()));
        for piece in chunks(&visible(&item.url), url_w) {
            rows.push((2, piece, theme.dim()));
        }
    }
    let max_first = rows.len().saturating_sub(inner.height as usize);
    let first = starts.get(scroll).copied().unwrap_or(0).min(max_first);
    for (k, (indent, text, style)) in rows.iter().skip(first).take(inner.height as usize).enumerate() {
        put(buf, inner.x + indent, inner.y + k as u16, text, inner.width.saturating_sub(*indent), *style);
    }
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
