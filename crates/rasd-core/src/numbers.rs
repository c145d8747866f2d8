//! Numbers as Arabic news writes them.
//!
//! Digits (after normalization Arabic-Indic and Persian digits are ASCII)
//! with thousands separators (`1,200`, `1.200`) and a multiplier word
//! (`2.5 مليون`); cardinal words in every case and gender, compounded with و
//! (`خمسة وعشرين`، `مئة وخمسون`، `ثلاثة آلاف`، `الأربع والعشرين`); and vague
//! quantities (`عشرات`، `المئات`، `عدة`، `عدد من`، `آخرون`). Duals and
//! implicit counts (`شخصان`، `رجل وزوجته`) are counted nouns, read by
//! [`crate::claims`].
//!
//! ```
//! use rasd_core::numbers::{parse_number, Quantity};
//! assert_eq!(parse_number("خمسة وعشرين").unwrap().value, Some(25));
//! assert_eq!(parse_number("١٬٢٠٠").unwrap().value, Some(1200));
//! assert_eq!(parse_number("ثلاثمئة").unwrap().value, Some(300));
//! assert_eq!(parse_number("العشرات").unwrap().value, None);
//! ```

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::lexicon::Lexicon;
use crate::normalize::NormalizedText;
use crate::segment::{segment, Token, TokenKind};

/// How a count is qualified (GUIDE.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    AtLeast,
    MoreThan,
    About,
    UpTo,
    Several,
    Dozens,
    Hundreds,
    Thousands,
}

impl Qualifier {
    pub fn parse(s: &str) -> Option<Qualifier> {
        Some(match s {
            "exact" => Qualifier::Exact,
            "at_least" => Qualifier::AtLeast,
            "more_than" => Qualifier::MoreThan,
            "about" => Qualifier::About,
            "up_to" => Qualifier::UpTo,
            "several" => Qualifier::Several,
            "dozens" => Qualifier::Dozens,
            "hundreds" => Qualifier::Hundreds,
            "thousands" => Qualifier::Thousands,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::About => "about",
            Qualifier::UpTo => "up_to",
            Qualifier::Several => "several",
            Qualifier::Dozens => "dozens",
            Qualifier::Hundreds => "hundreds",
            Qualifier::Thousands => "thousands",
        }
    }

    /// True for the qualifiers of counts with no number.
    pub fn is_vague(self) -> bool {
        matches!(
            self,
            Qualifier::Several | Qualifier::Dozens | Qualifier::Hundreds | Qualifier::Thousands
        )
    }
}

/// A number expression: tokens `first..end` of a token slice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity {
    pub first: usize,
    pub end: usize,
    /// The value; `None` for vague quantities.
    pub value: Option<u64>,
    /// For vague quantities, their qualifier.
    pub vague: Option<Qualifier>,
    /// آخرون/آخرين: "others", several, or a count's noun after a number.
    pub others: bool,
    /// Not a whole number (`2.5`), or a percentage: never a head count.
    pub not_a_count: bool,
    /// Written in digits.
    pub digits: bool,
}

/// The built-in number lexicon.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        Lexicon::parse("numbers.tsv", include_str!("../lexicons/numbers.tsv"))
            .expect("built-in numbers.tsv is valid")
    })
}

/// Reads the number expression that starts at token `i` of `words`, where
/// `words[k]` is the normalized text of token `k` and `kinds[k]` its kind.
pub fn parse_at(words: &[&str], kinds: &[TokenKind], i: usize) -> Option<Quantity> {
    let lex = lexicon();
    match *kinds.get(i)? {
        TokenKind::Number => Some(parse_digits(words, kinds, i, lex)),
        TokenKind::Word => parse_words(words, kinds, i, lex),
        TokenKind::Punct(_) => None,
    }
}

fn parse_digits(words: &[&str], kinds: &[TokenKind], i: usize, lex: &Lexicon) -> Quantity {
    let raw = words[i];
    let mut q = Quantity {
        first: i,
        end: i + 1,
        value: None,
        vague: None,
        others: false,
        not_a_count: false,
        digits: true,
    };
    // `1,200` and `1.200` (three digits after the mark) are thousands;
    // `2.5` is a decimal.
    let mut integer = true;
    let mut value: f64;
    let groups: Vec<&str> = raw.split([',', '.']).collect();
    if groups.len() > 1
        && groups[1..].iter().all(|g| g.len() == 3)
        && !(raw.contains(',') && raw.contains('.'))
    {
        let joined: String = groups.concat();
        value = joined.parse::<f64>().unwrap_or(f64::NAN);
    } else if let Some((a, b)) = raw.split_once('.') {
        integer = false;
        value = format!("{a}.{b}").parse::<f64>().unwrap_or(f64::NAN);
    } else {
        value = raw.replace(',', "").parse::<f64>().unwrap_or(f64::NAN);
    }
    // A multiplier word after the digits: 3 آلاف، 2.5 مليون.
    if let Some(next) = words.get(i + 1) {
        if kinds[i + 1] == TokenKind::Word {
            if let Some(hit) = lex.lookup(&[*next], None) {
                if matches!(hit.entry.class.as_str(), "thousand" | "million")
                    && !hit.clitics.conjunction
                {
                    let m: f64 = hit
                        .entry
                        .attr("value")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1.0);
                    value *= m;
                    integer = value.fract() == 0.0;
                    q.end = i + 2;
                }
            }
        }
    }
    if is_percent(words, q.end)
        || is_age(words, q.end)
        || is_date(words, q.end)
        || is_year(words, i, value)
    {
        q.not_a_count = true;
    }
    if value.is_finite() && integer && (0.0..1e12).contains(&value) {
        q.value = Some(value as u64);
    } else {
        q.not_a_count = true;
    }
    q
}

/// `30 نيسان`، `12 أبريل`: a date.
fn is_date(words: &[&str], at: usize) -> bool {
    words.get(at).is_some_and(|w| is_month(w))
}

/// A month's name, folded (Gregorian in its Levantine, Egyptian and Maghreb
/// names, and Hijri).
pub fn is_month(w: &str) -> bool {
    const MONTHS: &[&str] = &[
        "يناير",
        "فبراير",
        "مارس",
        "ابريل",
        "مايو",
        "يونيو",
        "يوليو",
        "اغسطس",
        "سبتمبر",
        "اكتوبر",
        "نوفمبر",
        "ديسمبر",
        "كانون",
        "شباط",
        "اذار",
        "نيسان",
        "ايار",
        "حزيران",
        "تموز",
        "اب",
        "ايلول",
        "تشرين",
        "جانفي",
        "فيفري",
        "افريل",
        "ماي",
        "جوان",
        "جويليه",
        "اوت",
        "محرم",
        "صفر",
        "ربيع",
        "جمادي",
        "رجب",
        "شعبان",
        "رمضان",
        "شوال",
        "ذي",
    ];
    MONTHS.contains(&w)
}

/// `يناير 2017`، `عام 2012`، `في 2016`: a year.
/// Four digits between 1900 and 2100.
fn is_year_digits(word: &str, value: f64) -> bool {
    (1900.0..=2100.0).contains(&value) && word.len() == 4
}

fn is_year(words: &[&str], i: usize, value: f64) -> bool {
    let plausible = is_year_digits(words[i], value);
    // بين عامي 2030 و2050، من 2011 الى 2015: the second year of a range.
    let range_end = i >= 2
        && matches!(words[i - 1], "و" | "الي" | "-" | "–" | "حتي")
        && words[i - 2]
            .parse::<f64>()
            .is_ok_and(|y| is_year_digits(words[i - 2], y));
    plausible
        && (i == 0
            || range_end
            || is_date(words, i - 1)
            || matches!(
                words[i - 1],
                "عام"
                    | "العام"
                    | "لعام"
                    | "عامي"
                    | "العامين"
                    | "سنه"
                    | "في"
                    | "منذ"
                    | "مطلع"
                    | "اواخر"
                    | "اوائل"
                    | "بداية"
            ))
}

/// `12 عاما`، `من عمره`: an age.
fn is_age(words: &[&str], at: usize) -> bool {
    match words.get(at) {
        Some(&"من") => words
            .get(at + 1)
            .is_some_and(|w| w.starts_with("عمر") || *w == "العمر"),
        Some(w) => matches!(*w, "عاما" | "عام" | "سنه" | "سنوات" | "ربيعا"),
        None => false,
    }
}

fn is_percent(words: &[&str], at: usize) -> bool {
    match words.get(at) {
        Some(&"%") => true,
        Some(&"بالمئه") | Some(&"بالمائه") => true,
        Some(&"في") => matches!(words.get(at + 1), Some(&"المئه") | Some(&"المائه")),
        _ => false,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Part {
    Unit(u64, bool),
    Teen,
    Ten(u64),
    Hundred(u64),
    Thousand(u64, bool),
    Million(u64, bool),
}

fn part(word: &str, lex: &Lexicon, first: bool) -> Option<(Part, bool)> {
    let hit = lex.lookup(&[word], None)?;
    let c = hit.clitics;
    // Only the first word may carry a preposition (بثلاثة، لخمسة).
    if !first && c.preposition.is_some() {
        return None;
    }
    let value: u64 = hit
        .entry
        .attr("value")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let p = match hit.entry.class.as_str() {
        "unit" => Part::Unit(value, hit.entry.has("teen_only")),
        "teen" => Part::Teen,
        "ten" => Part::Ten(value),
        "hundred" => Part::Hundred(value),
        "thousand" => Part::Thousand(value, hit.entry.has("multiplier")),
        "million" => Part::Million(value, hit.entry.has("multiplier")),
        _ => return None,
    };
    Some((p, c.conjunction))
}

fn parse_words(words: &[&str], kinds: &[TokenKind], i: usize, lex: &Lexicon) -> Option<Quantity> {
    let mut q = Quantity {
        first: i,
        end: i,
        value: None,
        vague: None,
        others: false,
        not_a_count: false,
        digits: false,
    };
    // Vague quantities first: عشرات، عدد كبير من، آخرون. (أكبر عدد من is an
    // aim, "the largest number of", not a count.)
    let superlative = i > 0 && matches!(words[i - 1], "اكبر" | "اكثر" | "اقل");
    if let Some(hit) = lex
        .lookup(&words[i..(i + 4).min(words.len())], Some("vague"))
        .filter(|_| !superlative)
    {
        if hit.clitics.preposition.is_none() || hit.len == 1 {
            let mut qual = hit.entry.attr("q").and_then(Qualifier::parse);
            q.end = i + hit.len;
            q.others = hit.entry.has("others");
            // عشرات الآلاف، مئات الآلاف: thousands.
            if let Some(next) = words.get(q.end) {
                if let Some(h) = lex.lookup(&[*next], Some("thousand")) {
                    if h.entry.has("multiplier") && !h.clitics.conjunction {
                        qual = Some(Qualifier::Thousands);
                        q.end += 1;
                    }
                }
            }
            q.vague = qual;
            return Some(q);
        }
    }

    // نصف مليون، ربع مليون: a half or a quarter of a multiplier.
    let divisor = if words[i].ends_with("نصف") && words[i].len() <= "والنصف".len() {
        Some(2)
    } else if matches!(words[i], "ربع" | "وربع") {
        Some(4)
    } else {
        None
    };
    if let Some(divisor) = divisor {
        if let Some(next) = words.get(i + 1) {
            if let Some(h) = lex.lookup(&[*next], None).filter(|h| {
                matches!(h.entry.class.as_str(), "thousand" | "million")
                    && !h.entry.has("multiplier")
            }) {
                let v: u64 = h
                    .entry
                    .attr("value")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                q.end = i + 2;
                q.value = Some(v / divisor);
                return Some(q);
            }
        }
    }
    let mut total: u64 = 0;
    let mut group: u64 = 0;
    let mut last: Option<Part> = None;
    let mut seen_thousand = false;
    let mut k = i;
    while k < words.len() && kinds[k] == TokenKind::Word {
        let Some((mut p, conj)) = part(words[k], lex, k == i) else {
            break;
        };
        // عشرة after a unit is the teen suffix: إحدى عشرة، ثلاث عشرة.
        if p == Part::Unit(10, false) && !conj && matches!(last, Some(Part::Unit(..))) {
            p = Part::Teen;
        }
        let ok = match (last, p) {
            (None, Part::Teen) => false,
            (None, Part::Unit(_, true)) => {
                // أحد/إحدى only before عشر.
                words
                    .get(k + 1)
                    .and_then(|w| part(w, lex, false))
                    .is_some_and(|(n, conj)| !conj && matches!(n, Part::Teen | Part::Unit(10, _)))
            }
            (None, Part::Thousand(_, true)) | (None, Part::Million(_, true)) => false,
            (None, _) => true,
            (Some(Part::Unit(..)), Part::Teen) if !conj => true,
            (Some(Part::Unit(..)), Part::Hundred(100)) if !conj => true,
            (Some(_), Part::Thousand(..)) | (Some(_), Part::Million(..)) if !conj => true,
            (Some(_), Part::Teen)
            | (Some(_), Part::Hundred(_))
            | (Some(_), Part::Thousand(..))
            | (Some(_), Part::Million(..)) => conj,
            (Some(_), Part::Unit(..)) | (Some(_), Part::Ten(_)) => conj,
        };
        if !ok {
            break;
        }
        // A second thousands group ends the number: ألفين وثلاثة آلاف is a
        // range of two numbers, not 5000.
        if seen_thousand && conj && matches!(p, Part::Unit(..) | Part::Ten(_) | Part::Hundred(_)) {
            let multiplied = words
                .get(k + 1)
                .and_then(|w| part(w, lex, false))
                .is_some_and(|(n, c)| !c && matches!(n, Part::Thousand(..) | Part::Million(..)));
            if multiplied {
                break;
            }
        }
        if conj && seen_thousand && matches!(p, Part::Thousand(..) | Part::Million(..)) {
            break;
        }
        match p {
            Part::Unit(v, _) => group += v,
            Part::Teen => group += 10,
            Part::Ten(v) => group += v,
            Part::Hundred(v) => {
                if matches!(last, Some(Part::Unit(..))) && !conj {
                    // ثلاث مئة
                    let unit = group % 10;
                    group = group - unit + unit * 100;
                } else {
                    group += v;
                }
            }
            Part::Thousand(v, multiplier) | Part::Million(v, multiplier) => {
                let n = if multiplier || group > 0 && !conj {
                    group.max(1) * v
                } else {
                    group + v
                };
                if conj {
                    total += group + v;
                } else {
                    total += n;
                }
                group = 0;
            }
        }
        seen_thousand |= matches!(p, Part::Thousand(..) | Part::Million(..));
        last = Some(p);
        k += 1;
    }
    if k == i {
        // آلاف alone is vague.
        if let Some(hit) = lex.lookup(&[words[i]], Some("thousand")) {
            if hit.entry.has("multiplier") && hit.clitics.preposition.is_none() {
                q.end = i + 1;
                q.vague = Some(Qualifier::Thousands);
                return Some(q);
            }
        }
        return None;
    }
    // "في المئة": المئة here is a percent sign, not a hundred.
    if k == i + 1
        && matches!(last, Some(Part::Hundred(100)))
        && i > 0
        && words[i - 1] == "في"
        && words[i].starts_with("ال")
    {
        return None;
    }
    // الاثنين is Monday far more often than "the two"; واحد/واحدة alone is
    // an adjective (أسرة واحدة، شخص واحد), the noun before it is the count.
    if k == i + 1 && (words[i].ends_with("الاثنين") || matches!(last, Some(Part::Unit(1, false))))
    {
        return None;
    }
    q.end = k;
    q.value = Some(total + group);
    // القوائم الست، الأيام الثلاثة: after a definite noun, an adjective.
    if words[i].starts_with("ال")
        && i > 0
        && words[i - 1].starts_with("ال")
        && kinds[i - 1] == TokenKind::Word
        && total + group <= 10
    {
        q.not_a_count = true;
    }
    // في الرابعة عشرة من عمره: an age after an ordinal, not a count. (The
    // ordinal's عشرة stands alone: قتلت الشرطة ستة عشر متمردا is a count.)
    let after_ordinal = i > 0
        && words[i - 1].starts_with("ال")
        && words[i - 1].ends_with('ه')
        && k == i + 1
        && matches!(words[i], "عشر" | "عشره")
        && matches!(last, Some(Part::Teen) | Some(Part::Unit(10, _)));
    if is_percent(words, k) || is_age(words, k) || is_date(words, k) || after_ordinal {
        q.not_a_count = true;
    }
    Some(q)
}

/// Parses `text` as one number expression covering all of it: a helper for
/// tests and for reading gold values.
pub fn parse_number(text: &str) -> Option<Quantity> {
    let norm = NormalizedText::new(text);
    let seg = segment(norm.as_str());
    let words: Vec<&str> = seg
        .tokens
        .iter()
        .map(|t: &Token| t.text(norm.as_str()))
        .collect();
    let kinds: Vec<TokenKind> = seg.tokens.iter().map(|t| t.kind).collect();
    if words.is_empty() {
        return None;
    }
    let q = parse_at(&words, &kinds, 0)?;
    (q.end == words.len()).then_some(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> Option<u64> {
        parse_number(s).and_then(|q| q.value)
    }

    #[test]
    fn one_alone_is_an_adjective_not_a_count() {
        // شخص واحد، أسرة واحدة: the noun before it is the count.
        assert_eq!(value("واحد"), None);
        assert_eq!(value("واحدة"), None);
        assert_eq!(value("واحد وعشرون"), Some(21));
        assert_eq!(value("ألف وواحد"), Some(1001));
        assert_eq!(value("مئة وواحد"), Some(101));
    }

    #[test]
    fn cardinal_words_in_every_case_and_gender() {
        for (text, v) in [
            ("ثلاثة", 3),
            ("ثلاث", 3),
            ("ثلاثين", 30),
            ("ثلاثون", 30),
            ("مئة", 100),
            ("مائة", 100),
            ("المائة", 100),
            ("مئتين", 200),
            ("مائتان", 200),
            ("ألف", 1000),
            ("ألفين", 2000),
            ("خمسة وعشرين", 25),
            ("ثلاثمئة", 300),
            ("ثلاث مئة", 300),
            ("أحد عشر", 11),
            ("إحدى عشرة", 11),
            ("اثنا عشر", 12),
            ("خمسة عشر", 15),
            ("مئة وخمسون", 150),
            ("ثلاثة آلاف", 3000),
            ("خمسة عشر ألفا", 15000),
            ("ألف ومئتان وخمسة", 1205),
            ("الأربع والعشرين", 24),
            ("بثلاثة", 3),
            ("نصف مليون", 500_000),
            ("ربع مليون", 250_000),
            ("ألف وخمسمئة", 1500),
        ] {
            assert_eq!(value(text), Some(v), "{text}");
        }
    }

    #[test]
    fn digits_with_separators_and_multipliers() {
        assert_eq!(value("1,200"), Some(1200));
        assert_eq!(value("١٬٢٠٠"), Some(1200));
        assert_eq!(value("1.200"), Some(1200));
        assert_eq!(value("٤٧"), Some(47));
        assert_eq!(value("۱۲"), Some(12));
        assert_eq!(value("3 آلاف"), Some(3000));
        assert_eq!(value("2.5 مليون"), Some(2_500_000));
        assert!(parse_number("2.5").unwrap().not_a_count);
    }

    #[test]
    fn vague_quantities_have_qualifiers_and_no_value() {
        for (text, q) in [
            ("عشرات", Qualifier::Dozens),
            ("العشرات", Qualifier::Dozens),
            ("المئات", Qualifier::Hundreds),
            ("مئات", Qualifier::Hundreds),
            ("آلاف", Qualifier::Thousands),
            ("عشرات الآلاف", Qualifier::Thousands),
            ("عدة", Qualifier::Several),
            ("عدد من", Qualifier::Several),
            ("عدداً كبيراً من", Qualifier::Several),
            ("آخرين", Qualifier::Several),
        ] {
            let quantity = parse_number(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((quantity.value, quantity.vague), (None, Some(q)), "{text}");
        }
    }

    #[test]
    fn a_second_thousands_group_is_another_number() {
        let norm = NormalizedText::new("بين الفين وثلاثة آلاف");
        let seg = segment(norm.as_str());
        let words: Vec<&str> = seg.tokens.iter().map(|t| t.text(norm.as_str())).collect();
        let kinds: Vec<TokenKind> = seg.tokens.iter().map(|t| t.kind).collect();
        let low = parse_at(&words, &kinds, 1).unwrap();
        assert_eq!((low.value, low.end), (Some(2000), 2));
        assert_eq!(parse_at(&words, &kinds, 2).unwrap().value, Some(3000));
    }

    #[test]
    fn monday_and_ages_are_not_counts() {
        assert_eq!(parse_number("الاثنين"), None);
        let norm = NormalizedText::new("فتى في الرابعة عشرة من عمره");
        let seg = segment(norm.as_str());
        let words: Vec<&str> = seg.tokens.iter().map(|t| t.text(norm.as_str())).collect();
        let kinds: Vec<TokenKind> = seg.tokens.iter().map(|t| t.kind).collect();
        assert!(parse_at(&words, &kinds, 3).unwrap().not_a_count);
        // After a definite feminine noun a teen is still a count.
        let norm = NormalizedText::new("قتلت الشرطة ستة عشر مسلحا");
        let seg = segment(norm.as_str());
        let words: Vec<&str> = seg.tokens.iter().map(|t| t.text(norm.as_str())).collect();
        let kinds: Vec<TokenKind> = seg.tokens.iter().map(|t| t.kind).collect();
        let q = parse_at(&words, &kinds, 2).unwrap();
        assert_eq!((q.value, q.not_a_count), (Some(16), false));
    }

    #[test]
    fn words_that_are_not_numbers() {
        assert_eq!(parse_number("أحد"), None);
        assert_eq!(parse_number("عشر"), None);
        assert_eq!(parse_number("حلب"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn percentages_are_not_counts() {
        let norm = NormalizedText::new("بنسبة 20 في المئة");
        let seg = segment(norm.as_str());
        let words: Vec<&str> = seg.tokens.iter().map(|t| t.text(norm.as_str())).collect();
        let kinds: Vec<TokenKind> = seg.tokens.iter().map(|t| t.kind).collect();
        assert!(parse_at(&words, &kinds, 1).unwrap().not_a_count);
        assert_eq!(parse_at(&words, &kinds, 3), None);
    }
}
