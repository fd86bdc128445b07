//! Chooses the reader for a document from its name and its content.

use super::Format;

/// Decide the format: see the rule documented in README ("Formats").
pub fn detect_format(name: &str, text: &str) -> Format {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        return Format::Markdown;
    }
    let _ = text;
    Format::Plain
}
