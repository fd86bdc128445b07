//! Small drawing helpers shared by the panes: sanitised, width-limited strings.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use crate::doc::sanitize::visible;

/// Draw `s` at (x, y), sanitised, cut to `width` columns with '…' when it does not fit.
/// Returns the columns used.
pub fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, width: u16, style: Style) -> u16 {
    if width == 0 {
        return 0;
    }
    let s = visible(s);
    if s.width() <= width as usize {
        let (end, _) = buf.set_stringn(x, y, &*s, width as usize, style);
        return end - x;
    }
    let (end, _) = buf.set_stringn(x, y, &*s, width as usize - 1, style);
    buf.set_stringn(end, y, "…", 1, style);
    end + 1 - x
}

/// `s` cut from the left so it fits `width` columns, with a leading '…' when cut.
pub fn tail(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out: Vec<char> = Vec::new();
    let mut w = 1;
    for c in s.chars().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push('…');
    out.into_iter().rev().collect()
}

/// `s` cut at its end so it fits `width` columns, with a trailing '…' when cut.
pub fn cut(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        w += cw;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_keeps_the_end() {
        assert_eq!(tail("abcdef", 4), "…def");
        assert_eq!(tail("abc", 4), "abc");
        assert_eq!(tail("日本語です", 5), "…です");
    }
}
