//! A text read once, resolved: every trigger, actor and cue mention with
//! the role the cues give each actor, and the sentence, clause and
//! paragraph marks, all in character offsets of the original (converted
//! by one forward `CharCounter` walk over the few offsets that matter).

use rasd_core::report::CharCounter;

use crate::key::{Raw, RawHit, ALEF, FI, HA, LAM, MIN, YA};
use crate::lexicon::{Cue, Lexicon, What};

/// How an actor mention stands to the violence, from the cues around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Role {
    #[default]
    Plain,
    /// What was hit (ضد داعش, عناصر من قوات النظام).
    Target,
    /// Named for whose area it is (لسيطرة فصائل المعارضة): never the perpetrator.
    Control,
    /// The subject of an agent verb (شنها الطيران الروسي, قوات النظام قصفت).
    Agent,
    /// Blamed or claiming responsibility (تبنى تنظيم الدولة).
    Blamed,
}

/// What a mention is, after the report's country resolved the names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Trigger {
        code: crate::triggers::Code,
        rank: u8,
    },
    Actor {
        /// Canonical name (ACLED style).
        name: &'static str,
        /// ACLED inter code (see `data/actors.tsv`).
        inter: u8,
        weak: bool,
        role: Role,
    },
    Cue(Cue),
}

/// A mention in character offsets of the original text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mention {
    pub start: u32,
    pub end: u32,
    /// Start of the word with its clitics.
    pub word_start: u32,
    pub byte_start: u32,
    pub byte_end: u32,
    pub kind: Kind,
}

/// A text read and resolved: what `describe` works on.
#[derive(Debug, Clone, Default)]
pub(crate) struct Part {
    pub text: String,
    pub in_title: bool,
    /// Length in characters.
    pub len: u32,
    /// Mentions in text order (by start).
    pub mentions: Vec<Mention>,
    /// Character offsets of sentence-ending marks (. ? ! and line breaks).
    pub sentence_marks: Vec<u32>,
    /// Character offsets of clause marks (, ; : and clause-opening words).
    pub clause_marks: Vec<u32>,
    /// Character offsets of line breaks.
    pub paragraph_marks: Vec<u32>,
}

/// Whether the matching text between two hits is only blanks.
fn adjacent(text: &[u8], end: u32, next_word_start: u32) -> bool {
    end <= next_word_start
        && text
            .get(end as usize..next_word_start as usize)
            .is_some_and(|g| g.iter().all(|&b| b == b' '))
}

/// The words between two positions of the matching text, and whether all
/// of them are من, في or a number (مقتل 20 من ميليشيات الحوثي); `None`
/// when a clause mark or line break stands between.
fn gap_words(text: &[u8], from: u32, to: u32) -> Option<(usize, bool)> {
    if from > to {
        return None;
    }
    let gap = text.get(from as usize..to as usize)?;
    let mut words = 0;
    let mut small = true;
    for w in gap.split(|&b| b == b' ') {
        if w.is_empty() {
            continue;
        }
        if w.iter().any(|b| b",;:.?!\n".contains(b)) {
            return None;
        }
        words += 1;
        small &= w == MIN || w == FI || w.iter().all(u8::is_ascii_digit);
    }
    Some((words, small))
}

/// Characters within which a cue can still bear on an actor (a few words).
const CUE_REACH: u32 = 45;

impl Part {
    /// Resolves the hits of `raw` for a report about `country`: drops
    /// names of other countries' generic forms, hits inside sources, hits
    /// inside longer hits of their kind, and adjectives that follow no
    /// trigger or force noun; gives each actor its role from the cues
    /// around it; converts everything to character offsets.
    pub fn new(
        lex: &Lexicon,
        raw: Raw,
        original: &str,
        in_title: bool,
        country: Option<u8>,
    ) -> Part {
        let Raw { key, hits } = raw;
        let text = key.text.as_slice();
        let home = |id: u16| {
            country.is_some_and(|c| {
                lex.actors
                    .get(id as usize)
                    .is_some_and(|a| a.countries.contains(&c))
            })
        };
        // A generic name followed by a nationality adjective the lexicon
        // does not know names a foreign force (الجيش الهندي), not the home one.
        let foreign = |h: &RawHit| {
            let next = &text[(h.end as usize + 1).min(text.len())..];
            let word = &next[..next.iter().position(|&b| b == b' ').unwrap_or(next.len())];
            let adjective = word.len() > 4
                && word.starts_with(&[ALEF, LAM])
                && (word.ends_with(&[YA]) || word.ends_with(&[YA, HA]));
            let id = match h.what {
                What::Actor { id, .. } | What::Adjective { id, .. } => Some(id),
                _ => None,
            };
            // The adjective of another actor (الحكومة الروسية) or none.
            let same = hits.iter().any(|o| {
                o.word_start == h.end + 1
                    && matches!(o.what, What::Actor { id: x, .. } | What::Adjective { id: x, .. } if Some(x) == id)
            });
            let other = hits.iter().any(|o| {
                o.word_start == h.end + 1
                    && matches!(o.what, What::Actor { id: x, .. } | What::Adjective { id: x, .. } if Some(x) != id)
            });
            other || (adjective && !same)
        };
        let keep: Vec<bool> = hits
            .iter()
            .map(|h| match h.what {
                What::Actor { id, context, .. } | What::Adjective { id, context } => {
                    !context || (home(id) && !foreign(h))
                }
                What::Country(_) => false,
                _ => true,
            })
            .collect();
        let mut hits: Vec<RawHit> = hits
            .into_iter()
            .zip(keep)
            .filter_map(|(h, k)| k.then_some(h))
            .collect();
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));

        // Sources and fixed phrases hide what they contain.
        let exclusions: Vec<(u32, u32)> = hits
            .iter()
            .filter(|h| h.what == What::Exclusion)
            .map(|h| (h.word_start, h.end))
            .collect();
        hits.retain(|h| {
            h.what != What::Exclusion
                && !exclusions.iter().any(|&(s, e)| s <= h.start && h.end <= e)
        });

        // Within a kind, the longest hit wins (قصف جوي over قصف, قوات
        // النظام السوري over النظام السوري).
        let family = |w: &What| match w {
            What::Trigger { .. } => 0u8,
            What::Actor { .. } | What::Adjective { .. } => 1,
            What::Cue(c) => 2 + *c as u8,
            _ => 100,
        };
        // Sorted by start, longest first: a hit is inside a longer one of
        // its family when an earlier hit of the family reaches as far.
        let mut keep = vec![true; hits.len()];
        let mut reach: [Option<(u32, u32)>; 32] = [None; 32];
        for (i, h) in hits.iter().enumerate() {
            let f = (family(&h.what) as usize).min(31);
            if let Some((s, e)) = reach[f] {
                if e > h.end || (e == h.end && s < h.start) {
                    keep[i] = false;
                    continue;
                }
            }
            if reach[f].is_none_or(|(_, e)| h.end > e) {
                reach[f] = Some((h.start, h.end));
            }
        }
        // The same span naming two actors (a generic form of two home
        // countries): keep the first.
        for i in 1..hits.len() {
            let (a, b) = (hits[i - 1], hits[i]);
            if keep[i - 1]
                && family(&a.what) == 1
                && family(&b.what) == 1
                && (a.start, a.end) == (b.start, b.end)
            {
                keep[i] = false;
            }
        }
        let hits: Vec<RawHit> = hits
            .into_iter()
            .zip(keep)
            .filter_map(|(h, k)| k.then_some(h))
            .collect();

        // Adjectives: only right after a trigger, a force noun, or an
        // accepted adjective (الطائرات السورية والروسية).
        let mut accepted: Vec<Option<u16>> = vec![None; hits.len()];
        for i in 0..hits.len() {
            let What::Adjective { id, .. } = hits[i].what else {
                continue;
            };
            let ok = hits[..i].iter().enumerate().rev().take(12).any(|(j, p)| {
                adjacent(text, p.end, hits[i].word_start)
                    && match p.what {
                        What::Trigger { .. } | What::Cue(Cue::Force) => true,
                        What::Adjective { .. } => accepted[j].is_some(),
                        What::Actor { .. } => false,
                        _ => false,
                    }
            });
            if ok {
                accepted[i] = Some(id);
            }
        }

        let cues: Vec<&RawHit> = hits
            .iter()
            .filter(|h| matches!(h.what, What::Cue(_)))
            .collect();
        let mut mentions = Vec::with_capacity(hits.len());
        for (i, h) in hits.iter().enumerate() {
            let kind = match h.what {
                What::Trigger { code, rank } => Kind::Trigger { code, rank },
                What::Cue(c) => Kind::Cue(c),
                What::Actor { .. } | What::Adjective { .. } => {
                    // An adjective names the actor its noun was accepted as.
                    let (id, weak) = match h.what {
                        What::Actor { id, weak, .. } => (id, weak),
                        _ => match accepted[i] {
                            Some(id) => (id, false),
                            None => continue,
                        },
                    };
                    let (Some(role), Some(row)) =
                        (role(text, &cues, h), lex.actors.get(id as usize))
                    else {
                        continue;
                    };
                    Kind::Actor {
                        name: row.name,
                        inter: row.inter,
                        weak,
                        role,
                    }
                }
                What::Exclusion | What::Country(_) => continue,
            };
            let (s, e) = key.span(original, h.start as usize, h.end as usize);
            let ws = key.origin[h.word_start as usize];
            mentions.push(Mention {
                start: s as u32,
                end: e as u32,
                word_start: ws,
                byte_start: s as u32,
                byte_end: e as u32,
                kind,
            });
        }

        // Sentence, clause and paragraph marks (original bytes for now).
        let mut sentence_marks = Vec::new();
        let mut clause_marks = Vec::new();
        let mut paragraph_marks = Vec::new();
        let bytes = text;
        for (i, &b) in bytes.iter().enumerate() {
            if !matches!(b, b'.' | b'?' | b'!' | b'\n' | b',' | b';' | b':') {
                continue;
            }
            let at = key.origin[i];
            match b {
                b'.' => {
                    let digit = |j: Option<usize>| {
                        j.and_then(|j| bytes.get(j)).is_some_and(u8::is_ascii_digit)
                    };
                    if !(digit(i.checked_sub(1)) && digit(Some(i + 1))) {
                        sentence_marks.push(at);
                    }
                }
                b'?' | b'!' => sentence_marks.push(at),
                b'\n' => {
                    sentence_marks.push(at);
                    paragraph_marks.push(at);
                }
                _ => clause_marks.push(at),
            }
        }
        for m in &mentions {
            if m.kind == Kind::Cue(Cue::Clause) {
                clause_marks.push(m.word_start);
            }
        }
        clause_marks.sort_unstable();

        // Every offset in characters, converted walking forward once.
        let mut offsets: Vec<u32> = Vec::with_capacity(3 * mentions.len() + 64);
        for m in &mentions {
            offsets.extend([m.byte_start, m.byte_end, m.word_start]);
        }
        offsets.extend(&sentence_marks);
        offsets.extend(&clause_marks);
        offsets.push(original.len() as u32);
        offsets.sort_unstable();
        offsets.dedup();
        let mut counter = CharCounter::new(original);
        let chars: Vec<u32> = offsets
            .iter()
            .map(|&b| counter.char_offset(b as usize) as u32)
            .collect();
        let to_char = |b: u32| chars[offsets.partition_point(|&x| x < b).min(chars.len() - 1)];
        for m in &mut mentions {
            m.start = to_char(m.byte_start);
            m.end = to_char(m.byte_end);
            m.word_start = to_char(m.word_start);
        }
        for marks in [&mut sentence_marks, &mut clause_marks, &mut paragraph_marks] {
            for x in marks.iter_mut() {
                *x = to_char(*x);
            }
        }

        Part {
            text: original.to_string(),
            in_title,
            len: to_char(original.len() as u32),
            mentions,
            sentence_marks,
            clause_marks,
            paragraph_marks,
        }
    }
}

/// The role of actor hit `h` from the nearest cue before it (and agent or
/// blame cues after it); `None` when the actor is part of a source.
fn role(text: &[u8], cues: &[&RawHit], h: &RawHit) -> Option<Role> {
    // Cues are in text order: only those a few words away matter.
    let from = cues.partition_point(|c| c.start + CUE_REACH < h.word_start);
    let near = &cues[from..];
    // (gap in words, priority on a tie, role; `None` for a source head)
    let mut best: Option<(usize, u8, Option<Role>)> = None;
    for c in near.iter().take_while(|c| c.start < h.word_start) {
        if c.end > h.word_start || c.end + CUE_REACH < h.word_start {
            continue;
        }
        let What::Cue(cue) = c.what else { continue };
        let Some((words, small)) = gap_words(text, c.end, h.word_start) else {
            continue;
        };
        let (r, max_gap, prio) = match cue {
            Cue::Source if small => (None, 1, 5),
            Cue::Control => (Some(Role::Control), 1, 4),
            Cue::Target if small => (Some(Role::Target), 1, 3),
            Cue::Blame => (Some(Role::Blamed), 2, 2),
            // The accuser comes first: the accused is further on.
            Cue::Accuse if words >= 1 => (Some(Role::Blamed), 4, 2),
            Cue::Agent => (Some(Role::Agent), 2, 1),
            _ => continue,
        };
        if words > max_gap {
            continue;
        }
        let better = match best {
            None => true,
            Some((g, p, _)) => words < g || (words == g && prio > p),
        };
        if better {
            best = Some((words, prio, r));
        }
    }
    // A source head: the actor is part of who reports, or speaks.
    let source = matches!(best, Some((_, _, None)));
    let before = best.and_then(|(_, _, r)| r);
    if let Some(r) = before {
        if matches!(r, Role::Target | Role::Control) {
            return Some(r);
        }
    }
    // After the actor: an agent verb (قوات النظام قصفت) or a claim of
    // responsibility (داعش ... بالوقوف خلف التفجير).
    let after = near.partition_point(|c| c.word_start < h.end);
    for c in near[after..]
        .iter()
        .take_while(|c| c.word_start <= h.end + 2 * CUE_REACH)
    {
        let What::Cue(cue) = c.what else { continue };
        if cue == Cue::BlameAfter {
            // A claim of responsibility may come after an aside between
            // commas (تنظيم داعش، عقب ساعات قليلة، إلى إعلان مسؤوليته).
            let words = text
                .get(h.end as usize..c.word_start as usize)
                .filter(|g| !g.iter().any(|b| b".?!\n".contains(b)))
                .map(|g| g.split(|&b| b == b' ').filter(|w| !w.is_empty()).count());
            if words.is_some_and(|w| w <= 8) {
                // أعلن تنظيم داعش مسؤوليته: the speaker claims the attack.
                return Some(Role::Blamed);
            }
            continue;
        }
        if source {
            continue;
        }
        let Some((words, _)) = gap_words(text, h.end, c.word_start) else {
            continue;
        };
        match cue {
            // The speaker before its verb (الحكومة الروسية قالت): a source.
            Cue::SpeechAfter if words == 0 => return None,
            Cue::AgentAfter if words <= 1 && before.is_none() => return Some(Role::Agent),
            _ => {}
        }
    }
    if source {
        return None;
    }
    Some(before.unwrap_or(Role::Plain))
}
