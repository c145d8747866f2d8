//! Any text through the dates and events stages: date mentions slice the
//! text exactly, in order; every claim-shaped span gets a description whose
//! evidence lies inside the text; never a panic.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rasd_events::EventTagger;

fn tagger() -> &'static EventTagger {
    static T: OnceLock<EventTagger> = OnceLock::new();
    T.get_or_init(EventTagger::new)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let chars: Vec<char> = text.chars().collect();
    let published = rasd_dates::parse_published("2016-11-17");
    let mentions = rasd_dates::date_mentions(text, published);
    let mut last = 0;
    for m in &mentions {
        assert!(last <= m.start && m.start <= m.end && m.end <= chars.len());
        let slice: String = chars[m.start..m.end].iter().collect();
        assert_eq!(slice, m.text);
        last = m.start;
    }
    let events = tagger().analyze(None, text);
    let n = chars.len();
    for (s, e) in [(0, n), (n / 3, n / 2), (n, 0), (n + 5, n + 9)] {
        let _ = rasd_dates::event_date(&mentions, s.min(e), s.max(e), 0, published);
        let d = events.describe(s, e, s, e, 0);
        for span in [d.class.map(|c| c.trigger), d.actor1.map(|a| a.evidence), d.actor2.map(|a| a.evidence)]
            .into_iter()
            .flatten()
        {
            if !span.in_title {
                assert!(span.start <= span.end && span.end <= n);
            }
        }
    }
});
