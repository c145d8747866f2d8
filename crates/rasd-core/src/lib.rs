//! Rasd's library: from Arabic news reports to sourced casualty claims.
//!
//! The pipeline runs one way, each stage a module with a typed output:
//!
//! 1. [`ingest`] reads `.txt` files, directories and JSONL (plain or gzip)
//!    into [`report::Report`]s, reporting every malformed input with its location;
//! 2. [`normalize`] folds the text for matching and keeps the map back to
//!    the original characters;
//! 3. [`segment`] splits paragraphs, sentences and tokens;
//! 4. [`numbers`] reads digits, number words, duals and vague quantities;
//! 5. [`claims`] finds every casualty claim with its qualifier, victims,
//!    breakdown, place, source, modality and evidence span;
//! 6. [`gold`] and [`eval`] score extraction against hand-made gold, and
//!    [`agreement`] measures how far two labellers of the gold agree.
//!
//! Nothing in the library prints: the `rasd` binary does.

pub mod agreement;
pub mod claims;
pub mod error;
pub mod eval;
pub mod gold;
pub mod ingest;
pub mod lexicon;
pub mod normalize;
pub mod numbers;
pub mod report;
pub mod segment;
pub mod time;

pub use error::{Error, Result};
