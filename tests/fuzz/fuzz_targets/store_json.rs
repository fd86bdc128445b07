//! Fuzz target `store_json`: see `lectern_fuzz::targets::store_json` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| lectern_fuzz::targets::store_json(data));
