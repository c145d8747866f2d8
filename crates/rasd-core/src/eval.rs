//! Scoring extraction against gold, as GUIDE.md says.
//!
//! A predicted claim matches a gold claim of the same document when kind and
//! value are equal (for vague counts, the qualifier) and the predicted
//! evidence overlaps the sentence that holds the gold quote; each gold claim
//! matches at most one prediction. Attribute accuracy is measured on matched
//! pairs. A false positive whose evidence overlaps a listed negative is
//! named by it.

use rayon::prelude::*;
use serde::Serialize;

use crate::claims::{Claim, Extractor};
use crate::gold::{Gold, GoldClaim, GoldDocument};
use crate::normalize::{fold, NormalizedText};
use crate::report::{CharCounter, Report};
use crate::segment::segment;

/// Precision, recall and F1 with their counts.
/// Precision, recall and F1 from true positives, false positives and
/// false negatives: claims here, place mentions and story pairs elsewhere.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Scores {
    /// The scores of the counts; a ratio with nothing below it is `empty`.
    pub fn from_counts(tp: usize, fp: usize, fn_: usize, empty: f64) -> Scores {
        let ratio = |a: usize, b: usize| if b == 0 { empty } else { a as f64 / b as f64 };
        let (precision, recall) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
        Scores {
            precision,
            recall,
            f1: if precision + recall == 0.0 {
                0.0
            } else {
                2.0 * precision * recall / (precision + recall)
            },
            tp,
            fp,
            fn_,
        }
    }
}

/// The claims' scores.
pub type ClaimScores = Scores;

/// Attribute accuracy on matched pairs (`None` when nothing was measured).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AttributeScores {
    pub qualifier: Option<f64>,
    pub victims: Option<f64>,
    pub breakdown: Option<f64>,
    pub place: Option<f64>,
    pub source: Option<f64>,
}

/// A prediction that matched no gold claim.
#[derive(Debug, Clone, Serialize)]
pub struct FalsePositive {
    pub doc_id: String,
    pub kind: String,
    pub value: Option<u64>,
    pub qualifier: String,
    pub evidence: String,
    pub start: usize,
    pub end: usize,
    /// The gold negative its evidence overlaps, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub negative: Option<String>,
}

/// A gold claim that no prediction matched.
#[derive(Debug, Clone, Serialize)]
pub struct Missed {
    pub doc_id: String,
    pub kind: String,
    pub value: Option<u64>,
    pub qualifier: String,
    pub quote: String,
}

/// An attribute of a matched pair that differs from the gold.
#[derive(Debug, Clone, Serialize)]
pub struct AttributeError {
    pub doc_id: String,
    pub attribute: &'static str,
    pub quote: String,
    pub expected: String,
    pub predicted: String,
}

/// The result of an evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub claims: ClaimScores,
    pub attributes: AttributeScores,
    pub false_positives: Vec<FalsePositive>,
    pub missed: Vec<Missed>,
    pub attribute_errors: Vec<AttributeError>,
}

#[derive(Default)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
    attr: [(usize, usize); 5],
    false_positives: Vec<FalsePositive>,
    missed: Vec<Missed>,
    attribute_errors: Vec<AttributeError>,
}

const QUALIFIER: usize = 0;
const VICTIMS: usize = 1;
const BREAKDOWN: usize = 2;
const PLACE: usize = 3;
const SOURCE: usize = 4;

/// Decides whether a claim's place is one of the gold's forms.
pub trait PlaceJudge: Sync {
    fn place_matches(&self, report: &Report, claim: &Claim, gold_forms: &[String]) -> bool;
}

/// Compares surface forms only, folded and without the article: what can
/// be judged without a gazetteer.
pub struct SurfaceForms;

impl PlaceJudge for SurfaceForms {
    fn place_matches(&self, _: &Report, claim: &Claim, gold_forms: &[String]) -> bool {
        surface_matches(claim, gold_forms)
    }
}

/// Whether the claim's place, folded and without the article, is one of `forms`.
pub fn surface_matches(claim: &Claim, forms: &[String]) -> bool {
    let Some(p) = &claim.place else { return false };
    let k = key(&p.text);
    forms.iter().any(|g| key(g) == k)
}

/// Extracts claims from every gold document and scores them, comparing
/// places by surface form.
pub fn evaluate(gold: &Gold, extractor: &Extractor) -> Evaluation {
    evaluate_with(gold, extractor, &SurfaceForms)
}

/// Extracts claims from every gold document and scores them, places
/// judged by `judge`.
pub fn evaluate_with(gold: &Gold, extractor: &Extractor, judge: &dyn PlaceJudge) -> Evaluation {
    let tallies: Vec<Tally> = gold
        .documents
        .par_iter()
        .map(|d| score_document(d, &extractor.extract(&d.report), judge))
        .collect();
    let mut t = Tally::default();
    for x in tallies {
        t.tp += x.tp;
        t.fp += x.fp;
        t.fn_ += x.fn_;
        for k in 0..5 {
            t.attr[k].0 += x.attr[k].0;
            t.attr[k].1 += x.attr[k].1;
        }
        t.false_positives.extend(x.false_positives);
        t.missed.extend(x.missed);
        t.attribute_errors.extend(x.attribute_errors);
    }
    let acc = |k: usize| (t.attr[k].1 > 0).then(|| t.attr[k].0 as f64 / t.attr[k].1 as f64);
    Evaluation {
        claims: Scores::from_counts(t.tp, t.fp, t.fn_, 0.0),
        attributes: AttributeScores {
            qualifier: acc(QUALIFIER),
            victims: acc(VICTIMS),
            breakdown: acc(BREAKDOWN),
            place: acc(PLACE),
            source: acc(SOURCE),
        },
        false_positives: t.false_positives,
        missed: t.missed,
        attribute_errors: t.attribute_errors,
    }
}

/// Character spans of the sentences of `text`.
pub(crate) fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let norm = NormalizedText::new(text);
    let seg = segment(norm.as_str());
    let mut counter = CharCounter::new(text);
    seg.sentences
        .iter()
        .map(|s| {
            let r = norm.original_span(s.start as usize, s.end as usize);
            (counter.char_offset(r.start), counter.char_offset(r.end))
        })
        .collect()
}

/// The span of the sentences that `span` overlaps (itself when none).
pub(crate) fn sentence_window(
    sentences: &[(usize, usize)],
    span: (usize, usize),
) -> (usize, usize) {
    let mut hit = sentences.iter().filter(|s| overlaps(**s, span));
    match (hit.next(), hit.next_back()) {
        (Some(a), Some(b)) => (a.0, b.1),
        (Some(a), None) => *a,
        _ => span,
    }
}

pub(crate) fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Folded, and without a leading article, for comparing surface forms.
/// للمرصد is المرصد with ل, its article's alef dropped; للجنة is اللجنة so,
/// its two lams written as one: the article's ل and a word's first ل go
/// together.
pub(crate) fn key(s: &str) -> String {
    let f = fold(s);
    if let Some(rest) = f.strip_prefix("ال") {
        rest.strip_prefix('ل').unwrap_or(rest).to_string()
    } else if let Some(rest) = f.strip_prefix("لل") {
        rest.to_string()
    } else {
        f
    }
}

fn source_matches(claim: &Claim, gold: &GoldClaim) -> bool {
    match &claim.source {
        None => gold.source.is_empty(),
        Some(s) => {
            let mut keys = vec![key(&s.text)];
            if let Some(n) = &s.name {
                keys.push(key(n));
            }
            gold.source.iter().any(|g| keys.contains(&key(g)))
        }
    }
}

fn same_count(claim: &Claim, gold: &GoldClaim) -> bool {
    claim.kind == gold.kind
        && match (claim.value, gold.value) {
            (Some(a), Some(b)) => a == b,
            (None, None) => claim.qualifier == gold.qualifier,
            _ => false,
        }
}

fn describe_place(c: &Claim) -> String {
    c.place
        .as_ref()
        .map(|p| p.text.clone())
        .unwrap_or_else(|| "-".into())
}

fn describe_source(c: &Claim) -> String {
    c.source
        .as_ref()
        .map(|s| match &s.name {
            Some(n) if n != &s.text => format!("{} ({n})", s.text),
            _ => s.text.clone(),
        })
        .unwrap_or_else(|| "-".into())
}

fn score_document(doc: &GoldDocument, predicted: &[Claim], judge: &dyn PlaceJudge) -> Tally {
    let place_matches = |p: &Claim, g: &GoldClaim| judge.place_matches(&doc.report, p, &g.place);
    let mut t = Tally::default();
    let sentences = sentence_spans(&doc.report.text);
    // The span that a prediction must overlap: the sentences holding the quote.
    let windows: Vec<(usize, usize)> = doc
        .claims
        .iter()
        .map(|g| sentence_window(&sentences, g.quote_span))
        .collect();
    let mut pairs: Vec<(i32, usize, usize)> = Vec::new();
    for (gi, g) in doc.claims.iter().enumerate() {
        for (pi, p) in predicted.iter().enumerate() {
            let ev = (p.evidence.start, p.evidence.end);
            if same_count(p, g) && overlaps(ev, windows[gi]) {
                let score = 4 * i32::from(overlaps(ev, g.quote_span))
                    + 2 * i32::from(place_matches(p, g))
                    + i32::from(source_matches(p, g));
                pairs.push((score, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_used = vec![false; doc.claims.len()];
    let mut pred_used = vec![false; predicted.len()];
    for (_, gi, pi) in pairs {
        if gold_used[gi] || pred_used[pi] {
            continue;
        }
        gold_used[gi] = true;
        pred_used[pi] = true;
        t.tp += 1;
        let (g, p) = (&doc.claims[gi], &predicted[pi]);
        let mut check = |k: usize, name: &'static str, ok: bool, expected: String, got: String| {
            t.attr[k].1 += 1;
            if ok {
                t.attr[k].0 += 1;
            } else {
                t.attribute_errors.push(AttributeError {
                    doc_id: doc.report.id.clone(),
                    attribute: name,
                    quote: g.quote.clone(),
                    expected,
                    predicted: got,
                });
            }
        };
        check(
            QUALIFIER,
            "qualifier",
            p.qualifier == g.qualifier,
            g.qualifier.as_str().into(),
            p.qualifier.as_str().into(),
        );
        check(
            VICTIMS,
            "victims",
            p.victims == g.victims,
            g.victims.as_str().into(),
            p.victims.as_str().into(),
        );
        let predicted_breakdown = p.breakdown.clone().unwrap_or_default();
        check(
            BREAKDOWN,
            "breakdown",
            predicted_breakdown == g.breakdown,
            format!("{:?}", g.breakdown),
            format!("{predicted_breakdown:?}"),
        );
        if !g.place.is_empty() {
            check(
                PLACE,
                "place",
                place_matches(p, g),
                g.place.join(" | "),
                describe_place(p),
            );
        }
        check(
            SOURCE,
            "source",
            source_matches(p, g),
            g.source.join(" | "),
            describe_source(p),
        );
    }
    for (gi, g) in doc.claims.iter().enumerate() {
        if !gold_used[gi] {
            t.fn_ += 1;
            t.missed.push(Missed {
                doc_id: doc.report.id.clone(),
                kind: g.kind.as_str().into(),
                value: g.value,
                qualifier: g.qualifier.as_str().into(),
                quote: g.quote.clone(),
            });
        }
    }
    for (pi, p) in predicted.iter().enumerate() {
        if !pred_used[pi] {
            t.fp += 1;
            let ev = (p.evidence.start, p.evidence.end);
            t.false_positives.push(FalsePositive {
                doc_id: doc.report.id.clone(),
                kind: p.kind.as_str().into(),
                value: p.value,
                qualifier: p.qualifier.as_str().into(),
                evidence: p.evidence.text.clone(),
                start: p.evidence.start,
                end: p.evidence.end,
                negative: doc
                    .negatives
                    .iter()
                    .find(|(s, e, _)| overlaps(ev, (*s, *e)))
                    .map(|(_, _, n)| n.clone()),
            });
        }
    }
    t
}
