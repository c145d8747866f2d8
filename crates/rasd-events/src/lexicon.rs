//! The word lists of `data/`, loaded once into one automaton.
//!
//! Every list (triggers, actors, cues, sources, countries) is a data file a
//! linguist edits without reading Rust; each is included in the binary so
//! the tagger needs no files at run time. All forms go into a single
//! Aho-Corasick automaton over the matching text (see [`crate::scan`]), so a
//! report is read once whatever the number of lists.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rasd_core::normalize::fold;

use crate::key::{match_key, ALEF, LAM};
use crate::triggers::Code;

const TRIGGERS: &str = include_str!("../data/triggers.tsv");
const ACTORS: &str = include_str!("../data/actors.tsv");
const CUES: &str = include_str!("../data/cues.tsv");
const SOURCES: &str = include_str!("../data/sources.tsv");
const COUNTRIES: &str = include_str!("../data/countries.tsv");

/// What a cue word says about the actor or toll next to it (see `data/cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    Target,
    Control,
    Agent,
    Source,
    Blame,
    Accuse,
    AgentAfter,
    BlameAfter,
    SpeechAfter,
    Force,
    Protest,
    Armed,
    Clause,
    Judicial,
}

impl Cue {
    fn parse(s: &str) -> Option<Cue> {
        Some(match s {
            "target" => Cue::Target,
            "control" => Cue::Control,
            "agent" => Cue::Agent,
            "source" => Cue::Source,
            "blame" => Cue::Blame,
            "accuse" => Cue::Accuse,
            "agent_after" => Cue::AgentAfter,
            "blame_after" => Cue::BlameAfter,
            "speech_after" => Cue::SpeechAfter,
            "force" => Cue::Force,
            "protest" => Cue::Protest,
            "armed" => Cue::Armed,
            "clause" => Cue::Clause,
            "judicial" => Cue::Judicial,
            _ => return None,
        })
    }
}

/// What a matched form stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum What {
    Trigger {
        code: Code,
        rank: u8,
    },
    /// An actor name. `weak` names count only when tied to the violence;
    /// `context` names only in a report about the actor's home country.
    Actor {
        id: u16,
        weak: bool,
        context: bool,
    },
    /// A nationality adjective: an actor only right after a trigger or a
    /// force noun.
    Adjective {
        id: u16,
        context: bool,
    },
    Cue(Cue),
    /// A source of figures or a fixed phrase: whatever lies inside is no
    /// actor and no trigger.
    Exclusion,
    Country(u8),
}

/// One meaning of a pattern, with how it may end.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Payload {
    pub what: What,
    /// The form ended in `*`: longer words match too.
    pub open: bool,
}

/// One distinct string of the automaton.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    /// The string starts with the article ال: no second article may precede it.
    pub article: bool,
    /// The لل variant of an article form (للطيران for الطيران): only و or ف
    /// may precede it.
    pub double_lam: bool,
    pub payloads: Vec<Payload>,
}

/// A row of `data/actors.tsv`.
#[derive(Debug, Clone)]
pub(crate) struct ActorRow {
    pub name: &'static str,
    pub inter: u8,
    /// Home countries (indices into [`Lexicon::countries`]).
    pub countries: Vec<u8>,
}

/// Every list, and the automaton over all their forms.
pub(crate) struct Lexicon {
    pub automaton: AhoCorasick,
    pub patterns: Vec<Pattern>,
    pub actors: Vec<ActorRow>,
    /// Country codes, in the order of `data/countries.tsv`.
    pub countries: Vec<&'static str>,
}

/// Data lines: comments (`#` to the end) and blank lines dropped.
fn rows(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.split('#').next().unwrap_or("").trim_end();
        if line.trim().is_empty() {
            None
        } else {
            Some((i + 1, line.split('\t').map(str::trim).collect()))
        }
    })
}

/// The forms of a `|` list, `-` meaning none.
fn forms(field: &str) -> impl Iterator<Item = &str> {
    field
        .split('|')
        .map(str::trim)
        .filter(|f| !f.is_empty() && *f != "-")
}

#[derive(Default)]
struct Builder {
    index: HashMap<Vec<u8>, usize>,
    strings: Vec<Vec<u8>>,
    patterns: Vec<Pattern>,
}

impl Builder {
    /// Adds `form` (as written in a data file) with meaning `what`. A
    /// trailing `*` opens its end; a form starting with ال also gets its لل
    /// variant, since ل + ال is written لل (للطيران الروسي).
    fn add(&mut self, form: &str, what: What) {
        let (form, open) = match form.strip_suffix('*') {
            Some(f) => (f, true),
            None => (form, false),
        };
        let key = match_key(&fold(form));
        if key.is_empty() {
            return;
        }
        let payload = Payload { what, open };
        if let Some(rest) = key.strip_prefix(&[ALEF, LAM]) {
            let mut variant = vec![LAM];
            if rest.first() != Some(&LAM) {
                variant.push(LAM);
            }
            variant.extend_from_slice(rest);
            self.push(variant, payload, true, false);
            self.push(key, payload, false, true);
        } else {
            self.push(key, payload, false, false);
        }
    }

    fn push(&mut self, key: Vec<u8>, payload: Payload, double_lam: bool, article: bool) {
        let i = match self.index.get(&key) {
            Some(&i) => i,
            None => {
                self.index.insert(key.clone(), self.strings.len());
                self.strings.push(key);
                self.patterns.push(Pattern {
                    article,
                    double_lam,
                    payloads: Vec::new(),
                });
                self.strings.len() - 1
            }
        };
        // The same meaning twice: open wins (جنود and جنود* are one cue).
        match self.patterns[i]
            .payloads
            .iter_mut()
            .find(|p| p.what == payload.what)
        {
            Some(p) => p.open |= payload.open,
            None => self.patterns[i].payloads.push(payload),
        }
    }
}

impl Lexicon {
    /// Loads the bundled lists. The data is part of the crate, so a
    /// malformed line is a bug caught by the tests, not an input error.
    pub fn load() -> Lexicon {
        let mut b = Builder::default();
        for (line, f) in rows(TRIGGERS) {
            let (Some(code), Some(rank), Some(list)) = (f.first(), f.get(1), f.get(2)) else {
                panic!("triggers.tsv:{line}: expected code, rank and forms");
            };
            let code = Code::parse(code)
                .unwrap_or_else(|| panic!("triggers.tsv:{line}: unknown code {code}"));
            let rank: u8 = rank
                .parse()
                .unwrap_or_else(|_| panic!("triggers.tsv:{line}: bad rank {rank}"));
            for form in forms(list) {
                b.add(form, What::Trigger { code, rank });
            }
        }

        let mut countries: Vec<&'static str> = Vec::new();
        for (line, f) in rows(COUNTRIES) {
            let (Some(code), Some(list)) = (f.first(), f.get(1)) else {
                panic!("countries.tsv:{line}: expected code and forms");
            };
            let id = countries.len() as u8;
            countries.push(code);
            for form in forms(list) {
                b.add(form, What::Country(id));
            }
        }

        let mut actors: Vec<ActorRow> = Vec::new();
        for (line, f) in rows(ACTORS) {
            if f.len() != 6 {
                panic!("actors.tsv:{line}: expected 6 columns, found {}", f.len());
            }
            let inter: u8 = f[1]
                .parse()
                .unwrap_or_else(|_| panic!("actors.tsv:{line}: bad inter code {}", f[1]));
            let home: Vec<u8> = forms(&f[2].replace(',', "|"))
                .map(|c| {
                    countries.iter().position(|k| *k == c).unwrap_or_else(|| {
                        panic!("actors.tsv:{line}: country {c} not in countries.tsv")
                    }) as u8
                })
                .collect();
            let id = actors.len() as u16;
            actors.push(ActorRow {
                name: f[0],
                inter,
                countries: home,
            });
            // The actor's own forms, then the context forms that name it only
            // in a report about its home country; `?` marks a weak form.
            for (column, context) in [(f[3], false), (f[5], true)] {
                for form in forms(column) {
                    let (form, weak) = match form.strip_suffix('?') {
                        Some(x) => (x, true),
                        None => (form, false),
                    };
                    b.add(form, What::Actor { id, weak, context });
                }
            }
            for form in forms(f[4]) {
                let (form, context) = match form.strip_suffix('~') {
                    Some(x) => (x, true),
                    None => (form, false),
                };
                b.add(form, What::Adjective { id, context });
            }
        }

        for (line, f) in rows(CUES) {
            let (Some(class), Some(list)) = (f.first(), f.get(1)) else {
                panic!("cues.tsv:{line}: expected class and forms");
            };
            let cue = Cue::parse(class)
                .unwrap_or_else(|| panic!("cues.tsv:{line}: unknown class {class}"));
            for form in forms(list) {
                b.add(form, What::Cue(cue));
            }
        }

        for (_, f) in rows(SOURCES) {
            for field in f {
                for form in forms(field) {
                    b.add(form, What::Exclusion);
                }
            }
        }

        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&b.strings)
            .expect("the bundled lexicons build an automaton");
        Lexicon {
            automaton,
            patterns: b.patterns,
            actors,
            countries,
        }
    }
}
