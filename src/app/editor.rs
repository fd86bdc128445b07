//! The note editor (`a`, `e` in the note list): a multi-line tui-textarea, Ctrl-s saves, Esc
//! on a changed note asks before discarding. While typing, the text is kept as a draft: written
//! a few seconds after a change (the event loop wakes for it) and, through `exit_hook`, on
//! SIGHUP/SIGTERM; the next start offers drafts left behind (`drafts.rs`).

use std::time::{Duration, Instant};

use tui_textarea::{Input, Key as TaKey, TextArea};

use super::annotations::{DocKey, fingerprint_of, place, say, write};
use super::{App, Overlay, exit_hook};
use crate::doc::Anchor;
use crate::input::{Code, Key};
use crate::store::clock::now_ms;
use crate::store::draft::{Draft, clear_draft, hold_draft, save_draft};
use crate::store::lock::FileLock;
use crate::store::{Note, StoredAnchor};

/// How long after a change the draft is written.
pub const DRAFT_DELAY: Duration = Duration::from_secs(3);

/// What saving the editor's text does.
#[derive(Debug, Clone)]
pub enum Target {
    /// A new note at `anchor` in library document `doc`.
    New { doc: usize, anchor: Anchor },
    /// A new text for an existing note (possibly of a document that is not open).
    Existing { key: DocKey, note: Box<Note> },
}

#[derive(Debug)]
pub struct NoteEditor {
    pub textarea: TextArea<'static>,
    pub target: Target,
    /// What the note said when the editor opened: a change from it asks before discarding.
    pub original: String,
    /// Esc on a changed note: the y/n question is showing.
    pub confirm_discard: bool,
    /// Where the note is, for the editor's title: section path and the quoted passage.
    pub section: String,
    pub quote: String,
    draft: Option<Draft>,
    /// Marks the draft as this process's while the editor is open (see `hold_draft`).
    _draft_lock: Option<FileLock>,
    draft_due: Option<Instant>,
}

impl NoteEditor {
    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }

    pub fn changed(&self) -> bool {
        self.text() != self.original
    }

    pub fn draft_id(&self) -> Option<&str> {
        self.draft.as_ref().map(|d| d.id.as_str())
    }
}

/// Text safe to show: control characters other than tab would reach the terminal through
/// tui-textarea, which does not sanitise.
fn clean(text: &str) -> String {
    text.chars().filter(|&c| c == '\n' || c == '\t' || !c.is_control()).collect()
}

fn textarea(text: &str) -> TextArea<'static> {
    let lines: Vec<String> = clean(text).split('\n').map(str::to_string).collect();
    let mut t = TextArea::new(lines);
    t.set_cursor_line_style(Default::default());
    t.set_placeholder_text("Write your note. Ctrl-s saves, Esc closes.");
    t.move_cursor(tui_textarea::CursorMove::Bottom);
    t.move_cursor(tui_textarea::CursorMove::End);
    t
}

/// Open the editor on `target` with `text`, reusing `draft` (a restored one) when given.
pub fn open(app: &mut App, target: Target, text: &str, original: &str, draft: Option<Draft>) {
    let anchor = match &target {
        Target::New { doc, anchor } => app.library.docs.get(*doc).map(|d| crate::store::capture::capture(d, *anchor)),
        Target::Existing { note, .. } => Some(note.anchor.clone()),
    }
    .unwrap_or_default();
    let section = if anchor.section_path.is_empty() {
        "(before the first heading)".to_string()
    } else {
        anchor.section_path.join(" › ")
    };
    let quote = anchor.quote.trim().to_string();
    let draft = draft.or_else(|| new_draft(app, &target, anchor));
    let draft_lock = match (app.annotations.store.as_ref(), draft.as_ref()) {
        (Some(store), Some(d)) => hold_draft(store, &d.id).ok().flatten(),
        _ => None,
    };
    app.overlay = Some(Overlay::Editor(Box::new(NoteEditor {
        textarea: textarea(text),
        target,
        original: original.to_string(),
        confirm_discard: false,
        section,
        quote,
        draft,
        _draft_lock: draft_lock,
        draft_due: None,
    })));
}

fn new_draft(app: &mut App, target: &Target, anchor: StoredAnchor) -> Option<Draft> {
    app.annotations.store.as_ref()?;
    let (fp, title, note_id) = match target {
        Target::New { doc, .. } => (fingerprint_of(app, *doc)?, app.library.docs[*doc].title.clone(), None),
        Target::Existing { key, note } => (key.fingerprint.clone(), key.title.clone(), Some(note.id.clone())),
    };
    Some(Draft::new(&fp, &title, note_id, anchor, ""))
}

/// `a`: a note on the passage a search landed on, else on the top line (a section heading
/// there, or a section pinned by a jump, makes it a note on the section).
pub fn open_new(app: &mut App) {
    let i = app.current;
    let (Some(doc), Some(view)) = (app.library.docs.get(i), app.views.get(i)) else { return };
    if app.annotations.store.is_none() {
        app.message = Some("Notes are off: no data directory (see --data-dir)".into());
        return;
    }
    let anchor = match (app.mark.filter(|m| m.doc == i), view.pinned_section) {
        (Some(m), _) => m.anchor,
        (None, Some(s)) => Anchor::new(doc.outline[s].block, 0),
        (None, None) => view.top,
    };
    open(app, Target::New { doc: i, anchor }, "", "", None);
}

fn editor(app: &mut App) -> Option<&mut NoteEditor> {
    match app.overlay.as_mut() {
        Some(Overlay::Editor(e)) => Some(e),
        _ => None,
    }
}

/// Our key as tui-textarea's input. Keys it has no name for are dropped.
pub fn to_input(key: Key) -> Option<Input> {
    let k = match key.code {
        Code::Char(c) => TaKey::Char(c),
        Code::Enter => TaKey::Enter,
        Code::Esc => TaKey::Esc,
        Code::Backspace => TaKey::Backspace,
        Code::Tab => TaKey::Tab,
        Code::BackTab => return None,
        Code::Up => TaKey::Up,
        Code::Down => TaKey::Down,
        Code::Left => TaKey::Left,
        Code::Right => TaKey::Right,
        Code::Home => TaKey::Home,
        Code::End => TaKey::End,
        Code::PageUp => TaKey::PageUp,
        Code::PageDown => TaKey::PageDown,
        Code::Delete => TaKey::Delete,
        Code::Insert => return None,
        Code::F(n) => TaKey::F(n),
    };
    Some(Input { key: k, ctrl: key.ctrl, alt: key.alt, shift: false })
}

/// A key typed into the editor; a change schedules the draft and refreshes the exit snapshot.
pub fn type_key(app: &mut App, key: Key) {
    let store = app.annotations.store.clone();
    let Some(e) = editor(app) else { return };
    let Some(input) = to_input(key) else { return };
    if !e.textarea.input(input) {
        return;
    }
    let text = e.text();
    if let (Some(store), Some(d)) = (store, e.draft.as_mut()) {
        d.text = text;
        e.draft_due.get_or_insert_with(|| Instant::now() + DRAFT_DELAY);
        let mut snapshot = d.clone();
        exit_hook::set(exit_hook::DRAFT, Some(Box::new(move || drop(save_draft(&store, &mut snapshot)))));
    }
}

/// When the event loop should wake for the draft autosave.
pub fn due(app: &App) -> Option<Instant> {
    match &app.overlay {
        Some(Overlay::Editor(e)) => e.draft_due,
        _ => None,
    }
}

/// Write the draft if its time has come (or `force`).
pub fn run_timer(app: &mut App, now: Instant, force: bool) {
    let store = app.annotations.store.clone();
    let Some(e) = editor(app) else { return };
    if !e.draft_due.is_some_and(|d| force || d <= now) {
        return;
    }
    e.draft_due = None;
    let (Some(store), Some(d)) = (store, e.draft.as_mut()) else { return };
    if let Err(err) = save_draft(&store, d) {
        say(app, format!("Cannot save the draft: {err}"));
    }
}

/// Forget the draft (saved or discarded): file, timer and exit snapshot.
fn drop_draft(app: &mut App, e: &NoteEditor) {
    exit_hook::set(exit_hook::DRAFT, None);
    if let (Some(store), Some(id)) = (app.annotations.store.as_ref(), e.draft_id())
        && let Err(err) = clear_draft(store, id)
    {
        say(app, format!("Cannot remove the draft: {err}"));
    }
}

/// Ctrl-s: write the note, close the editor.
pub fn save(app: &mut App) {
    let Some(Overlay::Editor(e)) = app.overlay.take() else { return };
    let text = e.text().trim_end().to_string();
    if text.trim().is_empty() {
        if matches!(e.target, Target::Existing { .. }) {
            app.message = Some("An empty note is not saved (d in the note list deletes it)".into());
            app.overlay = Some(Overlay::Editor(e));
            return;
        }
        drop_draft(app, &e);
        app.message = Some("Empty note discarded".into());
        return;
    }
    let result = match &e.target {
        Target::New { doc, anchor } => add(app, *doc, *anchor, &text),
        Target::Existing { key, note } => {
            let mut n = (**note).clone();
            n.text = text.clone();
            n.updated = now_ms();
            write(app, key, |r| r.notes.push(n)).map_err(|err| err.to_string())
        }
    };
    match result {
        Ok(()) => {
            drop_draft(app, &e);
            app.message = Some("Note saved".into());
        }
        Err(err) => {
            // Keep the editor (and the draft) so nothing typed is lost.
            app.message = Some(format!("Cannot save the note: {err} (the draft is kept)"));
            app.overlay = Some(Overlay::Editor(e));
        }
    }
}

fn add(app: &mut App, i: usize, anchor: Anchor, text: &str) -> Result<(), String> {
    super::annotations::ensure_open(app);
    let doc = app.library.docs.get(i).ok_or("the document is gone")?;
    let data = app.annotations.docs.get_mut(i).ok_or("no notes for this document")?;
    let handle = data.handle.as_mut().ok_or("this document's notes could not be opened")?;
    handle.add_note(doc, anchor, text).map_err(|e| e.to_string())?;
    let notices = handle.take_notices();
    place(data, doc);
    app.annotations.version += 1;
    for n in notices {
        say(app, n);
    }
    Ok(())
}

/// Esc: close at once when nothing changed, else ask.
pub fn close(app: &mut App) {
    let Some(e) = editor(app) else { return };
    if e.changed() {
        e.confirm_discard = true;
        return;
    }
    if let Some(Overlay::Editor(e)) = app.overlay.take() {
        drop_draft(app, &e);
    }
}

/// The answer to "discard changes?": yes closes and forgets, anything else goes back.
pub fn answer(app: &mut App, discard: bool) {
    if discard {
        if let Some(Overlay::Editor(e)) = app.overlay.take() {
            drop_draft(app, &e);
            app.message = Some("Note discarded".into());
        }
    } else if let Some(e) = editor(app) {
        e.confirm_discard = false;
    }
}
