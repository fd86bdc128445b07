//! Overlays drawn over the reader, and which keymap sections apply while each is open.

use super::bookmarks::NamePrompt;
use super::editor::NoteEditor;
use super::find::FindPrompt;
use super::fuzzy::FuzzyOverlay;
use super::record_list::RecordList;
use crate::input::Context;
use crate::store::draft::Draft;

#[derive(Debug)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Library {
        selected: usize,
    },
    /// The fuzzy-search overlay (`f`, Ctrl-p).
    Fuzzy(Box<FuzzyOverlay>),
    /// The `/` prompt on the status line.
    Find(FindPrompt),
    /// The bookmark name prompt (`m`) on the status line.
    BookmarkName(NamePrompt),
    /// The bookmark list (`B`) or the note list (`A`).
    Records(Box<RecordList>),
    /// The note editor (`a`, `e`).
    Editor(Box<NoteEditor>),
    /// Drafts left by an earlier session, offered one at a time.
    RestoreDraft(Vec<Draft>),
    /// The links on screen and their targets (`U`).
    Links {
        items: Vec<super::links::LinkItem>,
        scroll: usize,
    },
}

impl Overlay {
    /// Keymap sections in force, most specific first. Field overlays send every key that is
    /// not bound in the field section into their text input.
    pub fn contexts(&self) -> &'static [Context] {
        match self {
            Overlay::Help { .. } | Overlay::Library { .. } | Overlay::Links { .. } => &[Context::List],
            Overlay::Fuzzy(_) | Overlay::Find(_) | Overlay::BookmarkName(_) => &[Context::Field],
            Overlay::Records(l) => l.contexts(),
            Overlay::Editor(e) if e.confirm_discard => &[Context::Confirm],
            Overlay::Editor(_) => &[Context::Editor],
            Overlay::RestoreDraft(_) => &[Context::Confirm],
        }
    }

    pub fn takes_text(&self) -> bool {
        self.contexts().iter().any(|c| c.takes_text())
    }
}
