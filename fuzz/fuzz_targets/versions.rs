//! Fuzz target: see `shishin::fuzzing::versions` for what it runs.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shishin::fuzzing::versions(data));
