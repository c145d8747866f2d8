//! Prints the event of every claim of some reports, for reading back.
//!
//! `cargo run -p rasd-events --release --example events -- FILE...` reads
//! plain-text reports; with `--jsonl N` it reads the first N lines of a
//! JSON-lines corpus on stdin (fields `title`, `text`) and also prints
//! the speed of `analyze`.

use std::io::BufRead;
use std::time::Instant;

use rasd_core::claims::Extractor;
use rasd_core::report::Report;
use rasd_events::EventTagger;

fn paragraph_start(text: &str, sentence_start: usize) -> usize {
    let chars: Vec<char> = text.chars().take(sentence_start).collect();
    chars.iter().rposition(|&c| c == '\n').map_or(0, |i| i + 1)
}

fn show(tagger: &EventTagger, extractor: &Extractor, report: &Report) {
    let events = tagger.analyze(report.title.as_deref(), &report.text);
    for claim in extractor.extract(report) {
        let d = events.describe(
            claim.sentence.start,
            claim.sentence.end,
            claim.evidence.start,
            claim.evidence.end,
            paragraph_start(&report.text, claim.sentence.start),
        );
        let sentence: String = claim.sentence.text.chars().take(400).collect();
        println!(
            "## {} | {} {:?}",
            report.id, claim.evidence.text, claim.kind
        );
        println!("   {sentence}");
        match &d.class {
            Some(c) => println!(
                "   => {} / {}  [{}{}]",
                c.event_type,
                c.sub_event_type,
                c.trigger.text,
                if c.trigger.in_title { " (title)" } else { "" }
            ),
            None => println!("   => none"),
        }
        if let Some(a) = &d.actor1 {
            println!("   actor1 {} [{}]", a.name, a.evidence.text);
        }
        if let Some(a) = &d.actor2 {
            println!("   actor2 {} [{}]", a.name, a.evidence.text);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let tagger = EventTagger::new();
    let extractor = Extractor::new();
    if args.first().map(String::as_str) == Some("--jsonl") {
        let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(2000);
        let reports: Vec<Report> = std::io::stdin()
            .lock()
            .lines()
            .map_while(Result::ok)
            .take(n)
            .filter_map(|l| serde_json::from_str(&l).ok())
            .collect();
        let start = Instant::now();
        let mut mentions = 0usize;
        for _ in 0..5 {
            for r in &reports {
                let e = tagger.analyze(r.title.as_deref(), &r.text);
                mentions += std::hint::black_box(&e)
                    .describe(0, 0, 0, 0, 0)
                    .class
                    .is_some() as usize;
            }
        }
        let secs = start.elapsed().as_secs_f64();
        eprintln!(
            "analyze: {} reports x5 in {:.3}s = {:.0} reports/s ({mentions})",
            reports.len(),
            secs,
            5.0 * reports.len() as f64 / secs
        );
        if args.get(2).map(String::as_str) != Some("--quiet") {
            for r in &reports {
                show(&tagger, &extractor, r);
            }
        }
    } else {
        for path in &args {
            let text = std::fs::read_to_string(path).expect("readable file");
            let report = Report {
                id: path.rsplit('/').next().unwrap_or(path).to_string(),
                text,
                ..Default::default()
            };
            show(&tagger, &extractor, &report);
        }
    }
}
