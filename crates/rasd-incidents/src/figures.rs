//! Reconciled figures of one incident: low, best and high, from the claims
//! of independent sources.

use rasd_core::claims::{Kind, Modality};
use rasd_core::numbers::Qualifier;
use rasd_core::time::epoch_seconds;
use serde::{Deserialize, Serialize};

use crate::record::ClaimRecord;

/// How a claim enters its incident's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// In low, best and high.
    Counted,
    /// Far below the other tolls of the same place: a part of the event
    /// (one strike, one street), not a rival total. Listed, not counted.
    Partial,
    /// Far above the other tolls of the same place: a count over a wider
    /// scope (a whole campaign, a siege, a war). Listed, not counted.
    Wider,
    /// A vague count ("dozens") beside numbered ones: the numbers stand,
    /// as ACLED uses its codes for vague counts only when no number is
    /// given. Listed, not counted.
    Vague,
    /// "May exceed": only in high.
    Speculative,
    /// Quoted to be denied: listed, never counted.
    Denied,
    /// No number and no vague quantity: listed, not counted.
    Uncounted,
}

/// Low, best and high of one kind (killed or injured).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub low: Option<u64>,
    pub best: Option<u64>,
    pub high: Option<u64>,
    /// Claims counted in the figures.
    pub claims: usize,
    /// Independent sources behind them.
    pub independent_sources: usize,
    /// Spread of the independent sources' figures: (max − min) / max, 0 when
    /// they agree; `None` with fewer than two sources.
    pub disagreement: Option<f64>,
}

/// The number a claim stands for in the figures. Vague counts enter as
/// ACLED codes them (dozens 12, hundreds 100, thousands 1000, an unnumbered
/// plural such as "several" 10) when no claim of the incident gives a number.
pub fn figure(record: &ClaimRecord) -> Option<u64> {
    let claim = &record.claim;
    claim.value.or(match claim.qualifier {
        Qualifier::Dozens => Some(12),
        Qualifier::Hundreds => Some(100),
        Qualifier::Thousands => Some(1000),
        Qualifier::Several => Some(10),
        _ => None,
    })
}

/// A claim this far below the median of its incident's tolls is a part of
/// the event rather than a count of it.
const PARTIAL_FACTOR: u64 = 4;
/// A claim this far above the median counts something wider than the event.
const WIDER_FACTOR: u64 = 8;
/// Fewer claims than this give no median to judge a part by.
const PARTIAL_MIN_CLAIMS: usize = 3;

/// Each claim's role in the figures of its kind; `members` are indices
/// into `records` of one incident's claims of `kind`.
pub fn roles(records: &[ClaimRecord], members: &[usize]) -> Vec<Role> {
    let base: Vec<Role> = members
        .iter()
        .map(|&i| {
            let r = &records[i];
            match r.claim.modality {
                Some(Modality::Denied) => Role::Denied,
                _ if figure(r).is_none() => Role::Uncounted,
                Some(Modality::Speculative) => Role::Speculative,
                None => Role::Counted,
            }
        })
        .collect();
    // The median of the numbered tolls: vague ones ("dozens" = 12) would
    // drag it toward the codes ACLED gives them, and a figure reprinted by
    // five outlets is one statement, not five.
    let numbered =
        |(&i, role): &(&usize, &Role)| **role == Role::Counted && records[i].claim.value.is_some();
    let any_numbered = members.iter().zip(&base).any(|m| numbered(&m));
    let mut counted: Vec<u64> = members
        .iter()
        .zip(&base)
        .filter(numbered)
        .filter(|(&i, _)| records[i].origin.is_none())
        .filter_map(|(&i, _)| records[i].claim.value)
        .collect();
    // Vague counts give way to any number, reprinted or not.
    let base: Vec<Role> = if !any_numbered {
        base
    } else {
        members
            .iter()
            .zip(base)
            .map(|(&i, role)| match role {
                Role::Counted if records[i].claim.value.is_none() => Role::Vague,
                _ => role,
            })
            .collect()
    };
    if counted.len() < PARTIAL_MIN_CLAIMS {
        return base;
    }
    counted.sort_unstable();
    let median = counted[counted.len() / 2];
    members
        .iter()
        .zip(base)
        .map(|(&i, role)| match (role, figure(&records[i])) {
            (Role::Counted, Some(v)) if v * PARTIAL_FACTOR < median => Role::Partial,
            (Role::Counted, Some(v)) if v > median.saturating_mul(WIDER_FACTOR) => Role::Wider,
            _ => role,
        })
        .collect()
}

/// How much a type of source is trusted to break a tie between figures:
/// documenters and rescuers before officials and parties to the fighting.
pub fn source_rank(source_type: Option<&str>) -> u8 {
    match source_type {
        Some("monitor") => 0,
        Some("un") => 1,
        Some("rescue") => 2,
        Some("medical") => 3,
        Some("health_ministry") => 4,
        Some("ngo") => 5,
        Some("local") => 6,
        Some("media") => 7,
        Some("government") => 8,
        Some("military") => 9,
        Some("activists") => 10,
        Some("witnesses") => 11,
        _ => 12,
    }
}

/// The figures of `kind` over the incident's claims (`members`, with their
/// roles and independence groups).
pub fn reconcile(
    records: &[ClaimRecord],
    members: &[usize],
    roles: &[Role],
    groups: &[String],
    kind: Kind,
) -> Figures {
    let mut figures = Figures::default();
    let mut low: Option<u64> = None;
    let mut high: Option<u64> = None;
    // Each independent source's latest figure, with the source's rank;
    // numbered figures and vague ones apart, so that "dozens" said by many
    // never outvotes the counts.
    let mut latest: Vec<(&str, u64, f64, u8)> = Vec::new();
    let mut latest_vague: Vec<(&str, u64, f64, u8)> = Vec::new();
    for ((&i, &role), group) in members.iter().zip(roles).zip(groups) {
        let r = &records[i];
        if r.claim.kind != kind {
            continue;
        }
        let Some(v) = figure(r) else { continue };
        match role {
            Role::Counted => {}
            Role::Speculative => {
                high = high.max(Some(v));
                continue;
            }
            _ => continue,
        }
        figures.claims += 1;
        low = Some(low.map_or(v, |l| l.min(v)));
        high = high.max(Some(v));
        let when = r
            .published
            .as_deref()
            .and_then(epoch_seconds)
            .unwrap_or(f64::NEG_INFINITY);
        let rank = source_rank(
            r.claim
                .source
                .as_ref()
                .and_then(|s| s.source_type.as_deref()),
        );
        let latest = if r.claim.value.is_some() {
            &mut latest
        } else {
            &mut latest_vague
        };
        match latest.iter_mut().find(|(g, ..)| *g == group.as_str()) {
            Some(slot) => {
                // A source's tolls rise as it counts: its last word, and of
                // two at the same time the higher.
                if (when, v) > (slot.2, slot.1) {
                    slot.1 = v;
                    slot.2 = when;
                }
                slot.3 = slot.3.min(rank);
            }
            None => latest.push((group.as_str(), v, when, rank)),
        }
    }
    figures.low = low;
    figures.high = high;
    for (g, ..) in &latest_vague {
        if !latest.iter().any(|l| l.0 == *g) {
            figures.independent_sources += 1;
        }
    }
    figures.independent_sources += latest.len();
    if latest.is_empty() {
        latest = latest_vague;
    }
    // Best: the figure most independent sources give; a tie goes to the
    // better-ranked source, then to the higher figure.
    let mut votes: Vec<(u64, usize, u8)> = Vec::new();
    for &(_, v, _, rank) in &latest {
        match votes.iter_mut().find(|(x, ..)| *x == v) {
            Some(slot) => {
                slot.1 += 1;
                slot.2 = slot.2.min(rank);
            }
            None => votes.push((v, 1, rank)),
        }
    }
    figures.best = votes
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)))
        .map(|&(v, ..)| v);
    if latest.len() >= 2 {
        let max = latest.iter().map(|l| l.1).max().unwrap_or(0);
        let min = latest.iter().map(|l| l.1).min().unwrap_or(0);
        if max > 0 {
            figures.disagreement =
                Some(((max - min) as f64 / max as f64 * 1000.0).round() / 1000.0);
        }
    }
    figures
}
