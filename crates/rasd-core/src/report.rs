//! A news report: the original text every annotation points into.

use serde::{Deserialize, Serialize};

/// One report as ingested. `text` is the original, never modified: every
/// span Rasd reports is a character range of it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication time as given by the input (ISO 8601), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub text: String,
}

/// A span of the original text in characters (Unicode scalar values), the
/// unit that Python's `str` slicing and JavaScript's `Array.from` use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Converts byte offsets of a text to character offsets, walking forward
/// only: callers convert spans in increasing order of offset.
pub struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    pub fn new(text: &'a str) -> Self {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The character offset of byte offset `at` (a character boundary).
    pub fn char_offset(&mut self, at: usize) -> usize {
        if at < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..at].chars().count();
        self.byte = at;
        self.chars
    }

    /// The evidence for the byte range `start..end` of the text.
    pub fn evidence(&mut self, start: usize, end: usize) -> Evidence {
        let s = self.char_offset(start);
        let e = self.char_offset(end);
        Evidence {
            start: s,
            end: e,
            text: self.text[start..end].to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_offsets_count_arabic_letters_once() {
        let text = "قتل ٢٣ شخصاً";
        let mut counter = CharCounter::new(text);
        let start = text.find("٢٣").unwrap();
        let ev = counter.evidence(start, start + "٢٣".len());
        assert_eq!((ev.start, ev.end, ev.text.as_str()), (4, 6, "٢٣"));
        assert_eq!(
            text.chars()
                .skip(ev.start)
                .take(ev.end - ev.start)
                .collect::<String>(),
            "٢٣"
        );
    }
}
