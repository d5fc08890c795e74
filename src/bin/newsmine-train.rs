//! Training and evaluation programs for newsmine's models.
//!
//! ```text
//! newsmine-train ner --train FILE[,FILE...] --dev FILE[,FILE...] [--gazetteers DIR[,DIR]]
//!                    [--unlabeled FILE.jsonl[,FILE.jsonl...] [--vectors DIR] [--casing FILE.json]]
//!                    [--epochs N] [--seed N] --out src/entities/data/model.bin
//! newsmine-train evaluate-ner FILE [--model model.bin] [--errors 1] [--strip 1]
//! newsmine-train tag-ner TEXT... [--model model.bin]
//! newsmine-train bench-ner FILE [--form ordinary|stripped] [--repeat N]
//! ```
//! `ner` writes the model to `--out`; with `--gazetteers` it first compiles the
//! lexicon into `gazetteers.txt` and with `--unlabeled` computes the word
//! classes into `clusters.txt` (news classes from the unlabeled texts, vector
//! classes from `--vectors`' `word2row.tsv` and `vectors.f32`, casing classes
//! from `--casing`, a JSON object of word forms and log probabilities), both
//! beside `--out` (otherwise it reads the ones already there). Rebuild the
//! crate afterwards to compile them in.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use newsmine::entities::clusters::{self, Clusters};
use newsmine::entities::conll::parse_conll;
use newsmine::entities::eval::evaluate_with;
use newsmine::entities::features::Resources;
use newsmine::entities::gazetteer::{self, GazClass, Lexicon};
use newsmine::entities::tagger::NerModel;
use newsmine::entities::tagger::{self, Tagged, TrainConfig};
use newsmine::entities::training::train_conll;
use newsmine::entities::EntityLabel;
use newsmine::Doc;

fn usage() -> ExitCode {
    eprintln!(
        "usage:\n  newsmine-train ner --train F[,F..] --dev F[,F..] [--gazetteers DIR[,DIR]] [--unlabeled F.jsonl[,F..] [--vectors DIR] [--casing F.json]] [--epochs N] [--seed N] --out MODEL\n  newsmine-train evaluate-ner FILE [--model MODEL] [--errors 1] [--strip 1]\n  newsmine-train tag-ner TEXT... [--model MODEL] [--lexicon 1]\n  newsmine-train bench-ner FILE [--form ordinary|stripped] [--repeat N]"
    );
    ExitCode::from(2)
}

struct Args {
    positional: Vec<String>,
    named: HashMap<String, String>,
}

fn parse_args(args: &[String]) -> Option<Args> {
    let mut positional = Vec::new();
    let mut named = HashMap::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if let Some(k) = a.strip_prefix("--") {
            named.insert(k.to_string(), it.next()?.clone());
        } else {
            positional.push(a.clone());
        }
    }
    Some(Args { positional, named })
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = argv.split_first() else {
        return usage();
    };
    let Some(args) = parse_args(rest) else {
        return usage();
    };
    let result = match cmd.as_str() {
        "ner" => train_ner(&args),
        "evaluate-ner" => evaluate_ner(&args),
        "bench-ner" => bench_ner(&args),
        "tag-ner" => tag_ner(&args),
        _ => return usage(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Articles' texts from a JSONL file with a `"text"` string field.
fn jsonl_texts(content: &str) -> Vec<String> {
    content
        .lines()
        .filter_map(|l| json_field(l, "text"))
        .collect()
}

/// The string field `name` of a one-line JSON object (enough for our files).
fn json_field(line: &str, name: &str) -> Option<String> {
    let key = format!("\"{name}\":");
    let at = line.find(&key)? + key.len();
    let at = at + line[at..].find('"')? + 1;
    let mut out = String::new();
    let mut chars = line[at..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let v = u32::from_str_radix(&hex, 16).ok()?;
                    out.push(char::from_u32(v).unwrap_or(' '));
                }
                o => out.push(o),
            },
            c => out.push(c),
        }
    }
    None
}

fn train_ner(args: &Args) -> Result<(), String> {
    let get = |k: &str| args.named.get(k).cloned();
    let out = PathBuf::from(get("out").ok_or("--out is required")?);
    let data_dir = out.parent().unwrap_or(Path::new(".")).to_path_buf();
    let t0 = Instant::now();
    let unlabeled: Option<Vec<String>> = match get("unlabeled") {
        Some(list) => {
            let mut texts = Vec::new();
            for p in list.split(',') {
                texts.extend(jsonl_texts(&read(p)?));
            }
            Some(texts)
        }
        None => None,
    };
    let train_files: Vec<String> = get("train")
        .ok_or("--train is required")?
        .split(',')
        .map(String::from)
        .collect();
    let train_contents: Vec<String> = train_files
        .iter()
        .map(|p| read(p))
        .collect::<Result<_, _>>()?;

    // Lexicon.
    let lex_path = data_dir.join("gazetteers.txt");
    if let Some(dir) = get("gazetteers") {
        // A single word is "common" when ordinary news text writes it
        // lowercase mid-sentence more often than capitalized.
        let common = common_words(unlabeled.as_deref().unwrap_or(&[]), &train_contents);
        let dirs: Vec<PathBuf> = dir.split(',').map(PathBuf::from).collect();
        let text = gazetteer::compile(&dirs, &|w| common.contains(w)).map_err(|e| e.to_string())?;
        std::fs::write(&lex_path, &text).map_err(|e| e.to_string())?;
        eprintln!(
            "lexicon: {} entries, {} bytes -> {}",
            text.lines().count(),
            text.len(),
            lex_path.display()
        );
    }
    // Word classes.
    let cl_path = data_dir.join("clusters.txt");
    if let Some(texts) = &unlabeled {
        let text = word_classes(args, texts, &train_contents)?;
        std::fs::write(&cl_path, &text).map_err(|e| e.to_string())?;
        eprintln!(
            "word classes: {} words -> {}",
            text.lines().count(),
            cl_path.display()
        );
    }
    let res = Resources::new(
        Lexicon::parse(&std::fs::read_to_string(&lex_path).unwrap_or_default()),
        Clusters::parse(&std::fs::read_to_string(&cl_path).unwrap_or_default())?,
    );
    eprintln!(
        "resources ready in {:.1}s ({} lexicon keys, {} cluster words)",
        t0.elapsed().as_secs_f64(),
        res.lexicon().len(),
        res.clusters().len()
    );

    let dev: Vec<(String, String)> = match get("dev") {
        Some(list) => list
            .split(',')
            .map(|p| Ok((p.to_string(), read(p)?)))
            .collect::<Result<_, String>>()?,
        None => Vec::new(),
    };
    let mut cfg = TrainConfig::default();
    if let Some(e) = get("epochs") {
        cfg.epochs = e.parse().map_err(|_| "bad --epochs")?;
    }
    if let Some(s) = get("seed") {
        cfg.seed = s.parse().map_err(|_| "bad --seed")?;
    }
    if let Some(s) = get("min-count") {
        cfg.min_count = s.parse().map_err(|_| "bad --min-count")?;
    }
    if let Some(s) = get("prune") {
        cfg.prune = s.parse().map_err(|_| "bad --prune")?;
    }
    eprintln!("training on {} files, {:?}", train_contents.len(), cfg);
    if args.named.get("stages").map(String::as_str) == Some("1") {
        cfg.two_stage = false;
    }
    let model = train_conll(&train_contents, &dev, &res, &cfg, |score| {
        println!("{}", score.line())
    });
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    println!(
        "model: {} features, {} bytes -> {} ({:.0}s)",
        model.features(),
        bytes.len(),
        out.display(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The word classes file: news classes from the unlabeled `texts` and the
/// training articles, vector classes from `--vectors`, casing classes from
/// `--casing` (see `clusters`).
fn word_classes(args: &Args, texts: &[String], train: &[String]) -> Result<String, String> {
    use clusters::Column;
    let seed = args
        .named
        .get("seed")
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let mut corpus: Vec<String> = texts.to_vec();
    for c in train {
        corpus.extend(parse_conll(c).into_iter().map(|d| d.text));
    }
    let mut columns: [HashMap<String, u16>; clusters::COLUMNS] = Default::default();
    let [fine, coarse] = clusters::compute(&corpus, seed);
    columns[Column::NewsFine as usize] = fine;
    columns[Column::NewsCoarse as usize] = coarse;
    if let Some(dir) = args.named.get("vectors") {
        let dir = Path::new(dir);
        let word2row = read(&dir.join("word2row.tsv").to_string_lossy())?;
        let raw = std::fs::read(dir.join("vectors.f32")).map_err(|e| e.to_string())?;
        let vectors: Vec<f32> = raw
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let [row, fine, mid, coarse] = clusters::vector_classes(&word2row, &vectors, 300, seed);
        columns[Column::VecRow as usize] = row;
        columns[Column::VecFine as usize] = fine;
        columns[Column::VecMid as usize] = mid;
        columns[Column::VecCoarse as usize] = coarse;
    }
    if let Some(path) = args.named.get("casing") {
        let probs: HashMap<String, f64> =
            serde_json::from_str(&read(path)?).map_err(|e| format!("{path}: {e}"))?;
        columns[Column::Casing as usize] =
            clusters::casing_classes(probs.iter().map(|(w, &p)| (w.as_str(), p)), -20.0);
    }
    Ok(clusters::format(&columns))
}

/// Words ordinary text writes lowercase mid-sentence more often than capitalized.
fn common_words(texts: &[String], conll: &[String]) -> std::collections::HashSet<String> {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    let mut see = |text: &str| {
        let doc = Doc::new(text);
        for (i, t) in doc.tokens.iter().enumerate() {
            if i == 0 {
                continue;
            }
            let prev = doc.token_text(i - 1);
            if matches!(prev, "." | "\"" | "?" | "!" | ":" | "\u{201c}") {
                continue;
            }
            let s = t.text(text);
            let Some(c) = s.chars().next() else { continue };
            let e = counts.entry(s.to_lowercase()).or_default();
            if c.is_lowercase() {
                e.0 += 1;
            } else if c.is_uppercase() {
                e.1 += 1;
            }
        }
    };
    for t in texts {
        see(t);
    }
    for c in conll {
        for d in parse_conll(c) {
            see(&d.text);
        }
    }
    counts
        .into_iter()
        .filter(|(_, (l, u))| *l > *u && *l >= 2)
        .map(|(w, _)| w)
        .collect()
}

/// The model `--model` names with the lexicon and clusters beside it (the
/// compiled-in ones where that folder has none), or `None` for the
/// compiled-in model.
fn model_arg(args: &Args) -> Result<Option<(NerModel, Resources)>, String> {
    let Some(m) = args.named.get("model") else {
        return Ok(None);
    };
    let bytes = std::fs::read(m).map_err(|e| format!("{m}: {e}"))?;
    let model = NerModel::from_bytes(&bytes)?;
    let dir = Path::new(m).parent().unwrap_or(Path::new("."));
    let (lex, cl) = (dir.join("gazetteers.txt"), dir.join("clusters.txt"));
    let res = if lex.exists() && cl.exists() {
        Resources::new(
            Lexicon::parse(&std::fs::read_to_string(&lex).map_err(|e| e.to_string())?),
            Clusters::parse(&std::fs::read_to_string(&cl).map_err(|e| e.to_string())?)?,
        )
    } else {
        tagger::RESOURCES.clone()
    };
    Ok(Some((model, res)))
}

fn evaluate_ner(args: &Args) -> Result<(), String> {
    let path = args.positional.first().ok_or("evaluate-ner needs a FILE")?;
    let mut content = read(path)?;
    if args.named.get("strip").is_some_and(|v| v == "1") {
        content = newsmine::entities::conll::strip_conll(&content);
    }
    let custom = model_arg(args)?;
    let errors = args.named.get("errors").is_some_and(|v| v == "1");
    // The gold articles again, only to list the errors.
    let mut gold = if errors {
        parse_conll(&content)
    } else {
        Vec::new()
    }
    .into_iter();
    let report = evaluate_with(&content, |doc| {
        let spans = match &custom {
            Some((model, res)) => tagger::tag_with(doc, model, res),
            None => newsmine::entities::extract(doc)
                .into_iter()
                .map(|e| Tagged {
                    span: e.span(),
                    label: e.label,
                })
                .collect(),
        };
        if let (true, Some(g)) = (errors, gold.next()) {
            print_errors(doc.text, &g.spans, &spans);
        }
        spans
    });
    print!("{report}");
    Ok(())
}

/// Prints the spans only one side has (`-` gold, `+` predicted).
fn print_errors(text: &str, gold: &[Tagged], pred: &[Tagged]) {
    let pred: Vec<_> = pred
        .iter()
        .filter(|s| s.label != EntityLabel::Date)
        .cloned()
        .collect();
    for (side, these, others) in [("-", gold, &pred[..]), ("+", &pred[..], gold)] {
        for s in these.iter().filter(|s| !others.contains(s)) {
            let (mut lo, mut hi) = (
                s.span.start.saturating_sub(40),
                (s.span.end + 40).min(text.len()),
            );
            while !text.is_char_boundary(lo) {
                lo -= 1;
            }
            while !text.is_char_boundary(hi) {
                hi += 1;
            }
            let ctx = text[lo..hi].replace('\n', " ");
            println!(
                "{side} {}\t{}\t{ctx}",
                s.label.as_str(),
                &text[s.span.clone()]
            );
        }
    }
}

/// Prints the names the tagger finds in each TEXT, one per line.
fn tag_ner(args: &Args) -> Result<(), String> {
    let custom = model_arg(args)?;
    for text in &args.positional {
        let doc = Doc::new(text);
        let spans = match &custom {
            Some((model, res)) => tagger::tag_with(&doc, model, res),
            None => tagger::tag_doc(&doc),
        };
        let found: Vec<String> = spans
            .iter()
            .map(|t| format!("{}/{}", &text[t.span.clone()], t.label.as_str()))
            .collect();
        println!("{text}\n  -> {}", found.join(", "));
        if args.named.contains_key("lexicon") {
            let res = custom.as_ref().map_or(&*tagger::RESOURCES, |(_, r)| r);
            print_lexicon_matches(&doc, res);
        }
    }
    Ok(())
}

/// Each token's lexicon matches: the list and the token's BILOU place in
/// the longest entry of that list covering it.
fn print_lexicon_matches(doc: &Doc, res: &Resources) {
    for (i, places) in res.lexicon().matches(doc).iter().enumerate() {
        let found: Vec<String> = GazClass::ALL
            .iter()
            .zip(places)
            .filter(|(_, &p)| p != 0)
            .map(|(c, &p)| format!("{c:?}:{}", ["B", "I", "L", "U"][p as usize - 1]))
            .collect();
        if !found.is_empty() {
            println!("  {}: {}", doc.token_text(i), found.join(" "));
        }
    }
}

/// CPU seconds used by this thread so far (Linux; `None` elsewhere), so a
/// benchmark on a shared machine measures work, not waiting for a core.
fn thread_cpu_s() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0) // USER_HZ is 100 on Linux
}

/// Best of `repeat` runs of `f`: (wall seconds, CPU seconds if known).
fn best_of(repeat: usize, mut f: impl FnMut()) -> (f64, Option<f64>) {
    let mut best = (f64::INFINITY, None::<f64>);
    for _ in 0..repeat.max(1) {
        let (t0, c0) = (Instant::now(), thread_cpu_s());
        f();
        let wall = t0.elapsed().as_secs_f64();
        let cpu = c0.and_then(|c0| thread_cpu_s().map(|c1| c1 - c0));
        best.0 = best.0.min(wall);
        if let Some(c) = cpu {
            best.1 = Some(best.1.map_or(c, |b: f64| b.min(c)));
        }
    }
    best
}

/// The stripped form of `text` as the team's benchmark makes it: lowercase,
/// every run of characters outside `[0-9a-z]` one space.
fn strip_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

fn bench_ner(args: &Args) -> Result<(), String> {
    let path = args.positional.first().ok_or("bench-ner needs a FILE")?;
    let repeat: usize = args
        .named
        .get("repeat")
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let content = read(path)?;
    // CoNLL files as they are; a JSONL of articles (title and text, like the
    // team's benchmark corpus) in the form `--form` asks for.
    let mut texts: Vec<String> = if path.ends_with(".jsonl") {
        content
            .lines()
            .filter_map(|l| {
                let text = json_field(l, "text")?;
                Some(match json_field(l, "title") {
                    Some(t) => format!("{t}\n\n{text}"),
                    None => text,
                })
            })
            .collect()
    } else {
        parse_conll(&content).into_iter().map(|d| d.text).collect()
    };
    match args.named.get("form").map(String::as_str) {
        Some("stripped") => texts = texts.iter().map(|t| strip_text(t)).collect(),
        Some("ordinary") | None => {}
        Some(o) => return Err(format!("--form: ordinary or stripped, not {o}")),
    }
    let t0 = Instant::now();
    let model = tagger::model();
    let _ = &*tagger::RESOURCES;
    println!("model + lexicons load: {:.3}s", t0.elapsed().as_secs_f64());
    let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(t)).collect();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let bytes: usize = texts.iter().map(String::len).sum();
    let stripped = docs
        .iter()
        .filter(|d| d.form == newsmine::Form::Stripped)
        .count();
    println!(
        "{} articles ({stripped} stripped), {tokens} tokens, {:.2} MB; one thread, best of {repeat}:",
        docs.len(),
        bytes as f64 / 1e6
    );
    let report = |what: &str, (wall, cpu): (f64, Option<f64>)| {
        let cpu_part = cpu.map_or(String::new(), |c| {
            format!(
                " | per CPU second: {:.0} tokens/s, {:.2} MB/s",
                tokens as f64 / c,
                bytes as f64 / 1e6 / c
            )
        });
        println!(
            "  {what:<44} {:>8.0} tokens/s {:>6.2} MB/s{cpu_part}",
            tokens as f64 / wall,
            bytes as f64 / 1e6 / wall
        );
    };
    let mut n = 0;
    report(
        "tagger",
        best_of(repeat, || {
            for d in &docs {
                n += tagger::tag_with(d, model, &tagger::RESOURCES).len();
            }
        }),
    );
    report(
        "entities::extract (tagger, dates, canonical)",
        best_of(repeat, || {
            for d in &docs {
                n += newsmine::entities::extract(d).len();
            }
        }),
    );
    report(
        "Doc::new",
        best_of(repeat, || {
            for t in &texts {
                n += Doc::new(t).tokens.len();
            }
        }),
    );
    let ex = newsmine::Extractor::new(Some(1));
    report(
        "Extractor::extract (Doc, entities, figures, quotes)",
        best_of(repeat, || {
            for t in &texts {
                n += ex.extract(t).entities.len();
            }
        }),
    );
    println!("  ({n} results)");
    Ok(())
}
