//! The web app in a real browser: `rasd serve` over the Aleppo examples and
//! over a report full of markup, driven through headless Chromium by
//! `tests/e2e/e2e.py` (Python Playwright with the system browser).
//!
//! Needs the venv `target/e2e-venv` with `playwright` (or `RASD_E2E_PYTHON`)
//! and `/usr/bin/chromium` (or `RASD_CHROMIUM`); without them the test says
//! so and passes, unless `RASD_E2E_REQUIRED=1`, when it fails. With
//! `RASD_E2E_SHOTS=1` the screenshots go to `docs/screenshots/`.

use std::fs::File;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A report whose text is markup: it must show as text and run nothing.
const XSS_REPORT: &str = "قتل 5 مدنيين في قصف على مدينة حلب <script>window.__xss=1</script>
وقال المرصد السوري لحقوق الإنسان إن \"><img src=x onerror=\"window.__xss=2\"> الغارات استهدفت حي الصاخور.
رابط javascript:alert(1) للمزيد.
";

/// How long the browser script may take before it is stopped.
const SCRIPT_TIMEOUT: Duration = Duration::from_secs(240);

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn env_is(name: &str, value: &str) -> bool {
    std::env::var(name).is_ok_and(|v| v == value)
}

/// The venv's Python and the browser, or why the test cannot run.
fn tools(root: &Path) -> Result<(PathBuf, PathBuf), String> {
    let python = std::env::var_os("RASD_E2E_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/e2e-venv/bin/python3"));
    let chromium = std::env::var_os("RASD_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if !python.exists() {
        return Err(format!(
            "no Python at {} (make the venv: python3 -m venv target/e2e-venv && target/e2e-venv/bin/pip install playwright, or set RASD_E2E_PYTHON)",
            python.display()
        ));
    }
    if !chromium.exists() {
        return Err(format!(
            "no browser at {} (apt-get install chromium, or set RASD_CHROMIUM)",
            chromium.display()
        ));
    }
    let has_playwright = Command::new(&python)
        .args(["-c", "import playwright.sync_api"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_playwright {
        return Err(format!(
            "{} cannot import playwright ({} -m pip install playwright)",
            python.display(),
            python.display()
        ));
    }
    Ok((python, chromium))
}

fn rasd(args: &[&str], data_dir: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(args)
        .env("RASD_DATA_DIR", data_dir)
        .current_dir(project_root())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("rasd runs");
    assert!(
        out.status.success(),
        "rasd {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A `rasd serve`, stopped when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
    listener.local_addr().unwrap().port()
}

/// Whether the server answers `GET /api/incidents` with 200.
fn answers(addr: SocketAddr) -> bool {
    let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_millis(500)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let request =
        format!("GET /api/incidents HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).is_ok() && head.starts_with(b"HTTP/1.1 200")
}

/// Starts `rasd serve` over `db` on a free port and waits until it answers;
/// another port is tried if the one picked was taken meanwhile.
fn serve(db: &Path, data_dir: &Path, log: &Path) -> Server {
    for _attempt in 0..3 {
        let port = free_port();
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_rasd"))
            .args([
                "serve",
                "--db",
                db.to_str().unwrap(),
                "--bind",
                &addr.to_string(),
            ])
            .env("RASD_DATA_DIR", data_dir)
            .current_dir(project_root())
            .stdout(Stdio::null())
            .stderr(File::create(log).unwrap())
            .spawn()
            .expect("rasd serve starts");
        let mut server = Server {
            child,
            base: format!("http://{addr}"),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if answers(addr) {
                return server;
            }
            if server.child.try_wait().unwrap().is_some() {
                break; // It stopped: most likely the port was taken; try another.
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        eprintln!(
            "rasd serve on {addr} did not answer: {}",
            std::fs::read_to_string(log).unwrap_or_default()
        );
    }
    panic!("rasd serve never answered (log: {})", log.display());
}

#[test]
fn the_web_app_works_in_a_browser_and_runs_no_report_text() {
    let root = project_root();
    let (python, chromium) = match tools(&root) {
        Ok(t) => t,
        Err(why) if env_is("RASD_E2E_REQUIRED", "1") => {
            panic!("the browser test is required (RASD_E2E_REQUIRED=1) but cannot run: {why}")
        }
        Err(why) => {
            eprintln!("skipping the browser test: {why}");
            return;
        }
    };

    let tmp = std::env::temp_dir().join(format!("rasd-test-{}-browser", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).unwrap();
    let data = tmp.join("data");
    std::fs::create_dir_all(&data).unwrap();
    let fixture = root.join("crates/rasd-cli/tests/fixtures/wof-aleppo.tsv");
    rasd(
        &["gazetteer", "import", "-q", fixture.to_str().unwrap()],
        &data,
    );

    let aleppo_db = tmp.join("aleppo.db");
    rasd(
        &[
            "run",
            "examples/aleppo-2016-11",
            "--db",
            aleppo_db.to_str().unwrap(),
            "-q",
        ],
        &data,
    );
    let xss_file = tmp.join("xss_report.txt");
    std::fs::write(&xss_file, XSS_REPORT).unwrap();
    let xss_db = tmp.join("xss.db");
    rasd(
        &[
            "run",
            xss_file.to_str().unwrap(),
            "--db",
            xss_db.to_str().unwrap(),
            "-q",
        ],
        &data,
    );

    let shots = if env_is("RASD_E2E_SHOTS", "1") {
        root.join("docs/screenshots")
    } else {
        tmp.join("shots")
    };
    std::fs::create_dir_all(&shots).unwrap();

    let aleppo = serve(&aleppo_db, &data, &tmp.join("serve-aleppo.log"));
    let xss = serve(&xss_db, &data, &tmp.join("serve-xss.log"));

    let out_path = tmp.join("e2e.out");
    let mut script = Command::new(&python)
        .arg(root.join("crates/rasd-cli/tests/e2e/e2e.py"))
        .args(["--base", &aleppo.base, "--xss-base", &xss.base])
        .arg("--shots")
        .arg(&shots)
        .arg("--chromium")
        .arg(&chromium)
        .current_dir(&root)
        .stdout(File::create(&out_path).unwrap())
        .stderr(File::create(tmp.join("e2e.err")).unwrap())
        .spawn()
        .expect("the browser script starts");
    let deadline = Instant::now() + SCRIPT_TIMEOUT;
    let status = loop {
        if let Some(status) = script.try_wait().unwrap() {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = script.kill();
            let _ = script.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    drop(aleppo);
    drop(xss);

    let stdout = std::fs::read_to_string(&out_path).unwrap_or_default();
    let stderr = std::fs::read_to_string(tmp.join("e2e.err")).unwrap_or_default();
    print!("{stdout}");
    let serve_logs = || {
        ["serve-aleppo.log", "serve-xss.log"]
            .iter()
            .map(|f| std::fs::read_to_string(tmp.join(f)).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n")
    };
    match status {
        None => panic!(
            "the browser script took over {}s and was stopped\n{stdout}{stderr}\nservers:\n{}",
            SCRIPT_TIMEOUT.as_secs(),
            serve_logs()
        ),
        Some(s) if !s.success() => panic!(
            "the browser test failed ({s})\n{stdout}{stderr}\nservers:\n{}",
            serve_logs()
        ),
        Some(_) => {}
    }
    for name in ["home.png", "incident.png", "story.png", "report.png"] {
        let file = shots.join(name);
        assert!(
            file.metadata().is_ok_and(|m| m.len() > 0),
            "no screenshot {}",
            file.display()
        );
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
