//! The stored incidents in the formats analysts load them in: ACLED's CSV
//! columns, UCDP GED-style best/low/high, GeoJSON points, and JSON lines
//! with every claim.

use std::io::{self, Write};

use rustc_hash::FxHashMap;
use serde_json::json;

use rasd_incidents::{ClaimRecord, Incident};

use crate::view::incident_view;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// ACLED's columns, one incident a row; fatalities is the low figure.
    AcledCsv,
    /// UCDP GED-style rows with best, low and high.
    UcdpCsv,
    /// A GeoJSON FeatureCollection of incident points.
    Geojson,
    /// One incident a line, with its claims and their evidence.
    Jsonl,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::AcledCsv,
        ExportFormat::UcdpCsv,
        ExportFormat::Geojson,
        ExportFormat::Jsonl,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::AcledCsv => "acled-csv",
            ExportFormat::UcdpCsv => "ucdp-csv",
            ExportFormat::Geojson => "geojson",
            ExportFormat::Jsonl => "jsonl",
        }
    }
}

impl std::str::FromStr for ExportFormat {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s {
            "acled-csv" => Ok(ExportFormat::AcledCsv),
            "ucdp-csv" => Ok(ExportFormat::UcdpCsv),
            "geojson" => Ok(ExportFormat::Geojson),
            "jsonl" => Ok(ExportFormat::Jsonl),
            other => Err(format!(
                "unknown export format `{other}`: acled-csv, ucdp-csv, geojson or jsonl"
            )),
        }
    }
}

/// The incidents a CSV export holds: those no aggregate contains, unless
/// `nested` (an aggregate's figures already count its parts' deaths).
pub fn rows_for(format: ExportFormat, incidents: &mut Vec<Incident>, nested: bool) {
    if !nested && matches!(format, ExportFormat::AcledCsv | ExportFormat::UcdpCsv) {
        incidents.retain(|i| i.parent.is_none());
    }
}

/// Writes the incidents; returns the rows written.
pub fn write(
    out: &mut impl Write,
    format: ExportFormat,
    incidents: &[Incident],
    records: &[ClaimRecord],
) -> io::Result<usize> {
    match format {
        ExportFormat::AcledCsv => acled(out, incidents),
        ExportFormat::UcdpCsv => ucdp(out, incidents),
        ExportFormat::Geojson => geojson(out, incidents),
        ExportFormat::Jsonl => {
            let by_key: FxHashMap<&str, &ClaimRecord> =
                records.iter().map(|r| (r.key.as_str(), r)).collect();
            for i in incidents {
                let mut v = serde_json::to_value(incident_view(i, &by_key))?;
                v["story_id"] = json!(i.story_id);
                serde_json::to_writer(&mut *out, &v)?;
                out.write_all(b"\n")?;
            }
            Ok(incidents.len())
        }
    }
}

fn csv_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or(String::new(), |v| v.to_string())
}

fn sources_text(i: &Incident) -> String {
    i.sources
        .iter()
        .map(|s| s.name.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

fn notes(i: &Incident) -> String {
    let place = i
        .place
        .as_ref()
        .map(|p| {
            if p.name_en.is_empty() {
                p.name_ar.clone()
            } else {
                p.name_en.clone()
            }
        })
        .unwrap_or_else(|| "an unknown place".into());
    let f = &i.killed;
    let mut s = format!(
        "{} in {place}: {} killed (low {}, high {}), {} injured (best), from {} reports and {} independent sources.",
        i.sub_event_type.as_deref().unwrap_or("Casualty event"),
        opt(f.best),
        opt(f.low),
        opt(f.high),
        opt(i.injured.best),
        i.reports,
        i.independent_sources
    );
    if let Some(p) = &i.parent {
        s.push_str(&format!(" Part of Rasd incident {p}."));
    }
    s.push_str(&format!(" Rasd incident {}.", i.id));
    s
}

fn acled(out: &mut impl Write, incidents: &[Incident]) -> io::Result<usize> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "event_id_cnty",
        "event_date",
        "time_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "country",
        "admin1",
        "admin2",
        "admin3",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "source_scale",
        "notes",
        "fatalities",
    ])
    .map_err(csv_error)?;
    for i in incidents {
        let p = i.place.as_ref();
        w.write_record([
            format!("{}{}", p.map_or("XX", |p| p.country.as_str()), i.id),
            opt(i.date.as_ref().map(|d| d.start.clone())),
            opt(i.date.as_ref().map(|d| d.time_precision)),
            opt(i.event_type.clone()),
            opt(i.sub_event_type.clone()),
            opt(i.actor1.clone()),
            opt(i.actor2.clone()),
            opt(p.map(|p| p.country.clone())),
            opt(p.and_then(|p| p.admin1.clone())),
            opt(p.and_then(|p| p.admin2.clone())),
            String::new(),
            opt(p.map(|p| {
                if p.name_en.is_empty() {
                    p.name_ar.clone()
                } else {
                    p.name_en.clone()
                }
            })),
            opt(p.and_then(|p| p.lat)),
            opt(p.and_then(|p| p.lon)),
            opt(p.map(|p| p.geo_precision)),
            sources_text(i),
            "Other".into(),
            notes(i),
            // ACLED codes the most conservative figure.
            i.killed.low.unwrap_or(0).to_string(),
        ])
        .map_err(csv_error)?;
    }
    w.flush()?;
    Ok(incidents.len())
}

/// UCDP's date_prec from ACLED's time_precision: 1 day, 3 week, 4 month.
fn ucdp_date_prec(time_precision: u8) -> u8 {
    match time_precision {
        1 => 1,
        2 => 3,
        _ => 4,
    }
}

fn ucdp(out: &mut impl Write, incidents: &[Incident]) -> io::Result<usize> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "id",
        "year",
        "side_a",
        "side_b",
        "source_article",
        "where_coordinates",
        "where_prec",
        "adm_1",
        "adm_2",
        "latitude",
        "longitude",
        "country",
        "date_start",
        "date_end",
        "date_prec",
        "event_type",
        "sub_event_type",
        "best",
        "low",
        "high",
        "injured_best",
        "injured_low",
        "injured_high",
        "reports",
        "independent_sources",
        "disagreement",
    ])
    .map_err(csv_error)?;
    for i in incidents {
        let p = i.place.as_ref();
        let d = i.date.as_ref();
        w.write_record([
            i.id.clone(),
            opt(d.and_then(|d| d.start.get(..4).map(str::to_string))),
            opt(i.actor1.clone()),
            opt(i.actor2.clone()),
            sources_text(i),
            opt(p.map(|p| {
                if p.name_en.is_empty() {
                    p.name_ar.clone()
                } else {
                    p.name_en.clone()
                }
            })),
            opt(p.map(|p| p.where_prec)),
            opt(p.and_then(|p| p.admin1.clone())),
            opt(p.and_then(|p| p.admin2.clone())),
            opt(p.and_then(|p| p.lat)),
            opt(p.and_then(|p| p.lon)),
            opt(p.map(|p| p.country.clone())),
            opt(d.map(|d| d.start.clone())),
            opt(d.map(|d| d.end.clone())),
            opt(d.map(|d| ucdp_date_prec(d.time_precision))),
            opt(i.event_type.clone()),
            opt(i.sub_event_type.clone()),
            opt(i.killed.best),
            opt(i.killed.low),
            opt(i.killed.high),
            opt(i.injured.best),
            opt(i.injured.low),
            opt(i.injured.high),
            i.reports.to_string(),
            i.independent_sources.to_string(),
            opt(i.killed.disagreement),
        ])
        .map_err(csv_error)?;
    }
    w.flush()?;
    Ok(incidents.len())
}

fn geojson(out: &mut impl Write, incidents: &[Incident]) -> io::Result<usize> {
    let features: Vec<serde_json::Value> = incidents
        .iter()
        .filter_map(|i| {
            let p = i.place.as_ref()?;
            let (lat, lon) = (p.lat?, p.lon?);
            Some(json!({
                "type": "Feature",
                "id": i.id,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "id": i.id,
                    "story_id": i.story_id,
                    "parent": i.parent,
                    "place": p.name_ar,
                    "place_en": p.name_en,
                    "country": p.country,
                    "admin1": p.admin1,
                    "geo_precision": p.geo_precision,
                    "date_start": i.date.as_ref().map(|d| &d.start),
                    "date_end": i.date.as_ref().map(|d| &d.end),
                    "time_precision": i.date.as_ref().map(|d| d.time_precision),
                    "event_type": i.event_type,
                    "sub_event_type": i.sub_event_type,
                    "killed_low": i.killed.low,
                    "killed_best": i.killed.best,
                    "killed_high": i.killed.high,
                    "injured_low": i.injured.low,
                    "injured_best": i.injured.best,
                    "injured_high": i.injured.high,
                    "reports": i.reports,
                    "independent_sources": i.independent_sources,
                }
            }))
        })
        .collect();
    let n = features.len();
    serde_json::to_writer(
        &mut *out,
        &json!({"type": "FeatureCollection", "features": features}),
    )?;
    out.write_all(b"\n")?;
    Ok(n)
}
