//! The countries a report is about, weighed by where their places stand:
//! what story clustering compares beside the words.

use rasd_core::report::Report;

use crate::claims::report_places;
use crate::resolve::Resolver;

/// Weight of a place named in the title, in the lead, and further on.
const TITLE: f32 = 3.0;
const LEAD: f32 = 2.0;
const BODY: f32 = 1.0;

/// Agency datelines name the desk's city, not the story's: «دبي، الإمارات
/// العربية المتحدة (CNN)».
const AGENCIES: &[&str] = &["CNN", "AFP", "رويترز", "ا ف ب", "أ ف ب", "د ب ا", "د ب أ"];

/// How far into a report a dateline may end, in characters.
const DATELINE_CHARS: usize = 100;

/// Each country of the report's resolved places with its weight: a mention
/// in the title weighs 3, in the first `lead_words` words of the text 2,
/// later 1; the places of an agency dateline are left out.
pub fn country_weights(
    resolver: &Resolver,
    report: &Report,
    lead_words: usize,
) -> Vec<(String, f32)> {
    let mut weights: Vec<(String, f32)> = Vec::new();
    // (Seas and regions beyond any country have no code.)
    let mut add = |country: &str, w: f32| {
        if country.is_empty() {
            return;
        }
        match weights.iter_mut().find(|(c, _)| c == country) {
            Some(e) => e.1 += w,
            None => weights.push((country.to_string(), w)),
        }
    };
    if let Some(title) = report.title.as_deref().filter(|t| !t.trim().is_empty()) {
        let as_text = Report {
            id: report.id.clone(),
            text: title.to_string(),
            ..Report::default()
        };
        for m in report_places(resolver, &as_text) {
            if let Some(p) = &m.place {
                add(&p.country, TITLE);
            }
        }
    }
    let lead_end = lead_end(&report.text, lead_words);
    let dateline_end = dateline_end(&report.text);
    for m in report_places(resolver, report) {
        let Some(p) = &m.place else { continue };
        if m.evidence.start < dateline_end {
            continue;
        }
        add(
            &p.country,
            if m.evidence.start < lead_end {
                LEAD
            } else {
                BODY
            },
        );
    }
    weights
}

/// The character offset where the text's first `words` words end.
fn lead_end(text: &str, words: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in text.chars().enumerate() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == words {
                    return i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text.chars().count()
}

/// The character offset where an agency dateline near the start ends; 0
/// without one.
fn dateline_end(text: &str) -> usize {
    let head: String = text.chars().take(DATELINE_CHARS).collect();
    AGENCIES
        .iter()
        .filter_map(|a| {
            let marker = format!("({a})");
            let at = head.find(&marker)?;
            // A dateline ends with a dash or a colon («(CNN)-- », «(رويترز) -»);
            // an agency named in a caption or a sentence does not.
            let after = head[at + marker.len()..].trim_start();
            after
                .starts_with(['-', '–', '—', ':'])
                .then(|| head[..at].chars().count() + marker.chars().count())
        })
        .min()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lead_ends_after_its_words() {
        assert_eq!(
            lead_end("قتل ثلاثة أشخاص في حلب", 2),
            "قتل ثلاثة".chars().count()
        );
        assert_eq!(lead_end("قتل ثلاثة", 5), "قتل ثلاثة".chars().count());
    }

    #[test]
    fn an_agency_dateline_is_found_near_the_start_only() {
        let text = "دبي، الإمارات العربية المتحدة (CNN)-- قتل ثلاثة أشخاص في حلب";
        assert_eq!(
            dateline_end(text),
            "دبي، الإمارات العربية المتحدة (CNN)".chars().count()
        );
        assert_eq!(
            dateline_end("عمان (رويترز) - قتل ثلاثة أشخاص في حلب"),
            "عمان (رويترز)".chars().count()
        );
        // An agency credited in a caption or a sentence is no dateline.
        assert_eq!(dateline_end("قتل ثلاثة أشخاص في حلب، بحسب (رويترز)"), 0);
        assert_eq!(
            dateline_end("مهاجرون على شاطئ في اليونان (رويترز) وصلوا أمس"),
            0
        );
        let late = format!("{} (CNN)", "كلمة ".repeat(30));
        assert_eq!(dateline_end(&late), 0);
    }
}
