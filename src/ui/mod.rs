//! Pure render functions from application state to a ratatui buffer; rendering changes nothing.

pub mod bookmarks;
pub mod editor;
pub mod find;
pub mod fuzzy;
pub mod help;
pub mod library;
pub mod links;
pub mod popup;
pub mod reader;
pub mod record_list;
pub mod status;
pub mod text;
pub mod theme;
pub mod tree;

use ratatui::Frame;

use crate::app::{App, Overlay};
pub use theme::Theme;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let screen = frame.area();
    let buf = frame.buffer_mut();
    tree::render(app, theme, buf);
    reader::render(app, theme, buf);
    status::render(app, theme, buf);
    match &app.overlay {
        Some(Overlay::Help { scroll }) => help::render(&app.keymap, *scroll, screen, theme, buf),
        Some(Overlay::Links { items, scroll }) => links::render(items, *scroll, screen, theme, buf),
        Some(Overlay::Library { selected }) => library::render(&app.library, *selected, screen, theme, buf),
        Some(Overlay::Fuzzy(o)) => fuzzy::render(app, o, screen, theme, frame),
        Some(Overlay::Find(p)) => find::render(app, p, theme, frame),
        Some(Overlay::BookmarkName(p)) => bookmarks::render(app, p, theme, frame),
        Some(Overlay::Records(l)) => record_list::render(l, screen, theme, frame),
        Some(Overlay::Editor(e)) => editor::render(e, screen, theme, frame),
        Some(Overlay::RestoreDraft(d)) => editor::render_restore(d, screen, theme, frame),
        None => {}
    }
}
