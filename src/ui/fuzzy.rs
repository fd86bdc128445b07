//! The fuzzy-search overlay: query line with the real cursor, scope line, ranked results with
//! their kind, matched characters highlighted. At most ten result rows, so typing over a slow
//! link redraws little.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use unicode_width::UnicodeWidthStr;

use super::text::{cut, put};
use super::theme::Theme;
use crate::app::App;
use crate::app::fuzzy::FuzzyOverlay;
use crate::doc::sanitize::visible;
use crate::search::{CandidateKind, Scope};

const MAX_ROWS: u16 = 10;

pub fn render(app: &App, o: &FuzzyOverlay, screen: Rect, theme: &Theme, frame: &mut Frame) {
    // As tall as the results need: an empty query shows one hint row, not ten blank ones.
    let rows = (o.hits.len() as u16).clamp(1, MAX_ROWS);
    let title = "Search — Enter goes, Tab widens, Esc closes";
    let inner = super::popup::frame_growing(screen, 76, rows + 4, MAX_ROWS + 4, title, theme, frame.buffer_mut());
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    let buf = frame.buffer_mut();
    put(buf, inner.x, inner.y, "> ", 2, theme.current());
    let query = visible(&o.input.text);
    let room = inner.width.saturating_sub(2);
    // Keep the cursor in view for queries longer than the field.
    let before = visible(&o.input.text[..o.input.cursor]).width() as u16;
    let shift = before.saturating_sub(room.saturating_sub(1));
    let visible_query: String = skip_cols(&query, shift);
    put(buf, inner.x + 2, inner.y, &visible_query, room, Style::new());
    if inner.height > 1 {
        // The scope line names the document; in the library scope each row names its own.
        let scope = match o.scope {
            Scope::Document(d) => match app.library.docs.get(d) {
                Some(doc) if app.library.docs.len() > 1 => format!("in “{}” · Tab: whole library", visible(&doc.title)),
                _ => "this document".to_string(),
            },
            Scope::Library => "whole library".to_string(),
        };
        let stale = if o.is_stale() { " …" } else { "" };
        let line = if o.input.text.trim().is_empty() {
            format!("{scope}{stale}")
        } else {
            format!("{} results · {scope}{stale}", o.hits.len())
        };
        put(buf, inner.x, inner.y + 1, &line, inner.width, theme.dim());
    }
    if o.input.text.trim().is_empty() && inner.height > 2 {
        let hint = "type to find titles, text and notes · ↑ recalls earlier searches";
        put(buf, inner.x, inner.y + 2, hint, inner.width, theme.dim());
    }
    let rows = inner.height.saturating_sub(2) as usize;
    let first = o.selected.saturating_sub(rows.saturating_sub(1));
    for (row, (i, hit)) in o.hits.iter().enumerate().skip(first).take(rows).enumerate() {
        let y = inner.y + 2 + row as u16;
        let selected = i == o.selected;
        let base = if selected { theme.selected() } else { Style::new() };
        let tag = match hit.kind {
            CandidateKind::Title => "§ ",
            CandidateKind::Text => "¶ ",
            CandidateKind::Note => "✎ ",
        };
        let mut x = inner.x + put(buf, inner.x, y, tag, inner.width, base.patch(theme.dim()));
        // Across the library each row names its document (when there is room beside it).
        let doc_name = (o.scope == Scope::Library && inner.width >= 60)
            .then(|| app.library.docs.get(hit.doc).map(|d| cut(&visible(&d.title), 18)))
            .flatten();
        let tail_w = doc_name.as_ref().map_or(0, |n| n.width() as u16 + 1);
        let right = inner.x + inner.width.saturating_sub(tail_w);
        let hl = base.patch(theme.current()).add_modifier(Modifier::BOLD);
        let doc_title = app.library.docs.get(hit.doc).map_or("", |d| d.title.as_str());
        let (display, positions) = shown(&hit.display, &hit.positions, hit.kind, doc_title, (right - x) as usize);
        for (ci, c) in display.chars().enumerate() {
            if x >= right {
                break;
            }
            let style = if positions.binary_search(&ci).is_ok() { hl } else { base };
            let s = visible(c.encode_utf8(&mut [0; 4])).into_owned();
            let w = s.width() as u16;
            if x + w > right {
                break;
            }
            buf.set_stringn(x, y, &s, w as usize, style);
            x += w;
        }
        if selected && x < right {
            let pad = (right - x) as usize;
            buf.set_stringn(x, y, " ".repeat(pad), pad, base);
        }
        if let Some(n) = doc_name {
            put(buf, right + 1, y, &n, tail_w.saturating_sub(1), base.patch(theme.dim()));
        }
    }
    let cx = inner.x + 2 + before.saturating_sub(shift).min(room);
    frame.set_cursor_position(Position { x: cx.min(inner.x + inner.width.saturating_sub(1)), y: inner.y });
}

/// What a result row shows in `width` columns, with its highlight positions moved to match:
/// a title path loses the document's own title (it is on every row) and, when still too long,
/// its start — the section itself, at the end, is what the reader is looking for.
fn shown(
    display: &str,
    positions: &[usize],
    kind: CandidateKind,
    doc_title: &str,
    width: usize,
) -> (String, Vec<usize>) {
    let mut text: Vec<char> = display.chars().collect();
    let mut pos: Vec<usize> = positions.to_vec();
    let drop_front = |n: usize, text: &mut Vec<char>, pos: &mut Vec<usize>| {
        text.drain(..n);
        pos.retain(|&p| p >= n);
        pos.iter_mut().for_each(|p| *p -= n);
    };
    if kind == CandidateKind::Title {
        let prefix = format!("{doc_title}{}", crate::search::PATH_SEP);
        if !doc_title.is_empty() && display.starts_with(&prefix) {
            drop_front(prefix.chars().count(), &mut text, &mut pos);
        }
        let cols =
            |t: &[char]| t.iter().map(|c| unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0)).sum::<usize>();
        if cols(&text) > width && width > 1 {
            let mut n = 0;
            while cols(&text[n..]) > width - 1 {
                n += 1;
            }
            drop_front(n, &mut text, &mut pos);
            text.insert(0, '…');
            pos.iter_mut().for_each(|p| *p += 1);
        }
    }
    (text.into_iter().collect(), pos)
}

fn skip_cols(s: &str, cols: u16) -> String {
    let mut w = 0u16;
    let mut out = String::new();
    for c in s.chars() {
        if w < cols {
            w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) as u16;
            continue;
        }
        out.push(c);
    }
    out
}
