//! Trigger words: which one explains a toll, and the ACLED type it gives.
//!
//! The nearest trigger to the toll is the first guess, since Arabic news
//! puts the cause right beside the figure (قتل 25 في انفجار سيارة مفخخة,
//! أكثر من 90 مدنيا قتلوا جراء الغارات). The guess is then refined inside
//! its clause: a more specific word beats a generic one (سيارة مفخخة over
//! انفجار, ألغام over انفجار, الطائرات over a bare قصف), and chemical or
//! suicide words beat everything (براميل متفجرة تحتوي غاز الكلور).

use crate::scan::{Kind, Mention, Part};

/// ACLED event types (and the Non-conflict extension).
pub const BATTLES: &str = "Battles";
pub const EXPLOSIONS: &str = "Explosions/Remote violence";
pub const VIOLENCE_AGAINST_CIVILIANS: &str = "Violence against civilians";
pub const RIOTS: &str = "Riots";
pub const PROTESTS: &str = "Protests";
/// Not ACLED: tolls of accidents, disasters and disease.
pub const NON_CONFLICT: &str = "Non-conflict";

/// What a trigger word names (see `data/triggers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Code {
    Air,
    Shelling,
    Ied,
    Suicide,
    Chemical,
    Grenade,
    Clash,
    Attack,
    Abduction,
    Riot,
    Mob,
    Force,
    Bombardment,
    Explosion,
    Shooting,
    Assault,
    Operation,
    Traffic,
    Fire,
    Collapse,
    Natural,
    Disease,
    Drowning,
    Accident,
}

impl Code {
    pub fn parse(s: &str) -> Option<Code> {
        use Code::*;
        Some(match s {
            "air" => Air,
            "shelling" => Shelling,
            "ied" => Ied,
            "suicide" => Suicide,
            "chemical" => Chemical,
            "grenade" => Grenade,
            "clash" => Clash,
            "attack" => Attack,
            "abduction" => Abduction,
            "riot" => Riot,
            "mob" => Mob,
            "force" => Force,
            "bombardment" => Bombardment,
            "explosion" => Explosion,
            "shooting" => Shooting,
            "assault" => Assault,
            "operation" => Operation,
            "traffic" => Traffic,
            "fire" => Fire,
            "collapse" => Collapse,
            "natural" => Natural,
            "disease" => Disease,
            "drowning" => Drowning,
            "accident" => Accident,
            _ => return None,
        })
    }

    /// Accidents, disasters and disease: no perpetrator, no target.
    pub fn is_non_conflict(self) -> bool {
        use Code::*;
        matches!(
            self,
            Traffic | Fire | Collapse | Natural | Disease | Drowning | Accident
        )
    }
}

/// Who the victims of the toll are, as far as the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Victims {
    Civilians,
    Protesters,
    /// Fighters, soldiers, police.
    Armed,
    Unknown,
}

/// What the context says, for the generic triggers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context {
    pub victims: Victims,
    /// Protesters or a protest in the sentence.
    pub protest: bool,
    /// The perpetrator: `Some(true)` for state forces, `Some(false)` for a
    /// non-state group, `None` when unknown.
    pub state_perpetrator: Option<bool>,
}

/// The ACLED event and sub-event type of a trigger in its context.
pub(crate) fn classify(code: Code, cx: &Context) -> (&'static str, &'static str) {
    use Code::*;
    let attack = (VIOLENCE_AGAINST_CIVILIANS, "Attack");
    let clash = (BATTLES, "Armed clash");
    let force = (PROTESTS, "Excessive force against protesters");
    // Lethal force at protesters is ACLED's "excessive force" when state
    // forces (or unknown forces) use it; a non-state group killing
    // protesters is an attack on civilians.
    let at_protesters = || {
        if cx.state_perpetrator == Some(false) {
            attack
        } else {
            force
        }
    };
    match code {
        Air => (EXPLOSIONS, "Air/drone strike"),
        Shelling | Bombardment => (EXPLOSIONS, "Shelling/artillery/missile attack"),
        Ied | Explosion => (EXPLOSIONS, "Remote explosive/landmine/IED"),
        Suicide => (EXPLOSIONS, "Suicide bomb"),
        Chemical => (EXPLOSIONS, "Chemical weapon"),
        Grenade => (EXPLOSIONS, "Grenade"),
        // Clashes of protesters with police are riots, whoever died.
        Clash if cx.protest => (RIOTS, "Violent demonstration"),
        Clash => clash,
        Attack => attack,
        Abduction => (VIOLENCE_AGAINST_CIVILIANS, "Abduction/forced disappearance"),
        Riot => (RIOTS, "Violent demonstration"),
        Mob => (RIOTS, "Mob violence"),
        Force => at_protesters(),
        Shooting => match cx.victims {
            Victims::Protesters => at_protesters(),
            _ if cx.protest && cx.victims != Victims::Armed => at_protesters(),
            Victims::Armed => clash,
            _ => attack,
        },
        Assault => match cx.victims {
            Victims::Protesters => at_protesters(),
            // Protests "caused" the toll (الاحتجاجات تسببت في سقوط قتلى ...
            // وهجمات): violence in a demonstration.
            Victims::Unknown if cx.protest => (RIOTS, "Violent demonstration"),
            Victims::Armed => clash,
            Victims::Civilians => attack,
            // An offensive by state forces or a rebel group with no word on
            // the victims is fighting; gunmen's attacks hit civilians.
            Victims::Unknown if cx.state_perpetrator.is_some() && !cx.protest => {
                if cx.state_perpetrator == Some(true) {
                    clash
                } else {
                    attack
                }
            }
            Victims::Unknown => attack,
        },
        Operation => match cx.victims {
            Victims::Civilians => attack,
            Victims::Protesters => at_protesters(),
            _ => clash,
        },
        Traffic => (NON_CONFLICT, "Traffic accident"),
        Fire => (NON_CONFLICT, "Fire"),
        Collapse => (NON_CONFLICT, "Building collapse"),
        Natural => (NON_CONFLICT, "Natural disaster"),
        Disease => (NON_CONFLICT, "Disease"),
        Drowning => (NON_CONFLICT, "Drowning"),
        Accident => (NON_CONFLICT, "Other accident"),
    }
}

/// The code and rank of a trigger mention.
pub(crate) fn trigger(m: &Mention) -> Option<(Code, u8)> {
    match m.kind {
        Kind::Trigger { code, rank } => Some((code, rank)),
        _ => None,
    }
}

/// Characters between a mention and the span `at`.
fn distance(m: &Mention, at: (u32, u32)) -> u32 {
    if m.end <= at.0 {
        at.0 - m.end
    } else {
        // After the span, or overlapping it (0).
        m.start.saturating_sub(at.1)
    }
}

/// How far a trigger stands from the toll: characters, plus a clause's
/// worth for each clause mark crossed, so that the toll's own clause wins
/// over a nearer word across a comma or a بينما.
fn weight(part: &Part, m: &Mention, at: (u32, u32), after_cost: u32) -> u32 {
    let (a, b) = if m.end <= at.0 {
        (m.end, at.0)
    } else {
        (at.1, m.start)
    };
    let crossed = if a < b {
        count_between(&part.clause_marks, a, b)
    } else {
        0
    };
    let d = distance(m, at) + 25 * crossed as u32;
    if m.start >= at.1 {
        d.saturating_mul(after_cost)
    } else {
        d
    }
}

/// Number of marks in `a..b`.
pub(crate) fn count_between(marks: &[u32], a: u32, b: u32) -> usize {
    let lo = marks.partition_point(|&x| x < a);
    let hi = marks.partition_point(|&x| x < b);
    hi.saturating_sub(lo)
}

/// The clause around `m` within `lo..hi`: from the last clause or sentence
/// mark before it to the first after it.
pub(crate) fn clause_of(part: &Part, m: &Mention, lo: u32, hi: u32) -> (u32, u32) {
    let before = |marks: &[u32]| {
        let i = marks.partition_point(|&x| x < m.start);
        if i > 0 {
            marks[i - 1]
        } else {
            0
        }
    };
    let after = |marks: &[u32]| {
        let i = marks.partition_point(|&x| x < m.end);
        marks.get(i).copied().unwrap_or(u32::MAX)
    };
    let start = before(&part.clause_marks)
        .max(before(&part.sentence_marks))
        .max(lo);
    let end = after(&part.clause_marks)
        .min(after(&part.sentence_marks))
        .min(hi);
    (start, end.max(start))
}

/// The trigger of `lo..hi` that explains the toll at `at`: the nearest
/// (ties go to the word after the toll: قتل 5 في غارة), then the highest
/// rank of its clause. Distances after the toll count `after_cost` times
/// (beyond the toll's sentence, context comes before the toll more often
/// than after it). `usable` filters triggers out (force words without
/// protesters). Returns the index into `part.mentions`.
pub(crate) fn nearest(
    part: &Part,
    lo: u32,
    hi: u32,
    at: (u32, u32),
    after_cost: u32,
    usable: &dyn Fn(&Mention) -> bool,
) -> Option<usize> {
    let mut best: Option<(u32, bool, usize)> = None;
    for (i, m) in part.mentions.iter().enumerate() {
        if m.start < lo || m.end > hi || trigger(m).is_none() || !usable(m) {
            continue;
        }
        let w = weight(part, m, at, after_cost);
        let before = m.end <= at.0;
        let better = match best {
            None => true,
            Some((bw, bbefore, _)) => w < bw || (w == bw && bbefore && !before),
        };
        if better {
            best = Some((w, before, i));
        }
    }
    best.map(|(_, _, i)| refine(part, i, lo, hi, usable))
}

/// The strongest trigger of `lo..hi` (the first on a tie): for a title or a
/// lead, where no toll position says which word is meant.
pub(crate) fn strongest(
    part: &Part,
    lo: u32,
    hi: u32,
    usable: &dyn Fn(&Mention) -> bool,
) -> Option<usize> {
    let mut best: Option<(u8, usize)> = None;
    for (i, m) in part.mentions.iter().enumerate() {
        if m.start < lo || m.end > hi || !usable(m) {
            continue;
        }
        if let Some((_, rank)) = trigger(m) {
            if best.is_none_or(|(r, _)| rank > r) {
                best = Some((rank, i));
            }
        }
    }
    best.map(|(_, i)| refine(part, i, lo, hi, usable))
}

/// Characters within which planes make a bare قصف an air strike, across
/// at most one clause mark (قصف ... ، الطائرات).
const AIR_REACH: u32 = 60;

/// Characters within which a chemical or suicide word overrides a
/// specific trigger (براميل متفجرة التي تحتوي غاز الكلور).
const OVERRIDE_REACH: u32 = 40;

/// The highest-ranked trigger of the clause of trigger `i` (on a tie the
/// one nearest to it); a specific trigger (rank 4) yields only to a word
/// close to it. A bare قصف with no better word in its clause becomes an air
/// strike when planes are named near it in its sentence.
fn refine(part: &Part, i: usize, lo: u32, hi: u32, usable: &dyn Fn(&Mention) -> bool) -> usize {
    let t = part.mentions[i];
    let rank_t = trigger(&t).map_or(0, |(_, r)| r);
    let (cs, ce) = clause_of(part, &t, lo, hi);
    let mut best = (rank_t, 0u32, i);
    for (j, m) in part.mentions.iter().enumerate() {
        if m.start < cs || m.end > ce || j == i || !usable(m) {
            continue;
        }
        let Some((_, rank)) = trigger(m) else {
            continue;
        };
        let d = distance(m, (t.start, t.end));
        if rank_t >= 4 && d > OVERRIDE_REACH {
            continue;
        }
        if rank > best.0 || (rank == best.0 && best.2 != i && d < best.1) {
            best = (rank, d, j);
        }
    }
    let chosen = best.2;
    if trigger(&part.mentions[chosen]).is_some_and(|(c, _)| c == Code::Bombardment) {
        let (ss, se) = sentence_span(part, &t, lo, hi);
        let near = |m: &Mention| {
            let (a, b) = if m.end <= t.start {
                (m.end, t.start)
            } else {
                (t.end, m.start)
            };
            distance(m, (t.start, t.end)) <= AIR_REACH
                && count_between(&part.clause_marks, a, b.max(a)) <= 1
        };
        let air = part
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.start >= ss && m.end <= se && usable(m) && near(m))
            .filter(|(_, m)| trigger(m).is_some_and(|(c, _)| c == Code::Air))
            .min_by_key(|(_, m)| distance(m, (t.start, t.end)));
        if let Some((j, _)) = air {
            return j;
        }
    }
    chosen
}

/// The sentence around `m` within `lo..hi`.
fn sentence_span(part: &Part, m: &Mention, lo: u32, hi: u32) -> (u32, u32) {
    let marks = &part.sentence_marks;
    let i = marks.partition_point(|&x| x < m.start);
    let start = if i > 0 { marks[i - 1] } else { 0 }.max(lo);
    let end = marks.get(i).copied().unwrap_or(u32::MAX).min(hi);
    (start, end.max(start))
}
