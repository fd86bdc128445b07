//! `update`: the only place application state changes. Pure: no I/O, no terminal.

use super::geometry::{MIN_TREE_WIDTH, tree_at_start};
use super::list_moves::{ListMove, move_in_overlay};
use super::view::DocView;
use super::{
    Action, App, Command, Focus, Overlay, bookmarks, drafts, editor, find, fuzzy, inline, record_list, resume,
};
use crate::doc::{Anchor, Document};
use crate::input::Key;

/// Apply one action.
pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Resize(c, r) => {
            app.cols = c;
            app.rows = r;
            if !app.tree_chosen {
                app.tree_shown = tree_at_start(app.settings.tree_at, c, r);
                if !app.tree_shown {
                    app.focus = Focus::Text;
                }
            }
        }
        Action::Run(cmd, count) => {
            if app.overlay.is_some() {
                run_overlay(app, cmd, count);
            } else {
                // Any move of the reader ends the mark left by a search jump.
                app.mark = None;
                run(app, cmd, count);
            }
        }
        Action::Type(key) => match app.overlay.as_mut() {
            Some(Overlay::Fuzzy(_)) => fuzzy::type_key(app, key),
            Some(Overlay::Find(p)) => find::type_key(p, key),
            Some(Overlay::BookmarkName(_)) => bookmarks::type_key(app, key),
            Some(Overlay::Records(_)) => record_list::type_key(app, key),
            Some(Overlay::Editor(_)) => editor::type_key(app, key),
            _ => {}
        },
    }
    app.refresh();
    resume::after_update(app);
}

/// Feed one key through the keymap and apply what it means.
pub fn handle_key(app: &mut App, key: Key) {
    app.message = None;
    let ctx = app.contexts();
    if let Some(action) = app.dispatcher.feed(&app.keymap, ctx, key) {
        update(app, action);
    }
}

fn run(app: &mut App, cmd: Command, count: Option<usize>) {
    let h = app.body_height();
    let n = count.unwrap_or(1).max(1);
    let page = h.saturating_sub(1).max(1);
    let tree_shown = app.tree_shown;
    if app.annotations.inline
        && let Some(rows) = match cmd {
            Command::PageDown | Command::PageUp => Some(page),
            Command::HalfDown | Command::HalfUp => Some((h / 2).max(1)),
            _ => None,
        }
    {
        // Inline notes take rows: move by the text lines that span a page (half a page) of
        // rows, repeated for a count since each step meets different notes.
        let forward = matches!(cmd, Command::PageDown | Command::HalfDown);
        for _ in 0..n {
            let lines = inline::lines_spanning(app, rows, forward) as isize;
            let end = inline::tail_lines(app, h);
            if let Some(v) = app.views.get_mut(app.current) {
                v.scroll_by(if forward { lines } else { -lines }, end);
            }
        }
        return;
    }
    let Some(doc) = app.library.docs.get(app.current) else {
        global(app, cmd);
        return;
    };
    // The top may go as far as the last screenful allows, which inline notes make shorter.
    let end = inline::tail_lines(app, h);
    let view = &mut app.views[app.current];
    match cmd {
        Command::LineDown => view.scroll_by(n as isize, end),
        Command::LineUp => view.scroll_by(-(n as isize), end),
        Command::PageDown => view.scroll_by((page * n) as isize, end),
        Command::PageUp => view.scroll_by(-((page * n) as isize), end),
        Command::HalfDown => view.scroll_by((h / 2).max(1) as isize * n as isize, end),
        Command::HalfUp => view.scroll_by(-((h / 2).max(1) as isize * n as isize), end),
        Command::Top | Command::Bottom => {
            let target = match (cmd, count) {
                (_, Some(line)) => line.saturating_sub(1),
                (Command::Top, None) => 0,
                _ => usize::MAX,
            };
            let line = target.min(view.max_top(end));
            let anchor = view.layout().anchor_of(line);
            view.jump_to(anchor, end);
        }
        Command::Percent => {
            if let Some(p) = count {
                let len = view.layout().len();
                let line = len * p.min(100) / 100;
                let anchor = view.layout().anchor_of(line.min(len.saturating_sub(1)));
                // Make the target's part exact so the jump lands where the count says.
                view.wrap_near(doc, anchor);
                view.jump_to(anchor, h);
            }
        }
        Command::NextSection => {
            for _ in 0..n {
                if let Some(s) = view.section_by_order(view.current_section(doc), 1) {
                    view.jump_to_section(doc, s, h);
                }
            }
        }
        Command::PrevSection => {
            for _ in 0..n {
                let target = prev_section(doc, view, view.current_section(doc));
                if let Some(s) = target {
                    view.jump_to_section(doc, s, h);
                } else {
                    view.jump_to(Anchor::default(), h);
                }
            }
        }
        Command::JumpBack => {
            if let Some(a) = view.jumps.back(view.top) {
                let line = view.layout().line_of(a);
                view.set_top_line(line, h);
            } else {
                app.message = Some("No earlier position".into());
            }
        }
        Command::JumpForward => {
            if let Some(a) = view.jumps.forward(view.top) {
                let line = view.layout().line_of(a);
                view.set_top_line(line, h);
            } else {
                app.message = Some("No later position".into());
            }
        }
        Command::TreeDown => view.tree.move_by(n as isize),
        Command::TreeUp => view.tree.move_by(-(n as isize)),
        Command::TreeTop => view.tree.move_to_row(0),
        Command::TreeBottom => view.tree.move_to_row(usize::MAX),
        Command::TreeCollapse => view.tree.collapse(&doc.outline),
        Command::TreeExpand => view.tree.expand(&doc.outline),
        Command::TreeToggle => view.tree.toggle(&doc.outline),
        Command::TreeOpen => {
            let s = view.tree.cursor;
            view.jump_to_section(doc, s, h);
            if !tree_shown {
                app.focus = Focus::Text;
            }
        }
        Command::CollapseAll => view.tree.set_all(&doc.outline, false),
        Command::ExpandAll => view.tree.set_all(&doc.outline, true),
        _ => global(app, cmd),
    }
}

fn global(app: &mut App, cmd: Command) {
    match cmd {
        Command::ToggleTree => {
            app.tree_shown = !app.tree_shown;
            app.tree_chosen = true;
            if !app.tree_shown {
                app.focus = Focus::Text;
            }
        }
        Command::SwitchFocus => {
            app.focus = match app.focus {
                Focus::Text if app.tree_shown => Focus::Tree,
                Focus::Text => {
                    app.message = Some("The chapter tree is hidden (t shows it)".into());
                    Focus::Text
                }
                Focus::Tree => Focus::Text,
            }
        }
        Command::TreeNarrower => app.tree_width = app.tree_width.saturating_sub(4).max(MIN_TREE_WIDTH),
        Command::TreeWider => app.tree_width = (app.tree_width + 4).min((app.cols / 2).max(MIN_TREE_WIDTH)),
        Command::Library => app.overlay = Some(Overlay::Library { selected: app.current }),
        Command::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Command::Links => super::links::open(app),
        Command::Redraw => app.full_redraw = true,
        Command::Search => fuzzy::open(app),
        Command::Find => find::open(app),
        Command::FindNext => find::step(app, true),
        Command::FindPrev => find::step(app, false),
        Command::ClearSearch => app.find = None,
        Command::AddBookmark => bookmarks::open(app),
        Command::Bookmarks => record_list::open(app, super::records::Which::Bookmarks),
        Command::Annotate => editor::open_new(app),
        Command::Notes => record_list::open_notes(app),
        Command::ToggleInlineNotes => super::annotations::toggle_inline(app),
        Command::Quit => {
            app.save_pending();
            app.quit = true;
        }
        _ => {}
    }
}

fn run_overlay(app: &mut App, cmd: Command, count: Option<usize>) {
    let n = count.unwrap_or(1);
    match (app.overlay.as_ref(), cmd) {
        (Some(Overlay::Fuzzy(_)), Command::Accept) => return fuzzy::accept(app),
        (Some(Overlay::Fuzzy(_)), Command::ListDown) => return fuzzy::move_selection(app, 1),
        (Some(Overlay::Fuzzy(_)), Command::ListUp) => return fuzzy::move_selection(app, -1),
        (Some(Overlay::Fuzzy(_)), Command::Widen) => return fuzzy::toggle_scope(app),
        (Some(Overlay::Find(_)), Command::Accept) => return find::accept(app),
        (Some(Overlay::Find(_)), Command::ListUp) => return find::recall(app, true),
        (Some(Overlay::Find(_)), Command::ListDown) => return find::recall(app, false),
        (Some(Overlay::BookmarkName(_)), Command::Accept) => return bookmarks::accept(app),
        (Some(Overlay::Records(_)), _) => return record_list::run(app, cmd, count),
        (Some(Overlay::Editor(e)), _) if e.confirm_discard => {
            return editor::answer(app, cmd == Command::Yes);
        }
        (Some(Overlay::Editor(_)), Command::Save) => return editor::save(app),
        (Some(Overlay::Editor(_)), Command::Close) => return editor::close(app),
        (Some(Overlay::RestoreDraft(_)), Command::Yes) => return drafts::answer(app, Some(true)),
        (Some(Overlay::RestoreDraft(_)), Command::No) => return drafts::answer(app, Some(false)),
        (Some(Overlay::RestoreDraft(_)), Command::Close) => return drafts::answer(app, None),
        _ => {}
    }
    if let Some(mv) = ListMove::of(cmd, n) {
        return move_in_overlay(app, mv);
    }
    let docs = app.library.docs.len();
    let Some(overlay) = app.overlay.as_mut() else { return };
    match (overlay, cmd) {
        (_, Command::Close) => app.overlay = None,
        (Overlay::Library { selected }, Command::ListOpen) => {
            if *selected < docs {
                app.current = *selected;
            }
            app.overlay = None;
            app.message = app.doc_notice();
        }
        _ => {}
    }
}

/// `[`: the start of the current section when we are inside it, else the previous one.
fn prev_section(doc: &Document, view: &DocView, current: Option<usize>) -> Option<usize> {
    let c = current?;
    if view.top > Anchor::new(doc.outline[c].block, 0) {
        return Some(c);
    }
    view.section_by_order(Some(c), -1)
}
