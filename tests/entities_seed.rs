//! Entity F1 on the seed article (`../shared/samples`), when the team's data
//! is present (see `common`).

mod common;

use std::collections::HashSet;

use newsmine::entities::{extract, EntityLabel};
use newsmine::Doc;

fn gold_entities(json: &str) -> (Vec<(usize, usize, String)>, Vec<String>) {
    let section = |name: &str| -> &str {
        let Some(at) = json.find(&format!("\"{name}\": [")) else {
            return "";
        };
        let rest = &json[at..];
        &rest[..rest.find(']').unwrap_or(rest.len())]
    };
    let re = regex::Regex::new(
        r#""start":\s*(\d+),\s*"end":\s*(\d+),\s*"text":\s*"[^"]*",\s*"label":\s*"(\w+)""#,
    )
    .unwrap();
    let gold = re
        .captures_iter(section("entities"))
        .map(|c| {
            (
                c[1].parse().unwrap(),
                c[2].parse().unwrap(),
                c[3].to_string(),
            )
        })
        .collect();
    let optional = regex::Regex::new(r#""([^"]+)""#)
        .unwrap()
        .captures_iter(section("optional_entities"))
        .map(|c| c[1].to_string())
        .filter(|s| s != "optional_entities")
        .collect();
    (gold, optional)
}

#[test]
#[ignore = "needs ../shared: cargo test -- --ignored"]
fn seed_article_entities() {
    let Some(dir) = common::shared("samples") else {
        return;
    };
    let text = std::fs::read_to_string(dir.join("seed_article.txt")).unwrap();
    let json = std::fs::read_to_string(dir.join("seed_gold.json")).unwrap();
    let (gold, optional) = gold_entities(&json);
    assert!(!gold.is_empty(), "no gold entities parsed");
    // Gold offsets are Python str indices: map chars to bytes.
    let byte_of: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let gold: HashSet<(usize, usize, String)> = gold
        .into_iter()
        .map(|(s, e, l)| (byte_of[s], byte_of[e], l))
        .collect();
    let doc = Doc::new(&text);
    let pred: HashSet<(usize, usize, String)> = extract(&doc)
        .into_iter()
        .filter(|e| !optional.iter().any(|o| *o == text[e.start..e.end]))
        .map(|e| (e.start, e.end, e.label.as_str().to_string()))
        .collect();
    let mut total = (0, 0, 0);
    for l in ["PER", "ORG", "LOC", "MISC", "DATE"] {
        let g: HashSet<_> = gold.iter().filter(|x| x.2 == l).collect();
        let p: HashSet<_> = pred.iter().filter(|x| x.2 == l).collect();
        let tp = g.intersection(&p).count();
        eprintln!(
            "{l:<5} gold {:>3} pred {:>3} tp {:>3}",
            g.len(),
            p.len(),
            tp
        );
        total = (total.0 + tp, total.1 + p.len(), total.2 + g.len());
        for x in p.difference(&g) {
            eprintln!("  fp {l} {:?}", &text[x.0..x.1]);
        }
        for x in g.difference(&p) {
            eprintln!("  fn {l} {:?}", &text[x.0..x.1]);
        }
    }
    let (p, r) = (
        total.0 as f64 / total.1 as f64,
        total.0 as f64 / total.2 as f64,
    );
    let f1 = 2.0 * p * r / (p + r);
    eprintln!("seed article entities: P {p:.3} R {r:.3} F1 {f1:.3}");
    let _ = EntityLabel::Date;
    assert!(f1 >= 0.6, "seed entity F1 {f1:.3} below 0.6");
}
