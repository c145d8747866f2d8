//! The pages. Every value from a report or the store goes through maud's
//! escaping; Arabic text sits in `dir="rtl"` blocks with an Arabic font
//! stack, whatever the interface language.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::Uri;
use axum::response::Html;
use maud::{html, Markup, DOCTYPE};
use serde::Deserialize;

use rasd_store::query::IncidentSummary;

use crate::api::{incident_detail, query, report_detail, select, story_detail};
use crate::error::{PageError, WebError};
use crate::labels::Lang;
use crate::params::IncidentQuery;
use crate::{with_store, AppState};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LangQuery {
    lang: Option<String>,
}

fn lang_of(uri: &Uri) -> Result<Lang, WebError> {
    let q: LangQuery = query(uri.query())?;
    Ok(Lang::from_param(q.lang.as_deref()))
}

fn layout(lang: Lang, title: &str, body: Markup) -> Html<String> {
    let other = match lang {
        Lang::En => "ar",
        Lang::Ar => "en",
    };
    Html(
        html! {
            (DOCTYPE)
            html lang=(lang.code()) dir=(lang.dir()) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (title) " · Rasd" }
                    link rel="stylesheet" href="/assets/style.css";
                }
                body data-lang=(lang.code()) {
                    header.top {
                        a.brand href={ "/?lang=" (lang.code()) } { "رصد Rasd" }
                        span.tagline { (lang.t("title")) }
                        a.lang href={ "?lang=" (other) } { (lang.t("language")) }
                    }
                    main { (body) }
                }
            }
        }
        .into_string(),
    )
}

fn figures(f: &rasd_store::query::Range) -> String {
    let n = |v: Option<u64>| v.map_or("–".to_string(), |v| v.to_string());
    format!("{} / {} / {}", n(f.low), n(f.best), n(f.high))
}

fn date_of(s: &IncidentSummary, lang: Lang) -> String {
    match (&s.date_start, &s.date_end) {
        (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
        (Some(a), _) => a.clone(),
        _ => lang.t("undated").to_string(),
    }
}

fn incident_rows(list: &[IncidentSummary], lang: Lang) -> Markup {
    html! {
        table.incidents id="incident-list" {
            thead { tr {
                th { (lang.t("incident")) } th { (lang.t("date")) } th { (lang.t("event_type")) }
                th { (lang.t("place")) } th { (lang.t("killed")) " (" (lang.t("low")) "/" (lang.t("best")) "/" (lang.t("high")) ")" }
                th { (lang.t("injured")) } th { (lang.t("reports")) } th { (lang.t("independent_sources")) }
            } }
            tbody {
                @for i in list {
                    tr data-id=(i.id) {
                        td { a.incident-link href={ "/incidents/" (i.id) "?lang=" (lang.code()) } { (i.id) } }
                        td { (date_of(i, lang)) }
                        td { (i.sub_event_type.as_deref().or(i.event_type.as_deref()).unwrap_or(lang.t("unknown"))) }
                        td dir="auto" { (i.place.as_deref().unwrap_or(lang.t("unknown"))) }
                        td.num { (figures(&i.killed)) }
                        td.num { (figures(&i.injured)) }
                        td.num { (i.reports) }
                        td.num { (i.independent_sources) }
                    }
                }
            }
        }
        @if list.is_empty() { p.empty { (lang.t("no_incidents")) } }
    }
}

/// Incidents the home page lists under the map, most killed first.
const HOME_LIST: usize = 200;

pub async fn home(State(state): State<Arc<AppState>>, uri: Uri) -> Result<Html<String>, PageError> {
    let q: IncidentQuery = query(uri.query())?;
    let lang = Lang::from_param(q.lang.as_deref());
    let q2 = q.clone();
    let mut list = with_store(&state, move |s, store| select(s, store, &q2)).await?;
    let total = list.len();
    list.sort_by(|a, b| b.killed.best.cmp(&a.killed.best).then(a.id.cmp(&b.id)));
    list.truncate(HOME_LIST);
    let v = |o: &Option<String>| o.clone().unwrap_or_default();
    let event_types = [
        "Explosions/Remote violence",
        "Battles",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Non-conflict",
    ];
    let body = html! {
        form.filters id="filters" method="get" action="/" {
            input type="hidden" name="lang" value=(lang.code());
            label { (lang.t("search")) " " input type="search" name="q" id="q" value=(v(&q.q)) dir="auto"; }
            label { (lang.t("from")) " " input type="date" name="from" value=(v(&q.from)); }
            label { (lang.t("to")) " " input type="date" name="to" value=(v(&q.to)); }
            label { (lang.t("country")) " " input type="text" name="country" size="3" maxlength="2" value=(v(&q.country)) placeholder="SY"; }
            label { (lang.t("admin1")) " " input type="text" name="admin1" value=(v(&q.admin1)) dir="auto"; }
            label { (lang.t("event_type")) " "
                select name="event_type" {
                    option value="" { "—" }
                    @for t in event_types {
                        option value=(t) selected[q.event_type.as_deref() == Some(t)] { (t) }
                    }
                }
            }
            label { (lang.t("source")) " " input type="text" name="source" value=(v(&q.source)) dir="auto"; }
            button type="submit" { (lang.t("apply")) }
        }
        section.map {
            h2 { (lang.t("map")) " · " span id="map-count" { (total) } " " (lang.t("incidents")) }
            div id="map" data-query=(uri.query().unwrap_or("")) {}
            div.legend id="legend" {}
        }
        section.timeline {
            h2 { (lang.t("timeline")) }
            div id="timeline" {}
        }
        section {
            h2 { (lang.t("incidents")) }
            (incident_rows(&list, lang))
            p.export {
                (lang.t("export")) ": "
                @for f in ["acled-csv", "ucdp-csv", "geojson", "jsonl"] {
                    a href={ "/api/export?format=" (f) } { (f) } " "
                }
            }
        }
        script src="/assets/topojson-client.min.js" {}
        script src="/assets/app.js" {}
    };
    Ok(layout(lang, lang.t("incidents"), body))
}

pub async fn incident(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    uri: Uri,
) -> Result<Html<String>, PageError> {
    let lang = lang_of(&uri)?;
    let d = with_store(&state, move |_, store| incident_detail(store, &id)).await?;
    let i = &d.incident;
    let s = IncidentSummary::of(i);
    let l = lang.code();
    let body = html! {
        article.incident id="incident" data-id=(i.id) {
            h1 {
                (lang.t("incident")) " " (i.id) ": "
                (i.sub_event_type.as_deref().or(i.event_type.as_deref()).unwrap_or(lang.t("unknown")))
                " · " span dir="auto" { (s.place.as_deref().unwrap_or(lang.t("unknown"))) }
            }
            dl.facts {
                dt { (lang.t("date")) } dd { (date_of(&s, lang)) }
                dt { (lang.t("place")) } dd dir="auto" {
                    (s.place.as_deref().unwrap_or(lang.t("unknown")))
                    @if let Some(en) = &s.place_en { " (" (en) ")" }
                    @if let (Some(lat), Some(lon)) = (s.lat, s.lon) { " · " (format!("{lat:.4}, {lon:.4}")) }
                }
                dt { (lang.t("killed")) } dd.figures id="killed" {
                    span.low { (lang.t("low")) " " (i.killed.low.map_or("–".into(), |v| v.to_string())) } " · "
                    span.best { (lang.t("best")) " " (i.killed.best.map_or("–".into(), |v| v.to_string())) } " · "
                    span.high { (lang.t("high")) " " (i.killed.high.map_or("–".into(), |v| v.to_string())) }
                }
                dt { (lang.t("injured")) } dd.figures id="injured" { (figures(&s.injured)) }
                dt { (lang.t("reports")) } dd { (i.reports) }
                dt { (lang.t("independent_sources")) } dd id="independent-sources" { (i.independent_sources) }
                dt { (lang.t("disagreement")) } dd { (i.killed.disagreement.map_or("–".into(), |d| format!("{d:.2}"))) }
                @if i.actor1.is_some() || i.actor2.is_some() {
                    dt { (lang.t("actors")) } dd { (i.actor1.as_deref().unwrap_or("?")) " → " (i.actor2.as_deref().unwrap_or("?")) }
                }
                @if let Some(st) = &d.story {
                    dt { (lang.t("story")) } dd dir="auto" { a.story-link href={ "/stories/" (st.id) "?lang=" (l) } { (st.title.as_deref().unwrap_or(&st.id)) } }
                }
                @if let Some(p) = &i.parent {
                    dt { (lang.t("parent")) } dd { a.parent-link href={ "/incidents/" (p) "?lang=" (l) } { (p) } }
                }
            }
            h2 { (lang.t("source")) }
            ul.sources {
                @for src in &i.sources {
                    li dir="auto" { (src.name) @if let Some(t) = &src.source_type { " (" (t) ")" } " · " (src.outlets.join(", ")) " · " (src.claims) }
                }
            }
            h2 { (lang.t("claims")) }
            table.claims id="claims" {
                thead { tr {
                    th { (lang.t("value")) } th { (lang.t("qualifier")) } th { (lang.t("source")) } th { (lang.t("outlet")) }
                    th { (lang.t("time")) } th { (lang.t("role")) } th { (lang.t("sentence")) } th { (lang.t("copy_of")) }
                } }
                tbody {
                    @for c in &d.claims {
                        tr data-key=(c.claim.key) {
                            td.num { (c.claim.kind) " " (c.claim.value.map_or("–".into(), |v| v.to_string())) }
                            td { (c.claim.qualifier) }
                            td dir="auto" { (c.claim.source.as_deref().unwrap_or("—")) }
                            td { (c.claim.outlet.as_deref().unwrap_or("—")) }
                            td { (c.claim.published.as_deref().unwrap_or(lang.t("undated"))) }
                            td { (serde_json::to_value(c.claim.role).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()) }
                            td.sentence dir="rtl" lang="ar" {
                                @let chars: Vec<char> = c.sentence.chars().collect();
                                @let (a, b) = (c.number_start.min(chars.len()), c.number_end.min(chars.len()).max(c.number_start.min(chars.len())));
                                (chars[..a].iter().collect::<String>())
                                mark.number { (chars[a..b].iter().collect::<String>()) }
                                (chars[b..].iter().collect::<String>())
                                " "
                                a.report-link href={ "/reports/" (c.claim.doc_id) "?lang=" (l) "#c" (c.claim.evidence.start) } { "↗ " (c.claim.doc_id) }
                            }
                            td { @if let Some(o) = &c.claim.copy_of { (o) } }
                        }
                    }
                }
            }
            @if !d.children.is_empty() {
                h2 { (lang.t("parts")) }
                (incident_rows(&d.children, lang))
            }
        }
    };
    Ok(layout(
        lang,
        &format!("{} {}", lang.t("incident"), d.incident.id),
        body,
    ))
}

pub async fn story(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    uri: Uri,
) -> Result<Html<String>, PageError> {
    let lang = lang_of(&uri)?;
    let d = with_store(&state, move |_, store| story_detail(store, &id)).await?;
    let l = lang.code();
    let body = html! {
        article.story id="story" data-id=(d.story.id) {
            h1 dir="auto" { (lang.t("story")) ": " (d.story.title.as_deref().unwrap_or(&d.story.id)) }
            h2 { (lang.t("reports")) " (" (d.reports.len()) ")" }
            table.reports id="story-reports" {
                thead { tr { th { (lang.t("time")) } th { (lang.t("outlet")) } th { (lang.t("report")) } } }
                tbody {
                    @for r in &d.reports {
                        tr {
                            td { (r.published.as_deref().unwrap_or(lang.t("undated"))) }
                            td { (r.outlet.as_deref().unwrap_or("—")) }
                            td dir="auto" { a.report-link href={ "/reports/" (r.id) "?lang=" (l) } { (r.title.as_deref().unwrap_or(&r.id)) } }
                        }
                    }
                }
            }
            h2 { (lang.t("copies")) " (" (d.copies.len()) ")" }
            ul.copies id="story-copies" {
                @for c in &d.copies {
                    li {
                        (c["kind"].as_str().unwrap_or("")) ": "
                        a href={ "/reports/" (c["a"].as_str().unwrap_or("")) } { (c["a"].as_str().unwrap_or("")) }
                        " ↔ "
                        a href={ "/reports/" (c["b"].as_str().unwrap_or("")) } { (c["b"].as_str().unwrap_or("")) }
                        @if let Some(o) = c["origin"].as_str() { " · origin " (o) }
                    }
                }
            }
            h2 { (lang.t("incidents")) }
            (incident_rows(&d.incidents, lang))
        }
    };
    Ok(layout(lang, lang.t("story"), body))
}

pub async fn report(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    uri: Uri,
) -> Result<Html<String>, PageError> {
    let lang = lang_of(&uri)?;
    let d = with_store(&state, move |_, store| report_detail(store, &id)).await?;
    let r = &d.report;
    let l = lang.code();
    let body = html! {
        article.report id="report" data-id=(r.id) {
            h1 dir="auto" { (r.title.as_deref().unwrap_or(&r.id)) }
            p.meta {
                (lang.t("outlet")) ": " (r.outlet.as_deref().unwrap_or("—")) " · "
                (lang.t("time")) ": " (r.published.as_deref().unwrap_or(lang.t("undated")))
                @if let Some(s) = &d.story { " · " a.story-link href={ "/stories/" (s) "?lang=" (l) } { (lang.t("story")) } }
                @if let Some(u) = r.url.as_deref().filter(|u| u.starts_with("http://") || u.starts_with("https://")) {
                    " · " a href=(u) rel="noreferrer noopener" { "URL" }
                }
            }
            p.legend {
                mark.number { (lang.t("value")) } " " mark.place { (lang.t("place")) } " "
                mark.source { (lang.t("source")) } " " mark.date { (lang.t("date")) } " " mark.event { (lang.t("event_type")) }
            }
            div.text id="report-text" dir="rtl" lang="ar" { (crate::highlight::render(&r.text, &d.marks)) }
        }
    };
    Ok(layout(lang, lang.t("report"), body))
}

pub async fn not_found(uri: Uri) -> PageError {
    PageError(WebError::NotFound(format!("nothing at {}", uri.path())))
}
