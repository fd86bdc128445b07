//! Finds the document title and turns heading styles into tree levels: numbering depth and
//! keyword rank give fixed ranks, unnumbered headings sit beside the top numbered level (or
//! above the run of numbered headings they introduce), and a stack nests them.

use super::Role;
use super::blocks::is_preformatted;
use super::groups::{Group, GroupKind};
use super::headings::{Heading, Style, ends_like_sentence, is_identifier};
use super::lines::{char_len, collapse, indent_of, trim};
use super::markers::list_marker;

const CENTERED: usize = 8;

fn title_like(line: &str) -> bool {
    let t = collapse(line);
    let n = char_len(&t);
    (3..=100).contains(&n)
        && !ends_like_sentence(&t)
        && list_marker(&t).is_none()
        && !is_identifier(&t)
        && t.chars().any(|c| c.is_alphabetic())
        && !t.chars().next().is_some_and(|c| c.is_lowercase())
        // A line carrying terminal escapes is captured output (a log), never a title.
        && !t.chars().any(char::is_control)
}

/// Index of the group holding the title line, splitting a centered title block
/// ("GNU GENERAL PUBLIC LICENSE" / "Version 3, ...") so the title is a group of its own.
pub fn find_title(groups: &mut Vec<Group>, wrap: usize) -> Option<usize> {
    for i in 0..groups.len().min(12) {
        let g = &groups[i];
        match g.kind {
            GroupKind::Underlined(_) => return Some(i),
            GroupKind::Text => {}
            _ => continue,
        }
        let centered = g.lines.iter().all(|l| indent_of(l) >= CENTERED);
        if g.lines.len() == 1 && title_like(g.lines[0]) {
            return Some(i);
        }
        if g.lines.len() <= 3 && centered && title_like(g.lines[0]) {
            let rest = groups[i].lines.split_off(1);
            groups.insert(i + 1, Group { kind: GroupKind::Text, lines: rest });
            return Some(i);
        }
        let prose =
            !is_preformatted(&g.lines, wrap) && (g.lines.len() >= 3 || g.lines.iter().any(|l| char_len(l) > 100));
        let numbered = g.lines.first().is_some_and(|l| super::markers::decimal_number(trim(l)).is_some());
        if prose || numbered {
            return None;
        }
    }
    None
}

/// Demote the centered lines under the title (author, edition) from headings to text.
pub fn demote_title_page(groups: &[Group], roles: &mut [Role], title: usize) {
    for i in title + 1..groups.len() {
        let g = &groups[i];
        let centered_line = g.kind == GroupKind::Text && g.lines.len() == 1 && indent_of(g.lines[0]) >= CENTERED;
        if !centered_line {
            return;
        }
        if let Role::Heading(h) = &roles[i]
            && matches!(h.style, Style::Caps | Style::Standalone)
        {
            roles[i] = Role::Body;
        }
    }
}

fn fixed_rank(h: &Heading) -> Option<i32> {
    match &h.style {
        Style::Numbered(p) => Some(10 + 10 * p.len().min(20) as i32),
        Style::Keyword(r, _) => Some(*r),
        _ => None,
    }
}

/// A rank per heading group (index-aligned with `roles`, None for non-headings).
pub fn ranks(roles: &[Role]) -> Vec<Option<i32>> {
    let heads: Vec<(usize, &Heading)> = roles
        .iter()
        .enumerate()
        .filter_map(|(i, r)| match r {
            Role::Heading(h) => Some((i, &**h)),
            _ => None,
        })
        .collect();
    let has_fixed = heads.iter().any(|(_, h)| fixed_rank(h).is_some());
    let mut unnumbered = heads.iter().filter_map(|(_, h)| fixed_rank(h)).min().unwrap_or(20);
    let mut underline_order: Vec<char> = Vec::new();
    let mut out = vec![None; roles.len()];
    let mut contents_rank = unnumbered;
    for (k, &(i, h)) in heads.iter().enumerate() {
        let rank = match &h.style {
            Style::Title => 0,
            Style::Numbered(_) | Style::Keyword(..) => fixed_rank(h).unwrap_or(20),
            Style::ContentsEntry => contents_rank + 1,
            Style::Underline(c) if !has_fixed => {
                if !underline_order.contains(c) {
                    underline_order.push(*c);
                }
                let pos = underline_order.iter().position(|x| x == c).unwrap_or(0);
                20 + 10 * pos as i32
            }
            _ => {
                // A heading straight above a numbered run, or named as their plural
                // ("Amendments" over "Amendment I"), is their parent from here on.
                let next = heads.get(k + 1).and_then(|&(j, n)| fixed_rank(n).map(|r| (j, n, r)));
                if let Some((j, n, r)) = next {
                    let adjacent = roles[i + 1..j].iter().all(|x| matches!(x, Role::Skip));
                    let plural = match &n.style {
                        Style::Keyword(_, kw) => h.title.to_lowercase() == format!("{kw}s"),
                        _ => false,
                    };
                    if adjacent || plural {
                        unnumbered = unnumbered.min(r - 5);
                    }
                }
                if h.style == Style::Contents {
                    contents_rank = unnumbered;
                }
                unnumbered
            }
        };
        out[i] = Some(rank);
    }
    out
}
