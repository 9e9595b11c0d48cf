//! Fuzz target: see `shishin::fuzzing::markdown` for what it runs.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shishin::fuzzing::markdown(data));
