//! Which rows the reading pane shows: layout lines from the top and, when notes are shown
//! inline (`i`), each note's text wrapped under the last line of the block it is anchored in.
//! The notes are drawn from this row list rather than added to the layout, so anchors, the
//! tree and search keep working on the document's own lines; page down counts only text lines.

use unicode_width::UnicodeWidthChar;

use super::App;
use crate::layout::LazyLayout;

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
    let data = app.annotations.docs.get(app.current).filter(|d| app.annotations.inline && !d.by_block.is_empty());
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

/// How many layout lines the pane shows (fewer than its height when notes are inline).
pub fn text_lines_on_screen(app: &App, height: usize) -> usize {
    screen_rows(app, height).iter().filter(|r| matches!(r, Row::Text(_))).count()
}

fn last_line_of_block(layout: &LazyLayout, i: usize) -> bool {
    match layout.get(i + 1) {
        None => true,
        Some(next) => next.blank || next.block != layout.line(i).block,
    }
}

/// Greedy word wrap to `width` columns; words longer than a line are cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        let mut w = 0;
        for word in para.split_whitespace() {
            let ww: usize = word.chars().map(|c| c.width().unwrap_or(0)).sum();
            if w > 0 && w + 1 + ww > width {
                out.push(std::mem::take(&mut line));
                w = 0;
            }
            if w > 0 {
                line.push(' ');
                w += 1;
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if w + cw > width && w > 0 {
                    out.push(std::mem::take(&mut line));
                    w = 0;
                }
                line.push(c);
                w += cw;
            }
        }
        out.push(line);
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_words_and_keeps_paragraphs() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("a\n\nb", 5), ["a", "", "b"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }
}
