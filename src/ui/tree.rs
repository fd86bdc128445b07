//! The chapter tree pane: visible outline rows with fold markers, the cursor and the section
//! being read.

use ratatui::buffer::Buffer;

use super::text::put;
use super::theme::Theme;
use crate::app::{App, Focus};

pub fn render(app: &App, theme: &Theme, buf: &mut Buffer) {
    let g = app.geometry();
    let Some(area) = g.tree else { return };
    if area.y + area.height < g.text.y {
        // A tree above the text: a separator row under it.
        let rule = theme.separator_row().repeat(area.width as usize);
        buf.set_stringn(area.x, area.y + area.height, rule, area.width as usize, theme.dim());
    } else {
        // The separator column between tree and text.
        for y in 0..area.height {
            buf.set_stringn(area.x + area.width, area.y + y, theme.separator(), 1, theme.dim());
        }
    }
    let (Some(doc), Some(view)) = (app.doc(), app.view()) else { return };
    if doc.outline.is_empty() {
        put(buf, area.x, area.y, "(no sections)", area.width, theme.dim());
        return;
    }
    let tree = &view.tree;
    let current = view.current_section(doc);
    let focused = app.focus == Focus::Tree;
    let notes = app.annotations.docs.get(app.current).filter(|d| !d.sections.is_empty());
    for (row, &i) in tree.rows().iter().skip(tree.offset).take(area.height as usize).enumerate() {
        let s = &doc.outline[i];
        let y = area.y + row as u16;
        // Indentation is capped so deep outlines keep some title visible in a narrow pane.
        let indent = ((s.level.saturating_sub(1)) as u16).min(area.width / 4) * 2;
        let [leaf, open, closed] = theme.fold_markers();
        let fold = match (tree.has_children(i), tree.expanded.get(i).copied().unwrap_or(false)) {
            (false, _) => leaf,
            (true, true) => open,
            (true, false) => closed,
        };
        let style = if focused && i == tree.cursor {
            theme.selected()
        } else if Some(i) == current {
            if focused { theme.current() } else { theme.selected() }
        } else {
            Default::default()
        };
        let mut x = area.x;
        let avail = area.width;
        x += put(buf, x, y, &" ".repeat(indent as usize), avail, Default::default());
        // Fold markers are plain: dimmed, each tree row rewritten after a scroll without margins
        // would carry two colour changes more.
        x += put(buf, x, y, fold, area.width.saturating_sub(x - area.x), Default::default());
        let label = match &s.number {
            Some(n) => format!("{n} {}", s.title),
            None => s.title.clone(),
        };
        // Sections holding notes end with a mark.
        let noted = notes.is_some_and(|d| d.sections.contains(&i)) && area.width > 6;
        let room = area.width.saturating_sub(x - area.x).saturating_sub(if noted { 2 } else { 0 });
        // Only the label is highlighted, not a full-width bar: reversed blanks cannot be erased
        // cheaply, and every selection move would send them again.
        put(buf, x, y, &label, room, style);
        if noted {
            put(buf, area.x + area.width - 1, y, "✎", 1, theme.current());
        }
    }
}
