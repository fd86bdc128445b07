//! The help overlay's rows, laid out here rather than in `ui` so the paging keys know the page
//! height and where the end is (a scroll past the end would need as many presses to come back).

use unicode_width::UnicodeWidthStr;

use super::App;
use super::geometry::tall_overlay_inner;
use crate::input::{Context, Keymap};
use crate::layout::wrap_words;

/// One row as drawn: its indent, its text, and whether it heads a keymap section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub indent: u16,
    pub text: String,
    pub heading: bool,
}

/// Help entries: (keys, description), or a section heading (keys empty).
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

/// Rows at `width`: keys and text side by side when there is room, else the keys on one row and
/// the text indented below; a description too long for its column wraps at spaces, so nothing
/// is cut on a small terminal.
pub fn rows(keymap: &Keymap, width: u16) -> Vec<HelpRow> {
    let side_by_side = width >= 56;
    let key_w = 24u16.min(width / 3);
    let mut out = Vec::new();
    for (keys, text) in lines(keymap) {
        if keys.is_empty() {
            wrapped(&mut out, 0, &text, width, true);
        } else if side_by_side && keys.width() < (key_w - 1) as usize {
            let mut pieces = wrap_words(&text, width.saturating_sub(key_w).max(1) as usize).into_iter();
            let first = pieces.next().unwrap_or_default();
            out.push(HelpRow {
                indent: 1,
                text: format!("{keys:<w$}{first}", w = (key_w - 1) as usize),
                heading: false,
            });
            out.extend(pieces.map(|text| HelpRow { indent: key_w, text, heading: false }));
        } else {
            let text_at = if side_by_side { key_w } else { 3 };
            wrapped(&mut out, 1, &keys, width, false);
            wrapped(&mut out, text_at, &text, width, false);
        }
    }
    out
}

fn wrapped(out: &mut Vec<HelpRow>, indent: u16, text: &str, width: u16, heading: bool) {
    for text in wrap_words(text, width.saturating_sub(indent).max(1) as usize) {
        out.push(HelpRow { indent, text, heading });
    }
}

/// The first row of the help box's last screenful: scrolling stops there.
pub fn last_top(app: &App) -> usize {
    let (width, height) = tall_overlay_inner(app.cols, app.rows);
    rows(&app.keymap, width).len().saturating_sub(height as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_fits_its_width_and_every_description_is_whole() {
        let km = Keymap::default_map();
        for width in [10u16, 30, 55, 56, 74, 120] {
            let rows = rows(&km, width);
            for r in &rows {
                assert!(r.indent as usize + r.text.width() <= width.max(1) as usize, "{width}: {r:?}");
            }
            let all: String = rows.iter().map(|r| r.text.as_str()).collect::<Vec<_>>().join(" ");
            let squeezed: String = all.split_whitespace().collect();
            for (_, help) in lines(&km) {
                let whole: String = help.split_whitespace().collect();
                assert!(squeezed.contains(&whole), "{width}: {help}");
            }
        }
    }
}
