//! The user's data as the reader sees it: the store (if one could be opened), one `DocHandle`
//! per document opened lazily when it is first shown (which is also when its reading position
//! is restored), and each document's notes placed in its current text, cached so drawing the
//! tree and margin markers never re-anchors anything.

use std::collections::{BTreeMap, BTreeSet};

use super::App;
use crate::doc::{Anchor, Document};
use crate::store::{self, DocHandle, DocRecord, Note, Placement, Store, StoreError};

#[derive(Debug, Default)]
pub struct Annotations {
    pub store: Option<Store>,
    /// Parallel to `library.docs`.
    pub docs: Vec<DocData>,
    /// `i`: notes shown under their passages.
    pub inline: bool,
    /// Bumped on every change to any note, so the fuzzy index refreshes its note candidates.
    pub version: u64,
}

/// One document's user data.
#[derive(Debug, Default)]
pub struct DocData {
    pub handle: Option<DocHandle>,
    /// The handle was asked for (it may have failed); never ask twice.
    pub tried: bool,
    fingerprint: Option<String>,
    /// Notes in reading order; orphaned ones (no place in the text) last.
    pub notes: Vec<(Note, Placement)>,
    /// Block → indices into `notes` placed in it, for margin markers and inline notes.
    pub by_block: BTreeMap<usize, Vec<usize>>,
    /// Outline entries holding at least one note, for the tree marker.
    pub sections: BTreeSet<usize>,
    /// The reading position as last written (or restored), to know when it changed.
    pub saved_top: Option<Anchor>,
}

impl DocData {
    pub fn orphaned(&self) -> usize {
        self.notes.iter().filter(|(_, p)| *p == Placement::Orphaned).count()
    }
}

impl Annotations {
    pub fn for_docs(n: usize) -> Annotations {
        Annotations { docs: (0..n).map(|_| DocData::default()).collect(), ..Default::default() }
    }
}

/// Attach the store opened by `main` (or report why there is none) and restore the current
/// document's position. Messages go to the status line; the reader works either way.
pub fn attach(app: &mut App, store: store::Result<Store>) {
    match store {
        Ok(s) => app.annotations.store = Some(s),
        Err(e) => {
            say(app, format!("Notes and bookmarks are off: {e}"));
            return;
        }
    }
    super::drafts::offer(app);
    app.refresh();
}

/// Append a message to the status line (several can arrive at start).
pub fn say(app: &mut App, msg: String) {
    app.message = Some(match app.message.take() {
        Some(old) if !old.is_empty() => format!("{old}; {msg}"),
        _ => msg,
    });
}

/// Open the current document's data the first time it is shown, and resume where the user
/// left it unless they have already moved.
pub fn ensure_open(app: &mut App) {
    let i = app.current;
    let Some(store) = app.annotations.store.clone() else { return };
    if i >= app.library.docs.len() {
        return;
    }
    if app.annotations.docs.len() < app.library.docs.len() {
        app.annotations.docs.resize_with(app.library.docs.len(), DocData::default);
    }
    if app.annotations.docs[i].tried {
        return;
    }
    app.annotations.docs[i].tried = true;
    let layout_options = app.layout_options();
    let h = app.body_height();
    let doc = &app.library.docs[i];
    let mut handle = match store.open_doc(doc) {
        Ok(h) => h,
        Err(e) => {
            let msg = format!("Cannot read notes for {}: {e}", doc.title);
            say(app, msg);
            return;
        }
    };
    let mut messages = handle.take_notices();
    let resume = handle.position(doc).and_then(|p| p.anchor());
    let view = &mut app.views[i];
    view.ensure_layout(doc, layout_options);
    if let Some(a) = resume.filter(|_| view.top == Anchor::default()) {
        let line = view.layout().line_of(a);
        view.set_top_line(line, h);
    }
    let data = &mut app.annotations.docs[i];
    data.saved_top = Some(view.top);
    data.fingerprint = Some(handle.fingerprint().to_string());
    data.handle = Some(handle);
    place(data, doc);
    let orphans = data.orphaned();
    if orphans > 0 {
        let s = if orphans == 1 { "" } else { "s" };
        messages.push(format!("{orphans} note{s} could not be placed in the edited text (A lists them)"));
    }
    app.annotations.version += 1;
    for m in messages {
        say(app, m);
    }
}

/// Recompute where `data`'s notes land in `doc`.
pub fn place(data: &mut DocData, doc: &Document) {
    let mut notes = data.handle.as_ref().map(|h| h.placed_notes(doc)).unwrap_or_default();
    notes.sort_by_key(|(n, p)| (p.anchor().is_none(), p.anchor(), n.id.clone()));
    data.by_block.clear();
    data.sections.clear();
    for (k, (_, p)) in notes.iter().enumerate() {
        if let Some(a) = p.anchor() {
            data.by_block.entry(a.block).or_default().push(k);
            if let Some(s) = doc.section_at(a.block) {
                data.sections.insert(s);
            }
        }
    }
    data.notes = notes;
}

/// The fingerprint of library document `i` (computed once).
pub fn fingerprint_of(app: &mut App, i: usize) -> Option<String> {
    let doc = app.library.docs.get(i)?;
    if app.annotations.docs.len() < app.library.docs.len() {
        app.annotations.docs.resize_with(app.library.docs.len(), DocData::default);
    }
    let data = &mut app.annotations.docs[i];
    Some(data.fingerprint.get_or_insert_with(|| store::fingerprint::fingerprint(doc)).clone())
}

/// The library document with this fingerprint, if it is open.
pub fn doc_with_fingerprint(app: &mut App, fp: &str) -> Option<usize> {
    (0..app.library.docs.len()).find(|&i| fingerprint_of(app, i).as_deref() == Some(fp))
}

/// Who a record-level change is for: the document's fingerprint, title and last path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocKey {
    pub fingerprint: String,
    pub title: String,
    pub last_path: Option<String>,
}

/// Merge a change into the record of `key` (lock, re-read, merge by id, write), then bring the
/// open document's cached notes up to date. Used for edits, deletes, undo and renames, which
/// may concern documents that are not open.
pub fn write(app: &mut App, key: &DocKey, change: impl FnOnce(&mut DocRecord)) -> Result<(), StoreError> {
    let Some(store) = app.annotations.store.clone() else {
        return Err(StoreError::NoDataDir);
    };
    let mut incoming = DocRecord::new(&key.fingerprint, &key.title, key.last_path.clone());
    change(&mut incoming);
    for n in store.merge_record(&incoming)? {
        say(app, n);
    }
    reload(app, &key.fingerprint);
    Ok(())
}

/// Re-read an open document's record after a change (ours or merged) and re-place its notes.
pub fn reload(app: &mut App, fp: &str) {
    app.annotations.version += 1;
    let Some(i) = doc_with_fingerprint(app, fp) else { return };
    let doc = &app.library.docs[i];
    let data = &mut app.annotations.docs[i];
    let Some(handle) = data.handle.as_mut() else { return };
    let failed = handle.reload().err();
    let notices = handle.take_notices();
    place(data, doc);
    for n in notices {
        say(app, n);
    }
    if let Some(e) = failed {
        say(app, format!("Cannot re-read notes: {e}"));
    }
}

/// The current document's handle key (fingerprint, title, path), when its data is open.
pub fn key_of(app: &App, i: usize) -> Option<DocKey> {
    let r = app.annotations.docs.get(i)?.handle.as_ref()?.record();
    Some(DocKey { fingerprint: r.fingerprint.clone(), title: r.title.clone(), last_path: r.last_path.clone() })
}

/// `i`: show or hide notes under their passages.
pub fn toggle_inline(app: &mut App) {
    app.annotations.inline = !app.annotations.inline;
    let n = app.annotations.docs.get(app.current).map_or(0, |d| d.notes.len());
    app.message = Some(match (app.annotations.inline, n) {
        (true, 0) => "Notes are shown inline (this document has none yet: a writes one)".into(),
        (true, _) => "Notes are shown under their passages (i hides them)".into(),
        (false, _) => "Inline notes hidden (margin marks remain)".into(),
    });
}
