//! The date of one event told in a report: [`crate::event_date`].
//!
//! Order of evidence: a date in the event's own sentence; else the last
//! date earlier in its paragraph (reports give the day once and tell
//! several strikes after it); else the first date of the lead (the first
//! 300 characters, where wire copy states the day); else the publication
//! day; else nothing.
//!
//! A mention is evidence for an event only if it resolves, lies on or
//! before the publication day (an event is not reported before it
//! happens: غدا، الأحد المقبل are plans), and is not a year alone or a
//! "since" that reaches back beyond a month (منذ عام 2011 dates a war, not
//! a strike).
//!
//! Falling back on the publication day gives [published − 1, published]
//! with precision 2, not precision 1: ACLED codes the day of the event, and
//! a report with no date in it tells of the day it was written or of the
//! night or day before; only text that says the day earns precision 1.

use jiff::civil::Date;
use serde::Serialize;

use crate::range::{add_days, DateRange};
use crate::DateMention;

/// Characters of the lead: the first 300.
const LEAD_CHARS: usize = 300;

/// Where an event's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A date mention of the text (the `evidence`).
    Text,
    /// No date in the text: the publication day and the day before.
    Published,
    /// Neither a date in the text nor a publication date.
    Undated,
}

/// The date of one event, with the mention it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventDate {
    pub range: Option<DateRange>,
    pub basis: Basis,
    pub evidence: Option<DateMention>,
}

fn usable(m: &DateMention, published: Option<Date>) -> bool {
    let Some(r) = m.range else {
        return false;
    };
    if matches!(m.kind, "year" | "since") {
        return false;
    }
    published.is_none_or(|p| r.start <= p)
}

pub(crate) fn event_date(
    mentions: &[DateMention],
    sentence_start: usize,
    sentence_end: usize,
    paragraph_start: usize,
    published: Option<Date>,
) -> EventDate {
    let ok = |m: &&DateMention| usable(m, published);
    let found = mentions
        .iter()
        .filter(ok)
        .find(|m| m.start >= sentence_start && m.start < sentence_end)
        .or_else(|| {
            mentions
                .iter()
                .filter(ok)
                .rfind(|m| m.start >= paragraph_start && m.end <= sentence_start)
        })
        .or_else(|| mentions.iter().filter(ok).find(|m| m.start < LEAD_CHARS));
    if let Some(m) = found {
        return EventDate {
            range: m.range,
            basis: Basis::Text,
            evidence: Some(m.clone()),
        };
    }
    match published {
        Some(p) => EventDate {
            range: add_days(p, -1).and_then(|d| DateRange::with_precision(d, p, 2)),
            basis: Basis::Published,
            evidence: None,
        },
        None => EventDate {
            range: None,
            basis: Basis::Undated,
            evidence: None,
        },
    }
}
