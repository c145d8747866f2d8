//! `rasd serve`: the web app over a database built by `rasd run`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result};

use rasd_web::{AppState, Ingest};

use crate::run_cmd;

pub struct Options {
    pub db: PathBuf,
    pub bind: SocketAddr,
    pub allow_ingest: bool,
}

pub fn run(options: Options) -> Result<ExitCode> {
    crate::run_cmd::require_database(&options.db)?;
    // Fail now, not on the first request, if the database cannot be read.
    rasd_store::Store::open_read_only(&options.db).context("opening the database")?;
    let resolver = crate::gazetteer_cmd::resolver_if_imported(false)?;
    let ingest: Option<Box<Ingest>> = options.allow_ingest.then(|| {
        let db = options.db.clone();
        let ingest: Box<Ingest> = Box::new(move |body: Vec<u8>| {
            let dir = std::env::temp_dir().join(format!("rasd-serve-{}", std::process::id()));
            std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
            let file = dir.join("posted.jsonl");
            std::fs::write(&file, body).map_err(|e| e.to_string())?;
            let opts = run_cmd::Options {
                db: db.clone(),
                json: false,
                published: None,
                max_doc_bytes: rasd_core::ingest::DEFAULT_MAX_DOC_BYTES,
                quiet: true,
                story: rasd_stories::StoryOptions::default(),
                limit: 0,
                batch: run_cmd::BATCH,
            };
            let result = run_cmd::ingest(vec![file.clone()], &opts);
            let _ = std::fs::remove_file(&file);
            let (_, ingested) = result.map_err(|e| format!("{e:#}"))?;
            serde_json::to_value(ingested).map_err(|e| e.to_string())
        });
        ingest
    });
    let state = Arc::new(AppState {
        db: options.db.clone(),
        resolver,
        ingest,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the server's runtime")?;
    eprintln!(
        "rasd: serving {} at http://{}/ ({}); Ctrl-C stops",
        options.db.display(),
        options.bind,
        if options.allow_ingest {
            "POST /api/reports adds reports"
        } else {
            "read only"
        }
    );
    runtime
        .block_on(rasd_web::serve(state, options.bind))
        .with_context(|| format!("serving at {}", options.bind))?;
    Ok(ExitCode::SUCCESS)
}
