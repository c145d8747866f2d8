//! Reading the store the way the web app and the API do: incidents by
//! filter, one incident, story or report with what hangs on it, search.

use rasd_incidents::{ClaimRecord, Incident};
use rusqlite::{params_from_iter, types::Value, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::{rows, CopyRow, Result, Store, StoreError, StoryMember, StoryRow};

/// Low, best and high in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Range {
    pub low: Option<u64>,
    pub best: Option<u64>,
    pub high: Option<u64>,
}

/// An incident as a list or a map shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentSummary {
    pub id: String,
    pub story_id: String,
    pub parent: Option<String>,
    pub place: Option<String>,
    pub place_en: Option<String>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub date_start: Option<String>,
    pub date_end: Option<String>,
    pub time_precision: Option<u8>,
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    pub killed: Range,
    pub injured: Range,
    pub reports: usize,
    pub independent_sources: usize,
    pub disagreement: Option<f64>,
}

impl IncidentSummary {
    pub fn of(i: &Incident) -> IncidentSummary {
        let p = i.place.as_ref();
        IncidentSummary {
            id: i.id.clone(),
            story_id: i.story_id.clone(),
            parent: i.parent.clone(),
            place: p.map(|p| {
                if p.name_ar.is_empty() {
                    p.name_en.clone()
                } else {
                    p.name_ar.clone()
                }
            }),
            place_en: p.map(|p| p.name_en.clone()),
            country: p.map(|p| p.country.clone()),
            admin1: p.and_then(|p| p.admin1.clone()),
            lat: p.and_then(|p| p.lat),
            lon: p.and_then(|p| p.lon),
            date_start: i.date.as_ref().map(|d| d.start.clone()),
            date_end: i.date.as_ref().map(|d| d.end.clone()),
            time_precision: i.date.as_ref().map(|d| d.time_precision),
            event_type: i.event_type.clone(),
            sub_event_type: i.sub_event_type.clone(),
            killed: Range {
                low: i.killed.low,
                best: i.killed.best,
                high: i.killed.high,
            },
            injured: Range {
                low: i.injured.low,
                best: i.injured.best,
                high: i.injured.high,
            },
            reports: i.reports,
            independent_sources: i.independent_sources,
            disagreement: i.killed.disagreement,
        }
    }
}

/// What incidents to list. Every field is optional; dates are ISO days.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Filter {
    pub from: Option<String>,
    pub to: Option<String>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub event_type: Option<String>,
    /// A source's name, or part of it (folded before matching).
    pub source: Option<String>,
    /// Incidents of these ids only (from a search).
    #[serde(skip)]
    pub ids: Option<Vec<String>>,
    pub limit: Option<usize>,
}

/// The most incidents one list returns.
pub const MAX_LIMIT: usize = 20_000;

/// A report as a story lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRow {
    pub id: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
}

impl Store {
    /// The incidents `filter` selects, by date then id.
    pub fn list_incidents(&self, filter: &Filter) -> Result<Vec<IncidentSummary>> {
        self.list_incidents_json(filter)?
            .iter()
            .map(|json| self.parse(json, "incident summary"))
            .collect()
    }

    /// [`Store::list_incidents`] as the stored JSON of each summary, for
    /// answering without parsing and writing each one again.
    pub fn list_incidents_json(&self, filter: &Filter) -> Result<Vec<String>> {
        let mut sql = String::from("SELECT summary FROM incidents WHERE 1 = 1");
        let mut args: Vec<Value> = Vec::new();
        let mut push = |clause: &str, v: Value, sql: &mut String| {
            args.push(v);
            sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
        };
        if let Some(v) = &filter.from {
            push(" AND date_start >= ?", Value::Text(v.clone()), &mut sql);
        }
        if let Some(v) = &filter.to {
            push(" AND date_start <= ?", Value::Text(v.clone()), &mut sql);
        }
        if let Some(v) = &filter.country {
            push(" AND country = ?", Value::Text(v.clone()), &mut sql);
        }
        if let Some(v) = &filter.admin1 {
            push(" AND admin1 = ?", Value::Text(v.clone()), &mut sql);
        }
        if let Some(v) = &filter.event_type {
            push(" AND event_type = ?", Value::Text(v.clone()), &mut sql);
        }
        if let Some(v) = &filter.source {
            let folded = rasd_core::normalize::fold(v).replace(['%', '_'], "");
            push(
                " AND EXISTS (SELECT 1 FROM incident_sources s WHERE s.incident_id = incidents.id AND s.folded LIKE '%' || ? || '%')",
                Value::Text(folded),
                &mut sql,
            );
        }
        if let Some(ids) = &filter.ids {
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            sql.push_str(" AND id IN (");
            for (n, id) in ids.iter().enumerate() {
                if n > 0 {
                    sql.push(',');
                }
                push("?", Value::Text(id.clone()), &mut sql);
            }
            sql.push(')');
        }
        let limit = filter.limit.unwrap_or(MAX_LIMIT).min(MAX_LIMIT);
        sql.push_str(&format!(" ORDER BY date_start, id LIMIT {limit}"));
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params_from_iter(args), |r| r.get::<_, Option<String>>(0))
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            if let Some(json) = row.map_err(|e| self.err(e))? {
                out.push(json);
            }
        }
        Ok(out)
    }

    /// The incidents an aggregate holds.
    pub fn children(&self, id: &str) -> Result<Vec<IncidentSummary>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT summary FROM incidents WHERE parent_id = ?1 ORDER BY date_start, id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([id], |r| r.get::<_, Option<String>>(0))
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            if let Some(json) = row.map_err(|e| self.err(e))? {
                out.push(self.parse(&json, "incident summary")?);
            }
        }
        Ok(out)
    }

    /// One incident.
    pub fn incident(&self, id: &str) -> Result<Option<Incident>> {
        let data: Option<String> = self
            .conn
            .query_row("SELECT data FROM incidents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))?;
        data.map(|d| self.parse(&d, "incident")).transpose()
    }

    /// The incidents of a story.
    pub fn story_incidents(&self, story: &str) -> Result<Vec<Incident>> {
        let mut stmt = self
            .conn
            .prepare("SELECT data FROM incidents WHERE story_id = ?1 ORDER BY rowid")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([story], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            out.push(self.parse(&row.map_err(|e| self.err(e))?, "incident")?);
        }
        Ok(out)
    }

    /// The claims of the given keys (`DOC#N`), in the order given; unknown
    /// keys are left out.
    pub fn claims_by_key(&self, keys: &[String]) -> Result<Vec<ClaimRecord>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT data FROM claims WHERE doc_id = ?1 AND n = ?2")
            .map_err(|e| self.err(e))?;
        let mut link = self
            .conn
            .prepare_cached("SELECT origin_key FROM claim_links WHERE claim_key = ?1")
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for key in keys {
            let Some((doc, n)) = key.rsplit_once('#') else {
                continue;
            };
            let Ok(n) = n.parse::<i64>() else { continue };
            let data: Option<String> = stmt
                .query_row(rusqlite::params![doc, n], |r| r.get(0))
                .optional()
                .map_err(|e| self.err(e))?;
            if let Some(d) = data {
                let mut record: ClaimRecord = self.parse(&d, "claim")?;
                record.origin = link
                    .query_row([key], |r| r.get(0))
                    .optional()
                    .map_err(|e| self.err(e))?;
                out.push(record);
            }
        }
        Ok(out)
    }

    /// The claims of one report, in rank order.
    pub fn report_claims(&self, doc_id: &str) -> Result<Vec<ClaimRecord>> {
        let mut stmt = self
            .conn
            .prepare("SELECT doc_id || '#' || n FROM claims WHERE doc_id = ?1 ORDER BY n")
            .map_err(|e| self.err(e))?;
        let keys: Vec<String> = stmt
            .query_map([doc_id], |r| r.get(0))
            .map_err(|e| self.err(e))?
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| self.err(e))?;
        self.claims_by_key(&keys)
    }

    /// The incident each claim of `keys` belongs to.
    pub fn incidents_of_claims(&self, keys: &[String]) -> Result<Vec<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT incident_id FROM incident_claims WHERE claim_key = ?1")
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for k in keys {
            if let Some(id) = stmt
                .query_row([k], |r| r.get::<_, String>(0))
                .optional()
                .map_err(|e| self.err(e))?
            {
                out.push((k.clone(), id));
            }
        }
        Ok(out)
    }

    /// One story.
    pub fn story(&self, id: &str) -> Result<Option<StoryRow>> {
        self.conn
            .query_row(
                "SELECT id, title, first_published, last_published, reports FROM stories WHERE id = ?1",
                [id],
                rows::story,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The reports of a story, by publication time.
    pub fn story_reports(&self, id: &str) -> Result<Vec<ReportRow>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT r.id, r.outlet, r.published, r.title FROM story_reports s
                 JOIN reports r ON r.id = s.doc_id WHERE s.story_id = ?1
                 ORDER BY r.published, r.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([id], rows::report_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(|e| self.err(e))
    }

    /// The story of a report.
    pub fn story_of(&self, doc_id: &str) -> Result<Option<StoryMember>> {
        self.conn
            .query_row(
                "SELECT doc_id, story_id, similarity FROM story_reports WHERE doc_id = ?1",
                [doc_id],
                rows::member,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The copy pairs among the given reports.
    pub fn copies_among(&self, ids: &[String]) -> Result<Vec<CopyRow>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT a, b, kind, origin, data FROM copies WHERE a = ?1 OR b = ?1")
            .map_err(|e| self.err(e))?;
        let wanted: rustc_hash::FxHashSet<&str> = ids.iter().map(String::as_str).collect();
        let mut out: Vec<CopyRow> = Vec::new();
        for id in ids {
            let rows = stmt.query_map([id], rows::copy).map_err(|e| self.err(e))?;
            for row in rows {
                let row = row.map_err(|e| self.err(e))?;
                if wanted.contains(row.a.as_str())
                    && wanted.contains(row.b.as_str())
                    && !out.iter().any(|o| o.a == row.a && o.b == row.b)
                {
                    out.push(row);
                }
            }
        }
        Ok(out)
    }

    /// Reports whose words hold every term of `query` (see
    /// [`crate::search`]), latest first: ranking thousands of matches by
    /// relevance costs more than a page may take, and news is read by date.
    pub fn search_reports(&self, query: &str, limit: usize) -> Result<Vec<ReportRow>> {
        let Some(fts) = crate::search::fts_query(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self
            .conn
            .prepare(
                "SELECT r.id, r.outlet, r.published, r.title FROM report_search s
                 JOIN reports r ON r.rowid = s.rowid
                 WHERE report_search MATCH ?1 ORDER BY r.published DESC, r.id LIMIT ?2",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params![fts, limit as i64], rows::report_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(|e| self.err(e))
    }

    /// Incidents whose place, or a place holding it, is one of `place_ids`.
    pub fn incidents_at(&self, place_ids: &[String]) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT incident_id FROM incident_places WHERE place_id = ?1")
            .map_err(|e| self.err(e))?;
        let mut out: Vec<String> = Vec::new();
        for p in place_ids {
            let rows = stmt
                .query_map([p], |r| r.get::<_, String>(0))
                .map_err(|e| self.err(e))?;
            for row in rows {
                let id = row.map_err(|e| self.err(e))?;
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        Ok(out)
    }

    /// Incidents whose place is named `name` (folded), for a search with no
    /// gazetteer at hand.
    pub fn incidents_named(&self, name: &str) -> Result<Vec<String>> {
        let folded = rasd_core::normalize::fold(name.trim());
        if folded.is_empty() {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for s in self.list_incidents(&Filter::default())? {
            let names = [s.place.as_deref(), s.place_en.as_deref()];
            if names
                .iter()
                .flatten()
                .any(|n| rasd_core::normalize::fold(n).contains(&folded))
            {
                out.push(s.id);
            }
        }
        Ok(out)
    }

    pub(crate) fn parse<T: serde::de::DeserializeOwned>(
        &self,
        json: &str,
        what: &'static str,
    ) -> Result<T> {
        serde_json::from_str(json).map_err(|error| StoreError::Corrupt {
            path: self.path.clone(),
            what,
            error,
        })
    }
}
