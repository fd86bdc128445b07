//! Lectern's fuzz targets as a library, so the cargo-fuzz binaries stay one line each and the
//! main crate's tests can run the same bodies over the seed corpus.

pub mod targets;
