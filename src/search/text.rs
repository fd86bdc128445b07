//! Find in the open document (`/`, `n`, `N`): every occurrence of a literal or a regex in
//! block text, in document order, plus stepping from a position to the next/previous one.
//!
//! Rules:
//! - Literal by default. Regex when the caller asks for it (`regex_mode`) or when the input
//!   starts with `\v` (as in vim's "very magic"; the `\v` is removed): `\vcolou?r`.
//! - Smart case: case-insensitive unless the pattern has an uppercase letter. In regex mode,
//!   letters right after a backslash (`\S`, `\W`, `\p{Lu}`) do not count. Case folding is
//!   Unicode-aware (`é` finds `É`).
//! - Matching is within one block: paragraph text is already joined across the source's
//!   hard wraps, so a phrase that crosses screen lines is found. `^`/`$` match at line
//!   breaks inside code blocks. Empty matches (e.g. `\vx*`) are skipped.

use std::ops::Range;

use regex::{Regex, RegexBuilder};

use crate::doc::{Anchor, Document};

/// Larger compiled programs are refused rather than risking a slow search.
const SIZE_LIMIT: usize = 8 << 20;

/// A parsed `/` query.
#[derive(Debug, Clone)]
pub struct TextQuery {
    /// The pattern as the user meant it (without the `\v` prefix).
    pub pattern: String,
    pub is_regex: bool,
    pub case_sensitive: bool,
    regex: Regex,
}

/// One occurrence: a byte range in `doc.blocks[block].text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextMatch {
    pub block: usize,
    pub range: Range<usize>,
}

impl TextMatch {
    pub fn anchor(&self) -> Anchor {
        Anchor::new(self.block, self.range.start)
    }
}

impl TextQuery {
    /// Parse what the user typed. Err holds a one-line message for the status bar.
    pub fn parse(input: &str, regex_mode: bool) -> Result<TextQuery, String> {
        let (pattern, is_regex) = match input.strip_prefix("\\v") {
            Some(rest) => (rest, true),
            None => (input, regex_mode),
        };
        if pattern.is_empty() {
            return Err("empty search pattern".to_string());
        }
        let case_sensitive = if is_regex { regex_has_upper(pattern) } else { pattern.chars().any(char::is_uppercase) };
        let source = if is_regex { pattern.to_string() } else { regex::escape(pattern) };
        let regex = RegexBuilder::new(&source)
            .case_insensitive(!case_sensitive)
            .multi_line(true)
            .size_limit(SIZE_LIMIT)
            .build()
            .map_err(condense_error)?;
        Ok(TextQuery { pattern: pattern.to_string(), is_regex, case_sensitive, regex })
    }

    /// Occurrences in one string, skipping empty matches.
    pub fn find_in<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        self.regex.find_iter(text).filter(|m| !m.is_empty()).map(|m| m.range())
    }
}

/// Uppercase letters that are not part of an escape (`\W`, `\p{Lu}`, `\P{Greek}`).
fn regex_has_upper(pattern: &str) -> bool {
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            // Skip the escaped char, and a `{...}` class name after \p or \P.
            if matches!(chars.next(), Some('p' | 'P')) {
                if chars.clone().next() == Some('{') {
                    for c in chars.by_ref() {
                        if c == '}' {
                            break;
                        }
                    }
                } else {
                    chars.next();
                }
            }
        } else if c.is_uppercase() {
            return true;
        }
    }
    false
}

/// regex's syntax errors are multi-line diagrams; keep the line that says what is wrong.
fn condense_error(e: regex::Error) -> String {
    match e {
        regex::Error::CompiledTooBig(_) => "invalid regex: pattern too large".to_string(),
        regex::Error::Syntax(s) => {
            let line = s
                .lines()
                .find_map(|l| l.trim().strip_prefix("error:"))
                .map(str::trim)
                .or_else(|| s.lines().map(str::trim).rfind(|l| !l.is_empty()))
                .unwrap_or("syntax error");
            format!("invalid regex: {line}")
        }
        other => format!("invalid regex: {}", other.to_string().lines().next().unwrap_or("error")),
    }
}

/// Every occurrence in the document, in document order.
pub fn find_all(doc: &Document, q: &TextQuery) -> Vec<TextMatch> {
    let mut out = Vec::new();
    for (block, b) in doc.blocks.iter().enumerate() {
        out.extend(q.find_in(&b.text).map(|range| TextMatch { block, range }));
    }
    out
}

/// The match after (`forward`) or before `from`, strictly, wrapping around the document.
/// Returns its index and whether the search wrapped. None when there are no matches.
pub fn next_match(matches: &[TextMatch], from: Anchor, forward: bool) -> Option<(usize, bool)> {
    if matches.is_empty() {
        return None;
    }
    let at = |m: &TextMatch| m.anchor();
    if forward {
        let i = matches.partition_point(|m| at(m) <= from);
        if i < matches.len() { Some((i, false)) } else { Some((0, true)) }
    } else {
        let i = matches.partition_point(|m| at(m) < from);
        if i > 0 { Some((i - 1, false)) } else { Some((matches.len() - 1, true)) }
    }
}

/// The first match at or after `from` (for a fresh search from the top of the screen),
/// wrapping to the first match of the document.
pub fn first_match_from(matches: &[TextMatch], from: Anchor) -> Option<(usize, bool)> {
    if matches.is_empty() {
        return None;
    }
    let i = matches.partition_point(|m| m.anchor() < from);
    if i < matches.len() { Some((i, false)) } else { Some((0, true)) }
}
