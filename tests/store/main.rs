//! Integration tests of the user-data store on real files in temp directories, including
//! child processes (this binary re-executed) for locking and crash safety.

mod common;
mod concurrency;
mod export;
mod files;
mod reanchor;
mod records;
