//! Finding claims sentence by sentence.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::attribution::{self, Attribution};
use super::places::{self, Mention};
use super::{Kind, Lexicons, Modality, Qualifier, Victims};
use crate::normalize::NormalizedText;
use crate::numbers::{self, Quantity};
use crate::segment::{Segmented, Token, TokenKind};

/// The tokens of one sentence, with their normalized words.
pub struct View<'a> {
    pub lex: &'a Lexicons,
    words: &'a [&'a str],
    kinds: &'a [TokenKind],
    tokens: &'a [Token],
    /// The whole report's words, kinds and tokens, for evidence beyond the
    /// sentence.
    report_words: &'a [&'a str],
    report_kinds: &'a [TokenKind],
    report_tokens: &'a [Token],
    /// The words the report names as people, found once for the report.
    report_names: &'a std::cell::OnceCell<HashSet<String>>,
}

impl<'a> View<'a> {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    pub fn word_is(&self, i: usize, w: &str) -> bool {
        self.words.get(i).is_some_and(|x| *x == w)
    }

    /// The whole report as one view.
    fn report(&self) -> View<'a> {
        View {
            words: self.report_words,
            kinds: self.report_kinds,
            tokens: self.report_tokens,
            ..*self
        }
    }

    /// Up to `n` words from `i`.
    pub fn window(&self, i: usize, n: usize) -> &'a [&'a str] {
        let i = i.min(self.words.len());
        &self.words[i..(i + n).min(self.words.len())]
    }

    pub fn is_punct(&self, i: usize) -> bool {
        matches!(self.kinds.get(i), Some(TokenKind::Punct(_)))
    }

    pub fn punct_char(&self, i: usize) -> Option<char> {
        match self.kinds.get(i) {
            Some(TokenKind::Punct(c)) => Some(*c),
            _ => None,
        }
    }

    /// An opening quotation mark or bracket: «10 عسكريين», (5).
    fn opens_quote(&self, i: usize) -> bool {
        matches!(self.punct_char(i), Some('"' | '«' | '“' | '('))
    }

    /// A closing quotation mark or bracket.
    fn closes_quote(&self, i: usize) -> bool {
        matches!(self.punct_char(i), Some('"' | '»' | '”' | ')'))
    }

    pub fn is_number(&self, i: usize) -> bool {
        matches!(self.kinds.get(i), Some(TokenKind::Number))
    }

    /// Normalized byte span of local tokens `first..end`.
    fn span(&self, first: usize, end: usize) -> (usize, usize) {
        let last = self.tokens.len().saturating_sub(1);
        let first = first.min(last);
        let end = end.max(first + 1).min(self.tokens.len());
        (
            self.tokens[first].start as usize,
            self.tokens[end - 1].end as usize,
        )
    }

    fn is_clause_break(&self, i: usize) -> bool {
        matches!(
            self.punct_char(i),
            Some(',' | ';' | ':' | '(' | ')' | '-' | '.' | '?' | '!')
        )
    }
}

/// A claim found in the normalized text, before its spans are mapped back.
#[derive(Debug, Clone)]
pub struct Found {
    pub kind: Kind,
    pub value: Option<u64>,
    pub qualifier: Qualifier,
    pub victims: Victims,
    pub breakdown: Option<BTreeMap<String, Option<u64>>>,
    pub modality: Option<Modality>,
    pub evidence: (usize, usize),
    pub sentence: (usize, usize),
    pub place: Option<(usize, usize)>,
    pub source: Option<FoundSource>,
    sentence_index: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundSource {
    pub span: (usize, usize),
    /// The body a spokesman speaks for, when it is not a known source.
    pub body: Option<(usize, usize)>,
    pub canonical: Option<String>,
    pub source_type: Option<String>,
}

/// A person noun found behind a clitic.
struct PersonWord<'a> {
    category: Victims,
    number: &'a str,
    /// Counts one (or two) alone: شخص، طفلين.
    implicit: bool,
    /// No further clitic behind the one stripped.
    plain: bool,
}

/// A claim inside one sentence, in local token indices.
#[derive(Debug, Clone)]
struct Draft {
    kind: Kind,
    value: Option<u64>,
    qualifier: Qualifier,
    victims: Option<Victims>,
    /// آخرون: victims of the toll before.
    others: bool,
    first: usize,
    end: usize,
    /// Where the count's noun phrase ends: breakdowns and distributive lists follow.
    tail: usize,
    distributive: Option<Mention>,
}

impl Draft {
    /// A count of `first..end` whose noun phrase ends with it, tied to no
    /// place list and to no toll before it.
    fn counted(
        kind: Kind,
        value: Option<u64>,
        qualifier: Qualifier,
        victims: Option<Victims>,
        first: usize,
        end: usize,
    ) -> Draft {
        Draft {
            kind,
            value,
            qualifier,
            victims,
            others: false,
            first,
            end,
            tail: end,
            distributive: None,
        }
    }

    /// One person killed: a named victim, a relative clause, a case.
    fn one_killed(victims: Victims, first: usize, end: usize) -> Draft {
        Draft::counted(
            Kind::Killed,
            Some(1),
            Qualifier::Exact,
            Some(victims),
            first,
            end,
        )
    }
}

/// What follows a count.
enum Noun {
    Casualty {
        kind: Kind,
        category: Option<Victims>,
        end: usize,
    },
    Person {
        category: Victims,
        end: usize,
    },
    Others {
        end: usize,
    },
    /// بين قتيل وجريح: a total of killed and injured.
    Joint,
    /// Nothing that names what is counted (a preposition, punctuation, a verb).
    Bare,
    /// Something else is counted: 40 صاروخا، 16 حيا.
    Blocked,
}

struct Trigger {
    kind: Kind,
    start: usize,
    end: usize,
    figurative: bool,
    /// Two casualty words joined: مقتل وإصابة 50.
    joint: bool,
}

/// Words that may follow a bare count without naming what is counted.
const BARE_FOLLOWERS: &[&str] = &[
    "في",
    "علي",
    "من",
    "الي",
    "جراء",
    "اثر",
    "بعد",
    "خلال",
    "بينهم",
    "منهم",
    "بسبب",
    "نتيجه",
    "حين",
    "فيما",
    "بينما",
    "عندما",
    "حتي",
    "امس",
    "اليوم",
    "ايضا",
    "قد",
    "اخرون",
    "اخرين",
    "اغلبهم",
    "معظمهم",
    // قتل 7 يرجح أنهم من تنظيم القاعدة: a guess about who they were.
    "يرجح",
    "يعتقد",
    "يشتبه",
    "اثناء",
    "عقب",
    "اليوم",
    "الان",
    "اخري",
    "حسب",
    "بحسب",
    "وفق",
    "وفقا",
    "اخرا",
    "بجروح",
    "بجراح",
    "باصابات",
    "تحت",
    "داخل",
    "قرب",
    "غالبيتهم",
    "وسط",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "اما",
    "لا",
    "لدي",
    "عند",
    "كما",
    "اضافه",
    "فضلا",
    "حسبما",
    "طبقا",
    "مقابل",
    "حيث",
    "ثم",
    "منذ",
    "قبل",
    "مع",
    "عبر",
    "ضمن",
    "دون",
    "جميعهم",
    "كلهم",
    "معظمهم",
    // time words and subordinators: إلى ثلاثة ليل الجمعة، وأصيب 72 حينما
    "ليل",
    "ليله",
    "مساء",
    "صباح",
    "يوم",
    "فجر",
    "ظهر",
    "عصر",
    "حينما",
    "بعدما",
    "لما",
    "قبيل",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "السبت",
    "الاحد",
    "فيه",
    "فيها",
    "بها",
    "به",
];

const SPECULATIVE: &[&str] = &[
    "قد",
    "ربما",
    "يرجح",
    "يخشي",
    "مرجح",
    "يحتمل",
    "يتوقع",
    "احتمال",
    "رجح",
    "يرجح",
    "ترجح",
    "توقع",
    "وقد",
];
/// Past verbs that open with ت like a present one: وقد توفي 5، قد تم قتل.
const PAST_IN_TA: &[&str] = &[
    "توفي",
    "توفيت",
    "توفوا",
    "توفيا",
    "تم",
    "تمت",
    "تعرض",
    "تعرضت",
    "تعرضوا",
    "تسبب",
    "تسببت",
];
const DENIAL: &[&str] = &[
    "نفي",
    "نفت",
    "ينفي",
    "تنفي",
    "نافيا",
    "نافيه",
    "نفوا",
    "كذب",
    "كذبت",
];
const BREAKDOWN_MARKERS: &[&str] = &[
    "بينهم",
    "منهم",
    "بينهن",
    "منهن",
    "بينهما",
    "منهما",
    "معظمهم",
    "اغلبهم",
    "غالبيتهم",
];

impl<'a> View<'a> {
    fn quantity_at(&self, i: usize) -> Option<Quantity> {
        numbers::parse_at(self.words, self.kinds, i)
    }

    fn qualifier_before(&self, q_first: usize) -> Option<(Qualifier, usize)> {
        for len in (1..=4).rev() {
            if len > q_first {
                continue;
            }
            let start = q_first - len;
            if let Some(hit) = self
                .lex
                .qualifiers
                .lookup(&self.words[start..q_first], Some("qualifier_before"))
            {
                if hit.len == len {
                    return hit
                        .entry
                        .attr("q")
                        .and_then(Qualifier::parse)
                        .map(|q| (q, start));
                }
            }
        }
        None
    }

    fn qualifier_after(&self, at: usize) -> Option<(Qualifier, usize)> {
        let hit = self
            .lex
            .qualifiers
            .lookup(self.window(at, 4), Some("qualifier_after"))?;
        hit.entry
            .attr("q")
            .and_then(Qualifier::parse)
            .map(|q| (q, at + hit.len))
    }

    fn count_noun(&self, at: usize) -> Option<(Kind, Option<Victims>, usize, &'a str)> {
        let hit = self
            .lex
            .casualties
            .lookup(self.window(at, 3), Some("count_noun"))?;
        if hit.clitics.preposition.is_some() || hit.clitics.conjunction {
            return None;
        }
        count_noun_of(&hit, at + hit.len)
    }

    /// A casualty noun with a glued ل, after a toll head: العدد الإجمالي
    /// للقتلى.
    fn count_noun_after_lam(&self, at: usize) -> Option<(Kind, Option<Victims>, usize, &'a str)> {
        let hit = self
            .lex
            .casualties
            .lookup(self.window(at, 1), Some("count_noun"))?;
        if hit.clitics.preposition != Some('ل') || hit.clitics.conjunction {
            return None;
        }
        count_noun_of(&hit, at + hit.len)
    }

    /// A casualty noun with a glued و: وشهيدان، وشهيد.
    fn count_noun_after_conjunction(
        &self,
        at: usize,
    ) -> Option<(Kind, Option<Victims>, usize, &'a str)> {
        let rest = self.word(at).strip_prefix('و')?;
        let hit = self.lex.casualties.lookup(&[rest], Some("count_noun"))?;
        if hit.clitics != crate::lexicon::Clitics::default() || hit.len != 1 {
            return None;
        }
        count_noun_of(&hit, at + 1)
    }

    fn person(&self, at: usize) -> Option<(Victims, usize, &'a str, bool)> {
        let Some(hit) = self.lex.persons.lookup(self.window(at, 3), Some("person")) else {
            return self
                .person_with_pronoun(at)
                .or_else(|| self.nisba_plural(at));
        };
        if hit.clitics.preposition.is_some() || hit.clitics.conjunction {
            return None;
        }
        let category = Victims::parse(hit.entry.attr("category")?)?;
        Some((
            category,
            at + hit.len,
            hit.entry.attr("number").unwrap_or("plural"),
            hit.entry.has("implicit") && !hit.clitics.article,
        ))
    }

    /// مئات الليبيين، 12 بنغاليين، عدد من الإيغوريين: counted, a sound
    /// masculine plural of a nisba names people whatever its root, as Arabic
    /// gives that plural to people only; the lexicon need not list every
    /// nationality. Uncounted it stays unread: مقتل إسرائيليين may be two.
    /// (Not ملايين، تعيين, nor the dual adjectives of time, اليومين الماضيين.)
    fn nisba_plural(&self, at: usize) -> Option<(Victims, usize, &'a str, bool)> {
        let w = self.word(at);
        let stem = w.strip_prefix("ال").unwrap_or(w);
        let plural = stem.ends_with("يين") || (stem != w && stem.ends_with("يون"));
        // قرابة ألف أفغاني، 38 هنديا: from eleven on a count takes the
        // singular, and a nisba right after it names people too.
        let singular = stem == w && (stem.ends_with('ي') || stem.ends_with("يا"));
        // (Cheap tests first: person() asks this of most words.)
        if !plural && !singular {
            return None;
        }
        // مقتل (19) أمريكيا: the count may stand in brackets.
        let count_end = if at > 0 && self.closes_quote(at - 1) {
            at - 1
        } else {
            at
        };
        let counted = || {
            if singular {
                return count_end > 0
                    && self.quantity_at(count_end - 1).is_some_and(|q| {
                        q.end == count_end && !q.not_a_count && q.value.is_some_and(|n| n >= 11)
                    })
                    && !matches!(
                        stem,
                        "الماضي"
                            | "ماضي"
                            | "حالي"
                            | "تالي"
                            | "ثاني"
                            | "جاري"
                            | "اهالي"
                            | "ليالي"
                            | "ميلادي"
                            | "ميلاديا"
                            | "هجري"
                            | "هجريا"
                            | "سنويا"
                            | "يوميا"
                            | "شهريا"
                    );
            }
            (1..=3).any(|d| {
                count_end >= d
                    && self.quantity_at(count_end - d).is_some_and(|q| {
                        q.end == count_end || (q.end + 1 == at && self.word_is(at - 1, "من"))
                    })
            })
        };
        let known = |lex: &crate::lexicon::Lexicon| lex.lookup(&[w], None).is_some();
        if stem.chars().count() < 6
            || stem.ends_with("ملايين")
            || stem.ends_with("تعيين")
            || self.is_punct(at)
            || w.starts_with('و')
            || has_glued_article(w)
            || matches!(stem, "ماضيين" | "تاليين" | "ثانيين")
            || known(&self.lex.casualties)
            || known(&self.lex.places)
            || known(&self.lex.attribution)
            || !counted()
        {
            return None;
        }
        Some((
            Victims::People,
            at + 1,
            if singular { "sing" } else { "plural" },
            false,
        ))
    }

    /// True when the word at `at` carries a conjunction و, not a و of its
    /// own letters (واحدة، وزارة).
    fn has_conjunction(&self, at: usize) -> bool {
        let w = self.word(at);
        let Some(rest) = w.strip_prefix('و') else {
            return false;
        };
        let own = |lex: &crate::lexicon::Lexicon| {
            lex.lookup(&[w], None)
                .is_some_and(|h| !h.clitics.conjunction)
        };
        if own(numbers::lexicon()) || own(&self.lex.persons) || own(&self.lex.casualties) {
            return false;
        }
        numbers::lexicon().lookup(&[rest], None).is_some()
            || self.qualifier_with_conjunction(at, rest)
            || self.lex.persons.lookup(&[rest], None).is_some()
            || self.lex.casualties.lookup(&[rest], None).is_some()
    }

    /// وأكثر من، وما يزيد على: a qualifier of several words behind و.
    fn qualifier_with_conjunction(&self, at: usize, rest: &str) -> bool {
        let next = self.window(at + 1, 3);
        let mut words = [""; 4];
        words[0] = rest;
        words[1..=next.len()].copy_from_slice(next);
        self.lex
            .qualifiers
            .lookup(&words[..=next.len()], None)
            .is_some()
    }

    /// مسلح يقتل ويصيب «9» أشخاص: an imperfect verb with a count after it is
    /// active, and the noun before it is its subject, not a victim.
    fn active_with_object(&self, t: &Trigger) -> bool {
        let mut at = t.end;
        if self.word(at).starts_with('و') && self.trigger_at(at).is_some() {
            at += 1;
        }
        if self.opens_quote(at) {
            at += 1;
        }
        is_imperfect(self.word(t.start))
            && !t.joint
            && (self.quantity_at(at).is_some() || self.person(at).is_some())
    }

    /// True when an injured count counts infections: a disease word in its
    /// clause, or, in a report about a disease, no word of a wound.
    fn counts_infections(&self, d: &Draft, disease_report: bool) -> bool {
        let mut end = d.end;
        while end < self.len()
            && end < d.end + 10
            && !matches!(self.punct_char(end), Some('.' | ';' | '?' | '!'))
        {
            end += 1;
        }
        let disease = (d.first..end).any(|k| self.is_disease(k));
        let wound = (d.first.saturating_sub(6)..end).any(|k| {
            let w = self.word(k);
            [
                "جروح",
                "جراح",
                "حروق",
                "شظايا",
                "رصاص",
                "اختناق",
                "كسور",
                "انفجار",
                "قصف",
                "حادث",
            ]
            .iter()
            .any(|x| w.contains(x))
        });
        disease || (disease_report && !wound)
    }

    fn is_disease(&self, k: usize) -> bool {
        self.lex
            .casualties
            .lookup(self.window(k, 1), Some("disease"))
            .is_some()
    }

    /// An indefinite word ending as a human noun does when counted: -ا (فنيا),
    /// -ين/-ون (عاملين، مسعفون).
    fn human_ending(&self, at: usize) -> bool {
        let w = self.word(at);
        !w.starts_with("ال")
            && w.chars().count() >= 4
            && (w.ends_with("يا") || w.ends_with("ين") || w.ends_with("ون"))
    }

    /// The word at `at` with a glued clitic (the و of a list, the ل of a
    /// genitive) read as a person noun: وأطفال، لمسلحين.
    fn person_with_clitic(&self, at: usize, clitic: char) -> Option<PersonWord<'a>> {
        let rest = self.word(at).strip_prefix(clitic)?;
        let hit = self.lex.persons.lookup(&[rest], Some("person"))?;
        Some(PersonWord {
            category: Victims::parse(hit.entry.attr("category")?)?,
            number: hit.entry.attr("number").unwrap_or("plural"),
            implicit: hit.entry.has("implicit"),
            plain: hit.clitics == crate::lexicon::Clitics::default(),
        })
    }

    /// من جنودها، من مسلحيها: a person noun with a possessive pronoun.
    fn person_with_pronoun(&self, at: usize) -> Option<(Victims, usize, &'a str, bool)> {
        let w = self.word(at);
        let stem = ["هما", "ها", "هم", "نا", "ه"]
            .iter()
            .find_map(|p| w.strip_suffix(p).filter(|s| s.chars().count() >= 3))?;
        // مسلحي + ها → مسلحين
        let plural = stem.strip_suffix('ي').map(|x| format!("{x}ين"));
        let hit = plural
            .as_deref()
            .and_then(|p| self.lex.persons.lookup(&[p], Some("person")))
            .or_else(|| self.lex.persons.lookup(&[stem], Some("person")))
            .filter(|h| h.clitics == crate::lexicon::Clitics::default())?;
        let category = Victims::parse(hit.entry.attr("category")?)?;
        Some((
            category,
            at + 1,
            hit.entry.attr("number").unwrap_or("plural"),
            false,
        ))
    }

    fn is_not_casualty(&self, at: usize) -> bool {
        self.lex
            .casualties
            .lookup(self.window(at, 4), Some("not_casualty"))
            .is_some()
    }

    /// A casualty word inside a phrase that is no casualty and starts before
    /// it: حكما [بإعدام] 7، قضت المحكمة [بإعدام] 75 (a sentence, not a killing).
    fn inside_not_casualty(&self, at: usize) -> bool {
        (at.saturating_sub(3)..at).any(|p| {
            self.lex
                .casualties
                .lookup(self.window(p, 4), Some("not_casualty"))
                .is_some_and(|h| p + h.len > at)
        })
    }

    fn noun_after(&self, at: usize) -> Noun {
        if at >= self.len() || self.is_punct(at) {
            return Noun::Bare;
        }
        if self
            .lex
            .casualties
            .lookup(self.window(at, 5), Some("joint"))
            .is_some()
        {
            return Noun::Joint;
        }
        if self.is_not_casualty(at) {
            return Noun::Blocked;
        }
        if let Some((kind, category, end, _)) = self.count_noun(at) {
            return Noun::Casualty {
                kind,
                category,
                end,
            };
        }
        if let Some((category, end, ..)) = self.person(at) {
            return Noun::Person { category, end };
        }
        // 30 من عناصر، عشرات من الجرحى
        if self.word_is(at, "من") {
            if let Some((kind, category, end, _)) = self.count_noun(at + 1) {
                return Noun::Casualty {
                    kind,
                    category,
                    end,
                };
            }
            if let Some((category, end, ..)) = self.person(at + 1) {
                return Noun::Person { category, end };
            }
        }
        if self.word_is(at, "من")
            && at + 1 < self.len()
            && !self.is_punct(at + 1)
            && !self.is_number(at + 1)
        {
            let w = self.word(at + 1);
            let pronoun = matches!(
                w,
                "بينهم"
                    | "بين"
                    | "هم"
                    | "اجل"
                    | "جهه"
                    | "قبل"
                    | "بعد"
                    | "خلال"
                    | "جراء"
                    | "اصل"
            );
            if !pronoun && self.trigger_at(at + 1).is_none() {
                return Noun::Person {
                    category: Victims::People,
                    end: at + 2,
                };
            }
        }
        if let Some(hit) = numbers::lexicon().lookup(self.window(at, 1), Some("vague")) {
            if hit.entry.has("others") && !hit.clitics.conjunction {
                return Noun::Others { end: at + 1 };
            }
        }
        if self.is_number(at) {
            return Noun::Bare;
        }
        let w = self.word(at);
        if BARE_FOLLOWERS.contains(&w) || self.trigger_at(at).is_some() {
            return Noun::Bare;
        }
        if let Some(first) = w.chars().next() {
            // A preposition glued to the next word (بانفجار، لقصف), or a real
            // conjunction (وأصيب, not the و of وحدات).
            // (مصرع العشرات وزلزال بابوا: a definite vague count takes no
            // noun after it, so و there joins the next phrase.)
            let after_definite_vague = first == 'و'
                && at > 0
                && matches!(self.word(at - 1), "العشرات" | "المئات" | "الالاف");
            if (matches!(first, 'ب' | 'ل') && w.chars().count() > 3)
                || w.starts_with("وال")
                || w.starts_with("فال")
                || self.has_conjunction(at)
                || after_definite_vague
            {
                return Noun::Bare;
            }
            if first == 'ف'
                && w.chars().count() > 3
                && self
                    .lex
                    .casualties
                    .lookup(&[&w['ف'.len_utf8()..]], None)
                    .is_some()
            {
                return Noun::Bare;
            }
        }
        Noun::Blocked
    }

    fn trigger_at(&self, at: usize) -> Option<crate::lexicon::Hit<'a>> {
        let hit = self
            .lex
            .casualties
            .lookup(self.window(at, 3), Some("trigger"))?;
        if hit.clitics.article {
            return None;
        }
        if self.is_not_casualty(at) || self.inside_not_casualty(at) {
            return None;
        }
        // قضت محكمة جنايات القاهرة بإعدام 75: a court's sentence, not a
        // killing. حكم and يحكم also mean to rule (التنظيم الذي يحكم المدينة
        // بإعدام 12): they count only right before the word.
        if hit.entry.words[0] == "اعدام"
            && matches!(hit.clitics.preposition, Some('ب') | None)
            && (at.saturating_sub(6)..at).any(|p| {
                let w = self.word(p);
                let w = w
                    .strip_prefix('و')
                    .filter(|r| r.chars().count() > 2)
                    .unwrap_or(w);
                let court = matches!(
                    w,
                    "قضت"
                        | "قضي"
                        | "يقضي"
                        | "تقضي"
                        | "حكمت"
                        | "حكما"
                        | "احكام"
                        | "احكاما"
                        | "محكمه"
                        | "المحكمه"
                        | "القضاء"
                        | "المفتي"
                        | "مفتي"
                );
                let ruling = p + 1 == at && matches!(w, "حكم" | "الحكم" | "يحكم");
                court || ruling
            })
        {
            return None;
        }
        // وأعدمت السلطات الإيرانية 5 أشخاص بتهمة تهريب المخدرات: a judicial
        // execution (gold/CONVENTIONS.md), not a killing like أعدمت ميليشيا
        // 186 رجلا.
        if matches!(hit.entry.words[0].as_str(), "اعدم" | "اعدمت") && self.judicial(at) {
            return None;
        }
        // أن تقتل عسكريا، لكي يقتل: an imperfect verb after أن/لن/كي is an intent.
        let w = self.word(at);
        if at > 0
            && is_imperfect(w)
            && matches!(
                self.word(at - 1),
                "ان" | "لن" | "كي" | "لكي" | "حتي" | "بان"
            )
        {
            return None;
        }
        // الوقوف على أرواح الضحايا، الفاتحة لأرواح الشهداء: a commemoration
        // (but قضوا على أرواح 16 شخصا is a toll).
        if hit.entry.words[0] == "ارواح"
            && hit.len == 1
            && self.quantity_at(at + 1).is_none()
            && (hit.clitics.preposition == Some('ل')
                || (at > 0 && matches!(self.word(at - 1), "علي" | "رحم" | "ترحم" | "يرحم")))
        {
            return None;
        }
        // محاولة اغتيال، مخطط لقتل، هدد بقتل: an attempt, a plot or a threat
        // (with its و، ل or ب: بمحاولة اغتيال).
        if at > 0
            && matches!(
                strip_one_clitic(self.word(at - 1)),
                "محاوله"
                    | "محاولات"
                    | "مخطط"
                    | "مؤامره"
                    | "خطه"
                    | "هدد"
                    | "يهدد"
                    | "تهدد"
                    | "تهديد"
                    | "تهديدات"
                    | "تستهدف"
                    | "يستهدف"
                    // المخاطرة بمقتل الجندي المخطوف: a risk, not a death.
                    | "المخاطره"
                    | "مخاطره"
                    | "خطر"
                    | "احتمال"
            )
        {
            return None;
        }
        // فكر في اغتيال، يدعو إلى قتل: a thought or a call, not a deed.
        if at > 1
            && matches!(
                (self.word(at - 2), self.word(at - 1)),
                (
                    "فكر" | "فكرت" | "يفكر" | "يفكرون" | "التفكير" | "تفكير",
                    "في"
                ) | (
                    "يدعو" | "تدعو" | "دعا" | "دعت" | "الدعوه" | "دعوه" | "دعوات",
                    "الي"
                )
            )
        {
            return None;
        }
        Some(hit)
    }

    /// A casualty verb or verbal noun that ends right before `pos`, allowing
    /// a time word or two between (قتل أمس 5).
    fn trigger_before(&self, pos: usize, noun_is_casualty: bool, q_end: usize) -> Option<Trigger> {
        let mut p = pos;
        for _ in 0..3 {
            for len in (1..=3).rev() {
                if len > p {
                    continue;
                }
                let t = p - len;
                if let Some(hit) = self.trigger_at(t) {
                    if hit.len != len || hit.entry.has("after_only") {
                        continue;
                    }
                    if hit.entry.has("needs_count_noun") && !noun_is_casualty {
                        continue;
                    }
                    // لقي … حتفهم/مصرعهم: the noun that completes the verb follows the count.
                    if let Some(after) = hit.entry.attr("needs_after") {
                        let stems: Vec<String> =
                            after.split(',').map(crate::normalize::fold).collect();
                        let reach = hit
                            .entry
                            .attr("needs_within")
                            .and_then(|n| n.parse().ok())
                            .unwrap_or(14);
                        if !(q_end..(q_end + reach).min(self.len()))
                            .any(|k| stems.iter().any(|s| self.word(k).starts_with(s.as_str())))
                        {
                            continue;
                        }
                    }
                    let figurative = hit.entry.has("figurative");
                    // ودعت المدينة مئة من أبنائها: "of its sons" makes the farewell a toll.
                    let sons = (q_end.saturating_sub(2)..q_end + 2)
                        .any(|k| self.word_is(k, "من") && self.word(k + 1).starts_with("ابنا"));
                    if figurative && !sons {
                        continue;
                    }
                    let kind = Kind::parse(hit.entry.attr("kind").unwrap_or("killed"))
                        .unwrap_or(Kind::Killed);
                    let joint = hit.clitics.conjunction
                        && t > 0
                        && self.trigger_at(t - 1).is_some_and(|h| {
                            h.len == 1
                                && h.entry.attr("kind") != hit.entry.attr("kind")
                                && !h.entry.has("after_only")
                                && !h.entry.has("plural_verb")
                        })
                        && !(t >= 2
                            && (self.quantity_at(t - 2).is_some()
                                || self.count_noun(t - 2).is_some()
                                // مسلح يقتل ويصيب: the person is the subject.
                                || (self.person(t - 2).is_some()
                                    && !is_imperfect(self.word(t - 1)))));
                    // قتل واعتقل 16 شخصا: a total of the killed and the
                    // captured is no toll.
                    if (p..pos).any(|k| self.is_capture_verb(k)) {
                        return None;
                    }
                    return Some(Trigger {
                        kind,
                        start: if joint { t - 1 } else { t },
                        end: p,
                        figurative,
                        joint,
                    });
                }
            }
            // Skip a time word or an adverb between the verb and the count.
            if p == 0 {
                break;
            }
            // إصابة "10 عسكريين"، "استشهاد" 10، (استشهاد) عشرة: quotation marks
            // or brackets between.
            if self.opens_quote(p - 1) || self.closes_quote(p - 1) {
                p -= 1;
                continue;
            }
            let w = self.word(p - 1);
            if matches!(
                w,
                "امس"
                    | "اليوم"
                    | "ايضا"
                    | "عن"
                    | "ال"
                    | "الليله"
                    | "حتي"
                    | "الان"
                    | "فقط"
                    | "فيه"
                    | "فيها"
                    | "منهم"
            ) {
                p -= 1;
            } else if p >= 2
                && matches!(
                    self.word(p - 2),
                    "منذ" | "خلال" | "صباح" | "مساء" | "ليل" | "فجر" | "يوم"
                )
            {
                p -= 2;
            } else if let Some(start) = self.adjunct_before(p, pos, q_end) {
                p = start;
            } else {
                break;
            }
        }
        None
    }

    /// A short prepositional phrase that ends at `p` and stands between a
    /// verb and its count of people: قتل في الهجوم ثلاثة جنود، قتلت في السنتين
    /// الماضيتين عشرات الفلسطينيين، قتل جراء الزلزال في مدينة بالو 832 على الأقل.
    /// Returns where the phrase starts. Only when people or a qualifier follow
    /// the count (`count..q_end`), so that a bare number cannot be taken.
    fn adjunct_before(&self, p: usize, count: usize, q_end: usize) -> Option<usize> {
        let counts_people = (count..q_end.min(self.len())).any(|k| {
            self.person(k).is_some()
                || self.count_noun(k).is_some()
                || self.qualifier_after(k).is_some()
        });
        if !counts_people || p < 2 {
            return None;
        }
        // مقتل جندي في هجوم مسلح: an implicit count after an indefinite noun
        // may be its adjective.
        let implicit = self.quantity_at(count).is_none();
        if implicit
            && !(self.word(count - 1).starts_with("ال")
                || matches!(self.word(count - 1), "ذاته" | "نفسه" | "عينه")
                || self.opens_quote(count - 1))
        {
            return None;
        }
        let lowest = p.saturating_sub(9);
        let mut s = p - 1;
        loop {
            let w = self.word(s);
            // A clause of its own (فيما نقل راكب، قام بها متطرف، بينهم 43 طفلا)
            // or another casualty word ends the search. (A date is passed
            // over: قتلت في 14 يوليو - تموز ثلاثة مسلحين.)
            if self.in_date(s) {
                if s == lowest || s == 0 {
                    return None;
                }
                s -= 1;
                continue;
            }
            if self.is_punct(s)
                || self.is_number(s)
                || self.quantity_at(s).is_some()
                || self.trigger_at(s).is_some()
                || BREAKDOWN_MARKERS.contains(&w)
                // يحمل 130 شخصا: an imperfect verb (يوم، يوليو، يناير are not).
                || (w.starts_with('ي') && !w.starts_with("يو") && w != "يناير")
                || (w == "في" && self.word_is(s + 1, "حين"))
                || matches!(
                    w,
                    "الذي"
                        | "التي"
                        | "الذين"
                        | "ان"
                        | "انه"
                        | "بعد"
                        | "قبل"
                        | "فيما"
                        | "بينما"
                        | "حيث"
                        | "كما"
                        | "ثم"
                        | "عندما"
                        | "لكن"
                        | "قام"
                )
            {
                return None;
            }
            if s + 1 < p
                && matches!(w, "في" | "جراء" | "خلال" | "اثر" | "بسبب" | "نتيجه" | "منذ")
                && s > 0
            {
                // A verb, not a verbal noun: وفاة بسبب الأمراض … 6.7 مليون حالة.
                // Nor one that has its subject already (قتلوا، لقي مصرعه).
                let verb = self.verb_awaiting_count(s - 1).is_some();
                if verb {
                    return Some(s);
                }
                // وقتل جيش الاحتلال في هذه المسيرات نحو 200 فلسطيني، قتلت
                // الشرطة في الهجوم 5 مسلحين: a state force, its subject, may
                // stand between the verb and the phrase.
                if let Some(force) = self.force_subject_before(s) {
                    return Some(force);
                }
            }
            if s == lowest || s == 0 {
                return None;
            }
            s -= 1;
        }
    }

    /// An execution by the state's justice (gold/CONVENTIONS.md): its
    /// authorities carry it out (أعدمت السلطات، أعدمت السعودية), the sentence
    /// tells a charge or a verdict, or a feminine verb with its count right
    /// after it tells a state's executions named before (أعدمت 67 شخصا). Not
    /// when an armed group or a force carries it out (أعدمت ميليشيا، أعدم
    /// مقاتلو الحركة، أعدمت قوات النظام 20 مدنيا), nor of civilians.
    fn judicial(&self, at: usize) -> bool {
        let near = at.saturating_sub(3)..(at + 4).min(self.len());
        let bare = |p: usize| strip_one_clitic(self.word(p));
        // الدولة الإسلامية is an armed group, not a state.
        // (تنظيم الدولة, too.)
        let islamic_state = |p: usize| {
            bare(p) == "الدوله"
                && (self.word(p + 1) == "الاسلاميه" || (p > 0 && bare(p - 1) == "تنظيم"))
        };
        let state = |p: usize| {
            (matches!(
                bare(p),
                "السلطات"
                    | "الحكومه"
                    | "حكومته"
                    | "حكومات"
                    | "الدوله"
                    | "المملكه"
                    | "القضاء"
                    | "المحكمه"
            ) && !islamic_state(p))
                || self
                    .lex
                    .places
                    .lookup(self.window(p, 1), Some("place"))
                    .is_some_and(|h| h.entry.attr("type") == Some("country"))
        };
        let armed = |p: usize| {
            islamic_state(p)
                || is_state_force(bare(p))
                || matches!(
                    bare(p),
                    "داعش"
                        | "تنظيم"
                        | "التنظيم"
                        | "ميليشيا"
                        | "مليشيا"
                        | "الميليشيا"
                        | "ميليشيات"
                        | "المسلحون"
                        | "مسلحون"
                        | "مسلحو"
                        | "مقاتلو"
                        | "مقاتلي"
                        | "عناصر"
                        | "الحوثيون"
                        | "طالبان"
                        | "القاعده"
                        | "النصره"
                        | "جبهه"
                        | "جماعه"
                        | "الجماعه"
                        | "حركه"
                        | "الحركه"
                )
        };
        if near.clone().any(|p| p != at && state(p)) {
            return true;
        }
        if near.clone().any(|p| p != at && armed(p)) {
            return false;
        }
        let charge = (0..self.len()).any(|p| {
            matches!(
                self.word(p),
                "بتهمه"
                    | "بتهم"
                    | "بجريمه"
                    | "ادانته"
                    | "ادانتهم"
                    | "المدانين"
                    | "المحكوم"
                    | "المحكومين"
                    | "قصاصا"
                    | "القصاص"
                    | "حدا"
                    | "تعزيرا"
                    | "شنقا"
                    | "الاعدام"
                    | "حكما"
                    | "احكام"
                    | "بالمقصله"
            )
        });
        // (أعدمت أكثر من 600 شخص: a qualifier may come first.)
        let count_follows = self.is_number(at + 1)
            || self.quantity_at(at + 1).is_some()
            || self
                .lex
                .qualifiers
                .lookup(self.window(at + 1, 4), None)
                .is_some();
        let civilians = (at + 1..(at + 8).min(self.len())).any(|p| {
            self.person(p).is_some_and(|(c, ..)| {
                matches!(c, Victims::Civilians | Victims::Children | Victims::Women)
            })
        });
        let elided_state = self.word(at).ends_with('ت') && count_follows && !civilians;
        charge || elided_state
    }

    /// A casualty verb of one word at `at` whose count may come after it:
    /// not a verbal noun, nor one that has its subject already (قتلوا، لقي
    /// مصرعه).
    fn verb_awaiting_count(&self, at: usize) -> Option<crate::lexicon::Hit<'a>> {
        self.trigger_at(at).filter(|h| {
            h.len == 1
                && !h.entry.has("masdar")
                && !h.entry.has("needs_after")
                && !h.entry.has("plural_verb")
                && !h.entry.has("after_only")
        })
    }

    /// A state force (الجيش الإسرائيلي، جيش الاحتلال، قوات الأمن) ending at
    /// `s` right after an active casualty verb: where the force starts.
    fn force_subject_before(&self, s: usize) -> Option<usize> {
        let lowest = s.saturating_sub(4);
        let mut x = s;
        while x > lowest && x > 1 {
            x -= 1;
            let w = self.word(x);
            if self.is_punct(x) || self.is_number(x) || self.has_conjunction(x) {
                return None;
            }
            // (قوات الأمن المصرية: the force's words run on to its head.)
            if is_state_force(w) {
                let verb = self
                    .verb_awaiting_count(x - 1)
                    .is_some_and(|h| h.clitics.preposition.is_none());
                // Only its genitive and adjectives after it: جيش الاحتلال.
                let rest_definite = (x + 1..s).all(|y| self.word(y).starts_with("ال"));
                if verb && rest_definite {
                    return Some(x);
                }
            }
        }
        None
    }

    /// A word of a day's date: the day (14 يوليو), the month's names
    /// (يوليو - تموز، شباط/فبراير) and the year after them.
    fn in_date(&self, k: usize) -> bool {
        let month = |i: usize| i < self.len() && numbers::is_month(self.word(i));
        let day_before =
            |i: usize| (i.saturating_sub(3)..i).any(|j| self.is_number(j) && month(j + 1));
        if self.is_number(k) {
            return month(k + 1) || (k > 0 && month(k - 1) && day_before(k));
        }
        if month(k) {
            return day_before(k + 1);
        }
        matches!(self.punct_char(k), Some('/' | '-'))
            && k > 0
            && month(k - 1)
            && month(k + 1)
            && day_before(k)
    }

    /// واعتقل، واختطف، وأسر joined to a casualty verb: the count after
    /// them totals the killed and the captured (قتل واعتقل 16 شخصا).
    fn is_capture_verb(&self, k: usize) -> bool {
        let w = self.word(k);
        w.strip_prefix('و').is_some_and(|w| {
            ["اعتقل", "اختطف", "خطف", "اسر"]
                .iter()
                .any(|stem| w.starts_with(stem))
        })
    }

    /// An active casualty verb with its subject between it and the count:
    /// `قتلت القوات الإسرائيلية 41 فلسطينيا`. Only for counts of people.
    fn active_trigger_before(&self, q_start: usize) -> Option<Trigger> {
        for gap in 1..=3 {
            let t = q_start.checked_sub(gap + 1)?;
            // The words between are a subject: no count, no preposition.
            if (t + 1..q_start).any(|k| {
                self.is_punct(k)
                    || self.is_number(k)
                    || self.is_capture_verb(k)
                    || self.trigger_at(k).is_some()
                    || self.quantity_at(k).is_some()
                    || matches!(
                        self.word(k),
                        "في" | "علي" | "من" | "الي" | "عن" | "مع" | "بين"
                    )
            }) {
                return None;
            }
            if let Some(hit) = self.trigger_at(t) {
                if hit.len == 1
                    && !hit.entry.has("masdar")
                    && !hit.entry.has("needs_count_noun")
                    && !hit.entry.has("after_only")
                    && !hit.entry.has("needs_after")
                    && !hit.entry.has("figurative")
                    && hit.clitics.preposition.is_none()
                {
                    let kind = Kind::parse(hit.entry.attr("kind")?)?;
                    return Some(Trigger {
                        kind,
                        start: t,
                        end: t + 1,
                        figurative: false,
                        joint: false,
                    });
                }
            }
        }
        None
    }

    /// A casualty verb after the count's noun: `90 مدنيا قتلوا`، `لقي 5 أشخاص
    /// حتفهم`. A plural or dual verb may stand a few words further, after a
    /// breakdown or a complement of the noun: `11 شخصا بينهم أربعة أطفال
    /// توفوا`، `25 من قوات الأمن قتلوا`.
    fn trigger_after(&self, mut at: usize) -> Option<Trigger> {
        for _ in 0..2 {
            if let Some((_, end)) = self.qualifier_after(at) {
                at = end;
            } else if matches!(self.word(at), "ايضا" | "قد" | "امس" | "اليوم" | "فقط")
            {
                at += 1;
            }
        }
        let usable = |hit: &crate::lexicon::Hit| {
            !(hit.entry.has("needs_count_noun")
                || hit.entry.has("masdar")
                || hit.clitics.preposition.is_some()
                || hit.clitics.conjunction
                || hit.entry.has("figurative")
                || hit.entry.has("needs_after"))
        };
        let found = match self.trigger_at(at) {
            Some(hit) if usable(&hit) => Some((at, hit)),
            _ => (at + 1..(at + 9).min(self.len()))
                .take_while(|&k| {
                    // Up to a full stop, a new clause (عددا من الخنادق، مضيفا
                    // أن ضابط صف ومجند قتلا: the verb has its own subject), or a
                    // number that is not in a بينهم list.
                    !matches!(self.punct_char(k), Some('.' | ';' | ':' | '?' | '!'))
                        && !matches!(self.word(k), "ان" | "انه" | "بان" | "وان")
                        && (self
                            .quantity_at(k)
                            .is_none_or(|q| q.value.is_none() || q.not_a_count)
                            || self.in_breakdown(at, k)
                            || self.coordinated_subject(k))
                })
                .find_map(|k| {
                    self.trigger_at(k)
                        .filter(|h| usable(h) && h.entry.has("plural_verb"))
                        .map(|h| (k, h))
                }),
        };
        let (start, hit) = found?;
        let kind = Kind::parse(hit.entry.attr("kind").unwrap_or("killed"))?;
        let end = start + hit.len;
        // خضعوا للعلاج جراء إصابتهم: treated for a wound, not for an illness
        // (من الإصابة بسوء التغذية) nor a player's (30 لاعبا … إصابات عضلية).
        if hit.entry.has("wound_after") {
            let window = end..(end + 4).min(self.len());
            let wound = window.clone().any(|k| {
                let w = self.word(k);
                ["اصاب", "جروح", "جراح", "حروق"]
                    .iter()
                    .any(|s| w.contains(s))
            });
            let not_a_wound = window
                .clone()
                .any(|k| self.is_disease(k) || matches!(self.word(k), "بسوء" | "عضليه" | "عضلي"))
                || (at.saturating_sub(2)..at).any(|k| self.word(k).contains("لاعب"));
            if !wound || not_a_wound {
                return None;
            }
        }
        // قتلوا وجرحوا، قتلوا أو أصيبوا: both kinds at once.
        let next = self.word(end);
        let other = next
            .strip_prefix('و')
            .map(|rest| (rest, end + 1))
            .or_else(|| (next == "او").then(|| (self.word(end + 1), end + 2)));
        // Only when the second verb has no count of its own: "قتلوا وأصيب المئات" is two claims.
        let joint = other.is_some_and(|(w, e)| {
            self.lex
                .casualties
                .lookup(&[w], Some("trigger"))
                .is_some_and(|h| h.entry.attr("kind") != hit.entry.attr("kind"))
                && self.quantity_at(e).is_none()
                && self.person(e).is_none()
        });
        Some(Trigger {
            kind,
            start,
            end: if joint {
                other.map_or(end, |(_, e)| e)
            } else {
                end
            },
            figurative: false,
            joint,
        })
    }

    /// أربعة من قادة الحزب ونحو 30 متمردة قتلوا: a count joined by و to the
    /// one before, of people, not of casualties: one more subject of the
    /// verb after both.
    fn coordinated_subject(&self, k: usize) -> bool {
        let joined = k > 0
            && (self.word(k - 1) == "و"
                || self.word(k).starts_with('و')
                || (self.word(k - 1).starts_with('و') && self.qualifier_before(k).is_some()));
        joined
            && self
                .quantity_at(k)
                .is_some_and(|q| self.count_noun(q.end).is_none() && self.person(q.end).is_some())
    }

    /// True when token `k` lies in a بينهم/منهم list that starts after `from`.
    fn in_breakdown(&self, from: usize, k: usize) -> bool {
        (from..k).any(|p| BREAKDOWN_MARKERS.contains(&self.word(p)))
    }

    /// A toll noun before the count: عدد القتلى 47، ارتفع عدد الشهداء إلى 59.
    /// Returns the kind and where the toll phrase starts.
    fn toll_before(&self, q_start: usize, q_first: usize) -> Option<(Kind, usize)> {
        let lowest = q_start.saturating_sub(24);
        let mut t = q_start;
        while t > lowest {
            t -= 1;
            if self.is_clause_break(t) && self.punct_char(t) != Some(',')
                || self.quantity_at(t).is_some_and(|q| {
                    q.value.is_some() && !q.not_a_count && q.end <= q_start && t < q_start
                })
            {
                return None;
            }
            // A definite plural of people (المدنيين، الفلسطينيين) heads a
            // toll too when a relative clause of a casualty verb follows it:
            // المدنيين الذين قتلوا خلال رمضان بلغوا 1452.
            let people_at = |p: usize| {
                self.word(p).starts_with("ال")
                    && self
                        .person(p)
                        .is_some_and(|(_, end, number, _)| end == p + 1 && number == "plural")
            };
            let (head_end, needs_noun, people_head) = match self
                .lex
                .casualties
                .lookup(self.window(t, 2), Some("toll_head"))
            {
                Some(hit) => (t + hit.len, hit.entry.has("needs_noun"), false),
                None if people_at(t) => (t + 1, true, true),
                None => continue,
            };
            // العدد الإجمالي للقتلى: an adjective of the total may come between.
            let head_end = if !people_head
                && matches!(self.word(head_end), "الاجمالي" | "الكلي" | "النهائي")
            {
                head_end + 1
            } else {
                head_end
            };
            // (المسلحين القتلى على 4 بنادق: people and a casualty noun are no
            // toll head; only their relative clause makes one.)
            let noun = self
                .count_noun(head_end)
                .or_else(|| self.count_noun_after_lam(head_end))
                .filter(|_| !people_head);
            // عدد الذين توفوا، عدد من قتلوا، عدد الفلسطينيين الذين قتلوا: a
            // relative clause names the kind.
            let relative_at = if people_at(head_end) {
                head_end + 1
            } else {
                head_end
            };
            let relative = (matches!(self.word(relative_at), "الذين" | "من" | "اللذين"))
                .then(|| self.trigger_at(relative_at + 1))
                .flatten()
                .and_then(|h| {
                    Kind::parse(h.entry.attr("kind")?).map(|k| (k, relative_at + 1 + h.len))
                })
                // المسلحين الذين قتلوا الشاب: a verb with a person as its object
                // makes them the killers, not the dead.
                .filter(|&(_, end)| self.person(end).is_none());
            let (kind, noun_end) = match (noun, relative) {
                (Some((kind, _, end, _)), _) => (kind, end),
                (None, Some((kind, end))) => (kind, end),
                (None, None) if needs_noun => continue,
                (None, None) => (Kind::Killed, head_end),
            };
            let before = q_start - 1;
            // تجاوز الألفين: the qualifier is itself the verb that brings the figure.
            let qualifier_verb = q_first > q_start
                && self
                    .lex
                    .casualties
                    .lookup(self.window(q_start, 1), Some("toll_verb"))
                    .is_some();
            let with_ba = q_first > q_start && self.word(q_start).starts_with('ب');
            let introduced = qualifier_verb
                || with_ba
                || self.word_is(before, "الي")
                || self.word_is(before, "ل")
                || self.word_is(before, "بين")
                || self
                    .lex
                    .casualties
                    .lookup(self.window(before, 1), Some("toll_verb"))
                    .is_some()
                || q_start.saturating_sub(noun_end) <= 2;
            if !introduced {
                return None;
            }
            let mut start = t;
            if t > 0
                && self
                    .lex
                    .casualties
                    .lookup(self.window(t - 1, 1), Some("toll_verb"))
                    .is_some()
            {
                start = t - 1;
            }
            return Some((kind, start));
        }
        None
    }

    /// The breakdown after a count: بينهم 3 أطفال و8 إناث؛ بينهم رئيس المجلس
    /// المحلي وخمسة أطفال وامرأة واحدة. Items it cannot name are passed
    /// over; the list ends at a clause break or a new casualty word. Returns
    /// the items and where the list ends (its numbers are not new claims).
    fn breakdown_after(&self, at: usize) -> Option<(BTreeMap<String, Option<u64>>, usize)> {
        let mut p = at;
        while p < self.len() && p < at + 3 && !BREAKDOWN_MARKERS.contains(&self.word(p)) {
            if self.is_clause_break(p) && self.punct_char(p) != Some(',') {
                return None;
            }
            p += 1;
        }
        if !BREAKDOWN_MARKERS.contains(&self.word(p)) {
            return None;
        }
        p += 1;
        if self.word_is(p, "من") {
            p += 1;
        }
        let mut items = BTreeMap::new();
        let limit = (p + 14).min(self.len());
        let mut k = p;
        while k < limit {
            // The list ends at a clause break, a new casualty word, a count of
            // casualties (نحو 1800 جريح) or a phrase that adds another toll.
            // (و449 مصابا after بينهم ضابطان و11 فردا: the و stands apart.)
            let counted_at = if self.word_is(k, "و") { k + 1 } else { k };
            let new_toll = self
                .quantity_at(counted_at)
                .is_some_and(|x| self.count_noun(x.end).is_some());
            if self.is_clause_break(k)
                || new_toll
                || matches!(
                    self.word(k),
                    "اضافه" | "بالاضافه" | "واضافه" | "فضلا" | "علاوه"
                )
                || (k > p
                    && (self.trigger_at(k).is_some()
                        || self.count_noun_after_conjunction(k).is_some()))
            {
                break;
            }
            let mut q = k;
            if self.word_is(q, "و") {
                q += 1;
            }
            let quantity = self
                .quantity_at(q)
                .filter(|x| x.value.is_some() && !x.not_a_count);
            let mut noun_at = quantity.map_or(q, |x| x.end);
            if quantity.is_some() && self.word_is(noun_at, "من") {
                noun_at += 1;
            }
            let found = self.person(noun_at).or_else(|| {
                // والأطفال، ومواطنة: the conjunction glued to a noun with no number.
                if quantity.is_some() {
                    return None;
                }
                let p = self.person_with_clitic(noun_at, 'و')?;
                Some((p.category, noun_at + 1, p.number, false))
            });
            let Some((category, end, number, _)) = found else {
                k = q.max(k) + 1;
                continue;
            };
            let value = match (quantity, number) {
                (Some(x), _) => x.value,
                (None, "sing") => Some(1),
                (None, "dual") => Some(2),
                (None, _) => None,
            };
            if category != Victims::People {
                items.entry(category.as_str().to_string()).or_insert(value);
            }
            k = end;
        }
        (!items.is_empty()).then_some((items, k))
    }

    fn modality(&self, first: usize, end: usize) -> Option<Modality> {
        let lo = first.saturating_sub(8);
        for k in (lo..first).rev() {
            if self.is_clause_break(k) && self.punct_char(k) != Some(',') {
                break;
            }
            if DENIAL
                .iter()
                .any(|d| self.word(k) == *d || self.word(k).strip_prefix('و') == Some(d))
            {
                return Some(Modality::Denied);
            }
        }
        for k in first.saturating_sub(3)..end {
            // قد before a past verb asserts (قد قتل); before the present it
            // hedges (قد يتجاوز).
            let hedge = match self.word(k) {
                "قد" | "وقد" => {
                    let next = self.word(k + 1);
                    next == "لا" || (is_imperfect(next) && !PAST_IN_TA.contains(&next))
                }
                w => SPECULATIVE.contains(&w),
            };
            if hedge {
                return Some(Modality::Speculative);
            }
        }
        None
    }

    /// The group named after a list of counts (…وعشرات الجرحى من
    /// الميليشيات، مقتل 29 وجرح 15 من المتطرفين، في صفوف الميليشيات), when it
    /// is not people at large.
    fn group_after(&self, from: usize) -> Option<Victims> {
        let mut k = from;
        while k < self.len() && k < from + 10 && !self.is_punct(k) {
            let w = self.word(k);
            let group_at = if w == "في" && self.word_is(k + 1, "صفوف") {
                Some(k + 2)
            } else if matches!(w, "من" | "بين" | "وسط") {
                Some(k + 1)
            } else {
                None
            };
            if let Some(g) = group_at {
                return self
                    .person(g)
                    .map(|(c, ..)| c)
                    .filter(|&c| c != Victims::People);
            }
            // Only the rest of the list may stand between: counts, their
            // casualty nouns and qualifiers.
            let listed = self.is_number(k)
                || numbers::lexicon().lookup(self.window(k, 2), None).is_some()
                || self
                    .lex
                    .casualties
                    .lookup(self.window(k, 3), None)
                    .is_some()
                || self
                    .lex
                    .qualifiers
                    .lookup(self.window(k, 3), None)
                    .is_some();
            if !listed {
                return None;
            }
            k += 1;
        }
        None
    }

    /// The group that suffered (تكبّد) the losses counted after `before`:
    /// the subject of تكبّد, just before or after it, or the object of كبّد.
    fn sufferer(&self, before: usize) -> Option<Victims> {
        let group = |range: std::ops::Range<usize>| {
            range
                .filter_map(|g| self.person(g).map(|(c, ..)| c))
                .find(|&c| c != Victims::People)
        };
        let k = (before.saturating_sub(8)..before).rev().find(|&k| {
            let w = self.word(k).trim_start_matches('و');
            w.starts_with("تكبد") || w.starts_with("يتكبد") || w.starts_with("كبد")
        })?;
        let w = self.word(k).trim_start_matches('و');
        if w.starts_with("كبد") {
            // كبدت المعارك الميليشيا عشرات القتلى: the object is the last group before the count.
            return (k + 1..before)
                .rev()
                .filter_map(|g| self.person(g).map(|(c, ..)| c))
                .next()
                .filter(|&c| c != Victims::People);
        }
        group(k.saturating_sub(3)..k).or_else(|| group(k + 1..before.min(k + 5)))
    }

    /// عنصرا من الحرس الثوري، عنصران من القوات المصرية، عنصر أمني: a
    /// member (عنصر) of a state force is a soldier (GUIDE.md), though the
    /// word alone counts fighters.
    fn member_of_state_force(&self, d: &Draft) -> bool {
        let Some(k) = (d.first..d.end.min(self.len())).rev().find(|&k| {
            self.word(k).trim_start_matches('و').starts_with("عنصر")
                || self.word(k).trim_start_matches('و').starts_with("عناصر")
        }) else {
            return false;
        };
        // عناصرها: the group is the pronoun's.
        if self.word(k).ends_with("ها") || self.word(k).ends_with("هم") {
            return false;
        }
        // عنصر أمني، عناصر المخابرات: an adjective or a force in construct.
        if self.word(k + 1).starts_with("امني") || is_state_force(self.word(k + 1)) {
            return true;
        }
        // من at once, or after على الأقل.
        let m = if self.word_is(k + 1, "علي") && self.word_is(k + 2, "الاقل") {
            k + 3
        } else {
            k + 1
        };
        self.word_is(m, "من") && is_state_force(self.word(m + 1))
    }
}

/// One report's tokens, read sentence by sentence.
pub struct Document<'a> {
    norm: &'a NormalizedText,
    seg: &'a Segmented,
    lex: &'a Lexicons,
    words: Vec<&'a str>,
    kinds: Vec<TokenKind>,
    disease_report: std::cell::OnceCell<bool>,
    violence_report: std::cell::OnceCell<bool>,
    names: std::cell::OnceCell<HashSet<String>>,
}

impl<'a> Document<'a> {
    pub fn new(norm: &'a NormalizedText, seg: &'a Segmented, lex: &'a Lexicons) -> Self {
        let text = norm.as_str();
        let words = seg.tokens.iter().map(|t| t.text(text)).collect();
        let kinds = seg.tokens.iter().map(|t| t.kind).collect();
        Document {
            norm,
            seg,
            lex,
            words,
            kinds,
            disease_report: std::cell::OnceCell::new(),
            violence_report: std::cell::OnceCell::new(),
            names: std::cell::OnceCell::new(),
        }
    }

    fn view(&self, sentence: usize) -> View<'_> {
        let r = self.seg.sentences[sentence].token_range();
        View {
            lex: self.lex,
            words: &self.words[r.clone()],
            kinds: &self.kinds[r.clone()],
            tokens: &self.seg.tokens[r],
            report_words: &self.words,
            report_kinds: &self.kinds,
            report_tokens: &self.seg.tokens,
            report_names: &self.names,
        }
    }

    fn mention_span(&self, v: &View, m: &Mention) -> (usize, usize) {
        let (mut s, e) = v.span(m.first, m.end);
        if m.conj && v.word(m.first).starts_with('و') {
            s += 'و'.len_utf8();
        }
        (s, e)
    }

    /// Every claim of the document, in text order.
    pub fn claims(&self) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::new();
        let mut unplaced: Vec<usize> = Vec::new();
        // Whether one person's death was told already: a death told by a
        // pronoun or after إن/أن is then mostly its restatement.
        let mut lone_death_told = false;
        let mut injured_told = false;
        let text = self.norm.as_str();
        let tags = tags_start(text);
        for (si, sentence) in self.seg.sentences.iter().enumerate() {
            if sentence.start as usize >= tags {
                break;
            }
            let sentence_text = &text[sentence.start as usize..sentence.end as usize];
            if !self.lex.may_hold_casualties(sentence_text) {
                continue;
            }
            let v = self.view(si);
            let mut drafts = find_drafts(&v);
            // A death told of one person by a pronoun or the verb alone (توفي
            // متأثرا بجروحه، مما أدى إلى وفاته), where nothing in the sentence
            // counts the victim and no one person's death was told before in
            // the report (the same victim, told again as he died).
            let counted = !drafts.is_empty();
            // No victim counted apart from companions (none at all, or only
            // those after مع): لقي القيادي … مصرعه مع عدد من مرافقيه counts
            // those with him, and he is told by the verb alone.
            let only_companions = drafts
                .iter()
                .all(|d| d.first > 0 && matches!(v.word(d.first - 1), "مع" | "ومع"));
            if only_companions {
                let companions = drafts.len();
                let told_before = lone_death_told;
                if !told_before {
                    // (ضبط مواطن بتهمة الاعتداء على زوجته وإصابتها … مما أدى إلى
                    // وفاتها: her death, told last, is what the sentence counts.)
                    drafts.extend(
                        (0..v.len())
                            .find_map(|k| died_of_wounds(&v, k).or_else(|| caused_death(&v, k)))
                            .or_else(|| (0..v.len()).find_map(|k| object_pronoun_casualty(&v, k)))
                            .or_else(|| (0..v.len()).find_map(|k| met_death(&v, k)))
                            .or_else(|| (0..v.len()).find_map(|k| exposed_to_harm(&v, k))),
                    );
                }
                // قالت الشرطة إن زوجها أصيب، أكدت أن خاشقجي قتل: likewise a
                // death after إن/أن (مقتل زعيم مجموعة خراسان ... وقال إن
                // محسن الفضلي قتل restates it by name).
                if drafts.len() == companions {
                    drafts.extend(
                        (0..v.len())
                            .find_map(|k| {
                                one_person_after_complementizer(&v, k)
                                    .or_else(|| name_then_killed(&v, k))
                            })
                            .filter(|d| d.kind == Kind::Injured || !told_before),
                    );
                }
                drafts.sort_by_key(|d| d.first);
            }
            // قتلت الشرطة فلسطينيا بعدما طعن حارسا وأصابه: a wound told by a
            // pronoun beside the deaths the sentence counts.
            // (Not after a death told by a pronoun: الاعتداء على زوجته
            // وإصابتها … مما أدى إلى وفاتها is one victim.)
            if counted && drafts.iter().all(|d| d.kind == Kind::Killed) {
                let outside = |k: usize| drafts.iter().all(|d| k >= d.end || k < d.first);
                // (قتل المسلحون رجلا بعد أن أطلقوا النار عليه وأصابوه: the
                // wounded is the man counted dead; the victim must be one of
                // its own.)
                if let Some(d) = (0..v.len())
                    .filter(|&k| outside(k))
                    .find_map(|k| object_pronoun_casualty(&v, k))
                    .filter(|d| d.kind == Kind::Injured && d.first + 1 < d.end && outside(d.first))
                {
                    drafts.push(d);
                    drafts.sort_by_key(|d| d.first);
                }
            }
            // Infections are not injuries: أصيب 53 شخصا بالبكتيريا، إصابة 807
            // حالات (in a report about measles).
            // An epidemic's or a natural death, and a rate (سنويا) are no
            // tolls either.
            // Where the wounded of a sentence's drafts were first told.
            let injured_ends: Vec<usize> = drafts
                .iter()
                .filter(|d| d.kind == Kind::Injured && d.value.is_some())
                .map(|d| d.end)
                .collect();
            drafts.retain(|d| {
                let wounded_told = injured_told || injured_ends.iter().any(|&end| end <= d.first);
                // (كورونا يقتل 464: an illness is the killer, the subject that
                // opens its clause; not وفي ظل تفشي فيروس كورونا قتل 5.)
                let illness_kills = d.kind == Kind::Killed
                    && d.first > 0
                    && v.is_disease(d.first - 1)
                    && (d.first == 1
                        || v.is_clause_break(d.first - 2)
                        || matches!(v.word(d.first - 2), "ان" | "انه" | "لكن"));
                // (A violent cause beside it keeps it: توفي طفلان متأثرين
                // بجروحهما، وفاة 3 أشخاص في حوادث سير.)
                // A death told with وفاة/توفي in a report that tells of no
                // violence, accident or disaster anywhere is a natural one
                // (a player's relative, the deaths a funeral society served).
                // (توفي أحد المصابين: a death among the wounded is of harm.)
                let among_wounded = (d.first..d.end.min(v.len()))
                    .any(|p| matches!(v.word(p), "المصابين" | "المصابون" | "الجرحي"))
                    && !(0..v.len()).any(|p| v.is_disease(p));
                let natural_death = d.kind == Kind::Killed
                    && !among_wounded
                    && told_as_natural_death(&v, d)
                    && (self.disease_report() || !self.violence_report())
                    && !violent_cause(&v, d.first);
                v.span(d.first, d.end).0 < tags
                    && (d.kind != Kind::Injured || !v.counts_infections(d, self.disease_report()))
                    && !died_of_illness(&v, d)
                    && !is_rate(&v, d)
                    && (!wounded_told || !some_of_the_wounded(&v, d))
                    && !illness_kills
                    && !natural_death
            });
            if drafts.is_empty() {
                continue;
            }
            let mentions = places::mentions(&v);
            let attributions = attribution::find(&v);
            let inherited = self.inherited_source(si, &v);
            let mut previous_victims: Option<Victims> = None;
            for d in drafts {
                let victims = if d.others {
                    // آخرون takes the category of the toll before it (GUIDE.md);
                    // after a woman it is masculine, so people.
                    match previous_victims {
                        Some(Victims::Women) | None => Victims::People,
                        Some(v) => v,
                    }
                } else {
                    d.victims.unwrap_or(Victims::People)
                };
                // مقتل العشرات في صفوف الميليشيات، سقوط 40 قتيلا وعشرات الجرحى
                // من الميليشيات، ميليشيات الحوثي تكبدت 120 قتيلا: the group
                // named after the list, or the one that suffered the losses.
                let victims = match d.victims {
                    None if !d.others => v
                        .group_after(d.end)
                        .or_else(|| v.sufferer(d.first))
                        .unwrap_or(victims),
                    _ => victims,
                };
                let victims = if victims == Victims::Fighters && v.member_of_state_force(&d) {
                    Victims::Soldiers
                } else {
                    victims
                };
                previous_victims = Some(victims);
                let breakdown = v.breakdown_after(d.tail).map(|(b, _)| b);
                let modality = v.modality(d.first, d.end);
                let place = match d.distributive {
                    Some(m) => Some(self.mention_span(&v, &m)),
                    None => choose_place(&v, &mentions, &d).map(|m| self.mention_span(&v, &m)),
                };
                let source = choose_source(&attributions, &d)
                    .and_then(|ix| self.resolve(si, &v, &attributions, ix))
                    .or_else(|| inherited.clone());
                if place.is_none() {
                    unplaced.push(out.len());
                }
                lone_death_told |= d.kind == Kind::Killed && d.value == Some(1);
                injured_told |= d.kind == Kind::Injured;
                out.push(Found {
                    kind: d.kind,
                    value: d.value,
                    qualifier: d.qualifier,
                    victims,
                    breakdown,
                    modality,
                    evidence: v.span(d.first, d.end),
                    sentence: (sentence.start as usize, sentence.end as usize),
                    place,
                    source,
                    sentence_index: si,
                });
            }
        }
        // A claim whose sentence names no place takes the report's most named one.
        if !unplaced.is_empty() {
            if let Some(span) = self.main_place() {
                for i in unplaced {
                    out[i].place = Some(span);
                }
            }
        }
        self.trailing_sources(&mut out);
        let mut out = merge_repeats(out, text, self.lex);
        self.name_anaphors(&mut out);
        out
    }

    /// مما أسفر عن مقتل 5 من مشجعي كرة القدم. حسب ما أفادت الشرطة: a short
    /// fragment after the toll's sentence, opening with حسب or وفق, names
    /// the source of the claims before it that have none.
    fn trailing_sources(&self, found: &mut [Found]) {
        let sentences = &self.seg.sentences;
        let mut cache: Vec<(usize, Option<FoundSource>)> = Vec::new();
        for f in found.iter_mut().filter(|f| f.source.is_none()) {
            let next = f.sentence_index + 1;
            if next >= sentences.len()
                || sentences[next].paragraph != sentences[f.sentence_index].paragraph
            {
                continue;
            }
            let source = match cache.iter().find(|(i, _)| *i == next) {
                Some((_, s)) => s.clone(),
                None => {
                    let v = self.view(next);
                    let w = v.word(0);
                    let opens = matches!(
                        w.strip_prefix('و').unwrap_or(w),
                        "حسب" | "بحسب" | "حسبما" | "وفق" | "وفقا" | "طبقا"
                    ) || matches!(w, "وفق" | "وفقا");
                    // (وفقا للخطة التي أعلنها الجيش سيتم نشر قوات: a clause of its
                    // own, not a source; the fragment ends with its source.)
                    let s = (opens && v.len() <= 14)
                        .then(|| {
                            let attributions = attribution::find(&v);
                            let first = attributions.iter().position(|a| !a.act)?;
                            let a = &attributions[first];
                            (a.end >= v.len() || v.is_punct(a.end))
                                .then(|| self.resolve(next, &v, &attributions, first))
                                .flatten()
                        })
                        .flatten();
                    cache.push((next, s.clone()));
                    s
                }
            };
            f.source = source;
        }
    }

    /// المصدر، المصادر، الوزارة refer back: they keep their words and take the
    /// name of the last source with the same head (مصدر عسكري، وزارة الصحة).
    fn name_anaphors(&self, found: &mut [Found]) {
        let text = self.norm.as_str();
        let head = |s: &FoundSource| -> String {
            let words: &str = &text[s.span.0..s.span.1];
            let first = words.split(' ').next().unwrap_or("");
            first.strip_prefix("ال").unwrap_or(first).to_string()
        };
        let mut named: Vec<FoundSource> = Vec::new();
        for f in found.iter_mut() {
            let Some(source) = f.source.as_mut() else {
                continue;
            };
            if is_anaphor(source) && text[source.span.0..source.span.1].starts_with("ال") {
                let h = head(source);
                let stem = |w: &str| w.trim_end_matches('ه').to_string();
                if let Some(antecedent) = named.iter().rev().find(|n| {
                    stem(&head(n)) == stem(&h)
                        // المصدر may refer back to any official: مسؤول عسكري … وأضاف المصدر.
                        || (matches!(h.as_str(), "مصادر" | "مصدر")
                            && matches!(head(n).as_str(), "مصدر" | "مصادر" | "مسؤول" | "مسؤولون" | "مسؤولين"))
                }) {
                    source.canonical = antecedent.canonical.clone();
                    source.body = antecedent.body.or(Some(antecedent.span));
                }
            } else {
                named.push(source.clone());
            }
        }
    }

    /// True when the report is about a disease: two disease words or more.
    fn disease_report(&self) -> bool {
        *self.disease_report.get_or_init(|| {
            let mut seen = 0;
            for si in 0..self.seg.sentences.len() {
                let v = self.view(si);
                seen += (0..v.len()).filter(|&k| v.is_disease(k)).count();
                if seen >= 2 {
                    return true;
                }
            }
            false
        })
    }

    /// True when some sentence of the report tells of violence, an accident
    /// or a disaster: a violent cause (a crash, a fire, wounds), a storm or
    /// a flood, a word of wounding, or a killing word other than those of a
    /// natural death (وجدت حالة وفاة، وإصابة أخرى: an accident's).
    fn violence_report(&self) -> bool {
        *self.violence_report.get_or_init(|| {
            (0..self.seg.sentences.len()).any(|si| {
                let v = self.view(si);
                (0..v.len()).any(|k| {
                    tells_of_harm(v.word(k))
                        || v.trigger_at(k).is_some_and(|h| {
                            h.entry.attr("kind").is_some()
                                && !h.entry.has("needs_after")
                                && !h.entry.has("figurative")
                                && !is_word_of_any_death(h.entry.words[0].as_str())
                                && h.entry.words[0] != "حاله"
                        })
                })
            })
        })
    }

    /// The place the report names most often, a country only when it names no other.
    fn main_place(&self) -> Option<(usize, usize)> {
        let text = self.norm.as_str();
        let mut counts: HashMap<&str, (usize, bool, (usize, usize))> = HashMap::new();
        for si in 0..self.seg.sentences.len() {
            let v = self.view(si);
            for m in places::mentions(&v) {
                let span = self.mention_span(&v, &m);
                let e = counts
                    .entry(&text[span.0..span.1])
                    .or_insert((0, m.country, span));
                e.0 += 1;
            }
        }
        counts
            .values()
            .max_by_key(|(n, country, span)| (!*country, *n, std::cmp::Reverse(span.0)))
            .map(|(_, _, span)| *span)
    }

    /// The source of the previous sentence of the same paragraph, when this
    /// sentence goes on with its account (no topic shift, no source of its own).
    fn inherited_source(&self, si: usize, v: &View) -> Option<FoundSource> {
        if si == 0 {
            return None;
        }
        let here = self.seg.sentences[si];
        let prev = self.seg.sentences[si - 1];
        if prev.paragraph != here.paragraph {
            return None;
        }
        if self
            .lex
            .attribution
            .lookup(v.window(0, 4), Some("topic_shift"))
            .is_some()
            || self
                .lex
                .attribution
                .lookup(v.window(1, 4), Some("topic_shift"))
                .is_some()
        {
            return None;
        }
        let pv = self.view(si - 1);
        // وأضاف: "…". : a quotation opened and closed in the sentence
        // before ends its speaker's words; what follows is the report's.
        // (A short quotation is a name: «فورد».)
        let quotes: Vec<usize> = (0..pv.len())
            .filter(|&k| pv.punct_char(k) == Some('"'))
            .collect();
        let last_mark = (0..pv.len())
            .rev()
            .find(|&k| !matches!(pv.punct_char(k), Some('.' | '!' | '?')));
        if quotes.len().is_multiple_of(2)
            && quotes.len() >= 2
            && last_mark == quotes.last().copied()
            && quotes[quotes.len() - 1] - quotes[quotes.len() - 2] > 5
        {
            return None;
        }
        let attributions = attribution::find(&pv);
        let last = attributions.iter().rposition(|a| !a.act)?;
        self.resolve(si - 1, &pv, &attributions, last)
    }

    /// The source of attribution `ix` of sentence `si`; a dropped subject
    /// (وقال إن) is the speaker named last before it, in the sentence or in
    /// the few sentences before (often the paragraph before).
    fn resolve(
        &self,
        si: usize,
        v: &View,
        attributions: &[Attribution],
        ix: usize,
    ) -> Option<FoundSource> {
        let a = &attributions[ix];
        if !a.pronoun {
            return Some(source_of(v, a));
        }
        if let Some(named) = attributions[..ix].iter().rev().find(|b| !b.pronoun) {
            return Some(source_of(v, named));
        }
        (si.saturating_sub(4)..si).rev().find_map(|p| {
            let pv = self.view(p);
            let named = attribution::find(&pv)
                .into_iter()
                .rev()
                .find(|b| !b.pronoun)?;
            Some(source_of(&pv, &named))
        })
    }
}

fn source_of(v: &View, a: &Attribution) -> FoundSource {
    let (start, end) = v.span(a.first, a.end);
    FoundSource {
        span: (start + a.strip, end),
        body: a.body.map(|(f, e)| v.span(f, e)),
        canonical: a.canonical.clone(),
        source_type: a.source_type.clone(),
    }
}

/// The attribution nearest before the claim in its sentence, or one that
/// trails it (…، حسب المصادر).
fn choose_source(attributions: &[Attribution], d: &Draft) -> Option<usize> {
    attributions
        .iter()
        .enumerate()
        // A speech act (أدان، حث) attributes no toll itself.
        .filter(|(_, a)| !a.act && a.anchor < d.first && a.end <= d.first.max(a.end))
        .rfind(|(_, a)| a.first < d.first || a.first >= d.end)
        .or_else(|| {
            attributions
                .iter()
                .enumerate()
                .find(|(_, a)| !a.act && a.may_trail && a.anchor >= d.end)
        })
        .map(|(ix, _)| ix)
}

/// The place inside the claim's words, else the first after it in its
/// clause, else the nearest before it in the sentence.
fn choose_place(v: &View, mentions: &[Mention], d: &Draft) -> Option<Mention> {
    if let Some(m) = mentions
        .iter()
        .rfind(|m| m.first >= d.first && m.end <= d.end)
    {
        return Some(*m);
    }
    let mut clause_end = d.end;
    while clause_end < v.len() && clause_end < d.end + 24 && !(v.is_clause_break(clause_end)) {
        clause_end += 1;
    }
    let after: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.first >= d.end && m.end <= clause_end)
        .collect();
    if let Some(m) = after.iter().find(|m| m.triggered).or(after.first()) {
        return Some(**m);
    }
    let mut clause_start = d.first;
    while clause_start > 0 && !v.is_clause_break(clause_start - 1) {
        clause_start -= 1;
    }
    mentions
        .iter()
        .rfind(|m| m.end <= d.first && m.first >= clause_start)
        .copied()
}

/// How many earlier claims a claim may be the repeat of.
const MERGE_LOOKBACK: usize = 256;

/// The same toll said twice in one report is one claim (GUIDE.md): the lead
/// restating the body, a figure repeated by another outlet the report
/// quotes. A repeat keeps the first occurrence and lends it a missing
/// source. Two figures stay apart when they differ in modality (قد يتجاوز
/// المئة vs أكثر من مئة), or in qualifier when both name different sources.
fn merge_repeats(found: Vec<Found>, text: &str, lex: &Lexicons) -> Vec<Found> {
    // The name that ends a one-person claim (بمقتل القيادي البارز عبدالكريم
    // الغماري ... مصرع القيادي الحوثي عبدالكريم الغماري): the same name is the
    // same victim told again. A name is a word no lexicon knows (not أفراد,
    // الشرطة, بجروحه); the first two and the last two words are looked at
    // (a name's scan may take one word past it), and all of a short evidence.
    let name_like = |w: &str| {
        w.chars().count() >= 3
            && !w.starts_with('و')
            && !lex.may_hold_casualties(w)
            && lex.persons.lookup(&[w], None).is_none()
            && lex.attribution.lookup(&[w], None).is_none()
            && lex.casualties.lookup(&[w], None).is_none()
            && numbers::lexicon().lookup(&[w], None).is_none()
    };
    // The words that may hold a victim's name: the two first and the two last
    // of the evidence, and all of a short one (≤ 8 words: all name and
    // title, باغتيال الصحافية كيم فال على متن غواصته … قتل كيم فال البالغة).
    let name_words = |f: &Found| -> (Vec<&str>, Vec<&str>) {
        let words: Vec<&str> = text[f.evidence.0..f.evidence.1]
            .split_whitespace()
            .collect();
        // قتل بابتشينكو، خاشقجي قد قتل: the name may open the evidence too.
        if words.len() < 2 {
            return (Vec::new(), Vec::new());
        }
        let all = if words.len() <= 8 {
            words
                .iter()
                .copied()
                .filter(|w| w.chars().count() >= 3 && !w.starts_with('و'))
                .collect()
        } else {
            Vec::new()
        };
        let mut ends: Vec<&str> = words[..2].to_vec();
        ends.extend(&words[(words.len() - 2).max(2)..]);
        let ends = ends
            .into_iter()
            .filter(|w| w.chars().count() >= 4 && !w.starts_with('و'))
            .collect();
        (ends, all)
    };
    let place_text = |f: &Found| f.place.map(|(a, b)| &text[a..b]);
    // Two places named apart are two victims (a policeman in Mosul, one in
    // Kirkuk).
    // مقتل شابة مغربية … مقتل الشابة حياة، قتل المهاجم … وقتل المهاجم: a
    // definite person noun after the verb is someone already told of, the
    // same victim when an earlier one-person claim has that noun. (Not
    // أفراد الشرطة: a body, not one person; not الطفل الفلسطيني and الطفل
    // الإسرائيلي: two nisbas; not استشهد طفل … واستشهد طفل: two indefinites.)
    // (Only where the evidence opens with the casualty word and no
    // accusative object follows: in قتل الجندي فلسطينيا the noun is the
    // subject, in رجل فأصابه the victim opens it.)
    let victim = |all: &[String]| -> Option<VictimKey> {
        let opens_with_casualty = all
            .first()
            .is_some_and(|w| lex.casualties.lookup(&[w.as_str()], None).is_some());
        let object_after = all.iter().skip(2).any(|w| {
            is_accusative(w) && lex.persons.lookup(&[w.as_str()], Some("person")).is_some()
        });
        if !opens_with_casualty || object_after {
            return None;
        }
        let mut words = all.iter().skip(1);
        let head = words.next()?;
        let definite = head.starts_with("ال");
        let noun = head.strip_prefix("ال").unwrap_or(head).to_string();
        let person = noun.chars().count() >= 3
            && !is_state_force(head)
            && (name_like(head)
                || lex
                    .persons
                    .lookup(&[noun.as_str()], Some("person"))
                    .is_some_and(|h| h.entry.attr("number") == Some("sing")));
        let nisba = words
            .next()
            .filter(|w| is_nisba(w))
            .map(|w| w.strip_prefix("ال").unwrap_or(w).to_string());
        person.then_some((noun, definite, nisba))
    };
    let same_name = |a: &Found, a_told: &Told, b: &Found, b_told: &Told| {
        let (a_ends, a_all) = (&a_told.name_ends, &a_told.name_all);
        let (b_ends, b_all) = (&b_told.name_ends, &b_told.name_all);
        let places_agree = match (place_text(a), place_text(b)) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        };
        let shared = |x: &[&str], y: &[&str]| -> usize {
            x.iter().filter(|w| y.contains(w) && name_like(w)).count()
        };
        // A word with the article may be a common noun (أفراد الشرطة), and
        // a short word may be one too (رجل أمن): such a word names a
        // person only beside another name (عبدالكريم الغماري، كيم فال).
        // A single name shared must end or open both evidences (محمد
        // سعيد حسن and محمد خالد عمر are two).
        let one_name = a_ends
            .iter()
            .any(|w| !w.starts_with("ال") && b_ends.contains(w) && name_like(w));
        let same_title = || match (&a_told.victim, &b_told.victim) {
            (Some((a_noun, _, a_nisba)), Some((b_noun, true, b_nisba))) => {
                a_noun == b_noun && (a_nisba.is_none() || b_nisba.is_none() || a_nisba == b_nisba)
            }
            _ => false,
        };
        places_agree
            && (one_name
                || shared(a_ends, b_ends) >= 2
                || shared(a_all, b_all) >= 2
                || same_title())
    };
    // The figures of two or more of each sentence, gathered once: what a
    // toll of one is told with (مقتل شخص واحد وجرح ستة آخرين).
    let mut figures_by_sentence: HashMap<usize, Vec<(Kind, Option<u64>)>> = HashMap::new();
    for g in found.iter().filter(|g| g.value.is_some_and(|v| v >= 2)) {
        figures_by_sentence
            .entry(g.sentence_index)
            .or_default()
            .push((g.kind, g.value));
    }
    // What tells a claim apart from an equal one, read once per claim, not
    // once per pair compared. (The words of a claim of one are read only
    // for claims of one: only they are compared by their victim.)
    let told: Vec<Told> = found
        .iter()
        .map(|f| {
            let years = years_named(text, f);
            let one = f.value.is_some_and(|v| v < 2);
            let words: Vec<String> = if one {
                text[f.evidence.0..f.evidence.1]
                    .split_whitespace()
                    .map(crate::normalize::fold)
                    .collect()
            } else {
                Vec::new()
            };
            let (name_ends, name_all) = if one {
                name_words(f)
            } else {
                (Vec::new(), Vec::new())
            };
            let companions = if one {
                figures_by_sentence
                    .get(&f.sentence_index)
                    .cloned()
                    .unwrap_or_default()
            } else {
                Vec::new()
            };
            let victim = one.then(|| victim(&words)).flatten();
            // (A word with the article is a common noun here: الأقل.)
            let unnamed = victim.as_ref().is_some_and(|(_, definite, _)| !definite)
                && !name_ends
                    .iter()
                    .chain(&name_all)
                    .any(|w| name_like(w) && !crate::normalize::fold(w).starts_with("ال"));
            Told {
                companions,
                unnamed,
                victim,
                words,
                name_ends,
                name_all,
                dated: dated(text, f),
                more: f.kind == Kind::Killed && told_as_more(text, f),
                another: another_event(text, f),
                list_item: list_item(text, f, &years),
                years,
            }
        })
        .collect();
    let mut out: Vec<(Found, Told)> = Vec::with_capacity(found.len());
    for (f, f_told) in found.into_iter().zip(told) {
        // A restatement stands near what it restates: looking back over the
        // last claims only keeps a huge report from costing the square of
        // its claims.
        let from = out.len().saturating_sub(MERGE_LOOKBACK);
        let same = out[from..].iter().position(|(o, o_told)| {
            let other_sentence = o.sentence_index != f.sentence_index;
            if o.kind != f.kind
                || o.value != f.value
                || o.modality != f.modality
                || victims_apart(o.victims, f.victims)
                || (!other_sentence && !told_again_apart(text, lex, o, &f))
                || (f_told.more && !o_told.more)
                || (f_told.dated && !o_told.dated)
                || years_apart(&o_told.years, &f_told.years)
                || (f_told.another && other_sentence)
                || (other_sentence && o_told.list_item && f_told.list_item)
            {
                return false;
            }
            let sources_agree = compatible(&o.source, &f.source, |a, b| {
                (a.canonical.is_some() && a.canonical == b.canonical)
                    || is_anaphor(a)
                    || is_anaphor(b)
            });
            match o.value {
                // The same figure from two differently named bodies (the
                // health ministry, the Observatory) is each body's claim.
                Some(v) if v >= 2 => {
                    !named_apart(&o.source, &f.source)
                        && (o.qualifier == f.qualifier
                            || ((o.qualifier == Qualifier::Exact
                                || f.qualifier == Qualifier::Exact)
                                && sources_agree))
                }
                Some(_) => {
                    let same_qualifier = o.qualifier == f.qualifier;
                    // (مقتل شخص واحد على الأقل … مقتل شخص واحد: the lead's
                    // qualifier is left out when it is told again.)
                    let qualifier_dropped =
                        o.qualifier == Qualifier::Exact || f.qualifier == Qualifier::Exact;
                    (same_qualifier
                        && (same_name(o, o_told, &f, &f_told)
                            || (same_definite_words(&o_told.words, &f_told.words)
                                && !places_named_apart(text, o, &f))))
                        || ((same_qualifier || qualifier_dropped)
                            && other_sentence
                            && !places_named_apart(text, o, &f)
                            && o_told.unnamed
                            && f_told.unnamed
                            && f_told
                                .companions
                                .iter()
                                .any(|c| o_told.companions.contains(c)))
                }
                // "Dozens" from two statements are two claims unless one named
                // source said both.
                None => {
                    o.qualifier == f.qualifier
                        && o.source
                            .as_ref()
                            .zip(f.source.as_ref())
                            .is_some_and(|(a, b)| same_speaker(text, a, b))
                        && !places_named_apart(text, o, &f)
                }
            }
        });
        match same.map(|i| from + i) {
            Some(i) => {
                let o = &mut out[i].0;
                if o.source.is_none() {
                    o.source = f.source;
                }
            }
            None => out.push((f, f_told)),
        }
    }
    out.into_iter().map(|(f, _)| f).collect()
}

/// What tells a claim apart from an equal figure told before it (see
/// `merge_repeats`).
struct Told<'t> {
    /// The one person it names or titles, for a claim of one.
    victim: Option<VictimKey>,
    /// A date inside its words.
    dated: bool,
    /// Told as others, or some of a group told before.
    more: bool,
    /// Its sentence tells of another event (وفي حادث آخر).
    another: bool,
    /// Its sentence is a dated item of a list.
    list_item: bool,
    /// The years its sentence opens with.
    years: Vec<u32>,
    /// For a toll of one, the figures of two or more in its sentence.
    companions: Vec<(Kind, Option<u64>)>,
    /// Its one victim is told by an indefinite noun (مقتل شخص واحد), with
    /// no name or definite title.
    unnamed: bool,
    /// For a toll of one, its evidence's words, folded.
    words: Vec<String>,
    /// For a toll of one, the words that may hold its victim's name: those
    /// at its ends, and all of a short evidence.
    name_ends: Vec<&'t str>,
    name_all: Vec<&'t str>,
}

/// مقتل رئيس الدير … مقتل رئيس الدير: the same words, with a definite noun
/// that points at one person, tell of the same death.
fn same_definite_words(x: &[String], y: &[String]) -> bool {
    // (Not أحد أفراد الشرطة: one of many, told twice, may be two.)
    x.len() >= 3
        && x == y
        && !matches!(x[1].as_str(), "احد" | "احدي")
        && x[1..].iter().any(|w| w.starts_with("ال"))
}

/// Words between two claims of one sentence beyond which the same figure
/// is told again rather than counted twice, and up to which it is looked
/// for (a restatement stands near; a bound keeps a long list of equal tolls
/// from costing the square of its length).
const RESTATED_GAP_WORDS: usize = 8;
const RESTATED_MAX_GAP_WORDS: usize = 60;

/// أصيب 5 أشخاص بسقوط مقذوفات …، وأوضح المتحدث أن الاعتداء نتج عنه إصابة
/// خمسة أشخاص: within one sentence, the same figure after a speaker's
/// clause of its own is the toll told again. Without a reporting verb
/// between, or close together, it is two tolls (a list of quarters, each
/// with its dead: استشهاد رجل وزوجته في حي … واستشهاد رجل وزوجته في حي …).
fn told_again_apart(text: &str, lex: &Lexicons, first: &Found, second: &Found) -> bool {
    // (راح ضحيتها 10 شهداء … أدت لسقوط أكثر من 10 شهداء: another toll.)
    if first.evidence.1 > second.evidence.0 || first.qualifier != second.qualifier {
        return false;
    }
    let between: Vec<&str> = text[first.evidence.1..second.evidence.0]
        .split_whitespace()
        .take(RESTATED_MAX_GAP_WORDS + 1)
        .collect();
    if between.len() < RESTATED_GAP_WORDS || between.len() > RESTATED_MAX_GAP_WORDS {
        return false;
    }
    // (… وقال الدفاع المدني إن 5 أشخاص أصيبوا أيضا بقصف مماثل: another toll.)
    let another = text[second.sentence.0.max(second.evidence.0)..second.sentence.1]
        .split_whitespace()
        .take(12)
        .any(|w| {
            matches!(
                w,
                "أيضا" | "ايضا" | "أيضاً" | "ايضاً" | "كذلك" | "منفصل" | "مماثل"
            )
        });
    !another
        && between.iter().any(|w| {
            let w = crate::normalize::fold(w);
            let w = w.strip_prefix('و').unwrap_or(&w);
            lex.attribution.lookup(&[w], Some("verb")).is_some()
        })
}

/// وكانت قوات الأمن قد قتلت في 14 يوليو - تموز ثلاثة مسلحين: a toll with a
/// date of its own inside its words, after one without, is an earlier
/// event's.
/// (Not منذ 30 مارس: a running total since a date, told again.)
fn dated(text: &str, f: &Found) -> bool {
    let words: Vec<String> = text[f.evidence.0..f.evidence.1]
        .split_whitespace()
        .map(crate::normalize::fold)
        .collect();
    (0..words.len()).any(|i| {
        crate::numbers::is_month(&words[i])
            && !words[i.saturating_sub(2)..i].iter().any(|w| w == "منذ")
    })
}

/// وفي حادث آخر أصيب شرطيان، وفي هجوم منفصل: the words before a toll in
/// its sentence tell of another event than the one told before.
fn another_event(text: &str, f: &Found) -> bool {
    // (The last words before the toll only: a sentence of thousands of
    // tolls must not cost the square of its length.)
    let mut words: Vec<String> = text[f.sentence.0..f.evidence.0.max(f.sentence.0)]
        .split_whitespace()
        .rev()
        .take(12)
        // (وفي هجوم آخر، قتل: the comma stays on the word.)
        .map(|w| crate::normalize::fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .collect();
    words.reverse();
    let is_event = |w: &str| {
        matches!(
            w,
            "حادث"
                | "حادثه"
                | "هجوم"
                | "انفجار"
                | "تفجير"
                | "اعتداء"
                | "غاره"
                | "اشتباك"
                | "واقعه"
        )
    };
    // حادث آخر، حادث تصادم آخر: the adjective right after the noun or after
    // its genitive.
    (0..words.len()).any(|i| {
        // حادث، وبهجوم: the noun with a glued و or ب.
        let noun = words[i].strip_prefix('و').unwrap_or(&words[i]);
        (is_event(noun) || noun.strip_prefix('ب').is_some_and(is_event))
            && words[i + 1..(i + 3).min(words.len())].iter().any(|w| {
                matches!(
                    w.as_str(),
                    "اخر"
                        | "اخري"
                        | "منفصل"
                        | "منفصله"
                        | "مماثل"
                        | "مماثله"
                        | "ثان"
                        | "ثاني"
                        | "ثالث"
                )
            })
    })
}

/// A sentence that is an item of a chronology: it opens with a dash or a
/// bullet and a year (`- عام 2004 …`, `• 14 يوليو 2016: …`); two items are
/// two events, even of one year. (Not a starred one: a digest's starred
/// headline is told again by the starred story below it. Not an undated
/// item: a list of points may restate a toll.)
fn list_item(text: &str, f: &Found, years: &[u32]) -> bool {
    !years.is_empty()
        && text[f.sentence.0..f.sentence.1]
            .trim_start()
            .starts_with(['-', '•'])
}

/// The years a claim's sentence opens with, as a chronology's items do
/// (`عام 2004 …`, `- في عام 2015 …`, `14 يوليو 2016: …`). Only the first
/// words: a year later in a sentence is mostly a reference (بعد هجوم
/// مماثل في 2023، الأعنف منذ 2013), and a count of two thousand is no year.
fn years_named(text: &str, f: &Found) -> Vec<u32> {
    text[f.sentence.0..f.sentence.1]
        .split_whitespace()
        .take(5)
        .filter_map(|w| {
            let digits = w.trim_matches(|c: char| !c.is_ascii_digit());
            (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| digits.parse().ok())
                .flatten()
        })
        .filter(|y| (1900..2100).contains(y))
        .collect()
}

/// The same figure in two sentences that name different years is two
/// tolls (a chronology of attacks: `عام 2004 … خلفت العملية (22) قتيلا`,
/// then `عام 2015 … استشهاد (22) شخصا`).
fn years_apart(a: &[u32], b: &[u32]) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|y| b.contains(y))
}

/// The same figure in two places the report names apart is two tolls (5 in
/// الشعار, 5 in الصاخور).
fn places_named_apart(text: &str, a: &Found, b: &Found) -> bool {
    match (a.place, b.place) {
        (Some(x), Some(y)) => text[x.0..x.1] != text[y.0..y.1],
        _ => false,
    }
}

/// أربعة مسلحين قتلوا … بينما قتل أربعة آخرون، توفي اثنان منهم: others, or
/// some of a group told before, are not that figure told again (unless the
/// figure was told as others the first time too). Only the dead: the
/// wounded are mostly "others" than the dead (مقتل طفل وإصابة خمسة آخرين),
/// told so again.
fn told_as_more(text: &str, f: &Found) -> bool {
    text[f.evidence.0..f.evidence.1]
        .split_whitespace()
        .map(crate::normalize::fold)
        .any(|w| {
            let w = w.strip_prefix('و').unwrap_or(&w);
            matches!(
                w,
                "اخرون" | "اخرين" | "اخران" | "اخري" | "اخريات" | "منهم" | "منهما"
            )
        })
}

/// Two sources are one speaker when a table knows them as one body, or
/// when the report names them in the same words (جماعات إغاثة طبية twice).
fn same_speaker(text: &str, a: &FoundSource, b: &FoundSource) -> bool {
    if a.canonical.is_some() || b.canonical.is_some() {
        return a.canonical == b.canonical;
    }
    a.span == b.span || text[a.span.0..a.span.1] == text[b.span.0..b.span.1]
}

/// A one-person claim's victim as a restatement names it: the head noun
/// without its article, whether it had one, and the nisba after it.
type VictimKey = (String, bool, Option<String>);

/// Nine Islamic State fighters and nine citizens are two tolls: a restated
/// toll names the same victims, or a wider word for them (people).
fn victims_apart(a: Victims, b: Victims) -> bool {
    let armed = |v: Victims| matches!(v, Victims::Fighters | Victims::Soldiers);
    let unarmed = |v: Victims| matches!(v, Victims::Civilians | Victims::Children | Victims::Women);
    (armed(a) && unarmed(b))
        || (unarmed(a) && armed(b))
        || (a == Victims::Fighters && b == Victims::Soldiers)
        || (a == Victims::Soldiers && b == Victims::Fighters)
        || (a == Victims::Children && b == Victims::Women)
        || (a == Victims::Women && b == Victims::Children)
}

fn named_apart(a: &Option<FoundSource>, b: &Option<FoundSource>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.canonical.is_some() && b.canonical.is_some() && a.canonical != b.canonical
        }
        _ => false,
    }
}

/// A state force after a member noun: الجيش، القوات، الحرس، الشرطة،
/// الأمن، الدرك، المخابرات، مرتبات (مرتبات الأمن العام).
fn is_state_force(w: &str) -> bool {
    let stem = w.strip_prefix("ال").unwrap_or(w);
    matches!(
        stem,
        "جيش"
            | "قوات"
            | "حرس"
            | "شرطه"
            | "امن"
            | "درك"
            | "مرتبات"
            | "اجهزه"
            | "مخابرات"
            | "استخبارات"
    )
}

/// A source named by a definite generic noun refers back: المصدر، المصادر.
fn is_anaphor(s: &FoundSource) -> bool {
    s.canonical.is_none() && s.body.is_none() && s.span.1 - s.span.0 <= "المصادر".len()
}

fn compatible<T>(a: &Option<T>, b: &Option<T>, same: impl Fn(&T, &T) -> bool) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => same(x, y),
        _ => true,
    }
}

/// Every claim draft of a sentence.
fn find_drafts(v: &View) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut used = vec![false; v.len()];
    let mut i = 0;
    while i < v.len() {
        let Some(q) = v.quantity_at(i) else {
            i += 1;
            continue;
        };
        i = q.end.max(i + 1);
        // عدة أشخاص آخرين أصيبوا: آخرين inside a toll just read is of it.
        if used[q.first] && matches!(v.word(q.first), "اخرين" | "اخرون") {
            continue;
        }
        // جميع المصابين، جميع الضحايا: all of a toll already given, no new count.
        if q.not_a_count
            || (matches!(v.word(q.first), "جميع" | "وجميع") && v.count_noun(q.end).is_some())
        {
            continue;
        }
        let found = match range_after(v, &q) {
            Some(second) => {
                i = i.max(second.end);
                range_drafts(v, &q, &second)
            }
            None => {
                // مقتل قائد ميداني و3 من مرافقيه: the count joins a named victim,
                // found in the second pass, so look for one ending right here.
                let named = (q.first.saturating_sub(10)..q.first)
                    .find_map(|t| named_individual(v, t).or_else(|| office_holder(v, t)))
                    .filter(|d| {
                        d.end == q.first
                            || (d.end + 1 == q.first
                                && (v.word_is(d.end, "و") || v.word_is(d.end, "مع")))
                    });
                let previous = match (named.as_ref(), drafts.last()) {
                    (Some(n), Some(p)) if p.end > n.end => Some(p),
                    (Some(n), _) => Some(n),
                    (None, p) => p,
                };
                let mut found = drafts_for_quantity(v, &q, previous);
                if named.is_none() {
                    if let Some(person) = implicit_before_joined_count(v, &q, &found) {
                        found.insert(0, person);
                    }
                }
                found
            }
        };
        for d in found {
            for u in used.iter_mut().take(d.end.min(v.len())).skip(d.first) {
                *u = true;
            }
            let mut resume = d.tail;
            // The numbers of a بينهم list belong to the breakdown, not to new claims.
            if let Some((_, end)) = v.breakdown_after(d.tail) {
                resume = end;
                for u in used.iter_mut().take(end.min(v.len())).skip(d.tail) {
                    *u = true;
                }
            }
            if resume > q.end {
                i = i.max(resume.min(v.len()));
            }
            drafts.push(d);
        }
    }
    // Counts without a number word: duals, implicit persons, a lone casualty noun.
    let mut k = 0;
    while k < v.len() {
        if used[k] {
            k += 1;
            continue;
        }
        if let Some(d) = named_individual(v, k).or_else(|| office_holder(v, k)) {
            for u in used.iter_mut().take(d.end.min(v.len())).skip(d.first) {
                *u = true;
            }
            k = d.end.max(k + 1);
            drafts.push(d);
            continue;
        }
        if let Some(d) = lone_case(v, k).or_else(|| lives_lost(v, k)) {
            for u in used.iter_mut().take(d.end.min(v.len())).skip(d.first) {
                *u = true;
            }
            k = d.end.max(k + 1);
            drafts.push(d);
            continue;
        }
        if let Some(d) = killed_in_relative_clause(v, k)
            .or_else(|| deed_on_one(v, k))
            .or_else(|| force_kills_one(v, k))
        {
            for u in used.iter_mut().take(d.end.min(v.len())).skip(d.first) {
                *u = true;
            }
            k = d.end.max(k + 1);
            drafts.push(d);
            continue;
        }
        let mut found = implicit_drafts(v, k, drafts.iter().rfind(|d| d.end <= k));
        // مقتل شخص واحد على الأقل، شخصين على الأقل قتلا: a qualifier after
        // the implicit count, at the claim's end or before its verb.
        for d in found.iter_mut().flatten() {
            if d.value.is_some() && d.qualifier == Qualifier::Exact {
                let inside = (d.first + 1..d.end)
                    .find_map(|x| v.qualifier_after(x).filter(|&(_, e)| e <= d.end));
                if let Some((q, e)) = inside.or_else(|| v.qualifier_after(d.end)) {
                    d.qualifier = q;
                    d.end = d.end.max(e);
                    d.tail = d.tail.max(e);
                }
            }
        }
        // (عسكريين اثنين أصيبا: the dual already counted by its number; its
        // noun names the victims.)
        let counted_already = found.as_ref().is_some_and(|found| {
            let mut any = false;
            for f in found {
                for d in drafts.iter_mut().filter(|d| {
                    d.kind == f.kind && d.value == f.value && f.first < d.end && d.first < f.end
                }) {
                    any = true;
                    if matches!(d.victims, None | Some(Victims::People)) {
                        d.victims = f.victims;
                    }
                    d.first = d.first.min(f.first);
                }
            }
            any
        });
        if let Some(found) = found.filter(|_| !counted_already) {
            let end = found.iter().map(|d| d.end).max().unwrap_or(k + 1);
            for d in &found {
                for u in used.iter_mut().take(d.end.min(v.len())).skip(d.first) {
                    *u = true;
                }
            }
            k = end.max(k + 1);
            drafts.extend(found);
            continue;
        }
        k += 1;
    }
    drafts.sort_by_key(|d| d.first);
    let drafts = sum_implicit_groups(v, drafts);
    // Distributive statements: one claim per place of the list.
    let mut out = Vec::with_capacity(drafts.len());
    for d in drafts {
        let list = places::distributive_list(v, d.tail);
        if list.is_empty() {
            out.push(d);
        } else {
            for m in list {
                out.push(Draft {
                    distributive: Some(m),
                    ..d.clone()
                });
            }
        }
    }
    out
}

/// A denial in the `words` words before `k`, within its clause: دون، لم
/// يسفر الحادث عن، لا.
fn negated_before(v: &View, k: usize, words: usize) -> bool {
    (k.saturating_sub(words)..k)
        .rev()
        .take_while(|&p| !v.is_punct(p))
        .any(|p| {
            matches!(
                v.word(p),
                "دون"
                    | "بدون"
                    | "دونما"
                    | "لم"
                    | "ولم"
                    | "لا"
                    | "ولا"
                    | "عدم"
                    | "تفادي"
                    | "تجنب"
            )
        })
}

/// The round-ups of ambulance services count one case at a time: وجدت
/// حالة وفاة بالموقع، نتج منه إصابة متوسطة وإصابة خطيرة، وإصابة أخرى. An
/// indefinite case of death, or an injury with its severity, is one.
/// (لإصابة خطيرة في الركبة, a player's injury, takes a preposition and a
/// body part: neither is counted.)
fn lone_case(v: &View, k: usize) -> Option<Draft> {
    let w = v.word(k);
    let bare = w.strip_prefix('و').unwrap_or(w);
    let severity = |w: &str| matches!(w, "متوسطه" | "خطيره" | "طفيفه" | "حرجه" | "بسيطه");
    let dual_severity = |w: &str| {
        ["متوسطت", "خطيرت", "طفيفت", "حرجت", "بسيطت"]
            .iter()
            .any(|s| w.strip_prefix(s).is_some_and(|e| matches!(e, "ان" | "ين")))
    };
    let (kind, end, base) = match bare {
        "حاله" if v.word_is(k + 1, "وفاه") => (Kind::Killed, k + 2, 1),
        "اصابه" if severity(v.word(k + 1)) || matches!(v.word(k + 1), "بالغه" | "اخري") => {
            (Kind::Injured, k + 2, 1)
        }
        // وتم نقل حالة بسيطة، بوجود حالتين متوسطتين: a case with its
        // severity is a patient.
        "حاله" if severity(v.word(k + 1)) => (Kind::Injured, k + 2, 1),
        "حالتان" | "حالتين" if dual_severity(v.word(k + 1)) => {
            (Kind::Injured, k + 2, 2)
        }
        _ => return None,
    };
    // (خمس إصابات … حالتان متوسطتان وحالة بسيطة، 4 إصابات منها حالة حرجة:
    // the cases of a toll told before them in the sentence are its parts.)
    let case_of_a_toll = bare != "اصابه"
        && kind == Kind::Injured
        && (0..k).any(|p| {
            without_conjunction(v.word(p)).starts_with("اصاب")
                || v.count_noun(p).is_some()
                || matches!(v.word(p), "حالتين" | "حالتان" | "حالات")
        });
    if case_of_a_toll {
        return None;
    }
    let counted_before = k > 0 && (v.quantity_at(k - 1).is_some() || v.is_number(k - 1));
    let about_a_body_part =
        kind == Kind::Injured && (v.word_is(end, "في") || v.word_is(end, "علي"));
    if counted_before || about_a_body_part || negated_before(v, k, 6) {
        return None;
    }
    // An injury is a case of an incident when something resulted in it
    // (نتج منه، أسفر عن، وجدت، وقوع) or it joins a case before it; يعاني من
    // إصابة خطيرة، هي إصابة خطيرة are a player's.
    // (نتج عن الحادث إصابة: the cause may stand between.)
    let resulted = (k.saturating_sub(2)..k).any(|p| {
        matches!(
            v.word(p),
            "منه"
                | "عنه"
                | "عنها"
                | "منها"
                | "عن"
                | "وجدت"
                | "وقوع"
                | "بوجود"
                | "سجلت"
                | "تسجيل"
                | "نقل"
        )
    });
    let joins_a_case = w.starts_with('و')
        && (k.saturating_sub(8)..k).any(|p| {
            matches!(v.word(p), "حاله" | "وحاله" | "اصابه" | "واصابه") || v.trigger_at(p).is_some()
        });
    if kind == Kind::Injured && !resulted && !joins_a_case {
        return None;
    }
    // إصابة متوسطة وإصابة خطيرة: a purely implicit group adds up (GUIDE.md).
    let (mut value, mut end) = (base, end);
    // The next case has summed the rest of the chain already.
    if v.word(end).starts_with('و') {
        if let Some(next) = lone_case(v, end).filter(|next| next.kind == kind) {
            value += next.value.unwrap_or(1);
            end = next.end;
        }
    }
    Some(Draft::counted(
        kind,
        Some(value),
        Qualifier::Exact,
        Some(Victims::People),
        k,
        end,
    ))
}

/// القتلى الـ35، والشهداء الـ15: a definite plural toll noun with its number
/// after it and the article (الـ) on the number.
fn definite_toll_with_number(v: &View, q: &Quantity) -> Option<Draft> {
    if !q.digits || q.first < 2 || !v.word_is(q.first - 1, "ال") {
        return None;
    }
    // (وتجاوز عدد الضحايا الـ30 شخصا: a toll's head before it reads it.)
    if q.first >= 3
        && v.lex
            .casualties
            .lookup(v.window(q.first - 3, 1), Some("toll_head"))
            .is_some()
    {
        return None;
    }
    let w = v.word(q.first - 2);
    let noun = w.strip_prefix('و').unwrap_or(w).strip_prefix("ال")?;
    let hit = v.lex.casualties.lookup(&[noun], Some("count_noun"))?;
    if hit.entry.attr("number") != Some("plural") {
        return None;
    }
    let kind = Kind::parse(hit.entry.attr("kind")?)?;
    Some(Draft::counted(
        kind,
        q.value,
        Qualifier::Exact,
        Some(Victims::People),
        q.first - 2,
        q.end,
    ))
}

/// وتعرض ثلاثة أشخاص لإصابات خطيرة، تعرضت سيدتان إلى حروق، تعرض أحد مشجعي
/// ليفربول لإصابة، إلا أنه تعرض لبعض الحروق: the verb, its subject (a count,
/// a person, or its own ending) and the harm it met. A player's injury is
/// told the same way, so the subject must be a person the lexicon knows, and
/// the verb's ending alone counts only burns, stabs and wounds, not a
/// sportsman's إصابة or كسر.
fn exposed_to_harm(v: &View, k: usize) -> Option<Draft> {
    let verb = without_conjunction(v.word(k));
    let own_count = match verb {
        "تعرض" | "تعرضت" => Some(1),
        "تعرضا" | "تعرضتا" => Some(2),
        "تعرضوا" => None,
        _ => return None,
    };
    // The harm: لإصابة، لإصابات، إلى حروق، لبعض الحروق.
    let harm_at = |p: usize| -> Option<(usize, bool)> {
        let (word, next) = match v.word(p) {
            "الي" => (v.word(p + 1), p + 2),
            x => (x.strip_prefix('ل')?, p + 1),
        };
        let (word, next) = if matches!(word, "بعض" | "لبعض") {
            (v.word(next), next + 1)
        } else {
            (word, next)
        };
        let stem = word.strip_prefix("ال").unwrap_or(word);
        match stem {
            "حروق" | "طعنات" | "طعنه" | "جروح" => Some((next, true)),
            "اصابه" | "اصابات" | "كسور" | "كسر" => Some((next, false)),
            _ => None,
        }
    };
    let (harm, (end, wound)) = (k + 1..(k + 9).min(v.len()))
        .take_while(|&p| !v.is_punct(p) || v.punct_char(p) == Some(','))
        .find_map(|p| harm_at(p).map(|h| (p, h)))?;
    let (value, qualifier, victims) = if harm == k + 1 {
        // The verb's own ending: burns and stabs only.
        if !wound {
            return None;
        }
        match own_count {
            Some(n) => (Some(n), Qualifier::Exact, Victims::People),
            None => (None, Qualifier::Several, Victims::People),
        }
    } else if matches!(v.word(k + 1), "احد" | "احدي") {
        // أحد مشجعي ليفربول: one of them (not أحد اللاعبين, a player's injury).
        if is_player(v.word(k + 2)) {
            return None;
        }
        (Some(1), Qualifier::Exact, Victims::People)
    } else if let Some(q) = v.quantity_at(k + 1).filter(|q| !q.not_a_count) {
        if v.person(q.end).is_none() || q.end > harm {
            return None;
        }
        let category = v.person(q.end).map_or(Victims::People, |(c, ..)| c);
        (q.value, q.vague.unwrap_or(Qualifier::Exact), category)
    } else {
        let (category, person_end, number, _) = v.person(k + 1)?;
        // (تعرض المهاجم الفنزويلي إلى إصابة, تعرض العراقي أمجد راضي لإصابة: a
        // team's player; تعرض الأطفال لإصابات: children as a class.)
        let subject = v.word(k + 1);
        let definite = subject.starts_with("ال");
        if person_end > harm
            || is_player(subject)
            || (definite && (is_nisba(subject) || number == "plural"))
        {
            return None;
        }
        match number {
            "sing" => (Some(1), Qualifier::Exact, category),
            "dual" => (Some(2), Qualifier::Exact, category),
            _ => (None, Qualifier::Several, category),
        }
    };
    Some(Draft::counted(
        Kind::Injured,
        value,
        qualifier,
        Some(victims),
        k,
        end,
    ))
}

/// A verb without the و or ف joined to it.
fn without_conjunction(w: &str) -> &str {
    w.strip_prefix('و')
        .or_else(|| w.strip_prefix('ف'))
        .unwrap_or(w)
}

/// A player of a team: اللاعب، المهاجم، الحارس، لاعبي، النجم.
fn is_player(w: &str) -> bool {
    let w = w.strip_prefix("ال").unwrap_or(w);
    [
        "لاعب",
        "نجم",
        "نجوم",
        "حارس",
        "حراس",
        "مهاجم",
        "مدافع",
        "هداف",
    ]
    .iter()
    .any(|p| w.starts_with(p))
}

/// لقي الملحن الأمريكي جيمس هورنر … مصرعه، لقيت طفلة رضيعة لم تكمل يومها
/// السادس … حتفها: the verb, its uncounted subject and, words later, the
/// death that agrees with it (one person, or two with لقيا … مصرعهما).
fn met_death(v: &View, k: usize) -> Option<Draft> {
    let verb = without_conjunction(v.word(k));
    // (فقد شاب حياته: losing one's life is met the same way; its ف is the
    // verb's own.)
    let lost = |w: &str| matches!(w, "فقد" | "فقدت" | "فقدا");
    let lost_life = lost(v.word(k)) || lost(verb);
    if !lost_life && !matches!(verb, "لقي" | "لاقي" | "لقيت" | "لاقت" | "لقيا" | "لاقيا")
    {
        return None;
    }
    let stems: &[&str] = if lost_life {
        &["حيات", "ارواح"]
    } else {
        &["حتف", "مصرع"]
    };
    // The death's pronoun counts the subject: مصرعه، حتفها one, مصرعهما two
    // (لقي الجنديان مصرعهما), مصرعهم several.
    let (close, pronoun) = (k + 2..(k + 16).min(v.len()))
        // (لقي القرار ترحيبا من أسرة الصحفي التي طالبت بكشف ملابسات مصرعه:
        // a relative clause is another sentence's death.)
        .take_while(|&p| !matches!(v.word(p), "التي" | "الذي" | "الذين" | "اللذين" | "اللتين"))
        .find_map(|p| {
            let x = v.word(p);
            stems
                .iter()
                .find_map(|stem| x.strip_prefix(stem))
                .filter(|rest| matches!(*rest, "ه" | "ها" | "هما" | "هم" | "هن"))
                .map(|rest| (p, rest))
        })?;
    // (فقد الشاب حياته الطبيعية: a life changed, not lost.)
    if lost_life && v.word(close + 1).starts_with("ال") {
        return None;
    }
    // (التحقيق في ظروف مصرعه، في يوم حتفها: a noun or preposition before
    // it makes the death that noun's, not the verb's object.)
    if matches!(
        v.word(close - 1),
        "في" | "ظروف"
            | "ملابسات"
            | "ذكري"
            | "يوم"
            | "سبب"
            | "اسباب"
            | "عن"
            | "حول"
            | "بعد"
            | "قبل"
            | "منذ"
            | "تاريخ"
            | "خبر"
            | "نبا"
            | "بكشف"
            | "حادث"
            | "مكان"
    ) {
        return None;
    }
    // (لقي 5 أشخاص حتفهم and a casualty word between are counted elsewhere;
    // an age is no count: لقيت تانيشا ملبورن بلايك، 17 سنة، حتفها.)
    let plain_subject = (k + 1..close).all(|p| {
        age_after_name(v, p)
            || (!v.is_number(p) && v.quantity_at(p).is_none() && v.trigger_at(p).is_none())
    });
    if !plain_subject {
        return None;
    }
    let subject = v.person(k + 1);
    let first = v.word(k + 1);
    // (فقدت الشركة حياتها: only a person loses a life. فقد كانت حياته: and
    // فقد may be ف + قد, "indeed", before a verb; a name needs its و then.)
    if lost_life
        && subject.is_none()
        && !(v.word(k).starts_with('و') && is_name_word(v, k + 1, false))
    {
        return None;
    }
    // (ولقي معظم الضحايا حتفهم: victims already told.)
    if matches!(first, "معظم" | "اغلب" | "جميع" | "كل" | "غالبيه") {
        return None;
    }
    // (لقي أحدهما مصرعه: one of them.)
    if matches!(first, "احد" | "احدهما" | "احدهم" | "احدي" | "احداهما") {
        return Some(Draft::counted(
            Kind::Killed,
            Some(1),
            Qualifier::Exact,
            Some(Victims::People),
            k,
            close + 1,
        ));
    }
    // (لقيت قيادات حوثية أخرى مصرعها: a plural subject, a singular verb.)
    let plural = subject.is_some_and(|(_, _, number, _)| number == "plural")
        || (subject.is_none() && first.chars().count() > 4 && first.ends_with("ات"));
    let value = match pronoun {
        _ if plural => None,
        "ه" | "ها" => Some(1),
        "هما" => Some(2),
        _ => None,
    };
    let victims = subject.map_or(Victims::People, |(category, ..)| category);
    Some(Draft::counted(
        Kind::Killed,
        value,
        if value.is_some() {
            Qualifier::Exact
        } else {
            Qualifier::Several
        },
        Some(victims),
        k,
        close + 1,
    ))
}

/// أطلق النار على رجل فأصابه، أطلقا النار على أمين شرطة فقتلاه، ألقى مسلحون
/// القبض عليه وقتلوه: a killing or wounding verb joined by ف/و whose object is
/// a pronoun, one person (ه، ها) or two (هما). The victims are those of the
/// nearest person noun before it, when there is one.
fn object_pronoun_casualty(v: &View, k: usize) -> Option<Draft> {
    let w = v.word(k);
    let verb = w.strip_prefix('ف').or_else(|| w.strip_prefix('و'))?;
    let (kind, object) = if let Some(rest) = verb.strip_prefix("قتل") {
        (Kind::Killed, rest)
    } else if let Some(rest) = verb
        .strip_prefix("ارد")
        // (واردة, "incoming", folds like a verb with its object: only the
        // forms with the subject's ending are أرداه.)
        .filter(|r| ["اه", "ته", "وه", "اها", "تها", "وها", "اهما", "تهما"].contains(r))
    {
        (Kind::Killed, rest)
    } else if let Some(rest) = verb.strip_prefix("اصاب") {
        (Kind::Injured, rest)
    } else {
        return None;
    };
    // The subject's ending (ت، ا، وا) before the object pronoun.
    let object = ["تا", "ت", "وا", "و", "ا"]
        .iter()
        .find_map(|s| object.strip_prefix(s).filter(|o| !o.is_empty()))
        .unwrap_or(object);
    let value = match object {
        "ه" | "ها" => 1,
        "هما" => 2,
        _ => return None,
    };
    // تاركة خلفها عتادها وقتلاها، تاركا جرحاه وقتلاه: its dead, not "the two
    // killed her".
    let before = v.word(k.saturating_sub(1));
    if kind == Kind::Killed
        && (verb.ends_with("لاها")
            || (verb == "قتلاه" && (before.contains("جرحا") || before.starts_with("تارك"))))
    {
        return None;
    }
    // The deed ends its clause or says how and where (قتله رميا بالرصاص، أصابه
    // بجروح، قتلها داخل منزلها): أصابه الهلع is a feeling, وقتلة الصحفي the
    // killers, whose folded form is the verb's.
    let next = v.word(k + 1);
    let ends_deed = k + 1 >= v.len()
        || v.is_clause_break(k + 1)
        || next.starts_with('و')
        || matches!(
            next,
            "في" | "علي"
                | "امام"
                | "داخل"
                | "خارج"
                | "قرب"
                | "بعد"
                | "قبل"
                | "خلال"
                | "عمدا"
                | "رميا"
                | "حرقا"
                | "ذبحا"
                | "طعنا"
                | "خنقا"
                | "شنقا"
                | "ضربا"
                | "دهسا"
                | "امس"
                | "اليوم"
        )
        || [
            "بجروح",
            "بجراح",
            "بجرح",
            "برصاص",
            "بالرصاص",
            "بطلق",
            "بشظاي",
            "بعيار",
            "بطعن",
            "بسكين",
            "بالسكين",
            "باطلاق",
        ]
        .iter()
        .any(|x| next.starts_with(x));
    if !ends_deed || negated_before(v, k, 4) || animal_in(v, k.saturating_sub(6), k + 2) {
        return None;
    }
    // حاول خطفه وقتله، متهم بالتخطيط … للوصول إلى مكتبها وقتلها: an intent,
    // not a deed. (Scanned only for a verb that passed the cheap tests.)
    let intended = || {
        (0..k).any(|p| {
            let w = v.word(p);
            let w = w.strip_prefix('و').unwrap_or(w);
            [
                "حاول",
                "محاول",
                "يحاول",
                "اراد",
                "يريد",
                "هدد",
                "يهدد",
                "خطط",
                "تخطيط",
                "بالتخطيط",
                "مخطط",
                "ينوي",
                "نيه",
                "ليتسني",
                "بهدف",
                "يعتزم",
                "تهديد",
            ]
            .iter()
            .any(|x| w.starts_with(x))
        })
    };
    if !violent_deed_before(v, k) || intended() || told_as_fiction(v) {
        return None;
    }
    // The victim is the one the deed fell on: after على (أطلق النار على رجل)
    // or in the accusative (طعن حارسا); not the gunman who is the subject
    // (أطلق مسلح النار عليه فأصابه).
    let antecedent = (k.saturating_sub(10)..k)
        .rev()
        .take_while(|&p| !v.is_punct(p) || v.punct_char(p) == Some(','))
        .find_map(|p| {
            v.person(p)
                .filter(|(_, _, number, _)| (*number == "dual") == (value == 2))
                .filter(|(_, _, number, _)| *number != "plural")
                .filter(|_| {
                    is_accusative(v.word(p))
                        || v.word(p).starts_with("ال")
                        || (p > 0 && v.word_is(p - 1, "علي"))
                })
                .map(|(category, ..)| (p, category))
        });
    // أطلق المسلحون النار على السيارة فأصابها: a wound needs a person hit.
    if kind == Kind::Injured && antecedent.is_none() {
        return None;
    }
    let (first, victims) = antecedent.unwrap_or((k, Victims::People));
    Some(Draft::counted(
        kind,
        Some(value),
        Qualifier::Exact,
        Some(victims),
        first,
        k + 1,
    ))
}

/// The deeds after which a pronoun's death or wound is one of their victims.
const VIOLENT_DEEDS: &[&str] = &[
    "نار",
    "رصاص",
    "رصاصه",
    "رصاصتين",
    "طعن",
    "طعنه",
    "طعنات",
    "طعنها",
    "طلق",
    "طلقه",
    "طلقات",
    "طلقتين",
    "سكين",
    "ساطور",
    "اعتداء",
    "انفجار",
    "لغم",
    "دهس",
    "صدم",
    "صدمت",
    "صدمته",
    "صدمها",
    "قصف",
    "هاجم",
    "هاجمت",
    "هجوم",
    "ضرب",
    "عضت",
    "عض",
    "اغتصاب",
    "خطف",
    "القبض",
    "قبض",
    "مداهمه",
    "اشتباك",
    "مواجهه",
];

/// أطلق النار، طعن، صدمته سيارة، الاعتداء على زوجته: a violent deed told
/// before `k`, so that a pronoun's death or wound is one of its victims (not
/// طوبى لمن قتلهم وقتلوه, not a sportsman brought down وإصابته).
fn violent_deed_before(v: &View, k: usize) -> bool {
    (0..k).any(|p| crate::lexicon::stems(v.word(p)).any(|(s, _)| VIOLENT_DEEDS.contains(&s)))
}

/// Words that tell a story, not an event.
const FICTION: &[&str] = &[
    "فيلم",
    "مسلسل",
    "روايه",
    "مسرحيه",
    "دور",
    "مذكرات",
    "مذكراتها",
    "اسطوره",
];

/// في الفيلم دور أم ثكلى، مسلسل، رواية: a story told, not an event.
fn told_as_fiction(v: &View) -> bool {
    (0..v.len()).any(|p| crate::lexicon::stems(v.word(p)).any(|(s, _)| FICTION.contains(&s)))
}

/// وتوفي في المستشفى متأثرا بجروحه، وتوفيت مريم الأربعاء متأثرة بإصابتها:
/// one person died of wounds, the subject in the verb or named after it.
/// `k` is the verb; the wounds follow within eight words.
fn died_of_wounds(v: &View, k: usize) -> Option<Draft> {
    let verb = without_conjunction(v.word(k));
    let feminine = match verb {
        "توفي" | "مات" | "قضي" => false,
        "توفيت" | "ماتت" => true,
        _ => return None,
    };
    // (The subject stands before or after the verb.)
    if animal_in(v, k.saturating_sub(3), k + 4) || self_harm(v) || negated_before(v, k, 3) {
        return None;
    }
    let wounds = (k + 1..(k + 9).min(v.len()))
        .take_while(|&p| !v.is_punct(p) || v.punct_char(p) == Some(','))
        .find(|&p| {
            matches!(v.word(p), "متاثرا" | "متاثره" | "متاثر")
                && ["بجروح", "بجراح", "باصاب", "لجروح", "لجراح"]
                    .iter()
                    .any(|x| v.word(p + 1).starts_with(x))
        })?;
    let victims = if feminine || v.word(wounds) == "متاثره" {
        Victims::Women
    } else {
        Victims::People
    };
    Some(Draft::one_killed(victims, k, wounds + 2))
}

/// An adjective of relation (فلسطينيا، التركية، الإسرائيلي): a word of four
/// letters or more, besides the article, ending in ي، يا or يه.
fn is_nisba(w: &str) -> bool {
    let stem = w.strip_prefix("ال").unwrap_or(w);
    attribution::is_nisba(w) || (stem.chars().count() >= 4 && stem.ends_with("يا"))
}

/// أحد الفيلة توفي متأثرا بجراحه، ومات الحصان متأثرا بجروحه، صدمت سيارة
/// كلبا مما أدى إلى موته: an animal among the words `lo..hi`.
fn animal_in(v: &View, lo: usize, hi: usize) -> bool {
    (lo..hi.min(v.len())).any(|p| {
        let w = v.word(p);
        let w = w.strip_prefix('و').unwrap_or(w);
        let w = w.strip_prefix("ال").unwrap_or(w);
        ANIMALS.contains(&w) || w.strip_suffix('ا').is_some_and(|w| ANIMALS.contains(&w))
    })
}

/// تعرض لأزمة قلبية أدت إلى وفاته، أصيب بفيروس مما أدى إلى وفاته: a death
/// of illness is no toll.
fn natural_cause(v: &View) -> bool {
    // (ارتفاع ضغط الدم: pressure of the blood only.)
    (0..v.len()).any(|p| {
        is_natural_cause(v.word(p)) || (v.word(p).ends_with("ضغط") && v.word_is(p + 1, "الدم"))
    })
}

/// وفاة وافد بفيروس كورونا، توفي إثر أزمة قلبية: a death whose cause,
/// told right after it, is an illness.
fn died_of_illness(v: &View, d: &Draft) -> bool {
    d.kind == Kind::Killed
        && (d.end..(d.end + 4).min(v.len()))
            .take_while(|&k| !v.is_punct(k) || v.punct_char(k) == Some('"'))
            .any(|k| {
                let w = v.word(k);
                (w.starts_with('ب') && is_natural_cause(w))
                    || (k > d.end
                        && matches!(v.word(k - 1), "اثر" | "جراء" | "بسبب" | "نتيجه")
                        && is_natural_cause(w))
            })
}

/// نقلت سيارات الإسعاف عددا من المصابين، تم نقل الكثير من الجرحى،
/// عددا من الجرحى في حالات حرجة، والكثير من الجرحى مصابون بالرصاص: some of
/// the wounded, carried off or in a state; after a toll of wounded already
/// told (the caller knows), they are of it.
fn some_of_the_wounded(v: &View, d: &Draft) -> bool {
    if d.kind != Kind::Injured || d.value.is_some() {
        return false;
    }
    let definite_noun = (d.first..d.end.min(v.len())).any(|k| {
        matches!(
            without_conjunction(v.word(k)),
            "الجرحي" | "المصابين" | "جرحي"
        ) && k > 0
            && v.word_is(k - 1, "من")
    });
    if !definite_noun {
        return false;
    }
    let carried = (d.first.saturating_sub(3)..d.first).any(|k| {
        let w = v.word(k);
        ["نقل", "لنقل", "ونقل", "اسعاف", "علاج", "اجلاء"].contains(&w)
            || w.starts_with("نقلت")
            || w.starts_with("ونقلت")
    });
    let in_a_state = matches!(v.word(d.end), "في" | "مصابون" | "يعانون" | "يرقدون")
        && (v.word_is(d.end, "في") && v.word(d.end + 1).starts_with("حال")
            || !v.word_is(d.end, "في"));
    carried || in_a_state
}

/// 38 ألف حالة وفاة سنويا، عدد الضحايا اليومي بنحو 300 شخص: a rate, not the
/// toll of an event.
fn is_rate(v: &View, d: &Draft) -> bool {
    let rate_word = |w: &str| matches!(w, "سنويا" | "يوميا" | "شهريا" | "اسبوعيا");
    // (اليومي after a toll's noun: عدد الضحايا اليومي; not الإيجاز اليومي,
    // القصف اليومي, the day's briefing or shelling.)
    let daily_toll = (d.first.max(1)..d.end.min(v.len())).any(|k| {
        matches!(v.word(k), "اليومي" | "السنوي" | "الشهري")
            && v.lex.casualties.lookup(v.window(k - 1, 1), None).is_some()
    });
    // (Not across a conjunction: مقتل 15 عنصرا وأصيب 12 اسبوعيا.)
    let every = |k: usize| v.word_is(k, "كل") && matches!(v.word(k + 1), "عام" | "سنه" | "يوم");
    let after = (d.end..(d.end + 3).min(v.len()))
        .take_while(|&k| !v.is_punct(k) && !v.word(k).starts_with('و'))
        .any(|k| rate_word(v.word(k)) || every(k));
    let within = (d.first..d.end.min(v.len())).any(|k| rate_word(v.word(k)));
    daily_toll || within || after
}

/// Where a closing list of tags starts in the normalized text (SaudiNewsNet's
/// outlets end a report with «سمات جدة رضيعة وفاة»: keywords, no sentence);
/// the text's length without one.
fn tags_start(text: &str) -> usize {
    const MARK: &str = "سمات ";
    const MAX_TAGS: usize = 300;
    let Some(at) = text.rfind(MARK) else {
        return text.len();
    };
    // (Not التفجير الذي يحمل سمات هجمات داعش: the word must open a line or
    // follow a sentence's end.)
    let starts_line = text[..at]
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '\n' | '.' | '!' | '?'));
    let tail = text[at + MARK.len()..].trim_end();
    let a_list =
        tail.chars().count() <= MAX_TAGS && !tail.contains(['\n', '.', ',', '?', '!', ':']);
    if starts_line && a_list {
        at
    } else {
        text.len()
    }
}

/// وتوفي شخصان، وفاة 3 حالات: a death told with the words of any death,
/// which in a report about an epidemic is one of its deaths.
fn told_as_natural_death(v: &View, d: &Draft) -> bool {
    (d.first.saturating_sub(3)..d.end.min(v.len()))
        .any(|p| crate::lexicon::stems(v.word(p)).any(|(s, _)| is_word_of_any_death(s)))
}

/// توفي، وفاة، وفيات: the words of a death of any cause, natural or not.
fn is_word_of_any_death(w: &str) -> bool {
    matches!(w, "توفي" | "توفيت" | "توفوا" | "توفيا" | "وفاه" | "وفيات")
}

/// A word of illness, with its clitics: بفيروس، الأزمة، والسرطان.
fn is_natural_cause(w: &str) -> bool {
    let w = w.strip_prefix('و').unwrap_or(w);
    let w = w
        .strip_prefix('ب')
        .or_else(|| w.strip_prefix('ل'))
        .unwrap_or(w);
    let w = w.strip_prefix("ال").unwrap_or(w);
    matches!(
        w,
        "ازمه"
            | "جلطه"
            | "نوبه"
            | "مرض"
            | "فيروس"
            | "سرطان"
            | "كورونا"
            | "وباء"
            | "سكته"
            | "قلبيه"
            | "شيخوخه"
            | "عضال"
            | "مضاعفات"
    )
}

/// The causes that make a death told with وفاة a violent one.
const VIOLENT_CAUSES: &[&str] = &[
    "حادث",
    "اصطدام",
    "تصادم",
    "انقلاب",
    "حريق",
    "احتراق",
    "حرق",
    "حروق",
    "حروقه",
    "حروقها",
    "انفجار",
    "تفجير",
    "اعتداء",
    "ضرب",
    "دهس",
    "غرق",
    "غرقا",
    "رصاص",
    "رصاصه",
    "طعن",
    "طعنه",
    "قصف",
    "غاره",
    "هجوم",
    "جريمه",
    "صعق",
    "حوادث",
    "غارات",
    "قذيفه",
    "قذائف",
    "هجمات",
    "اشتباكات",
    "مواجهات",
    "انفجارات",
    "تفجيرات",
    "جروح",
    "جروحه",
    "جروحهم",
    "جراح",
    "جراحه",
    "جراحهم",
];

/// Disasters, and harms the violent causes do not name, that make a report
/// one of violence, an accident or a disaster (its deaths no natural ones).
const HARMS: &[&str] = &[
    "اعصار",
    "عاصفه",
    "عواصف",
    "زلزال",
    "زلازل",
    "فيضانات",
    "فيضان",
    "سيول",
    "انهيار",
    "اختناق",
    "اختناقا",
    "صاعقه",
    "حرائق",
    "تدافع",
    "تسمم",
    "تعذيب",
    "مجزره",
    "مذبحه",
    "طلق",
    "عيار",
    "ناري",
    "ناريه",
    "شجار",
    "مشاجره",
    "سكين",
    "سكاكين",
    "صدم",
    "صدمته",
    "صدمتها",
    "دهسته",
    "دهستها",
    "طائش",
    "جراح",
    "جروح",
];

/// الحر، موجة الحر، درجات الحرارة: heat, as a whole word only (بحر is a sea).
fn is_heat(w: &str) -> bool {
    matches!(w, "الحر" | "والحر" | "بالحر" | "للحر") || w.contains("حراره")
}

/// A word of violence, accident or disaster, also with a pronoun after it
/// (انقلابها، اصطدامها، اختناقها، جراحهم).
fn tells_of_harm(w: &str) -> bool {
    let bare = ["هما", "هم", "ها", "ه"]
        .iter()
        .find_map(|p| w.strip_suffix(p).filter(|b| b.chars().count() >= 3));
    is_heat(w)
        || std::iter::once(w).chain(bare).any(|w| {
            is_violent_cause(w) || crate::lexicon::stems(w).any(|(s, _)| HARMS.contains(&s))
        })
}

/// (للضرب، بالرصاص: the word's clitic-stripped stems are looked up.)
fn is_violent_cause(w: &str) -> bool {
    crate::lexicon::stems(w).any(|(s, _)| VIOLENT_CAUSES.contains(&s))
}

/// وفاة الطالبة … بعد تعرضها للضرب، وفاة شقيقتيه إثر حادث مروري: a death
/// told with وفاة at `k` is violent when a violent cause stands near it (a
/// few words before, as in أسفر الحادث عن وفاة, or after) and the sentence
/// names no natural one (GUIDE.md counts violent deaths only). (حادثة is any
/// incident: حادثة وفاة المعلمة.)
fn violent_cause(v: &View, k: usize) -> bool {
    // (Within the clause after it: منذ إعلان وفاة زعيمهم الملا عمر، حيث
    // يشير الهجوم is another deed.)
    let before = (k.saturating_sub(4)..k)
        .rev()
        .take_while(|&p| !v.is_clause_break(p));
    let after = (k..(k + 13).min(v.len())).take_while(|&p| !v.is_clause_break(p));
    // قام مواطن بإطلاق النار على زوجته وابنه مما أسفر عن وفاة الابن: a
    // result clause ties the death to the deed told before it.
    let result = k >= 2
        && matches!(
            (v.word(k - 2), v.word(k - 1)),
            ("اسفر" | "اسفرت", "عن") | ("ادي" | "ادت", "الي")
        );
    let deed_before = result && (0..k).any(|p| violent_word_at(v, p));
    (deed_before || before.chain(after).any(|p| violent_word_at(v, p))) && !natural_cause(v)
}

/// Whether the person named at `k..p` after إصابة is no wounded victim:
/// an illness or advice, with no deed of violence in the sentence (إصابة
/// الطفل بالجفاف، الوقاية من إصابة الطفل بالإسهال); a denial (عدم إصابة
/// الابن، نفى الجيش إصابة الجندي); or the wound that killed, told as the
/// death (إصابة الزوجة في الرأس، مما أدى إلى مقتلها). A wound told with
/// where or how it hit needs no deed in its sentence (إصابة الجندي في العمود
/// الفقري، إصابة المشتبه به بطلق ناري).
fn wound_unclaimed(v: &View, k: usize, p: usize) -> bool {
    let wound_told = (p..(p + 4).min(v.len())).any(|x| {
        let w = v.word(x);
        [
            "بجروح",
            "بجراح",
            "بكسر",
            "بطلق",
            "بعيار",
            "برصاص",
            "بشظايا",
            "بحروق",
        ]
        .iter()
        .any(|s| w.starts_with(s))
            || is_body_part(w)
    });
    let illness =
        (k + 1..(p + 4).min(v.len())).any(|x| is_natural_cause(v.word(x)) || v.is_disease(x));
    let denied = (k > 0
        && matches!(
            strip_one_clitic(v.word(k - 1)),
            "عدم" | "دون" | "بدون" | "دونما"
        ))
        || (k.saturating_sub(3)..k).any(|x| {
            matches!(
                strip_one_clitic(v.word(x)),
                "نفي" | "نفت" | "ينفي" | "تنفي" | "نافيا" | "نافيه"
            )
        });
    let died_of_it = (p..(p + 12).min(v.len())).any(|x| {
        let w = v.word(x);
        death_of_one(
            w.strip_prefix('ب')
                .or_else(|| w.strip_prefix('ل'))
                .unwrap_or(w),
        )
        .is_some()
    });
    illness || denied || died_of_it || !(wound_told || (0..v.len()).any(|x| violent_word_at(v, x)))
}

/// يده، رأسه، العمود الفقري: where a wound hit, after في or ب.
fn is_body_part(w: &str) -> bool {
    let w = w.strip_prefix('ب').unwrap_or(w);
    let w = w.strip_prefix("ال").unwrap_or(w);
    [
        "يد", "راس", "قدم", "ساق", "رجل", "فخذ", "صدر", "ظهر", "بطن", "عين", "كتف", "ذراع", "عمود",
        "وجه", "حوض",
    ]
    .iter()
    .any(|part| {
        w.strip_prefix(part)
            .is_some_and(|rest| matches!(rest, "" | "ه" | "ها" | "يه" | "يها"))
    })
}

/// A violent cause at `p`, or shooting: أطلق النار، بإطلاق النار (not
/// إطلاق سراح, a release).
fn violent_word_at(v: &View, p: usize) -> bool {
    is_violent_cause(v.word(p))
        || (crate::lexicon::stems(v.word(p)).any(|(s, _)| matches!(s, "اطلاق" | "اطلق"))
            && (p + 1..(p + 3).min(v.len()))
                .any(|x| matches!(v.word(x), "النار" | "نار" | "الرصاص")))
}

/// إيذاء نفسه مما تسبب بوفاته، بجروح تسبب بها لنفسه: a suicide or a wound
/// self-inflicted is told with the same words as a killing, but is no toll.
/// (في اليوم نفسه, after a definite noun, is "the same day".)
fn self_harm(v: &View) -> bool {
    (0..v.len()).any(|p| match v.word(p) {
        "نفسه" | "نفسها" => !(p > 0 && v.word(p - 1).starts_with("ال")),
        w => matches!(
            w,
            "لنفسه" | "لنفسها" | "انتحار" | "الانتحار" | "انتحر" | "انتحرت"
        ),
    })
}

/// Animals whose deaths reports tell in the words of people's.
const ANIMALS: &[&str] = &[
    "فيل",
    "فيله",
    "حيوان",
    "حيوانات",
    "حصان",
    "خيول",
    "كلب",
    "كلاب",
    "قط",
    "قطط",
    "اسد",
    "نمر",
    "دب",
    "قرد",
    "جمل",
    "ابل",
    "بقره",
    "ابقار",
    "ماشيه",
    "اغنام",
    "طائر",
    "طيور",
    "دلفين",
    "حوت",
];

/// مما أدى إلى وفاته، ما تسبب في مقتلها، وهو ما أدى إلى مقتله: an outcome
/// whose victim is one person named before, by a singular pronoun. (كاد
/// يتسبب في وفاتها: almost, no death.)
fn caused_death(v: &View, k: usize) -> Option<Draft> {
    let w = v.word(k);
    let verb = w.strip_prefix('و').unwrap_or(w);
    let preposition_next = match verb {
        // Past tenses only: ويتسبب في وفاته is a risk, not a death, and
        // the verbal noun (بتهمة ... والتسبب في وفاته) names a charge.
        "ادي" | "ادت" => "الي",
        "اسفر" | "اسفرت" => "عن",
        "تسبب" | "تسببت" => "في",
        _ => return None,
    };
    if (k.saturating_sub(2)..k).any(|p| matches!(v.word(p), "كاد" | "كادت" | "يكاد"))
        || self_harm(v)
        || natural_cause(v)
        || animal_in(v, 0, k)
        || negated_before(v, k, 3)
    {
        return None;
    }
    let mut p = k + 1;
    // أدى حادث سقوط بهلوان في سيرك … إلى مصرعه: the subject may stand
    // between the verb and its preposition, within the clause, when it
    // tells of harm (not أدى انقطاع التمويل إلى موته، أدت إصابة الكلب).
    if let Some(at) = (k + 2..(k + 25).min(v.len()))
        .take_while(|&p| !v.is_clause_break(p))
        .find(|&p| v.word_is(p, "الي") && death_of_one(v.word(p + 1)).is_some())
        .filter(|_| preposition_next == "الي")
    {
        let harmful = (k + 1..at).any(|p| {
            let w = without_conjunction(v.word(p));
            is_violent_cause(w)
                || matches!(
                    w,
                    "حادث" | "حادثه" | "سقوط" | "انفجار" | "اصطدام" | "انهيار"
                )
        });
        if !harmful || animal_in(v, k, at) {
            return None;
        }
        p = at;
    }
    if v.word_is(p, preposition_next) || (preposition_next == "في" && v.word_is(p, "ب")) {
        p += 1;
    }
    let target = v.word(p);
    // (تسبب بوفاته: the preposition may be glued to the noun.)
    let target = target
        .strip_prefix('ب')
        .filter(|_| preposition_next == "في")
        .unwrap_or(target);
    let victims = death_of_one(target)?;
    Some(Draft::one_killed(victims, k, p + 1))
}

/// مقتله، وفاتها، مصرعه: one person's death with his or her pronoun, and
/// the victims it names.
fn death_of_one(w: &str) -> Option<Victims> {
    match w {
        "مقتله" | "وفاته" | "استشهاده" | "موته" | "مصرعه" => {
            Some(Victims::People)
        }
        "مقتلها" | "وفاتها" | "استشهادها" | "موتها" | "مصرعها" => {
            Some(Victims::Women)
        }
        _ => None,
    }
}

/// خسائر فادحة في العتاد والأرواح، خسائر كبيرة في الأرواح: lives lost,
/// uncounted (several killed); دون خسائر في الأرواح denies them.
fn lives_lost(v: &View, k: usize) -> Option<Draft> {
    let w = v.word(k);
    if w.strip_prefix('و').unwrap_or(w) != "خسائر" || negated_before(v, k, 6) {
        return None;
    }
    // Up to two adjectives and the matériel before the lives.
    let mut p = k + 1;
    while p < v.len() && p <= k + 5 {
        let here = v.word(p);
        if here == "في" || here == "فادحه" || here == "كبيره" || here == "جسيمه" {
            p += 1;
            continue;
        }
        if matches!(
            here,
            "العتاد"
                | "المعدات"
                | "الارواح"
                | "والارواح"
                | "والمعدات"
                | "والعتاد"
                | "الممتلكات"
                | "والممتلكات"
        ) {
            if here.ends_with("الارواح") {
                return Some(Draft::counted(
                    Kind::Killed,
                    None,
                    Qualifier::Several,
                    None,
                    k,
                    p + 1,
                ));
            }
            p += 1;
            continue;
        }
        break;
    }
    None
}

/// Whether a clause telling one death may end before `end`: the sentence
/// ends, a preposition, a conjunction or how the victim was killed follows,
/// so that no object (قتل الجندي فلسطينيا) or count comes after the verb.
fn ends_death_clause(v: &View, end: usize) -> bool {
    end >= v.len()
        || v.is_punct(end)
        || v.word(end).starts_with('و')
        || BARE_FOLLOWERS.contains(&v.word(end))
        || matches!(
            v.word(end),
            "برصاص"
                | "بالرصاص"
                | "بنيران"
                | "برصاصه"
                | "طعنا"
                | "حرقا"
                | "عام"
                | "قبل"
                | "ب"
                | "داخل"
                | "بطلق"
                | "بجروح"
                | "بجراح"
        )
}

/// أكدت الرياض أن خاشقجي قتل داخل القنصلية، قالت الشرطة إن زوجها أصيب
/// بجروح: after إن/أن, one person named or a singular person noun, then
/// the verb of his death or wound with nothing it could take as object.
/// `k` is the word إن/أن.
fn one_person_after_complementizer(v: &View, k: usize) -> Option<Draft> {
    if !matches!(v.word(k), "ان" | "بان" | "وان") {
        return None;
    }
    // بأن "خاشقجي قتل داخل القنصلية": the words may be quoted.
    let subject = if v.opens_quote(k + 1) { k + 2 } else { k + 1 };
    // أن يكون قد قتل: a verb is no subject; الانتحاري: a bomber no toll.
    if matches!(
        v.word(subject),
        "يكون" | "تكون" | "يكونوا" | "يكونا" | "الانتحاري" | "انتحاري"
    ) {
        return None;
    }
    // زوجها، شقيقه: a relative is a person too.
    let relative = v
        .lex
        .persons
        .lookup(v.window(subject, 1), Some("family"))
        .filter(|h| h.entry.attr("number") == Some("sing") && !h.clitics.conjunction);
    let (victims, mut p) = match v.person(subject) {
        Some((c, end, "sing", _)) => (c, end),
        Some(_) => return None,
        None if relative.is_some() => (Victims::People, subject + 1),
        None => {
            let mut p = subject;
            while p < v.len() && p - subject < 4 && is_name_word(v, p, p > subject) {
                p += 1;
            }
            let named = p - subject >= 2 || (p == subject + 1 && lone_name(v, subject));
            if !named {
                return None;
            }
            (Victims::People, p)
        }
    };
    if v.word_is(p, "قد") {
        p += 1;
    }
    let (kind, end) = match (death_verb_end(v, p), v.word(p)) {
        (Some(end), _) => (Kind::Killed, end),
        (None, "اصيب" | "اصيبت")
            if matches!(
                v.word(p + 1),
                "بجروح" | "بجراح" | "بطلق" | "برصاص" | "برصاصه"
            ) =>
        {
            (Kind::Injured, p + 1)
        }
        _ => return None,
    };
    // قتل "أكثر من ثلاثين": a quoted object may follow; مبنى البلدية قتل
    // فيه: the subject is a place. (A following و may join another subject's
    // verb: إن الجندي قتل وأصيب 3.)
    if !ends_death_clause(v, end)
        || v.word(end).starts_with('و')
        || v.opens_quote(end)
        || is_event_pronoun(v.word(end))
    {
        return None;
    }
    Some(Draft::counted(
        kind,
        Some(1),
        Qualifier::Exact,
        Some(victims),
        subject,
        end,
    ))
}

/// What a casualty noun of the lexicon counts: kind, category, the end of
/// its words and its number.
fn count_noun_of<'a>(
    hit: &crate::lexicon::Hit<'a>,
    end: usize,
) -> Option<(Kind, Option<Victims>, usize, &'a str)> {
    Some((
        Kind::parse(hit.entry.attr("kind")?)?,
        hit.entry.attr("category").and_then(Victims::parse),
        end,
        hit.entry.attr("number").unwrap_or("plural"),
    ))
}

/// زعيم طالبان الباكستانية، الملا فضل الله، قتل في ضربة جوية، المدعو (أبو
/// تمام) قتل: a name of two words or more, perhaps closed by a comma or a
/// bracket, right before a passive death verb that ends its clause.
fn name_then_killed(v: &View, k: usize) -> Option<Draft> {
    // (استشهدت الصحيفة بـ: استشهد also means "cited".)
    if v.word(k).starts_with("استشهد") {
        return None;
    }
    let end = death_verb_end(v, k)?;
    if !ends_death_clause(v, end)
        || v.word(end).starts_with('و')
        || v.opens_quote(end)
        || is_event_pronoun(v.word(end))
        || v.has_conjunction(k)
    {
        return None;
    }
    let mut name_end = k;
    if name_end > 0 && v.word_is(name_end - 1, "قد") {
        name_end -= 1;
    }
    if name_end > 0 && matches!(v.punct_char(name_end - 1), Some(',' | ')')) {
        name_end -= 1;
    }
    // (Not جريمة قتل، ربما يكون قد قتل، ألمانيا النازية قد قتلت: a deed's
    // noun, a hedge or a place is no one's name.)
    let name_word = |p: usize| {
        is_name_word(v, p, true)
            && v.lex.places.lookup(v.window(p, 1), None).is_none()
            && !matches!(
                v.word(p),
                "جريمه"
                    | "جرائم"
                    | "عمليه"
                    | "عمليات"
                    | "محاوله"
                    | "تهمه"
                    | "حادثه"
                    | "ربما"
                    | "يكون"
                    | "تكون"
                    | "النازيه"
            )
    };
    let mut first = name_end;
    while first > 0 && name_end - first < 4 && name_word(first - 1) {
        first -= 1;
    }
    // (ميليشيات الحوثي منيت بانكسار كبير إذ قتل: a run longer than a name;
    // هل الضمير العالمي قتل؟: a question, rhetoric.)
    let asked = (0..v.len()).any(|p| v.punct_char(p) == Some('?'));
    let function_word = (first..name_end).any(|p| {
        matches!(
            v.word(p),
            "هل" | "لماذا" | "كيف" | "اذ" | "حيث" | "لقد" | "قد" | "انه" | "انها"
        )
    });
    if asked || function_word || (first > 0 && name_word(first - 1)) {
        return None;
    }
    // (A word before the name that no lexicon knows would make it longer:
    // only a name that starts its phrase counts.)
    let starts_phrase = first == 0
        || v.is_punct(first - 1)
        || v.word(first - 1) == "المدعو"
        // (المراسل ثائر العجلاني قتل: a person noun as his title.)
        || v.person(first - 1)
            .is_some_and(|(_, e, number, _)| e == first && number == "sing")
        || is_title_or_role(v, first - 1);
    // الملا عمر قتل: one name word after a title.
    let long_enough =
        name_end - first >= 2 || (name_end - first == 1 && first > 0 && is_title(v, first - 1));
    (long_enough && starts_phrase).then(|| Draft::one_killed(Victims::People, first, end))
}

/// قتل، استشهد، لقي مصرعه at `p`: the end of a verb telling one person's
/// death, shared by the clauses that tell it of a person before them.
fn death_verb_end(v: &View, p: usize) -> Option<usize> {
    match v.word(p) {
        "قتل" | "قتلت" | "اغتيل" | "اغتيلت" | "استشهد" | "استشهدت" => {
            Some(p + 1)
        }
        "لقي" | "لقيت" if matches!(v.word(p + 1), "مصرعه" | "مصرعها" | "حتفه" | "حتفها") => {
            Some(p + 2)
        }
        _ => None,
    }
}

/// فيه، خلالها: after a verb of death, the clause's antecedent is the
/// event or the place (المداهمة التي قتل فيها أربعة), not a victim.
fn is_event_pronoun(w: &str) -> bool {
    matches!(
        w,
        "فيه"
            | "فيها"
            | "به"
            | "بها"
            | "خلاله"
            | "خلالها"
            | "عليه"
            | "عليها"
            | "منه"
            | "منها"
    )
}

/// Verbs of killing with the victim as their object pronoun.
const OBJECT_KILLED: &[&str] = &[
    "قتلته",
    "قتلها",
    "قتله",
    "قتلوه",
    "قتلوها",
    "اغتالته",
    "اغتالها",
    "اغتاله",
    "اغتالوه",
];

/// السعودية، الفلسطيني: a definite nisba adjective.
fn is_definite_nisba(w: &str) -> bool {
    w.starts_with("ال") && (w.ends_with('ي') || w.ends_with("يه")) && w.chars().count() >= 5
}

/// شقيقه شون الذي قتل في حادث سير، الشاب الذي قتلته الشرطة، الطفل كيفين
/// الذي لقي مصرعه: one person, named or a singular person noun, whom a
/// relative clause says was killed. `k` is the person's word; the clause
/// must end at the verb (a preposition, its agent or the sentence's end
/// follow), so that الهجوم الذي قتل 5 stays the number's claim.
fn killed_in_relative_clause(v: &View, k: usize) -> Option<Draft> {
    // هذا الشاب (24 عاما) الذي: an age in brackets may come between.
    let mut rel = if v.punct_char(k + 1) == Some('(') {
        (k + 2..(k + 6).min(v.len()))
            .find(|&p| v.punct_char(p) == Some(')'))
            .map_or(k + 1, |p| p + 1)
    } else {
        k + 1
    };
    // الرقيب ماجد السبيعي، والذي استشهد: a comma and و may open the clause.
    if v.punct_char(rel) == Some(',') && matches!(v.word(rel + 1), "والذي" | "والتي") {
        rel += 1;
    }
    if !matches!(v.word(rel), "الذي" | "التي" | "والذي" | "والتي") {
        return None;
    }
    // الفتاة السعودية التي لقيت حتفها: a nisba adjective may stand between
    // the person and the clause; the person is the word before it.
    let k = if k > 0 && rel == k + 1 && is_definite_nisba(v.word(k)) && v.person(k - 1).is_some() {
        k - 1
    } else {
        k
    };
    let person = v
        .person(k)
        .filter(|&(_, end, number, _)| end <= rel && number == "sing")
        .map(|(c, ..)| c);
    let named = || {
        let w = v.word(k);
        let previous_is_name = k > 0 && is_name_word(v, k - 1, false);
        is_name_word(v, k, previous_is_name) && (!w.starts_with("ال") || previous_is_name)
    };
    if person.is_none() && !named() {
        return None;
    }
    // العريف سالم بن محمد القحطاني: the title before the name names the victims.
    let person = person.or_else(|| {
        let mut p = k;
        while p > 0
            && k - p < 7
            && (is_name_word(v, p, true) || matches!(v.word(p), "بن" | "ابن" | "بنت"))
        {
            p -= 1;
        }
        v.person(p)
            .filter(|&(_, end, number, _)| end == p + 1 && number == "sing")
            .map(|(c, ..)| c)
    });
    let verb = rel + 1;
    let end = match (death_verb_end(v, verb), v.word(verb)) {
        (Some(end), _) => end,
        // قتلته الشرطة: the agent follows. The pronoun agrees with the
        // relative (الذي قتلها: he is the killer), and قتله، اغتاله may have
        // الذي as their subject (الذي قتله أمس) unless a noun follows as the
        // agent (الذي قتله متطرف).
        (None, w) if OBJECT_KILLED.contains(&w) => {
            let feminine_object = w.ends_with("ها");
            let relative_feminine = v.word(rel).ends_with("تي");
            // (The agent may be quoted: الذي اغتاله «داعش».)
            let agent = if v.opens_quote(verb + 1) {
                verb + 2
            } else {
                verb + 1
            };
            let agent_follows = !v.is_punct(agent)
                && !v.is_number(agent)
                && !BARE_FOLLOWERS.contains(&v.word(agent))
                && !matches!(v.word(agent), "امس" | "اليوم" | "عام" | "قبل" | "بعد");
            let own_subject = matches!(w, "قتله" | "اغتاله") && !agent_follows;
            if feminine_object != relative_feminine || own_subject {
                return None;
            }
            verb + 1
        }
        _ => return None,
    };
    let closes =
        ends_death_clause(v, end) || (OBJECT_KILLED.contains(&v.word(verb)) && !v.is_number(end));
    // المداهمة التي قتل فيها أربعة: the antecedent is the event, not a victim.
    let about_an_event = is_event_pronoun(v.word(end));
    // الهجوم الذي قتل، الأحد، 12 شخصا: the count follows a few words on.
    let counted_after = (end..end + 4).any(|p| v.quantity_at(p).is_some_and(|q| !q.not_a_count));
    if !closes || about_an_event || counted_after {
        return None;
    }
    Some(Draft::one_killed(person.unwrap_or(Victims::People), k, end))
}

/// قتلت سيدة وثلاثة من أطفالها، قتل رجل و5 من أبنائه: a lone person noun
/// joined to a counted toll is a count of its own (GUIDE.md: each explicit
/// count is its own claim), which the toll's span would otherwise swallow.
fn implicit_before_joined_count(v: &View, q: &Quantity, found: &[Draft]) -> Option<Draft> {
    let toll = found.first()?;
    let joined = if v.word(q.first).starts_with('و') && v.has_conjunction(q.first) {
        q.first
    } else if q.first > 0 && v.word_is(q.first - 1, "و") {
        q.first - 1
    } else {
        return None;
    };
    // The noun ends right before the و and stands inside the toll's span,
    // after its casualty word: قتلت [سيدة] وثلاثة.
    // (وقتل ابنه وثلاثة من أقاربه: a relative too.)
    let relative = |p: usize| {
        let hit = v.lex.persons.lookup(v.window(p, 1), Some("family"))?;
        (hit.clitics.preposition.is_none() && !hit.clitics.article).then(|| {
            (
                Victims::People,
                p + hit.len,
                hit.entry.attr("number").unwrap_or("plural"),
                true,
            )
        })
    };
    let (category, value) = (toll.first..joined).rev().take(3).find_map(|p| {
        let (category, end, number, implicit) = v.person(p).or_else(|| relative(p))?;
        let value = match number {
            "sing" => 1,
            "dual" => 2,
            _ => return None,
        };
        (implicit && end == joined && p > toll.first).then_some((category, (p, value)))
    })?;
    let (at, value) = value;
    v.trigger_at(toll.first)?;
    Some(Draft::counted(
        toll.kind,
        Some(value),
        Qualifier::Exact,
        Some(category),
        toll.first,
        joined,
    ))
    .filter(|_| at > toll.first)
}

/// يقتل، تقتل: the imperfect prefix of a verb (a few nouns share it; callers
/// look at a verb's position).
fn is_imperfect(w: &str) -> bool {
    w.starts_with(['ي', 'ت'])
}

/// مقتل آمر الفوج وجنديين: a named or titled person joined to an implicit
/// count is one group, summed as GUIDE.md sums purely implicit groups.
fn sum_implicit_groups(v: &View, drafts: Vec<Draft>) -> Vec<Draft> {
    let implicit = |d: &Draft| {
        d.value.is_some()
            && d.distributive.is_none()
            && (d.first..d.end).all(|k| v.quantity_at(k).is_none() && !v.is_number(k))
    };
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for d in drafts {
        if let Some(last) = out.last_mut() {
            // وقتل امرأة has a verb of its own; وحالتين may be critical cases.
            let joined = d.first == last.end
                && v.word(d.first).starts_with('و')
                && v.trigger_at(d.first).is_none()
                && !v.word(d.first).contains("حال")
                && v.has_conjunction(d.first)
                && d.kind == last.kind
                && (d.victims == Some(Victims::Fighters))
                    == (last.victims == Some(Victims::Fighters));
            if joined && implicit(last) && implicit(&d) {
                last.value = Some(last.value.unwrap_or(0) + d.value.unwrap_or(0));
                if last.victims != d.victims {
                    last.victims = match (last.victims, d.victims) {
                        // آمر الفوج وجنديين: a title of no category joins soldiers.
                        (Some(Victims::People), other) => other,
                        _ => Some(Victims::People),
                    };
                }
                last.end = d.end;
                last.tail = d.tail;
                continue;
            }
        }
        out.push(d);
    }
    out
}

/// The second number of a range: `بين 40 و70 قتيلا`، `بين 22 إلى 33`،
/// `35 إلى 40 شخصا`، `ما بين ألفين وثلاثة آلاف`.
fn range_after(v: &View, q: &Quantity) -> Option<Quantity> {
    q.value?;
    let opened = q.first > 0
        && matches!(
            v.word(q.first - 1),
            "بين" | "وبين" | "بما" | "من" | "تراوح" | "تتراوح" | "يتراوح"
        )
        || q.first > 1 && v.word(q.first - 1) == "بين";
    let (link_end, needs_opening) = match v.word(q.end) {
        "و" => (q.end + 1, true),
        "الي" | "و-" | "-" => (q.end + 1, false),
        w if w.starts_with('و') && w.chars().count() > 1 => (q.end, true),
        _ => return None,
    };
    if needs_opening && !opened {
        return None;
    }
    let second = if link_end == q.end {
        // وثلاثة: the conjunction is glued to the number word.
        v.quantity_at(q.end)
    } else {
        v.quantity_at(link_end)
    }?;
    let (a, b) = (q.value?, second.value?);
    (b > a && second.vague.is_none()).then_some(second)
}

/// A range gives two claims: the low value at least, the high value up to.
fn range_drafts(v: &View, low: &Quantity, high: &Quantity) -> Vec<Draft> {
    // The kind stands after the high value (بين 40 و70 قتيلا) or before the
    // whole range (قدر عدد القتلى بما بين ألفين وثلاثة آلاف).
    let top = drafts_for_quantity(v, high, None)
        .into_iter()
        .next()
        .or_else(|| {
            drafts_for_quantity(v, low, None)
                .into_iter()
                .next()
                .map(|d| Draft {
                    end: d.end.max(high.end),
                    tail: d.tail.max(high.end),
                    ..d
                })
        });
    let Some(mut top) = top else {
        return Vec::new();
    };
    top.value = high.value;
    let mut start = low.first;
    while start > 0 && matches!(v.word(start - 1), "بين" | "ما" | "بما" | "من" | "وبين")
    {
        start -= 1;
    }
    let trigger = v.trigger_before(start, true, high.end);
    if let Some(t) = &trigger {
        start = start.min(t.start);
    }
    top.first = top.first.min(start);
    top.qualifier = Qualifier::UpTo;
    let bottom = Draft {
        value: low.value,
        qualifier: Qualifier::AtLeast,
        ..top.clone()
    };
    vec![bottom, top]
}

/// The kind of the casualty verb whose object list a count at `at` joins:
/// the count opens with و, after a comma or not, and between the verb and
/// it stand only the words of its first object (no other count, verb,
/// casualty word or stop).
fn object_list_verb(v: &View, at: usize) -> Option<Kind> {
    let lone_waw = v.word_is(at.wrapping_sub(1), "و");
    if !(v.has_conjunction(at) || lone_waw) {
        return None;
    }
    let mut p = if lone_waw { at - 1 } else { at };
    for _ in 0..10 {
        p = p.checked_sub(1)?;
        if v.is_punct(p) {
            if v.punct_char(p) == Some(',') {
                continue;
            }
            return None;
        }
        if v.is_number(p) || v.quantity_at(p).is_some() {
            return None;
        }
        // وخطفوا المدير وسبعة: a second verb joined by و ends the objects
        // of the first; the count then belongs to it. (Objects joined by و
        // stay: قتلوا الحاكم وحراسه وسبعة.)
        if let Some(rest) = v.word(p).strip_prefix('و') {
            let past_verb = rest.ends_with("وا") || (rest.ends_with('ت') && !rest.ends_with("ات"));
            if v.trigger_at(p).is_none()
                && (past_verb || v.lex.attribution.lookup(&[rest], Some("verb")).is_some())
            {
                return None;
            }
        }
        if let Some(hit) = v.trigger_at(p) {
            // A verb with its victims after it: قتلوا، قتل، أصابوا.
            let verb = !hit.entry.has("masdar")
                && !hit.entry.has("after_only")
                && !hit.entry.has("ambiguous");
            let kind = v
                .trigger_before(p + hit.len, false, p + hit.len)
                .map(|t| t.kind);
            return if verb { kind } else { None };
        }
    }
    None
}

/// The claims a count makes, if it is a casualty count. `previous` is the
/// claim before it in the sentence: a count joined to it by و takes its kind
/// (`مقتل زهاء 45 عنصرا ... وقرابة 20 مقاتلا`، `40 في ولاية X و35 في ولاية Y`).
fn drafts_for_quantity(v: &View, q: &Quantity, previous: Option<&Draft>) -> Vec<Draft> {
    if let Some(d) = definite_toll_with_number(v, q) {
        // (وأصيب 12 شخصا، وخرج الجرحى الـ12: the toll just told.)
        let told = previous.is_some_and(|p| p.kind == d.kind && p.value == d.value);
        return if told { Vec::new() } else { vec![d] };
    }
    let pre = v.qualifier_before(q.first);
    let q_start = pre.map_or(q.first, |(_, s)| s);
    let mut after = q.end;
    // استشهاد (5) من رجال الأمن: a count in brackets or quotation marks.
    if q.first > 0 && v.opens_quote(q.first - 1) && v.closes_quote(after) {
        after += 1;
    }
    let mut post = None;
    if let Some((qual, end)) = v.qualifier_after(after) {
        post = Some(qual);
        after = end;
    }
    let mut noun = v.noun_after(after);
    // قتل 11 فنيا، قتل 5 عاملين: right after a casualty verb, an indefinite
    // noun with an accusative or sound-plural ending counts people.
    if matches!(noun, Noun::Blocked) && after == q.end && v.human_ending(after) {
        let verb_before = q_start > 0
            && v.trigger_at(q_start - 1).is_some_and(|h| {
                h.len == 1
                    && !h.entry.has("ambiguous")
                    && !h.entry.has("needs_count_noun")
                    && !h.entry.has("after_only")
            });
        if verb_before {
            noun = Noun::Person {
                category: Victims::People,
                end: after + 1,
            };
        }
    }
    // عدد كبير من سكانها: after a vague count that ends in من, the noun is the group.
    // (Not a plural in -ات that no lexicon knows as people: والعديد من الطائرات.)
    if matches!(noun, Noun::Blocked)
        && q.vague.is_some()
        && v.word_is(q.end.wrapping_sub(1), "من")
        && !v.is_punct(after)
        && !v.word(after).ends_with("ات")
    {
        noun = Noun::Person {
            category: Victims::People,
            end: after + 1,
        };
    }
    let toll = v.toll_before(q_start, q.first);
    let (mut kind, mut victims, mut noun_end) = (None, None, after);
    let mut others = q.others && q.vague.is_some();
    let mut first = q_start;
    let mut end = q.end;
    let mut figurative = false;
    let mut joint_kinds: Option<(Kind, Kind)> = None;
    let mut person_noun = false;
    match noun {
        Noun::Joint | Noun::Blocked => return Vec::new(),
        Noun::Casualty {
            kind: k,
            category,
            end: e,
        } => {
            kind = Some(k);
            victims = category;
            noun_end = e;
            // عشرات القتلى والجرحى; عددا من الضحايا الأبرياء والمصابين: one
            // adjective may stand between.
            // (The adjective may name the victims: القتلى المدنيين والجرحى.)
            let joined_noun = v.word(e + 1).strip_prefix('و').is_some_and(|rest| {
                v.lex
                    .casualties
                    .lookup(&[rest], Some("count_noun"))
                    .is_some()
            });
            let e = if v.word(e).starts_with("ال")
                && joined_noun
                && v.lex.casualties.lookup(&[v.word(e)], None).is_none()
            {
                if let Some((category, ..)) = v.person(e).filter(|p| p.0 != Victims::People) {
                    victims = Some(category);
                }
                e + 1
            } else {
                e
            };
            let w = v.word(e);
            if let Some(rest) = w.strip_prefix('و') {
                // وإصابة آخرين has a count of its own: a second claim, not a joint one.
                let own_count = v.quantity_at(e + 1).is_some();
                if let Some(h) = v
                    .lex
                    .casualties
                    .lookup(&[rest], Some("count_noun"))
                    .filter(|_| !own_count)
                {
                    let k2 = Kind::parse(h.entry.attr("kind").unwrap_or("")).unwrap_or(k);
                    if k2 != k {
                        if q.value.is_some() {
                            return Vec::new();
                        }
                        joint_kinds = Some((k, k2));
                        noun_end = e + 1;
                    }
                }
            }
            // Victims named after the noun: الشهداء والجرحى المدنيين، شهيدا من
            // المدنيين، الضحايا والجرحى بين المدنيين، قتيلا في صفوف القوات التركية.
            let mut a = noun_end;
            if (v.word_is(a, "في") || v.word_is(a, "من")) && v.word_is(a + 1, "صفوف") {
                a += 2;
            } else if v.word_is(a, "من") || v.word_is(a, "بين") {
                a += 1;
            }
            // ثلاث جثث لمسلحين: the group after ل.
            let with_lam = v
                .person_with_clitic(a, 'ل')
                .map(|p| (p.category, a + 1, "plural", false));
            if let Some((category, e2, ..)) = v.person(a).or(with_lam) {
                if category != Victims::People {
                    victims = Some(category);
                    noun_end = e2;
                }
            }
        }
        Noun::Person { category, end: e } => {
            victims = Some(category);
            noun_end = e;
            person_noun = true;
            // آخرين من المدنيين: the group named after آخرين, not the toll before.
            others = false;
            // عشرات الحوثيين بين قتلى وجرحى: both kinds, or, with a number, a total.
            if let Some(h) = v.lex.casualties.lookup(v.window(e, 5), Some("joint")) {
                if q.value.is_some() {
                    return Vec::new();
                }
                joint_kinds = Some((Kind::Killed, Kind::Injured));
                kind = Some(Kind::Killed);
                noun_end = e + h.len;
            }
            // 4844 مواطنا مدنيا: an adjective of category after the noun.
            if let Some((c2, e2, ..)) = v
                .person(e)
                .filter(|(c2, ..)| *c2 != Victims::People && !v.word(e).starts_with('و'))
            {
                victims = Some(c2);
                noun_end = e2;
            }
            // عنصرا من قوات الأمن: the group after من names them.
            if v.word_is(e, "من") {
                if let Some((c2, e2, ..)) = v.person(e + 1) {
                    if c2 != Victims::People {
                        victims = Some(c2);
                        noun_end = e2;
                    }
                }
            }
            // عدد من النساء والأطفال: a mixed group is people. (ثلاث نساء وطفلة
            // are two counts.)
            if q.vague.is_some() {
                if let Some(p) = v.person_with_clitic(noun_end, 'و') {
                    if Some(p.category) != victims {
                        victims = Some(Victims::People);
                        noun_end += 1;
                    }
                }
            }
        }
        Noun::Others { end: e } => {
            others = true;
            noun_end = e;
            // وإصابة ثمانية آخرين من رجال الأمن
            if v.word_is(e, "من") {
                if let Some((c2, e2, ..)) = v.person(e + 1) {
                    victims = Some(c2);
                    others = false;
                    noun_end = e2;
                }
            }
        }
        Noun::Bare => {}
    }
    end = end.max(noun_end);
    // 70 حالة على الأقل من صعوبات التنفس والاختناق: cases of suffocation are injured.
    if kind.is_none() && person_noun && v.word(noun_end.saturating_sub(1)).starts_with("حال") {
        let mut a = noun_end;
        if let Some((_, e)) = v.qualifier_after(a) {
            a = e;
        }
        let suffocation = (a..(a + 5).min(v.len())).any(|k| {
            let w = v.word(k);
            w.contains("اختناق") || w.contains("تنفس") || w.contains("تسمم")
        });
        if suffocation && (matches!(v.word(a), "من" | "اختناق") || v.word(a).starts_with('ب'))
        {
            kind = Some(Kind::Injured);
        }
    }
    let noun_is_casualty = kind.is_some();
    let before = v
        .trigger_before(q_start, noun_is_casualty, noun_end)
        .or_else(|| {
            // سقوط 30 مقاتلا، وسقط 3 جنود: people who fall are killed (a
            // noun of people, not any group after عدد من: سقوط عدد من قذائف).
            // (سقوط أعداد كبيرة من الأسرى، في قبضة الجيش: fell captive, not
            // killed; سقوط خمسة جنود جرحى: the noun after says the kind.)
            let captive = (after..(noun_end + 3).min(v.len())).any(|p| {
                let w = v.word(p);
                w.contains("اسري")
                    || w.contains("اسير")
                    || w == "الاسر"
                    || w.contains("قبضه")
                    || v.count_noun(p).is_some()
            });
            (person_noun
                && !captive
                && (v.person(after).is_some() || v.person(after + 1).is_some()))
            .then(|| v.trigger_before(q_start, true, noun_end))
            .flatten()
            .filter(|t| {
                v.trigger_at(t.start)
                    .is_some_and(|h| h.entry.has("people_fall"))
            })
        })
        .or_else(|| {
            person_noun
                .then(|| v.active_trigger_before(q_start))
                .flatten()
        });
    if let Some(t) = before {
        if t.joint {
            if q.value.is_some() {
                return Vec::new();
            }
            joint_kinds = Some((t.kind.other(), t.kind));
        }
        kind = kind.or(Some(t.kind));
        first = first.min(t.start);
        figurative = t.figurative;
    } else if kind.is_none() {
        if let Some(t) = v.trigger_after(noun_end) {
            if t.joint {
                // عشرات الأشخاص قتلوا وجرحوا: two claims; 1500 شخص قتلوا أو أصيبوا: none.
                if q.value.is_some() {
                    return Vec::new();
                }
                joint_kinds = Some((t.kind, t.kind.other()));
            }
            kind = Some(t.kind);
            end = end.max(t.end);
        }
    }
    let mut toll_first = false;
    if let Some((k, start)) = toll {
        if kind.is_none() || start + 6 >= q_start {
            kind = kind.or(Some(k));
            toll_first = start < first;
            first = first.min(start);
        }
    }
    // A count joined by و to the claim before it takes its kind.
    if kind.is_none() {
        if let Some(p) = previous {
            // و، إضافة إلى، فضلا عن: joined to the toll before.
            // 252 من الفصائل مقابل 281 من المقاتلين الأكراد: versus joins
            // too, when no other count stands between (67 صوتا مقابل 50).
            let versus = v.word_is(q_start.wrapping_sub(1), "مقابل")
                && (p.end..q_start - 1).all(|k| !v.is_number(k) && v.quantity_at(k).is_none());
            let joined = v.word_is(q_start.wrapping_sub(1), "و")
                || versus
                || v.has_conjunction(q_start)
                || (q_start >= 2
                    && matches!(
                        (v.word(q_start - 2), v.word(q_start - 1)),
                        ("اضافه" | "بالاضافه" | "واضافه", "الي") | ("فضلا", "عن")
                    ));
            // حالات alone may be critical cases, not deaths: 4 حالات وفاة و3 حالات حرجة.
            let ambiguous_noun = v.word(noun_end.saturating_sub(1)).starts_with("حال");
            if joined
                && p.end + 10 >= q_start
                && !ambiguous_noun
                && !matches!(noun, Noun::Bare if q.value.is_none())
            {
                kind = Some(p.kind);
                if matches!(noun, Noun::Bare) && victims.is_none() {
                    victims = p.victims;
                }
            }
        }
    }
    // قتلوا حاكم المنطقة علي دوست شمس، وسبعة من رجال الشرطة: a counted
    // group joined to the object of a killing verb is killed too.
    // (والعشرين من الشهر: a definite number is a date's ordinal.)
    let definite = ["ال", "وال"].iter().any(|a| v.word(q.first).starts_with(a));
    if kind.is_none() && matches!(noun, Noun::Person { .. }) && !definite {
        kind = object_list_verb(v, q_start);
    }
    // مقتل الشيخ مع خمسة من أفراد حمايته، استشهد، الجمعة، مع اثنين من
    // زملائه: those with the victim share the deed (GUIDE.md gives 1 and 5).
    if kind.is_none()
        && matches!(noun, Noun::Person { .. } | Noun::Others { .. })
        && matches!(v.word(q_start.wrapping_sub(1)), "مع" | "ومع")
    {
        // (The deed stands close before مع, its victim or a time or place
        // between at most: not تبادل إطلاق النار مع, خطفه مع, تعاقد مع.)
        let with = q_start - 1;
        kind = (with.saturating_sub(8)..with)
            .rev()
            .take_while(|&p| !matches!(v.punct_char(p), Some('.' | ';' | ':' | '?' | '!')))
            .find_map(|p| {
                v.trigger_at(p)
                    .filter(|h| !h.entry.has("needs_after") || h.len > 1)
                    .filter(|h| p + h.len <= with && with - (p + h.len) <= 3)
                    // (قتل جندي خلال اشتباكات مع 10 مسلحين، بعد شجار مع 3 من
                    // جيرانه: with the other side of an event, not the victims.)
                    .filter(|h| {
                        (p + h.len..with).all(|x| {
                            !matches!(
                                v.word(x),
                                "في" | "خلال"
                                    | "بعد"
                                    | "اثناء"
                                    | "اثر"
                                    | "عقب"
                                    | "جراء"
                                    | "اثناءها"
                            )
                        })
                    })
            })
            .and_then(|h| Kind::parse(h.entry.attr("kind")?));
    }
    let Some(kind) = kind else { return Vec::new() };
    if figurative {
        if q.value.is_none() {
            return Vec::new();
        }
        end = end.max(q.end + 2);
    }
    // A bare count right after another toll counts the same people:
    // قتل 7 عسكريين وأصيب 12.
    if victims.is_none() && matches!(noun, Noun::Bare) && q.value.is_some() {
        if let Some(p) = previous.filter(|p| p.end + 6 >= q_start) {
            victims = p.victims;
        }
    }
    // Qualifier: before the count, after it or its noun, a verb like يتجاوز before the toll noun.
    if post.is_none() && noun_end > after {
        post = v.qualifier_after(noun_end).map(|(x, _)| x);
    }
    // 12 شخصا قتلوا على الأقل: after the verb that follows the noun.
    if post.is_none() && end > noun_end {
        post = v.qualifier_after(end).map(|(x, _)| x);
    }
    let mut qualifier = pre.map(|(x, _)| x).or(post);
    // قد يتجاوز عدد القتلى المائة: a verb before the toll noun. (Not before a
    // casualty verb: there it closes the claim before.)
    if qualifier.is_none() && toll_first {
        // The toll phrase may open with the verb itself (يتجاوز عدد القتلى).
        qualifier = v
            .qualifier_before(first)
            .or_else(|| v.qualifier_before(first + 1).filter(|(_, s)| *s == first))
            .map(|(x, _)| x);
    }
    let qualifier = match (q.vague, qualifier) {
        (Some(vq), _) => vq,
        (None, Some(x)) if !x.is_vague() => x,
        _ if figurative => Qualifier::About,
        _ => Qualifier::Exact,
    };
    let mut tail = noun_end.max(q.end);
    if let Some((_, e)) = v.qualifier_after(tail) {
        tail = e;
    }
    let base = Draft {
        kind,
        value: q.value,
        qualifier,
        victims,
        others,
        first,
        end,
        tail,
        distributive: None,
    };
    match joint_kinds {
        Some((a, b)) => vec![
            Draft {
                kind: a,
                ..base.clone()
            },
            Draft { kind: b, ..base },
        ],
        None => vec![base],
    }
}

/// Counts written with no number: قتيلان، شهيدان، استشهد شاب، رجل وزوجته،
/// وشهيد في…، امرأة وأطفالها الثلاثة (1 and 3: each explicit count is its own
/// claim), وأصيب ابنهما.
fn implicit_drafts(v: &View, k: usize, previous: Option<&Draft>) -> Option<Vec<Draft>> {
    if let Some(d) = one_of_the_wounded_died(v, k) {
        return Some(vec![d]);
    }
    // مقتل أحد جنوده، إصابة أحد عناصر الأمن: one of a group.
    if matches!(v.word(k), "احد" | "احدي") {
        if let Some((category, end, ..)) = v.person(k + 1) {
            // The verb may have its subject before the count, as with
            // numbers: قتلت الشرطة أحد المسلحين.
            if let Some(t) = v
                .trigger_before(k, false, end)
                .filter(|t| !t.joint && t.end == k)
                .or_else(|| {
                    // Only a verb that takes an object: توفي والد أحد موظفيه
                    // is a relative's death, its subject a construct.
                    v.active_trigger_before(k).filter(|t| {
                        let w = v.word(t.start);
                        let w = w.strip_prefix('و').unwrap_or(w);
                        !["توفي", "استشهد", "لقي", "قضي", "مات", "هلك", "نفق"]
                            .iter()
                            .any(|i| w.starts_with(i))
                    })
                })
            {
                return Some(vec![Draft {
                    kind: t.kind,
                    value: Some(1),
                    qualifier: Qualifier::Exact,
                    victims: Some(category),
                    others: false,
                    first: t.start,
                    end,
                    tail: end,
                    distributive: None,
                }]);
            }
        }
    }
    // سقوط أول قتيل في حادث سيارة ذاتية القيادة، سقط أول شهيد: the first
    // of a toll is one.
    if v.word_is(k, "اول") && k > 0 {
        if let Some((kind, category, end, "sing")) = v.count_noun(k + 1) {
            let fell = matches!(
                without_conjunction(v.word(k - 1)),
                "سقوط" | "سقط" | "سجل" | "سجلت" | "تسجيل"
            );
            let after_trigger = v
                .trigger_before(k, false, end)
                .is_some_and(|t| !t.joint && t.end == k);
            // (سقوط أول ضحية لموجة الحر، لفيروس كورونا: a natural death.)
            let heat = (0..v.len()).any(|p| is_heat(v.word(p)));
            if (fell || after_trigger) && !natural_cause(v) && !heat {
                return Some(vec![Draft::counted(
                    kind,
                    Some(1),
                    Qualifier::Exact,
                    category,
                    k - 1,
                    end,
                )]);
            }
        }
    }
    // وقتل المنفذان، وأصيب الشابان الفلسطينيان: a definite dual right
    // after a casualty word counts two. (Not قتل الشابان رجلا، قتل
    // المهاجمان في الهجوم ثمانية أشخاص، قضى الرجلان الأشهر التالية: with
    // an object after it in its clause, the dual is the verb's subject.
    // Adjectives agreeing with it, in ان or ين, are no object.)
    if v.word(k).starts_with("ال") {
        if let Some((category, end, "dual", _)) = v.person(k) {
            let mut after = end;
            while after < v.len()
                && after < end + 3
                && v.word(after).starts_with("ال")
                && (v.word(after).ends_with("ان") || v.word(after).ends_with("ين"))
            {
                after += 1;
            }
            let definite_object = after < v.len()
                && v.word(after).starts_with("ال")
                && !v.is_punct(after)
                && v.lex.casualties.lookup(&[v.word(after)], None).is_none();
            let object_after = definite_object
                || (after..(after + 8).min(v.len()))
                    .take_while(|&p| !v.is_clause_break(p))
                    .any(|p| {
                        v.is_number(p)
                            || v.quantity_at(p).is_some()
                            || (is_accusative(v.word(p)) && v.person(p).is_some())
                            || (v.person(p).is_some() && !v.word(p).starts_with("ال"))
                    });
            if let Some(t) = v
                .trigger_before(k, false, end)
                .filter(|t| !t.joint && t.end == k && !object_after)
            {
                return Some(vec![Draft::counted(
                    t.kind,
                    Some(2),
                    Qualifier::Exact,
                    Some(category),
                    t.start,
                    end,
                )]);
            }
            // وكان الشابان قد لقيا مصرعهما، الطفلان أصيبا بجروح: the dual
            // subject of a dual verb after it.
            if let Some(t) = dual_verb_after(v, after) {
                return Some(vec![Draft::counted(
                    t.kind,
                    Some(2),
                    Qualifier::Exact,
                    Some(category),
                    k,
                    t.end,
                )]);
            }
        }
    }
    if (k.saturating_sub(3)..=k).any(|s| {
        v.lex
            .casualties
            .lookup(v.window(s, 5), Some("joint"))
            .is_some_and(|h| s + h.len > k)
    }) {
        return None;
    }
    // شخصا واحدا، جثث كثيرة: a noun with واحد counts one, a plural casualty
    // noun with كثيرة/عديدة is several.
    if let Some(d) = counted_by_adjective(v, k) {
        return Some(vec![d]);
    }
    // وأصيب آخر، قتل آخر من جراء السقوط: "another", right after a casualty
    // verb, is one more victim. Not after a verbal noun (مقتل آخر قادة
    // التنظيم is "the last of"), and not before a noun it qualifies.
    if matches!(v.word(k), "اخر") || is_ordinal_one(v.word(k)) {
        let next_ok = k + 1 >= v.len()
            || v.is_punct(k + 1)
            || v.has_conjunction(k + 1)
            || BARE_FOLLOWERS.contains(&v.word(k + 1))
            || v.word(k + 1).starts_with('ب');
        if let Some(t) = v
            .trigger_before(k, false, k + 1)
            .filter(|t| !t.joint && t.end == k)
            .filter(|t| {
                v.trigger_at(t.start)
                    .is_some_and(|h| !h.entry.has("masdar"))
            })
        {
            if next_ok {
                // قتل جندي تركي وأصيب آخر: another of the same kind.
                let victims = previous
                    .filter(|p| p.end + 2 >= t.start)
                    .and_then(|p| p.victims)
                    .unwrap_or(Victims::People);
                return Some(vec![Draft::counted(
                    t.kind,
                    Some(1),
                    Qualifier::Exact,
                    Some(victims),
                    t.start,
                    k + 1,
                )]);
            }
        }
    }
    // A dual or lone casualty noun.
    if let Some((kind, category, end, number)) = v
        .count_noun(k)
        .or_else(|| v.count_noun_after_conjunction(k))
    {
        let prev = k.checked_sub(1);
        let after_number = prev.is_some_and(|p| v.quantity_at(p).is_some());
        if after_number
            || v.lex
                .casualties
                .lookup(v.window(k, 3), Some("count_noun"))
                .is_some_and(|h| h.clitics.article)
        {
            return None;
        }
        if number == "plural" {
            return bare_plural_casualties(v, k, kind, category, end);
        }
        let value = match number {
            "dual" => Some(2),
            "sing" => {
                // وشهيد في كل من…، سقوط قتيل، ارتقاء شهيد ثان: a lone noun counts
                // one where it stands as an item of a toll, not in a phrase.
                let starts_item = v.word(k).starts_with('و')
                    || prev.is_some_and(|p| {
                        v.trigger_before(p + 1, true, end).is_some() || v.is_clause_break(p)
                    });
                // والديه is a word of its own, not و + a joined item.
                let followed = end >= v.len()
                    || v.is_clause_break(end)
                    || v.word_is(end, "في")
                    || v.has_conjunction(end)
                    || matches!(v.word(end), "اخر" | "جديد" | "واحد")
                    || is_ordinal_one(v.word(end));
                let quantified =
                    prev.is_some_and(|p| matches!(v.word(p), "كل" | "اي" | "اول" | "اخر" | "لا"));
                (starts_item && followed && !quantified).then_some(1)
            }
            _ => None,
        }?;
        let first = match k
            .checked_sub(1)
            .and_then(|p| v.trigger_before(p + 1, true, end))
        {
            Some(t) => t.start,
            None => k,
        };
        // مقتل 3 جنود وإصابة رابع: "a fourth" is one more of the toll just
        // told, and the ordinal is part of the words that say so.
        let ordinal = value == 1 && (is_ordinal_one(v.word(end)) || v.word_is(end, "اخر"));
        let (victims, end) = if ordinal {
            let told = previous.filter(|p| p.end + 8 >= k).and_then(|p| p.victims);
            (category.or(told), end + 1)
        } else {
            (category, end)
        };
        return Some(vec![Draft {
            kind,
            value: Some(value),
            qualifier: Qualifier::Exact,
            victims,
            others: false,
            first,
            end,
            tail: end,
            distributive: None,
        }]);
    }
    // An indefinite person noun next to a casualty word: استشهد شاب، مقتل طفلين،
    // جنديين استشهدا، فتى … لقي حتفه.
    let joined_person = previous
        .filter(|p| p.end + 8 >= k)
        .and_then(|_| v.person_with_clitic(k, 'و'))
        .map(|p| (p.category, k + 1, p.number, p.implicit && p.plain))
        .filter(|(_, _, number, implicit)| {
            // مقتل أربعة فلسطينيين وجندي إسرائيلي: right after a counted toll,
            // a joined implicit person is a count of its own.
            // (وحالتين may be cases in a critical state, not deaths.)
            // (قتل 3 من أفراد الشرطة التركية ومدني: the toll's adjective may
            // come between.)
            // (186 رجلا وصبيا: men and boys, one count.)
            // (Not قتل 10 رجال وصبي: a boy besides.)
            let men_and_boys = k > 0
                && matches!(
                    (v.word(k - 1), v.word(k)),
                    ("رجلا", "وصبيا") | ("رجل", "وصبي") | ("رجال", "وصبيه" | "وفتيه")
                );
            let adjacent = previous.is_some_and(|p| (p.end..k).all(|x| is_nisba(v.word(x))))
                && *implicit
                && !men_and_boys
                && !v.word(k).contains("حال");
            (*number == "dual" && v.word_is(k + 1, "في")) || (adjacent && *number != "plural")
        });
    let (category, end, number, implicit, family) = match v.person(k).or(joined_person) {
        Some((c, e, n, i)) => (c, e, n, i, false),
        None => {
            // وأفراد من قوات الأمن after إصابة متظاهرين: a joined plural.
            if let Some(p) = v
                .person_with_clitic(k, 'و')
                .filter(|p| p.number == "plural" && p.plain)
            {
                // استشهاد عدد من رجال الأمن ومنسوبي هذه القوات: the plural
                // joins the group a vague count already counts.
                let in_counted_group = previous.is_some_and(|d| {
                    d.end == k
                        && d.value.is_none()
                        && (d.first..d.end).any(|x| v.quantity_at(x).is_some())
                });
                if in_counted_group {
                    return None;
                }
                return plural_after_trigger(v, k, p.category, k + 1, previous);
            }
            // وأصيب ابنهما: a relative alone after a casualty verb.
            let hit = v.lex.persons.lookup(v.window(k, 1), Some("family"))?;
            // (الأمة folds to ال + امه, "his mother".)
            if hit.clitics.preposition.is_some() || hit.clitics.article {
                return None;
            }
            // والدا الطفل: the noun of a construct relative follows it.
            let construct = hit.entry.has("construct") && v.word(k + 1).starts_with("ال");
            (
                Victims::People,
                k + 1 + usize::from(construct),
                hit.entry.attr("number").unwrap_or("plural"),
                true,
                true,
            )
        }
    };
    // مقتل مدنيين، إصابة متظاهرين وأفراد من قوات الأمن: an indefinite plural
    // right after a casualty word is a vague count, several. (قتل مسلحون
    // شرطيا: the subject of the verb.)
    if number == "plural"
        && v.trigger_before(k, false, end)
            .is_some_and(|t| subject_before_object(v, k, end, &t))
    {
        return None;
    }
    if number == "plural" {
        return plural_after_trigger(v, k, category, end, previous);
    }
    if !implicit {
        return None;
    }
    // مصدر عسكري: after a noun it describes, the word is an adjective.
    let adjective = k > 0
        && !v.has_conjunction(k)
        && !v.is_punct(k - 1)
        && !v.is_number(k - 1)
        && v.trigger_at(k - 1).is_none()
        && !matches!(
            v.word(k - 1),
            "ان" | "انه"
                | "بان"
                | "و"
                | "كان"
                | "وكان"
                | "حيث"
                | "بعدما"
                | "عندما"
                | "كما"
                | "اذ"
                | "ثم"
                | "فيما"
                | "بينما"
                | "قد"
                | "لقي"
        )
        && !(v.word(k - 1).starts_with('و') && v.word(k - 1).chars().count() <= 2);
    // مسلحين اثنين: a noun with its number word is a count, and an active verb
    // may have its subject before it, as with numbers (قتلت الشرطة مسلحين اثنين).
    let counted_two = number == "dual"
        && end == k + 2
        && matches!(v.word(k + 1), "اثنين" | "اثنان")
        && !v.has_conjunction(k);
    // (Only a verb that takes an object: توفي والد طالبين اثنين is the
    // father's death.)
    // قتلت الشرطة مسلحا، اغتال مسلحون قاضيا، أصاب مسلح شرطيا: a singular in
    // the accusative (its tanwin alef) is the object of the verb before its
    // subject, one victim.
    // (Not تدريبا عسكريا: after another accusative it is an adjective; nor
    // يذبح البشر ويتلقى تدريبا: a second verb between.)
    let accusative_one = number == "sing"
        && end == k + 1
        && (is_accusative(v.word(k)) || feminine_one(v, k))
        && !v.has_conjunction(k)
        && !(k > 0 && is_accusative(v.word(k - 1)) && v.trigger_at(k - 1).is_none())
        && !(k.saturating_sub(4)..k).any(|p| v.has_conjunction(p) && v.trigger_at(p).is_none());
    let subject_between = (counted_two || accusative_one)
        .then(|| v.active_trigger_before(k))
        .flatten()
        .filter(|t| {
            let w = v.word(t.start);
            let w = w.strip_prefix('و').unwrap_or(w);
            !["توفي", "استشهد", "لقي", "قضي", "مات", "هلك", "نفق"]
                .iter()
                .any(|i| w.starts_with(i))
        });
    // بالإضافة إلى عنصرين من الحرس الثوري after a toll: one more count of it.
    let added = k >= 2
        && matches!(
            (v.word(k - 2), v.word(k - 1)),
            ("اضافه" | "بالاضافه" | "واضافه", "الي") | ("فضلا", "عن")
        );
    // (Nothing between the toll and بالإضافة إلى but its complement and a
    // comma: قتل 4 جنود، واعتقل الجيش 3 مسلحين بالإضافة إلى قيادي is an arrest.)
    let added = added
        && previous.is_some_and(|p| {
            let between = p.end..k.saturating_sub(2);
            between.clone().filter(|&x| v.is_punct(x)).count() <= 1
                && !between.clone().any(|x| v.quantity_at(x).is_some())
                && !between
                    .clone()
                    .any(|x| v.word(x).starts_with('و') && x > p.end + 1)
        });
    if adjective && !added && v.trigger_before(k, false, end).is_none() && subject_between.is_none()
    {
        return None;
    }
    // (وفاة زوجتي وابنتي وابني، وإصابتي وابني الصغير: after a word of
    // wounding the son is no longer one of the dead.)
    let joined_to_previous = (v.word(k).starts_with('و') || added)
        && previous.is_some_and(|p| {
            p.end + 8 >= k
                && !(p.end..k).any(|x| v.word(x).contains("اصاب") || v.word(x).contains("جرح"))
        });
    let trigger = v
        .trigger_before(k, false, end)
        .filter(|t| !t.joint)
        .or(subject_between)
        .or_else(|| {
            (!family || v.word(end).starts_with('و'))
                .then(|| {
                    // فتى فلسطينيا قتل: the noun's adjective may come first.
                    let mut at = end;
                    while at < end + 2 && is_nisba(v.word(at)) && v.trigger_at(at).is_none() {
                        at += 1;
                    }
                    v.trigger_after(at)
                        .filter(|t| !t.joint && t.start <= end + 6)
                        .filter(|t| !v.active_with_object(t))
                })
                .flatten()
        })
        .or_else(|| {
            // وشخصين في بنجاب after "40 في ولاية X": the kind of the toll before.
            joined_to_previous
                .then(|| {
                    previous.map(|p| Trigger {
                        kind: p.kind,
                        start: k,
                        end,
                        figurative: false,
                        joint: false,
                    })
                })
                .flatten()
        });
    let t = trigger?;
    if subject_before_object(v, k, end, &t) {
        return None;
    }
    // وفاة والدة إحدى المتقدمات: a relative's death is mostly a natural one.
    if family
        && v.trigger_at(t.start)
            .is_some_and(|h| matches!(h.entry.words[0].as_str(), "وفاه" | "توفي" | "توفيت"))
        && !violent_cause(v, t.start)
    {
        return None;
    }
    let mut value: u64 = if number == "dual" { 2 } else { 1 };
    let mut victims = category;
    let mut last = end;
    let mut extra = Vec::new();
    // رجل وزوجته، رجل وابنه وابنته: relatives without a number add up;
    // وأطفالها الثلاثة is an explicit count of its own.
    loop {
        // شقيقه ذي الأربع سنوات ووالديهما: an age between two relatives.
        last = skip_age(v, last);
        let Some(rest) = v.word(last).strip_prefix('و') else {
            break;
        };
        // فتاة وطفلين: a purely implicit group adds up (GUIDE.md).
        // ضابطا شرطة ومجند ومسلح: the gunman is another side's toll.
        if let Some(p) = v
            .person_with_clitic(last, 'و')
            .filter(|p| p.implicit && p.plain)
            .filter(|p| (p.category == Victims::Fighters) == (victims == Victims::Fighters))
        {
            value += if p.number == "dual" { 2 } else { 1 };
            if p.category != victims {
                victims = Victims::People;
            }
            last += 1;
            continue;
        }
        let mut words = vec![rest];
        words.extend(v.window(last + 1, 1));
        let Some(h) = v.lex.persons.lookup(&words, Some("family")) else {
            break;
        };
        let family_len = h.len;
        if let Some(q) = v.quantity_at(last + 1).filter(|q| q.value.is_some()) {
            let children =
                rest.contains("اطفال") || rest.contains("ابناء") || rest.contains("ابنائ");
            extra.push(Draft {
                kind: t.kind,
                value: q.value,
                qualifier: Qualifier::Exact,
                victims: Some(if children {
                    Victims::Children
                } else {
                    Victims::People
                }),
                others: false,
                first: last,
                end: q.end,
                tail: q.end,
                distributive: None,
            });
            last = q.end;
            break;
        }
        value += match h.entry.attr("number") {
            Some("dual") => 2,
            Some("sing") => 1,
            _ => break,
        };
        victims = Victims::Civilians;
        last += family_len;
        // وزوجته ريهام وطفله أحمد: a relative's name before the next one.
        if is_name_word(v, last, false)
            && v.word(last + 1).starts_with('و')
            && v.lex
                .persons
                .lookup(v.window(last + 1, 1), Some("family"))
                .is_some()
        {
            last += 1;
        }
    }
    let mut out = vec![Draft {
        kind: t.kind,
        value: Some(value),
        qualifier: Qualifier::Exact,
        victims: Some(victims),
        others: false,
        first: t.start.min(k),
        end: if extra.is_empty() {
            last.max(t.end)
        } else {
            end.max(t.end.min(end))
        },
        tail: if extra.is_empty() { last } else { end },
        distributive: None,
    }];
    out.extend(extra);
    Some(out)
}

/// بسجن عشرة جنود لقتلهم صحفيا، بتهمة قتلها طفلا: a verbal noun with its
/// doer's pronoun, then an indefinite person in the accusative, the one
/// victim of the deed.
fn deed_on_one(v: &View, k: usize) -> Option<Draft> {
    let w = v.word(k);
    let bare = ["لل", "ل", "ب", "و"]
        .iter()
        .find_map(|p| w.strip_prefix(p))
        .unwrap_or(w);
    let (kind, doer) = if let Some(rest) = bare.strip_prefix("قتل") {
        (Kind::Killed, rest)
    } else if let Some(rest) = bare.strip_prefix("اغتيال") {
        (Kind::Killed, rest)
    } else {
        return None;
    };
    if !matches!(doer, "هم" | "ه" | "ها" | "هما") {
        return None;
    }
    let victim = k + 1;
    let (category, end, number, implicit) = v.person(victim)?;
    let accusative = is_accusative(v.word(victim)) || feminine_one(v, victim);
    (implicit && number == "sing" && end == victim + 1 && accusative && !v.has_conjunction(victim))
        .then(|| Draft::counted(kind, Some(1), Qualifier::Exact, Some(category), k, end))
}

/// قتلت قوات الأمن الفرنسية المسلح، أصابت الشرطة المهاجم: a state force
/// named after an active verb is its subject, and the definite person after
/// it its one victim. (Only a force: after another subject a definite noun
/// may as well be a second subject or the doer's own people.)
fn force_kills_one(v: &View, k: usize) -> Option<Draft> {
    let hit = v.trigger_at(k)?;
    let verb = matches!(
        hit.entry.words[0].as_str(),
        "قتل" | "قتلت" | "اغتالت" | "اغتال" | "اصابت" | "اصاب" | "اردت" | "اردي"
    );
    if hit.len != 1 || !verb || hit.entry.has("masdar") || hit.clitics.preposition.is_some() {
        return None;
    }
    if !is_state_force(v.word(k + 1)) {
        return None;
    }
    // The force's genitive and adjectives: قوات الأمن الفرنسية، الشرطة التركية.
    let victim = (k + 2..(k + 5).min(v.len()))
        .take_while(|&p| !v.is_punct(p) && !v.has_conjunction(p) && v.word(p).starts_with("ال"))
        .find(|&p| {
            !is_state_force(v.word(p))
                && v.person(p)
                    .is_some_and(|(_, end, number, _)| end == p + 1 && number == "sing")
        })?;
    let (category, mut end, ..) = v.person(victim)?;
    // قتل الجيش الإسرائيلي الشاب الفلسطيني برصاصة، أردت قوات الأمن المسلح
    // قتيلا: a nisba after the victim, then how or where.
    if end < v.len() && is_definite_nisba(v.word(end)) {
        end += 1;
    }
    let ends_clause = end >= v.len()
        || v.is_clause_break(end)
        || BARE_FOLLOWERS.contains(&v.word(end))
        || NAME_ENDERS.contains(&v.word(end))
        || matches!(
            v.word(end),
            "قتيلا" | "برصاصه" | "بطلق" | "برصاص" | "بالرصاص"
        );
    let kind = if hit.entry.words[0].starts_with("اصاب") {
        Kind::Injured
    } else {
        Kind::Killed
    };
    ends_clause.then(|| Draft::counted(kind, Some(1), Qualifier::Exact, Some(category), k, end))
}

/// وتوفي أحد المصابين في المستشفى، أحد الجرحى تعذر إنقاذه وتوفي: one of
/// the wounded who died is one killed (the wounded counted apart).
fn one_of_the_wounded_died(v: &View, k: usize) -> Option<Draft> {
    let one = without_conjunction(v.word(k));
    if !matches!(one, "احد" | "احدي")
        || !matches!(v.word(k + 1), "الجرحي" | "المصابين" | "المصابون")
    {
        return None;
    }
    let died = |w: &str| {
        let w = without_conjunction(w);
        matches!(w, "توفي" | "توفيت" | "مات" | "قضي") || w.starts_with("فارق")
    };
    // (توفي أحد المصابين بفيروس كورونا: the infected, an illness death.)
    if (0..v.len()).any(|p| v.is_disease(p)) {
        return None;
    }
    let before = k > 0 && died(v.word(k - 1));
    let after = (k + 2..(k + 7).min(v.len()))
        .take_while(|&p| !matches!(v.punct_char(p), Some('.' | ';' | '?' | '!')))
        .find(|&p| died(v.word(p)));
    if !before && after.is_none() {
        return None;
    }
    let first = if before { k - 1 } else { k };
    let end = after.map_or(k + 2, |p| p + 1);
    Some(Draft::one_killed(Victims::People, first, end))
}

/// قتل جندي وأصيب ثان، مقتل 3 جنود وإصابة رابع: an ordinal after a
/// casualty word is one more victim.
fn is_ordinal_one(w: &str) -> bool {
    matches!(
        w,
        "ثان"
            | "ثاني"
            | "ثالث"
            | "رابع"
            | "خامس"
            | "سادس"
            | "سابع"
            | "ثامن"
            | "تاسع"
            | "عاشر"
    )
}

/// امرأة، فتاة، طفلة: an indefinite feminine person noun, whose accusative
/// shows no alef (قتل مسلحون فتاة, قتلت الشرطة امرأة).
fn feminine_one(v: &View, k: usize) -> bool {
    let w = v.word(k);
    // (قتل زوج امرأة، قتل شقيق فتاة: after a kinship noun she is its
    // possessor, not the victim.)
    let possessed = k > 0
        && matches!(
            without_conjunction(v.word(k - 1)),
            "زوج"
                | "ابن"
                | "شقيق"
                | "والد"
                | "اخ"
                | "اب"
                | "ام"
                | "بنت"
                | "حفيد"
                | "عم"
                | "خال"
                | "جد"
        );
    !possessed
        && w.ends_with('ه')
        && !w.starts_with("ال")
        && !v.has_conjunction(k)
        && v.person(k)
            .is_some_and(|(_, e, n, implicit)| implicit && n == "sing" && e == k + 1)
}

/// مسلحا، رجلا: the tanwin alef of the accusative (not the doubled alef of
/// a name written out, as in اا).
fn is_accusative(w: &str) -> bool {
    w.ends_with('ا') && !w.ends_with("اا")
}

/// وأصاب مسلح شرطيا، قتل مسلحون شرطيا: after a verb (not its noun), the
/// person at `k..end` followed by an accusative one is the verb's subject,
/// and the accusative the victim.
fn subject_before_object(v: &View, k: usize, end: usize, t: &Trigger) -> bool {
    let verb_before = t.end == k
        && v.trigger_at(t.start)
            .is_some_and(|h| !h.entry.has("masdar") && h.clitics.preposition.is_none());
    let object_after = || {
        (end..(end + 3).min(v.len()))
            .take_while(|&p| {
                !v.is_punct(p) && !v.word(p).starts_with('و') && v.trigger_at(p).is_none()
            })
            .any(|p| {
                v.person(p).is_some_and(|(_, e, n, implicit)| {
                    implicit
                        && n == "sing"
                        && e == p + 1
                        && (is_accusative(v.word(p)) || feminine_one(v, p))
                })
            })
    };
    verb_before && !is_accusative(v.word(k)) && object_after()
}

/// تانيشا ملبورن بلايك، 17 سنة،: a number set off by a comma after a
/// name with its unit of years is the person's age.
fn age_after_name(v: &View, p: usize) -> bool {
    let is_unit = |w: &str| matches!(w, "سنه" | "عاما" | "عام" | "سنوات" | "اعوام");
    let number_at = |n: usize| v.is_number(n) && n > 0 && v.punct_char(n - 1) == Some(',');
    (number_at(p) && is_unit(v.word(p + 1))) || (p > 0 && is_unit(v.word(p)) && number_at(p - 1))
}

/// ذي الأربع سنوات، البالغ من العمر 12 عاما: an age phrase at `at` is
/// skipped (up to five words, ending in a word of years or months); `at`
/// itself otherwise.
fn skip_age(v: &View, at: usize) -> usize {
    if !matches!(v.word(at), "ذي" | "ذو" | "البالغ" | "البالغه") {
        return at;
    }
    (at + 1..(at + 6).min(v.len()))
        .take_while(|&p| !v.is_punct(p))
        .find(|&p| {
            matches!(
                v.word(p),
                "سنوات"
                    | "سنه"
                    | "سنين"
                    | "عاما"
                    | "عام"
                    | "اعوام"
                    | "شهرا"
                    | "اشهر"
                    | "شهور"
            )
        })
        .map_or(at, |p| p + 1)
}

/// `شخصا واحدا` (one) and `جثث كثيرة` (several) after a casualty word.
fn counted_by_adjective(v: &View, k: usize) -> Option<Draft> {
    let next = v.word(k + 1);
    let one = matches!(next, "واحد" | "واحدا" | "واحده");
    let many = matches!(next, "كثيره" | "عديده" | "كثيرون" | "عديدون");
    if !one && !many {
        return None;
    }
    let (kind, victims) = if let Some((kind, category, end, number)) = v.count_noun(k) {
        if end != k + 1 || (many && number == "sing") {
            return None;
        }
        (Some(kind), category)
    } else {
        let (category, end, number, _) = v.person(k)?;
        if end != k + 1 || (one && number != "sing") || many {
            return None;
        }
        (None, Some(category))
    };
    let trigger = v
        .trigger_before(k, kind.is_some(), k + 2)
        .or_else(|| v.active_trigger_before(k))
        .or_else(|| v.trigger_after(k + 2).filter(|t| t.start == k + 2));
    let kind = match (kind, &trigger) {
        (Some(kind), _) => kind,
        (None, Some(t)) => t.kind,
        (None, None) => return None,
    };
    let first = trigger.as_ref().map_or(k, |t| t.start.min(k));
    Some(Draft {
        kind,
        value: one.then_some(1),
        qualifier: if one {
            Qualifier::Exact
        } else {
            Qualifier::Several
        },
        victims,
        others: false,
        first,
        end: k + 2,
        tail: k + 2,
        distributive: None,
    })
}

/// An indefinite plural of people right after a casualty word (مقتل مدنيين),
/// or joined by و to such a claim (وأفراد من قوات الأمن): several.
fn plural_after_trigger(
    v: &View,
    k: usize,
    category: Victims,
    end: usize,
    previous: Option<&Draft>,
) -> Option<Vec<Draft>> {
    let w = v.word(k);
    // مقتل فلسطينيين اثنين: the number two stands after the noun it counts.
    let after = v.quantity_at(end);
    let two_after = after.is_some_and(|q| q.value == Some(2) && !q.digits && q.end == end + 1);
    if w.starts_with("ال") || (after.is_some() && !two_after) {
        return None;
    }
    // إزهاق أرواح أبرياء: some plurals are rhetoric unless counted.
    if v.lex
        .persons
        .lookup(&[w], Some("person"))
        .is_some_and(|h| h.entry.has("counted_only"))
    {
        return None;
    }
    // After a verb, a broken plural may be its subject (قتلت قوات الأمن المسلح);
    // a sound plural (-ين، -ون) marks the victims. After a verbal noun any plural does.
    let sound_plural = w.ends_with("ين") || w.ends_with("ون");
    let trigger = v
        .trigger_before(k, false, end)
        .filter(|t| t.end == k)
        .filter(|t| sound_plural || v.trigger_at(t.start).is_some_and(|h| h.entry.has("masdar")));
    // مقتل وإصابة متظاهرين: both kinds, several of each.
    let (kinds, first) = match (trigger, previous) {
        // (قتل وإصابة فلسطينيين اثنين is a total of both: no claim.)
        (Some(t), _) if t.joint && two_after => return None,
        (Some(t), _) if t.joint => (vec![t.kind.other(), t.kind], t.start),
        (Some(t), _) => (vec![t.kind], t.start),
        (None, Some(p)) if v.has_conjunction(k) && p.end == k && p.value.is_none() => {
            (vec![p.kind], k)
        }
        _ => return None,
    };
    let (value, qualifier) = if two_after {
        (Some(2), Qualifier::Exact)
    } else {
        (None, Qualifier::Several)
    };
    // The group after من names them: وأفراد من قوات الأمن.
    let (victims, end) = match (v.word_is(end, "من"), v.person(end + 1)) {
        _ if two_after => (category, end + 1),
        (true, Some((c, e, ..))) if c != Victims::People => (c, e),
        _ => (category, end),
    };
    Some(
        kinds
            .into_iter()
            .map(|kind| Draft {
                kind,
                value,
                qualifier,
                victims: Some(victims),
                others: false,
                first,
                end,
                tail: end,
                distributive: None,
            })
            .collect(),
    )
}

/// A casualty verb in the dual (قتلا، أصيبا، لقيا مصرعهما) at `at` or
/// after قد: the dual noun before it is its subject. (Not الرجلان قتلا
/// الحارس، المسلحان قد قتلا بدم بارد ثلاثة من المصلين: an active verb with
/// its object in its clause; أصيبا and لقيا take none.)
fn dual_verb_after(v: &View, at: usize) -> Option<Trigger> {
    let next = at + usize::from(v.word(at) == "قد");
    let t = v
        .trigger_after(at)
        .filter(|t| !t.joint && t.start == next)?;
    let w = v.word(t.start);
    let w = w.strip_prefix('و').unwrap_or(w);
    let active = w.starts_with("قتل") || w.starts_with("جرح");
    let o = t.end;
    let definite_object = o < v.len()
        && !v.is_punct(o)
        && v.word(o).starts_with("ال")
        && v.lex
            .attribution
            .lookup(&[v.word(o)], Some("boundary"))
            .is_none();
    let object = active
        && (definite_object
            || (o..(o + 8).min(v.len()))
                .take_while(|&x| !v.is_clause_break(x))
                .any(|x| v.quantity_at(x).is_some() || v.person(x).is_some()));
    (w.ends_with('ا') && !w.ends_with("وا") && !object).then_some(t)
}

/// A named person reported killed is a count of one: مقتل موسى أبو داود،
/// لمقتل صالح علي الصماد، اغتيال القيادي محمد علي. The name is two to four
/// words of no lexicon after a verbal noun of death (and a title, if any).
fn named_individual(v: &View, k: usize) -> Option<Draft> {
    let hit = v.trigger_at(k)?;
    // Violent deaths only: وفاة is mostly a natural death, إعدام a sentence.
    let stem = hit.entry.words[0].as_str();
    // لقتل رئيسة الوزراء، لاغتيال: ل before the action is a purpose, a plot.
    // But after its author, ل joins the deed done (الجهة المدبرة لقتل الصحفي).
    let authored = k > 0
        && matches!(
            v.word(k - 1),
            "المدبره"
                | "المدبر"
                | "مدبر"
                | "المنفذ"
                | "المنفذه"
                | "منفذ"
                | "مرتكب"
                | "مرتكبي"
        );
    let purpose =
        hit.clitics.preposition == Some('ل') && matches!(stem, "قتل" | "اغتيال") && !authored;
    let violent_death = stem == "وفاه" && violent_cause(v, k);
    // بإصابة الابن في يده، وإصابة الزوجة: a definite person noun or a
    // relative after إصابة is one person wounded.
    let injury = stem == "اصابه" && hit.clitics.preposition != Some('ل');
    if purpose
        || hit.len != 1
        || !(violent_death
            || injury
            || matches!(
                stem,
                "مقتل" | "اغتيال" | "استشهاد" | "مصرع" | "قتل" | "استشهد"
            ))
    {
        return None;
    }
    let mut p = k + 1;
    // الشك في "مقتل" الإعلامي السعودي جمال خاشقجي: the deed's word quoted.
    if k > 0 && v.opens_quote(k - 1) && v.closes_quote(p) && v.punct_char(p) != Some(')') {
        p += 1;
    }
    let titled = is_title_or_role(v, p)
        || matches!(
            v.word(p),
            "القيادي" | "الزعيم" | "الرئيس" | "الناشط" | "الصحفي" | "الصحافي"
        );
    // الرقيب، الطفل، المرشح: a definite singular person noun is a title too.
    // (قتل النفس is killing as such, the soul of no one.)
    // وفاة الابن وإصابة الزوجة: a definite relative is one person too.
    let definite_relative = matches!(
        v.word(p),
        "الابن"
            | "الابنه"
            | "الاب"
            | "الام"
            | "الزوج"
            | "الزوجه"
            | "الشقيق"
            | "الشقيقه"
            | "الاخ"
            | "الاخت"
            | "الوالد"
            | "الوالده"
    );
    // (قتل الوالد أو الخال: after the verb, a relative is as often its
    // subject, or no one in particular.)
    let person_title = v.word(p).starts_with("ال")
        && !v.word_is(p, "النفس")
        && ((definite_relative && stem != "قتل")
            || v.person(p)
                .is_some_and(|(_, end, number, _)| end == p + 1 && number == "sing"));
    // (إصابة المهاجم، إصابة اللاعب: a player's injury.)
    if injury
        && (!person_title
            || matches!(
                v.word(p),
                "المهاجم" | "اللاعب" | "المدافع" | "الحارس" | "النجم" | "الهدف"
            ))
    {
        return None;
    }
    let titled = titled || person_title;
    // الطفل، الجندي، الشاب: a title that is a person noun names the victims.
    let titled_victims = if titled {
        v.person(p).map(|(c, ..)| c)
    } else {
        None
    };
    if titled {
        p += 1;
        // الرضيع الفلسطيني علي دوابشة، الطالبة المصرية مريم، الشاب الأسود
        // مايكل براون: a nisba or a colour between title and name.
        // الزعيم الإقليمي السابق: a former holder of the title too.
        while p < v.len()
            && p <= k + 4
            && v.word(p).starts_with("ال")
            && (v.word(p).ends_with('ي')
                || v.word(p).ends_with("يه")
                || matches!(
                    v.word(p),
                    "الاسود" | "الابيض" | "السوداء" | "البيضاء" | "السابق" | "السابقه"
                ))
        {
            p += 1;
        }
        // الصحفي الروسي، أركادي بابتشينكو،: the name may stand in apposition,
        // also after the title's genitive (الزعيم الإقليمي السابق لتنظيم
        // داعش، إيسنيلون هابيلون،).
        let stop = (p..(p + 4).min(v.len())).find(|&x| {
            v.punct_char(x) == Some(',')
                || v.is_clause_break(x)
                || v.is_number(x)
                || v.trigger_at(x).is_some()
                || BARE_FOLLOWERS.contains(&v.word(x))
                || NAME_ENDERS.contains(&v.word(x))
        });
        // (Not after a name already given, قتل اللواء عبد الفتاح يونس، ووجه;
        // nor before أو or و, which go on with the sentence.)
        if let Some(comma) = stop.filter(|&x| {
            v.punct_char(x) == Some(',')
                && (x == p || (p..x).any(|y| !is_name_word(v, y, true)))
                && !v.has_conjunction(x + 1)
                && !matches!(v.word(x + 1), "او" | "ثم" | "اي")
                && (is_name_word(v, x + 1, false) || family_name_like_plural(v, x + 1, x, true))
                && (is_name_word(v, x + 2, true) || family_name_like_plural(v, x + 2, x, true))
        }) {
            p = comma + 1;
        }
    }
    // عائلة دوابشة، أسرة: a group, not one person; هذا الأسد: not a name.
    if matches!(
        v.word(p),
        "عائله"
            | "اسره"
            | "افراد"
            | "ابناء"
            | "جميع"
            | "كل"
            | "هذا"
            | "هذه"
            | "ذلك"
            | "تلك"
    ) {
        return None;
    }
    let first = p;
    // وقتل جيش الاحتلال في هذه المسيرات: a state force is the verb's
    // subject, no victim's name.
    if !titled && is_state_force(v.word(first)) {
        return None;
    }
    // استشهاد رجلي أمن، مقتل جنودها: two or more people, counted by the
    // rules for counts.
    if v.person(first)
        .is_some_and(|(_, _, number, _)| number != "sing")
    {
        return None;
    }
    // Words after the first may carry ال (علي الصماد); علي is a name before
    // a name word although it folds like the preposition على: after a title,
    // الرضيع علي دوابشة, but not before what على commonly governs (على يد،
    // على طريق، على خلفية) nor before a word with the article (على الحدود).
    let governed_by_ala = |w: &str| {
        matches!(
            w,
            "يد" | "يدي"
                | "ايدي"
                | "طريق"
                | "خلفيه"
                | "حاجز"
                | "مدخل"
                | "مقربه"
                | "متن"
                | "اثر"
                | "اعتاب"
                | "بعد"
                | "حد"
                | "وقع"
                | "هامش"
                | "راس"
                | "امتداد"
        )
    };
    // (مقتل الشاب مايكل براون برصاص شرطي: how he was killed ends the name.)
    let how = |x: usize| matches!(v.word(x), "برصاص" | "بالرصاص" | "بنيران");
    while p < v.len()
        && p - first < 7
        && !(p > first && how(p))
        && (is_name_word(v, p, p > first || titled)
            || family_name_like_plural(v, p, first, titled)
            // مقتل مؤسسها الملا عمر: a title inside the words naming him.
            || (p > first
                && !v.word(p).starts_with('و')
                && is_title(v, p)
                && is_name_word(v, p + 1, false))
            || (p > first && matches!(v.word(p), "بن" | "ابن" | "بنت" | "ابو" | "ابي" | "عبد"))
            || (v.word_is(p, "علي")
                && (titled || p > first)
                && !governed_by_ala(v.word(p + 1))
                && is_name_word(v, p + 1, p > first)))
    {
        p += 1;
    }
    // القذافي، الحريري: a family name may carry the article.
    if p == first && !titled && lone_name(v, first) {
        p += 1;
    }
    let words = p - first;
    // قتل وبطش وعنف: nouns joined by و are a list, not a name.
    if words >= 2 && v.word(first).starts_with('و') && v.word(first + 1).starts_with('و') {
        return None;
    }
    let ends_well = p >= v.len()
        || v.is_punct(p)
        || BARE_FOLLOWERS.contains(&v.word(p))
        || NAME_ENDERS.contains(&v.word(p))
        || v.word(p).starts_with('و')
        || how(p)
        // مقتل خاشقجي هناك: an adverb of place.
        || matches!(v.word(p), "هناك" | "هنا")
        // مقتل الرضيع علي سعد الدوابشة 18 شهرا: the age after the name.
        || (v.is_number(p)
            && matches!(
                v.word(p + 1),
                "عاما" | "سنه" | "سنوات" | "اعوام" | "شهرا" | "اشهر"
            ));
    // مقتل الضابط في...: the title alone names one victim, but after the
    // verb قتل a definite noun may be its subject (قتل الجندي فلسطينيا).
    // (قتل الصحفي البلاروسي في كييف: ended by a preposition or the clause,
    // the noun has no object after it to be the subject of. On على and عن
    // an object may still follow: قتل الشرطي على الفور المهاجم، قتل الجندي
    // عن عمد فلسطينيا.)
    let object_follows = (p + 1..(p + 5).min(v.len()))
        .take_while(|&x| !v.is_clause_break(x))
        .any(|x| {
            is_accusative(v.word(x)) || (v.person(x).is_some() && v.word(x).starts_with("ال"))
        });
    let no_object = p >= v.len()
        || v.is_clause_break(p)
        || matches!(
            v.word(p),
            "في" | "خلال" | "اثناء" | "جراء" | "اثر" | "برصاص" | "بنيران"
        )
        || (matches!(v.word(p), "علي" | "عن") && !object_follows);
    // مقتل الزعيم في المعركة، اغتيال القيادي بالحزب: a definite title alone
    // is one person too.
    // (قتل الزعيم في عهده آلاف المعارضين: a count further on is his victims.)
    let count_further = || {
        (p..(p + 10).min(v.len()))
            .take_while(|&x| !v.is_clause_break(x))
            .any(|x| v.quantity_at(x).is_some_and(|q| !q.not_a_count))
    };
    let title_alone = words == 0
        && (person_title || (titled && v.word(k + 1).starts_with("ال")))
        && (stem != "قتل" || (no_object && !count_further()))
        && (ends_well || NAME_ENDERS.contains(&v.word(p)) || v.word_is(p, "عن"));
    let named = words >= 2 || (words == 1 && (titled || lone_name(v, first)));
    if !(named && ends_well || title_alone) {
        return None;
    }
    let (extra_named, p) = if titled && named {
        more_titled_names(v, p)
    } else {
        (0, p)
    };
    // بقتل أشهر وأقدم أسد في زيمبابوي: an animal. (Not a family name with
    // the article, بشار الأسد، هيثم الجمل, nor a name after a title, الشاب
    // نمر زيدان.)
    if !titled && (k + 1..p.min(v.len())).any(|x| !has_article(v.word(x)) && animal_in(v, x, x + 1))
    {
        return None;
    }
    // استشهد الجنرال مارتن ديمبسي، الذي …، بمجموعة من الأنشطة: the verb also
    // means "cited", its object after ب: a saying, an article, facts (not
    // بسبب القصف، بعدما أصيب، بسقوط قذيفة).
    if stem == "استشهد" && !hit.entry.has("masdar") {
        // Right after the name, or after a relative clause set off by commas.
        // (Not inside it: محمد شريف بدوان.)
        // (أستشهد بقول الدكتور: the saying may come first.)
        let mut at = vec![k + 1, p, p + 1];
        if v.punct_char(p) == Some(',') && matches!(v.word(p + 1), "الذي" | "التي") {
            if let Some(close) =
                (p + 2..(p + 16).min(v.len())).find(|&x| v.punct_char(x) == Some(','))
            {
                at.push(close + 1);
            }
        }
        let cited = at.into_iter().filter(|&x| x < v.len()).any(|x| {
            v.word(x).strip_prefix('ب').is_some_and(|rest| {
                [
                    "مجموع",
                    "قول",
                    "مقول",
                    "مقال",
                    "تصريح",
                    "ايه",
                    "حديث",
                    "وصف",
                    "كلام",
                    "مثال",
                    "تقرير",
                    "دراس",
                    "بيان",
                    "احصاء",
                    "ارقام",
                    "نص",
                    "عبار",
                    "تغريد",
                    "كتاب",
                    "خطاب",
                    "شهاده",
                    "رساله",
                    "مقطع",
                    "فيديو",
                ]
                .iter()
                .any(|s| rest.starts_with(s))
            })
        });
        if cited {
            return None;
        }
    }
    let victims = titled_victims.unwrap_or(Victims::People);
    if injury && wound_unclaimed(v, k, p) {
        return None;
    }
    if extra_named > 0 {
        let kind = if injury { Kind::Injured } else { Kind::Killed };
        return Some(Draft::counted(
            kind,
            Some(1 + extra_named),
            Qualifier::Exact,
            Some(victims),
            k,
            p,
        ));
    }
    if injury {
        return Some(Draft::counted(
            Kind::Injured,
            Some(1),
            Qualifier::Exact,
            Some(victims),
            k,
            p,
        ));
    }
    Some(Draft::one_killed(victims, k, p))
}

/// استشهاد العريف أول جمعة الحمادي والعريف أول خالد الشحي، إصابة العقيد
/// هشام العزب والرائد أحمد فكري: more victims after the first, each with his
/// title, joined by و. `p` is where the first name ends; returns how many
/// more and where the last of them ends.
fn more_titled_names(v: &View, mut p: usize) -> (u64, usize) {
    let mut more = 0;
    loop {
        let mut q = p;
        // (قتل العقيد أحمد علي والرائد: علي may end the name before.)
        if v.word_is(q, "علي") && v.word(q + 1).starts_with('و') {
            q += 1;
        }
        if v.punct_char(q) == Some(',') {
            q += 1;
        }
        let Some(rest) = v.word(q).strip_prefix('و') else {
            break;
        };
        let title = is_title_word(v, rest)
            || (rest.starts_with("ال")
                && v.lex
                    .persons
                    .lookup(&[rest], Some("person"))
                    .is_some_and(|h| h.entry.attr("number") == Some("sing")));
        if !title {
            break;
        }
        q += 1;
        // العريف أول، الجندي أول: the rank's degree.
        if v.word_is(q, "اول") {
            q += 1;
        }
        let start = q;
        // (مصطفى علي عباس: علي inside a name, not على.)
        while q < v.len()
            && q - start < 5
            && (is_name_word(v, q, q > start)
                || (q > start && v.word_is(q, "علي") && is_name_word(v, q + 1, true)))
        {
            q += 1;
        }
        let ends_well = q >= v.len()
            || v.is_punct(q)
            || v.word(q).starts_with('و')
            || BARE_FOLLOWERS.contains(&v.word(q))
            || NAME_ENDERS.contains(&v.word(q));
        if q - start < 2 || !ends_well {
            break;
        }
        more += 1;
        p = q;
    }
    (more, p)
}

/// ومحاولة، بمحاولة: a word without the one clitic و، ل or ب before it.
fn strip_one_clitic(w: &str) -> &str {
    ['و', 'ل', 'ب']
        .iter()
        .find_map(|c| w.strip_prefix(*c))
        .filter(|rest| rest.chars().count() > 2)
        .unwrap_or(w)
}

/// العقيد، الملا: a title before a person's name.
fn is_title(v: &View, k: usize) -> bool {
    is_title_word(v, v.word(k))
}

fn is_title_word(v: &View, w: &str) -> bool {
    v.lex.attribution.lookup(&[w], Some("title")).is_some()
}

/// العقيد، وزير الداخلية: a word the attribution lexicon knows as a title
/// or a role, which a person's name may follow.
fn is_title_or_role(v: &View, k: usize) -> bool {
    let attribution = &v.lex.attribution;
    attribution.lookup(v.window(k, 1), Some("title")).is_some()
        || attribution.lookup(v.window(k, 1), Some("role")).is_some()
}

/// مقتل خاشقجي، اغتيال الحريري: one word alone is a name when no lexicon
/// knows it (places included) and it looks like neither a possessed noun (ركابها، والده) nor,
/// with the article, anything but a family name in ي.
fn lone_name(v: &View, k: usize) -> bool {
    let w = v.word(k);
    let letters = w.chars().count();
    if letters < 3
        || ["ه", "ها", "هم", "هما", "هن", "كم", "نا"]
            .iter()
            .any(|s| w.ends_with(s))
    {
        return false;
    }
    // قتل ليبيا: a place is no victim.
    if v.lex.places.lookup(&[w], None).is_some() {
        return false;
    }
    // قتل غدرا، قتل جماعي، مقتل إسرائيليان: adverbs, adjectives, duals.
    if (w.ends_with('ا') && letters <= 5)
        || w.ends_with("يان")
        || NOT_NAMES.contains(&w)
        || has_glued_article(w)
    {
        return false;
    }
    let form = if w.starts_with("ال") {
        letters >= 6 && w.ends_with('ي') && is_name_word(v, k, true)
    } else {
        is_name_word(v, k, false)
    };
    form && named_in_report(v, w)
}

/// الأسد، والأسد: the article, perhaps after و.
fn has_article(w: &str) -> bool {
    w.strip_prefix('و').unwrap_or(w).starts_with("ال")
}

/// بالـ، للـ، والـ: a preposition or و glued to the article.
fn has_glued_article(w: &str) -> bool {
    ["بال", "لل", "وال", "فال", "كال"]
        .iter()
        .any(|p| w.starts_with(p))
}

/// Words that follow a killing and are no one's name when they stand alone
/// (مقتل بشر، قتل أكثر من) though they may be part of one (بشر الحسن).
const NOT_NAMES: &[&str] = &["اكثر", "مزيد", "بشر"];

/// Words that are no part of any name: a killing's adjectives, masculine and
/// feminine (قتل جماعي، جريمة قتل خطيرة للغاية، جرائم قتل غامضة), and
/// adverbs (مقتل خاشقجي هناك، عمدا).
const NEVER_NAMES: &[&str] = &[
    // مدبر اغتيال محمد بوضياف هو الملازم: a pronoun ends the name.
    "هو",
    "هي",
    "جماعي",
    "متعمد",
    "عمد",
    "ممنهج",
    "عشوائي",
    "هناك",
    "هنا",
    "وحشي",
    "همجي",
    "بشع",
    "مروع",
    "اجرامي",
    "ارهابي",
    "غادر",
    "جبان",
    "عرضي",
    "خطا",
    "سياسي",
    "طائفي",
    "خطيره",
    "بشعه",
    "مروعه",
    "وحشيه",
    "متعمده",
    "غامضه",
    "عمديه",
];

/// Whether `name` stands somewhere in the report as the last word of a
/// longer name (جمال خاشقجي، الكسندر ليتفيننكو) or after a title (العقيد
/// القذافي): the evidence that one word is a person's name.
/// A report of ordinary length is scanned for each candidate, which costs
/// little as the name is compared first; in a very long one the words are
/// gathered once, so that many candidates do not cost the square of its
/// length.
fn named_in_report(v: &View, name: &str) -> bool {
    const SCAN_UP_TO: usize = 5_000;
    let r = v.report();
    let evidence = |j: usize| is_name_word(&r, j - 1, true) || is_title_or_role(&r, j - 1);
    if r.len() <= SCAN_UP_TO {
        return (1..r.len()).any(|j| r.word_is(j, name) && evidence(j));
    }
    v.report_names
        .get_or_init(|| {
            (1..r.len())
                .filter(|&j| evidence(j))
                .map(|j| r.word(j).to_string())
                .collect()
        })
        .contains(name)
}

/// مقتل زعيم تنظيم القاعدة أسامة بن لادن، مصرع قائد الشرطة: the holder of
/// an office, named by its construct, is one victim.
fn office_holder(v: &View, k: usize) -> Option<Draft> {
    let hit = v.trigger_at(k)?;
    let stem = hit.entry.words[0].as_str();
    // قتلوا حاكم المنطقة: after a plural verb, the office is its object.
    // (قتل نجل رئيس اللجنة: the son of an office holder, after قتل too.)
    let office = k + 1;
    let son = v.word(office) == "نجل";
    if hit.len != 1
        || hit.clitics.preposition == Some('ل')
        || !(matches!(stem, "مقتل" | "استشهاد" | "مصرع" | "قتلوا") || (son && stem == "قتل"))
    {
        // (اغتيال زعيم كوريا الشمالية is mostly a plot.)
        return None;
    }
    let is_office = matches!(
        v.word(office),
        "زعيم" | "امير" | "امر" | "قائد" | "حاكم" | "نجل"
    ) || v
        .lex
        .attribution
        .lookup(v.window(office, 1), Some("role"))
        .is_some_and(|h| h.clitics == crate::lexicon::Clitics::default());
    // The office needs its genitive: مقتل قائد is not yet a person.
    let genitive = office + 1;
    if !is_office
        || genitive >= v.len()
        || v.is_punct(genitive)
        || v.is_number(genitive)
        || v.has_conjunction(genitive)
        || BARE_FOLLOWERS.contains(&v.word(genitive))
    {
        return None;
    }
    let mut end = office + 1;
    while end < v.len()
        && end - office <= 6
        && !v.is_punct(end)
        && !v.is_number(end)
        && v.quantity_at(end).is_none()
        && v.trigger_at(end).is_none()
        && !v.has_conjunction(end)
        && !matches!(
            v.word(end),
            "في" | "من" | "علي" | "الي" | "عن" | "خلال" | "اثر" | "جراء" | "بعد" | "قبل"
        )
        && !NAME_ENDERS.contains(&v.word(end))
        && !BARE_FOLLOWERS.contains(&v.word(end))
    {
        end += 1;
    }
    Some(Draft::one_killed(Victims::People, k, end))
}

/// Words that end a person's name and go on with the sentence: مقتل الرضيع بل…
const NAME_ENDERS: &[&str] = &[
    "بل",
    "لكن",
    "الذي",
    "التي",
    "اثناء",
    // قتل الطيار معاذ الكساسبة حرقا: how he was killed.
    "حرقا",
    "ذبحا",
    "طعنا",
    "خنقا",
    "شنقا",
    "غرقا",
    "دهسا",
    "رميا",
];

/// A word that can be part of a person's name: no lexicon knows it, it is not
/// a number, a function word or a plural.
fn is_name_word(v: &View, k: usize, article_allowed: bool) -> bool {
    let w = v.word(k);
    if v.is_punct(k) || v.is_number(k) || w.chars().count() < 2 {
        return false;
    }
    if (!article_allowed && w.starts_with("ال") && !matches!(w, "الله"))
        || w.starts_with('و') && w.chars().count() > 3 && v.has_conjunction(k)
    {
        return false;
    }
    // Plural endings; a short name may end so too (حسين، شون).
    if w.chars().count() > 4 && (w.ends_with("ين") || w.ends_with("ون") || w.ends_with("ات"))
    {
        return false;
    }
    if BARE_FOLLOWERS.contains(&w) || NAME_ENDERS.contains(&w) || NEVER_NAMES.contains(&w) {
        return false;
    }
    // فضل الله، عبد الله: a name, though فضل alone may be بفضل (thanks to)
    // and الله folds like له (to him). (Not عباد الله، حزب الله، حرم الله.)
    let before_allah = |w: &str| {
        matches!(
            w,
            "عبد"
                | "فضل"
                | "نصر"
                | "عطا"
                | "عطاء"
                | "حكيم"
                | "هدايه"
                | "عوض"
                | "خير"
                | "جار"
                | "ضيف"
                | "رزق"
                | "فتح"
                | "امان"
                | "سيف"
                | "نعمه"
                | "فرج"
        )
    };
    if (before_allah(w) && v.word(k + 1) == "الله")
        || (w == "الله" && k > 0 && before_allah(v.word(k - 1)))
    {
        return true;
    }
    !known_word(v, w, true)
}

/// Whether a lexicon knows `w`. With `names_allowed`, a known source or
/// place does not count: a person's name may be one.
fn known_word(v: &View, w: &str, names_allowed: bool) -> bool {
    let lex = v.lex;
    lex.persons.lookup(&[w], None).is_some()
        || lex.casualties.lookup(&[w], None).is_some()
        || lex
            .attribution
            .lookup(&[w], None)
            .is_some_and(|h| !names_allowed || h.entry.class != "source")
        || lex
            .places
            .lookup(&[w], None)
            .is_some_and(|h| !names_allowed || h.entry.class != "place")
        || lex.qualifiers.lookup(&[w], None).is_some()
        || numbers::lexicon().lookup(&[w], None).is_some()
}

/// سيمون كامبرز، مايكل براون: a name may end like a sound plural. After a
/// title or a first name such a word is a name when no lexicon knows it, so
/// long as it is not a nisba's plural (فلسطينيين) and, first after the
/// title, a plain name follows it.
fn family_name_like_plural(v: &View, k: usize, first: usize, titled: bool) -> bool {
    // An unknown indefinite word shaped like a sound plural, not a nisba's.
    let plural_shaped_name = |x: usize| {
        let w = v.word(x);
        (w.ends_with("ون") || w.ends_with("ين"))
            && !w.ends_with("يون")
            && !w.ends_with("يين")
            && !w.starts_with("ال")
            && !v.has_conjunction(x)
            && !v.is_punct(x)
            && !v.is_number(x)
            && !BARE_FOLLOWERS.contains(&w)
            && !NAME_ENDERS.contains(&w)
            && !NEVER_NAMES.contains(&w)
            && !known_word(v, w, false)
    };
    // Without a title, only the endings of foreign family names (براون،
    // جونسون), not a plural adjective (اغتيال علماء بارزين). (هابيلون after
    // إيسنيلون: both may end so.)
    let w = v.word(k);
    let foreign = w.ends_with("اون") || w.ends_with("سون");
    plural_shaped_name(k)
        && ((k > first && (titled || foreign))
            || (titled && (is_name_word(v, k + 1, false) || plural_shaped_name(k + 1))))
}

/// سقوط قتلى وجرحى، أوقعت قتلى: plural casualty nouns with no number after
/// a casualty word are vague counts, several of each.
fn bare_plural_casualties(
    v: &View,
    k: usize,
    kind: Kind,
    category: Option<Victims>,
    end: usize,
) -> Option<Vec<Draft>> {
    if v.word(k).starts_with("ال") {
        return None;
    }
    let trigger = v
        .trigger_before(k, true, end)
        .filter(|t| t.end == k && !t.joint)?;
    // دون وقوع إصابات، لم يسفر عن سقوط ضحايا، دون أن يسفر الهجوم عن وقوع
    // إصابات: denied, not counted.
    // ولم يتحدث الجانب الفلسطيني على الفور عن وقوع ضحايا: nothing reported
    // of them, however long the speaker's name.
    let unreported = trigger.start > 0
        && v.word_is(trigger.start - 1, "عن")
        && negated_before(v, trigger.start, 10);
    // التحقيق في مزاعم وقوع قتلى مدنيين: an allegation under inquiry
    // (gold/CONVENTIONS.md).
    let alleged = trigger.start > 0
        && matches!(
            v.word(trigger.start - 1),
            "مزاعم" | "ادعاءات" | "بمزاعم" | "لمزاعم"
        );
    // مخاوف من سقوط قتلى، خشية وقوع ضحايا: feared, not reported.
    let fear = |w: &str| {
        // (وتوقع، ويخشى: with the و of a new clause.)
        let w = w
            .strip_prefix('و')
            .filter(|r| r.chars().count() > 2)
            .unwrap_or(w);
        matches!(
            w,
            "مخاوف"
                | "تخوف"
                | "تخوفات"
                | "خوف"
                | "خوفا"
                | "خشيه"
                | "يخشي"
                | "تخشي"
                // متوقعا سقوط ضحايا: expected, not reported.
                | "متوقعا"
                | "يتوقع"
                | "توقع"
                | "متوقعه"
        )
    };
    // (وتوقع المحافظ سقوط ضحايا: the one who expects may stand between.)
    let feared = (trigger.start.saturating_sub(3)..trigger.start)
        .rev()
        .take_while(|&p| !v.is_clause_break(p))
        .any(|p| fear(v.word(p)));
    // الرجلين أصيبا إصابات طفيفة: after a plural or dual verb, its cognate
    // object tells how they were hurt, not more victims.
    let cognate = v
        .trigger_at(trigger.start)
        .is_some_and(|h| h.entry.has("plural_verb"))
        && matches!(v.word(k), "اصابات" | "جروح" | "جراح");
    if negated_before(v, trigger.start, 6) || unreported || alleged || feared || cognate {
        return None;
    }
    let mut kinds = vec![kind];
    let mut last = end;
    if let Some(rest) = v.word(end).strip_prefix('و') {
        if let Some(h) = v.lex.casualties.lookup(&[rest], Some("count_noun")) {
            if let Some(k2) = h
                .entry
                .attr("kind")
                .and_then(Kind::parse)
                .filter(|k2| *k2 != kind)
            {
                kinds.push(k2);
                last = end + 1;
            }
        }
    }
    // في صفوف عناصر الميليشيا، من الحوثيين، وأسرى من عناصر حوثية، لمسلحين:
    // the group after the list names them.
    let mut g = last;
    if v.word(g).starts_with('و') && v.word(g).chars().count() > 3 && v.person(g).is_none() {
        g += 1; // وأسرى
    }
    let group = if v.word_is(g, "في") && v.word_is(g + 1, "صفوف") {
        v.person(g + 2)
    } else if v.word_is(g, "من") {
        v.person(g + 1)
    } else {
        v.person_with_clitic(g, 'ل')
            .map(|p| (p.category, g + 1, "plural", false))
    };
    let victims = group.map(|(c, ..)| c).or(category);
    Some(
        kinds
            .into_iter()
            .map(|kind| Draft {
                kind,
                value: None,
                qualifier: Qualifier::Several,
                victims,
                others: false,
                first: trigger.start,
                end: last,
                tail: last,
                distributive: None,
            })
            .collect(),
    )
}
