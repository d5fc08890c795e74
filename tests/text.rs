//! The text layer against the table in tests/fixtures/sentences.toml, and
//! properties that must hold for any input.

use newsmine::text::{clauses, sentences, tokenize, Doc, Form};
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    sentences: Vec<String>,
}

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[test]
fn sentence_table() {
    let src = include_str!("fixtures/sentences.toml");
    let cases: Cases = toml::from_str(src).expect("sentences.toml parses");
    let mut failures = Vec::new();
    for c in &cases.case {
        let toks = tokenize(&c.text);
        let got: Vec<&str> = sentences(&c.text, &toks)
            .into_iter()
            .map(|r| &c.text[r])
            .collect();
        if got != c.sentences {
            failures.push(format!(
                "{}:\n  want {:?}\n  got  {:?}",
                c.name, c.sentences, got
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn clauses_of_stripped_text() {
    let text = "officials said the strikes worked but critics disagreed because nothing changed";
    let toks = tokenize(text);
    let got: Vec<&str> = clauses(text, &toks).into_iter().map(|r| &text[r]).collect();
    assert_eq!(
        got,
        [
            "officials said the strikes worked",
            "but critics disagreed",
            "because nothing changed"
        ]
    );
}

#[test]
fn forms_of_real_looking_text() {
    let ordinary = "Mayor Elena Vasquez said on Tuesday the plan would cost $2.5 billion.";
    let stripped = "mayor elena vasquez said on tuesday the plan would cost 2 5 billion";
    assert_eq!(Doc::new(ordinary).form, Form::Ordinary);
    assert_eq!(Doc::new(stripped).form, Form::Stripped);
}

/// Extracts `text` (a panic fails the test) and checks that every span is in
/// bounds and on character boundaries.
fn spans_valid(text: &str) -> bool {
    let a = newsmine::Extractor::default().extract(text);
    let ok = |s: usize, e: usize| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    let quote_parts = a.quotes.iter().flat_map(|q| {
        [
            Some(q.start..q.end),
            q.speaker_span.clone(),
            q.cue_span.clone(),
        ]
        .into_iter()
        .flatten()
    });
    a.entities.iter().all(|e| ok(e.start, e.end))
        && a.figures.iter().all(|f| ok(f.start, f.end))
        && quote_parts.into_iter().all(|r| ok(r.start, r.end))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn tokens_and_sentences_are_valid_spans(text in "\\PC*|[\\s\\S]{0,200}") {
        let doc = Doc::new(&text);
        let mut last = 0;
        for t in &doc.tokens {
            prop_assert!(last <= t.start && t.start < t.end && t.end <= text.len());
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            last = t.end;
        }
        for s in &doc.sentences {
            prop_assert!(s.start < s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }

    // Letters, digits and spaces only: such text reads as stripped, so the
    // stripped-text models run on it (any script, any character width).
    #[test]
    fn extraction_of_stripped_like_text(text in "[\\p{L}\\p{N} ]{0,200}") {
        prop_assert!(spans_valid(&text));
    }

    #[test]
    fn extraction_never_panics_and_spans_are_valid(text in "[\\s\\S]{0,300}") {
        prop_assert!(spans_valid(&text));
    }
}
