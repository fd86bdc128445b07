//! Settings fixed at start, from command-line flags (and later a config file).

use std::path::PathBuf;

use super::geometry::DEFAULT_MAX_TEXT_WIDTH;

/// Whether to use the terminal's left/right margins (DECSLRM) to scroll a pane beside the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Margins {
    /// Decide from the environment, asking the terminal when unknown.
    #[default]
    Auto,
    On,
    Off,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub max_text_width: u16,
    pub tree_width: u16,
    /// Start with the chapter tree hidden.
    pub no_tree: bool,
    /// Low-bandwidth profile: tree hidden at start, bold/reverse only, ASCII borders, status
    /// refreshed only when the section changes.
    pub lean: bool,
    pub margins: Margins,
    /// Pace frames for a link of this many bytes per second (None: send at once).
    pub bandwidth: Option<u64>,
    /// Where user data lives (--data-dir); None: LECTERN_DATA_DIR or the platform default.
    pub data_dir: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            max_text_width: DEFAULT_MAX_TEXT_WIDTH,
            tree_width: 26,
            no_tree: false,
            lean: false,
            margins: Margins::Auto,
            bandwidth: None,
            data_dir: None,
        }
    }
}
