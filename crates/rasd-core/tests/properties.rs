//! Properties of the normalizer, the segmenter and the number reader over
//! generated input.

use proptest::prelude::*;
use rasd_core::normalize::{fold, NormalizedText};
use rasd_core::numbers::parse_number;
use rasd_core::segment::{segment, TokenKind};

/// Renders n (1..=999_999) in Arabic words as news writes them.
fn arabic_words(n: u64) -> String {
    const UNITS: [&str; 10] = [
        "",
        "واحد",
        "اثنان",
        "ثلاثة",
        "أربعة",
        "خمسة",
        "ستة",
        "سبعة",
        "ثمانية",
        "تسعة",
    ];
    const TENS: [&str; 10] = [
        "",
        "عشرة",
        "عشرون",
        "ثلاثون",
        "أربعون",
        "خمسون",
        "ستون",
        "سبعون",
        "ثمانون",
        "تسعون",
    ];
    const HUNDREDS: [&str; 10] = [
        "",
        "مئة",
        "مئتان",
        "ثلاثمئة",
        "أربعمئة",
        "خمسمئة",
        "ستمئة",
        "سبعمئة",
        "ثمانمئة",
        "تسعمئة",
    ];
    fn below_thousand(n: u64) -> Vec<String> {
        let mut parts = Vec::new();
        let (h, rest) = (n / 100, n % 100);
        if h > 0 {
            parts.push(HUNDREDS[h as usize].to_string());
        }
        if rest > 0 {
            if rest < 10 {
                parts.push(UNITS[rest as usize].to_string());
            } else if rest == 10 {
                parts.push("عشرة".to_string());
            } else if rest < 20 {
                parts.push(format!("{} عشر", UNITS[(rest - 10) as usize]));
            } else if rest % 10 == 0 {
                parts.push(TENS[(rest / 10) as usize].to_string());
            } else {
                parts.push(UNITS[(rest % 10) as usize].to_string());
                parts.push(TENS[(rest / 10) as usize].to_string());
            }
        }
        parts
    }
    let (thousands, rest) = (n / 1000, n % 1000);
    let mut parts = Vec::new();
    match thousands {
        0 => {}
        1 => parts.push("ألف".to_string()),
        2 => parts.push("ألفان".to_string()),
        3..=10 => parts.push(format!("{} آلاف", below_thousand(thousands).join(" و"))),
        _ => parts.push(format!("{} ألف", below_thousand(thousands).join(" و"))),
    }
    parts.extend(below_thousand(rest));
    parts.join(" و")
}

proptest! {
    #[test]
    fn normalized_spans_map_to_original_character_boundaries(text in "\\PC{0,60}") {
        let norm = NormalizedText::new(&text);
        let n = norm.as_str();
        let mut last = 0;
        for (i, _) in n.char_indices().chain(std::iter::once((n.len(), ' '))) {
            let at = norm.original_offset(i);
            prop_assert!(text.is_char_boundary(at));
            prop_assert!(at >= last, "offsets never go back");
            last = at;
        }
    }

    #[test]
    fn sentences_cover_every_token_once_in_order(
        text in "[قتل ٥ 12#_.!?\"«»()،\n a-z]{0,60}"
    ) {
        let norm = NormalizedText::new(&text);
        let n = norm.as_str();
        let seg = segment(n);
        let mut next = 0u32;
        for s in &seg.sentences {
            prop_assert_eq!(s.first_token, next, "a gap or an overlap between sentences");
            prop_assert!(s.end_token > s.first_token, "an empty sentence");
            let (first, last) = (&seg.tokens[s.first_token as usize], &seg.tokens[s.end_token as usize - 1]);
            prop_assert_eq!((s.start, s.end), (first.start, last.end));
            next = s.end_token;
        }
        prop_assert_eq!(next as usize, seg.tokens.len(), "tokens left out of every sentence");
        let mut end = 0u32;
        for t in &seg.tokens {
            prop_assert!(t.start >= end && t.end > t.start, "tokens in order, not overlapping");
            prop_assert!(n.is_char_boundary(t.start as usize) && n.is_char_boundary(t.end as usize));
            if t.kind == TokenKind::Word {
                prop_assert!(!t.text(n).contains(['#', '_']), "a hashtag mark inside a word");
            }
            end = t.end;
        }
    }

    #[test]
    fn folding_is_idempotent(text in "[\\u0600-\\u06FF\\u0660-\\u0669 ،؛؟«»\\u0640a-z0-9]{0,40}") {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once.clone());
        prop_assert!(!once.contains(TATWEEL), "tatweel kept");
        prop_assert!(!once.chars().any(is_haraka), "diacritic kept");
    }

    #[test]
    fn arabic_indic_digits_read_as_their_value(n in 0u64..10_000_000) {
        let indic: String = n.to_string().chars().map(|c| char::from_u32(0x0660 + c.to_digit(10).unwrap()).unwrap()).collect();
        prop_assert_eq!(parse_number(&indic).and_then(|q| q.value), Some(n));
    }

    #[test]
    fn thousands_separators_read_as_one_number(n in 1_000u64..100_000_000) {
        let digits = n.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        prop_assert_eq!(parse_number(&grouped).and_then(|q| q.value), Some(n));
    }

    // From two: واحد alone is an adjective (شخص واحد), never a count of its
    // own (numbers.rs), and a unit test asserts so.
    #[test]
    fn number_words_read_back_as_their_value(n in 2u64..1_000_000) {
        let words = arabic_words(n);
        prop_assert_eq!(parse_number(&words).and_then(|q| q.value), Some(n), "{}", words);
    }

    #[test]
    fn the_number_reader_never_panics(text in "\\PC{0,40}") {
        let _ = parse_number(&text);
    }
}

const TATWEEL: char = '\u{0640}';

fn is_haraka(c: char) -> bool {
    ('\u{064B}'..='\u{065F}').contains(&c)
}

/// Words the newer claim rules look at, with brackets, commas, numbers and
/// sentence ends: random sentences of them reach the rules' edges (a
/// relative clause at the end of a text, a chain of cases, a bracket left
/// open) far more often than random text does.
const RULE_WORDS: &[&str] = &[
    "الذي",
    "التي",
    "قتل",
    "قتلته",
    "لقي",
    "مصرعه",
    "الشاب",
    "شون",
    "حالة",
    "وفاة",
    "وحالة",
    "إصابة",
    "وإصابة",
    "متوسطة",
    "خطيرة",
    "أخرى",
    "خسائر",
    "فادحة",
    "في",
    "العتاد",
    "والأرواح",
    "دون",
    "ولم",
    "يسفر",
    "عن",
    "قتلت",
    "سيدة",
    "وثلاثة",
    "من",
    "أطفالها",
    "بإعدام",
    "قضت",
    "المحكمة",
    "حكما",
    "آخرين",
    "حالة حرجة",
    "خمسة",
    "12",
    "(24",
    "عاما)",
    "(",
    ")",
    "،",
    ".",
    "و",
    "أعداد",
    "كبيرة",
    "مصرع",
    "وجرح",
    "وتم",
    "نقل",
    "قال",
    "المرصد",
    "عبر",
    "موقعها",
    "حرقا",
    "الطيار",
    "توفي",
    "وتوفيت",
    "متأثرا",
    "بجروحه",
    "مما",
    "أدى",
    "إلى",
    "مقتله",
    "تسبب",
    "بوفاته",
    "نفسه",
    "الفيلة",
    "ناشطين",
    "اثنين",
    "مسلحان",
    "اثنان",
    "بينهم",
    "و449",
    "مصابا",
    "معاذ",
    // The rules of set P's session: restatements, natural deaths, ages,
    // companions (مع), names before قتل, lives lost, ordinals, the wounded.
    "وأوضح",
    "أيضا",
    "آخرون",
    "منهم",
    "يوليو",
    "منذ",
    "17 سنة",
    "حتفها",
    "امرأة",
    "زوج",
    "لقتلهم",
    "صحفيا",
    "فقد",
    "حياته",
    "حياتهم",
    "مع",
    "خلال",
    "المدعو",
    "أبو",
    "هل",
    "؟",
    "ثان",
    "رابع",
    "أحد",
    "الجرحى",
    "المصابين",
    "عددا",
    "بطلق",
    "ناري",
    "الحر",
    // Set Q's session: brackets, duals, chronologies, a force's victim.
    "(19)",
    "أمريكيا",
    "رجلا",
    "رجلي",
    "أمن",
    "المنفذان",
    "الشرطيان",
    "-",
    "•",
    "عام",
    "2004",
    "2015",
    "حادث",
    "آخر،",
    "قوات",
    "الأمن",
    "المسلح",
    "علي",
    "يد",
    "على",
    "أدى",
    "إلى",
    "مصرعه",
    "أول",
    "قتيل",
    "حالة",
    "بسيطة",
    "حالتين",
    "متوسطتين",
    "الأبرياء",
    "والمصابين",
    // Set R's session: seats, deputies, dual subjects, restatements, place tails.
    "نائب",
    "المتحدث",
    "باسم",
    "وزارة",
    "بمنطقة",
    "منطقة",
    "الحدود",
    "الشمالية",
    "بجازان",
    "بعثة",
    "مسؤول",
    "من",
    "قبيلة",
    "جانبه",
    "لمسيرات",
    "العودة",
    "الهيئة",
    "عبد",
    "الله",
    "العنزي",
    "في",
    "كلمة",
    "نقل",
    "قد",
    "الشابان",
    "لقيا",
    "مصرعهما",
    "قتلا",
    "أصيبا",
    "إصابات",
    "على",
    "الأقل",
    "واحد",
    "شخص",
    "زميله",
    "رفيقه",
    "إنهما",
    "تحدثوا",
    "مما",
    "حتى",
    "التابعة",
    "ذات",
    "يوم",
    // Set S's session: named victims, titled lists, executions, wounds.
    "مقتل",
    "الزعيم",
    "السابق",
    "لتنظيم",
    "داعش",
    "،",
    "إيسنيلون",
    "هابيلون",
    "سيمون",
    "براون",
    "برصاص",
    "\"",
    "الملا",
    "فضل",
    "وفاة",
    "الابن",
    "إصابة",
    "الزوجة",
    "مقتلها",
    "أسفر",
    "عن",
    "إطلاق",
    "النار",
    "محاولة",
    "اغتيال",
    "العريف",
    "والعريف",
    "والرائد",
    "أعدمت",
    "ميليشيا",
    "السلطات",
    "بتهمة",
    "رجلا",
    "وصبيا",
    "وقتل",
    "جيش",
    "الاحتلال",
    "نحو",
    "خضعوا",
    "للعلاج",
    "جراء",
    "إصابتهم",
    "آخرين",
    "أصيبوا",
    "«المرصد",
    "للمرصد",
    "العشرات",
    "وزلزال",
    "قيادات",
    "السيارات",
    "متوقعا",
    "سقوط",
    "ضحايا",
];

proptest! {
    #[test]
    fn sentences_of_the_rules_words_extract_without_panic_and_with_true_spans(
        picks in proptest::collection::vec(0..RULE_WORDS.len(), 0..40)
    ) {
        let text: String = picks.iter().map(|&i| RULE_WORDS[i]).collect::<Vec<_>>().join(" ");
        let report = rasd_core::report::Report {
            id: "p".into(),
            text: text.clone(),
            ..Default::default()
        };
        for claim in rasd_core::claims::Extractor::new().extract(&report) {
            let slice: String = text
                .chars()
                .skip(claim.evidence.start)
                .take(claim.evidence.end - claim.evidence.start)
                .collect();
            prop_assert_eq!(slice, claim.evidence.text);
            prop_assert!(claim.value.is_none_or(|v| v > 0));
        }
    }
}
