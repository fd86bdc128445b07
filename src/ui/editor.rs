//! The note editor box (where the note is, the quoted passage, the text area, the discard
//! question) and the question about a draft left by an earlier session.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::text::put;
use super::theme::Theme;
use crate::app::drafts::preview;
use crate::app::editor::{NoteEditor, Target};
use crate::store::draft::Draft;

pub fn render(e: &NoteEditor, screen: Rect, theme: &Theme, frame: &mut Frame) {
    let title = match e.target {
        Target::New { .. } => "New note — Ctrl-s saves, Esc closes",
        Target::Existing { .. } => "Edit note — Ctrl-s saves, Esc closes",
    };
    let h = screen.height.saturating_sub(4).clamp(3, 18);
    let inner = super::popup::frame(screen, 80, h, title, theme, frame.buffer_mut());
    if inner.height < 3 || inner.width < 8 {
        return;
    }
    let buf = frame.buffer_mut();
    put(buf, inner.x, inner.y, &format!("On {}", e.section), inner.width, theme.dim());
    put(buf, inner.x, inner.y + 1, &format!("“{}”", e.quote), inner.width, theme.dim());
    let question = u16::from(e.confirm_discard);
    let text = Rect { x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2 - question };
    (&e.textarea).render(text, buf);
    if e.confirm_discard {
        let y = inner.y + inner.height - 1;
        put(buf, inner.x, y, "Discard your changes?  y discards · n keeps editing", inner.width, theme.current());
    }
}

pub fn render_restore(drafts: &[Draft], screen: Rect, theme: &Theme, frame: &mut Frame) {
    let Some(d) = drafts.first() else { return };
    let inner = super::popup::frame(screen, 72, 7, "Unsaved note from an earlier session", theme, frame.buffer_mut());
    if inner.height == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    let lines = [
        (format!("On {}", if d.doc_title.is_empty() { "(untitled)" } else { &d.doc_title }), theme.dim()),
        (format!("“{}”", preview(d)), Default::default()),
        (String::new(), Default::default()),
        ("Restore it?  y restores · n discards · Esc asks again next time".to_string(), theme.current()),
    ];
    for (row, (text, style)) in lines.iter().enumerate().take(inner.height as usize) {
        put(buf, inner.x, inner.y + row as u16, text, inner.width, *style);
    }
}
