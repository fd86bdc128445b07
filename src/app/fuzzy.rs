//! The fuzzy-search overlay: a query field, ranked results over section titles, text and notes,
//! the scope (this document or the whole library), and jumping to the chosen result.
//! Ranking runs in `App::prepare_frame`, after all queued keys are applied, with a cancel
//! check so a newer keystroke abandons older work.

use std::sync::Arc;

use super::find::reveal;
use super::line_edit::LineInput;
use super::{App, Overlay};
use crate::doc::Anchor;
use crate::input::Key;
use crate::search::{Candidate, CandidateKind, Hit, Index, Ranker, Scope};

/// At most this many results are listed; more would only cost bytes on a slow link.
pub const RESULT_LIMIT: usize = 50;

#[derive(Debug, Clone)]
pub struct FuzzyOverlay {
    pub input: LineInput,
    pub scope: Scope,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// The query and scope `hits` were ranked for; differs from the input while typing.
    ranked: Option<(String, Scope)>,
}

impl FuzzyOverlay {
    pub fn is_stale(&self) -> bool {
        self.ranked.as_ref() != Some(&(self.input.text.clone(), self.scope))
    }
}

/// Search state that outlives one opening of the overlay.
#[derive(Default)]
pub struct FuzzyState {
    pub index: Option<Arc<Index>>,
    pub ranker: Ranker,
    pub history: crate::search::History,
    /// `Annotations::version` the index's note candidates were taken at.
    pub notes_version: Option<u64>,
}

impl std::fmt::Debug for FuzzyState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FuzzyState").field("indexed", &self.index.as_ref().map(|i| i.len())).finish()
    }
}

pub fn open(app: &mut App) {
    if app.fuzzy.index.is_none() {
        app.fuzzy.index = Some(Arc::new(Index::build(&app.library.docs)));
        app.fuzzy.notes_version = None;
    }
    refresh_notes(app);
    app.fuzzy.history.reset();
    let scope = Scope::Document(app.current);
    app.overlay = Some(Overlay::Fuzzy(Box::new(FuzzyOverlay {
        input: LineInput::default(),
        scope,
        hits: Vec::new(),
        selected: 0,
        ranked: Some((String::new(), scope)),
    })));
}

fn overlay(app: &mut App) -> Option<&mut FuzzyOverlay> {
    match app.overlay.as_mut() {
        Some(Overlay::Fuzzy(o)) => Some(o),
        _ => None,
    }
}

pub fn type_key(app: &mut App, key: Key) {
    if let Some(o) = overlay(app)
        && o.input.edit(key)
    {
        o.selected = 0;
    }
}

/// Up on an empty query recalls the last one; otherwise Up/Down move the selection.
pub fn move_selection(app: &mut App, delta: isize) {
    let recall = matches!(app.overlay.as_ref(), Some(Overlay::Fuzzy(o)) if o.input.text.is_empty() && delta < 0);
    if recall {
        let last = app.fuzzy.history.recall_previous().map(str::to_string);
        if let (Some(text), Some(o)) = (last, overlay(app)) {
            o.input = LineInput::with_text(&text);
        }
        return;
    }
    if let Some(o) = overlay(app) {
        let n = o.hits.len();
        if n > 0 {
            o.selected = (o.selected as isize + delta).rem_euclid(n as isize) as usize;
        }
    }
}

/// Tab: this document ↔ the whole library.
pub fn toggle_scope(app: &mut App) {
    let current = app.current;
    let many = app.library.docs.len() > 1;
    if let Some(o) = overlay(app) {
        o.scope = match o.scope {
            Scope::Document(_) if many => Scope::Library,
            _ => Scope::Document(current),
        };
        o.selected = 0;
    }
}

/// Rank if the query changed since the last ranking. False when `cancel` interrupted it.
pub fn rank_if_stale(app: &mut App, cancel: &dyn Fn() -> bool) -> bool {
    let Some(Overlay::Fuzzy(o)) = app.overlay.as_mut() else { return true };
    if !o.is_stale() {
        return true;
    }
    let Some(index) = app.fuzzy.index.clone() else { return true };
    let query = o.input.text.clone();
    match app.fuzzy.ranker.rank(&index, &query, o.scope, RESULT_LIMIT, cancel) {
        Some(hits) => {
            o.hits = hits;
            o.selected = o.selected.min(o.hits.len().saturating_sub(1));
            o.ranked = Some((query, o.scope));
            true
        }
        None => false,
    }
}

/// Enter: go to the selected result, mark the passage, and let the tree follow.
pub fn accept(app: &mut App) {
    let Some(Overlay::Fuzzy(o)) = app.overlay.take() else { return };
    if !o.input.text.is_empty() {
        app.fuzzy.history.push(&o.input.text);
    }
    let Some(hit) = o.hits.get(o.selected).cloned() else { return };
    if hit.doc >= app.library.docs.len() {
        return;
    }
    app.current = hit.doc;
    app.refresh();
    let h = app.body_height();
    let doc = &app.library.docs[hit.doc];
    let view = &mut app.views[hit.doc];
    match hit.kind {
        CandidateKind::Title => {
            if let Some(s) = doc.outline.iter().position(|s| s.block == hit.anchor.block) {
                view.jump_to_section(doc, s, h);
            }
            app.mark = None;
        }
        CandidateKind::Text | CandidateKind::Note => {
            // A note's match is inside the note's own text: go to the passage it is on.
            let anchor = match hit.kind {
                CandidateKind::Note => {
                    app.fuzzy.index.as_ref().and_then(|i| i.candidate(hit.candidate)).map_or(hit.anchor, |c| c.anchor)
                }
                _ => hit.anchor,
            };
            let hit = Hit { anchor, ..hit };
            reveal(view, doc, hit.anchor, h);
            let text = &doc.blocks.get(hit.anchor.block).map(|b| b.text.as_str()).unwrap_or("");
            app.mark = Some(Mark { doc: hit.doc, anchor: hit.anchor, end: word_end(text, hit.anchor.byte) });
        }
    }
}

/// Give the index the notes of every open document (placed ones: an orphan has no passage
/// to go to; the note list shows those), when they changed since the last opening.
fn refresh_notes(app: &mut App) {
    if app.annotations.store.is_none() || app.fuzzy.notes_version == Some(app.annotations.version) {
        return;
    }
    let entries = super::records::load(app, super::records::Which::AllNotes);
    let notes: Vec<Candidate> = entries
        .into_iter()
        .filter_map(|e| {
            let at = e.placement?.anchor()?;
            Some(Candidate {
                kind: CandidateKind::Note,
                doc: e.doc?,
                anchor: at,
                label: e.anchor().section_path.join(crate::search::PATH_SEP),
                text: e.label().to_string(),
            })
        })
        .collect();
    let Some(arc) = app.fuzzy.index.as_mut() else { return };
    match Arc::get_mut(arc) {
        Some(index) => index.set_notes(notes),
        None => {
            // Shared with a ranking in flight: build a fresh one rather than wait.
            let mut index = Index::build(&app.library.docs);
            index.set_notes(notes);
            *arc = Arc::new(index);
        }
    }
    app.fuzzy.notes_version = Some(app.annotations.version);
}

/// A passage the reader was taken to, marked until the next move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub doc: usize,
    pub anchor: Anchor,
    /// Byte in the same block where the mark ends.
    pub end: usize,
}

fn word_end(text: &str, from: usize) -> usize {
    let from = from.min(text.len());
    text[from..].find(|c: char| c.is_whitespace()).map_or(text.len(), |i| from + i)
}
