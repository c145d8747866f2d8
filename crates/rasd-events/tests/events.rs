//! Event types and actors of claims in real Arabic reports (the five Aleppo
//! reports of November 2016) and in sentences written for one behaviour
//! each.

use rasd_events::{EventDescription, EventTagger};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../../examples/aleppo-2016-11/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn chars(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Describes the claim whose number is the first `claim` after `context`
/// in `text`: its sentence runs between the nearest . ! ? or line breaks,
/// its paragraph starts after the last line break, as the claim extractor
/// gives them.
fn describe(title: Option<&str>, text: &str, context: &str, claim: &str) -> EventDescription {
    let at = text
        .find(context)
        .unwrap_or_else(|| panic!("context not found: {context}"));
    let c = at
        + text[at..]
            .find(claim)
            .unwrap_or_else(|| panic!("claim not found: {claim}"));
    let is_end = |ch: char| matches!(ch, '.' | '!' | '?' | '؟' | '\n');
    let s = text[..c].rfind(is_end).map_or(0, |i| i + 1);
    let e = text[c..].find(is_end).map_or(text.len(), |i| c + i + 1);
    let p = text[..c].rfind('\n').map_or(0, |i| i + 1);
    let events = EventTagger::new().analyze(title, text);
    events.describe(
        chars(text, s),
        chars(text, e),
        chars(text, c),
        chars(text, c + claim.len()),
        chars(text, p),
    )
}

fn class(d: &EventDescription) -> (&str, &str) {
    let c = d.class.as_ref().expect("an event class");
    (c.event_type, c.sub_event_type)
}

fn actor1(d: &EventDescription) -> Option<&str> {
    d.actor1.as_ref().map(|a| a.name)
}

fn actor2(d: &EventDescription) -> Option<&str> {
    d.actor2.as_ref().map(|a| a.name)
}

const EXPLOSIONS: &str = "Explosions/Remote violence";
const SYRIA: &str = "Military Forces of Syria";
const RUSSIA: &str = "Military Forces of Russia";

// --- The Aleppo reports

#[test]
fn azaz_car_bomb_is_a_remote_explosive() {
    let text = fixture("001_10241a9c894d17fb.txt");
    let d = describe(None, &text, "قتل 25 في انفجار", "25");
    assert_eq!(class(&d), (EXPLOSIONS, "Remote explosive/landmine/IED"));
    assert_eq!(d.class.as_ref().unwrap().trigger.text, "سيارة مفخخة");
    // The depot hit belonged to the Zenki movement; the next paragraph
    // quotes it blaming the Islamic State.
    assert_eq!(actor2(&d), Some("Nour al-Din al-Zenki Movement"));
    assert_eq!(actor1(&d), Some("Islamic State"));
}

#[test]
fn landmines_near_al_bab_are_a_remote_explosive() {
    let text = fixture("003_4d13b451b7838b18.txt");
    let d = describe(None, &text, "استشهد 6 أشخاص", "6 أشخاص");
    assert_eq!(class(&d), (EXPLOSIONS, "Remote explosive/landmine/IED"));
    assert_eq!(d.class.as_ref().unwrap().trigger.text, "ألغام");
    assert_eq!(actor2(&d), Some("Civilians"));
}

#[test]
fn east_aleppo_air_strikes_by_syrian_and_russian_planes() {
    let text = fixture("004_ee342fb4d98c8ff2.txt");
    let d = describe(None, &text, "خلفت 56", "56");
    assert_eq!(class(&d), (EXPLOSIONS, "Air/drone strike"));
    // طائرات الأسد وروسيا: the first named is actor 1.
    assert_eq!(actor1(&d), Some(SYRIA));

    let text = fixture("002_f069a38155d8bbce.txt");
    let d = describe(None, &text, "إن 53 مدنيا", "53");
    assert_eq!(class(&d), (EXPLOSIONS, "Air/drone strike"));
    assert_eq!(actor1(&d), Some(RUSSIA));
    assert_eq!(actor2(&d), Some("Civilians"));

    let text = fixture("000_2020ea1e2a741cf7.txt");
    let d = describe(None, &text, "أكثر من 90 مدنيا", "90");
    assert_eq!(class(&d), (EXPLOSIONS, "Air/drone strike"));
    assert!(matches!(actor1(&d), Some(SYRIA | RUSSIA)), "{d:?}");
    assert_eq!(actor2(&d), Some("Civilians"));
}

#[test]
fn air_strike_with_the_perpetrator_after_the_verb() {
    // وقتل أكثر من 84 شخصاً في الغارات و القصف المكثف الذي شنه الأسد
    let text = fixture("003_4d13b451b7838b18.txt");
    let d = describe(None, &text, "وقتل أكثر من 84", "84");
    assert_eq!(class(&d), (EXPLOSIONS, "Air/drone strike"));
    assert_eq!(actor1(&d), Some(SYRIA));
    assert_eq!(d.actor1.as_ref().unwrap().evidence.text, "الأسد");
}

#[test]
fn russian_ministry_as_source_is_no_perpetrator() {
    // أعلنت وزارة الدفاع الروسية أن نحو 30 مدنيا قتلوا وأصيب المئات لدى
    // تفريق مسلحين لاحتجاجات عفوية
    let text = fixture("000_2020ea1e2a741cf7.txt");
    let d = describe(None, &text, "أن نحو 30 مدنيا", "30");
    assert_eq!(class(&d), ("Violence against civilians", "Attack"));
    assert!(
        matches!(
            actor1(&d),
            Some("Unidentified Armed Group" | "Free Syrian Army / opposition")
        ),
        "{d:?}"
    );
    assert_ne!(actor1(&d), Some(RUSSIA));
    assert_ne!(actor2(&d), Some(RUSSIA));
    assert_eq!(actor2(&d), Some("Civilians"));
}

#[test]
fn idlib_strike_claimed_by_the_russian_ministry_is_russian() {
    let text = fixture("001_10241a9c894d17fb.txt");
    let d = describe(None, &text, "مقتل ما لا يقل عن 30", "30");
    assert_eq!(class(&d), (EXPLOSIONS, "Air/drone strike"));
    assert_eq!(d.class.as_ref().unwrap().trigger.text, "غارة");
    assert_eq!(actor1(&d), Some(RUSSIA));
    assert_eq!(actor2(&d), Some("Jabhat Fateh al-Sham"));
}

#[test]
fn bare_shelling_by_the_regime() {
    // كما قصف حي باب النيرب، ما أسفر عن إصابة عدة أشخاص بجراح
    let text = fixture("003_4d13b451b7838b18.txt");
    let d = describe(None, &text, "ما أسفر عن إصابة عدة", "عدة أشخاص");
    assert_eq!(class(&d), (EXPLOSIONS, "Shelling/artillery/missile attack"));
    assert_eq!(actor1(&d), Some(SYRIA));
}

#[test]
fn evidence_spans_are_character_ranges_of_the_text() {
    for name in [
        "000_2020ea1e2a741cf7.txt",
        "001_10241a9c894d17fb.txt",
        "003_4d13b451b7838b18.txt",
    ] {
        let text = fixture(name);
        let chars: Vec<char> = text.chars().collect();
        let events = EventTagger::new().analyze(None, &text);
        for start in (0..chars.len()).step_by(97) {
            let end = (start + 300).min(chars.len());
            let d = events.describe(start, end, start + 10, start + 12, 0);
            let spans = d
                .class
                .iter()
                .map(|c| &c.trigger)
                .chain(d.actor1.iter().map(|a| &a.evidence))
                .chain(d.actor2.iter().map(|a| &a.evidence));
            for s in spans {
                let slice: String = chars[s.start..s.end].iter().collect();
                assert_eq!(slice, s.text);
                assert!(!s.in_title);
            }
        }
    }
}

// --- Written sentences, one behaviour each

#[test]
fn suicide_bombing_in_baghdad_claimed_by_the_islamic_state() {
    let text = "قتل 12 شخصا وأصيب 30 آخرون في تفجير انتحاري بحزام ناسف استهدف سوقا شعبيا في مدينة الصدر ببغداد، وتبنى تنظيم داعش الهجوم.";
    let d = describe(None, text, "قتل 12", "12 شخصا");
    assert_eq!(class(&d), (EXPLOSIONS, "Suicide bomb"));
    assert_eq!(actor1(&d), Some("Islamic State"));
}

#[test]
fn chlorine_attack_on_douma_is_chemical() {
    let text = "قتل 40 مدنيا على الأقل في هجوم كيماوي على دوما في الغوطة الشرقية، واتهمت المعارضة قوات النظام باستخدام غاز الكلور.";
    let d = describe(None, text, "قتل 40", "40 مدنيا");
    assert_eq!(class(&d), (EXPLOSIONS, "Chemical weapon"));
    assert_eq!(actor2(&d), Some("Civilians"));
    // The accused, not the accuser.
    assert_eq!(actor1(&d), Some(SYRIA));
}

#[test]
fn chlorine_in_barrels_beats_the_barrels() {
    let text = "قتل 6 أشخاص بحالات اختناق جراء إلقاء الطيران المروحي براميل متفجرة تحتوي غاز الكلور على بلدة سراقب.";
    let d = describe(None, text, "قتل 6", "6 أشخاص");
    assert_eq!(class(&d), (EXPLOSIONS, "Chemical weapon"));
}

#[test]
fn houthi_ballistic_missile() {
    let text = "قتل مقيم وأصيب ثلاثة آخرون جراء سقوط مقذوف صاروخ باليستي أطلقته ميليشيا الحوثي على مدينة جازان.";
    let d = describe(None, text, "وأصيب ثلاثة", "ثلاثة آخرون");
    assert_eq!(class(&d), (EXPLOSIONS, "Shelling/artillery/missile attack"));
    assert_eq!(actor1(&d), Some("Houthis (Ansar Allah)"));
}

#[test]
fn israeli_snipers_at_gaza_protesters_use_excessive_force() {
    let text = "استشهد 3 فلسطينيين وأصيب 40 آخرون برصاص قناصة الاحتلال الإسرائيلي خلال مشاركتهم في مسيرات العودة شرق قطاع غزة.";
    let d = describe(None, text, "استشهد 3", "3 فلسطينيين");
    assert_eq!(
        class(&d),
        ("Protests", "Excessive force against protesters")
    );
    assert_eq!(actor1(&d), Some("Military Forces of Israel"));
}

#[test]
fn gunmen_firing_at_protesters_attack_civilians() {
    let text = "قتل 4 متظاهرين عندما أطلق مسلحون مجهولون النار على المحتجين في وسط المدينة.";
    let d = describe(None, text, "قتل 4", "4 متظاهرين");
    assert_eq!(class(&d), ("Violence against civilians", "Attack"));
    assert_eq!(actor1(&d), Some("Unidentified Armed Group"));
    assert_eq!(actor2(&d), Some("Protesters"));
}

#[test]
fn clash_between_regime_forces_and_hts() {
    let text = "قتل 13 عنصرا من قوات النظام في اشتباكات مع هيئة تحرير الشام في ريف حماة الشمالي.";
    let d = describe(None, text, "قتل 13", "13 عنصرا");
    assert_eq!(class(&d), ("Battles", "Armed clash"));
    assert_eq!(actor2(&d), Some(SYRIA));
    assert_eq!(actor1(&d), Some("Hayat Tahrir al-Sham"));
}

#[test]
fn traffic_accident_is_non_conflict_without_actors() {
    let text = "لقي 5 أشخاص مصرعهم وأصيب 12 آخرون في حادث سير مروع على طريق الرياض الطائف.";
    let d = describe(None, text, "لقي 5", "5 أشخاص");
    assert_eq!(class(&d), ("Non-conflict", "Traffic accident"));
    assert_eq!(d.actor1, None);
    assert_eq!(d.actor2, None);
}

#[test]
fn building_collapse_is_non_conflict() {
    let text = "قتل 7 أشخاص بينهم 3 أطفال إثر انهيار مبنى سكني قديم في حي الجمرك بالإسكندرية.";
    let d = describe(None, text, "قتل 7", "7 أشخاص");
    assert_eq!(class(&d), ("Non-conflict", "Building collapse"));
    assert_eq!(d.actor2, None);
}

#[test]
fn gas_cylinder_explosion_is_an_accident_not_a_bomb() {
    let text = "أصيب 9 أشخاص في انفجار أسطوانة غاز داخل مطعم في عمان.";
    let d = describe(None, text, "أصيب 9", "9 أشخاص");
    assert_eq!(class(&d), ("Non-conflict", "Other accident"));
}

#[test]
fn no_trigger_no_class() {
    let text = "توفي 3 أشخاص في المستشفى أمس بحسب مصادر محلية.";
    let d = describe(None, text, "توفي 3", "3 أشخاص");
    assert_eq!(d, EventDescription::default());
}

#[test]
fn source_phrases_hide_the_actors_they_name() {
    let text =
        "أعلنت وزارة الدفاع الروسية والمرصد السوري لحقوق الإنسان مقتل 5 مدنيين في قصف على ريف إدلب.";
    let d = describe(None, text, "مقتل 5", "5 مدنيين");
    assert_eq!(class(&d), (EXPLOSIONS, "Shelling/artillery/missile attack"));
    assert_eq!(actor1(&d), None);
}

#[test]
fn clitics_attach_to_triggers_and_actors() {
    let text = "قتل 8 مدنيين وبالغارات للطيران الروسي دمرت المنازل.";
    let d = describe(None, text, "قتل 8", "8 مدنيين");
    assert_eq!(class(&d), (EXPLOSIONS, "Air/drone strike"));
    assert_eq!(d.class.as_ref().unwrap().trigger.text, "الغارات");
    assert_eq!(actor1(&d), Some(RUSSIA));
    assert_eq!(d.actor1.as_ref().unwrap().evidence.text, "للطيران الروسي");
}

#[test]
fn a_claim_without_cause_takes_the_title() {
    let title = "غارات روسية على إدلب";
    let text = "قتل 10 أشخاص وأصيب آخرون.";
    let d = describe(Some(title), text, "قتل 10", "10 أشخاص");
    assert_eq!(class(&d), (EXPLOSIONS, "Air/drone strike"));
    let c = d.class.as_ref().unwrap();
    assert!(c.trigger.in_title);
    assert_eq!(c.trigger.text, "غارات");
    assert_eq!((c.trigger.start, c.trigger.end), (0, 5));
    assert_eq!(actor1(&d), Some(RUSSIA));
    assert!(d.actor1.as_ref().unwrap().evidence.in_title);
}

#[test]
fn the_country_decides_which_coalition() {
    let yemen = "قتل 6 من عناصر الميليشيات في غارات لطيران التحالف على صعدة شمال اليمن.";
    let d = describe(None, yemen, "قتل 6", "6 من");
    assert_eq!(actor1(&d), Some("Saudi-led coalition"));
    let iraq = "قتل 6 من عناصر داعش في غارات لطيران التحالف غرب الموصل في العراق.";
    let d = describe(None, iraq, "قتل 6", "6 من");
    assert_eq!(
        actor1(&d),
        Some("Operation Inherent Resolve (International coalition)")
    );
    assert_eq!(actor2(&d), Some("Islamic State"));
}

#[test]
fn a_court_execution_is_no_attack() {
    let text = "قضت محكمة عراقية بإعدام 16 امرأة بعد إدانتهن بالانتماء إلى تنظيم داعش.";
    let d = describe(None, text, "بإعدام 16", "16 امرأة");
    assert_eq!(d.class, None);
    assert_eq!(actor1(&d), None);
}

#[test]
fn the_speaker_of_a_toll_is_no_perpetrator() {
    let text =
        "ذكر الجيش النيجيري أن 50 شخصا قتلوا بعد تفجيرين انتحاريين استهدفا مصلين في مايدوغوري.";
    let d = describe(None, text, "أن 50", "50 شخصا");
    assert_eq!(class(&d), (EXPLOSIONS, "Suicide bomb"));
    assert_eq!(actor1(&d), None);
}

#[test]
fn a_generic_army_with_a_foreign_adjective_is_not_the_home_one() {
    let text = "قتل 6 جنود في هجوم على معسكر للجيش الهندي في كشمير، بحسب الشرطة في باكستان.";
    let d = describe(None, text, "قتل 6", "6 جنود");
    assert_eq!(class(&d), ("Battles", "Armed clash"));
    assert_ne!(actor1(&d), Some("Military Forces of Pakistan"));
    assert_ne!(actor2(&d), Some("Military Forces of Pakistan"));
}

#[test]
fn a_ceasefire_is_no_shooting() {
    let text = "ودعت إلى وقف إطلاق النار لإخلاء مئات الجرحى من الغوطة الشرقية.";
    let d = describe(None, text, "مئات", "مئات الجرحى");
    assert_eq!(d.class, None);
}

#[test]
fn the_nearest_trigger_of_the_sentence_wins() {
    let text =
        "وقتل 3 جنود في اشتباكات مع مسلحين، بينما قتل 5 مدنيين في غارة جوية على قرية مجاورة.";
    let d = describe(None, text, "وقتل 3", "3 جنود");
    assert_eq!(class(&d), ("Battles", "Armed clash"));
    let d = describe(None, text, "قتل 5", "5 مدنيين");
    assert_eq!(class(&d), (EXPLOSIONS, "Air/drone strike"));
}

#[test]
fn out_of_range_offsets_are_clamped() {
    let events = EventTagger::new().analyze(Some("غارة"), "قتل 5 في غارة.");
    let d = events.describe(1000, 5, 900, 2000, 3000);
    for s in d.class.iter().map(|c| &c.trigger) {
        assert!(s.end <= if s.in_title { 4 } else { 14 });
    }
}

// --- Never panics

mod never_panics {
    use proptest::prelude::*;
    use rasd_events::EventTagger;
    use std::sync::OnceLock;

    fn tagger() -> &'static EventTagger {
        static T: OnceLock<EventTagger> = OnceLock::new();
        T.get_or_init(EventTagger::new)
    }

    fn check_span(text: &str, s: &rasd_events::Span) {
        let chars: Vec<char> = text.chars().collect();
        assert!(s.start <= s.end && s.end <= chars.len(), "{s:?}");
        let slice: String = chars[s.start..s.end].iter().collect();
        assert_eq!(slice, s.text);
    }

    /// Arabic words, marks, punctuation and stray characters.
    fn arabic_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "غارة",
            "غارات",
            "قصف",
            "جوي",
            "سيارة مفخخة",
            "انتحاري",
            "قوات النظام",
            "الطيران الروسي",
            "داعش",
            "مدنيين",
            "مسلحون",
            "وزارة الدفاع الروسية",
            "المرصد السوري",
            "قتل",
            "5",
            "٢٣",
            " ",
            ".",
            "،",
            "\n",
            "\"",
            "«",
            "ـ",
            "\u{064B}",
            "\u{200F}",
            "ﻻ",
            "#",
            "_",
            "التحالف",
            "اليمن",
            "جنود",
            "أتراك",
            "تفريق",
            "المتظاهرين",
            "é",
            "😀",
            "\u{0301}",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn analyze_and_describe_any_string(
            text in ".{0,200}",
            title in proptest::option::of(".{0,40}"),
            offsets in prop::array::uniform5(0usize..260),
        ) {
            let events = tagger().analyze(title.as_deref(), &text);
            let [a, b, c, d, e] = offsets;
            let out = events.describe(a, b, c, d, e);
            for s in out.class.iter().map(|c| &c.trigger)
                .chain(out.actor1.iter().map(|a| &a.evidence))
                .chain(out.actor2.iter().map(|a| &a.evidence))
            {
                check_span(if s.in_title { title.as_deref().unwrap_or("") } else { &text }, s);
            }
        }

        #[test]
        fn analyze_and_describe_arabic(
            text in arabic_text(),
            title in proptest::option::of(arabic_text()),
            offsets in prop::array::uniform5(0usize..400),
        ) {
            let events = tagger().analyze(title.as_deref(), &text);
            let [a, b, c, d, e] = offsets;
            for out in [events.describe(a, b, c, d, e), events.describe(0, usize::MAX, c, d, 0)] {
                for s in out.class.iter().map(|c| &c.trigger)
                    .chain(out.actor1.iter().map(|a| &a.evidence))
                    .chain(out.actor2.iter().map(|a| &a.evidence))
                {
                    check_span(if s.in_title { title.as_deref().unwrap_or("") } else { &text }, s);
                }
            }
        }
    }
}

// --- The corpus: speed (run with --ignored)

#[test]
#[ignore = "reads ../shared/corpora; prints the speed of analyze"]
fn corpus_speed() {
    use std::io::BufRead;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/ant-multisource-2018.jsonl.gz"
    );
    let Ok(file) = std::fs::File::open(path) else {
        eprintln!("skipped: {path} is absent");
        return;
    };
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    let reports: Vec<(Option<String>, String)> = reader
        .lines()
        .map_while(Result::ok)
        .take(2000)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .map(|v| {
            (
                v["title"].as_str().map(str::to_string),
                v["text"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let tagger = EventTagger::new();
    let start = std::time::Instant::now();
    let rounds = 5;
    let mut classes = 0;
    for _ in 0..rounds {
        for (title, text) in &reports {
            let e = tagger.analyze(title.as_deref(), text);
            classes += e.describe(0, 0, 0, 0, 0).class.is_some() as usize;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "analyze: {} reports in {secs:.3}s: {:.0} reports/s on one core ({classes})",
        rounds * reports.len(),
        (rounds * reports.len()) as f64 / secs
    );
}
