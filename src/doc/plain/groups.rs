//! Splits the lines of a plain-text file into groups: runs of non-blank lines between blank
//! lines, with underlined headings, separator lines, page breaks and page furniture (RFC-style
//! running headers and footers) told apart so later passes never mistake them for prose.

use super::lines::{Item, char_len, indent_of, trim};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    /// Ordinary lines.
    Text,
    /// One title line underlined (and maybe overlined) with this character.
    Underlined(char),
    /// A line of repeated symbols: a horizontal rule.
    Separator,
    /// A form feed.
    PageBreak,
    /// A running page header or footer line.
    Furniture,
    /// A diagram or table drawn with rule lines between text lines: kept as it is.
    Figure,
}

#[derive(Debug, Clone)]
pub struct Group<'a> {
    pub kind: GroupKind,
    /// The lines, trailing whitespace removed; for `Underlined` only the title line.
    pub lines: Vec<&'a str>,
}

impl Group<'_> {
    pub fn single_line(&self) -> Option<&str> {
        (self.lines.len() == 1).then(|| self.lines[0])
    }
}

const RULE_CHARS: &str = "=-*~^#+_.─━═—–";

/// The character a separator/underline line repeats, if the line is one.
pub fn rule_char(line: &str) -> Option<char> {
    let t = trim(line);
    let mut chars = t.chars().filter(|c| *c != ' ');
    let first = chars.next()?;
    if !RULE_CHARS.contains(first) {
        return None;
    }
    let (mut same, mut total) = (1, 1);
    for c in chars {
        total += 1;
        if c == first {
            same += 1;
        }
    }
    // Some converters leave a broken character at the end of a long rule.
    (same >= 3 && same * 10 >= total * 9).then_some(first)
}

fn is_page_footer(line: &str) -> bool {
    let t = trim(line);
    t.ends_with(']') && t.rfind("[Page ").is_some_and(|i| t[i + 6..t.len() - 1].bytes().all(|c| c.is_ascii_digit()))
}

/// A header line right after a page break: columns separated by wide gaps.
fn is_page_header(line: &str) -> bool {
    trim(line).contains("   ") && char_len(line) <= 100
}

pub fn groups<'a>(items: &[Item<'a>]) -> Vec<Group<'a>> {
    let mut out: Vec<Group<'a>> = Vec::new();
    let mut cur: Vec<&'a str> = Vec::new();
    let mut after_break = false;
    for item in items {
        match *item {
            Item::Text(l) if trim(l).is_empty() => flush(&mut out, &mut cur, &mut after_break),
            Item::Text(l) => cur.push(l),
            Item::PageBreak => {
                flush(&mut out, &mut cur, &mut after_break);
                // A footer ending the page is furniture, not the last line of a paragraph.
                if let Some(last) = out.last_mut()
                    && last.kind == GroupKind::Text
                    && last.lines.last().is_some_and(|l| is_page_footer(l))
                {
                    let footer = last.lines.pop().unwrap_or_default();
                    if last.lines.is_empty() {
                        out.pop();
                    }
                    out.push(Group { kind: GroupKind::Furniture, lines: vec![footer] });
                }
                out.push(Group { kind: GroupKind::PageBreak, lines: Vec::new() });
                after_break = true;
            }
        }
    }
    flush(&mut out, &mut cur, &mut after_break);
    out
}

fn flush<'a>(out: &mut Vec<Group<'a>>, cur: &mut Vec<&'a str>, after_break: &mut bool) {
    if cur.is_empty() {
        return;
    }
    let mut lines = std::mem::take(cur);
    if *after_break && is_page_header(lines[0]) {
        out.push(Group { kind: GroupKind::Furniture, lines: vec![lines.remove(0)] });
    }
    *after_break = false;
    if lines.is_empty() {
        return;
    }
    if is_figure(&lines) {
        out.push(Group { kind: GroupKind::Figure, lines });
        return;
    }
    out.extend(split_underlines(lines));
}

/// Whether `rule` underlines `title` the way headings are underlined: a solid rule about as
/// long as the title and starting where it starts. A rule far longer, offset, or broken into
/// column pieces belongs to a drawing or a table instead.
fn underlines(title: &str, rule: &str) -> bool {
    let (t, r) = (trim(title), trim(rule));
    let (tl, rl) = (char_len(t), char_len(r));
    !t.contains("   ")
        && !r.contains(' ')
        && indent_of(title).abs_diff(indent_of(rule)) <= 2
        && rl * 2 >= tl
        && rl * 2 <= tl * 3 + 6
}

/// A run of lines with a rule line between two text lines that is not a title's underline:
/// the drawn boxes and column tables of RFC-style documents.
fn is_figure(lines: &[&str]) -> bool {
    (1..lines.len().saturating_sub(1)).any(|i| {
        rule_char(lines[i]).is_some()
            && rule_char(lines[i - 1]).is_none()
            && rule_char(lines[i + 1]).is_none()
            && !underlines(lines[i - 1], lines[i])
    })
}

/// Split a run of lines into text groups, underlined titles and separators.
fn split_underlines(lines: Vec<&str>) -> Vec<Group<'_>> {
    let mut out = Vec::new();
    let mut text: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let under = lines.get(i + 1).and_then(|u| rule_char(u));
        let title_like = rule_char(line).is_none() && char_len(trim(line)) <= 200;
        if let (Some(c), true) = (under, title_like)
            && underlines(line, lines[i + 1])
        {
            // An overline of the same character belongs to the title too.
            if text.last().is_some_and(|l| rule_char(l) == Some(c)) {
                text.pop();
            }
            if !text.is_empty() {
                out.push(Group { kind: GroupKind::Text, lines: std::mem::take(&mut text) });
            }
            out.push(Group { kind: GroupKind::Underlined(c), lines: vec![line] });
            i += 2;
            continue;
        }
        if rule_char(line).is_some() && (text.is_empty() || i + 1 == lines.len()) {
            if !text.is_empty() {
                out.push(Group { kind: GroupKind::Text, lines: std::mem::take(&mut text) });
            }
            out.push(Group { kind: GroupKind::Separator, lines: vec![line] });
            i += 1;
            continue;
        }
        text.push(line);
        i += 1;
    }
    if !text.is_empty() {
        out.push(Group { kind: GroupKind::Text, lines: text });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::lines::items;
    use super::*;

    fn kinds(text: &str) -> Vec<GroupKind> {
        groups(&items(text)).iter().map(|g| g.kind).collect()
    }

    #[test]
    fn underlines_make_titles() {
        let g = groups(&items("Title\n=====\n\nbody\n\nSub\n---\n"));
        assert_eq!(g[0].kind, GroupKind::Underlined('='));
        assert_eq!(g[0].lines, vec!["Title"]);
        assert_eq!(g[2].kind, GroupKind::Underlined('-'));
    }

    #[test]
    fn separators_and_page_breaks() {
        assert_eq!(
            kinds("a\n\n-----\n\nb\n\u{c}\nc"),
            vec![GroupKind::Text, GroupKind::Separator, GroupKind::Text, GroupKind::PageBreak, GroupKind::Text]
        );
    }

    #[test]
    fn rfc_page_furniture_is_set_apart() {
        let t = "   such as\n\nPfeiffer                 Informational                [Page 11]\n\u{c}\nRFC 3533                  OGG                   May 2003\n\n   more";
        assert_eq!(
            kinds(t),
            vec![GroupKind::Text, GroupKind::Furniture, GroupKind::PageBreak, GroupKind::Furniture, GroupKind::Text]
        );
    }

    #[test]
    fn drawings_with_rules_between_text_are_figures() {
        let rfc = "   Intro text here.\n\n          logical bitstream with packet boundaries\n -----------------------------------------------------------------\n > |       packet_1             | packet_2         |  <\n -----------------------------------------------------------------\n";
        assert!(kinds(rfc).contains(&GroupKind::Figure), "{:?}", kinds(rfc));
        let columns = "    name (5 segments)          other (4 segs)\n   ------------------------------ --------------------\n   |seg_1|seg_2| |seg_1|\n";
        assert_eq!(kinds(columns), vec![GroupKind::Figure]);
        // A real underline directly followed by text stays a heading.
        let heading = "Scope\n-----\nThis document covers things.\n";
        assert_eq!(kinds(heading)[0], GroupKind::Underlined('-'));
    }
}
