//! Cutting a string that has no spaces to break at (a URL, an over-long word) into pieces that
//! fit a column, for overlays that show such strings whole rather than truncated.
//! Must not import ratatui or crossterm.

use unicode_width::UnicodeWidthChar;

/// `s` in pieces of at most `width` columns (a character wider than `width` gets a piece of its
/// own); never empty, so the first piece can start a row.
pub fn cut_to_width(s: &str, width: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width && w > 0 {
            out.push(String::new());
            w = 0;
        }
        w += cw;
        out.last_mut().expect("never empty").push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cut_to_width;

    #[test]
    fn long_urls_are_cut_whole() {
        let url = "https://github.com/ratatui/ratatui/commit/3a43274881a79b4e593536c2ca915";
        let pieces = cut_to_width(url, 30);
        assert_eq!(pieces.concat(), url);
        assert!(pieces.iter().all(|p| p.chars().count() <= 30));
        assert_eq!(cut_to_width("", 5), [""]);
        assert_eq!(cut_to_width("漢字", 1), ["漢", "字"], "a wide character alone on its piece");
    }
}
