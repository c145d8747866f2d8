//! Resolution: which place each mention names, ranked as CLIFF and
//! Mordecai rank candidates.
//!
//! A candidate scores for how its name matched (the source's own name, an
//! alternate, an alias), its kind against the trigger word before it, its
//! population, and the document around it: the places the document names
//! without ambiguity (countries, regions, large cities) are anchors, and a
//! candidate near an anchor or in the document's focus country wins over a
//! homonym elsewhere (الشعار in an Aleppo report is Aleppo's quarter, not
//! the Yemeni village).
//!
//! A mention is kept only when it is likely a place: a name that stands
//! for a country, a region or a large city; a name after a trigger word or
//! in a list; or a small place after a locative word (في، من، ب…) near the
//! document's other places. Names that are also common words (الباب a
//! door, الشعار a slogan) need a trigger word, a list or a nearby anchor.

use rasd_core::normalize::NormalizedText;
use rasd_core::segment::Segmented;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::gazetteer::{Gazetteer, NameOrigin, PlaceKind};
use crate::key::name_key;
use crate::mentions::{self, fits, Matcher, Mention, Trigger};

const ARAB_LEAGUE: &[&str] = &[
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA",
    "SO", "SD", "SY", "TN", "AE", "YE",
];

/// Great-circle distance in kilometres.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// A mention and the place it resolved to.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub mention: Mention,
    /// The gazetteer place, `None` when the name is unknown and no city
    /// around it could hold it.
    pub place: Option<u32>,
    /// The place came from the document around an unknown name (a
    /// neighbourhood after حي that no source holds, placed in its city).
    pub from_context: bool,
    pub confidence: f64,
}

/// A resolved place as Rasd reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceOut {
    pub gazetteer_id: String,
    pub name_ar: String,
    pub name_en: String,
    pub kind: &'static str,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    /// ACLED: 1 the place itself, 2 a part of or near it, 3 a larger region.
    pub geo_precision: u8,
    /// UCDP: 1 exact, 2 within 25 km, 3 district, 4 province, 5 part of a
    /// country, 6 country, 7 seas and beyond.
    pub where_prec: u8,
    pub confidence: f64,
}

/// The gazetteer with its matcher: built once, shared between threads.
pub struct Resolver {
    gaz: Gazetteer,
    matcher: Matcher,
    countries: FxHashMap<String, u32>,
    /// `RASD_PLACES_DEBUG` set: every mention and the decision on it go to stderr.
    debug: bool,
}

fn kind_prior(kind: PlaceKind) -> f64 {
    match kind {
        PlaceKind::Country => 1.6,
        PlaceKind::Continent => 1.4,
        PlaceKind::Area => 1.2,
        // A bare name shared by a city and its governorate (حلب) is the
        // city; محافظة before it says otherwise.
        PlaceKind::Locality => 0.9,
        PlaceKind::Region => 0.4,
        PlaceKind::County => 0.2,
        PlaceKind::Neighbourhood => 0.2,
        PlaceKind::Facility => 0.2,
    }
}

impl Resolver {
    pub fn new(gaz: Gazetteer) -> Resolver {
        let matcher = Matcher::new(&gaz);
        let countries = gaz.countries();
        Resolver {
            gaz,
            matcher,
            countries,
            debug: std::env::var_os("RASD_PLACES_DEBUG").is_some(),
        }
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gaz
    }

    pub fn patterns(&self) -> usize {
        self.matcher.patterns()
    }

    /// Whether place `i` is known well enough to stand alone in a text:
    /// a country, a region, a major city.
    fn prominent(&self, i: u32) -> bool {
        let p = self.gaz.place(i);
        matches!(
            p.kind,
            PlaceKind::Country | PlaceKind::Continent | PlaceKind::Area | PlaceKind::Region
        ) || p.population >= 300_000
            // The alias table's sites are the famous ones (البيت الأبيض).
            || (p.kind == PlaceKind::Facility && p.id.starts_with("alias:"))
    }

    /// A town large enough to be named without a trigger word.
    /// Arab League towns of 20,000 are named in Arabic news without a
    /// trigger word; elsewhere a town needs 50,000 (smaller ones share
    /// their names with people: Clinton, Anderson).
    fn sizeable(&self, i: u32) -> bool {
        let p = self.gaz.place(i);
        p.population >= 50_000
            || (p.population >= 20_000 && ARAB_LEAGUE.contains(&p.country.as_str()))
    }

    fn point(&self, i: u32) -> Option<(f64, f64)> {
        self.gaz.located(i).map(|(_, pt)| pt)
    }

    fn prior(&self, i: u32, origin: NameOrigin) -> f64 {
        let p = self.gaz.place(i);
        kind_prior(p.kind)
            + 0.3 * ((p.population as f64) + 1.0).log10()
            + match origin {
                NameOrigin::Primary => 0.3,
                // The project's own table names the usual reading.
                NameOrigin::Alias => 0.6,
                NameOrigin::Alternate => 0.1,
            }
    }

    /// The candidates a mention may name: a place whose name a text writes
    /// with an article of its own (السورية) is an adjective, not the place.
    /// A name ending like an adjective (سورية، روسية) with an article the
    /// text adds is the adjective (السورية), not a known place.
    fn candidates(&self, m: &Mention, key: &str) -> Vec<(u32, NameOrigin)> {
        // السورية، المالي: the article makes an adjective of a name ending
        // like one.
        let nisba = m.added_article && (key.ends_with("يه") || key.ends_with('ي'));
        m.candidates
            .iter()
            .copied()
            .filter(|&(i, _)| !(nisba && (self.prominent(i) || self.sizeable(i))))
            .collect()
    }

    /// Finds and resolves every place of a document.
    pub fn document(&self, norm: &NormalizedText, seg: &Segmented) -> Vec<Resolved> {
        let text = norm.as_str();
        let found = mentions::find(&self.matcher, norm, seg);
        let keys: Vec<String> = found
            .iter()
            .map(|m| name_key(&text[m.start..m.end]))
            .collect();
        let mut cands: Vec<Vec<(u32, NameOrigin)>> = found
            .iter()
            .zip(&keys)
            .map(|(m, k)| self.candidates(m, k))
            .collect();
        // Anchors: the best reading of each unambiguous, prominent name.
        let mut anchors: Vec<(usize, u32)> = Vec::new();
        let mut votes: FxHashMap<&str, f64> = FxHashMap::default();
        for (k, m) in found.iter().enumerate() {
            if self.is_common_reading(m, &keys[k]) && m.trigger.is_none() {
                continue;
            }
            let best = cands[k]
                .iter()
                .filter(|(i, _)| self.prominent(*i) || self.sizeable(*i))
                .max_by(|a, b| self.prior(a.0, a.1).total_cmp(&self.prior(b.0, b.1)));
            if let Some(&(i, _)) = best {
                anchors.push((k, i));
                // Only the unambiguous vote for the focus country.
                let c = self.gaz.place(i).country.as_str();
                if self.prominent(i) && !c.is_empty() {
                    *votes.entry(c).or_default() += 1.0;
                }
            }
        }
        let total: f64 = votes.values().sum();
        let focus = votes
            .iter()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(c, _)| c.to_string());
        // A village far from every place the document names, outside its
        // focus country, is a homonym: the name stays unresolved rather
        // than land on the wrong village.
        for (k, c) in cands.iter_mut().enumerate() {
            c.retain(|&(i, _)| {
                self.prominent(i)
                    || self.sizeable(i)
                    || focus.as_deref() == Some(self.gaz.place(i).country.as_str())
                    || self.near_anchor(i, &anchors, k, 150.0)
            });
        }
        let mut out: Vec<Resolved> = Vec::with_capacity(found.len());
        for (k, m) in found.iter().enumerate() {
            let mut scored: Vec<(u32, f64)> = cands[k]
                .iter()
                .map(|&(i, origin)| {
                    let p = self.gaz.place(i);
                    let mut s = self.prior(i, origin);
                    if m.read_with_added_article.contains(&i) {
                        s -= 1.5;
                    }
                    if let Some(t) = m.trigger {
                        s += if fits(t, p.kind) { 2.0 } else { -1.5 };
                    }
                    if total > 0.0 {
                        s += 1.5 * votes.get(p.country.as_str()).copied().unwrap_or(0.0) / total;
                    }
                    if focus.as_deref() == Some(p.country.as_str()) {
                        s += 1.0;
                    }
                    if let Some(pt) = self.point(i) {
                        let near = self.anchor_distance(i, pt, &anchors, k);
                        s += if near <= 30.0 {
                            2.0
                        } else if near <= 100.0 {
                            1.2
                        } else if near <= 300.0 {
                            0.5
                        } else {
                            0.0
                        };
                    }
                    (i, s)
                })
                .collect();
            scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let best = scored.first().copied();
            let confidence = match best {
                Some((_, top)) => {
                    let z: f64 = scored.iter().map(|(_, s)| (s - top).exp()).sum();
                    1.0 / z
                }
                None => 0.0,
            };
            let keep = match best {
                None => m.trigger.is_some(),
                Some((i, _)) => self.accept(m, &keys[k], i, &anchors, k, focus.as_deref(), &out),
            };
            if self.debug {
                eprintln!(
                    "rasd places: «{}» candidates {} best {:?} trigger {:?} locative {} list {} club {} team {} sports {} common {} → {}",
                    &text[m.start..m.end],
                    cands[k].len(),
                    best.map(|(i, s)| (self.gaz.place(i).id.as_str(), (s * 100.0).round() / 100.0)),
                    m.trigger,
                    m.locative,
                    m.in_list,
                    m.club,
                    m.team,
                    m.sports,
                    self.is_common_reading(m, &keys[k]),
                    if keep { "kept" } else { "dropped" }
                );
            }
            if !keep {
                continue;
            }
            out.push(Resolved {
                mention: m.clone(),
                place: best.map(|b| b.0),
                from_context: false,
                confidence,
            });
        }
        self.place_unknown_names(&mut out);
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn accept(
        &self,
        m: &Mention,
        key: &str,
        i: u32,
        anchors: &[(usize, u32)],
        k: usize,
        focus: Option<&str>,
        kept: &[Resolved],
    ) -> bool {
        if m.club || m.team {
            return false;
        }
        let listed = m.in_list
            && kept.last().is_some_and(|r| {
                r.mention.end_token == m.first_token || r.mention.end_token + 1 == m.first_token
            });
        // In a list, a name stands with the places before it, unless it is
        // an everyday word (X و وقف) outside a list of triggered places.
        if m.trigger.is_some() || (listed && (m.list_only || !self.is_common_reading(m, key))) {
            return true;
        }
        let near_anchor = |km: f64| self.near_anchor(i, anchors, k, km);
        if (m.added_article || m.after_lam) && !(self.prominent(i) || self.sizeable(i)) {
            // بالوقوف، لسان: a word with clitics, unless a trigger said otherwise.
            return false;
        }
        let p = self.gaz.place(i);
        if m.after_title && matches!(p.kind, PlaceKind::Locality | PlaceKind::Neighbourhood) {
            return false;
        }
        // In a sports report a city named without في or a trigger is its club.
        if m.sports && !m.locative && p.kind == PlaceKind::Locality {
            return false;
        }
        if self.is_common_reading(m, key) {
            // مالي the country after في, not مالي "financial"; a foreign
            // city spelled like a word (دولة, Dhule) needs more.
            let region_like = matches!(
                p.kind,
                PlaceKind::Country | PlaceKind::Continent | PlaceKind::Area
            );
            return m.locative && (region_like || near_anchor(30.0));
        }
        if self.prominent(i) {
            return true;
        }
        if self.sizeable(i) {
            return m.locative || focus == Some(p.country.as_str()) || near_anchor(300.0);
        }
        m.locative && near_anchor(60.0)
    }

    /// Whether the mention reads an everyday word: as written, or, when the
    /// gazetteer's name lacks the article the text has, without it
    /// (السلالة is سلالة "dynasty"; الرباط, so named in the gazetteer, is Rabat).
    fn is_common_reading(&self, m: &Mention, key: &str) -> bool {
        self.matcher.is_common(key)
            || (m.added_article
                && key
                    .strip_prefix("ال")
                    .is_some_and(|k| self.matcher.is_common(k)))
    }

    /// Whether place `i` lies within `km` of an anchor other than mention `k`'s own.
    fn near_anchor(&self, i: u32, anchors: &[(usize, u32)], k: usize, km: f64) -> bool {
        self.point(i)
            .is_some_and(|pt| self.anchor_distance(i, pt, anchors, k) <= km)
    }

    /// The distance from place `i` (at `pt`) to the nearest anchor other
    /// than mention `k`'s own. A division anchor is near what lies inside
    /// it (its centroid says nothing); a country or area anchor is no
    /// point of reference.
    fn anchor_distance(&self, i: u32, pt: (f64, f64), anchors: &[(usize, u32)], k: usize) -> f64 {
        let mut best = f64::INFINITY;
        for &(a, ai) in anchors {
            if a == k {
                continue;
            }
            let kind = self.gaz.place(ai).kind;
            match kind {
                PlaceKind::Region | PlaceKind::County => {
                    let p = self.gaz.place(i);
                    if ai != i && (p.admin1 == Some(ai) || p.admin2 == Some(ai)) {
                        best = best.min(0.0);
                    }
                }
                PlaceKind::Locality | PlaceKind::Neighbourhood | PlaceKind::Facility => {
                    if let Some(q) = self.point(ai) {
                        best = best.min(distance_km(pt, q));
                    }
                }
                _ => {}
            }
        }
        best
    }

    /// An unknown name after a trigger word of quarters (حي، أحياء) lies in
    /// the city named around it: the nearest city before it in the
    /// document, else after. So does a known name after such a trigger when
    /// no neighbourhood of that name lies near the document's places (the
    /// village الأحمدية is not Aleppo's quarter الأحمدية).
    fn place_unknown_names(&self, out: &mut [Resolved]) {
        let towns: Vec<(usize, u32)> = out
            .iter()
            .enumerate()
            .filter_map(|(k, r)| {
                let i = r.place?;
                (!r.mention.candidates.is_empty()
                    && self.gaz.place(i).kind == PlaceKind::Locality
                    && (self.prominent(i) || self.sizeable(i)))
                .then_some((k, i))
            })
            .collect();
        for (k, r) in out.iter_mut().enumerate() {
            if r.mention.trigger != Some(Trigger::Neighbourhood) {
                continue;
            }
            if let Some(i) = r.place {
                let p = self.gaz.place(i);
                if p.kind == PlaceKind::Neighbourhood || r.from_context {
                    continue;
                }
            }
            let before = towns.iter().rev().find(|(t, _)| *t < k);
            let after = towns.iter().find(|(t, _)| *t > k);
            if let Some(&(_, city)) = before.or(after) {
                // A place of that name inside the city is the quarter itself.
                let inside = r.place.is_some_and(|i| {
                    self.point(i)
                        .zip(self.point(city))
                        .is_some_and(|(a, b)| distance_km(a, b) <= 10.0)
                });
                if inside {
                    continue;
                }
                r.place = Some(city);
                r.from_context = true;
                r.confidence = 0.5;
            }
        }
    }

    /// The place of `r` as Rasd reports it.
    pub fn describe(&self, r: &Resolved) -> Option<PlaceOut> {
        let i = r.place?;
        let p = self.gaz.place(i);
        let located = self.gaz.located(i);
        let own_point = p.point.is_some() && !r.from_context;
        let relative =
            r.mention.direction.is_some() || r.mention.trigger == Some(Trigger::Countryside);
        let (geo, ucdp) = match p.kind {
            PlaceKind::Locality | PlaceKind::Neighbourhood | PlaceKind::Facility => {
                if own_point && !relative {
                    (1, 1)
                } else {
                    (2, 2)
                }
            }
            PlaceKind::County => (3, 3),
            PlaceKind::Region => (3, 4),
            PlaceKind::Country => (3, 6),
            PlaceKind::Area if !p.country.is_empty() => (3, 5),
            PlaceKind::Area | PlaceKind::Continent => (3, 7),
        };
        let name = |j: Option<u32>| j.map(|j| self.gaz.place(j).name_ar.clone());
        let (admin1, admin2) = match p.kind {
            PlaceKind::Country | PlaceKind::Continent | PlaceKind::Region => (None, None),
            PlaceKind::County => (name(p.admin1), None),
            _ => (name(p.admin1), name(p.admin2)),
        };
        Some(PlaceOut {
            gazetteer_id: p.id.clone(),
            name_ar: p.name_ar.clone(),
            name_en: p.name_en.clone(),
            kind: p.kind.as_str(),
            lat: located.map(|(_, pt)| pt.0),
            lon: located.map(|(_, pt)| pt.1),
            country: p.country.clone(),
            admin1,
            admin2,
            geo_precision: geo,
            where_prec: ucdp,
            confidence: (r.confidence * 1000.0).round() / 1000.0,
        })
    }

    /// The place and the places that hold it, broadest first, as gazetteer
    /// ids (country, governorate, district, city, quarter): incidents nest
    /// by it, a city's total holding its quarters' tolls.
    pub fn lineage(&self, i: u32) -> Vec<String> {
        let breadth = |k: PlaceKind| match k {
            PlaceKind::Continent => 0,
            PlaceKind::Area => 1,
            PlaceKind::Country => 2,
            PlaceKind::Region => 3,
            PlaceKind::County => 4,
            PlaceKind::Locality => 5,
            PlaceKind::Neighbourhood => 6,
            PlaceKind::Facility => 7,
        };
        let mut holders = self.gaz.ancestors(i, &self.countries);
        holders.sort_by_key(|&a| breadth(self.gaz.place(a).kind));
        holders
            .into_iter()
            .chain(std::iter::once(i))
            .map(|a| self.gaz.place(a).id.clone())
            .collect()
    }

    /// Whether place `a` is `b` or lies in it.
    pub fn within(&self, a: u32, b: u32) -> bool {
        a == b || self.gaz.ancestors(a, &self.countries).contains(&b)
    }
}
