//! Runs `tests/fixtures/figures.toml` in both forms; see the file's header.

use newsmine::figures::extract;
use newsmine::{Doc, Form};

#[derive(serde::Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    name: String,
    text: String,
    figures: Vec<Exp>,
    stripped_figures: Option<Vec<Exp>>,
    stripped: Option<bool>,
    /// Values must equal the expected ones exactly (no tolerance).
    #[serde(default)]
    exact: bool,
}

#[derive(serde::Deserialize, Clone)]
struct Exp {
    text: String,
    /// Missing: the figure has no value (a number too large for a float).
    value: Option<f64>,
    value_to: Option<f64>,
    kind: String,
    unit: Option<String>,
    qualifier: Option<String>,
    counted: Option<String>,
}

fn check(name: &str, text: &str, exp: &[Exp], form: Form, exact: bool) -> Vec<String> {
    let close = |a: f64, b: f64| {
        if exact {
            a == b
        } else {
            (a - b).abs() <= 1e-4 * b.abs().max(1.0)
        }
    };
    let doc = Doc::new(text);
    let mut errs = Vec::new();
    if doc.form != form {
        errs.push(format!("[{name}] form {:?} expected {:?}", doc.form, form));
    }
    let got = extract(&doc);
    let show: Vec<String> = got
        .iter()
        .map(|f| {
            format!(
                "{:?} {:?}/{:?} {} {:?} {:?} counted={:?}",
                &text[f.start..f.end],
                f.value,
                f.value_to,
                f.kind.as_str(),
                f.unit,
                f.qualifier.map(|q| q.as_str()),
                f.counted.clone().map(|r| &text[r])
            )
        })
        .collect();
    if got.len() != exp.len() {
        errs.push(format!(
            "[{name}] {form:?}: {} figures, expected {}: {show:#?}",
            got.len(),
            exp.len()
        ));
        return errs;
    }
    for (k, (f, e)) in got.iter().zip(exp).enumerate() {
        let mut bad = Vec::new();
        if text[f.start..f.end] != e.text {
            bad.push("text");
        }
        match (f.value, e.value) {
            (None, None) => {}
            (Some(a), Some(b)) if close(a, b) => {}
            _ => bad.push("value"),
        }
        match (f.value_to, e.value_to) {
            (None, None) => {}
            (Some(a), Some(b)) if close(a, b) => {}
            _ => bad.push("value_to"),
        }
        if f.kind.as_str() != e.kind {
            bad.push("kind");
        }
        if f.unit != e.unit.as_deref() {
            bad.push("unit");
        }
        if f.qualifier.map(|q| q.as_str()) != e.qualifier.as_deref() {
            bad.push("qualifier");
        }
        if let Some(c) = &e.counted {
            let ours = f.counted.clone().map_or("", |r| &text[r]);
            if ours != c {
                bad.push("counted");
            }
        }
        if !bad.is_empty() {
            errs.push(format!(
                "[{name}] {form:?} figure {k}: {bad:?} wrong: {}",
                show[k]
            ));
        }
    }
    errs
}

#[test]
fn figure_fixtures() {
    let src = include_str!("fixtures/figures.toml");
    let file: File = toml::from_str(src).expect("figures.toml parses");
    let mut errs = Vec::new();
    for case in &file.case {
        errs.extend(check(
            &case.name,
            &case.text,
            &case.figures,
            Form::Ordinary,
            case.exact,
        ));
        if case.stripped == Some(false) {
            continue;
        }
        let s = newsmine::text::strip(&case.text);
        let exp: Vec<Exp> = match &case.stripped_figures {
            Some(v) => v.clone(),
            None => case
                .figures
                .iter()
                .map(|e| Exp {
                    text: newsmine::text::strip(&e.text),
                    counted: e.counted.as_deref().map(newsmine::text::strip),
                    ..e.clone()
                })
                .collect(),
        };
        errs.extend(check(&case.name, &s, &exp, Form::Stripped, case.exact));
    }
    println!("{} cases", file.case.len());
    assert!(
        errs.is_empty(),
        "{} failures:\n{}",
        errs.len(),
        errs.join("\n")
    );
}
