//! The `/` prompt, drawn over the status line with the real cursor at the insertion point.

use ratatui::Frame;
use ratatui::layout::Position;
use unicode_width::UnicodeWidthStr;

use super::text::{put, tail};
use super::theme::Theme;
use crate::app::App;
use crate::app::find::FindPrompt;
use crate::doc::sanitize::visible;

pub fn render(app: &App, p: &FindPrompt, theme: &Theme, frame: &mut Frame) {
    let area = app.geometry().status;
    if area.height == 0 || area.width < 3 {
        return;
    }
    let buf = frame.buffer_mut();
    let style = theme.status();
    buf.set_stringn(0, area.y, " ".repeat(area.width as usize), area.width as usize, style);
    put(buf, 0, area.y, "/", 1, style);
    let room = (area.width - 2) as usize;
    let before = visible(&p.input.text[..p.input.cursor]).into_owned();
    let after = visible(&p.input.text[p.input.cursor..]).into_owned();
    // Long patterns scroll so the cursor stays visible.
    let shown_before = tail(&before, room);
    put(buf, 1, area.y, &format!("{shown_before}{after}"), room as u16, style);
    let cx = 1 + shown_before.width() as u16;
    frame.set_cursor_position(Position { x: cx.min(area.width - 1), y: area.y });
}
