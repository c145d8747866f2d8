//! What a date expression says, before and after the publication date is
//! known. The grammar ([`crate::relative`], [`crate::gregorian`]) builds an
//! [`Expr`]; [`resolve`] turns it into a [`DateRange`].
//!
//! Choices (each one a reading of Arabic news style, kept consistent):
//! - "Last night" (الليلة الماضية، ليل أمس، ليلة البارحة) is the evening of the
//!   day before publication running into the publication day: the range
//!   [published − 1, published], precision 2, coded (ACLED middle rule) as
//!   the day before. A night tied to a weekday (ليلة الخميس) is the night
//!   before that day, the Arabic reckoning where the night precedes its day
//!   and also what a morning report means by it: [Wednesday, Thursday].
//! - "The past N hours/days" ends on the publication day: خلال الـ24 ساعة
//!   الماضية is [published − 1, published]; N days are [published − N,
//!   published]. "The past few days" is taken as a week, "a few hours" as
//!   one day, "the past weeks" as three weeks.
//! - الأسبوع الماضي is the previous calendar week, Saturday to Friday (the
//!   week of the Levant, Egypt and Iraq); with خلال ("during the past week")
//!   it is the rolling [published − 7, published]. الشهر الماضي is the
//!   previous calendar month, with or without خلال.
//! - A date without a year is its latest occurrence on or before the
//!   publication day (المقبل/القادم: the next one; الجاري/الحالي: this year's).
//!   "Last November" (نوفمبر الماضي) written in November is last year's.
//! - Nothing coarser than a month has a range: a year (عام 2011) or a span
//!   since long ago (منذ آذار 2011) is a mention without one.

use jiff::civil::Date;

use crate::hijri;
use crate::range::{
    add_days, add_months, days_between, weekday_after, weekday_nearest, weekday_on_or_before,
    DateRange, MONTH_SPAN,
};

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Hour,
    Day,
    Week,
    Month,
}

/// An adjective after a month or weekday: الماضي, المقبل, الجاري.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    Plain,
    Past,
    Future,
    Current,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Calendar {
    Gregorian,
    Hijri,
}

/// The year of a calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Year {
    /// Not written: the occurrence nearest the publication (see [`Rel`]).
    Unwritten,
    Written(i32),
    /// من العام الماضي (−1), من هذا العام (0).
    Relative(i32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Expr {
    /// اليوم (0), أمس (−1), أول أمس (−2), غدا (+1), optionally naming the
    /// weekday (أمس السبت); `night`: the night after that day.
    RelDay {
        offset: i64,
        weekday: Option<i8>,
        night: bool,
    },
    /// الخميس, الخميس الماضي (`strict`), الخميس المقبل (`future`), ليلة
    /// الخميس (`night`), ليلة الخميس الجمعة (`until`), الخميس قبل الماضي
    /// (`weeks_back` 1).
    Weekday {
        weekday: i8,
        strict: bool,
        future: bool,
        night: bool,
        until: Option<i8>,
        weeks_back: i64,
    },
    /// The `count` units up to publication (خلال الـ24 ساعة الماضية);
    /// `None`: "the past few".
    Last {
        count: Option<u32>,
        unit: Unit,
    },
    /// `count` units before publication (قبل يومين).
    Ago {
        count: Option<u32>,
        unit: Unit,
    },
    PrevWeek,
    ThisWeek,
    PrevMonth,
    ThisMonth,
    /// Day `day` of the publication month moved by `months` (الخامس من
    /// الشهر الجاري = 0, … الماضي = −1).
    DayOfMonth {
        day: u8,
        months: i64,
    },
    /// A calendar date: `days` is one day (d, d) or a range of days of the
    /// month (15-16 تموز); `None` for the whole month.
    Date {
        calendar: Calendar,
        days: Option<(u8, u8)>,
        month: u8,
        year: Year,
        rel: Rel,
    },
    /// A year alone (عام 2011, العام الماضي).
    Year,
    /// منذ + an expression.
    Since(Box<Expr>),
}

/// Ranges of whole Hijri or Gregorian years are refused before they reach
/// the calendars.
fn plausible_year(y: i32) -> bool {
    (1..=3000).contains(&y)
}

/// The kind of mention and its range, given the publication day.
pub(crate) fn resolve(expr: &Expr, published: Option<Date>) -> (&'static str, Option<DateRange>) {
    match expr {
        Expr::RelDay { .. } => ("relative_day", published.and_then(|p| rel_day(expr, p))),
        Expr::Weekday { .. } => ("weekday", published.and_then(|p| weekday(expr, p))),
        Expr::Last { .. }
        | Expr::Ago { .. }
        | Expr::PrevWeek
        | Expr::ThisWeek
        | Expr::PrevMonth
        | Expr::ThisMonth => ("range", published.and_then(|p| relative_range(expr, p))),
        Expr::DayOfMonth { day, months } => (
            "gregorian",
            published.and_then(|p| {
                let m = add_months(p.first_of_month(), *months)?;
                Date::new(m.year(), m.month(), i8::try_from(*day).ok()?)
                    .ok()
                    .map(DateRange::day)
            }),
        ),
        Expr::Date { days, .. } => {
            let kind = match (days, expr) {
                (None, _) => "month",
                (
                    Some(_),
                    Expr::Date {
                        calendar: Calendar::Hijri,
                        ..
                    },
                ) => "hijri",
                _ => "gregorian",
            };
            (kind, calendar_date(expr, published))
        }
        Expr::Year => ("year", None),
        Expr::Since(inner) => since(inner, published),
    }
}

fn rel_day(expr: &Expr, p: Date) -> Option<DateRange> {
    let Expr::RelDay {
        offset,
        weekday,
        night,
    } = *expr
    else {
        return None;
    };
    let mut d = add_days(p, offset)?;
    if let Some(w) = weekday {
        d = weekday_nearest(d, w)?;
    }
    if night && d < p {
        return DateRange::spanning(d, add_days(d, 1)?);
    }
    Some(DateRange::day(d))
}

fn weekday(expr: &Expr, p: Date) -> Option<DateRange> {
    let Expr::Weekday {
        weekday,
        strict,
        future,
        night,
        until,
        weeks_back,
    } = *expr
    else {
        return None;
    };
    let latest = |w: i8| {
        if future {
            weekday_after(p, w)
        } else {
            weekday_on_or_before(p, w, strict).and_then(|d| add_days(d, -7 * weeks_back))
        }
    };
    if let Some(w2) = until {
        // ليلة الخميس الجمعة: anchored on the second day.
        let end = latest(w2)?;
        let mut gap = i64::from((w2 - weekday).rem_euclid(7));
        if gap == 0 {
            gap = 7;
        }
        return DateRange::spanning(add_days(end, -gap)?, end);
    }
    let d = latest(weekday)?;
    if night {
        return DateRange::spanning(add_days(d, -1)?, d);
    }
    Some(DateRange::day(d))
}

/// Days covered by `count` units, for "the past N units".
fn unit_days(count: Option<u32>, unit: Unit) -> Option<i64> {
    let n = count.map(i64::from);
    if n.is_some_and(|n| n > 100_000) {
        return None;
    }
    Some(match (n, unit) {
        (Some(h), Unit::Hour) => ((h + 23) / 24).max(1),
        (None, Unit::Hour) => 1,
        (Some(d), Unit::Day) => d,
        (None, Unit::Day) => 7,
        (Some(w), Unit::Week) => 7 * w,
        (None, Unit::Week) => 21,
        (Some(m), Unit::Month) => 30 * m,
        (None, Unit::Month) => return None,
    })
}

fn relative_range(expr: &Expr, p: Date) -> Option<DateRange> {
    // The week starts on Saturday (see the module documentation).
    let week_start = || weekday_on_or_before(p, 6, false);
    match *expr {
        Expr::Last { count, unit } => {
            let days = unit_days(count, unit)?;
            DateRange::spanning(add_days(p, -days)?, p)
        }
        Expr::Ago { count, unit } => match (count.map(i64::from), unit) {
            (Some(n), Unit::Day) if n <= 100_000 => add_days(p, -n).map(DateRange::day),
            (None, Unit::Day) => DateRange::spanning(add_days(p, -7)?, add_days(p, -1)?),
            (Some(n), Unit::Week) if n <= 10_000 => {
                let mid = add_days(p, -7 * n)?;
                DateRange::spanning(add_days(mid, -3)?, add_days(mid, 3)?.min(p))
            }
            (None, Unit::Week) => DateRange::spanning(add_days(p, -30)?, add_days(p, -7)?),
            (Some(n), Unit::Month) if n <= 10_000 => add_months(p, -n).map(DateRange::month_of),
            (_, Unit::Hour) => DateRange::spanning(add_days(p, -unit_days(count, unit)?)?, p),
            _ => None,
        },
        Expr::PrevWeek => {
            let start = week_start()?;
            DateRange::with_precision(add_days(start, -7)?, add_days(start, -1)?, 2)
        }
        Expr::ThisWeek => DateRange::with_precision(week_start()?, p, 2),
        Expr::PrevMonth => add_days(p.first_of_month(), -1).map(DateRange::month_of),
        Expr::ThisMonth => DateRange::with_precision(p.first_of_month(), p, 3),
        _ => None,
    }
}

/// The year of a date written without one, in its own calendar: the
/// occurrence nearest the publication day `now` = (year, month, day).
fn pick_year(now: (i32, u8, u8), month: u8, day: Option<u8>, rel: Rel) -> i32 {
    let (py, pm, pd) = now;
    match (rel, day) {
        (Rel::Current, _) => py,
        (Rel::Future, None) => py + i32::from(month <= pm),
        (Rel::Future, Some(d)) => py + i32::from((month, d) <= (pm, pd)),
        (Rel::Past, None) => py - i32::from(month >= pm),
        (Rel::Plain, None) => py - i32::from(month > pm),
        (Rel::Past | Rel::Plain, Some(d)) => py - i32::from((month, d) > (pm, pd)),
    }
}

fn calendar_date(expr: &Expr, published: Option<Date>) -> Option<DateRange> {
    let Expr::Date {
        calendar,
        days,
        month,
        year,
        rel,
    } = *expr
    else {
        return None;
    };
    let now = |p: Date| -> Option<(i32, u8, u8)> {
        match calendar {
            Calendar::Gregorian => Some((i32::from(p.year()), p.month() as u8, p.day() as u8)),
            Calendar::Hijri => hijri::from_gregorian(p),
        }
    };
    let y = match year {
        Year::Written(y) => y,
        Year::Relative(off) => now(published?)?.0 + off,
        Year::Unwritten => pick_year(now(published?)?, month, days.map(|d| d.0), rel),
    };
    if !plausible_year(y) {
        return None;
    }
    let day = |d: u8| -> Option<Date> {
        match calendar {
            Calendar::Gregorian => Date::new(
                i16::try_from(y).ok()?,
                i8::try_from(month).ok()?,
                i8::try_from(d).ok()?,
            )
            .ok(),
            Calendar::Hijri => hijri::to_gregorian(y, month, d),
        }
    };
    match days {
        Some((d1, d2)) => DateRange::spanning(day(d1)?, day(d2)?),
        None => {
            let start = day(1)?;
            let len = match calendar {
                Calendar::Gregorian => i64::from(start.days_in_month()),
                Calendar::Hijri => i64::from(hijri::month_length(y, month)?),
            };
            let r = DateRange::with_precision(start, add_days(start, len - 1)?, 3)?;
            Some(match (published, rel) {
                (Some(p), Rel::Plain | Rel::Past | Rel::Current) => r.capped_at(p),
                _ => r,
            })
        }
    }
}

fn since(inner: &Expr, published: Option<Date>) -> (&'static str, Option<DateRange>) {
    let (kind, range) = resolve(inner, published);
    if kind == "year" {
        return ("year", None);
    }
    let relative = matches!(kind, "relative_day" | "weekday" | "range");
    match (range, published) {
        (Some(r), Some(p)) => match days_between(r.start, p) {
            Some(days) if days <= MONTH_SPAN => ("range", DateRange::spanning(r.start, p)),
            _ => ("since", None),
        },
        (None, None) if relative => ("range", None),
        _ => ("since", None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_of_a_date_without_one() {
        let now = (2016, 11, 17);
        assert_eq!(pick_year(now, 11, Some(15), Rel::Plain), 2016);
        assert_eq!(pick_year(now, 11, Some(20), Rel::Plain), 2015);
        assert_eq!(pick_year(now, 12, None, Rel::Plain), 2015);
        assert_eq!(pick_year(now, 11, None, Rel::Plain), 2016);
        assert_eq!(pick_year(now, 11, None, Rel::Past), 2015);
        assert_eq!(pick_year(now, 3, None, Rel::Future), 2017);
        assert_eq!(pick_year(now, 12, Some(1), Rel::Future), 2016);
    }
}
