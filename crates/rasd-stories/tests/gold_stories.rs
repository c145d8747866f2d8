//! Story clustering scored against the project's labelled windows of the
//! ANT corpus (pairwise precision and recall). The corpus is read from
//! `../shared/corpora`; without it the test says it is skipped.

use std::path::{Path, PathBuf};

use rasd_core::ingest::{read_all, IngestOptions};
use rasd_stories::eval::{pairwise, StoriesGold};
use rasd_stories::{cluster, StoryOptions};
use rustc_hash::FxHashMap;

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn score(name: &str) -> Option<(f64, f64)> {
    let gold_path = project_root().join("gold/stories").join(name);
    let gold: StoriesGold =
        serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
    let corpus = project_root().join("../shared/corpora").join(&gold.corpus);
    if !corpus.is_file() {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipping {name}: ../shared/corpora is absent on this machine"
        );
        return None;
    }
    let (reports, _) = read_all(&[corpus], &IngestOptions::default());
    let window: Vec<_> = reports.into_iter().filter(|r| gold.in_window(r)).collect();
    let predicted: FxHashMap<String, String> = cluster(&window, &StoryOptions::default())
        .into_iter()
        .map(|a| (a.doc_id, a.story_id))
        .collect();
    let s = pairwise(&gold.documents, &predicted);
    eprintln!(
        "{name}: {} pairs, precision {:.3}, recall {:.3}",
        s.pairs, s.scores.precision, s.scores.recall
    );
    Some((s.scores.precision, s.scores.recall))
}

/// The window the settings were chosen on (Douma attack, T4 strike, Crown
/// Prince's visit to France): a regression floor, not a held-out figure.
#[test]
fn april_2018_window() {
    let Some((p, r)) = score("ant-2018-04-07.stories.json") else {
        return;
    };
    assert!(p >= 0.95 && r >= 0.90, "precision {p:.3} recall {r:.3}");
}

/// A window labelled after the settings were chosen (the US embassy in
/// Jerusalem, the Gaza border killings, 13–16 May 2018): the held-out
/// figure, far below the copies issue's 0.90. A floor so it only goes up.
#[test]
fn may_2018_window_held_out() {
    let Some((p, r)) = score("ant-2018-05-13.stories.json") else {
        return;
    };
    assert!(p >= 0.49 && r >= 0.68, "precision {p:.3} recall {r:.3}");
}

/// A third window, labelled and measured once after the settings were
/// fixed (the US-Turkey crisis, the Genoa bridge collapse, 13–16 August
/// 2018): the held-out figure. A floor so it only goes up.
#[test]
fn august_2018_window_held_out() {
    let Some((p, r)) = score("ant-2018-08-13.stories.json") else {
        return;
    };
    assert!(p >= 0.77 && r >= 0.80, "precision {p:.3} recall {r:.3}");
}

/// Two more windows, labelled and measured once at `1392160` with the
/// same settings: 18–21 June 2018 (the battle for Hodeidah, the US border
/// family separations) and 10–13 September 2018 (the looming Idlib
/// offensive, the Basra protests, a Sky News run that joins Libya's oil
/// company and the Yemen front). Floors so they only go up.
#[test]
fn june_and_september_2018_windows_held_out() {
    for (name, precision, recall) in [
        ("ant-2018-06-18.stories.json", 0.70, 0.91),
        ("ant-2018-09-10.stories.json", 0.41, 0.66),
    ] {
        let Some((p, r)) = score(name) else {
            return;
        };
        assert!(
            p >= precision && r >= recall,
            "{name}: precision {p:.3} recall {r:.3}"
        );
    }
}
