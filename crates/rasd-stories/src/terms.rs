//! Terms of a report: normalized, clitic-stripped words and numbers.

use rasd_core::normalize::NormalizedText;
use rasd_core::segment::{segment, TokenKind};
use rustc_hash::FxHashMap;

/// Words too common to tell stories apart.
const STOP: &[&str] = &[
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "ان",
    "او",
    "ما",
    "لا",
    "مع",
    "هذا",
    "هذه",
    "ذلك",
    "التي",
    "الذي",
    "الذين",
    "كان",
    "كانت",
    "قد",
    "كما",
    "بعد",
    "قبل",
    "بين",
    "حيث",
    "عند",
    "كل",
    "اي",
    "وقال",
    "قال",
    "قالت",
    "اليوم",
    "امس",
    "لم",
    "لن",
    "هو",
    "هي",
    "هم",
    "ايضا",
    "وفي",
    "الا",
    "حتي",
    "منذ",
    "خلال",
    "اكثر",
    "اول",
    "عام",
    "العام",
    "يوم",
    "غير",
    "بعض",
    "انه",
    "انها",
    "واضاف",
    "اضاف",
    "واكد",
    "اكد",
    "وذلك",
    "تم",
    "لها",
    "له",
    "لهم",
    "فيه",
    "فيها",
    "منها",
    "عليه",
    "عليها",
    "الان",
    "حول",
    "ضد",
    "نحو",
    "دون",
    "وكان",
    "وقد",
    "التى",
    "اخري",
    "اخر",
];

/// The stem a word is compared by: a leading و, then the article with its
/// preposition (ال، بال، لل، كال، فال), stripped when a word of at least
/// three letters remains. A lone ب، ل، ك or ف is left: too many words begin
/// with them (كيماوي، فرنسا).
pub fn term(word: &str) -> Option<&str> {
    let mut w = word;
    if let Some(r) = w.strip_prefix('و') {
        if r.chars().count() >= 3 {
            w = r;
        }
    }
    for p in ["بال", "كال", "فال", "لل", "ال"] {
        if let Some(r) = w.strip_prefix(p) {
            if r.chars().count() >= 3 {
                w = r;
                break;
            }
        }
    }
    (w.chars().count() >= 2 && !STOP.contains(&word) && !STOP.contains(&w)).then_some(w)
}

/// Term counts of a report, weighted: the title ×3, the first
/// `lead_words` words of the text ×2, the rest ×1.
pub fn weighted_terms(
    title: Option<&str>,
    text: &str,
    lead_words: usize,
) -> FxHashMap<String, f32> {
    let mut out: FxHashMap<String, f32> = FxHashMap::default();
    let mut add = |s: &str, weight: f32, limit: Option<usize>| {
        let norm = NormalizedText::new(s);
        let seg = segment(norm.as_str());
        let mut n = 0usize;
        for t in &seg.tokens {
            let w = t.text(norm.as_str());
            let key = match t.kind {
                TokenKind::Word => term(w).map(str::to_string),
                // Numbers of two digits or more: tolls, dates, counts.
                TokenKind::Number if w.len() >= 2 => Some(format!("#{w}")),
                _ => None,
            };
            if let Some(k) = key {
                n += 1;
                let weight = match limit {
                    Some(l) if n <= l => weight * 2.0,
                    _ => weight,
                };
                *out.entry(k).or_default() += weight;
            }
        }
    };
    if let Some(t) = title {
        add(t, 3.0, None);
    }
    add(text, 1.0, Some(lead_words));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_and_article_are_stripped_and_stop_words_dropped() {
        assert_eq!(term("والكيماوي"), Some("كيماوي"));
        assert_eq!(term("بالكيماوي"), Some("كيماوي"));
        assert_eq!(term("كيماوي"), Some("كيماوي"));
        assert_eq!(term("في"), None);
        let t = weighted_terms(
            Some("هجوم كيماوي على دوما"),
            "قتل 70 شخصا في هجوم كيماوي",
            30,
        );
        assert_eq!(t["دوما"], 3.0);
        assert_eq!(t["كيماوي"], 3.0 + 2.0);
        assert_eq!(t["#70"], 2.0);
    }
}
