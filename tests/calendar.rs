//! Table-driven cases of `tests/fixtures/calendar.toml`, in both forms.

use newsmine::entities::calendar::{place, Day};
use newsmine::entities::{self, EntityLabel};
use newsmine::text::strip;
use newsmine::Doc;

mod common;
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    published: Option<String>,
    dates: Vec<[String; 3]>,
}

/// The DATE entities of `text` with their place: text, first day, last day.
fn placed(text: &str, published: Day) -> Vec<[String; 3]> {
    let ents = entities::extract(&Doc::new(text));
    let spans = place(text, &ents, published);
    ents.iter()
        .zip(spans)
        .filter(|(e, _)| e.label == EntityLabel::Date)
        .map(|(e, s)| {
            let (a, b) = s.map_or(("-".into(), "-".into()), |(a, b)| {
                (a.to_string(), b.to_string())
            });
            [text[e.start..e.end].to_string(), a, b]
        })
        .collect()
}

#[test]
fn calendar_fixtures_in_both_forms() {
    let f: Fixture =
        toml::from_str(include_str!("fixtures/calendar.toml")).expect("fixture parses");
    let mut bad = Vec::new();
    for c in &f.case {
        let day = Day::parse(c.published.as_deref().unwrap_or("2020-03-12")).expect("a day");
        let stripped: Vec<[String; 3]> = c
            .dates
            .iter()
            .map(|[t, a, b]| [strip(t), a.clone(), b.clone()])
            .collect();
        for (form, text, want) in [
            ("ordinary", c.text.clone(), &c.dates),
            ("stripped", strip(&c.text), &stripped),
        ] {
            let got = placed(&text, day);
            if &got != want {
                bad.push(format!(
                    "{} ({form}):\n  want {want:?}\n  got  {got:?}",
                    c.name
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The seed article (published 2020-03-12): every DATE entity is placed.
#[test]
#[ignore = "needs ../shared: cargo test -- --ignored"]
fn every_date_of_the_seed_article_is_placed() {
    let Some(dir) = common::shared("samples") else {
        return;
    };
    let text = std::fs::read_to_string(dir.join("seed_article.txt")).expect("the seed article");
    let day = Day::parse("2020-03-12").expect("a day");
    let dates = placed(&text, day);
    assert!(dates.len() >= 15, "{dates:?}");
    let unplaced: Vec<_> = dates.iter().filter(|d| d[1] == "-").collect();
    assert!(unplaced.is_empty(), "{unplaced:?}");
}
