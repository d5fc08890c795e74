//! Table-driven quote cases from `tests/fixtures/quotes.toml`.

use newsmine::entities::{Entity, EntityLabel};
use newsmine::quotes;
use newsmine::Doc;
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    quote: Vec<Expected>,
    #[serde(default)]
    entities: Vec<GivenEntity>,
    /// Known to fail today, with the reason.
    known_gap: Option<String>,
}

#[derive(Deserialize)]
struct Expected {
    text: Option<String>,
    speaker: Option<String>,
    mention: Option<String>,
    /// `speaker_label`: "PER", "ORG", ... or "none".
    label: Option<String>,
    cue: Option<String>,
    direct: Option<bool>,
}

#[derive(Deserialize)]
struct GivenEntity {
    text: String,
    label: String,
    canonical: String,
}

fn entities(text: &str, given: &[GivenEntity]) -> Vec<Entity> {
    let mut from = 0;
    given
        .iter()
        .map(|g| {
            let start = from
                + text[from..]
                    .find(&g.text)
                    .unwrap_or_else(|| panic!("entity {:?} not in text", g.text));
            from = start + g.text.len();
            let label = match g.label.as_str() {
                "PER" => EntityLabel::Per,
                "ORG" => EntityLabel::Org,
                "LOC" => EntityLabel::Loc,
                _ => EntityLabel::Misc,
            };
            Entity {
                start,
                end: from,
                label,
                canonical: g.canonical.clone(),
                display: g.canonical.clone(),
            }
        })
        .collect()
}

fn check(case: &Case) -> Result<(), String> {
    let t = case.text.as_str();
    let doc = Doc::new(t);
    let ents = entities(t, &case.entities);
    let got = quotes::extract(&doc, &ents);
    let show = |q: &quotes::Quote| {
        format!(
            "{:?} speaker={:?} label={:?} canonical={:?} mention={:?} cue={:?} direct={}",
            &t[q.start..q.end],
            q.speaker,
            q.speaker_label,
            q.speaker_canonical,
            q.speaker_span.clone().map(|r| &t[r]),
            q.cue_span.clone().map(|r| &t[r]),
            q.direct
        )
    };
    let listing = || got.iter().map(show).collect::<Vec<_>>().join("\n    ");
    if got.len() != case.quote.len() {
        return Err(format!(
            "expected {} quotes, got {}:\n    {}",
            case.quote.len(),
            got.len(),
            listing()
        ));
    }
    for (e, q) in case.quote.iter().zip(&got) {
        let mut bad = Vec::new();
        if let Some(text) = &e.text {
            if t[q.start..q.end] != *text {
                bad.push(format!("text {text:?}"));
            }
        }
        if let Some(s) = &e.speaker {
            if q.speaker.as_deref() != Some(s.as_str()) {
                bad.push(format!("speaker {s:?}"));
            }
        }
        if let Some(m) = &e.mention {
            if q.speaker_span.clone().map(|r| &t[r]) != Some(m.as_str()) {
                bad.push(format!("mention {m:?}"));
            }
        }
        if let Some(l) = &e.label {
            let got = q.speaker_label.map_or("none", |l| l.as_str());
            // The join key is the speaker exactly, and only with a label.
            let canonical = q.speaker_label.and(q.speaker.as_ref());
            if got != l || q.speaker_canonical.as_ref() != canonical {
                bad.push(format!("label {l}"));
            }
        }
        if let Some(c) = &e.cue {
            if q.cue_span.clone().map(|r| &t[r]) != Some(c.as_str()) {
                bad.push(format!("cue {c:?}"));
            }
        }
        if let Some(d) = e.direct {
            if q.direct != d {
                bad.push(format!("direct {d}"));
            }
        }
        if !bad.is_empty() {
            return Err(format!(
                "expected {}; got:\n    {}",
                bad.join(", "),
                listing()
            ));
        }
    }
    Ok(())
}

#[test]
fn quote_fixtures() {
    let src = include_str!("fixtures/quotes.toml");
    let fx: Fixture = toml::from_str(src).expect("fixture parses");
    assert!(fx.case.len() >= 30);
    let mut failures = Vec::new();
    for c in &fx.case {
        match (check(c), &c.known_gap) {
            (Err(e), None) => failures.push(format!("{}: {e}", c.name)),
            (Ok(()), Some(why)) => failures.push(format!(
                "{}: passes now; drop its known_gap ({why})",
                c.name
            )),
            (Err(_), Some(why)) => eprintln!("known gap {}: {why}", c.name),
            (Ok(()), None) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        fx.case.len(),
        failures.join("\n")
    );
}

#[test]
fn spans_are_char_boundaries_for_any_text() {
    for t in [
        "«Ça va»,» dit-il. \"",
        "\"\"\"''''“”‘’«»",
        "“Zürich ist schön,” sagte er. 東京 \"",
        "he said",
        "said",
        "according to",
        "\"a\n\"b\n\"c",
    ] {
        let doc = Doc::new(t);
        for q in quotes::extract(&doc, &[]) {
            assert!(t.is_char_boundary(q.start) && t.is_char_boundary(q.end));
            assert!(q.start <= q.end && q.end <= t.len());
        }
    }
}

/// Every fixture text cut after each of its words, in both forms: the
/// rules read words around cues and adjuncts, and a text that ends right
/// there must not take them past its end (a frame whose adjunct ran to the
/// end of the text once indexed one word too far).
#[test]
fn every_prefix_of_every_case_extracts() {
    let src = include_str!("fixtures/quotes.toml");
    let fx: Fixture = toml::from_str(src).expect("fixture parses");
    let strip = |t: &str| {
        let low: String = t
            .chars()
            .map(|c| {
                let c = c.to_ascii_lowercase();
                if c.is_ascii_lowercase() || c.is_ascii_digit() {
                    c
                } else {
                    ' '
                }
            })
            .collect();
        low.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    for c in &fx.case {
        for text in [c.text.clone(), strip(&c.text)] {
            let ends = text.match_indices(' ').map(|(i, _)| i).chain([text.len()]);
            for end in ends {
                let t = &text[..end];
                let doc = Doc::new(t);
                for q in quotes::extract(&doc, &[]) {
                    assert!(q.start <= q.end && q.end <= t.len(), "{}: {t:?}", c.name);
                }
            }
        }
    }
}
