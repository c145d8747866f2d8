//! Any text through the number reader.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = rasd_core::numbers::parse_number(text);
});
