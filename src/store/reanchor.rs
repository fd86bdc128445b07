//! Finding a stored anchor again in a (possibly edited) document: an exact quote match first,
//! disambiguated by context and closeness to the old place; then a fuzzy match of quote plus
//! context by trigram similarity; otherwise the anchor is orphaned (kept, shown, never dropped).

use std::collections::HashMap;

use crate::doc::{Anchor, Document};

use super::capture::{ceil_boundary, floor_boundary};
use super::schema::StoredAnchor;

/// Where a stored anchor lands in the current document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// The quoted text was found verbatim.
    Exact(Anchor),
    /// Similar text was found; the note should be shown as approximately placed.
    Fuzzy(Anchor),
    /// Nothing similar enough remains; the record is kept and listed as orphaned.
    Orphaned,
}

impl Placement {
    pub fn anchor(&self) -> Option<Anchor> {
        match self {
            Placement::Exact(a) | Placement::Fuzzy(a) => Some(*a),
            Placement::Orphaned => None,
        }
    }
}

/// Minimum trigram (Dice) similarity between the stored quote+context and the found text.
pub const FUZZY_THRESHOLD: f64 = 0.5;

pub fn reanchor(doc: &Document, stored: &StoredAnchor) -> Placement {
    if stored.quote.is_empty() {
        return place_without_quote(doc, stored);
    }
    if let Some(a) = exact(doc, stored) {
        return Placement::Exact(a);
    }
    match fuzzy(doc, stored) {
        Some(a) => Placement::Fuzzy(a),
        None => Placement::Orphaned,
    }
}

/// An anchor on an empty block (a rule, say) has no text to find: fall back to its section.
fn place_without_quote(doc: &Document, stored: &StoredAnchor) -> Placement {
    if !stored.section_id.is_empty() {
        return match doc.outline.iter().find(|s| s.id == stored.section_id) {
            Some(s) => Placement::Fuzzy(Anchor::new(s.block, 0)),
            None => Placement::Orphaned,
        };
    }
    match doc.blocks.len() {
        0 => Placement::Orphaned,
        n => Placement::Fuzzy(Anchor::new(stored.block.min(n - 1), 0)),
    }
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.bytes().rev().zip(b.bytes().rev()).take_while(|(x, y)| x == y).count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

fn in_section(doc: &Document, block: usize, section_id: &str) -> bool {
    doc.section_at(block).map(|s| doc.outline[s].id.as_str()).unwrap_or("") == section_id
}

/// Rank for choosing among candidates: more matching context, same section, nearer the old place.
fn rank(
    doc: &Document,
    stored: &StoredAnchor,
    block: usize,
    byte: usize,
    similarity: usize,
) -> (usize, bool, i64, i64) {
    let dist = block.abs_diff(stored.block) as i64;
    let off = byte.abs_diff(stored.byte) as i64;
    (similarity, in_section(doc, block, &stored.section_id), -dist, -off)
}

fn exact(doc: &Document, stored: &StoredAnchor) -> Option<Anchor> {
    let mut best: Option<((usize, bool, i64, i64), Anchor)> = None;
    for (i, block) in doc.blocks.iter().enumerate() {
        let text = block.text.as_str();
        for (pos, _) in text.match_indices(stored.quote.as_str()) {
            let context = common_suffix(&text[..pos], &stored.before)
                + common_prefix(&text[pos + stored.quote.len()..], &stored.after);
            let r = rank(doc, stored, i, pos, context);
            if best.as_ref().is_none_or(|(b, _)| r > *b) {
                best = Some((r, Anchor::new(i, pos)));
            }
        }
    }
    best.map(|(_, a)| a)
}

type Trigram = [u8; 3];

fn trigrams(s: &[u8]) -> impl Iterator<Item = (usize, Trigram)> + '_ {
    s.windows(3)
        .enumerate()
        .map(|(i, w)| (i, [w[0].to_ascii_lowercase(), w[1].to_ascii_lowercase(), w[2].to_ascii_lowercase()]))
}

/// Dice coefficient of the trigram sets of two byte strings.
fn dice(a: &[u8], b: &[u8]) -> f64 {
    let sa: std::collections::HashSet<Trigram> = trigrams(a).map(|(_, t)| t).collect();
    let sb: std::collections::HashSet<Trigram> = trigrams(b).map(|(_, t)| t).collect();
    if sa.is_empty() || sb.is_empty() {
        return 0.0;
    }
    2.0 * sa.intersection(&sb).count() as f64 / (sa.len() + sb.len()) as f64
}

/// Alignment votes are pooled in buckets this wide, so inserted or deleted words (which shift
/// the rest of the quote) still add up to one candidate.
const BUCKET: isize = 16;
/// How many best-voted candidates get the (costlier) similarity check.
const CANDIDATES: usize = 8;

fn fuzzy(doc: &Document, stored: &StoredAnchor) -> Option<Anchor> {
    let needle = format!("{}{}{}", stored.before, stored.quote, stored.after);
    let needle = needle.as_bytes();
    let mut offsets: HashMap<Trigram, Vec<usize>> = HashMap::new();
    for (k, t) in trigrams(needle) {
        offsets.entry(t).or_default().push(k);
    }
    // Phase 1: each trigram of a block votes for where the needle would start if it matched there.
    let mut candidates: Vec<(u32, usize, isize)> = Vec::new(); // (votes, block, needle start)
    let mut votes: HashMap<isize, u32> = HashMap::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        votes.clear();
        for (p, t) in trigrams(block.text.as_bytes()) {
            if let Some(ks) = offsets.get(&t) {
                for &k in ks {
                    *votes.entry((p as isize - k as isize).div_euclid(BUCKET)).or_default() += 1;
                }
            }
        }
        if let Some((&bucket, &v)) = votes.iter().max_by_key(|(b, v)| (**v, -**b)) {
            candidates.push((v, i, bucket * BUCKET));
        }
    }
    candidates.sort_by_key(|c| std::cmp::Reverse(c.0));
    candidates.truncate(CANDIDATES);
    // Phase 2: real similarity of the text around each candidate start.
    let mut best: Option<((usize, bool, i64, i64), Anchor)> = None;
    for (_, i, start) in candidates {
        let text = doc.blocks[i].text.as_str();
        let slack = needle.len() / 4 + BUCKET as usize;
        let from = floor_boundary(text, start.max(0) as usize);
        let lo = floor_boundary(text, from.saturating_sub(slack));
        let hi = ceil_boundary(text, from + needle.len() + slack);
        let sim = dice(needle, &text.as_bytes()[lo..hi]);
        if sim < FUZZY_THRESHOLD {
            continue;
        }
        let at = locate_quote_start(text, lo, hi, stored);
        let r = rank(doc, stored, i, at, (sim * 1000.0) as usize);
        if best.as_ref().is_none_or(|(b, _)| r > *b) {
            best = Some((r, Anchor::new(i, at)));
        }
    }
    best.map(|(_, a)| a)
}

/// Within `text[lo..hi]`, the word start where the quote most likely begins: the one whose
/// surroundings (context before + quote) share the most trigrams with the stored ones, with a
/// bonus for starting with the same bytes. Only word starts are tried: scoring every byte
/// let a window shifted into the middle of a changed word win ("nged a container" for
/// "changed a container"), and comparing the quote alone let a window starting one word late
/// score as well as the right one.
fn locate_quote_start(text: &str, lo: usize, hi: usize, stored: &StoredAnchor) -> usize {
    let needle = format!("{}{}", stored.before, stored.quote);
    let mut best = (f64::MIN, lo);
    let mut p = lo;
    while p < hi {
        let word_start = p == 0
            || text[..p].ends_with(|c: char| !c.is_alphanumeric())
                && text[p..].starts_with(|c: char| !c.is_whitespace());
        if word_start {
            let from = floor_boundary(text, p.saturating_sub(stored.before.len()));
            let to = ceil_boundary(text, (p + stored.quote.len()).min(text.len()));
            let same_start = common_prefix(&text[p..], &stored.quote).min(12);
            let s = dice(needle.as_bytes(), &text.as_bytes()[from..to]) + same_start as f64 * 0.02;
            if s > best.0 {
                best = (s, p);
            }
        }
        p = ceil_boundary(text, p + 1);
    }
    best.1
}
