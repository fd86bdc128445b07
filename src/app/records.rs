//! Bookmarks and notes as list entries, read from every document record in the store (open
//! in the library or not), placed in the text when their document is open; and going to one.

use super::App;
use super::annotations::{DocKey, doc_with_fingerprint, ensure_open, say};
use super::find::reveal;
use super::fuzzy::Mark;
use crate::doc::Anchor;
use crate::store::{Bookmark, Note, Placement, StoredAnchor, reanchor};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Note(Note),
    Bookmark(Bookmark),
}

/// One row of the bookmark or note list.
#[derive(Debug, Clone)]
pub struct Entry {
    pub key: DocKey,
    /// The library document it belongs to, when that document is open.
    pub doc: Option<usize>,
    pub item: Item,
    /// Where it lands in the open document; `None` when the document is not open.
    pub placement: Option<Placement>,
}

impl Entry {
    pub fn id(&self) -> &str {
        match &self.item {
            Item::Note(n) => &n.id,
            Item::Bookmark(b) => &b.id,
        }
    }

    pub fn anchor(&self) -> &StoredAnchor {
        match &self.item {
            Item::Note(n) => &n.anchor,
            Item::Bookmark(b) => &b.anchor,
        }
    }

    /// The bookmark's name or the note's text.
    pub fn label(&self) -> &str {
        match &self.item {
            Item::Note(n) => &n.text,
            Item::Bookmark(b) => &b.name,
        }
    }

    pub fn created(&self) -> u64 {
        match &self.item {
            Item::Note(n) => n.created,
            Item::Bookmark(b) => b.created,
        }
    }

    pub fn orphaned(&self) -> bool {
        self.placement == Some(Placement::Orphaned)
    }

    /// Does every word of `filter` (lower case) occur in the label, quote, section or title?
    pub fn matches(&self, filter: &str) -> bool {
        let a = self.anchor();
        let hay =
            format!("{} {} {} {}", self.label(), a.quote, a.section_path.join(" "), self.key.title).to_lowercase();
        filter.split_whitespace().all(|w| hay.contains(&w.to_lowercase()))
    }
}

/// Which records to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// Every bookmark of every document, newest first.
    Bookmarks,
    /// Notes of library document `doc` in reading order, orphaned ones last.
    NotesOf(usize),
    /// Every note, by document title then reading order.
    AllNotes,
}

/// Read the entries from the store. Quarantine messages go to the status line.
pub fn load(app: &mut App, which: Which) -> Vec<Entry> {
    let Some(store) = app.annotations.store.clone() else { return Vec::new() };
    let (records, notices) = match store.records() {
        Ok(r) => r,
        Err(e) => {
            say(app, format!("Cannot read notes: {e}"));
            return Vec::new();
        }
    };
    for n in notices {
        say(app, n);
    }
    let mut out = Vec::new();
    for r in records {
        let doc = doc_with_fingerprint(app, &r.fingerprint);
        if let Which::NotesOf(d) = which
            && doc != Some(d)
        {
            continue;
        }
        let key = DocKey { fingerprint: r.fingerprint.clone(), title: r.title.clone(), last_path: r.last_path.clone() };
        let items: Vec<Item> = match which {
            Which::Bookmarks => r.bookmarks.into_iter().map(Item::Bookmark).collect(),
            _ => r.notes.into_iter().map(Item::Note).collect(),
        };
        for item in items {
            let mut e = Entry { key: key.clone(), doc, item, placement: None };
            e.placement = doc.map(|i| reanchor(&app.library.docs[i], e.anchor()));
            out.push(e);
        }
    }
    sort(&mut out, which);
    out
}

pub fn sort(entries: &mut [Entry], which: Which) {
    match which {
        Which::Bookmarks => entries.sort_by(|a, b| b.created().cmp(&a.created()).then_with(|| b.id().cmp(a.id()))),
        _ => entries.sort_by(|a, b| {
            let place = |e: &Entry| {
                let at = e.placement.and_then(|p| p.anchor());
                (at.is_none(), at.unwrap_or(Anchor::new(e.anchor().block, e.anchor().byte)))
            };
            (&a.key.title, &a.key.fingerprint, place(a), a.id()).cmp(&(
                &b.key.title,
                &b.key.fingerprint,
                place(b),
                b.id(),
            ))
        }),
    }
}

/// Go to an entry: its document (opened from its last path when it is not open), its passage
/// marked. Returns false (with a message) when there is nowhere to go.
pub fn go_to(app: &mut App, e: &Entry) -> bool {
    let doc = match e.doc {
        Some(i) => i,
        None => match open_from_path(app, &e.key) {
            Some(i) => i,
            None => return false,
        },
    };
    app.current = doc;
    app.refresh();
    ensure_open(app);
    let placement = match e.placement {
        Some(p) => p,
        None => reanchor(&app.library.docs[doc], e.anchor()),
    };
    let Some(at) = placement.anchor() else {
        app.message =
            Some(format!("Orphaned: its passage is no longer in the text (it quoted “{}”)", e.anchor().quote.trim()));
        return false;
    };
    let h = app.body_height();
    match e.item {
        // A bookmark is a reading position: it goes to the top, as it was taken.
        Item::Bookmark(_) => {
            app.views[doc].wrap_near(&app.library.docs[doc], at);
            app.views[doc].jump_to(at, h)
        }
        Item::Note(_) => reveal(&mut app.views[doc], &app.library.docs[doc], at, h),
    }
    let text = app.library.docs[doc].blocks.get(at.block).map_or("", |b| b.text.as_str());
    let end = crate::store::capture::QUOTE_BYTES.min(e.anchor().quote.len()).max(1);
    let mut end = (at.byte + end).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    app.mark = Some(Mark { doc, anchor: at, end });
    if matches!(placement, Placement::Fuzzy(_)) {
        app.message = Some("The text changed here since; this is the closest passage".into());
    }
    true
}

/// Open the document a record was last read from, adding it to the library.
fn open_from_path(app: &mut App, key: &DocKey) -> Option<usize> {
    let Some(path) = key.last_path.as_deref().filter(|p| !p.starts_with("bundled:")) else {
        app.message = Some(format!("{} is not open", key.title));
        return None;
    };
    // Only a file or a directory: a FIFO (or a device) would block the reader until a writer came.
    let reopenable = std::fs::metadata(path).is_ok_and(|m| m.is_file() || m.is_dir());
    if !reopenable {
        app.message = Some(format!("{} is not open and {path} is not a file to reopen", key.title));
        return None;
    }
    let lib = crate::library::Library::open_paths(&[std::path::PathBuf::from(path)]);
    if lib.docs.is_empty() {
        app.message = Some(format!("{} is not open and cannot be read from {path}", key.title));
        return None;
    }
    let first = app.library.docs.len();
    for d in &lib.docs {
        app.views.push(super::view::DocView::new(d));
    }
    app.library.extend(lib);
    app.annotations.docs.resize_with(app.library.docs.len(), Default::default);
    // The search index covers the documents it was built from; build it again when needed.
    app.fuzzy.index = None;
    Some(first)
}
