//! Hand-made gold: `rasd-gold/1` files (GUIDE.md) and `rasd-corpus-gold/1`
//! files, which keep only document ids, character offsets and values and
//! read the texts from a corpus file.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use crate::claims::{Kind, Modality, Qualifier, Victims};
use crate::error::{Error, Result};
use crate::ingest::{read_all, IngestOptions};
use crate::report::Report;

/// One gold claim.
#[derive(Debug, Clone)]
pub struct GoldClaim {
    pub kind: Kind,
    pub value: Option<u64>,
    pub qualifier: Qualifier,
    pub victims: Victims,
    /// Absent in the gold reads as no breakdown.
    pub breakdown: BTreeMap<String, Option<u64>>,
    pub place: Vec<String>,
    pub source: Vec<String>,
    pub quote: String,
    /// Character span of the quote in the text.
    pub quote_span: (usize, usize),
    pub modality: Option<Modality>,
}

/// A gold document with its text.
#[derive(Debug, Clone)]
pub struct GoldDocument {
    pub report: Report,
    pub claims: Vec<GoldClaim>,
    /// Character spans and surface forms of numbers that are not claims.
    pub negatives: Vec<(usize, usize, String)>,
}

/// A gold file, read.
#[derive(Debug, Clone)]
pub struct Gold {
    pub documents: Vec<GoldDocument>,
}

#[derive(Deserialize)]
struct RawFile {
    format: String,
    #[serde(default)]
    corpus: Option<String>,
    documents: Vec<Value>,
}

fn gold_err(path: &Path, message: impl Into<String>) -> Error {
    Error::Gold {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

impl Gold {
    /// Reads a gold file. `corpora` is the folder of corpus files that a
    /// `rasd-corpus-gold/1` file names; when `None` it is looked for as
    /// `shared/corpora` beside an ancestor of the gold file.
    pub fn load(path: &Path, corpora: Option<&Path>) -> Result<Gold> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let raw: RawFile = serde_json::from_str(&text)
            .map_err(|e| gold_err(path, format!("not a gold file: {e}")))?;
        match raw.format.as_str() {
            "rasd-gold/1" => load_inline(path, raw),
            "rasd-corpus-gold/1" => {
                let corpus = raw
                    .corpus
                    .clone()
                    .ok_or_else(|| gold_err(path, "no \"corpus\""))?;
                let dir = match corpora {
                    Some(d) => d.to_path_buf(),
                    None => find_corpora(path).ok_or_else(|| gold_err(path, format!("corpus {corpus} not found: pass --corpora DIR (the folder of ../shared/corpora)")))?,
                };
                load_corpus(path, raw, &dir.join(&corpus))
            }
            other => Err(gold_err(path, format!("unknown format {other:?}"))),
        }
    }
}

/// `shared/corpora` beside the gold file's folder or one of its ancestors.
pub fn find_corpora(gold: &Path) -> Option<PathBuf> {
    let start = gold.canonicalize().ok()?;
    start
        .ancestors()
        .map(|a| a.join("shared").join("corpora"))
        .find(|p| p.is_dir())
}

fn field<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.get(key).filter(|x| !x.is_null())
}

/// The values of a gold claim: kind, value, qualifier, victims, breakdown, modality.
type ClaimValues = (
    Kind,
    Option<u64>,
    Qualifier,
    Victims,
    BTreeMap<String, Option<u64>>,
    Option<Modality>,
);

fn parse_claim_values(path: &Path, c: &Value) -> Result<ClaimValues> {
    let kind = field(c, "kind")
        .and_then(Value::as_str)
        .and_then(Kind::parse)
        .ok_or_else(|| gold_err(path, format!("claim without a valid kind: {c}")))?;
    let value = field(c, "value").and_then(Value::as_u64);
    let qualifier = field(c, "qualifier")
        .and_then(Value::as_str)
        .and_then(Qualifier::parse)
        .unwrap_or(Qualifier::Exact);
    let victims = field(c, "victims")
        .and_then(Value::as_str)
        .and_then(Victims::parse)
        .unwrap_or(Victims::People);
    let breakdown = field(c, "breakdown")
        .and_then(Value::as_object)
        .map(|o| o.iter().map(|(k, v)| (k.clone(), v.as_u64())).collect())
        .unwrap_or_default();
    let modality = match field(c, "modality").and_then(Value::as_str) {
        Some("speculative") => Some(Modality::Speculative),
        Some("denied") => Some(Modality::Denied),
        _ => None,
    };
    Ok((kind, value, qualifier, victims, breakdown, modality))
}

/// What a gold format says of where a claim stands in its text.
struct Located {
    quote: String,
    quote_span: (usize, usize),
    place: Vec<String>,
    source: Vec<String>,
}

/// The claims of a gold document; `locate` reads the format's own fields.
fn read_claims(
    path: &Path,
    d: &Value,
    mut locate: impl FnMut(&Value) -> Result<Located>,
) -> Result<Vec<GoldClaim>> {
    let mut claims = Vec::new();
    for c in d
        .get("claims")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let (kind, value, qualifier, victims, breakdown, modality) = parse_claim_values(path, c)?;
        let at = locate(c)?;
        claims.push(GoldClaim {
            kind,
            value,
            qualifier,
            victims,
            breakdown,
            place: at.place,
            source: at.source,
            quote: at.quote,
            quote_span: at.quote_span,
            modality,
        });
    }
    Ok(claims)
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Character span of the first occurrence of `needle` in `text`.
fn find_chars(text: &str, needle: &str) -> Option<(usize, usize)> {
    let at = text.find(needle)?;
    let s = text[..at].chars().count();
    Some((s, s + needle.chars().count()))
}

fn load_inline(path: &Path, raw: RawFile) -> Result<Gold> {
    let base = path.parent().unwrap_or(Path::new("."));
    let mut documents = Vec::new();
    for d in &raw.documents {
        let id = field(d, "id")
            .and_then(Value::as_str)
            .ok_or_else(|| gold_err(path, "document without an id"))?
            .to_string();
        let text = match (
            field(d, "text").and_then(Value::as_str),
            field(d, "file").and_then(Value::as_str),
        ) {
            (Some(t), _) => t.to_string(),
            (None, Some(f)) => {
                let p = base.join(f);
                let (mut reports, rejects) =
                    read_all(std::slice::from_ref(&p), &IngestOptions::default());
                if let Some(r) = rejects.first() {
                    return Err(gold_err(path, format!("document {id}: {r}")));
                }
                reports.pop().map(|r| r.text).ok_or_else(|| {
                    gold_err(
                        path,
                        format!("document {id}: nothing read from {}", p.display()),
                    )
                })?
            }
            (None, None) => {
                return Err(gold_err(
                    path,
                    format!("document {id} has neither text nor file"),
                ))
            }
        };
        let claims = read_claims(path, d, |c| {
            let quote = field(c, "quote")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let quote_span = find_chars(&text, &quote).ok_or_else(|| {
                gold_err(
                    path,
                    format!("document {id}: quote {quote:?} is not in the text"),
                )
            })?;
            Ok(Located {
                quote,
                quote_span,
                place: strings(c.get("place")),
                source: strings(c.get("source")),
            })
        })?;
        let negatives = strings(d.get("negatives"))
            .into_iter()
            .filter_map(|n| find_chars(&text, &n).map(|(s, e)| (s, e, n)))
            .collect();
        documents.push(GoldDocument {
            report: Report {
                id,
                outlet: field(d, "outlet")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                published: field(d, "published")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                title: field(d, "title")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                text,
                ..Report::default()
            },
            claims,
            negatives,
        });
    }
    Ok(Gold { documents })
}

fn span_of(v: &Value) -> Option<(usize, usize)> {
    Some((
        v.get("start")?.as_u64()? as usize,
        v.get("end")?.as_u64()? as usize,
    ))
}

fn slice_chars(text: &str, (s, e): (usize, usize)) -> Option<String> {
    let n = text.chars().count();
    (s <= e && e <= n).then(|| text.chars().skip(s).take(e - s).collect())
}

fn load_corpus(path: &Path, raw: RawFile, corpus: &Path) -> Result<Gold> {
    if !corpus.exists() {
        return Err(gold_err(
            path,
            format!("corpus {} is absent", corpus.display()),
        ));
    }
    let wanted: HashSet<&str> = raw
        .documents
        .iter()
        .filter_map(|d| d.get("id").and_then(Value::as_str))
        .collect();
    let (reports, _) = read_all(&[corpus.to_path_buf()], &IngestOptions::default());
    let mut by_id: HashMap<String, Report> = HashMap::new();
    for r in reports {
        if wanted.contains(r.id.as_str()) && !by_id.contains_key(&r.id) {
            by_id.insert(r.id.clone(), r);
        }
    }
    let mut documents = Vec::new();
    for d in &raw.documents {
        let id = d.get("id").and_then(Value::as_str).unwrap_or_default();
        let report = by_id.remove(id).ok_or_else(|| {
            gold_err(
                path,
                format!("document {id} is not in {}", corpus.display()),
            )
        })?;
        let chars = report.text.chars().count();
        if let Some(expected) = d.get("text_chars").and_then(Value::as_u64) {
            if expected as usize != chars {
                return Err(gold_err(path, format!("document {id}: the corpus text has {chars} characters, the gold expects {expected}")));
            }
        }
        let text = &report.text;
        let forms = |v: Option<&Value>| -> Vec<String> {
            v.and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(span_of)
                .filter_map(|s| slice_chars(text, s))
                .collect()
        };
        let claims = read_claims(path, d, |c| {
            let quote_span = c.get("quote").and_then(span_of).ok_or_else(|| {
                gold_err(path, format!("document {id}: claim without a quote span"))
            })?;
            let quote = slice_chars(text, quote_span).ok_or_else(|| {
                gold_err(path, format!("document {id}: quote span out of the text"))
            })?;
            Ok(Located {
                quote,
                quote_span,
                place: forms(c.get("place")),
                source: forms(c.get("source")),
            })
        })?;
        let negatives = d
            .get("negatives")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(span_of)
            .filter_map(|s| slice_chars(text, s).map(|t| (s.0, s.1, t)))
            .collect();
        documents.push(GoldDocument {
            report,
            claims,
            negatives,
        });
    }
    Ok(Gold { documents })
}
