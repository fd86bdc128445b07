//! `m`: bookmark the reading position. A prompt on the status line starts with the section's
//! title; Enter saves the bookmark under the (possibly edited) name, Esc cancels.

use super::annotations::{place, say};
use super::line_edit::LineInput;
use super::{App, Overlay};
use crate::doc::Anchor;
use crate::input::Key;

/// The name prompt of a bookmark being added at `anchor` of library document `doc`.
#[derive(Debug, Clone)]
pub struct NamePrompt {
    pub input: LineInput,
    pub doc: usize,
    pub anchor: Anchor,
}

pub fn open(app: &mut App) {
    let i = app.current;
    let (Some(doc), Some(view)) = (app.library.docs.get(i), app.views.get(i)) else { return };
    if app.annotations.docs.get(i).is_none_or(|d| d.handle.is_none()) {
        app.message = Some("Bookmarks are off: no data directory (see --data-dir)".into());
        return;
    }
    let name = view.current_section(doc).map(|s| doc.outline[s].title.clone()).unwrap_or_else(|| doc.title.clone());
    let anchor = match view.pinned_section {
        Some(s) => Anchor::new(doc.outline[s].block, 0),
        None => view.top,
    };
    app.overlay = Some(Overlay::BookmarkName(NamePrompt { input: LineInput::with_text(&name), doc: i, anchor }));
}

pub fn type_key(app: &mut App, key: Key) {
    if let Some(Overlay::BookmarkName(p)) = app.overlay.as_mut() {
        p.input.edit(key);
    }
}

/// Enter: save the bookmark.
pub fn accept(app: &mut App) {
    let Some(Overlay::BookmarkName(p)) = app.overlay.take() else { return };
    let (Some(doc), Some(data)) = (app.library.docs.get(p.doc), app.annotations.docs.get_mut(p.doc)) else { return };
    let Some(handle) = data.handle.as_mut() else { return };
    let name = match p.input.text.trim() {
        "" => doc.title.clone(),
        n => n.to_string(),
    };
    let result = handle.add_bookmark(doc, p.anchor, &name);
    let notices = handle.take_notices();
    place(data, doc);
    for n in notices {
        say(app, n);
    }
    match result {
        Ok(_) => say(app, format!("Bookmarked “{name}” (B lists bookmarks)")),
        Err(e) => say(app, format!("Cannot save the bookmark: {e}")),
    }
}
