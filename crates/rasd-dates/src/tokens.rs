//! Tokens of normalized text, and the view of them the grammar reads.
//!
//! Unlike `rasd_core::segment`, digits never absorb `.` or `,`: a date such
//! as `15.11.2016` must come apart into its three numbers. Tokens are words
//! (runs of letters), numbers (runs of ASCII digits) and single marks.

use crate::lexicon::{Class, Clitics, Entry, Lexicon};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Number,
    Mark(char),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
}

fn is_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | 'a'..='z' | 'A'..='Z')
        || (!c.is_ascii() && c.is_alphabetic())
}

/// Splits normalized text into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let kind = if c.is_ascii_digit() {
            Kind::Number
        } else if is_letter(c) {
            Kind::Word
        } else if c.is_whitespace() {
            continue;
        } else {
            out.push(Token {
                start: i as u32,
                end: (i + c.len_utf8()) as u32,
                kind: Kind::Mark(c),
            });
            continue;
        };
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            let same = match kind {
                Kind::Number => d.is_ascii_digit(),
                _ => is_letter(d),
            };
            if !same {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        out.push(Token {
            start: i as u32,
            end: end as u32,
            kind,
        });
    }
    out
}

/// The tokens of one text with the lexicon: what the grammar asks of them.
/// Every accessor takes any index and answers `None`/`false` out of range.
pub(crate) struct Cx<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub lex: &'a Lexicon,
}

impl<'a> Cx<'a> {
    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    fn tok(&self, i: isize) -> Option<&Token> {
        usize::try_from(i).ok().and_then(|i| self.toks.get(i))
    }

    /// The word at `i`.
    pub(crate) fn word(&self, i: isize) -> Option<&'a str> {
        let t = self.tok(i)?;
        (t.kind == Kind::Word).then(|| &self.text[t.start as usize..t.end as usize])
    }

    /// True if the token at `i` is the word `w` exactly.
    pub(crate) fn is_word(&self, i: isize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    /// True if the token at `i` is the mark `c`.
    pub(crate) fn is_mark(&self, i: isize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Mark(c))
    }

    /// The value of the number at `i`, with its digit count; `None` for
    /// non-numbers and for runs too long to be a day, count or year.
    pub(crate) fn number(&self, i: isize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Number {
            return None;
        }
        let s = &self.text[t.start as usize..t.end as usize];
        if s.len() > 6 {
            return None;
        }
        s.parse().ok().map(|v| (v, s.len()))
    }

    /// True if tokens `i` and `i + 1` touch (no space between).
    pub(crate) fn touching(&self, i: isize) -> bool {
        match (self.tok(i), self.tok(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// The sense of class `class` of the word at `i`.
    pub(crate) fn sense(&self, i: isize, class: Class) -> Option<(Entry, Clitics)> {
        self.lex.sense(self.word(i)?, class)
    }

    /// True if the word at `i` has a sense of class `class`.
    pub(crate) fn has(&self, i: isize, class: Class) -> bool {
        self.sense(i, class).is_some()
    }

    /// True if the word at `i`, as written, is of class `class`.
    pub(crate) fn is_exactly(&self, i: isize, class: Class) -> bool {
        self.word(i).is_some_and(|w| self.lex.is_exactly(w, class))
    }

    /// The sense of class `class` at `i`, only when the word carries the
    /// article (`article = true`) or does not (`false`).
    pub(crate) fn sense_art(&self, i: isize, class: Class, article: bool) -> Option<Entry> {
        self.sense(i, class)
            .filter(|(_, c)| c.article == article)
            .map(|(e, _)| e)
    }

    /// The byte span of tokens `first..end` (end exclusive, `end > first`).
    pub(crate) fn span(&self, first: usize, end: usize) -> (usize, usize) {
        (
            self.toks[first].start as usize,
            self.toks[end - 1].end as usize,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s)
            .iter()
            .map(|t| &s[t.start as usize..t.end as usize])
            .collect()
    }

    #[test]
    fn digits_split_on_marks_and_letters() {
        assert_eq!(texts("15.11.2016"), ["15", ".", "11", ".", "2016"]);
        assert_eq!(texts("ال24 ساعه"), ["ال", "24", "ساعه"]);
        assert_eq!(texts("و15 نوفمبر"), ["و", "15", "نوفمبر"]);
        assert_eq!(texts("1437ه"), ["1437", "ه"]);
        assert!(texts("").is_empty());
    }
}
