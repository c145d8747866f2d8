//! Rows of the tables as the store's types, shared by every query.

use rasd_core::report::Report;
use rusqlite::Row;

use crate::query::ReportRow;
use crate::{CopyRow, StoryMember, StoryRow};

/// `id, outlet, url, published, title, text` of `reports`.
pub fn report(r: &Row) -> rusqlite::Result<Report> {
    Ok(Report {
        id: r.get(0)?,
        outlet: r.get(1)?,
        url: r.get(2)?,
        published: r.get(3)?,
        title: r.get(4)?,
        text: r.get(5)?,
    })
}

/// `id, outlet, published, title` of `reports`.
pub fn report_row(r: &Row) -> rusqlite::Result<ReportRow> {
    Ok(ReportRow {
        id: r.get(0)?,
        outlet: r.get(1)?,
        published: r.get(2)?,
        title: r.get(3)?,
    })
}

/// `a, b, kind, origin, data` of `copies`.
pub fn copy(r: &Row) -> rusqlite::Result<CopyRow> {
    Ok(CopyRow {
        a: r.get(0)?,
        b: r.get(1)?,
        kind: r.get(2)?,
        origin: r.get(3)?,
        data: r.get(4)?,
    })
}

/// `id, title, first_published, last_published, reports` of `stories`.
pub fn story(r: &Row) -> rusqlite::Result<StoryRow> {
    Ok(StoryRow {
        id: r.get(0)?,
        title: r.get(1)?,
        first_published: r.get(2)?,
        last_published: r.get(3)?,
        reports: r.get::<_, i64>(4)? as usize,
    })
}

/// `doc_id, story_id, similarity` of `story_reports`.
pub fn member(r: &Row) -> rusqlite::Result<StoryMember> {
    Ok(StoryMember {
        doc_id: r.get(0)?,
        story_id: r.get(1)?,
        similarity: r.get::<_, f64>(2)? as f32,
    })
}
