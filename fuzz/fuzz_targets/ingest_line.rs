//! Any bytes as a JSONL line: a report or a located reject, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rasd_core::ingest::{Location, RawDoc};

fuzz_target!(|data: &[u8]| {
    let location = Location { file: "fuzz.jsonl".into(), line: Some(1) };
    match RawDoc::json_line(location, data.to_vec()).parse() {
        Ok(report) => assert!(!report.text.trim().is_empty()),
        Err(reject) => assert!(reject.to_string().starts_with("fuzz.jsonl:1: ")),
    }
});
