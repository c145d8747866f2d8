//! `rasd copies`: which reports print text another report printed.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;

use rasd_copies::{detect, silver, CopyOptions, CopyPair};

use crate::documents::read_reports;
use crate::Format;

pub struct Options {
    pub format: Format,
    pub threshold: f64,
    pub max_doc_bytes: usize,
    pub silver: bool,
    /// Link each claim in a copied passage to the origin report's claim.
    pub claims: bool,
    /// Write the silver pairs here (JSONL `{"a", "b"}`), for benchmarks.
    pub silver_out: Option<PathBuf>,
    /// Write each report's normalized words here (JSONL `{"id", "words"}`),
    /// so that another MinHash implementation can hash the same shingles.
    pub words_out: Option<PathBuf>,
    pub quiet: bool,
}

pub fn run(inputs: Vec<PathBuf>, options: Options) -> Result<ExitCode> {
    let started = Instant::now();
    let (reports, rejected) = read_reports(inputs, options.max_doc_bytes, options.quiet);
    let read_s = started.elapsed().as_secs_f64();
    let detect_started = Instant::now();
    let opts = CopyOptions {
        threshold: options.threshold,
        ..CopyOptions::default()
    };
    let (pairs, stats) = detect(&reports, &opts);
    let detect_s = detect_started.elapsed().as_secs_f64();
    let links: Vec<Vec<rasd_copies::claims::ClaimLink>> = if options.claims {
        let extractor = rasd_core::claims::Extractor::new();
        let mut involved: Vec<usize> = pairs.iter().flat_map(|p| [p.index.0, p.index.1]).collect();
        involved.sort_unstable();
        involved.dedup();
        let extracted: rustc_hash::FxHashMap<usize, Vec<rasd_core::claims::Claim>> = involved
            .par_iter()
            .map(|&i| (i, extractor.extract(&reports[i])))
            .collect();
        pairs
            .par_iter()
            .map(|p| rasd_copies::claims::link(p, &extracted[&p.index.0], &extracted[&p.index.1]))
            .collect()
    } else {
        Vec::new()
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = write_pairs(&mut out, &pairs, &links, options.format);
    match written.and_then(|_| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e).context("writing copies"),
        _ => {}
    }
    if !options.quiet {
        let count = |k| pairs.iter().filter(|p| p.kind == k).count();
        eprintln!(
            "rasd: {} documents read, {rejected} rejected; {} pairs share text: {} exact duplicates, {} near duplicates, {} copies, {} templates, {} formulas, {} in passing",
            reports.len(),
            pairs.len(),
            count(rasd_copies::CopyKind::ExactDuplicate),
            count(rasd_copies::CopyKind::NearDuplicate),
            count(rasd_copies::CopyKind::Copy),
            count(rasd_copies::CopyKind::Template),
            count(rasd_copies::CopyKind::Formula),
            count(rasd_copies::CopyKind::Passing)
        );
        eprintln!(
            "rasd: MinHash {} permutations, LSH {} bands × {} rows (threshold {}); {} candidate pairs ({} from LSH, {} more from sampled shingles)",
            opts.num_perm, stats.bands, stats.rows, opts.threshold, stats.candidates, stats.lsh_candidates, stats.sample_candidates
        );
        let stages: Vec<String> = stats
            .seconds
            .iter()
            .map(|(name, s)| format!("{name} {s:.2} s"))
            .collect();
        eprintln!(
            "rasd: reading {read_s:.2} s; copy detection {detect_s:.2} s ({:.0} documents/s: {})",
            reports.len() as f64 / detect_s.max(1e-9),
            stages.join(", ")
        );
    }
    if let Some(path) = &options.words_out {
        let mut f = BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        );
        for r in &reports {
            let words = rasd_copies::shingles::normalized_words(&r.text);
            serde_json::to_writer(
                &mut f,
                &serde_json::json!({"id": r.id, "words": words.join(" ")}),
            )?;
            f.write_all(b"\n")?;
        }
        f.flush()?;
    }
    if options.silver || options.silver_out.is_some() {
        let silver = silver::pairs(&reports, 3, 10);
        if let Some(path) = &options.silver_out {
            let mut sorted: Vec<&(usize, usize)> = silver.iter().collect();
            sorted.sort();
            let mut f = BufWriter::new(
                std::fs::File::create(path)
                    .with_context(|| format!("creating {}", path.display()))?,
            );
            for (i, j) in sorted {
                serde_json::to_writer(
                    &mut f,
                    &serde_json::json!({"a": reports[*i].id, "b": reports[*j].id}),
                )?;
                f.write_all(b"\n")?;
            }
            f.flush()?;
        }
        let found: rustc_hash::FxHashSet<(usize, usize)> = pairs.iter().map(|p| p.index).collect();
        let hit = silver.iter().filter(|p| found.contains(p)).count();
        eprintln!(
            "rasd: silver pairs (different outlets sharing ≥ 3 identical normalized sentences of ≥ 10 words): {}; found {hit}; recall {:.4}",
            silver.len(),
            if silver.is_empty() { 1.0 } else { hit as f64 / silver.len() as f64 }
        );
        let mut missed: Vec<&(usize, usize)> =
            silver.iter().filter(|p| !found.contains(p)).collect();
        missed.sort();
        for (i, j) in missed.iter().take(10) {
            eprintln!(
                "rasd: silver pair missed: {} {}",
                reports[*i].id, reports[*j].id
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn write_pairs(
    out: &mut impl Write,
    pairs: &[CopyPair],
    links: &[Vec<rasd_copies::claims::ClaimLink>],
    format: Format,
) -> io::Result<()> {
    for (k, p) in pairs.iter().enumerate() {
        match format {
            Format::Jsonl => {
                let mut v = serde_json::to_value(p)?;
                if let Some(l) = links.get(k) {
                    v["claim_links"] = serde_json::to_value(l)?;
                }
                serde_json::to_writer(&mut *out, &v)?;
                out.write_all(b"\n")?;
            }
            Format::Table => {
                let kind = serde_json::to_value(p.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{}\t{}\t{kind}\tcontainment {:.2} / {:.2}\torigin {}\t{} passages",
                    p.a,
                    p.b,
                    p.containment_a,
                    p.containment_b,
                    p.origin.as_deref().unwrap_or("unknown"),
                    p.passages.len()
                )?;
            }
        }
    }
    Ok(())
}
