//! The alias table: facts the other sources lack, written by the project.
//!
//! One row a line, `name<TAB>relation<TAB>target[<TAB>note]`:
//! - `country` / `continent`: the Arabic name of a country (ISO code) or a
//!   continent (AF AS EU NA SA OC AN);
//! - `region`: a named region, sea or landform with no point of its own,
//!   inside a country (ISO code) or across borders (`-`);
//! - `variant` / `short`: another spelling or a short name of a place the
//!   sources hold, `NAME@CC` (NAME in Arabic or in English);
//! - `neighbourhood` / `facility`: a quarter or a site of a city `NAME@CC`
//!   that no source locates: it resolves to the city. No row carries
//!   coordinates.

use rustc_hash::FxHashMap;

use super::Builder;
use crate::gazetteer::{NameOrigin, Place, PlaceKind};
use crate::key::{english_key, name_key};

/// The table compiled into Rasd.
pub const BUILT_IN_ALIASES: &str = include_str!("../../data/aliases.tsv");

const CONTINENTS: [&str; 7] = ["AF", "AS", "EU", "NA", "SA", "OC", "AN"];

struct Index {
    by_key: FxHashMap<String, Vec<u32>>,
    by_english: FxHashMap<(String, String), Vec<u32>>,
    countries: FxHashMap<String, u32>,
    by_id: FxHashMap<String, u32>,
}

impl Index {
    fn new(b: &Builder) -> Index {
        let mut by_key: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for n in &b.gaz.names {
            by_key.entry(n.key.clone()).or_default().push(n.place);
        }
        let mut by_english: FxHashMap<(String, String), Vec<u32>> = FxHashMap::default();
        let mut by_id = FxHashMap::default();
        for (i, p) in b.gaz.places.iter().enumerate() {
            if !p.name_en.is_empty() {
                by_english
                    .entry((p.country.clone(), english_key(&p.name_en)))
                    .or_default()
                    .push(i as u32);
            }
            by_id.insert(p.id.clone(), i as u32);
        }
        // English names of GeoNames records merged into WOF places.
        for (cc, name, i) in &b.english_names {
            let e = by_english
                .entry((cc.clone(), english_key(name)))
                .or_default();
            if !e.contains(i) {
                e.push(*i);
            }
        }
        Index {
            by_key,
            by_english,
            countries: b.gaz.countries(),
            by_id,
        }
    }

    fn note(&mut self, b: &Builder, i: u32) {
        let p = b.gaz.place(i);
        self.by_id.insert(p.id.clone(), i);
        if p.kind == PlaceKind::Country {
            self.countries.entry(p.country.clone()).or_insert(i);
        }
    }
}

/// The reading of a target name: a town before a division of the same
/// name (Aleppo the city, not the governorate), then the most populous.
fn rank(p: &Place) -> (u8, u64) {
    let kind = match p.kind {
        PlaceKind::Locality => 3,
        PlaceKind::Region | PlaceKind::County => 2,
        PlaceKind::Neighbourhood | PlaceKind::Facility => 1,
        _ => 0,
    };
    (kind, p.population)
}

/// The place `NAME@CC` names: by Arabic key, then by English name, then a
/// GeoNames place kept aside for its English name.
fn find(b: &mut Builder, ix: &mut Index, target: &str) -> Option<u32> {
    let (name, cc) = target.rsplit_once('@')?;
    let key = name_key(name);
    let best = |cands: &[u32], b: &Builder| {
        cands
            .iter()
            .copied()
            .filter(|&i| b.gaz.place(i).country == cc)
            .max_by_key(|&i| rank(b.gaz.place(i)))
    };
    if let Some(i) = ix.by_key.get(&key).and_then(|c| best(c, b)) {
        return Some(i);
    }
    let english = (cc.to_string(), english_key(name));
    if let Some(found) = ix.by_english.get(&english) {
        // The English name may be the governorate's only (a WOF city can
        // carry its Arabic name in the English column): the places sharing
        // its Arabic name join, and the town among them wins.
        let mut cands = found.clone();
        for &i in found {
            let k = name_key(&b.gaz.place(i).name_ar);
            if let Some(same) = ix.by_key.get(&k) {
                cands.extend(same.iter().copied());
            }
        }
        if let Some(i) = best(&cands, b) {
            // A larger namesake with no Arabic name (Washington, D.C. beside
            // small towns that carry واشنطن) is the one meant.
            let larger_aside = b.english_only.get(&english).is_some_and(|recs| {
                recs.iter()
                    .any(|r| r.population > b.gaz.place(i).population)
            });
            if !larger_aside {
                return Some(i);
            }
        }
    }
    let rec = b
        .english_only
        .get(&english)?
        .iter()
        .max_by_key(|r| r.population)?
        .clone();
    let i = b.gaz.add(
        Place {
            id: format!("gn:{}", rec.geonameid),
            name_ar: String::new(),
            name_en: rec.name.clone(),
            kind: PlaceKind::Locality,
            point: Some(rec.point),
            population: rec.population,
            country: cc.to_string(),
            admin1: None,
            admin2: None,
            within: None,
        },
        &[],
    );
    b.by_geonames_id.insert(rec.geonameid, i);
    ix.by_english.entry(english).or_default().push(i);
    ix.note(b, i);
    Some(i)
}

fn add_alias_name(b: &mut Builder, ix: &mut Index, i: u32, name: &str) {
    let key = name_key(name);
    if ix.by_key.get(&key).is_some_and(|c| c.contains(&i)) {
        b.gaz.prefer_name(i, &key);
    } else if b.gaz.add_name(i, name, NameOrigin::Alias) {
        ix.by_key.entry(key).or_default().push(i);
    }
    let p = &mut b.gaz.places[i as usize];
    if p.name_ar.is_empty() {
        p.name_ar = name.to_string();
    }
}

/// Applies the rows of `text` (named `origin` in warnings). A row whose
/// target the gazetteer lacks is a warning for a user's table; for the
/// built-in one (`quiet_missing`) it is only counted, since the table
/// covers more places than a partial import holds.
pub(super) fn apply(b: &mut Builder, origin: &str, text: &str, quiet_missing: bool) -> usize {
    let mut ix = Index::new(b);
    let mut missing = 0usize;
    let mut lacks = |b: &mut Builder, location: String, message: String| {
        missing += 1;
        if !quiet_missing {
            b.warn(location, message);
        }
    };
    for (n, line) in text.lines().enumerate() {
        let location = || format!("{origin}:{}", n + 1);
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        if f.len() < 3 || f[0].is_empty() {
            b.warn(
                location(),
                "expected name<TAB>relation<TAB>target; row skipped",
            );
            continue;
        }
        let (name, relation, target) = (f[0], f[1], f[2]);
        if name_key(name).chars().count() < 2 {
            b.warn(
                location(),
                "the name has fewer than two letters; row skipped",
            );
            continue;
        }
        match relation {
            "country" => {
                let i = match ix.countries.get(target) {
                    Some(&i) => i,
                    None if target.len() == 2 && target.chars().all(|c| c.is_ascii_uppercase()) => {
                        let name_en = b
                            .country_info
                            .get(target)
                            .map(|(n, _)| n.clone())
                            .unwrap_or_default();
                        let i = b.gaz.add(
                            Place {
                                id: format!("iso:{target}"),
                                name_ar: String::new(),
                                name_en,
                                kind: PlaceKind::Country,
                                point: None,
                                population: 0,
                                country: target.to_string(),
                                admin1: None,
                                admin2: None,
                                within: None,
                            },
                            &[],
                        );
                        ix.note(b, i);
                        i
                    }
                    None => {
                        b.warn(
                            location(),
                            format!("`{target}` is not an ISO country code; row skipped"),
                        );
                        continue;
                    }
                };
                add_alias_name(b, &mut ix, i, name);
            }
            "continent" => {
                if !CONTINENTS.contains(&target) {
                    b.warn(
                        location(),
                        format!("`{target}` is not a continent code; row skipped"),
                    );
                    continue;
                }
                let id = format!("continent:{target}");
                let i = match ix.by_id.get(&id) {
                    Some(&i) => i,
                    None => {
                        let (name_en, point) =
                            b.continents.get(target).cloned().unwrap_or_default();
                        let i = b.gaz.add(
                            Place {
                                id,
                                name_ar: String::new(),
                                name_en,
                                kind: PlaceKind::Continent,
                                point,
                                population: 0,
                                country: String::new(),
                                admin1: None,
                                admin2: None,
                                within: None,
                            },
                            &[],
                        );
                        ix.note(b, i);
                        i
                    }
                };
                add_alias_name(b, &mut ix, i, name);
            }
            "region" => {
                let country = if target == "-" { "" } else { target };
                let within = if country.is_empty() {
                    None
                } else {
                    match ix.countries.get(country) {
                        Some(&c) => Some(c),
                        None => {
                            lacks(
                                b,
                                location(),
                                format!("no country `{country}` in the gazetteer; row skipped"),
                            );
                            continue;
                        }
                    }
                };
                let id = format!("area:{}:{}", country, name_key(name));
                if ix.by_id.contains_key(&id) {
                    continue;
                }
                let i = b.gaz.add(
                    Place {
                        id,
                        name_ar: name.to_string(),
                        name_en: f.get(3).copied().unwrap_or_default().to_string(),
                        kind: PlaceKind::Area,
                        point: None,
                        population: 0,
                        country: country.to_string(),
                        admin1: None,
                        admin2: None,
                        within,
                    },
                    &[],
                );
                ix.note(b, i);
                add_alias_name(b, &mut ix, i, name);
            }
            "variant" | "short" => match find(b, &mut ix, target) {
                Some(i) => add_alias_name(b, &mut ix, i, name),
                None => lacks(
                    b,
                    location(),
                    format!("no place `{target}` in the gazetteer; row skipped"),
                ),
            },
            "neighbourhood" | "facility" => {
                let Some(city) = find(b, &mut ix, target) else {
                    lacks(
                        b,
                        location(),
                        format!("no place `{target}` in the gazetteer; row skipped"),
                    );
                    continue;
                };
                let kind = if relation == "facility" {
                    PlaceKind::Facility
                } else {
                    PlaceKind::Neighbourhood
                };
                let key = name_key(name);
                // A source that locates the place itself wins over the row.
                let located_already = ix.by_key.get(&key).is_some_and(|cands| {
                    cands.iter().any(|&c| {
                        let p = b.gaz.place(c);
                        p.kind == kind && (c == city || p.within == Some(city) || near(b, c, city))
                    })
                });
                if located_already {
                    continue;
                }
                let c = b.gaz.place(city).clone();
                let i = b.gaz.add(
                    Place {
                        id: format!("alias:{}:{}", c.id, key),
                        name_ar: name.to_string(),
                        name_en: String::new(),
                        kind,
                        point: None,
                        population: 0,
                        country: c.country.clone(),
                        admin1: c.admin1,
                        admin2: c.admin2,
                        within: Some(city),
                    },
                    &[],
                );
                ix.note(b, i);
                add_alias_name(b, &mut ix, i, name);
            }
            other => b.warn(
                location(),
                format!("unknown relation `{other}`; row skipped"),
            ),
        }
    }
    missing
}

fn near(b: &Builder, a: u32, c: u32) -> bool {
    match (b.gaz.place(a).point, b.gaz.place(c).point) {
        (Some(p), Some(q)) => crate::resolve::distance_km(p, q) < 15.0,
        _ => false,
    }
}
