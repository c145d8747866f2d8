//! The gazetteer on disk: one file in Rasd's data directory.
//!
//! The file is a magic header, a format version and the gazetteer in
//! postcard (a compact serde encoding): loading 100,000 places takes tens
//! of milliseconds, so every command reads it whole. A file of another
//! version is refused with the command that rebuilds it.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{PlacesError, Result};
use crate::gazetteer::Gazetteer;

const MAGIC: &[u8; 8] = b"RASDGAZ\0";
const VERSION: u32 = 1;
pub const FILE_NAME: &str = "gazetteer.bin";

/// Rasd's data directory: `$RASD_DATA_DIR`, else the platform's data
/// directory (`~/.local/share/rasd` on Linux), else `./.rasd`.
pub fn data_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("RASD_DATA_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    dirs::data_dir()
        .map(|d| d.join("rasd"))
        .unwrap_or_else(|| PathBuf::from(".rasd"))
}

/// Writes `gaz` to `path` atomically (a temporary file renamed over it).
pub fn save(gaz: &Gazetteer, path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| PlacesError::io(dir, e))?;
    }
    let body = postcard::to_stdvec(gaz).map_err(|e| PlacesError::Store {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    let tmp = path.with_extension("bin.tmp");
    let mut f = std::fs::File::create(&tmp).map_err(|e| PlacesError::io(&tmp, e))?;
    f.write_all(MAGIC)
        .and_then(|_| f.write_all(&VERSION.to_le_bytes()))
        .and_then(|_| f.write_all(&body))
        .and_then(|_| f.sync_all())
        .map_err(|e| PlacesError::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| PlacesError::io(path, e))
}

/// Reads the gazetteer at `path`.
pub fn load(path: &Path) -> Result<Gazetteer> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(PlacesError::Missing(path.to_path_buf()))
        }
        Err(e) => return Err(PlacesError::io(path, e)),
    };
    let bad = |message: &str| PlacesError::Store {
        path: path.to_path_buf(),
        message: message.to_string(),
    };
    if bytes.len() < 12 || &bytes[..8] != MAGIC {
        return Err(bad("no Rasd gazetteer header"));
    }
    let version = u32::from_le_bytes(bytes[8..12].try_into().expect("four bytes"));
    if version != VERSION {
        return Err(bad(&format!(
            "format version {version}, this Rasd reads {VERSION}"
        )));
    }
    postcard::from_bytes(&bytes[12..]).map_err(|e| bad(&e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{NameOrigin, Place, PlaceKind};

    #[test]
    fn round_trip_and_refusals() {
        let dir = std::env::temp_dir().join(format!("rasd-store-{}", std::process::id()));
        let path = dir.join(FILE_NAME);
        let mut g = Gazetteer::default();
        g.add(
            Place {
                id: "gn:170063".into(),
                name_ar: "حلب".into(),
                name_en: "Aleppo".into(),
                kind: PlaceKind::Locality,
                point: Some((36.20124, 37.16117)),
                population: 1_602_264,
                country: "SY".into(),
                admin1: None,
                admin2: None,
                within: None,
            },
            &[("حلب", NameOrigin::Primary)],
        );
        save(&g, &path).unwrap();
        assert_eq!(load(&path).unwrap(), g);
        std::fs::write(&path, b"not a gazetteer").unwrap();
        assert!(matches!(load(&path), Err(PlacesError::Store { .. })));
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(matches!(load(&path), Err(PlacesError::Missing(_))));
    }
}
