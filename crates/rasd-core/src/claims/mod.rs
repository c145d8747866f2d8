//! Casualty claims: every statement in a report that a number of people were
//! killed or injured, as `GUIDE.md` defines it.
//!
//! A claim is found from a count (a [`crate::numbers::Quantity`], a dual
//! noun such as قتيلان, or an implicit count such as استشهد شاب) tied to a
//! casualty word by one of a few general constructions of Arabic news:
//!
//! - the count's own noun says it: `56 شهيداً`، `145 جريحا`، `عشرات الجرحى`;
//! - a casualty verb or verbal noun stands before it: `قتل 25`، `مقتل 23 شخصاً`،
//!   `أودى بحياة 12`؛ or after its noun: `90 مدنيا قتلوا`، `لقي 5 أشخاص حتفهم`;
//! - a toll noun introduces it: `عدد القتلى 47`، `ارتفع عدد الشهداء إلى 59`.
//!
//! Each claim then takes its qualifier, victims, breakdown (بينهم/منهم),
//! place, source and modality from the words around it, and keeps the span
//! of its evidence in the original text.
//!
//! ```
//! use rasd_core::claims::{Extractor, Kind};
//! use rasd_core::report::Report;
//! let report = Report { id: "r1".into(), text: "أفاد المرصد السوري لحقوق الإنسان بمقتل 23 شخصاً بينهم 3 أطفال.".into(), ..Default::default() };
//! let claims = Extractor::default().extract(&report);
//! assert_eq!(claims.len(), 1);
//! assert_eq!((claims[0].kind, claims[0].value), (Kind::Killed, Some(23)));
//! assert_eq!(claims[0].source.as_ref().unwrap().text, "المرصد السوري لحقوق الإنسان");
//! assert_eq!(claims[0].breakdown.as_ref().unwrap()["children"], Some(3));
//! ```

mod attribution;
mod lexicons;
mod places;
mod sentence;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::normalize::NormalizedText;
pub use crate::numbers::Qualifier;
use crate::report::{CharCounter, Evidence, Report};
use crate::segment::segment;

pub use lexicons::Lexicons;

/// Killed or injured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Killed,
    Injured,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "killed" => Some(Kind::Killed),
            "injured" => Some(Kind::Injured),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Killed => "killed",
            Kind::Injured => "injured",
        }
    }

    /// The other kind: a joint count (عشرات القتلى والجرحى) makes one of each.
    pub fn other(self) -> Kind {
        match self {
            Kind::Killed => Kind::Injured,
            Kind::Injured => Kind::Killed,
        }
    }
}

/// The category of the whole count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Victims {
    People,
    Civilians,
    Fighters,
    Soldiers,
    Children,
    Women,
}

impl Victims {
    pub fn parse(s: &str) -> Option<Victims> {
        Some(match s {
            "people" => Victims::People,
            "civilians" => Victims::Civilians,
            "fighters" => Victims::Fighters,
            "soldiers" => Victims::Soldiers,
            "children" => Victims::Children,
            "women" => Victims::Women,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Victims::People => "people",
            Victims::Civilians => "civilians",
            Victims::Fighters => "fighters",
            Victims::Soldiers => "soldiers",
            Victims::Children => "children",
            Victims::Women => "women",
        }
    }
}

/// How the report holds the toll, when not as a plain statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// قد يتجاوز، ربما، يرجح
    Speculative,
    /// quoted only to be denied (نفى ... مقتل 20)
    Denied,
}

/// A place the report ties to the claim: its surface form, not yet resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceRef {
    /// The name as written (without its trigger word: باتبو for بلدة باتبو).
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Who the report attributes the claim to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// The words of the report that name the source.
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The canonical name when the source is a known one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// monitor, rescue, medical, health_ministry, government, military, un,
    /// ngo, media, activists, witnesses, local.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub source_type: Option<String>,
}

/// One casualty claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub doc_id: String,
    pub kind: Kind,
    /// `None` for vague counts (dozens, several...).
    pub value: Option<u64>,
    pub qualifier: Qualifier,
    pub victims: Victims,
    /// From بينهم/منهم: category → count (`None` when named without a number).
    pub breakdown: Option<BTreeMap<String, Option<u64>>>,
    pub place: Option<PlaceRef>,
    pub source: Option<SourceRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// The words that carry the number.
    pub evidence: Evidence,
    /// The sentence that holds them.
    pub sentence: Evidence,
}

/// Extracts claims from reports. Cheap to share between threads.
#[derive(Default)]
pub struct Extractor {
    lexicons: Lexicons,
}

impl Extractor {
    /// An extractor with the built-in lexicons.
    pub fn new() -> Self {
        Self::default()
    }

    /// Every casualty claim of `report`, in text order.
    pub fn extract(&self, report: &Report) -> Vec<Claim> {
        let lex = &self.lexicons;
        let norm = NormalizedText::new(&report.text);
        if !lex.may_hold_casualties(norm.as_str()) {
            return Vec::new();
        }
        let seg = segment(norm.as_str());
        let doc = sentence::Document::new(&norm, &seg, lex);
        let found = doc.claims();
        let mut counter = CharCounter::new(&report.text);
        let mut spans: Vec<(usize, &sentence::Found)> = found.iter().enumerate().collect();
        // Character offsets are computed walking forward through the text.
        spans.sort_by_key(|(_, f)| f.evidence.0);
        let mut claims: Vec<(usize, Claim)> = Vec::with_capacity(found.len());
        for (order, f) in spans {
            let to_evidence = |c: &mut CharCounter, (s, e): (usize, usize)| {
                let r = norm.original_span(s, e);
                c.evidence(r.start, r.end)
            };
            let sentence_ev = to_evidence(&mut CharCounter::new(&report.text), f.sentence);
            let evidence = to_evidence(&mut counter, f.evidence);
            let place = f.place.map(|span| {
                let ev = to_evidence(&mut CharCounter::new(&report.text), span);
                PlaceRef {
                    text: ev.text,
                    start: ev.start,
                    end: ev.end,
                }
            });
            let source = f.source.as_ref().map(|s| {
                let ev = to_evidence(&mut CharCounter::new(&report.text), s.span);
                let body = s
                    .body
                    .map(|b| to_evidence(&mut CharCounter::new(&report.text), b).text);
                SourceRef {
                    text: ev.text,
                    start: ev.start,
                    end: ev.end,
                    name: s.canonical.clone().or(body),
                    source_type: s.source_type.clone(),
                }
            });
            claims.push((
                order,
                Claim {
                    doc_id: report.id.clone(),
                    kind: f.kind,
                    value: f.value,
                    qualifier: f.qualifier,
                    victims: f.victims,
                    breakdown: f.breakdown.clone(),
                    place,
                    source,
                    modality: f.modality,
                    evidence,
                    sentence: sentence_ev,
                },
            ));
        }
        claims.sort_by_key(|(order, _)| *order);
        claims.into_iter().map(|(_, c)| c).collect()
    }
}
