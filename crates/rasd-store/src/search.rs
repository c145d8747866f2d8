//! The words a report is found by: folded (diacritics, alef forms, ى, ة),
//! with the conjunction, the article and a lone preposition stripped, so
//! that حلب finds بحلب and وحلب, and غزة finds غزه.

use rasd_core::normalize::fold;
use rasd_stories::terms::term;

/// Prefixes of one letter read as a preposition or conjunction when a word
/// of at least three letters remains; the word is indexed both ways.
const LONE_CLITICS: &[char] = &['ب', 'ل', 'ك', 'ف'];

/// The search terms of `text`, space-separated, each once: the index keeps
/// no positions or counts (a search asks which reports hold every word),
/// so repeats would only cost time when storing.
pub fn search_terms(text: &str) -> String {
    let folded = fold(text);
    let mut seen: rustc_hash::FxHashSet<&str> = Default::default();
    let mut out = String::with_capacity(folded.len() / 2);
    let mut push = |word| {
        if seen.insert(word) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    };
    for word in folded.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        let Some(t) = term(word) else { continue };
        push(t);
        if let Some(rest) = t.strip_prefix(LONE_CLITICS) {
            if rest.chars().count() >= 3 {
                push(rest);
            }
        }
    }
    out
}

/// The search terms of a report: its title's and its text's.
pub fn report_terms(report: &rasd_core::report::Report) -> String {
    let mut words = search_terms(report.title.as_deref().unwrap_or(""));
    words.push(' ');
    words.push_str(&search_terms(&report.text));
    words
}

/// An FTS5 query that finds reports holding every term of `query`; `None`
/// when the query has no searchable word.
pub fn fts_query(query: &str) -> Option<String> {
    let terms: Vec<String> = fold(query)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter_map(|w| term(w).map(str::to_string))
        // Quoted: a term is a string to match, never FTS5 syntax.
        .map(|t| format!("\"{}\"", t.replace('"', "")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_article_and_letter_forms_do_not_hide_a_word() {
        let terms = search_terms("قصفٌ على بحلب وغزّة والرقة");
        assert!(terms.split(' ').any(|t| t == "حلب"), "{terms}");
        assert!(terms.split(' ').any(|t| t == "غزه"), "{terms}");
        assert!(terms.split(' ').any(|t| t == "رقه"), "{terms}");
        assert_eq!(fts_query("غزّة"), Some("\"غزه\"".to_string()));
        // Operators are quoted into plain terms, never read as FTS5 syntax.
        assert_eq!(fts_query("\" OR *"), Some("\"OR\"".to_string()));
        assert_eq!(fts_query("* ( ) :"), None);
    }
}
