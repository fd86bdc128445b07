//! Fuzz target `wrap`: see `lectern_fuzz::targets::wrap` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| lectern_fuzz::targets::wrap(data));
