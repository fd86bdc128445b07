//! Query terms and the word-level fuzzy scorer used for body text and notes: a term must
//! match, in order, inside one whitespace-separated word. Scores use the same scale as
//! fuzzy-matcher's skim scorer (16 per matched char, bonuses for word heads and runs,
//! affine gap penalties) so title and text scores can be compared.
//!
//! ASCII terms are matched on bytes with ASCII case folding (fast path, byte offsets are
//! char boundaries because every matched byte is ASCII); other terms are matched on chars,
//! folding each char to the first char of its lowercase form so indices stay one-to-one.

const MATCH: i64 = 16;
const HEAD: i64 = 8;
const CAMEL: i64 = 6;
const CONSECUTIVE: i64 = 4;
const GAP_START: i64 = -3;
const GAP_EXTEND: i64 = -1;
const EXACT_WORD: i64 = 8;
/// Terms further apart than this many bytes get no proximity bonus.
const NEAR_BYTES: usize = 80;
/// A "word" longer than this (URLs, base64 runs) is only searched near the occurrence.
const MAX_BEFORE: usize = 24;
const MAX_AFTER: usize = 64;

/// One whitespace-separated part of a query.
#[derive(Debug, Clone)]
pub(crate) struct Term {
    pub raw: String,
    pub case_sensitive: bool,
    /// ASCII terms: the bytes to compare against (lowercased unless case-sensitive).
    pub bytes: Option<Vec<u8>>,
    /// Non-ASCII terms: the chars to compare against (folded unless case-sensitive).
    pub chars: Vec<char>,
}

pub(crate) fn parse_terms(query: &str) -> Vec<Term> {
    query.split_whitespace().map(Term::new).collect()
}

impl Term {
    fn new(raw: &str) -> Term {
        let case_sensitive = raw.chars().any(char::is_uppercase);
        let fold = |c: char| if case_sensitive { c } else { fold_char(c) };
        let bytes = raw
            .is_ascii()
            .then(|| raw.bytes().map(|b| if case_sensitive { b } else { b.to_ascii_lowercase() }).collect());
        Term { raw: raw.to_string(), case_sensitive, bytes, chars: raw.chars().map(fold).collect() }
    }

    /// Best score a single word can give this term short of an exact whole-word match:
    /// the term as a word prefix. Reaching it ends the scan of a block early.
    fn prefix_score(&self) -> i64 {
        let n = self.chars.len() as i64;
        MATCH * n + 2 * HEAD + CONSECUTIVE * (n - 1)
    }
}

pub(crate) fn fold_char(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Fold a string char by char (same char count as the input).
pub(crate) fn fold_str(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Reusable buffers so the per-candidate loop does not allocate.
#[derive(Default)]
pub(crate) struct Scratch {
    low: Vec<u8>,
    chars: Vec<char>,
    low_chars: Vec<char>,
    offsets: Vec<usize>,
    win_pos: Vec<usize>,
}

/// Score `text` against all terms (each must match); with `positions`, also collect the
/// matched byte offsets, ascending and deduplicated.
pub(crate) fn match_text(
    text: &str,
    terms: &[Term],
    scratch: &mut Scratch,
    mut positions: Option<&mut Vec<usize>>,
) -> Option<i64> {
    let mut total = 0;
    let (mut lo, mut hi) = (usize::MAX, 0);
    for term in terms {
        let (score, start) = match &term.bytes {
            Some(b) => best_ascii(text.as_bytes(), b, term, scratch, positions.as_deref_mut())?,
            None => best_chars(text, term, scratch, positions.as_deref_mut())?,
        };
        total += score;
        lo = lo.min(start);
        hi = hi.max(start);
    }
    if terms.len() > 1 && hi - lo <= NEAR_BYTES {
        total += MATCH * (terms.len() as i64 - 1);
    }
    if let Some(p) = positions {
        p.sort_unstable();
        p.dedup();
    }
    Some(total)
}

fn is_space(b: u8) -> bool {
    b.is_ascii_whitespace()
}

/// Best word for an ASCII term: (score, byte where the match begins).
fn best_ascii(
    text: &[u8],
    term: &[u8],
    t: &Term,
    s: &mut Scratch,
    positions: Option<&mut Vec<usize>>,
) -> Option<(i64, usize)> {
    let first = term[0];
    let alt = if t.case_sensitive { first } else { first.to_ascii_uppercase() };
    let bound = t.prefix_score();
    let mut best: Option<(i64, usize, usize, usize)> = None; // score, start, win_start, win_end
    let mut i = 0;
    while i < text.len() {
        let Some(off) = text[i..].iter().position(|&b| b == first || b == alt) else { break };
        let j = i + off;
        let mut ws = j;
        while ws > 0 && j - ws < MAX_BEFORE && !is_space(text[ws - 1]) {
            ws -= 1;
        }
        let mut we = j + 1;
        while we < text.len() && we - j < MAX_AFTER && !is_space(text[we]) {
            we += 1;
        }
        let win = &text[ws..we];
        s.low.clear();
        s.low.extend(win.iter().map(|&b| if t.case_sensitive { b } else { b.to_ascii_lowercase() }));
        let word_start = ws == 0 || is_space(text[ws - 1]);
        let word_end = we == text.len() || is_space(text[we]);
        let role = |k: usize| byte_role(win, k, word_start);
        if let Some((score, at)) = score_window(term, &s.low, role, word_start && word_end, None)
            && best.is_none_or(|b| score > b.0)
        {
            best = Some((score, ws + at, ws, we));
            if score >= bound {
                break;
            }
        }
        i = we.max(j + 1);
    }
    let (score, start, ws, we) = best?;
    if let Some(p) = positions {
        // Re-run on the winning window only, this time recording positions.
        let win = &text[ws..we];
        s.low.clear();
        s.low.extend(win.iter().map(|&b| if t.case_sensitive { b } else { b.to_ascii_lowercase() }));
        let word_start = ws == 0 || is_space(text[ws - 1]);
        let word_end = we == text.len() || is_space(text[we]);
        s.win_pos.clear();
        score_window(term, &s.low, |k| byte_role(win, k, word_start), word_start && word_end, Some(&mut s.win_pos));
        p.extend(s.win_pos.iter().map(|k| ws + k));
    }
    Some((score, start))
}

fn byte_role(win: &[u8], k: usize, at_word_start: bool) -> i64 {
    if k == 0 {
        return if at_word_start { HEAD } else { 0 };
    }
    let (prev, cur) = (win[k - 1], win[k]);
    if prev.is_ascii() && !prev.is_ascii_alphanumeric() {
        HEAD
    } else if prev.is_ascii_lowercase() && cur.is_ascii_uppercase() {
        CAMEL
    } else {
        0
    }
}

/// Best word for a non-ASCII term, scanning words as chars.
fn best_chars(text: &str, t: &Term, s: &mut Scratch, positions: Option<&mut Vec<usize>>) -> Option<(i64, usize)> {
    let bound = t.prefix_score();
    let mut best: Option<(i64, usize)> = None;
    let mut best_pos: Vec<usize> = Vec::new();
    for (ws, word) in words_with_offsets(text) {
        s.chars.clear();
        s.chars.extend(word.chars());
        s.low_chars.clear();
        s.low_chars.extend(s.chars.iter().map(|&c| if t.case_sensitive { c } else { fold_char(c) }));
        if !s.low_chars.contains(&t.chars[0]) {
            continue;
        }
        let chars = &s.chars;
        let role = |k: usize| char_role(chars, k);
        s.win_pos.clear();
        let want = positions.is_some().then_some(&mut s.win_pos);
        if let Some((score, at)) = score_window(&t.chars, &s.low_chars, role, true, want)
            && best.is_none_or(|b| score > b.0)
        {
            s.offsets.clear();
            s.offsets.extend(word.char_indices().map(|(o, _)| ws + o));
            best = Some((score, s.offsets[at]));
            best_pos.clear();
            best_pos.extend(s.win_pos.iter().map(|&k| s.offsets[k]));
            if score >= bound {
                break;
            }
        }
    }
    if let Some(p) = positions {
        p.extend_from_slice(&best_pos);
    }
    best
}

fn char_role(chars: &[char], k: usize) -> i64 {
    if k == 0 {
        return HEAD;
    }
    let (prev, cur) = (chars[k - 1], chars[k]);
    if !prev.is_alphanumeric() {
        HEAD
    } else if prev.is_lowercase() && cur.is_uppercase() {
        CAMEL
    } else {
        0
    }
}

fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// Score `term` inside one word window `low` (already case-folded as the term requires),
/// trying every start position and matching the rest greedily. Returns the best score and
/// the index where that match starts; `positions` receives the best match's indices.
fn score_window<T: Copy + PartialEq>(
    term: &[T],
    low: &[T],
    role: impl Fn(usize) -> i64,
    whole_word: bool,
    positions: Option<&mut Vec<usize>>,
) -> Option<(i64, usize)> {
    let mut best: Option<(i64, usize)> = None;
    for start in 0..low.len() {
        if low[start] != term[0] {
            continue;
        }
        let mut score = MATCH + 2 * role(start);
        let mut prev = start;
        let mut k = start + 1;
        let mut ok = true;
        for &want in &term[1..] {
            while k < low.len() && low[k] != want {
                k += 1;
            }
            if k >= low.len() {
                ok = false;
                break;
            }
            score += MATCH;
            if k == prev + 1 {
                score += CONSECUTIVE.max(role(k));
            } else {
                score += GAP_START + GAP_EXTEND * (k - prev - 1) as i64 + role(k);
            }
            prev = k;
            k += 1;
        }
        if !ok {
            // Later starts cannot fit the rest of the term either.
            break;
        }
        if whole_word && start == 0 && prev + 1 == low.len() && prev + 1 == term.len() {
            score += EXACT_WORD;
        }
        if best.is_none_or(|b| score > b.0) {
            best = Some((score, start));
        }
    }
    let (score, start) = best?;
    if let Some(p) = positions {
        p.push(start);
        let mut k = start + 1;
        for &want in &term[1..] {
            while low[k] != want {
                k += 1;
            }
            p.push(k);
            k += 1;
        }
    }
    Some((score, start))
}

/// Cheap rejection before the real matcher: are the term's bytes a subsequence of `hay`
/// under ASCII case folding (or exactly, for case-sensitive terms)? Non-ASCII terms pass.
pub(crate) fn may_match(hay: &str, t: &Term) -> bool {
    let Some(term) = &t.bytes else { return true };
    let mut it = term.iter();
    let mut want = it.next();
    for &b in hay.as_bytes() {
        let Some(&w) = want else { break };
        let b = if t.case_sensitive { b } else { b.to_ascii_lowercase() };
        if b == w {
            want = it.next();
        }
    }
    want.is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(text: &str, q: &str) -> Option<(i64, Vec<usize>)> {
        let mut pos = Vec::new();
        let s = match_text(text, &parse_terms(q), &mut Scratch::default(), Some(&mut pos))?;
        Some((s, pos))
    }

    #[test]
    fn term_must_fit_inside_one_word() {
        assert!(score("national ownership", "natl").is_some());
        assert!(score("not a tall order", "natl").is_none());
    }

    #[test]
    fn positions_are_byte_offsets_of_matched_chars() {
        let (_, pos) = score("the Ownership of", "ownrship").unwrap_or_default();
        assert_eq!(pos, vec![4, 5, 6, 8, 9, 10, 11, 12]);
    }

    #[test]
    fn exact_word_beats_prefix_beats_inner() {
        let exact = score("a render b", "render").map(|s| s.0);
        let prefix = score("a rendering b", "render").map(|s| s.0);
        let inner = score("a prerender b", "render").map(|s| s.0);
        assert!(exact > prefix && prefix > inner, "{exact:?} {prefix:?} {inner:?}");
    }

    #[test]
    fn smart_case_per_term() {
        assert!(score("Gender", "gender").is_some());
        assert!(score("gender", "Gender").is_none());
    }

    #[test]
    fn non_ascii_terms_fold_case_and_report_byte_offsets() {
        let (_, pos) = score("über ÄRGER", "ärger").unwrap_or_default();
        assert_eq!(pos, vec![6, 8, 9, 10, 11]);
    }

    #[test]
    fn all_terms_must_match() {
        assert!(score("render the buffer", "rend buf").is_some());
        assert!(score("render the buffer", "rend zzz").is_none());
    }
}
