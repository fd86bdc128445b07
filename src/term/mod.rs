//! Terminal session, event loop and the byte-frugal output path. The only layer that talks to
//! the terminal.

pub mod caps;
pub mod frugal;
pub mod keys;
pub mod pacing;
pub mod run;
pub mod screen;
pub mod session;
