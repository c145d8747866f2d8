//! The readable report `rasd run` prints: stories, their incidents, and
//! each incident's claims with their words.

use std::io::{self, Write};

use rasd_incidents::Role;
use rasd_store::view::{FigureView, IncidentView, RunReport, StoryView};

fn figure_text(f: &FigureView) -> String {
    let n = |v: Option<u64>| v.map_or("-".to_string(), |v| v.to_string());
    format!("{}/{}/{}", n(f.low), n(f.best), n(f.high))
}

/// The readable report: the `limit` stories most independently sourced
/// first (a toll from history quoted once does not lead), each incident
/// under its parent, each claim with its words.
pub fn write_table(out: &mut impl Write, report: &RunReport, limit: usize) -> io::Result<()> {
    let weight = |s: &StoryView| {
        let sources: usize = s
            .incidents
            .iter()
            .filter(|i| i.parent.is_none())
            .map(|i| i.independent_sources)
            .sum();
        let killed: u64 = s
            .incidents
            .iter()
            .filter(|i| i.parent.is_none())
            .map(|i| i.killed.best.unwrap_or(0))
            .sum();
        (sources, killed)
    };
    let mut order: Vec<&StoryView> = report.stories.iter().collect();
    order.sort_by(|a, b| weight(b).cmp(&weight(a)).then(a.id.cmp(&b.id)));
    for story in order.iter().take(limit) {
        writeln!(
            out,
            "Story {} — {} ({} reports{})",
            story.id,
            story.title.as_deref().unwrap_or("untitled"),
            story.reports,
            story.first_published.as_deref().map_or(
                ", undated: no publication time (use --published)".to_string(),
                |p| { format!(", from {p}") }
            )
        )?;
        let roots = story.incidents.iter().filter(|i| {
            i.parent
                .as_deref()
                .is_none_or(|p| !story.incidents.iter().any(|o| o.id == p))
        });
        for i in roots {
            write_incident(out, story, i, 1)?;
        }
        writeln!(out)?;
    }
    if report.stories.len() > limit {
        writeln!(
            out,
            "… and {} more stories with incidents (--limit N shows more, --json shows all)",
            report.stories.len() - limit
        )?;
    }
    Ok(())
}

fn write_incident(
    out: &mut impl Write,
    story: &StoryView,
    i: &IncidentView,
    depth: usize,
) -> io::Result<()> {
    let pad = "  ".repeat(depth);
    writeln!(
        out,
        "{pad}Incident {} · {} · {} · {} · killed {} · injured {} (low/best/high) · {} reports, {} independent sources{}",
        i.id,
        i.sub_event_type.as_deref().or(i.event_type.as_deref()).unwrap_or("event type unknown"),
        match (&i.place, &i.place_en) {
            (Some(ar), Some(en)) if !en.is_empty() && en != ar => format!("{ar} ({en})"),
            (Some(ar), _) => ar.clone(),
            _ => "place unknown".to_string(),
        },
        i.date.as_deref().unwrap_or("undated"),
        figure_text(&i.killed),
        figure_text(&i.injured),
        i.reports,
        i.independent_sources,
        i.killed
            .disagreement
            .map_or(String::new(), |d| format!(", disagreement {d:.2}"))
    )?;
    if i.actor1.is_some() || i.actor2.is_some() {
        writeln!(
            out,
            "{pad}  actors: {} → {}",
            i.actor1.as_deref().unwrap_or("?"),
            i.actor2.as_deref().unwrap_or("?")
        )?;
    }
    for c in &i.claims {
        let value = c.value.map_or_else(
            || c.qualifier.to_string(),
            |v| {
                if c.qualifier == "exact" {
                    v.to_string()
                } else {
                    format!("{} {v}", c.qualifier)
                }
            },
        );
        let role = match c.role {
            Role::Counted => String::new(),
            other => format!(
                " [{}]",
                serde_json::to_value(other)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            ),
        };
        writeln!(
            out,
            "{pad}  - {} {value} {}{role} · {} · {}{} «{}» @{}-{}",
            c.kind,
            c.victims,
            c.source.as_deref().unwrap_or("unattributed"),
            c.outlet.as_deref().unwrap_or(&c.doc_id),
            c.copy_of
                .as_deref()
                .map_or(String::new(), |o| format!(" (copy of {o})")),
            c.evidence.text,
            c.evidence.start,
            c.evidence.end
        )?;
    }
    for child in story
        .incidents
        .iter()
        .filter(|o| o.parent.as_deref() == Some(i.id.as_str()))
    {
        write_incident(out, story, child, depth + 1)?;
    }
    Ok(())
}
