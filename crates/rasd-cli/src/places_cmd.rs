//! `rasd places`: every place each report names, resolved.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use rasd_places::claims::{report_places, PlaceMention};

use crate::documents::{self, LoopOptions};
use crate::Format;

pub fn run(
    inputs: Vec<PathBuf>,
    format: Format,
    max_doc_bytes: usize,
    quiet: bool,
) -> Result<ExitCode> {
    let resolver = crate::gazetteer_cmd::resolver()?;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    documents::run(
        inputs,
        LoopOptions {
            max_doc_bytes,
            all_duplicates: false,
            quiet,
            unit: "places",
        },
        |report| report_places(&resolver, report),
        |_, places| write_places(&mut out, &places, format).map(|_| places.len()),
    )?;
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e).context("writing places"),
        _ => {}
    }
    Ok(ExitCode::SUCCESS)
}

fn write_places(out: &mut impl Write, places: &[PlaceMention], format: Format) -> io::Result<()> {
    for m in places {
        match format {
            Format::Jsonl => {
                serde_json::to_writer(&mut *out, m)?;
                out.write_all(b"\n")?;
            }
            Format::Table => {
                let resolved = match &m.place {
                    Some(p) => format!(
                        "{}\t{} / {}\t{}{}{}\t{}\tprecision {} (UCDP {})\tconfidence {:.2}",
                        p.gazetteer_id,
                        p.name_ar,
                        p.name_en,
                        p.country,
                        p.admin1
                            .as_deref()
                            .map(|a| format!(" › {a}"))
                            .unwrap_or_default(),
                        p.admin2
                            .as_deref()
                            .map(|a| format!(" › {a}"))
                            .unwrap_or_default(),
                        match (p.lat, p.lon) {
                            (Some(a), Some(b)) => format!("{a:.4},{b:.4}"),
                            _ => "-".into(),
                        },
                        p.geo_precision,
                        p.where_prec,
                        p.confidence
                    ),
                    None => "unresolved".into(),
                };
                let direction = m
                    .direction
                    .as_deref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{}\t«{}»{direction} @{}-{}\t{resolved}",
                    m.doc_id, m.mention, m.evidence.start, m.evidence.end
                )?;
            }
        }
    }
    Ok(())
}
