//! Agreement between two labellers of the same documents.
//!
//! A gold file is only as good as its labellers agree. Two independent
//! labellings of one set are compared the way GUIDE.md scores extraction,
//! with the second labeller in the place of the extractor: two claims agree
//! when kind and value are equal (for vague counts, the qualifier) and their
//! quotes stand in overlapping sentences. Precision and recall of the second
//! against the first then bound what any extractor can be measured to reach
//! on gold made this way.
//!
//! Places and sources are lists of acceptable forms on both sides, so two
//! labels agree when the lists share a form after folding, or are both
//! empty.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::eval::{
    key as surface_key, overlaps, sentence_spans, sentence_window, AttributeScores, Missed, Scores,
};
use crate::gold::{Gold, GoldClaim, GoldDocument};

/// How far two labellings of the same documents agree.
#[derive(Debug, Clone, Serialize)]
pub struct Agreement {
    /// Documents labelled by both.
    pub documents: usize,
    /// The second labelling scored against the first: precision is the
    /// share of the second's claims that the first has, recall the share of
    /// the first's claims that the second has.
    pub claims: Scores,
    /// Share of agreeing claims whose attribute agrees too (`None` when
    /// no claim was in both).
    pub attributes: AttributeScores,
    /// Claims that only one labeller made.
    pub only_first: Vec<Missed>,
    pub only_second: Vec<Missed>,
    /// Attributes on which agreeing claims differ.
    pub disagreements: Vec<AttributeDisagreement>,
}

/// One attribute of a claim both made, labelled differently.
#[derive(Debug, Clone, Serialize)]
pub struct AttributeDisagreement {
    pub doc_id: String,
    pub attribute: &'static str,
    pub quote: String,
    pub first: String,
    pub second: String,
}

const ATTRIBUTES: [&str; 5] = ["qualifier", "victims", "breakdown", "place", "source"];

/// Compares `second` with `first`, document by document. Both must label
/// the same documents with the same texts: agreement over different texts
/// would measure nothing.
pub fn agreement(first: &Gold, second: &Gold) -> Result<Agreement> {
    let mismatch = |m: String| Error::Gold {
        path: "(agreement)".into(),
        message: m,
    };
    if first.documents.len() != second.documents.len() {
        return Err(mismatch(format!(
            "the labellings hold {} and {} documents",
            first.documents.len(),
            second.documents.len()
        )));
    }
    for (name, gold) in [("first", first), ("second", second)] {
        let mut ids = std::collections::HashSet::new();
        if let Some(d) = gold.documents.iter().find(|d| !ids.insert(&d.report.id)) {
            return Err(mismatch(format!(
                "document {} is twice in the {name} labelling",
                d.report.id
            )));
        }
    }
    let mut tally = Tally::default();
    for a in &first.documents {
        let b = second
            .documents
            .iter()
            .find(|b| b.report.id == a.report.id)
            .ok_or_else(|| {
                mismatch(format!(
                    "document {} is in the first labelling only",
                    a.report.id
                ))
            })?;
        if a.report.text != b.report.text {
            return Err(mismatch(format!(
                "document {} has different texts in the two labellings",
                a.report.id
            )));
        }
        compare_document(a, b, &mut tally);
    }
    let share = |(agree, of): (usize, usize)| (of > 0).then(|| agree as f64 / of as f64);
    Ok(Agreement {
        documents: first.documents.len(),
        claims: Scores::from_counts(
            tally.both,
            tally.only_second.len(),
            tally.only_first.len(),
            1.0,
        ),
        attributes: AttributeScores {
            qualifier: share(tally.attributes[0]),
            victims: share(tally.attributes[1]),
            breakdown: share(tally.attributes[2]),
            place: share(tally.attributes[3]),
            source: share(tally.attributes[4]),
        },
        only_first: tally.only_first,
        only_second: tally.only_second,
        disagreements: tally.disagreements,
    })
}

#[derive(Default)]
struct Tally {
    both: usize,
    attributes: [(usize, usize); 5],
    only_first: Vec<Missed>,
    only_second: Vec<Missed>,
    disagreements: Vec<AttributeDisagreement>,
}

fn same_count(a: &GoldClaim, b: &GoldClaim) -> bool {
    a.kind == b.kind
        && match (a.value, b.value) {
            (Some(x), Some(y)) => x == y,
            (None, None) => a.qualifier == b.qualifier,
            _ => false,
        }
}

/// Two lists of acceptable forms agree when both are empty or they share
/// a form.
fn forms_agree(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return a.is_empty() && b.is_empty();
    }
    a.iter()
        .any(|x| b.iter().any(|y| surface_key(x) == surface_key(y)))
}

fn lone(doc: &GoldDocument, c: &GoldClaim) -> Missed {
    Missed {
        doc_id: doc.report.id.clone(),
        kind: c.kind.as_str().into(),
        value: c.value,
        qualifier: c.qualifier.as_str().into(),
        quote: c.quote.clone(),
    }
}

fn compare_document(a: &GoldDocument, b: &GoldDocument, t: &mut Tally) {
    let sentences = sentence_spans(&a.report.text);
    // The sentences that hold a quote: two quotes of one claim may pick
    // different words of the same sentence.
    let window = |span: (usize, usize)| sentence_window(&sentences, span);
    let windows_a: Vec<(usize, usize)> = a.claims.iter().map(|c| window(c.quote_span)).collect();
    let windows_b: Vec<(usize, usize)> = b.claims.iter().map(|c| window(c.quote_span)).collect();
    let mut pairs: Vec<(bool, usize, usize)> = Vec::new();
    for (ai, x) in a.claims.iter().enumerate() {
        for (bi, y) in b.claims.iter().enumerate() {
            if same_count(x, y) && overlaps(windows_a[ai], windows_b[bi]) {
                pairs.push((overlaps(x.quote_span, y.quote_span), ai, bi));
            }
        }
    }
    // Quotes that overlap pair first.
    pairs.sort_by(|p, q| q.0.cmp(&p.0).then(p.1.cmp(&q.1)).then(p.2.cmp(&q.2)));
    let mut used_a = vec![false; a.claims.len()];
    let mut used_b = vec![false; b.claims.len()];
    for (_, ai, bi) in pairs {
        if used_a[ai] || used_b[bi] {
            continue;
        }
        used_a[ai] = true;
        used_b[bi] = true;
        t.both += 1;
        let (x, y) = (&a.claims[ai], &b.claims[bi]);
        let checks = [
            (
                x.qualifier == y.qualifier,
                x.qualifier.as_str().to_string(),
                y.qualifier.as_str().to_string(),
            ),
            (
                x.victims == y.victims,
                x.victims.as_str().to_string(),
                y.victims.as_str().to_string(),
            ),
            (
                x.breakdown == y.breakdown,
                format!("{:?}", x.breakdown),
                format!("{:?}", y.breakdown),
            ),
            (
                forms_agree(&x.place, &y.place),
                x.place.join(" | "),
                y.place.join(" | "),
            ),
            (
                forms_agree(&x.source, &y.source),
                x.source.join(" | "),
                y.source.join(" | "),
            ),
        ];
        for (k, (agree, first, second)) in checks.into_iter().enumerate() {
            // As in eval: a first place of [] ties the claim to no place,
            // and the claim is left out of place agreement.
            if ATTRIBUTES[k] == "place" && x.place.is_empty() {
                continue;
            }
            t.attributes[k].1 += 1;
            if agree {
                t.attributes[k].0 += 1;
            } else {
                t.disagreements.push(AttributeDisagreement {
                    doc_id: a.report.id.clone(),
                    attribute: ATTRIBUTES[k],
                    quote: x.quote.clone(),
                    first,
                    second,
                });
            }
        }
    }
    for (ai, x) in a.claims.iter().enumerate() {
        if !used_a[ai] {
            t.only_first.push(lone(a, x));
        }
    }
    for (bi, y) in b.claims.iter().enumerate() {
        if !used_b[bi] {
            t.only_second.push(lone(b, y));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gold::Gold;

    fn gold(json: &str) -> Gold {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static FILES: AtomicUsize = AtomicUsize::new(0);
        let n = FILES.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("rasd-agreement-{}-{n}.json", std::process::id()));
        std::fs::write(&path, json).unwrap();
        let gold = Gold::load(&path, None).unwrap();
        std::fs::remove_file(&path).unwrap();
        gold
    }

    const TEXT: &str = "قال المرصد السوري إن 12 شخصا قتلوا في غارة على دوما. وأصيب عشرات آخرون.";

    fn labelling(claims: &str) -> Gold {
        gold(&format!(
            r#"{{"format": "rasd-gold/1", "documents": [{{"id": "d1", "text": "{TEXT}", "claims": [{claims}]}}]}}"#
        ))
    }

    #[test]
    fn labellings_that_differ_in_a_claim_and_a_source_are_scored_as_such() {
        let first = labelling(
            r#"{"kind": "killed", "value": 12, "qualifier": "exact", "victims": "people", "place": ["دوما"], "source": ["المرصد السوري"], "quote": "12 شخصا قتلوا"},
               {"kind": "injured", "value": null, "qualifier": "dozens", "victims": "people", "place": ["دوما"], "source": [], "quote": "وأصيب عشرات"}"#,
        );
        let second = labelling(
            r#"{"kind": "killed", "value": 12, "qualifier": "exact", "victims": "civilians", "place": ["دومـا"], "source": [], "quote": "قتلوا في غارة"}"#,
        );
        let r = agreement(&first, &second).unwrap();
        assert_eq!((r.claims.tp, r.claims.fp, r.claims.fn_), (1, 0, 1));
        assert_eq!(r.claims.precision, 1.0);
        assert_eq!(r.claims.recall, 0.5);
        assert_eq!(r.only_first[0].quote, "وأصيب عشرات");
        // Tatweel folds away: the places agree; the source and victims do not.
        assert_eq!(r.attributes.place, Some(1.0));
        assert_eq!(r.attributes.source, Some(0.0));
        assert_eq!(r.attributes.victims, Some(0.0));
        let names: Vec<_> = r.disagreements.iter().map(|d| d.attribute).collect();
        assert_eq!(names, ["victims", "source"]);
        // Agreement is symmetric in its counts.
        let back = agreement(&second, &first).unwrap();
        assert_eq!((back.claims.tp, back.claims.fp, back.claims.fn_), (1, 1, 0));
    }

    #[test]
    fn different_documents_or_texts_are_refused() {
        let first = labelling("");
        let other = gold(
            r#"{"format": "rasd-gold/1", "documents": [{"id": "d1", "text": "نص آخر", "claims": []}]}"#,
        );
        let err = agreement(&first, &other).unwrap_err().to_string();
        assert!(err.contains("different texts"), "{err}");
        let renamed = gold(&format!(
            r#"{{"format": "rasd-gold/1", "documents": [{{"id": "d2", "text": "{TEXT}", "claims": []}}]}}"#
        ));
        let err = agreement(&first, &renamed).unwrap_err().to_string();
        assert!(err.contains("d1"), "{err}");
        let twice = gold(&format!(
            r#"{{"format": "rasd-gold/1", "documents": [{{"id": "d1", "text": "{TEXT}", "claims": []}}, {{"id": "d1", "text": "{TEXT}", "claims": []}}]}}"#
        ));
        let err = agreement(&twice, &twice).unwrap_err().to_string();
        assert!(err.contains("twice"), "{err}");
    }
}
