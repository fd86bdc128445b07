//! Greedy word wrapping of a byte range into line ranges, and the matching renderer that turns one
//! such range back into styled segments. Both count columns with the same rules, so a line that
//! fitted when wrapping still fits when drawn. Must not import ratatui or crossterm.

use std::borrow::Cow;
use std::ops::Range;

use super::units::{REPLACEMENT, REPLACEMENT_ASCII, UnitKind, Units, break_between};
use super::{SegKind, Segment};
use crate::doc::{Block, Inline, Link, StyleRun};

/// How to wrap a range: columns for the first line and the following ones, and whether it is
/// code (hard-wrapped by graphemes, tabs expanded, a newline starts a fresh "first" line).
#[derive(Debug, Clone, Copy)]
pub(crate) struct WrapSpec {
    pub first: usize,
    pub rest: usize,
    pub code: bool,
}

/// One wrapped line: its byte range (trailing spaces and the newline included, so every byte
/// belongs to some line), visible width, and whether it continues a line broken by wrapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    pub start: usize,
    pub end: usize,
    pub width: usize,
    pub cont: bool,
}

pub(crate) const SPACES: &str = "                                                                ";

/// Columns a tab takes at `col` in code: to the next multiple of 8, clipped at the edge.
fn tab_width(col: usize, avail: usize) -> usize {
    let to_stop = 8 - col % 8;
    match avail.saturating_sub(col) {
        0 => to_stop,
        room => to_stop.min(room),
    }
}

/// Wraps `text[range]`, calling `emit` for each line in order. Always emits at least one line.
/// In prose `spec.rest` must be >= `spec.first` (carried words must fit the next line).
pub(crate) fn wrap(text: &str, range: Range<usize>, spec: WrapSpec, mut emit: impl FnMut(Piece)) {
    let first = spec.first.max(1);
    let rest = if spec.code { spec.rest.max(1) } else { spec.rest.max(first) };
    let avail_for = |start: usize, cont: bool| {
        if start == range.start || (spec.code && !cont) { first } else { rest }
    };
    let (mut line_start, mut cont, mut col, mut vis) = (range.start, false, 0usize, 0usize);
    // Latest break opportunity on this line: (byte, columns before it, visible columns before it).
    let mut brk: Option<(usize, usize, usize)> = None;
    let (mut prev, mut before_prev): (Option<char>, Option<char>) = (None, None);
    let mut emitted = false;
    for u in Units::new(text, range.clone()) {
        match u.kind {
            UnitKind::Newline => {
                emit(Piece { start: line_start, end: u.end, width: vis, cont });
                emitted = true;
                (line_start, cont, col, vis, brk, prev) = (u.end, false, 0, 0, None, None);
                continue;
            }
            UnitKind::Space | UnitKind::Tab if !spec.code => {
                col += 1;
                brk = Some((u.end, col, vis));
                (before_prev, prev) = (prev, Some(' '));
                continue;
            }
            UnitKind::ZeroSpace if !spec.code => {
                brk = Some((u.end, col, vis));
                continue;
            }
            _ => {}
        }
        if !spec.code
            && let Some(p) = prev.filter(|&p| p != ' ')
            && break_between(before_prev, p, u.first)
        {
            brk = Some((u.start, col, vis));
        }
        let unit_width = |col: usize, avail: usize| match u.kind {
            UnitKind::Tab if spec.code => tab_width(col, avail),
            _ => u.width,
        };
        let mut avail = avail_for(line_start, cont);
        if col + unit_width(col, avail) > avail {
            // Code breaks after a space only when that keeps most of the line; otherwise it is
            // cut at the edge, so columns of aligned code stay recognisable.
            let usable = |b: &(usize, usize, usize)| b.0 > line_start && (!spec.code || b.1 * 2 >= avail);
            if let Some((pos, at_col, at_vis)) = brk.take().filter(usable) {
                emit(Piece { start: line_start, end: pos, width: at_vis, cont });
                emitted = true;
                (line_start, cont) = (pos, true);
                col -= at_col;
                vis = col;
                avail = avail_for(line_start, cont);
            }
            if col > 0 && col + unit_width(col, avail) > avail {
                emit(Piece { start: line_start, end: u.start, width: vis, cont });
                emitted = true;
                (line_start, cont, col, brk) = (u.start, true, 0, None);
                avail = avail_for(line_start, cont);
            }
        }
        let w = unit_width(col, avail);
        // Wider than the whole line: drawn as a one-column replacement (see REPLACEMENT).
        col += if w > avail { 1 } else { w };
        vis = col;
        match u.kind {
            UnitKind::Space if spec.code => brk = Some((u.end, col, vis)),
            // A tab's width depends on its column: never carry one to another line.
            UnitKind::Tab if spec.code => brk = None,
            _ => {}
        }
        (before_prev, prev) = (prev, Some(u.first));
    }
    if line_start < range.end || !emitted {
        emit(Piece { start: line_start, end: range.end, width: vis, cont });
    }
}

/// The style of each byte of a block: its style runs plus links.
pub(crate) struct Styles<'a> {
    runs: &'a [StyleRun],
    links: &'a [Link],
}

impl<'a> Styles<'a> {
    pub(crate) fn of(block: &'a Block) -> Styles<'a> {
        Styles { runs: &block.runs, links: &block.links }
    }

    pub(crate) fn none() -> Styles<'static> {
        Styles { runs: &[], links: &[] }
    }

    /// Runs and links are sorted and disjoint per the model, so a binary search finds the one
    /// covering `pos`; if a reader breaks that promise the style is merely wrong, never a panic.
    fn at(&self, pos: usize) -> Inline {
        let mut style = Inline::PLAIN;
        let i = self.runs.partition_point(|r| r.bytes().end <= pos);
        if let Some(r) = self.runs.get(i).filter(|r| r.bytes().start <= pos) {
            style = r.style;
        }
        let i = self.links.partition_point(|l| l.bytes().end <= pos);
        if self.links.get(i).is_some_and(|l| l.bytes().start <= pos) {
            style = style.union(Inline::LINK);
        }
        style
    }
}

/// End of `range` without what a line does not draw: the line break, and in prose trailing spaces.
fn drawn_end(text: &str, range: &Range<usize>, code: bool) -> usize {
    let mut s = text.get(range.clone()).unwrap_or("");
    for nl in ["\r\n", "\n", "\u{2028}", "\u{2029}"] {
        if let Some(t) = s.strip_suffix(nl) {
            s = t;
            break;
        }
    }
    if !code {
        s = s.trim_end_matches([' ', '\t', '\u{200B}']);
    }
    range.start + s.len()
}

/// How `render` draws a range: the columns it was wrapped to, code or prose, the segment kind,
/// and whether the one-column replacement is ASCII.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Draw {
    pub avail: usize,
    pub code: bool,
    pub kind: SegKind,
    pub ascii: bool,
}

/// Appends the segments for `text[range]` as drawn by `how`; returns the columns used.
pub(crate) fn render<'a>(
    text: &'a str,
    range: Range<usize>,
    how: Draw,
    styles: &Styles<'_>,
    out: &mut Vec<Segment<'a>>,
) -> usize {
    let Draw { avail, code, kind, ascii } = how;
    let avail = avail.max(1);
    let end = drawn_end(text, &range, code);
    let replacement = if ascii { REPLACEMENT_ASCII } else { REPLACEMENT };
    let mut col = 0;
    // The pending run of text borrowed straight from the document.
    let mut run: Option<(usize, usize, Inline)> = None;
    let flush = |run: &mut Option<(usize, usize, Inline)>, out: &mut Vec<Segment<'a>>| {
        if let Some((s, e, style)) = run.take() {
            out.push(Segment { text: Cow::Borrowed(&text[s..e]), style, kind });
        }
    };
    for u in Units::new(text, range.start..end) {
        let style = styles.at(u.start);
        let stand_in: Option<(&'static str, Inline)> = match u.kind {
            UnitKind::Newline | UnitKind::ZeroSpace => {
                flush(&mut run, out);
                continue;
            }
            UnitKind::Tab if code => Some((&SPACES[..tab_width(col, avail).min(8)], style)),
            UnitKind::Tab => Some((" ", style)),
            UnitKind::Placeholder(_) | UnitKind::Text if u.width > avail => Some((replacement, Inline::PLACEHOLDER)),
            UnitKind::Placeholder(p) => Some((p, Inline::PLACEHOLDER)),
            UnitKind::Text | UnitKind::Space => None,
        };
        match stand_in {
            Some((s, st)) => {
                flush(&mut run, out);
                out.push(Segment { text: Cow::Borrowed(s), style: st, kind });
                col += super::units::text_width(s);
            }
            None => {
                match &mut run {
                    Some((_, e, st)) if *st == style && *e == u.start => *e = u.end,
                    _ => {
                        flush(&mut run, out);
                        run = Some((u.start, u.end, style));
                    }
                }
                col += u.width;
            }
        }
    }
    flush(&mut run, out);
    col
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, w: usize) -> Vec<&str> {
        wrapped(text, w, false)
    }

    fn wrapped(text: &str, w: usize, code: bool) -> Vec<&str> {
        let mut v = Vec::new();
        wrap(text, 0..text.len(), WrapSpec { first: w, rest: w, code }, |p| v.push(&text[p.start..p.end]));
        v
    }

    #[test]
    fn breaks_after_spaces_and_splits_long_words() {
        assert_eq!(lines("aaa bbb ccc", 7), vec!["aaa bbb ", "ccc"]);
        assert_eq!(lines("aaa bbb ccc", 6), vec!["aaa ", "bbb ", "ccc"]);
        assert_eq!(lines("abcdefghij xy", 4), vec!["abcd", "efgh", "ij ", "xy"]);
    }

    #[test]
    fn cjk_breaks_between_ideographs_but_not_before_closing_punctuation() {
        assert_eq!(lines("中文字。", 6), vec!["中文", "字。"]);
    }

    #[test]
    fn code_expands_tabs_and_hard_wraps() {
        assert_eq!(wrapped("a\tb\ncdefg", 4, true), vec!["a\t", "b\n", "cdef", "g"]);
    }

    #[test]
    fn code_breaks_after_a_late_space_but_not_an_early_one() {
        assert_eq!(wrapped("let total = compute(x);", 16, true), vec!["let total = ", "compute(x);"]);
        assert_eq!(wrapped("a bcdefghijklmnop", 8, true), vec!["a bcdefg", "hijklmno", "p"]);
    }
}
