//! Keeping the reading position: a move starts a short timer and the position is written when
//! it fires (at most one write per `SAVE_DELAY` while reading), on quit, on switching
//! documents, and — through `exit_hook` — on SIGHUP/SIGTERM. Nothing is due while idle, so the
//! event loop waits without a timeout.

use std::time::{Duration, Instant};

use super::annotations::key_of;
use super::{App, exit_hook};
use crate::store::clock::now_ms;
use crate::store::{DocRecord, Position, Store};

/// How long after a move the position is written.
pub const SAVE_DELAY: Duration = Duration::from_secs(2);

/// A position waiting to be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingPosition {
    pub doc: usize,
    pub due: Instant,
}

/// After each update: notice a moved reading position and schedule its save.
pub fn after_update(app: &mut App) {
    let cur = app.current;
    if let Some(p) = app.pending_position.filter(|p| p.doc != cur) {
        save(app, p.doc);
    }
    let Some(data) = app.annotations.docs.get(cur) else { return };
    let (Some(saved), Some(view)) = (data.saved_top, app.views.get(cur)) else { return };
    if data.handle.is_none() || view.top == saved {
        return;
    }
    if app.pending_position.is_none() {
        app.pending_position = Some(PendingPosition { doc: cur, due: Instant::now() + SAVE_DELAY });
    }
    arm_exit_hook(app, cur);
}

/// When the event loop should wake up for the position save, if one is due.
pub fn due(app: &App) -> Option<Instant> {
    app.pending_position.map(|p| p.due)
}

/// Write the pending position if its time has come (or `force`).
pub fn run_timer(app: &mut App, now: Instant, force: bool) {
    if let Some(p) = app.pending_position.filter(|p| force || p.due <= now) {
        save(app, p.doc);
    }
}

/// Write document `i`'s position now.
pub fn save(app: &mut App, i: usize) {
    if app.pending_position.is_some_and(|p| p.doc == i) {
        app.pending_position = None;
        exit_hook::set(exit_hook::POSITION, None);
    }
    let (Some(doc), Some(view)) = (app.library.docs.get(i), app.views.get(i)) else { return };
    let top = view.top;
    let Some(data) = app.annotations.docs.get_mut(i) else { return };
    let Some(handle) = data.handle.as_mut() else { return };
    match handle.set_position(doc, top) {
        Ok(()) => data.saved_top = Some(top),
        Err(e) => super::annotations::say(app, format!("Cannot save the reading position: {e}")),
    }
}

/// Register a snapshot of the current position for the signal thread to write at exit.
fn arm_exit_hook(app: &App, i: usize) {
    let (Some(store), Some(doc), Some(view), Some(key)) =
        (app.annotations.store.clone(), app.library.docs.get(i), app.views.get(i), key_of(app, i))
    else {
        return;
    };
    let anchor = crate::store::capture::capture(doc, view.top);
    exit_hook::set(
        exit_hook::POSITION,
        Some(Box::new(move || {
            let mut rec = DocRecord::new(&key.fingerprint, &key.title, key.last_path.clone());
            rec.position = Some(Position { anchor, updated: now_ms() });
            let _ = Store::merge_record(&store, &rec);
        })),
    );
}
