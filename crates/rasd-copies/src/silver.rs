//! The silver copy pairs the copies issue measures recall on: reports of
//! different outlets that share at least three identical normalized
//! sentences of at least ten words. Computed from the input itself.

use rasd_core::normalize::NormalizedText;
use rasd_core::report::Report;
use rasd_core::segment::{segment, TokenKind};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::shingles::splitmix;

/// Hashes of a report's sentences of at least `min_words` words.
fn sentence_hashes(text: &str, min_words: usize) -> FxHashSet<u64> {
    let norm = NormalizedText::new(text);
    let seg = segment(norm.as_str());
    let mut out = FxHashSet::default();
    for s in &seg.sentences {
        let words: Vec<&str> = s
            .token_range()
            .map(|t| &seg.tokens[t])
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .map(|t| t.text(norm.as_str()))
            .collect();
        if words.len() >= min_words {
            let h = words.iter().fold(0u64, |h, w| {
                w.bytes()
                    .fold(splitmix(h ^ 0x20), |h, b| splitmix(h ^ u64::from(b)))
            });
            out.insert(h);
        }
    }
    out
}

/// Pairs `(i, j)`, `i < j`, of reports of different outlets sharing at
/// least `min_shared` sentences of at least `min_words` words.
pub fn pairs(reports: &[Report], min_shared: usize, min_words: usize) -> FxHashSet<(usize, usize)> {
    let hashes: Vec<FxHashSet<u64>> = reports
        .par_iter()
        .map(|r| sentence_hashes(&r.text, min_words))
        .collect();
    let mut by_sentence: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (i, hs) in hashes.iter().enumerate() {
        for &h in hs {
            by_sentence.entry(h).or_default().push(i as u32);
        }
    }
    let mut shared: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    for docs in by_sentence.values().filter(|d| d.len() > 1) {
        for (x, &i) in docs.iter().enumerate() {
            for &j in &docs[x + 1..] {
                *shared.entry((i, j)).or_default() += 1;
            }
        }
    }
    shared
        .into_iter()
        .filter(|&(_, c)| c as usize >= min_shared)
        .map(|((i, j), _)| (i as usize, j as usize))
        .filter(|&(i, j)| match (&reports[i].outlet, &reports[j].outlet) {
            (Some(a), Some(b)) => a != b,
            _ => false,
        })
        .collect()
}
