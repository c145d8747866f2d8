//! Incremental, time-aware clustering.

use rasd_core::report::Report;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::terms::weighted_terms;

/// Settings of story clustering.
#[derive(Debug, Clone)]
pub struct StoryOptions {
    /// A story takes new reports up to this many days after its last one.
    pub window_days: f64,
    /// The similarity a report needs to join a story.
    pub threshold: f32,
    /// Similarity lost per day between a report and the story's last report.
    pub day_penalty: f32,
    /// Words of a report's lead, weighing twice.
    pub lead_words: usize,
    /// Terms kept per report vector.
    pub max_terms: usize,
    /// Share of the score that comes from the closest member title.
    pub title_weight: f32,
    /// Similarity lost when a report's main country is not among the
    /// story's countries, nor the story's among the report's.
    pub country_penalty: f32,
}

impl Default for StoryOptions {
    fn default() -> Self {
        StoryOptions {
            window_days: 3.0,
            threshold: 0.09,
            day_penalty: 0.03,
            lead_words: 40,
            max_terms: 60,
            title_weight: 0.2,
            country_penalty: 0.1,
        }
    }
}

/// The story of one report.
#[derive(Debug, Clone, Serialize)]
pub struct Assignment {
    pub story_id: String,
    pub doc_id: String,
    /// Similarity to the story it joined; 1 for a story's founder.
    pub similarity: f32,
    #[serde(skip)]
    pub index: usize,
}

pub use rasd_core::time::epoch_seconds;

type Vector = Vec<(u32, f32)>;

/// Terms of a report that gather candidate stories, and how many candidates
/// are scored in full.
const CANDIDATE_TERMS: usize = 20;
const CANDIDATES: usize = 30;

struct Story {
    id: String,
    centroid: FxHashMap<u32, f32>,
    norm: f32,
    last: f64,
    /// Members, for their titles.
    titles: Vec<usize>,
    countries: StoryCountries,
}

/// The members' country weights, summed, and the heaviest of them, kept up
/// to date as members join rather than found again for each report scored.
#[derive(Default)]
struct StoryCountries {
    weights: FxHashMap<String, f32>,
    main: Option<String>,
}

impl StoryCountries {
    fn add(&mut self, report: &CountryWeights) {
        if report.is_empty() {
            return;
        }
        for (c, w) in report {
            *self.weights.entry(c.clone()).or_default() += w;
        }
        self.main =
            main_country(self.weights.iter().map(|(c, w)| (c.as_str(), *w))).map(str::to_string);
    }
}

/// The countries a report's resolved places lie in, each with its weight
/// (a mention in the title weighs most, then the lead, then the body).
pub type CountryWeights = Vec<(String, f32)>;

/// The country with the largest weight (ties: the greater code).
fn main_country<'a>(weights: impl Iterator<Item = (&'a str, f32)>) -> Option<&'a str> {
    weights
        .max_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(b.0)))
        .map(|(c, _)| c)
}

/// Whether a report is about another country than a story: the main country
/// of each is absent from the other's places. (Bags of words join related
/// events of one day in different countries: the Genoa bridge and a Kabul
/// bombing, Libya's oil company and the Yemen front.)
fn countries_apart(
    report: &CountryWeights,
    report_main: Option<&str>,
    story: &StoryCountries,
) -> bool {
    match (report_main, story.main.as_deref()) {
        (Some(a), Some(b)) => {
            a != b && !story.weights.contains_key(a) && !report.iter().any(|(c, _)| c == b)
        }
        _ => false,
    }
}

/// Dot product of two sparse vectors sorted by term id.
fn sparse_dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The term vectors clustering compares: each report's body vector (title,
/// lead and body terms; unit length, heaviest terms first) and its title
/// vector (unit length, by term id).
pub struct ReportVectors {
    pub body: Vec<Vec<(u32, f32)>>,
    pub title: Vec<Vec<(u32, f32)>>,
}

/// Term vectors ordered for comparing reports two by two.
pub struct PairVectors(ReportVectors);

impl ReportVectors {
    /// The vectors with the body terms by id, as pair comparison needs.
    pub fn for_pairs(mut self) -> PairVectors {
        for v in &mut self.body {
            v.sort_unstable_by_key(|x| x.0);
        }
        PairVectors(self)
    }
}

impl PairVectors {
    /// The similarity of two reports as clustering weighs it against a
    /// one-report story: body cosine and title cosine, mixed by `title_weight`.
    pub fn similarity(&self, a: usize, b: usize, title_weight: f32) -> f32 {
        let body = sparse_dot(&self.0.body[a], &self.0.body[b]);
        let title = sparse_dot(&self.0.title[a], &self.0.title[b]);
        (1.0 - title_weight) * body + title_weight * title
    }
}

/// Every report's story, in input order, from the words alone.
pub fn cluster(reports: &[Report], opts: &StoryOptions) -> Vec<Assignment> {
    cluster_with_countries(reports, &[], opts)
}

/// Every report's story, in input order, with each report's countries
/// (`countries[i]` for `reports[i]`; an empty slice leaves them out).
pub fn cluster_with_countries(
    reports: &[Report],
    countries: &[CountryWeights],
    opts: &StoryOptions,
) -> Vec<Assignment> {
    let ReportVectors {
        body: vectors,
        title: titles,
    } = report_vectors(reports, opts);
    let countries = (countries.len() == reports.len()).then_some(countries);
    cluster_vectors(reports, opts, &vectors, &titles, countries)
}

/// The term vectors of `reports` (see [`ReportVectors`]).
pub fn report_vectors(reports: &[Report], opts: &StoryOptions) -> ReportVectors {
    let counts: Vec<FxHashMap<String, f32>> = reports
        .par_iter()
        .map(|r| weighted_terms(r.title.as_deref(), &r.text, opts.lead_words))
        .collect();
    // Term ids and document frequencies.
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut df: Vec<u32> = Vec::new();
    for c in &counts {
        for t in c.keys() {
            let next = ids.len() as u32;
            let id = *ids.entry(t.as_str()).or_insert(next);
            if id as usize == df.len() {
                df.push(0);
            }
            df[id as usize] += 1;
        }
    }
    let n = reports.len() as f32;
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((n + 1.0) / (d as f32 + 1.0)).ln() + 1.0)
        .collect();
    let vectors: Vec<Vector> = counts
        .par_iter()
        .map(|c| {
            let mut v: Vector = c
                .iter()
                .map(|(t, &tf)| {
                    let id = ids[t.as_str()];
                    (id, (1.0 + tf.ln()) * idf[id as usize])
                })
                .collect();
            v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(opts.max_terms);
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(1e-9);
            for x in &mut v {
                x.1 /= norm;
            }
            v
        })
        .collect();
    // Title vectors: the titles name the event most crisply.
    let title_counts: Vec<FxHashMap<String, f32>> = reports
        .par_iter()
        .map(|r| weighted_terms(None, r.title.as_deref().unwrap_or(""), 0))
        .collect();
    let titles: Vec<Vector> = title_counts
        .iter()
        .map(|c| {
            let mut v: Vector = c
                .iter()
                .filter_map(|(t, &tf)| {
                    ids.get(t.as_str())
                        .map(|&id| (id, (1.0 + tf.ln()) * idf[id as usize]))
                })
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(1e-9);
            for x in &mut v {
                x.1 /= norm;
            }
            v.sort_unstable_by_key(|x| x.0);
            v
        })
        .collect();
    ReportVectors {
        body: vectors,
        title: titles,
    }
}

fn cluster_vectors(
    reports: &[Report],
    opts: &StoryOptions,
    vectors: &[Vector],
    titles: &[Vector],
    countries: Option<&[CountryWeights]>,
) -> Vec<Assignment> {
    let no_countries = CountryWeights::new();
    // Publication order; a report without a time keeps the time before it.
    let mut order: Vec<usize> = (0..reports.len()).collect();
    let times: Vec<Option<f64>> = reports
        .iter()
        .map(|r| r.published.as_deref().and_then(epoch_seconds))
        .collect();
    order.sort_by(|&a, &b| {
        times[a]
            .unwrap_or(f64::MAX)
            .total_cmp(&times[b].unwrap_or(f64::MAX))
            .then(a.cmp(&b))
    });
    let mut stories: Vec<Story> = Vec::new();
    let mut postings: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    let mut out: Vec<Option<Assignment>> = vec![None; reports.len()];
    let mut now = 0f64;
    let window = opts.window_days * 86_400.0;
    let mut scores: FxHashMap<u32, f32> = FxHashMap::default();
    for (n, &i) in order.iter().enumerate() {
        if let Some(t) = times[i] {
            now = t;
        }
        // Stories past the window take no more reports: every thousand
        // reports they leave the postings, which otherwise grow with the corpus.
        if n % 1000 == 999 {
            postings.retain(|_, ss| {
                ss.retain(|&s| now - stories[s as usize].last <= window);
                !ss.is_empty()
            });
        }
        let v = &vectors[i];
        let my_countries = countries.map_or(&no_countries, |c| &c[i]);
        let my_main = main_country(my_countries.iter().map(|(c, w)| (c.as_str(), *w)));
        // Candidates: the active stories sharing the report's strongest
        // terms (its vector is sorted by weight), the best few by that
        // partial score; they are then scored in full.
        scores.clear();
        for &(term, w) in v.iter().take(CANDIDATE_TERMS) {
            if let Some(ss) = postings.get(&term) {
                for &s in ss {
                    let st = &stories[s as usize];
                    if now - st.last > window {
                        continue;
                    }
                    *scores.entry(s).or_default() +=
                        w * st.centroid.get(&term).copied().unwrap_or(0.0);
                }
            }
        }
        let mut shortlist: Vec<(u32, f32)> = scores.iter().map(|(&s, &p)| (s, p)).collect();
        shortlist.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        shortlist.truncate(CANDIDATES);
        let best = shortlist
            .iter()
            .map(|&(s, _)| {
                let st = &stories[s as usize];
                let dot: f32 = v
                    .iter()
                    .map(|&(term, w)| w * st.centroid.get(&term).copied().unwrap_or(0.0))
                    .sum();
                (s, dot)
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|(s, dot)| {
                let st = &stories[s as usize];
                let days = ((now - st.last) / 86_400.0).max(0.0) as f32;
                // The closest title among the story's latest members.
                let title = st
                    .titles
                    .iter()
                    .rev()
                    .take(50)
                    .map(|&m| sparse_dot(&titles[i], &titles[m]))
                    .fold(0.0f32, f32::max);
                let body = dot / st.norm;
                let apart = if countries_apart(my_countries, my_main, &st.countries) {
                    opts.country_penalty
                } else {
                    0.0
                };
                (
                    s,
                    (1.0 - opts.title_weight) * body + opts.title_weight * title
                        - opts.day_penalty * days
                        - apart,
                )
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let (story, similarity) = match best {
            Some((s, sim)) if sim >= opts.threshold => {
                let st = &mut stories[s as usize];
                // The centroid is the mean of the members' unit vectors.
                // Its squared norm is kept up to date term by term: a story
                // of thousands of reports must not be summed again at each join.
                let mut norm2 = st.norm * st.norm;
                for &(term, w) in v {
                    let e = st.centroid.entry(term).or_insert_with(|| {
                        postings.entry(term).or_default().push(s);
                        0.0
                    });
                    norm2 += (*e + w) * (*e + w) - *e * *e;
                    *e += w;
                }
                st.norm = norm2.max(0.0).sqrt().max(1e-9);
                st.last = st.last.max(now);
                st.titles.push(i);
                st.countries.add(my_countries);
                (s as usize, sim)
            }
            _ => {
                let s = stories.len() as u32;
                for &(term, _) in v {
                    postings.entry(term).or_default().push(s);
                }
                stories.push(Story {
                    id: reports[i].id.clone(),
                    centroid: v.iter().copied().collect(),
                    norm: 1.0,
                    last: now,
                    titles: vec![i],
                    countries: {
                        let mut c = StoryCountries::default();
                        c.add(my_countries);
                        c
                    },
                });
                (s as usize, 1.0)
            }
        };
        out[i] = Some(Assignment {
            story_id: stories[story].id.clone(),
            doc_id: reports[i].id.clone(),
            similarity: (similarity * 1000.0).round() / 1000.0,
            index: i,
        });
    }
    out.into_iter()
        .map(|a| a.expect("every report assigned"))
        .collect()
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
    fn reports_of_one_event_share_a_story_and_others_do_not() {
        let reports = vec![
            report("a", "2018-04-07T20:00:00Z", "هجوم كيماوي على دوما", "قتل عشرات المدنيين في هجوم كيماوي على مدينة دوما في الغوطة الشرقية"),
            report("b", "2018-04-08T09:00:00Z", "ترامب يتوعد بالرد على هجوم دوما الكيماوي", "توعد الرئيس الأمريكي بالرد على الهجوم الكيماوي في دوما بالغوطة الشرقية"),
            report("c", "2018-04-08T10:00:00Z", "ولي العهد السعودي يصل إلى باريس", "وصل ولي العهد السعودي الأمير محمد بن سلمان إلى باريس في زيارة رسمية لفرنسا"),
            report("d", "2018-04-09T08:00:00Z", "ماكرون يستقبل ولي العهد السعودي", "استقبل الرئيس الفرنسي ماكرون ولي العهد السعودي محمد بن سلمان في قصر الإليزيه خلال زيارته فرنسا"),
        ];
        let a = cluster(&reports, &StoryOptions::default());
        assert_eq!(a[0].story_id, "a");
        assert_eq!(a[1].story_id, "a", "{a:?}");
        assert_eq!(a[2].story_id, "c");
        assert_eq!(a[3].story_id, "c", "{a:?}");
    }

    #[test]
    fn a_report_about_another_country_pays_for_it() {
        // Two reports of one day that share the words of disaster: a bridge
        // collapse in Italy and a bombing in Afghanistan.
        let reports = vec![
            report("genoa", "2018-08-14T12:00:00Z", "انهيار جسر في جنوى يوقع عشرات القتلى", "قتل عشرات الأشخاص في انهيار جسر للطرق السريعة في مدينة جنوى الإيطالية وتواصل فرق الإنقاذ البحث عن ناجين تحت الأنقاض"),
            report("kabul", "2018-08-14T15:00:00Z", "تفجير في كابل يوقع عشرات القتلى", "قتل عشرات الأشخاص في تفجير انتحاري في العاصمة الأفغانية كابل وتواصل فرق الإنقاذ البحث عن ناجين تحت الأنقاض"),
        ];
        let mut opts = StoryOptions::default();
        let words_only = cluster(&reports, &opts);
        assert_eq!(words_only[1].story_id, "genoa", "{words_only:?}");
        // (Two reports make a small vocabulary: the threshold is set just
        // under their similarity, as a close call.)
        opts.threshold = words_only[1].similarity - opts.country_penalty / 2.0;
        let countries = vec![vec![("IT".to_string(), 6.0)], vec![("AF".to_string(), 6.0)]];
        let with_countries = cluster_with_countries(&reports, &countries, &opts);
        assert_eq!(with_countries[1].story_id, "kabul", "{with_countries:?}");
        // A report naming both countries is not apart from the story.
        let both = vec![
            vec![("IT".to_string(), 6.0)],
            vec![("AF".to_string(), 6.0), ("IT".to_string(), 1.0)],
        ];
        assert_eq!(
            cluster_with_countries(&reports, &both, &opts)[1].story_id,
            "genoa"
        );
    }

    #[test]
    fn epoch_seconds_reads_iso_times() {
        assert_eq!(epoch_seconds("1970-01-02T00:00:00Z"), Some(86_400.0));
        assert_eq!(epoch_seconds("2018-04-08"), Some(1_523_145_600.0));
        assert_eq!(epoch_seconds("garbage"), None);
    }
}
