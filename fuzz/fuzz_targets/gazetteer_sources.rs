//! Any bytes as a Who's On First TSV, a GeoNames dump, an alias table or a
//! CoNLL file: warnings or an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rasd_places::import::{import, Source};

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("rasd-fuzz-gaz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let wof = dir.join("wof-fuzz.tsv");
    let dump = dir.join("XX.txt");
    let aliases = dir.join("aliases.tsv");
    let conll = dir.join("fuzz.conll");
    for p in [&wof, &dump, &aliases, &conll] {
        if std::fs::write(p, data).is_err() {
            return;
        }
    }
    if let Ok(imported) = import(&[
        Source::Wof(wof),
        Source::GeonamesDump(dump),
        Source::Aliases(aliases),
    ]) {
        let resolver = rasd_places::resolve::Resolver::new(imported.gazetteer);
        let _ = rasd_places::eval::conll(&resolver, &conll);
    }
});
