//! Rasd's incidents stage: the claims of one story about one event become
//! one incident, with reconciled low / best / high figures, its independent
//! sources, and every claim kept with its words.
//!
//! Claims of a story join an incident when their places are the same place
//! of the gazetteer, their dates overlap (a day's slack: a night strike is
//! reported as "yesterday" and "at dawn today") and their event types agree
//! (a claim with no type joins any). An incident whose place holds another's
//! (a city and its quarters) is that one's parent: a total over an area is an
//! aggregate, not a rival count of its parts.

pub mod cumulative;
pub mod figures;
pub mod record;
pub mod sources;

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use rasd_core::claims::Kind;
use rasd_core::time::{civil_day, epoch_seconds};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};
use serde::{Deserialize, Serialize};

pub use figures::{Figures, Role};
pub use record::{ClaimRecord, Place};
pub use sources::SourceSummary;

/// An incident's date: ISO dates with ACLED time precision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentDate {
    pub start: String,
    pub end: String,
    pub time_precision: u8,
}

/// A claim of an incident and how it enters the figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub key: String,
    pub role: Role,
    /// The independent source it counts under.
    pub source_group: String,
}

/// One incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// Stable across runs: a hash of the story and the claim that founded it.
    pub id: String,
    pub story_id: String,
    /// The aggregate incident holding this one.
    pub parent: Option<String>,
    pub place: Option<Place>,
    pub place_lineage: Vec<String>,
    pub date: Option<IncidentDate>,
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    pub actor1: Option<String>,
    pub actor2: Option<String>,
    pub killed: Figures,
    pub injured: Figures,
    /// Distinct reports among its claims.
    pub reports: usize,
    /// Independent sources among its claims (denied ones aside).
    pub independent_sources: usize,
    pub sources: Vec<SourceSummary>,
    pub claims: Vec<Member>,
}

/// Days of slack either way when comparing dates: "yesterday" and "on
/// Saturday" in reports a day or two apart, or the day a toll was announced
/// rather than the day of the attack.
const DATE_SLACK_DAYS: i64 = 2;

struct Draft {
    story: String,
    founder: usize,
    place_key: Option<String>,
    event_type: Option<String>,
    /// Day range of the first claim dated by its text, else of the first
    /// dated one.
    days: Option<(i64, i64)>,
    days_from_text: bool,
    members: Vec<usize>,
}

/// Days before publication a report with no date in its text may be
/// telling of: news of the last days.
const PUBLISHED_REACH_DAYS: i64 = 3;

/// The days a claim's event may fall on; a date that is only the
/// publication day reaches back a few days.
fn day_range(r: &ClaimRecord) -> Option<(i64, i64)> {
    let d = r.date.as_ref()?;
    let (start, end) = (civil_day(&d.start)?, civil_day(&d.end)?);
    match d.basis {
        record::DateBasis::Published => Some((end - PUBLISHED_REACH_DAYS, end)),
        _ => Some((start, end)),
    }
}

fn dated_in_text(r: &ClaimRecord) -> bool {
    r.date
        .as_ref()
        .is_some_and(|d| d.basis == record::DateBasis::Text)
}

fn dates_meet(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.0 <= b.1 + DATE_SLACK_DAYS && b.0 <= a.1 + DATE_SLACK_DAYS,
        _ => true,
    }
}

fn types_meet(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// Builds the incidents of `records`, whose reports belong to the stories of
/// `story_of` (doc id → story id; a report with none is its own story).
/// Output is deterministic: incidents in story order, then by founding claim.
pub fn build(records: &[ClaimRecord], story_of: &FxHashMap<String, String>) -> Vec<Incident> {
    let mut by_story: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    // A war's toll quoted in passing is no event: it forms no incident.
    for (i, r) in records.iter().enumerate().filter(|(_, r)| !r.cumulative) {
        let story = story_of.get(r.doc_id()).map_or(r.doc_id(), String::as_str);
        by_story.entry(story).or_default().push(i);
    }
    let groups = sources::groups(records);
    let per_story: Vec<Vec<Draft>> = by_story
        .into_par_iter()
        .map(|(story, members)| story_drafts(records, story, members))
        .collect();
    let drafts = merge_across_stories(records, per_story.into_iter().flatten().collect());
    let mut incidents: Vec<Incident> = drafts
        .par_iter()
        .map(|d| finish(records, &groups, d))
        .collect();
    link_parents(&mut incidents);
    incidents
}

/// Place kinds precise enough for one event a day and type: ACLED's event
/// unit is one type of event at one location on one day.
const POINT_KINDS: &[&str] = &["locality", "neighbourhood", "facility"];

/// Incidents of different stories at the same town or quarter, of the same
/// type, on meeting dates are one event that story clustering split: the
/// later ones join the first.
fn merge_across_stories(records: &[ClaimRecord], drafts: Vec<Draft>) -> Vec<Draft> {
    let mut by_key: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
    for (i, d) in drafts.iter().enumerate() {
        let point = records[d.founder]
            .place
            .as_ref()
            .is_some_and(|p| POINT_KINDS.contains(&p.kind.as_str()));
        if let (true, Some(place), Some(etype)) = (point, &d.place_key, &d.event_type) {
            by_key.entry((place, etype)).or_default().push(i);
        }
    }
    let mut into: Vec<Option<usize>> = vec![None; drafts.len()];
    for members in by_key.values_mut() {
        // The incident with the most claims holds the rest: its story is the
        // one that tells the event.
        members.sort_by_key(|&i| (std::cmp::Reverse(drafts[i].members.len()), i));
        let mut heads: Vec<usize> = Vec::new();
        for &i in members.iter() {
            match heads.iter().find(|&&h| {
                drafts[h].story != drafts[i].story && dates_meet(drafts[h].days, drafts[i].days)
            }) {
                Some(&h) => into[i] = Some(h),
                None => heads.push(i),
            }
        }
    }
    let mut drafts = drafts;
    for i in 0..drafts.len() {
        if let Some(h) = into[i] {
            let moved = std::mem::take(&mut drafts[i].members);
            drafts[h].members.extend(moved);
        }
    }
    drafts
        .into_iter()
        .filter(|d| !d.members.is_empty())
        .collect()
}

fn story_drafts(records: &[ClaimRecord], story: &str, mut order: Vec<usize>) -> Vec<Draft> {
    // Earliest first, so that an incident is founded by its first report.
    let when = |i: usize| {
        records[i]
            .published
            .as_deref()
            .and_then(epoch_seconds)
            .unwrap_or(f64::INFINITY)
    };
    order.sort_by(|&a, &b| {
        when(a)
            .total_cmp(&when(b))
            .then(records[a].doc_id().cmp(records[b].doc_id()))
            .then(
                records[a]
                    .claim
                    .evidence
                    .start
                    .cmp(&records[b].claim.evidence.start),
            )
            .then(records[a].key.cmp(&records[b].key))
    });
    let mut drafts: Vec<Draft> = Vec::new();
    // The placed claims go first: an unplaced claim then joins what its
    // report's neighbouring claims joined.
    let (placed, unplaced): (Vec<usize>, Vec<usize>) = order
        .iter()
        .partition(|&&i| !records[i].place_lineage.is_empty());
    let mut in_draft: FxHashMap<usize, usize> = FxHashMap::default();
    for &i in placed.iter().chain(&unplaced) {
        let r = &records[i];
        let place_key = r.place_lineage.last().cloned();
        let etype = r.event.as_ref().map(|e| e.event_type.as_str());
        let days = day_range(r);
        let fits =
            |d: &Draft| types_meet(d.event_type.as_deref(), etype) && dates_meet(d.days, days);
        let chosen = if place_key.is_some() {
            drafts
                .iter()
                .position(|d| d.place_key == place_key && fits(d))
        } else {
            // The incident of the nearest claim of the same report, else
            // the story's largest that fits.
            let same_report = order
                .iter()
                .filter(|&&j| records[j].doc_id() == r.doc_id() && j != i)
                .filter_map(|&j| in_draft.get(&j).map(|&d| (j, d)))
                .filter(|&(_, d)| fits(&drafts[d]))
                .min_by_key(|&(j, _)| {
                    records[j]
                        .claim
                        .evidence
                        .start
                        .abs_diff(r.claim.evidence.start)
                })
                .map(|(_, d)| d);
            same_report.or_else(|| {
                drafts
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| fits(d))
                    .max_by_key(|(p, d)| (d.members.len(), std::cmp::Reverse(*p)))
                    .map(|(p, _)| p)
            })
        };
        let d = match chosen {
            Some(d) => d,
            None => {
                drafts.push(Draft {
                    story: story.to_string(),
                    founder: i,
                    place_key,
                    event_type: None,
                    days: None,
                    days_from_text: false,
                    members: Vec::new(),
                });
                drafts.len() - 1
            }
        };
        let draft = &mut drafts[d];
        draft.members.push(i);
        if draft.event_type.is_none() {
            draft.event_type = etype.map(str::to_string);
        }
        // The first date the text gives anchors the incident; until one
        // comes, the first publication day does.
        if draft.days.is_none() || (!draft.days_from_text && dated_in_text(r)) {
            draft.days = days;
            draft.days_from_text = dated_in_text(r);
        }
        in_draft.insert(i, d);
    }
    drafts
}

fn incident_id(story: &str, founder: &ClaimRecord) -> String {
    let mut h = FxHasher::default();
    story.hash(&mut h);
    founder.key.hash(&mut h);
    format!("i{:012x}", h.finish() & 0xffff_ffff_ffff)
}

/// The value most members give (by count, ties to the earliest).
fn most_common<'a>(values: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some(slot) => slot.1 += 1,
            None => counts.push((v, 1)),
        }
    }
    let best = counts.iter().map(|c| c.1).max()?;
    counts
        .into_iter()
        .find(|c| c.1 == best)
        .map(|(v, _)| v.to_string())
}

fn finish(records: &[ClaimRecord], all_groups: &[String], d: &Draft) -> Incident {
    let story = d.story.as_str();
    let mut members = d.members.clone();
    members.sort_by(|&a, &b| {
        let (ra, rb) = (&records[a], &records[b]);
        ra.published
            .cmp(&rb.published)
            .then(ra.doc_id().cmp(rb.doc_id()))
            .then(ra.claim.evidence.start.cmp(&rb.claim.evidence.start))
            .then(ra.key.cmp(&rb.key))
    });
    let groups: Vec<String> = members.iter().map(|&i| all_groups[i].clone()).collect();
    let mut roles = vec![Role::Uncounted; members.len()];
    for kind in [Kind::Killed, Kind::Injured] {
        let of_kind: Vec<usize> = (0..members.len())
            .filter(|&m| records[members[m]].claim.kind == kind)
            .collect();
        let idx: Vec<usize> = of_kind.iter().map(|&m| members[m]).collect();
        for (m, role) in of_kind.iter().zip(figures::roles(records, &idx)) {
            roles[*m] = role;
        }
    }
    let killed = figures::reconcile(records, &members, &roles, &groups, Kind::Killed);
    let injured = figures::reconcile(records, &members, &roles, &groups, Kind::Injured);
    let founder = &records[d.founder];
    let place_holder = members
        .iter()
        .map(|&i| &records[i])
        .find(|r| r.place_lineage.last() == d.place_key.as_ref() && r.place.is_some());
    let mut reports: Vec<&str> = members.iter().map(|&i| records[i].doc_id()).collect();
    reports.sort_unstable();
    reports.dedup();
    let mut independent: Vec<&str> = members
        .iter()
        .zip(&roles)
        .zip(&groups)
        .filter(|((_, role), _)| **role != Role::Denied)
        .map(|(_, g)| g.as_str())
        .collect();
    independent.sort_unstable();
    independent.dedup();
    let event_of = |i: &usize| records[*i].event.as_ref();
    let sub_event_type = most_common(
        members
            .iter()
            .filter_map(event_of)
            .filter(|e| Some(&e.event_type) == d.event_type.as_ref())
            .map(|e| e.sub_event_type.as_str()),
    );
    Incident {
        id: incident_id(story, founder),
        story_id: story.to_string(),
        parent: None,
        place: place_holder.and_then(|r| r.place.clone()),
        place_lineage: place_holder
            .map(|r| r.place_lineage.clone())
            .unwrap_or_default(),
        date: incident_date(records, &members),
        event_type: d.event_type.clone(),
        sub_event_type,
        actor1: most_common(
            members
                .iter()
                .filter_map(|&i| records[i].actor1.as_ref())
                .map(|a| a.name.as_str()),
        ),
        actor2: most_common(
            members
                .iter()
                .filter_map(|&i| records[i].actor2.as_ref())
                .map(|a| a.name.as_str()),
        ),
        killed,
        injured,
        reports: reports.len(),
        independent_sources: independent.len(),
        sources: sources::summarize(records, &members, &groups),
        claims: members
            .iter()
            .zip(roles)
            .zip(groups)
            .map(|((&i, role), source_group)| Member {
                key: records[i].key.clone(),
                role,
                source_group,
            })
            .collect(),
    }
}

/// The span of the members' dates, from the most precise basis they have:
/// dates the text gives before publication days.
fn incident_date(records: &[ClaimRecord], members: &[usize]) -> Option<IncidentDate> {
    use record::DateBasis;
    let dates: Vec<&record::ClaimDate> = members
        .iter()
        .filter_map(|&i| records[i].date.as_ref())
        .filter(|d| d.basis != DateBasis::Undated)
        .collect();
    let from_text: Vec<&&record::ClaimDate> = dates
        .iter()
        .filter(|d| d.basis == DateBasis::Text)
        .collect();
    let pool: Vec<&record::ClaimDate> = if from_text.is_empty() {
        dates
    } else {
        from_text.into_iter().copied().collect()
    };
    let precision = pool.iter().map(|d| d.time_precision).min()?;
    let best: Vec<&&record::ClaimDate> = pool
        .iter()
        .filter(|d| d.time_precision == precision)
        .collect();
    let start = best.iter().map(|d| d.start.as_str()).min()?.to_string();
    let end = best.iter().map(|d| d.end.as_str()).max()?.to_string();
    // A span of several days is known to the week at best.
    let time_precision = if start != end {
        precision.max(2)
    } else {
        precision
    };
    Some(IncidentDate {
        start,
        end,
        time_precision,
    })
}

/// Each incident's parent: the incident whose place most narrowly holds
/// its place, with a type and date that agree, of its own story first.
fn link_parents(incidents: &mut [Incident]) {
    let days: Vec<Option<(i64, i64)>> = incidents
        .iter()
        .map(|inc| {
            inc.date
                .as_ref()
                .and_then(|d| Some((civil_day(&d.start)?, civil_day(&d.end)?)))
        })
        .collect();
    let mut at: FxHashMap<&[String], Vec<usize>> = FxHashMap::default();
    for (i, inc) in incidents.iter().enumerate() {
        if !inc.place_lineage.is_empty() {
            at.entry(inc.place_lineage.as_slice()).or_default().push(i);
        }
    }
    let parents: Vec<Option<String>> = (0..incidents.len())
        .map(|b| {
            let child = &incidents[b];
            // The narrowest holding place first.
            (1..child.place_lineage.len()).rev().find_map(|n| {
                at.get(&child.place_lineage[..n])?
                    .iter()
                    .copied()
                    .filter(|&a| {
                        types_meet(
                            incidents[a].event_type.as_deref(),
                            child.event_type.as_deref(),
                        ) && dates_meet(days[a], days[b])
                    })
                    .min_by_key(|&a| (incidents[a].story_id != child.story_id, a))
                    .map(|a| incidents[a].id.clone())
            })
        })
        .collect();
    for (inc, parent) in incidents.iter_mut().zip(parents) {
        inc.parent = parent;
    }
}
