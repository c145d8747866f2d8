//! `rasd`: sourced casualty claims from Arabic news reports.

mod claims_cmd;
mod eval_cmd;
mod progress;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "rasd",
    version,
    about = "Rasd (رصد): casualty claims from Arabic news reports, each with its source and evidence"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// A readable table.
    Table,
    /// One JSON object a line.
    Jsonl,
}

#[derive(Subcommand)]
enum Command {
    /// Extract every casualty claim from reports.
    Claims {
        /// `.txt` files, directories, `.jsonl`/`.jsonl.gz` files, or `-` for JSONL on stdin.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        /// Reject documents larger than this many bytes.
        #[arg(long, default_value_t = rasd_core::ingest::DEFAULT_MAX_DOC_BYTES)]
        max_doc_bytes: usize,
        /// List every exact duplicate text, not only the first ten.
        #[arg(long)]
        all_duplicates: bool,
        /// No progress bar and no summary on stderr (rejects are still reported).
        #[arg(long, short)]
        quiet: bool,
    },
    /// Score extraction against a gold file (`rasd-gold/1` or `rasd-corpus-gold/1`).
    Eval {
        #[arg(long)]
        gold: PathBuf,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
        /// Folder of the corpus files a `rasd-corpus-gold/1` file names
        /// (default: `shared/corpora` beside an ancestor of the gold file).
        #[arg(long)]
        corpora: Option<PathBuf>,
        /// Also list attribute errors of matched claims.
        #[arg(long, short)]
        verbose: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Claims {
            inputs,
            format,
            max_doc_bytes,
            all_duplicates,
            quiet,
        } => claims_cmd::run(
            inputs,
            claims_cmd::Options {
                format,
                max_doc_bytes,
                all_duplicates,
                quiet,
            },
        ),
        Command::Eval {
            gold,
            json,
            corpora,
            verbose,
        } => eval_cmd::run(&gold, corpora.as_deref(), json, verbose),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rasd: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
