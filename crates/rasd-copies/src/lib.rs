//! Rasd's copies stage: which reports print text another report printed.
//!
//! 1. [`shingles`]: each report's words, normalized as every stage
//!    normalizes them, hashed in overlapping runs of five (shingles), with
//!    each word's span in the original text.
//! 2. [`minhash`]: a MinHash signature of the shingle set (128 universal
//!    hash permutations, as `datasketch` computes them) and LSH banding with
//!    the bands and rows that minimise the false positive and false
//!    negative areas at the chosen threshold, for near-duplicate candidates.
//!    A sample of each report's shingles (those whose hash falls in one
//!    sixteenth of the range) indexes partial copies: an agency paragraph
//!    inside a long article shares few shingles with it overall, but shares
//!    its sampled ones.
//! 3. [`align`]: each candidate pair's shared passages (runs of shared
//!    shingles on one diagonal), their spans in both reports, the
//!    containment each way, and the direction: the earlier publication is
//!    the likely origin.

pub mod align;
pub mod detect;
pub mod minhash;
pub mod shingles;
pub mod silver;

pub use detect::{detect, CopyKind, CopyOptions, CopyPair, CopyStats, Passage};
pub mod claims;
