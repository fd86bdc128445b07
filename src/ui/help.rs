//! The help overlay, generated from the keymap table the dispatcher uses.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::text::put;
use super::theme::Theme;
use crate::input::{Context, Keymap};

/// Help text lines: (keys, description) or a heading (keys empty).
pub fn lines(keymap: &Keymap) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for ctx in [Context::Reader, Context::Global, Context::Tree, Context::List] {
        out.push((String::new(), ctx.title().to_string()));
        for b in keymap.bindings.iter().filter(|b| b.context == ctx) {
            out.push((b.key_names.join(" "), b.help.clone()));
        }
    }
    out
}

pub fn render(keymap: &Keymap, scroll: usize, screen: Rect, theme: &Theme, buf: &mut Buffer) {
    let lines = lines(keymap);
    let inner = super::popup::frame(screen, 76, screen.height.saturating_sub(2).max(3), "Keys — Esc closes, j/k scroll", theme, buf);
    let key_w = (inner.width / 3).min(24);
    let max_scroll = lines.len().saturating_sub(inner.height as usize);
    for (row, (keys, text)) in lines.iter().skip(scroll.min(max_scroll)).take(inner.height as usize).enumerate() {
        let y = inner.y + row as u16;
        if keys.is_empty() {
            put(buf, inner.x, y, text, inner.width, theme.title());
        } else {
            put(buf, inner.x + 1, y, keys, key_w.saturating_sub(2), theme.current());
            put(buf, inner.x + key_w, y, text, inner.width.saturating_sub(key_w), Default::default());
        }
    }
}
