//! Word shingles of a report.

use rasd_core::normalize::NormalizedText;
use rasd_core::segment::{segment, TokenKind};
use rustc_hash::FxHasher;
use std::hash::Hasher;

/// Words a shingle spans.
pub const SHINGLE_WORDS: usize = 5;

/// A report's words and shingles.
#[derive(Debug, Default, Clone)]
pub struct Shingled {
    /// Per word: byte span in the original text.
    pub words: Vec<(u32, u32)>,
    /// Per word hash (the normalized word).
    pub word_hashes: Vec<u64>,
    /// Per shingle starting at word `i`: the hash of words `i..i+5`.
    pub shingles: Vec<u64>,
}

fn hash_word(w: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(w.as_bytes());
    // FxHash's low bits are weak: mix.
    splitmix(h.finish())
}

/// A strong 64-bit mixer (splitmix64's finaliser).
pub fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Words (not numbers or punctuation) of `text`, normalized, and their shingles.
pub fn shingle(text: &str) -> Shingled {
    let norm = NormalizedText::new(text);
    let seg = segment(norm.as_str());
    let mut out = Shingled {
        words: Vec::with_capacity(seg.tokens.len()),
        word_hashes: Vec::with_capacity(seg.tokens.len()),
        shingles: Vec::new(),
    };
    for t in &seg.tokens {
        if !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            continue;
        }
        let span = norm.original_span(t.start as usize, t.end as usize);
        out.words.push((span.start as u32, span.end as u32));
        out.word_hashes.push(hash_word(t.text(norm.as_str())));
    }
    if out.word_hashes.len() >= SHINGLE_WORDS {
        out.shingles = out
            .word_hashes
            .windows(SHINGLE_WORDS)
            .map(|w| w.iter().fold(0u64, |h, &x| splitmix(h.rotate_left(17) ^ x)))
            .collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingles_ignore_marks_and_punctuation_but_keep_spans() {
        let a = shingle("قُتِلَ خمسة مدنيين في قصف على حي الشعار، وفق المرصد.");
        let b = shingle("قتل خمسة مدنيين في قصف على حي الشعار وفق المرصد");
        assert_eq!(a.shingles, b.shingles);
        assert_eq!(a.words.len(), 10);
        let text = "قُتِلَ خمسة";
        let s = shingle(text);
        assert_eq!(&text[s.words[0].0 as usize..s.words[0].1 as usize], "قُتِلَ");
    }
}
