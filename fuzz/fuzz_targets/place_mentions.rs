//! Any text through place mentions and resolution over the test fixtures'
//! gazetteer: spans inside the text, never a panic.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rasd_core::report::Report;
use rasd_places::import::{import, Source};
use rasd_places::resolve::Resolver;

fn resolver() -> &'static Resolver {
    static R: OnceLock<Resolver> = OnceLock::new();
    R.get_or_init(|| {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../crates/rasd-places/tests/fixtures");
        let imported = import(&[
            Source::Wof(fixtures.join("wof-mini.tsv")),
            Source::GeonamesDump(fixtures.join("geonames-mini.txt")),
        ])
        .expect("fixtures import");
        Resolver::new(imported.gazetteer)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let report = Report {
        id: "fuzz".into(),
        text: text.into(),
        ..Report::default()
    };
    let chars = text.chars().count();
    for m in rasd_places::claims::report_places(resolver(), &report) {
        assert!(m.evidence.start <= m.evidence.end && m.evidence.end <= chars);
        let slice: String = text
            .chars()
            .skip(m.evidence.start)
            .take(m.evidence.end - m.evidence.start)
            .collect();
        assert_eq!(slice, m.mention);
    }
});
