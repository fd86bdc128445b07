//! Decides which groups are headings and of what style: decimal numbers (checked against the
//! running sequence so list items are not mistaken for sections), keyword numbers, underlines,
//! ALL-CAPS lines, contents titles and short title-like lines that stand above body text.

use super::groups::{Group, GroupKind};
use super::lines::{char_len, collapse, indent_of, trim};
use super::markers::{decimal_number, keyword_number, list_marker};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Style {
    Numbered(Vec<u32>),
    /// Keyword rank and the keyword in lower case.
    Keyword(i32, String),
    Underline(char),
    Caps,
    Standalone,
    /// "Table of Contents" and friends.
    Contents,
    /// A contents entry that is itself the structure (no body heading matches it).
    ContentsEntry,
    /// The document's title line.
    Title,
}

#[derive(Debug, Clone)]
pub struct Heading {
    /// Index of the group this heading came from.
    pub group: usize,
    pub style: Style,
    pub number: Option<String>,
    pub title: String,
    /// The following group was a subtitle merged into this heading ("CHAPTER I" / "Down the Rabbit-Hole").
    pub merged_next: bool,
}

pub fn ends_like_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['\'', '"', '’', '”', ')', ']', '_', '*']);
    s.ends_with(['.', ',', ';', ':', '!', '-', '—'])
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

pub fn is_contents_title(t: &str) -> bool {
    let t = t.trim_end_matches(['.', ':']).to_lowercase();
    matches!(t.as_str(), "table of contents" | "contents" | "content")
}

/// Text enough to count as the body under a heading.
fn is_body(g: Option<&Group>) -> bool {
    match g {
        Some(g) if g.kind == GroupKind::Text => {
            let columns = g.lines.iter().any(|l| trim(l).contains("   ") || trim(l).contains('\t'));
            !columns
                && list_marker(trim(g.lines[0])).is_none()
                && (g.lines.len() >= 2 || char_len(trim(g.lines[0])) >= 80)
        }
        _ => false,
    }
}

/// An indented line whose text below is indented further: a term of a definition list (the
/// options of a manual page), not a heading standing over its section.
fn is_definition_term(line: &str, next: Option<&Group>) -> bool {
    let own = indent_of(line);
    own >= 2 && next.is_some_and(|g| indent_of(g.lines[0]) > own)
}

/// Code-ish characters that never appear in a prose heading, or a "Field: value" line.
fn has_code_chars(t: &str) -> bool {
    let field = t.split_once(": ").is_some_and(|(k, _)| !k.contains(' '));
    field || t.contains(['[', ']', '{', '}', '<', '>', '=', '_', '|', '$', '\\', '@', '#'])
}

/// "A. Standard Resolution Procedure": an appendix letter, a period and a title.
fn lettered(t: &str) -> Option<(&str, &str)> {
    let b = t.as_bytes();
    if b.len() < 4 || !b[0].is_ascii_uppercase() || b[1] != b'.' || b[2] != b' ' {
        return None;
    }
    let rest = &t[3..];
    rest.chars().next().filter(|c| c.is_uppercase())?;
    (words(rest) <= 10 && !ends_like_sentence(rest)).then_some((&t[..1], rest))
}

fn is_caps(t: &str) -> bool {
    if has_code_chars(t) || t.contains(':') {
        return false;
    }
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4 && !t.chars().any(|c| c.is_lowercase())
}

/// One word chained from three or more parts by hyphens or underscores (END-INFO-DIR-ENTRY,
/// LD_LIBRARY_PATH): a name from a file format or a program, not a title.
pub fn is_identifier(t: &str) -> bool {
    !t.contains(' ') && t.split(['-', '_']).filter(|p| !p.is_empty()).count() >= 3
}

/// The heading `groups[i]` would be, judged on its own and its neighbour.
pub fn candidate(groups: &[Group], i: usize) -> Option<Heading> {
    let g = &groups[i];
    let first = *g.lines.first()?;
    let t = collapse(first);
    // Lines carrying terminal escapes are captured program output (logs), not headings.
    if t.chars().any(char::is_control) {
        return None;
    }
    let heading = |style, number: Option<&str>, title: &str| {
        Some(Heading {
            group: i,
            style,
            number: number.map(str::to_string),
            title: title.to_string(),
            merged_next: false,
        })
    };
    if let GroupKind::Underlined(c) = g.kind {
        let plausible = t.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && !has_code_chars(&t)
            && !ends_like_sentence(&t);
        if !plausible {
            return None;
        }
        if let Some((parts, num, rest)) = decimal_number(&t) {
            return heading(Style::Numbered(parts), Some(num), rest.trim_end_matches('.'));
        }
        if let Some((rank, kw, num, rest)) = keyword_number(&t) {
            return heading(Style::Keyword(rank, kw.to_lowercase()), Some(num), rest);
        }
        return heading(Style::Underline(c), None, &t);
    }
    if g.kind != GroupKind::Text || t.is_empty() {
        return None;
    }
    let single = g.lines.len() == 1;
    if single && is_contents_title(&t) {
        return heading(Style::Contents, None, t.trim_end_matches(['.', ':']));
    }
    if indent_of(first) <= 3
        && g.lines.len() <= 4
        && let Some((parts, num, rest)) = decimal_number(&t)
    {
        let mut title = rest.to_string();
        for l in &g.lines[1..] {
            title.push(' ');
            title.push_str(trim(l));
        }
        let title = collapse(&title);
        let continuation_ok = g.lines[1..].iter().all(|l| list_marker(trim(l)).is_none());
        let short_sentence = single && title.ends_with('.') && words(&title) <= 8;
        if continuation_ok
            && char_len(&title) <= 200
            && (!ends_like_sentence(&title) || title.ends_with('!') || short_sentence)
        {
            let title = title.trim_end_matches('.');
            return heading(Style::Numbered(parts), Some(num), title);
        }
        return None;
    }
    if !single {
        return None;
    }
    if indent_of(first) <= 1
        && let Some((letter, rest)) = lettered(&t)
    {
        return heading(Style::Keyword(20, "appendix".into()), Some(letter), rest);
    }
    if let Some((rank, kw, num, rest)) = keyword_number(&t) {
        if char_len(rest) > 100 || (ends_like_sentence(rest) && words(rest) > 8) {
            return None;
        }
        let mut h = heading(Style::Keyword(rank, kw.to_lowercase()), Some(num), rest.trim_end_matches('.'))?;
        if rest.is_empty()
            && let Some(sub) = groups.get(i + 1).filter(|n| n.kind == GroupKind::Text).and_then(|n| n.single_line())
        {
            let sub = collapse(sub);
            let plausible = char_len(&sub) <= 70
                && !sub.contains(". ")
                && !ends_like_sentence(&sub)
                && sub.chars().next().is_some_and(|c| c.is_uppercase())
                && keyword_number(&sub).is_none()
                && decimal_number(&sub).is_none()
                && list_marker(&sub).is_none();
            if plausible {
                h.title = sub;
                h.merged_next = true;
            }
        }
        return Some(h);
    }
    if list_marker(&t).is_some() || char_len(&t) > 70 || words(&t) > 10 || ends_like_sentence(&t) {
        return None;
    }
    if trim(first).contains("   ") || trim(first).contains('\t') || is_identifier(&t) {
        return None;
    }
    if is_caps(&t) {
        return heading(Style::Caps, None, &t);
    }
    let starts_upper = t.chars().next().is_some_and(|c| c.is_uppercase());
    // A copyright line stands alone above the licence text but is not a section.
    let notice = t.contains('©')
        || t.contains("(C)")
        || (t.starts_with("Copyright") && t.contains(|c: char| c.is_ascii_digit()));
    let sentence = t.contains(". ");
    let first_word_letter = t.split(' ').next().is_some_and(|w| w.chars().count() == 1 && w != "A");
    if starts_upper
        && !notice
        && !sentence
        && !first_word_letter
        && !has_code_chars(&t)
        && !t.ends_with('?')
        && is_body(groups.get(i + 1))
        && !is_definition_term(first, groups.get(i + 1))
    {
        return heading(Style::Standalone, None, &t);
    }
    None
}

/// Whether decimal number `p` can follow `last` (the previous accepted one): the next sibling
/// at some depth (allowing a small gap), or a first child.
pub fn follows(last: Option<&[u32]>, p: &[u32]) -> bool {
    let starts = |s: &[u32]| s.iter().all(|n| *n <= 1);
    let Some(last) = last else {
        return p[0] <= 2 && starts(&p[1..]);
    };
    let i = p.iter().zip(last).take_while(|(a, b)| a == b).count();
    if i == p.len() {
        return false;
    }
    if i < last.len() { p[i] > last[i] && p[i] <= last[i] + 3 && starts(&p[i + 1..]) } else { starts(&p[i..]) }
}

#[cfg(test)]
mod tests {
    use super::super::groups::groups;
    use super::super::lines::items;
    use super::*;

    fn first_heading(text: &str) -> Option<Heading> {
        let g = groups(&items(text));
        candidate(&g, 0)
    }

    #[test]
    fn numbered_heading_splits_number_and_title() {
        let h = first_heading("2.3 Scope\n\nBody text here\nand more.").unwrap();
        assert_eq!((h.number.as_deref(), h.title.as_str()), (Some("2.3"), "Scope"));
        assert_eq!(h.style, Style::Numbered(vec![2, 3]));
    }

    #[test]
    fn wrapped_faq_question_is_one_heading_but_long_item_is_not() {
        let h = first_heading("4.1. On what hardware does Debian\nrun?\n\n    Body.").unwrap();
        assert_eq!(h.title, "On what hardware does Debian run?");
        assert!(
            first_heading("7. This requirement modifies the requirement in section 4 to\n\"keep intact all notices\".")
                .is_none()
        );
    }

    #[test]
    fn caps_line_is_a_heading_but_caps_paragraph_is_not() {
        assert!(first_heading("END-INFO-DIR-ENTRY\n\nFile: sed.info").is_none(), "an identifier");
        assert!(first_heading("LD_LIBRARY_PATH\n\nwhere libraries are found").is_none(), "an identifier");
        assert!(first_heading("PART-TIME WORK\n\nSome words.").is_some(), "hyphenated words with spaces are titles");
        assert_eq!(first_heading("TERMS AND CONDITIONS\n\n  0. Definitions.").unwrap().style, Style::Caps);
        assert!(first_heading("THE PROGRAM IS PROVIDED AS IS.\nWITHOUT WARRANTY OF ANY KIND").is_none());
    }

    #[test]
    fn standalone_line_needs_body_after_it() {
        assert_eq!(
            first_heading("Abstract\n\nThis manual documents what\nyou need.").unwrap().style,
            Style::Standalone
        );
        assert!(first_heading("Andrew G. Morgan\n\n<morgan@kernel.org>").is_none());
        assert!(first_heading("It was late.\n\nThe body\ncontinues.").is_none());
    }

    #[test]
    fn keyword_heading_merges_its_subtitle() {
        let h = first_heading("      CHAPTER I\n\n   Down the Rabbit-Hole\n\n  Alice was\nbeginning").unwrap();
        assert_eq!(
            (h.number.as_deref(), h.title.as_str(), h.merged_next),
            (Some("CHAPTER I"), "Down the Rabbit-Hole", true)
        );
    }

    #[test]
    fn numbering_sequence() {
        assert!(follows(None, &[1]));
        assert!(follows(Some(&[1]), &[1, 1]));
        assert!(follows(Some(&[1, 3, 2]), &[2]));
        assert!(!follows(Some(&[1, 3, 2]), &[1]));
        assert!(!follows(Some(&[4, 1]), &[9]));
    }
}
