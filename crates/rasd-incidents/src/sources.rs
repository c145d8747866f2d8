//! Independent sources: a figure reprinted from another report, or the same
//! source quoted by several outlets, counts once.

use rasd_core::normalize::fold;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::record::ClaimRecord;

/// Source types whose words name no one in particular: "activists" of one
/// outlet are not those of another.
const UNNAMED_TYPES: &[&str] = &["activists", "witnesses", "local"];
/// Words that open an unnamed source (مصادر محلية، مصدر طبي).
const UNNAMED_HEADS: &[&str] = &["مصادر", "المصادر", "مصدر", "المصدر", "سكان", "شهود"];

/// The independence group of every record: records in one group are one
/// source. `origins` maps a record's key to its index.
pub fn groups(records: &[ClaimRecord]) -> Vec<String> {
    let by_key: FxHashMap<&str, usize> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.key.as_str(), i))
        .collect();
    (0..records.len())
        .map(|i| {
            // Follow the copy links to the report that first printed it.
            let mut at = i;
            for _ in 0..16 {
                match records[at].origin.as_deref().and_then(|k| by_key.get(k)) {
                    Some(&o) if o != at => at = o,
                    _ => break,
                }
            }
            own_group(&records[at])
        })
        .collect()
}

fn own_group(r: &ClaimRecord) -> String {
    let outlet = r.outlet.as_deref().unwrap_or(r.claim.doc_id.as_str());
    let Some(source) = &r.claim.source else {
        // An unattributed figure is the outlet's own.
        return format!("outlet:{outlet}");
    };
    let text = fold(&source.text);
    let unnamed = source
        .source_type
        .as_deref()
        .is_some_and(|t| UNNAMED_TYPES.contains(&t))
        || text
            .split_whitespace()
            .next()
            .is_some_and(|w| UNNAMED_HEADS.iter().any(|h| fold(h) == w));
    let name = source.name.as_deref().map(fold).unwrap_or(text);
    if unnamed {
        format!("source:{name}@{outlet}")
    } else {
        format!("source:{name}")
    }
}

/// One independent source of an incident, as the report lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceSummary {
    /// The source's name, or the outlet for unattributed figures.
    pub name: String,
    #[serde(rename = "type")]
    pub source_type: Option<String>,
    /// The outlets that carried it.
    pub outlets: Vec<String>,
    /// Its claims in the incident.
    pub claims: usize,
}

/// The sources of an incident's claims (`members`, with `groups`), one per
/// independence group, in order of first appearance.
pub fn summarize(
    records: &[ClaimRecord],
    members: &[usize],
    groups: &[String],
) -> Vec<SourceSummary> {
    let mut order: Vec<&str> = Vec::new();
    let mut out: Vec<SourceSummary> = Vec::new();
    for (&i, group) in members.iter().zip(groups) {
        let r = &records[i];
        let outlet = r.outlet.clone().unwrap_or_else(|| r.claim.doc_id.clone());
        let slot = match order.iter().position(|g| *g == group.as_str()) {
            Some(p) => p,
            None => {
                order.push(group.as_str());
                let (name, source_type) = match &r.claim.source {
                    Some(s) => (
                        s.name.clone().unwrap_or_else(|| s.text.clone()),
                        s.source_type.clone(),
                    ),
                    None => (outlet.clone(), None),
                };
                out.push(SourceSummary {
                    name,
                    source_type,
                    outlets: Vec::new(),
                    claims: 0,
                });
                out.len() - 1
            }
        };
        let s = &mut out[slot];
        s.claims += 1;
        if !s.outlets.contains(&outlet) {
            s.outlets.push(outlet);
        }
    }
    out
}
