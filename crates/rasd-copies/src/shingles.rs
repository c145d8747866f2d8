//! Word shingles of a report.

use rasd_core::normalize::{for_each_folded, NormalizedText};
use rasd_core::segment::{segment, TokenKind};

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
    /// The shingles with their positions, sorted by hash (for alignment;
    /// empty until [`Shingled::sort_index`]).
    pub sorted: Vec<(u64, u32)>,
}

/// A strong 64-bit mixer (splitmix64's finaliser).
pub fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The normalized words (and numbers) of `text`, the units shingles are made of.
pub fn normalized_words(text: &str) -> Vec<String> {
    let norm = NormalizedText::new(text);
    let seg = segment(norm.as_str());
    seg.tokens
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .map(|t| t.text(norm.as_str()).to_string())
        .collect()
}

/// Letters and digits; Arabic letters and ASCII first, the Unicode tables
/// only for the rest.
#[inline]
fn is_word_char(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | 'a'..='z' | 'A'..='Z' | '0'..='9')
        || (!c.is_ascii() && c.is_alphanumeric())
}

/// Words and numbers of `text` (runs of letters and digits after folding;
/// diacritics inside a word are part of it), and their shingles. One pass
/// over the original text, no normalized copy: this is the hot path of
/// copy detection.
pub fn shingle(text: &str) -> Shingled {
    let mut out = Shingled {
        words: Vec::with_capacity(text.len() / 6),
        word_hashes: Vec::with_capacity(text.len() / 6),
        shingles: Vec::new(),
        sorted: Vec::new(),
    };
    let mut h = 0u64;
    let mut word: Option<(usize, usize)> = None;
    let close = |word: &mut Option<(usize, usize)>, h: u64, out: &mut Shingled| {
        if let Some((s, e)) = word.take() {
            out.words.push((s as u32, e as u32));
            out.word_hashes.push(splitmix(h));
        }
    };
    for_each_folded(text, |c, start, end| match c {
        Some(c) if is_word_char(c) => {
            match &mut word {
                Some(w) => w.1 = end,
                None => {
                    word = Some((start, end));
                    h = 0xCBF2_9CE4_8422_2325;
                }
            }
            h = (h ^ u64::from(u32::from(c))).wrapping_mul(0x0100_0000_01B3);
        }
        // A dropped mark stays inside its word.
        None => {
            if let Some(w) = &mut word {
                w.1 = end;
            }
        }
        Some(_) => close(&mut word, h, &mut out),
    });
    close(&mut word, h, &mut out);
    if out.word_hashes.len() >= SHINGLE_WORDS {
        out.shingles = out
            .word_hashes
            .windows(SHINGLE_WORDS)
            .map(|w| w.iter().fold(0u64, |h, &x| splitmix(h.rotate_left(17) ^ x)))
            .collect();
    }
    out
}

impl Shingled {
    /// Fills `sorted`, which alignment needs: done only for the reports
    /// that have a candidate pair.
    pub fn sort_index(&mut self) {
        if self.sorted.len() == self.shingles.len() {
            return;
        }
        self.sorted = self
            .shingles
            .iter()
            .enumerate()
            .map(|(i, &h)| (h, i as u32))
            .collect();
        self.sorted.sort_unstable();
    }
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
