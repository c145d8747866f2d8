//! Days and spans relative to the publication: اليوم، أمس، أول أمس، غدا، الليلة
//! الماضية; weekdays (الخميس، الخميس الماضي، ليلة الخميس، فجر الجمعة); counts
//! of units (خلال الـ24 ساعة الماضية، الأيام الثلاثة الماضية، قبل يومين، منذ
//! أسبوع، الأسبوع الماضي، الشهر الجاري); and year words (عام 2011، العام
//! الماضي).

use crate::expr::{Expr, Rel, Unit};
use crate::gregorian::{adjective, ordinal_ending_at};
use crate::lexicon::{Class, Clitics, Count, Entry};
use crate::scan::Candidate;
use crate::tokens::Cx;

/// اليوم/أمس/البارحة/غدا at `i` (`offset` 0, −1, +1) with what surrounds it:
/// أول أمس، أمس الأول، يوم أمس، مساء أمس، ليلة البارحة، أمس السبت.
pub(crate) fn rel_day(cx: &Cx, i: usize, class: Class) -> Option<Candidate> {
    let i = i as isize;
    let mut offset: i64 = match class {
        Class::Day => 0,
        Class::Yesterday => -1,
        Class::Tomorrow => 1,
        _ => return None,
    };
    let (mut first, mut end) = (i, i + 1);
    // غد stands only after يوم or بعد (بعد غد: the day after tomorrow).
    if class == Class::Tomorrow && cx.word(i).is_some_and(|w| w.ends_with("غد")) {
        if cx.is_word(i - 1, "بعد") {
            offset = 2;
            first -= 1;
        } else if !cx.is_word(i - 1, "يوم") {
            return None;
        }
    }
    let first_ordinal = |j: isize, article: bool| {
        cx.sense_art(j, Class::Ordinal, article)
            .is_some_and(|e| e.value == 1 && cx.word(j).is_some_and(|w| w.ends_with("اول")))
    };
    if class == Class::Yesterday {
        if first_ordinal(i - 1, false) {
            offset = -2; // أول أمس
            first -= 1;
        } else if cx.is_word(i - 1, "من") && first_ordinal(i - 2, false) {
            offset = -2; // أول من أمس
            first -= 2;
        } else if first_ordinal(i + 1, true) {
            offset = -2; // أمس الأول
            end += 1;
        }
    }
    if class != Class::Day
        && cx
            .sense_art(first - 1, Class::Day, false)
            .is_some_and(|e| e.count == Count::One)
    {
        first -= 1; // يوم أمس
    }
    let mut night = false;
    if let Some(e) = cx.sense_art(first - 1, Class::TimeOfDay, false) {
        first -= 1; // فجر اليوم، مساء أمس، ليلة البارحة
        night = e.night;
    }
    let mut weekday = None;
    let weekday_at = |j: isize| cx.sense_art(j, Class::Weekday, true).map(|e| e.value as i8);
    if let Some(w) = weekday_at(end) {
        weekday = Some(w);
        end += 1;
    } else if cx.is_mark(end, ',') {
        if let Some(w) = weekday_at(end + 1) {
            weekday = Some(w);
            end += 2;
        }
    }
    Some(Candidate::new(
        first,
        end,
        Expr::RelDay {
            offset,
            weekday,
            night,
        },
    ))
}

/// اليوم at `i`, unless it is the day of something else: اليوم الثالث،
/// اليوم التالي، اليوم العالمي، ذلك اليوم.
pub(crate) fn today(cx: &Cx, i: usize) -> Option<Candidate> {
    let j = i as isize;
    let next_is_ordinal = cx.sense_art(j + 1, Class::Ordinal, true).is_some()
        || cx.sense_art(j + 1, Class::Tens, true).is_some();
    let not_today = next_is_ordinal
        || cx.has(j + 1, Class::NotToday)
        || cx.has(j + 1, Class::Past)
        // في اليوم is "per day" or "on the day (of)"; روسيا اليوم a channel.
        || ["ذلك", "نفس", "ذات", "تلك", "في", "روسيا"]
            .iter()
            .any(|w| cx.is_word(j - 1, w));
    if not_today {
        return None;
    }
    rel_day(cx, i, Class::Day)
}

/// الليلة (الماضية) at `i`: last night.
pub(crate) fn last_night(cx: &Cx, i: usize, clitics: Clitics) -> Option<Candidate> {
    if !clitics.article {
        return None;
    }
    let i = i as isize;
    let end = if cx.sense_art(i + 1, Class::Past, true).is_some() {
        i + 2
    } else {
        // الليلة alone is "tonight/last night" unless it is a night of
        // something else: تلك الليلة، الليلة التالية، الليلة الرابعة.
        let other = ["تلك", "نفس", "ذات", "هذه"]
            .iter()
            .any(|w| cx.is_word(i - 1, w))
            || cx
                .word(i + 1)
                .is_some_and(|w| w.starts_with("ال") && w.len() > 4);
        if other {
            return None;
        }
        i + 1
    };
    Some(Candidate::new(
        i,
        end,
        Expr::RelDay {
            offset: -1,
            weekday: None,
            night: true,
        },
    ))
}

/// A weekday (with the article) at `i`: يوم الخميس، الخميس الماضي، ليلة
/// الخميس، فجر الجمعة، ليلة الخميس-الجمعة.
pub(crate) fn weekday(cx: &Cx, i: usize, entry: Entry, clitics: Clitics) -> Option<Candidate> {
    if !clitics.article {
        return None;
    }
    let i = i as isize;
    let weekday_at = |j: isize| cx.sense_art(j, Class::Weekday, true).map(|e| e.value as i8);
    let (mut first, mut end) = (i, i + 1);
    if cx
        .sense_art(first - 1, Class::Day, false)
        .is_some_and(|e| e.count == Count::One)
    {
        first -= 1;
    }
    let mut night = false;
    if let Some(e) = cx.sense_art(first - 1, Class::TimeOfDay, false) {
        first -= 1;
        night = e.night;
    }
    let mut until = None;
    let linked = cx.is_mark(end, '-')
        || cx.is_mark(end, '/')
        || cx.is_word(end, "الي")
        || cx.is_word(end, "علي");
    if linked {
        if let Some(w) = weekday_at(end + 1) {
            until = Some(w);
            end += 2;
        }
    } else if night {
        if let Some(w) = weekday_at(end) {
            until = Some(w);
            end += 1;
        }
    }
    let (mut strict, mut future, mut weeks_back) = (false, false, 0);
    // الأحد قبل الماضي: the Sunday before last.
    if cx.has(end, Class::Ago) && adjective(cx, end + 1) == Some(Rel::Past) {
        strict = true;
        weeks_back = 1;
        end += 2;
    }
    match adjective(cx, end) {
        Some(Rel::Past) => {
            strict = true;
            end += 1;
        }
        Some(Rel::Future) => {
            future = true;
            end += 1;
        }
        _ => {}
    }
    Some(Candidate::new(
        first,
        end,
        Expr::Weekday {
            weekday: entry.value as i8,
            strict,
            future,
            night: night && until.is_none(),
            until,
            weeks_back,
        },
    ))
}

/// A count written before token `u` (a unit word): `24`, `الـ24`, `ثلاثة`,
/// `الأربع والعشرين`, `ثلاثة عشر`. Returns the count and its first token.
fn count_before(cx: &Cx, u: isize) -> Option<(u32, isize)> {
    let k = u - 1;
    if let Some((v, digits)) = cx.number(k) {
        if digits > 5 {
            return None;
        }
        let start = if cx.is_word(k - 1, "ال") { k - 1 } else { k };
        return Some((v, start));
    }
    let cardinal = |j: isize| cx.sense(j, Class::Cardinal).map(|(e, c)| (e.value, c));
    if let Some((e, c)) = cx.sense(k, Class::Tens) {
        if c.conjunction {
            let (unit, _) = cardinal(k - 1)?;
            return Some(((e.value + unit) as u32, k - 1));
        }
        return Some((e.value as u32, k));
    }
    if cx.has(k, Class::Teen) {
        if let Some((unit, _)) = cardinal(k - 1) {
            return Some(((10 + unit) as u32, k - 1));
        }
        return Some((10, k));
    }
    cardinal(k).map(|(v, _)| (v as u32, k))
}

/// A count written after a unit with the article, from token `j`: `ال 72`,
/// `الـ24`, `الثلاثة`, `الأربع والعشرين`. Returns the count and its end.
fn count_after(cx: &Cx, j: isize) -> Option<(u32, isize)> {
    let digits_at = if cx.is_word(j, "ال") { j + 1 } else { j };
    if let Some((v, digits)) = cx.number(digits_at) {
        return (digits <= 5).then_some((v, digits_at + 1));
    }
    if let Some((e, c)) = cx.sense(j, Class::Cardinal) {
        if !c.article {
            return None;
        }
        if let Some((t, tc)) = cx.sense(j + 1, Class::Tens) {
            if tc.conjunction {
                return Some(((e.value + t.value) as u32, j + 2));
            }
        }
        return Some((e.value as u32, j + 1));
    }
    if let Some((e, c)) = cx.sense(j, Class::Tens) {
        return c.article.then_some((e.value as u32, j + 1));
    }
    if let Some((_, c)) = cx.sense(j, Class::Teen) {
        return c.article.then_some((10, j + 1));
    }
    None
}

/// What stands before a count of units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lead {
    None,
    /// خلال، في غضون، على مدى، طوال.
    During,
    Since,
    Ago,
}

/// A unit word at `i` (ساعة، يوم، أسبوع، شهر in any number) and the count
/// and adjectives around it. `اليوم` alone is [`today`], not this.
pub(crate) fn units(cx: &Cx, i: usize, entry: Entry, clitics: Clitics) -> Option<Candidate> {
    let unit = match entry.class {
        Class::Hour => Unit::Hour,
        Class::Day => Unit::Day,
        Class::Week => Unit::Week,
        Class::MonthUnit => Unit::Month,
        _ => return None,
    };
    let i = i as isize;
    let (mut first, mut end) = (i, i + 1);
    let mut count = None;
    let mut written = false;
    if entry.count == Count::Dual {
        count = Some(2);
    } else if let Some((n, start)) = count_before(cx, i) {
        count = Some(n);
        first = start;
        written = true;
    } else if clitics.article {
        if let Some((n, e)) = count_after(cx, end) {
            count = Some(n);
            end = e;
            written = true;
        }
    }
    // منذ ساعات الصباح: this morning.
    if unit == Unit::Hour
        && entry.count == Count::Plural
        && !written
        && cx.sense_art(end, Class::TimeOfDay, true).is_some()
    {
        let lead = cx.has(first - 1, Class::Since) || cx.has(first - 1, Class::Lead);
        let first = if lead { first - 1 } else { first };
        let expr = Expr::RelDay {
            offset: 0,
            weekday: None,
            night: false,
        };
        return Some(Candidate::new(first, end + 1, expr));
    }
    if count.is_none() && entry.count == Count::One {
        count = Some(1);
    }
    if cx.sense_art(end, Class::Few, true).is_some() {
        end += 1;
    }
    let rel = adjective(cx, end);
    if rel.is_some() {
        end += 1;
    }
    let mut current = rel == Some(Rel::Current);
    if clitics.article && cx.has(first - 1, Class::This) {
        first -= 1; // هذا الأسبوع
        current = true;
    }
    let past = rel == Some(Rel::Past);
    let lead = if cx.has(first - 1, Class::Lead) {
        first -= 1;
        if cx.is_word(first - 1, "في") || cx.is_word(first - 1, "علي") {
            first -= 1; // في غضون، على مدى
        }
        Lead::During
    } else if cx.has(first - 1, Class::Since) {
        first -= 1;
        Lead::Since
    } else if cx.has(first - 1, Class::Ago) {
        first -= 1;
        Lead::Ago
    } else {
        Lead::None
    };
    // الأسبوع الماضي، الشهر الجاري: a calendar unit, not a count.
    let calendar_unit = entry.count == Count::One && clitics.article && !written;
    let expr = if calendar_unit && (past || current) {
        let base = match (unit, past, lead) {
            (Unit::Month, true, _) => Expr::PrevMonth,
            (Unit::Month, false, _) => Expr::ThisMonth,
            (Unit::Week, true, Lead::During) => Expr::Last {
                count: Some(1),
                unit: Unit::Week,
            },
            (Unit::Week, true, _) => Expr::PrevWeek,
            (Unit::Week, false, _) => Expr::ThisWeek,
            (Unit::Hour, true, _) => Expr::Last {
                count: Some(1),
                unit: Unit::Hour,
            },
            _ => return None,
        };
        // الخامس من الشهر الجاري
        if unit == Unit::Month && lead == Lead::None && cx.is_word(first - 1, "من") {
            let day = cx
                .number(first - 2)
                .filter(|&(d, n)| n <= 2 && (1..=31).contains(&d))
                .map(|(d, _)| (d as u8, first - 2))
                .or_else(|| ordinal_ending_at(cx, first - 2));
            if let Some((day, start)) = day {
                return Some(Candidate::new(
                    start,
                    end,
                    Expr::DayOfMonth {
                        day,
                        months: if past { -1 } else { 0 },
                    },
                ));
            }
        }
        if lead == Lead::Since {
            Expr::Since(Box::new(base))
        } else {
            base
        }
    } else if current {
        return None;
    } else {
        let count = if entry.count == Count::Plural && !written {
            None
        } else {
            count
        };
        // A count in words or digits, or a dual: خلال 48 ساعة، خلال يومين;
        // خلال شهر alone is mostly "within a month".
        let counted = written || entry.count == Count::Dual;
        // قبل يومين من الانتخابات: before another event, not before now;
        // خلال الأيام الثلاثة الأولى: the first days of something.
        let anchored_elsewhere = ["من", "علي", "عن"].iter().any(|w| cx.is_word(end, w))
            || ["الاولي", "الاول"].iter().any(|w| cx.is_word(end, w));
        match lead {
            _ if rel == Some(Rel::Future) || anchored_elsewhere => return None,
            Lead::Ago => Expr::Ago { count, unit },
            Lead::Since => Expr::Last { count, unit },
            Lead::During if counted || past => Expr::Last { count, unit },
            // الـ24 ساعة الماضية، الأيام الأخيرة (not الربع ساعة الأخيرة).
            Lead::None if past && (counted || clitics.article) => Expr::Last { count, unit },
            _ => return None,
        }
    };
    Some(Candidate::new(first, end, expr))
}

/// عام/سنة at `i` followed by a year (عام 2011، سنة 1437 هـ) or, with the
/// article, an adjective (العام الماضي، هذا العام).
pub(crate) fn year_word(cx: &Cx, i: usize, clitics: Clitics) -> Option<Candidate> {
    let i = i as isize;
    if let Some((y, digits)) = cx.number(i + 1) {
        if digits != 4 || !(1000..=2200).contains(&y) {
            return None;
        }
        let mut end = i + 2;
        if cx.is_exactly(end, Class::HijriEra) || cx.is_exactly(end, Class::GregorianEra) {
            end += 1;
        }
        return Some(Candidate::new(i, end, Expr::Year));
    }
    if !clitics.article {
        return None;
    }
    if adjective(cx, i + 1).is_some() {
        return Some(Candidate::new(i, i + 2, Expr::Year));
    }
    if cx.has(i - 1, Class::This) {
        return Some(Candidate::new(i - 1, i + 1, Expr::Year));
    }
    None
}
