//! Figure extraction speed on the BBC benchmark corpus
//! (`../shared/data/unlabeled/bbc_news.jsonl`), both forms, one core.
//! Ignored by default (speed is measured, never asserted):
//!
//! `cargo test --release --test figures_bench -- --ignored --nocapture`
//!
//! It reports MB/s of `figures::extract` on prepared `Doc`s (figures alone)
//! and of `Doc::new` + `extract` (with tokenization).
//!
//! With `FIGURES_BENCH_FILE` set to a JSON-lines file of `{"form": ...,
//! "text": ...}` objects, it times those texts instead, grouped by form as
//! given (`benches/figures_peers.py` uses this to time figures alone on the
//! same sentences as its peers).

use std::time::Instant;

use newsmine::figures::extract;
use newsmine::Doc;

#[test]
#[ignore]
fn figures_speed() {
    let given = std::env::var("FIGURES_BENCH_FILE").ok();
    let default = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/unlabeled/bbc_news.jsonl"
    );
    let path = given.as_deref().unwrap_or(default);
    let Ok(raw) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} not present");
        return;
    };
    let rows: Vec<serde_json::Value> = raw
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .collect();
    let text_of = |v: &serde_json::Value| v["text"].as_str().map(str::to_string);
    let sets: Vec<(String, Vec<String>)> = if given.is_some() {
        let mut forms: Vec<String> = Vec::new();
        for v in &rows {
            let f = v["form"].as_str().unwrap_or("ordinary").to_string();
            if !forms.contains(&f) {
                forms.push(f);
            }
        }
        forms
            .into_iter()
            .map(|f| {
                let t = rows
                    .iter()
                    .filter(|v| v["form"].as_str().unwrap_or("ordinary") == f)
                    .filter_map(text_of)
                    .collect();
                (f, t)
            })
            .collect()
    } else {
        let texts: Vec<String> = rows.iter().filter_map(text_of).collect();
        let stripped = texts.iter().map(|t| newsmine::text::strip(t)).collect();
        vec![("ordinary".into(), texts), ("stripped".into(), stripped)]
    };
    for (form, texts) in sets {
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
