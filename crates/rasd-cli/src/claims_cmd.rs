//! `rasd claims`: extract claims from inputs, in parallel, in input order,
//! each with its place resolved when a gazetteer has been imported.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use rasd_core::claims::Extractor;
use rasd_places::claims::{place_claims_if, PlacedClaim};

use crate::documents::{self, LoopOptions};
use crate::Format;

pub struct Options {
    pub format: Format,
    pub max_doc_bytes: usize,
    pub all_duplicates: bool,
    pub quiet: bool,
}

pub fn run(inputs: Vec<PathBuf>, options: Options) -> Result<ExitCode> {
    let extractor = Extractor::new();
    let resolver = crate::gazetteer_cmd::resolver_if_imported(options.quiet)?;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let format = options.format;
    documents::run(
        inputs,
        LoopOptions {
            max_doc_bytes: options.max_doc_bytes,
            all_duplicates: options.all_duplicates,
            quiet: options.quiet,
            unit: "claims",
        },
        |report| place_claims_if(resolver.as_ref(), report, extractor.extract(report)),
        |_, claims| write_claims(&mut out, &claims, format).map(|_| claims.len()),
    )?;
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e).context("writing claims"),
        _ => {}
    }
    Ok(ExitCode::SUCCESS)
}

fn write_claims(out: &mut impl Write, claims: &[PlacedClaim], format: Format) -> io::Result<()> {
    for pc in claims {
        let c = &pc.claim;
        match format {
            Format::Jsonl => {
                serde_json::to_writer(&mut *out, &claim_json(pc))?;
                out.write_all(b"\n")?;
            }
            Format::Table => {
                let value = c.value.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
                let source = c.source.as_ref().map(|s| s.text.as_str()).unwrap_or("-");
                let place = match (&c.place, &pc.place_resolved) {
                    (Some(p), Some(r)) => format!(
                        "{} → {} ({}, {:.4},{:.4}, precision {})",
                        p.text,
                        if r.name_ar.is_empty() {
                            &r.name_en
                        } else {
                            &r.name_ar
                        },
                        r.country,
                        r.lat.unwrap_or(f64::NAN),
                        r.lon.unwrap_or(f64::NAN),
                        r.geo_precision
                    ),
                    (Some(p), None) => p.text.clone(),
                    _ => "-".into(),
                };
                let breakdown = c
                    .breakdown
                    .as_ref()
                    .map(|b| {
                        let items: Vec<String> = b
                            .iter()
                            .map(|(k, v)| {
                                format!(
                                    "{k}={}",
                                    v.map(|x| x.to_string()).unwrap_or_else(|| "?".into())
                                )
                            })
                            .collect();
                        format!(" [{}]", items.join(" "))
                    })
                    .unwrap_or_default();
                let modality = c
                    .modality
                    .map(|m| {
                        format!(
                            " ({})",
                            serde_json::to_value(m)
                                .ok()
                                .and_then(|v| v.as_str().map(str::to_string))
                                .unwrap_or_default()
                        )
                    })
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{}\t{:<8}{:>7} {:<10}{:<10}{breakdown}{modality}\tsource: {source}\tplace: {place}\t«{}» @{}-{}",
                    c.doc_id,
                    c.kind.as_str(),
                    value,
                    c.qualifier.as_str(),
                    c.victims.as_str(),
                    c.evidence.text,
                    c.evidence.start,
                    c.evidence.end
                )?;
            }
        }
    }
    Ok(())
}

/// The JSONL line of a claim: `place` and `source` are surface forms, their
/// spans and the source's canonical name and type stand beside them.
fn claim_json(pc: &PlacedClaim) -> serde_json::Value {
    let c = &pc.claim;
    serde_json::json!({
        "doc_id": c.doc_id,
        "kind": c.kind,
        "value": c.value,
        "qualifier": c.qualifier,
        "victims": c.victims,
        "breakdown": c.breakdown,
        "place": c.place.as_ref().map(|p| &p.text),
        "place_span": c.place.as_ref().map(|p| serde_json::json!({"start": p.start, "end": p.end})),
        "place_resolved": pc.place_resolved,
        "source": c.source.as_ref().map(|s| &s.text),
        "source_span": c.source.as_ref().map(|s| serde_json::json!({"start": s.start, "end": s.end})),
        "source_name": c.source.as_ref().and_then(|s| s.name.as_ref()),
        "source_type": c.source.as_ref().and_then(|s| s.source_type.as_ref()),
        "modality": c.modality,
        "evidence": c.evidence,
        "sentence": {"start": c.sentence.start, "end": c.sentence.end},
    })
}
