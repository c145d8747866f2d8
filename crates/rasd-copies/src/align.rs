//! Shared passages of two reports: runs of shared shingles on one diagonal.

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
/// Both reports' shingles are sorted once and merged: no hashing per pair.
pub fn passages(a: &Shingled, b: &Shingled, min_words: usize) -> Vec<WordPassage> {
    let (sa, sb) = (&a.sorted, &b.sorted);
    // Matches (i in a, j in b) of equal shingles, by merging the sorted lists.
    let mut matches: Vec<(i64, u32, u32)> = Vec::new();
    let (mut x, mut y) = (0, 0);
    while x < sa.len() && y < sb.len() {
        match sa[x].0.cmp(&sb[y].0) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                let h = sa[x].0;
                let x_end = x + sa[x..].iter().take_while(|e| e.0 == h).count();
                let y_end = y + sb[y..].iter().take_while(|e| e.0 == h).count();
                for &(_, i) in &sa[x..x_end] {
                    for &(_, j) in &sb[y..y_end] {
                        matches.push((i64::from(i) - i64::from(j), i, j));
                    }
                }
                x = x_end;
                y = y_end;
            }
        }
    }
    // Runs on one diagonal of consecutive positions are passages.
    matches.sort_unstable();
    let mut out = Vec::new();
    let mut k = 0;
    while k < matches.len() {
        let (d, si, sj) = matches[k];
        let mut li = si;
        k += 1;
        while k < matches.len() && matches[k].0 == d && matches[k].1 == li + 1 {
            li += 1;
            k += 1;
        }
        let len = (li - si) as usize + SHINGLE_WORDS;
        if len >= min_words {
            out.push(WordPassage {
                a: (si as usize, li as usize + SHINGLE_WORDS),
                b: (sj as usize, sj as usize + len),
            });
        }
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
        let mut a = shingle(&format!("{para}."));
        a.sort_index();
        let mut b = shingle(&format!(
            "قال مسؤول محلي إن الوضع صعب. {para}. وأضاف أن القصف استمر طوال الليل على المدينة"
        ));
        b.sort_index();
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
        let mut a = shingle("قتل خمسة مدنيين في قصف على حي الشعار في مدينة حلب صباح اليوم");
        let mut b =
            shingle("أعلنت وزارة الصحة عن افتتاح مستشفى جديد في العاصمة الرياض بطاقة مئتي سرير");
        a.sort_index();
        b.sort_index();
        assert!(passages(&a, &b, 8).is_empty());
    }
}
