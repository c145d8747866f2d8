//! Describing one claim: which trigger explains its toll, in which order
//! the text is searched, and the actors of that trigger.
//!
//! The search widens step by step and stops at the first step that names
//! a cause: the claim's own sentence (nearest trigger to the number, then
//! the strongest word of its clause); a perpetrator with civilian victims
//! in that sentence (مسلحون قتلوا 5 مدنيين: an attack even without a
//! weapon word); the sentences around it in its paragraph (three before,
//! one after: many reports arrive as one long line, whose "paragraph" is
//! the whole text); the title; the lead sentence. A toll with none of
//! these has no class.

use crate::actors::{actor, at_toll, blamed, byte_of, marked_target, perpetrator, Toll};
use crate::lexicon::Cue;
use crate::scan::{Kind, Mention, Part, Role};
use crate::triggers::{classify, nearest, strongest, trigger, Code, Context, Victims};
use crate::{Actor, EventClass, EventDescription, Span};

/// Every trigger and actor of one report, ready to describe its claims.
/// Owns a copy of the text (and title) it points into.
#[derive(Debug, Clone)]
pub struct ReportEvents {
    pub(crate) body: Part,
    pub(crate) title: Option<Part>,
}

/// Which part of the report a mention is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Where {
    Body,
    Title,
}

/// The trigger found for a claim, and the sentence it stands in.
#[derive(Debug, Clone, Copy)]
struct Found {
    at: Where,
    index: usize,
    sentence: (u32, u32),
}

/// The first mark at or after `from`.
fn next_mark(marks: &[u32], from: u32) -> Option<u32> {
    marks.get(marks.partition_point(|&x| x < from)).copied()
}

/// The sentence holding character `pos`: from after the mark before it to
/// its closing mark (included).
fn sentence_of(part: &Part, pos: u32) -> (u32, u32) {
    let marks = &part.sentence_marks;
    let i = marks.partition_point(|&x| x < pos);
    let lo = if i > 0 { marks[i - 1] + 1 } else { 0 };
    let hi = marks.get(i).map_or(part.len, |&m| (m + 1).min(part.len));
    (lo.min(hi), hi)
}

/// The sentences around `ss..se` inside the paragraph `ps..pe`: `before`
/// sentences before it and `after` after it.
fn around(
    part: &Part,
    ps: u32,
    pe: u32,
    ss: u32,
    se: u32,
    before: usize,
    after: usize,
) -> (u32, u32) {
    let marks = &part.sentence_marks;
    let i = marks.partition_point(|&x| x < ss);
    let lo = if i > before {
        marks[i - before - 1] + 1
    } else {
        0
    };
    let mut j = marks.partition_point(|&x| x < se);
    // The claim's own closing mark, when its sentence stops before it.
    if marks.get(j).is_some_and(|&m| m <= se + 1) {
        j += 1;
    }
    let hi = match after {
        0 => se,
        n => marks.get(j + n - 1).map_or(part.len, |&m| m + 1),
    };
    (lo.max(ps), hi.min(pe).max(se))
}

/// The span of a mention.
fn span(part: &Part, m: &Mention) -> Span {
    Span {
        start: m.start as usize,
        end: m.end as usize,
        text: part
            .text
            .get(m.byte_start as usize..m.byte_end as usize)
            .unwrap_or("")
            .to_string(),
        in_title: part.in_title,
    }
}

/// The actor of a mention, with its evidence.
fn actor_out(part: &Part, m: &Mention) -> Option<Actor> {
    actor(m).map(|a| Actor {
        name: a.name,
        evidence: span(part, m),
    })
}

/// Protesters or a protest named in `lo..hi`.
fn protest_in(p: &Part, lo: u32, hi: u32) -> bool {
    p.mentions.iter().any(|m| {
        m.start >= lo
            && m.end <= hi
            && (m.kind == Kind::Cue(Cue::Protest) || actor(m).is_some_and(|a| a.inter == 6))
    })
}

/// Force words (تفريق, قمع, الغاز المسيل للدموع) are violence only when
/// their sentence names protesters; an execution in a sentence about a
/// court (قضت محكمة بإعدام) is a judicial one, which ACLED does not code.
fn usable(p: &Part) -> impl Fn(&Mention) -> bool + '_ {
    move |m: &Mention| match trigger(m) {
        Some((Code::Force, _)) => {
            let (lo, hi) = sentence_of(p, m.start);
            protest_in(p, lo, hi)
        }
        Some((Code::Attack, _)) => {
            let (lo, hi) = sentence_of(p, m.start);
            !p.mentions
                .iter()
                .any(|c| c.start >= lo && c.end <= hi && c.kind == Kind::Cue(Cue::Judicial))
        }
        _ => true,
    }
}

impl ReportEvents {
    fn part(&self, at: Where) -> &Part {
        match (at, &self.title) {
            (Where::Title, Some(t)) => t,
            _ => &self.body,
        }
    }

    /// The event of the claim whose sentence is sentence_start..sentence_end
    /// (char offsets of `text`), whose number stands at
    /// claim_start..claim_end, within the paragraph starting at
    /// paragraph_start. Offsets past the text are clamped and reversed
    /// ranges put in order, so any input gives an answer.
    pub fn describe(
        &self,
        sentence_start: usize,
        sentence_end: usize,
        claim_start: usize,
        claim_end: usize,
        paragraph_start: usize,
    ) -> EventDescription {
        let b = &self.body;
        let clamp = |x: usize| x.min(b.len as usize) as u32;
        let ordered = |x: usize, y: usize| {
            let (x, y) = (clamp(x), clamp(y));
            (x.min(y), x.max(y))
        };
        let (ss, se) = ordered(sentence_start, sentence_end);
        let (cs, ce) = ordered(claim_start, claim_end);
        let ps = clamp(paragraph_start).min(ss);
        let pe = next_mark(&b.paragraph_marks, se).unwrap_or(b.len).max(se);
        let toll = Toll {
            sentence: (ss, se),
            chars: (cs, ce),
            bytes: (byte_of(&b.text, cs), byte_of(&b.text, ce)),
        };
        let (victim, victims) = at_toll(b, &toll);
        let body_usable = usable(b);

        // 1. The claim's sentence.
        let mut found = nearest(b, ss, se, (cs, ce), 1, &body_usable).map(|index| Found {
            at: Where::Body,
            index,
            sentence: (ss, se),
        });
        if found.is_none() {
            // 2. A perpetrator and civilian victims in the sentence.
            if let Some(d) = self.implicit_attack(ss, se, victim, victims) {
                return d;
            }
            // 3. The sentences around it in its paragraph.
            let (lo, hi) = around(b, ps, pe, ss, se, 3, 1);
            found = nearest(b, lo, hi, (ss, se), 2, &body_usable).map(|index| Found {
                at: Where::Body,
                index,
                sentence: sentence_of(b, b.mentions[index].start),
            });
        }
        // A generic word (الهجوم، هجوم السبت) points back to the attack the
        // report is about: the title's or the lead's specific word names it
        // (هجوم كيماوي ... الهجوم أسفر عن 70 قتيلا).
        if let Some(f) = &found {
            if f.at == Where::Body && anaphoric(b, &b.mentions[f.index]) {
                if let Some(named) = self.named_before(ss, &body_usable) {
                    found = Some(named);
                }
            }
        }
        // 4. The title.
        if found.is_none() {
            if let Some(t) = &self.title {
                let u = usable(t);
                found = strongest(t, 0, t.len, &u).map(|index| Found {
                    at: Where::Title,
                    index,
                    sentence: sentence_of(t, t.mentions[index].start),
                });
            }
        }
        // 5. The lead sentence.
        if found.is_none() {
            let lead = sentence_of(b, 0);
            if ss >= lead.1 {
                found = strongest(b, lead.0, lead.1, &body_usable).map(|index| Found {
                    at: Where::Body,
                    index,
                    sentence: lead,
                });
            }
        }
        let Some(found) = found else {
            return EventDescription::default();
        };
        self.finish(found, &toll, victim, victims)
    }

    /// The attack a definite generic word before `at` refers to: the
    /// specific trigger (rank 4 or more) of the title, else of the lead
    /// sentence, else the last one before `at`.
    fn named_before(&self, at: u32, body_usable: &dyn Fn(&Mention) -> bool) -> Option<Found> {
        let specific = |p: &Part, i: usize| trigger(&p.mentions[i]).is_some_and(|(_, r)| r >= 4);
        if let Some(t) = &self.title {
            let u = usable(t);
            if let Some(index) = strongest(t, 0, t.len, &u).filter(|&i| specific(t, i)) {
                return Some(Found {
                    at: Where::Title,
                    index,
                    sentence: sentence_of(t, t.mentions[index].start),
                });
            }
        }
        let b = &self.body;
        let lead = sentence_of(b, 0);
        if let Some(index) = strongest(b, lead.0, lead.1, body_usable).filter(|&i| specific(b, i)) {
            return Some(Found {
                at: Where::Body,
                index,
                sentence: lead,
            });
        }
        (0..b.mentions.len())
            .rev()
            .find(|&i| b.mentions[i].end <= at && body_usable(&b.mentions[i]) && specific(b, i))
            .map(|index| Found {
                at: Where::Body,
                index,
                sentence: sentence_of(b, b.mentions[index].start),
            })
    }

    /// The class and actors of the trigger `f` for the toll.
    fn finish(
        &self,
        f: Found,
        toll: &Toll,
        victim: Option<usize>,
        victims: Victims,
    ) -> EventDescription {
        let b = &self.body;
        let part = self.part(f.at);
        let Some(t) = part.mentions.get(f.index) else {
            return EventDescription::default();
        };
        let Some((code, _)) = trigger(t) else {
            return EventDescription::default();
        };
        let (ss, se) = toll.sentence;
        let protest = protest_in(b, ss, se) || protest_in(part, f.sentence.0, f.sentence.1);
        if code.is_non_conflict() {
            let cx = Context {
                victims,
                protest,
                state_perpetrator: None,
            };
            let (event_type, sub_event_type) = classify(code, &cx);
            return EventDescription {
                class: Some(EventClass {
                    event_type,
                    sub_event_type,
                    trigger: span(part, t),
                }),
                actor1: None,
                actor2: None,
            };
        }

        // The target: the group named at the toll, else a force the
        // trigger's clause marks as hit.
        let target: Option<(Where, usize)> = victim
            .filter(|&i| b.mentions.get(i).and_then(actor).is_some())
            .map(|i| (Where::Body, i))
            .or_else(|| {
                marked_target(part, f.index, f.sentence.0, f.sentence.1).map(|i| (f.at, i))
            });
        let target_mention = target.and_then(|(w, i)| self.part(w).mentions.get(i).copied());
        let target_actor = target_mention.as_ref().and_then(actor);
        let exclude = target.filter(|(w, _)| *w == f.at).map(|(_, i)| i);

        // The perpetrator: from the trigger outward, else whoever the
        // text blames in the claim's sentence or the two after it (the
        // next paragraph too: a claim of responsibility often opens one).
        let perp: Option<(Where, usize)> = perpetrator(
            part,
            f.index,
            f.sentence.0,
            f.sentence.1,
            exclude,
            target_actor.map(|a| a.name),
        )
        .map(|i| (f.at, i))
        .or_else(|| {
            let (_, hi) = around(b, ss, b.len, ss, se, 0, 2);
            blamed(b, ss, hi)
                .filter(|&i| {
                    Some(i) != victim
                        && b.mentions.get(i).and_then(actor).map(|a| a.name)
                            != target_actor.map(|a| a.name)
                })
                .map(|i| (Where::Body, i))
        });
        // In a clash the other side is named like a target (اشتباكات مع
        // هيئة تحرير الشام): when the toll names one side, that is the
        // other.
        let perp = perp.or_else(|| {
            if code != Code::Clash || target.is_none() {
                return None;
            }
            let (lo, hi) = f.sentence;
            part.mentions
                .iter()
                .enumerate()
                .filter(|(i, m)| m.start >= lo && m.end <= hi && Some((f.at, *i)) != target)
                .filter_map(|(i, m)| actor(m).map(|a| (i, m, a)))
                .filter(|(_, _, a)| {
                    a.role == Role::Target
                        && !a.weak
                        && !a.is_victim_group()
                        && Some(a.name) != target_actor.map(|t| t.name)
                })
                .min_by_key(|(_, m, _)| m.start.abs_diff(t.start))
                .map(|(i, _, _)| (f.at, i))
        });
        let perp_mention = perp.and_then(|(w, i)| self.part(w).mentions.get(i).copied());
        let perp_actor = perp_mention.as_ref().and_then(actor);

        let victims = match (victims, target_actor) {
            (Victims::Unknown, Some(a)) => match a.inter {
                7 => Victims::Civilians,
                6 => Victims::Protesters,
                _ => Victims::Armed,
            },
            (v, _) => v,
        };
        let cx = Context {
            victims,
            protest,
            state_perpetrator: perp_actor.map(|a| a.is_state()),
        };
        let (event_type, sub_event_type) = classify(code, &cx);
        EventDescription {
            class: Some(EventClass {
                event_type,
                sub_event_type,
                trigger: span(part, t),
            }),
            actor1: perp
                .zip(perp_mention)
                .and_then(|((w, _), m)| actor_out(self.part(w), &m)),
            actor2: target
                .zip(target_mention)
                .and_then(|((w, _), m)| actor_out(self.part(w), &m)),
        }
    }

    /// No weapon word in the sentence, but civilians (or protesters) killed
    /// and an armed group that did it (مسلحون أطلقوا ... 5 مدنيين, قتلت
    /// قوات الأمن متظاهرين): an attack on civilians (or force against
    /// protesters), its evidence the perpetrator's name.
    fn implicit_attack(
        &self,
        ss: u32,
        se: u32,
        victim: Option<usize>,
        victims: Victims,
    ) -> Option<EventDescription> {
        if !matches!(victims, Victims::Civilians | Victims::Protesters) {
            return None;
        }
        let b = &self.body;
        let (m, a) = b
            .mentions
            .iter()
            .enumerate()
            .filter(|(i, m)| m.start >= ss && m.end <= se && Some(*i) != victim)
            .filter_map(|(_, m)| actor(m).map(|a| (m, a)))
            .find(|(_, a)| {
                !a.is_victim_group()
                    && (a.role == Role::Agent
                        || (a.role == Role::Plain && !a.weak && !a.is_state()))
            })?;
        let cx = Context {
            victims,
            protest: victims == Victims::Protesters,
            state_perpetrator: Some(a.is_state()),
        };
        let code = if victims == Victims::Protesters {
            Code::Force
        } else {
            Code::Attack
        };
        let (event_type, sub_event_type) = classify(code, &cx);
        Some(EventDescription {
            class: Some(EventClass {
                event_type,
                sub_event_type,
                trigger: span(b, m),
            }),
            actor1: actor_out(b, m),
            actor2: victim
                .and_then(|v| b.mentions.get(v))
                .and_then(|v| actor_out(b, v)),
        })
    }
}

/// Whether a trigger is the generic word (rank 1: هجوم، الهجوم، هجوم
/// السبت): it names no means, and refers to an attack the report names
/// better elsewhere.
fn anaphoric(_p: &Part, m: &Mention) -> bool {
    trigger(m).is_some_and(|(_, rank)| rank == 1)
}
