//! Contents blocks: finds the entries after a "Table of Contents" title and decides whether
//! they point at body headings (then they stay plain text and the body headings form the
//! tree) or are the only structure the document has (then they become the tree).

use super::Role;
use super::blocks::{is_list, is_preformatted};
use super::groups::{Group, GroupKind};
use super::headings::{Style, ends_like_sentence};
use super::lines::{collapse, trim};
use super::markers::{decimal_number, keyword_number, list_marker};
use std::collections::HashMap;

/// A title reduced to what a contents line and its body heading share.
pub fn normalize(s: &str) -> String {
    let mut t = collapse(s);
    if let Some((_, text)) = list_marker(&t) {
        t = text.to_string();
    }
    if let Some((_, _, rest)) = decimal_number(&t) {
        t = rest.to_string();
    } else if let Some((_, _, _, rest)) = keyword_number(&t) {
        t = rest.to_string();
    }
    // Dot leaders and a trailing page number.
    let t = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '.');
    t.to_lowercase()
}

fn region_entries(g: &Group, wrap: usize) -> Option<Vec<String>> {
    if g.kind != GroupKind::Text {
        return None;
    }
    if is_list(&g.lines) || is_preformatted(&g.lines, wrap) {
        return Some(g.lines.iter().map(|l| normalize(l)).filter(|e| !e.is_empty()).collect());
    }
    let line = g.single_line()?;
    (!ends_like_sentence(trim(line))).then(|| vec![normalize(line)])
}

/// Apply the contents rules to every contents title in `roles`.
pub fn apply(groups: &[Group], roles: &mut [Role], wrap: usize) {
    // Last heading index per normalised title, so each lookup is O(1) however many contents blocks.
    let mut last_heading: HashMap<String, usize> = HashMap::new();
    if roles.iter().any(|r| matches!(r, Role::Heading(h) if h.style == Style::Contents)) {
        for (i, r) in roles.iter().enumerate() {
            if let Role::Heading(h) = r {
                last_heading.insert(normalize(&h.title), i);
            }
        }
    }
    let mut named = None;
    for c in 0..groups.len() {
        if !matches!(&roles[c], Role::Heading(h) if h.style == Style::Contents) {
            continue;
        }
        let mut entries = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut end = c + 1;
        while end < groups.len() {
            match region_entries(&groups[end], wrap) {
                // The first title seen twice is the body heading the contents pointed to.
                Some(e) if e.len() == 1 && seen.contains(&e[0]) => break,
                Some(e) => {
                    seen.extend(e.iter().cloned());
                    entries.extend(e);
                }
                None => break,
            }
            end += 1;
        }
        if entries.is_empty() {
            continue;
        }
        let matched = entries.iter().filter(|e| last_heading.get(*e).is_some_and(|&i| i >= end)).count();
        if matched * 2 >= entries.len() {
            for r in &mut roles[c + 1..end] {
                if matches!(r, Role::Heading(_)) {
                    *r = Role::Body;
                }
            }
            promote_named_lines(groups, roles, &entries, end, &last_heading, &mut named);
            continue;
        }
        if matched > 0 || groups[c + 1..end].iter().any(|g| is_preformatted(&g.lines, wrap) && !is_list(&g.lines)) {
            continue;
        }
        for (i, g) in groups.iter().enumerate().take(end).skip(c + 1) {
            roles[i] = if is_list(&g.lines) {
                Role::ContentsItems
            } else {
                let title = collapse(g.lines[0]);
                Role::Heading(Box::new(super::headings::Heading {
                    group: i,
                    style: Style::ContentsEntry,
                    number: None,
                    title,
                    merged_next: false,
                }))
            };
        }
    }
}

/// Lines that could be named headings (a one-line body group, short, not a sentence), by
/// normalised title, in document order: built once, so a file with many contents blocks is not
/// scanned once per block.
type NamedLines = HashMap<String, Vec<usize>>;

fn named_lines(groups: &[Group], roles: &[Role]) -> NamedLines {
    let mut out: NamedLines = HashMap::new();
    for (i, g) in groups.iter().enumerate() {
        let Some(line) = g.single_line().filter(|_| g.kind == GroupKind::Text) else { continue };
        let title = collapse(line);
        if matches!(roles[i], Role::Body) && title.chars().count() <= 70 && !ends_like_sentence(&title) {
            out.entry(normalize(&title)).or_default().push(i);
        }
    }
    out
}

/// A contents entry with no heading found for it names a line of the body that stood alone but
/// was passed over (say, above a one-line paragraph): the contents vouch for it as a heading.
/// Each such entry takes the first line after the contents that it names and that is still
/// plain body.
fn promote_named_lines(
    groups: &[Group],
    roles: &mut [Role],
    entries: &[String],
    from: usize,
    last_heading: &HashMap<String, usize>,
    named: &mut Option<NamedLines>,
) {
    let wanted = entries.iter().filter(|e| !e.is_empty() && last_heading.get(*e).is_none_or(|&i| i < from));
    for e in wanted {
        let lines = named.get_or_insert_with(|| named_lines(groups, roles));
        let Some(candidates) = lines.get(e) else { continue };
        let start = candidates.partition_point(|&i| i < from);
        let Some(&i) = candidates[start..].iter().find(|&&i| matches!(roles[i], Role::Body)) else { continue };
        let title = collapse(groups[i].lines[0]);
        roles[i] = Role::Heading(Box::new(super::headings::Heading {
            group: i,
            style: Style::Standalone,
            number: None,
            title,
            merged_next: false,
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contents_lines_normalize_like_body_headings() {
        assert_eq!(normalize("   1. Introduction . . . . . . . .   2"), "introduction");
        assert_eq!(normalize("* 1.1. Scope"), "scope");
        assert_eq!(normalize("Chapter 2. The Debian Archive"), "the debian archive");
    }
}
