//! Recognises the prefixes that give a line its shape: list bullets and item numbers,
//! decimal section numbers ("2.3.1") and keyword numbers ("Chapter IV", "PART ONE").

use super::lines::is_space;

/// A list marker at the start of a (left-trimmed) line and the text after it.
pub fn list_marker(s: &str) -> Option<(&str, &str)> {
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if matches!(first, '•' | '-' | '*' | '·' | '‣' | '◦' | '▪' | '–' | 'o' | '+') {
        let rest = &s[first.len_utf8()..];
        if rest.starts_with(' ') || rest.starts_with('\t') {
            let text = rest.trim_start_matches(is_space);
            if !text.is_empty() {
                return Some((&s[..first.len_utf8()], text));
            }
        }
        return None;
    }
    let end = numbered_marker_len(s)?;
    let text = s[end..].trim_start_matches(is_space);
    if text.is_empty() || end == s.len() || !s[end..].starts_with(is_space) {
        return None;
    }
    Some((&s[..end], text))
}

/// Length of "1.", "1.2.", "1)", "a)", "(iv)", "b." at the start of `s`.
fn numbered_marker_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.first() == Some(&b'(') {
        let close = b[..b.len().min(8)].iter().position(|&c| c == b')')?;
        let inner = &s[1..close];
        let ok = !inner.is_empty()
            && (inner.bytes().all(|c| c.is_ascii_digit()) || inner.bytes().all(|c| c.is_ascii_lowercase()));
        return ok.then_some(close + 1);
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits <= 3 {
        let mut i = digits;
        loop {
            match b.get(i) {
                Some(b')') => return Some(i + 1),
                Some(b'.') => {
                    let more = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
                    if more == 0 {
                        return Some(i + 1);
                    }
                    i += 1 + more;
                }
                _ => return None,
            }
        }
    }
    if b.len() >= 2 && b[0].is_ascii_alphabetic() && (b[1] == b')' || (b[1] == b'.' && b[0].is_ascii_lowercase())) {
        return Some(2);
    }
    None
}

/// A decimal section number at the start of `s`: its parts and the rest of the line.
/// "2.3 Scope", "2.3. Scope", "10. Patents." all count; "2.3" alone does not.
pub fn decimal_number(s: &str) -> Option<(Vec<u32>, &str, &str)> {
    let b = s.as_bytes();
    let mut parts = Vec::new();
    let mut i = 0;
    loop {
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || digits > 3 {
            return None;
        }
        parts.push(s[i..i + digits].parse().ok()?);
        i += digits;
        if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
            continue;
        }
        break;
    }
    let number = s[..i].to_string();
    let mut end = i;
    if b.get(end) == Some(&b'.') {
        end += 1;
    } else if parts.len() == 1 {
        // A bare "3 Things" is too often a sentence starting with a count.
        return None;
    }
    let rest = &s[end..];
    if !rest.starts_with(is_space) {
        return None;
    }
    let rest = rest.trim_start_matches(is_space);
    let first = rest.chars().next()?;
    if !(first.is_uppercase()
        || (parts.len() > 1 && first.is_alphabetic())
        || first == '"'
        || first == '('
        || first == '`'
        || first == '\''
        || first == '‘'
        || first == '“'
        || first == '«'
        || first == '„')
    {
        return None;
    }
    Some((parts, &s[..number.len()], rest))
}

/// Rank of a structural keyword (smaller is bigger), if `word` is one.
pub fn keyword_rank(word: &str) -> Option<i32> {
    let w = word.to_ascii_lowercase();
    Some(match w.as_str() {
        "book" | "volume" => 10,
        "part" => 15,
        "act" | "chapter" | "appendix" | "annex" => 20,
        "article" | "amendment" => 30,
        "section" | "scene" => 40,
        _ => return None,
    })
}

const NUMBER_WORDS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

fn is_number_token(t: &str) -> bool {
    let t = t.trim_end_matches(['.', ':']);
    if t.is_empty() || t.len() > 9 {
        return false;
    }
    if t.bytes().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let upper = t.to_ascii_uppercase();
    if upper.bytes().all(|c| b"IVXLCDM".contains(&c)) && (t == upper || t == t.to_ascii_lowercase()) {
        return true;
    }
    if t.len() == 1 && t.as_bytes()[0].is_ascii_uppercase() {
        return true;
    }
    NUMBER_WORDS.contains(&t.to_ascii_lowercase().as_str())
}

/// A keyword heading: "Chapter IV", "CHAPTER 1. Title", "SCENE I\tOrchard", "Section 3.".
/// Returns (rank, keyword, number text like "Chapter IV", title rest).
pub fn keyword_number(s: &str) -> Option<(i32, &str, &str, &str)> {
    let kw_end = s.find(is_space)?;
    let kw = &s[..kw_end];
    if !kw.chars().next()?.is_uppercase() {
        return None;
    }
    let rank = keyword_rank(kw)?;
    let after = s[kw_end..].trim_start_matches(is_space);
    let tok_end = after.find(is_space).unwrap_or(after.len());
    let tok = &after[..tok_end];
    if !is_number_token(tok) {
        return None;
    }
    let num_len = s.len() - after.len() + tok.trim_end_matches(['.', ':']).len();
    let rest = after[tok_end..].trim_start_matches(|c: char| is_space(c) || c == '-' || c == '—' || c == '–');
    // "Sections 1 and 2 shall ..." style sentences are not headings; neither is a lowercase run-on.
    if rest.chars().next().is_some_and(|c| c.is_lowercase()) {
        return None;
    }
    Some((rank, kw, &s[..num_len], rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_and_numbers_are_list_markers() {
        assert_eq!(list_marker("• Guidance Framework"), Some(("•", "Guidance Framework")));
        assert_eq!(list_marker("o item"), Some(("o", "item")));
        assert_eq!(list_marker("1.1. What is this FAQ?"), Some(("1.1.", "What is this FAQ?")));
        assert_eq!(list_marker("a) first"), Some(("a)", "first")));
        assert_eq!(list_marker("(iv) fourth"), Some(("(iv)", "fourth")));
        assert_eq!(list_marker("outside"), None);
        assert_eq!(list_marker("-5 degrees"), None);
    }

    #[test]
    fn decimal_numbers_need_a_title() {
        let (parts, num, rest) = decimal_number("2.3.1 Scope of work").unwrap();
        assert_eq!((parts, num, rest), (vec![2, 3, 1], "2.3.1", "Scope of work"));
        assert_eq!(decimal_number("10. Patents.").unwrap().1, "10");
        assert!(decimal_number("3 apples").is_none());
        assert!(decimal_number("2003.").is_none());
        // A title may open with any opening quote (GNU manuals quote command names: sed.info).
        assert_eq!(decimal_number("3.1 ‘sed’ script overview").unwrap().2, "‘sed’ script overview");
        assert_eq!(decimal_number("2.4 « Guillemets »").unwrap().1, "2.4");
    }

    #[test]
    fn keyword_numbers() {
        assert_eq!(keyword_number("CHAPTER I"), Some((20, "CHAPTER", "CHAPTER I", "")));
        assert_eq!(keyword_number("Chapter 1. Introduction").map(|k| (k.2, k.3)), Some(("Chapter 1", "Introduction")));
        assert_eq!(keyword_number("PART ONE").map(|k| k.2), Some("PART ONE"));
        assert_eq!(keyword_number("SCENE I\tOrchard").map(|k| k.3), Some("Orchard"));
        assert!(keyword_number("Sections 1 and 2 shall take effect").is_none());
        assert!(keyword_number("Section 1 shall apply").is_none());
        assert!(keyword_number("SCENE\tOliver's house").is_none());
    }
}
