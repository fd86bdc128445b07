//! The atoms layout places: grapheme clusters with their display width and their role in line
//! breaking (space, tab, newline, control-character stand-in), plus the break rules between them.
//! Must not import ratatui or crossterm.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::doc::sanitize::placeholder;

/// Shown instead of a grapheme that is wider than the whole line (a CJK character on a line one
/// column wide): the width limit is never exceeded, and the reader still sees something is there.
pub(crate) const REPLACEMENT: &str = "\u{FFFD}";
pub(crate) const REPLACEMENT_ASCII: &str = "?";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitKind {
    /// A printable grapheme cluster.
    Text,
    /// An ASCII space: a break opportunity after it; hangs past the edge at the end of a line.
    Space,
    /// A tab: a space in prose, expanded to the next multiple of 8 columns in code.
    Tab,
    /// '\n', "\r\n", U+2028 or U+2029: a forced line break.
    Newline,
    /// U+200B: a break opportunity that shows nothing.
    ZeroSpace,
    /// A control or bidi character, shown as this stand-in.
    Placeholder(&'static str),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Unit {
    pub start: usize,
    pub end: usize,
    /// Display columns (tabs count 1 here; code layout expands them).
    pub width: usize,
    pub kind: UnitKind,
    /// The first char of the cluster, for break rules.
    pub first: char,
}

/// Iterates the units of `text[range]`. `range` must start on a grapheme boundary.
pub(crate) struct Units<'a> {
    text: &'a str,
    pos: usize,
    end: usize,
}

impl<'a> Units<'a> {
    pub(crate) fn new(text: &'a str, range: Range<usize>) -> Units<'a> {
        // Ranges come from layout itself, but a bad one must not panic on slicing.
        let mut end = range.end.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut pos = range.start.min(end);
        while !text.is_char_boundary(pos) {
            pos -= 1;
        }
        Units { text, pos, end }
    }
}

impl Iterator for Units<'_> {
    type Item = Unit;

    fn next(&mut self) -> Option<Unit> {
        let start = self.pos;
        if start >= self.end {
            return None;
        }
        let bytes = self.text.as_bytes();
        let b = bytes[start];
        // Fast path: an ASCII byte followed by ASCII (or the end) is a whole grapheme, except CR LF.
        if b < 0x80 && b != b'\r' && (start + 1 == self.end || bytes[start + 1] < 0x80) {
            self.pos = start + 1;
            return Some(ascii_unit(start, b));
        }
        let g = self.text[start..self.end].graphemes(true).next()?;
        self.pos = start + g.len();
        Some(grapheme_unit(start, g))
    }
}

fn ascii_unit(start: usize, b: u8) -> Unit {
    let first = b as char;
    let (kind, width) = match b {
        b' ' => (UnitKind::Space, 1),
        b'\t' => (UnitKind::Tab, 1),
        b'\n' => (UnitKind::Newline, 0),
        0..=0x1f | 0x7f => {
            let p = placeholder(first).unwrap_or(REPLACEMENT_ASCII);
            (UnitKind::Placeholder(p), p.len())
        }
        _ => (UnitKind::Text, 1),
    };
    Unit { start, end: start + 1, width, kind, first }
}

fn grapheme_unit(start: usize, g: &str) -> Unit {
    let first = g.chars().next().unwrap_or(' ');
    let single = g.len() == first.len_utf8();
    let kind = if g == "\r\n" || (single && matches!(first, '\n' | '\u{2028}' | '\u{2029}')) {
        UnitKind::Newline
    } else if single && first == '\t' {
        UnitKind::Tab
    } else if single && first == ' ' {
        UnitKind::Space
    } else if single && first == '\u{200B}' {
        UnitKind::ZeroSpace
    } else if let Some(p) = placeholder(first).filter(|_| single) {
        UnitKind::Placeholder(p)
    } else if g.chars().any(|c| placeholder(c).is_some()) {
        // Control characters always form their own cluster; this is only a safety net.
        UnitKind::Placeholder(REPLACEMENT)
    } else {
        UnitKind::Text
    };
    let width = match kind {
        UnitKind::Text => g.width(),
        UnitKind::Space | UnitKind::Tab => 1,
        UnitKind::Placeholder(p) => p.width(),
        UnitKind::Newline | UnitKind::ZeroSpace => 0,
    };
    Unit { start, end: start + g.len(), width, kind, first }
}

/// Display width of `s` as layout counts it (tabs 1, control characters as their stand-ins).
pub(crate) fn text_width(s: &str) -> usize {
    Units::new(s, 0..s.len()).map(|u| u.width).sum()
}

/// Characters that may be broken before and after (ideographs, kana, emoji), an approximation
/// of UAX #14 classes ID/CJ that covers CJK prose without pulling in a line-break crate.
fn is_ideographic(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x312F | 0x31A0..=0x31FF
        | 0x3200..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0x1F000..=0x1FAFF | 0x20000..=0x3FFFD)
}

/// Closing punctuation and small kana (UAX #14 CL/CP/EX/IS/NS): never start a line with them.
fn no_break_before(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '.'
            | ','
            | ':'
            | ';'
            | '!'
            | '?'
            | '%'
            | '、'
            | '。'
            | '，'
            | '．'
            | '：'
            | '；'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〉'
            | '》'
            | '〙'
            | '〗'
            | '｝'
            | '］'
            | '”'
            | '’'
            | '・'
            | 'ー'
            | '々'
            | '〻'
            | 'ゝ'
            | 'ゞ'
            | 'ヽ'
            | 'ヾ'
            | 'ぁ'
            | 'ぃ'
            | 'ぅ'
            | 'ぇ'
            | 'ぉ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ゎ'
            | 'ァ'
            | 'ィ'
            | 'ゥ'
            | 'ェ'
            | 'ォ'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | 'ヮ'
            | 'ヵ'
            | 'ヶ'
            | '〜'
            | '～'
            | '…'
            | '‥'
    )
}

/// Opening punctuation (UAX #14 OP/QU opening forms): never end a line with them.
fn no_break_after(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '（' | '「' | '『' | '【' | '〔' | '〈' | '《' | '〘' | '〖' | '｛' | '［' | '“' | '‘'
    )
}

/// Whether a line may break between two adjacent non-space clusters starting with `prev` and
/// `next`; `before_prev` is the cluster before `prev`, used so "well-known" breaks after the
/// hyphen but "--verbose" and "-5" do not.
pub(crate) fn break_between(before_prev: Option<char>, prev: char, next: char) -> bool {
    // Hot path: between ASCII characters only the hyphen rule can apply.
    if prev.is_ascii() && next.is_ascii() {
        return prev == '-' && next.is_ascii_alphabetic() && before_prev.is_some_and(char::is_alphanumeric);
    }
    if no_break_after(prev) || no_break_before(next) {
        return false;
    }
    if is_ideographic(prev) || is_ideographic(next) {
        return true;
    }
    match prev {
        '—' | '–' => true,
        '-' => next.is_alphabetic() && before_prev.is_some_and(char::is_alphanumeric),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(String, usize, UnitKind)> {
        Units::new(s, 0..s.len()).map(|u| (s[u.start..u.end].to_string(), u.width, u.kind)).collect()
    }

    #[test]
    fn clusters_stay_whole_with_their_width() {
        let k = kinds("e\u{301}中👨‍👩‍👧");
        assert_eq!(k.len(), 3);
        assert_eq!((k[0].1, k[1].1, k[2].1), (1, 2, 2));
    }

    #[test]
    fn controls_become_placeholders() {
        let k = kinds("a\x1b\u{202e}\r\n\t ");
        assert_eq!(k[1].2, UnitKind::Placeholder("^["));
        assert_eq!(k[2].2, UnitKind::Placeholder("<RLO>"));
        assert_eq!(k[2].1, 5);
        assert_eq!(k[3].2, UnitKind::Newline);
        assert_eq!((k[4].2, k[5].2), (UnitKind::Tab, UnitKind::Space));
    }

    #[test]
    fn break_rules() {
        assert!(break_between(None, '中', '文'));
        assert!(!break_between(None, '中', '。'));
        assert!(!break_between(None, '「', '中'));
        assert!(break_between(Some('l'), '-', 'k'));
        assert!(!break_between(Some('-'), '-', 'v'));
        assert!(!break_between(Some('a'), 'b', 'c'));
    }
}
