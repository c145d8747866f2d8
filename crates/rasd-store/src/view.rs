//! Stories, incidents and claims as `rasd run --json`, the exports and the
//! web API show them: each claim with its source, outlet, time and words.

use rustc_hash::FxHashMap;
use serde::Serialize;

use rasd_core::report::Evidence;
use rasd_incidents::{ClaimRecord, Incident, Role, SourceSummary};

use crate::{Result, Store};

#[derive(Debug, Serialize)]
pub struct RunReport {
    pub stories: Vec<StoryView>,
}

#[derive(Debug, Serialize)]
pub struct StoryView {
    pub id: String,
    pub title: Option<String>,
    pub reports: usize,
    pub first_published: Option<String>,
    pub incidents: Vec<IncidentView>,
}

#[derive(Debug, Serialize)]
pub struct FigureView {
    pub low: Option<u64>,
    pub best: Option<u64>,
    pub high: Option<u64>,
    pub disagreement: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct IncidentView {
    pub id: String,
    /// The place's name (Arabic, else English).
    pub place: Option<String>,
    pub place_en: Option<String>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// ISO date, or `START/END` for a span; `null` when undated.
    pub date: Option<String>,
    pub time_precision: Option<u8>,
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    pub actor1: Option<String>,
    pub actor2: Option<String>,
    pub killed: FigureView,
    pub injured: FigureView,
    pub reports: usize,
    pub independent_sources: usize,
    pub sources: Vec<SourceSummary>,
    pub claims: Vec<ClaimView>,
    /// The aggregate incident holding this one.
    pub parent: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ClaimView {
    pub key: String,
    pub doc_id: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub kind: &'static str,
    pub value: Option<u64>,
    pub qualifier: &'static str,
    pub victims: &'static str,
    pub source: Option<String>,
    pub source_type: Option<String>,
    pub place: Option<String>,
    pub date: Option<String>,
    pub role: Role,
    /// The claim this one reprints from a copied passage.
    pub copy_of: Option<String>,
    pub evidence: Evidence,
}

fn figures(f: &rasd_incidents::Figures) -> FigureView {
    FigureView {
        low: f.low,
        best: f.best,
        high: f.high,
        disagreement: f.disagreement,
    }
}

fn date_text(start: &str, end: &str) -> String {
    if start == end {
        start.to_string()
    } else {
        format!("{start}/{end}")
    }
}

pub fn claim_view(r: &ClaimRecord, role: Role) -> ClaimView {
    let c = &r.claim;
    ClaimView {
        key: r.key.clone(),
        doc_id: c.doc_id.clone(),
        outlet: r.outlet.clone(),
        published: r.published.clone(),
        kind: c.kind.as_str(),
        value: c.value,
        qualifier: c.qualifier.as_str(),
        victims: c.victims.as_str(),
        source: c.source.as_ref().map(|s| s.text.clone()),
        source_type: c.source.as_ref().and_then(|s| s.source_type.clone()),
        place: c.place.as_ref().map(|p| p.text.clone()),
        date: r.date.as_ref().map(|d| date_text(&d.start, &d.end)),
        role,
        copy_of: r.origin.clone(),
        evidence: c.evidence.clone(),
    }
}

pub fn incident_view(i: &Incident, claims: &FxHashMap<&str, &ClaimRecord>) -> IncidentView {
    IncidentView {
        id: i.id.clone(),
        place: i.place.as_ref().map(|p| {
            if p.name_ar.is_empty() {
                p.name_en.clone()
            } else {
                p.name_ar.clone()
            }
        }),
        place_en: i.place.as_ref().map(|p| p.name_en.clone()),
        country: i.place.as_ref().map(|p| p.country.clone()),
        admin1: i.place.as_ref().and_then(|p| p.admin1.clone()),
        lat: i.place.as_ref().and_then(|p| p.lat),
        lon: i.place.as_ref().and_then(|p| p.lon),
        date: i.date.as_ref().map(|d| date_text(&d.start, &d.end)),
        time_precision: i.date.as_ref().map(|d| d.time_precision),
        event_type: i.event_type.clone(),
        sub_event_type: i.sub_event_type.clone(),
        actor1: i.actor1.clone(),
        actor2: i.actor2.clone(),
        killed: figures(&i.killed),
        injured: figures(&i.injured),
        reports: i.reports,
        independent_sources: i.independent_sources,
        sources: i.sources.clone(),
        claims: i
            .claims
            .iter()
            .filter_map(|m| claims.get(m.key.as_str()).map(|r| claim_view(r, m.role)))
            .collect(),
        parent: i.parent.clone(),
    }
}

/// The stories that hold incidents, with their incidents, from the store.
pub fn load(store: &Store) -> Result<RunReport> {
    let records = store.claim_records()?;
    let by_key: FxHashMap<&str, &ClaimRecord> =
        records.iter().map(|r| (r.key.as_str(), r)).collect();
    let incidents = store.incidents()?;
    let mut of_story: FxHashMap<&str, Vec<&Incident>> = FxHashMap::default();
    for i in &incidents {
        of_story.entry(i.story_id.as_str()).or_default().push(i);
    }
    let stories = store
        .stories()?
        .into_iter()
        .filter_map(|s| {
            let incidents = of_story.get(s.id.as_str())?;
            Some(StoryView {
                incidents: incidents
                    .iter()
                    .map(|i| incident_view(i, &by_key))
                    .collect(),
                id: s.id,
                title: s.title,
                reports: s.reports,
                first_published: s.first_published,
            })
        })
        .collect();
    Ok(RunReport { stories })
}
