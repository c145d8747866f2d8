//! Shared passages of two reports: runs of shared shingles on one diagonal.

use rustc_hash::FxHashMap;

use crate::shingles::{Shingled, SHINGLE_WORDS};

/// A shared passage as word ranges `a.0..a.1` and `b.0..b.1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordPassage {
    pub a: (usize, usize),
    pub b: (usize, usize),
}

impl WordPassage {
    pub fn words(&self) -> usize {
        self.a.1 - self.a.0
    }
}

/// Every shared passage of at least `min_words` words, in `a`'s order.
pub fn passages(a: &Shingled, b: &Shingled, min_words: usize) -> Vec<WordPassage> {
    let mut at: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (i, &s) in a.shingles.iter().enumerate() {
        at.entry(s).or_default().push(i as u32);
    }
    // Open runs by diagonal (i − j): (start i, start j, last i).
    let mut open: FxHashMap<i64, (usize, usize, usize)> = FxHashMap::default();
    let mut out = Vec::new();
    let close = |(si, sj, li): (usize, usize, usize), out: &mut Vec<WordPassage>| {
        let len = li - si + SHINGLE_WORDS;
        if len >= min_words {
            out.push(WordPassage {
                a: (si, li + SHINGLE_WORDS),
                b: (sj, sj + len),
            });
        }
    };
    for (j, s) in b.shingles.iter().enumerate() {
        let Some(is) = at.get(s) else { continue };
        for &i in is {
            let i = i as usize;
            let d = i as i64 - j as i64;
            match open.get_mut(&d) {
                Some(run) if run.2 + 1 == i => run.2 = i,
                Some(run) => {
                    let old = *run;
                    *run = (i, j, i);
                    close(old, &mut out);
                }
                None => {
                    open.insert(d, (i, j, i));
                }
            }
        }
    }
    for (_, run) in open {
        close(run, &mut out);
    }
    out.sort_by_key(|p| (p.a.0, p.b.0));
    out
}

/// The share of `len` words that the ranges cover (overlaps counted once).
pub fn coverage(mut ranges: Vec<(usize, usize)>, len: usize) -> f64 {
    if len == 0 {
        return 0.0;
    }
    ranges.sort_unstable();
    let (mut covered, mut end) = (0usize, 0usize);
    for (s, e) in ranges {
        let s = s.max(end);
        if e > s {
            covered += e - s;
            end = e;
        }
    }
    covered as f64 / len as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shingles::shingle;

    #[test]
    fn a_copied_paragraph_is_one_passage_with_its_containment() {
        let para = "أفاد المرصد السوري لحقوق الإنسان بمقتل 23 شخصاً بينهم 3 أطفال جراء قصف الطائرات الحربية بلدة باتبو في ريف حلب الغربي";
        let a = shingle(&format!("{para}."));
        let b = shingle(&format!(
            "قال مسؤول محلي إن الوضع صعب. {para}. وأضاف أن القصف استمر طوال الليل على المدينة"
        ));
        let p = passages(&a, &b, 8);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].words(), a.words.len());
        assert_eq!(
            coverage(p.iter().map(|x| x.a).collect(), a.words.len()),
            1.0
        );
        let cb = coverage(p.iter().map(|x| x.b).collect(), b.words.len());
        assert!(cb > 0.4 && cb < 0.8, "{cb}");
    }

    #[test]
    fn unrelated_reports_share_nothing() {
        let a = shingle("قتل خمسة مدنيين في قصف على حي الشعار في مدينة حلب صباح اليوم");
        let b =
            shingle("أعلنت وزارة الصحة عن افتتاح مستشفى جديد في العاصمة الرياض بطاقة مئتي سرير");
        assert!(passages(&a, &b, 8).is_empty());
    }
}
