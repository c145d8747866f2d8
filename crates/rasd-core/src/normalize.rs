//! Arabic normalization for matching, with a map back to the original text.
//!
//! The normalized text is what every later stage matches against: diacritics,
//! tatweel and invisible marks are gone; alef forms, ى/ي and ة/ه are folded;
//! Arabic-Indic and Persian digits are ASCII; Arabic punctuation has its ASCII
//! counterpart. Every byte of the normalized text knows the byte offset of the
//! original character it came from, so a span found in the normalized text is
//! reported as the exact words of the original.
//!
//! ```
//! use rasd_core::normalize::NormalizedText;
//! let original = "قُتِلَ ٢٣ شخصاً في «باتبو»";
//! let norm = NormalizedText::new(original);
//! assert_eq!(norm.as_str(), "قتل 23 شخصا في \"باتبو\"");
//! let start = norm.as_str().find("23").unwrap();
//! let span = norm.original_span(start, start + 2);
//! assert_eq!(&original[span], "٢٣");
//! ```

use std::ops::Range;
use unicode_normalization::char::decompose_compatible;

/// Text folded for matching, with the byte offset in the original of every byte.
#[derive(Debug, Clone)]
pub struct NormalizedText {
    text: String,
    /// `origin[b]` is the original byte offset where the normalized character
    /// holding byte `b` starts; `origin[len]` is the original length.
    /// Characters that normalization drops (diacritics, tatweel) belong to the
    /// character before them, so `origin[end]` is the end of a span including
    /// its marks.
    origin: Vec<u32>,
}

impl NormalizedText {
    /// Normalizes `original`. Texts longer than `u32::MAX` bytes are refused
    /// by ingest long before they reach here.
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        for (offset, c) in original.char_indices() {
            let offset = offset as u32;
            match fold_char(c) {
                Folded::Drop => {}
                Folded::One(f) => push(&mut text, &mut origin, f, offset),
                Folded::Compat => decompose_compatible(c, |d| {
                    if let Folded::One(f) = fold_char(d) {
                        push(&mut text, &mut origin, f, offset);
                    }
                }),
            }
        }
        origin.push(original.len() as u32);
        NormalizedText { text, origin }
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte range of the normalized byte range `start..end`
    /// (both on character boundaries of the normalized text).
    pub fn original_span(&self, start: usize, end: usize) -> Range<usize> {
        let s = self.origin[start] as usize;
        let e = self.origin[end] as usize;
        s..e.max(s)
    }

    /// The original byte offset of the normalized byte offset `at`.
    pub fn original_offset(&self, at: usize) -> usize {
        self.origin[at] as usize
    }
}

fn push(text: &mut String, origin: &mut Vec<u32>, c: char, offset: u32) {
    text.push(c);
    origin.extend(std::iter::repeat_n(offset, c.len_utf8()));
}

enum Folded {
    Drop,
    One(char),
    /// A compatibility character (presentation forms, full-width forms):
    /// decompose with NFKC's mapping, then fold each part.
    Compat,
}

fn fold_char(c: char) -> Folded {
    use Folded::*;
    match c {
        c if c.is_ascii() => One(c),
        // Harakat, Quranic marks, superscript alef, tatweel.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}' => Drop,
        // Invisible marks: zero-width, bidi controls, BOM, soft hyphen.
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Drop,
        '\u{061C}' | '\u{FEFF}' | '\u{00AD}' => Drop,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => One('ا'),
        'ى' | 'ی' | 'ې' => One('ي'),
        'ة' | 'ۀ' | 'ە' => One('ه'),
        'ک' => One('ك'),
        '٠'..='٩' => One(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '۰'..='۹' => One(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        '٫' => One('.'),
        '٬' => One(','),
        '،' => One(','),
        '؛' => One(';'),
        '؟' => One('?'),
        '۔' => One('.'),
        '٪' => One('%'),
        '«' | '»' | '“' | '”' | '„' | '‟' | '″' => One('"'),
        '‘' | '’' | '‚' | '′' => One('\''),
        '–' | '—' | '‒' | '―' | '−' => One('-'),
        '…' => One('.'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => One(' '),
        '\u{2028}' | '\u{2029}' => One('\n'),
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' | '\u{FF01}'..='\u{FFEF}' => Compat,
        c => One(c),
    }
}

/// Walks `original` folding each character as [`NormalizedText`] does,
/// without building the normalized text: `f(Some(c), start, end)` for each
/// folded character with the original byte span it came from, `f(None,
/// start, end)` for a character normalization drops (a diacritic belongs to
/// the word around it). For hot paths that only hash words.
pub fn for_each_folded(original: &str, mut f: impl FnMut(Option<char>, usize, usize)) {
    for (start, c) in original.char_indices() {
        let end = start + c.len_utf8();
        match fold_char(c) {
            Folded::Drop => f(None, start, end),
            Folded::One(x) => f(Some(x), start, end),
            Folded::Compat => decompose_compatible(c, |d| {
                if let Folded::One(x) = fold_char(d) {
                    f(Some(x), start, end);
                }
            }),
        }
    }
}

/// Folds a short string (a lexicon entry, a gold surface form) the way
/// documents are folded, and collapses runs of white space.
pub fn fold(s: &str) -> String {
    let norm = NormalizedText::new(s);
    let mut out = String::with_capacity(norm.text.len());
    for word in norm.text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_alef_ya_ta_marbuta_and_drops_marks() {
        assert_eq!(
            fold("أُصيبَ إثنان آخران في الإسفيرة"),
            "اصيب اثنان اخران في الاسفيره"
        );
        assert_eq!(fold("الأنصارى"), "الانصاري");
        assert_eq!(fold("كوناشـينكوف"), "كوناشينكوف");
        assert_eq!(fold("قتـــلى"), "قتلى".replace('ى', "ي"));
    }

    #[test]
    fn digits_and_punctuation_become_ascii() {
        assert_eq!(fold("١٬٢٠٠ قتيل، و٣٫٥ مليون؟"), "1,200 قتيل, و3.5 مليون?");
        assert_eq!(fold("«الحر»"), "\"الحر\"");
        assert_eq!(fold("۱۲۳"), "123");
    }

    #[test]
    fn presentation_forms_decompose_to_letters() {
        // ﻻ (lam-alef ligature) and isolated/final forms from PDF extraction.
        assert_eq!(fold("ﻻ"), "لا");
        assert_eq!(fold("ﺣﻠﺐ"), "حلب");
    }

    #[test]
    fn spans_map_back_including_dropped_marks() {
        let original = "قُتِلَ ٢٣ شخصاً";
        let norm = NormalizedText::new(original);
        let word_end = norm.as_str().find(' ').unwrap();
        assert_eq!(&original[norm.original_span(0, word_end)], "قُتِلَ");
        let n = norm.as_str().find("23").unwrap();
        assert_eq!(&original[norm.original_span(n, n + 2)], "٢٣");
        let s = norm.as_str().find("شخصا").unwrap();
        assert_eq!(
            &original[norm.original_span(s, norm.as_str().len())],
            "شخصاً"
        );
    }

    #[test]
    fn empty_and_all_dropped_texts() {
        assert_eq!(NormalizedText::new("").as_str(), "");
        let n = NormalizedText::new("\u{064E}\u{0640}");
        assert_eq!(n.as_str(), "");
        // Nothing is kept: the empty span sits at the end of the original.
        assert_eq!(n.original_span(0, 0), 4..4);
    }
}
