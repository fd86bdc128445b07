//! The library overlay: open documents by their real title.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::text::put;
use super::theme::Theme;
use crate::library::Library;

pub fn render(library: &Library, selected: usize, screen: Rect, theme: &Theme, buf: &mut Buffer) {
    let n = library.docs.len();
    let h = (n as u16 + 2).min(screen.height.saturating_sub(2)).max(3);
    let inner = super::popup::frame(screen, 72, h, "Library — Enter opens", theme, buf);
    let rows = inner.height as usize;
    let offset = selected.saturating_sub(rows.saturating_sub(1));
    for (row, (i, doc)) in library.docs.iter().enumerate().skip(offset).take(rows).enumerate() {
        let y = inner.y + row as u16;
        let style = if i == selected { theme.selected() } else { Default::default() };
        let name = doc.origin.display_name();
        let label = if name == doc.title { doc.title.clone() } else { format!("{}  ({name})", doc.title) };
        let used = put(buf, inner.x, y, &label, inner.width, style);
        if i == selected && used < inner.width {
            let pad = (inner.width - used) as usize;
            buf.set_stringn(inner.x + used, y, " ".repeat(pad), pad, style);
        }
    }
}
