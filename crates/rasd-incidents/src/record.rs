//! A claim as the incidents stage takes it: the extracted claim with the
//! outputs of the stages after extraction (place, date, event, copies) and
//! the report it came from.

use rasd_core::claims::Claim;
use serde::{Deserialize, Serialize};

/// A span of a report's original text, in characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A resolved place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub gazetteer_id: String,
    pub name_ar: String,
    pub name_en: String,
    pub kind: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    /// ACLED geo_precision: 1 the place itself, 2 part of or near it, 3 a region.
    pub geo_precision: u8,
    /// UCDP where_prec.
    pub where_prec: u8,
}

/// How a claim's date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// A date expression of the text, resolved against the publication time.
    Text,
    /// No date in reach: the publication day stands for it.
    Published,
    /// Neither: the report has no publication time and the text no date.
    Undated,
}

/// A claim's event date: ISO dates, `start <= end`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimDate {
    pub start: String,
    pub end: String,
    /// ACLED time_precision: 1 day, 2 within a week, 3 month.
    pub time_precision: u8,
    pub basis: DateBasis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Span>,
}

/// ACLED event and sub-event type, with the words that say it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventInfo {
    pub event_type: String,
    pub sub_event_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<Span>,
}

/// A perpetrator or target, by its canonical name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Span>,
}

/// One claim with everything the stages after extraction learned of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    /// `DOC_ID#N`: the report and the claim's rank among its claims.
    pub key: String,
    pub outlet: Option<String>,
    /// The report's publication time as the input gave it.
    pub published: Option<String>,
    pub claim: Claim,
    pub place: Option<Place>,
    /// The place and the places holding it, broadest first (gazetteer ids).
    #[serde(default)]
    pub place_lineage: Vec<String>,
    /// `None` when the report is undated and its text gives no date.
    pub date: Option<ClaimDate>,
    pub event: Option<EventInfo>,
    pub actor1: Option<ActorRef>,
    pub actor2: Option<ActorRef>,
    /// The key of the claim this one reprints, when it stands in a passage
    /// copied from another report.
    #[serde(default)]
    pub origin: Option<String>,
    /// A war's or an era's toll rather than an event's
    /// ([`crate::cumulative::is_cumulative`]): it forms no incident.
    #[serde(default)]
    pub cumulative: bool,
}

impl ClaimRecord {
    /// The key of the claim of rank `n` of report `doc_id`.
    pub fn key_of(doc_id: &str, n: usize) -> String {
        format!("{doc_id}#{n}")
    }

    pub fn doc_id(&self) -> &str {
        &self.claim.doc_id
    }
}
