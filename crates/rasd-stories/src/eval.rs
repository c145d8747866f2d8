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

/// How well one similarity ranks the labelled pairs: the area under the ROC
/// curve and the average precision of same-story pairs, ranked by
/// `similarity`. It bounds what any threshold on that similarity can do.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Separation {
    pub same_story_pairs: usize,
    pub auc: f64,
    pub average_precision: f64,
}

/// Ranks the pairs of `gold`'s reports found in `index` (doc id → position)
/// by `similarity` of their positions.
pub fn separation(
    gold: &[GoldDoc],
    index: &FxHashMap<String, usize>,
    similarity: impl Fn(usize, usize) -> f32,
) -> Option<Separation> {
    let docs: Vec<(&GoldDoc, usize)> = gold
        .iter()
        .filter_map(|d| index.get(&d.id).map(|&i| (d, i)))
        .collect();
    let mut pairs: Vec<(f32, bool)> = Vec::new();
    for (x, (a, i)) in docs.iter().enumerate() {
        for (b, j) in &docs[x + 1..] {
            pairs.push((similarity(*i, *j), a.story == b.story));
        }
    }
    let positives = pairs.iter().filter(|p| p.1).count();
    let negatives = pairs.len() - positives;
    if positives == 0 || negatives == 0 {
        return None;
    }
    // Most similar first; ties keep negatives first, so they never flatter.
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let (mut seen_pos, mut precision_sum, mut ranked_below) = (0usize, 0f64, 0f64);
    for (rank, &(_, same)) in pairs.iter().enumerate() {
        if same {
            seen_pos += 1;
            precision_sum += seen_pos as f64 / (rank + 1) as f64;
        } else {
            // Every positive above this negative outranks it.
            ranked_below += seen_pos as f64;
        }
    }
    Some(Separation {
        same_story_pairs: positives,
        auc: ranked_below / (positives as f64 * negatives as f64),
        average_precision: precision_sum / positives as f64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, story: &str) -> GoldDoc {
        GoldDoc {
            id: id.into(),
            story: story.into(),
        }
    }

    #[test]
    fn separation_is_perfect_when_every_same_story_pair_ranks_first() {
        let gold = [doc("a", "x"), doc("b", "x"), doc("c", "y")];
        let index: FxHashMap<String, usize> = [("a", 0), ("b", 1), ("c", 2)]
            .map(|(k, v)| (k.to_string(), v))
            .into_iter()
            .collect();
        let close = |i: usize, j: usize| if i + j == 1 { 0.9 } else { 0.1 };
        let s = separation(&gold, &index, close).unwrap();
        assert_eq!(
            (s.same_story_pairs, s.auc, s.average_precision),
            (1, 1.0, 1.0)
        );
        // The same-story pair ranked last: AUC 0, precision at its rank 1/3.
        let far = |i: usize, j: usize| if i + j == 1 { 0.0 } else { 0.5 };
        let s = separation(&gold, &index, far).unwrap();
        assert_eq!(s.auc, 0.0);
        assert!((s.average_precision - 1.0 / 3.0).abs() < 1e-9);
    }
}
