//! `rasd eval`: score extraction against gold.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use rasd_core::claims::Extractor;
use rasd_core::eval::{evaluate, evaluate_with, AttributeScores, Missed};
use rasd_core::gold::Gold;

pub fn run(
    gold_path: &Path,
    corpora: Option<&Path>,
    json: bool,
    verbose: bool,
) -> Result<ExitCode> {
    let gold = Gold::load(gold_path, corpora)
        .with_context(|| format!("reading gold {}", gold_path.display()))?;
    // With a gazetteer, places are judged through its hierarchy.
    let resolver = crate::gazetteer_cmd::resolver_if_imported(true)?;
    let result = match &resolver {
        Some(r) => evaluate_with(
            &gold,
            &Extractor::new(),
            &rasd_places::eval::HierarchyJudge { resolver: r },
        ),
        None => evaluate(&gold, &Extractor::new()),
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&result)?);
        return Ok(ExitCode::SUCCESS);
    }
    let c = &result.claims;
    let gold_claims: usize = gold.documents.iter().map(|d| d.claims.len()).sum();
    println!(
        "{} documents, {gold_claims} gold claims",
        gold.documents.len()
    );
    println!(
        "claims: precision {:.3}  recall {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})",
        c.precision, c.recall, c.f1, c.tp, c.fp, c.fn_
    );
    print_attributes("attributes on matched claims", &result.attributes);
    if !result.false_positives.is_empty() {
        println!("\nfalse positives:");
        for f in &result.false_positives {
            let negative = f
                .negative
                .as_ref()
                .map(|n| format!("  [negative: {n}]"))
                .unwrap_or_default();
            println!(
                "  {}  {} {} {}  «{}» @{}-{}{negative}",
                f.doc_id,
                f.kind,
                f.value.map(|v| v.to_string()).unwrap_or_else(|| "-".into()),
                f.qualifier,
                f.evidence,
                f.start,
                f.end
            );
        }
    }
    print_claims("missed", &result.missed);
    if verbose && !result.attribute_errors.is_empty() {
        println!("\nattribute errors:");
        for e in &result.attribute_errors {
            println!(
                "  {}  {}  «{}»  expected: {}  predicted: {}",
                e.doc_id, e.attribute, e.quote, e.expected, e.predicted
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_places(
    gold: Option<&Path>,
    conll: Option<&Path>,
    json: bool,
    verbose: bool,
) -> Result<ExitCode> {
    let resolver = crate::gazetteer_cmd::resolver()?;
    let report = match (gold, conll) {
        (Some(g), _) => rasd_places::eval::places_gold(&resolver, g)
            .with_context(|| format!("scoring {}", g.display()))?,
        (None, Some(c)) => rasd_places::eval::conll(&resolver, c)
            .with_context(|| format!("scoring {}", c.display()))?,
        (None, None) => anyhow::bail!("`rasd eval places` needs --gold FILE or --conll FILE"),
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&report.scores)?);
        return Ok(ExitCode::SUCCESS);
    }
    print!("{}", report.summary());
    if verbose {
        for e in &report.errors {
            println!("  {e}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_agreement(
    first_path: &Path,
    second_path: &Path,
    corpora: Option<&Path>,
    json: bool,
    verbose: bool,
) -> Result<ExitCode> {
    let load =
        |p: &Path| Gold::load(p, corpora).with_context(|| format!("reading gold {}", p.display()));
    let (first, second) = (load(first_path)?, load(second_path)?);
    let result = rasd_core::agreement::agreement(&first, &second).with_context(|| {
        format!(
            "comparing {} with {}",
            first_path.display(),
            second_path.display()
        )
    })?;
    if json {
        println!("{}", serde_json::to_string_pretty(&result)?);
        return Ok(ExitCode::SUCCESS);
    }
    let c = &result.claims;
    println!(
        "{} documents; {} claims in the first labelling, {} in the second, {} in both",
        result.documents,
        c.tp + c.fn_,
        c.tp + c.fp,
        c.tp
    );
    println!(
        "second against first: precision {:.3}  recall {:.3}  F1 {:.3}",
        c.precision, c.recall, c.f1
    );
    print_attributes("attributes of claims in both", &result.attributes);
    print_claims("only in the first", &result.only_first);
    print_claims("only in the second", &result.only_second);
    if verbose && !result.disagreements.is_empty() {
        println!("\nattribute disagreements:");
        for d in &result.disagreements {
            println!(
                "  {}  {}  «{}»  first: {}  second: {}",
                d.doc_id, d.attribute, d.quote, d.first, d.second
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A titled list of gold claims, one a line, or nothing when it is empty.
fn print_claims(title: &str, claims: &[Missed]) {
    if claims.is_empty() {
        return;
    }
    println!("\n{title}:");
    for m in claims {
        println!(
            "  {}  {} {} {}  «{}»",
            m.doc_id,
            m.kind,
            m.value.map(|v| v.to_string()).unwrap_or_else(|| "-".into()),
            m.qualifier,
            m.quote
        );
    }
}

fn print_attributes(title: &str, a: &AttributeScores) {
    let fmt = |x: Option<f64>| x.map(|v| format!("{v:.3}")).unwrap_or_else(|| "n/a".into());
    println!(
        "{title}: qualifier {}  victims {}  breakdown {}  place {}  source {}",
        fmt(a.qualifier),
        fmt(a.victims),
        fmt(a.breakdown),
        fmt(a.place),
        fmt(a.source)
    );
}
