//! The reading pane: visible lines of the current layout, drawn segment by segment, with
//! search matches and the passage a search jump landed on highlighted.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthChar;

use super::theme::Theme;
use crate::app::App;
use crate::app::inline::{Row, screen_rows};
use crate::doc::sanitize::placeholder;
use crate::layout::SegKind;

pub fn render(app: &App, theme: &Theme, buf: &mut Buffer) {
    let g = app.geometry();
    let (Some(doc), Some(view)) = (app.doc(), app.view()) else {
        super::text::put(buf, g.text_x, g.text.y, "No documents are open.", g.wrap_width, theme.dim());
        return;
    };
    let layout = view.layout();
    let right = g.text.x + g.text.width;
    let find = app.find.as_ref().filter(|f| f.doc == app.current);
    let mark = app.mark.filter(|m| m.doc == app.current);
    let data = app.annotations.docs.get(app.current);
    let rows = screen_rows(app, g.text.height as usize);
    for (row, r) in rows.iter().enumerate() {
        let row = g.text.y + row as u16;
        let i = match r {
            Row::Text(i) => *i,
            Row::Note { text, first } => {
                let lead = if *first { "✎ " } else { "  " };
                let x = g.text_x + super::text::put(buf, g.text_x, row, lead, g.wrap_width, theme.current());
                super::text::put(buf, x, row, text, right.saturating_sub(x), theme.note());
                continue;
            }
        };
        // A note anchored on this line: a mark in the margin column left of the text.
        if g.text_x > g.text.x {
            let line = layout.line(i);
            let here = |a: crate::doc::Anchor| {
                a.block == line.block
                    && (a.byte >= line.start && a.byte < line.end.max(line.start + 1) || a.byte == 0 && line.start == 0)
            };
            let noted = !line.blank
                && data
                    .and_then(|d| {
                        d.by_block
                            .get(&line.block)
                            .map(|ks| ks.iter().any(|&k| d.notes[k].1.anchor().is_some_and(here)))
                    })
                    .unwrap_or(false);
            if noted {
                buf.set_stringn(g.text.x, row, "✎", 1, theme.current());
            }
        }
        let mut x = g.text_x;
        let mut prefix_w = 0u16;
        let mut in_prefix = true;
        for seg in layout.segments(doc, i) {
            if x >= right {
                break;
            }
            let style = theme.segment(seg.kind, seg.style);
            let (end, _) = buf.set_stringn(x, row, &seg.text, (right - x) as usize, style);
            if in_prefix && matches!(seg.kind, SegKind::Indent | SegKind::QuoteBar | SegKind::Marker) {
                prefix_w += end - x;
            } else {
                in_prefix = false;
            }
            x = end;
        }
        let line = layout.line(i);
        if line.blank {
            continue;
        }
        let Some(block) = doc.blocks.get(line.block) else { continue };
        let span = line.start..line.end;
        let mut paint = |r: Range<usize>, style: Style| {
            let (s, e) = (r.start.max(span.start), r.end.min(span.end));
            if s >= e && !(r.start == r.end && span.contains(&r.start)) {
                return;
            }
            let c0 = g.text_x + prefix_w + cols(&block.text[span.start..s]);
            let c1 = (c0 + cols(&block.text[s..e]).max(1)).min(right);
            if c0 < c1 {
                buf.set_style(Rect { x: c0, y: row, width: c1 - c0, height: 1 }, style);
            }
        };
        if let Some(f) = find {
            for k in f.in_block(line.block) {
                let style = if f.current == Some(k) { theme.current_match() } else { theme.other_match() };
                paint(f.matches[k].range.clone(), style);
            }
        }
        if let Some(m) = mark.filter(|m| m.anchor.block == line.block) {
            paint(m.anchor.byte..m.end, theme.mark());
        }
    }
}

/// Columns `s` takes on screen as layout draws it (control characters as placeholders).
fn cols(s: &str) -> u16 {
    s.chars().map(|c| placeholder(c).map_or_else(|| c.width().unwrap_or(0), str::len)).sum::<usize>() as u16
}
