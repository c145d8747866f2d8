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
    /// passages' sampled shingles are in 30 reports or more, or, for short
    /// passages, fewer than 12 of all their shingles are in fewer than 30
    /// (a stock line and a title in otherwise different news).
    Formula,
    /// A sentence or two in passing: the shared passages are under 7.5% of
    /// each report (background, a stock line, a series' link list inside
    /// otherwise different reports). Shared words, not one story's copy.
    Passing,
}

impl CopyKind {
    /// Whether one report prints the other's text as its own: the kinds
    /// whose claims point to the origin's and whose sources count once.
    pub fn is_copy(self) -> bool {
        matches!(
            self,
            CopyKind::ExactDuplicate | CopyKind::NearDuplicate | CopyKind::Copy
        )
    }
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
    /// A copy with short passages shares at least this many distinct
    /// shingles found in fewer than `common_df` reports; fewer make a formula.
    pub min_rare_shingles: usize,
    /// Shared passages under this share of each report are in passing.
    pub max_passing_share: f64,
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
            min_rare_shingles: 12,
            max_passing_share: 0.075,
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
    let verified: Vec<(CopyPair, Option<Vec<u64>>)> = candidates
        .par_iter()
        .filter_map(|&(i, j)| verify(reports, shingled, &days, i as usize, j as usize, opts))
        .collect();
    let mut pairs = flag_thin_copies(verified, shingled, opts);
    pairs.sort_by_key(|p| p.index);
    stats.pairs = pairs.len();
    lap("alignment", &mut seconds);
    stats.seconds = seconds;
    (pairs, stats)
}

/// Passages of fewer shingles than this are short: one shingle in 16 is
/// sampled, so longer ones bring ten sampled shingles or more to the
/// formula test and are left to it.
const SHORT_PASSAGE_SHINGLES: usize = 160;

/// A copy whose shared passages hold fewer than `min_rare_shingles`
/// distinct shingles found in fewer than `common_df` reports shares only
/// stock text: a title, a stock line of a series, a list of officials. The
/// sampled index cannot tell this for short passages (one shingle in 16),
/// so the passages' own shingles are counted over every report, in parallel
/// and only for those shingles.
fn flag_thin_copies(
    verified: Vec<(CopyPair, Option<Vec<u64>>)>,
    shingled: &[Shingled],
    opts: &CopyOptions,
) -> Vec<CopyPair> {
    let wanted: FxHashSet<u64> = verified
        .iter()
        .flat_map(|(_, hashes)| hashes.iter().flatten().copied())
        .collect();
    if wanted.is_empty() {
        return verified.into_iter().map(|(p, _)| p).collect();
    }
    let mut hits: Vec<u64> = shingled
        .par_iter()
        .flat_map_iter(|s| {
            let mut own: Vec<u64> = s
                .shingles
                .iter()
                .copied()
                .filter(|h| wanted.contains(h))
                .collect();
            own.sort_unstable();
            own.dedup();
            own
        })
        .collect();
    hits.par_sort_unstable();
    let df: FxHashMap<u64, u32> = hits
        .chunk_by(|a, b| a == b)
        .map(|run| (run[0], run.len() as u32))
        .collect();
    verified
        .into_par_iter()
        .map(|(mut pair, hashes)| {
            if let Some(hashes) = hashes {
                let rare = hashes
                    .iter()
                    .filter(|h| df.get(h).is_some_and(|&d| d < opts.common_df))
                    .count();
                if pair.kind == CopyKind::Copy && rare < opts.min_rare_shingles {
                    pair.kind = CopyKind::Formula;
                }
            }
            pair
        })
        .collect()
}

/// Shingles of a pair's passages on `a`'s side, repeats included.
fn found_shingles(found: &[crate::align::WordPassage]) -> usize {
    found
        .iter()
        .map(|p| {
            p.a.1
                .saturating_sub(p.a.0 + crate::shingles::SHINGLE_WORDS - 1)
        })
        .sum()
}

/// What two reports share, as far as the kind of pair goes.
struct SharedText {
    exact: bool,
    /// Share of each report's words inside shared passages.
    containment: (f64, f64),
    /// Sampled shingles of the shared passages; of them, those recurring on
    /// three days or more, and those in `common_df` reports or more.
    sampled: usize,
    recurring: usize,
    common: usize,
    different_days: bool,
}

/// The kind of a verified pair (before thin copies are flagged as formulas).
fn classify(t: &SharedText, opts: &CopyOptions) -> CopyKind {
    let (ca, cb) = t.containment;
    if t.exact {
        CopyKind::ExactDuplicate
    } else if ca >= 0.9 && cb >= 0.9 {
        CopyKind::NearDuplicate
    } else if t.sampled > 0 && t.recurring * 2 >= t.sampled && t.different_days {
        CopyKind::Template
    } else if t.sampled > 0 && t.common * 10 >= t.sampled * 9 {
        CopyKind::Formula
    } else if ca.max(cb) < opts.max_passing_share {
        CopyKind::Passing
    } else {
        CopyKind::Copy
    }
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
) -> Option<(CopyPair, Option<Vec<u64>>)> {
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
    let kind = classify(
        &SharedText {
            exact,
            containment: (ca, cb),
            sampled,
            recurring,
            common,
            different_days: different_days(ra, rb),
        },
        opts,
    );
    // A copy's distinct shared shingles, for the count of rare ones: only
    // for short passages (see SHORT_PASSAGE_SHINGLES).
    let shared_shingles: Option<Vec<u64>> =
        (kind == CopyKind::Copy && found_shingles(&found) < SHORT_PASSAGE_SHINGLES).then(|| {
            let mut h: Vec<u64> = found
                .iter()
                .flat_map(|p| {
                    let end = p.a.1.saturating_sub(crate::shingles::SHINGLE_WORDS - 1);
                    sa.shingles
                        .get(p.a.0.min(end)..end)
                        .unwrap_or(&[])
                        .iter()
                        .copied()
                })
                .collect();
            h.sort_unstable();
            h.dedup();
            h
        });
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
    let pair = CopyPair {
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
    };
    Some((pair, shared_shingles))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(id: &str, text: String) -> Report {
        Report {
            id: id.into(),
            published: Some("2015-08-10T08:00:00Z".into()),
            text,
            ..Report::default()
        }
    }

    /// The stock line a series of releases closes with, in 40 of them.
    const STOCK: &str = "وتأتي هذه الزيارة في إطار توجيهات خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود حفظه الله بتعزيز التواصل مع المواطنين في مختلف مناطق المملكة";

    fn release(n: usize) -> String {
        format!(
            "استقبل أمير المنطقة {n} وفدا من أهالي المحافظة {} واستمع إلى مطالبهم في الجلسة {}. {STOCK}.",
            n * 7 + 3,
            n * 13 + 5
        )
    }

    #[test]
    fn a_stock_line_is_no_copy_but_a_shared_paragraph_is() {
        let mut reports: Vec<Report> = (0..40)
            .map(|n| report(&format!("r{n}"), release(n)))
            .collect();
        let wire = "أفاد الدفاع المدني بأن حريقا اندلع في مستودع للأخشاب جنوب مدينة جدة فجر اليوم وأن فرق الإطفاء تمكنت من السيطرة عليه بعد ثلاث ساعات دون تسجيل إصابات بين العاملين أو السكان المجاورين";
        reports.push(report(
            "x",
            format!("{wire}. وقال المتحدث إن التحقيق جار لمعرفة الأسباب. {STOCK}."),
        ));
        reports.push(report(
            "y",
            format!("{wire}. وأضاف أن المستودع كان مخالفا لشروط السلامة. {STOCK}."),
        ));
        let (pairs, _) = detect(&reports, &CopyOptions::default());
        let copy = |a: &str, b: &str| {
            pairs
                .iter()
                .find(|p| (p.a == a && p.b == b) || (p.a == b && p.b == a))
                .map(|p| p.kind)
        };
        assert_eq!(copy("x", "y"), Some(CopyKind::Copy), "{pairs:?}");
        let stock_copies: Vec<_> = pairs
            .iter()
            .filter(|p| p.kind == CopyKind::Copy && !(p.a == "x" && p.b == "y"))
            .map(|p| (&p.a, &p.b))
            .collect();
        assert!(
            stock_copies.is_empty(),
            "stock-line pairs taken for copies: {stock_copies:?}"
        );
        assert!(
            pairs.iter().any(|p| p.kind == CopyKind::Formula),
            "{pairs:?}"
        );
    }

    fn shingled_with(shingles: Vec<u64>) -> Shingled {
        Shingled {
            shingles,
            ..Shingled::default()
        }
    }

    fn copy_pair(a: &str, b: &str) -> CopyPair {
        CopyPair {
            a: a.into(),
            b: b.into(),
            a_outlet: None,
            b_outlet: None,
            kind: CopyKind::Copy,
            containment_a: 0.2,
            containment_b: 0.2,
            origin: None,
            recurring_share: 0.0,
            common_share: 0.0,
            passages: Vec::new(),
            index: (0, 1),
        }
    }

    #[test]
    fn a_copy_needs_a_dozen_shingles_outside_the_stock_text() {
        // Shingles 1..=20 are a stock line in 35 reports; 100.. are the two
        // reports' own.
        let stock: Vec<u64> = (1..=20).collect();
        let mut shingled: Vec<Shingled> = (0..35).map(|_| shingled_with(stock.clone())).collect();
        let own = |n: u64| -> Vec<u64> { (100..100 + n).collect() };
        shingled.push(shingled_with([stock.clone(), own(30)].concat()));
        shingled.push(shingled_with([stock.clone(), own(30)].concat()));
        let thin = [stock.clone(), own(11)].concat();
        let enough = [stock.clone(), own(12)].concat();
        let flagged = flag_thin_copies(
            vec![
                (copy_pair("a", "b"), Some(thin)),
                (copy_pair("c", "d"), Some(enough)),
                (copy_pair("e", "f"), None),
            ],
            &shingled,
            &CopyOptions::default(),
        );
        assert_eq!(flagged[0].kind, CopyKind::Formula);
        assert_eq!(flagged[1].kind, CopyKind::Copy);
        // Long passages are left to the sampled test.
        assert_eq!(flagged[2].kind, CopyKind::Copy);
    }

    #[test]
    fn a_sentence_in_passing_is_no_copy_but_a_reprinted_paragraph_is() {
        let opts = CopyOptions::default();
        let shared = |ca: f64, cb: f64| SharedText {
            exact: false,
            containment: (ca, cb),
            sampled: 4,
            recurring: 0,
            common: 0,
            different_days: false,
        };
        // One background sentence in two long, different articles.
        assert_eq!(classify(&shared(0.05, 0.07), &opts), CopyKind::Passing);
        // A wire paragraph that is a fifth of the shorter report.
        assert_eq!(classify(&shared(0.05, 0.2), &opts), CopyKind::Copy);
        assert_eq!(
            classify(&shared(0.95, 0.92), &opts),
            CopyKind::NearDuplicate
        );
        // A series' fixed text on different days stays a template.
        let series = SharedText {
            recurring: 3,
            different_days: true,
            ..shared(0.4, 0.4)
        };
        assert_eq!(classify(&series, &opts), CopyKind::Template);
    }
}
