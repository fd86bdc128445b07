//! Which rows the reading pane shows: layout lines from the top and, when notes are shown
//! inline (`i`), each note's text wrapped under the last line of the block it is anchored in.
//! The notes are drawn from this row list rather than added to the layout, so anchors, the
//! tree and search keep working on the document's own lines; paging counts a line's note rows
//! with it (`lines_spanning`).

use super::App;
use crate::layout::{LazyLayout, wrap_words as wrap};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// Layout line `i`.
    Text(usize),
    /// One wrapped line of a note; `first` starts the note (it gets the marker).
    Note { text: String, first: bool },
}

/// Columns of the "✎ " lead before inline note text.
pub const NOTE_INDENT: usize = 2;

/// The rows of the reading pane, at most `height`.
pub fn screen_rows(app: &App, height: usize) -> Vec<Row> {
    let Some(view) = app.view() else { return Vec::new() };
    let layout = view.layout();
    let data = inline_notes(app);
    let width = (app.geometry().wrap_width as usize).saturating_sub(NOTE_INDENT).max(8);
    let mut rows = Vec::with_capacity(height);
    let mut i = view.top_line();
    while rows.len() < height && i < layout.len() {
        rows.push(Row::Text(i));
        if let Some(data) = data {
            let line = layout.line(i);
            if !line.blank && last_line_of_block(layout, i) {
                for &k in data.by_block.get(&line.block).map(Vec::as_slice).unwrap_or(&[]) {
                    for (j, text) in wrap(&data.notes[k].0.text, width).into_iter().enumerate() {
                        rows.push(Row::Note { text, first: j == 0 });
                    }
                }
            }
        }
        i += 1;
    }
    rows.truncate(height);
    rows
}

/// How many layout lines to move so the scroll spans about `rows` screen rows when notes are
/// inline: lines from the top down (`forward`), or from just above the top up. A line counts
/// with the note rows drawn under it; at least one line moves.
pub fn lines_spanning(app: &App, rows: usize, forward: bool) -> usize {
    let Some(view) = app.view() else { return 1 };
    let top = view.top_line();
    if forward { count_lines(app, rows, top..view.layout().len()) } else { count_lines(app, rows, (0..top).rev()) }
}

/// The lines the last screenful holds: `height`, or fewer when inline notes take rows there.
/// The top may go as far as this many lines before the end, so the end can always be reached.
pub fn tail_lines(app: &App, height: usize) -> usize {
    match app.view() {
        Some(view) if inline_notes(app).is_some() => count_lines(app, height, (0..view.layout().len()).rev()),
        _ => height,
    }
}

fn inline_notes(app: &App) -> Option<&crate::app::annotations::DocData> {
    app.annotations.docs.get(app.current).filter(|d| app.annotations.inline && !d.by_block.is_empty())
}

/// How many of `lines` (in order) fit in `rows` screen rows with their notes; at least one.
fn count_lines(app: &App, rows: usize, lines: impl Iterator<Item = usize>) -> usize {
    let Some(view) = app.view() else { return 1 };
    let layout = view.layout();
    let data = inline_notes(app);
    let width = (app.geometry().wrap_width as usize).saturating_sub(NOTE_INDENT).max(8);
    let rows_of = |i: usize| -> usize {
        let notes = match (data, layout.get(i)) {
            (Some(data), Some(line)) if !line.blank && last_line_of_block(layout, i) => data
                .by_block
                .get(&line.block)
                .map_or(0, |ks| ks.iter().map(|&k| wrap(&data.notes[k].0.text, width).len()).sum()),
            _ => 0,
        };
        1 + notes
    };
    let (mut used, mut count) = (0, 0);
    for i in lines {
        used += rows_of(i);
        if used > rows && count > 0 {
            break;
        }
        count += 1;
    }
    count.max(1)
}

fn last_line_of_block(layout: &LazyLayout, i: usize) -> bool {
    match layout.get(i + 1) {
        None => true,
        Some(next) => next.blank || next.block != layout.line(i).block,
    }
}
