//! Short one-line excerpts of a block around a match: a window of about `SNIPPET_CHARS`
//! characters, whitespace runs collapsed to one space, "…" where text was cut off, and the
//! matched characters' positions translated into char indices of the excerpt.

/// Target length of a snippet in chars (before the ellipses).
pub const SNIPPET_CHARS: usize = 72;
/// How far (in chars) a cut may move to land on a word boundary instead of mid-word.
const SNAP_CHARS: usize = 12;

/// Excerpt `text` around `matched` (byte offsets of matched chars, ascending; each must be a
/// char boundary — others are ignored). Returns the excerpt and the char indices in it of
/// the matched chars that fall inside the window.
pub fn snippet(text: &str, matched: &[usize], width: usize) -> (String, Vec<usize>) {
    let width = width.max(8);
    let matched: Vec<usize> = matched.iter().copied().filter(|&b| b < text.len() && text.is_char_boundary(b)).collect();
    let first = matched.first().copied().unwrap_or(0);
    let last_end = matched.last().map_or(first, |&b| b + char_len_at(text, b));

    let region = text[first..last_end].chars().take(width).count();
    let spare = width.saturating_sub(region);
    let after_avail = text[last_end..].chars().take(spare).count();
    // About a third of the spare room goes before the match; more if the block ends soon.
    let before = (spare / 3).max(spare - after_avail).min(spare);
    let mut start = back_chars(text, first, before);
    let mut end = forward_chars(text, start, width);
    if start > 0 {
        start = snap_start(text, start, first);
    }
    if end < text.len() {
        end = snap_end(text, end, last_end);
    }
    render(text, start, end, &matched)
}

fn char_len_at(text: &str, b: usize) -> usize {
    text[b..].chars().next().map_or(0, char::len_utf8)
}

/// The byte `n` chars before `from` (or 0).
fn back_chars(text: &str, from: usize, n: usize) -> usize {
    text[..from].char_indices().rev().take(n).last().map_or(from, |(i, _)| i)
}

/// The byte `n` chars after `from` (or the end).
fn forward_chars(text: &str, from: usize, n: usize) -> usize {
    text[from..].char_indices().nth(n).map_or(text.len(), |(i, _)| from + i)
}

/// Move a cut that lands mid-word forward to the next word start, if that is close and
/// does not pass the match.
fn snap_start(text: &str, start: usize, limit: usize) -> usize {
    if text[..start].ends_with(char::is_whitespace) {
        return start;
    }
    for (i, c) in text[start..limit].char_indices().take(SNAP_CHARS) {
        if c.is_whitespace() {
            return start + i + c.len_utf8();
        }
    }
    start
}

/// Move a cut that lands mid-word back to the previous word end, if that is close and
/// does not cut into the match.
fn snap_end(text: &str, end: usize, limit: usize) -> usize {
    if text[end..].starts_with(char::is_whitespace) || end <= limit {
        return end;
    }
    for (i, c) in text[limit..end].char_indices().rev().take(SNAP_CHARS) {
        if c.is_whitespace() {
            return limit + i;
        }
    }
    end
}

fn render(text: &str, start: usize, end: usize, matched: &[usize]) -> (String, Vec<usize>) {
    let mut out = String::new();
    let mut chars = 0usize;
    let mut positions = Vec::new();
    let cut_before = text[..start].chars().any(|c| !c.is_whitespace());
    if cut_before {
        out.push('…');
        chars += 1;
    }
    let mut pending_space = false;
    let mut m = matched.iter().peekable();
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        while m.next_if(|&&b| b < at).is_some() {}
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !(chars == 0 || out.ends_with('…') && chars == 1) {
            out.push(' ');
            chars += 1;
        }
        pending_space = false;
        if m.next_if(|&&b| b == at).is_some() {
            positions.push(chars);
        }
        out.push(c);
        chars += 1;
    }
    if text[end..].chars().any(|c| !c.is_whitespace()) {
        out.push('…');
    }
    (out, positions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn highlighted(display: &str, pos: &[usize]) -> String {
        let chars: Vec<char> = display.chars().collect();
        pos.iter().map(|&p| chars[p]).collect()
    }

    #[test]
    fn short_text_is_shown_whole_without_ellipses() {
        let (d, p) = snippet("find the  needle\nhere", &[10, 11], 72);
        assert_eq!(d, "find the needle here");
        assert_eq!(highlighted(&d, &p), "ne");
    }

    #[test]
    fn long_text_is_cut_with_ellipses_on_word_boundaries() {
        let text = "word ".repeat(40) + "needle " + &"tail ".repeat(40);
        let at = text.find("needle").unwrap_or(0);
        let (d, p) = snippet(&text, &[at], 40);
        assert!(d.starts_with('…') && d.ends_with('…'), "{d}");
        assert!(d.chars().count() <= 42, "{d}");
        assert!(!d.contains("wor…") && !d.starts_with("…ord"), "{d}");
        assert_eq!(highlighted(&d, &p), "n");
        assert!(d.contains("needle"));
    }

    #[test]
    fn multibyte_text_keeps_char_positions_right() {
        let text = "ééé ".repeat(30) + "Ärger über ünïcödé " + &"ñ ".repeat(50);
        let at = text.find("über").unwrap_or(0);
        let matched = [at, at + 2, at + 3];
        let (d, p) = snippet(&text, &matched, 30);
        assert_eq!(highlighted(&d, &p), "übe");
    }

    #[test]
    fn matches_far_apart_show_the_first() {
        let text = format!("alpha {} omega", "x ".repeat(200));
        let (d, p) = snippet(&text, &[0, text.len() - 5], 40);
        assert!(d.starts_with("alpha"));
        assert_eq!(p, vec![0]);
    }
}
