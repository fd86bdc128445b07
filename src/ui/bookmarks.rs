//! The bookmark name prompt (`m`), drawn over the status line with the real cursor.

use ratatui::Frame;
use ratatui::layout::Position;
use unicode_width::UnicodeWidthStr;

use super::text::{put, tail};
use super::theme::Theme;
use crate::app::App;
use crate::app::bookmarks::NamePrompt;
use crate::doc::sanitize::visible;

const LEAD: &str = "Bookmark name: ";

pub fn render(app: &App, p: &NamePrompt, theme: &Theme, frame: &mut Frame) {
    let area = app.geometry().status;
    let lead = LEAD.width() as u16;
    if area.height == 0 || area.width < lead + 3 {
        return;
    }
    let buf = frame.buffer_mut();
    let style = theme.status();
    buf.set_stringn(0, area.y, " ".repeat(area.width as usize), area.width as usize, style);
    put(buf, 0, area.y, LEAD, lead, style);
    let room = (area.width - lead - 1) as usize;
    let before = visible(&p.input.text[..p.input.cursor]).into_owned();
    let after = visible(&p.input.text[p.input.cursor..]).into_owned();
    let shown_before = tail(&before, room);
    put(buf, lead, area.y, &format!("{shown_before}{after}"), room as u16, style);
    let cx = lead + shown_before.width() as u16;
    frame.set_cursor_position(Position { x: cx.min(area.width - 1), y: area.y });
}
