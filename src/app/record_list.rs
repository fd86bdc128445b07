//! The bookmark list (`B`) and the note list (`A`): one overlay with a filter (`/` focuses
//! it, so the plain keys r, d, u, e keep working), jumping (Enter), renaming bookmarks (r),
//! editing notes (e), deleting (d) with undo (u) while the list is open, and for notes the
//! scope (Tab: this document or everywhere).

use super::annotations::{DocKey, say, write};
use super::line_edit::LineInput;
use super::list_moves::ListMove;
use super::records::{Entry, Item, Which, go_to, load, sort};
use super::{App, Command, Overlay, editor};
use crate::input::{Context, Key};
use crate::store::clock::now_ms;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Browse,
    /// Typing into the filter.
    Filter,
    /// Typing a bookmark's new name.
    Rename(LineInput),
}

#[derive(Debug, Clone)]
pub struct RecordList {
    pub which: Which,
    pub entries: Vec<Entry>,
    /// Indices into `entries` that pass the filter.
    pub shown: Vec<usize>,
    /// Index into `shown`.
    pub selected: usize,
    pub filter: LineInput,
    pub mode: Mode,
    /// Deleted entries, newest last, for `u`.
    pub undo: Vec<Entry>,
}

impl RecordList {
    pub fn bookmarks(&self) -> bool {
        self.which == Which::Bookmarks
    }

    pub fn contexts(&self) -> &'static [Context] {
        match (&self.mode, self.bookmarks()) {
            (Mode::Browse, true) => &[Context::Bookmarks, Context::List],
            (Mode::Browse, false) => &[Context::Notes, Context::List],
            _ => &[Context::Field],
        }
    }

    pub fn current(&self) -> Option<&Entry> {
        self.shown.get(self.selected).and_then(|&i| self.entries.get(i))
    }

    fn refilter(&mut self) {
        let f = self.filter.text.clone();
        self.shown = (0..self.entries.len()).filter(|&i| self.entries[i].matches(&f)).collect();
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
    }
}

/// `B` or `A`: open a list.
pub fn open(app: &mut App, which: Which) {
    if app.annotations.store.is_none() {
        app.message = Some("Notes and bookmarks are off: no data directory (see --data-dir)".into());
        return;
    }
    let entries = load(app, which);
    let mut list = RecordList {
        which,
        entries,
        shown: Vec::new(),
        selected: 0,
        filter: LineInput::default(),
        mode: Mode::Browse,
        undo: Vec::new(),
    };
    list.refilter();
    app.overlay = Some(Overlay::Records(Box::new(list)));
}

pub fn open_notes(app: &mut App) {
    open(app, Which::NotesOf(app.current));
}

fn list(app: &mut App) -> Option<&mut RecordList> {
    match app.overlay.as_mut() {
        Some(Overlay::Records(l)) => Some(l),
        _ => None,
    }
}

/// A key typed into the filter or the rename field.
pub fn type_key(app: &mut App, key: Key) {
    let Some(l) = list(app) else { return };
    match &mut l.mode {
        Mode::Filter => {
            if l.filter.edit(key) {
                l.selected = 0;
                l.refilter();
            }
        }
        Mode::Rename(input) => {
            input.edit(key);
        }
        Mode::Browse => {}
    }
}

/// A command while the list is open.
pub fn run(app: &mut App, cmd: Command, count: Option<usize>) {
    let n = count.unwrap_or(1) as isize;
    let page = super::list_moves::page_rows(app);
    let Some(l) = list(app) else { return };
    match (&l.mode, cmd) {
        (_, cmd) if ListMove::of(cmd, 1).is_some() => {
            let last = l.shown.len().saturating_sub(1);
            l.selected = ListMove::of(cmd, n as usize).expect("checked").apply(l.selected, last, page);
        }
        (Mode::Filter, Command::Accept) => l.mode = Mode::Browse,
        (Mode::Filter, Command::Close) => {
            l.filter = LineInput::default();
            l.mode = Mode::Browse;
            l.refilter();
        }
        (Mode::Rename(_), Command::Accept) => rename(app),
        (Mode::Rename(_), Command::Close) => l.mode = Mode::Browse,
        (Mode::Browse, Command::Close) => app.overlay = None,
        (Mode::Browse, Command::Filter) => l.mode = Mode::Filter,
        (Mode::Browse, Command::ListOpen) => {
            if let Some(e) = l.current().cloned() {
                let restore = app.overlay.take();
                if !go_to(app, &e) && app.overlay.is_none() {
                    app.overlay = restore;
                }
            }
        }
        (Mode::Browse, Command::Rename) => {
            if let Some(Item::Bookmark(b)) = l.current().map(|e| &e.item) {
                l.mode = Mode::Rename(LineInput::with_text(&b.name));
            }
        }
        (Mode::Browse, Command::EditNote) => edit(app),
        (Mode::Browse, Command::Delete) => delete(app),
        (Mode::Browse, Command::Undo) => undo(app),
        (Mode::Browse, Command::Widen) => {
            let which = match l.which {
                Which::NotesOf(_) => Which::AllNotes,
                Which::AllNotes => Which::NotesOf(app.current),
                Which::Bookmarks => return,
            };
            let entries = load(app, which);
            if let Some(l) = list(app) {
                l.which = which;
                l.entries = entries;
                l.selected = 0;
                l.refilter();
            }
        }
        _ => {}
    }
}

fn rename(app: &mut App) {
    let Some(l) = list(app) else { return };
    let Mode::Rename(input) = std::mem::replace(&mut l.mode, Mode::Browse) else { return };
    let Some(&i) = l.shown.get(l.selected) else { return };
    let e = &mut l.entries[i];
    let Item::Bookmark(b) = &mut e.item else { return };
    let name = input.text.trim().to_string();
    if name.is_empty() || name == b.name {
        return;
    }
    b.name = name;
    b.updated = now_ms();
    let (key, bm) = (e.key.clone(), b.clone());
    let r = write(app, &key, |r| r.bookmarks.push(bm));
    report(app, r, "Renamed");
}

fn report(app: &mut App, result: Result<(), crate::store::StoreError>, done: &str) {
    match result {
        Ok(()) => say(app, done.to_string()),
        Err(e) => say(app, format!("Not saved: {e}")),
    }
}

fn edit(app: &mut App) {
    let Some(e) = list(app).and_then(|l| l.current().cloned()) else { return };
    let Item::Note(note) = e.item else { return };
    let text = note.text.clone();
    editor::open(app, editor::Target::Existing { key: e.key, note: Box::new(note) }, &text, &text, None);
}

fn delete(app: &mut App) {
    let Some(l) = list(app) else { return };
    let Some(&i) = l.shown.get(l.selected) else { return };
    let e = l.entries.remove(i);
    l.refilter();
    let (key, id) = (e.key.clone(), e.id().to_string());
    let what = if l.bookmarks() { "Bookmark" } else { "Note" };
    l.undo.push(e);
    let at = now_ms();
    let r = write(app, &key, |r| {
        r.deleted.insert(id, at);
    });
    report(app, r, &format!("{what} deleted (u undoes)"));
}

/// Bring back the last deleted entry: written again with a time after its delete, which the
/// merge rule lets win over the tombstone.
fn undo(app: &mut App) {
    let Some(l) = list(app) else { return };
    let Some(mut e) = l.undo.pop() else {
        say(app, "Nothing to undo".into());
        return;
    };
    let t = now_ms();
    match &mut e.item {
        Item::Note(n) => n.updated = t,
        Item::Bookmark(b) => b.updated = t,
    }
    let which = l.which;
    l.entries.push(e.clone());
    sort(&mut l.entries, which);
    l.refilter();
    if let Some(pos) = l.entries.iter().position(|x| x.id() == e.id())
        && let Some(s) = l.shown.iter().position(|&i| i == pos)
    {
        l.selected = s;
    }
    let key: DocKey = e.key.clone();
    let item = e.item.clone();
    let r = write(app, &key, |r| match item {
        Item::Note(n) => r.notes.push(n),
        Item::Bookmark(b) => r.bookmarks.push(b),
    });
    report(app, r, "Restored");
}
