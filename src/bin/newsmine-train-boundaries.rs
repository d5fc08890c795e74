//! The Rust half of training the stripped-text boundary model of
//! `newsmine::quotes::boundary` (`src/quotes/train_boundaries.py` is the
//! other half, and runs this one):
//!
//! ```text
//! newsmine-train-boundaries dump TEXT.jsonl...
//! newsmine-train-boundaries evaluate DEV.jsonl [--model FILE] [--margins -1,-0.5,0]
//! ```
//!
//! `dump` strips each text as stripped archives are made and prints one
//! line per text: its words, each as `word/label` (0 nothing, 1 clause mark,
//! 2 sentence end), labels read from the punctuation that was there.
//! `evaluate` scores a model (the compiled-in one unless `--model`) on every
//! gap of the stripped dev texts: sentence-end and clause-mark P/R/F1 at
//! each end margin.
//!
//! Each input line is a JSON object with a `text` field (BBC News, PolNeAR,
//! UN speeches); an `id` seen before is skipped (PolNeAR repeats articles
//! per annotator).

use std::collections::HashSet;
use std::fs;

use newsmine::learn::hash_str;
use newsmine::quotes::boundary::{self, strip_and_label, Net, CLASSES, END_MARGIN};
use serde_json::Value;

struct Doc {
    words: Vec<String>,
    labels: Vec<usize>,
}

fn load(path: &str) -> Vec<Doc> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let v: Value =
            serde_json::from_str(line).unwrap_or_else(|e| fail(&format!("{path}:{}: {e}", n + 1)));
        if let Some(id) = v.get("id").and_then(Value::as_str) {
            if !seen.insert(id.to_string()) {
                continue;
            }
        }
        let Some(t) = v.get("text").and_then(Value::as_str) else {
            continue;
        };
        let (words, labels) = strip_and_label(t);
        if !words.is_empty() {
            out.push(Doc { words, labels });
        }
    }
    out
}

fn fail(msg: &str) -> ! {
    eprintln!("newsmine-train-boundaries: {msg}");
    std::process::exit(2)
}

fn dump(files: &[String]) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for d in files.iter().flat_map(|p| load(p)) {
        let line: Vec<String> = d
            .words
            .iter()
            .zip(&d.labels)
            .map(|(w, l)| format!("{w}/{l}"))
            .collect();
        writeln!(out, "{}", line.join(" ")).unwrap_or_else(|e| fail(&e.to_string()));
    }
}

fn evaluate(net: &Net, dev: &[Doc], margins: &[f32]) {
    for &margin in margins {
        let mut c = [[0usize; CLASSES]; CLASSES]; // [gold][pred]
        for d in dev {
            let w: Vec<&str> = d.words.iter().map(String::as_str).collect();
            let hashes: Vec<u64> = w.iter().map(|w| hash_str(w)).collect();
            let (labels, _) = net.label(&w, &hashes, &vec![true; w.len()], margin);
            for (&g, p) in d.labels.iter().zip(labels) {
                c[g][p] += 1;
            }
        }
        for (k, name) in [
            (boundary::END, "sentence end"),
            (boundary::CLAUSE, "clause mark"),
        ] {
            let tp = c[k][k] as f64;
            let p = tp / (0..CLASSES).map(|g| c[g][k]).sum::<usize>().max(1) as f64;
            let r = tp / c[k].iter().sum::<usize>().max(1) as f64;
            println!(
                "end margin {margin}: {name} P {p:.3} R {r:.3} F1 {:.3}",
                2.0 * p * r / (p + r).max(1e-9)
            );
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("dump") => dump(&args[1..]),
        Some("evaluate") => {
            let (mut dev, mut model, mut margins) = (None, None, vec![END_MARGIN]);
            let mut it = args[1..].iter();
            while let Some(a) = it.next() {
                match a.as_str() {
                    "--model" => model = it.next().cloned(),
                    "--margins" => {
                        margins = it
                            .next()
                            .map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect())
                            .unwrap_or(margins)
                    }
                    _ => dev = Some(a.clone()),
                }
            }
            let dev = load(&dev.unwrap_or_else(|| fail("evaluate needs DEV.jsonl")));
            match model {
                Some(path) => {
                    let bytes = fs::read(&path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
                    let net = Net::from_bytes(&bytes).unwrap_or_else(|e| fail(&e));
                    evaluate(&net, &dev, &margins)
                }
                None => evaluate(boundary::compiled_in(), &dev, &margins),
            }
        }
        _ => fail("usage: newsmine-train-boundaries dump TEXT.jsonl... | evaluate DEV.jsonl [--model FILE] [--margins M,...]"),
    }
}
