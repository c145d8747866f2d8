//! Places of a report, with their evidence, and each claim's resolved place.

use rasd_core::claims::Claim;
use rasd_core::normalize::NormalizedText;
use rasd_core::report::{CharCounter, Evidence, Report};
use rasd_core::segment::segment;
use serde::Serialize;

use crate::resolve::{PlaceOut, Resolved, Resolver};

/// One place mention of a report, as `rasd places` reports it.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceMention {
    pub doc_id: String,
    /// The name as written (without clitics and trigger word).
    pub mention: String,
    pub evidence: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger: Option<crate::mentions::Trigger>,
    /// A direction that makes the place a relative region (شمال، الغربي).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    /// The resolved place; absent when the name is unknown to the gazetteer.
    #[serde(flatten)]
    pub place: Option<PlaceOut>,
}

/// A character span of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A claim with its place resolved.
#[derive(Debug, Clone, Serialize)]
pub struct PlacedClaim {
    #[serde(flatten)]
    pub claim: Claim,
    pub place_resolved: Option<PlaceOut>,
    /// The gazetteer index of the resolved place.
    #[serde(skip)]
    pub place_index: Option<u32>,
    /// The resolved place and the places holding it, broadest first
    /// ([`Resolver::lineage`]); the countryside of a place (ريف حلب) ends in
    /// `ID~countryside`, beside the place rather than inside it.
    #[serde(skip)]
    pub place_lineage: Vec<String>,
}

/// A resolved mention with its place index, for tying claims to places.
struct Located {
    mention: PlaceMention,
    key: String,
    place: Option<u32>,
}

fn locate(resolver: &Resolver, report: &Report) -> Vec<Located> {
    let norm = NormalizedText::new(&report.text);
    let seg = segment(norm.as_str());
    let resolved = resolver.document(&norm, &seg);
    let mut counter = CharCounter::new(&report.text);
    resolved
        .iter()
        .map(|r| {
            let ev = evidence(&norm, &mut counter, r);
            Located {
                key: crate::key::name_key(&ev.text),
                place: r.place,
                mention: PlaceMention {
                    doc_id: report.id.clone(),
                    mention: ev.text,
                    evidence: Span {
                        start: ev.start,
                        end: ev.end,
                    },
                    trigger: r.mention.trigger,
                    direction: r.mention.direction.clone(),
                    place: resolver.describe(r),
                },
            }
        })
        .collect()
}

/// Every place the report names, in text order.
pub fn report_places(resolver: &Resolver, report: &Report) -> Vec<PlaceMention> {
    locate(resolver, report)
        .into_iter()
        .map(|l| l.mention)
        .collect()
}

fn evidence(norm: &NormalizedText, counter: &mut CharCounter, r: &Resolved) -> Evidence {
    let span = norm.original_span(r.mention.start, r.mention.end);
    counter.evidence(span.start, span.end)
}

fn spans_of(located: Vec<Located>) -> Vec<(Span, String, Option<u32>)> {
    located
        .into_iter()
        .map(|l| (l.mention.evidence, l.key, l.place))
        .collect()
}

/// One claim placed, and the report's resolved mentions, from one
/// resolution of the report (for judging a claim's place).
pub fn place_claim_with_spans(
    resolver: &Resolver,
    report: &Report,
    claim: Claim,
) -> (PlacedClaim, Vec<(Span, String, Option<u32>)>) {
    let located = locate(resolver, report);
    let placed = place_located(resolver, report, &located, vec![claim])
        .pop()
        .expect("one claim in, one out");
    (placed, spans_of(located))
}

/// Words between a toll and the place after it that tie the two (قتل رجل
/// في قصف على خان العسل).
const LOCATIVE_LINKS: &[&str] = &[
    "في",
    "على",
    "علي",
    "قرب",
    "داخل",
    "بلدة",
    "قرية",
    "مدينة",
    "حي",
];

/// Ties each claim to its resolved place, the most specific the text
/// supports: a place named right after the toll (في قصف على خان العسل);
/// else the extractor's place, or a quarter named between it and the toll
/// that lies inside it (قصف حي باب النيرب، ما أسفر عن إصابة…, where the
/// extractor named حلب); a place word the gazetteer cannot resolve (الريف،
/// المدينة) stands for the document's main city.
pub fn place_claims(resolver: &Resolver, report: &Report, claims: Vec<Claim>) -> Vec<PlacedClaim> {
    if claims.is_empty() {
        return Vec::new();
    }
    let located = locate(resolver, report);
    place_located(resolver, report, &located, claims)
}

/// [`place_claims`] when a gazetteer is at hand; else the claims as they
/// are, with no resolved place.
pub fn place_claims_if(
    resolver: Option<&Resolver>,
    report: &Report,
    claims: Vec<Claim>,
) -> Vec<PlacedClaim> {
    match resolver {
        Some(r) => place_claims(r, report, claims),
        None => claims
            .into_iter()
            .map(|claim| PlacedClaim {
                claim,
                place_resolved: None,
                place_index: None,
                place_lineage: Vec::new(),
            })
            .collect(),
    }
}

fn place_located(
    resolver: &Resolver,
    report: &Report,
    located: &[Located],
    claims: Vec<Claim>,
) -> Vec<PlacedClaim> {
    let chars: Vec<char> = report.text.chars().collect();
    let main_city = main_city(resolver, located);
    claims
        .into_iter()
        .map(|mut claim| {
            let ev = &claim.evidence;
            let sentence = (claim.sentence.start, claim.sentence.end);
            let in_sentence = |l: &&Located| {
                l.place.is_some()
                    && l.mention.evidence.start >= sentence.0
                    && l.mention.evidence.end <= sentence.1
            };
            let after = located.iter().filter(in_sentence).find(|l| {
                let gap_start = ev.end;
                let gap_end = l.mention.evidence.start;
                if gap_end < gap_start || gap_end - gap_start > 30 {
                    return false;
                }
                let gap: String = chars[gap_start..gap_end].iter().collect();
                !gap.contains(['،', ',', '.', '؛', ';', ':'])
                    && gap
                        .split_whitespace()
                        .any(|w| LOCATIVE_LINKS.contains(&rasd_core::normalize::fold(w).as_str()))
            });
            let core = claim.place.as_ref().and_then(|p| {
                located
                    .iter()
                    .filter(|l| l.place.is_some())
                    .filter(|l| {
                        l.mention.evidence.start < p.end && p.start < l.mention.evidence.end
                    })
                    .max_by_key(|l| {
                        std::cmp::Reverse(l.mention.place.as_ref().map(|o| o.geo_precision))
                    })
            });
            let inner = core.and_then(|c| {
                let cp = c.place?;
                located
                    .iter()
                    .filter(in_sentence)
                    .filter(|l| {
                        l.mention.evidence.start >= c.mention.evidence.end
                            && l.mention.evidence.end <= ev.start
                    })
                    .rfind(|l| l.place.is_some_and(|p| p != cp && resolver.within(p, cp)))
            });
            // The extractor's own choice after the toll (a distributive
            // list, في حي X) stands.
            let core_after = claim.place.as_ref().is_some_and(|p| p.start >= ev.end);
            // The extractor fell back on a place outside the claim's
            // sentence, but the sentence names its own before the toll
            // (وفي إدلب، أعلن ... مقتل 30): the sentence's place stands.
            let core_outside = claim
                .place
                .as_ref()
                .is_some_and(|p| p.end <= sentence.0 || p.start >= sentence.1);
            let fronted = core_outside
                .then(|| {
                    located
                        .iter()
                        .filter(in_sentence)
                        .filter(|l| {
                            !matches!(
                                l.mention.place.as_ref().map(|p| p.kind),
                                Some("continent" | "area")
                            )
                        })
                        .rfind(|l| l.mention.evidence.end <= ev.start)
                })
                .flatten();
            let chosen = if core_after {
                core
            } else {
                after.or(fronted).or(inner).or(core)
            };
            // A claim its sentence ties to no place the extractor knew: the
            // place the report ties it to (GUIDE.md: "the most specific place
            // the report ties to the claim") — a place of its sentence, else
            // the last one named before it in its paragraph.
            let chosen = chosen.or_else(|| {
                if claim.place.is_some() {
                    return None;
                }
                let resolved = |l: &&Located| {
                    l.place.is_some()
                        && !matches!(
                            l.mention.place.as_ref().map(|p| p.kind),
                            Some("continent" | "area")
                        )
                };
                located
                    .iter()
                    .filter(resolved)
                    .filter(|l| in_sentence(l))
                    .min_by_key(|l| {
                        let m = l.mention.evidence;
                        if m.end <= ev.start {
                            ev.start - m.end
                        } else {
                            m.start.saturating_sub(ev.end)
                        }
                    })
                    .or_else(|| {
                        located
                            .iter()
                            .filter(resolved)
                            .filter(|l| l.mention.evidence.end <= ev.start)
                            .rfind(|l| !chars[l.mention.evidence.end..ev.start].contains(&'\n'))
                    })
            });
            let countryside = chosen
                .is_some_and(|l| l.mention.trigger == Some(crate::mentions::Trigger::Countryside));
            let (place_resolved, place_index) = match chosen {
                Some(l) => {
                    let is_core = core.is_some_and(|c| std::ptr::eq(c, l));
                    if !is_core {
                        claim.place = Some(rasd_core::claims::PlaceRef {
                            text: l.mention.mention.clone(),
                            start: l.mention.evidence.start,
                            end: l.mention.evidence.end,
                        });
                    }
                    (l.mention.place.clone(), l.place)
                }
                None if claim.place.is_some() => match &main_city {
                    Some((i, out)) => (Some(out.clone()), Some(*i)),
                    None => (None, None),
                },
                None => (None, None),
            };
            let mut place_lineage = place_index.map(|i| resolver.lineage(i)).unwrap_or_default();
            if countryside {
                if let Some(last) = place_lineage.pop() {
                    place_lineage.push(format!("{last}~countryside"));
                }
            }
            PlacedClaim {
                claim,
                place_resolved,
                place_index,
                place_lineage,
            }
        })
        .collect()
}

/// The city the report names most, its own point at precision 2: what a
/// bare "the city" or "the countryside" of the report stands for.
fn main_city(resolver: &Resolver, located: &[Located]) -> Option<(u32, PlaceOut)> {
    let gaz = resolver.gazetteer();
    let mut counts: Vec<(u32, usize, usize)> = Vec::new();
    for (k, l) in located.iter().enumerate() {
        let Some(i) = l.place else { continue };
        if gaz.place(i).kind != crate::gazetteer::PlaceKind::Locality {
            continue;
        }
        match counts.iter_mut().find(|c| c.0 == i) {
            Some(c) => c.1 += 1,
            None => counts.push((i, 1, k)),
        }
    }
    let (i, _, k) = counts
        .into_iter()
        .max_by_key(|c| (c.1, std::cmp::Reverse(c.2)))?;
    let mut out = located[k].mention.place.clone()?;
    out.geo_precision = 2;
    out.where_prec = 2;
    Some((i, out))
}
