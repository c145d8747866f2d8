//! The library's error types.

use std::path::PathBuf;

/// A malformed line in a lexicon file.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LexiconError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    #[error("{path}: {message}")]
    Gold { path: PathBuf, message: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
