//! Settings fixed at start: the defaults in `assets/settings.txt`, then the user's settings
//! file, then command-line flags.

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

/// Where the chapter tree pane sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TreeAt {
    /// Beside the text: the usual outline pane.
    #[default]
    Left,
    /// Above the text, full width: scrolling the text then moves whole terminal lines, which
    /// every terminal does cheaply; beside a left pane that needs left/right margins.
    Top,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub max_text_width: u16,
    pub tree_width: u16,
    pub tree_at: TreeAt,
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
            tree_at: TreeAt::Left,
            no_tree: false,
            lean: false,
            margins: Margins::Auto,
            bandwidth: None,
            data_dir: None,
        }
    }
}

/// The documented defaults, embedded so the file and the code cannot disagree (a test checks
/// that applying them changes nothing).
pub const DEFAULT_SETTINGS: &str = include_str!("../../assets/settings.txt");

impl Settings {
    /// Apply `name = value` lines. Returns one message per line that could not be used; the
    /// other lines still apply.
    pub fn apply_file(&mut self, text: &str) -> Vec<String> {
        let mut problems = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            let Some((name, value)) = t.split_once('=') else {
                problems.push(format!("settings line {}: expected name = value", n + 1));
                continue;
            };
            if let Err(e) = self.set(name.trim(), value.trim()) {
                problems.push(format!("settings line {}: {e}", n + 1));
            }
        }
        problems
    }

    fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let on_off = |v: &str| match v {
            "on" | "true" | "yes" => Ok(true),
            "off" | "false" | "no" => Ok(false),
            _ => Err(format!("{name} takes on or off, not {v:?}")),
        };
        let number = |v: &str| v.parse::<u64>().map_err(|_| format!("{name} takes a whole number, not {v:?}"));
        match name {
            "max_width" => self.max_text_width = number(value)?.clamp(10, u16::MAX as u64) as u16,
            "tree_width" => self.tree_width = number(value)?.clamp(1, u16::MAX as u64) as u16,
            "tree_at" => {
                self.tree_at = match value {
                    "left" => TreeAt::Left,
                    "top" => TreeAt::Top,
                    _ => return Err(format!("tree_at takes left or top, not {value:?}")),
                }
            }
            "tree" => self.no_tree = !on_off(value)?,
            "lean" => self.lean = on_off(value)?,
            "margins" => {
                self.margins = match value {
                    "auto" => Margins::Auto,
                    "on" => Margins::On,
                    "off" => Margins::Off,
                    _ => return Err(format!("margins takes auto, on or off, not {value:?}")),
                }
            }
            "bandwidth" => self.bandwidth = Some(number(value)?).filter(|b| *b > 0),
            _ => return Err(format!("unknown setting {name:?}")),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_defaults_are_the_defaults() {
        let mut s = Settings::default();
        assert!(s.apply_file(DEFAULT_SETTINGS).is_empty());
        let d = Settings::default();
        assert_eq!(
            (s.max_text_width, s.tree_width, s.tree_at, s.no_tree, s.lean, s.margins, s.bandwidth),
            (d.max_text_width, d.tree_width, d.tree_at, d.no_tree, d.lean, d.margins, d.bandwidth)
        );
    }

    #[test]
    fn user_lines_apply_and_bad_ones_are_reported() {
        let mut s = Settings::default();
        let problems = s
            .apply_file("lean = on\nmargins = off\nbandwidth = 9600\ncolour = red\nmax_width = wide\nno equals sign\n");
        assert!(s.lean);
        assert_eq!(s.margins, Margins::Off);
        assert_eq!(s.bandwidth, Some(9600));
        assert_eq!(problems.len(), 3, "{problems:?}");
    }
}
