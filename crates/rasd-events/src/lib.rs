//! Event types and actors of casualty claims, the way ACLED codes them.
//!
//! For each claim (a toll and the sentence that holds it) Rasd wants to
//! know what killed the victims — an air strike, a car bomb, a clash, a
//! traffic accident — and who did it to whom. [`EventTagger`] reads a
//! report once, finding every trigger word (غارة, سيارة مفخخة, اشتباكات,
//! حادث سير), every actor name (قوات النظام, الطيران الروسي, داعش,
//! مسلحون, مدنيين) and the cue words around them; [`ReportEvents::describe`]
//! then answers for one claim, looking first in its own sentence, then
//! around it, then in the title and lead.
//!
//! ```
//! use rasd_events::EventTagger;
//! let text = "قتل 25 شخصا في انفجار سيارة مفخخة في مدينة أعزاز.";
//! let tagger = EventTagger::new();
//! let events = tagger.analyze(None, text);
//! let n = text.chars().count();
//! let d = events.describe(0, n, 4, 6, 0);
//! let class = d.class.unwrap();
//! assert_eq!(class.event_type, "Explosions/Remote violence");
//! assert_eq!(class.sub_event_type, "Remote explosive/landmine/IED");
//! assert_eq!(class.trigger.text, "سيارة مفخخة");
//! ```
//!
//! Types are ACLED's event and sub-event types, spelled as ACLED spells
//! them, plus one extension: tolls of accidents, disasters and disease get
//! event type `"Non-conflict"` with a sub-type among `"Traffic accident"`,
//! `"Fire"`, `"Building collapse"`, `"Natural disaster"`, `"Disease"`,
//! `"Drowning"`, `"Other accident"`, and no actors. Actors are named as
//! ACLED names them (`"Military Forces of Syria"`, `"Islamic State"`,
//! `"Unidentified Armed Group"`, `"Civilians"`). The word lists live in
//! `data/*.tsv`, each documented at its top.
//!
//! A source of a figure is never an actor: المرصد السوري, الدفاع المدني,
//! وزارة الدفاع الروسية and ناشطون are matched as sources and whatever names
//! they contain is dropped, so "وزارة الدفاع الروسية أن نحو 30 مدنيا قتلوا"
//! does not make Russia a perpetrator.

mod actors;
mod describe;
mod key;
mod lexicon;
mod scan;
mod triggers;

use serde::Serialize;

pub use describe::ReportEvents;
pub use triggers::{
    BATTLES, EXPLOSIONS, NON_CONFLICT, PROTESTS, RIOTS, VIOLENCE_AGAINST_CIVILIANS,
};

use key::Raw;
use lexicon::Lexicon;
use scan::Part;

/// A span of the original text in characters (Unicode scalar values).
/// When `in_title` is true the offsets are in the title, not the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_title: bool,
}

/// The ACLED event and sub-event type of a claim, and the word that says it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventClass {
    pub event_type: &'static str,
    pub sub_event_type: &'static str,
    pub trigger: Span,
}

/// An actor by its canonical (ACLED-style) name, with the words naming it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub name: &'static str,
    pub evidence: Span,
}

/// What the text says about the event behind one claim. Every field is
/// `None` when the text does not say it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct EventDescription {
    pub class: Option<EventClass>,
    /// The perpetrator (ACLED actor 1).
    pub actor1: Option<Actor>,
    /// The target (ACLED actor 2).
    pub actor2: Option<Actor>,
}

/// Built once (lexicons, automaton); shareable across threads (Send + Sync).
pub struct EventTagger {
    lexicon: Lexicon,
}

impl Default for EventTagger {
    fn default() -> Self {
        Self::new()
    }
}

impl EventTagger {
    /// Loads the bundled word lists and builds the automaton (a few
    /// milliseconds: build one tagger and share it).
    pub fn new() -> Self {
        EventTagger {
            lexicon: Lexicon::load(),
        }
    }

    /// Normalizes the report once and finds every trigger and actor mention.
    /// The report's country (from the places it names, the title counting
    /// triple) decides what generic names mean: الجيش is Syria's army in a
    /// report about Syria, التحالف the Saudi-led coalition in one about
    /// Yemen.
    pub fn analyze(&self, title: Option<&str>, text: &str) -> ReportEvents {
        let lex = &self.lexicon;
        let raw_body = Raw::new(lex, text);
        let raw_title = title.map(|t| Raw::new(lex, t));
        let mut counts = vec![0u32; lex.countries.len()];
        raw_body.count_countries(&mut counts, 1);
        if let Some(r) = &raw_title {
            r.count_countries(&mut counts, 3);
        }
        let country = counts
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .max_by_key(|(i, &n)| (n, std::cmp::Reverse(*i)))
            .map(|(i, _)| i as u8);
        ReportEvents {
            body: Part::new(lex, raw_body, text, false, country),
            title: title
                .zip(raw_title)
                .map(|(t, r)| Part::new(lex, r, t, true, country)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagger_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<EventTagger>();
        check::<ReportEvents>();
    }

    #[test]
    fn bundled_lexicons_load() {
        let lex = Lexicon::load();
        assert!(lex.patterns.len() > 500);
        assert!(lex
            .actors
            .iter()
            .any(|a| a.name == "Military Forces of Syria"));
    }
}
