//! Rasd's stories stage: the reports of one news event, grouped.
//!
//! Reports are taken in publication order. Each becomes a term vector:
//! TF-IDF over normalized, clitic-stripped words, the title weighing three
//! times and the lead twice the body, numbers kept as terms (a toll of 23
//! ties two reports); and a title vector. A report joins the active story
//! it is most similar to — four fifths the cosine with the story's centroid,
//! one fifth the cosine with the closest title among its latest members,
//! less a penalty for the days since the story's last report — if that
//! reaches a threshold; else it founds a story. A
//! story stays active while reports keep joining it within a window of days,
//! so it can run on for weeks. A story's id is its founding report's id:
//! adding later reports never renames a story.

pub mod cluster;
pub mod eval;
pub mod terms;

pub use cluster::{
    cluster, cluster_with_countries, report_vectors, Assignment, CountryWeights, PairVectors,
    ReportVectors, StoryOptions,
};
