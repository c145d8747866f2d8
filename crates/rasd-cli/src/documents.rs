//! The document loop shared by the commands that read reports: ingest in
//! batches, work on each document in parallel, emit results in input
//! order, report rejects and duplicates, and sum up on stderr.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use rayon::prelude::*;

use rasd_core::ingest::{Batches, DuplicateIndex, IngestOptions, Location, Reject};
use rasd_core::report::Report;

use crate::progress::bytes_bar;

pub struct LoopOptions {
    pub max_doc_bytes: usize,
    pub all_duplicates: bool,
    pub quiet: bool,
    /// What the summary line counts ("claims", "places").
    pub unit: &'static str,
}

/// What a worker makes of one raw document.
enum Outcome<T> {
    Read(Report, T),
    Rejected(Reject),
    /// The work failed on a defect of Rasd's: reported, counted, skipped.
    Failed(Location, String),
}

/// Runs `work` on every document of `inputs` and passes each result to
/// `emit` in input order. `emit` returns how many items it wrote; a
/// broken pipe ends the run quietly.
pub fn run<T, W, E>(inputs: Vec<PathBuf>, options: LoopOptions, work: W, mut emit: E) -> Result<()>
where
    T: Send,
    W: Fn(&Report) -> T + Sync,
    E: FnMut(&Report, T) -> io::Result<usize>,
{
    let started = Instant::now();
    let ingest = IngestOptions {
        max_doc_bytes: options.max_doc_bytes,
        ..IngestOptions::default()
    };
    let mut batches = Batches::spawn(inputs, ingest);
    let bar = bytes_bar(
        batches.total_bytes(),
        options.quiet || !io::stderr().is_terminal(),
    );
    let mut duplicates = DuplicateIndex::default();
    let (mut read, mut rejected, mut items, mut bytes_of_text) = (0usize, 0usize, 0usize, 0usize);
    let mut duplicate_notes: Vec<String> = Vec::new();
    let mut duplicate_count = 0usize;
    while let Some(batch) = batches.next() {
        let outcomes: Vec<Outcome<T>> = batch
            .into_par_iter()
            .map(|raw| {
                let location = raw.location.clone();
                match raw.parse() {
                    // A defect in extraction costs one document, not the run.
                    Ok(report) => {
                        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            work(&report)
                        })) {
                            Ok(t) => Outcome::Read(report, t),
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
                Outcome::Read(report, t) => {
                    read += 1;
                    bytes_of_text += report.text.len();
                    if let Some(first) = duplicates.check(&report) {
                        duplicate_count += 1;
                        if options.all_duplicates || duplicate_notes.len() < 10 {
                            duplicate_notes
                                .push(format!("{} has the same text as {}", report.id, first));
                        }
                    }
                    match emit(&report, t) {
                        Ok(n) => items += n,
                        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(()),
                        Err(e) => return Err(anyhow::Error::new(e).context("writing output")),
                    }
                }
            }
        }
        bar.set_position(batches.bytes_read());
    }
    bar.finish_and_clear();
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
            "rasd: {read} documents read, {rejected} rejected, {duplicate_count} exact duplicates; {items} {}; {seconds:.2} s ({:.0} documents/s, {:.1} MB/s of text)",
            options.unit,
            read as f64 / seconds.max(1e-9),
            bytes_of_text as f64 / 1e6 / seconds.max(1e-9)
        );
    }
    Ok(())
}

/// Every good report of the inputs, parsed in parallel; rejects reported.
pub fn read_reports(
    inputs: Vec<PathBuf>,
    max_doc_bytes: usize,
    quiet: bool,
) -> (Vec<Report>, usize) {
    let ingest = IngestOptions {
        max_doc_bytes,
        ..IngestOptions::default()
    };
    let mut batches = Batches::spawn(inputs, ingest);
    let bar = bytes_bar(batches.total_bytes(), quiet || !io::stderr().is_terminal());
    let (mut reports, mut rejected) = (Vec::new(), 0usize);
    while let Some(batch) = batches.next() {
        let parsed: Vec<_> = batch.into_par_iter().map(|raw| raw.parse()).collect();
        for p in parsed {
            match p {
                Ok(r) => reports.push(r),
                Err(reject) => {
                    rejected += 1;
                    bar.suspend(|| eprintln!("rasd: skipped {reject}"));
                }
            }
        }
        bar.set_position(batches.bytes_read());
    }
    bar.finish_and_clear();
    (reports, rejected)
}
