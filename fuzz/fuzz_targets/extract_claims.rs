//! Any text through normalization, segmentation and claim extraction:
//! every evidence span is the text at its character offsets.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rasd_core::claims::Extractor;
use rasd_core::report::Report;
use std::sync::OnceLock;

fuzz_target!(|text: &str| {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    let report = Report { id: "fuzz".into(), text: text.to_string(), ..Report::default() };
    for claim in EXTRACTOR.get_or_init(Extractor::new).extract(&report) {
        let slice: String = text.chars().skip(claim.evidence.start).take(claim.evidence.end - claim.evidence.start).collect();
        assert_eq!(slice, claim.evidence.text);
    }
});
