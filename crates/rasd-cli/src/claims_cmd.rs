//! `rasd claims`: extract claims from inputs, in parallel, in input order.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;

use rasd_core::claims::{Claim, Extractor};
use rasd_core::ingest::{Batches, DuplicateIndex, IngestOptions, Reject};
use rasd_core::report::Report;

use crate::progress::bytes_bar;
use crate::Format;

pub struct Options {
    pub format: Format,
    pub max_doc_bytes: usize,
    pub all_duplicates: bool,
    pub quiet: bool,
}

/// What a worker makes of one raw document.
enum Outcome {
    Read {
        report: Report,
        claims: Vec<Claim>,
    },
    Rejected(Reject),
    /// Extraction failed on a defect of Rasd's: reported, counted, skipped.
    Failed(rasd_core::ingest::Location, String),
}

pub fn run(inputs: Vec<PathBuf>, options: Options) -> Result<ExitCode> {
    let started = Instant::now();
    let extractor = Extractor::new();
    let ingest = IngestOptions {
        max_doc_bytes: options.max_doc_bytes,
        ..IngestOptions::default()
    };
    let mut batches = Batches::spawn(inputs, ingest);
    let bar = bytes_bar(
        batches.total_bytes(),
        options.quiet || !io::stderr().is_terminal(),
    );
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut duplicates = DuplicateIndex::default();
    let (mut read, mut rejected, mut claim_count, mut bytes_of_text) =
        (0usize, 0usize, 0usize, 0usize);
    let mut duplicate_notes: Vec<String> = Vec::new();
    let mut duplicate_count = 0usize;

    while let Some(batch) = batches.next() {
        let outcomes: Vec<Outcome> = batch
            .into_par_iter()
            .map(|raw| {
                let location = raw.location.clone();
                match raw.parse() {
                    Ok(report) => {
                        // A defect in extraction costs one document, not the run.
                        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            extractor.extract(&report)
                        })) {
                            Ok(claims) => Outcome::Read { report, claims },
                            Err(_) => Outcome::Failed(location, report.id),
                        }
                    }
                    Err(reject) => Outcome::Rejected(reject),
                }
            })
            .collect();
        for outcome in outcomes {
            match outcome {
                Outcome::Rejected(reject) => {
                    rejected += 1;
                    bar.suspend(|| eprintln!("rasd: skipped {reject}"));
                }
                Outcome::Failed(location, id) => {
                    rejected += 1;
                    bar.suspend(|| eprintln!("rasd: internal error on {location} (document {id}); skipped, please report it"));
                }
                Outcome::Read { report, claims } => {
                    read += 1;
                    bytes_of_text += report.text.len();
                    if let Some(first) = duplicates.check(&report) {
                        duplicate_count += 1;
                        if options.all_duplicates || duplicate_notes.len() < 10 {
                            duplicate_notes
                                .push(format!("{} has the same text as {}", report.id, first));
                        }
                    }
                    claim_count += claims.len();
                    if let Err(e) = write_claims(&mut out, &claims, options.format) {
                        if e.kind() == io::ErrorKind::BrokenPipe {
                            return Ok(ExitCode::SUCCESS);
                        }
                        return Err(e).context("writing claims");
                    }
                }
            }
        }
        bar.set_position(batches.bytes_read());
    }
    bar.finish_and_clear();
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e).context("writing claims"),
        _ => {}
    }
    let seconds = started.elapsed().as_secs_f64();
    if duplicate_count > 0 {
        for note in &duplicate_notes {
            eprintln!("rasd: duplicate: {note}");
        }
        if duplicate_count > duplicate_notes.len() {
            eprintln!(
                "rasd: … and {} more exact duplicates (--all-duplicates lists them)",
                duplicate_count - duplicate_notes.len()
            );
        }
    }
    if !options.quiet {
        eprintln!(
            "rasd: {read} documents read, {rejected} rejected, {duplicate_count} exact duplicates; {claim_count} claims; {seconds:.2} s ({:.0} documents/s, {:.1} MB/s of text)",
            read as f64 / seconds.max(1e-9),
            bytes_of_text as f64 / 1e6 / seconds.max(1e-9)
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn write_claims(out: &mut impl Write, claims: &[Claim], format: Format) -> io::Result<()> {
    for c in claims {
        match format {
            Format::Jsonl => {
                serde_json::to_writer(&mut *out, &claim_json(c))?;
                out.write_all(b"\n")?;
            }
            Format::Table => {
                let value = c.value.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
                let source = c.source.as_ref().map(|s| s.text.as_str()).unwrap_or("-");
                let place = c.place.as_ref().map(|p| p.text.as_str()).unwrap_or("-");
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
fn claim_json(c: &Claim) -> serde_json::Value {
    serde_json::json!({
        "doc_id": c.doc_id,
        "kind": c.kind,
        "value": c.value,
        "qualifier": c.qualifier,
        "victims": c.victims,
        "breakdown": c.breakdown,
        "place": c.place.as_ref().map(|p| &p.text),
        "place_span": c.place.as_ref().map(|p| serde_json::json!({"start": p.start, "end": p.end})),
        "source": c.source.as_ref().map(|s| &s.text),
        "source_span": c.source.as_ref().map(|s| serde_json::json!({"start": s.start, "end": s.end})),
        "source_name": c.source.as_ref().and_then(|s| s.name.as_ref()),
        "source_type": c.source.as_ref().and_then(|s| s.source_type.as_ref()),
        "modality": c.modality,
        "evidence": c.evidence,
        "sentence": {"start": c.sentence.start, "end": c.sentence.end},
    })
}
