//! The help overlay, generated from the keymap table the dispatcher uses.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use unicode_width::UnicodeWidthStr;

use super::popup::{Row, draw_rows};
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
fn rows(lines: &[(String, String)], width: u16, theme: &Theme) -> Vec<Row> {
    let plain = Style::new();
    let side_by_side = width >= 56;
    let key_w = 24u16.min(width / 3);
    let mut out = Vec::new();
    for (keys, text) in lines {
        if keys.is_empty() {
            out.push((0, text.clone(), theme.title()));
        } else if side_by_side && keys.width() < (key_w - 1) as usize {
            out.push((1, format!("{keys:<w$}{text}", w = (key_w - 1) as usize), plain));
        } else if side_by_side {
            out.push((1, keys.clone(), plain));
            out.push((key_w, text.clone(), plain));
        } else {
            out.push((1, keys.clone(), plain));
            out.push((3, text.clone(), plain));
        }
    }
    out
}

pub fn render(keymap: &Keymap, scroll: usize, screen: Rect, theme: &Theme, buf: &mut Buffer) {
    let inner = super::popup::tall_frame(screen, "Keys — Esc closes, j/k scroll", theme, buf);
    draw_rows(inner, &rows(&lines(keymap), inner.width, theme), scroll, buf);
}
