//! Copy detection over a set of reports.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use rasd_core::report::{CharCounter, Report};

use crate::align::{coverage, passages};
use crate::minhash::{estimate, optimal_bands, Permutations};
use crate::shingles::{shingle, splitmix, Shingled};

/// How two reports share their text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CopyKind {
    /// The same text, character for character.
    ExactDuplicate,
    /// Each holds at least 90% of the other: one article filed twice.
    NearDuplicate,
    /// One prints passages of the other.
    Copy,
    /// What the two share is the fixed text of a recurring series (a daily
    /// weather or market report, a release repeated for each relief
    /// flight): most of the shared passages also appear on three or more
    /// other days. Shared text, but not one story's copy.
    Template,
    /// What the two share are formulas found in many reports (a royal
    /// title, a Quranic verse, a list of officials): 90% of the shared
    /// passages' sampled shingles are in 30 reports or more.
    Formula,
}

/// A shared passage: character spans in both reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Passage {
    pub a_start: usize,
    pub a_end: usize,
    pub b_start: usize,
    pub b_end: usize,
}

/// Two reports that share text.
#[derive(Debug, Clone, Serialize)]
pub struct CopyPair {
    pub a: String,
    pub b: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub a_outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub b_outlet: Option<String>,
    pub kind: CopyKind,
    /// Share of `a`'s words inside shared passages.
    pub containment_a: f64,
    pub containment_b: f64,
    /// The earlier publication, the likely origin; `None` when a time is
    /// missing or both are equal.
    pub origin: Option<String>,
    /// Share of the shared passages' sampled shingles that recur on three
    /// publication days or more (the fixed text of a series).
    pub recurring_share: f64,
    /// Share of them found in `common_df` reports or more (formulas:
    /// titles, verses, stock lines).
    pub common_share: f64,
    pub passages: Vec<Passage>,
    /// Index of `a` and `b` in the input.
    #[serde(skip)]
    pub index: (usize, usize),
}

/// Settings of copy detection.
#[derive(Debug, Clone)]
pub struct CopyOptions {
    pub num_perm: usize,
    /// Jaccard threshold of the LSH candidates.
    pub threshold: f64,
    /// A shingle is sampled for the partial-copy index when its top bits are
    /// zero: one in 2^`sample_bits`.
    pub sample_bits: u32,
    /// Sampled shingles found in more reports than this are boilerplate.
    pub max_posting: usize,
    /// A passage counts from this many words.
    pub min_passage_words: usize,
    /// A pair is a copy when its passages hold this many words of the shorter report.
    pub min_shared_words: usize,
    /// A sampled shingle found in this many reports is a formula.
    pub common_df: u32,
}

impl Default for CopyOptions {
    fn default() -> Self {
        CopyOptions {
            num_perm: 128,
            threshold: 0.3,
            sample_bits: 4,
            max_posting: 64,
            min_passage_words: 10,
            min_shared_words: 20,
            common_df: 30,
        }
    }
}

/// What detection counted along the way.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CopyStats {
    pub reports: usize,
    pub bands: usize,
    pub rows: usize,
    pub lsh_candidates: usize,
    pub sample_candidates: usize,
    pub candidates: usize,
    pub pairs: usize,
    /// Seconds per stage: shingles, signatures, lsh, sampled, alignment.
    pub seconds: Vec<(&'static str, f64)>,
}

/// Every pair of reports that share text, the earlier-indexed report as `a`.
pub fn detect(reports: &[Report], opts: &CopyOptions) -> (Vec<CopyPair>, CopyStats) {
    let perms = Permutations::new(opts.num_perm, 0x5241_5344);
    let (bands, rows) = optimal_bands(opts.threshold, opts.num_perm);
    let mut clock = std::time::Instant::now();
    let mut seconds = Vec::new();
    let mut lap = |name: &'static str, seconds: &mut Vec<(&'static str, f64)>| {
        seconds.push((name, clock.elapsed().as_secs_f64()));
        clock = std::time::Instant::now();
    };
    let mut shingled: Vec<Shingled> = reports.par_iter().map(|r| shingle(&r.text)).collect();
    lap("shingles", &mut seconds);
    let signatures: Vec<Vec<u32>> = shingled
        .par_iter()
        .map(|s| perms.signature(&s.shingles))
        .collect();
    lap("signatures", &mut seconds);
    let mut stats = CopyStats {
        reports: reports.len(),
        bands,
        rows,
        ..CopyStats::default()
    };
    // LSH: reports whose signatures agree on a whole band; bands in parallel.
    let band_pairs: Vec<Vec<(u32, u32)>> = (0..bands)
        .into_par_iter()
        .map(|band| {
            let mut buckets: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
            for (i, sig) in signatures.iter().enumerate() {
                if shingled[i].shingles.is_empty() {
                    continue;
                }
                let key = sig[band * rows..(band + 1) * rows]
                    .iter()
                    .fold(band as u64, |h, &v| splitmix(h ^ u64::from(v)));
                buckets.entry(key).or_default().push(i as u32);
            }
            let mut pairs = Vec::new();
            for docs in buckets.values().filter(|d| d.len() > 1 && d.len() <= 256) {
                for (x, &i) in docs.iter().enumerate() {
                    for &j in &docs[x + 1..] {
                        pairs.push((i, j));
                    }
                }
            }
            pairs
        })
        .collect();
    let mut lsh_pairs: Vec<(u32, u32)> = band_pairs.into_iter().flatten().collect();
    lsh_pairs.par_sort_unstable();
    lsh_pairs.dedup();
    // The whole signature must roughly agree too: one band in 37 agreeing
    // by chance is common at 3 rows.
    let mut candidates: FxHashSet<(u32, u32)> = lsh_pairs
        .into_par_iter()
        .filter(|&(i, j)| {
            estimate(&signatures[i as usize], &signatures[j as usize]) >= opts.threshold / 2.0
        })
        .collect::<Vec<_>>()
        .into_iter()
        .collect();
    stats.lsh_candidates = candidates.len();
    lap("lsh", &mut seconds);
    // Partial copies: reports sharing two sampled shingles.
    // (sampled shingle, report) for every report, sorted: the postings.
    let mut entries: Vec<(u64, u32)> = shingled
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, s)| {
            let mut sampled: Vec<u64> = s
                .shingles
                .iter()
                .copied()
                .filter(|&h| h >> (64 - opts.sample_bits) == 0)
                .collect();
            sampled.sort_unstable();
            sampled.dedup();
            sampled.into_iter().map(move |h| (h, i as u32))
        })
        .collect();
    entries.par_sort_unstable();
    let groups: Vec<&[(u64, u32)]> = entries.chunk_by(|a, b| a.0 == b.0).collect();
    // On how many publication days each sampled shingle appears.
    let day_of: Vec<Option<u32>> = reports.iter().map(publication_day).collect();
    // Per sampled shingle: publication days and reports it appears in.
    let days: FxHashMap<u64, (u16, u32)> = groups
        .par_iter()
        .map(|g| {
            let df = g.len() as u32;
            if g.len() > opts.max_posting {
                // Boilerplate: found everywhere, on every day.
                return (g[0].0, (u16::MAX, df));
            }
            let mut d: Vec<u32> = g.iter().filter_map(|&(_, i)| day_of[i as usize]).collect();
            d.sort_unstable();
            d.dedup();
            (g[0].0, (d.len() as u16, df))
        })
        .collect();
    // Pairs of reports sharing two sampled shingles or more.
    let mut co: Vec<(u32, u32)> = groups
        .par_iter()
        .filter(|g| g.len() > 1 && g.len() <= opts.max_posting)
        .flat_map_iter(|g| {
            (0..g.len()).flat_map(move |x| (x + 1..g.len()).map(move |y| (g[x].1, g[y].1)))
        })
        .collect();
    co.par_sort_unstable();
    let shared: Vec<(u32, u32)> = co
        .chunk_by(|a, b| a == b)
        .filter(|run| run.len() >= 2)
        .map(|run| run[0])
        .collect();
    let before = candidates.len();
    candidates.extend(shared);
    stats.sample_candidates = candidates.len() - before;
    stats.candidates = candidates.len();
    lap("sampled", &mut seconds);
    let mut candidates: Vec<(u32, u32)> = candidates.into_iter().collect();
    candidates.sort_unstable();
    let mut involved = vec![false; shingled.len()];
    for &(i, j) in &candidates {
        involved[i as usize] = true;
        involved[j as usize] = true;
    }
    shingled
        .par_iter_mut()
        .zip(involved.par_iter())
        .filter(|(_, &inv)| inv)
        .for_each(|(s, _)| s.sort_index());
    let shingled = &shingled;
    let mut pairs: Vec<CopyPair> = candidates
        .par_iter()
        .filter_map(|&(i, j)| verify(reports, shingled, &days, i as usize, j as usize, opts))
        .collect();
    pairs.sort_by_key(|p| p.index);
    stats.pairs = pairs.len();
    lap("alignment", &mut seconds);
    stats.seconds = seconds;
    (pairs, stats)
}

/// The publication day of a report (`YYYY-MM-DD…` as a number), if given.
fn publication_day(r: &Report) -> Option<u32> {
    let p = r.published.as_deref()?.get(..10)?;
    let (y, rest) = p.split_once('-')?;
    let (m, d) = rest.split_once('-')?;
    Some(y.parse::<u32>().ok()? * 372 + m.parse::<u32>().ok()? * 31 + d.parse::<u32>().ok()?)
}

/// Whether two reports were published on different days (both known).
fn different_days(a: &Report, b: &Report) -> bool {
    matches!((publication_day(a), publication_day(b)), (Some(x), Some(y)) if x != y)
}

fn verify(
    reports: &[Report],
    shingled: &[Shingled],
    days: &FxHashMap<u64, (u16, u32)>,
    i: usize,
    j: usize,
    opts: &CopyOptions,
) -> Option<CopyPair> {
    let (ra, rb) = (&reports[i], &reports[j]);
    let (sa, sb) = (&shingled[i], &shingled[j]);
    let exact = ra.text == rb.text;
    let found = passages(sa, sb, opts.min_passage_words);
    if found.is_empty() {
        return None;
    }
    let ca = coverage(found.iter().map(|p| p.a).collect(), sa.words.len());
    let cb = coverage(found.iter().map(|p| p.b).collect(), sb.words.len());
    let shared_words = (ca * sa.words.len() as f64).min(cb * sb.words.len() as f64);
    if !exact && shared_words < opts.min_shared_words as f64 {
        return None;
    }
    // The sampled shingles of the shared passages, and how many of them
    // recur on three days or more.
    let (mut sampled, mut recurring, mut common) = (0usize, 0usize, 0usize);
    for p in &found {
        for k in p.a.0..p.a.1.saturating_sub(crate::shingles::SHINGLE_WORDS - 1) {
            if let Some(&(d, df)) = sa.shingles.get(k).and_then(|h| days.get(h)) {
                sampled += 1;
                if d >= 3 {
                    recurring += 1;
                }
                if df >= opts.common_df {
                    common += 1;
                }
            }
        }
    }
    let share = |x: usize| {
        if sampled == 0 {
            0.0
        } else {
            x as f64 / sampled as f64
        }
    };
    let kind = if exact {
        CopyKind::ExactDuplicate
    } else if ca >= 0.9 && cb >= 0.9 {
        CopyKind::NearDuplicate
    } else if sampled > 0 && recurring * 2 >= sampled && different_days(ra, rb) {
        CopyKind::Template
    } else if sampled > 0 && common * 10 >= sampled * 9 {
        CopyKind::Formula
    } else {
        CopyKind::Copy
    };
    let origin = match (&ra.published, &rb.published) {
        (Some(x), Some(y)) if x < y => Some(ra.id.clone()),
        (Some(x), Some(y)) if y < x => Some(rb.id.clone()),
        _ => None,
    };
    // Character spans, converted walking forward through each text.
    let mut by_a = found.clone();
    by_a.sort_by_key(|p| p.a.0);
    let mut ca_counter = CharCounter::new(&ra.text);
    let mut a_spans: Vec<((usize, usize), (usize, usize))> = by_a
        .iter()
        .map(|p| {
            let s = ca_counter.char_offset(sa.words[p.a.0].0 as usize);
            let e = ca_counter.char_offset(sa.words[p.a.1 - 1].1 as usize);
            (p.b, (s, e))
        })
        .collect();
    a_spans.sort_by_key(|(b, _)| b.0);
    let mut cb_counter = CharCounter::new(&rb.text);
    let mut out: Vec<Passage> = a_spans
        .into_iter()
        .map(|(b, (a_start, a_end))| Passage {
            a_start,
            a_end,
            b_start: cb_counter.char_offset(sb.words[b.0].0 as usize),
            b_end: cb_counter.char_offset(sb.words[b.1 - 1].1 as usize),
        })
        .collect();
    out.sort_by_key(|p| (p.a_start, p.b_start));
    Some(CopyPair {
        a: ra.id.clone(),
        b: rb.id.clone(),
        a_outlet: ra.outlet.clone(),
        b_outlet: rb.outlet.clone(),
        kind,
        recurring_share: (share(recurring) * 1000.0).round() / 1000.0,
        common_share: (share(common) * 1000.0).round() / 1000.0,
        containment_a: (ca * 1000.0).round() / 1000.0,
        containment_b: (cb * 1000.0).round() / 1000.0,
        origin,
        passages: out,
        index: (i, j),
    })
}
