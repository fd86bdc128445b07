//! Work that must happen if the process is told to stop (SIGHUP when the SSH link drops,
//! SIGTERM): the app registers closures here (save the reading position, save the editor's
//! draft) and the terminal layer's signal thread runs them before it exits. The main thread
//! replaces or clears a slot whenever what must be saved changes, so the closures always
//! hold a snapshot of the latest state and never touch `App` itself.

use std::sync::Mutex;

/// A named piece of exit work; one per slot, the newest replaces the older.
type Work = Box<dyn FnOnce() + Send>;

static SLOTS: Mutex<Vec<(&'static str, Work)>> = Mutex::new(Vec::new());

/// Slot for the debounced reading position.
pub const POSITION: &str = "position";
/// Slot for the note editor's unsaved text.
pub const DRAFT: &str = "draft";

/// Set (or with `None`, clear) the work for `slot`.
pub fn set(slot: &'static str, work: Option<Work>) {
    let mut slots = SLOTS.lock().unwrap_or_else(|e| e.into_inner());
    slots.retain(|(s, _)| *s != slot);
    if let Some(w) = work {
        slots.push((slot, w));
    }
}

/// True when `slot` holds work (for tests).
pub fn is_set(slot: &str) -> bool {
    SLOTS.lock().unwrap_or_else(|e| e.into_inner()).iter().any(|(s, _)| *s == slot)
}

/// Run and clear every registered piece of work. Called from the signal thread just before
/// the process exits; a panic in one closure must not stop the others.
pub fn run_all() {
    let work: Vec<(&'static str, Work)> = std::mem::take(&mut *SLOTS.lock().unwrap_or_else(|e| e.into_inner()));
    for (_, w) in work {
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(w));
    }
}
