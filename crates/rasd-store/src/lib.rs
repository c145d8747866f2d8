//! Rasd's store: one embedded SQLite file holding the reports, their claims,
//! and what is derived from them (copies, stories, incidents).
//!
//! Reports and their claims are written in batches, each batch one
//! transaction: a run killed midway keeps every batch it committed. What is
//! derived from all reports together is rebuilt in one transaction at the
//! end of a run, and a `dirty` mark, set with every batch and cleared with
//! the rebuild, makes the next run finish a rebuild a killed run left
//! undone. A report already stored with the same text is skipped, so the
//! same input twice changes nothing.

pub mod export;
pub mod query;
mod rows;
mod schema;
pub mod search;
pub mod view;

use std::path::{Path, PathBuf};

use rasd_core::report::Report;
use rasd_incidents::{ClaimRecord, Incident};
use rusqlite::{params, Connection, OptionalExtension};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// Errors of the store, with the database path.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    // The cause is written into the message, not chained as a source: a
    // chain would print SQLite's words twice.
    #[error("{path}: {error}")]
    Sqlite {
        path: PathBuf,
        error: rusqlite::Error,
    },
    #[error("{path}: a stored {what} does not parse: {error}")]
    Corrupt {
        path: PathBuf,
        what: &'static str,
        error: serde_json::Error,
    },
    #[error("{path}: database schema version {found}, this rasd reads version {known}: run `rasd run` on it with this rasd to migrate it")]
    Version {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{path}: database schema version {found} is newer than this rasd knows ({known}); use a newer rasd")]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// A report to add, with its claims and its search terms
/// ([`search::report_terms`]).
pub struct NewReport<'a> {
    pub report: &'a Report,
    pub claims: Vec<ClaimRecord>,
    pub search_terms: String,
    /// The countries of its places with their weights, when a gazetteer
    /// resolved them.
    pub countries: Option<Vec<(String, f32)>>,
}

/// Whether a report is in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    New,
    /// Stored with the same text.
    Same,
    /// Stored with another text under the same id.
    Changed,
}

/// A pair of reports that share text, as `rasd copies` reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyRow {
    pub a: String,
    pub b: String,
    pub kind: String,
    pub origin: Option<String>,
    /// The whole pair as JSON (containments, passages).
    pub data: String,
}

/// One story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryRow {
    pub id: String,
    pub title: Option<String>,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    pub reports: usize,
}

/// A report's story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryMember {
    pub doc_id: String,
    pub story_id: String,
    pub similarity: f32,
}

/// Everything rebuilt from all the reports at the end of a run.
pub struct Derived<'a> {
    pub copies: &'a [CopyRow],
    /// (claim key, key of the claim it reprints).
    pub claim_links: &'a [(String, String)],
    pub stories: &'a [StoryRow],
    pub members: &'a [StoryMember],
    pub incidents: &'a [Incident],
    /// Every claim, with its copy link, for the JSON lines export.
    pub records: &'a [ClaimRecord],
}

/// Row counts, for the end-of-run summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub reports: usize,
    pub claims: usize,
    pub copies: usize,
    pub stories: usize,
    pub incidents: usize,
}

/// A stable digest of a report's text, to tell a re-sent report from an
/// edited one without reading the stored text back.
pub fn text_digest(text: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    text.hash(&mut h);
    format!("{:016x}:{}", h.finish(), text.len())
}

/// An open database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (or creates) the database at `path` and brings its schema up
    /// to date.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|e| sql(path, e))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.init()?;
        Ok(store)
    }

    /// Opens an existing database for reading only (the web server): no
    /// migration, no write; a database of another schema version is refused.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let flags =
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| sql(path, e))?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| sql(path, e))?;
        let known = schema::VERSION;
        if version > known {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: version,
                known,
            });
        }
        if version < known {
            return Err(StoreError::Version {
                path: path.to_path_buf(),
                found: version,
                known,
            });
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    fn init(&mut self) -> Result<()> {
        let path = self.path.clone();
        // WAL: readers (the web server) never block the writer, and a
        // commit survives a crash of the process.
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| sql(&path, e))?;
        self.conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(|e| sql(&path, e))?;
        self.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| sql(&path, e))?;
        self.conn
            .busy_timeout(std::time::Duration::from_secs(10))
            .map_err(|e| sql(&path, e))?;
        schema::migrate(&mut self.conn, &path)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The text digest of every stored report.
    pub fn digests(&self) -> Result<FxHashMap<String, String>> {
        self.string_map("SELECT id, text_digest FROM reports")
    }

    /// The first column of a query's rows mapped to the second.
    fn string_map(&self, sql: &str) -> Result<FxHashMap<String, String>> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(|e| self.err(e))
    }

    /// Adds reports and their claims in one transaction, and marks what is
    /// derived from them as out of date.
    pub fn add_reports(&mut self, batch: &[NewReport]) -> Result<()> {
        let path = self.path.clone();
        let e = |x| sql(&path, x);
        let tx = self.conn.transaction().map_err(e)?;
        {
            let mut report_stmt = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO reports (id, outlet, url, published, title, text, text_digest)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(e)?;
            let mut claim_stmt = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO claims (doc_id, n, kind, value, qualifier, event_type, place_id, date_start, data)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(e)?;
            let mut forget_stmt = tx
                .prepare_cached("DELETE FROM claims WHERE doc_id = ?1")
                .map_err(e)?;
            let mut forget_countries_stmt = tx
                .prepare_cached("DELETE FROM report_countries WHERE doc_id = ?1")
                .map_err(e)?;
            let mut countries_stmt = tx
                .prepare_cached("INSERT INTO report_countries (doc_id, countries) VALUES (?1, ?2)")
                .map_err(e)?;
            // The search index shares the reports' rowids: a report's terms
            // are found and replaced by rowid, not by a scan of the index.
            let mut old_rowid_stmt = tx
                .prepare_cached("SELECT rowid FROM reports WHERE id = ?1")
                .map_err(e)?;
            let mut unindex_stmt = tx
                .prepare_cached("DELETE FROM report_search WHERE rowid = ?1")
                .map_err(e)?;
            let mut index_stmt = tx
                .prepare_cached(
                    "INSERT INTO report_search (rowid, doc_id, terms) VALUES (?1, ?2, ?3)",
                )
                .map_err(e)?;
            for new in batch {
                let r = new.report;
                // A report sent again with another text replaces the old one.
                forget_stmt.execute([&r.id]).map_err(e)?;
                forget_countries_stmt.execute([&r.id]).map_err(e)?;
                if let Some(countries) = &new.countries {
                    let data = serde_json::to_string(countries).expect("countries serialize");
                    countries_stmt.execute(params![r.id, data]).map_err(e)?;
                }
                let old_rowid: Option<i64> = old_rowid_stmt
                    .query_row([&r.id], |row| row.get(0))
                    .optional()
                    .map_err(e)?;
                if let Some(rowid) = old_rowid {
                    unindex_stmt.execute([rowid]).map_err(e)?;
                }
                report_stmt
                    .execute(params![
                        r.id,
                        r.outlet,
                        r.url,
                        r.published,
                        r.title,
                        r.text,
                        text_digest(&r.text)
                    ])
                    .map_err(e)?;
                index_stmt
                    .execute(params![tx.last_insert_rowid(), r.id, new.search_terms])
                    .map_err(e)?;
                for (n, c) in new.claims.iter().enumerate() {
                    let data = serde_json::to_string(c).expect("claims serialize");
                    claim_stmt
                        .execute(params![
                            r.id,
                            n as i64,
                            c.claim.kind.as_str(),
                            c.claim.value.map(|v| v as i64),
                            c.claim.qualifier.as_str(),
                            c.event.as_ref().map(|x| x.event_type.as_str()),
                            c.place.as_ref().map(|p| p.gazetteer_id.as_str()),
                            c.date.as_ref().map(|d| d.start.as_str()),
                            data
                        ])
                        .map_err(e)?;
                }
            }
            tx.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('dirty', '1')",
                [],
            )
            .map_err(e)?;
        }
        tx.commit().map_err(e)
    }

    /// Whether reports were added since the last rebuild.
    pub fn dirty(&self) -> Result<bool> {
        let v: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'dirty'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(v.as_deref() == Some("1"))
    }

    /// Every stored report, in id order.
    pub fn reports(&self) -> Result<Vec<Report>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, outlet, url, published, title, text FROM reports ORDER BY id")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], rows::report).map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(|e| self.err(e))
    }

    /// The countries of each report's places, by report id, for the
    /// reports read with a gazetteer.
    pub fn report_countries(&self) -> Result<rustc_hash::FxHashMap<String, Vec<(String, f32)>>> {
        let mut stmt = self
            .conn
            .prepare("SELECT doc_id, countries FROM report_countries")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })
            .map_err(|e| self.err(e))?;
        let mut out = rustc_hash::FxHashMap::default();
        for row in rows {
            let (id, json) = row.map_err(|e| self.err(e))?;
            out.insert(id, self.parse(&json, "report countries")?);
        }
        Ok(out)
    }

    /// One report by id.
    pub fn report(&self, id: &str) -> Result<Option<Report>> {
        self.conn
            .query_row(
                "SELECT id, outlet, url, published, title, text FROM reports WHERE id = ?1",
                [id],
                rows::report,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Every stored claim, with the copy links of the last rebuild, in
    /// report and rank order.
    pub fn claim_records(&self) -> Result<Vec<ClaimRecord>> {
        let links = self.string_map("SELECT claim_key, origin_key FROM claim_links")?;
        let mut stmt = self
            .conn
            .prepare("SELECT data FROM claims ORDER BY doc_id, n")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let data = row.map_err(|e| self.err(e))?;
            let mut record: ClaimRecord =
                serde_json::from_str(&data).map_err(|error| StoreError::Corrupt {
                    path: self.path.clone(),
                    what: "claim",
                    error,
                })?;
            record.origin = links.get(&record.key).cloned();
            out.push(record);
        }
        Ok(out)
    }

    /// The story of every report, from the last rebuild.
    pub fn story_members(&self) -> Result<Vec<StoryMember>> {
        let mut stmt = self
            .conn
            .prepare("SELECT doc_id, story_id, similarity FROM story_reports ORDER BY doc_id")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], rows::member).map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(|e| self.err(e))
    }

    /// Replaces everything derived from the reports, in one transaction, and
    /// clears the dirty mark.
    pub fn replace_derived(&mut self, d: &Derived) -> Result<()> {
        let path = self.path.clone();
        let e = |x| sql(&path, x);
        let tx = self.conn.transaction().map_err(e)?;
        tx.execute_batch(
            "DELETE FROM incident_claims; DELETE FROM incident_sources; DELETE FROM incident_places;
             DELETE FROM incidents; DELETE FROM story_reports;
             DELETE FROM stories; DELETE FROM claim_links; DELETE FROM copies;",
        )
        .map_err(e)?;
        {
            let mut stmt = tx
                .prepare(
                    "INSERT INTO copies (a, b, kind, origin, data) VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(e)?;
            for c in d.copies {
                stmt.execute(params![c.a, c.b, c.kind, c.origin, c.data])
                    .map_err(e)?;
            }
            let mut stmt = tx
                .prepare(
                    "INSERT OR REPLACE INTO claim_links (claim_key, origin_key) VALUES (?1, ?2)",
                )
                .map_err(e)?;
            for (k, o) in d.claim_links {
                stmt.execute(params![k, o]).map_err(e)?;
            }
            let mut stmt = tx
                .prepare(
                    "INSERT INTO stories (id, title, first_published, last_published, reports)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(e)?;
            for s in d.stories {
                stmt.execute(params![
                    s.id,
                    s.title,
                    s.first_published,
                    s.last_published,
                    s.reports as i64
                ])
                .map_err(e)?;
            }
            let mut stmt = tx
                .prepare(
                    "INSERT INTO story_reports (doc_id, story_id, similarity) VALUES (?1, ?2, ?3)",
                )
                .map_err(e)?;
            for m in d.members {
                stmt.execute(params![m.doc_id, m.story_id, m.similarity as f64])
                    .map_err(e)?;
            }
            let mut inc = tx
                .prepare(
                    "INSERT INTO incidents (id, story_id, parent_id, event_type, country, admin1, date_start, killed_best, data, summary)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )
                .map_err(e)?;
            let mut source_stmt = tx
                .prepare("INSERT INTO incident_sources (incident_id, folded) VALUES (?1, ?2)")
                .map_err(e)?;
            let mut place_stmt = tx
                .prepare("INSERT INTO incident_places (incident_id, place_id) VALUES (?1, ?2)")
                .map_err(e)?;
            let mut member = tx
                .prepare(
                    "INSERT OR REPLACE INTO incident_claims (claim_key, incident_id, role, source_group)
                     VALUES (?1, ?2, ?3, ?4)",
                )
                .map_err(e)?;
            for i in d.incidents {
                let data = serde_json::to_string(i).expect("incidents serialize");
                inc.execute(params![
                    i.id,
                    i.story_id,
                    i.parent,
                    i.event_type,
                    i.place.as_ref().map(|p| p.country.as_str()),
                    i.place.as_ref().and_then(|p| p.admin1.as_deref()),
                    i.date.as_ref().map(|x| x.start.as_str()),
                    i.killed.best.map(|v| v as i64),
                    data,
                    serde_json::to_string(&query::IncidentSummary::of(i))
                        .expect("summaries serialize")
                ])
                .map_err(e)?;
                for src in &i.sources {
                    source_stmt
                        .execute(params![i.id, rasd_core::normalize::fold(&src.name)])
                        .map_err(e)?;
                }
                for place in &i.place_lineage {
                    place_stmt.execute(params![i.id, place]).map_err(e)?;
                }
                for m in &i.claims {
                    let role = serde_json::to_value(m.role).expect("roles serialize");
                    member
                        .execute(params![m.key, i.id, role.as_str(), m.source_group])
                        .map_err(e)?;
                }
            }
        }
        // The exports, written once here so that serving one is reading a
        // row (the CSV formats without the incidents inside an aggregate).
        tx.execute("DELETE FROM exports", []).map_err(e)?;
        let mut top_level = d.incidents.to_vec();
        export::rows_for(export::ExportFormat::AcledCsv, &mut top_level, false);
        for format in export::ExportFormat::ALL {
            let incidents = match format {
                export::ExportFormat::AcledCsv | export::ExportFormat::UcdpCsv => &top_level,
                export::ExportFormat::Geojson | export::ExportFormat::Jsonl => d.incidents,
            };
            let mut body = Vec::new();
            export::write(&mut body, format, incidents, d.records)
                .expect("writing to memory does not fail");
            tx.execute(
                "INSERT INTO exports (format, body) VALUES (?1, ?2)",
                params![format.as_str(), body],
            )
            .map_err(e)?;
        }
        tx.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('dirty', '0')",
            [],
        )
        .map_err(e)?;
        tx.commit().map_err(e)
    }

    /// The export of `format` written at the last rebuild.
    pub fn stored_export(&self, format: export::ExportFormat) -> Result<Option<Vec<u8>>> {
        self.conn
            .query_row(
                "SELECT body FROM exports WHERE format = ?1",
                [format.as_str()],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Every incident, in story order.
    pub fn incidents(&self) -> Result<Vec<Incident>> {
        self.json_rows("SELECT data FROM incidents ORDER BY rowid", "incident")
    }

    /// Every story, in id order.
    pub fn stories(&self) -> Result<Vec<StoryRow>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, title, first_published, last_published, reports FROM stories ORDER BY id")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], rows::story).map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(|e| self.err(e))
    }

    /// Every copy pair.
    pub fn copies(&self) -> Result<Vec<CopyRow>> {
        let mut stmt = self
            .conn
            .prepare("SELECT a, b, kind, origin, data FROM copies ORDER BY a, b")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], rows::copy).map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(|e| self.err(e))
    }

    /// Row counts of the main tables.
    pub fn counts(&self) -> Result<Counts> {
        let count = |table: &str| -> Result<usize> {
            self.conn
                .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })
                .map(|n| n as usize)
                .map_err(|e| self.err(e))
        };
        Ok(Counts {
            reports: count("reports")?,
            claims: count("claims")?,
            copies: count("copies")?,
            stories: count("stories")?,
            incidents: count("incidents")?,
        })
    }

    /// Every row of every table as text, in a fixed order: two databases
    /// with equal dumps hold the same data.
    pub fn dump(&self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for (table, order) in schema::TABLES {
            let mut stmt = self
                .conn
                .prepare(&format!("SELECT * FROM {table} ORDER BY {order}"))
                .map_err(|e| self.err(e))?;
            let columns = stmt.column_count();
            let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
            while let Some(row) = rows.next().map_err(|e| self.err(e))? {
                let mut line = format!("{table}:");
                for c in 0..columns {
                    let v: rusqlite::types::Value = row.get(c).map_err(|e| self.err(e))?;
                    line.push_str(&format!(" {v:?}"));
                }
                out.push(line);
            }
        }
        Ok(out)
    }

    fn json_rows<T: serde::de::DeserializeOwned>(
        &self,
        query: &str,
        what: &'static str,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare(query).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let data = row.map_err(|e| self.err(e))?;
            out.push(
                serde_json::from_str(&data).map_err(|error| StoreError::Corrupt {
                    path: self.path.clone(),
                    what,
                    error,
                })?,
            );
        }
        Ok(out)
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        sql(&self.path, e)
    }
}

fn sql(path: &Path, source: rusqlite::Error) -> StoreError {
    StoreError::Sqlite {
        path: path.to_path_buf(),
        error: source,
    }
}

/// Whether a report is stored, given the stored digests.
pub fn known(digests: &FxHashMap<String, String>, report: &Report) -> Known {
    match digests.get(&report.id) {
        None => Known::New,
        Some(d) if *d == text_digest(&report.text) => Known::Same,
        Some(_) => Known::Changed,
    }
}
