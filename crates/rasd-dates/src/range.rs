//! Date ranges with ACLED time precision, and the day arithmetic behind them.
//!
//! ACLED's codebook (the `time_precision` column) has three levels: 1 = the
//! actual day is known; 2 = the source gives a specific week or weekend (a
//! range of a few days); 3 = only the month is known. A [`DateRange`] keeps the
//! whole range the text allows (so that two reports of one incident can be
//! matched by overlap), and [`DateRange::coded_date`] gives the single day an
//! ACLED coder would enter for it. Which day that is: the codebook's value
//! labels (as ACLED ships them in its `acledR` package: "1 = Actual date;
//! 2 = Specific week or weekend; 3 = Middle of week or weekend" [sic]) and
//! its Event Time section code an event known only to a period on the
//! *middle* of that period. We follow that rule: the coded day of a range
//! is its middle day (the earlier of two middles), which is the 15th for a
//! whole month, the Tuesday of "last week" (Saturday to Friday) and the
//! first day of a two-day "last night" range.

use jiff::civil::Date;
use serde::Serialize;

/// A range of days with its ACLED time precision. `start <= end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateRange {
    pub start: Date,
    pub end: Date,
    pub time_precision: u8,
}

/// Longest range still coded with precision 2 ("a specific week"): eight
/// calendar days, so that "during the past week" ending on the publication
/// day ([published − 7, published]) still counts as a week.
pub(crate) const WEEK_SPAN: i64 = 7;
/// Longest range coded with precision 3 ("the month"). Anything wider is not
/// codable: ACLED has no coarser level.
pub(crate) const MONTH_SPAN: i64 = 31;

impl DateRange {
    /// One known day (precision 1).
    pub fn day(d: Date) -> Self {
        DateRange {
            start: d,
            end: d,
            time_precision: 1,
        }
    }

    /// A range whose precision follows from its length: one day is 1, up to
    /// a week 2, up to a month 3, wider `None`. `None` too when `end < start`.
    pub fn spanning(start: Date, end: Date) -> Option<Self> {
        let days = days_between(start, end)?;
        let time_precision = match days {
            0 => 1,
            1..=WEEK_SPAN => 2,
            d if d <= MONTH_SPAN => 3,
            _ => return None,
        };
        Some(DateRange {
            start,
            end,
            time_precision,
        })
    }

    /// A range with an explicit precision (a calendar month is 3 whatever
    /// its length). `None` when `end < start`.
    pub fn with_precision(start: Date, end: Date, time_precision: u8) -> Option<Self> {
        (start <= end).then_some(DateRange {
            start,
            end,
            time_precision,
        })
    }

    /// The calendar month of `d`, precision 3.
    pub fn month_of(d: Date) -> Self {
        DateRange {
            start: d.first_of_month(),
            end: d.last_of_month(),
            time_precision: 3,
        }
    }

    /// Number of days from start to end (0 for one day).
    pub fn days(&self) -> i64 {
        days_between(self.start, self.end).unwrap_or(0)
    }

    /// The single day ACLED would code: the middle of the range (the earlier
    /// middle day of an even-length range). See the module documentation.
    pub fn coded_date(&self) -> Date {
        add_days(self.start, self.days() / 2).unwrap_or(self.start)
    }

    /// The range with its end moved back to `limit` when it runs past it
    /// (an event cannot come after the report of it); unchanged when the
    /// whole range is after `limit`.
    pub(crate) fn capped_at(self, limit: Date) -> Self {
        if self.end > limit && self.start <= limit {
            DateRange { end: limit, ..self }
        } else {
            self
        }
    }
}

/// `d` moved by `n` days, `None` outside jiff's range.
pub(crate) fn add_days(d: Date, n: i64) -> Option<Date> {
    let span = jiff::Span::new().try_days(n).ok()?;
    d.checked_add(span).ok()
}

/// Whole days from `a` to `b`; `None` when `b < a`.
pub(crate) fn days_between(a: Date, b: Date) -> Option<i64> {
    if b < a {
        return None;
    }
    Some(a.duration_until(b).as_secs() / 86_400)
}

/// `d` moved by `n` calendar months (day clamped to the month's end).
pub(crate) fn add_months(d: Date, n: i64) -> Option<Date> {
    let span = jiff::Span::new().try_months(n).ok()?;
    d.checked_add(span).ok()
}

/// The most recent `weekday` (jiff numbering, Monday = 1) on or before `d`
/// (strictly before when `strict`).
pub(crate) fn weekday_on_or_before(d: Date, weekday: i8, strict: bool) -> Option<Date> {
    let today = d.weekday().to_monday_one_offset();
    let mut back = i64::from((today - weekday).rem_euclid(7));
    if strict && back == 0 {
        back = 7;
    }
    add_days(d, -back)
}

/// The first `weekday` strictly after `d`.
pub(crate) fn weekday_after(d: Date, weekday: i8) -> Option<Date> {
    let today = d.weekday().to_monday_one_offset();
    let mut ahead = i64::from((weekday - today).rem_euclid(7));
    if ahead == 0 {
        ahead = 7;
    }
    add_days(d, ahead)
}

/// The `weekday` nearest to `d` (within three days either side).
pub(crate) fn weekday_nearest(d: Date, weekday: i8) -> Option<Date> {
    let today = d.weekday().to_monday_one_offset();
    let diff = i64::from((weekday - today).rem_euclid(7));
    add_days(d, if diff > 3 { diff - 7 } else { diff })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn precision_follows_length() {
        let d = date(2016, 11, 17);
        assert_eq!(DateRange::spanning(d, d).unwrap().time_precision, 1);
        let week = DateRange::spanning(add_days(d, -7).unwrap(), d).unwrap();
        assert_eq!(week.time_precision, 2);
        let month = DateRange::spanning(add_days(d, -30).unwrap(), d).unwrap();
        assert_eq!(month.time_precision, 3);
        assert!(DateRange::spanning(add_days(d, -60).unwrap(), d).is_none());
        assert!(DateRange::spanning(d, add_days(d, -1).unwrap()).is_none());
    }

    #[test]
    fn coded_date_is_the_middle() {
        let nov = DateRange::month_of(date(2016, 11, 17));
        assert_eq!(nov.coded_date(), date(2016, 11, 15));
        let night = DateRange::spanning(date(2016, 11, 16), date(2016, 11, 17)).unwrap();
        assert_eq!(night.coded_date(), date(2016, 11, 16));
    }

    #[test]
    fn weekdays_before_and_after() {
        let thu = date(2016, 11, 17);
        assert_eq!(weekday_on_or_before(thu, 4, false), Some(thu));
        assert_eq!(weekday_on_or_before(thu, 4, true), Some(date(2016, 11, 10)));
        assert_eq!(
            weekday_on_or_before(thu, 2, false),
            Some(date(2016, 11, 15))
        );
        assert_eq!(weekday_after(thu, 4), Some(date(2016, 11, 24)));
        assert_eq!(
            weekday_nearest(date(2016, 11, 16), 6),
            Some(date(2016, 11, 19))
        );
        assert_eq!(
            weekday_nearest(date(2016, 11, 16), 1),
            Some(date(2016, 11, 14))
        );
    }
}
