//! The bookmark list (`B`) and note list (`A`): a filter line, one row per entry (name or the
//! note's first line, then its section and, across documents, the document), and the selected
//! entry's quoted passage at the bottom, so an orphaned note still shows what it was about.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use unicode_width::UnicodeWidthStr;

use super::text::{cut, put, tail};
use super::theme::Theme;
use crate::app::record_list::{Mode, RecordList};
use crate::app::records::{Entry, Which};
use crate::doc::sanitize::visible;

pub fn render(l: &RecordList, screen: Rect, theme: &Theme, frame: &mut Frame) {
    let rows_wanted = l.shown.len().clamp(1, 14) as u16;
    let title = match l.which {
        Which::Bookmarks => "Bookmarks — Enter goes, r renames, d deletes, u undoes, / filters",
        Which::NotesOf(_) => "Notes — Enter goes, e edits, d deletes, u undoes, / filters, Tab: all",
        Which::AllNotes => "All notes — Enter goes, e edits, d deletes, u undoes, / filters, Tab",
    };
    let inner = super::popup::frame(screen, 84, rows_wanted + 5, title, theme, frame.buffer_mut());
    if inner.height < 2 || inner.width < 8 {
        return;
    }
    let buf = frame.buffer_mut();
    // Line 1: the filter, the rename field, or the count.
    let (lead, field): (&str, Option<&crate::app::line_edit::LineInput>) = match &l.mode {
        Mode::Rename(input) => ("Rename: ", Some(input)),
        Mode::Filter => ("/", Some(&l.filter)),
        Mode::Browse if !l.filter.text.is_empty() => ("/", None),
        Mode::Browse => ("", None),
    };
    let noun = if l.bookmarks() { "bookmark" } else { "note" };
    let count = format!("{} {noun}{}", l.shown.len(), if l.shown.len() == 1 { "" } else { "s" });
    let mut cursor = None;
    match field {
        Some(input) => {
            let x = inner.x + put(buf, inner.x, inner.y, lead, inner.width, theme.current());
            let room = inner.x + inner.width - x;
            let before = tail(&visible(&input.text[..input.cursor]), room.saturating_sub(1) as usize);
            let after = visible(&input.text[input.cursor..]).into_owned();
            put(buf, x, inner.y, &format!("{before}{after}"), room, Default::default());
            cursor = Some(Position { x: (x + before.width() as u16).min(inner.x + inner.width - 1), y: inner.y });
        }
        None if !lead.is_empty() => {
            let line = format!("/{} · {count}", l.filter.text);
            put(buf, inner.x, inner.y, &line, inner.width, theme.dim());
        }
        None => {
            let scope = match l.which {
                Which::Bookmarks => " · every document, newest first",
                Which::NotesOf(_) => " · this document",
                Which::AllNotes => " · every document",
            };
            put(buf, inner.x, inner.y, &format!("{count}{scope}"), inner.width, theme.dim());
        }
    }
    let list_h = inner.height.saturating_sub(3) as usize;
    let first = l.selected.saturating_sub(list_h.saturating_sub(1));
    if l.shown.is_empty() {
        let empty = if l.entries.is_empty() {
            if l.bookmarks() {
                "No bookmarks yet: m bookmarks the reading position"
            } else {
                "No notes yet: a writes one"
            }
        } else {
            "Nothing matches the filter"
        };
        put(buf, inner.x, inner.y + 2, empty, inner.width, theme.dim());
    }
    let across = !matches!(l.which, Which::NotesOf(_));
    for (row, (k, &i)) in l.shown.iter().enumerate().skip(first).take(list_h).enumerate() {
        let y = inner.y + 2 + row as u16;
        let selected = k == l.selected;
        draw_row(buf, &l.entries[i], across, Rect { x: inner.x, y, width: inner.width, height: 1 }, selected, theme);
    }
    if let Some(e) = l.current() {
        let a = e.anchor();
        let section =
            if a.section_path.is_empty() { String::new() } else { format!(" — {}", a.section_path.join(" › ")) };
        let detail = format!("“{}”{section}", a.quote.trim());
        put(buf, inner.x, inner.y + inner.height - 1, &detail, inner.width, theme.dim());
    }
    if let Some(c) = cursor {
        frame.set_cursor_position(c);
    }
}

fn draw_row(buf: &mut ratatui::buffer::Buffer, e: &Entry, across: bool, area: Rect, selected: bool, theme: &Theme) {
    let base = if selected { theme.selected() } else { Default::default() };
    if selected {
        buf.set_stringn(area.x, area.y, " ".repeat(area.width as usize), area.width as usize, base);
    }
    let first_line = e.label().lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
    let mut right = e.anchor().section_path.last().cloned().unwrap_or_default();
    if across {
        right = if right.is_empty() { e.key.title.clone() } else { format!("{right} · {}", e.key.title) };
    }
    if e.orphaned() {
        right = format!("orphaned · {right}");
    }
    let right = cut(&visible(&right), (area.width / 2) as usize);
    let rw = right.width() as u16;
    let left_room = area.width.saturating_sub(rw + 2);
    put(buf, area.x, area.y, first_line, left_room, base);
    if rw > 0 && rw + 1 < area.width {
        let style = if e.orphaned() { base.patch(theme.current()) } else { base.patch(theme.dim()) };
        put(buf, area.x + area.width - rw, area.y, &right, rw, style);
    }
}
