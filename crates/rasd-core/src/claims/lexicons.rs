//! The built-in lexicons the claim extractor reads, loaded once.

use aho_corasick::AhoCorasick;

use crate::lexicon::Lexicon;
use crate::normalize::fold;

/// The word lists of `lexicons/*.tsv`, parsed.
pub struct Lexicons {
    pub casualties: Lexicon,
    pub persons: Lexicon,
    pub qualifiers: Lexicon,
    pub attribution: Lexicon,
    pub places: Lexicon,
    /// Substrings one of which every sentence with a claim holds: a cheap
    /// test that skips the many sentences and reports that have none.
    prefilter: AhoCorasick,
}

/// Stems of the casualty words, folded; a sentence without any of them
/// holds no claim.
const CASUALTY_STEMS: &[&str] = &[
    "قتل",
    "قتي",
    "شهد",
    "شهاد",
    "شهي",
    "اغتيال",
    "جرح",
    "جري",
    "اصاب",
    "اصيب",
    "مصاب",
    "يصاب",
    "يصيب",
    "تصيب",
    "ضحي",
    "ضحا",
    "حتف",
    "مصرع",
    "وفا",
    "توفي",
    "وفي",
    "بحياه",
    "اختناق",
    "مختنق",
    "جثث",
    "جثه",
    "جثت",
    "اعدام",
    "اعدم",
    "هلك",
    "هلاك",
    "صريع",
    "صرعي",
    "ودع",
    "شيع",
    "فقدت",
    "قضي",
    "قضوا",
    "تسمم",
    "تودي",
    "يودي",
    "اودت",
    "اودي",
    "توف",
    "غرق",
    "ذبح",
    "ارواح",
    "حياه",
    // فقد حياته: a life lost.
    "حيات",
    "موت",
    // سقوط 30 مقاتلا: people who fall.
    "سقوط",
    "سقط",
    // مات متأثرا بجروحه.
    "بجروح",
    "بجراح",
    // 8 ركاب تعرضوا لجروح، لحروق، لكسور، تعرضت سيدتان إلى حروق: exposed to
    // wounds.
    "تعرض",
    // في حالة حرجة، في حالة خطيرة: a count left in a critical state.
    "حاله حرج",
    "حاله خطير",
    "حاله خطر",
    // حالة بسيطة، حالتين متوسطتين: a patient with the severity of the case.
    "حاله بسيط",
    "حاله متوسط",
    "حالتين",
    "حالتان",
];

impl Default for Lexicons {
    fn default() -> Self {
        let load = |name: &str, text: &str| {
            Lexicon::parse(name, text)
                .unwrap_or_else(|e| panic!("built-in lexicon is invalid: {e}"))
        };
        let patterns: Vec<String> = CASUALTY_STEMS.iter().map(|s| fold(s)).collect();
        Lexicons {
            casualties: load(
                "casualties.tsv",
                include_str!("../../lexicons/casualties.tsv"),
            ),
            persons: load("persons.tsv", include_str!("../../lexicons/persons.tsv")),
            qualifiers: load(
                "qualifiers.tsv",
                include_str!("../../lexicons/qualifiers.tsv"),
            ),
            attribution: load(
                "attribution.tsv",
                include_str!("../../lexicons/attribution.tsv"),
            ),
            places: load("places.tsv", include_str!("../../lexicons/places.tsv")),
            prefilter: AhoCorasick::new(patterns).expect("casualty stems build an automaton"),
        }
    }
}

impl Lexicons {
    /// False when `normalized` cannot hold a casualty claim.
    pub fn may_hold_casualties(&self, normalized: &str) -> bool {
        self.prefilter.is_match(normalized)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The prefilter must let through every sentence a trigger or a
    /// casualty noun of the lexicon could make a claim of.
    #[test]
    fn every_casualty_word_passes_the_prefilter() {
        let lex = Lexicons::default();
        let text = include_str!("../../lexicons/casualties.tsv");
        for line in text.lines() {
            let fields: Vec<&str> = line.split('#').next().unwrap_or("").split('\t').collect();
            // A trigger that needs a casualty noun, حتف/مصرع or a wound after
            // it is let through by that word.
            let dependent = line.contains("needs_count_noun")
                || line.contains("needs_after")
                || line.contains("wound_after");
            if fields.len() >= 2
                && matches!(fields[1].trim(), "trigger" | "count_noun")
                && !dependent
            {
                let form = fold(fields[0].trim());
                assert!(lex.may_hold_casualties(&form), "the prefilter drops {form}");
            }
        }
    }

    /// A form listed twice in one class shadows its second entry's attributes.
    #[test]
    fn no_form_is_listed_twice_in_a_class() {
        for (name, text) in [
            (
                "casualties.tsv",
                include_str!("../../lexicons/casualties.tsv"),
            ),
            ("persons.tsv", include_str!("../../lexicons/persons.tsv")),
            ("numbers.tsv", include_str!("../../lexicons/numbers.tsv")),
            (
                "qualifiers.tsv",
                include_str!("../../lexicons/qualifiers.tsv"),
            ),
            (
                "attribution.tsv",
                include_str!("../../lexicons/attribution.tsv"),
            ),
            ("places.tsv", include_str!("../../lexicons/places.tsv")),
        ] {
            let mut seen = std::collections::HashSet::new();
            for line in text.lines() {
                let fields: Vec<&str> = line
                    .split('#')
                    .next()
                    .unwrap_or("")
                    .split('\t')
                    .map(str::trim)
                    .collect();
                if fields.len() >= 2 && !fields[0].is_empty() {
                    assert!(
                        seen.insert((fold(fields[0]), fields[1].to_string())),
                        "{name}: {} {} is listed twice",
                        fields[0],
                        fields[1]
                    );
                }
            }
        }
    }

    #[test]
    fn built_in_lexicons_load() {
        let lex = Lexicons::default();
        assert!(lex
            .casualties
            .lookup(&[fold("والقتلى")], Some("count_noun"))
            .is_some());
        assert!(lex.persons.lookup(&["مدنيا"], Some("person")).is_some());
        assert!(lex.may_hold_casualties(&fold("استشهد شاب")));
        assert!(!lex.may_hold_casualties(&fold("افتتح المعرض اليوم")));
    }
}
