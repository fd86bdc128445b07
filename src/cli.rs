//! Command-line interface: what the flags are and how the library to open is chosen.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use clap::Parser;

use crate::library::Library;

/// A keyboard-driven terminal reader for long structured documents.
#[derive(Debug, Parser)]
#[command(name = "lectern", version, about)]
pub struct Cli {
    /// Files or directories to open; `-` reads stdin. With none, the bundled library opens
    /// (or stdin, when it is a pipe).
    pub paths: Vec<PathBuf>,
    /// Print each document's outline (the chapter tree) and exit.
    #[arg(long)]
    pub outline: bool,
    /// Maximum width of the reflowed text, in columns.
    #[arg(long, default_value_t = crate::app::geometry::DEFAULT_MAX_TEXT_WIDTH, value_parser = clap::value_parser!(u16).range(10..))]
    pub max_width: u16,
    /// Start with the chapter tree hidden.
    #[arg(long)]
    pub no_tree: bool,
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
