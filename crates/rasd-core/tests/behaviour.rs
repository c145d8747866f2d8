//! What the extractor does with typical Arabic news sentences.

use rasd_core::claims::{Claim, Extractor, Kind, Modality, Qualifier, Victims};
use rasd_core::report::Report;

fn claims(text: &str) -> Vec<Claim> {
    let report = Report {
        id: "t".into(),
        text: text.into(),
        ..Report::default()
    };
    Extractor::new().extract(&report)
}

fn summary(text: &str) -> Vec<(Kind, Option<u64>, Qualifier, Victims)> {
    claims(text)
        .iter()
        .map(|c| (c.kind, c.value, c.qualifier, c.victims))
        .collect()
}

#[test]
fn a_count_followed_by_its_casualty_noun() {
    assert_eq!(
        summary("خلفت الغارات 56 شهيداً وعشرات الجرحى."),
        [
            (Kind::Killed, Some(56), Qualifier::Exact, Victims::People),
            (Kind::Injured, None, Qualifier::Dozens, Victims::People),
        ]
    );
}

#[test]
fn a_verb_before_the_count_and_a_verb_after_it() {
    assert_eq!(
        summary("قتل أكثر من 20 مدنيا في قصف على البلدة."),
        [(
            Kind::Killed,
            Some(20),
            Qualifier::MoreThan,
            Victims::Civilians
        )]
    );
    assert_eq!(
        summary("وقالت مصادر إن 53 مدنيا على الأقل قتلوا."),
        [(
            Kind::Killed,
            Some(53),
            Qualifier::AtLeast,
            Victims::Civilians
        )]
    );
    assert_eq!(
        summary("لقي خمسة أشخاص حتفهم في حادث سير."),
        [(Kind::Killed, Some(5), Qualifier::Exact, Victims::People)]
    );
}

#[test]
fn numbers_that_are_not_tolls_give_no_claim() {
    assert!(
        claims("استهدفت المعارضة معاقل النظام بأكثر من 40 صاروخا محققين إصابات مباشرة.").is_empty()
    );
    assert!(claims("تسعى القوات إلى السيطرة على مدينة الباب (مائة الف نسمة).").is_empty());
    assert!(claims("وقتل 3 أشخاص خلال الـ 24 ساعة الماضية.")
        .iter()
        .all(|c| c.value == Some(3)));
    assert!(claims("ارتفعت نسبة البطالة إلى 20 في المئة بعد مقتل الاقتصاد.").is_empty());
}

#[test]
fn a_numeric_total_of_killed_and_injured_is_not_a_claim() {
    assert!(claims("أسفر الانفجار عن مقتل وإصابة 50 شخصا.").is_empty());
    assert!(claims("سقط 30 بين قتيل وجريح في الهجوم.").is_empty());
}

#[test]
fn a_vague_joint_count_gives_two_claims() {
    assert_eq!(
        summary("سقط عشرات القتلى والجرحى في القصف."),
        [
            (Kind::Killed, None, Qualifier::Dozens, Victims::People),
            (Kind::Injured, None, Qualifier::Dozens, Victims::People),
        ]
    );
}

#[test]
fn duals_and_implicit_counts() {
    assert_eq!(
        summary("والليلة الماضية قتل شخصان وجرح آخرون."),
        [
            (Kind::Killed, Some(2), Qualifier::Exact, Victims::People),
            (Kind::Injured, None, Qualifier::Several, Victims::People),
        ]
    );
    assert_eq!(
        summary("إضافة لاستشهاد رجل وزوجته في غارات على بلدة كفرناها."),
        [(Kind::Killed, Some(2), Qualifier::Exact, Victims::Civilians)]
    );
}

#[test]
fn number_words_in_context() {
    assert_eq!(summary("قتل خمسة وعشرون شخصا في التفجير.")[0].1, Some(25));
    assert_eq!(
        summary("أصيب ثلاثمئة شخص بحالات اختناق.")[0],
        (Kind::Injured, Some(300), Qualifier::Exact, Victims::People)
    );
    assert_eq!(summary("قتل ٢٣ شخصاً.")[0].1, Some(23));
}

#[test]
fn breakdown_from_baynahum() {
    let c = &claims("أفاد المرصد بمقتل 23 شخصاً بينهم 3 أطفال و8 إناث جراء القصف.")[0];
    let b = c.breakdown.as_ref().unwrap();
    assert_eq!((b["children"], b["women"]), (Some(3), Some(8)));
}

#[test]
fn source_before_after_and_in_the_previous_sentence() {
    let c = &claims("أعلنت وزارة الدفاع الروسية أن نحو 30 مدنيا قتلوا.")[0];
    assert_eq!(c.source.as_ref().unwrap().text, "وزارة الدفاع الروسية");
    let c = &claims("خلفت الغارات 56 شهيداً، حسبما أكدت شبكة شام الإخبارية وناشطون.")[0];
    assert_eq!(c.source.as_ref().unwrap().text, "شبكة شام الإخبارية");
    let c = &claims("وبحسب المرصد السوري لحقوق الإنسان، فإن الحصيلة مرشحة للارتفاع. وقتل أكثر من 84 شخصاً في الغارات.")[0];
    assert_eq!(
        c.source.as_ref().unwrap().name.as_deref(),
        Some("المرصد السوري لحقوق الإنسان")
    );
    let c = &claims("قال مسؤول إن الوضع صعب.\nقتل 5 أشخاص في انفجار.")[0];
    assert!(c.source.is_none(), "a new paragraph carries no source over");
}

#[test]
fn speculative_and_denied() {
    let c = &claims("وقد يتجاوز عدد القتلى المائة قتيل.")[0];
    assert_eq!(
        (c.value, c.qualifier, c.modality),
        (Some(100), Qualifier::MoreThan, Some(Modality::Speculative))
    );
    let c = &claims("ونفت الوزارة مقتل 20 جنديا في الهجوم.")[0];
    assert_eq!(
        (c.victims, c.modality),
        (Victims::Soldiers, Some(Modality::Denied))
    );
}

#[test]
fn distributive_statement_gives_one_claim_per_place() {
    let c = claims("وسجل 5 شهداء في كل من حيي الساحة الملح وجسر الحج.");
    let places: Vec<&str> = c
        .iter()
        .map(|c| c.place.as_ref().unwrap().text.as_str())
        .collect();
    assert_eq!(places, ["الساحة الملح", "جسر الحج"]);
}

#[test]
fn evidence_spans_point_into_the_original_text() {
    let text = "قُتِلَ ٢٣ شخصاً في «باتبو».";
    let c = &claims(text)[0];
    let chars: Vec<char> = text.chars().collect();
    let slice: String = chars[c.evidence.start..c.evidence.end].iter().collect();
    assert_eq!(slice, c.evidence.text);
    assert!(c.evidence.text.contains("٢٣"));
}

#[test]
fn spelling_variants_and_tatweel() {
    assert_eq!(
        summary("وقتـــل اكثر من 10 اشخاص فى القصف.")[0],
        (Kind::Killed, Some(10), Qualifier::MoreThan, Victims::People)
    );
}

#[test]
fn empty_and_non_arabic_texts_give_nothing() {
    assert!(claims("").is_empty());
    assert!(claims("The quick brown fox.").is_empty());
    assert!(claims("\u{0640}\u{064E}").is_empty());
}

/// Texts cut anywhere end sentences at odd places (a number, a conjunction,
/// a qualifier with nothing after it): extraction must hold on every one.
#[test]
fn every_prefix_of_the_examples_extracts_without_panic() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/aleppo-2016-11");
    let extractor = Extractor::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for (cut, _) in text.char_indices().filter(|(_, c)| c.is_whitespace()) {
            let report = Report {
                id: "prefix".into(),
                text: text[..cut].to_string(),
                ..Report::default()
            };
            for c in extractor.extract(&report) {
                assert!(c.evidence.end <= report.text.chars().count());
            }
        }
    }
}

#[test]
fn sentences_ending_on_a_count_or_a_conjunction() {
    for text in [
        "قتل 5 و",
        "قتل بين 5 و",
        "قتلوا و",
        "أصيب أكثر من",
        "مقتل 3 أشخاص بينهم",
        "وشهيد",
        "بين 40 و70",
    ] {
        let _ = claims(text);
    }
}

#[test]
fn dates_ages_and_monday_are_not_counts() {
    assert!(claims("قتل في 30 نيسان/أبريل عدد من المدنيين في قصف.")
        .iter()
        .all(|c| c.value != Some(30)));
    // The age is no count; the child is one person killed.
    let c = summary("قتل الطفل البالغ من العمر 12 عاما.");
    assert!(
        c.iter().all(|c| c.1 == Some(1) && c.3 == Victims::Children),
        "{c:?}"
    );
    let c = claims("وقالت وزارة الصحة إن فتى في الرابعة عشرة من عمره لقي حتفه في الاشتباكات.");
    assert_eq!(
        c.iter().map(|c| (c.value, c.victims)).collect::<Vec<_>>(),
        [(Some(1), Victims::Children)]
    );
    let c = claims("ارتفعت حصيلة القتلى الفلسطينيين في غزة الاثنين برصاص الجنود الإسرائيليين إلى ما لا يقل عن 55 متظاهرا.");
    assert_eq!(
        c.iter().map(|c| (c.value, c.qualifier)).collect::<Vec<_>>(),
        [(Some(55), Qualifier::AtLeast)]
    );
}

#[test]
fn a_toll_named_by_a_relative_clause() {
    let c = claims("أعلنت الوزارة ارتفاع عدد الذين توفوا بسبب الانفجار إلى 164 حالة.");
    assert_eq!(
        c.iter().map(|c| (c.kind, c.value)).collect::<Vec<_>>(),
        [(Kind::Killed, Some(164))]
    );
    // Deaths of an illness are no toll (gold/CONVENTIONS.md).
    assert!(claims("أعلنت الوزارة ارتفاع عدد الذين توفوا بسبب الفيروس إلى 464 حالة.").is_empty());
}

#[test]
fn a_dropped_subject_is_the_speaker_named_before() {
    let text = "قتل ثلاثة رجال شرطة، وفقاً لسور غول، قائد بالجيش الأفغاني في الولاية.\n\nوقال إن أكثر من 40 مسلحاً قتلوا في معارك.";
    let c = claims(text);
    let forty = c.iter().find(|c| c.value == Some(40)).unwrap();
    assert_eq!(forty.source.as_ref().unwrap().text, "سور غول");
    let c = claims("وكان المتحدث الأمني بوزارة الداخلية قد صرح بأنه حدث تفجير نتج عنه استشهاد عشرة من منسوبي القوات.");
    assert_eq!(
        c[0].source.as_ref().unwrap().text,
        "المتحدث الأمني بوزارة الداخلية"
    );
    let c = claims("وقال «شجاع» في تصريحات إن القصف أسفر عن مقتل سبعة مدنيين.");
    assert_eq!(c[0].source.as_ref().unwrap().text, "شجاع");
}

#[test]
fn counts_made_by_an_adjective_and_suffocation_cases() {
    assert_eq!(
        summary("وقتل منفذ الهجوم شخصا واحدا قبل أن تقتله الشرطة.")[0],
        (Kind::Killed, Some(1), Qualifier::Exact, Victims::People)
    );
    assert_eq!(
        summary("قال مسؤول إنه توجد جثث كثيرة في المكان، وقد قتل سكانها.")[0].2,
        Qualifier::Several
    );
    assert_eq!(
        summary("أفاد المرصد بحدوث 70 حالة على الأقل من صعوبات التنفس والاختناق.")[0],
        (Kind::Injured, Some(70), Qualifier::AtLeast, Victims::People)
    );
    assert_eq!(
        summary("حصدت مخلفات الحرب، الأحد، أرواح طفلين.")[0],
        (Kind::Killed, Some(2), Qualifier::Exact, Victims::Children)
    );
    assert!(claims("خطط المهاجم لحصد أرواح أكبر عدد من الطلاب.").is_empty());
}

#[test]
fn statements_spokesmen_and_recipients() {
    let c = claims("وتباينت التقديرات في تصريحات المصادر الطبية والمسؤولين المحليين، إذ تراوح عدد القتلى بين 22 إلى 33 قتيلا.");
    assert!(c
        .iter()
        .all(|c| c.source.as_ref().unwrap().text == "المصادر الطبية"));
    let c = claims("وقال المتحدث الرسمي للهلال الأحمر إن أربعة أشخاص لقوا مصرعهم.");
    assert_eq!(
        c[0].source.as_ref().unwrap().name.as_deref(),
        Some("الهلال الأحمر")
    );
    let c = claims("وقال «شجاع» في تصريحات لـ «عكاظ»: إن القصف أسفر عن مقتل سبعة مدنيين.");
    assert_eq!(c[0].source.as_ref().unwrap().text, "شجاع");
    let c = claims("وقالت مصادر مقربة من حزب الله إن خمسة قتلى سقطوا من عناصر الحزب.");
    assert_eq!(
        c[0].source.as_ref().unwrap().text,
        "مصادر مقربة من حزب الله"
    );
}

#[test]
fn infections_years_halves_and_lists_are_not_new_claims() {
    assert!(claims("فقد أصيب 53 شخصا في 16 ولاية بالبكتيريا المعوية.").is_empty());
    assert!(
        claims("هجوم على ملهى ليلي في الأول من يناير 2017 قتل فيه 39 شخصا.")
            .iter()
            .all(|c| c.value == Some(39))
    );
    let c = claims("وقد أودت الحرب بأرواح نحو نصف مليون شخص.");
    assert_eq!(
        (c[0].value, c[0].qualifier),
        (Some(500_000), Qualifier::About)
    );
    let c = claims(
        "وأدى القصف إلى مقتل 9 أشخاص بينهم رئيس المجلس المحلي في البلدة وخمسة أطفال وامرأة واحدة.",
    );
    assert_eq!(c.iter().map(|c| c.value).collect::<Vec<_>>(), [Some(9)]);
    assert_eq!(c[0].breakdown.as_ref().unwrap()["children"], Some(5));
    assert!(claims("وأصابت الغارات خمس وحدات من المقاتلين.").is_empty());
    let c =
        claims("قتلت القوات 41 فلسطينيا على الأقل بينهم طفل في السابعة اضافة إلى نحو 1800 جريح.");
    assert_eq!(
        c.iter().map(|c| c.value).collect::<Vec<_>>(),
        [Some(41), Some(1800)]
    );
}

#[test]
fn victims_named_with_a_pronoun_and_others_after_a_woman() {
    let c = summary("أعلنت أنقرة مقتل 8 من جنودها وإصابة 13 آخرين بجروح في عفرين.");
    assert_eq!(
        c.iter().map(|c| c.3).collect::<Vec<_>>(),
        [Victims::Soldiers, Victims::Soldiers]
    );
    assert_eq!(
        summary("لكن 30 من مسلحيها قتلوا أيضا في المعارك.")[0].3,
        Victims::Fighters
    );
    assert_eq!(
        summary("ما أسفر عن مقتل امرأة وإصابة 19 آخرين.")[1].3,
        Victims::People
    );
    assert_eq!(summary("أسفرا عن مصرع 24 انقلابيا.")[0].3, Victims::Fighters);
}

#[test]
fn bare_counts_before_time_words_and_plurals_after_casualty_words() {
    assert_eq!(
        summary("وارتفع عدد قتلى التظاهرات إلى ثلاثة ليل الجمعة.")[0].1,
        Some(3)
    );
    assert_eq!(
        summary("وقالت مصادر إن 40 شخصا على الأقل قتلوا وأصيب 72 حينما انفجرت سيارة.")[1].1,
        Some(72)
    );
    let c = summary("وأسفرت المواجهات عن إصابة متظاهرين وأفراد من قوات الأمن بجروح.");
    assert_eq!(
        c,
        [
            (Kind::Injured, None, Qualifier::Several, Victims::People),
            (Kind::Injured, None, Qualifier::Several, Victims::Soldiers),
        ]
    );
    // A state force named after the verb is its subject, the definite
    // person after it the one victim (not a bare plural of قوات).
    assert_eq!(
        summary("قتلت قوات الأمن الفرنسية المسلح."),
        [(Kind::Killed, Some(1), Qualifier::Exact, Victims::Fighters)]
    );
    assert_eq!(summary("وقال إن رجلا قتل في الهجوم.")[0].1, Some(1));
}

#[test]
fn a_named_person_killed_counts_one() {
    assert_eq!(
        summary("وذلك بعد مقتل موسى أبو داود في الغارة.")[0].1,
        Some(1)
    );
    assert_eq!(
        summary("أعلن الحوثيون لمقتل صالح علي الصماد.")[0].1,
        Some(1)
    );
    assert!(claims("أحبطت الشرطة محاولة اغتيال رئيس الوزراء.").is_empty());
    assert!(claims("نعت الأسرة وفاة راي ويلكينز لاعب الكرة.").is_empty());
    assert!(claims("أدان مقتل عائلة دوابشة.")
        .iter()
        .all(|c| c.value != Some(1)));
    assert_eq!(summary("أسفر الهجوم عن مقتل ضابطي شرطة.")[0].1, Some(2));
}

#[test]
fn implicit_groups_bare_plurals_ranks_and_intent() {
    assert_eq!(
        summary("وأسفر الحادث عن إصابة فتاة وطفلين سعوديين.")[0].1,
        Some(3)
    );
    let c = summary("وأكد مصدر سقوط قتلى وجرحى في صفوف عناصر الميليشيا الحوثية.");
    assert_eq!(
        c.iter().map(|c| (c.0, c.2, c.3)).collect::<Vec<_>>(),
        [
            (Kind::Killed, Qualifier::Several, Victims::Fighters),
            (Kind::Injured, Qualifier::Several, Victims::Fighters),
        ]
    );
    assert!(claims("وانتهت العملية من دون وقوع إصابات.").is_empty());
    assert_eq!(
        summary("أعلنت القيادة استشهاد الرقيب ماجد بن فهد بن فهيد السبيعي.")[0].1,
        Some(1)
    );
    assert!(claims("وحذر من أن تقتل عسكريا آخر.").is_empty());
    assert_eq!(
        summary("وقالت الناجية إن أبي وشقيقتي قتلا في القصف.")[0].1,
        Some(2)
    );
}

#[test]
fn one_of_a_group_named_people_after_verbs_and_plots() {
    assert_eq!(
        summary("وأعلن الجيش مقتل أحد جنوده في الاشتباك.")[0],
        (Kind::Killed, Some(1), Qualifier::Exact, Victims::Soldiers)
    );
    assert_eq!(
        summary("واستشهد الشاب محمد شريف بدوان برصاص الاحتلال.")[0].1,
        Some(1)
    );
    assert!(claims("أحبطت الشرطة خطة لقتل رئيسة وزراء بريطانيا.").is_empty());
    let c = summary("سقط عشرات الحوثيين بين قتلى وجرحى.");
    assert_eq!(
        c.iter().map(|c| (c.0, c.2, c.3)).collect::<Vec<_>>(),
        [
            (Kind::Killed, Qualifier::Dozens, Victims::Fighters),
            (Kind::Injured, Qualifier::Dozens, Victims::Fighters),
        ]
    );
    assert!(claims("سقط 30 شخصا بين قتيل وجريح.").is_empty());
}

#[test]
fn the_group_named_after_others_or_after_lam() {
    let c = summary("وأسفر الهجوم عن مقتل جنديين وإصابة آخرين من المدنيين.");
    assert_eq!(
        c.iter().map(|c| c.3).collect::<Vec<_>>(),
        [Victims::Soldiers, Victims::Civilians]
    );
    assert_eq!(
        summary("وعثرت القوات على ثلاث جثث لمسلحين.")[0].3,
        Victims::Fighters
    );
}

#[test]
fn speech_acts_name_a_speaker_but_attribute_no_toll() {
    let c = claims("أدان الرئيس الفلسطيني محمود عباس مقتل طفل فلسطيني برصاص الاحتلال.");
    assert!(c[0].source.is_none(), "{:?}", c[0].source);
    let c = claims(
        "وحثت وزيرة خارجية الاتحاد الأوروبي موغيريني على ضبط النفس. وصرحت \"قتل عشرات الفلسطينيين\".",
    );
    assert_eq!(
        c[0].source.as_ref().unwrap().text,
        "وزيرة خارجية الاتحاد الأوروبي موغيريني"
    );
}

#[test]
fn a_rank_or_a_definite_person_noun_names_one_victim() {
    assert_eq!(
        summary("واستشهد الرقيب ماجد السبيعي في جازان."),
        [(Kind::Killed, Some(1), Qualifier::Exact, Victims::Soldiers)]
    );
    assert_eq!(
        summary("وسلمت السلطة ملف مقتل الرضيع الفلسطيني بل طالبت المحكمة بالإسراع."),
        [(Kind::Killed, Some(1), Qualifier::Exact, Victims::Children)]
    );
    // After the verb قتل a definite noun may be the killer: no claim.
    assert!(summary("قتل الجندي الإسرائيلي فلسطينيا في الخليل.")
        .iter()
        .all(|c| c.3 != Victims::Soldiers));
}

#[test]
fn relatives_add_up_and_another_side_stays_apart() {
    assert_eq!(
        summary("انتهى الهجوم بموت رضيع حرقا وإصابة والديه وشقيقه بحروق خطيرة."),
        [
            (Kind::Killed, Some(1), Qualifier::Exact, Victims::Children),
            (Kind::Injured, Some(3), Qualifier::Exact, Victims::Civilians),
        ]
    );
    assert_eq!(
        summary("وأقدم الشاب على قتل شقيقه وابن عمه."),
        [(Kind::Killed, Some(2), Qualifier::Exact, Victims::Civilians)]
    );
    assert_eq!(
        summary("وقتل ضابطا شرطة ومجند أمس في هجوم بمدينة العريش."),
        [(Kind::Killed, Some(3), Qualifier::Exact, Victims::Soldiers)]
    );
}

#[test]
fn all_of_a_group_is_an_uncounted_toll_but_all_of_the_injured_is_not() {
    assert_eq!(
        summary("تحطم طائرة عسكرية ومقتل من كانوا على متنها."),
        [(Kind::Killed, None, Qualifier::Several, Victims::People)]
    );
    assert_eq!(
        summary("وأسفر الحادث عن مقتل جميع أعضاء الكتيبة."),
        [(Kind::Killed, None, Qualifier::Several, Victims::People)]
    );
    assert!(summary("وأكد أن جميع المصابين غادروا المستشفى.").is_empty());
}

#[test]
fn the_second_year_of_a_range_is_not_a_toll() {
    let found = summary("وتقدر الدراسة 38 ألف حالة وفاة سنويا بين عامي 2030 و2050.");
    assert!(found.iter().all(|c| c.1 != Some(2050)), "{found:?}");
}

#[test]
fn quotation_marks_between_the_casualty_word_and_its_count() {
    assert_eq!(
        summary("وأعلن الجيش إصابة \"10 عسكريين\" في الانفجار."),
        [(Kind::Injured, Some(10), Qualifier::Exact, Victims::Soldiers)]
    );
    let found = claims("وأعلنت الوزارة \"استشهاد\" 10 من منسوبي القوات الخاصة.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].value, Some(10));
    // A quoted casualty word is not a quoted name of the source.
    assert_eq!(
        found[0].source.as_ref().map(|s| s.text.as_str()),
        Some("الوزارة")
    );
}

#[test]
fn two_after_a_plural_noun_counts_it() {
    assert_eq!(
        summary("وأعلنت الشرطة مقتل فلسطينيين اثنين في الضفة."),
        [(Kind::Killed, Some(2), Qualifier::Exact, Victims::People)]
    );
}

#[test]
fn a_nominative_dual_of_injury_counts_two() {
    assert_eq!(
        summary("ونتج عن الحادث إصابتان متوسطتان نقلتا إلى مستشفى الملك فهد."),
        [(Kind::Injured, Some(2), Qualifier::Exact, Victims::People)]
    );
}

#[test]
fn a_prepositional_phrase_between_the_verb_and_its_count() {
    assert_eq!(
        summary("وقتل في الهجوم ثلاثة جنود."),
        [(Kind::Killed, Some(3), Qualifier::Exact, Victims::Soldiers)]
    );
    assert_eq!(
        summary("قتل جراء الزلزال وتسونامي في مدينة بالو 832 على الأقل."),
        [(Kind::Killed, Some(832), Qualifier::AtLeast, Victims::People)]
    );
    assert_eq!(
        summary("وقتل في اليوم ذاته جندي."),
        [(Kind::Killed, Some(1), Qualifier::Exact, Victims::Soldiers)]
    );
    // The phrase holds a clause of its own: the count is not the verb's.
    assert!(summary("غرق في نفس اليوم قارب مطاطي يحمل 130 شخصا.").is_empty());
    // An implicit count after an indefinite noun is its adjective.
    assert!(summary("وقتلوا في هجوم مسلح على الحاجز.").is_empty());
    // A verbal noun keeps its count close: a statistic is not read across a phrase.
    assert!(summary("وفاة بسبب الأمراض القلبية وحدثت 6.7 مليون حالة.").is_empty());
}

#[test]
fn a_count_in_brackets() {
    assert_eq!(
        summary("والحصيلة استشهاد (5) من رجال الأمن وإصابة (33) آخرين."),
        [
            (Kind::Killed, Some(5), Qualifier::Exact, Victims::Soldiers),
            (Kind::Injured, Some(33), Qualifier::Exact, Victims::Soldiers),
        ]
    );
    assert_eq!(
        summary("وأعلنت الوزارة (استشهاد) عشرة من منسوبي القوات."),
        [(Kind::Killed, Some(10), Qualifier::Exact, Victims::Soldiers)]
    );
}

#[test]
fn a_person_joined_to_a_counted_toll_is_a_count_of_its_own() {
    assert_eq!(
        summary("وأكد المصدر مقتل أربعة فلسطينيين وجندي إسرائيلي."),
        [
            (Kind::Killed, Some(4), Qualifier::Exact, Victims::People),
            (Kind::Killed, Some(1), Qualifier::Exact, Victims::Soldiers),
        ]
    );
    // A qualifier of several words behind و joins the second count to the first.
    assert_eq!(
        summary("وأسفرت الحملة عن مقتل 200 من الجهاديين وما يزيد على 30 جنديا."),
        [
            (Kind::Killed, Some(200), Qualifier::Exact, Victims::Fighters),
            (
                Kind::Killed,
                Some(30),
                Qualifier::MoreThan,
                Victims::Soldiers
            ),
        ]
    );
}

#[test]
fn a_named_person_and_an_implicit_count_add_up() {
    assert_eq!(
        summary("وأفاد مصدر بمقتل آمر الفوج وجنديين في الهجوم."),
        [(Kind::Killed, Some(3), Qualifier::Exact, Victims::Soldiers)]
    );
    // وحالتين may be cases in a critical state: not added to a death.
    let found = summary("اتضح وجود حالة وفاة وحالتين متوسطة الإصابة.");
    assert!(found.iter().all(|c| c.1 != Some(2)), "{found:?}");
}

#[test]
fn innocents_count_only_when_counted() {
    assert_eq!(
        summary("بعد جرائم داعش التي راح ضحيتها عشرات الأبرياء."),
        [(Kind::Killed, None, Qualifier::Dozens, Victims::Civilians)]
    );
    assert!(summary("إن الإرهاب يهدف إلى إزهاق أرواح أبرياء.").is_empty());
}

#[test]
fn killed_and_injured_of_a_bare_plural_are_two_vague_claims() {
    assert_eq!(
        summary("وأدى القمع إلى مقتل وإصابة متظاهرين."),
        [
            (Kind::Killed, None, Qualifier::Several, Victims::People),
            (Kind::Injured, None, Qualifier::Several, Victims::People),
        ]
    );
}

#[test]
fn the_holder_of_an_office_is_one_victim() {
    assert_eq!(
        summary("وأعلن البنتاغون مقتل زعيم تنظيم القاعدة أسامة بن لادن في باكستان."),
        [(Kind::Killed, Some(1), Qualifier::Exact, Victims::People)]
    );
    // His companions joined by و are a count of their own.
    assert_eq!(
        summary("وأعلن الجيش مقتل قائد ميداني و3 من مرافقيه."),
        [
            (Kind::Killed, Some(1), Qualifier::Exact, Victims::People),
            (Kind::Killed, Some(3), Qualifier::Exact, Victims::People),
        ]
    );
    // An assassination of an office is mostly a plot.
    assert!(summary("وكشف عن خطة لاغتيال زعيم كوريا الشمالية إذا تطلبت الحاجة.").is_empty());
    // A profession before a name is a title.
    assert_eq!(
        summary("وندد بقتل الإعلامية فيكتوريا مارينوفا."),
        [(Kind::Killed, Some(1), Qualifier::Exact, Victims::People)]
    );
}

#[test]
fn of_them_between_the_verb_and_its_count() {
    assert_eq!(
        summary("وقال إن الجيش قتل منهم العشرات."),
        [(Kind::Killed, None, Qualifier::Dozens, Victims::People)]
    );
}

#[test]
fn parents_in_construct_add_up_with_a_relative() {
    assert_eq!(
        summary("وأصيب فيها والدا الطفل وشقيقه."),
        [(Kind::Injured, Some(3), Qualifier::Exact, Victims::Civilians)]
    );
}

#[test]
fn rhetoric_commemoration_and_natural_deaths_give_no_claim() {
    // Nouns joined by و are a list of crimes, not a victim's name.
    assert!(summary("لا مكان فيه إلا للقتل وبطش وعنف الميليشيات.").is_empty());
    assert!(summary("وقال إن قتل وبطش وعنف الميليشيات مستمر.").is_empty());
    // A minute of silence on the souls of victims is not a toll…
    assert!(summary("بدأت الجلسة بالوقوف دقيقة صمت على أرواح ضحايا العدوان.").is_empty());
    // …but a count of souls is.
    assert_eq!(
        summary("كان المسلحون قد قضوا على أرواح 16 شخصا."),
        [(Kind::Killed, Some(16), Qualifier::Exact, Victims::People)]
    );
    // A relative's death is mostly a natural one.
    assert!(summary("وغاب عن الحفل بسبب وفاة والدته.").is_empty());
    // A gunman before an active verb is its subject, and killed-and-wounded
    // with one number is a total of both (GUIDE.md): no claim.
    assert!(summary("مسلح يقتل ويصيب «9» أشخاص في لويزيانا.").is_empty());
    // الأمة is not ال + امه "his mother".
    assert!(summary("وقال إن ما أصاب الأمة من ضعف كبير.").is_empty());
}

#[test]
fn pupils_are_counted_as_children() {
    assert_eq!(
        summary("وأودى الهجوم بحياة 17 تلميذا في المدرسة."),
        [(Kind::Killed, Some(17), Qualifier::Exact, Victims::Children)]
    );
}

#[test]
fn one_of_a_group_after_a_verb_and_its_subject_counts_one() {
    // As with numbers (قتلت قوات الأمن خمسة مسلحين), the verb's subject may
    // stand between it and أحد.
    assert_eq!(
        summary("قتلت الشرطة أحد المسلحين في تبادل لإطلاق النار."),
        [(Kind::Killed, Some(1), Qualifier::Exact, Victims::Fighters)]
    );
    assert_eq!(
        summary("وقتلت الشرطة أحد المشتبه بهم."),
        [(Kind::Killed, Some(1), Qualifier::Exact, Victims::People)]
    );
    // Not after a verb that takes no object: the subject is a relative of
    // one of them, and the death a natural one.
    assert!(summary("توفي والد أحد موظفيه أمس.").is_empty());
    // A bare count followed by a guess about who the dead were.
    assert_eq!(
        summary("قتل 7 يرجح أنهم من تنظيم القاعدة في ضربة جوية."),
        [(Kind::Killed, Some(7), Qualifier::Exact, Victims::People)]
    );
    // "Another", right after a casualty verb, is one more of the same kind.
    assert_eq!(
        summary("وقتل جندي تركي وأصيب آخر في هجوم."),
        [
            (Kind::Killed, Some(1), Qualifier::Exact, Victims::Soldiers),
            (Kind::Injured, Some(1), Qualifier::Exact, Victims::Soldiers)
        ]
    );
    assert_eq!(
        summary("في حين قتل آخر من جراء السقوط."),
        [(Kind::Killed, Some(1), Qualifier::Exact, Victims::People)]
    );
    // تعداد is a toll head like عدد.
    assert_eq!(
        summary("مع ارتفاع تعداد القتلى إلى 496."),
        [(Kind::Killed, Some(496), Qualifier::Exact, Victims::People)]
    );
}
