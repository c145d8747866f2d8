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
        words: Vec::with_capacity(text.len() / 8),
        word_hashes: Vec::with_capacity(text.len() / 8),
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
    let mut letter =
        |c: char, start: usize, end: usize, word: &mut Option<(usize, usize)>, h: &mut u64| {
            match word {
                Some(w) => w.1 = end,
                None => {
                    *word = Some((start, end));
                    *h = 0xCBF2_9CE4_8422_2325;
                }
            }
            *h = (*h ^ u64::from(u32::from(c))).wrapping_mul(0x0100_0000_01B3);
        };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Fast paths: ASCII, and the two-byte Arabic block, folded as the
        // normalizer folds them; anything else goes through the normalizer.
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                letter(char::from(b), i, i + 1, &mut word, &mut h);
            } else {
                close(&mut word, h, &mut out);
            }
            i += 1;
            continue;
        }
        if (0xD8..=0xDB).contains(&b) && i + 1 < bytes.len() {
            let cp = (u32::from(b & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
            let folded = match cp {
                0x0623 | 0x0625 | 0x0622 | 0x0671 => Some('\u{0627}'),
                0x0649 => Some('\u{064A}'),
                0x0629 => Some('\u{0647}'),
                0x0640 => None,
                0x0621..=0x064A => char::from_u32(cp),
                0x0660..=0x0669 => char::from_u32(u32::from(b'0') + cp - 0x0660),
                _ => None,
            };
            match (folded, cp) {
                (Some(c), _) => letter(c, i, i + 2, &mut word, &mut h),
                // Harakat, superscript alef and tatweel stay inside their word.
                (None, 0x064B..=0x065F | 0x0670 | 0x0640) => {
                    if let Some(w) = &mut word {
                        w.1 = i + 2;
                    }
                }
                // Arabic punctuation (، ؛ ؟) and the rest of the block:
                // the normalizer decides.
                _ => slow(text, i, &mut word, &mut h, &mut out, &mut letter, &close),
            }
            i += 2;
            continue;
        }
        let len = utf8_len(b);
        slow(text, i, &mut word, &mut h, &mut out, &mut letter, &close);
        i += len;
    }
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

fn utf8_len(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// One character at byte `i` through the normalizer's fold.
#[allow(clippy::too_many_arguments)]
fn slow(
    text: &str,
    i: usize,
    word: &mut Option<(usize, usize)>,
    h: &mut u64,
    out: &mut Shingled,
    letter: &mut impl FnMut(char, usize, usize, &mut Option<(usize, usize)>, &mut u64),
    close: &impl Fn(&mut Option<(usize, usize)>, u64, &mut Shingled),
) {
    let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
        return;
    };
    let end = i + c.len_utf8();
    let mut buf = [0u8; 4];
    for_each_folded(c.encode_utf8(&mut buf), |f, _, _| match f {
        Some(f) if is_word_char(f) => letter(f, i, end, word, h),
        None => {
            if let Some(w) = word.as_mut() {
                w.1 = end;
            }
        }
        Some(_) => close(word, *h, out),
    });
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
    fn the_fast_path_folds_as_the_normalizer_does() {
        // Each form and its folded spelling hash alike, through either path.
        for (a, b) in [
            ("أحمد إلى آخر", "احمد الي اخر"),
            ("مدرسةٌ قتلـى ٢٣", "مدرسه قتلي 23"),
            ("ﻻ یوجد ک", "لا يوجد ك"),
        ] {
            assert_eq!(shingle(a).word_hashes, shingle(b).word_hashes, "{a}");
        }
        // The normalizer's own view: the same words.
        let words: Vec<String> = normalized_words("مدرسةٌ، قتلـى").into_iter().collect();
        assert_eq!(words, ["مدرسه", "قتلي"]);
        assert_eq!(shingle("مدرسةٌ، قتلـى").words.len(), 2);
    }

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
