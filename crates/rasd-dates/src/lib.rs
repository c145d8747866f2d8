//! Dates of Arabic news reports, resolved against the publication day, with
//! ACLED time precision.
//!
//! [`date_mentions`] finds every date expression of a report — days
//! relative to publication (اليوم، أمس، أول أمس، الليلة الماضية، فجر اليوم),
//! weekdays (الخميس الماضي، ليلة الخميس), spans (خلال الـ24 ساعة الماضية،
//! الأسبوع الماضي، منذ يوم الجمعة), calendar dates in Gregorian (Egyptian/Gulf,
//! Levantine/Iraqi and Maghreb month names, or all digits) and Hijri, months
//! (نوفمبر الماضي) and years (عام 2011) — and resolves each to a
//! [`DateRange`] with ACLED's `time_precision` (1 day, 2 week, 3 month).
//! Every mention keeps its span as character offsets into the original
//! text. [`event_date`] then picks the date of one event from them.
//!
//! Matching runs on [`rasd_core::normalize::NormalizedText`] (diacritics,
//! tatweel and letter variants folded, digits ASCII); the word lists are in
//! `data/dates.tsv`. The rules for ranges, nights and missing years are
//! documented in the `expr` module, and the ACLED coded day in
//! [`DateRange::coded_date`].
//!
//! ```
//! use rasd_dates::{date_mentions, parse_published, Date};
//! let published = parse_published("2016-11-17T10:29:11Z");
//! let text = "قُتِلَ أمـــس 12 مدنياً في غارات على حلب";
//! let m = &date_mentions(text, published)[0];
//! assert_eq!(m.text, "أمـــس");
//! assert_eq!(text.chars().skip(m.start).take(m.end - m.start).collect::<String>(), m.text);
//! let r = m.range.unwrap();
//! assert_eq!((r.start, r.time_precision), (Date::constant(2016, 11, 16), 1));
//! ```

mod error;
mod event;
mod expr;
mod gregorian;
mod hijri;
mod lexicon;
mod range;
mod relative;
mod scan;
mod tokens;

pub use error::LexiconError;
pub use event::{Basis, EventDate};
pub use jiff::civil::Date;
pub use range::DateRange;

use rasd_core::normalize::NormalizedText;
use serde::Serialize;

/// One date expression of a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// Character offsets (Unicode scalar values) into the original text.
    pub start: usize,
    pub end: usize,
    /// The original words, `text[start..end]` in characters.
    pub text: String,
    /// `relative_day`, `weekday`, `range`, `gregorian`, `hijri`, `month`,
    /// `year` or `since` (منذ + a date more than a month back).
    pub kind: &'static str,
    /// The days meant; `None` when the expression is relative and there is
    /// no publication date, when the date does not exist (31 February), or
    /// when it is coarser than a month (a year, "since 2011").
    pub range: Option<DateRange>,
}

/// Parses a publication time as given in the input: "2018-04-08T10:29:11Z",
/// "2018-04-08 10:29:11", "2018-04-08". None if it does not parse.
///
/// The date is taken as written, without moving a UTC time to the outlet's
/// time zone.
pub fn parse_published(s: &str) -> Option<Date> {
    let s = s.trim();
    let day = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    let b = day.as_bytes();
    let shape = b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    day.parse::<Date>().ok()
}

/// Every date expression of `text`, in text order, resolved against
/// `published`.
pub fn date_mentions(text: &str, published: Option<Date>) -> Vec<DateMention> {
    if text.is_empty() {
        return Vec::new();
    }
    scan::date_mentions(text, &NormalizedText::new(text), published)
}

/// [`date_mentions`] for a caller that has already normalized `text`
/// (`normalized` must be `NormalizedText::new(text)`): normalization is
/// about half the cost of finding dates.
pub fn date_mentions_in(
    text: &str,
    normalized: &NormalizedText,
    published: Option<Date>,
) -> Vec<DateMention> {
    scan::date_mentions(text, normalized, published)
}

/// The date of an event told in the sentence at CHARACTER offsets
/// `sentence_start..sentence_end` of the text whose mentions are
/// `mentions`; `paragraph_start` is the character offset where the
/// sentence's paragraph begins. See the `event` module for the order of
/// evidence and why the publication fallback has precision 2.
pub fn event_date(
    mentions: &[DateMention],
    sentence_start: usize,
    sentence_end: usize,
    paragraph_start: usize,
    published: Option<Date>,
) -> EventDate {
    event::event_date(
        mentions,
        sentence_start,
        sentence_end,
        paragraph_start,
        published,
    )
}
