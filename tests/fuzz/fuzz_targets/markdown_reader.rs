//! Fuzz target `markdown_reader`: see `lectern_fuzz::targets::markdown_reader` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| lectern_fuzz::targets::markdown_reader(data));
