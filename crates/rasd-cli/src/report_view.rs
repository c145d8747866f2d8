//! The report `rasd run` prints: stories, their incidents, and each
//! incident's claims with their words; as a readable text or as JSON.

use std::io::{self, Write};

use anyhow::Result;
use rustc_hash::FxHashMap;
use serde::Serialize;

use rasd_core::report::Evidence;
use rasd_incidents::{ClaimRecord, Incident, Role, SourceSummary};
use rasd_store::Store;

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

fn claim_view(r: &ClaimRecord, role: Role) -> ClaimView {
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

fn figure_text(f: &FigureView) -> String {
    let n = |v: Option<u64>| v.map_or("-".to_string(), |v| v.to_string());
    format!("{}/{}/{}", n(f.low), n(f.best), n(f.high))
}

/// The readable report: the `limit` stories most independently sourced
/// first (a toll from history quoted once does not lead), each incident
/// under its parent, each claim with its words.
pub fn write_table(out: &mut impl Write, report: &RunReport, limit: usize) -> io::Result<()> {
    let weight = |s: &StoryView| {
        let sources: usize = s
            .incidents
            .iter()
            .filter(|i| i.parent.is_none())
            .map(|i| i.independent_sources)
            .sum();
        let killed: u64 = s
            .incidents
            .iter()
            .filter(|i| i.parent.is_none())
            .map(|i| i.killed.best.unwrap_or(0))
            .sum();
        (sources, killed)
    };
    let mut order: Vec<&StoryView> = report.stories.iter().collect();
    order.sort_by(|a, b| weight(b).cmp(&weight(a)).then(a.id.cmp(&b.id)));
    for story in order.iter().take(limit) {
        writeln!(
            out,
            "Story {} — {} ({} reports{})",
            story.id,
            story.title.as_deref().unwrap_or("untitled"),
            story.reports,
            story.first_published.as_deref().map_or(
                ", undated: no publication time (use --published)".to_string(),
                |p| { format!(", from {p}") }
            )
        )?;
        let roots = story.incidents.iter().filter(|i| {
            i.parent
                .as_deref()
                .is_none_or(|p| !story.incidents.iter().any(|o| o.id == p))
        });
        for i in roots {
            write_incident(out, story, i, 1)?;
        }
        writeln!(out)?;
    }
    if report.stories.len() > limit {
        writeln!(
            out,
            "… and {} more stories with incidents (--limit N shows more, --json shows all)",
            report.stories.len() - limit
        )?;
    }
    Ok(())
}

fn write_incident(
    out: &mut impl Write,
    story: &StoryView,
    i: &IncidentView,
    depth: usize,
) -> io::Result<()> {
    let pad = "  ".repeat(depth);
    writeln!(
        out,
        "{pad}Incident {} · {} · {} · {} · killed {} · injured {} (low/best/high) · {} reports, {} independent sources{}",
        i.id,
        i.sub_event_type.as_deref().or(i.event_type.as_deref()).unwrap_or("event type unknown"),
        match (&i.place, &i.place_en) {
            (Some(ar), Some(en)) if !en.is_empty() && en != ar => format!("{ar} ({en})"),
            (Some(ar), _) => ar.clone(),
            _ => "place unknown".to_string(),
        },
        i.date.as_deref().unwrap_or("undated"),
        figure_text(&i.killed),
        figure_text(&i.injured),
        i.reports,
        i.independent_sources,
        i.killed
            .disagreement
            .map_or(String::new(), |d| format!(", disagreement {d:.2}"))
    )?;
    if i.actor1.is_some() || i.actor2.is_some() {
        writeln!(
            out,
            "{pad}  actors: {} → {}",
            i.actor1.as_deref().unwrap_or("?"),
            i.actor2.as_deref().unwrap_or("?")
        )?;
    }
    for c in &i.claims {
        let value = c.value.map_or_else(
            || c.qualifier.to_string(),
            |v| {
                if c.qualifier == "exact" {
                    v.to_string()
                } else {
                    format!("{} {v}", c.qualifier)
                }
            },
        );
        let role = match c.role {
            Role::Counted => String::new(),
            other => format!(
                " [{}]",
                serde_json::to_value(other)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            ),
        };
        writeln!(
            out,
            "{pad}  - {} {value} {}{role} · {} · {}{} «{}» @{}-{}",
            c.kind,
            c.victims,
            c.source.as_deref().unwrap_or("unattributed"),
            c.outlet.as_deref().unwrap_or(&c.doc_id),
            c.copy_of
                .as_deref()
                .map_or(String::new(), |o| format!(" (copy of {o})")),
            c.evidence.text,
            c.evidence.start,
            c.evidence.end
        )?;
    }
    for child in story
        .incidents
        .iter()
        .filter(|o| o.parent.as_deref() == Some(i.id.as_str()))
    {
        write_incident(out, story, child, depth + 1)?;
    }
    Ok(())
}
