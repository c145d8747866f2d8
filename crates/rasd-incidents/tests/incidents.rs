//! Incident building and reconciliation on claims shaped like the Aleppo
//! reports of November 2016: sources, places, dates and types as the
//! earlier stages give them.

use rasd_core::claims::{Claim, Kind, Modality, SourceRef, Victims};
use rasd_core::numbers::Qualifier;
use rasd_core::report::Evidence;
use rasd_incidents::record::{ClaimDate, DateBasis, EventInfo};
use rasd_incidents::{build, ClaimRecord, Place, Role};
use rustc_hash::FxHashMap;

/// The role of the claim of report `doc` (a key prefix such as `d#`).
fn role_of(incident: &rasd_incidents::Incident, doc: &str) -> Role {
    incident
        .claims
        .iter()
        .find(|m| m.key.starts_with(doc))
        .unwrap()
        .role
}

const SY: &str = "iso:SY";
const ALEPPO_GOV: &str = "wof:85676631";
const ALEPPO: &str = "wof:421202163";

struct Spec {
    doc: &'static str,
    outlet: &'static str,
    kind: Kind,
    value: Option<u64>,
    qualifier: Qualifier,
    source: Option<(&'static str, &'static str, &'static str)>,
    lineage: &'static [&'static str],
    date: Option<&'static str>,
    event: Option<(&'static str, &'static str)>,
    modality: Option<Modality>,
}

fn spec(doc: &'static str, value: u64, source: (&'static str, &'static str, &'static str)) -> Spec {
    Spec {
        doc,
        outlet: "outlet",
        kind: Kind::Killed,
        value: Some(value),
        qualifier: Qualifier::Exact,
        source: Some(source),
        lineage: &[SY, ALEPPO_GOV, ALEPPO],
        date: Some("2016-11-16"),
        event: Some(("Explosions/Remote violence", "Air/drone strike")),
        modality: None,
    }
}

const SOHR: (&str, &str, &str) = (
    "المرصد السوري لحقوق الإنسان",
    "Syrian Observatory for Human Rights",
    "monitor",
);
const CIVIL_DEFENCE: (&str, &str, &str) = ("الدفاع المدني", "Syrian Civil Defence", "rescue");
const SHAAM: (&str, &str, &str) = ("شبكة شام الإخبارية", "Shaam News Network", "media");
const RUSSIAN_MOD: (&str, &str, &str) = (
    "وزارة الدفاع الروسية",
    "Russian Ministry of Defence",
    "military",
);
const ACTIVISTS: (&str, &str, &str) = ("ناشطون", "", "activists");

fn records(specs: Vec<Spec>) -> Vec<ClaimRecord> {
    let mut rank: FxHashMap<&str, usize> = FxHashMap::default();
    specs
        .into_iter()
        .map(|s| {
            let n = rank.entry(s.doc).or_default();
            let key = ClaimRecord::key_of(s.doc, *n);
            *n += 1;
            let start = *n * 100;
            let place = s.lineage.last().map(|id| Place {
                gazetteer_id: id.to_string(),
                name_ar: "حلب".into(),
                name_en: "Aleppo".into(),
                kind: "locality".into(),
                lat: Some(36.2),
                lon: Some(37.15),
                country: "SY".into(),
                admin1: Some("حلب".into()),
                admin2: None,
                geo_precision: 1,
                where_prec: 1,
            });
            ClaimRecord {
                key,
                outlet: Some(s.outlet.to_string()),
                published: None,
                claim: Claim {
                    doc_id: s.doc.to_string(),
                    kind: s.kind,
                    value: s.value,
                    qualifier: s.qualifier,
                    victims: Victims::People,
                    breakdown: None,
                    place: None,
                    source: s.source.map(|(text, name, t)| SourceRef {
                        text: text.into(),
                        start: 0,
                        end: text.chars().count(),
                        name: (!name.is_empty()).then(|| name.to_string()),
                        source_type: Some(t.into()),
                    }),
                    modality: s.modality,
                    evidence: Evidence {
                        start,
                        end: start + 10,
                        text: "قتل".into(),
                    },
                    sentence: Evidence {
                        start,
                        end: start + 50,
                        text: "قتل".into(),
                    },
                },
                place,
                place_lineage: s.lineage.iter().map(|x| x.to_string()).collect(),
                date: s.date.map(|d| ClaimDate {
                    start: d.into(),
                    end: d.into(),
                    time_precision: 1,
                    basis: DateBasis::Text,
                    evidence: None,
                }),
                event: s.event.map(|(t, st)| EventInfo {
                    event_type: t.into(),
                    sub_event_type: st.into(),
                    trigger: None,
                }),
                actor1: None,
                actor2: None,
                origin: None,
                cumulative: false,
            }
        })
        .collect()
}

fn one_story(records: &[ClaimRecord]) -> FxHashMap<String, String> {
    records
        .iter()
        .map(|r| (r.claim.doc_id.clone(), "s1".to_string()))
        .collect()
}

#[test]
fn tolls_of_one_city_make_one_incident_with_low_best_high() {
    let recs = records(vec![
        spec("a", 47, SOHR),
        spec("b", 90, SOHR),
        spec("c", 90, CIVIL_DEFENCE),
        spec("d", 56, SHAAM),
        Spec {
            qualifier: Qualifier::MoreThan,
            ..spec("e", 110, ACTIVISTS)
        },
    ]);
    let incidents = build(&recs, &one_story(&recs));
    assert_eq!(incidents.len(), 1);
    let i = &incidents[0];
    assert_eq!(i.killed.low, Some(47));
    assert_eq!(i.killed.high, Some(110));
    // The Observatory's last word (90) and the Civil Defence's agree.
    assert_eq!(i.killed.best, Some(90));
    assert_eq!(i.reports, 5);
    assert_eq!(i.independent_sources, 4);
    assert_eq!(i.killed.disagreement, Some(0.491));
}

#[test]
fn activists_of_two_outlets_are_two_sources_but_one_monitor_is_one() {
    let recs = records(vec![
        Spec {
            outlet: "aljazeera",
            ..spec("a", 20, ACTIVISTS)
        },
        Spec {
            outlet: "alquds",
            ..spec("b", 20, ACTIVISTS)
        },
        Spec {
            outlet: "aljazeera",
            ..spec("c", 21, SOHR)
        },
        Spec {
            outlet: "alquds",
            ..spec("d", 23, SOHR)
        },
    ]);
    let i = &build(&recs, &one_story(&recs))[0];
    assert_eq!(i.independent_sources, 3);
    assert_eq!(i.sources.len(), 3);
    let sohr = i.sources.iter().find(|s| s.claims == 2).unwrap();
    assert_eq!(sohr.outlets, ["aljazeera", "alquds"]);
}

#[test]
fn a_reprinted_claim_counts_once() {
    let mut recs = records(vec![spec("a", 25, SOHR), spec("b", 25, SHAAM)]);
    recs[1].origin = Some(recs[0].key.clone());
    let i = &build(&recs, &one_story(&recs))[0];
    assert_eq!(i.reports, 2);
    assert_eq!(i.independent_sources, 1);
}

#[test]
fn quarters_nest_in_the_city_total() {
    const SAKHOUR: &str = "alias:wof:421202163:الصاخور";
    let recs = records(vec![
        spec("a", 56, SHAAM),
        Spec {
            lineage: &[SY, ALEPPO_GOV, ALEPPO, SAKHOUR],
            ..spec("a", 11, SHAAM)
        },
        Spec {
            lineage: &[SY, ALEPPO_GOV, ALEPPO, SAKHOUR],
            ..spec("b", 24, SOHR)
        },
    ]);
    let incidents = build(&recs, &one_story(&recs));
    assert_eq!(incidents.len(), 2);
    let city = incidents
        .iter()
        .find(|i| i.place_lineage.len() == 3)
        .unwrap();
    let quarter = incidents
        .iter()
        .find(|i| i.place_lineage.len() == 4)
        .unwrap();
    assert_eq!(quarter.parent.as_deref(), Some(city.id.as_str()));
    assert_eq!(city.parent, None);
    assert_eq!(
        (quarter.killed.low, quarter.killed.high),
        (Some(11), Some(24))
    );
}

#[test]
fn another_village_another_type_or_another_week_is_another_incident() {
    const BATABO: &str = "wof:1310585541";
    let recs = records(vec![
        spec("a", 47, SOHR),
        Spec {
            lineage: &[SY, ALEPPO_GOV, BATABO],
            ..spec("a", 23, SOHR)
        },
        Spec {
            event: Some(("Violence against civilians", "Attack")),
            qualifier: Qualifier::About,
            ..spec("b", 30, RUSSIAN_MOD)
        },
        Spec {
            date: Some("2016-11-25"),
            ..spec("c", 12, SOHR)
        },
    ]);
    let incidents = build(&recs, &one_story(&recs));
    assert_eq!(incidents.len(), 4);
    assert!(incidents.iter().all(|i| i.parent.is_none()));
    let attack = incidents
        .iter()
        .find(|i| i.event_type.as_deref() == Some("Violence against civilians"))
        .unwrap();
    assert_eq!(attack.killed.best, Some(30));
    assert_eq!(attack.sources[0].name, "Russian Ministry of Defence");
}

#[test]
fn parts_speculation_denials_and_vague_counts_enter_the_figures_as_they_should() {
    let recs = records(vec![
        spec("a", 47, SOHR),
        spec("b", 59, SOHR),
        spec("c", 56, SHAAM),
        // One strike's two dead: a part of the event, not a rival total.
        spec("d", 2, ACTIVISTS),
        Spec {
            modality: Some(Modality::Speculative),
            qualifier: Qualifier::MoreThan,
            ..spec("e", 100, ACTIVISTS)
        },
        Spec {
            modality: Some(Modality::Denied),
            ..spec("f", 300, RUSSIAN_MOD)
        },
        Spec {
            kind: Kind::Injured,
            value: None,
            qualifier: Qualifier::Dozens,
            ..spec("a", 0, SOHR)
        },
    ]);
    let i = &build(&recs, &one_story(&recs))[0];
    let role = |doc: &str| role_of(i, doc);
    assert_eq!(role("d#"), Role::Partial);
    assert_eq!(role("e#"), Role::Speculative);
    assert_eq!(role("f#"), Role::Denied);
    assert_eq!(i.killed.low, Some(47));
    assert_eq!(i.killed.high, Some(100));
    assert_eq!(i.killed.best, Some(59));
    // "Dozens of wounded" enters as ACLED codes it, and stays vague in the claim.
    assert_eq!(i.injured.best, Some(12));
    assert!(recs
        .iter()
        .any(|r| r.claim.qualifier == Qualifier::Dozens && r.claim.value.is_none()));
}

#[test]
fn an_unplaced_claim_joins_its_reports_incident() {
    const BATABO: &str = "wof:1310585541";
    let recs = records(vec![
        spec("a", 47, SOHR),
        Spec {
            lineage: &[SY, ALEPPO_GOV, BATABO],
            ..spec("b", 23, SOHR)
        },
        Spec {
            lineage: &[],
            ..spec("b", 21, SOHR)
        },
    ]);
    let incidents = build(&recs, &one_story(&recs));
    assert_eq!(incidents.len(), 2);
    let batabo = incidents
        .iter()
        .find(|i| i.place_lineage.last().map(String::as_str) == Some(BATABO))
        .unwrap();
    assert_eq!(batabo.claims.len(), 2);
    assert_eq!(
        (batabo.killed.low, batabo.killed.high),
        (Some(21), Some(23))
    );
}

#[test]
fn building_twice_gives_the_same_incidents_and_ids() {
    let recs = records(vec![spec("a", 47, SOHR), spec("b", 90, SOHR)]);
    let one = build(&recs, &one_story(&recs));
    let mut reversed = recs.clone();
    reversed.reverse();
    let two = build(&reversed, &one_story(&reversed));
    assert_eq!(one, two);
}

#[test]
fn a_figure_reprinted_by_many_outlets_weighs_once_in_the_median_that_finds_parts() {
    // Independent tolls 21 … 70 (median 47) and an early count of 11 that five outlets
    // reprint: the reprints must not pull the median down to where 11 looks
    // like a count of the whole event.
    let mut specs = vec![
        spec("a", 21, SOHR),
        spec("b", 47, SHAAM),
        spec("c", 60, SOHR),
        spec("d", 70, ACTIVISTS),
        spec("e", 11, SOHR),
    ];
    for doc in ["f", "g", "h", "i", "j"] {
        specs.push(spec(doc, 11, SOHR));
    }
    let mut recs = records(specs);
    let early = recs[4].key.clone();
    for r in recs.iter_mut().skip(5) {
        r.origin = Some(early.clone());
    }
    let i = &build(&recs, &one_story(&recs))[0];
    let role = |doc: &str| role_of(i, doc);
    assert_eq!(role("e#"), Role::Partial);
    assert_eq!(role("a#"), Role::Counted);
    assert_eq!(i.killed.low, Some(21));
}

#[test]
fn a_vague_count_gives_way_to_numbers_even_when_all_are_reprints() {
    let mut recs = records(vec![
        spec("a", 11, SOHR),
        spec("b", 11, SOHR),
        Spec {
            value: None,
            qualifier: Qualifier::Dozens,
            ..spec("c", 0, ACTIVISTS)
        },
    ]);
    // Both numbered claims reprint a report outside this incident.
    for r in recs.iter_mut().take(2) {
        r.origin = Some("elsewhere#0".into());
    }
    let i = &build(&recs, &one_story(&recs))[0];
    assert_eq!(role_of(i, "c#"), Role::Vague);
    assert_eq!(i.killed.high, Some(11));
}
