//! Hijri dates, converted with ICU4X's Umm al-Qura calendar.
//!
//! `icu_calendar` 2.x (without its compiled locale data) builds in about 11 s
//! cold here, so the calendar is not reimplemented. Its Umm al-Qura rules use
//! the KACST table (1300–1600 AH) and the tabular type-II Friday-epoch
//! arithmetic outside it. Months as actually observed (moon sighting, other
//! countries' authorities) can start a day earlier or later than Umm al-Qura:
//! a Hijri date can be a day off the date a given outlet meant.

use icu_calendar::cal::{hijri::UmmAlQura, Hijri};
use icu_calendar::Iso;
use jiff::civil::Date;

/// Years outside this range are refused before reaching the calendar.
const YEARS: std::ops::RangeInclusive<i32> = 1..=3000;

fn hijri(y: i32, m: u8, d: u8) -> Option<icu_calendar::Date<Hijri<UmmAlQura>>> {
    if !YEARS.contains(&y) {
        return None;
    }
    icu_calendar::Date::try_new_hijri_with_calendar(y, m, d, Hijri::new_umm_al_qura()).ok()
}

/// The Gregorian day of Hijri `y-m-d`; `None` for a day the month lacks.
pub(crate) fn to_gregorian(y: i32, m: u8, d: u8) -> Option<Date> {
    let iso = hijri(y, m, d)?.to_calendar(Iso);
    Date::new(
        i16::try_from(iso.year().extended_year()).ok()?,
        i8::try_from(iso.month().ordinal).ok()?,
        i8::try_from(iso.day_of_month().0).ok()?,
    )
    .ok()
}

/// The Hijri (year, month, day) of a Gregorian day.
pub(crate) fn from_gregorian(d: Date) -> Option<(i32, u8, u8)> {
    let iso = icu_calendar::Date::try_new_iso(
        i32::from(d.year()),
        u8::try_from(d.month()).ok()?,
        u8::try_from(d.day()).ok()?,
    )
    .ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some((
        h.year().extended_year(),
        h.month().ordinal,
        h.day_of_month().0,
    ))
}

/// Days in Hijri month `m` of year `y` (29 or 30).
pub(crate) fn month_length(y: i32, m: u8) -> Option<u8> {
    Some(hijri(y, m, 1)?.days_in_month())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn umm_al_qura_known_days() {
        // 1 Ramadan 1437 began on 6 June 2016 (Umm al-Qura).
        assert_eq!(to_gregorian(1437, 9, 1), Some(date(2016, 6, 6)));
        assert_eq!(from_gregorian(date(2016, 6, 6)), Some((1437, 9, 1)));
        assert_eq!(to_gregorian(1437, 2, 30), None);
        assert_eq!(to_gregorian(99_999, 1, 1), None);
        assert!(matches!(month_length(1437, 9), Some(29 | 30)));
    }
}
