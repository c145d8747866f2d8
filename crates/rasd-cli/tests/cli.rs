//! The `rasd` binary end to end: golden output on the examples, bad input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `rasd` with an empty data directory: no gazetteer, so output does
/// not depend on what the machine has imported.
fn rasd(args: &[&str]) -> Output {
    rasd_with_data(args, &empty_data_dir())
}

fn rasd_with_data(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(args)
        .env("RASD_DATA_DIR", data_dir)
        .current_dir(project_root())
        .output()
        .expect("rasd runs")
}

/// The JSON lines a successful run printed; a failed run shows its stderr.
fn jsonl_rows(out: &Output) -> Vec<serde_json::Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn empty_data_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rasd-test-{}-no-data", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rasd-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The claims of the five example reports, compared with the checked-in
/// output. `UPDATE_GOLDEN=1 cargo test` rewrites it after a reviewed change.
#[test]
fn example_claims_match_the_golden_file() {
    let out = rasd(&["claims", "--format", "jsonl", "examples/aleppo-2016-11"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let golden = project_root().join("tests/golden/aleppo-2016-11.claims.jsonl");
    let actual = String::from_utf8(out.stdout).unwrap();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::write(&golden, &actual).unwrap();
    }
    let expected =
        std::fs::read_to_string(&golden).expect("golden file exists (UPDATE_GOLDEN=1 writes it)");
    for (i, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
        assert_eq!(a, e, "line {} differs from {}", i + 1, golden.display());
    }
    assert_eq!(actual.lines().count(), expected.lines().count());
    // Every evidence span is the exact text at those character offsets.
    for line in actual.lines() {
        let claim: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = claim["doc_id"].as_str().unwrap();
        let text = std::fs::read_to_string(
            project_root().join(format!("examples/aleppo-2016-11/{id}.txt")),
        )
        .unwrap();
        let (s, e) = (
            claim["evidence"]["start"].as_u64().unwrap() as usize,
            claim["evidence"]["end"].as_u64().unwrap() as usize,
        );
        let slice: String = text.chars().skip(s).take(e - s).collect();
        assert_eq!(slice, claim["evidence"]["text"].as_str().unwrap());
    }
}

fn good_line(id: &str) -> String {
    serde_json::json!({"id": id, "outlet": "test", "text": "قال المرصد إن 7 مدنيين قتلوا في قصف على حلب."}).to_string()
}

#[test]
fn malformed_input_is_reported_with_its_location_and_the_rest_is_read() {
    let dir = scratch("malformed");
    // JSONL with bad lines between good ones.
    let mut jsonl: Vec<u8> = Vec::new();
    writeln!(jsonl, "{}", good_line("good-1")).unwrap();
    writeln!(jsonl, "{{\"id\": \"broken\", \"text\": ").unwrap();
    writeln!(jsonl, "{}", good_line("good-2")).unwrap();
    jsonl.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"caf\xe9 \xff\xfe\"}\n");
    jsonl.extend_from_slice(&[0u8, 159, 146, 150, 7, 255, 1, 2, 3, b'\n']);
    writeln!(jsonl, "{{\"id\": \"no-text\", \"title\": \"عنوان\"}}").unwrap();
    writeln!(jsonl, "{{\"id\": \"empty\", \"text\": \"   \"}}").unwrap();
    let huge = format!(
        "{{\"id\": \"huge\", \"text\": \"{}\"}}\n",
        "قتل ".repeat(50 * 1024 * 1024 / 7)
    );
    jsonl.extend_from_slice(huge.as_bytes());
    writeln!(jsonl, "{}", good_line("good-3")).unwrap();
    std::fs::write(dir.join("mixed.jsonl"), &jsonl).unwrap();
    // A gzip stream cut short: the lines before the cut are read.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..200 {
        writeln!(gz, "{}", good_line(&format!("gz-{i}"))).unwrap();
    }
    let gz = gz.finish().unwrap();
    std::fs::write(dir.join("cut.jsonl.gz"), &gz[..gz.len() * 2 / 3]).unwrap();
    // A .txt that is not UTF-8 and one that is fine.
    std::fs::write(dir.join("bad.txt"), [0xd8, 0xa7, 0xff, 0xfe, 0x00]).unwrap();
    std::fs::write(
        dir.join("fine.txt"),
        "أفادت مصادر طبية بمقتل 4 أشخاص في انفجار.",
    )
    .unwrap();

    let out = rasd(&["claims", "--format", "jsonl", dir.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stderr}");
    for expected in [
        "mixed.jsonl:2: invalid JSON",
        "mixed.jsonl:4: invalid UTF-8",
        "mixed.jsonl:5: invalid UTF-8",
        "mixed.jsonl:6: no \"text\" field",
        "mixed.jsonl:7: empty text",
        "mixed.jsonl:8: document of",
        "over the limit",
        "cut.jsonl.gz:",
        "truncated or corrupt gzip",
        "bad.txt: invalid UTF-8",
    ] {
        assert!(
            stderr.contains(expected),
            "stderr lacks {expected:?}:\n{stderr}"
        );
    }
    for id in ["good-1", "good-2", "good-3", "fine"] {
        assert!(
            stdout.contains(&format!("\"doc_id\":\"{id}\"")),
            "no claim for {id}"
        );
    }
    let gz_docs = stdout
        .lines()
        .filter(|l| l.contains("\"doc_id\":\"gz-"))
        .count();
    assert!(
        gz_docs > 50 && gz_docs < 200,
        "{gz_docs} documents before the cut"
    );
    // The summary counts what was read and rejected.
    let summary = stderr
        .lines()
        .find(|l| l.contains("documents read"))
        .expect("a summary line");
    assert!(
        summary.contains(&format!("{} documents read, 8 rejected", 4 + gz_docs)),
        "{summary}"
    );
    assert!(!stderr.contains("panicked"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn jsonl_on_stdin_and_exact_duplicates_are_reported() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(["claims", "--format", "jsonl", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let input = format!("{}\n{}\n", good_line("a"), good_line("b"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("duplicate: b has the same text as a"),
        "{stderr}"
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
}

#[test]
fn eval_json_has_the_documented_shape() {
    let out = rasd(&[
        "eval",
        "--gold",
        "gold/aleppo-2016-11.claims.json",
        "--json",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in ["precision", "recall", "f1", "tp", "fp", "fn"] {
        assert!(v["claims"][key].is_number(), "claims.{key}");
    }
    for key in ["qualifier", "victims", "breakdown", "place", "source"] {
        assert!(v["attributes"].get(key).is_some(), "attributes.{key}");
    }
    assert!(v["false_positives"].is_array() && v["missed"].is_array());
}

/// `rasd eval agreement`: the example gold against a copy in which one
/// labeller left out a claim and named another source for one.
#[test]
fn eval_agreement_scores_one_labelling_against_another() {
    let dir = scratch("agreement");
    let gold_path = project_root().join("gold/aleppo-2016-11.claims.json");
    let mut gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
    // Paths in the copy are relative to the project's gold folder.
    for d in gold["documents"].as_array_mut().unwrap() {
        if let Some(f) = d["file"].as_str() {
            d["file"] = gold_path.parent().unwrap().join(f).to_string_lossy().into();
        }
    }
    let first = dir.join("first.json");
    std::fs::write(&first, gold.to_string()).unwrap();
    let claims = gold["documents"][0]["claims"].as_array_mut().unwrap();
    let dropped = claims.remove(0);
    claims[0]["source"] = serde_json::json!(["وكالة الأنباء"]);
    let second = dir.join("second.json");
    std::fs::write(&second, gold.to_string()).unwrap();
    let (a, b) = (first.to_str().unwrap(), second.to_str().unwrap());
    let out = rasd(&["eval", "agreement", a, b, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["claims"]["fn"], 1);
    assert_eq!(v["claims"]["fp"], 0);
    assert_eq!(v["only_first"][0]["quote"], dropped["quote"]);
    assert!(v["attributes"]["source"].as_f64().unwrap() < 1.0);
    assert_eq!(v["disagreements"][0]["attribute"], "source");
    // The readable report names the lone claim.
    let out = rasd(&["eval", "agreement", a, b]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("only in the first:"), "{text}");
    assert!(text.contains(dropped["quote"].as_str().unwrap()), "{text}");
    // Garbage instead of a labelling is an error naming the file, no panic.
    let junk = dir.join("junk.json");
    std::fs::write(&junk, b"\xff\xfe{not json \x00\x01").unwrap();
    let out = rasd(&["eval", "agreement", a, junk.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("junk.json") && !stderr.contains("panicked"),
        "{stderr}"
    );
    // Labellings of different documents are refused with the reason.
    let out = rasd(&["eval", "agreement", a, "gold/sentences.claims.json"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("documents"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `rasd eval ... | head`: a reader that leaves early is no panic.
#[test]
fn a_closed_stdout_ends_rasd_without_a_panic() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(["eval", "--gold", "gold/sentences.claims.json", "-v"])
        .env("RASD_DATA_DIR", empty_data_dir())
        .current_dir(project_root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rasd runs");
    // The reader goes away before rasd prints a line.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    // It ends by the pipe's signal, as a Unix filter does (or, had it
    // printed everything first, normally).
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert!(
            out.status.signal() == Some(libc_sigpipe()) || out.status.success(),
            "{:?}",
            out.status
        );
    }
}

/// SIGPIPE's number on Linux and the BSDs.
#[cfg(unix)]
fn libc_sigpipe() -> i32 {
    13
}

#[test]
fn a_missing_input_is_an_error_on_stderr_not_a_panic() {
    let out = rasd(&["claims", "no/such/file.jsonl"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no/such/file.jsonl: cannot read"),
        "{stderr}"
    );
    let out = rasd(&["eval", "--gold", "no/such/gold.json"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("rasd: error: reading gold"));
}

#[test]
fn malformed_gold_files_are_errors_with_their_reason() {
    let dir = scratch("bad-gold");
    for (name, body, expected) in [
        ("junk.json", "\u{0}\u{1}not json", "not a gold file"),
        (
            "format.json",
            r#"{"format": "other/9", "documents": []}"#,
            "unknown format",
        ),
        (
            "quote.json",
            r#"{"format": "rasd-gold/1", "documents": [{"id": "d", "text": "قتل 5 أشخاص", "claims": [{"kind": "killed", "value": 5, "quote": "ليس في النص"}]}]}"#,
            "is not in the text",
        ),
        (
            "corpus.json",
            r#"{"format": "rasd-corpus-gold/1", "corpus": "absent.jsonl.gz", "documents": []}"#,
            "absent.jsonl.gz",
        ),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, body).unwrap();
        let out = rasd(&[
            "eval",
            "--gold",
            path.to_str().unwrap(),
            "--corpora",
            dir.to_str().unwrap(),
        ]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{name} was accepted");
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn gazetteer_import_then_places_and_claims_resolve_names() {
    let data = scratch("gazetteer");
    let fixtures = project_root().join("crates/rasd-places/tests/fixtures");
    // Without a gazetteer, `rasd places` says how to build one.
    let out = rasd_with_data(&["places", "examples/aleppo-2016-11"], &data);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("rasd gazetteer import"));
    let out = rasd_with_data(
        &[
            "gazetteer",
            "import",
            fixtures.join("wof-mini.tsv").to_str().unwrap(),
            fixtures.join("geonames-mini.txt").to_str().unwrap(),
        ],
        &data,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    // The malformed fixture rows are reported with their lines.
    assert!(stderr.contains("wof-mini.tsv:11"), "{stderr}");
    assert!(stderr.contains("geonames-mini.txt:5"), "{stderr}");
    let input = data.join("report.txt");
    std::fs::write(&input, "قتل خمسة مدنيين في قصف على حي الشعار في مدينة حلب.").unwrap();
    let out = rasd_with_data(
        &["places", "--format", "jsonl", input.to_str().unwrap()],
        &data,
    );
    let rows = jsonl_rows(&out);
    let mentions: Vec<&str> = rows
        .iter()
        .map(|r| r["mention"].as_str().unwrap())
        .collect();
    assert_eq!(mentions, ["الشعار", "حلب"]);
    assert_eq!(rows[0]["geo_precision"], 2);
    assert_eq!(rows[1]["gazetteer_id"], "wof:3");
    assert_eq!(rows[1]["evidence"]["start"], 46);
    let out = rasd_with_data(
        &["claims", "--format", "jsonl", input.to_str().unwrap()],
        &data,
    );
    let claim = jsonl_rows(&out).remove(0);
    assert_eq!(claim["value"], 5);
    assert_eq!(claim["place_resolved"]["country"], "SY");
    assert_eq!(claim["place_resolved"]["lat"], 36.2021);
    // A source that is not a file is an error that names it.
    let out = rasd_with_data(&["gazetteer", "import", "no-such-file.tsv"], &data);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-file.tsv"));
}

#[test]
fn copies_finds_a_reprinted_paragraph_with_its_spans_and_origin() {
    let dir = scratch("copies");
    let wire = "أفاد المرصد السوري لحقوق الإنسان بمقتل ثلاثة وعشرين شخصاً بينهم ثلاثة أطفال جراء قصف الطائرات الحربية بلدة باتبو في ريف حلب الغربي يوم الخميس، وأضاف أن عدد القتلى مرشح للارتفاع بسبب وجود جرحى في حالات خطرة";
    let lines = [
        serde_json::json!({"id": "origin", "outlet": "agency", "published": "2016-11-17T08:00:00Z",
            "text": format!("{wire}.")}),
        serde_json::json!({"id": "reprint", "outlet": "paper", "published": "2016-11-17T10:30:00Z",
            "text": format!("قال مسؤول محلي إن الوضع الإنساني صعب جداً في المدينة. {wire}. وفي سياق آخر افتتحت الحكومة مدرسة جديدة في العاصمة")}),
        serde_json::json!({"id": "other", "outlet": "paper", "published": "2016-11-17T11:00:00Z",
            "text": "أعلنت وزارة الصحة عن افتتاح مستشفى جديد في العاصمة الرياض بطاقة مئتي سرير لخدمة سكان الأحياء الشمالية"}),
    ];
    let input = dir.join("reports.jsonl");
    std::fs::write(
        &input,
        lines
            .iter()
            .map(|l| l.to_string() + "\n")
            .collect::<String>(),
    )
    .unwrap();
    let out = rasd(&[
        "copies",
        "--format",
        "jsonl",
        "--silver",
        input.to_str().unwrap(),
    ]);
    let pairs = jsonl_rows(&out);
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    let p = &pairs[0];
    assert_eq!(
        (p["a"].as_str(), p["b"].as_str()),
        (Some("origin"), Some("reprint"))
    );
    assert_eq!(p["kind"], "copy");
    assert_eq!(p["origin"], "origin");
    assert_eq!(p["containment_a"], 1.0);
    assert!(p["containment_b"].as_f64().unwrap() < 0.8);
    // The passage is the wire text at those character offsets in both reports.
    let text = |i: usize| {
        lines[i]["text"]
            .as_str()
            .unwrap()
            .chars()
            .collect::<Vec<char>>()
    };
    let pa = &p["passages"][0];
    let span = |t: &[char], s: &serde_json::Value, e: &serde_json::Value| {
        t[s.as_u64().unwrap() as usize..e.as_u64().unwrap() as usize]
            .iter()
            .collect::<String>()
    };
    assert_eq!(span(&text(0), &pa["a_start"], &pa["a_end"]), wire);
    assert_eq!(span(&text(1), &pa["b_start"], &pa["b_end"]), wire);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 copies"), "{stderr}");
    // The reprint's toll points to the origin's: one source, not two.
    let out = rasd(&[
        "copies",
        "--format",
        "jsonl",
        "--claims",
        input.to_str().unwrap(),
    ]);
    let pair = jsonl_rows(&out).remove(0);
    let links = pair["claim_links"].as_array().unwrap();
    assert!(!links.is_empty(), "{pair}");
    assert_eq!(links[0]["claim"]["doc_id"], "reprint");
    assert_eq!(links[0]["origin_claim"]["doc_id"], "origin");
    let l = &links[0];
    let at = |i: usize, r: &serde_json::Value| {
        text(i)[r["start"].as_u64().unwrap() as usize..r["end"].as_u64().unwrap() as usize]
            .iter()
            .collect::<String>()
    };
    assert_eq!(at(1, &l["claim"]), at(0, &l["origin_claim"]));
}

#[test]
fn garbage_gold_files_and_inputs_are_errors_with_their_names() {
    let dir = scratch("garbage-gold");
    let junk = dir.join("junk.json");
    std::fs::write(&junk, b"\x00\xff{not json\n").unwrap();
    for args in [
        vec!["eval", "stories", "--gold", junk.to_str().unwrap()],
        vec!["eval", "--gold", junk.to_str().unwrap()],
    ] {
        let out = rasd(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("junk.json"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    // Copies and stories read their inputs as claims does: a bad line is
    // reported with its location and the rest is read.
    let input = dir.join("mixed.jsonl");
    let mut bytes = good_line("good-1").into_bytes();
    bytes.extend_from_slice(b"\n{\"id\": \"broken\", \"text\": \n\xff\xfe\x00junk\n");
    bytes.extend_from_slice(good_line("good-2").as_bytes());
    bytes.push(b'\n');
    std::fs::write(&input, bytes).unwrap();
    for cmd in ["copies", "stories"] {
        let out = rasd(&[cmd, input.to_str().unwrap()]);
        assert!(out.status.success(), "{cmd}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("mixed.jsonl:2"), "{cmd}: {stderr}");
        assert!(stderr.contains("mixed.jsonl:3"), "{cmd}: {stderr}");
        assert!(
            stderr.contains("2 documents read, 2 rejected"),
            "{cmd}: {stderr}"
        );
    }
}
