//! The web app's pages and API over a database built by `rasd run` from the
//! five Aleppo reports and a report full of markup, with the fixture
//! gazetteer of `tests/fixtures/wof-aleppo.tsv`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const XSS_REPORT: &str = "قتل 5 مدنيين في قصف على مدينة حلب <script>window.__xss=1</script> \
وأفاد المرصد السوري بمقتل 3 آخرين \"><img src=x onerror=\"window.__xss=2\"> javascript:alert(1)";

/// The data directory and database, built once for all tests.
fn built() -> &'static (PathBuf, PathBuf) {
    static BUILT: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("rasd-serve-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("reports")).unwrap();
        let fixture = project_root().join("crates/rasd-cli/tests/fixtures/wof-aleppo.tsv");
        let rasd = |args: &[&str]| {
            let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
                .args(args)
                .env("RASD_DATA_DIR", &dir)
                .current_dir(project_root())
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        };
        rasd(&["gazetteer", "import", "-q", fixture.to_str().unwrap()]);
        for entry in std::fs::read_dir(project_root().join("examples/aleppo-2016-11")).unwrap() {
            let p = entry.unwrap().path();
            std::fs::copy(&p, dir.join("reports").join(p.file_name().unwrap())).unwrap();
        }
        std::fs::write(dir.join("reports/xss_report.txt"), XSS_REPORT).unwrap();
        let db = dir.join("rasd.db");
        rasd(&[
            "run",
            dir.join("reports").to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
            "-q",
        ]);
        (dir, db)
    })
}

fn app() -> axum::Router {
    let (dir, db) = built();
    let resolver = rasd_places::store::load(&dir.join("gazetteer.bin"))
        .ok()
        .map(rasd_places::resolve::Resolver::new);
    rasd_web::router(Arc::new(rasd_web::AppState {
        db: db.clone(),
        resolver,
        ingest: None,
    }))
}

fn get(uri: &str) -> (StatusCode, String) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let request = Request::builder().uri(uri).body(Body::empty()).unwrap();
        let response = app().oneshot(request).await.unwrap();
        let status = response.status();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        (status, String::from_utf8(body.to_vec()).unwrap())
    })
}

fn get_json(uri: &str) -> Value {
    let (status, body) = get(uri);
    assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    serde_json::from_str(&body).unwrap()
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn aleppo_strikes() -> Value {
    let list = get_json("/api/incidents");
    list["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| {
            i["place_en"] == "Aleppo"
                && i["sub_event_type"] == "Air/drone strike"
                && i["parent"].is_null()
        })
        .cloned()
        .expect("the Aleppo air strikes")
}

#[test]
fn the_api_lists_filters_and_details_incidents() {
    let all = get_json("/api/incidents");
    let n = all["count"].as_u64().unwrap();
    assert!(n >= 20, "{n}");
    let bombs = get_json(&format!(
        "/api/incidents?event_type={}",
        encode("Explosions/Remote violence")
    ));
    assert!(bombs["count"].as_u64().unwrap() < n);
    assert_eq!(get_json("/api/incidents?country=FR")["count"], 0);
    let by_source = get_json(&format!("/api/incidents?source={}", encode("شبكة شام")));
    assert!(by_source["count"].as_u64().unwrap() >= 1);

    let strikes = aleppo_strikes();
    let id = strikes["id"].as_str().unwrap();
    let detail = get_json(&format!("/api/incidents/{id}"));
    assert_eq!(detail["incident"]["killed"]["low"], 47);
    let claims = detail["claims"].as_array().unwrap();
    assert!(claims.len() >= 10);
    // Each claim carries its sentence, and the number's place in it.
    for c in claims {
        let sentence: Vec<char> = c["sentence"].as_str().unwrap().chars().collect();
        let (s, e) = (
            c["number_start"].as_u64().unwrap() as usize,
            c["number_end"].as_u64().unwrap() as usize,
        );
        let number: String = sentence[s..e].iter().collect();
        assert_eq!(number, c["evidence"]["text"].as_str().unwrap());
    }
    assert!(detail["children"].as_array().unwrap().len() >= 8);

    let story = get_json(&format!(
        "/api/stories/{}",
        detail["incident"]["story_id"].as_str().unwrap()
    ));
    assert!(story["reports"].as_array().unwrap().len() >= 2);
    let report = get_json("/api/reports/003_4d13b451b7838b18");
    assert!(report["claims"].as_array().unwrap().len() >= 10);
    let kinds: Vec<&str> = report["marks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    for k in ["number", "place", "source"] {
        assert!(kinds.contains(&k), "{k}: {kinds:?}");
    }
}

#[test]
fn search_is_normalization_aware() {
    // باتابو is written باتبو in another report: the gazetteer's variant
    // finds the one incident.
    let found = get_json(&format!("/api/search?q={}", encode("باتابو")));
    let places: Vec<&str> = found["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["place_en"].as_str().unwrap_or(""))
        .collect();
    assert!(places.contains(&"Batabo"), "{places:?}");
    // Diacritics, tatweel and a clitic do not hide a word of a report.
    let found = get_json(&format!("/api/search?q={}", encode("بِالصّاخـور")));
    assert!(!found["reports"].as_array().unwrap().is_empty());
    let filtered = get_json(&format!("/api/incidents?q={}", encode("باتبو")));
    assert!(filtered["count"].as_u64().unwrap() >= 1);
}

#[test]
fn bad_ids_dates_and_parameters_get_a_400_that_says_why() {
    for (uri, says) in [
        ("/api/incidents?from=2016-13-01", "from="),
        ("/api/incidents?from=yesterday", "YYYY-MM-DD"),
        ("/api/incidents?from=2016-11-20&to=2016-11-01", "after"),
        ("/api/incidents?limit=0", "limit"),
        ("/api/incidents?limit=many", "limit"),
        ("/api/incidents?country=Syria", "ISO"),
        ("/api/incidents?colour=red", "colour"),
        ("/api/incidents/%3Cscript%3E", "not an incident id"),
        ("/api/stories/a%20b", "not a story id"),
        ("/api/search", "q is missing"),
        ("/api/search?q=", "q is empty"),
        ("/api/export?format=xlsx", "unknown export format"),
        ("/?from=2016-02-30", "from="),
    ] {
        let (status, body) = get(uri);
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        assert!(body.contains(says), "{uri}: {body}");
    }
    // Bytes that are no UTF-8, in a path or a parameter.
    for uri in [
        "/api/incidents/%FF",
        "/reports/%FF%FE",
        "/api/incidents?from=%FF",
    ] {
        assert_eq!(get(uri).0, StatusCode::BAD_REQUEST, "{uri}");
    }
    assert_eq!(get("/api/incidents/i000000000000").0, StatusCode::NOT_FOUND);
    assert_eq!(get("/reports/no_such_report").0, StatusCode::NOT_FOUND);
    assert_eq!(get("/nowhere").0, StatusCode::NOT_FOUND);
}

#[test]
fn a_report_full_of_markup_is_shown_as_text() {
    let (status, page) = get("/reports/xss_report");
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>window"));
    assert!(!page.contains("<img src=x"));
    assert!(page.contains("&lt;img src=x onerror="));
    assert!(!page.contains("href=\"javascript:"));
    assert!(page.contains(r#"id="report-text" dir="rtl""#));
    // Its claims' numbers are marked and lead to their incidents.
    assert!(page.contains(r#"<mark class="number""#));
    let report = get_json("/api/reports/xss_report");
    assert!(report["report"]["text"]
        .as_str()
        .unwrap()
        .contains("<script>"));
}

#[test]
fn pages_show_the_map_the_incident_the_story_and_the_report() {
    let (status, home) = get("/");
    assert_eq!(status, StatusCode::OK);
    for part in [
        r#"id="map""#,
        r#"id="timeline""#,
        r#"id="filters""#,
        "/assets/app.js",
        r#"class="incident-link""#,
    ] {
        assert!(home.contains(part), "{part}");
    }
    let (_, arabic) = get("/?lang=ar");
    assert!(arabic.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(arabic.contains("الخريطة"));
    let id = aleppo_strikes()["id"].as_str().unwrap().to_string();
    let (status, page) = get(&format!("/incidents/{id}"));
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"<mark class="number">"#));
    assert!(page.contains("47"));
    assert!(page.contains(r#"class="report-link""#));
    for asset in [
        "app.js",
        "style.css",
        "countries-50m.json",
        "topojson-client.min.js",
    ] {
        assert_eq!(
            get(&format!("/assets/{asset}")).0,
            StatusCode::OK,
            "{asset}"
        );
    }
    let (status, csv) = get("/api/export?format=acled-csv");
    assert_eq!(status, StatusCode::OK);
    assert!(csv.starts_with("event_id_cnty,event_date"));
}

/// A free loopback port.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A raw HTTP request to a server started as a process.
fn http(port: u16, request: &str) -> String {
    for _ in 0..100 {
        if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            s.write_all(request.as_bytes()).unwrap();
            let mut out = String::new();
            s.read_to_string(&mut out).unwrap();
            return out;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("the server never answered on port {port}");
}

fn post(port: u16, path: &str, body: &str) -> String {
    http(
        port,
        &format!(
            "POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
}

#[test]
fn the_server_writes_nothing_unless_allowed_to() {
    let (dir, db) = built();
    let copy = dir.join("served.db");
    std::fs::copy(db, &copy).unwrap();
    let before = rasd_store::Store::open(&copy).unwrap().dump().unwrap();
    let line = r#"{"id": "posted-1", "outlet": "test", "published": "2018-04-08T10:00:00Z", "text": "قتل 7 مدنيين في قصف على مدينة إدلب."}"#;
    let serve = |extra: &[&str], port: u16| {
        Command::new(env!("CARGO_BIN_EXE_rasd"))
            .args([
                "serve",
                "--db",
                copy.to_str().unwrap(),
                "--bind",
                &format!("127.0.0.1:{port}"),
            ])
            .args(extra)
            .env("RASD_DATA_DIR", dir)
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let port = free_port();
    let mut child = serve(&[], port);
    let answer = post(port, "/api/reports", line);
    let _ = http(
        port,
        "GET /api/incidents HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(answer.starts_with("HTTP/1.1 403"), "{answer}");
    assert!(answer.contains("--allow-ingest"));
    assert_eq!(
        before,
        rasd_store::Store::open(&copy).unwrap().dump().unwrap()
    );

    let port = free_port();
    let mut child = serve(&["--allow-ingest"], port);
    // Garbage first: lines that are no JSON or no report are rejected,
    // nothing is added, and the server goes on.
    let garbage = "not json at all\n{\"id\": \"x\"}\n\u{0}\u{1}<script>\n";
    let refused = post(port, "/api/reports", garbage);
    let answer = post(port, "/api/reports", line);
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(refused.starts_with("HTTP/1.1 200"), "{refused}");
    assert!(refused.contains("\"added\":0"), "{refused}");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"added\":1"), "{answer}");
    let after = rasd_store::Store::open(&copy).unwrap();
    assert!(after.report("posted-1").unwrap().is_some());
}

#[test]
fn the_server_binds_loopback_by_default() {
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("[default: 127.0.0.1:8080]"), "{help}");
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(["serve", "--db", "/nonexistent/rasd.db"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no database"));
}

#[test]
fn a_file_that_is_no_database_or_a_newer_one_is_refused_with_its_path() {
    let (dir, _) = built();
    let garbage = dir.join("garbage.db");
    let bytes: Vec<u8> = (0..5000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&garbage, bytes).unwrap();
    let newer = dir.join("newer.db");
    let conn = rusqlite::Connection::open(&newer).unwrap();
    conn.execute_batch("CREATE TABLE later (x); PRAGMA user_version = 99;")
        .unwrap();
    drop(conn);
    let rasd = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_rasd"))
            .args(args)
            .env("RASD_DATA_DIR", dir)
            .current_dir(project_root())
            .output()
            .unwrap()
    };
    for (db, says) in [
        (&garbage, "file is not a database"),
        (&newer, "newer than this rasd"),
    ] {
        let db = db.to_str().unwrap();
        for args in [
            vec!["run", "examples/aleppo-2016-11", "--db", db, "-q"],
            vec!["export", "--format", "jsonl", "--db", db],
            vec!["serve", "--db", db, "--bind", "127.0.0.1:0"],
        ] {
            let out = rasd(&args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(
                stderr.contains(db) && stderr.contains(says),
                "{args:?}: {stderr}"
            );
            assert!(!stderr.contains("panicked"), "{stderr}");
        }
    }
}
