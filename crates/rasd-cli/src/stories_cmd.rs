//! `rasd stories` and `rasd eval stories`.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use rustc_hash::FxHashMap;

use rasd_core::report::Report;
use rasd_places::countries::country_weights;
use rasd_places::resolve::Resolver;
use rasd_stories::eval::{pairwise, separation, StoriesGold};
use rasd_stories::{cluster_with_countries, report_vectors, CountryWeights, StoryOptions};
use rayon::prelude::*;

use crate::documents::read_reports;
use crate::Format;

pub fn run(
    inputs: Vec<PathBuf>,
    format: Format,
    opts: StoryOptions,
    max_doc_bytes: usize,
    quiet: bool,
) -> Result<ExitCode> {
    let started = Instant::now();
    let (reports, rejected) = read_reports(inputs, max_doc_bytes, quiet);
    let resolver = crate::gazetteer_cmd::resolver_if_imported(quiet)?;
    let located = Instant::now();
    let countries = countries_of(&reports, resolver.as_ref(), &opts);
    let places_seconds = located.elapsed().as_secs_f64();
    let clustered = Instant::now();
    let stories = cluster_with_countries(&reports, &countries, &opts);
    let seconds = clustered.elapsed().as_secs_f64();
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let written: io::Result<()> = (|| {
        for a in &stories {
            match format {
                Format::Jsonl => {
                    serde_json::to_writer(&mut out, a)?;
                    out.write_all(b"\n")?;
                }
                Format::Table => {
                    writeln!(out, "{}\t{}\t{:.3}", a.story_id, a.doc_id, a.similarity)?
                }
            }
        }
        out.flush()
    })();
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            return Err(e).context("writing stories")
        }
        _ => {}
    }
    if !quiet {
        let mut distinct: Vec<&str> = stories.iter().map(|a| a.story_id.as_str()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        eprintln!(
            "rasd: {} documents read, {rejected} rejected; {} stories; places {places_seconds:.2} s, clustering {seconds:.2} s ({:.0} documents/s); {:.2} s in all",
            reports.len(),
            distinct.len(),
            reports.len() as f64 / seconds.max(1e-9),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn eval(
    gold_path: &Path,
    corpora: Option<&Path>,
    opts: StoryOptions,
    json: bool,
    verbose: bool,
) -> Result<ExitCode> {
    let text = std::fs::read_to_string(gold_path)
        .with_context(|| format!("reading {}", gold_path.display()))?;
    let gold: StoriesGold =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", gold_path.display()))?;
    anyhow::ensure!(
        gold.format == "rasd-stories-gold/1",
        "{}: format `{}`, expected rasd-stories-gold/1",
        gold_path.display(),
        gold.format
    );
    let dir = match corpora {
        Some(d) => d.to_path_buf(),
        None => rasd_core::gold::find_corpora(gold_path).with_context(|| {
            format!(
                "no corpora folder for {} (give --corpora DIR)",
                gold_path.display()
            )
        })?,
    };
    let corpus = dir.join(&gold.corpus);
    let (reports, _) = read_reports(vec![corpus], rasd_core::ingest::DEFAULT_MAX_DOC_BYTES, true);
    let window: Vec<_> = reports.into_iter().filter(|r| gold.in_window(r)).collect();
    let resolver = crate::gazetteer_cmd::resolver_if_imported(false)?;
    let countries = countries_of(&window, resolver.as_ref(), &opts);
    let stories = cluster_with_countries(&window, &countries, &opts);
    let predicted: FxHashMap<String, String> = stories
        .iter()
        .map(|a| (a.doc_id.clone(), a.story_id.clone()))
        .collect();
    let missing = gold
        .documents
        .iter()
        .filter(|d| !predicted.contains_key(&d.id))
        .count();
    let pairs = pairwise(&gold.documents, &predicted);
    // How far the term vectors themselves tell same-story pairs from others:
    // a ceiling for any clustering that compares reports by them.
    let vectors = report_vectors(&window, &opts).for_pairs();
    let index: FxHashMap<String, usize> = window
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    let separated = separation(&gold.documents, &index, |a, b| {
        vectors.similarity(a, b, opts.title_weight)
    });
    if json {
        let mut value = serde_json::to_value(&pairs)?;
        value["separation"] = serde_json::to_value(separated)?;
        println!("{}", serde_json::to_string_pretty(&value)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} reports clustered ({} to {}), {} labelled ({missing} not found); {} pairs",
        window.len(),
        gold.from,
        gold.to,
        gold.documents.len(),
        pairs.pairs
    );
    println!(
        "pairs: precision {:.3}  recall {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})",
        pairs.scores.precision,
        pairs.scores.recall,
        pairs.scores.f1,
        pairs.scores.tp,
        pairs.scores.fp,
        pairs.scores.fn_
    );
    if let Some(s) = separated {
        println!(
            "term vectors alone rank the {} same-story pairs with AUC {:.3}, average precision {:.3}",
            s.same_story_pairs, s.auc, s.average_precision
        );
    }
    if verbose {
        let mut by_story: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
        for d in &gold.documents {
            by_story
                .entry(d.story.as_str())
                .or_default()
                .push(d.id.as_str());
        }
        let mut names: Vec<&&str> = by_story.keys().collect();
        names.sort();
        for name in names {
            let mut groups: FxHashMap<&str, usize> = FxHashMap::default();
            for id in &by_story[*name] {
                if let Some(s) = predicted.get(*id) {
                    *groups.entry(s.as_str()).or_default() += 1;
                }
            }
            let mut g: Vec<(&str, usize)> = groups.into_iter().collect();
            g.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            println!(
                "  {name}: {} reports in {} predicted stories {:?}",
                by_story[*name].len(),
                g.len(),
                g
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Each report's countries for story clustering; none without a gazetteer
/// (the words alone then decide).
pub fn countries_of(
    reports: &[Report],
    resolver: Option<&Resolver>,
    opts: &StoryOptions,
) -> Vec<CountryWeights> {
    match resolver {
        Some(resolver) if opts.country_penalty > 0.0 => reports
            .par_iter()
            .map(|r| country_weights(resolver, r, opts.lead_words))
            .collect(),
        _ => Vec::new(),
    }
}
