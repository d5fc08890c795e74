//! The seed article (`../shared/samples/`): all 21 gold figures, scored.
//! Needs `../shared` (see `common`).
//!
//! A gold figure is matched when a figure has the same span, value(s), kind,
//! unit and qualifier, and a compatible `counted`: both absent, or the gold
//! phrase's words appear in order in ours with at most three extra words
//! (the annotation sometimes drops an adjective, "service members" for
//! "american service members", or abridges, "price of brent crude oil").
//!
//! Run: `cargo test --release --test figures_seed -- --ignored --nocapture`

use newsmine::figures::{extract, Figure};
use newsmine::Doc;

mod common;

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// Gold words in order within ours, at most three extra.
fn counted_ok(gold: Option<&str>, ours: Option<&str>) -> bool {
    match (gold, ours) {
        (None, None) => true,
        (Some(g), Some(o)) => {
            let (g, o) = (words(g), words(o));
            let mut it = o.iter();
            g.iter().all(|w| it.any(|x| x == w)) && o.len() <= g.len() + 3
        }
        _ => false,
    }
}

fn json_str<'a>(obj: &'a str, key: &str) -> Option<&'a str> {
    let k = format!("\"{key}\":");
    let at = obj.find(&k)? + k.len();
    let rest = obj[at..].trim_start();
    if rest.starts_with("null") {
        return None;
    }
    let rest = rest.strip_prefix('"')?;
    Some(&rest[..rest.find('"')?])
}

fn json_num(obj: &str, key: &str) -> Vec<f64> {
    let k = format!("\"{key}\":");
    let Some(at) = obj.find(&k) else {
        return vec![];
    };
    let rest = obj[at + k.len()..].trim_start();
    let end = if rest.starts_with('[') {
        rest.find(']').unwrap() + 1
    } else {
        rest.find([',', '}']).unwrap()
    };
    rest[..end]
        .trim_matches(['[', ']'])
        .split(',')
        .filter_map(|x| x.trim().parse().ok())
        .collect()
}

/// Splits the gold file's "figures" array into object texts (flat objects).
fn gold_figures(json: &str) -> Vec<String> {
    let at = json.find("\"figures\"").expect("figures key");
    let body = &json[at..];
    let end = body.find(']').map(|e| {
        // the array ends at the first "]" not inside a value list
        let mut depth = 0;
        for (i, c) in body.char_indices() {
            match c {
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        return i;
                    }
                }
                _ => {}
            }
        }
        e
    });
    let body = &body[..end.unwrap()];
    body.split('{')
        .skip(1)
        .map(|o| o.split('}').next().unwrap().to_string())
        .collect()
}

fn is_qualifier_words(s: &str) -> bool {
    matches!(
        s.trim(),
        "more than"
            | "about"
            | "over"
            | "nearly"
            | "almost"
            | "at least"
            | "up to"
            | "less than"
            | "fewer than"
            | "around"
    )
}

fn char_to_byte(text: &str, c: usize) -> usize {
    text.char_indices().nth(c).map_or(text.len(), |x| x.0)
}

#[test]
#[ignore = "needs ../shared: cargo test -- --ignored"]
fn seed_article() {
    let Some(dir) = common::shared("samples") else {
        return;
    };
    let text = std::fs::read_to_string(dir.join("seed_article.txt")).unwrap();
    let gold = std::fs::read_to_string(dir.join("seed_gold.json")).unwrap();
    let doc = Doc::new(&text);
    let figs = extract(&doc);
    let show = |f: &Figure| {
        format!(
            "{:?} v={:?}/{:?} {} {:?} {:?} counted={:?}",
            &text[f.start..f.end],
            f.value,
            f.value_to,
            f.kind.as_str(),
            f.unit,
            f.qualifier.map(|q| q.as_str()),
            f.counted.clone().map(|r| &text[r])
        )
    };
    let gold = gold_figures(&gold);
    let mut hit = 0;
    let mut hit_no_counted = 0;
    let mut matched = vec![false; figs.len()];
    for g in &gold {
        let start = char_to_byte(&text, json_num(g, "start")[0] as usize);
        let end = char_to_byte(&text, json_num(g, "end")[0] as usize);
        let vals = json_num(g, "value");
        let kind = json_str(g, "kind").unwrap();
        let unit = json_str(g, "unit");
        let qual = json_str(g, "qualifier");
        let counted = json_str(g, "counted");
        // The rule puts qualifier words inside the span; the gold
        // file once leaves them out ("more than [three times]"): accept our
        // span when it adds exactly the qualifier words on the left.
        let found = figs.iter().position(|f| {
            f.end == end
                && (f.start == start
                    || (qual.is_some()
                        && f.start < start
                        && is_qualifier_words(&text[f.start..start])))
        });
        let ok_base = found.is_some_and(|k| {
            let f = &figs[k];
            let v_ok = (f.value.unwrap() - vals[0]).abs() < 1e-6
                && (vals.len() < 2 || f.value_to.is_some_and(|t| (t - vals[1]).abs() < 1e-6));
            v_ok && f.kind.as_str() == kind
                && f.unit == unit
                && f.qualifier.map(|q| q.as_str()) == qual
        });
        let ok = ok_base
            && found
                .is_some_and(|k| counted_ok(counted, figs[k].counted.clone().map(|r| &text[r])));
        if let Some(k) = found {
            matched[k] = true;
        }
        hit += usize::from(ok);
        hit_no_counted += usize::from(ok_base);
        if !ok {
            println!(
                "MISS gold {:?} {:?} {} {:?} {:?} counted={:?}\n     ours {}",
                &text[start..end],
                vals,
                kind,
                unit,
                qual,
                counted,
                found.map_or("none".to_string(), |k| show(&figs[k]))
            );
        }
    }
    for (k, f) in figs.iter().enumerate() {
        if !matched[k] {
            println!("EXTRA {}", show(f));
        }
    }
    println!(
        "seed figures: {hit}/{} (all fields), {hit_no_counted}/{} (without counted), {} extra",
        gold.len(),
        gold.len(),
        matched.iter().filter(|m| !**m).count()
    );
    assert_eq!(gold.len(), 21);
    assert!(hit >= 19, "seed figures regressed: {hit}/21");
}
