//! Application state and the pure `update(state, action)`; no terminal code here, so every
//! behaviour is unit-testable.

pub mod annotations;
pub mod bookmarks;
pub mod command;
pub mod drafts;
pub mod editor;
pub mod exit_hook;
pub mod find;
pub mod fuzzy;
pub mod geometry;
pub mod help;
pub mod inline;
pub mod jumps;
pub mod line_edit;
pub mod links;
pub mod list_moves;
pub mod loading;
pub mod memory;
pub mod notes_cli;
pub mod overlay;
pub mod record_list;
pub mod records;
pub mod resume;
pub mod settings;
pub mod tree;
pub mod update;
pub mod view;

use crate::doc::Document;
use crate::input::{Context, Dispatcher, Keymap};
use crate::library::Library;
use geometry::{Geometry, geometry, tree_at_start};
use view::DocView;

pub use command::{Action, Command};
pub use overlay::Overlay;
pub use settings::{Margins, Settings, TreeAt};
pub use update::update;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Text,
    Tree,
}

#[derive(Debug)]
pub struct App {
    pub library: Library,
    pub views: Vec<DocView>,
    pub current: usize,
    pub focus: Focus,
    pub tree_shown: bool,
    /// The user showed or hid the tree with `t`; until then it follows the terminal width.
    pub tree_chosen: bool,
    pub tree_width: u16,
    pub settings: Settings,
    pub overlay: Option<Overlay>,
    /// A one-line message for the status bar, cleared by the next key.
    pub message: Option<String>,
    pub cols: u16,
    pub rows: u16,
    pub keymap: Keymap,
    pub dispatcher: Dispatcher,
    pub quit: bool,
    /// Set by the redraw command: the terminal layer repaints everything once.
    pub full_redraw: bool,
    pub fuzzy: fuzzy::FuzzyState,
    /// The last `/` search and its matches (highlighted while set).
    pub find: Option<find::FindState>,
    pub find_history: crate::search::History,
    /// The passage a fuzzy-search jump landed on.
    pub mark: Option<fuzzy::Mark>,
    /// Pacing of frames drawn for background work (big documents loading).
    pub background: loading::Background,
    /// Bookmarks, notes and reading positions (empty until `attach_store`).
    pub annotations: annotations::Annotations,
    /// A reading position waiting to be written.
    pub pending_position: Option<resume::PendingPosition>,
    /// Lean profile: the (document, section, percent) the status line last showed; the percent
    /// moves only when the section changes (see `ui::status::remember`).
    pub lean_status: Option<(usize, Option<usize>, u16)>,
}

impl App {
    pub fn new(library: Library, cols: u16, rows: u16, settings: Settings) -> App {
        let views = library.docs.iter().map(DocView::new).collect();
        let mut app = App {
            library,
            views,
            current: 0,
            focus: Focus::Text,
            tree_shown: tree_at_start(settings.tree_at, cols, rows) && !settings.lean && !settings.no_tree,
            tree_chosen: settings.lean || settings.no_tree,
            tree_width: settings.tree_width,
            settings,
            overlay: None,
            message: None,
            cols,
            rows,
            keymap: Keymap::default_map(),
            dispatcher: Dispatcher::default(),
            quit: false,
            full_redraw: false,
            fuzzy: Default::default(),
            find: None,
            find_history: Default::default(),
            mark: None,
            background: Default::default(),
            annotations: annotations::Annotations::default(),
            pending_position: None,
            lean_status: None,
        };
        app.annotations = annotations::Annotations::for_docs(app.library.docs.len());
        // Short counts first: the status line cuts what does not fit, and every problem was
        // also printed to stderr before the screen opened.
        let mut notes: Vec<String> = app.library.skipped_notice().into_iter().collect();
        notes.extend(app.doc_notice());
        match app.library.problems.as_slice() {
            [] => {}
            [one] => notes.push(one.clone()),
            many => notes.push(format!("{} could not be opened: {}", many.len(), many.join("; "))),
        }
        if !notes.is_empty() {
            app.message = Some(notes.join("; "));
        }
        app.refresh();
        app.show_progress();
        app
    }

    /// Use `store` for bookmarks, notes and positions (or say on the status line why there is
    /// none); restores the reading position and offers drafts left by an earlier session.
    pub fn attach_store(&mut self, store: crate::store::Result<crate::store::Store>) {
        annotations::attach(self, store);
    }

    /// When the event loop must wake up without input: a position or draft save is due.
    /// `None` while idle, so the loop blocks and writes nothing.
    pub fn next_timer(&self) -> Option<std::time::Instant> {
        match (resume::due(self), editor::due(self)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Run the timers that are due at `now`.
    pub fn run_timers(&mut self, now: std::time::Instant) {
        resume::run_timer(self, now, false);
        editor::run_timer(self, now, false);
    }

    /// Write everything pending now (quit): the reading position and the editor's draft.
    pub fn save_pending(&mut self) {
        let now = std::time::Instant::now();
        resume::run_timer(self, now, true);
        editor::run_timer(self, now, true);
    }

    /// What the reader should be told about how the current document was read (lossy or
    /// legacy decoding, an empty file, ...), as one line naming the document.
    pub fn doc_notice(&self) -> Option<String> {
        let doc = self.doc()?;
        if doc.notices.is_empty() {
            return None;
        }
        Some(format!("{}: {}", doc.origin.display_name(), doc.notices.join("; ")))
    }

    /// How the text is wrapped: to the pane's wrap width, in ASCII for the lean profile.
    pub fn layout_options(&self) -> crate::layout::LayoutOptions {
        crate::layout::LayoutOptions { width: self.geometry().wrap_width, ascii: self.settings.lean }
    }

    pub fn geometry(&self) -> Geometry {
        let tree = self.tree_shown.then_some((self.settings.tree_at, self.tree_width));
        geometry(self.cols, self.rows, tree, self.settings.max_text_width)
    }

    /// Rows of the reading pane: one page.
    pub fn body_height(&self) -> usize {
        self.geometry().text.height as usize
    }

    pub fn doc(&self) -> Option<&Document> {
        self.library.docs.get(self.current)
    }

    pub fn view(&self) -> Option<&DocView> {
        self.views.get(self.current)
    }

    /// Which keymap sections apply now, most specific first.
    pub fn contexts(&self) -> &'static [Context] {
        match (&self.overlay, self.focus) {
            (Some(o), _) => o.contexts(),
            (None, Focus::Tree) if self.tree_shown => &[Context::Tree, Context::Global],
            _ => &[Context::Reader, Context::Global],
        }
    }

    /// Work that waits until all queued keys are applied: ranking the fuzzy results. Returns
    /// false when `cancel` (input is waiting) interrupted it; the caller reads keys and retries.
    pub fn prepare_frame(&mut self, cancel: &dyn Fn() -> bool) -> bool {
        fuzzy::rank_if_stale(self, cancel)
    }

    /// Bring derived state up to date after any change: layout for the wrap width, the tree
    /// following the reading position, the tree's scroll offset.
    pub fn refresh(&mut self) {
        annotations::ensure_open(self);
        let layout_options = self.layout_options();
        let h = self.body_height();
        let tree_rows = self.geometry().tree.map_or(h, |t| t.height as usize);
        let Some(doc) = self.library.docs.get(self.current) else { return };
        let view = &mut self.views[self.current];
        view.ensure_layout(doc, layout_options);
        view.ensure_window(doc, h);
        let end = inline::tail_lines(self, h);
        let Some(doc) = self.library.docs.get(self.current) else { return };
        let view = &mut self.views[self.current];
        // Clamp: a wider pane means fewer lines, so the old top may be past the new end.
        let line = view.top_line();
        if line > view.max_top(end) {
            let pinned = view.pinned_section;
            view.set_top_line(line, end);
            view.pinned_section = pinned;
        }
        if (self.focus == Focus::Text || !self.tree_shown)
            && let Some(s) = view.current_section(doc)
        {
            view.tree.reveal(&doc.outline, s);
            view.tree.cursor = s;
        }
        view.tree.scroll_into_view(tree_rows);
    }
}
