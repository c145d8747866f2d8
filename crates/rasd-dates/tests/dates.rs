//! Date expressions of Arabic news, each pinned on a real-style sentence.

use jiff::civil::date;
use proptest::prelude::*;
use rasd_dates::{date_mentions, event_date, parse_published, Basis, Date, DateMention};

/// Thursday 17 November 2016, the day of the Aleppo reports.
fn thu() -> Option<Date> {
    Some(date(2016, 11, 17))
}

fn mentions(text: &str, published: Option<Date>) -> Vec<DateMention> {
    let ms = date_mentions(text, published);
    for m in &ms {
        let slice: String = text.chars().skip(m.start).take(m.end - m.start).collect();
        assert_eq!(slice, m.text, "offsets of {m:?} slice the text");
    }
    ms
}

/// The one mention of `text`; panics unless there is exactly one.
fn only(text: &str, published: Option<Date>) -> DateMention {
    let ms = mentions(text, published);
    assert_eq!(ms.len(), 1, "one mention in {text:?}: {ms:#?}");
    ms.into_iter().next().unwrap()
}

/// (start, end, precision) of the one mention of `text`.
fn range_of(text: &str, published: Option<Date>) -> (Date, Date, u8) {
    let m = only(text, published);
    let r = m
        .range
        .unwrap_or_else(|| panic!("{text:?} resolves: {m:?}"));
    assert!(r.start <= r.end);
    (r.start, r.end, r.time_precision)
}

fn day(y: i16, m: i8, d: i8) -> (Date, Date, u8) {
    (date(y, m, d), date(y, m, d), 1)
}

fn span(a: Date, b: Date, p: u8) -> (Date, Date, u8) {
    (a, b, p)
}

#[test]
fn publication_time_formats() {
    assert_eq!(
        parse_published("2018-04-08T10:29:11Z"),
        Some(date(2018, 4, 8))
    );
    assert_eq!(
        parse_published("2018-04-08 10:29:11"),
        Some(date(2018, 4, 8))
    );
    assert_eq!(parse_published("2018-04-08"), Some(date(2018, 4, 8)));
    assert_eq!(parse_published("2018-02-30"), None);
    assert_eq!(parse_published("08/04/2018"), None);
    assert_eq!(parse_published("٢٠١٨-٠٤-٠٨"), None);
    assert_eq!(parse_published(""), None);
}

#[test]
fn today_yesterday_and_the_day_before() {
    let m = only(
        "أفاد ناشطون سوريون، اليوم، بارتفاع أعداد قتلى الغارات",
        thu(),
    );
    assert_eq!(m.kind, "relative_day");
    assert_eq!(
        range_of("أفاد ناشطون سوريون، اليوم، بارتفاع", thu()),
        day(2016, 11, 17)
    );
    assert_eq!(
        range_of("أعلن متحدث عسكري أمريكي، أمس، أن التحالف", thu()),
        day(2016, 11, 16)
    );
    let m = only("وقتل يوم أمس خمسة مدنيين في القصف", thu());
    assert_eq!(m.text, "يوم أمس");
    assert_eq!(m.range.unwrap().start, date(2016, 11, 16));
    for text in [
        "وثق المرصد أمس الأول استشهاد 11 شخصاً",
        "قتل أول أمس ثلاثة مدنيين",
        "قتل أول من أمس ثلاثة مدنيين",
    ] {
        assert_eq!(range_of(text, thu()), day(2016, 11, 15), "{text}");
    }
    assert_eq!(
        range_of("سقط قتلى بالأمس في ريف إدلب", thu()),
        day(2016, 11, 16)
    );
}

#[test]
fn nights_mornings_and_evenings() {
    let night = span(date(2016, 11, 16), date(2016, 11, 17), 2);
    assert_eq!(
        range_of("والليلة الماضية قتل شخصان وجرح آخرون", thu()),
        night
    );
    assert_eq!(
        only("والليلة الماضية قتل شخصان", thu()).text,
        "الليلة الماضية"
    );
    assert_eq!(range_of("قصفت الطائرات ليل أمس حي الشعار", thu()), night);
    assert_eq!(range_of("قتل ليلة البارحة طفلان", thu()), night);
    assert_eq!(
        range_of("استهدفت غارة مساء أمس سوقا شعبيا", thu()),
        day(2016, 11, 16)
    );
    assert_eq!(
        range_of("شنت الطائرات فجر اليوم غارات على حلب", thu()),
        day(2016, 11, 17)
    );
    assert_eq!(
        range_of("وقال صباح اليوم إن القصف مستمر", thu()),
        day(2016, 11, 17)
    );
    // Another night than last night.
    assert!(mentions("وكانت تلك الليلة الجميلة انطلاقة", thu()).is_empty());
}

#[test]
fn tomorrow_is_kept_as_the_future() {
    let m = only("يعقد مجلس الأمن غدا جلسة طارئة", thu());
    assert_eq!(m.kind, "relative_day");
    assert_eq!(m.range.unwrap().start, date(2016, 11, 18));
}

#[test]
fn weekdays_resolve_to_the_latest_on_or_before_publication() {
    assert_eq!(
        range_of("قتل يوم الثلاثاء 12 مدنيا في غارات", thu()),
        day(2016, 11, 15)
    );
    // The publication day itself.
    assert_eq!(
        range_of("قتل 20 مدنيا في بلدة باتبو الخميس", thu()),
        day(2016, 11, 17)
    );
    assert_eq!(
        range_of("وكانت روسيا شنت، الثلاثاء الماضى، ضربات صاروخية", thu()),
        day(2016, 11, 15)
    );
    assert_eq!(
        range_of("وكان هجوم الخميس الماضي قد أوقع قتلى", thu()),
        day(2016, 11, 10)
    );
    assert_eq!(
        range_of("استغل الجو الماطر فجر الجمعة وشن هجوماً", thu()),
        day(2016, 11, 11)
    );
    assert_eq!(
        range_of("تعرضت الأحياء لقصف عنيف ليلة الخميس", thu()),
        span(date(2016, 11, 16), date(2016, 11, 17), 2)
    );
    assert_eq!(
        range_of("تعرضت الأحياء لقصف ليل الأربعاء-الخميس", thu()),
        span(date(2016, 11, 16), date(2016, 11, 17), 2)
    );
    let m = only("يجتمع الوزراء الأحد المقبل", thu());
    assert_eq!(m.range.unwrap().start, date(2016, 11, 20));
    // "one" (واحد) and "one of" (أحد) are not Sunday.
    assert!(mentions("قتل أحد المدنيين وجرح واحد", thu()).is_empty());
}

#[test]
fn the_day_after_tomorrow_and_the_weekday_before_last() {
    let m = only("ويحل يوفنتوس بعد غد السبت ضيفا على سبال", thu());
    assert_eq!(m.text, "بعد غد السبت");
    assert_eq!(m.range.unwrap().start, date(2016, 11, 19));
    assert_eq!(
        range_of("توجت الأحد قبل الماضي بطلة للدورة", thu()),
        day(2016, 11, 6)
    );
    assert!(mentions("ينتظر الغد بفارغ الصبر", thu()).is_empty());
}

#[test]
fn a_weekday_after_a_relative_day_is_one_mention() {
    let m = only("قتل 27 شخصا في حلب أمس الأربعاء", thu());
    assert_eq!(m.text, "أمس الأربعاء");
    assert_eq!(m.range.unwrap().start, date(2016, 11, 16));
    // Published Sunday 20 November: أمس السبت is the 19th.
    let sunday = Some(date(2016, 11, 20));
    assert_eq!(
        range_of("قتل 27 شخصا في حلب أمس السبت", sunday),
        day(2016, 11, 19)
    );
    assert_eq!(
        range_of("أعلنت الحكومة اليوم، الخميس، الحداد", thu()),
        day(2016, 11, 17)
    );
}

#[test]
fn spans_up_to_publication() {
    let last_day = span(date(2016, 11, 16), date(2016, 11, 17), 2);
    assert_eq!(
        range_of("قتل أكثر من 110 أشخاص خلال الـ24 ساعة الماضية", thu()),
        last_day
    );
    assert_eq!(
        range_of(
            "قتل أكثر من 110 أشخاص، خلال الـ 24 ساعة الماضية، وذلك",
            thu()
        ),
        last_day
    );
    assert_eq!(
        range_of("ارتفع عدد القتلى في الـ 24 ساعة الماضية", thu()),
        last_day
    );
    assert_eq!(
        range_of("قتل 40 شخصا خلال الأربع والعشرين ساعة الماضية", thu()),
        last_day
    );
    let two_days = span(date(2016, 11, 15), date(2016, 11, 17), 2);
    assert_eq!(range_of("قتل 70 مدنيا خلال 48 ساعة", thu()), two_days);
    assert_eq!(
        range_of("قتل 11 شخصاً و5 مجهولي الهوية، خلال يومين؛", thu()),
        two_days
    );
    assert_eq!(
        range_of("قتل 70 مدنيا خلال الأيام الثلاثة الماضية", thu()),
        span(date(2016, 11, 14), date(2016, 11, 17), 2)
    );
    assert_eq!(
        range_of("استهدفت طائرات روسيا خلال الساعات ال 72 الماضية", thu()),
        span(date(2016, 11, 14), date(2016, 11, 17), 2)
    );
    assert_eq!(
        range_of("شهدت حلب خلال الأيام القليلة الماضية هجمة جوية", thu()),
        span(date(2016, 11, 10), date(2016, 11, 17), 2)
    );
    // Future spans are not past ranges.
    assert!(mentions("ستنطلق المعركة خلال الأيام المقبلة", thu()).is_empty());
    assert!(mentions("سيتم الانسحاب خلال الـ 72 ساعة القادمة", thu()).is_empty());
    assert!(mentions("الطوارئ تعمل على مدار الساعة", thu()).is_empty());
}

#[test]
fn since_a_day() {
    let saturday = Some(date(2016, 11, 19));
    let m = only(
        "تتعرض الأحياء لغارات كثيفة بشكل متواصل منذ ليلة الخميس",
        saturday,
    );
    assert_eq!(m.kind, "range");
    assert_eq!(m.text, "منذ ليلة الخميس");
    let r = m.range.unwrap();
    assert_eq!(
        (r.start, r.end, r.time_precision),
        (date(2016, 11, 16), date(2016, 11, 19), 2)
    );
    assert_eq!(
        range_of("يتواصل القصف منذ يوم الجمعة", saturday),
        span(date(2016, 11, 18), date(2016, 11, 19), 2)
    );
    // A war since 2011 is not a range ACLED can code.
    let m = only("قتل مئات الآلاف منذ عام 2011", thu());
    assert_eq!((m.kind, m.range), ("year", None));
    let m = only("تحاصر القوات المدينة منذ آذار 2013", thu());
    assert_eq!((m.kind, m.range), ("since", None));
}

#[test]
fn last_week_and_last_month() {
    // Weeks start on Saturday: the week of Thursday 17 began on the 12th.
    assert_eq!(
        range_of("قتل 30 مدنيا الأسبوع الماضي في إدلب", thu()),
        span(date(2016, 11, 5), date(2016, 11, 11), 2)
    );
    assert_eq!(
        range_of("قتل 30 مدنيا خلال الأسبوع الماضي", thu()),
        span(date(2016, 11, 10), date(2016, 11, 17), 2)
    );
    assert_eq!(
        range_of("قتل 300 مدني الشهر الماضي", thu()),
        span(date(2016, 10, 1), date(2016, 10, 31), 3)
    );
    assert_eq!(
        range_of("استهدفت 13 منشأة طبية خلال الشهر الماضي", thu()),
        span(date(2016, 10, 1), date(2016, 10, 31), 3)
    );
    let r = only("قتل 300 مدني الشهر الماضي", thu()).range.unwrap();
    assert_eq!(r.coded_date(), date(2016, 10, 16));
}

#[test]
fn gregorian_dates_with_the_year() {
    let m = only("قتل 12 مدنيا في 15 نوفمبر 2016 في حلب", thu());
    assert_eq!((m.kind, m.text.as_str()), ("gregorian", "15 نوفمبر 2016"));
    assert_eq!(m.range.unwrap().start, date(2016, 11, 15));
    let m = only("في 15 تشرين الثاني/نوفمبر 2016 قصفت الطائرات", thu());
    assert_eq!(m.text, "15 تشرين الثاني/نوفمبر 2016");
    assert_eq!(m.range.unwrap().start, date(2016, 11, 15));
    assert_eq!(
        range_of("أعلنت الوزارة في 3 ديسمبر/ كانون الأول 2015 أن", thu()),
        day(2015, 12, 3)
    );
    assert_eq!(
        range_of("جرى ذلك في 14 مايو سنة 1864", thu()),
        day(1864, 5, 14)
    );
    assert_eq!(only("ولد في 9 أغسطس 2018م", thu()).text, "9 أغسطس 2018م");
    // لم is a word, not ل + the era mark م.
    assert_eq!(
        only("منذ عام 2006 لم يتغير شيء", thu()).text,
        "منذ عام 2006"
    );
    assert_eq!(
        range_of("بدأت المعركة في 15 جوان 2016 شمال البلاد", thu()),
        day(2016, 6, 15)
    );
    assert_eq!(
        range_of("قتل 12 شخصا يوم 5 جويلية 2016", thu()),
        day(2016, 7, 5)
    );
}

#[test]
fn a_weekday_before_a_date_joins_it() {
    let m = only("وفي يوم الثلاثاء 15 تشرين الثاني قتل 20 مدنيا", thu());
    assert_eq!(m.text, "يوم الثلاثاء 15 تشرين الثاني");
    assert_eq!(m.range.unwrap().start, date(2016, 11, 15));
    let m = only("الثلاثاء 15 تشرين الثاني", thu());
    assert_eq!(m.range.unwrap().start, date(2016, 11, 15));
}

#[test]
fn dates_without_a_year_are_the_latest_occurrence() {
    let monday = Some(date(2016, 11, 21));
    let m = only("قتل 40 مدنيا يوم 20 تشرين الثاني/نوفمبر في حلب", monday);
    assert_eq!(m.range.unwrap().start, date(2016, 11, 20));
    assert_eq!(
        range_of("في 3 آذار (مارس) قصفت الطائرات السوق", thu()),
        day(2016, 3, 3)
    );
    // Not yet this year: last year's.
    assert_eq!(
        range_of("وقع الهجوم في 25 ديسمبر", thu()),
        day(2015, 12, 25)
    );
    assert_eq!(
        range_of("وصلت إلى إدلب منتصف شهر أكتوبر الماضي", thu()),
        span(date(2016, 10, 1), date(2016, 10, 31), 3)
    );
    let m = only("قتل المئات في نوفمبر الماضي", thu());
    assert_eq!(m.kind, "month");
    assert_eq!(
        m.range.map(|r| (r.start, r.end, r.time_precision)),
        Some((date(2015, 11, 1), date(2015, 11, 30), 3))
    );
    // This month: up to publication.
    assert_eq!(
        range_of("زار دمشق مطلع نوفمبر الجاري", thu()),
        span(date(2016, 11, 1), date(2016, 11, 17), 3)
    );
    assert_eq!(
        range_of("بدأت الحملة في السابع من فبراير", thu()),
        day(2016, 2, 7)
    );
    assert_eq!(
        range_of("قتل في الحادي والعشرين من أيار", thu()),
        day(2016, 5, 21)
    );
    assert_eq!(
        range_of("انطلقت في العاشر من شهر كانون الثاني", thu()),
        day(2016, 1, 10)
    );
    assert_eq!(
        range_of(
            "شن النظام خلال الأسبوع الثاني من شباط/فبراير الحالي غارات",
            thu()
        ),
        span(date(2016, 2, 8), date(2016, 2, 14), 2)
    );
    assert_eq!(
        range_of("أصيب 5 في الخامس من الشهر الجاري", thu()),
        day(2016, 11, 5)
    );
    assert_eq!(
        range_of("ليل 15-16 تموز/يوليو 2016، بحسب", thu()),
        span(date(2016, 7, 15), date(2016, 7, 16), 2)
    );
}

#[test]
fn ambiguous_month_words_need_a_day_or_year() {
    for text in [
        "مارس الرجل الرياضة طويلا",
        "قال الأب إن ابنه قتل",
        "زار أيار المدينة",
        "ماي فريند",
        "كيف غيرت آبل حياتنا",
        "قال نيسان إن السيارة",
    ] {
        assert!(mentions(text, thu()).is_empty(), "{text}");
    }
    assert_eq!(range_of("قتل في 2 آب 2016 خمسة", thu()), day(2016, 8, 2));
    assert_eq!(range_of("قتل في 14 آذار", thu()), day(2016, 3, 14));
    assert_eq!(
        range_of("جرى ذلك في آب/أغسطس الماضي", thu()),
        span(date(2016, 8, 1), date(2016, 8, 31), 3)
    );
}

#[test]
fn numeric_dates() {
    for text in [
        "بتاريخ 2016/11/15 قتل",
        "بتاريخ 15-11-2016 قتل",
        "بتاريخ 15/11/2016 قتل",
        "بتاريخ 15.11.2016 قتل",
        "بتاريخ ١٥/١١/٢٠١٦ قتل",
    ] {
        let m = only(text, thu());
        assert_eq!(m.kind, "gregorian");
        assert_eq!(m.range.unwrap().start, date(2016, 11, 15), "{text}");
    }
    // Scores, prices and phone numbers are not dates.
    assert!(mentions("فاز الفريق 2-1 وسعره 3.5 والرقم 0096/11/15/2016", thu()).is_empty());
}

#[test]
fn hijri_dates_convert_with_umm_al_qura() {
    let m = only("الثلاثاء 5 صفر 1437 هـ", thu());
    assert_eq!(m.kind, "hijri");
    assert_eq!(m.range.unwrap().start, date(2015, 11, 17));
    // 1 Ramadan 1437 = 6 June 2016.
    assert_eq!(
        range_of("بدأ الصيام في 1 رمضان 1437هـ", thu()),
        day(2016, 6, 6)
    );
    // Without a year: the latest Ramadan before 17 Nov 2016 (Safar 1438).
    assert_eq!(
        range_of("قتل 20 شخصا في الخامس من رمضان", thu()),
        day(2016, 6, 10)
    );
    let m = only("تبدأ العطلة في شهر ذي الحجة", thu());
    assert_eq!(m.kind, "month");
    let r = m.range.unwrap();
    assert_eq!(r.time_precision, 3);
    assert!(r.start.year() == 2016 && r.start.month() == 9);
    // A score, a name and "zero" are not months.
    assert!(mentions("فاز الفريق 5 صفر", thu()).is_empty());
    assert!(mentions("قال رمضان إن", thu()).is_empty());
}

#[test]
fn offsets_count_characters_of_the_original() {
    let text = "قُتِلَ أمـــس ١٢ مدنياً، وفي ١٥ تشرين الثاني/نوفمبر ٢٠١٦ قتل آخرون";
    let ms = mentions(text, thu());
    assert_eq!(ms.len(), 2);
    assert_eq!(ms[0].text, "أمـــس");
    assert_eq!(ms[0].start, 7);
    assert_eq!(ms[1].text, "١٥ تشرين الثاني/نوفمبر ٢٠١٦");
    assert_eq!(ms[1].range.unwrap().start, date(2016, 11, 15));
    assert!(ms[0].end <= ms[1].start);
}

#[test]
fn without_a_publication_date_relative_mentions_are_undated() {
    let ms = mentions(
        "أفاد ناشطون، اليوم، بمقتل 110 أشخاص خلال الـ 24 ساعة الماضية، أمس الخميس، وفي 15 نوفمبر 2016 وفي 15 نوفمبر",
        None,
    );
    let kinds: Vec<&str> = ms.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds,
        [
            "relative_day",
            "range",
            "relative_day",
            "gregorian",
            "gregorian"
        ]
    );
    assert!(ms[..3].iter().all(|m| m.range.is_none()));
    assert_eq!(ms[3].range.unwrap().start, date(2016, 11, 15));
    assert!(ms[4].range.is_none());
}

#[test]
fn not_the_publication_day() {
    assert!(mentions("ركزت غارات اليوم الثالث على أحياء الشعار", thu()).is_empty());
    assert!(mentions("وفي اليوم التالي عاد الهدوء", thu()).is_empty());
    assert!(mentions("في ذلك اليوم قتل العشرات", thu()).is_empty());
    assert!(mentions("بعد أن لامس أعلى مستوى", thu()).is_empty());
    assert!(mentions("في الربع ساعة الأخيرة من المباراة", thu()).is_empty());
    assert!(mentions("زاد الإنتاج 450 ألف برميل في اليوم", thu()).is_empty());
    assert!(mentions("أغلقت محطة روسيا اليوم في بريطانيا", thu()).is_empty());
    assert!(mentions("يأتي الإعلان قبل يومين من الانتخابات", thu()).is_empty());
    assert!(mentions("نما الناتج خلال الأشهر الثلاثة الأولى", thu()).is_empty());
}

#[test]
fn impossible_and_huge_dates_do_not_resolve() {
    let m = only("في 31 فبراير 2016 قتل", thu());
    assert_eq!((m.kind, m.range), ("gregorian", None));
    let m = only("31/02/2016", thu());
    assert_eq!(m.range, None);
    // Not a day: the month alone is what is left.
    let m = only("99999999 نوفمبر", thu());
    assert_eq!(m.kind, "month");
    let m = only("منذ 99999 يوم", thu());
    assert_eq!(m.range, None);
    assert!(mentions("خلال 4294967295 ساعة", thu())
        .iter()
        .all(|m| m.range.is_none()));
}

#[test]
fn event_date_prefers_the_sentence_then_the_paragraph_then_the_lead() {
    let text = "أفاد ناشطون، أمس، بمقتل 10 مدنيين في حلب. \
                وقتل فجر اليوم 5 آخرون في إدلب. \
                وأصيب 3 في درعا.";
    let ms = mentions(text, thu());
    let sentences: Vec<(usize, usize)> = {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in text.chars().enumerate() {
            if c == '.' {
                out.push((start, i + 1));
                start = i + 2;
            }
        }
        out
    };
    // Its own date over the earlier one.
    let (s, e) = sentences[1];
    let d = event_date(&ms, s, e, 0, thu());
    assert_eq!(d.basis, Basis::Text);
    assert_eq!(d.evidence.as_ref().unwrap().text, "فجر اليوم");
    assert_eq!(d.range.unwrap().start, date(2016, 11, 17));
    // No date of its own: the last earlier in the paragraph.
    let (s, e) = sentences[2];
    let d = event_date(&ms, s, e, 0, thu());
    assert_eq!(d.evidence.unwrap().text, "فجر اليوم");
    // In a new paragraph: the lead's first date.
    let d = event_date(&ms, s, e, s, thu());
    assert_eq!(d.evidence.unwrap().text, "أمس");
}

#[test]
fn event_date_skips_years_plans_and_falls_back_on_publication() {
    let text = "قتل 5 مدنيين في الحرب المستمرة منذ عام 2011، ويجتمع المجلس غدا.";
    let ms = mentions(text, thu());
    assert_eq!(ms.len(), 2);
    let n = text.chars().count();
    let d = event_date(&ms, 0, n, 0, thu());
    assert_eq!(d.basis, Basis::Published);
    assert!(d.evidence.is_none());
    let r = d.range.unwrap();
    assert_eq!(
        (r.start, r.end, r.time_precision),
        (date(2016, 11, 16), date(2016, 11, 17), 2)
    );
    let undated = mentions(text, None);
    let d = event_date(&undated, 0, n, 0, None);
    assert_eq!((d.basis, d.range), (Basis::Undated, None));
    let d = event_date(&[], 0, 0, 0, None);
    assert_eq!(d.basis, Basis::Undated);
}

#[test]
fn a_normalized_text_can_be_reused() {
    use rasd_core::normalize::NormalizedText;
    let text = "قُتِلَ أمـــس ١٢ مدنياً خلال الـ24 ساعة الماضية";
    let norm = NormalizedText::new(text);
    assert_eq!(
        rasd_dates::date_mentions_in(text, &norm, thu()),
        date_mentions(text, thu())
    );
    // Another text's normalization never panics.
    let other = NormalizedText::new("أمس");
    let _ = rasd_dates::date_mentions_in("", &other, thu());
}

#[test]
fn serializes_for_the_store() {
    let m = only("قتل أمس 5", thu());
    let json = serde_json::to_value(&m).unwrap();
    assert_eq!(json["range"]["start"], "2016-11-16");
    assert_eq!(json["range"]["time_precision"], 1);
    assert_eq!(json["kind"], "relative_day");
    let d = event_date(&[m], 0, 9, 0, thu());
    assert_eq!(serde_json::to_value(&d).unwrap()["basis"], "text");
}

#[test]
fn garbage_does_not_panic() {
    let bytes: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let text = String::from_utf8_lossy(&bytes);
    let _ = date_mentions(&text, thu());
    let digits = "1234567890/-.".repeat(80_000);
    let _ = date_mentions(&digits, thu());
    let ones = "1".repeat(1_000_000);
    assert!(date_mentions(&ones, thu()).is_empty());
    let _ = date_mentions("", thu());
    let _ = date_mentions("\u{064E}\u{0640}", thu());
    let _ = date_mentions("أمس", Some(Date::MIN));
    let _ = date_mentions("غدا الشهر المقبل خلال 9999 شهر", Some(Date::MAX));
    let _ = date_mentions("الخميس الماضي الشهر الماضي", Some(Date::MIN));
    let _ = date_mentions("ليل الأربعاء-الخميس 31 12 9999", Some(Date::MAX));
    for published in [Date::MIN, Date::MAX] {
        let _ = date_mentions(
            "الخامس من رمضان وشهر ذي الحجة المقبل و30 صفر 1437 هـ و9999/12/31",
            Some(published),
        );
    }
}

/// Words the grammar reads, to make random texts hit it.
const WORDS: &[&str] = &[
    "أمس",
    "اليوم",
    "الخميس",
    "ليلة",
    "فجر",
    "يوم",
    "خلال",
    "الـ",
    "24",
    "ساعة",
    "الماضية",
    "منذ",
    "نوفمبر",
    "تشرين",
    "الثاني",
    "/",
    "-",
    "(",
    ")",
    "2016",
    "15",
    "من",
    "الخامس",
    "رمضان",
    "صفر",
    "1437",
    "هـ",
    "الأسبوع",
    "الشهر",
    "الماضي",
    "عام",
    "قبل",
    "يومين",
    "أيام",
    "الثلاثة",
    "و",
    "،",
    ".",
    "آب",
    "شهر",
    "ذي",
    "الحجة",
    "31",
    "99999",
    "ـ",
    "َ",
    "٢",
    "\n",
];

proptest! {
    #[test]
    fn mentions_are_in_order_inside_the_text(
        picks in proptest::collection::vec(0..WORDS.len(), 0..40),
        glue in proptest::collection::vec(prop_oneof![Just(" "), Just(""), Just("و")], 40),
        offset in -40_000i64..40_000,
    ) {
        let text: String = picks
            .iter()
            .zip(glue.iter())
            .map(|(&i, g)| format!("{}{}", WORDS[i], g))
            .collect();
        let published = date(2016, 11, 17)
            .checked_add(jiff::Span::new().days(offset))
            .ok();
        let ms = date_mentions(&text, published);
        let n = text.chars().count();
        let mut last_end = 0;
        for m in &ms {
            prop_assert!(m.start <= m.end && m.end <= n);
            prop_assert!(m.start >= last_end);
            last_end = m.end;
            let slice: String = text.chars().skip(m.start).take(m.end - m.start).collect();
            prop_assert_eq!(&slice, &m.text);
            if let Some(r) = m.range {
                prop_assert!(r.start <= r.end);
                prop_assert!((1..=3).contains(&r.time_precision));
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,300}") {
        let ms = date_mentions(&text, Some(date(2016, 11, 17)));
        let n = text.chars().count();
        prop_assert!(ms.iter().all(|m| m.start <= m.end && m.end <= n));
    }
}
