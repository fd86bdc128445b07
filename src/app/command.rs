//! The named commands a key can be bound to, and the actions `update` applies.

/// What a key does, by the name the keymap file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    LineDown,
    LineUp,
    PageDown,
    PageUp,
    HalfDown,
    HalfUp,
    Top,
    Bottom,
    Percent,
    NextSection,
    PrevSection,
    JumpBack,
    JumpForward,
    TreeDown,
    TreeUp,
    TreeCollapse,
    TreeExpand,
    TreeToggle,
    TreeOpen,
    TreeTop,
    TreeBottom,
    CollapseAll,
    ExpandAll,
    ToggleTree,
    SwitchFocus,
    TreeNarrower,
    TreeWider,
    Library,
    Help,
    Redraw,
    Quit,
    ListDown,
    ListUp,
    ListPageDown,
    ListPageUp,
    ListFirst,
    ListLast,
    ListOpen,
    Links,
    Close,
    Search,
    Find,
    FindNext,
    FindPrev,
    ClearSearch,
    Accept,
    Widen,
    AddBookmark,
    Bookmarks,
    Annotate,
    Notes,
    ToggleInlineNotes,
    Rename,
    Delete,
    Undo,
    EditNote,
    Filter,
    Save,
    Yes,
    No,
}

const NAMES: &[(&str, Command)] = &[
    ("line_down", Command::LineDown),
    ("line_up", Command::LineUp),
    ("page_down", Command::PageDown),
    ("page_up", Command::PageUp),
    ("half_down", Command::HalfDown),
    ("half_up", Command::HalfUp),
    ("top", Command::Top),
    ("bottom", Command::Bottom),
    ("percent", Command::Percent),
    ("next_section", Command::NextSection),
    ("prev_section", Command::PrevSection),
    ("jump_back", Command::JumpBack),
    ("jump_forward", Command::JumpForward),
    ("tree_down", Command::TreeDown),
    ("tree_up", Command::TreeUp),
    ("tree_collapse", Command::TreeCollapse),
    ("tree_expand", Command::TreeExpand),
    ("tree_toggle", Command::TreeToggle),
    ("tree_open", Command::TreeOpen),
    ("tree_top", Command::TreeTop),
    ("tree_bottom", Command::TreeBottom),
    ("collapse_all", Command::CollapseAll),
    ("expand_all", Command::ExpandAll),
    ("toggle_tree", Command::ToggleTree),
    ("switch_focus", Command::SwitchFocus),
    ("tree_narrower", Command::TreeNarrower),
    ("tree_wider", Command::TreeWider),
    ("library", Command::Library),
    ("help", Command::Help),
    ("redraw", Command::Redraw),
    ("quit", Command::Quit),
    ("list_down", Command::ListDown),
    ("list_up", Command::ListUp),
    ("list_page_down", Command::ListPageDown),
    ("list_page_up", Command::ListPageUp),
    ("list_first", Command::ListFirst),
    ("list_last", Command::ListLast),
    ("list_open", Command::ListOpen),
    ("links", Command::Links),
    ("close", Command::Close),
    ("search", Command::Search),
    ("find", Command::Find),
    ("find_next", Command::FindNext),
    ("find_prev", Command::FindPrev),
    ("clear_search", Command::ClearSearch),
    ("accept", Command::Accept),
    ("widen", Command::Widen),
    ("add_bookmark", Command::AddBookmark),
    ("bookmarks", Command::Bookmarks),
    ("annotate", Command::Annotate),
    ("notes", Command::Notes),
    ("toggle_notes", Command::ToggleInlineNotes),
    ("rename", Command::Rename),
    ("delete", Command::Delete),
    ("undo", Command::Undo),
    ("edit_note", Command::EditNote),
    ("filter", Command::Filter),
    ("save", Command::Save),
    ("yes", Command::Yes),
    ("no", Command::No),
];

impl Command {
    pub fn from_name(name: &str) -> Option<Command> {
        NAMES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
    }
    pub fn name(self) -> &'static str {
        NAMES.iter().find(|(_, c)| *c == self).map(|(n, _)| *n).unwrap_or("?")
    }
}

/// Everything that can change the application state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A command with the count typed before it (`5j`, `50%`).
    Run(Command, Option<usize>),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A key typed into the text field of the open overlay.
    Type(crate::input::Key),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_maps_back() {
        for (n, c) in NAMES {
            assert_eq!(Command::from_name(n), Some(*c));
            assert_eq!(c.name(), *n);
        }
    }
}
