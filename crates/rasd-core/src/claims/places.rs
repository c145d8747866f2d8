//! Place mentions as surface forms, for tying a claim to its place.
//!
//! A place is named after a trigger word (حي الشعار، بلدة باتبو، أحياء
//! الشعار وكرم البيك والأنصاري) or is a well-known place of the built-in
//! list (حلب، إدلب). Resolving names to coordinates is the gazetteer's job.

use super::sentence::View;

/// A place name: local tokens `first..end` of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub first: usize,
    pub end: usize,
    /// Named after a trigger word (more specific than a bare known name).
    pub triggered: bool,
    /// The first word carries the و of a list (والأنصاري): not part of the name.
    pub conj: bool,
    /// A country: the least specific place, a last resort for a claim.
    pub country: bool,
}

fn is_stop(v: &View, i: usize) -> bool {
    if v.is_punct(i) || v.is_number(i) {
        return true;
    }
    let lex = v.lex;
    let w = v.window(i, 2);
    lex.places
        .lookup(w, Some("stop"))
        .is_some_and(|h| h.len == 1 || h.entry.words.len() > 1)
        || lex.places.lookup(w, Some("direction")).is_some()
        || lex
            .places
            .lookup(w, Some("trigger"))
            .is_some_and(|h| !h.clitics.article)
        || lex
            .casualties
            .lookup(v.window(i, 3), None)
            .is_some_and(|h| !h.clitics.article)
        || lex
            .attribution
            .lookup(w, Some("verb"))
            .is_some_and(|h| !h.clitics.article)
        || lex
            .attribution
            .lookup(w, Some("boundary"))
            .is_some_and(|h| h.clitics.preposition.is_none())
}

/// One name from `p`: up to three words, the words after the first
/// carrying ال or not being a stop word.
fn name_at(v: &View, p: usize) -> Option<usize> {
    if p >= v.len() || is_stop(v, p) {
        return None;
    }
    let mut end = p + 1;
    // Words after the first: no conjunction or preposition glued to them (بالريف، بكل).
    while end < v.len()
        && end - p < 3
        && !is_stop(v, end)
        && !v.word(end).starts_with(['و', 'ب', 'ل', 'ف', 'ك'])
    {
        end += 1;
    }
    Some(end)
}

/// Every place mention of the sentence, in order.
pub fn mentions(v: &View) -> Vec<Mention> {
    let lex = &v.lex.places;
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.len() {
        if v.is_punct(i) {
            i += 1;
            continue;
        }
        if let Some(hit) = lex.lookup(v.window(i, 2), Some("trigger")) {
            if !hit.clitics.article {
                let mut p = i + hit.len;
                let mut any = false;
                while let Some(end) = name_at(v, p) {
                    out.push(Mention {
                        first: p,
                        end,
                        triggered: true,
                        conj: any,
                        country: false,
                    });
                    any = true;
                    // A list joined by و: أحياء الشعار وكرم البيك والأنصاري.
                    if end < v.len()
                        && v.word(end).starts_with('و')
                        && v.word(end).chars().count() > 2
                        && !is_stop(v, end)
                    {
                        p = end;
                        continue;
                    }
                    p = end;
                    break;
                }
                i = if any { p } else { i + hit.len };
                continue;
            }
        }
        if let Some(hit) = lex.lookup(v.window(i, 3), Some("place")) {
            // والسورية is an adjective, not سورية: the article must be the entry's own.
            if !hit.clitics.article
                && (hit.clitics.preposition.is_none() || hit.clitics.preposition == Some('ب'))
            {
                out.push(Mention {
                    first: i,
                    end: i + hit.len,
                    triggered: false,
                    conj: false,
                    country: hit.entry.attr("type") == Some("country"),
                });
                i += hit.len;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The places named in a `في كل من` list after a distributive toll
/// (`5 شهداء في كل من حيي X وY`), starting at local token `p`.
pub fn distributive_list(v: &View, p: usize) -> Vec<Mention> {
    if !(v.word_is(p, "في") && v.word_is(p + 1, "كل") && v.word_is(p + 2, "من")) {
        return Vec::new();
    }
    let mut q = p + 3;
    if q < v.len() {
        if let Some(hit) = v.lex.places.lookup(v.window(q, 1), Some("trigger")) {
            q += hit.len;
        }
    }
    let mut out = Vec::new();
    while let Some(end) = name_at(v, q) {
        let conj = !out.is_empty();
        out.push(Mention {
            first: q,
            end,
            triggered: true,
            conj,
            country: false,
        });
        if end < v.len() && v.word(end).starts_with('و') && !is_stop(v, end) {
            q = end;
        } else {
            break;
        }
    }
    if out.len() < 2 {
        out.clear();
    }
    out
}
