//! One report through every per-report stage: claims, their places, dates,
//! event types and actors, as the records the incidents stage consumes.

use rasd_core::claims::Extractor;
use rasd_core::report::Report;
use rasd_dates::{date_mentions, event_date, parse_published, Basis, Date};
use rasd_events::EventTagger;
use rasd_incidents::record::{ActorRef, ClaimDate, DateBasis, EventInfo, Span};
use rasd_incidents::{ClaimRecord, Place};
use rasd_places::claims::place_claims_if;
use rasd_places::resolve::{PlaceOut, Resolver};

/// The per-report stages, built once and shared between threads.
pub struct ReportAnalyzer {
    pub extractor: Extractor,
    pub resolver: Option<Resolver>,
    pub tagger: EventTagger,
    /// The publication date of reports whose input gives none (`--published`).
    pub default_published: Option<Date>,
}

fn place_of(p: PlaceOut) -> Place {
    Place {
        gazetteer_id: p.gazetteer_id,
        name_ar: p.name_ar,
        name_en: p.name_en,
        kind: p.kind.to_string(),
        lat: p.lat,
        lon: p.lon,
        country: p.country,
        admin1: p.admin1,
        admin2: p.admin2,
        geo_precision: p.geo_precision,
        where_prec: p.where_prec,
    }
}

fn span_of(start: usize, end: usize, text: &str) -> Span {
    Span {
        start,
        end,
        text: text.to_string(),
    }
}

impl ReportAnalyzer {
    /// The publication date the report's dates resolve against.
    pub fn published(&self, report: &Report) -> Option<Date> {
        report
            .published
            .as_deref()
            .and_then(parse_published)
            .or(self.default_published)
    }

    /// Every claim of `report` with everything the per-report stages learn
    /// of it.
    pub fn records(&self, report: &Report) -> Vec<ClaimRecord> {
        let claims = self.extractor.extract(report);
        if claims.is_empty() {
            return Vec::new();
        }
        let placed = place_claims_if(self.resolver.as_ref(), report, claims);
        let published = self.published(report);
        let dates = date_mentions(&report.text, published);
        let events = self.tagger.analyze(report.title.as_deref(), &report.text);
        // Paragraph starts, in characters, for the stages that look back
        // through a claim's paragraph.
        let mut paragraph_starts = vec![0usize];
        for (i, c) in report.text.chars().enumerate() {
            if c == '\n' {
                paragraph_starts.push(i + 1);
            }
        }
        let paragraph_of = |at: usize| {
            let p = paragraph_starts.partition_point(|&s| s <= at);
            paragraph_starts[p.saturating_sub(1)]
        };
        placed
            .into_iter()
            .enumerate()
            .map(|(n, pc)| {
                let claim = pc.claim;
                let (s_start, s_end) = (claim.sentence.start, claim.sentence.end);
                let paragraph = paragraph_of(s_start);
                let when = event_date(&dates, s_start, s_end, paragraph, published);
                // "Thousands" and "hundreds of thousands" count as a thousand.
                let at_least = claim.value.or((claim.qualifier
                    == rasd_core::numbers::Qualifier::Thousands)
                    .then_some(1000));
                // Only a large toll can be a war's: its sentence is read then.
                let cumulative = at_least
                    .is_some_and(|v| v >= rasd_incidents::cumulative::CUMULATIVE_FLOOR)
                    && {
                        let dated_by_span = dates.iter().any(|m| {
                            m.start >= s_start
                                && m.end <= s_end
                                && matches!(m.kind, "year" | "since")
                        });
                        let sentence: String = report
                            .text
                            .chars()
                            .skip(s_start)
                            .take(s_end.saturating_sub(s_start))
                            .collect();
                        rasd_incidents::cumulative::is_cumulative(
                            at_least,
                            &sentence,
                            dated_by_span,
                        )
                    };
                let date = when.range.map(|r| ClaimDate {
                    start: r.start.to_string(),
                    end: r.end.to_string(),
                    time_precision: r.time_precision,
                    basis: match when.basis {
                        Basis::Text => DateBasis::Text,
                        Basis::Published => DateBasis::Published,
                        Basis::Undated => DateBasis::Undated,
                    },
                    evidence: when
                        .evidence
                        .as_ref()
                        .map(|m| span_of(m.start, m.end, &m.text)),
                });
                let described = events.describe(
                    s_start,
                    s_end,
                    claim.evidence.start,
                    claim.evidence.end,
                    paragraph,
                );
                let actor = |a: Option<rasd_events::Actor>| {
                    a.map(|a| ActorRef {
                        name: a.name.to_string(),
                        evidence: Some(span_of(a.evidence.start, a.evidence.end, &a.evidence.text)),
                    })
                };
                ClaimRecord {
                    key: ClaimRecord::key_of(&report.id, n),
                    outlet: report.outlet.clone(),
                    published: report.published.clone(),
                    place: pc.place_resolved.map(place_of),
                    place_lineage: pc.place_lineage,
                    date,
                    event: described.class.map(|c| EventInfo {
                        event_type: c.event_type.to_string(),
                        sub_event_type: c.sub_event_type.to_string(),
                        trigger: Some(span_of(c.trigger.start, c.trigger.end, &c.trigger.text)),
                    }),
                    actor1: actor(described.actor1),
                    actor2: actor(described.actor2),
                    origin: None,
                    cumulative,
                    claim,
                }
            })
            .collect()
    }
}
