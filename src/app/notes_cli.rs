//! The `lectern notes export|import` and `lectern bookmarks list` subcommands: the store's
//! exports on stdout, imports from a file, for use without a terminal.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use crate::cli::{BookmarksAction, ExportFormat, NotesAction, Sub};
use crate::library::Library;
use crate::store::{Store, export, import};

/// Run a subcommand; the error is the message to print.
pub fn run(sub: &Sub, data_dir: Option<&Path>) -> Result<(), String> {
    let store = Store::open_default(data_dir).map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    let text = match sub {
        Sub::Notes { action: NotesAction::Export { format, document } } => {
            let fp = document.as_deref().map(|d| fingerprint_of(&store, d)).transpose()?;
            match format {
                ExportFormat::Markdown => export::export_markdown(&store, fp.as_deref()),
                ExportFormat::Json => export::export_json(&store, fp.as_deref()),
            }
            .map_err(|e| e.to_string())?
        }
        Sub::Notes { action: NotesAction::Import { file } } => {
            let text = read_input(file)?;
            let report = import::import(&store, &text).map_err(|e| e.to_string())?;
            for n in &report.notices {
                // Notices quote titles from the imported file.
                eprintln!("lectern: {}", crate::doc::sanitize::visible(n));
            }
            format!(
                "Imported {} record{}; skipped {} already present and {} deleted here later.\n",
                report.added,
                if report.added == 1 { "" } else { "s" },
                report.skipped_duplicates,
                report.skipped_deleted
            )
        }
        Sub::Bookmarks { action: BookmarksAction::List { document } } => {
            let fp = document.as_deref().map(|d| fingerprint_of(&store, d)).transpose()?;
            export::bookmarks_list(&store, fp.as_deref()).map_err(|e| e.to_string())?
        }
    };
    // Notes and titles can hold anything an imported file carried: on a terminal, control
    // characters show as placeholders; into a pipe or a file the text goes as it is kept.
    let text = if std::io::stdout().is_terminal() { on_terminal(&text) } else { text };
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())
}

fn on_terminal(text: &str) -> String {
    let mut shown: String = text.split('\n').map(crate::doc::sanitize::visible).collect::<Vec<_>>().join("\n");
    shown.shrink_to_fit();
    shown
}

/// The fingerprint a document's notes are kept under. Opening it also gathers notes left under
/// an earlier version of the same file, so an edited file still exports its notes.
fn fingerprint_of(store: &Store, path: &Path) -> Result<String, String> {
    let lib = Library::open_paths(&[path.to_path_buf()]);
    let Some(doc) = lib.docs.first() else {
        return Err(lib.problems.first().cloned().unwrap_or_else(|| format!("{}: nothing to read", path.display())));
    };
    let handle = store.open_doc(doc).map_err(|e| e.to_string())?;
    Ok(handle.fingerprint().to_string())
}

fn read_input(file: &PathBuf) -> Result<String, String> {
    let mut bytes = Vec::new();
    if file.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("stdin: {e}"))?;
    } else {
        bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", file.display()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_in_notes_are_shown_not_sent() {
        let shown = super::on_terminal("# Notes\n\n> a \x1b]52;c;ZQ\x07 b\n");
        assert_eq!(shown, "# Notes\n\n> a ^[]52;c;ZQ^G b\n");
    }
}
