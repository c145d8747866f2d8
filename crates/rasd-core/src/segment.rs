//! Paragraphs, sentences and tokens over normalized text.
//!
//! Tokens are spans of the normalized text: a word (a run of letters), a
//! number (digits with inner `,` or `.` between digits: `1,200`, `2.5`), or a
//! single punctuation mark. A line break ends a paragraph; `.`, `!`, `?` end a
//! sentence unless the `.` follows a lone letter (abbreviations such as
//! `ق.د`).

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct(char),
}

/// A token: a byte span of the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, normalized: &'a str) -> &'a str {
        &normalized[self.start as usize..self.end as usize]
    }

    pub fn is_punct(&self) -> bool {
        matches!(self.kind, TokenKind::Punct(_))
    }
}

/// A sentence: a run of tokens inside one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Index of the first token and one past the last, in [`Segmented::tokens`].
    pub first_token: u32,
    pub end_token: u32,
    pub paragraph: u32,
    /// Byte span in the normalized text.
    pub start: u32,
    pub end: u32,
}

impl Sentence {
    pub fn token_range(&self) -> std::ops::Range<usize> {
        self.first_token as usize..self.end_token as usize
    }
}

/// The tokens and sentences of one normalized text.
#[derive(Debug, Default, Clone)]
pub struct Segmented {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

fn is_word_char(c: char) -> bool {
    // Arabic letters first: the general Unicode table lookup is the slow path.
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | 'a'..='z' | 'A'..='Z')
        || (!c.is_ascii() && c.is_alphabetic())
        || c == '\u{200C}'
}

/// Splits normalized text into tokens and sentences.
pub fn segment(normalized: &str) -> Segmented {
    let mut out = Segmented {
        tokens: Vec::with_capacity(normalized.len() / 5),
        sentences: Vec::new(),
    };
    let bytes = normalized.as_bytes();
    let mut paragraph = 0u32;
    let mut sentence_first = 0usize;
    let mut pending_paragraph_break = false;
    let mut chars = normalized.char_indices().peekable();

    let close = |out: &mut Segmented, first: usize, paragraph: u32| {
        let last = out.tokens.len();
        if last > first {
            out.sentences.push(Sentence {
                first_token: first as u32,
                end_token: last as u32,
                paragraph,
                start: out.tokens[first].start,
                end: out.tokens[last - 1].end,
            });
        }
    };

    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            if c == '\n' {
                pending_paragraph_break = true;
            }
            continue;
        }
        // #قوات_الاحتلال_الإسرائيلية: a hashtag's marks join words that
        // are read as words.
        if c == '#' || c == '_' {
            continue;
        }
        if pending_paragraph_break {
            close(&mut out, sentence_first, paragraph);
            sentence_first = out.tokens.len();
            if !out.tokens.is_empty() {
                paragraph += 1;
            }
            pending_paragraph_break = false;
        }
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = chars.peek() {
                let next_is_digit = bytes.get(j + 1).is_some_and(|b| b.is_ascii_digit());
                if d.is_ascii_digit() || ((d == ',' || d == '.') && next_is_digit) {
                    chars.next();
                    end = j + d.len_utf8();
                } else {
                    break;
                }
            }
            out.tokens.push(Token {
                start: i as u32,
                end: end as u32,
                kind: TokenKind::Number,
            });
        } else if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if is_word_char(d) {
                    chars.next();
                    end = j + d.len_utf8();
                } else {
                    break;
                }
            }
            out.tokens.push(Token {
                start: i as u32,
                end: end as u32,
                kind: TokenKind::Word,
            });
        } else {
            // المسلحون.. وبحسب، قتلوا.» وقال: a run of stops, or a closing
            // quote glued to a stop, ends the sentence before; alone they
            // would make a sentence of their own and part it from its
            // neighbour (a source said in the one before).
            let trailing = sentence_first == out.tokens.len()
                && out.sentences.last().is_some_and(|s| {
                    s.end_token as usize == out.tokens.len()
                        && s.paragraph == paragraph
                        && (matches!(c, '.' | '!' | '?')
                            || (matches!(c, '"' | ')') && s.end as usize == i))
                });
            out.tokens.push(Token {
                start: i as u32,
                end: (i + c.len_utf8()) as u32,
                kind: TokenKind::Punct(c),
            });
            if trailing {
                let last = out.sentences.last_mut().expect("checked above");
                last.end_token = out.tokens.len() as u32;
                last.end = (i + c.len_utf8()) as u32;
                sentence_first = out.tokens.len();
                continue;
            }
            let ends_sentence = match c {
                '!' | '?' => true,
                '.' => {
                    !after_lone_letter(&out.tokens, normalized)
                        && !inside_acronym(&out.tokens, normalized, i + 1)
                }
                _ => false,
            };
            if ends_sentence {
                close(&mut out, sentence_first, paragraph);
                sentence_first = out.tokens.len();
            }
        }
    }
    close(&mut out, sentence_first, paragraph);
    out
}

/// The letters of the word the `.` just pushed is glued to, if it is glued
/// to one.
fn glued_word_before(tokens: &[Token], normalized: &str) -> Option<usize> {
    let n = tokens.len();
    if n < 2 {
        return None;
    }
    let prev = tokens[n - 2];
    (prev.kind == TokenKind::Word && prev.end == tokens[n - 1].start)
        .then(|| prev.text(normalized).chars().count())
}

/// True when the `.` just pushed follows a one-letter word glued to it
/// (`ق.د`), which marks an abbreviation rather than a sentence end.
fn after_lone_letter(tokens: &[Token], normalized: &str) -> bool {
    glued_word_before(tokens, normalized) == Some(1)
}

/// True when the `.` just pushed joins two short words with no space on
/// either side (`إي.أر.تي`، `إن.إتش.كيه`، `تي.إف1`): the dots of an
/// acronym, not a sentence end. (A stop glued between longer words,
/// `اليمن.وفقا`, still ends the sentence.)
fn inside_acronym(tokens: &[Token], normalized: &str, after: usize) -> bool {
    const SHORT: usize = 3;
    let glued_before = glued_word_before(tokens, normalized).is_some_and(|n| n <= SHORT);
    let next = normalized[after..]
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .take(SHORT + 1)
        .count();
    glued_before && (1..=SHORT).contains(&next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::NormalizedText;

    fn words(text: &str) -> Vec<String> {
        let norm = NormalizedText::new(text);
        let seg = segment(norm.as_str());
        seg.tokens
            .iter()
            .map(|t| t.text(norm.as_str()).to_string())
            .collect()
    }

    #[test]
    fn an_acronyms_dots_end_no_sentence_but_a_glued_stop_between_words_does() {
        let count = |text: &str| segment(NormalizedText::new(text).as_str()).sentences.len();
        assert_eq!(
            count("كما ذكرت شبكة \"إي.أر.تي\" التلفزيونية أن 5 قتلوا."),
            1
        );
        assert_eq!(
            count("وقالت هيئة الإذاعة (إن.إتش.كيه) إن 64 شخصا لقوا حتفهم."),
            1
        );
        assert_eq!(count("قتل 7 مقاتلين جنوبي اليمن.وفقا لشبكة سكاي نيوز."), 2);
        assert_eq!(count("قتل 7 مقاتلين. وقال المرصد إن القتال مستمر."), 2);
    }

    #[test]
    fn numbers_keep_thousands_separators_and_decimals() {
        assert_eq!(
            words("قتل 1,200 شخص و٢٫٥ مليون."),
            ["قتل", "1,200", "شخص", "و", "2.5", "مليون", "."]
        );
    }

    #[test]
    fn hashtags_are_read_as_their_words() {
        assert_eq!(
            words("وقتلت #قوات_الاحتلال 43 فلسطينيا في #غزة"),
            ["وقتلت", "قوات", "الاحتلال", "43", "فلسطينيا", "في", "غزه"]
        );
    }

    #[test]
    fn sentences_split_on_stops_and_paragraphs_but_not_abbreviations() {
        let text = "ق.د/وكالات أفادت مصادر بمقتل 5. وقال المرصد إن 3 أصيبوا!\n\nفقرة ثانية؟ نعم.. «قتل 4.» ثم . جاء";
        let norm = NormalizedText::new(text);
        let seg = segment(norm.as_str());
        let sentences: Vec<(&str, u32)> = seg
            .sentences
            .iter()
            .map(|s| {
                (
                    &norm.as_str()[s.start as usize..s.end as usize],
                    s.paragraph,
                )
            })
            .collect();
        assert_eq!(
            sentences,
            [
                ("ق.د/وكالات افادت مصادر بمقتل 5.", 0),
                ("وقال المرصد ان 3 اصيبوا!", 0),
                ("فقره ثانيه?", 1),
                ("نعم..", 1),
                ("\"قتل 4.\"", 1),
                ("ثم .", 1),
                ("جاء", 1)
            ]
        );
    }

    #[test]
    fn empty_text_has_no_sentences() {
        assert!(segment("").sentences.is_empty());
        assert!(segment("  \n\n ").sentences.is_empty());
    }
}
