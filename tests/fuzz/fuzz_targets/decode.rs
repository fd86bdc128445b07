//! Fuzz target `decode`: see `lectern_fuzz::targets::decode_bytes` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| lectern_fuzz::targets::decode_bytes(data));
