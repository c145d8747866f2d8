//! `rasd run` and `rasd export` end to end on the five Aleppo reports, with
//! a gazetteer built from a small fixture of their places
//! (`tests/fixtures/wof-aleppo.tsv`, written for these tests).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rasd-run-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn rasd(args: &[&str], data_dir: &Path, envs: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(args)
        .env("RASD_DATA_DIR", data_dir)
        .envs(envs.iter().copied())
        .current_dir(project_root())
        .output()
        .expect("rasd runs")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A data directory holding the fixture gazetteer.
fn with_gazetteer(name: &str) -> PathBuf {
    let dir = scratch(name);
    let fixture = project_root().join("crates/rasd-cli/tests/fixtures/wof-aleppo.tsv");
    ok(&rasd(
        &["gazetteer", "import", "-q", fixture.to_str().unwrap()],
        &dir,
        &[],
    ));
    dir
}

/// The report of `rasd run INPUT --db DB --json -q EXTRA...`.
fn run_json(input: &str, db: &Path, data: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["run", input, "--db", db.to_str().unwrap(), "--json", "-q"];
    args.extend_from_slice(extra);
    serde_json::from_str(&ok(&rasd(&args, data, &[]))).unwrap()
}

fn dump(db: &Path) -> Vec<String> {
    rasd_store::Store::open(db).unwrap().dump().unwrap()
}

fn incidents(report: &Value) -> Vec<&Value> {
    report["stories"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["incidents"].as_array().unwrap())
        .collect()
}

fn place_is(i: &Value, name: &str) -> bool {
    i["place_en"].as_str() == Some(name)
}

#[test]
fn the_aleppo_reports_give_the_incidents_an_analyst_expects() {
    let data = with_gazetteer("aleppo");
    let db = data.join("rasd.db");
    let report = run_json("examples/aleppo-2016-11", &db, &data, &[]);
    let all = incidents(&report);
    let killed = |i: &Value, which: &str| i["killed"][which].as_u64();

    // The eastern Aleppo air strikes: every toll from 47 to more than 110,
    // from at least five sources.
    let strikes: Vec<&&Value> = all
        .iter()
        .filter(|i| place_is(i, "Aleppo") && i["sub_event_type"] == "Air/drone strike")
        .collect();
    assert_eq!(strikes.len(), 1, "{strikes:#?}");
    let aleppo = strikes[0];
    assert_eq!(killed(aleppo, "low"), Some(47));
    assert!(killed(aleppo, "high").unwrap() >= 110);
    assert!(aleppo["sources"].as_array().unwrap().len() >= 5);
    assert!(aleppo["independent_sources"].as_u64().unwrap() >= 5);

    // Batabo, spelt two ways: 20 to 23.
    let batabo = all.iter().find(|i| place_is(i, "Batabo")).expect("Batabo");
    assert_eq!(
        (killed(batabo, "low"), killed(batabo, "high")),
        (Some(20), Some(23))
    );
    assert!(batabo["parent"].is_null());

    // The Azaz car bomb.
    let azaz = all.iter().find(|i| place_is(i, "Azaz")).expect("Azaz");
    assert_eq!(killed(azaz, "best"), Some(25));
    assert_eq!(azaz["sub_event_type"], "Remote explosive/landmine/IED");

    // The strike in Idlib claimed by the Russian Ministry of Defence.
    let idlib = all.iter().find(|i| place_is(i, "Idlib")).expect("Idlib");
    assert_eq!(killed(idlib, "best"), Some(30));
    assert_eq!(idlib["claims"][0]["victims"], "fighters");
    assert!(idlib["claims"][0]["source"]
        .as_str()
        .unwrap()
        .contains("وزارة الدفاع الروسية"));

    // The landmines near al-Bab: 6, four of them children.
    let mines = all
        .iter()
        .find(|i| place_is(i, "Hajj Kusa"))
        .expect("Hajj Kusa");
    assert_eq!(killed(mines, "best"), Some(6));
    assert_eq!(mines["sub_event_type"], "Remote explosive/landmine/IED");

    // The Russian ministry's 30 civilians killed by gunmen: apart, and
    // attributed to the ministry.
    let gunmen = all
        .iter()
        .find(|i| place_is(i, "Aleppo") && i["event_type"] == "Violence against civilians")
        .expect("the gunmen claim apart");
    assert_eq!(killed(gunmen, "best"), Some(30));
    assert_ne!(gunmen["id"], aleppo["id"]);
    assert!(gunmen["sources"][0]["name"]
        .as_str()
        .unwrap()
        .contains("الدفاع الروسية"));

    // The Shaam network's tolls by quarter sit inside the Aleppo aggregate.
    let quarters: Vec<&&Value> = all.iter().filter(|i| i["parent"] == aleppo["id"]).collect();
    assert!(quarters.len() >= 8, "{}", quarters.len());
    let ansari = quarters
        .iter()
        .find(|i| i["place"] == "الانصاري" || i["place"] == "الأنصاري")
        .expect("al-Ansari inside Aleppo");
    assert_eq!(killed(ansari, "best"), Some(11));

    // Every claim keeps its words.
    for i in &all {
        for c in i["claims"].as_array().unwrap() {
            assert!(!c["evidence"]["text"].as_str().unwrap().is_empty());
        }
    }
    // Plain .txt reports have no publication time: said so, not invented.
    let out = rasd(
        &[
            "run",
            "examples/aleppo-2016-11",
            "--db",
            db.to_str().unwrap(),
        ],
        &data,
        &[],
    );
    assert!(ok(&out).contains("undated"));
}

#[test]
fn the_same_input_twice_leaves_the_database_unchanged() {
    let data = with_gazetteer("twice");
    let db = data.join("rasd.db");
    let args = [
        "run",
        "examples/aleppo-2016-11",
        "--db",
        db.to_str().unwrap(),
        "-q",
    ];
    ok(&rasd(&args, &data, &[]));
    let first = dump(&db);
    assert!(first.iter().any(|l| l.starts_with("incidents:")));
    let out = rasd(
        &[
            "run",
            "examples/aleppo-2016-11",
            "--db",
            db.to_str().unwrap(),
        ],
        &data,
        &[],
    );
    ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("0 reports added"), "{stderr}");
    assert!(stderr.contains("5 already stored"), "{stderr}");
    assert_eq!(first, dump(&db));
}

#[test]
fn a_run_killed_midway_and_run_again_ends_as_a_clean_run() {
    let data = with_gazetteer("killed");
    let clean = data.join("clean.db");
    ok(&rasd(
        &[
            "run",
            "examples/aleppo-2016-11",
            "--db",
            clean.to_str().unwrap(),
            "-q",
        ],
        &data,
        &[],
    ));
    let killed = data.join("killed.db");
    let out = rasd(
        &[
            "run",
            "examples/aleppo-2016-11",
            "--db",
            killed.to_str().unwrap(),
            "-q",
            "--batch-size",
            "2",
        ],
        &data,
        &[("RASD_ABORT_AFTER_BATCHES", "1")],
    );
    assert!(!out.status.success(), "the hook aborts the run");
    // What the killed run committed is there: one batch of two reports.
    let partial = dump(&killed);
    assert_eq!(
        partial.iter().filter(|l| l.starts_with("reports:")).count(),
        2
    );
    assert!(partial
        .iter()
        .any(|l| l.contains("\"dirty\"") && l.contains("\"1\"")));
    ok(&rasd(
        &[
            "run",
            "examples/aleppo-2016-11",
            "--db",
            killed.to_str().unwrap(),
            "-q",
        ],
        &data,
        &[],
    ));
    assert_eq!(dump(&clean), dump(&killed));
}

#[test]
fn each_report_keeps_the_countries_of_its_places() {
    let data = with_gazetteer("countries");
    let db = data.join("rasd.db");
    run_json("examples/aleppo-2016-11", &db, &data, &[]);
    let countries = rasd_store::Store::open(&db)
        .unwrap()
        .report_countries()
        .unwrap();
    assert_eq!(countries.len(), 5, "{countries:?}");
    for (id, weights) in &countries {
        // Reports of Aleppo's air strikes: Syria weighs most in each.
        let main = weights
            .iter()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(c, _)| c.as_str());
        assert_eq!(main, Some("SY"), "{id}: {weights:?}");
    }
    // Without a gazetteer nothing is kept, and stories go by the words.
    let bare = scratch("countries-bare");
    let bare_db = bare.join("rasd.db");
    run_json("examples/aleppo-2016-11", &bare_db, &bare, &[]);
    assert!(rasd_store::Store::open(&bare_db)
        .unwrap()
        .report_countries()
        .unwrap()
        .is_empty());
}

#[test]
fn new_reports_join_the_stories_already_stored() {
    let data = with_gazetteer("incremental");
    let db = data.join("rasd.db");
    let dir = data.join("first");
    std::fs::create_dir_all(&dir).unwrap();
    let examples = project_root().join("examples/aleppo-2016-11");
    let mut names: Vec<_> = std::fs::read_dir(&examples)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    for n in &names[..3] {
        std::fs::copy(examples.join(n), dir.join(n)).unwrap();
    }
    let run = |input: &str| run_json(input, &db, &data, &[]);
    let before = run(dir.to_str().unwrap());
    let story_ids = |r: &Value| -> Vec<String> {
        r["stories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_string())
            .collect()
    };
    let after = run("examples/aleppo-2016-11");
    for id in story_ids(&before) {
        assert!(story_ids(&after).contains(&id), "story {id} renumbered");
    }
    let count = |r: &Value| -> usize {
        r["stories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["reports"].as_u64().unwrap() as usize)
            .sum()
    };
    assert!(count(&after) > count(&before));
}

#[test]
fn exports_carry_the_incidents_in_each_format() {
    let data = with_gazetteer("export");
    let db = data.join("rasd.db");
    ok(&rasd(
        &[
            "run",
            "examples/aleppo-2016-11",
            "--db",
            db.to_str().unwrap(),
            "-q",
        ],
        &data,
        &[],
    ));
    let export = |format: &str| {
        ok(&rasd(
            &["export", "--format", format, "--db", db.to_str().unwrap()],
            &data,
            &[],
        ))
    };
    let acled = export("acled-csv");
    let mut rows = csv::Reader::from_reader(acled.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_string).collect();
    for column in [
        "event_id_cnty",
        "event_date",
        "time_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "admin1",
        "admin2",
        "admin3",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "source_scale",
        "notes",
        "fatalities",
    ] {
        assert!(header.iter().any(|h| h == column), "{column}");
    }
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let azaz = records
        .iter()
        .find(|r| &r[col("location")] == "Azaz")
        .unwrap();
    assert_eq!(&azaz[col("fatalities")], "25");
    // Aggregates only: no death counted twice.
    assert!(records.iter().all(|r| !r[col("notes")].contains("Part of")));

    let ucdp = export("ucdp-csv");
    assert!(ucdp.lines().next().unwrap().contains("best,low,high"));

    let geo: Value = serde_json::from_str(&export("geojson")).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    let point = &geo["features"][0]["geometry"];
    assert_eq!(point["type"], "Point");
    assert!(point["coordinates"][0].as_f64().unwrap() > 30.0);

    let lines = export("jsonl");
    let first: Value = serde_json::from_str(lines.lines().next().unwrap()).unwrap();
    assert!(first["claims"].as_array().is_some());
    assert!(first["story_id"].is_string());

    let out = rasd(
        &["export", "--format", "jsonl", "--db", "no/such.db"],
        &data,
        &[],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no database"));
}

/// The ANT reports of 7–10 April 2018, read from `../shared` (the corpus
/// stays out of the project); `None`, saying so, when it is absent.
fn ant_douma_window(dir: &Path) -> Option<(PathBuf, PathBuf)> {
    use std::io::{BufRead, Write};
    let shared = project_root().join("../shared");
    let corpus = shared.join("corpora/ant-multisource-2018.jsonl.gz");
    let wof = shared.join("gazetteer/wof-arabic-places.tsv.gz");
    if !corpus.exists() || !wof.exists() {
        eprintln!(
            "skipping the Douma incident: ../shared corpora or gazetteer absent on this machine"
        );
        return None;
    }
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(
        std::fs::File::open(&corpus).unwrap(),
    ));
    let window = dir.join("ant-2018-04-07-10.jsonl");
    let mut out = std::fs::File::create(&window).unwrap();
    for line in reader.lines() {
        let line = line.unwrap();
        let row: Value = serde_json::from_str(&line).unwrap();
        let day = row["published"]
            .as_str()
            .unwrap_or("")
            .get(..10)
            .unwrap_or("");
        if ("2018-04-07"..="2018-04-10").contains(&day) {
            writeln!(out, "{line}").unwrap();
        }
    }
    Some((window, wof))
}

#[test]
fn the_douma_reports_of_five_outlets_make_one_incident_with_its_tolls_and_sources() {
    let data = scratch("douma");
    let Some((window, wof)) = ant_douma_window(&data) else {
        return;
    };
    ok(&rasd(
        &["gazetteer", "import", "-q", wof.to_str().unwrap()],
        &data,
        &[],
    ));
    let db = data.join("rasd.db");
    let report = run_json(window.to_str().unwrap(), &db, &data, &[]);
    let all = incidents(&report);
    let douma: Vec<&&Value> = all
        .iter()
        .filter(|i| place_is(i, "Douma") && i["sub_event_type"] == "Chemical weapon")
        .filter(|i| i["date"].as_str().is_some_and(|d| d.starts_with("2018-04")))
        .collect();
    let main = douma
        .iter()
        .max_by_key(|i| i["reports"].as_u64())
        .expect("a Douma chemical attack incident");
    let reports = main["reports"].as_u64().unwrap();
    assert!(reports >= 30, "{reports}");
    // Most Douma reports are in it, not scattered.
    let scattered: u64 = douma
        .iter()
        .map(|i| i["reports"].as_u64().unwrap())
        .sum::<u64>()
        - reports;
    assert!(scattered * 5 < reports, "{scattered} of {reports}");
    let mut tolls: Vec<u64> = main["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "killed")
        .filter_map(|c| c["value"].as_u64())
        .collect();
    tolls.sort_unstable();
    tolls.dedup();
    assert!(tolls.len() >= 8, "{tolls:?}");
    assert!(main["sources"].as_array().unwrap().len() >= 8);
    // Outlets copy each other: fewer independent sources than reports.
    let independent = main["independent_sources"].as_u64().unwrap();
    assert!(independent < reports, "{independent} of {reports}");
    let low = main["killed"]["low"].as_u64().unwrap();
    let high = main["killed"]["high"].as_u64().unwrap();
    assert!((10..=60).contains(&low) && high >= 100, "{low}..{high}");
}

#[test]
fn reports_without_a_time_take_published_or_stay_undated() {
    let data = with_gazetteer("published");
    let run = |db: &str, extra: &[&str]| {
        run_json("examples/aleppo-2016-11", &data.join(db), &data, extra)
    };
    let undated = run("undated.db", &[]);
    assert!(incidents(&undated).iter().all(|i| i["date"].is_null()));
    let dated = run("dated.db", &["--published", "2016-11-17"]);
    let all = incidents(&dated);
    let strikes = all
        .iter()
        .find(|i| {
            place_is(i, "Aleppo")
                && i["sub_event_type"] == "Air/drone strike"
                && i["parent"].is_null()
        })
        .unwrap();
    // "أفاد ناشطون سوريون، اليوم": the day of publication, to the day.
    assert_eq!(strikes["date"], "2016-11-17");
    assert_eq!(strikes["time_precision"], 1);
    // A claim whose text gives no day: the publication day and the one
    // before, known to the week.
    let azaz = all.iter().find(|i| place_is(i, "Azaz")).unwrap();
    assert_eq!(azaz["date"], "2016-11-16/2016-11-17");
    assert_eq!(azaz["time_precision"], 2);
    let out = rasd(
        &[
            "run",
            "examples/aleppo-2016-11",
            "--db",
            data.join("bad.db").to_str().unwrap(),
            "--published",
            "17/11/2016",
        ],
        &data,
        &[],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--published 17/11/2016"));
}

#[test]
fn a_wars_toll_quoted_in_passing_is_a_claim_but_no_incident() {
    let data = with_gazetteer("cumulative");
    let report = data.join("war.txt");
    std::fs::write(
        &report,
        "قتل 5 مدنيين في قصف على مدينة حلب اليوم. وأدى النزاع في سوريا إلى مقتل أكثر من 340 ألف شخص منذ عام 2011.",
    )
    .unwrap();
    let db = data.join("rasd.db");
    let run = run_json(report.to_str().unwrap(), &db, &data, &[]);
    let all = incidents(&run);
    let killed: Vec<u64> = all
        .iter()
        .filter_map(|i| i["killed"]["best"].as_u64())
        .collect();
    assert_eq!(killed, [5], "{all:#?}");
    let claims = rasd_store::Store::open(&db)
        .unwrap()
        .claim_records()
        .unwrap();
    let war = claims
        .iter()
        .find(|c| c.claim.value == Some(340_000))
        .expect("the claim stays");
    assert!(war.cumulative);
}
