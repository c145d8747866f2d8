//! Scoring stories: pairwise precision and recall over labelled reports.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// A `rasd-stories-gold/1` file: reports of a corpus window labelled with
/// their story.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct StoriesGold {
    pub format: String,
    /// The corpus file the ids belong to.
    pub corpus: String,
    /// First and last publication day of the window clustered (inclusive).
    pub from: String,
    pub to: String,
    pub documents: Vec<GoldDoc>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldDoc {
    pub id: String,
    pub story: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PairScores {
    pub pairs: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

/// Pairwise scores of `predicted` (doc id → story id) on the gold's reports.
pub fn pairwise(gold: &[GoldDoc], predicted: &FxHashMap<String, String>) -> PairScores {
    let docs: Vec<&GoldDoc> = gold
        .iter()
        .filter(|d| predicted.contains_key(&d.id))
        .collect();
    let (mut tp, mut fp, mut fn_, mut pairs) = (0, 0, 0, 0);
    for (x, a) in docs.iter().enumerate() {
        for b in &docs[x + 1..] {
            pairs += 1;
            let same_gold = a.story == b.story;
            let same_pred = predicted[&a.id] == predicted[&b.id];
            match (same_gold, same_pred) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                _ => {}
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    PairScores {
        pairs,
        precision: p,
        recall: r,
        f1: if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        },
        tp,
        fp,
        fn_,
    }
}
