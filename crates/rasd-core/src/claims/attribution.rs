//! Who a sentence attributes its figures to.
//!
//! Attribution verbs (قال، أفاد، أعلن، وثّق…) take their subject after them
//! (Arabic wire copy is verb-first) or, when a complementizer follows at
//! once (المرصد قال إن), before them; prepositions (وفقاً لـ، بحسب، حسبما
//! أكدت) take it after. The subject runs to the first boundary: a
//! complementizer, a preposition, a time word, punctuation, a number or a
//! casualty word. A known source inside it gives its canonical name and type;
//! a spokesman (المتحدث باسم X) speaks for X; titles are skipped.

use super::sentence::View;
use crate::lexicon::Clitics;

/// One attribution in a sentence.
#[derive(Debug, Clone)]
pub struct Attribution {
    /// Local token index of the verb or preposition.
    pub anchor: usize,
    /// Local token span of the source's words.
    pub first: usize,
    pub end: usize,
    pub canonical: Option<String>,
    pub source_type: Option<String>,
    /// A preposition (حسب X) or a verb after a comma: it may follow the
    /// figures it attributes.
    pub may_trail: bool,
    /// Bytes of the first token that are a clitic, not the source (the ل of
    /// وفقاً للمرصد).
    pub strip: usize,
    /// The body a spokesman or an official speaks for (المتحدث باسم وزارة
    /// الداخلية → وزارة الداخلية), when it is not a known source.
    pub body: Option<(usize, usize)>,
    /// A verb with its subject dropped (وقال إن، وأضاف أن، وصرحت "…"): the
    /// speaker is the one named last before it.
    pub pronoun: bool,
    /// A speech act (حث، أدان): it names a speaker for a later dropped
    /// subject, but attributes no toll itself.
    pub act: bool,
}

impl Attribution {
    /// A source the lexicon knows, named at `first..end`.
    fn known(
        anchor: usize,
        (first, end): (usize, usize),
        canonical: String,
        source_type: String,
        may_trail: bool,
    ) -> Attribution {
        Attribution {
            anchor,
            first,
            end,
            canonical: Some(canonical),
            source_type: Some(source_type),
            may_trail,
            strip: 0,
            body: None,
            pronoun: false,
            act: false,
        }
    }
}

/// Every attribution of the sentence, in order.
pub fn find(v: &View) -> Vec<Attribution> {
    let lex = &v.lex.attribution;
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.len() {
        if v.is_punct(i) {
            i += 1;
            continue;
        }
        let window = v.window(i, 4);
        if let Some(hit) = lex.lookup(window, Some("prep")) {
            let mut p = i + hit.len;
            // نُقلت عن طريق الجمهور: "by way of", a passive of transport.
            if v.word(p - 1) == "عن" && v.word(p) == "طريق" {
                i = p + 1;
                continue;
            }
            // حسبما أكدت، وفقاً لما أعلنه، بحسب ما نقلته: the verb (with or
            // without its object pronoun) stands before the source.
            if hit.entry.has("then_verb")
                && p < v.len()
                && !v.is_punct(p)
                && known_source(v, p).is_none()
            {
                p += lex
                    .lookup(v.window(p, 2), Some("verb"))
                    .map_or(1, |h| h.len);
            }
            let p = skip_report_nouns(v, p);
            if let Some(a) = subject_after(v, i, p, true) {
                out.push(a);
            }
            i += hit.len;
            continue;
        }
        if let Some(hit) = lex.lookup(window, Some("act")) {
            if !hit.clitics.article && hit.clitics.preposition.is_none() {
                if let Some(mut a) = subject_after(v, i, i + hit.len, false) {
                    a.act = true;
                    out.push(a);
                }
            }
            i += hit.len;
            continue;
        }
        if let Some(hit) = lex.lookup(window, Some("verb")) {
            // Participles and nouns that share a verb's letters carry ال; verbs
            // do not. A negated verb (لم تعلن أي جماعة) names no source.
            let negated = i > 0 && matches!(v.word(i - 1), "لم" | "لن" | "لا" | "ولم" | "ما");
            // A verbal noun, no statement: after تم or جرى (وتم نقل حالة إلى
            // المستشفى) or after a preposition (مع نقل السفارة، بعد ذكر).
            let verbal_noun = i > 0
                && matches!(
                    v.word(i - 1),
                    "تم" | "وتم"
                        | "يتم"
                        | "ويتم"
                        | "سيتم"
                        | "تمت"
                        | "وتمت"
                        | "جري"
                        | "وجري"
                        | "مع"
                        | "بعد"
                        | "قبل"
                        | "اثر"
                        | "عقب"
                        | "لدي"
                        | "رغم"
                        | "عن"
                        | "علي"
                        | "الي"
                        | "حول"
                        | "بسبب"
                        | "خلال"
                        | "جراء"
                        | "اثناء"
                );
            // وكان زينون قد نقل من دير أبو مقار: moved, not quoting.
            let transport = hit.entry.words[0].starts_with("نقل");
            let moved = transport && matches!(v.word(i + hit.len), "من" | "الي");
            if !hit.clitics.article
                && hit.clitics.preposition.is_none()
                && !negated
                && !verbal_noun
                && !moved
            {
                let mut p = i + hit.len;
                // أعلنت فيه وزارة الصحة: a resumptive pronoun before the subject.
                if matches!(v.word(p), "فيه" | "فيها" | "عنه" | "عنها" | "به" | "بها")
                {
                    p += 1;
                }
                let after_comma = i > 0 && v.punct_char(i - 1) == Some(',');
                // وأفاد تقرير للمرصد، ذكر بيان للجيش: the statement's author.
                let author_at = skip_report_nouns(v, p);
                let subject = subject_after(v, i, author_at, after_comma).or_else(|| {
                    (author_at != p)
                        .then(|| subject_after(v, i, p, after_comma))
                        .flatten()
                });
                // نقلت امرأة إلى أحد المستشفيات: carried somewhere, not quoted.
                let carried = |a: &Attribution| {
                    transport
                        && (a.end..a.end + 2).any(|p| {
                            let w = v.word(p);
                            w == "الي" || w.starts_with("للمستشف") || w.starts_with("لمستشف")
                        })
                };
                match subject.filter(|a| !carried(a)) {
                    Some(mut a) => {
                        // "…، قال مسؤول." trails its figures; "…، قال قائد: إن…" opens a new statement.
                        a.may_trail = a.may_trail
                            && (a.end >= v.len()
                                || matches!(v.punct_char(a.end), Some('.' | ',' | '!')));
                        out.push(a)
                    }
                    None => {
                        if let Some(a) = subject_before(v, i) {
                            out.push(a);
                        } else if hit.len == 1
                            && dropped_subject(v, p)
                            // يذكر أن: "it is worth recalling", no speaker.
                            && v.word(i).trim_start_matches('و') != "يذكر"
                        {
                            out.push(Attribution {
                                anchor: i,
                                first: i,
                                end: i,
                                canonical: None,
                                source_type: None,
                                may_trail: false,
                                strip: 0,
                                body: None,
                                pronoun: true,
                                act: false,
                            });
                        }
                    }
                }
            }
            i += hit.len;
            continue;
        }
        i += 1;
    }
    out
}

/// وفق رصد المرصد، وفقاً لبيان صادر عن، بحسب أحدث حصيلة لوزارة الصحة: the
/// statement nouns before a source are skipped; an adjective after one
/// (تقديرات أمريكية) is the source.
fn skip_report_nouns(v: &View, mut p: usize) -> usize {
    let lex = &v.lex.attribution;
    let status = |k: usize| lex.lookup(v.window(k, 2), Some("status"));
    let mut skipped = false;
    while p < v.len() {
        // حصيلة أولية، أرقام جديدة: the statement's status is no author.
        if skipped {
            if let Some(hit) = status(p) {
                p += hit.len;
                continue;
            }
        }
        if is_nisba(v.word(p + 1)) && status(p + 1).is_none() {
            break;
        }
        let Some(hit) = lex
            .lookup(v.window(p, 2), Some("report_noun"))
            .filter(|h| !h.clitics.conjunction && h.clitics.preposition.is_none_or(|c| c == 'ل'))
        else {
            break;
        };
        p += hit.len;
        skipped = true;
    }
    // حصيلة أعلنتها وزارة الصحة: the author follows the relative verb.
    if skipped && p < v.len() {
        let w = v.word(p);
        let stem = w.strip_suffix("ها").or_else(|| w.strip_suffix('ه'));
        if stem.is_some_and(|st| lex.lookup(&[st], Some("verb")).is_some()) {
            p += 1;
        }
    }
    p
}

fn is_boundary(v: &View, i: usize) -> bool {
    if v.is_punct(i)
        || v.is_number(i)
        || crate::numbers::lexicon()
            .lookup(v.window(i, 3), None)
            .is_some_and(|h| h.clitics.preposition.is_none())
    {
        return true;
    }
    let w = v.window(i, 1);
    let lex = v.lex;
    lex.attribution
        .lookup(w, Some("boundary"))
        .is_some_and(|h| {
            // Not after stripping the article: الله is not له.
            !h.clitics.article
                && (h.clitics.preposition.is_none() || h.entry.words[0].starts_with('ل'))
        })
        || lex
            .attribution
            .lookup(w, Some("verb"))
            .is_some_and(|h| !h.clitics.article)
        || lex
            .casualties
            .lookup(v.window(i, 3), Some("trigger"))
            .is_some()
        || lex
            .casualties
            .lookup(v.window(i, 3), Some("count_noun"))
            .is_some()
        || lex
            .casualties
            .lookup(v.window(i, 3), Some("toll_head"))
            .is_some_and(|h| h.clitics.preposition == Some('ب'))
}

/// A known source that starts at `p`: (length, canonical, type).
fn known_source(v: &View, p: usize) -> Option<(usize, String, String)> {
    let hit = v.lex.attribution.lookup(v.window(p, 6), Some("source"))?;
    if hit.clitics.preposition.is_some() {
        return None;
    }
    Some((
        hit.len,
        hit.entry.attr("canonical").unwrap_or_default().to_string(),
        hit.entry.attr("type").unwrap_or_default().to_string(),
    ))
}

fn subject_after(v: &View, anchor: usize, mut p: usize, may_trail: bool) -> Option<Attribution> {
    let lex = &v.lex.attribution;
    // أعلن الأسبوع الماضي المدعي العام، أفاد لاحقا مراسل: a time between the
    // verb and its subject.
    while let Some(h) = lex
        .lookup(v.window(p, 2), Some("boundary"))
        .filter(|h| h.entry.has("adverb") && h.clitics == crate::lexicon::Clitics::default())
    {
        p += h.len;
    }
    let start = p;
    let mut spokesman_of: Option<usize> = None;
    // Titles and "spokesman of": the source is what follows.
    loop {
        if p >= v.len() {
            return None;
        }
        if let Some(h) = lex.lookup(v.window(p, 4), Some("spokesman")) {
            p += h.len;
            spokesman_of = Some(p);
            continue;
        }
        // نائب المتحدث باسم الوزارة: the deputy speaks for the same body.
        if v.word(p) == "نائب"
            && lex
                .lookup(v.window(p + 1, 4), Some("spokesman"))
                .is_some_and(|h| h.clitics == Clitics::default())
        {
            p += 1;
            continue;
        }
        if lex
            .lookup(v.window(p, 1), Some("title"))
            .is_some_and(|h| !h.clitics.conjunction)
        {
            p += 1;
            continue;
        }
        break;
    }
    // وذكر «المرصد السوري لحقوق الإنسان» أن: a known source in quotation
    // marks.
    if matches!(v.punct_char(p), Some('"' | '«' | '“')) {
        if let Some((len, canonical, ty)) = known_source(v, p + 1) {
            if matches!(v.punct_char(p + 1 + len), Some('"' | '»' | '”')) {
                return Some(Attribution::known(
                    anchor,
                    (p + 1, p + 1 + len),
                    canonical,
                    ty,
                    may_trail,
                ));
            }
        }
    }
    // وقال «شجاع» في تصريحات: a name in quotation marks.
    if v.punct_char(p) == Some('"') {
        let close = (p + 1..(p + 5).min(v.len())).find(|&k| v.punct_char(k) == Some('"'));
        // A name: one to three words, no casualty word, no number (not a
        // quoted statement: وصرحت "قتل عشرات").
        let is_name = |c: usize| {
            c > p + 1
                && (p + 1..c).all(|k| {
                    !v.is_punct(k)
                        && !v.is_number(k)
                        && v.lex.casualties.lookup(v.window(k, 2), None).is_none()
                        && crate::numbers::lexicon()
                            .lookup(v.window(k, 2), None)
                            .is_none()
                })
        };
        if let Some(close) = close.filter(|&c| is_name(c)) {
            return Some(Attribution {
                anchor,
                first: p + 1,
                end: close,
                canonical: None,
                source_type: None,
                may_trail,
                strip: 0,
                body: None,
                pronoun: false,
                act: false,
            });
        }
    }
    let mut strip = 0;
    if let Some((len, canonical, ty)) = known_source(v, p) {
        let end = extend_with_seat(v, p, extend_with_adjectives(v, p + len));
        let first = if spokesman_of.is_some() { start } else { p };
        return Some(Attribution::known(
            anchor,
            (first, end),
            canonical,
            ty,
            may_trail,
        ));
    }
    // The first word of a subject carries no preposition: أفاد المرصد بحدوث…
    // has its subject elsewhere. After وفقاً the ل of the source is glued to
    // it (وفقاً للخزرجي).
    let w = v.word(p);
    // لوزارة الصحة after وفقاً or a statement noun: the source without its ل.
    // في تصريحات لـ «عكاظ»: a lone preposition opens a recipient, not a source.
    if matches!(w, "ل" | "ب" | "الي") {
        return None;
    }
    let with_article = w.strip_prefix("لل").map(|rest| format!("ال{rest}"));
    if let Some(rest) = with_article.as_deref().or_else(|| w.strip_prefix('ل')) {
        let mut words: Vec<&str> = vec![rest];
        words.extend(v.window(p + 1, 5));
        if let Some(hit) = lex
            .lookup(&words, Some("source"))
            .filter(|h| h.clitics == Clitics::default())
        {
            let end = extend_with_seat(v, p, extend_with_adjectives(v, p + hit.len));
            // المتحدث الرسمي للدفاع المدني: the spokesman speaks for the body.
            let spokesman = spokesman_of.is_some();
            return Some(Attribution {
                anchor,
                first: if spokesman { start } else { p },
                end,
                canonical: hit.entry.attr("canonical").map(str::to_string),
                source_type: hit.entry.attr("type").map(str::to_string),
                may_trail,
                // (للمرصد keeps its ل: without it no word is left, لمرصد.)
                strip: if spokesman || with_article.is_some() {
                    0
                } else {
                    'ل'.len_utf8()
                },
                body: spokesman.then_some((p, end)),
                pronoun: false,
                act: false,
            });
        }
    }
    // وفق خطة الإنقاذ، بحسب القانون: a rule or a plan speaks no figures.
    if is_rule(v, w) {
        return None;
    }
    // A verbal noun of the تفعيل pattern is an event, not a speaker: سجل تصعيد جديد.
    let letters: Vec<char> = w.chars().collect();
    // (تركيا has the pattern's letters but is a place.)
    if letters.len() == 5
        && letters[0] == 'ت'
        && letters[3] == 'ي'
        && v.lex.places.lookup(&[w], None).is_none()
    {
        return None;
    }
    // An object with its pronoun is not a subject: أعلن ولاءها، كشف تفسيرها.
    if (w.ends_with("ها") || w.ends_with("هم")) && w.chars().count() > 4 {
        return None;
    }
    // بيان للشرطة، حصيلة أخيرة للجيش: the author is glued to its ل too.
    let after_statement = p > 0
        && ["report_noun", "status"]
            .iter()
            .any(|class| lex.lookup(v.window(p - 1, 1), Some(class)).is_some());
    let glued_lam = w.starts_with('ل')
        && w.chars().count() > 3
        && (after_statement || matches!(v.word(anchor), "وفقا" | "طبقا" | "استنادا"));
    // وفقاً للقانون، طبقاً للاتفاق: "in accordance with" a rule, no speaker.
    if glued_lam && w.strip_prefix('ل').is_some_and(|rest| is_rule(v, rest)) {
        return None;
    }
    if glued_lam {
        // للخزرجي is ل + الخزرجي, its article's alef elided: the words
        // shown start after both lams (خزرجي), which match الخزرجي.
        strip = if w.starts_with("لل") {
            "لل".len()
        } else {
            'ل'.len_utf8()
        };
    } else if (w.starts_with('ب') || w.starts_with('ل'))
        && lex
            .lookup(&[w], None)
            .is_some_and(|h| h.clitics.preposition.is_some())
    {
        return None;
    } else if w.starts_with('ب')
        && !w.starts_with("بو")
        && known_source(v, p).is_none()
        && w.chars().count() > 4
        && v.lex.places.lookup(&[w], None).is_none()
    {
        // بحدوث، باشتباه: a verbal noun introduced by ب is the complement.
        return None;
    }
    let first = p;
    let mut end = p;
    let affiliated = lex
        .lookup(v.window(p, 2), Some("affiliated"))
        .map(|h| h.len);
    while end < v.len() && end - first < MAX_SOURCE_WORDS {
        let w = v.word(end);
        // المتحدث الرسمي للهيئة بمنطقة الرياض عبد الله نايف المريبض: past
        // the usual length only a person's name goes on.
        if end - first >= USUAL_SOURCE_WORDS && !(in_name(v, end - 1) && in_name(v, end)) {
            break;
        }
        let continues_affiliation = affiliated.is_some()
            && end > first
            && matches!(w, "في" | "من")
            // مصدر من المقاومة الشعبية، مسؤول من قبيلة تبو: من right after
            // the noun, before a body, names whom the source speaks for (not
            // مسؤول من جانبه، من غير المصرح لهم).
            && (w == "في"
                || v.word(end - 1).starts_with("مقرب")
                || (end == first + 1 && names_a_body(v, end + 1)))
            && end + 1 < v.len()
            && !v.is_punct(end + 1)
            && v.lex
                .places
                .lookup(v.window(end + 1, 1), Some("stop"))
                .is_none();
        // في الأمم المتحدة، من "أطباء بلا حدود": a known body completes the name.
        let known_after = end > first && matches!(w, "في" | "من") && {
            let mut k = end + 1;
            if v.punct_char(k) == Some('"') {
                k += 1;
            }
            known_source(v, k).map(|(len, ..)| k + len)
        }
        .is_some();
        if known_after {
            let mut k = end + 1;
            if v.punct_char(k) == Some('"') {
                k += 1;
            }
            end = known_source(v, k).map_or(k, |(len, ..)| {
                extend_with_seat(v, first, extend_with_adjectives(v, k + len))
            });
            if v.punct_char(end) == Some('"') {
                end += 1;
            }
            break;
        }
        if is_boundary(v, end) && !continues_affiliation {
            break;
        }
        if end > first {
            // A second source or speaker joined by و ends the first: شبكة شام
            // وناشطون، المصادر الطبية والمسؤولين المحليين.
            if let Some(rest) = w.strip_prefix('و') {
                if known_source(v, end).is_some()
                    || lex.lookup(&[rest], Some("source")).is_some()
                    || lex.lookup(&[rest], Some("affiliated")).is_some()
                {
                    break;
                }
            }
            // مصادر ميدانية لـ"سكاي نيوز عربية": a lone ل opens a recipient.
            if w == "ل" {
                break;
            }
            // A title or a role after a name starts an apposition:
            // فايز كاكار وزير الصحة، ميلود الزوي المتحدث الرسمي.
            if lex.lookup(v.window(end, 1), Some("title")).is_some() {
                break;
            }
            if end - first >= 2
                && affiliated.is_none()
                && lex
                    .lookup(v.window(end, 1), Some("role"))
                    .is_some_and(|h| h.clitics.preposition.is_none())
            {
                break;
            }
            // An indefinite object after a definite subject: نقل اتحاد
            // المنظمات الطبية السورية شهادات، نشرت المجموعات أخباراً. (Not a
            // body's genitive with ل: الهيئة الوطنية العليا لمسيرات العودة;
            // but نشرت الشرطة لقطات الكاميرا.)
            let body_genitive = w.starts_with('ل')
                && v.word(end + 1).starts_with("ال")
                && (first..end).any(|x| is_body_noun(v.word(x)));
            if v.word(end - 1).starts_with("ال")
                && !w.starts_with("ال")
                && !body_genitive
                && (w.ends_with("ات") || w.ends_with('ا'))
                && w.chars().count() > 3
            {
                break;
            }
            // A recipient: قال … لسانا، لوكالة رويترز. (لحقوق الإنسان، للأكراد
            // go on with the name.)
            let recipient = w.strip_prefix('ل').is_some_and(|rest| {
                lex.lookup(&[rest], Some("source")).is_some()
                    || lex.lookup(&[w], Some("boundary")).is_some()
                    || matches!(
                        rest,
                        "وكاله" | "قناه" | "صحيفه" | "موقع" | "تلفزيون" | "اذاعه"
                    )
            });
            if recipient
                && w.starts_with('ل')
                && lex
                    .lookup(&[w], None)
                    .is_none_or(|h| h.clitics.preposition == Some('ل'))
                && !continues_affiliation
                && affiliated.is_none()
            {
                break;
            }
        }
        end += 1;
    }
    // أعلن عناصر طالبان مسؤوليتهم: a claim of responsibility, not a source of figures.
    if v.word(end).starts_with("مسؤولي") || v.word(end).starts_with("مسووليه") {
        return None;
    }
    // وكالة أنباء النظام «سانا»، شبكة "سي إن إن" التلفزيونية، شبكة "إي.أر.تي":
    // the name in quotation marks after a description (an acronym's dots
    // within), and its adjectives.
    let mut quoted_name: Option<(usize, usize)> = None;
    if end > first && v.punct_char(end) == Some('"') {
        if let Some(close) =
            (end + 2..(end + 8).min(v.len())).find(|&k| v.punct_char(k) == Some('"'))
        {
            let words = (end + 1..close).filter(|&k| !v.is_punct(k)).count();
            // (Not a sentence's stop inside the marks: "تاس.")
            if words <= 3
                && v.punct_char(close - 1) != Some('.')
                && (end + 1..close).all(|k| {
                    (!v.is_punct(k) || v.punct_char(k) == Some('.'))
                        && !v.is_number(k)
                        && v.lex.casualties.lookup(v.window(k, 2), None).is_none()
                })
            {
                quoted_name = Some((end + 1, close));
                // (The name is definite, so are its adjectives: not صحيفة
                // «شاتانوغا فري برس» خلفية.)
                let adjectives_end = extend_with_adjectives(v, close + 1);
                end = close + 1;
                while end < adjectives_end && v.word(end).starts_with("ال") {
                    end += 1;
                }
            }
        }
    }
    // The words end on a noun, not on في or من.
    while end > first + 1 && matches!(v.word(end - 1), "في" | "من" | "عن" | "الي" | "علي")
    {
        end -= 1;
    }
    if end == first {
        return None;
    }
    if quoted_name.is_none() {
        end = extend_with_seat(v, first, end);
    }
    // A known source inside the words names it: مدير الدفاع المدني.
    let (canonical, source_type) = (first..end)
        .find_map(|k| known_source(v, k).filter(|(len, ..)| k + len <= end))
        .map(|(_, c, t)| (Some(c), Some(t)))
        .unwrap_or((None, None));
    let spoken_for = spokesman_of.map(|b| (b, end)).or(quoted_name);
    Some(Attribution {
        anchor,
        first: if spokesman_of.is_some() { start } else { first },
        end,
        canonical,
        source_type,
        may_trail,
        strip: if spokesman_of.is_some() { 0 } else { strip },
        body: spoken_for,
        pronoun: false,
        act: false,
    })
}

/// A rule or a plan (القانون، قانون، خطة; لقانون after the ل of للقانون):
/// what وفقاً لـ follows in the sense "in accordance with".
fn is_rule(v: &View, w: &str) -> bool {
    let bare = w.strip_prefix("ال").unwrap_or(w);
    v.lex.attribution.lookup(&[bare], Some("rule")).is_some()
}

/// An adjective of relation (العراقية، أمريكي): four letters or more
/// besides the article, ending in ي or يه.
pub(super) fn is_nisba(w: &str) -> bool {
    let stem = w.strip_prefix("ال").unwrap_or(w);
    stem.chars().count() >= 4 && (stem.ends_with("يه") || stem.ends_with('ي'))
}

/// Adjectives of nationality after a known source: وزارة الداخلية العراقية،
/// مصدر أمني عراقي، الهلال الأحمر الليبي; and of standing: مصادر عسكرية معارضة.
fn extend_with_adjectives(v: &View, mut end: usize) -> usize {
    while end < v.len() && !is_boundary(v, end) {
        let w = v.word(end);
        let adjective = is_nisba(w)
            || v.lex
                .attribution
                .lookup(&[w], Some("source_adjective"))
                .is_some();
        if !adjective || v.lex.attribution.lookup(&[w], Some("role")).is_some() {
            break;
        }
        end += 1;
    }
    end
}

/// The seat of a body after its name: بعثة الأمم المتحدة في أفغانستان،
/// الدفاع المدني بجازان، هيئة الهلال الأحمر بمنطقة الرياض، الإدارة العامة
/// للهيئة في منطقة الحدود الشمالية. The body speaks for that branch. A
/// country is the seat only of a mission abroad (بعثة الأمم المتحدة في
/// مالي); after another body it is where it acts (مصادر عسكرية في سوريا).
fn extend_with_seat(v: &View, head: usize, end: usize) -> usize {
    if end >= v.len() {
        return end;
    }
    let w = v.word(end);
    let from = if w == "في" {
        end + 1
    } else if w.starts_with('ب') {
        end
    } else {
        return end;
    };
    let trigger_at = |k: usize| {
        v.lex
            .places
            .lookup(v.window(k, 1), Some("trigger"))
            .is_some_and(|h| !h.clitics.article)
    };
    let Some(place) = super::places::mentions(v).into_iter().find(|m| {
        !m.conj && (m.first == from || (m.triggered && m.first == from + 1 && trigger_at(from)))
    }) else {
        return end;
    };
    let abroad = ["بعثه", "سفاره", "مكتب"]
        .iter()
        .any(|m| v.word(head).trim_start_matches('ل') == *m);
    if place.country && !abroad {
        return end;
    }
    // بمنطقة نجران المقدم، في مدينة بوسطن الأميركية أجريا: the seat ends
    // before a title, a role, a verb or an adjective; after a place word
    // (منطقة، مدينة) its name is a known place or a word of no lexicon
    // (not منطقة العمليات، منطقة خاضعة), a direction after it (الحدود الشمالية).
    let mut seat_end = (place.first..place.end)
        .find(|&x| {
            x > place.first
                && (v.lex.attribution.lookup(v.window(x, 1), None).is_some() || is_nisba(v.word(x)))
        })
        .unwrap_or(place.end);
    if place.triggered {
        let name = v.word(place.first);
        let known = v
            .lex
            .places
            .lookup(v.window(place.first, 2), Some("place"))
            .is_some();
        let directed = v
            .lex
            .places
            .lookup(v.window(place.first + 1, 1), Some("direction"))
            .is_some();
        // (الباحة is a name; العمليات, a plural, is not.)
        let plural = ["ات", "ين", "ون"].iter().any(|e| name.ends_with(e));
        let plain = !(name.starts_with("ال") && plural)
            && v.lex.attribution.lookup(&[name], None).is_none()
            && v.lex.places.lookup(&[name], None).is_none()
            && !is_nisba(name);
        if !(known || directed || plain) {
            return end;
        }
    }
    while seat_end < v.len()
        && v.lex
            .places
            .lookup(v.window(seat_end, 1), Some("direction"))
            .is_some_and(|h| h.clitics == Clitics::default())
    {
        seat_end += 1;
    }
    seat_end
}

/// Up to this many words a source's words run; past it only a person's
/// name goes on, up to the most.
const USUAL_SOURCE_WORDS: usize = 7;
const MAX_SOURCE_WORDS: usize = 10;

/// A word of a person's name: a word of no lexicon (عبد، بن، ابو join
/// names); with the article only after a name's word (خالد مرضي العنزي).
fn in_name(v: &View, k: usize) -> bool {
    let w = v.word(k);
    // (A lexicon's word only as itself: الله is no له.)
    let own = |lex: &crate::lexicon::Lexicon, w: &str| {
        lex.lookup(&[w], None)
            .is_some_and(|h| !h.clitics.article && h.clitics.preposition.is_none())
    };
    let plain = |k: usize, w: &str| {
        !v.is_punct(k)
            && !v.is_number(k)
            && !own(&v.lex.attribution, w)
            && !own(&v.lex.casualties, w)
            && !own(&v.lex.places, w)
    };
    let joins = |w: &str| matches!(w, "عبد" | "بن" | "ابن" | "ابو" | "بنت");
    joins(w)
        || (plain(k, w)
            && (!w.starts_with("ال")
                || (k > 0 && !v.word(k - 1).starts_with("ال") && plain(k - 1, v.word(k - 1)))))
}

/// A body whose name may go on with a genitive (الهيئة الوطنية العليا
/// لمسيرات العودة).
fn is_body_noun(w: &str) -> bool {
    let bare = w.strip_prefix("ال").unwrap_or(w);
    matches!(
        bare,
        "هيئه"
            | "لجنه"
            | "مركز"
            | "منظمه"
            | "جمعيه"
            | "رابطه"
            | "مجلس"
            | "مكتب"
            | "اتحاد"
            | "شبكه"
            | "مرصد"
            | "اداره"
            | "حمله"
            | "تنسيقيه"
            | "قياده"
            | "وكاله"
            | "مديريه"
            | "دائره"
    )
}

/// What من after an official may name: a definite body (المقاومة الشعبية),
/// a known source, a noun in construct (أسرة المراهق; not غير المصرح) or a
/// body's noun (قبيلة تبو).
fn names_a_body(v: &View, k: usize) -> bool {
    let w = v.word(k);
    let not_boundary = |w: &str| v.lex.attribution.lookup(&[w], Some("boundary")).is_none();
    (w.starts_with("ال") && not_boundary(w))
        || (v.word(k + 1).starts_with("ال")
            && !v.is_punct(k)
            && not_boundary(w)
            && !matches!(w, "غير" | "بين" | "جانب" | "قبل" | "بعد" | "اجل"))
        || known_source(v, k).is_some()
        || matches!(
            w,
            "قبيله"
                | "عشيره"
                | "حركه"
                | "حزب"
                | "جماعه"
                | "شرطه"
                | "قوات"
                | "جيش"
                | "وزاره"
        )
}

/// A verb whose complement follows at once, with no subject: وقال إن،
/// وأضاف أن، وصرحت "…"، وتابع:.
fn dropped_subject(v: &View, mut after: usize) -> bool {
    // وأوضحت لوكالة الأنباء الفرنسية أن: the recipient stands between.
    if v.word(after).starts_with('ل') {
        if let Some(k) = (after + 1..(after + 5).min(v.len()))
            .find(|&k| v.is_punct(k) || is_complementizer(v.word(k)))
        {
            if !v.is_punct(k) {
                after = k;
            }
        }
    }
    after >= v.len()
        || matches!(v.punct_char(after), Some('"' | ':' | ','))
        || is_complementizer(v.word(after))
}

/// أن and its forms with a pronoun: what opens a reported statement.
fn is_complementizer(w: &str) -> bool {
    matches!(
        w,
        "ان" | "انه"
            | "انها"
            | "انهم"
            | "انهما"
            | "انهن"
            | "بان"
            | "بانه"
            | "بانها"
            | "بانهم"
    )
}

/// The subject before a verb whose complement follows at once (المرصد قال إن),
/// or between كان and قد (وكان المتحدث الأمني بوزارة الداخلية قد صرح بأنه).
fn subject_before(v: &View, verb: usize) -> Option<Attribution> {
    // وكان منصور التركي قد أعلن، وكانت وكالة الأنباء المحلية أفادت: the
    // subject between كان and its verb, with or without قد.
    let qad = verb >= 2 && v.word(verb - 1) == "قد";
    let subject_end = if qad { verb - 1 } else { verb };
    if verb >= 2 {
        let kana = (verb.saturating_sub(if qad { 10 } else { 6 })..subject_end)
            .rev()
            .find(|&k| matches!(v.word(k), "كان" | "وكان" | "كانت" | "وكانت"));
        if let Some(k) = kana.filter(|&k| {
            k + 1 < subject_end
                // (وكان «المرصد السوري» أفاد، وكانت صحيفة "هآرتس" ذكرت: a name
                // in quotation marks.)
                && (k + 1..subject_end).all(|x| {
                    !v.is_punct(x) || matches!(v.punct_char(x), Some('"' | '«' | '»' | '“' | '”'))
                })
                // (Without قد, only a source the lexicon knows, or one that
                // opens with an outlet's or a source's noun (وكالة، مصادر):
                // not كانت الحكومة وعدت.)
                && (qad
                    || (k + 1..subject_end).any(|x| known_source(v, x).is_some())
                    || matches!(
                        v.word(k + 1),
                        "وكاله" | "صحيفه" | "قناه" | "موقع" | "شبكه" | "وزاره" | "مصادر" | "مصدر"
                    ))
        }) {
            let (canonical, source_type) = (k + 1..subject_end)
                .find_map(|x| known_source(v, x))
                .map(|(_, c, t)| (Some(c), Some(t)))
                .unwrap_or((None, None));
            // وكان منصور التركي المتحدث الأمني … قد أعلن: the name before its apposition.
            let end = (k + 3..subject_end)
                .find(|&x| {
                    v.lex
                        .attribution
                        .lookup(v.window(x, 1), Some("role"))
                        .is_some()
                })
                .unwrap_or(subject_end);
            // (A name wholly in quotation marks is the name: «المرصد السوري».)
            let quoted = end > k + 3 && v.is_punct(k + 1) && v.is_punct(end - 1);
            let (first, end) = if quoted {
                (k + 2, end - 1)
            } else {
                (k + 1, end)
            };
            return Some(Attribution {
                anchor: verb,
                first,
                end,
                canonical,
                source_type,
                may_trail: false,
                strip: 0,
                body: None,
                pronoun: false,
                act: false,
            });
        }
    }
    // المرصد أفاد بحدوث 70 حالة: a complement with ب follows at once, too.
    let complement = |k: usize| {
        is_boundary(v, k) || (v.word(k).starts_with('ب') && v.word(k).chars().count() > 4)
    };
    if verb == 0 || !complement(verb + 1) || v.is_punct(verb - 1) {
        return None;
    }
    for start in (verb.saturating_sub(6)..verb).rev() {
        if let Some((len, canonical, ty)) = known_source(v, start) {
            if start + len == verb {
                return Some(Attribution {
                    anchor: verb,
                    first: start,
                    end: verb,
                    canonical: Some(canonical),
                    source_type: Some(ty),
                    may_trail: false,
                    strip: 0,
                    body: None,
                    pronoun: false,
                    act: false,
                });
            }
        }
    }
    None
}
