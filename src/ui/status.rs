//! The status line: document title, the current section's path, position in percent.
//! One line, terse; a message or a pending count replaces the path while it is relevant.
//! In the lean profile the percent is refreshed only when the section changes, so a plain
//! scroll costs no status bytes.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use super::text::{cut, put, tail};
use super::theme::Theme;
use crate::app::App;
use crate::doc::sanitize::visible;

pub fn render(app: &App, theme: &Theme, buf: &mut Buffer) {
    let area = app.geometry().status;
    if area.height == 0 {
        return;
    }
    let style = theme.status();
    buf.set_stringn(0, area.y, " ".repeat(area.width as usize), area.width as usize, style);
    let (left, right) = texts(app);
    let right = visible(&right).into_owned();
    let rw = right.width() as u16;
    let room = area.width.saturating_sub(rw + 2);
    put(buf, 1.min(area.width), area.y, &left, room, style);
    if rw < area.width {
        put(buf, area.width - rw - 1, area.y, &right, rw, style);
    }
}

/// Lean profile: note the position to show, keeping the old percent while the section is the
/// same. Call before each frame; does nothing outside the lean profile.
pub fn remember(app: &mut App) {
    if !app.settings.lean {
        return;
    }
    let (Some(doc), Some(view)) = (app.doc(), app.view()) else { return };
    let now = (app.current, view.current_section(doc), view.percent(app.body_height()));
    match app.lean_status {
        Some((d, s, _)) if d == now.0 && s == now.1 => {}
        _ => app.lean_status = Some(now),
    }
}

/// The left and right parts of the status line.
pub fn texts(app: &App) -> (String, String) {
    let h = app.body_height();
    let pending = app.dispatcher.pending_display().map(|p| format!("{p}  ")).unwrap_or_default();
    let (Some(doc), Some(view)) = (app.doc(), app.view()) else {
        return (app.message.clone().unwrap_or_else(|| "Lectern".into()), pending);
    };
    let counter = match app.find.as_ref().filter(|f| f.doc == app.current) {
        Some(f) => match f.current {
            Some(c) => format!("match {}/{}  ", c + 1, f.matches.len()),
            None => format!("{} matches  ", f.matches.len()),
        },
        None => String::new(),
    };
    let percent = match app.lean_status {
        Some((d, _, p)) if app.settings.lean && d == app.current => p,
        _ => view.percent(h),
    };
    let right = format!("{pending}{counter}{percent}%");
    if let Some(m) = &app.message {
        return (m.clone(), right);
    }
    let room = (app.cols as usize).saturating_sub(right.width() + 3);
    let title = visible(&doc.title).into_owned();
    let path: Vec<String> = match view.current_section(doc) {
        // The root entry usually repeats the title; do not say it twice.
        Some(s) => {
            doc.section_path(s).into_iter().filter(|t| *t != doc.title).map(|t| visible(t).into_owned()).collect()
        }
        None => Vec::new(),
    };
    let left = fit(&title, &path, room);
    (left, right)
}

/// Title and section path in `room` columns: the whole line when it fits; else the section
/// path without the title (the reader's place matters more than the document's name), cut
/// from the left; a title alone is cut at its end.
fn fit(title: &str, path: &[String], room: usize) -> String {
    let joined_path = path.join(" › ");
    let full = if path.is_empty() { title.to_string() } else { format!("{title} › {joined_path}") };
    if full.width() <= room {
        return full;
    }
    if path.is_empty() {
        return cut(title, room);
    }
    tail(&joined_path, room)
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn fitting_prefers_the_section_path() {
        let path = vec!["Table of Contents".to_string(), "Gender".to_string()];
        assert_eq!(fit("Notes", &path, 80), "Notes › Table of Contents › Gender");
        assert_eq!(fit("Notes", &path, 26), "Table of Contents › Gender");
        assert_eq!(fit("Notes", &path, 12), "…ts › Gender");
        assert_eq!(fit("A long document title", &[], 10), "A long do…");
    }
}
