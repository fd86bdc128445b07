//! Drafts left by an earlier session (the link dropped, the process was killed while a note
//! was being written): offered one at a time at start. y restores it into the editor (or,
//! when its document is not open, saves it as a note at once), n discards it, Esc keeps it
//! for the next start.

use super::annotations::{DocKey, doc_with_fingerprint, say, write};
use super::editor::{self, Target};
use super::{App, Overlay};
use crate::store::Note;
use crate::store::clock::{new_id, now_ms};
use crate::store::draft::{Draft, clear_draft, pending_drafts};

/// Look for drafts and ask about the first one.
pub fn offer(app: &mut App) {
    let Some(store) = app.annotations.store.as_ref() else { return };
    match pending_drafts(store) {
        Ok((drafts, notices)) => {
            for n in notices {
                say(app, n);
            }
            let drafts: Vec<Draft> = drafts.into_iter().filter(|d| !d.text.trim().is_empty()).collect();
            if !drafts.is_empty() && app.overlay.is_none() {
                app.overlay = Some(Overlay::RestoreDraft(drafts));
            }
        }
        Err(e) => say(app, format!("Cannot look for unsaved notes: {e}")),
    }
}

/// The first line of a draft, for the question.
pub fn preview(d: &Draft) -> String {
    d.text.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim().to_string()
}

/// y / n / Esc on the restore question.
pub fn answer(app: &mut App, restore: Option<bool>) {
    let Some(Overlay::RestoreDraft(mut drafts)) = app.overlay.take() else { return };
    if drafts.is_empty() {
        return;
    }
    let d = drafts.remove(0);
    if !drafts.is_empty() {
        app.overlay = Some(Overlay::RestoreDraft(drafts));
    }
    match restore {
        Some(true) => restore_draft(app, d),
        Some(false) => {
            if let Some(store) = app.annotations.store.as_ref()
                && let Err(e) = clear_draft(store, &d.id)
            {
                say(app, format!("Cannot remove the draft: {e}"));
            }
            app.message = Some("Draft discarded".into());
        }
        None => app.message = Some("The draft is kept; you will be asked again next time".into()),
    }
}

fn restore_draft(app: &mut App, d: Draft) {
    let Some(i) = doc_with_fingerprint(app, &d.fingerprint) else {
        return save_unopened(app, d);
    };
    app.current = i;
    app.refresh();
    let data = &app.annotations.docs[i];
    let existing = d.note_id.as_ref().and_then(|id| data.handle.as_ref()?.record().note(id).cloned());
    let key = super::annotations::key_of(app, i);
    let (target, original) = match (existing, key) {
        (Some(note), Some(key)) => {
            let original = note.text.clone();
            (Target::Existing { key, note: Box::new(note) }, original)
        }
        _ => {
            let doc = &app.library.docs[i];
            let anchor = crate::store::reanchor(doc, &d.anchor).anchor().unwrap_or(app.views[i].top);
            (Target::New { doc: i, anchor }, String::new())
        }
    };
    let text = d.text.clone();
    // Whatever question is still queued waits until this editor closes.
    let queued = app.overlay.take();
    editor::open(app, target, &text, &original, Some(d));
    if let Some(Overlay::RestoreDraft(rest)) = queued {
        app.message = Some(format!("Draft restored; {} more will be offered at the next start", rest.len()));
    } else {
        app.message = Some("Draft restored: Ctrl-s saves it".into());
    }
}

/// The draft's document is not open: keep the words as a note on its record right away.
fn save_unopened(app: &mut App, d: Draft) {
    let key = DocKey { fingerprint: d.fingerprint.clone(), title: d.doc_title.clone(), last_path: None };
    let t = now_ms();
    let note = Note {
        id: d.note_id.clone().unwrap_or_else(new_id),
        created: t,
        updated: t,
        text: d.text.clone(),
        anchor: d.anchor.clone(),
    };
    match write(app, &key, |r| r.notes.push(note)) {
        Ok(()) => {
            if let Some(store) = app.annotations.store.as_ref() {
                let _ = clear_draft(store, &d.id);
            }
            app.message = Some(format!("Saved the unsaved note as a note on {} (not open now)", d.doc_title));
        }
        Err(e) => app.message = Some(format!("Cannot save the draft as a note: {e}; it is kept")),
    }
}
