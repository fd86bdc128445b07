//! Accumulates one block's inline content: text with style runs and links, sanitised as it
//! is pushed, so the block builder only says what style is active.

use std::ops::Range;

use crate::doc::sanitize::placeholder;
use crate::doc::{Inline, Link, StyleRun, offset32};

/// Text being built for one block, plus its style runs and links.
#[derive(Debug, Default)]
pub struct StyledText {
    pub text: String,
    pub runs: Vec<StyleRun>,
    pub links: Vec<Link>,
}

impl StyledText {
    /// Append flowing text: tabs and line breaks become spaces (reflowable blocks never
    /// hold '\n'), other control characters become visible placeholders.
    pub fn push(&mut self, s: &str, style: Inline) {
        self.push_with(s, style, true);
    }

    /// Append preformatted text: tabs and line breaks stay (layout handles them), other
    /// control characters become visible placeholders.
    pub fn push_preformatted(&mut self, s: &str) {
        self.push_with(s, Inline::PLAIN, false);
    }

    fn push_with(&mut self, s: &str, style: Inline, flowing: bool) {
        let mut plain_from = 0;
        for (i, c) in s.char_indices() {
            let replacement = match c {
                '\t' | '\n' if !flowing => None,
                '\t' | '\n' | '\r' if flowing => Some((" ", style)),
                _ => placeholder(c).map(|p| (p, style.union(Inline::PLACEHOLDER))),
            };
            if let Some((rep, rep_style)) = replacement {
                self.push_raw(&s[plain_from..i], style);
                self.push_raw(rep, rep_style);
                plain_from = i + c.len_utf8();
            }
        }
        self.push_raw(&s[plain_from..], style);
    }

    /// Append text known to be safe, extending the previous run when the style continues.
    fn push_raw(&mut self, s: &str, style: Inline) {
        if s.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(s);
        if style == Inline::PLAIN {
            return;
        }
        let end = self.text.len();
        match self.runs.last_mut() {
            Some(last) if last.bytes().end == start && last.style == style => last.range.end = offset32(end),
            _ => self.runs.push(StyleRun::new(start..end, style)),
        }
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn ends_with_space(&self) -> bool {
        self.text.is_empty() || self.text.ends_with(' ')
    }

    pub fn add_link(&mut self, range: Range<usize>, url: String) {
        if range.start < range.end {
            self.links.push(Link::new(range, url));
        }
    }

    /// Drop leading/trailing spaces and collapse runs of spaces (left by dropped HTML tags
    /// and breaks), keeping runs and links pointing at the same characters.
    pub fn normalise_spaces(&mut self) {
        if !self.text.contains("  ") && !self.text.starts_with(' ') && !self.text.ends_with(' ') {
            return;
        }
        // old byte offset -> new byte offset, for every char boundary (plus the end).
        let mut map = Vec::with_capacity(self.text.len() + 1);
        let mut out = String::with_capacity(self.text.len());
        let mut prev_space = true;
        for c in self.text.chars() {
            for _ in 0..c.len_utf8() {
                map.push(out.len());
            }
            if c == ' ' {
                if !prev_space {
                    out.push(' ');
                }
                prev_space = true;
            } else {
                out.push(c);
                prev_space = false;
            }
        }
        map.push(out.len());
        if out.ends_with(' ') {
            out.pop();
        }
        let new_len = out.len();
        let remap = |r: Range<usize>| offset32(map[r.start].min(new_len))..offset32(map[r.end].min(new_len));
        for run in &mut self.runs {
            run.range = remap(run.bytes());
        }
        self.runs.retain(|r| r.range.start < r.range.end);
        for link in &mut self.links {
            link.range = remap(link.bytes());
        }
        self.links.retain(|l| l.range.start < l.range.end);
        self.text = out;
    }
}

/// Counts of open inline containers; the active style is derived from them.
#[derive(Debug, Default, Clone, Copy)]
pub struct StyleStack {
    pub strong: u16,
    pub emphasis: u16,
    pub strike: u16,
    pub link: u16,
}

impl StyleStack {
    pub fn current(&self) -> Inline {
        let mut s = Inline::PLAIN;
        if self.strong > 0 {
            s = s.union(Inline::BOLD);
        }
        if self.emphasis > 0 {
            s = s.union(Inline::ITALIC);
        }
        if self.strike > 0 {
            s = s.union(Inline::STRIKE);
        }
        if self.link > 0 {
            s = s.union(Inline::LINK);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_merge_and_controls_become_placeholders() {
        let mut t = StyledText::default();
        t.push("a", Inline::BOLD);
        t.push("b", Inline::BOLD);
        t.push("c\x1bd", Inline::PLAIN);
        assert_eq!(t.text, "abc^[d");
        assert_eq!(t.runs.len(), 2);
        assert_eq!(t.runs[0].range, 0..2);
        assert_eq!(t.runs[1].range, 3..5);
        assert!(t.runs[1].style.contains(Inline::PLACEHOLDER));
    }

    #[test]
    fn normalising_spaces_keeps_runs_on_their_words() {
        let mut t = StyledText::default();
        t.push("  x   ", Inline::PLAIN);
        t.push("bold", Inline::BOLD);
        t.push("  ", Inline::PLAIN);
        t.normalise_spaces();
        assert_eq!(t.text, "x bold");
        assert_eq!(t.runs[0].range, 2..6);
    }
}
