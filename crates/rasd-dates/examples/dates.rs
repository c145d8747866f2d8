//! Prints the date mentions of plain-text reports or of a JSON-lines corpus
//! (`.jsonl` or `.jsonl.gz`, with `text` and `published`), and the speed.
//!
//! ```text
//! cargo run -p rasd-dates --release --example dates -- ../shared/examples/aleppo-2016-11/*.txt
//! cargo run -p rasd-dates --release --example dates -- ../shared/corpora/ant-multisource-2018.jsonl.gz 2000
//! ```

use std::io::{BufRead, BufReader, Read};
use std::time::Instant;

use rasd_dates::{date_mentions, parse_published, DateMention};

/// Prints the mentions; with `CONTEXT=1`, with 30 characters either side.
fn print(id: &str, published: Option<&str>, text: &str, mentions: &[DateMention]) {
    println!("== {id} published={}", published.unwrap_or("-"));
    let context = std::env::var("CONTEXT").is_ok();
    let chars: Vec<char> = if context {
        text.chars().collect()
    } else {
        Vec::new()
    };
    for m in mentions {
        let range = m.range.map_or("-".to_string(), |r| {
            format!("{}..{} p{}", r.start, r.end, r.time_precision)
        });
        println!("  {:>6} {:<12} {:<28} {}", m.start, m.kind, range, m.text);
        if context {
            let before: String = chars[m.start.saturating_sub(30)..m.start].iter().collect();
            let after: String = chars[m.end..(m.end + 30).min(chars.len())].iter().collect();
            println!(
                "         …{}[{}]{}…",
                before.replace('\n', " "),
                m.text,
                after.replace('\n', " ")
            );
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(first) = args.first() else {
        eprintln!("usage: dates FILE.txt... | CORPUS.jsonl[.gz] [LIMIT]");
        return Ok(());
    };
    if first.ends_with(".jsonl") || first.ends_with(".jsonl.gz") {
        let limit: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(2000);
        let file = std::fs::File::open(first)?;
        let reader: Box<dyn Read> = if first.ends_with(".gz") {
            Box::new(flate2::read::GzDecoder::new(file))
        } else {
            Box::new(file)
        };
        let mut docs = Vec::new();
        for line in BufReader::new(reader).lines().take(limit) {
            let v: serde_json::Value = serde_json::from_str(&line?)?;
            let text = v["text"].as_str().unwrap_or("").to_string();
            let published = v["published"].as_str().map(str::to_string);
            let id = v["id"].as_str().unwrap_or("").to_string();
            docs.push((id, published, text));
        }
        let bytes: usize = docs.iter().map(|d| d.2.len()).sum();
        let start = Instant::now();
        let mut total = 0;
        for (_, published, text) in &docs {
            let p = published.as_deref().and_then(parse_published);
            total += date_mentions(text, p).len();
        }
        let secs = start.elapsed().as_secs_f64();
        eprintln!(
            "{} articles ({} KB avg), {} mentions, {:.0} articles/s on one core",
            docs.len(),
            bytes / docs.len().max(1) / 1024,
            total,
            docs.len() as f64 / secs
        );
        let show: usize = std::env::var("SHOW")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(20);
        for (id, published, text) in docs.iter().take(show) {
            let p = published.as_deref().and_then(parse_published);
            print(id, published.as_deref(), text, &date_mentions(text, p));
        }
    } else {
        for path in &args {
            let text = std::fs::read_to_string(path)?;
            print(path, None, &text, &date_mentions(&text, None));
        }
    }
    Ok(())
}
