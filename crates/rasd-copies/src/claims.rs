//! Claims that stand in a copied passage point to the claim of the origin
//! report: one figure reprinted by three outlets is one source, not three.

use rasd_core::claims::Claim;
use serde::Serialize;

use crate::detect::CopyPair;

/// Where a claim is: its report and its evidence span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimRef {
    pub doc_id: String,
    pub start: usize,
    pub end: usize,
}

/// A claim of a copying report and the origin report's claim it reprints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimLink {
    pub claim: ClaimRef,
    pub origin_claim: ClaimRef,
}

fn same_figure(a: &Claim, b: &Claim) -> bool {
    a.kind == b.kind && a.value == b.value && (a.value.is_some() || a.qualifier == b.qualifier)
}

/// The links of one pair, given both reports' claims (`claims_a` of
/// `pair.a`, `claims_b` of `pair.b`). Only pairs with a known origin that
/// share text as copies or duplicates link; templates, formulas and
/// passing mentions do not.
pub fn link(pair: &CopyPair, claims_a: &[Claim], claims_b: &[Claim]) -> Vec<ClaimLink> {
    let Some(origin) = &pair.origin else {
        return Vec::new();
    };
    if !pair.kind.is_copy() {
        return Vec::new();
    }
    let origin_is_a = *origin == pair.a;
    let (copier, source) = if origin_is_a {
        (claims_b, claims_a)
    } else {
        (claims_a, claims_b)
    };
    let mut out = Vec::new();
    for c in copier {
        for p in &pair.passages {
            let (cs, ce, os, oe) = if origin_is_a {
                (p.b_start, p.b_end, p.a_start, p.a_end)
            } else {
                (p.a_start, p.a_end, p.b_start, p.b_end)
            };
            if c.evidence.start < cs || c.evidence.end > ce {
                continue;
            }
            // The origin's claim of the same figure inside the same passage,
            // at the nearest relative offset.
            let offset = c.evidence.start - cs;
            let best = source
                .iter()
                .filter(|o| o.evidence.start >= os && o.evidence.end <= oe && same_figure(c, o))
                .min_by_key(|o| (o.evidence.start - os).abs_diff(offset));
            if let Some(o) = best {
                out.push(ClaimLink {
                    claim: ClaimRef {
                        doc_id: c.doc_id.clone(),
                        start: c.evidence.start,
                        end: c.evidence.end,
                    },
                    origin_claim: ClaimRef {
                        doc_id: o.doc_id.clone(),
                        start: o.evidence.start,
                        end: o.evidence.end,
                    },
                });
                break;
            }
        }
    }
    out
}
