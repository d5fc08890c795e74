//! Table-driven entity tests from tests/fixtures/entities.toml, and a
//! train-on-tiny-data run of the tagger. None of them needs ../shared.

use newsmine::entities::canonical::resolve;
use newsmine::entities::features::Resources;
use newsmine::entities::tagger::{tag_with, train, Example, NerModel, Tagged, TrainConfig};
use newsmine::entities::{extract, EntityLabel};
use newsmine::{Doc, Form};

fn fixtures() -> toml::Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/entities.toml");
    std::fs::read_to_string(path).unwrap().parse().unwrap()
}

fn cases<'a>(f: &'a toml::Value, kind: &str) -> &'a [toml::Value] {
    f[kind].as_array().unwrap()
}

fn pairs(v: &toml::Value) -> Vec<(String, String)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let p = p.as_array().unwrap();
            (p[0].as_str().unwrap().into(), p[1].as_str().unwrap().into())
        })
        .collect()
}

fn label(s: &str) -> EntityLabel {
    match s {
        "PER" => EntityLabel::Per,
        "ORG" => EntityLabel::Org,
        "LOC" => EntityLabel::Loc,
        "MISC" => EntityLabel::Misc,
        "DATE" => EntityLabel::Date,
        _ => panic!("unknown label {s}"),
    }
}

#[test]
fn tagger_fixtures() {
    let f = fixtures();
    let mut failures = Vec::new();
    for case in cases(&f, "tagger") {
        let text = case["text"].as_str().unwrap();
        let doc = Doc::new(text);
        let got: Vec<(String, String)> = extract(&doc)
            .iter()
            .map(|e| {
                (
                    text[e.start..e.end].to_string(),
                    e.label.as_str().to_string(),
                )
            })
            .collect();
        let want = pairs(&case["entities"]);
        if got != want {
            failures.push(format!(
                "{}: got {got:?}, want {want:?}",
                case["name"].as_str().unwrap()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The mentions `extract` finds in `text`, as `(text, label)` pairs.
fn found(text: &str) -> Vec<(String, String)> {
    extract(&Doc::new(text))
        .iter()
        .map(|e| (text[e.start..e.end].to_string(), e.label.as_str().into()))
        .collect()
}

/// `s` as our users' stripped text has it: lowercase, every character
/// outside `[0-9a-z]` a space, single spaces.
fn strip(s: &str) -> String {
    let low: String = s
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    low.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn modern_fixtures_in_both_forms() {
    let f = fixtures();
    let mut failures = Vec::new();
    // Names found with the right label, per form: (right, all).
    let mut names = [(0, 0); 2];
    for case in cases(&f, "modern") {
        let name = case["name"].as_str().unwrap();
        let text = case["text"].as_str().unwrap();
        let want = pairs(&case["entities"]);
        let gaps: Vec<&str> = case
            .get("known_gap")
            .map(|g| {
                g.as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_str().unwrap())
                    .collect()
            })
            .unwrap_or_default();
        let stripped = strip(text);
        let want_stripped: Vec<(String, String)> =
            want.iter().map(|(t, l)| (strip(t), l.clone())).collect();
        assert_eq!(Doc::new(&stripped).form, Form::Stripped, "{name}");
        for (k, (form, text, want)) in [
            ("ordinary", text, &want),
            ("stripped", stripped.as_str(), &want_stripped),
        ]
        .into_iter()
        .enumerate()
        {
            let got = found(text);
            names[k].0 += want.iter().filter(|w| got.contains(w)).count();
            names[k].1 += want.len();
            match (got == *want, gaps.iter().any(|g| g.starts_with(form))) {
                (true, true) => {
                    failures.push(format!("{name} ({form}): passes now, drop its known gap"))
                }
                (false, false) => {
                    failures.push(format!("{name} ({form}): got {got:?}, want {want:?}"))
                }
                (false, true) => eprintln!("known gap {name} ({form}): got {got:?}"),
                (true, false) => {}
            }
        }
    }
    eprintln!(
        "modern names with the right label: {}/{} ordinary, {}/{} stripped",
        names[0].0, names[0].1, names[1].0, names[1].1
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn both_forms_are_detected_in_fixtures() {
    let f = fixtures();
    let forms: Vec<Form> = cases(&f, "tagger")
        .iter()
        .map(|c| Doc::new(c["text"].as_str().unwrap()).form)
        .collect();
    assert!(forms.contains(&Form::Ordinary) && forms.contains(&Form::Stripped));
}

#[test]
fn canonical_fixtures() {
    let f = fixtures();
    for case in cases(&f, "canonical") {
        let name = case["name"].as_str().unwrap();
        let text = case["text"].as_str().unwrap();
        let doc = Doc::new(text);
        let mut at = 0;
        let spans: Vec<_> = pairs(&case["spans"])
            .iter()
            .map(|(s, l)| {
                let i = text[at..].find(s.as_str()).unwrap() + at;
                at = i + s.len();
                Tagged {
                    span: i..i + s.len(),
                    label: label(l),
                }
            })
            .collect();
        let got = resolve(&doc, &spans);
        let strings = |key: &str| -> Option<Vec<String>> {
            let list = case.get(key)?.as_array().unwrap().iter();
            Some(list.map(|v| v.as_str().unwrap().to_string()).collect())
        };
        let canonical: Vec<String> = got.iter().map(|e| e.canonical.clone()).collect();
        assert_eq!(Some(canonical), strings("canonical"), "{name}");
        if let Some(want) = strings("display") {
            let display: Vec<String> = got.iter().map(|e| e.display.clone()).collect();
            assert_eq!(display, want, "{name}");
        }
    }
}

#[test]
fn date_fixtures() {
    let f = fixtures();
    for case in cases(&f, "dates") {
        let name = case["name"].as_str().unwrap();
        let text = case["text"].as_str().unwrap();
        let got: Vec<&str> = Doc::new(text)
            .dates()
            .iter()
            .map(|d| &text[d.clone()])
            .collect();
        let want: Vec<&str> = case["dates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(got, want, "{name}");
    }
}

/// Byte spans of the given mentions, found left to right in `text`.
fn spans_of(text: &str, mentions: &[(&str, EntityLabel)]) -> Vec<Tagged> {
    let mut at = 0;
    mentions
        .iter()
        .map(|(s, l)| {
            let i = text[at..].find(s).unwrap() + at;
            at = i + s.len();
            Tagged {
                span: i..i + s.len(),
                label: *l,
            }
        })
        .collect()
}

#[test]
fn trains_on_tiny_data() {
    use EntityLabel::*;
    let data: Vec<(&str, Vec<(&str, EntityLabel)>)> = vec![
        (
            "Anna Kowalski visited Zorbia on Monday.",
            vec![("Anna Kowalski", Per), ("Zorbia", Loc)],
        ),
        (
            "The Quillon Group hired Anna Kowalski.",
            vec![("Quillon Group", Org), ("Anna Kowalski", Per)],
        ),
        (
            "zorbia said the quillon group would grow",
            vec![("zorbia", Loc), ("quillon group", Org)],
        ),
        (
            "anna kowalski left zorbia",
            vec![("anna kowalski", Per), ("zorbia", Loc)],
        ),
        ("Nothing happened here today.", vec![]),
    ];
    let spans: Vec<_> = data.iter().map(|(t, m)| spans_of(t, m)).collect();
    let examples: Vec<Example> = data
        .iter()
        .zip(&spans)
        .enumerate()
        .map(|(g, ((t, _), s))| Example {
            text: t,
            spans: s,
            group: g,
        })
        .collect();
    let res = Resources::default();
    for two_stage in [false, true] {
        let cfg = TrainConfig {
            epochs: 10,
            min_count: 1,
            two_stage,
            ..TrainConfig::default()
        };
        let mut epochs = 0;
        let model = train(&examples, &res, &cfg, |_, _, _| epochs += 1);
        assert!(epochs >= cfg.epochs);
        let model = NerModel::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(model.stage2().is_some(), two_stage);
        for ((text, _), gold) in data.iter().zip(&spans) {
            let got = tag_with(&Doc::new(text), &model, &res);
            assert_eq!(&got, gold, "two_stage={two_stage}: {text}");
        }
    }
    // An untrained model finds nothing.
    assert!(NerModel::from_bytes(b"junk").is_err());
}

/// The tagger's cached scoring (per-word-type scores, memoized context
/// features, sparse Viterbi) gives the same spans as looking up every feature
/// of every token, in both forms, for texts seen before and new ones.
#[test]
fn cached_tagging_equals_uncached() {
    use newsmine::entities::tagger::{model, tag_uncached, RESOURCES};
    let m = model();
    let f = fixtures();
    let mut texts: Vec<String> = cases(&f, "tagger")
        .iter()
        .map(|c| c["text"].as_str().unwrap().to_string())
        .collect();
    texts.push(
        "The U.S. Army said on Monday that Gen. Kenneth McKenzie met officials of \
         the Senate Armed Services Committee in Washington. McKenzie said the \
         SASC would vote. (Reuters) -- \u{201c}We are ready,\u{201d} he said."
            .into(),
    );
    texts.push(
        "the u s army said on monday that gen kenneth mckenzie met officials of the \
         senate armed services committee in washington mckenzie said the sasc would vote"
            .into(),
    );
    texts.push(String::new());
    texts.push("a".into());
    for round in 0..2 {
        for t in &texts {
            let doc = Doc::new(t);
            assert_eq!(
                tag_with(&doc, m, &RESOURCES),
                tag_uncached(&doc, m, &RESOURCES),
                "round {round}: {t}"
            );
        }
    }
}

/// A model trained on CoNLL text with the compiled-in resources (what
/// `newsmine train ner` does) is what an extractor built with it tags with.
#[test]
fn an_extractor_uses_a_model_trained_on_conll() {
    use newsmine::entities::tagger::RESOURCES;
    use newsmine::entities::training::train_conll;
    let article = "-DOCSTART- O\n\nKorvath B-ORG\nDynamics I-ORG\nhired O\nImre B-PER\n\
                   Valdosa I-PER\nin O\nBrellin B-LOC\n. O\n\nValdosa B-PER\nleft O\n\
                   Brellin B-LOC\n. O\n\n";
    let train = vec![article.repeat(20)];
    let dev = vec![("tiny".to_string(), article.to_string())];
    let cfg = TrainConfig {
        epochs: 3,
        ..TrainConfig::default()
    };
    let mut lines = Vec::new();
    let model = train_conll(&train, &dev, &RESOURCES, &cfg, |s| lines.push(s.line()));
    assert!(lines
        .last()
        .unwrap()
        .starts_with("stage 2 epoch 3 dev tiny: F1 1.0000"));
    let ex = newsmine::Extractor::new(Some(1)).with_model(model);
    let text = "Imre Valdosa joined Korvath Dynamics.";
    let got: Vec<(&str, EntityLabel)> = ex
        .extract(text)
        .entities
        .iter()
        .map(|e| (&text[e.start..e.end], e.label))
        .collect();
    assert_eq!(
        got,
        [
            ("Imre Valdosa", EntityLabel::Per),
            ("Korvath Dynamics", EntityLabel::Org)
        ]
    );
}

/// A document longer than the tagger's block is tagged block by block:
/// every copy of a sentence finds its names, and the spans stay in order.
#[test]
fn a_very_long_document_is_tagged_in_blocks() {
    let sentence = "Angela Merkel visited Paris on Tuesday. ";
    let text = sentence.repeat(6_000); // 48,000 tokens
    let doc = Doc::new(&text);
    let ents = extract(&doc);
    let count = |l: EntityLabel| ents.iter().filter(|e| e.label == l).count();
    assert_eq!(count(EntityLabel::Per), 6_000);
    assert_eq!(count(EntityLabel::Loc), 6_000);
    assert!(ents.windows(2).all(|w| w[0].end <= w[1].start));
}
