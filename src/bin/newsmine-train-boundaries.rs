//! Trains the stripped-text boundary model of `newsmine::quotes::boundary`
//! (sentence ends and clause marks) from ordinary news text, stripped here.
//!
//! ```text
//! newsmine-train-boundaries TRAIN.jsonl... [--dev DEV.jsonl] [--epochs N]
//!     [--prune X] [--margins 0,1,2] --out src/quotes/data/boundaries.bin
//! ```
//!
//! Each input line is a JSON object with a `text` field (BBC News, PolNeAR);
//! an `id` seen before is skipped (PolNeAR repeats articles per annotator).

use std::collections::HashSet;
use std::fs;
use std::time::Instant;

use newsmine::learn::{Rng, Trainer};
use newsmine::quotes::boundary::{
    features, label_words, strip_and_label, WordHashes, CLASSES, END_MARGIN,
};
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

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut train, mut dev, mut out) = (Vec::new(), None, None);
    let (mut epochs, mut prune) = (5usize, 0.05f32);
    let mut margins = vec![END_MARGIN];
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dev" => dev = args.next(),
            "--out" => out = args.next(),
            "--epochs" => epochs = args.next().and_then(|s| s.parse().ok()).unwrap_or(epochs),
            "--prune" => prune = args.next().and_then(|s| s.parse().ok()).unwrap_or(prune),
            // Comma-separated end margins to report on dev.
            "--margins" => {
                margins = args
                    .next()
                    .map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect())
                    .unwrap_or(margins)
            }
            _ => train.push(a),
        }
    }
    let Some(out) = out else {
        fail("--out is required")
    };
    let mut docs: Vec<Doc> = train.iter().flat_map(|p| load(p)).collect();
    let gaps: usize = docs.iter().map(|d| d.words.len()).sum();
    eprintln!("{} documents, {gaps} gaps", docs.len());
    // Precompute features once: (doc, position) -> feature list.
    let feats: Vec<Vec<Vec<u64>>> = docs
        .iter()
        .map(|d| {
            let w: Vec<&str> = d.words.iter().map(String::as_str).collect();
            let h = WordHashes::new(&w);
            (0..w.len())
                .map(|i| {
                    let mut f = Vec::with_capacity(20);
                    features(&h, i, &mut f);
                    f
                })
                .collect()
        })
        .collect();
    let mut t = Trainer::new(CLASSES);
    let mut rng = Rng::new(7);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    for e in 0..epochs {
        let t0 = Instant::now();
        rng.shuffle(&mut order);
        let mut right = 0usize;
        for &d in &order {
            for (f, &g) in feats[d].iter().zip(&docs[d].labels) {
                right += usize::from(t.train_example(f, g));
            }
        }
        eprintln!(
            "epoch {}: train accuracy {:.4} ({:.1}s)",
            e + 1,
            right as f64 / gaps as f64,
            t0.elapsed().as_secs_f64()
        );
    }
    drop(feats);
    docs.clear();
    let model = t.average(prune);
    let bytes = model.to_bytes();
    eprintln!("{} features, {} bytes", model.features(), bytes.len());
    if let Some(dev) = dev {
        let model = newsmine::learn::Model::from_bytes(&bytes).unwrap_or_else(|e| fail(&e));
        let dev = load(&dev);
        for margin in margins {
            let mut c = [[0usize; CLASSES]; CLASSES]; // [gold][pred]
            for d in &dev {
                let w: Vec<&str> = d.words.iter().map(String::as_str).collect();
                for (g, p) in d.labels.iter().zip(label_words(&model, &w, margin)) {
                    c[*g][p] += 1;
                }
            }
            eprintln!("end margin {margin}:");
            for (k, name) in ["clause mark", "sentence end"].iter().enumerate() {
                let k = k + 1;
                let tp = c[k][k] as f64;
                let p = tp / (0..CLASSES).map(|g| c[g][k]).sum::<usize>().max(1) as f64;
                let r = tp / c[k].iter().sum::<usize>().max(1) as f64;
                eprintln!(
                    "dev {name}: P {p:.3} R {r:.3} F1 {:.3}",
                    2.0 * p * r / (p + r).max(1e-9)
                );
            }
        }
    }
    fs::write(&out, bytes).unwrap_or_else(|e| fail(&format!("{out}: {e}")));
}
