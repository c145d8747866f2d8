//! The JSON API behind the pages.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::{json, Value};

use rasd_incidents::Incident;
use rasd_store::query::{IncidentSummary, ReportRow};
use rasd_store::view::{claim_view, ClaimView};
use rasd_store::{CopyRow, Store, StoryRow};

use crate::error::{ApiError, WebError};
use crate::params::{check_id, IncidentQuery};
use crate::{search, with_store, AppState};

/// Parses query parameters, a bad one being a 400 that names it.
pub fn query<T: serde::de::DeserializeOwned>(raw: Option<&str>) -> Result<T, WebError> {
    serde_urlencoded_from(raw.unwrap_or(""))
}

fn serde_urlencoded_from<T: serde::de::DeserializeOwned>(raw: &str) -> Result<T, WebError> {
    axum::extract::Query::<T>::try_from_uri(
        &format!("/?{raw}")
            .parse()
            .map_err(|_| WebError::BadRequest("the query string does not parse".into()))?,
    )
    .map(|q| q.0)
    .map_err(|e| WebError::BadRequest(format!("bad query parameters: {}", e.body_text())))
}

/// The incidents a query selects (filters, and a search when `q` is given).
pub fn select(
    state: &AppState,
    store: &Store,
    q: &IncidentQuery,
) -> Result<Vec<IncidentSummary>, WebError> {
    let mut filter = q.filter()?;
    if let Some(words) = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        filter.ids = Some(search::incident_ids(state, store, words)?);
    }
    Ok(store.list_incidents(&filter)?)
}

pub async fn incidents(
    State(state): State<Arc<AppState>>,
    uri: axum::http::Uri,
) -> Result<Response, ApiError> {
    let q: IncidentQuery = query(uri.query())?;
    // The stored summaries are written out as they are: a list of thousands
    // answers without parsing each one and serializing it again.
    let body = with_store(&state, move |s, store| {
        let mut filter = q.filter()?;
        if let Some(words) = q.q.as_deref().map(str::trim).filter(|w| !w.is_empty()) {
            filter.ids = Some(search::incident_ids(s, store, words)?);
        }
        let list = store.list_incidents_json(&filter)?;
        let mut body = String::with_capacity(list.iter().map(|j| j.len() + 1).sum::<usize>() + 40);
        body.push_str(&format!("{{\"count\":{},\"incidents\":[", list.len()));
        for (n, j) in list.iter().enumerate() {
            if n > 0 {
                body.push(',');
            }
            body.push_str(j);
        }
        body.push_str("]}");
        Ok(body)
    })
    .await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// A claim with its sentence, for reading it in context.
#[derive(Debug, Serialize)]
pub struct ClaimInContext {
    #[serde(flatten)]
    pub claim: ClaimView,
    /// The sentence holding the claim, and the number's place in it
    /// (characters from the sentence's start).
    pub sentence: String,
    pub number_start: usize,
    pub number_end: usize,
}

#[derive(Debug, Serialize)]
pub struct IncidentDetail {
    pub incident: Incident,
    pub claims: Vec<ClaimInContext>,
    pub children: Vec<IncidentSummary>,
    pub story: Option<StoryRow>,
}

pub fn incident_detail(store: &Store, id: &str) -> Result<IncidentDetail, WebError> {
    check_id("incident", id)?;
    let incident = store
        .incident(id)?
        .ok_or_else(|| WebError::NotFound(format!("no incident {id}")))?;
    let keys: Vec<String> = incident.claims.iter().map(|m| m.key.clone()).collect();
    let records = store.claims_by_key(&keys)?;
    let mut texts: HashMap<String, Vec<char>> = HashMap::new();
    let mut claims = Vec::new();
    for r in &records {
        let role = incident
            .claims
            .iter()
            .find(|m| m.key == r.key)
            .map(|m| m.role)
            .unwrap_or(rasd_incidents::Role::Counted);
        let text = match texts.get(r.doc_id()) {
            Some(t) => t,
            None => {
                let t: Vec<char> = store
                    .report(r.doc_id())?
                    .map(|rep| rep.text.chars().collect())
                    .unwrap_or_default();
                texts.entry(r.doc_id().to_string()).or_insert(t)
            }
        };
        let s = &r.claim.sentence;
        let (start, end) = (s.start.min(text.len()), s.end.min(text.len()));
        claims.push(ClaimInContext {
            claim: claim_view(r, role),
            sentence: text[start..end].iter().collect(),
            number_start: r.claim.evidence.start.saturating_sub(start),
            number_end: r.claim.evidence.end.saturating_sub(start).min(end - start),
        });
    }
    let children = store.children(id)?;
    let story = store.story(&incident.story_id)?;
    Ok(IncidentDetail {
        incident,
        claims,
        children,
        story,
    })
}

pub async fn incident(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Json<IncidentDetail>, ApiError> {
    Ok(Json(
        with_store(&state, move |_, store| incident_detail(store, &id)).await?,
    ))
}

#[derive(Debug, Serialize)]
pub struct StoryDetail {
    pub story: StoryRow,
    pub reports: Vec<ReportRow>,
    pub copies: Vec<Value>,
    pub incidents: Vec<IncidentSummary>,
}

pub fn story_detail(store: &Store, id: &str) -> Result<StoryDetail, WebError> {
    check_id("story", id)?;
    let story = store
        .story(id)?
        .ok_or_else(|| WebError::NotFound(format!("no story {id}")))?;
    let reports = store.story_reports(id)?;
    let ids: Vec<String> = reports.iter().map(|r| r.id.clone()).collect();
    let copies = store.copies_among(&ids)?.iter().map(copy_json).collect();
    let incidents = store
        .story_incidents(id)?
        .iter()
        .map(IncidentSummary::of)
        .collect();
    Ok(StoryDetail {
        story,
        reports,
        copies,
        incidents,
    })
}

fn copy_json(c: &CopyRow) -> Value {
    let mut v: Value = serde_json::from_str(&c.data).unwrap_or_else(|_| json!({}));
    v["a"] = json!(c.a);
    v["b"] = json!(c.b);
    v["kind"] = json!(c.kind);
    v["origin"] = json!(c.origin);
    v
}

pub async fn story(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Json<StoryDetail>, ApiError> {
    Ok(Json(
        with_store(&state, move |_, store| story_detail(store, &id)).await?,
    ))
}

#[derive(Debug, Serialize)]
pub struct ReportDetail {
    pub report: rasd_core::report::Report,
    pub claims: Vec<ClaimView>,
    /// Each claim's incident: (claim key, incident id).
    pub incidents: Vec<(String, String)>,
    pub story: Option<String>,
    /// What the report page highlights: numbers, places, sources, dates and
    /// event words, as character spans of the text.
    pub marks: Vec<crate::highlight::Mark>,
}

pub fn report_detail(store: &Store, id: &str) -> Result<ReportDetail, WebError> {
    check_id("report", id)?;
    let report = store
        .report(id)?
        .ok_or_else(|| WebError::NotFound(format!("no report {id}")))?;
    let records = store.report_claims(id)?;
    let keys: Vec<String> = records.iter().map(|r| r.key.clone()).collect();
    let incidents = store.incidents_of_claims(&keys)?;
    let marks = crate::highlight::marks(&records, &incidents);
    Ok(ReportDetail {
        claims: records
            .iter()
            .map(|r| claim_view(r, rasd_incidents::Role::Counted))
            .collect(),
        incidents,
        story: store.story_of(id)?.map(|m| m.story_id),
        report,
        marks,
    })
}

pub async fn report(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Json<ReportDetail>, ApiError> {
    Ok(Json(
        with_store(&state, move |_, store| report_detail(store, &id)).await?,
    ))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SearchQuery {
    q: Option<String>,
    lang: Option<String>,
}

pub async fn search(
    State(state): State<Arc<AppState>>,
    uri: axum::http::Uri,
) -> Result<Json<search::SearchResult>, ApiError> {
    let q: SearchQuery = query(uri.query())?;
    let _ = q.lang;
    let words =
        q.q.ok_or_else(|| WebError::BadRequest("q is missing: /api/search?q=WORDS".into()))?;
    Ok(Json(
        with_store(&state, move |s, store| search::run(s, store, &words)).await?,
    ))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportQuery {
    format: Option<String>,
    nested: Option<bool>,
}

pub async fn export(
    State(state): State<Arc<AppState>>,
    uri: axum::http::Uri,
) -> Result<Response, ApiError> {
    let q: ExportQuery = query(uri.query())?;
    let format: rasd_store::export::ExportFormat = q
        .format
        .as_deref()
        .ok_or_else(|| {
            WebError::BadRequest("format is missing: acled-csv, ucdp-csv, geojson or jsonl".into())
        })?
        .parse()
        .map_err(WebError::BadRequest)?;
    let nested = q.nested.unwrap_or(false);
    let body = with_store(&state, move |_, store| {
        if !nested {
            if let Some(body) = store.stored_export(format)? {
                return Ok(body);
            }
        }
        let mut incidents = store.incidents()?;
        let records = store.claim_records()?;
        rasd_store::export::rows_for(format, &mut incidents, nested);
        let mut out = Vec::new();
        rasd_store::export::write(&mut out, format, &incidents, &records)
            .map_err(|e| WebError::Internal(e.to_string()))?;
        Ok(out)
    })
    .await?;
    let (mime, ext) = match format {
        rasd_store::export::ExportFormat::AcledCsv | rasd_store::export::ExportFormat::UcdpCsv => {
            ("text/csv; charset=utf-8", "csv")
        }
        rasd_store::export::ExportFormat::Geojson => ("application/geo+json", "geojson"),
        rasd_store::export::ExportFormat::Jsonl => ("application/x-ndjson", "jsonl"),
    };
    Ok((
        [
            (header::CONTENT_TYPE, mime.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"rasd-{}.{ext}\"", format.as_str()),
            ),
        ],
        body,
    )
        .into_response())
}

/// `POST /api/reports`: JSON lines of reports to add, when the server was
/// started with `--allow-ingest`; refused otherwise.
pub async fn ingest(
    State(state): State<Arc<AppState>>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    if state.ingest.is_none() {
        return Err(WebError::Forbidden(
            "this server is read only: start it with `rasd serve --allow-ingest` to add reports"
                .into(),
        )
        .into());
    }
    let state2 = Arc::clone(&state);
    let out = tokio::task::spawn_blocking(move || {
        (state2.ingest.as_ref().expect("checked"))(body.to_vec())
    })
    .await
    .map_err(|e| WebError::Internal(e.to_string()))?
    .map_err(WebError::BadRequest)?;
    Ok(Json(out))
}

pub async fn reject_post() -> ApiError {
    ApiError(WebError::BadRequest(
        "reports are added with POST /api/reports (JSON lines), not to one report's address".into(),
    ))
}
