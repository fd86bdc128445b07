//! The searchable candidates of a set of documents: one per section title, one per body
//! block, plus the notes the caller supplies. Built once per document set, then shared
//! (`Arc<Index>`) with the search worker.

use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use super::{Candidate, CandidateKind, PATH_SEP};
use crate::doc::{Anchor, BlockKind, Document};

/// Distinguishes index contents so a ranker never reuses survivors from another index.
static NEXT_VERSION: AtomicU64 = AtomicU64::new(1);

#[derive(Debug)]
pub struct Index {
    candidates: Vec<Candidate>,
    /// Per document, its titles and text blocks (notes live after `notes_start`).
    doc_ranges: Vec<Range<usize>>,
    notes_start: usize,
    version: u64,
}

impl Index {
    pub fn build(docs: &[Document]) -> Index {
        let mut candidates = Vec::new();
        let mut doc_ranges = Vec::with_capacity(docs.len());
        for (d, doc) in docs.iter().enumerate() {
            let start = candidates.len();
            push_titles(&mut candidates, d, doc);
            push_blocks(&mut candidates, d, doc);
            doc_ranges.push(start..candidates.len());
        }
        let notes_start = candidates.len();
        Index { candidates, doc_ranges, notes_start, version: fresh_version() }
    }

    /// Replace the note candidates (kind should be `Note`; anything else is stored as given).
    pub fn set_notes(&mut self, notes: Vec<Candidate>) {
        self.candidates.truncate(self.notes_start);
        self.candidates.extend(notes);
        self.version = fresh_version();
    }

    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    pub fn candidate(&self, i: usize) -> Option<&Candidate> {
        self.candidates.get(i)
    }

    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    /// Changes whenever the candidates change.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Candidate indices in `doc` (titles, blocks, then that document's notes), in order.
    /// A document index outside the built set yields only matching notes (none, usually).
    pub fn scope_indices(&self, doc: Option<usize>) -> Vec<usize> {
        match doc {
            None => (0..self.candidates.len()).collect(),
            Some(d) => {
                let mut out: Vec<usize> = self.doc_ranges.get(d).cloned().unwrap_or(0..0).collect();
                out.extend((self.notes_start..self.candidates.len()).filter(|&i| self.candidates[i].doc == d));
                out
            }
        }
    }
}

fn fresh_version() -> u64 {
    NEXT_VERSION.fetch_add(1, Ordering::Relaxed)
}

fn push_titles(out: &mut Vec<Candidate>, d: usize, doc: &Document) {
    // Paths are built from the parents' labels, which precede their children in pre-order.
    let mut labels: Vec<String> = Vec::with_capacity(doc.outline.len());
    for s in &doc.outline {
        let label = match s.parent.and_then(|p| labels.get(p)) {
            Some(parent) => format!("{parent}{PATH_SEP}{}", s.title),
            None => s.title.clone(),
        };
        labels.push(label.clone());
        out.push(Candidate {
            kind: CandidateKind::Title,
            doc: d,
            anchor: Anchor::new(s.block, 0),
            label,
            text: s.title.clone(),
        });
    }
}

/// One candidate per block with searchable text. Headings are left out: the outline already
/// offers them as titles, and a second, weaker hit for the same line is noise.
fn push_blocks(out: &mut Vec<Candidate>, d: usize, doc: &Document) {
    // Sweep the outline in block order instead of calling `section_at` per block, which is
    // quadratic on long documents. Ties on the same block go to the later entry, as there.
    let mut by_block: Vec<(usize, usize)> = doc.outline.iter().enumerate().map(|(i, s)| (s.block, i)).collect();
    by_block.sort_unstable();
    let mut next = 0;
    let mut current: Option<usize> = None;
    let mut cached_label: Option<(usize, String)> = None;
    for (b, block) in doc.blocks.iter().enumerate() {
        while next < by_block.len() && by_block[next].0 <= b {
            current = Some(by_block[next].1);
            next += 1;
        }
        if matches!(block.kind, BlockKind::Heading { .. } | BlockKind::Rule) || block.text.trim().is_empty() {
            continue;
        }
        let label = match current {
            Some(sec) => match &cached_label {
                Some((s, l)) if *s == sec => l.clone(),
                _ => {
                    let l = doc.section_path(sec).join(PATH_SEP);
                    cached_label = Some((sec, l.clone()));
                    l
                }
            },
            None => String::new(),
        };
        out.push(Candidate {
            kind: CandidateKind::Text,
            doc: d,
            anchor: Anchor::new(b, 0),
            label,
            text: block.text.clone(),
        });
    }
}
