//! The schema and its migrations, numbered by SQLite's `user_version`.

use std::path::Path;

use rusqlite::Connection;

use crate::{sql, Result, StoreError};

/// Migration `i` takes the schema from version `i` to `i + 1`. Append only:
/// a released migration is never edited.
const MIGRATIONS: &[&str] = &[
    // 1: reports, claims, and what is derived from them.
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
     CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        outlet TEXT,
        url TEXT,
        published TEXT,
        title TEXT,
        text TEXT NOT NULL,
        text_digest TEXT NOT NULL
     );
     CREATE INDEX reports_published ON reports (published);
     CREATE TABLE claims (
        doc_id TEXT NOT NULL REFERENCES reports (id),
        n INTEGER NOT NULL,
        kind TEXT NOT NULL,
        value INTEGER,
        qualifier TEXT NOT NULL,
        event_type TEXT,
        place_id TEXT,
        date_start TEXT,
        data TEXT NOT NULL,
        PRIMARY KEY (doc_id, n)
     );
     CREATE TABLE copies (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        kind TEXT NOT NULL,
        origin TEXT,
        data TEXT NOT NULL,
        PRIMARY KEY (a, b)
     );
     CREATE TABLE claim_links (claim_key TEXT PRIMARY KEY, origin_key TEXT NOT NULL);
     CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT,
        first_published TEXT,
        last_published TEXT,
        reports INTEGER NOT NULL
     );
     CREATE TABLE story_reports (
        doc_id TEXT PRIMARY KEY,
        story_id TEXT NOT NULL,
        similarity REAL NOT NULL
     );
     CREATE INDEX story_reports_story ON story_reports (story_id);
     CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        story_id TEXT NOT NULL,
        parent_id TEXT,
        event_type TEXT,
        country TEXT,
        admin1 TEXT,
        date_start TEXT,
        killed_best INTEGER,
        data TEXT NOT NULL
     );
     CREATE INDEX incidents_story ON incidents (story_id);
     CREATE INDEX incidents_date ON incidents (date_start);
     CREATE TABLE incident_claims (
        claim_key TEXT PRIMARY KEY,
        incident_id TEXT NOT NULL,
        role TEXT NOT NULL,
        source_group TEXT NOT NULL
     );
     CREATE INDEX incident_claims_incident ON incident_claims (incident_id);",
    // 2: what the web app filters and searches by: a compact summary of each
    // incident, its sources and places by name and id, and a full-text
    // index of the reports' clitic-stripped folded words, and the exports
    // written at each rebuild.
    "ALTER TABLE incidents ADD COLUMN summary TEXT;
     CREATE TABLE incident_sources (incident_id TEXT NOT NULL, folded TEXT NOT NULL);
     CREATE INDEX incident_sources_incident ON incident_sources (incident_id);
     CREATE TABLE incident_places (incident_id TEXT NOT NULL, place_id TEXT NOT NULL);
     CREATE INDEX incident_places_place ON incident_places (place_id);
     CREATE VIRTUAL TABLE report_search USING fts5(doc_id UNINDEXED, terms, detail = none);
     CREATE TABLE exports (format TEXT PRIMARY KEY, body BLOB NOT NULL);
     CREATE INDEX copies_b ON copies (b);",
    // 3: the countries of each report's places, weighed as story clustering
    // compares them, kept when the report is read so that a rebuild does
    // not resolve every report's places again.
    // (The stories are clustered anew at the next run.)
    "CREATE TABLE report_countries (doc_id TEXT PRIMARY KEY, countries TEXT NOT NULL);
     INSERT OR REPLACE INTO meta (key, value) VALUES ('dirty', '1');",
];

/// The schema version this build writes and reads.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// Every table with the order its dump is read in.
pub const TABLES: &[(&str, &str)] = &[
    ("meta", "key"),
    ("reports", "id"),
    ("report_countries", "doc_id"),
    ("claims", "doc_id, n"),
    ("copies", "a, b"),
    ("claim_links", "claim_key"),
    ("stories", "id"),
    ("story_reports", "doc_id"),
    ("incidents", "id"),
    ("incident_claims", "claim_key"),
    ("incident_sources", "incident_id, folded"),
    ("incident_places", "incident_id, place_id"),
    ("report_search", "doc_id"),
    ("exports", "format"),
];

/// Brings the schema of `conn` to the latest version, each migration in
/// its own transaction.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let known = MIGRATIONS.len() as i64;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| sql(path, e))?;
    if version > known {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            known,
        });
    }
    for (i, migration) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction().map_err(|e| sql(path, e))?;
        tx.execute_batch(migration).map_err(|e| sql(path, e))?;
        tx.pragma_update(None, "user_version", i as i64 + 1)
            .map_err(|e| sql(path, e))?;
        tx.commit().map_err(|e| sql(path, e))?;
    }
    Ok(())
}
