//! What a report page highlights: each claim's number, place and source,
//! its date and the word that gave its event type, as character spans of
//! the text, with the incident each leads to.

use maud::{html, Markup};
use rasd_incidents::ClaimRecord;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    /// `number`, `place`, `source`, `date` or `event`.
    pub kind: &'static str,
    /// The incident of the claim, when it is in one.
    pub incident: Option<String>,
}

/// The marks of a report's claims, in text order, without overlaps (the
/// first to start wins; a number before anything else at the same place).
pub fn marks(records: &[ClaimRecord], incidents: &[(String, String)]) -> Vec<Mark> {
    let mut out: Vec<Mark> = Vec::new();
    for r in records {
        let incident = incidents
            .iter()
            .find(|(k, _)| *k == r.key)
            .map(|(_, i)| i.clone());
        let c = &r.claim;
        let mut push = |start: usize, end: usize, kind: &'static str| {
            if start < end {
                out.push(Mark {
                    start,
                    end,
                    kind,
                    incident: incident.clone(),
                });
            }
        };
        push(c.evidence.start, c.evidence.end, "number");
        if let Some(p) = &c.place {
            push(p.start, p.end, "place");
        }
        if let Some(s) = &c.source {
            push(s.start, s.end, "source");
        }
        if let Some(e) = r.date.as_ref().and_then(|d| d.evidence.as_ref()) {
            push(e.start, e.end, "date");
        }
        if let Some(t) = r.event.as_ref().and_then(|e| e.trigger.as_ref()) {
            push(t.start, t.end, "event");
        }
    }
    let rank = |k: &str| match k {
        "number" => 0,
        "source" => 1,
        "place" => 2,
        "date" => 3,
        _ => 4,
    };
    out.sort_by(|a, b| a.start.cmp(&b.start).then(rank(a.kind).cmp(&rank(b.kind))));
    let mut kept: Vec<Mark> = Vec::new();
    for m in out {
        if kept.last().is_none_or(|k| m.start >= k.end) {
            kept.push(m);
        }
    }
    kept
}

/// The text with its marks, every character escaped.
pub fn render(text: &str, marks: &[Mark]) -> Markup {
    let chars: Vec<char> = text.chars().collect();
    let mut pieces: Vec<(String, Option<&Mark>)> = Vec::new();
    let mut at = 0;
    for m in marks {
        let (s, e) = (m.start.min(chars.len()), m.end.min(chars.len()));
        if s < at {
            continue;
        }
        pieces.push((chars[at..s].iter().collect(), None));
        pieces.push((chars[s..e].iter().collect(), Some(m)));
        at = e;
    }
    pieces.push((chars[at..].iter().collect(), None));
    html! {
        @for (piece, mark) in &pieces {
            @match mark {
                None => (piece),
                Some(m) => {
                    @match &m.incident {
                        Some(i) => a.mark href={ "/incidents/" (i) } { mark class=(m.kind) data-kind=(m.kind) { (piece) } },
                        None => mark class=(m.kind) data-kind=(m.kind) { (piece) },
                    }
                }
            }
        }
    }
}
