//! Calendar dates: a month name (Gregorian in its Egyptian/Gulf, Levantine
//! and Maghreb names, or Hijri) with the day before it and the year after
//! it, and all-digit dates (2016/11/15, 15-11-2016).
//!
//! Shapes read around a month name M (tokens of normalized text):
//! - day: `15 M`, `15-16 M`, `15 و16 M`, `15 من M`, `الخامس من M`,
//!   `الحادي والعشرين من (شهر) M`; a week or half of it: `الأسبوع الثاني من
//!   M` (8–14), `النصف الثاني من M`; before the day an optional weekday,
//!   يوم and time of day (`فجر الثلاثاء 15 M`) join the mention;
//! - second name: `M/M'`, `M (M')`, `M - M'` (تشرين الثاني/نوفمبر);
//! - year: `M 2016`, `M عام 2016`, `M 1437 هـ`, `M من العام الماضي`;
//! - or an adjective: `M الماضي/المقبل/الجاري`;
//! - month alone: `(شهر) M`, `مطلع/منتصف M`.
//!
//! An ambiguous name (آب، مارس، أيار، رمضان…) counts only with a day, a year,
//! a second name, شهر before it or an adjective after it.

use crate::expr::{Calendar, Expr, Rel, Year};
use crate::lexicon::{Class, Count};
use crate::scan::Candidate;
use crate::tokens::Cx;

/// A month name at tokens `first..end`.
struct MonthName {
    calendar: Calendar,
    month: u8,
    first: isize,
    end: isize,
    weak: bool,
}

/// The second word of تشرين/كانون/ربيع/جمادى: 1 for الأول, 2 for الثاني/الآخر.
fn pair_tail(cx: &Cx, i: isize) -> Option<u8> {
    if cx.has(i, Class::PairFirst) {
        Some(1)
    } else if cx.has(i, Class::PairSecond) {
        Some(2)
    } else {
        None
    }
}

/// The month name whose first word is at `i`, or whose anchor word is at
/// `i` (القعدة after ذو).
fn month_name(cx: &Cx, i: isize) -> Option<MonthName> {
    let name = |calendar, month: i32, first, end, weak| {
        Some(MonthName {
            calendar,
            month: u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?,
            first,
            end,
            weak,
        })
    };
    if let Some(e) = cx.sense_art(i, Class::Month, false) {
        return name(Calendar::Gregorian, e.value, i, i + 1, e.weak);
    }
    if let Some(e) = cx.sense_art(i, Class::MonthPair, false) {
        let m = match pair_tail(cx, i + 1)? {
            1 => e.value,
            _ => e.value % 12 + 1,
        };
        return name(Calendar::Gregorian, m, i, i + 2, false);
    }
    if let Some(e) = cx.sense_art(i, Class::Hijri, false) {
        return name(Calendar::Hijri, e.value, i, i + 1, e.weak);
    }
    if let Some(e) = cx.sense_art(i, Class::HijriPair, false) {
        let m = e.value + i32::from(pair_tail(cx, i + 1)? - 1);
        return name(Calendar::Hijri, m, i, i + 2, false);
    }
    if let Some((e, _)) = cx.sense(i, Class::HijriTail) {
        if cx.is_exactly(i - 1, Class::Dhu) {
            return name(Calendar::Hijri, e.value, i - 1, i + 1, false);
        }
    }
    None
}

/// The end of a second name of the same month after `end` (`/نوفمبر`,
/// `(مارس)`), if there is one.
fn second_name(cx: &Cx, end: isize, calendar: Calendar) -> Option<isize> {
    let open = ['/', '-', '(', '|']
        .into_iter()
        .find(|&c| cx.is_mark(end, c))?;
    let alt = month_name(cx, end + 1)?;
    if alt.calendar != calendar || alt.first != end + 1 {
        return None;
    }
    if open == '(' {
        return cx.is_mark(alt.end, ')').then_some(alt.end + 1);
    }
    Some(alt.end)
}

fn year_range(calendar: Calendar) -> std::ops::RangeInclusive<u32> {
    match calendar {
        Calendar::Gregorian => 1800..=2200,
        Calendar::Hijri => 1300..=1600,
    }
}

/// A written year at `k` (`2016`, `عام 2016`, `1437 هـ`), with its end.
fn year_at(cx: &Cx, k: isize, calendar: Calendar) -> Option<(i32, isize)> {
    let k = if cx.has(k, Class::YearWord) { k + 1 } else { k };
    let (y, digits) = cx.number(k)?;
    if digits != 4 || !year_range(calendar).contains(&y) {
        return None;
    }
    let mut end = k + 1;
    let (own, other) = match calendar {
        Calendar::Gregorian => (Class::GregorianEra, Class::HijriEra),
        Calendar::Hijri => (Class::HijriEra, Class::GregorianEra),
    };
    if cx.is_exactly(end, other) {
        return None;
    }
    if cx.is_exactly(end, own) {
        end += 1;
    }
    Some((i32::try_from(y).ok()?, end))
}

/// `من العام الماضي`, `من هذا العام`, `من عام 2017` after a month.
fn year_phrase(cx: &Cx, k: isize, calendar: Calendar) -> Option<(Year, isize)> {
    if !cx.is_word(k, "من") {
        return None;
    }
    if let Some((y, end)) = year_at(cx, k + 1, calendar) {
        return Some((Year::Written(y), end));
    }
    let (this, w) = if cx.has(k + 1, Class::This) {
        (true, k + 2)
    } else {
        (false, k + 1)
    };
    cx.sense_art(w, Class::YearWord, true)?;
    if this {
        return Some((Year::Relative(0), w + 1));
    }
    let off = adjective(cx, w + 1).and_then(|r| match r {
        Rel::Past => Some(-1),
        Rel::Current => Some(0),
        Rel::Future => Some(1),
        Rel::Plain => None,
    })?;
    Some((Year::Relative(off), w + 2))
}

/// الماضي/المقبل/الجاري at `k` (with the article).
pub(crate) fn adjective(cx: &Cx, k: isize) -> Option<Rel> {
    if cx.sense_art(k, Class::Past, true).is_some() {
        Some(Rel::Past)
    } else if cx.sense_art(k, Class::Future, true).is_some() {
        Some(Rel::Future)
    } else if cx.sense_art(k, Class::Current, true).is_some() {
        Some(Rel::Current)
    } else {
        None
    }
}

/// A day ordinal ending at token `k` (الخامس، الحادي عشر، الحادي والعشرين،
/// العشرين), with its first token.
pub(crate) fn ordinal_ending_at(cx: &Cx, k: isize) -> Option<(u8, isize)> {
    let unit_before = |j: isize| {
        cx.sense(j, Class::Ordinal)
            .filter(|(e, c)| c.article && !c.conjunction && (1..=9).contains(&e.value))
            .map(|(e, _)| e.value)
    };
    let (value, start) = if let Some((_, c)) = cx.sense(k, Class::Teen) {
        if c.article || c.conjunction {
            return None;
        }
        (10 + unit_before(k - 1)?, k - 1)
    } else if let Some((e, c)) = cx.sense(k, Class::Tens) {
        if !c.article {
            return None;
        }
        if c.conjunction {
            (e.value + unit_before(k - 1)?, k - 1)
        } else {
            (e.value, k)
        }
    } else {
        let (e, c) = cx.sense(k, Class::Ordinal)?;
        // الحادي stands only in compounds.
        if !c.article || c.conjunction || cx.word(k)?.ends_with("حادي") {
            return None;
        }
        (e.value, k)
    };
    let day = u8::try_from(value).ok().filter(|d| (1..=31).contains(d))?;
    Some((day, start))
}

/// A day number (1–31, at most two digits) at `k`.
fn day_number(cx: &Cx, k: isize) -> Option<u8> {
    let (d, digits) = cx.number(k)?;
    (digits <= 2 && (1..=31).contains(&d)).then_some(d as u8)
}

/// The day (or days) written before a month name whose first token is
/// `m`; `after_shahr` when شهر stands between them (only `X من شهر M`).
fn day_before(cx: &Cx, b: isize, after_shahr: bool) -> Option<((u8, u8), isize)> {
    if !after_shahr {
        if let Some(d) = day_number(cx, b) {
            let link = cx.is_mark(b - 1, '-')
                || cx.is_word(b - 1, "و")
                || cx.is_word(b - 1, "الي")
                || cx.is_word(b - 1, "حتي");
            if link {
                if let Some(d0) = day_number(cx, b - 2).filter(|&d0| d0 < d) {
                    return Some(((d0, d), b - 2));
                }
            }
            return Some(((d, d), b));
        }
    }
    if cx.is_word(b, "من") {
        if let Some(d) = day_number(cx, b - 1) {
            return Some(((d, d), b - 1));
        }
        if let Some((d, start)) = ordinal_ending_at(cx, b - 1) {
            // الأسبوع الثاني من شباط: the 8th to the 14th, not the 2nd;
            // النصف الثاني من رمضان: from the 16th (to the 28th, a day every
            // month has; the range is a month-precision one anyway).
            let week = cx
                .sense_art(start - 1, Class::Week, true)
                .is_some_and(|e| e.count == Count::One);
            if week && d <= 4 {
                return Some(((7 * (d - 1) + 1, 7 * d), start - 1));
            }
            if cx.is_word(start - 1, "النصف") && d <= 2 {
                let days = if d == 1 { (1, 15) } else { (16, 28) };
                return Some((days, start - 1));
            }
            return Some(((d, d), start));
        }
    }
    None
}

/// Weekday, يوم and time of day written before a date's day: they join
/// the mention (`فجر يوم الثلاثاء، 15 …`). Returns the new first token.
fn day_prefix(cx: &Cx, mut first: isize) -> isize {
    let weekday = |j: isize| cx.sense_art(j, Class::Weekday, true).is_some();
    if weekday(first - 1) {
        first -= 1;
    } else if cx.is_mark(first - 1, ',') && weekday(first - 2) {
        first -= 2;
    }
    if cx
        .sense_art(first - 1, Class::Day, false)
        .is_some_and(|e| e.count == Count::One)
    {
        first -= 1;
    }
    if cx.sense_art(first - 1, Class::TimeOfDay, false).is_some() {
        first -= 1;
    }
    first
}

/// The date around the month name anchored at token `i`.
pub(crate) fn parse_month(cx: &Cx, i: usize) -> Option<Candidate> {
    let name = month_name(cx, i as isize)?;
    let calendar = name.calendar;
    let mut strong = !name.weak;
    let mut end = name.end;
    if let Some(e) = second_name(cx, end, calendar) {
        end = e;
        strong = true;
    }
    // Year or adjective.
    let mut year = Year::Unwritten;
    let mut rel = Rel::Plain;
    let k = if cx.is_mark(end, ',') && cx.number(end + 1).is_some() {
        end + 1
    } else {
        end
    };
    if let Some((y, e)) = year_at(cx, k, calendar) {
        year = Year::Written(y);
        end = e;
    } else if let Some((y, e)) = year_phrase(cx, end, calendar) {
        year = y;
        end = e;
    } else if let Some(r) = adjective(cx, end) {
        rel = r;
        end += 1;
        strong = true;
    }
    strong |= year != Year::Unwritten;
    // Day, or شهر, before.
    let mut first = name.first;
    let shahr = cx
        .sense_art(first - 1, Class::MonthUnit, false)
        .is_some_and(|e| e.count == Count::One);
    let b = if shahr { first - 2 } else { first - 1 };
    let mut days = None;
    if let Some((d, start)) = day_before(cx, b, shahr) {
        days = Some(d);
        first = day_prefix(cx, start);
        // A bare number before an ambiguous Hijri name is too weak: فاز 5
        // صفر is a score; الخامس من صفر and 5 صفر 1437 are dates.
        let bare = start == b && cx.number(b).is_some();
        strong |= !(bare && calendar == Calendar::Hijri && name.weak);
    } else {
        if shahr {
            first -= 1;
            strong = true;
        }
        if cx.has(first - 1, Class::MonthEdge) {
            first -= 1;
        }
    }
    if !strong {
        return None;
    }
    Some(Candidate::new(
        first,
        end,
        Expr::Date {
            calendar,
            days,
            month: name.month,
            year,
            rel,
        },
    ))
}

/// An all-digit date starting at number token `i`: `2016/11/15`,
/// `15/11/2016`, `15-11-2016`, `15.11.2016`, `1437/2/5 هـ`. The parts must
/// touch, and the run must not go on (a phone number, a score list).
pub(crate) fn parse_numeric(cx: &Cx, i: usize) -> Option<Candidate> {
    let i = i as isize;
    let sep = ['/', '-', '.']
        .into_iter()
        .find(|&c| cx.is_mark(i + 1, c))?;
    if !(0..4).all(|k| cx.touching(i + k)) || !cx.is_mark(i + 3, sep) {
        return None;
    }
    let (a, la) = cx.number(i)?;
    let (b, lb) = cx.number(i + 2)?;
    let (c, lc) = cx.number(i + 4)?;
    let sep_before = ['/', '-', '.'].into_iter().any(|s| cx.is_mark(i - 1, s));
    let sep_after = ['/', '-', '.'].into_iter().any(|s| cx.is_mark(i + 5, s));
    if (sep_before && cx.touching(i - 1) && cx.number(i - 2).is_some())
        || (sep_after && cx.touching(i + 4) && cx.number(i + 6).is_some())
    {
        return None;
    }
    let (y, m, d) = if la == 4 && lb <= 2 && lc <= 2 {
        (a, b, c)
    } else if lc == 4 && la <= 2 && lb <= 2 {
        (c, b, a)
    } else {
        return None;
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let mut end = i + 5;
    let calendar =
        if year_range(Calendar::Hijri).contains(&y) && cx.is_exactly(end, Class::HijriEra) {
            end += 1;
            Calendar::Hijri
        } else if year_range(Calendar::Gregorian).contains(&y) {
            if cx.is_exactly(end, Class::GregorianEra) {
                end += 1;
            }
            Calendar::Gregorian
        } else {
            return None;
        };
    Some(Candidate::new(
        i,
        end,
        Expr::Date {
            calendar,
            days: Some((d as u8, d as u8)),
            month: m as u8,
            year: Year::Written(y as i32),
            rel: Rel::Plain,
        },
    ))
}
