//! One pass over a report: find the words that can start a date (one
//! Aho-Corasick run over the normalized text), read the expression around
//! each, keep the longest of overlapping readings, resolve them.
//!
//! Texts with no date word and no digit-separator-digit shape stop after
//! the automaton run, before tokenizing.

use jiff::civil::Date;
use rasd_core::normalize::NormalizedText;
use rasd_core::report::CharCounter;

use crate::expr::{resolve, Expr};
use crate::lexicon::{clitics_of, Class, Clitics, Lexicon};
use crate::tokens::{tokenize, Cx, Kind, Token};
use crate::{gregorian, relative, DateMention};

/// A reading of tokens `first..end` (end exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub first: usize,
    pub end: usize,
    pub expr: Expr,
}

impl Candidate {
    /// From signed token indices as the grammar computes them; the grammar
    /// only moves `first` back over tokens that exist, so `first >= 0`.
    pub(crate) fn new(first: isize, end: isize, expr: Expr) -> Self {
        Candidate {
            first: usize::try_from(first).unwrap_or(0),
            end: usize::try_from(end).unwrap_or(0),
            expr,
        }
    }

    fn len(&self) -> usize {
        self.end - self.first
    }
}

/// True if `bytes` hold a digit, a date separator and a digit in a row.
fn has_numeric_shape(bytes: &[u8]) -> bool {
    bytes.windows(3).any(|w| {
        w[0].is_ascii_digit() && matches!(w[1], b'/' | b'-' | b'.') && w[2].is_ascii_digit()
    })
}

/// Anchor words: (token index, pattern id, clitics), at most one per token
/// (the longest stem that ends the token behind a valid clitic prefix).
fn anchors(
    text: &str,
    toks: &[Token],
    matches: &[(usize, usize, usize)],
) -> Vec<(usize, usize, Clitics)> {
    let mut out: Vec<(usize, usize, Clitics, usize)> = Vec::new();
    for &(pattern, start, end) in matches {
        let Ok(t) = toks.binary_search_by_key(&(end as u32), |t| t.end) else {
            continue;
        };
        let tok = toks[t];
        if tok.kind != Kind::Word || (tok.start as usize) > start {
            continue;
        }
        let Some(clitics) = clitics_of(&text[tok.start as usize..start]) else {
            continue;
        };
        match out.last_mut() {
            Some(last) if last.0 == t => {
                if start < last.3 {
                    *last = (t, pattern, clitics, start);
                }
            }
            _ => out.push((t, pattern, clitics, start)),
        }
    }
    // Overlapping matches arrive by end position, so one token's matches
    // are adjacent; sort anyway for safety.
    out.sort_by_key(|a| a.0);
    out.dedup_by_key(|a| a.0);
    out.into_iter().map(|(t, p, c, _)| (t, p, c)).collect()
}

/// The reading of the expression anchored at token `t`.
fn read(cx: &Cx, t: usize, pattern: usize, clitics: Clitics) -> Option<Candidate> {
    for &entry in cx.lex.anchor_senses(pattern) {
        let found = match entry.class {
            Class::Month
            | Class::MonthPair
            | Class::Hijri
            | Class::HijriPair
            | Class::HijriTail => gregorian::parse_month(cx, t),
            Class::Weekday => relative::weekday(cx, t, entry, clitics),
            Class::Day if clitics.article && entry.count == crate::lexicon::Count::One => {
                relative::today(cx, t).or_else(|| relative::units(cx, t, entry, clitics))
            }
            Class::Day | Class::Hour | Class::Week | Class::MonthUnit => {
                relative::units(cx, t, entry, clitics)
            }
            // لامس is "touched", not ل + أمس; بالأمس keeps its article.
            Class::Yesterday | Class::Tomorrow if clitics.preposition && !clitics.article => None,
            Class::Yesterday | Class::Tomorrow => relative::rel_day(cx, t, entry.class),
            Class::Night => relative::last_night(cx, t, clitics),
            Class::YearWord => relative::year_word(cx, t, clitics),
            _ => None,
        };
        if let Some(c) = found {
            return Some(with_since(cx, c));
        }
    }
    None
}

/// منذ before a reading makes it "since": منذ ليلة الخميس، منذ عام 2011.
fn with_since(cx: &Cx, c: Candidate) -> Candidate {
    let before = c.first as isize - 1;
    if matches!(c.expr, Expr::Since(_)) || !cx.has(before, Class::Since) {
        return c;
    }
    Candidate {
        first: c.first - 1,
        end: c.end,
        expr: Expr::Since(Box::new(c.expr)),
    }
}

/// Keeps, of overlapping candidates, the one covering more tokens (the
/// earlier on a tie).
fn select(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.retain(|c| c.end > c.first);
    candidates.sort_by_key(|c| (c.first, std::cmp::Reverse(c.end)));
    let mut kept: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for c in candidates {
        match kept.last_mut() {
            Some(last) if c.first < last.end => {
                if c.len() > last.len() {
                    *last = c;
                }
            }
            _ => kept.push(c),
        }
    }
    kept
}

/// Bytes of a conjunction (و ف) glued to the first word of a mention: the
/// evidence is the date, not the "and" before it (والليلة الماضية).
fn conjunction_len(cx: &Cx, first: usize) -> usize {
    let Some(word) = cx.word(first as isize) else {
        return 0;
    };
    match cx.lex.senses(word) {
        Some((_, c)) if c.conjunction && word.len() > 2 => 'و'.len_utf8(),
        _ => 0,
    }
}

pub(crate) fn date_mentions(
    text: &str,
    norm: &NormalizedText,
    published: Option<Date>,
) -> Vec<DateMention> {
    let s = norm.as_str();
    let lex = Lexicon::get();
    let matches: Vec<(usize, usize, usize)> = lex
        .automaton()
        .find_overlapping_iter(s)
        .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
        .collect();
    let numeric = has_numeric_shape(s.as_bytes());
    if matches.is_empty() && !numeric {
        return Vec::new();
    }
    let toks = tokenize(s);
    let cx = Cx {
        text: s,
        toks: &toks,
        lex,
    };
    let mut candidates: Vec<Candidate> = anchors(s, &toks, &matches)
        .into_iter()
        .filter_map(|(t, pattern, clitics)| read(&cx, t, pattern, clitics))
        .collect();
    if numeric {
        for (i, t) in toks.iter().enumerate() {
            if t.kind == Kind::Number && cx.touching(i as isize) {
                if let Some(c) = gregorian::parse_numeric(&cx, i) {
                    candidates.push(c);
                }
            }
        }
    }
    let mut counter = CharCounter::new(text);
    select(candidates)
        .into_iter()
        .filter(|c| c.end <= cx.len())
        .filter_map(|c| {
            let (mut bs, be) = cx.span(c.first, c.end);
            bs += conjunction_len(&cx, c.first);
            let orig = norm.original_span(bs, be);
            // Guards a `normalized` that is not this text's (date_mentions_in).
            let words = text.get(orig.clone())?;
            let start = counter.char_offset(orig.start);
            let end = counter.char_offset(orig.end);
            let (kind, range) = resolve(&c.expr, published);
            Some(DateMention {
                start,
                end,
                text: words.to_string(),
                kind,
                range,
            })
        })
        .collect()
}
