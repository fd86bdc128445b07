//! mdBook folders: a `SUMMARY.md` gives the chapter files and their order; the book opens as
//! one document. Must not import ratatui or crossterm.

use std::path::Path;

use super::Document;

/// If `dir` is an mdBook (a `SUMMARY.md` in it or in `dir/src`), read the whole book as one
/// document. None when `dir` is not a book; Err with a message when it is but cannot be read.
pub fn load_book(dir: &Path) -> Option<Result<Document, String>> {
    let _ = dir;
    None
}
