//! Cross-article groups, table-driven from tests/fixtures/groups.toml.

use newsmine::entities::groups::{group, Mention};
use newsmine::entities::EntityLabel;

fn label(s: &str) -> EntityLabel {
    *EntityLabel::ALL
        .iter()
        .find(|l| l.as_str() == s)
        .unwrap_or_else(|| panic!("no label {s}"))
}

#[test]
fn group_fixtures() {
    let f: toml::Value = toml::from_str(include_str!("fixtures/groups.toml")).unwrap();
    for case in f["case"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let rows = case["mentions"].as_array().unwrap();
        let mentions: Vec<Mention> = rows
            .iter()
            .map(|r| Mention {
                doc: r[0].as_integer().unwrap() as u64,
                label: label(r[1].as_str().unwrap()),
                canonical: r[2].as_str().unwrap(),
                display: r[3].as_str().unwrap(),
            })
            .collect();
        let (got, groups) = group(&mentions);
        let got: Vec<i64> = got.iter().map(|g| g.map_or(-1, |g| g as i64)).collect();
        let want: Vec<i64> = case["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_integer().unwrap())
            .collect();
        assert_eq!(got, want, "{name}");
        if let Some(names) = case.get("names") {
            let got: Vec<String> = groups
                .iter()
                .map(|g| {
                    format!(
                        "{} {} {} {}",
                        g.display,
                        g.label.as_str(),
                        g.mentions,
                        g.documents
                    )
                })
                .collect();
            let want: Vec<String> = names
                .as_array()
                .unwrap()
                .iter()
                .map(|n| {
                    let n = n.as_array().unwrap();
                    format!(
                        "{} {} {} {}",
                        n[0].as_str().unwrap(),
                        n[1].as_str().unwrap(),
                        n[2],
                        n[3]
                    )
                })
                .collect();
            assert_eq!(got, want, "{name}");
        }
    }
}
