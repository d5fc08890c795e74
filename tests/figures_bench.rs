//! Figure extraction speed on the BBC benchmark corpus
//! (`../shared/data/unlabeled/bbc_news.jsonl`), both forms, one core.
//! Ignored by default (speed is measured, never asserted):
//!
//! `cargo test --release --test figures_bench -- --ignored --nocapture`
//!
//! It reports MB/s of `figures::extract` on prepared `Doc`s (figures alone)
//! and of `Doc::new` + `extract` (with tokenization).

use std::time::Instant;

use _newsmine::figures::extract;
use _newsmine::Doc;

fn strip(s: &str) -> String {
    let mapped: String = s
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                c
            } else {
                ' '
            }
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
#[ignore]
fn figures_speed() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/unlabeled/bbc_news.jsonl"
    );
    let Ok(raw) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} not present");
        return;
    };
    let texts: Vec<String> = raw
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    for (form, texts) in [
        ("ordinary", texts.clone()),
        ("stripped", texts.iter().map(|t| strip(t)).collect()),
    ] {
        let bytes: usize = texts.iter().map(String::len).sum();
        let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(t)).collect();
        let mut best = f64::MAX;
        let mut n = 0;
        for _ in 0..5 {
            let t0 = Instant::now();
            n = docs.iter().map(|d| extract(d).len()).sum::<usize>();
            best = best.min(t0.elapsed().as_secs_f64());
        }
        let t0 = Instant::now();
        let m: usize = texts.iter().map(|t| extract(&Doc::new(t)).len()).sum();
        let with_doc = t0.elapsed().as_secs_f64();
        println!(
            "{form}: {:.1} MB, {n} figures; figures alone {:.0} MB/s; with Doc::new {:.0} MB/s ({m})",
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / best,
            bytes as f64 / 1e6 / with_doc
        );
    }
}
