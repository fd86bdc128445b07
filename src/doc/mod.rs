//! Format readers and the format-independent document model (blocks + outline + anchors).
//! Must not import ratatui or crossterm.

pub mod anchor;
pub mod decode;
pub mod detect;
pub mod intern;
pub mod markdown;
pub mod mdbook;
pub mod model;
pub mod plain;
pub mod progress;
pub mod sanitize;

pub use anchor::Anchor;
pub use model::*;
