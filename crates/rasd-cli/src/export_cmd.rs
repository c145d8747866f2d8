//! `rasd export`: the stored incidents in the formats analysts load them
//! in: ACLED's CSV columns, UCDP GED-style best/low/high, GeoJSON points,
//! and JSON lines with every claim.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use rasd_store::export::{rows_for, write, ExportFormat};
use rasd_store::Store;

pub struct Options {
    pub db: PathBuf,
    pub format: ExportFormat,
    pub output: Option<PathBuf>,
    /// Also rows for incidents inside an aggregate (their deaths are in the
    /// aggregate's figures already: summing both counts them twice).
    pub nested: bool,
}

pub fn run(options: Options) -> Result<ExitCode> {
    crate::run_cmd::require_database(&options.db)?;
    let store = Store::open(&options.db).context("opening the database")?;
    let mut incidents = store.incidents()?;
    // Only the JSON lines carry the claims.
    let records = match options.format {
        ExportFormat::Jsonl => store.claim_records()?,
        _ => Vec::new(),
    };
    let writer: Box<dyn Write> = match &options.output {
        Some(p) => Box::new(File::create(p).with_context(|| format!("creating {}", p.display()))?),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, writer);
    rows_for(options.format, &mut incidents, options.nested);
    let rows = match write(&mut out, options.format, &incidents, &records) {
        Ok(n) => n,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(e).context(format!("writing {}", options.format.as_str())),
    };
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            return Err(e).context("writing the export")
        }
        _ => {}
    }
    eprintln!(
        "rasd: exported {rows} incidents as {}{}",
        options.format.as_str(),
        options
            .output
            .as_deref()
            .map_or(String::new(), |p: &Path| format!(" to {}", p.display()))
    );
    Ok(ExitCode::SUCCESS)
}
