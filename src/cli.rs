//! Command-line interface: what the flags are and how the library to open is chosen.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::app::{Margins, Settings, TreeAt};
use crate::library::Library;

/// A keyboard-driven terminal reader for long structured documents.
#[derive(Debug, Parser)]
#[command(
    name = "lectern",
    version,
    about,
    after_help = "Subcommands: `lectern notes export|import`, `lectern bookmarks list` (see `lectern notes --help`).\nA file literally named `notes` or `bookmarks` opens as `./notes`."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Sub>,
    /// Files or directories to open; `-` reads stdin. With none, the bundled library opens
    /// (or stdin, when it is a pipe).
    pub paths: Vec<PathBuf>,
    /// Print each document's outline (the chapter tree) and exit.
    #[arg(long)]
    pub outline: bool,
    /// Maximum width of the reflowed text, in columns [default: 88, or the settings file's].
    #[arg(long, value_parser = clap::value_parser!(u16).range(10..))]
    pub max_width: Option<u16>,
    /// Start with the chapter tree hidden.
    #[arg(long)]
    pub no_tree: bool,
    /// Where the chapter tree sits [default: left]. `top` is cheaper to scroll over a slow link
    /// on terminals without left/right margins (tmux, VTE, kitty, Alacritty).
    #[arg(long, value_enum, value_name = "WHERE")]
    pub tree_at: Option<TreeAtArg>,
    /// Low-bandwidth profile for slow links: tree hidden at start, no colours beyond bold and
    /// reverse, ASCII borders, status updated only when the section changes.
    #[arg(long)]
    pub lean: bool,
    /// Use the terminal's left/right margins to scroll the text beside the tree [default: auto].
    #[arg(long, value_enum)]
    pub margins: Option<MarginsArg>,
    /// Pace output for a link of this many bytes per second: while a frame is still on the
    /// wire, keep applying keys and send only the latest screen.
    #[arg(long, value_name = "BYTES_PER_S")]
    pub bandwidth: Option<u64>,
    /// Directory for bookmarks, notes and reading positions (overrides LECTERN_DATA_DIR).
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
}

/// Working with saved notes and bookmarks without opening the reader.
#[derive(Debug, Subcommand)]
pub enum Sub {
    /// Export or import notes.
    Notes {
        #[command(subcommand)]
        action: NotesAction,
    },
    /// List bookmarks.
    Bookmarks {
        #[command(subcommand)]
        action: BookmarksAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum NotesAction {
    /// Print notes (and bookmarks) grouped by document and section, with the quoted passages.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        /// Only this document's notes (a file path).
        document: Option<PathBuf>,
    },
    /// Merge an export (Markdown or JSON) back in; records already present are skipped.
    Import {
        /// The exported file; `-` reads stdin.
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum BookmarksAction {
    /// Print every bookmark: document — name — section — quote.
    List {
        /// Only this document's bookmarks (a file path).
        document: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TreeAtArg {
    Left,
    Top,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MarginsArg {
    Auto,
    On,
    Off,
}

impl Cli {
    /// Settings from the defaults, then the user's settings file (its problems are returned
    /// for the status line), then the flags given.
    pub fn settings(&self) -> (Settings, Vec<String>) {
        let mut s = Settings::default();
        let mut problems = s.apply_file(crate::app::settings::DEFAULT_SETTINGS);
        if let Some((path, text)) = user_file("LECTERN_CONFIG", "settings.txt") {
            let found = match text {
                Ok(t) => s.apply_file(&t),
                Err(e) => vec![format!("cannot read: {e}")],
            };
            problems.extend(found.into_iter().map(|p| format!("{}: {p}", path.display())));
        }
        if let Some(w) = self.max_width {
            s.max_text_width = w;
        }
        s.no_tree |= self.no_tree;
        if let Some(at) = self.tree_at {
            s.tree_at = match at {
                TreeAtArg::Left => TreeAt::Left,
                TreeAtArg::Top => TreeAt::Top,
            };
        }
        s.lean |= self.lean;
        if let Some(m) = self.margins {
            s.margins = match m {
                MarginsArg::Auto => Margins::Auto,
                MarginsArg::On => Margins::On,
                MarginsArg::Off => Margins::Off,
            };
        }
        if self.bandwidth.is_some() {
            s.bandwidth = self.bandwidth.filter(|b| *b > 0);
        }
        s.data_dir = self.data_dir.clone();
        (s, problems)
    }
}

impl Cli {
    /// Open what the arguments name. Reads stdin for `-`, or when no paths are given and
    /// stdin is a pipe (as `less` does).
    pub fn open_library(&self) -> std::io::Result<Library> {
        let stdin_named = self.paths.iter().any(|p| p.as_os_str() == "-");
        let stdin_piped = self.paths.is_empty() && stdin_is_data();
        if stdin_named || stdin_piped {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes)?;
            let mut lib = Library::from_stdin_bytes(&bytes);
            let files: Vec<PathBuf> = self.paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
            lib.extend(Library::open_paths(&files));
            return Ok(lib);
        }
        if self.paths.is_empty() {
            return Ok(Library::bundled());
        }
        Ok(Library::open_paths(&self.paths))
    }
}

/// True when stdin is a pipe or a redirected file: a terminal or /dev/null is not a document.
fn stdin_is_data() -> bool {
    if std::io::stdin().is_terminal() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        match std::fs::metadata("/dev/stdin") {
            Ok(m) => m.file_type().is_fifo() || m.file_type().is_file() || m.file_type().is_socket(),
            Err(_) => false,
        }
    }
    #[cfg(not(unix))]
    true
}

/// The user's keymap overrides: `$LECTERN_KEYMAP`, else `keymap.txt` in the platform config
/// directory (`~/.config/lectern/keymap.txt` on Linux). None when there is no such file.
pub fn user_keymap() -> Option<(PathBuf, std::io::Result<String>)> {
    user_file("LECTERN_KEYMAP", "keymap.txt")
}

/// A user file: the path in `$var`, else `name` in the platform config directory. None when
/// it does not exist.
fn user_file(var: &str, name: &str) -> Option<(PathBuf, std::io::Result<String>)> {
    let path = match std::env::var_os(var) {
        Some(p) => PathBuf::from(p),
        None => directories::ProjectDirs::from("", "", "lectern")?.config_dir().join(name),
    };
    path.exists().then(|| {
        let text = std::fs::read_to_string(&path);
        (path, text)
    })
}
