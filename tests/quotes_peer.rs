//! The peer quote cases in `../shared/data/quotes/peer_cases/` (textacy and
//! sayswho test suites). The data is never copied into the repository: the
//! tests need `../shared` (see `common`).
//!
//! How the peers' expectations are read:
//! - textacy's `test_direct_quotations` cases (`expected` lists): the direct
//!   quotes found must be exactly the expected ones, each with the expected
//!   content, speaker tokens (the mention, or for a quote continuing the
//!   previous speaker's, the resolved name) and cue (when it has one). Its
//!   negative cases (a title, a scare quote) must give no direct quote;
//!   reported speech around them ("Burton claims that ...") is not a direct
//!   quote and is not counted.
//! - sayswho's `test_adjustment_for_quote_detection` cases
//!   (`expected_speaker_tokens`): the speaker tokens of the quotes holding
//!   quotation marks, in order, must equal the expected list.
//! - `sayswho_qa_test_file.txt`: four direct quotes, speakers (mentions,
//!   or the resolved name of a floating quote) he, he, she, Rogers.

use std::path::PathBuf;

use newsmine::quotes::{self, Quote};
use newsmine::Doc;
use serde_json::Value;

mod common;

fn peer_dir() -> Option<PathBuf> {
    common::shared("data/quotes/peer_cases")
}

/// The speaker of quote `i` as tokens: its mention (less a leading article,
/// which the peers leave out: "the clown" -> "clown"); a floating quote (no
/// mention of its own) repeats the mention of the quote it continues, as the
/// peers do.
fn speaker_tokens(text: &str, quotes: &[Quote], i: usize) -> Vec<String> {
    let s = match quotes[..=i]
        .iter()
        .rev()
        .find_map(|q| q.speaker_span.clone())
    {
        Some(r) => text[r].to_string(),
        None => quotes[i].speaker.clone().unwrap_or_default(),
    };
    let mut t: Vec<String> = s.split_whitespace().map(str::to_string).collect();
    if t.len() > 1 && matches!(t[0].to_lowercase().as_str(), "the" | "a" | "an") {
        t.remove(0);
    }
    t
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_str().map(str::to_string))
        .collect()
}

fn has_mark(s: &str) -> bool {
    s.contains(['"', '“', '”', '«', '»'])
}

#[test]
#[ignore = "needs ../shared: cargo test -- --ignored"]
fn peer_cases() {
    let Some(dir) = peer_dir() else { return };
    let src = std::fs::read_to_string(dir.join("textacy_sayswho_cases.jsonl")).unwrap();
    let mut failures = Vec::new();
    let mut n = 0;
    for line in src.lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let text = case["text"].as_str().unwrap();
        let doc = Doc::new(text);
        let got = quotes::extract(&doc, &[]);
        n += 1;
        let describe = || {
            got.iter()
                .enumerate()
                .map(|(i, q)| {
                    format!(
                        "{:?} spk={:?} cue={:?} direct={}",
                        &text[q.start..q.end],
                        speaker_tokens(text, &got, i),
                        q.cue_span.clone().map(|r| &text[r]),
                        q.direct
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        if let Some(expected) = case.get("expected").and_then(Value::as_array) {
            let direct: Vec<(usize, &Quote)> =
                got.iter().enumerate().filter(|(_, q)| q.direct).collect();
            let ok = direct.len() == expected.len()
                && expected.iter().zip(&direct).all(|(e, &(i, q))| {
                    let cue_ok = match &q.cue_span {
                        Some(r) => strs(&e["cue"]) == [text[r.clone()].to_string()],
                        None => true,
                    };
                    text[q.start..q.end] == *e["content"].as_str().unwrap()
                        && speaker_tokens(text, &got, i) == strs(&e["speaker"])
                        && cue_ok
                });
            if !ok {
                failures.push(format!("{text:?}: got {}", describe()));
            }
        } else {
            let want = strs(&case["expected_speaker_tokens"]);
            let have: Vec<String> = (0..got.len())
                .filter(|&i| has_mark(&text[got[i].start..got[i].end]))
                .flat_map(|i| speaker_tokens(text, &got, i))
                .collect();
            if have != want {
                failures.push(format!("{text:?}: want {want:?}, got {}", describe()));
            }
        }
    }
    assert_eq!(n, 19);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
#[ignore = "needs ../shared: cargo test -- --ignored"]
fn sayswho_passage() {
    let Some(dir) = peer_dir() else { return };
    let text = std::fs::read_to_string(dir.join("sayswho_qa_test_file.txt")).unwrap();
    let doc = Doc::new(&text);
    let got = quotes::extract(&doc, &[]);
    let direct: Vec<(String, String)> = (0..got.len())
        .filter(|&i| got[i].direct)
        .map(|i| {
            (
                text[got[i].start..got[i].end].chars().take(20).collect(),
                speaker_tokens(&text, &got, i).join(" "),
            )
        })
        .collect();
    let speakers: Vec<&str> = direct.iter().map(|d| d.1.as_str()).collect();
    assert_eq!(speakers, ["he", "he", "she", "Rogers"], "{direct:?}");
}
