//! Lectern: a keyboard-driven terminal reader for long structured documents.

pub mod app;
pub mod cli;
pub mod doc;
pub mod input;
pub mod layout;
pub mod library;
pub mod search;
pub mod store;
pub mod term;
pub mod ui;
