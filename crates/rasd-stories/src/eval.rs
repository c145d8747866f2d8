//! Scoring stories: pairwise precision and recall over labelled reports.

use rasd_core::eval::Scores;
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

impl StoriesGold {
    /// Whether `report` was published within the gold's window.
    pub fn in_window(&self, report: &rasd_core::report::Report) -> bool {
        report
            .published
            .as_deref()
            .and_then(|p| p.get(..10))
            .is_some_and(|d| d >= self.from.as_str() && d <= self.to.as_str())
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldDoc {
    pub id: String,
    pub story: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PairScores {
    pub pairs: usize,
    #[serde(flatten)]
    pub scores: Scores,
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
    // No pair said to be together (or none that is) is no error: 1.
    PairScores {
        pairs,
        scores: Scores::from_counts(tp, fp, fn_, 1.0),
    }
}
