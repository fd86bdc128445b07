//! Line-level helpers for the plain-text reader: line endings, form feeds, trimming that
//! knows about non-breaking spaces, tab expansion and whitespace collapsing.

use std::borrow::Cow;

/// One source line as the grouping pass sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item<'a> {
    /// A line with trailing whitespace (including U+00A0) removed; may be empty.
    Text(&'a str),
    /// A form feed: the page ends here.
    PageBreak,
}

/// Whitespace as a reader sees it: ASCII/Unicode spaces plus the non-breaking space.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{feff}'
}

pub fn trim_end(s: &str) -> &str {
    s.trim_end_matches(is_space)
}

pub fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Normalise CRLF and lone CR to LF without copying when the text has none.
pub fn unify_newlines(text: &str) -> Cow<'_, str> {
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Split text into lines, turning each form feed into a page break of its own.
pub fn items(text: &str) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    for line in text.split('\n') {
        let mut parts = line.split('\u{c}');
        if let Some(first) = parts.next() {
            out.push(Item::Text(trim_end(first)));
        }
        for rest in parts {
            out.push(Item::PageBreak);
            out.push(Item::Text(trim_end(rest)));
        }
    }
    out
}

/// Display columns of the leading whitespace, with tabs at 8-column stops.
pub fn indent_of(line: &str) -> usize {
    let mut col = 0;
    for c in line.chars() {
        match c {
            '\t' => col = (col / 8 + 1) * 8,
            c if is_space(c) => col += 1,
            _ => break,
        }
    }
    col
}

/// Expand tabs to spaces at 8-column stops (for preformatted text).
pub fn expand_tabs(line: &str) -> Cow<'_, str> {
    if !line.contains('\t') {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut col = 0;
    for c in line.chars() {
        if c == '\t' {
            let next = (col / 8 + 1) * 8;
            out.extend(std::iter::repeat_n(' ', next - col));
            col = next;
        } else {
            out.push(c);
            col += 1;
        }
    }
    Cow::Owned(out)
}

/// Collapse every run of two or more whitespace characters (and any tab) into one space,
/// and trim both ends. A lone non-breaking space between words is kept: it was meant.
pub fn collapse(s: &str) -> String {
    let s = trim(s);
    let mut out = String::with_capacity(s.len());
    let mut pending: Option<char> = None;
    let mut run = 0;
    for c in s.chars() {
        if is_space(c) {
            run += 1;
            pending = Some(c);
            continue;
        }
        if let Some(p) = pending.take() {
            out.push(if run == 1 && p == '\u{a0}' { p } else { ' ' });
        }
        run = 0;
        out.push(c);
    }
    // Block texts are made here; an exact size now leaves no hole when they are trimmed later.
    out.shrink_to_fit();
    out
}

/// Characters in a line, for length comparisons that should not count UTF-8 bytes.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        assert_eq!(unify_newlines("a\r\nb\rc"), "a\nb\nc");
    }

    #[test]
    fn form_feed_splits_line() {
        let it = items("a\u{c}b");
        assert_eq!(it, vec![Item::Text("a"), Item::PageBreak, Item::Text("b")]);
    }

    #[test]
    fn trailing_nbsp_is_trimmed_and_runs_collapse() {
        assert_eq!(trim_end("Guidance Framework\u{a0} "), "Guidance Framework");
        assert_eq!(collapse("  to\u{a0} Security  Sector\u{a0}"), "to Security Sector");
        assert_eq!(collapse("10\u{a0}km"), "10\u{a0}km");
    }

    #[test]
    fn tabs_expand_to_eight_column_stops() {
        assert_eq!(expand_tabs("ab\tc"), "ab      c");
        assert_eq!(indent_of("\t  x"), 10);
    }
}
