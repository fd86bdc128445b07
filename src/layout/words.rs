//! Short texts wrapped for overlays and notes (a note under its passage, a help line, a URL):
//! greedy word wrap by display width, cutting only a word wider than the whole line. The
//! document's own text goes through the full wrapper in `wrap.rs`.
//! Must not import ratatui or crossterm.

use unicode_width::UnicodeWidthChar;

/// Greedy word wrap to `width` columns; words longer than a line are cut.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
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
    use super::wrap_words;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn wraps_words_and_keeps_paragraphs() {
        assert_eq!(wrap_words("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap_words("a\n\nb", 5), ["a", "", "b"]);
        assert_eq!(wrap_words("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn long_descriptions_wrap_at_spaces_and_fit() {
        let text = "Search the text (smart case; start with \\v for a regular expression)";
        let pieces = wrap_words(text, 30);
        assert!(pieces.len() >= 3, "{pieces:?}");
        assert!(pieces.iter().all(|p| p.width() <= 30), "{pieces:?}");
        assert_eq!(pieces.join(" "), text);
        assert_eq!(wrap_words("abcdef", 4), ["abcd", "ef"], "a word wider than the column is cut");
    }

    #[test]
    fn long_urls_are_cut_whole() {
        let url = "https://github.com/ratatui/ratatui/commit/3a43274881a79b4e593536c2ca915";
        let pieces = wrap_words(url, 30);
        assert_eq!(pieces.concat(), url);
        assert!(pieces.iter().all(|p| p.chars().count() <= 30));
        assert_eq!(wrap_words("", 5), [""]);
        assert_eq!(wrap_words("漢字", 1), ["漢", "字"], "a wide character alone on its piece");
    }
}
