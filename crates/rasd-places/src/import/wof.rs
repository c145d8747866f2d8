//! Who's On First TSV: `wof_id country placetype name_en lat lon population
//! county_id region_id gn_id wd_id names_ar` (names joined by `|`).

use std::path::Path;

use rustc_hash::FxHashMap;

use super::{for_each_row, id_and_point, open_text, Builder};
use crate::error::Result;
use crate::gazetteer::{NameOrigin, Place, PlaceKind};
use crate::key::is_arabic;

fn kind(placetype: &str) -> Option<PlaceKind> {
    Some(match placetype {
        "country" => PlaceKind::Country,
        "region" | "macroregion" => PlaceKind::Region,
        "county" | "localadmin" => PlaceKind::County,
        "locality" | "borough" => PlaceKind::Locality,
        "neighbourhood" | "microhood" | "macrohood" => PlaceKind::Neighbourhood,
        "campus" => PlaceKind::Facility,
        _ => return None,
    })
}

pub(super) fn read(b: &mut Builder, path: &Path) -> Result<()> {
    let reader = open_text(path)?;
    let mut by_wof: FxHashMap<u64, u32> = FxHashMap::default();
    let mut parents: Vec<(u32, Option<u64>, Option<u64>)> = Vec::new();
    for_each_row(
        b,
        path,
        reader,
        |n, line| n == 1 && line.starts_with("wof_id"),
        |columns| columns == 12,
        "12",
        |b, location, f| {
            let Some((id, lat, lon)) = id_and_point(f) else {
                b.warn(location, "wof_id, lat or lon is not a number; line skipped");
                return;
            };
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                b.warn(location, "coordinates out of range; line skipped");
                return;
            }
            let Some(kind) = kind(f[2]) else { return };
            let names: Vec<&str> = f[11]
                .split('|')
                .map(str::trim)
                .filter(|s| is_arabic(s))
                .collect();
            let Some(primary) = names.first() else {
                return;
            };
            let place = Place {
                id: format!("wof:{id}"),
                name_ar: primary.to_string(),
                name_en: f[3].to_string(),
                kind,
                point: Some((lat, lon)),
                population: f[6].parse().unwrap_or(0),
                country: f[1].to_string(),
                admin1: None,
                admin2: None,
                within: None,
            };
            let named: Vec<(&str, NameOrigin)> = names
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    (
                        *s,
                        if i == 0 {
                            NameOrigin::Primary
                        } else {
                            NameOrigin::Alternate
                        },
                    )
                })
                .collect();
            let i = b.gaz.add(place, &named);
            by_wof.insert(id, i);
            if let Ok(gn) = f[9].parse::<u64>() {
                b.by_geonames_id.insert(gn, i);
            }
            let parent = |s: &str| s.parse::<u64>().ok().filter(|&p| p != id);
            parents.push((i, parent(f[7]), parent(f[8])));
        },
    )?;
    for (i, county, region) in parents {
        let county = county.and_then(|c| by_wof.get(&c).copied());
        let region = region.and_then(|r| by_wof.get(&r).copied());
        let p = &mut b.gaz.places[i as usize];
        p.admin2 = county;
        p.admin1 = region;
    }
    Ok(())
}
