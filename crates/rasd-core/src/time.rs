//! ISO 8601 dates and times as day and second counts, for ordering reports
//! and comparing event dates without a calendar library in every stage.

/// Days since 1970-01-01 of the date that starts `s` (`2018-04-08`,
/// `2018-04-08T10:29:11Z`); `None` when it does not parse or is no date.
pub fn civil_day(s: &str) -> Option<i64> {
    let num = |a: usize, b: usize| s.get(a..b).and_then(|x| x.parse::<i64>().ok());
    let (y, m, d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if !(1..=month_days).contains(&d) {
        return None;
    }
    // Howard Hinnant's days-from-civil.
    let y2 = if m <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Seconds since 1970 of an ISO 8601 time (`2018-04-08T10:29:11Z`; the
/// date alone is midnight); `None` when it does not parse.
pub fn epoch_seconds(s: &str) -> Option<f64> {
    let num = |a: usize, b: usize| s.get(a..b).and_then(|x| x.parse::<i64>().ok());
    let days = civil_day(s)?;
    let (hh, mm, ss) = (
        num(11, 13).unwrap_or(0),
        num(14, 16).unwrap_or(0),
        num(17, 19).unwrap_or(0),
    );
    Some((days * 86_400 + hh * 3600 + mm * 60 + ss) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_seconds() {
        assert_eq!(civil_day("1970-01-01"), Some(0));
        assert_eq!(civil_day("2016-11-17"), Some(17_122));
        assert_eq!(civil_day("2016-13-01"), None);
        assert_eq!(civil_day("2016-02-29"), Some(16_860));
        assert_eq!(civil_day("2015-02-29"), None);
        assert_eq!(civil_day("2016-04-31"), None);
        assert_eq!(civil_day("غدا"), None);
        assert_eq!(epoch_seconds("2018-04-08T10:29:11Z"), Some(1_523_183_351.0));
    }
}
