//! Tolls that are not an event's: a war's or an era's count quoted in
//! passing (أسفر النزاع عن مقتل أكثر من 340 ألف شخص، قتل 220 ألف شخص في حرب
//! استمرت خمسة عقود). ACLED codes events of a day at a place; such a count
//! has neither, and an incident made of it would put a country-sized
//! circle of hundreds of thousands on the map. The claim stays a claim;
//! it forms no incident.

use rasd_core::normalize::fold;

/// Below this a toll is an event's even when a war is named beside it
/// (قتل 12 جنديا في الحرب).
pub const CUMULATIVE_FLOOR: u64 = 1000;

/// Words that name a span of violence rather than an event, folded.
const SPAN_WORDS: &[&str] = &[
    "الحرب",
    "حرب",
    "النزاع",
    "نزاع",
    "الصراع",
    "صراع",
    "الازمه",
    "الحرب الاهليه",
    "اندلاع",
    "بدايه",
    "سنوات",
    "عقود",
    "عقدين",
    "عاما",
    "المحرقه",
    "الاباده",
    "ابان",
    "خلال الحرب",
];

/// Whether a toll of `value` in `sentence` (the original words) counts a
/// span of violence, given whether a date of its sentence is a year or a
/// "since" (منذ عام 2011).
pub fn is_cumulative(value: Option<u64>, sentence: &str, dated_by_year_or_since: bool) -> bool {
    let Some(v) = value else { return false };
    if v < CUMULATIVE_FLOOR {
        return false;
    }
    if dated_by_year_or_since {
        return true;
    }
    let folded = fold(sentence);
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            let bare = w
                .strip_prefix('و')
                .or_else(|| w.strip_prefix('ف'))
                .unwrap_or(w);
            let bare = bare
                .strip_prefix('ب')
                .filter(|r| r.starts_with("ال"))
                .unwrap_or(bare);
            let bare = bare
                .strip_prefix('ل')
                .filter(|r| r.starts_with('ل'))
                .map_or(bare, |r| r);
            SPAN_WORDS.contains(&bare)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wars_and_eras_are_spans_and_events_are_not() {
        assert!(is_cumulative(
            Some(340_000),
            "وأدى النزاع إلى مقتل أكثر من340  ألف شخص.",
            false
        ));
        assert!(is_cumulative(
            Some(220_000),
            "وضعت اتفاقية للسلام نهاية لحرب أهلية، استمرت لخمسة عقود، وأسفرت عن مقتل نحو 220 ألف شخص.",
            false
        ));
        assert!(is_cumulative(Some(5_000), "قتل أكثر من 5 آلاف شخص", true));
        // An event's toll, even a large one, and a small toll beside a war.
        assert!(!is_cumulative(
            Some(1_600),
            "قتل 1600 شخص في الزلزال الذي ضرب المدينة فجر اليوم",
            false
        ));
        assert!(!is_cumulative(Some(12), "قتل 12 جنديا في الحرب", false));
        assert!(!is_cumulative(None, "عشرات الآلاف قتلوا في الحرب", false));
    }
}
