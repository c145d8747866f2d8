//! Two independent labellings of the blind draws K and L agree: the gold is
//! reproducible under GUIDE.md and its written conventions, so what the
//! extractor misses on unseen reports is its own gap, not the labels'
//! noise. The extractor's F1 on the same sets is printed beside the
//! labellers' for comparison. The corpus texts come from `../shared/corpora`; the
//! test says so and passes when it is absent.

use std::path::{Path, PathBuf};

use rasd_core::agreement::agreement;
use rasd_core::claims::Extractor;
use rasd_core::eval::evaluate;
use rasd_core::gold::{find_corpora, Gold};

fn gold_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../gold")
        .canonicalize()
        .unwrap()
}

const SETS: [&str; 4] = [
    "heldout-ant-2026-11k",
    "heldout-snn-2026-11k",
    "heldout-ant-2026-11l",
    "heldout-snn-2026-11l",
];

#[test]
fn second_labellings_agree_with_the_first() {
    let dir = gold_dir();
    if find_corpora(&dir.join(format!("{}.corpus-gold.json", SETS[0]))).is_none() {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipping labeller agreement: ../shared/corpora is absent on this machine"
        );
        return;
    }
    let (mut both, mut first_only, mut second_only) = (0, 0, 0);
    let (mut extracted_tp, mut extracted_fp, mut extracted_fn) = (0, 0, 0);
    for set in SETS {
        let load = |p: PathBuf| Gold::load(&p, None).unwrap_or_else(|e| panic!("{set}: {e}"));
        let first = load(dir.join(format!("{set}.corpus-gold.json")));
        let second = load(dir.join(format!("agreement/{set}.second.corpus-gold.json")));
        let a = agreement(&first, &second).unwrap();
        eprintln!(
            "{set}: second against first P {:.3} R {:.3}, source {:?}",
            a.claims.precision, a.claims.recall, a.attributes.source
        );
        assert!(
            a.claims.f1 >= 0.95,
            "{set}: labellers agree at F1 {}",
            a.claims.f1
        );
        assert!(
            a.attributes.source.unwrap() >= 0.95,
            "{set}: sources agree at {:?}",
            a.attributes.source
        );
        both += a.claims.tp;
        first_only += a.claims.fn_;
        second_only += a.claims.fp;
        let e = evaluate(&first, &Extractor::new()).claims;
        extracted_tp += e.tp;
        extracted_fp += e.fp;
        extracted_fn += e.fn_;
    }
    let f1 = |tp: usize, fp: usize, fn_: usize| 2.0 * tp as f64 / (2 * tp + fp + fn_) as f64;
    let labellers = f1(both, second_only, first_only);
    let extractor = f1(extracted_tp, extracted_fp, extracted_fn);
    eprintln!("labellers F1 {labellers:.3}, extractor F1 {extractor:.3}");
    assert!(labellers >= 0.97, "labellers agree at F1 {labellers}");
}
