//! The gazetteer: places, their names, and the links between them.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::key::name_key;

/// What kind of place an entry is, from the largest to the smallest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Continent,
    /// A named region with no point of its own: الشرق الأوسط, كردستان العراق,
    /// a sea, a river, a mountain range.
    Area,
    Country,
    /// First-order division: governorate, province, state.
    Region,
    /// Second-order division: district.
    County,
    Locality,
    Neighbourhood,
    /// A building or site: an airport, a base, a palace.
    Facility,
}

impl PlaceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Continent => "continent",
            PlaceKind::Area => "area",
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
            PlaceKind::County => "county",
            PlaceKind::Locality => "locality",
            PlaceKind::Neighbourhood => "neighbourhood",
            PlaceKind::Facility => "facility",
        }
    }
}

/// How a name belongs to its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NameOrigin {
    /// The source's own Arabic name for the place.
    Primary,
    /// One of the source's alternate names.
    Alternate,
    /// A spelling variant or short name from the alias table.
    Alias,
}

/// One place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// `wof:…`, `gn:…`, `iso:SY`, `continent:AS`, `alias:…`.
    pub id: String,
    pub name_ar: String,
    pub name_en: String,
    pub kind: PlaceKind,
    /// Latitude and longitude; `None` when no source locates the place
    /// (it then resolves to the place it lies in).
    pub point: Option<(f64, f64)>,
    pub population: u64,
    /// ISO 3166-1 alpha-2, or empty for continents and areas across borders.
    pub country: String,
    /// The first-order division holding the place (index into places).
    pub admin1: Option<u32>,
    /// The second-order division holding the place.
    pub admin2: Option<u32>,
    /// For a place with no point: the place it lies in (a neighbourhood's city).
    pub within: Option<u32>,
}

/// One indexed name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Name {
    pub key: String,
    pub place: u32,
    pub origin: NameOrigin,
}

/// What went into a gazetteer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    pub name: String,
    pub places: usize,
    pub names: usize,
}

/// Places and names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Gazetteer {
    pub places: Vec<Place>,
    pub names: Vec<Name>,
    pub sources: Vec<SourceInfo>,
}

impl Gazetteer {
    pub fn place(&self, i: u32) -> &Place {
        &self.places[i as usize]
    }

    /// Adds a place and its names; returns its index.
    pub fn add(&mut self, place: Place, names: &[(&str, NameOrigin)]) -> u32 {
        let i = self.places.len() as u32;
        self.places.push(place);
        for (name, origin) in names {
            self.add_name(i, name, *origin);
        }
        i
    }

    /// Adds `name` to place `i` unless the place already has its key.
    pub fn add_name(&mut self, i: u32, name: &str, origin: NameOrigin) -> bool {
        let key = name_key(name);
        if key.chars().count() < 2 {
            return false;
        }
        // Names of one place are added together, so the check looks back
        // only over the last few names.
        if self
            .names
            .iter()
            .rev()
            .take(64)
            .any(|n| n.place == i && n.key == key)
        {
            return false;
        }
        self.names.push(Name {
            key,
            place: i,
            origin,
        });
        true
    }

    /// Marks the name `key` of place `i` as the alias table's: the reading
    /// the project's table names is preferred over homonyms.
    pub fn prefer_name(&mut self, i: u32, key: &str) {
        for n in self
            .names
            .iter_mut()
            .filter(|n| n.place == i && n.key == key)
        {
            n.origin = NameOrigin::Alias;
        }
    }

    /// The point a place resolves to, and the place it belongs to: its own,
    /// or that of the place it lies in (a neighbourhood no source locates
    /// resolves to its city).
    pub fn located(&self, mut i: u32) -> Option<(u32, (f64, f64))> {
        for _ in 0..4 {
            let p = self.place(i);
            if let Some(pt) = p.point {
                return Some((i, pt));
            }
            i = p.within.or(p.admin2).or(p.admin1)?;
        }
        None
    }

    /// The places that hold place `i`: the place it lies in, its divisions
    /// and its country, nearest first.
    pub fn ancestors(&self, i: u32, countries: &FxHashMap<String, u32>) -> Vec<u32> {
        let mut out = Vec::new();
        let mut cur = i;
        for _ in 0..6 {
            let p = self.place(cur);
            let next = p.within.or(p.admin2).or(p.admin1);
            match next {
                Some(n) if n != cur && !out.contains(&n) => {
                    out.push(n);
                    cur = n;
                }
                _ => break,
            }
        }
        let p = self.place(i);
        for a in [p.admin2, p.admin1].into_iter().flatten() {
            if !out.contains(&a) {
                out.push(a);
            }
        }
        if let Some(&c) = countries.get(&p.country) {
            if c != i && !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }

    /// The country places by ISO code.
    pub fn countries(&self) -> FxHashMap<String, u32> {
        let mut out = FxHashMap::default();
        for (i, p) in self.places.iter().enumerate() {
            if p.kind == PlaceKind::Country {
                out.entry(p.country.clone()).or_insert(i as u32);
            }
        }
        out
    }
}
