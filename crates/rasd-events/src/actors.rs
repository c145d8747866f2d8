//! Who did it and to whom: the perpetrator (ACLED actor 1) and the target
//! (actor 2) of the violence a trigger names.
//!
//! The perpetrator is read from the trigger outward: the trigger phrase
//! itself (الطيران الروسي, طائرات النظام), the words right after it (غارات
//! روسية, قصف قوات النظام, هجوم لداعش), an agent verb in its clause (شنها
//! الطيران الحربي الروسي, قوات النظام قصفت), then any named force near it.
//! The target is read from the toll: the group named right after the
//! number (30 عنصراً من جبهة فتح الشام, 90 مدنيا), else a force the text
//! marks as hit (ضد مقاتلي المعارضة, على مواقع داعش). Sources never reach
//! here: their words were dropped when the text was read.

use rasd_core::normalize::fold;

use crate::lexicon::Cue;
use crate::scan::{Kind, Mention, Part, Role};
use crate::triggers::{clause_of, count_between, trigger, Victims};

/// Characters from the trigger within which a name outside its clause
/// can still be its perpetrator.
const NEAR: u32 = 60;

/// Characters back to an earlier trigger of the same kind whose subject
/// carries over to this one.
const FAR: u32 = 250;

/// The actor fields of a mention.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ActorRef {
    pub name: &'static str,
    pub inter: u8,
    pub weak: bool,
    pub role: Role,
}

impl ActorRef {
    /// State or foreign forces (ACLED inter 1 and 8).
    pub fn is_state(&self) -> bool {
        matches!(self.inter, 1 | 8)
    }

    /// Victim groups, never perpetrators (civilians, protesters).
    pub fn is_victim_group(&self) -> bool {
        matches!(self.inter, 6 | 7)
    }
}

pub(crate) fn actor(m: &Mention) -> Option<ActorRef> {
    match m.kind {
        Kind::Actor {
            name,
            inter,
            weak,
            role,
            ..
        } => Some(ActorRef {
            name,
            inter,
            weak,
            role,
        }),
        _ => None,
    }
}

/// The byte offset of character `at` of `text` (the end when past it).
pub(crate) fn byte_of(text: &str, at: u32) -> usize {
    text.char_indices()
        .nth(at as usize)
        .map_or(text.len(), |(b, _)| b)
}

/// Words that end the noun phrase of a toll: what follows them is the
/// circumstance (في غارة, جراء القصف), not the victims.
const TOLL_STOP: &[&str] = &[
    "في",
    "جراء",
    "بسبب",
    "اثر",
    "خلال",
    "بعد",
    "عند",
    "لدى",
    "حيث",
    "الذي",
    "التي",
    "الذين",
    "اليوم",
    "امس",
    "قرب",
    "منذ",
    "اثناء",
    "اذ",
    "او",
    "حسب",
    "وفق",
    "وفقا",
    "بحسب",
    "عقب",
    "نتيجه",
    "اصيب",
    "واصيب",
    "قتل",
    "وقتل",
    "باستهداف",
    "بقصف",
    "بغارات",
    "بغاره",
    "بنيران",
    "برصاص",
];

/// The words of `text[from..to]` (bytes), folded, or `None` when a clause
/// mark stands between.
fn gap(text: &str, from: usize, to: usize) -> Option<Vec<String>> {
    if from > to {
        return None;
    }
    let g = text.get(from..to)?;
    if g.contains([',', '،', ';', '؛', ':', '.', '?', '؟', '!', '\n']) {
        return None;
    }
    Some(
        g.split(|c: char| c.is_whitespace() || "\"'«»()[]".contains(c))
            .filter(|w| !w.is_empty())
            .map(fold)
            .collect(),
    )
}

/// The toll of a claim: its sentence and the number's span, in characters
/// and bytes of the body.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Toll {
    pub sentence: (u32, u32),
    pub chars: (u32, u32),
    pub bytes: (usize, usize),
}

/// The victims at the toll: an actor or victim group named right after the
/// number (or just before it), with what they tell about the victims.
pub(crate) fn at_toll(body: &Part, toll: &Toll) -> (Option<usize>, Victims) {
    let (ss, se) = toll.sentence;
    let (cs, ce) = toll.chars;
    let victims_of = |m: &Mention| -> Option<Victims> {
        if let Some(a) = actor(m) {
            return Some(match a.inter {
                7 => Victims::Civilians,
                6 => Victims::Protesters,
                _ => Victims::Armed,
            });
        }
        match m.kind {
            Kind::Cue(Cue::Armed) => Some(Victims::Armed),
            _ => None,
        }
    };
    let mut found: Option<(Option<usize>, Victims)> = None;
    // Inside the toll (طفلان, جنديين) or right after it.
    for (i, m) in body.mentions.iter().enumerate() {
        if m.start < cs || m.end > se {
            continue;
        }
        if trigger(m).is_some() && m.start >= ce {
            break;
        }
        let Some(v) = victims_of(m) else { continue };
        if actor(m).is_some_and(|a| a.role == Role::Control) {
            continue;
        }
        let inside = m.start < ce;
        // Inside a long toll phrase (عدد القتلى جراء القصف المدفعي لقوات
        // النظام ... إلى مئة مدني) only victim words name the victims.
        if inside && actor(m).is_some_and(|a| !a.is_victim_group()) {
            continue;
        }
        let near = inside
            || gap(&body.text, toll.bytes.1, byte_of_word(body, m)).is_some_and(|w| {
                w.len() <= 3 && !w.iter().any(|x| TOLL_STOP.contains(&x.as_str()))
            });
        if !near {
            if m.start >= ce {
                break;
            }
            continue;
        }
        let is_actor = actor(m).is_some();
        // A word opening with و after the first victims names others
        // (ثلاثة من رجال الأمن وامرأة).
        let coordinated = m.word_start < m.start
            && body
                .text
                .get(byte_of_word(body, m)..)
                .is_some_and(|w| w.starts_with('و'));
        match found {
            // An actor after a victim noun names them (عنصرا من قوات النظام).
            Some((None, _)) if is_actor && !coordinated => return (Some(i), v),
            Some(_) => break,
            None if is_actor => return (Some(i), v),
            None => found = Some((None, v)),
        }
    }
    if let Some(f) = found {
        return f;
    }
    // Just before the toll: مقتل مدنيين اثنين.
    for (i, m) in body.mentions.iter().enumerate().rev() {
        if m.end > cs || m.start < ss {
            continue;
        }
        let Some(v) = victims_of(m) else { continue };
        let close =
            gap(&body.text, m.byte_end as usize, toll.bytes.0).is_some_and(|w| w.len() <= 1);
        if close && v != Victims::Armed {
            return (actor(m).map(|_| i), v);
        }
        break;
    }
    (None, Victims::Unknown)
}

/// A force the clause of trigger `t` marks as hit (ضد مقاتلي المعارضة, على
/// مواقع داعش, اشتباكات مع قوات قسد). Civilians are a target only when
/// the toll names them: a clause names civilians of other tolls too.
pub(crate) fn marked_target(part: &Part, t: usize, lo: u32, hi: u32) -> Option<usize> {
    let tm = part.mentions.get(t)?;
    let (cs, ce) = clause_of(part, tm, lo, hi);
    part.mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.start >= cs && m.end <= ce)
        .filter(|(_, m)| {
            actor(m).is_some_and(|a| a.role == Role::Target && !a.weak && !a.is_victim_group())
        })
        .min_by_key(|(_, m)| m.start.abs_diff(tm.start))
        .map(|(i, _)| i)
}

/// The perpetrator of trigger `t` within the sentence `lo..hi` of `part`,
/// never the mention `exclude` nor an actor named `exclude_name`.
pub(crate) fn perpetrator(
    part: &Part,
    t: usize,
    lo: u32,
    hi: u32,
    exclude: Option<usize>,
    exclude_name: Option<&str>,
) -> Option<usize> {
    let tm = *part.mentions.get(t)?;
    let (cs, ce) = clause_of(part, &tm, lo, hi);
    let eligible = |i: usize, m: &Mention| -> Option<ActorRef> {
        let a = actor(m)?;
        let ok = Some(i) != exclude
            && Some(a.name) != exclude_name
            && !a.is_victim_group()
            && a.role != Role::Control
            && m.start >= lo
            && m.end <= hi;
        ok.then_some(a)
    };
    let in_clause = |m: &Mention| m.start >= cs && m.end <= ce;
    // Clause marks between the trigger and a mention.
    let clauses_away = |m: &Mention| {
        let (a, b) = if m.end <= tm.start {
            (m.end, tm.start)
        } else {
            (tm.end, m.start.max(tm.end))
        };
        count_between(&part.clause_marks, a, b)
    };
    let near_t = |m: &Mention| m.start.abs_diff(tm.start);

    // 1. The trigger phrase names the actor (الطيران الروسي).
    for (i, m) in part.mentions.iter().enumerate() {
        if m.start < tm.end && tm.start < m.end {
            if let Some(a) = eligible(i, m) {
                if a.role != Role::Target {
                    return Some(i);
                }
            }
        }
    }
    let code = trigger(&tm).map(|(c, _)| c);
    // Right after a trigger: غارات روسية, قصف قوات النظام, غارات للطيران
    // الروسي, هجوم لداعش (never على/ضد X: that is the target).
    let after_trigger = |m: &Mention, which: &dyn Fn(&Mention) -> bool| {
        part.mentions.iter().any(|p| {
            trigger(p).is_some()
                && which(p)
                && p.end <= m.word_start
                && gap(&part.text, p.byte_end as usize, byte_of_word(part, m))
                    .is_some_and(|w| w.len() <= 1 && !w.iter().any(|x| x == "على" || x == "ضد"))
        })
    };
    // The trigger nearest to an actor is the one it did: the agent of
    // another weapon in the sentence is not this one's.
    let owned = |m: &Mention| {
        part.mentions
            .iter()
            .filter(|p| trigger(p).is_some() && p.start >= lo && p.end <= hi)
            .min_by_key(|p| p.start.abs_diff(m.start).min(p.end.abs_diff(m.end)))
            .is_none_or(|p| trigger(p).map(|(c, _)| c) == code)
    };
    let best = |pred: &dyn Fn(&Mention, &ActorRef) -> bool, limit: u32| {
        part.mentions
            .iter()
            .enumerate()
            .filter_map(|(i, m)| eligible(i, m).map(|a| (i, m, a)))
            .filter(|(_, m, a)| a.role != Role::Target && pred(m, a) && near_t(m) <= limit)
            .min_by_key(|(_, m, _)| near_t(m))
            .map(|(i, _, _)| i)
    };
    let agent = |a: &ActorRef| matches!(a.role, Role::Agent | Role::Blamed);
    let plain = |a: &ActorRef| !a.weak && matches!(a.role, Role::Plain);
    // 2. Right after a trigger of the clause.
    best(
        &|m, _| in_clause(m) && after_trigger(m, &|p| in_clause(p)),
        u32::MAX,
    )
    // 3-4. An agent, then any named force, in the clause.
    .or_else(|| best(&|m, a| in_clause(m) && agent(a), u32::MAX))
    .or_else(|| best(&|m, a| in_clause(m) && plain(a), u32::MAX))
    // 5. Right after an earlier trigger of the same kind: the subject
    //    carries over (كما قصف النظام أحياء ...، كما قصف حي باب النيرب).
    .or_else(|| {
        best(
            &|m, _| m.end <= tm.start && after_trigger(m, &|p| trigger(p).map(|(c, _)| c) == code),
            FAR,
        )
    })
    // 6-7. An agent, then a plain name, near the trigger in the
    //    sentence and not tied to another weapon.
    .or_else(|| {
        best(
            &|m, a| a.role == Role::Agent && clauses_away(m) <= 2 && owned(m),
            FAR,
        )
    })
    .or_else(|| best(&|m, a| plain(a) && clauses_away(m) <= 1 && owned(m), NEAR))
    .map(|i| coordination_head(part, i, &|j, m| eligible(j, m).is_some()))
}

/// The first of coordinated actors (طائرات الأسد وروسيا, قوات النظام
/// وروسيا): ACLED's actor 1 is the first named, the others its allies.
fn coordination_head(
    part: &Part,
    mut i: usize,
    eligible: &dyn Fn(usize, &Mention) -> bool,
) -> usize {
    while i > 0 {
        let m = part.mentions[i];
        let starts_with_and = part
            .text
            .get(byte_of_word(part, &m)..)
            .is_some_and(|w| w.starts_with('و') && m.word_start < m.start);
        let before = part.mentions[..i].iter().enumerate().rposition(|(j, p)| {
            eligible(j, p) && p.end <= m.word_start && m.word_start - p.end <= 1
        });
        match before {
            Some(j) if starts_with_and => i = j,
            _ => break,
        }
    }
    i
}

/// The byte where the word of mention `m` (with its clitics) starts.
fn byte_of_word(part: &Part, m: &Mention) -> usize {
    let prefix = m.start.saturating_sub(m.word_start) as usize;
    let mut b = m.byte_start as usize;
    for _ in 0..prefix {
        match part.text.get(..b).and_then(|s| s.chars().next_back()) {
            Some(c) => b -= c.len_utf8(),
            None => break,
        }
    }
    b
}

/// An actor blamed for the violence or claiming it (تبنى تنظيم الدولة
/// الهجوم, اتهم ... داعش بالوقوف خلف التفجير) in `lo..hi`.
pub(crate) fn blamed(part: &Part, lo: u32, hi: u32) -> Option<usize> {
    part.mentions.iter().position(|m| {
        m.start >= lo
            && m.end <= hi
            && actor(m).is_some_and(|a| a.role == Role::Blamed && !a.is_victim_group())
    })
}
