//! Search over the open documents: fuzzy ranking of section titles, body text and notes
//! (`fuzzy`, run off the UI thread by `worker`), literal/regex find within one document
//! (`text`, for `/`, `n`, `N`), result snippets and query history.
//! Must not import ratatui or crossterm: results are plain strings plus char positions.
//!
//! Fuzzy query language: the query is split on whitespace into terms; every term must match
//! (AND) and the candidate's score is the sum of its terms' scores. A term is case-insensitive
//! unless it contains an uppercase letter (smart case, decided per term).
//! - Titles are matched with fuzzy-matcher's `SkimMatcherV2` against the section title (double
//!   weight) and against the whole section path (single weight), so `gendr chal` finds
//!   "Challenges and Opportunities" under "Gender-Responsive ...".
//! - Body text and notes are matched word by word: a term must fuzzy-match inside one
//!   whitespace-separated word (`ownrship` ~ "ownership"). Matching whole paragraphs as one
//!   subsequence would accept almost any long paragraph and cost a dynamic-programming pass
//!   over megabytes per keystroke; word-level matching is both tighter and linear-time.

mod fuzzy;
mod history;
mod index;
mod snippet;
pub mod text;
mod words;
mod worker;

pub use fuzzy::{Ranker, rank};
pub use history::History;
pub use index::Index;
pub use snippet::{SNIPPET_CHARS, snippet};
pub use text::{TextMatch, TextQuery, find_all, first_match_from, next_match};
pub use worker::Worker;

use crate::doc::Anchor;

/// What a candidate stands for; titles rank above notes, notes above body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CandidateKind {
    Title,
    Text,
    Note,
}

/// One searchable thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub kind: CandidateKind,
    /// Index of the document in the slice the index was built from.
    pub doc: usize,
    /// Where the candidate starts: the section's block for titles, the block for text,
    /// the note's anchor for notes.
    pub anchor: Anchor,
    /// Titles: the section path joined with " › " (ending with the title itself).
    /// Text: the path of the section the block is in (may be empty). Notes: caller's choice.
    pub label: String,
    /// Titles: the title. Text: the block's text. Notes: the note's text.
    pub text: String,
}

/// Where to search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Document(usize),
    Library,
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Index::candidates()`.
    pub candidate: usize,
    pub score: i64,
    pub kind: CandidateKind,
    pub doc: usize,
    /// Where the match begins: for text and notes, the byte of the first matched character
    /// in the block; for titles, the section's block.
    pub anchor: Anchor,
    /// What to show: the section path for titles, a snippet around the match otherwise.
    pub display: String,
    /// Char indices into `display` to highlight, ascending.
    pub positions: Vec<usize>,
}

/// Separator between titles in a section path label.
pub const PATH_SEP: &str = " › ";
