//! Keys, the keymap (defaults from assets/keymap.txt) and the dispatcher from keys to actions.
//! Terminal-free: `term` converts terminal events into `Key`s.

pub mod dispatch;
pub mod key;
pub mod keymap;

pub use dispatch::Dispatcher;
pub use key::{Code, Key};
pub use keymap::{Context, Keymap};
