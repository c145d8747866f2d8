//! Scoring places: resolution against `rasd-places-gold/1`, and mention
//! detection against BIO-tagged CoNLL text.
//!
//! Resolution: each gold place of a document is a name as written and a
//! point with a radius; it counts as resolved when Rasd finds the name in
//! that document (folded as the matcher folds) and its first occurrence
//! resolves within the radius. A name Rasd misses counts as wrong.
//!
//! CoNLL: `token<TAB>tag` lines (other columns before the tag are
//! ignored), a blank line between sentences, U+200E marks, BOM and CRLF
//! tolerated, plain or gzip. Entities are exact token spans. The place
//! classes are LOC, GPE and FAC and their ACE subclasses as NewsFANE names
//! them: Nation, Population-Center, State-or-Province, County-or-District,
//! GPE-Cluster, Continent, Water-Body, Land-Region-Natural, Celestial,
//! Building-Grounds, Airport, Path, Subarea-Facility and Plant. Sentences
//! are read 25 at a time as one document, so the resolver sees context.

use std::fmt::Write as _;
use std::io::BufRead;
use std::path::Path;

use serde::{Deserialize, Serialize};

use rasd_core::normalize::NormalizedText;
use rasd_core::report::Report;
use rasd_core::segment::segment;

use crate::claims::report_places;
use crate::error::{PlacesError, Result};
use crate::key::name_key;
use crate::resolve::{distance_km, Resolver};

pub const PLACE_CLASSES: &[&str] = &[
    "LOC",
    "GPE",
    "FAC",
    "Nation",
    "Population-Center",
    "State-or-Province",
    "County-or-District",
    "GPE-Cluster",
    "Continent",
    "Water-Body",
    "Land-Region-Natural",
    "Celestial",
    "Building-Grounds",
    "Airport",
    "Path",
    "Subarea-Facility",
    "Plant",
];

/// Mention detection scores.
pub type MentionScores = rasd_core::eval::Scores;

#[derive(Debug, Clone, Serialize)]
pub struct ResolutionScores {
    pub accuracy: f64,
    pub correct: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Scores {
    pub mentions: MentionScores,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<ResolutionScores>,
}

pub struct EvalReport {
    pub scores: Scores,
    pub errors: Vec<String>,
    pub what: String,
}

impl EvalReport {
    pub fn summary(&self) -> String {
        let m = &self.scores.mentions;
        let mut s = format!(
            "{}\nmentions: precision {:.3}  recall {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})\n",
            self.what, m.precision, m.recall, m.f1, m.tp, m.fp, m.fn_
        );
        if let Some(r) = &self.scores.resolution {
            let _ = writeln!(
                s,
                "resolution: accuracy {:.3}  ({} of {} gold places)",
                r.accuracy, r.correct, r.total
            );
        }
        s
    }
}

#[derive(Deserialize)]
struct PlacesGold {
    format: String,
    documents: Vec<GoldDoc>,
}

#[derive(Deserialize)]
struct GoldDoc {
    id: String,
    file: String,
    places: Vec<GoldPlace>,
}

#[derive(Deserialize)]
struct GoldPlace {
    mention: String,
    lat: f64,
    lon: f64,
    within_km: f64,
}

/// Scores resolution against a `rasd-places-gold/1` file.
pub fn places_gold(resolver: &Resolver, path: &Path) -> Result<EvalReport> {
    let text = std::fs::read_to_string(path).map_err(|e| PlacesError::io(path, e))?;
    let gold: PlacesGold = serde_json::from_str(&text).map_err(|e| PlacesError::Parse {
        path: path.to_path_buf(),
        line: e.line(),
        message: e.to_string(),
    })?;
    if gold.format != "rasd-places-gold/1" {
        return Err(PlacesError::Parse {
            path: path.to_path_buf(),
            line: 1,
            message: format!("format `{}`, expected rasd-places-gold/1", gold.format),
        });
    }
    let base = path.parent().unwrap_or(Path::new("."));
    let (mut correct, mut total, mut tp, mut fp, mut fn_) = (0, 0, 0, 0, 0);
    let mut errors = Vec::new();
    for doc in &gold.documents {
        let file = base.join(&doc.file);
        let body = std::fs::read_to_string(&file).map_err(|e| PlacesError::io(&file, e))?;
        let report = Report {
            id: doc.id.clone(),
            text: body,
            ..Report::default()
        };
        let found = report_places(resolver, &report);
        let found_keys: Vec<String> = found.iter().map(|m| name_key(&m.mention)).collect();
        let mut gold_keys = Vec::new();
        for g in &doc.places {
            total += 1;
            let key = name_key(&g.mention);
            gold_keys.push(key.clone());
            let Some(k) = found_keys.iter().position(|f| *f == key) else {
                errors.push(format!("{}: «{}» not found", doc.id, g.mention));
                continue;
            };
            let predicted = found[k].place.as_ref().and_then(|p| p.lat.zip(p.lon));
            match predicted {
                Some(pt) if distance_km(pt, (g.lat, g.lon)) <= g.within_km => correct += 1,
                _ => errors.push(format!(
                    "{}: «{}» resolved to {} ({}), expected within {} km of {:.4},{:.4}",
                    doc.id,
                    g.mention,
                    found[k]
                        .place
                        .as_ref()
                        .map(|p| format!("{} {} {}", p.gazetteer_id, p.name_ar, p.name_en))
                        .unwrap_or_else(|| "nothing".into()),
                    predicted
                        .map(|(a, b)| format!(
                            "{a:.4},{b:.4}, {:.0} km off",
                            distance_km((a, b), (g.lat, g.lon))
                        ))
                        .unwrap_or_else(|| "-".into()),
                    g.within_km,
                    g.lat,
                    g.lon
                )),
            }
        }
        let mut distinct = found_keys.clone();
        distinct.sort();
        distinct.dedup();
        for f in &distinct {
            if gold_keys.contains(f) {
                tp += 1;
            } else {
                fp += 1;
                errors.push(format!("{}: «{f}» is not a gold place", doc.id));
            }
        }
        gold_keys.sort();
        gold_keys.dedup();
        fn_ += gold_keys.iter().filter(|g| !distinct.contains(g)).count();
    }
    Ok(EvalReport {
        scores: Scores {
            mentions: MentionScores::from_counts(tp, fp, fn_, 0.0),
            resolution: Some(ResolutionScores {
                accuracy: if total == 0 {
                    0.0
                } else {
                    correct as f64 / total as f64
                },
                correct,
                total,
            }),
        },
        errors,
        what: format!("{} documents, {} gold places", gold.documents.len(), total),
    })
}

/// One sentence of a CoNLL file: its tokens and its place entities.
struct Sentence {
    tokens: Vec<String>,
    /// Token spans `first..end` of place entities.
    entities: Vec<(usize, usize)>,
}

fn is_place(class: &str) -> bool {
    PLACE_CLASSES.contains(&class)
}

fn read_conll(path: &Path) -> Result<Vec<Sentence>> {
    let reader = crate::import::open_text(path)?;
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        entities: Vec::new(),
    };
    let mut open: Option<(usize, String)> = None;
    let close = |cur: &mut Sentence, open: &mut Option<(usize, String)>| {
        if let Some((start, class)) = open.take() {
            if is_place(&class) {
                cur.entities.push((start, cur.tokens.len()));
            }
        }
    };
    for (n, line) in reader.split(b'\n').enumerate() {
        let line = line.map_err(|e| PlacesError::io(path, e))?;
        let line = String::from_utf8(line).map_err(|_| PlacesError::Parse {
            path: path.to_path_buf(),
            line: n + 1,
            message: "invalid UTF-8".into(),
        })?;
        let line: String = line
            .chars()
            .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{FEFF}' | '\r'))
            .collect();
        if line.trim().is_empty() {
            close(&mut cur, &mut open);
            if !cur.tokens.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        tokens: Vec::new(),
                        entities: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 2 {
            return Err(PlacesError::Parse {
                path: path.to_path_buf(),
                line: n + 1,
                message: "expected token<TAB>tag".into(),
            });
        }
        let (token, tag) = (fields[0].trim(), fields[fields.len() - 1].trim());
        let (prefix, class) = match tag.split_once('-') {
            Some((p @ ("B" | "I"), c)) => (p, c),
            _ => ("O", ""),
        };
        match prefix {
            "B" => {
                close(&mut cur, &mut open);
                open = Some((cur.tokens.len(), class.to_string()));
            }
            "I" if open.as_ref().is_some_and(|(_, c)| c == class) => {}
            "I" => {
                close(&mut cur, &mut open);
                open = Some((cur.tokens.len(), class.to_string()));
            }
            _ => close(&mut cur, &mut open),
        }
        cur.tokens.push(token.to_string());
    }
    close(&mut cur, &mut open);
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Scores mention detection against BIO-tagged CoNLL text.
pub fn conll(resolver: &Resolver, path: &Path) -> Result<EvalReport> {
    let sentences = read_conll(path)?;
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let mut errors = Vec::new();
    let gold_total: usize = sentences.iter().map(|s| s.entities.len()).sum();
    for (chunk_no, chunk) in sentences.chunks(25).enumerate() {
        // The text of the chunk, and each token's byte span in it.
        let mut text = String::new();
        let mut spans: Vec<(usize, usize, usize, usize)> = Vec::new(); // (sentence, token, start, end)
        for (s, sent) in chunk.iter().enumerate() {
            for (t, tok) in sent.tokens.iter().enumerate() {
                if t > 0 {
                    text.push(' ');
                }
                spans.push((s, t, text.len(), text.len() + tok.len()));
                text.push_str(tok);
            }
            text.push('\n');
        }
        let norm = NormalizedText::new(&text);
        let seg = segment(norm.as_str());
        let resolved = resolver.document(&norm, &seg);
        let mut predicted: Vec<(usize, usize, usize)> = Vec::new();
        let mut kinds: Vec<&'static str> = Vec::new();
        for r in &resolved {
            let span = norm.original_span(r.mention.start, r.mention.end);
            let covered: Vec<&(usize, usize, usize, usize)> = spans
                .iter()
                .filter(|(_, _, s, e)| *s < span.end && span.start < *e)
                .collect();
            if let (Some(first), Some(last)) = (covered.first(), covered.last()) {
                if first.0 == last.0 {
                    predicted.push((first.0, first.1, last.1 + 1));
                    kinds.push(match r.place {
                        Some(i) if r.from_context => {
                            let _ = i;
                            "in its city"
                        }
                        Some(i) => resolver.gazetteer().place(i).kind.as_str(),
                        None => "unknown name",
                    });
                }
            }
        }
        for (s, sent) in chunk.iter().enumerate() {
            let gold: Vec<(usize, usize)> = sent.entities.clone();
            let mut pred: Vec<((usize, usize), &str)> = predicted
                .iter()
                .zip(&kinds)
                .filter(|(p, _)| p.0 == s)
                .map(|(p, k)| ((p.1, p.2), *k))
                .collect();
            pred.dedup_by_key(|p| p.0);
            let show = |(a, b): (usize, usize)| sent.tokens[a..b].join(" ");
            for (p, kind) in &pred {
                if gold.contains(p) {
                    tp += 1;
                } else {
                    fp += 1;
                    errors.push(format!(
                        "sentence {}: false «{}» ({kind})",
                        chunk_no * 25 + s + 1,
                        show(*p)
                    ));
                }
            }
            for g in &gold {
                if !pred.iter().any(|(p, _)| p == g) {
                    fn_ += 1;
                    errors.push(format!(
                        "sentence {}: missed «{}»",
                        chunk_no * 25 + s + 1,
                        show(*g)
                    ));
                }
            }
        }
    }
    Ok(EvalReport {
        scores: Scores {
            mentions: MentionScores::from_counts(tp, fp, fn_, 0.0),
            resolution: None,
        },
        errors,
        what: format!(
            "{} sentences, {gold_total} gold place mentions",
            sentences.len()
        ),
    })
}

/// Judges a claim's place through the gazetteer's hierarchy: a claim
/// placed in الشعار, a quarter of Aleppo, matches a gold حلب.
pub struct HierarchyJudge<'a> {
    pub resolver: &'a Resolver,
}

impl rasd_core::eval::PlaceJudge for HierarchyJudge<'_> {
    fn place_matches(
        &self,
        report: &Report,
        claim: &rasd_core::claims::Claim,
        gold_forms: &[String],
    ) -> bool {
        // The claim as `rasd claims` reports it, its place chosen by the places stage.
        let (placed, spans) =
            crate::claims::place_claim_with_spans(self.resolver, report, claim.clone());
        if rasd_core::eval::surface_matches(&placed.claim, gold_forms) {
            return true;
        }
        let Some(predicted) = placed.place_index else {
            return false;
        };
        let gaz = self.resolver.gazetteer();
        gold_forms.iter().any(|form| {
            let key = name_key(form);
            // The gold form as the document resolves it, else every place of that name.
            let mut gold: Vec<u32> = spans
                .iter()
                .filter(|(_, k, _)| *k == key)
                .filter_map(|(_, _, i)| *i)
                .collect();
            if gold.is_empty() {
                gold = gaz
                    .names
                    .iter()
                    .filter(|n| n.key == key)
                    .map(|n| n.place)
                    .collect();
            }
            gold.iter().any(|&g| self.resolver.within(predicted, g))
        })
    }
}
