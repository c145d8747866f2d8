//! Runs on the shared data beside the project (`../shared`), skipped,
//! saying so, where it is absent (a fresh clone):
//! - the five Aleppo example reports, which carry no publication date:
//!   the expressions a reader sees in them are found, relative ones
//!   undated;
//! - an ignored speed bench on the ANT corpus (articles of 2–4 KB):
//!   `cargo test -p rasd-dates --release --test shared_data -- --ignored --nocapture`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rasd_dates::{date_mentions, parse_published};

fn shared() -> Option<PathBuf> {
    let s = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if s.is_dir() {
        Some(s)
    } else {
        eprintln!("skipping: ../shared is absent on this machine");
        None
    }
}

#[test]
fn aleppo_examples_expressions_are_found_and_undated() {
    let Some(shared) = shared() else { return };
    let dir = shared.join("examples/aleppo-2016-11");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: {} is absent", dir.display());
        return;
    };
    let mut found: Vec<(String, &'static str, bool)> = Vec::new();
    for entry in entries.flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for m in date_mentions(&text, None) {
            found.push((m.text, m.kind, m.range.is_some()));
        }
    }
    let has = |t: &str, kind: &str| found.iter().any(|(x, k, _)| x == t && *k == kind);
    for (t, kind) in [
        ("اليوم", "relative_day"),
        ("خلال الـ 24 ساعة الماضية", "range"),
        ("أمس", "relative_day"),
        ("أمس الأول", "relative_day"),
        ("أمس السبت", "relative_day"),
        ("الليلة الماضية", "relative_day"),
        ("منذ ليلة الخميس", "range"),
        ("فجر الخميس", "weekday"),
        ("الثلاثاء الماضى", "weekday"),
        ("خلال يومين", "range"),
        ("خلال الساعات ال 72 الماضية", "range"),
        ("خلال الأيام القليلة الماضية", "range"),
        ("شهر تشرين أول الماضي", "month"),
        ("مطلع نوفمبر الجاري", "month"),
        ("منذ عام 2012", "year"),
    ] {
        assert!(has(t, kind), "{t} ({kind}) in {found:#?}");
    }
    // No publication date: nothing relative resolves; no month here has a year.
    assert!(found.iter().all(|(_, _, resolved)| !resolved));
}

#[test]
#[ignore = "speed bench on ../shared/corpora; run with --ignored --nocapture"]
fn bench_ant_corpus() {
    let Some(shared) = shared() else { return };
    let path = shared.join("corpora/ant-multisource-2018.jsonl.gz");
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("skipping: {} is absent", path.display());
        return;
    };
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let docs: Vec<(Option<String>, String)> = reader
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l).ok()?;
            let text = v["text"].as_str()?.to_string();
            (2048..=4096)
                .contains(&text.len())
                .then(|| (v["published"].as_str().map(str::to_string), text))
        })
        .take(5000)
        .collect();
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum();
    let mut mentions = 0;
    let mut resolved = 0;
    let start = Instant::now();
    for _ in 0..3 {
        for (published, text) in &docs {
            let ms = date_mentions(text, published.as_deref().and_then(parse_published));
            mentions += ms.len();
            resolved += ms.iter().filter(|m| m.range.is_some()).count();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    // The share of normalization, which every stage pays anyway.
    let norm_start = Instant::now();
    let mut norm_bytes = 0;
    for _ in 0..3 {
        for (_, text) in &docs {
            norm_bytes += rasd_core::normalize::NormalizedText::new(text)
                .as_str()
                .len();
        }
    }
    eprintln!(
        "normalization alone: {:.0}% of the time ({} bytes)",
        100.0 * norm_start.elapsed().as_secs_f64() / secs,
        norm_bytes
    );
    let rate = (3 * docs.len()) as f64 / secs;
    eprintln!(
        "{} articles of 2-4 KB (avg {} B): {:.0} articles/s on one core, {:.1} mentions/article, {:.0}% resolved",
        docs.len(),
        bytes / docs.len().max(1),
        rate,
        mentions as f64 / (3 * docs.len()) as f64,
        100.0 * resolved as f64 / mentions.max(1) as f64
    );
    assert!(rate > 5_000.0, "far below the 20,000 articles/s target");
}
