//! Extraction scored against the project's gold sets (GUIDE.md rules).
//!
//! The example gold must meet the claims issue's levels. The other sets are
//! regression floors: they may only go up. The corpus sets read their texts
//! from `../shared/corpora` and are skipped, saying so, when it is absent.

use std::path::{Path, PathBuf};

use rasd_core::claims::Extractor;
use rasd_core::eval::{evaluate, Evaluation};
use rasd_core::gold::{find_corpora, Gold};

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn score(name: &str) -> Option<Evaluation> {
    let path = project_root().join("gold").join(name);
    if name.contains("corpus-gold") && find_corpora(&path).is_none() {
        // Straight to stderr: the test harness captures eprintln!.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipping {name}: ../shared/corpora is absent on this machine"
        );
        return None;
    }
    let gold = Gold::load(&path, None).unwrap_or_else(|e| panic!("{name}: {e}"));
    Some(evaluate(&gold, &Extractor::new()))
}

fn report(name: &str, e: &Evaluation) {
    eprintln!(
        "{name}: P {:.3} R {:.3} qualifier {:?} victims {:?} source {:?} place {:?}",
        e.claims.precision,
        e.claims.recall,
        e.attributes.qualifier,
        e.attributes.victims,
        e.attributes.source,
        e.attributes.place
    );
    for m in &e.missed {
        eprintln!(
            "  missed {} {} {:?} «{}»",
            m.doc_id, m.kind, m.value, m.quote
        );
    }
    for f in &e.false_positives {
        eprintln!(
            "  false positive {} {} {:?} «{}»",
            f.doc_id, f.kind, f.value, f.evidence
        );
    }
}

/// The lowest scores a gold set may reach; `None` leaves an attribute unchecked.
struct Floor {
    precision: f64,
    recall: f64,
    qualifier: Option<f64>,
    source: Option<f64>,
    victims: Option<f64>,
}

fn assert_floor(name: &str, e: &Evaluation, floor: Floor) {
    report(name, e);
    assert!(
        e.claims.precision >= floor.precision,
        "{name}: precision {}",
        e.claims.precision
    );
    assert!(
        e.claims.recall >= floor.recall,
        "{name}: recall {}",
        e.claims.recall
    );
    if let Some(q) = floor.qualifier {
        assert!(
            e.attributes.qualifier.unwrap() >= q,
            "{name}: qualifier {:?}",
            e.attributes.qualifier
        );
    }
    if let Some(v) = floor.victims {
        assert!(
            e.attributes.victims.unwrap() >= v,
            "{name}: victims {:?}",
            e.attributes.victims
        );
    }
    if let Some(s) = floor.source {
        assert!(
            e.attributes.source.unwrap() >= s,
            "{name}: source {:?}",
            e.attributes.source
        );
    }
}

#[test]
fn aleppo_example_gold_meets_the_claims_issue_levels() {
    let e = score("aleppo-2016-11.claims.json").unwrap();
    assert_floor(
        "aleppo",
        &e,
        Floor {
            precision: 0.95,
            recall: 0.90,
            qualifier: Some(0.95),
            source: Some(0.90),
            victims: None,
        },
    );
    // Every listed negative (40 صاروخا، مائة الف نسمة، 1070 شقة…) stays out.
    assert!(e.false_positives.iter().all(|f| f.negative.is_none()));
    // Reached since, and kept: every claim of the examples, none beside them
    // (two quarters' equal tolls in one sentence are two claims).
    assert_eq!(
        (e.claims.tp, e.claims.fp, e.claims.fn_),
        (52, 0, 0),
        "missed: {:?}",
        e.missed
    );
}

#[test]
fn written_sentences_gold_stays_above_its_floor() {
    let e = score("sentences.claims.json").unwrap();
    assert_floor(
        "sentences",
        &e,
        Floor {
            precision: 0.95,
            recall: 0.95,
            qualifier: Some(0.95),
            source: Some(0.95),
            victims: Some(0.96),
        },
    );
}

#[test]
fn ant_corpus_gold_stays_above_its_floor() {
    if let Some(e) = score("ant-2018.corpus-gold.json") {
        assert_floor(
            "ant",
            &e,
            Floor {
                precision: 0.95,
                recall: 0.90,
                qualifier: Some(0.95),
                source: Some(0.75),
                victims: None,
            },
        );
    }
}

#[test]
fn saudinewsnet_corpus_gold_stays_above_its_floor() {
    if let Some(e) = score("saudinewsnet-2015.corpus-gold.json") {
        // Precision was 0.95 before vague counts of bare plurals (سقوط قتلى وجرحى),
        // which cost two repeats here and gave recall on random articles.
        assert_floor(
            "saudinewsnet",
            &e,
            Floor {
                precision: 0.94,
                recall: 0.93,
                qualifier: Some(0.95),
                source: Some(0.75),
                victims: None,
            },
        );
    }
}

/// Drawn at random and labelled blind after development; measured once
/// (README), development data since. Floors guard what has been reached;
/// a few precision floors went down by a claim when the rules began to
/// count what some labellers left out (خسائر في الأرواح، حالة وفاة).
#[test]
fn heldout_corpus_gold_stays_above_its_floor() {
    for (name, precision, recall) in [
        ("heldout-ant-2026-11.corpus-gold.json", 0.93, 0.80),
        ("heldout-snn-2026-11.corpus-gold.json", 0.88, 0.85),
        ("dev-ant-2026-11b.corpus-gold.json", 0.90, 0.85),
        ("dev-snn-2026-11b.corpus-gold.json", 0.83, 0.93),
        ("heldout-ant-2026-11c.corpus-gold.json", 0.86, 0.80),
        ("heldout-snn-2026-11c.corpus-gold.json", 0.89, 0.78),
        // 0.83 until members of the gendarmerie became soldiers: the Salt
        // report's teaser "4 عناصر من مرتبات الأمن العام والدرك" is then the
        // body's 4 soldiers told again, one claim (GUIDE.md), where the
        // labeller kept the teaser apart.
        ("heldout-ant-2026-11d.corpus-gold.json", 0.89, 0.80),
        ("heldout-snn-2026-11d.corpus-gold.json", 0.89, 0.64),
        ("heldout-ant-2026-11e.corpus-gold.json", 0.89, 0.78),
        ("heldout-snn-2026-11e.corpus-gold.json", 0.91, 0.89),
        ("heldout-ant-2026-11f.corpus-gold.json", 0.96, 0.81),
        ("heldout-snn-2026-11f.corpus-gold.json", 0.86, 0.80),
        // Seventh draw (24 November 2026), measured once at 9bc0b6b:
        // ANT P 0.788 R 0.743, SaudiNewsNet P 0.812 R 0.650.
        ("heldout-ant-2026-11g.corpus-gold.json", 0.81, 0.74),
        ("heldout-snn-2026-11g.corpus-gold.json", 0.77, 0.70),
        // Eighth draw, measured once at 18415c6 (the same recall as at
        // 9bc0b6b: this session's rules found nothing more in it).
        ("heldout-ant-2026-11h.corpus-gold.json", 0.92, 0.76),
        ("heldout-snn-2026-11h.corpus-gold.json", 0.91, 0.81),
        // Ninth draw, measured once at ddf5ce5: ANT P 0.727 R 0.615,
        // SaudiNewsNet P 0.905 R 0.792 (the session's starting binary:
        // recall 0.577 and 0.792).
        ("heldout-ant-2026-11i.corpus-gold.json", 0.76, 0.61),
        ("heldout-snn-2026-11i.corpus-gold.json", 0.91, 0.87),
        // Tenth draw, measured once at cc122c9: ANT P 0.760 R 0.731,
        // SaudiNewsNet P 0.875 R 0.778 (the session's starting binary: the
        // same).
        ("heldout-ant-2026-11j.corpus-gold.json", 0.76, 0.73),
        ("heldout-snn-2026-11j.corpus-gold.json", 0.87, 0.77),
        // Eleventh draw, measured once at 2829776: ANT P 0.833 R 0.750,
        // SaudiNewsNet P 0.750 R 0.833 (the session's starting binary: the
        // same claims; source 0.733 and 0.867 for both).
        ("heldout-ant-2026-11k.corpus-gold.json", 0.83, 0.75),
        ("heldout-snn-2026-11k.corpus-gold.json", 0.84, 0.88),
        // Twelfth draw, measured once at a552792: ANT P 0.727 R 0.800,
        // SaudiNewsNet P 0.897 R 0.765 (the session's starting binary: the
        // same claims; source 0.688 and 0.731, now 0.688 and 0.885).
        ("heldout-ant-2026-11l.corpus-gold.json", 0.72, 0.80),
        ("heldout-snn-2026-11l.corpus-gold.json", 0.89, 0.76),
        // Thirteenth draw, measured once at 90aa43c: ANT P 0.829 R 0.708,
        // SaudiNewsNet P 0.870 R 0.690 (the session's starting binary: the
        // same); with the fixes it taught, 0.837/0.750 and 0.875/0.724.
        ("heldout-ant-2026-11m.corpus-gold.json", 0.83, 0.75),
        ("heldout-snn-2026-11m.corpus-gold.json", 0.87, 0.72),
        // Fourteenth draw, measured once at 7ffa366: ANT P 0.730 R 0.750,
        // SaudiNewsNet P 0.848 R 0.651. Three of its ANT negatives were bare
        // plurals telling an event's casualties, claims since the convention
        // was settled (gold/CONVENTIONS.md).
        // With the labels settled and the session's rules: 0.861/0.775 and
        // 0.889/0.744.
        ("heldout-ant-2026-11n.corpus-gold.json", 0.86, 0.77),
        ("heldout-snn-2026-11n.corpus-gold.json", 0.88, 0.74),
        // Fifteenth draw, measured once at ec73193: ANT P 0.750 R 0.724,
        // SaudiNewsNet P 0.765 R 0.542. With the session's rules: 0.786/0.759
        // and 0.818/0.750.
        ("heldout-ant-2026-11o.corpus-gold.json", 0.81, 0.75),
        ("heldout-snn-2026-11o.corpus-gold.json", 0.94, 0.75),
        // Sixteenth draw, measured once at a829dd6: ANT P 0.800 R 0.727,
        // SaudiNewsNet P 0.778 R 0.875 (19 claims in all). With the
        // session's rules: 1.000/0.818 and 1.000/0.875.
        ("heldout-ant-2026-11p.corpus-gold.json", 0.95, 0.81),
        ("heldout-snn-2026-11p.corpus-gold.json", 0.95, 0.87),
        // Seventeenth draw, measured once at 0138381: ANT P 0.900 R 0.692,
        // SaudiNewsNet P 0.913 R 0.538 (one chronology op-ed holds 32 of 39).
        ("heldout-ant-2026-11q.corpus-gold.json", 0.91, 0.84),
        ("heldout-snn-2026-11q.corpus-gold.json", 0.96, 0.76),
        // Eighteenth draw, measured once at 2a9b38e: ANT P 0.882 R 0.556 (a
        // list of Houthi commanders' names holds 9 of its 12 misses),
        // SaudiNewsNet P 1.000 R 0.857 (7 claims). With the session's rules:
        // 1.000/0.556 and 1.000/0.857.
        ("heldout-ant-2026-11r.corpus-gold.json", 0.95, 0.55),
        ("heldout-snn-2026-11r.corpus-gold.json", 0.95, 0.85),
        // Nineteenth draw, measured once at 6cf7fa6: ANT P 0.731 R 0.679,
        // SaudiNewsNet P 0.857 R 0.750. With the session's rules:
        // 0.828/0.857 and 0.875/0.875.
        ("heldout-ant-2026-11s.corpus-gold.json", 0.82, 0.85),
        ("heldout-snn-2026-11s.corpus-gold.json", 0.87, 0.87),
    ] {
        if let Some(e) = score(name) {
            assert_floor(
                name,
                &e,
                Floor {
                    precision,
                    recall,
                    qualifier: None,
                    source: None,
                    victims: None,
                },
            );
        }
    }
}
