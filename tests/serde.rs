//! The results round-trip through serde (feature `serde`).
#![cfg(feature = "serde")]

use newsmine::{Article, Extractor};

#[test]
fn an_article_round_trips_through_json() {
    let text = "Jane Doe, the mayor, said on Monday: \u{201c}About 1,510 kg of aid \
                arrived.\u{201d} More than 20% of homes were hit.";
    let article = Extractor::default().extract(text);
    assert!(!article.entities.is_empty() && !article.figures.is_empty());
    assert!(!article.quotes.is_empty());
    let json = serde_json::to_string(&article).unwrap();
    let back: Article = serde_json::from_str(&json).unwrap();
    assert_eq!(back, article);
    // Names as the Python API spells them.
    for name in [
        r#""form":"ordinary""#,
        r#""label":"PER""#,
        r#""kind":"quantity""#,
        r#""qualifier":"about""#,
    ] {
        assert!(json.contains(name), "{name} not in {json}");
    }
}
