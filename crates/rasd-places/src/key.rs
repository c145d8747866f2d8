//! Name keys: the form under which a place name is indexed and matched.
//!
//! A key is the name folded as the normalizer folds text (diacritics and
//! tatweel gone, alef forms, ى/ي and ة/ه folded), with its words joined
//! without spaces, so that كفرناها and كفر ناها share one key. Words
//! that hold no letter (a stray dash, a digit) are dropped.

use rasd_core::normalize::fold;

/// The key of `name`; empty when the name has no Arabic or Latin letter.
pub fn name_key(name: &str) -> String {
    let folded = fold(name);
    folded
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// An English name folded for comparing spellings of one place: lower
/// case, no diacritics, no apostrophes, ayn marks, spaces or dashes
/// (Dar‘ā, Daraa → "dara", "daraa" differ only where the sources do).
pub fn english_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfd()
        .filter(|c| c.is_alphanumeric() && c.is_ascii())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `s` holds Arabic letters (a name worth indexing for Arabic text).
pub fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c))
}

/// Whether `s` is written in Arabic letters only, not Persian or Urdu ones
/// (پ چ ژ گ ک ی ہ ے), whose spellings would match Arabic words by accident.
pub fn is_arabic_script_only(s: &str) -> bool {
    is_arabic(s)
        && s.chars().all(|c| {
            !c.is_alphabetic() || ('\u{0621}'..='\u{064A}').contains(&c) || c == '\u{0671}'
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_letters_and_ignore_spaces() {
        assert_eq!(name_key("كفر ناها"), name_key("كفرناها"));
        assert_eq!(name_key("الإسفيرة"), "الاسفيره");
        assert_eq!(name_key("حلـب"), "حلب");
        assert_eq!(name_key("مُعَضَّمِيَّة الشام"), "معضميهالشام");
        assert_eq!(name_key("- 12"), "");
    }

    #[test]
    fn english_keys_drop_marks_and_punctuation() {
        assert_eq!(english_key("Dar‘ā"), "dara");
        assert_eq!(english_key("Ţarţūs"), "tartus");
        assert_eq!(english_key("Sana'a"), "sanaa");
        assert_eq!(english_key("Washington, D.C."), "washingtondc");
    }

    #[test]
    fn persian_spellings_are_not_arabic_only() {
        assert!(is_arabic_script_only("باريس"));
        assert!(!is_arabic_script_only("پاریس"));
        assert!(!is_arabic_script_only("Paris"));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn arabic_word() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                (0x0621u32..=0x064Au32).prop_map(|c| char::from_u32(c).unwrap()),
                Just('\u{0640}'),
                Just('\u{064E}'),
                Just('ى'),
                Just('أ'),
            ],
            1..8,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        /// Keys are stable under folding again and blind to spaces between
        /// words: كفر ناها and كفرناها share one key.
        #[test]
        fn keys_are_idempotent_and_space_blind(a in arabic_word(), b in arabic_word()) {
            let k = name_key(&format!("{a} {b}"));
            prop_assert_eq!(name_key(&k), k.clone());
            prop_assert_eq!(name_key(&format!("{a}{b}")), k);
        }

        #[test]
        fn english_keys_are_ascii_lowercase(s in "\\PC{0,30}") {
            let k = english_key(&s);
            prop_assert!(k.chars().all(|c| c.is_ascii_alphanumeric() && !c.is_ascii_uppercase()));
        }
    }
}
