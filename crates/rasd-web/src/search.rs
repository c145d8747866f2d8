//! Search: the incidents at the places a query names (through the
//! gazetteer, so that باتابو finds the incidents of باتبو) and the reports
//! whose words hold it (folded and clitic-stripped, so that غزّة finds غزه
//! and بغزة).

use rasd_store::query::{IncidentSummary, ReportRow};
use rasd_store::Store;
use serde::Serialize;

use crate::error::WebError;
use crate::AppState;

/// Reports a search lists at most.
const REPORT_HITS: usize = 50;

#[derive(Debug, Serialize)]
pub struct SearchResult {
    pub q: String,
    pub incidents: Vec<IncidentSummary>,
    pub reports: Vec<ReportRow>,
}

/// The ids of the incidents a query finds.
pub fn incident_ids(state: &AppState, store: &Store, q: &str) -> Result<Vec<String>, WebError> {
    let mut ids: Vec<String> = Vec::new();
    if let Some(r) = &state.resolver {
        let g = r.gazetteer();
        let key = rasd_places::key::name_key(q);
        let places: Vec<String> = g
            .names
            .iter()
            .filter(|n| n.key == key)
            .map(|n| g.place(n.place).id.clone())
            .collect();
        ids.extend(store.incidents_at(&places)?);
    }
    // Without a gazetteer, or for a name it lacks: place names as written.
    if ids.is_empty() {
        ids = store.incidents_named(q)?;
    }
    if !ids.is_empty() {
        return Ok(ids);
    }
    // No place by that name: the incidents holding a claim of a report the
    // words find.
    let reports = store.search_reports(q, REPORT_HITS)?;
    let mut keys: Vec<String> = Vec::new();
    for r in &reports {
        keys.extend(store.report_claims(&r.id)?.into_iter().map(|c| c.key));
    }
    for (_, id) in store.incidents_of_claims(&keys)? {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

pub fn run(state: &AppState, store: &Store, q: &str) -> Result<SearchResult, WebError> {
    let q = q.trim();
    if q.is_empty() {
        return Err(WebError::BadRequest(
            "q is empty: give words to search for".into(),
        ));
    }
    if q.chars().count() > 200 {
        return Err(WebError::BadRequest(
            "q is longer than 200 characters".into(),
        ));
    }
    let ids = incident_ids(state, store, q)?;
    let incidents = store.list_incidents(&rasd_store::query::Filter {
        ids: Some(ids),
        ..Default::default()
    })?;
    Ok(SearchResult {
        q: q.to_string(),
        incidents,
        reports: store.search_reports(q, REPORT_HITS)?,
    })
}
