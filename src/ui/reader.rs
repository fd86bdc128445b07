//! The reading pane: visible lines of the current layout, drawn segment by segment.

use ratatui::buffer::Buffer;

use super::theme::Theme;
use crate::app::App;

pub fn render(app: &App, theme: &Theme, buf: &mut Buffer) {
    let g = app.geometry();
    let (Some(doc), Some(view)) = (app.doc(), app.view()) else {
        super::text::put(buf, g.text_x, 0, "No documents are open.", g.wrap_width, theme.dim());
        return;
    };
    let layout = view.layout();
    let top = view.top_line();
    let right = g.text.x + g.text.width;
    for row in 0..g.text.height {
        let i = top + row as usize;
        if i >= layout.len() {
            break;
        }
        let mut x = g.text_x;
        for seg in layout.segments(doc, i) {
            if x >= right {
                break;
            }
            let style = theme.segment(seg.kind, seg.style);
            let (end, _) = buf.set_stringn(x, row, &seg.text, (right - x) as usize, style);
            x = end;
        }
    }
}
