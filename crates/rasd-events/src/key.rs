//! Reading a text once: the matching text and every lexicon hit on word
//! boundaries.
//!
//! The matching text is the core normalization (folded letters, ASCII
//! digits and punctuation) with quotes, brackets, hashtag marks and
//! underscores turned into spaces and runs of spaces collapsed, so that
//! `جبهة "فتح الشام"` and `#ميليشيات_الحوثي` match their lexicon forms.
//! It holds one byte per character (see [`code`]): Arabic letters take
//! two bytes in UTF-8, so the automaton reads half as many bytes and has
//! half as many states as over UTF-8. It is built with
//! [`rasd_core::normalize::for_each_folded`], the walk behind
//! `NormalizedText` (the same folding, without building a second text and
//! map), recording for each byte the original byte offset.

use rasd_core::normalize::for_each_folded;

use crate::lexicon::{Lexicon, What};

/// The one-byte code of a folded character in the matching text: ASCII as
/// is, U+0600..U+067E (the Arabic letters) as `0x80 + (c - 0x600)`, any
/// other letter or digit as `0xFF`, anything else as `0x7F`. Quotes,
/// brackets, `#`, `_` and white space become a space.
pub(crate) const fn code(c: char) -> u8 {
    let cp = c as u32;
    if cp >= 0x0600 && cp <= 0x067E {
        return (0x80 + (cp - 0x0600)) as u8;
    }
    if c.is_ascii() {
        return match c {
            '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '#' | '_' | '`' | '*' | '<' | '>'
            | '\t' | '\r' | '\x0B' | '\x0C' => b' ',
            c => c as u8,
        };
    }
    0x7F
}

/// [`code`] for any character, with the Unicode classes `const` cannot ask.
#[inline]
fn code_of(c: char) -> u8 {
    match code(c) {
        0x7F if c.is_whitespace() => b' ',
        0x7F if c.is_alphanumeric() => 0xFF,
        b => b,
    }
}

pub(crate) const ALEF: u8 = code('ا');
pub(crate) const LAM: u8 = code('ل');
pub(crate) const YA: u8 = code('ي');
pub(crate) const HA: u8 = code('ه');
const WAW: u8 = code('و');
const FA: u8 = code('ف');
const BA: u8 = code('ب');
const KAF: u8 = code('ك');
pub(crate) const MIN: [u8; 2] = [code('م'), code('ن')];
pub(crate) const FI: [u8; 2] = [code('ف'), code('ي')];

/// Pushes the code of one folded character, collapsing spaces; returns
/// whether a byte was pushed.
#[inline]
fn push_key_char(out: &mut Vec<u8>, c: char) -> bool {
    let b = code_of(c);
    if b == b' ' && matches!(out.last(), None | Some(b' ' | b'\n')) {
        return false;
    }
    out.push(b);
    true
}

/// The matching form of a folded lexicon form.
pub(crate) fn match_key(folded: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(folded.len());
    for c in folded.chars() {
        push_key_char(&mut out, c);
    }
    while out.last() == Some(&b' ') {
        out.pop();
    }
    out
}

/// Letters and digits: what a word is made of.
#[inline]
pub(crate) fn is_word_byte(b: u8) -> bool {
    match b {
        0xFF => true,
        // U+0621..U+064A letters, U+066E..U+067E other letters.
        0xA1..=0xCA | 0xEE..=0xFE => true,
        b => b.is_ascii_alphanumeric(),
    }
}

/// The matching text of one original text, with offsets back.
pub(crate) struct Key {
    /// One byte per character (see [`code`]).
    pub text: Vec<u8>,
    /// Per byte: the original byte offset of its character.
    pub origin: Vec<u32>,
}

/// Marks the core normalization drops (diacritics, tatweel, invisible
/// marks): a span of the original ends after those that follow its last
/// letter.
fn is_dropped(c: char) -> bool {
    matches!(c,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{FEFF}' | '\u{00AD}')
}

impl Key {
    fn new(original: &str) -> Key {
        let mut text = Vec::with_capacity(original.len());
        let mut origin: Vec<u32> = Vec::with_capacity(original.len());
        for_each_folded(original, |c, s, _| {
            if let Some(c) = c {
                if push_key_char(&mut text, c) {
                    origin.push(s as u32);
                }
            }
        });
        Key { text, origin }
    }

    /// The original byte range of the matching-text range `s..e` (`s < e`),
    /// with the marks after its last letter.
    pub fn span(&self, original: &str, s: usize, e: usize) -> (usize, usize) {
        let start = self.origin[s] as usize;
        let last = self.origin[e.max(s + 1) - 1] as usize;
        let rest = original.get(last..).unwrap_or("");
        let mut end = last;
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            end += c.len_utf8();
        }
        for c in chars {
            if !is_dropped(c) {
                break;
            }
            end += c.len_utf8();
        }
        (start, end.max(start))
    }
}

/// A hit of the automaton that passed the word-boundary checks, in bytes
/// of the matching text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawHit {
    pub what: What,
    pub start: u32,
    pub end: u32,
    /// Start of the word holding the hit, clitic prefix included.
    pub word_start: u32,
}

/// A text read once, before the report's country is known.
pub(crate) struct Raw {
    pub key: Key,
    pub hits: Vec<RawHit>,
}

/// Whether `prefix` (the letters of the word before the hit) is a clitic
/// chain: a conjunction و/ف, a preposition ب/ل/ك, the article ال (or لل for
/// ل + ال). A form that starts with ال takes no second article; the لل
/// variant of a form takes only a conjunction.
fn clitics_ok(prefix: &[u8], article: bool, double_lam: bool) -> bool {
    let mut rest = prefix;
    if let [WAW | FA, r @ ..] = rest {
        rest = r;
    }
    if rest.is_empty() {
        return true;
    }
    if double_lam {
        return false;
    }
    if !article && rest == [LAM, LAM] {
        return true;
    }
    if let [BA | LAM | KAF, r @ ..] = rest {
        rest = r;
    }
    rest.is_empty() || (!article && rest == [ALEF, LAM])
}

impl Raw {
    /// Reads `original`: builds the matching text and keeps every hit
    /// standing on word boundaries (after a clitic prefix).
    pub fn new(lex: &Lexicon, original: &str) -> Raw {
        let key = Key::new(original);
        let text = key.text.as_slice();
        let mut hits = Vec::new();
        for m in lex.automaton.find_overlapping_iter(text) {
            let pattern = &lex.patterns[m.pattern().as_usize()];
            let (s, e) = (m.start(), m.end());
            // The word start: back over at most four letters of clitics.
            let word_start = text[..s]
                .iter()
                .rposition(|&b| !is_word_byte(b))
                .map_or(0, |i| i + 1);
            if s - word_start > 4
                || !clitics_ok(&text[word_start..s], pattern.article, pattern.double_lam)
            {
                continue;
            }
            let closed = text.get(e).is_none_or(|&b| !is_word_byte(b));
            // The article belongs to the words found (الغارات in وبالغارات).
            let start = if text[word_start..s].ends_with(&[ALEF, LAM]) {
                s - 2
            } else {
                s
            };
            for p in &pattern.payloads {
                if closed || p.open {
                    hits.push(RawHit {
                        what: p.what,
                        start: start as u32,
                        end: e as u32,
                        word_start: word_start as u32,
                    });
                }
            }
        }
        Raw { key, hits }
    }

    /// Votes for the report's country: each country name once.
    pub fn count_countries(&self, counts: &mut [u32], weight: u32) {
        for h in &self.hits {
            if let What::Country(c) = h.what {
                if let Some(n) = counts.get_mut(c as usize) {
                    *n += weight;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Vec<u8> {
        match_key(s)
    }

    #[test]
    fn clitic_chains() {
        assert!(clitics_ok(&key(""), false, false));
        assert!(clitics_ok(&key("وال"), false, false));
        assert!(clitics_ok(&key("بال"), false, false));
        assert!(clitics_ok(&key("لل"), false, false));
        assert!(clitics_ok(&key("فب"), true, false));
        assert!(!clitics_ok(&key("ال"), true, false));
        assert!(!clitics_ok(&key("ي"), false, false));
        assert!(!clitics_ok(&key("ب"), false, true));
        assert!(clitics_ok(&key("و"), false, true));
    }

    #[test]
    fn key_strips_quotes_and_maps_back() {
        let original = "جبهة \"فتحِ الشام\" #ميليشيات_الحوثي";
        let k = Key::new(original);
        assert_eq!(k.text, key("جبهه فتح الشام ميليشيات الحوثي"));
        let s = k.text.windows(3).position(|w| w == key("فتح")).unwrap();
        let (a, b) = k.span(original, s, s + 3);
        assert_eq!(&original[a..b], "فتحِ");
    }

    #[test]
    fn one_byte_per_letter() {
        assert_eq!(code('ء'), 0xA1);
        assert_eq!(code('ي'), 0xCA);
        assert!(is_word_byte(code('ا')) && !is_word_byte(b' ') && !is_word_byte(b','));
        assert_eq!(code_of('\u{00A0}'), b' ');
        assert_eq!(code_of('é'), 0xFF);
    }
}
