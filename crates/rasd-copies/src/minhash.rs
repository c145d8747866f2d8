//! MinHash signatures and LSH banding: one-permutation hashing with
//! densification for the signatures, and the bands × rows that minimise the
//! false positive and false negative areas at a threshold, chosen exactly as
//! `datasketch` chooses them, so the two compare on the same settings.

use crate::shingles::splitmix;

/// The permutations of a signature.
#[derive(Debug, Clone)]
pub struct Permutations {
    a: Vec<u64>,
    b: Vec<u64>,
}

impl Permutations {
    /// `n` permutations drawn from a fixed seed (signatures are comparable
    /// between runs).
    pub fn new(n: usize, seed: u64) -> Self {
        let mut state = seed;
        let mut next = || {
            state = splitmix(state);
            state
        };
        let a = (0..n).map(|_| next() | 1).collect();
        let b = (0..n).map(|_| next()).collect();
        Permutations { a, b }
    }

    pub fn len(&self) -> usize {
        self.a.len()
    }

    pub fn is_empty(&self) -> bool {
        self.a.is_empty()
    }

    /// The signature of a set of 64-bit shingle hashes, by one-permutation
    /// hashing (Li, Owen and Zhang 2012): each shingle's mixed hash picks
    /// one of the bins by its top bits and competes there with its low 32
    /// bits; empty bins borrow the next filled bin's value, shifted by the
    /// distance (rotation densification, Shrivastava and Li 2014), so short
    /// reports still get full signatures. One hash per shingle instead of
    /// one per shingle and permutation. An empty set has the all-max signature.
    pub fn signature(&self, shingles: &[u64]) -> Vec<u32> {
        let k = self.a.len();
        let mut sig = vec![u32::MAX; k];
        if k == 0 {
            return sig;
        }
        let seed = self.b[0];
        for &s in shingles {
            let v = splitmix(s ^ seed);
            let bin = ((u128::from(v >> 32) * k as u128) >> 32) as usize;
            let val = v as u32;
            if val < sig[bin] {
                sig[bin] = val;
            }
        }
        if shingles.is_empty() {
            return sig;
        }
        let filled: Vec<bool> = sig.iter().map(|&v| v != u32::MAX).collect();
        for j in 0..k {
            if filled[j] {
                continue;
            }
            let mut t = 1;
            while !filled[(j + t) % k] {
                t += 1;
            }
            sig[j] = sig[(j + t) % k].wrapping_add((t as u32).wrapping_mul(0x9E37_79B9)) | 1;
        }
        sig
    }
}

fn integrate(f: impl Fn(f64) -> f64, lo: f64, hi: f64) -> f64 {
    // Simpson's rule; the integrands are smooth polynomials in s.
    let n = 400;
    let h = (hi - lo) / n as f64;
    let mut sum = f(lo) + f(hi);
    for i in 1..n {
        let x = lo + i as f64 * h;
        sum += if i % 2 == 1 { 4.0 } else { 2.0 } * f(x);
    }
    sum * h / 3.0
}

/// The bands and rows per band for `num_perm` permutations at `threshold`,
/// weighing false positives and false negatives equally (datasketch's
/// default).
pub fn optimal_bands(threshold: f64, num_perm: usize) -> (usize, usize) {
    let mut best = (f64::INFINITY, (1, num_perm));
    for b in 1..=num_perm {
        for r in 1..=num_perm / b {
            let (bf, rf) = (b as f64, r as f64);
            let fp = integrate(|s| 1.0 - (1.0 - s.powf(rf)).powf(bf), 0.0, threshold);
            let fn_ = integrate(|s| (1.0 - s.powf(rf)).powf(bf), threshold, 1.0);
            let err = 0.5 * fp + 0.5 * fn_;
            if err < best.0 {
                best = (err, (b, r));
            }
        }
    }
    best.1
}

/// The Jaccard similarity a pair of signatures estimates.
pub fn estimate(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_match_datasketch() {
        // datasketch 1.x, _optimal_param(t, 128, 0.5, 0.5).
        assert_eq!(optimal_bands(0.3, 128), (37, 3));
        assert_eq!(optimal_bands(0.5, 128), (25, 5));
        assert_eq!(optimal_bands(0.8, 128), (9, 13));
    }

    #[test]
    fn signatures_estimate_jaccard() {
        let p = Permutations::new(128, 1);
        let a: Vec<u64> = (0..200).map(splitmix).collect();
        let b: Vec<u64> = (100..300).map(splitmix).collect();
        // |A∩B| / |A∪B| = 100 / 300
        let j = estimate(&p.signature(&a), &p.signature(&b));
        assert!((j - 1.0 / 3.0).abs() < 0.12, "{j}");
        assert_eq!(estimate(&p.signature(&a), &p.signature(&a)), 1.0);
    }
}
