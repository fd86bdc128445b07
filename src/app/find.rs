//! Search in the text: the `/` prompt, the matches of the last query in the current document,
//! and `n`/`N` stepping through them with wrap-around.

use super::line_edit::LineInput;
use super::{App, Overlay};
use crate::doc::Anchor;
use crate::input::Key;
use crate::search::{TextMatch, TextQuery, find_all, first_match_from, next_match};

#[derive(Debug, Clone, Default)]
pub struct FindPrompt {
    pub input: LineInput,
}

/// The active search: its matches in document `doc`, and which one the reader is on.
#[derive(Debug, Clone)]
pub struct FindState {
    pub doc: usize,
    pub query: String,
    pub matches: Vec<TextMatch>,
    pub current: Option<usize>,
}

impl FindState {
    /// Indices of the matches in `block`, for highlighting (binary search: matches are in order).
    pub fn in_block(&self, block: usize) -> std::ops::Range<usize> {
        let lo = self.matches.partition_point(|m| m.block < block);
        let hi = self.matches.partition_point(|m| m.block <= block);
        lo..hi
    }
}

pub fn open(app: &mut App) {
    app.overlay = Some(Overlay::Find(FindPrompt::default()));
    app.find_history.reset();
}

pub fn type_key(prompt: &mut FindPrompt, key: Key) {
    prompt.input.edit(key);
}

/// Up/Down in the prompt walk the history of earlier searches.
pub fn recall(app: &mut App, older: bool) {
    let entry = if older { app.find_history.recall_previous() } else { app.find_history.recall_next() };
    let text = entry.map(str::to_string).unwrap_or_default();
    if let Some(Overlay::Find(p)) = app.overlay.as_mut() {
        p.input = LineInput::with_text(&text);
    }
}

/// Enter in the prompt: run the search from the top of the screen.
pub fn accept(app: &mut App) {
    let Some(Overlay::Find(prompt)) = app.overlay.take() else { return };
    let text = prompt.input.text;
    if text.is_empty() {
        // As in less, an empty pattern repeats the last search.
        if app.find.is_some() {
            step(app, true);
        }
        return;
    }
    app.find_history.push(&text);
    let Some(doc) = app.doc() else { return };
    let query = match TextQuery::parse(&text, false) {
        Ok(q) => q,
        Err(e) => {
            app.message = Some(e);
            return;
        }
    };
    let matches = find_all(doc, &query);
    let doc_index = app.current;
    if matches.is_empty() {
        app.message = Some(format!("Pattern not found: {text}"));
        app.find = None;
        return;
    }
    let from = app.views[doc_index].top;
    let found = first_match_from(&matches, from);
    app.find = Some(FindState { doc: doc_index, query: text, matches, current: None });
    if let Some((i, wrapped)) = found {
        go_to(app, i, wrapped);
    }
}

/// `n` (forward) / `N` (backward).
pub fn step(app: &mut App, forward: bool) {
    let Some(f) = app.find.as_ref().filter(|f| f.doc == app.current) else {
        app.message = Some("No search yet: / starts one".into());
        return;
    };
    let from = match f.current {
        Some(i) => f.matches[i].anchor(),
        None => app.views[app.current].top,
    };
    if let Some((i, wrapped)) = next_match(&f.matches, from, forward) {
        go_to(app, i, wrapped);
    }
}

fn go_to(app: &mut App, i: usize, wrapped: bool) {
    let h = app.body_height();
    let Some(f) = app.find.as_mut() else { return };
    f.current = Some(i);
    let m = f.matches[i].clone();
    let view = &mut app.views[app.current];
    reveal(view, &app.library.docs[app.current], m.anchor(), h);
    if wrapped {
        app.message = Some("search wrapped around".into());
    }
}

/// Bring `anchor` into view: unmoved when already on screen, else a third of the way down so
/// the reader sees what leads up to it.
pub fn reveal(view: &mut super::view::DocView, doc: &crate::doc::Document, anchor: Anchor, height: usize) {
    // A huge document is wrapped lazily: make the target's part exact before measuring.
    view.wrap_near(doc, anchor);
    let top = view.top_line();
    let line = view.layout().line_of(anchor);
    if line >= top && line < top + height {
        return;
    }
    let from = view.top;
    view.set_top_line(line.saturating_sub(height / 3), height);
    if view.top != from {
        view.jumps.record(from);
    }
}
