//! The date words of `data/dates.tsv`: classes, clitic-aware lookup, and the
//! Aho-Corasick automaton that finds every word that can start a date
//! expression in one pass over a text.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rasd_core::normalize::fold;
use rustc_hash::FxHashMap;

use crate::error::LexiconError;

/// What a date word is (see the header of `data/dates.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Class {
    Month,
    MonthPair,
    Hijri,
    HijriPair,
    HijriTail,
    Weekday,
    Day,
    Yesterday,
    Tomorrow,
    Night,
    Hour,
    Week,
    MonthUnit,
    YearWord,
    Past,
    Future,
    Current,
    Lead,
    Since,
    Ago,
    Few,
    TimeOfDay,
    Ordinal,
    Cardinal,
    Teen,
    Tens,
    PairFirst,
    PairSecond,
    Dhu,
    MonthEdge,
    This,
    NotToday,
    HijriEra,
    GregorianEra,
    From,
}

impl Class {
    fn parse(s: &str) -> Option<Class> {
        use Class::*;
        Some(match s {
            "month" => Month,
            "month_pair" => MonthPair,
            "hijri" => Hijri,
            "hijri_pair" => HijriPair,
            "hijri_tail" => HijriTail,
            "weekday" => Weekday,
            "day" => Day,
            "yesterday" => Yesterday,
            "tomorrow" => Tomorrow,
            "night" => Night,
            "hour" => Hour,
            "week" => Week,
            "month_unit" => MonthUnit,
            "year_word" => YearWord,
            "past" => Past,
            "future" => Future,
            "current" => Current,
            "lead" => Lead,
            "since" => Since,
            "ago" => Ago,
            "few" => Few,
            "time_of_day" => TimeOfDay,
            "ordinal" => Ordinal,
            "cardinal" => Cardinal,
            "teen" => Teen,
            "tens" => Tens,
            "pair_first" => PairFirst,
            "pair_second" => PairSecond,
            "dhu" => Dhu,
            "month_edge" => MonthEdge,
            "this" => This,
            "not_today" => NotToday,
            "hijri_era" => HijriEra,
            "gregorian_era" => GregorianEra,
            "from" => From,
            _ => return None,
        })
    }

    /// Classes the scanner looks for: each can start a date expression.
    pub(crate) fn is_anchor(self) -> bool {
        use Class::*;
        matches!(
            self,
            Month
                | MonthPair
                | Hijri
                | HijriPair
                | HijriTail
                | Weekday
                | Day
                | Yesterday
                | Tomorrow
                | Night
                | Hour
                | Week
                | MonthUnit
                | YearWord
        )
    }
}

/// How many of a unit a unit word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Count {
    One,
    Dual,
    Plural,
}

/// One sense of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub class: Class,
    pub value: i32,
    /// An ambiguous month name (آب، مارس): needs a day, year or marker.
    pub weak: bool,
    pub count: Count,
    /// ليل/ليلة among the times of day.
    pub night: bool,
}

/// The clitics found before a word's stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Clitics {
    pub article: bool,
    /// و or ف.
    pub conjunction: bool,
    /// ب, ك or ل (also the ل of لل).
    pub preposition: bool,
}

/// Prefixes a stem may carry: conjunction (و ف), preposition (ب ك ل), the
/// article (ال, which ل contracts to لل). Shortest first.
const PREFIXES: &[&str] = &[
    "", "و", "ف", "ب", "ك", "ل", "ال", "وب", "وك", "ول", "فب", "فك", "فل", "وال", "فال", "بال",
    "كال", "لل", "وبال", "وكال", "ولل", "فبال", "فكال", "فلل",
];

/// The clitics of a valid prefix, `None` if `prefix` is not one.
pub(crate) fn clitics_of(prefix: &str) -> Option<Clitics> {
    if !PREFIXES.contains(&prefix) {
        return None;
    }
    Some(Clitics {
        article: prefix.ends_with("ال") || prefix.ends_with("لل"),
        conjunction: prefix.starts_with('و') || prefix.starts_with('ف'),
        preposition: prefix
            .trim_start_matches(['و', 'ف'])
            .starts_with(['ب', 'ك', 'ل']),
    })
}

/// The date lexicon: senses by folded form, and the anchor automaton.
pub(crate) struct Lexicon {
    words: FxHashMap<String, Vec<Entry>>,
    /// Anchor forms, pattern id → form.
    anchors: Vec<String>,
    automaton: AhoCorasick,
}

impl Lexicon {
    pub(crate) fn parse(name: &str, text: &str) -> Result<Self, LexiconError> {
        let mut words: FxHashMap<String, Vec<Entry>> = FxHashMap::default();
        for (index, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |message: String| LexiconError {
                file: name.to_string(),
                line: index + 1,
                message,
            };
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            if fields.len() < 2 {
                return Err(err("expected a form and a class".into()));
            }
            let form = fold(fields[0]);
            if form.is_empty() || form.contains(' ') {
                return Err(err(format!("bad form {:?}", fields[0])));
            }
            let class = Class::parse(fields[1])
                .ok_or_else(|| err(format!("unknown class {}", fields[1])))?;
            let mut entry = Entry {
                class,
                value: 0,
                weak: false,
                count: Count::One,
                night: false,
            };
            for attr in fields[2..].iter().flat_map(|f| f.split_whitespace()) {
                match attr.split_once('=') {
                    Some(("value", v)) => {
                        entry.value = v.parse().map_err(|_| err(format!("bad value {v}")))?;
                    }
                    None if attr == "weak" => entry.weak = true,
                    None if attr == "dual" => entry.count = Count::Dual,
                    None if attr == "plural" => entry.count = Count::Plural,
                    None if attr == "night" => entry.night = true,
                    _ => return Err(err(format!("unknown attribute {attr}"))),
                }
            }
            words.entry(form).or_default().push(entry);
        }
        let mut anchors: Vec<String> = words
            .iter()
            .filter(|(_, senses)| senses.iter().any(|e| e.class.is_anchor()))
            .map(|(form, _)| form.clone())
            .collect();
        anchors.sort();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&anchors)
            .map_err(|e| LexiconError {
                file: name.to_string(),
                line: 0,
                message: e.to_string(),
            })?;
        Ok(Lexicon {
            words,
            anchors,
            automaton,
        })
    }

    /// The built-in lexicon.
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
            Lexicon::parse("dates.tsv", include_str!("../data/dates.tsv"))
                .expect("built-in data/dates.tsv is valid")
        });
        &LEXICON
    }

    pub(crate) fn automaton(&self) -> &AhoCorasick {
        &self.automaton
    }

    /// The senses of anchor pattern `id`.
    pub(crate) fn anchor_senses(&self, id: usize) -> &[Entry] {
        self.anchors
            .get(id)
            .and_then(|form| self.words.get(form))
            .map_or(&[], Vec::as_slice)
    }

    /// The senses of a whole word (folded), with the clitics stripped to
    /// find them: the word as written first, then with ever longer prefixes.
    pub(crate) fn senses(&self, word: &str) -> Option<(&[Entry], Clitics)> {
        for prefix in PREFIXES {
            let Some(stem) = word.strip_prefix(prefix) else {
                continue;
            };
            if stem.is_empty() {
                continue;
            }
            if let Some(senses) = self.words.get(stem) {
                let clitics = clitics_of(prefix).unwrap_or_default();
                return Some((senses, clitics));
            }
        }
        None
    }

    /// True if `word` as written, without clitics, has a sense of `class`:
    /// for one-letter forms such as م (لم is not ل + م).
    pub(crate) fn is_exactly(&self, word: &str, class: Class) -> bool {
        self.words
            .get(word)
            .is_some_and(|senses| senses.iter().any(|e| e.class == class))
    }

    /// The sense of class `class` of `word`, if it has one.
    pub(crate) fn sense(&self, word: &str, class: Class) -> Option<(Entry, Clitics)> {
        let (senses, clitics) = self.senses(word)?;
        senses
            .iter()
            .find(|e| e.class == class)
            .map(|e| (*e, clitics))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_lexicon_loads() {
        let lex = Lexicon::get();
        assert!(lex.anchors.len() > 50);
        let (e, c) = lex.sense("والخميس", Class::Weekday).unwrap();
        assert_eq!((e.value, c.article, c.conjunction), (4, true, true));
        let (e, c) = lex.sense("لليوم", Class::Day).unwrap();
        assert!(c.article && e.count == Count::One);
        assert_eq!(lex.sense("الاول", Class::Ordinal).unwrap().0.value, 1);
        assert!(lex.sense("اب", Class::Month).unwrap().0.weak);
    }

    #[test]
    fn bad_lines_are_typed_errors() {
        let e = Lexicon::parse("t", "امس\tnowhere\n").err().unwrap();
        assert_eq!(e.line, 1);
        assert!(Lexicon::parse("t", "امس\n").is_err());
        assert!(Lexicon::parse("t", "امس\tday\tvalue=x\n").is_err());
    }
}
