//! The help overlay, generated from the keymap table the dispatcher uses.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use unicode_width::UnicodeWidthStr;

use super::text::put;
use super::theme::Theme;
use crate::input::{Context, Keymap};

/// Help text lines: (keys, description) or a heading (keys empty).
pub fn lines(keymap: &Keymap) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for ctx in Context::ALL {
        out.push((String::new(), ctx.title().to_string()));
        for b in keymap.bindings.iter().filter(|b| b.context == ctx) {
            out.push((b.key_names.join(" "), b.help.clone()));
        }
    }
    out
}

/// Rows as drawn at `width`: keys and text side by side when there is room, else the keys on
/// one row and the text indented below, so nothing is cut on a small terminal.
fn rows(lines: &[(String, String)], width: u16) -> Vec<(u16, String, bool)> {
    let side_by_side = width >= 56;
    let key_w = 24u16.min(width / 3);
    let mut out = Vec::new();
    for (keys, text) in lines {
        if keys.is_empty() {
            out.push((0, text.clone(), true));
        } else if side_by_side && keys.width() < (key_w - 1) as usize {
            out.push((1, format!("{keys:<w$}{text}", w = (key_w - 1) as usize), false));
        } else if side_by_side {
            out.push((1, keys.clone(), false));
            out.push((key_w, text.clone(), false));
        } else {
            out.push((1, keys.clone(), false));
            out.push((3, text.clone(), false));
        }
    }
    out
}

pub fn render(keymap: &Keymap, scroll: usize, screen: Rect, theme: &Theme, buf: &mut Buffer) {
    let inner = super::popup::frame(
        screen,
        76,
        screen.height.saturating_sub(2).max(3),
        "Keys — Esc closes, j/k scroll",
        theme,
        buf,
    );
    let rows = rows(&lines(keymap), inner.width);
    let max_scroll = rows.len().saturating_sub(inner.height as usize);
    for (row, (indent, text, heading)) in
        rows.iter().skip(scroll.min(max_scroll)).take(inner.height as usize).enumerate()
    {
        let y = inner.y + row as u16;
        let style = if *heading { theme.title() } else { Default::default() };
        let x = inner.x + (*indent).min(inner.width);
        put(buf, x, y, text, inner.width.saturating_sub(*indent), style);
    }
}
