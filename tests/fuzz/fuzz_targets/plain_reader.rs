//! Fuzz target `plain_reader`: see `lectern_fuzz::targets::plain_reader` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| lectern_fuzz::targets::plain_reader(data));
