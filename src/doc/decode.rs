//! Turns the bytes of a file into text: encoding detection, binary refusal, line endings.
//! Must not import ratatui or crossterm.

/// Decoded text plus what the user should be told about how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub notices: Vec<String>,
}

/// Why bytes were not accepted as a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    Binary,
}

/// Decode `bytes` as a document's text. (Placeholder: lossy UTF-8.)
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    Ok(Decoded { text: String::from_utf8_lossy(bytes).into_owned(), notices: Vec::new() })
}
