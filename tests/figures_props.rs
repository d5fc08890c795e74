//! Property tests: no text makes the figure grammar panic, and every span it
//! returns is valid. Arbitrary Unicode strings run the ordinary form; strings
//! of letters, digits and spaces read as stripped text and run the
//! stripped-text digit-group rules; number-heavy strings built from news
//! tokens reach the deeper grammar (ranges, bounds, currencies, dates).

use newsmine::figures::extract;
use newsmine::Doc;
use proptest::prelude::*;

/// Spans in bounds and on char boundaries, in text order, counted spans too.
fn check(text: &str) -> Result<(), TestCaseError> {
    let doc = Doc::new(text);
    let figs = extract(&doc);
    let mut prev_end = 0;
    for f in &figs {
        prop_assert!(f.start < f.end, "empty span {f:?} in {text:?}");
        prop_assert!(f.end <= text.len(), "span past the end {f:?} in {text:?}");
        prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        prop_assert!(f.start >= prev_end, "overlapping figures in {text:?}");
        prev_end = f.end;
        // No value only for a number too large for a float.
        let digits = text[f.start..f.end]
            .bytes()
            .filter(u8::is_ascii_digit)
            .count();
        prop_assert!(
            f.value.map_or(digits > 300, f64::is_finite),
            "value {f:?} in {text:?}"
        );
        if let Some(c) = &f.counted {
            prop_assert!(
                c.start < c.end && c.end <= text.len(),
                "counted {f:?} in {text:?}"
            );
            prop_assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
        }
    }
    Ok(())
}

/// Tokens that open or extend figures, in both forms.
fn news_token() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,4}",
        "[0-9]{1,3}(,[0-9]{3}){0,2}(\\.[0-9]{1,2})?",
        "[0-9]{1,3}-[0-9]{1,3}",
        "[0-9]{1,2}(st|nd|rd|th|m|bn|kg|km|C|%|-year-old|-cent)",
        prop::sample::select(vec![
            "one", "two", "twenty", "hundred", "million", "half", "a", "an", "quarter", "third",
            "thirds", "and", "or", "more", "less", "than", "equal", "to", "at", "least", "most",
            "up", "between", "from", "over", "under", "about", "$", "£", "€", "us", "c", "hk", "u",
            ".", ",", "-", "–", "~", ">", "<", "=", "/", ":", "dollars", "cents", "pence", "usd",
            "million", "per", "cent", "percent", "years", "days", "ago", "later", "from", "now",
            "on", "the", "friday", "may", "march", "vote", "points", "times", "finnish", "markka",
            "\u{a0}", "\n",
        ])
        .prop_map(str::to_string),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text(s in "\\PC{0,80}") {
        check(&s)?;
    }

    #[test]
    fn letters_digits_spaces(s in "[a-z0-9 ]{0,120}") {
        check(&s)?;
    }

    #[test]
    fn news_tokens(ts in prop::collection::vec(news_token(), 0..24), sep in prop::sample::select(vec![" ", "", "  "])) {
        check(&ts.join(sep))?;
        // The same tokens as stripped text.
        let stripped: String = ts
            .join(" ")
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_lowercase() || c.is_ascii_digit() { c } else { ' ' })
            .collect();
        check(&stripped.split_whitespace().collect::<Vec<_>>().join(" "))?;
    }
}
