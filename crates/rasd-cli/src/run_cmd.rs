//! `rasd run`: the main job. Every per-report stage over the new reports,
//! stored in batches; then copies, stories and incidents rebuilt over all
//! stored reports; then a report of stories and incidents.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use rustc_hash::FxHashMap;

use rasd_copies::{detect, CopyOptions};
use rasd_core::claims::Extractor;
use rasd_core::report::Report;
use rasd_incidents::ClaimRecord;
use rasd_store::{known, CopyRow, Derived, Known, NewReport, Store, StoryMember, StoryRow};

use crate::documents::{self, LoopOptions};
use crate::pipeline::ReportAnalyzer;
use crate::report_view;

/// Reports stored per transaction by default: a killed run loses at most
/// this many.
pub const BATCH: usize = 500;

/// Test hook: abort the process (as a crash would) once this many batches
/// are committed, to prove a killed run loses nothing it committed.
const ABORT_AFTER_BATCHES: &str = "RASD_ABORT_AFTER_BATCHES";

pub struct Options {
    pub db: PathBuf,
    pub json: bool,
    pub published: Option<String>,
    pub max_doc_bytes: usize,
    pub quiet: bool,
    pub story: rasd_stories::StoryOptions,
    /// Stories shown in the readable report (all with `--json`).
    pub limit: usize,
    /// Reports per transaction.
    pub batch: usize,
}

/// What one ingest added.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Ingested {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub rebuilt: bool,
    pub counts: rasd_store::Counts,
}

pub fn run(inputs: Vec<PathBuf>, options: Options) -> Result<ExitCode> {
    let started = Instant::now();
    let (store, _) = ingest(inputs, &options)?;
    let view = rasd_store::view::load(&store)?;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = if options.json {
        serde_json::to_writer_pretty(&mut out, &view)
            .map_err(io::Error::from)
            .and_then(|_| out.write_all(b"\n"))
    } else {
        report_view::write_table(&mut out, &view, options.limit)
    };
    match written.and_then(|_| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            return Err(e).context("writing the report")
        }
        _ => {}
    }
    if !options.quiet {
        let counts = store.counts()?;
        eprintln!(
            "rasd: {} holds {} reports, {} claims, {} copy pairs, {} stories, {} incidents; {:.2} s in all",
            options.db.display(),
            counts.reports,
            counts.claims,
            counts.copies,
            counts.stories,
            counts.incidents,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Every per-report stage over the new reports of `inputs`, stored in
/// batches, then the rebuild of copies, stories and incidents when
/// anything changed. Returns the open store and what was added.
pub fn ingest(inputs: Vec<PathBuf>, options: &Options) -> Result<(Store, Ingested)> {
    let started = Instant::now();
    let default_published = match &options.published {
        Some(p) => Some(
            rasd_dates::parse_published(p)
                .with_context(|| format!("--published {p}: expected a date such as 2016-11-17"))?,
        ),
        None => None,
    };
    let mut store = Store::open(&options.db).context("opening the database")?;
    let analyzer = ReportAnalyzer {
        extractor: Extractor::new(),
        resolver: crate::gazetteer_cmd::resolver_if_imported(options.quiet)?,
        tagger: rasd_events::EventTagger::new(),
        default_published,
    };
    let digests = store.digests()?;
    let mut pending: Vec<Pending> = Vec::new();
    let (mut added, mut unchanged, mut replaced) = (0usize, 0usize, 0usize);
    let mut store_error: Option<rasd_store::StoreError> = None;
    let published_arg = options.published.clone();
    let batch_size = options.batch.max(1);
    let abort_after: Option<usize> = std::env::var(ABORT_AFTER_BATCHES)
        .ok()
        .and_then(|v| v.parse().ok());
    let mut batches_committed = 0usize;
    documents::run(
        inputs,
        LoopOptions {
            max_doc_bytes: options.max_doc_bytes,
            all_duplicates: false,
            quiet: options.quiet,
            unit: "claims",
        },
        |report| match known(&digests, report) {
            Known::Same => None,
            k => Some((
                k,
                analyzer.records(report),
                rasd_store::search::report_terms(report),
                analyzer
                    .resolver
                    .as_ref()
                    .filter(|_| options.story.country_penalty > 0.0)
                    .map(|r| {
                        rasd_places::countries::country_weights(r, report, options.story.lead_words)
                    }),
            )),
        },
        |report, outcome| {
            let Some((k, records, words, countries)) = outcome else {
                unchanged += 1;
                return Ok(0);
            };
            match k {
                Known::Changed => replaced += 1,
                _ => added += 1,
            }
            let n = records.len();
            let mut report = report.clone();
            // A report with no time of its own is stored with the one the
            // run gave it, so that later runs resolve its dates alike.
            if report.published.is_none() {
                report.published = published_arg.clone();
            }
            pending.push((report, records, words, countries));
            if pending.len() >= batch_size {
                if let Err(e) = flush(&mut store, &mut pending) {
                    store_error = Some(e);
                    return Err(io::Error::other("the database refused a batch"));
                }
                batches_committed += 1;
                if abort_after == Some(batches_committed) {
                    std::process::abort();
                }
            }
            Ok(n)
        },
    )
    .map_err(|e| match store_error.take() {
        Some(s) => anyhow::Error::new(s),
        None => e,
    })?;
    if let Some(e) = store_error {
        return Err(e.into());
    }
    flush(&mut store, &mut pending)?;
    let stored = Instant::now();
    if !options.quiet {
        eprintln!(
            "rasd: {added} reports added, {replaced} replaced, {unchanged} already stored; {:.2} s",
            stored.duration_since(started).as_secs_f64()
        );
    }
    let rebuilt = store.dirty()?;
    if rebuilt {
        rebuild(&mut store, options, analyzer.resolver.as_ref())?;
    } else if !options.quiet {
        eprintln!("rasd: nothing new: copies, stories and incidents unchanged");
    }
    let counts = store.counts()?;
    Ok((
        store,
        Ingested {
            added,
            replaced,
            unchanged,
            rebuilt,
            counts,
        },
    ))
}

/// The commands that read a database (export, serve) need one built by
/// `rasd run`; say how to build it rather than create an empty one.
pub fn require_database(db: &std::path::Path) -> Result<()> {
    anyhow::ensure!(
        db.exists(),
        "no database at {} (build one with `rasd run INPUT... --db {}`)",
        db.display(),
        db.display()
    );
    Ok(())
}

/// A report read, its claim records and its search terms, waiting for its batch.
type Pending = (
    Report,
    Vec<ClaimRecord>,
    String,
    Option<rasd_stories::CountryWeights>,
);

fn flush(store: &mut Store, pending: &mut Vec<Pending>) -> rasd_store::Result<()> {
    if pending.is_empty() {
        return Ok(());
    }
    let batch: Vec<NewReport> = pending
        .iter_mut()
        .map(|(report, records, words, countries)| NewReport {
            report,
            claims: std::mem::take(records),
            search_terms: std::mem::take(words),
            countries: countries.take(),
        })
        .collect();
    store.add_reports(&batch)?;
    pending.clear();
    Ok(())
}

/// Copies, stories and incidents over every stored report.
fn rebuild(
    store: &mut Store,
    options: &Options,
    resolver: Option<&rasd_places::resolve::Resolver>,
) -> Result<()> {
    let started = Instant::now();
    let reports = store.reports()?;
    let mut records = store.claim_records()?;
    for r in &mut records {
        r.origin = None;
    }
    let loaded = started.elapsed().as_secs_f64();

    let t = Instant::now();
    let (pairs, _) = detect(&reports, &CopyOptions::default());
    let claim_links = link_claims(&pairs, &records);
    let copies: Vec<CopyRow> = pairs
        .iter()
        .map(|p| CopyRow {
            a: p.a.clone(),
            b: p.b.clone(),
            kind: serde_json::to_value(p.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            origin: p.origin.clone(),
            data: serde_json::to_string(p).expect("copy pairs serialize"),
        })
        .collect();
    let copies_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let previous = store.story_members()?;
    let countries = stored_countries(store, &reports, resolver, &options.story)?;
    let (stories, members) = stories_of(&reports, &countries, &previous, &options.story);
    let stories_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let origin_of: FxHashMap<&str, &str> = claim_links
        .iter()
        .map(|(k, o)| (k.as_str(), o.as_str()))
        .collect();
    for r in &mut records {
        r.origin = origin_of.get(r.key.as_str()).map(|o| o.to_string());
    }
    let story_of: FxHashMap<String, String> = members
        .iter()
        .map(|m| (m.doc_id.clone(), m.story_id.clone()))
        .collect();
    let incidents = rasd_incidents::build(&records, &story_of);
    let incidents_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    store.replace_derived(&Derived {
        copies: &copies,
        claim_links: &claim_links,
        stories: &stories,
        members: &members,
        incidents: &incidents,
        records: &records,
    })?;
    if !options.quiet {
        eprintln!(
            "rasd: rebuilt over {} reports: {} copy pairs ({} claims reprinted), {} stories, {} incidents; load {loaded:.2} s, copies {copies_s:.2} s, stories {stories_s:.2} s, incidents {incidents_s:.2} s, store {:.2} s",
            reports.len(),
            copies.len(),
            claim_links.len(),
            stories.len(),
            incidents.len(),
            t.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// (claim key, origin claim key) for every claim in a copied passage.
fn link_claims(pairs: &[rasd_copies::CopyPair], records: &[ClaimRecord]) -> Vec<(String, String)> {
    let mut by_doc: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, r) in records.iter().enumerate() {
        by_doc.entry(r.doc_id()).or_default().push(i);
    }
    // Each report's claims once, not once per pair it stands in.
    let claims: FxHashMap<&str, Vec<rasd_core::claims::Claim>> = by_doc
        .iter()
        .map(|(doc, v)| (*doc, v.iter().map(|&i| records[i].claim.clone()).collect()))
        .collect();
    let key_of = |doc: &str, start: usize, end: usize| -> Option<String> {
        by_doc.get(doc)?.iter().find_map(|&i| {
            let e = &records[i].claim.evidence;
            (e.start == start && e.end == end).then(|| records[i].key.clone())
        })
    };
    let mut links: Vec<(String, String)> = Vec::new();
    for pair in pairs {
        if !pair.kind.is_copy() {
            continue;
        }
        let (Some(claims_a), Some(claims_b)) =
            (claims.get(pair.a.as_str()), claims.get(pair.b.as_str()))
        else {
            continue;
        };
        // With no publication times the direction is unknown; the pair's
        // first report stands for the origin so that the figure counts once.
        let undirected;
        let pair = if pair.origin.is_some() {
            pair
        } else {
            undirected = rasd_copies::CopyPair {
                origin: Some(pair.a.clone()),
                ..pair.clone()
            };
            &undirected
        };
        for l in rasd_copies::claims::link(pair, claims_a, claims_b) {
            let claim = key_of(&l.claim.doc_id, l.claim.start, l.claim.end);
            let origin = key_of(
                &l.origin_claim.doc_id,
                l.origin_claim.start,
                l.origin_claim.end,
            );
            if let (Some(c), Some(o)) = (claim, origin) {
                links.push((c, o));
            }
        }
    }
    links.sort();
    links.dedup_by(|a, b| a.0 == b.0);
    links
}

/// Each report's countries: those stored when it was read, and for the
/// reports read without a gazetteer (or by an earlier rasd), resolved now
/// when there is one.
fn stored_countries(
    store: &Store,
    reports: &[Report],
    resolver: Option<&rasd_places::resolve::Resolver>,
    opts: &rasd_stories::StoryOptions,
) -> Result<Vec<rasd_stories::CountryWeights>> {
    use rayon::prelude::*;
    let stored = store.report_countries()?;
    let resolver = resolver.filter(|_| opts.country_penalty > 0.0);
    if stored.is_empty() && resolver.is_none() {
        return Ok(Vec::new());
    }
    Ok(reports
        .par_iter()
        .map(|r| match (stored.get(&r.id), resolver) {
            (Some(c), _) => c.clone(),
            (None, Some(resolver)) => {
                rasd_places::countries::country_weights(resolver, r, opts.lead_words)
            }
            (None, None) => Vec::new(),
        })
        .collect())
}

/// Stories over all reports. A story keeps the id it had when most of its
/// reports were last clustered, so that adding reports never renumbers
/// stories already reported.
fn stories_of(
    reports: &[Report],
    countries: &[rasd_stories::CountryWeights],
    previous: &[StoryMember],
    opts: &rasd_stories::StoryOptions,
) -> (Vec<StoryRow>, Vec<StoryMember>) {
    let assignments = rasd_stories::cluster_with_countries(reports, countries, opts);
    let before: FxHashMap<&str, &str> = previous
        .iter()
        .map(|m| (m.doc_id.as_str(), m.story_id.as_str()))
        .collect();
    let mut clusters: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for a in &assignments {
        clusters
            .entry(a.story_id.as_str())
            .or_default()
            .push(a.index);
    }
    let mut taken: rustc_hash::FxHashSet<String> = Default::default();
    let mut rename: FxHashMap<&str, String> = FxHashMap::default();
    // First every story that can keep an old id keeps it; then the others
    // take their founder's id, or a fresh one when an old story kept that
    // id (two ids must never meet in one table).
    let mut unnamed: Vec<&str> = Vec::new();
    for (id, members) in &clusters {
        let mut votes: Vec<(&str, usize)> = Vec::new();
        for &i in members {
            if let Some(old) = before.get(reports[i].id.as_str()) {
                match votes.iter_mut().find(|(o, _)| o == old) {
                    Some(v) => v.1 += 1,
                    None => votes.push((old, 1)),
                }
            }
        }
        votes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let kept = votes
            .into_iter()
            .map(|(o, _)| o.to_string())
            .find(|o| !taken.contains(o));
        match kept {
            Some(old) => {
                taken.insert(old.clone());
                rename.insert(id, old);
            }
            None => unnamed.push(id),
        }
    }
    for id in unnamed {
        let mut new_id = id.to_string();
        let mut n = 2;
        while taken.contains(&new_id) {
            new_id = format!("{id}~{n}");
            n += 1;
        }
        taken.insert(new_id.clone());
        rename.insert(id, new_id);
    }
    let members: Vec<StoryMember> = assignments
        .iter()
        .map(|a| StoryMember {
            doc_id: a.doc_id.clone(),
            story_id: rename[a.story_id.as_str()].clone(),
            similarity: a.similarity,
        })
        .collect();
    let mut stories: Vec<StoryRow> = clusters
        .iter()
        .map(|(id, idx)| {
            let founder = idx
                .iter()
                .map(|&i| &reports[i])
                .find(|r| r.id == *id)
                .unwrap_or(&reports[idx[0]]);
            let mut times: Vec<&str> = idx
                .iter()
                .filter_map(|&i| reports[i].published.as_deref())
                .collect();
            times.sort_unstable();
            StoryRow {
                id: rename[id].clone(),
                title: founder
                    .title
                    .clone()
                    .or_else(|| Some(lead_of(&founder.text))),
                first_published: times.first().map(|s| s.to_string()),
                last_published: times.last().map(|s| s.to_string()),
                reports: idx.len(),
            }
        })
        .collect();
    stories.sort_by(|a, b| a.id.cmp(&b.id));
    (stories, members)
}

/// The first words of a text with no title, to name its story.
fn lead_of(text: &str) -> String {
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut out = String::new();
    for w in first_line.split_whitespace() {
        if out.chars().count() + w.chars().count() > 80 {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(id: &str, when: &str, title: &str, text: &str) -> Report {
        Report {
            id: id.into(),
            published: Some(when.into()),
            title: Some(title.into()),
            text: text.into(),
            ..Report::default()
        }
    }

    #[test]
    fn a_story_never_takes_an_id_an_older_story_kept() {
        // Report a was stored in the story called "b"; report b is new and
        // founds a story of its own: it cannot be called "b" too.
        let reports = vec![
            report(
                "a",
                "2018-04-07T10:00:00Z",
                "هجوم كيماوي على دوما",
                "قتل عشرات المدنيين في هجوم كيماوي على مدينة دوما في الغوطة الشرقية",
            ),
            report(
                "b",
                "2018-04-07T11:00:00Z",
                "ولي العهد السعودي يصل إلى باريس",
                "وصل ولي العهد السعودي الأمير محمد بن سلمان إلى باريس في زيارة رسمية لفرنسا",
            ),
        ];
        let previous = vec![StoryMember {
            doc_id: "a".into(),
            story_id: "b".into(),
            similarity: 1.0,
        }];
        let (stories, members) = stories_of(
            &reports,
            &[],
            &previous,
            &rasd_stories::StoryOptions::default(),
        );
        let mut ids: Vec<&str> = stories.iter().map(|s| s.id.as_str()).collect();
        ids.sort_unstable();
        assert_eq!(ids, ["b", "b~2"], "{members:?}");
        assert_eq!(members[0].story_id, "b");
    }
}
