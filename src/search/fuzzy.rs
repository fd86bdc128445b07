//! Ranks index candidates against a fuzzy query (see the module doc of `search` for the
//! query language). `Ranker` keeps the survivors of the previous query so that typing one
//! more character only re-scores what still matched; `rank` is the stateless entry point.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::snippet::{SNIPPET_CHARS, snippet};
use super::words::{Scratch, Term, fold_str, match_text, may_match, parse_terms};
use super::{Candidate, CandidateKind, Hit, Index, Scope};

/// Title terms count double; a term found only in the path (ancestors) counts once.
const TITLE_WEIGHT: i64 = 2;
/// A title that starts with the query reads as the thing the user named.
const TITLE_START_BONUS: i64 = 24;
/// Notes are the user's own words: slightly above body text.
const NOTE_BONUS: i64 = 16;
/// A skim match must average this many points per query char (a clean match scores ~20).
const MIN_SKIM_PER_CHAR: i64 = 8;
/// How often the cancel callback is consulted.
const CANCEL_EVERY: usize = 256;

/// Stateful ranking with incremental narrowing.
#[derive(Default)]
pub struct Ranker {
    matcher: Matchers,
    scratch: Scratch,
    last: Option<Survivors>,
}

/// Skim matchers for the two case modes; smart case is decided per term by `Term`.
struct Matchers {
    exact: SkimMatcherV2,
    folded: SkimMatcherV2,
}

impl Default for Matchers {
    fn default() -> Matchers {
        Matchers { exact: SkimMatcherV2::default().respect_case(), folded: SkimMatcherV2::default().ignore_case() }
    }
}

/// The candidates that matched `query` in `scope` of the index with `version`.
struct Survivors {
    query: String,
    scope: Scope,
    version: u64,
    indices: Vec<usize>,
}

/// Rank once without keeping state. None if `cancel` returned true.
pub fn rank(index: &Index, query: &str, scope: Scope, limit: usize, cancel: &dyn Fn() -> bool) -> Option<Vec<Hit>> {
    Ranker::default().rank(index, query, scope, limit, cancel)
}

impl Ranker {
    /// The best `limit` hits for `query`, best first. An empty query has no hits.
    /// None if `cancel` returned true (checked every few hundred candidates).
    pub fn rank(
        &mut self,
        index: &Index,
        query: &str,
        scope: Scope,
        limit: usize,
        cancel: &dyn Fn() -> bool,
    ) -> Option<Vec<Hit>> {
        let terms = parse_terms(query);
        if terms.is_empty() {
            return Some(Vec::new());
        }
        let pool = match &self.last {
            // Every term of an extended query matches only where its prefix did.
            Some(s) if s.version == index.version() && s.scope == scope && query.starts_with(s.query.as_str()) => {
                s.indices.clone()
            }
            _ => index.scope_indices(match scope {
                Scope::Document(d) => Some(d),
                Scope::Library => None,
            }),
        };
        let mut scored: Vec<(i64, usize)> = Vec::new();
        let mut survivors = Vec::new();
        for (n, &i) in pool.iter().enumerate() {
            if n % CANCEL_EVERY == 0 && cancel() {
                return None;
            }
            let Some(c) = index.candidate(i) else { continue };
            // The quality filters on title matches are not monotone in the query (a longer
            // term may pass where its prefix did not), so survivors are what passed the
            // monotone prefilter, not only what scored.
            if c.kind == CandidateKind::Title && !terms.iter().all(|t| may_match(&c.label, t)) {
                continue;
            }
            match self.score(c, &terms, None) {
                Some(s) => {
                    scored.push((s, i));
                    survivors.push(i);
                }
                None if c.kind == CandidateKind::Title => survivors.push(i),
                None => {}
            }
        }
        self.last = Some(Survivors { query: query.to_string(), scope, version: index.version(), indices: survivors });
        let cands = index.candidates();
        let order = |a: &(i64, usize), b: &(i64, usize)| {
            b.0.cmp(&a.0)
                .then_with(|| kind_rank(cands[a.1].kind).cmp(&kind_rank(cands[b.1].kind)))
                .then_with(|| cands[a.1].text.len().cmp(&cands[b.1].text.len()))
                .then_with(|| a.1.cmp(&b.1))
        };
        if scored.len() > limit && limit > 0 {
            scored.select_nth_unstable_by(limit - 1, order);
        }
        scored.truncate(limit);
        scored.sort_unstable_by(order);
        Some(scored.into_iter().map(|(score, i)| self.hit(&cands[i], i, score, &terms)).collect())
    }

    /// Forget the survivors (e.g. after the index changed in place).
    pub fn reset(&mut self) {
        self.last = None;
    }

    fn score(&mut self, c: &Candidate, terms: &[Term], positions: Option<&mut Vec<usize>>) -> Option<i64> {
        match c.kind {
            CandidateKind::Title => score_title(&self.matcher, &mut self.scratch, c, terms, positions),
            CandidateKind::Text => match_text(&c.text, terms, &mut self.scratch, positions),
            CandidateKind::Note => match_text(&c.text, terms, &mut self.scratch, positions).map(|s| s + NOTE_BONUS),
        }
    }

    fn hit(&mut self, c: &Candidate, i: usize, score: i64, terms: &[Term]) -> Hit {
        let mut positions = Vec::new();
        let _ = self.score(c, terms, Some(&mut positions));
        let (display, anchor) = match c.kind {
            CandidateKind::Title => (c.label.clone(), c.anchor),
            _ => {
                let (display, chars) = snippet(&c.text, &positions, SNIPPET_CHARS);
                let mut anchor = c.anchor;
                anchor.byte += positions.first().copied().unwrap_or(0);
                positions = chars;
                (display, anchor)
            }
        };
        Hit { candidate: i, score, kind: c.kind, doc: c.doc, anchor, display, positions }
    }
}

fn kind_rank(k: CandidateKind) -> u8 {
    match k {
        CandidateKind::Title => 0,
        CandidateKind::Note => 1,
        CandidateKind::Text => 2,
    }
}

/// Sum over terms of the better of: the term fuzzy-matched in the title (weighted, skim, may
/// span words), the term inside one word of the whole path (word scorer, so an ancestor
/// like "Gender-Responsive ..." counts but letters scattered over a long path do not).
/// `positions` receives char indices into the label.
fn score_title(
    m: &Matchers,
    scratch: &mut Scratch,
    c: &Candidate,
    terms: &[Term],
    mut positions: Option<&mut Vec<usize>>,
) -> Option<i64> {
    // The title is the label's tail; its char offset turns title indices into label indices.
    let title_at = match c.label.strip_suffix(c.text.as_str()) {
        Some(prefix) => prefix.chars().count(),
        None => 0,
    };
    let mut total = 0;
    let mut path_bytes = Vec::new();
    for t in terms {
        if !may_match(&c.label, t) {
            return None;
        }
        let in_title = skim(m, &c.text, t).map(|(s, p)| {
            let start = if p.first() == Some(&0) { TITLE_START_BONUS } else { 0 };
            (s * TITLE_WEIGHT + start, p.into_iter().map(|x| x + title_at).collect::<Vec<_>>())
        });
        path_bytes.clear();
        let in_path = match_text(&c.label, std::slice::from_ref(t), scratch, Some(&mut path_bytes));
        let (score, pos) = match (in_title, in_path) {
            (Some(title), Some(path)) if path > title.0 => (path, byte_to_char_indices(&c.label, &path_bytes)),
            (Some(title), _) => title,
            (None, Some(path)) => (path, byte_to_char_indices(&c.label, &path_bytes)),
            (None, None) => return None,
        };
        total += score;
        if let Some(out) = positions.as_deref_mut() {
            out.extend(pos);
        }
    }
    if let Some(out) = positions {
        out.sort_unstable();
        out.dedup();
    }
    Some(total)
}

/// Char indices of the given ascending byte offsets.
fn byte_to_char_indices(s: &str, bytes: &[usize]) -> Vec<usize> {
    let mut want = bytes.iter().peekable();
    let mut out = Vec::with_capacity(bytes.len());
    for (ci, (bi, _)) in s.char_indices().enumerate() {
        while want.next_if(|&&b| b < bi).is_some() {}
        if want.next_if(|&&b| b == bi).is_some() {
            out.push(ci);
        }
    }
    out
}

/// Skim score and char positions of `t` in `hay`. Non-ASCII case-insensitive terms are
/// matched on folded text (skim only folds ASCII); folding keeps char indices aligned.
fn skim(m: &Matchers, hay: &str, t: &Term) -> Option<(i64, Vec<usize>)> {
    if !may_match(hay, t) {
        return None;
    }
    let found = if t.case_sensitive {
        m.exact.fuzzy_indices(hay, &t.raw)
    } else if t.bytes.is_none() {
        m.folded.fuzzy_indices(&fold_str(hay), &fold_str(&t.raw))
    } else {
        m.folded.fuzzy_indices(hay, &t.raw)
    };
    // Letters scattered across a title are noise, not a match.
    let floor = MIN_SKIM_PER_CHAR * t.chars.len() as i64;
    found.filter(|(score, pos)| *score >= floor && !scattered(hay, pos, t.chars.len()))
}

/// Too many matched runs that start mid-word: "gendr" picked out of
/// "challenGEs aND oppoRtunities". Runs starting at a word head are free, so acronyms
/// ("gdrsp" ~ "Gender-responsive SSR") still pass; a third of the term may start mid-word.
fn scattered(hay: &str, positions: &[usize], term_chars: usize) -> bool {
    let chars: Vec<char> = hay.chars().collect();
    let head = |i: usize| {
        i == 0
            || chars.get(i - 1).is_some_and(|p| !p.is_alphanumeric())
            || chars.get(i - 1).is_some_and(|p| p.is_lowercase()) && chars.get(i).is_some_and(|c| c.is_uppercase())
    };
    let mut mid_word_runs = 0;
    for (k, &p) in positions.iter().enumerate() {
        let starts_run = k == 0 || positions[k - 1] + 1 != p;
        if starts_run && !head(p) {
            mid_word_runs += 1;
        }
    }
    mid_word_runs > (term_chars / 3).max(1)
}
