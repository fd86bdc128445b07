//! Where a long Markdown text may be cut into stretches that parse alone exactly as they do
//! inside the whole text: before a line at column 0 that starts with a letter or is an ATX
//! heading, after a blank line, and outside fenced code and multi-line HTML blocks.
//!
//! Why that is sound: after a blank line, a line at column 0 that is not a list marker cannot
//! continue a list item, a block quote, indented code, a table, a paragraph or an HTML block
//! of the kinds that end at a blank line. Only a fence and the HTML blocks that end at a
//! marker (`-->`, `</pre>`, ...) run on through it, and those are tracked here. A fence
//! opened with some indentation may sit in a list item, where a column-0 line would end it;
//! when that case comes up the scanner cannot tell, so it stops cutting for the rest.

/// Start offsets of the stretches after the first; each stretch is at least `stretch` bytes.
pub(super) fn cuts(text: &str, stretch: usize) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut last = 0;
    // The open fence: its character, its length, and whether it was indented.
    let mut fence: Option<(u8, usize, bool)> = None;
    let mut html_end: Option<&'static str> = None;
    let mut prev_blank = false;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let line = line.strip_suffix('\n').unwrap_or(line);
        let blank = line.bytes().all(|b| b == b' ' || b == b'\t');
        let fresh = prev_blank && starts_top_level_block(line);
        if fresh && matches!(fence, Some((_, _, true))) {
            // Inside a list item this line would have closed the fence; at the top level
            // it would not. Unsure from here on: no more cuts.
            break;
        }
        if fresh && fence.is_none() && html_end.is_none() && start - last >= stretch && pos < text.len() {
            cuts.push(start);
            last = start;
        }
        if let Some((ch, len, _)) = fence {
            if closes_fence(line, ch, len) {
                fence = None;
            }
        } else if let Some(end) = html_end {
            if contains_ignore_case(line, end) {
                html_end = None;
            }
        } else if let Some(open) = opens_fence(line) {
            fence = Some(open);
        } else if let Some((end, rest)) = opens_html_block(line)
            && !contains_ignore_case(rest, end)
        {
            html_end = Some(end);
        }
        prev_blank = blank;
    }
    cuts
}

/// An ASCII letter at column 0 (a paragraph, a setext heading, a table) or an ATX heading.
/// Digits, `-`, `*`, `+` and `>` are left out: they may continue a list or a quote.
fn starts_top_level_block(line: &str) -> bool {
    let b = line.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii_alphabetic() => true,
        Some(b'#') => {
            let hashes = b.iter().take_while(|&&c| c == b'#').count();
            hashes <= 6 && matches!(b.get(hashes), None | Some(b' ' | b'\t'))
        }
        _ => false,
    }
}

/// A fence opening line: up to three spaces, then at least three backticks or tildes
/// (a backtick fence's info string holds no backtick).
fn opens_fence(line: &str) -> Option<(u8, usize, bool)> {
    let indent = line.bytes().take_while(|&b| b == b' ').count();
    if indent > 3 {
        return None;
    }
    let rest = &line.as_bytes()[indent..];
    let ch = *rest.first().filter(|&&c| c == b'`' || c == b'~')?;
    let len = rest.iter().take_while(|&&c| c == ch).count();
    if len < 3 || (ch == b'`' && rest[len..].contains(&b'`')) {
        return None;
    }
    Some((ch, len, indent > 0))
}

/// A closing fence: up to three spaces, at least `len` of `ch`, then only spaces.
fn closes_fence(line: &str, ch: u8, len: usize) -> bool {
    let indent = line.bytes().take_while(|&b| b == b' ').count();
    if indent > 3 {
        return false;
    }
    let rest = &line.as_bytes()[indent..];
    let run = rest.iter().take_while(|&&c| c == ch).count();
    run >= len && rest[run..].iter().all(|&b| b == b' ' || b == b'\t')
}

/// The start of an HTML block that ends at a marker rather than at a blank line (CommonMark
/// kinds 1 to 5): its end marker and the rest of the line. Looked for behind any indentation
/// and quote markers, which can only make the scanner more careful.
fn opens_html_block(line: &str) -> Option<(&'static str, &str)> {
    let rest = line.trim_start_matches([' ', '\t', '>']);
    let lower = |n: usize| rest.get(..n).map(str::to_ascii_lowercase);
    for (tag, end) in
        [("<pre", "</pre>"), ("<script", "</script>"), ("<style", "</style>"), ("<textarea", "</textarea>")]
    {
        if lower(tag.len()).as_deref() == Some(tag)
            && rest[tag.len()..].chars().next().is_none_or(|c| c == '>' || c.is_whitespace())
        {
            return Some((end, &rest[tag.len()..]));
        }
    }
    for (start, end) in [("<!--", "-->"), ("<?", "?>"), ("<![CDATA[", "]]>")] {
        if let Some(after) = rest.strip_prefix(start) {
            return Some((end, after));
        }
    }
    let after = rest.strip_prefix("<!")?;
    after.starts_with(|c: char| c.is_ascii_alphabetic()).then_some((">", after))
}

fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    h.len() >= n.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_before_headings_and_paragraphs_only_after_a_blank_line() {
        let text = "# A\n\npara\n\n# B\n\n- item\n\n1. one\n\ntext\nmore\n";
        let starts: Vec<&str> = cuts(text, 1).iter().map(|&c| &text[c..]).collect();
        let starts: Vec<&str> = starts.iter().map(|s| s.lines().next().unwrap_or("")).collect();
        assert_eq!(starts, ["para", "# B", "text"]);
    }

    #[test]
    fn no_cut_inside_fences_or_html_blocks() {
        let text = "# A\n\n```\n\n# not a heading\n\n```\n\n<!--\n\nhidden\n\n-->\n\nafter\nend\n";
        let starts: Vec<&str> = cuts(text, 1).iter().map(|&c| &text[c..c + 5]).collect();
        assert_eq!(starts, ["after"]);
    }

    #[test]
    fn an_indented_fence_that_a_column_0_line_meets_stops_cutting() {
        let text = "# A\n\n- item\n  ```\n\nplain\n\n  ```\n\n# B\n\nend\n";
        assert!(cuts(text, 1).is_empty());
    }
}
