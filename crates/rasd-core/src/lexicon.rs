//! Word lists that a linguist edits without reading Rust.
//!
//! Each file in `lexicons/` holds one entry a line: the Arabic form (one or
//! more words), a class, and optional `key=value` attributes, separated by a
//! tab or by two or more spaces; `#` starts a comment. Forms are folded with
//! [`crate::normalize::fold`] when loaded, so entries may be written with
//! hamza, ى or ة as they appear in text.
//!
//! Lookup is clitic-aware: a token is tried as written, then without a
//! conjunction (و ف), a preposition (ب ل ك) and the article (ال), in that
//! order, so `وبالقتلى` finds the entry `قتلى`.

use rustc_hash::FxHashMap;

use crate::error::LexiconError;
use crate::normalize::fold;

/// One lexicon entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The folded words of the form.
    pub words: Vec<String>,
    pub class: String,
    attrs: Vec<(String, String)>,
}

impl Entry {
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn has(&self, key: &str) -> bool {
        self.attrs.iter().any(|(k, _)| k == key)
    }
}

/// The clitics stripped from a token to find its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Clitics {
    /// و or ف.
    pub conjunction: bool,
    /// ب, ل or ك.
    pub preposition: Option<char>,
    /// ال (also the ل of لل).
    pub article: bool,
}

/// A match of an entry at a token position.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a> {
    pub entry: &'a Entry,
    /// Number of tokens the entry covers.
    pub len: usize,
    pub clitics: Clitics,
}

/// A set of entries indexed by their first word.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    by_first_word: FxHashMap<String, Vec<Entry>>,
}

impl Lexicon {
    /// Parses lexicon text; `name` is used in error messages.
    pub fn parse(name: &str, text: &str) -> Result<Self, LexiconError> {
        let mut lexicon = Lexicon::default();
        for (index, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let fields = split_fields(line);
            if fields.len() < 2 {
                return Err(LexiconError {
                    file: name.to_string(),
                    line: index + 1,
                    message: "expected a form and a class".into(),
                });
            }
            let words: Vec<String> = fold(fields[0]).split(' ').map(str::to_string).collect();
            // `key=value` pairs; a value runs on over words without `=`
            // (canonical=أطباء بلا حدود type=ngo).
            let mut attrs: Vec<(String, String)> = Vec::new();
            for field in &fields[2..] {
                let field_start = attrs.len();
                for word in field.split_whitespace() {
                    match word.split_once('=') {
                        Some((k, v)) => attrs.push((k.to_string(), v.to_string())),
                        None => match attrs[field_start..].last_mut() {
                            Some((_, v)) if !v.is_empty() => {
                                v.push(' ');
                                v.push_str(word);
                            }
                            _ => attrs.push((word.to_string(), String::new())),
                        },
                    }
                }
            }
            let entry = Entry {
                words,
                class: fields[1].to_string(),
                attrs,
            };
            lexicon
                .by_first_word
                .entry(entry.words[0].clone())
                .or_default()
                .push(entry);
        }
        for entries in lexicon.by_first_word.values_mut() {
            // Longest entries first, so the longest phrase wins.
            entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        Ok(lexicon)
    }

    /// Adds every entry of `other`.
    pub fn extend(&mut self, other: Lexicon) {
        for (k, mut v) in other.by_first_word {
            let slot = self.by_first_word.entry(k).or_default();
            slot.append(&mut v);
            slot.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
    }

    /// The longest entry of `class` (any class when `None`) that starts at
    /// `words[0]`, trying the first word with fewer clitics first.
    pub fn lookup<'a, S: AsRef<str>>(
        &'a self,
        words: &[S],
        class: Option<&str>,
    ) -> Option<Hit<'a>> {
        let first = words.first()?.as_ref();
        for (stem, clitics) in stems(first) {
            if let Some(entries) = self.by_first_word.get(stem) {
                for entry in entries {
                    if class.is_some_and(|c| c != entry.class) {
                        continue;
                    }
                    let n = entry.words.len();
                    if n > words.len() {
                        continue;
                    }
                    if entry.words[1..]
                        .iter()
                        .zip(&words[1..n])
                        .all(|(e, w)| e == w.as_ref())
                    {
                        return Some(Hit {
                            entry,
                            len: n,
                            clitics,
                        });
                    }
                }
            }
        }
        None
    }
}

fn split_fields(line: &str) -> Vec<&str> {
    let mut fields = Vec::new();
    let mut rest = line;
    while !rest.is_empty() {
        let cut = rest
            .char_indices()
            .find(|&(i, c)| c == '\t' || (c == ' ' && rest[i + 1..].starts_with(' ')))
            .map(|(i, _)| i);
        match cut {
            Some(i) => {
                fields.push(rest[..i].trim());
                rest = rest[i..].trim_start();
            }
            None => {
                fields.push(rest.trim());
                break;
            }
        }
    }
    fields
}

/// The token and its clitic-stripped stems, least stripped first. A stem
/// keeps at least two letters.
pub fn stems(word: &str) -> impl Iterator<Item = (&str, Clitics)> {
    let mut out = [("", Clitics::default()); 8];
    let mut n = 0;
    fn push<'w>(out: &mut [(&'w str, Clitics); 8], n: &mut usize, s: &'w str, c: Clitics) {
        if *n < out.len() && s.chars().nth(1).is_some() && !out[..*n].iter().any(|(x, _)| *x == s) {
            out[*n] = (s, c);
            *n += 1;
        }
    }
    let conj = match word.strip_prefix('و').or_else(|| word.strip_prefix('ف')) {
        Some(rest) => [(word, false), (rest, true)],
        None => [(word, false), ("", false)],
    };
    for (w, conjunction) in conj {
        if w.is_empty() {
            continue;
        }
        let mut preps = [(w, None), ("", None), ("", None), ("", None)];
        for (i, p) in ['ب', 'ل', 'ك'].into_iter().enumerate() {
            if let Some(rest) = w.strip_prefix(p) {
                preps[i + 1] = (rest, Some(p));
            }
        }
        for (x, preposition) in preps {
            if x.is_empty() {
                continue;
            }
            let c = Clitics {
                conjunction,
                preposition,
                article: false,
            };
            push(&mut out, &mut n, x, c);
            let without_article = x
                .strip_prefix("ال")
                // لل is ل + ال: after the ل has gone, one ل of the article is left.
                .or_else(|| {
                    if preposition == Some('ل') {
                        x.strip_prefix('ل')
                    } else {
                        None
                    }
                });
            if let Some(rest) = without_article {
                push(&mut out, &mut n, rest, Clitics { article: true, ..c });
            }
        }
    }
    out.into_iter().take(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_attributes_and_comments() {
        let lex = Lexicon::parse(
            "t",
            "# comment\nقتلى\tcasualty_noun\tkind=killed number=plural  # القتلى\nما لا يقل عن  qualifier  q=at_least\n",
        )
        .unwrap();
        let hit = lex.lookup(&[fold("والقتلى")], None).unwrap();
        assert_eq!(hit.entry.class, "casualty_noun");
        assert_eq!(hit.entry.attr("kind"), Some("killed"));
        assert!(hit.clitics.conjunction && hit.clitics.article);
        let hit = lex
            .lookup(&["ما", "لا", "يقل", "عن", "30"], Some("qualifier"))
            .unwrap();
        assert_eq!(hit.len, 4);
        assert!(lex.lookup(&["ما", "لا"], None).is_none());
    }

    #[test]
    fn stems_strip_clitics_in_order() {
        let s: Vec<&str> = stems("وبالقتلي").map(|(s, _)| s).collect();
        assert_eq!(s, ["وبالقتلي", "بالقتلي", "القتلي", "قتلي"]);
        let s: Vec<&str> = stems("للقتلي").map(|(s, _)| s).collect();
        assert_eq!(s, ["للقتلي", "لقتلي", "قتلي"]);
    }

    #[test]
    fn malformed_line_is_an_error_with_its_line() {
        let err = Lexicon::parse("x.tsv", "قتلى\tcasualty\nقتلى\n").unwrap_err();
        assert_eq!(err.line, 2);
    }
}
