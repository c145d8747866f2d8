//! Word lists that a linguist edits without reading Rust.
//!
//! Each file in `lexicons/` holds one entry a line: the Arabic form (one or
//! more words), a class, and optional `key=value` attributes, separated by a
//! tab or by two or more spaces; `#` starts a comment. Forms are folded with
//! [`crate::normalize::fold`] when loaded, so entries may be written with
//! hamza, ى or ة as they appear in text.
//!
//! A noun entry with `inflect=sound` or `inflect=broken` stands for its
//! regular forms too (see [`inflections`]); a form written out in the file,
//! of any class, wins over a generated one (طالبان, the Taliban, is no dual).
//!
//! Lookup is clitic-aware: a token is tried as written, then without a
//! conjunction (و ف), a preposition (ب ل ك) and the article (ال), in that
//! order, so `وبالقتلى` finds the entry `قتلى`.

use rustc_hash::FxHashMap;

use crate::error::LexiconError;
use crate::normalize::fold;

/// One lexicon entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The folded words of the form.
    pub words: Vec<String>,
    pub class: String,
    attrs: Vec<(String, String)>,
}

impl Entry {
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn has(&self, key: &str) -> bool {
        self.attrs.iter().any(|(k, _)| k == key)
    }
}

/// The clitics stripped from a token to find its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Clitics {
    /// و or ف.
    pub conjunction: bool,
    /// ب, ل or ك.
    pub preposition: Option<char>,
    /// ال (also the ل of لل).
    pub article: bool,
}

/// A match of an entry at a token position.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a> {
    pub entry: &'a Entry,
    /// Number of tokens the entry covers.
    pub len: usize,
    pub clitics: Clitics,
}

/// A set of entries indexed by their first word.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    by_first_word: FxHashMap<String, Vec<Entry>>,
}

impl Lexicon {
    /// Parses lexicon text; `name` is used in error messages.
    pub fn parse(name: &str, text: &str) -> Result<Self, LexiconError> {
        let mut lexicon = Lexicon::default();
        let mut generated: Vec<Entry> = Vec::new();
        for (index, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let fields = split_fields(line);
            if fields.len() < 2 {
                return Err(LexiconError {
                    file: name.to_string(),
                    line: index + 1,
                    message: "expected a form and a class".into(),
                });
            }
            let words: Vec<String> = fold(fields[0]).split(' ').map(str::to_string).collect();
            // `key=value` pairs; a value runs on over words without `=`
            // (canonical=أطباء بلا حدود type=ngo).
            let mut attrs: Vec<(String, String)> = Vec::new();
            for field in &fields[2..] {
                let field_start = attrs.len();
                for word in field.split_whitespace() {
                    match word.split_once('=') {
                        Some((k, v)) => attrs.push((k.to_string(), v.to_string())),
                        None => match attrs[field_start..].last_mut() {
                            Some((_, v)) if !v.is_empty() => {
                                v.push(' ');
                                v.push_str(word);
                            }
                            _ => attrs.push((word.to_string(), String::new())),
                        },
                    }
                }
            }
            let entry = Entry {
                words,
                class: fields[1].to_string(),
                attrs,
            };
            if let Some(paradigm) = entry.attr("inflect") {
                generated.extend(inflections(&entry, paradigm).map_err(|message| {
                    LexiconError {
                        file: name.to_string(),
                        line: index + 1,
                        message,
                    }
                })?);
            }
            lexicon
                .by_first_word
                .entry(entry.words[0].clone())
                .or_default()
                .push(entry);
        }
        for entry in generated {
            let written = lexicon
                .by_first_word
                .get(&entry.words[0])
                .is_some_and(|es| es.iter().any(|e| e.words == entry.words));
            if !written {
                lexicon
                    .by_first_word
                    .entry(entry.words[0].clone())
                    .or_default()
                    .push(entry);
            }
        }
        for entries in lexicon.by_first_word.values_mut() {
            // Longest entries first, so the longest phrase wins.
            entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        Ok(lexicon)
    }

    /// Adds every entry of `other`.
    pub fn extend(&mut self, other: Lexicon) {
        for (k, mut v) in other.by_first_word {
            let slot = self.by_first_word.entry(k).or_default();
            slot.append(&mut v);
            slot.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
    }

    /// The longest entry of `class` (any class when `None`) that starts at
    /// `words[0]`, trying the first word with fewer clitics first.
    pub fn lookup<'a, S: AsRef<str>>(
        &'a self,
        words: &[S],
        class: Option<&str>,
    ) -> Option<Hit<'a>> {
        let first = words.first()?.as_ref();
        for (stem, clitics) in stems(first) {
            if let Some(entries) = self.by_first_word.get(stem) {
                for entry in entries {
                    if class.is_some_and(|c| c != entry.class) {
                        continue;
                    }
                    let n = entry.words.len();
                    if n > words.len() {
                        continue;
                    }
                    if entry.words[1..]
                        .iter()
                        .zip(&words[1..n])
                        .all(|(e, w)| e == w.as_ref())
                    {
                        return Some(Hit {
                            entry,
                            len: n,
                            clitics,
                        });
                    }
                }
            }
        }
        None
    }
}

/// The regular forms of a singular noun of a person. Both paradigms give the
/// accusative (ناشطا; not for a nisba, where سوري + ا is the country) and the dual (ناشطان، ناشطين، and with the number
/// word after it: ناشطين اثنين). `sound` adds the sound masculine plural
/// (ناشطون، ناشطين، and the construct ناشطو، ناشطي); its ين form is then
/// read as the plural, the commoner of the two without vowels. `broken`
/// nouns (جندي، جنود) keep ين for the dual. With `feminine` the feminine forms
/// follow (ناشطة، ناشطتان، ناشطات), counted as women unless the noun's
/// category is children. Only the singular and the dual keep `implicit`.
fn inflections(entry: &Entry, paradigm: &str) -> Result<Vec<Entry>, String> {
    let sound = match paradigm {
        "sound" => true,
        "broken" => false,
        other => return Err(format!("unknown inflect={other} (sound or broken)")),
    };
    let [stem] = entry.words.as_slice() else {
        return Err("inflect= takes a noun of one word".into());
    };
    let implicit = entry.has("implicit");
    let category = entry.attr("category").unwrap_or("people");
    let feminine_category = if category == "children" {
        "children"
    } else {
        "women"
    };
    let form = |words: &[&str], number: &str, category: &str| -> Entry {
        let mut attrs: Vec<(String, String)> = entry
            .attrs
            .iter()
            .filter(|(k, _)| {
                !matches!(
                    k.as_str(),
                    "inflect" | "number" | "implicit" | "category" | "feminine"
                )
            })
            .cloned()
            .collect();
        attrs.push(("category".into(), category.into()));
        attrs.push(("number".into(), number.into()));
        if implicit && number != "plural" {
            attrs.push(("implicit".into(), String::new()));
        }
        Entry {
            words: words.iter().map(|w| w.to_string()).collect(),
            class: entry.class.clone(),
            attrs,
        }
    };
    let s = stem.as_str();
    let two = fold("اثنين");
    let two_nom = fold("اثنان");
    let mut out = vec![
        form(&[&format!("{s}ان")], "dual", category),
        form(&[&format!("{s}ان"), &two_nom], "dual", category),
        form(&[&format!("{s}ين"), &two], "dual", category),
    ];
    // سوري + ا is سوريا, the country: a nisba's accusative is written out
    // where wanted (مدنيا، صحفيا).
    if !s.ends_with('ي') {
        out.push(form(&[&format!("{s}ا")], "sing", category));
    }
    if sound {
        out.push(form(&[&format!("{s}ين")], "plural", category));
        out.push(form(&[&format!("{s}ون")], "plural", category));
        out.push(form(&[&format!("{s}و")], "plural", category));
        out.push(form(&[&format!("{s}ي")], "plural", category));
    } else {
        out.push(form(&[&format!("{s}ين")], "dual", category));
    }
    if entry.has("feminine") {
        let f = feminine_category;
        out.push(form(&[&format!("{s}ه")], "sing", f));
        out.push(form(&[&format!("{s}تان")], "dual", f));
        out.push(form(&[&format!("{s}تين")], "dual", f));
        out.push(form(&[&format!("{s}ات")], "plural", f));
    }
    Ok(out)
}

fn split_fields(line: &str) -> Vec<&str> {
    let mut fields = Vec::new();
    let mut rest = line;
    while !rest.is_empty() {
        let cut = rest
            .char_indices()
            .find(|&(i, c)| c == '\t' || (c == ' ' && rest[i + 1..].starts_with(' ')))
            .map(|(i, _)| i);
        match cut {
            Some(i) => {
                fields.push(rest[..i].trim());
                rest = rest[i..].trim_start();
            }
            None => {
                fields.push(rest.trim());
                break;
            }
        }
    }
    fields
}

/// The token and its clitic-stripped stems, least stripped first. A stem
/// keeps at least two letters.
pub fn stems(word: &str) -> impl Iterator<Item = (&str, Clitics)> {
    let mut out = [("", Clitics::default()); 8];
    let mut n = 0;
    fn push<'w>(out: &mut [(&'w str, Clitics); 8], n: &mut usize, s: &'w str, c: Clitics) {
        if *n < out.len() && s.chars().nth(1).is_some() && !out[..*n].iter().any(|(x, _)| *x == s) {
            out[*n] = (s, c);
            *n += 1;
        }
    }
    let conj = match word.strip_prefix('و').or_else(|| word.strip_prefix('ف')) {
        Some(rest) => [(word, false), (rest, true)],
        None => [(word, false), ("", false)],
    };
    for (w, conjunction) in conj {
        if w.is_empty() {
            continue;
        }
        let mut preps = [(w, None), ("", None), ("", None), ("", None)];
        for (i, p) in ['ب', 'ل', 'ك'].into_iter().enumerate() {
            if let Some(rest) = w.strip_prefix(p) {
                preps[i + 1] = (rest, Some(p));
            }
        }
        for (x, preposition) in preps {
            if x.is_empty() {
                continue;
            }
            let c = Clitics {
                conjunction,
                preposition,
                article: false,
            };
            push(&mut out, &mut n, x, c);
            let without_article = x
                .strip_prefix("ال")
                // لل is ل + ال: after the ل has gone, one ل of the article is left.
                .or_else(|| {
                    if preposition == Some('ل') {
                        x.strip_prefix('ل')
                    } else {
                        None
                    }
                });
            if let Some(rest) = without_article {
                push(&mut out, &mut n, rest, Clitics { article: true, ..c });
            }
        }
    }
    out.into_iter().take(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generates_regular_forms_and_written_forms_win() {
        let lex = Lexicon::parse(
            "t",
            "ناشط\tperson\tcategory=people\tnumber=sing\tinflect=sound\tfeminine\timplicit\n\
             طالب\tperson\tcategory=people\tnumber=sing\tinflect=broken\timplicit\n\
             سوري\tperson\tcategory=people\tnumber=sing\tinflect=sound\timplicit\n\
             طالبان\tname\n",
        )
        .unwrap();
        let number = |w: &[&str]| {
            let words: Vec<String> = w.iter().map(|x| fold(x)).collect();
            lex.lookup(&words, Some("person")).map(|h| {
                (
                    h.entry.attr("number").unwrap().to_string(),
                    h.len,
                    h.entry.has("implicit"),
                )
            })
        };
        assert_eq!(number(&["ناشطان"]), Some(("dual".into(), 1, true)));
        assert_eq!(number(&["ناشطين"]), Some(("plural".into(), 1, false)));
        assert_eq!(number(&["ناشطين", "اثنين"]), Some(("dual".into(), 2, true)));
        assert_eq!(number(&["ناشطون"]), Some(("plural".into(), 1, false)));
        assert_eq!(number(&["ناشطا"]), Some(("sing".into(), 1, true)));
        let woman = lex.lookup(&[fold("ناشطة")], Some("person")).unwrap();
        assert_eq!(woman.entry.attr("category"), Some("women"));
        // A broken plural's noun reads ين as the dual.
        assert_eq!(number(&["طالبين"]), Some(("dual".into(), 1, true)));
        // طالبان is written out as a name: no dual is generated over it.
        assert!(lex.lookup(&[fold("طالبان")], Some("person")).is_none());
        // سوري + ا would be the country.
        assert!(lex.lookup(&[fold("سوريا")], Some("person")).is_none());
        let err = Lexicon::parse("t", "ناشط\tperson\tinflect=weak\n").unwrap_err();
        assert_eq!(err.line, 1);
    }

    #[test]
    fn parses_entries_attributes_and_comments() {
        let lex = Lexicon::parse(
            "t",
            "# comment\nقتلى\tcasualty_noun\tkind=killed number=plural  # القتلى\nما لا يقل عن  qualifier  q=at_least\n",
        )
        .unwrap();
        let hit = lex.lookup(&[fold("والقتلى")], None).unwrap();
        assert_eq!(hit.entry.class, "casualty_noun");
        assert_eq!(hit.entry.attr("kind"), Some("killed"));
        assert!(hit.clitics.conjunction && hit.clitics.article);
        let hit = lex
            .lookup(&["ما", "لا", "يقل", "عن", "30"], Some("qualifier"))
            .unwrap();
        assert_eq!(hit.len, 4);
        assert!(lex.lookup(&["ما", "لا"], None).is_none());
    }

    #[test]
    fn stems_strip_clitics_in_order() {
        let s: Vec<&str> = stems("وبالقتلي").map(|(s, _)| s).collect();
        assert_eq!(s, ["وبالقتلي", "بالقتلي", "القتلي", "قتلي"]);
        let s: Vec<&str> = stems("للقتلي").map(|(s, _)| s).collect();
        assert_eq!(s, ["للقتلي", "لقتلي", "قتلي"]);
    }

    #[test]
    fn malformed_line_is_an_error_with_its_line() {
        let err = Lexicon::parse("x.tsv", "قتلى\tcasualty\nقتلى\n").unwrap_err();
        assert_eq!(err.line, 2);
    }
}
