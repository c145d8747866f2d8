//! Checks of what a request carries: ids, dates, filters. Anything that does
//! not check out is a 400 that names the parameter.

use rasd_store::query::{Filter, MAX_LIMIT};
use serde::Deserialize;

use crate::error::WebError;

/// Ids of reports, stories and incidents: what ingest and the incidents
/// stage produce (letters of any script, digits, `_ - . : #`), at most 200
/// characters.
pub fn check_id(what: &str, id: &str) -> Result<(), WebError> {
    let ok = !id.is_empty()
        && id.chars().count() <= 200
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '#'));
    if ok {
        Ok(())
    } else {
        Err(WebError::BadRequest(format!(
            "`{}` is not {} {what} id: ids hold letters, digits and _ - . : # (at most 200)",
            id.chars().take(60).collect::<String>(),
            if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            }
        )))
    }
}

/// An ISO day, `YYYY-MM-DD`.
pub fn check_date(name: &str, value: &str) -> Result<(), WebError> {
    let shape = value.len() == 10
        && value.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if shape && rasd_core::time::civil_day(value).is_some() {
        Ok(())
    } else {
        Err(WebError::BadRequest(format!(
            "{name}=`{}` is not a date: use YYYY-MM-DD",
            value.chars().take(40).collect::<String>()
        )))
    }
}

/// The query parameters of `/api/incidents` and the home page.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncidentQuery {
    pub from: Option<String>,
    pub to: Option<String>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub event_type: Option<String>,
    pub source: Option<String>,
    /// A search: incidents at the places it names or in the reports it finds.
    pub q: Option<String>,
    pub limit: Option<String>,
    /// Interface language of the pages (`en`, `ar`).
    pub lang: Option<String>,
}

fn nonempty(v: &Option<String>) -> Option<String> {
    v.as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

impl IncidentQuery {
    /// The store filter, every value checked.
    pub fn filter(&self) -> Result<Filter, WebError> {
        let from = nonempty(&self.from);
        let to = nonempty(&self.to);
        if let Some(d) = &from {
            check_date("from", d)?;
        }
        if let Some(d) = &to {
            check_date("to", d)?;
        }
        if let (Some(f), Some(t)) = (&from, &to) {
            if f > t {
                return Err(WebError::BadRequest(format!("from={f} is after to={t}")));
            }
        }
        let country = nonempty(&self.country);
        if let Some(c) = &country {
            if c.len() != 2 || !c.chars().all(|x| x.is_ascii_uppercase()) {
                return Err(WebError::BadRequest(format!(
                    "country=`{}` is not an ISO 3166-1 code such as SY",
                    c.chars().take(20).collect::<String>()
                )));
            }
        }
        let limit = match nonempty(&self.limit) {
            None => None,
            Some(l) => match l.parse::<usize>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => Some(n),
                _ => {
                    return Err(WebError::BadRequest(format!(
                        "limit=`{}` is not a number from 1 to {MAX_LIMIT}",
                        l.chars().take(20).collect::<String>()
                    )))
                }
            },
        };
        for (name, v) in [
            ("admin1", &self.admin1),
            ("event_type", &self.event_type),
            ("source", &self.source),
            ("q", &self.q),
        ] {
            if v.as_ref().is_some_and(|s| s.chars().count() > 200) {
                return Err(WebError::BadRequest(format!(
                    "{name} is longer than 200 characters"
                )));
            }
        }
        Ok(Filter {
            from,
            to,
            country,
            admin1: nonempty(&self.admin1),
            event_type: nonempty(&self.event_type),
            source: nonempty(&self.source),
            ids: None,
            limit,
        })
    }
}
