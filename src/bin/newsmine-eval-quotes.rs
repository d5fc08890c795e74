//! Scores the quote extractor on PolNeAR dev (both forms) and on the seed
//! article, with the protocol of `newsmine::quotes::eval`.
//!
//! ```text
//! newsmine-eval-quotes [--shared DIR] [--split dev|train] [--pieces] [polnear|seed|all] [--verbose]
//! newsmine-eval-quotes show FILE        # print the quotes found in FILE
//! newsmine-eval-quotes explain FILE     # boundaries and frames as read in FILE
//! newsmine-eval-quotes speed             # the pipeline's time with and without quotes
//! ```
//!
//! `DIR` defaults to `../shared` (the team's data folder, never part of the
//! repository). PolNeAR attributions are broader than quotes (beliefs,
//! intentions, polls); only those whose cue span holds a speech or writing
//! verb form (class `speech` of `data/quotes/reporting_verbs.txt`) or the
//! phrase "according to" are kept as gold. The first line per article id is
//! scored. Gold speaker: the source span and its text. `--split train`
//! scores PolNeAR's train split instead of dev (ten times larger: tune rules
//! there and confirm them on dev).
//!
//! PolNeAR joins the pieces of a quote that a frame or other words
//! interrupt into one discontinuous content ("The plan," … "would cost");
//! the guidelines of the held-out set annotate each piece as its own quote
//! ("Do not join two consecutive quotations if ... any word external to the
//! speech appears in between"). `--pieces` scores that way: each fragment
//! of a gold content is a gold quote of its own, fragments with no word
//! between them stay one.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use newsmine::quotes::eval::{covered_fraction, score, speaker_right, GoldQuote, Score};
use newsmine::quotes::Quote;
use newsmine::{Extractor, Stages};
use serde_json::Value;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = take_flag(&mut args, "--verbose");
    let pieces = take_flag(&mut args, "--pieces");
    let shared = take_opt(&mut args, "--shared").unwrap_or_else(|| "../shared".into());
    let shared = PathBuf::from(shared);
    let split = take_opt(&mut args, "--split").unwrap_or_else(|| "dev".into());
    if !matches!(split.as_str(), "dev" | "train") {
        fail(&format!("unknown split {split:?} (dev or train)"));
    }
    let what = args.first().map(String::as_str).unwrap_or("all");
    let ex = Extractor::default();
    let result = match what {
        "show" => {
            let Some(file) = args.get(1) else {
                fail("show needs a file")
            };
            let text = read(Path::new(file));
            show(&text, &ex.extract(&text).quotes);
            Ok(())
        }
        "explain" => {
            let Some(file) = args.get(1) else {
                fail("explain needs a file")
            };
            let text = read(Path::new(file));
            let doc = newsmine::Doc::new(&text);
            let entities = ex.extract(&text).entities;
            println!("{}", newsmine::quotes::explain(&doc, &entities));
            Ok(())
        }
        "polnear" => polnear(&ex, &shared, &split, pieces, verbose),
        "speed" => speed(&shared),
        "seed" => seed(&ex, &shared, verbose),
        "all" => {
            polnear(&ex, &shared, &split, pieces, verbose).and_then(|_| seed(&ex, &shared, verbose))
        }
        other => Err(format!("unknown command {other:?}")),
    };
    if let Err(e) = result {
        fail(&e);
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("newsmine-eval-quotes: {msg}");
    std::process::exit(2)
}

fn take_flag(args: &mut Vec<String>, flag: &str) -> bool {
    let n = args.len();
    args.retain(|a| a != flag);
    args.len() != n
}

fn take_opt(args: &mut Vec<String>, opt: &str) -> Option<String> {
    let i = args.iter().position(|a| a == opt)?;
    let v = args.get(i + 1).cloned();
    args.drain(i..(i + 2).min(args.len()));
    v
}

fn read(p: &Path) -> String {
    fs::read_to_string(p).unwrap_or_else(|e| fail(&format!("{}: {e}", p.display())))
}

fn show(text: &str, quotes: &[Quote]) {
    for q in quotes {
        let sp = q.speaker_span.clone().map(|r| &text[r]).unwrap_or("-");
        let cue = q.cue_span.clone().map(|r| &text[r]).unwrap_or("-");
        println!(
            "[{}..{}] {} | speaker {:?} (mention {:?}) cue {:?}\n    {}",
            q.start,
            q.end,
            if q.direct { "direct" } else { "reported" },
            q.speaker.as_deref().unwrap_or("-"),
            sp,
            cue,
            &text[q.start..q.end]
        );
    }
}

/// Byte offset of each char offset of `text` (plus the end).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// Speech and writing verb forms from the shared reporting-verb list.
fn speech_forms(shared: &Path) -> HashSet<String> {
    let p = shared.join("data/quotes/reporting_verbs.txt");
    let mut out = HashSet::new();
    for line in read(&p).lines() {
        if line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() >= 4 && f[3] == "speech" {
            out.extend(f[1].split(',').map(str::to_string));
        }
    }
    out
}

fn is_speech_cue(cue: &str, forms: &HashSet<String>) -> bool {
    let low = cue.to_lowercase();
    low.contains("according to")
        || low
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| forms.contains(w))
}

fn frags(v: &Value, key: &str, stripped: bool, map: &[usize]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let Some(parts) = v.get(key).and_then(Value::as_array) else {
        return out;
    };
    for part in parts {
        let list = if stripped {
            part.get("fragments")
        } else {
            part.get("spans")
        };
        for s in list.and_then(Value::as_array).into_iter().flatten() {
            let (Some(a), Some(b)) = (s[0].as_u64(), s[1].as_u64()) else {
                continue;
            };
            let (a, b) = (a as usize, b as usize);
            if a < b && b < map.len() {
                out.push(map[a]..map[b]);
            }
        }
    }
    out
}

fn text_of(v: &Value, key: &str) -> Option<String> {
    let parts = v.get(key)?.as_array()?;
    let t: Vec<&str> = parts.iter().filter_map(|p| p["text"].as_str()).collect();
    (!t.is_empty()).then(|| t.join(" "))
}

/// The gold quotes of one attribution: one, or with `pieces` one per run
/// of content fragments that no word separates (see the module doc).
fn gold_quotes(g: GoldQuote, text: &str, pieces: bool) -> Vec<GoldQuote> {
    if !pieces {
        return vec![g];
    }
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    for s in &g.spans {
        match runs.last_mut() {
            Some(r)
                if r.end <= s.start && !text[r.end..s.start].chars().any(char::is_alphanumeric) =>
            {
                r.end = s.end
            }
            _ => runs.push(s.clone()),
        }
    }
    runs.into_iter()
        .map(|r| GoldQuote {
            spans: vec![r],
            ..g.clone()
        })
        .collect()
}

fn polnear(
    ex: &Extractor,
    shared: &Path,
    split: &str,
    pieces: bool,
    verbose: bool,
) -> Result<(), String> {
    let forms = speech_forms(shared);
    let dir = shared.join("data/quotes/polnear");
    for (label, suffix, stripped) in [("ordinary", "", false), ("stripped", ".stripped", true)] {
        let file = &format!("polnear_{split}{suffix}.jsonl");
        let mut seen = HashSet::new();
        let mut total = Score::default();
        let mut direct = Score::default();
        let (mut kept, mut all) = (0, 0);
        let t0 = Instant::now();
        for line in read(&dir.join(file)).lines() {
            let v: Value = serde_json::from_str(line).map_err(|e| format!("{file}: {e}"))?;
            let id = v["id"].as_str().unwrap_or_default().to_string();
            if !seen.insert(id.clone()) {
                continue;
            }
            let text = v["text"].as_str().unwrap_or_default();
            let map = char_to_byte(text);
            let mut gold = Vec::new();
            let mut gold_direct = Vec::new();
            let mut cues = Vec::new();
            for a in v["attributions"].as_array().into_iter().flatten() {
                all += 1;
                let cue = text_of(a, "cue").unwrap_or_default();
                let spans = frags(a, "content", stripped, &map);
                if !is_speech_cue(&cue, &forms) || spans.is_empty() {
                    continue;
                }
                kept += 1;
                let g = GoldQuote {
                    spans,
                    speaker_spans: frags(a, "source", stripped, &map),
                    speaker: text_of(a, "source"),
                };
                let cue_spans = frags(a, "cue", stripped, &map);
                let has_marks = a
                    .get(if stripped {
                        "content_has_quote_marks_in_original"
                    } else {
                        "content_has_quote_marks"
                    })
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                for g in gold_quotes(g, text, pieces) {
                    if has_marks {
                        gold_direct.push(g.clone());
                    }
                    gold.push(g);
                    cues.push((cue.clone(), cue_spans.clone()));
                }
            }
            let quotes = ex.extract(text).quotes;
            let (s, m) = score(&gold, &quotes, 0.5);
            total.add(&s);
            // Recall on gold quotes whose content held quotation marks.
            let (sd, _) = score(&gold_direct, &quotes, 0.5);
            direct.gold += sd.gold;
            direct.matched += sd.matched;
            direct.speaker_right += sd.speaker_right;
            if verbose {
                println!("== {id} ({label}): {s:?}");
                for ((g, mi), (cue, cue_spans)) in gold.iter().zip(&m).zip(&cues) {
                    let gt: Vec<&str> = g.spans.iter().map(|r| &text[r.clone()]).collect();
                    let sp = match mi {
                        Some(i) => {
                            let q = &quotes[*i];
                            let right = speaker_right(g, q);
                            let at = |r: &Option<std::ops::Range<usize>>| {
                                r.clone().map_or("-", |r| &text[r])
                            };
                            format!(
                                "FOUND{} spk={:?} (mention {:?} cue {:?})",
                                if right { "" } else { " WRONG-SPEAKER" },
                                q.speaker,
                                at(&q.speaker_span),
                                at(&q.cue_span)
                            )
                        }
                        None => "MISSED".into(),
                    };
                    println!(
                        "  gold [{:?}] cue {cue:?} {sp}: {}",
                        g.speaker,
                        gt.join(" … ")
                    );
                    if mi.is_none() {
                        // The prediction that covers most of it (an extent
                        // error rather than a miss), if any.
                        let near = quotes
                            .iter()
                            .map(|q| (covered_fraction(&g.spans, q.start, q.end), q))
                            .filter(|(f, _)| *f > 0.0)
                            .max_by(|a, b| a.0.total_cmp(&b.0));
                        if let Some((f, q)) = near {
                            println!("    nearest {f:.2}: {}", &text[q.start..q.end]);
                        }
                        // Its cue read as the frame of another quote.
                        let by_cue = quotes.iter().find(|q| {
                            q.cue_span.as_ref().is_some_and(|c| {
                                cue_spans.iter().any(|g| g.start < c.end && c.start < g.end)
                            })
                        });
                        if let Some(q) = by_cue {
                            println!("    cue taken by: {}", &text[q.start..q.end]);
                        }
                        let before = &text[..g.spans[0].start];
                        let from = before.char_indices().rev().nth(99).map_or(0, |(i, _)| i);
                        println!("    before: …{}", before[from..].replace('\n', " ¶ "));
                    }
                }
                let matched: HashSet<usize> = m.iter().flatten().copied().collect();
                for (i, q) in quotes.iter().enumerate() {
                    if !matched.contains(&i) {
                        let cue = q.cue_span.clone().map_or("-", |r| &text[r]);
                        println!(
                            "  FALSE [{:?}] cue {cue:?}: {}",
                            q.speaker,
                            &text[q.start..q.end]
                        );
                    }
                }
            }
        }
        println!(
            "PolNeAR {split} {label}{}: {} articles, gold {} of {} attributions (speech/writing cues), {} quotes | predicted {} matched {} | P {:.3} R {:.3} F1 {:.3} | speaker acc {:.3} | recall on gold with quote marks {:.3} ({} of {}) | {:.2}s",
            if pieces { " (pieces)" } else { "" },
            seen.len(),
            kept,
            all,
            total.gold,
            total.predicted,
            total.matched,
            total.precision(),
            total.recall(),
            total.f1(),
            total.speaker_accuracy(),
            direct.recall(),
            direct.matched,
            direct.gold,
            t0.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

fn seed(ex: &Extractor, shared: &Path, verbose: bool) -> Result<(), String> {
    let text = read(&shared.join("samples/seed_article.txt"));
    let gold_v: Value = serde_json::from_str(&read(&shared.join("samples/seed_gold.json")))
        .map_err(|e| format!("seed_gold.json: {e}"))?;
    let map = char_to_byte(&text);
    let gold: Vec<GoldQuote> = gold_v["quotes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|q| {
            let s = map[q["start"].as_u64().unwrap_or(0) as usize];
            let e = map[q["end"].as_u64().unwrap_or(0) as usize];
            GoldQuote {
                spans: std::iter::once(s..e).collect(),
                speaker_spans: vec![],
                speaker: q["speaker"].as_str().map(str::to_string),
            }
        })
        .collect::<Vec<_>>();
    let quotes = ex.extract(&text).quotes;
    let (s, m) = score(&gold, &quotes, 0.5);
    if verbose {
        show(&text, &quotes);
        for (g, mi) in gold.iter().zip(&m) {
            let sp = match mi {
                Some(i) => format!("FOUND spk={:?}", quotes[*i].speaker),
                None => "MISSED".into(),
            };
            println!(
                "  gold [{:?}] {sp}: {}",
                g.speaker,
                &text[g.spans[0].clone()]
            );
        }
    }
    println!(
        "seed article: gold {} | predicted {} matched {} | with the right speaker {}/{} | P {:.3} R {:.3} F1 {:.3}",
        s.gold,
        s.predicted,
        s.matched,
        s.speaker_right,
        s.gold,
        s.precision(),
        s.recall(),
        s.f1()
    );
    Ok(())
}

/// How many pairs of passes `speed` makes over each corpus and way (odd:
/// the median is one of them).
const SPEED_PAIRS: usize = 11;

/// Times the whole pipeline with and without quotes on one thread, over
/// PolNeAR dev (both forms) and the unlabeled BBC articles (ordinary, and
/// stripped with `text::strip`), in the two ways it runs: one article at a
/// time (`Extractor::extract`), and in batches (`Extractor::extract_batch`,
/// which runs each stage over a run of articles before the next). Without
/// quotes is the same extractor with the quote stage off
/// (`Extractor::with_stages`). The machine's speed drifts by several
/// percent over seconds (other processes, a shared processor), so the
/// passes come in pairs, one with quotes and one without, in alternating
/// order; the median of the pairs' ratios is reported, with its quartiles.
fn speed(shared: &Path) -> Result<(), String> {
    use newsmine::text;
    let jsonl = |p: PathBuf| -> Vec<String> {
        read(&p)
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect()
    };
    let polnear = shared.join("data/quotes/polnear");
    let bbc = jsonl(shared.join("data/unlabeled/bbc_news.jsonl"));
    let bbc_stripped: Vec<String> = bbc.iter().map(|t| text::strip(t)).collect();
    let corpora = [
        ("PolNeAR dev", jsonl(polnear.join("polnear_dev.jsonl"))),
        (
            "PolNeAR dev stripped",
            jsonl(polnear.join("polnear_dev.stripped.jsonl")),
        ),
        ("BBC", bbc),
        ("BBC stripped", bbc_stripped),
    ];
    let with = Extractor::new(Some(1));
    let without = Extractor::new(Some(1)).with_stages(Stages {
        quotes: false,
        ..Stages::ALL
    });
    let ex = |quotes: bool| if quotes { &with } else { &without };
    for (label, texts) in &corpora {
        let single = paired(|quotes| {
            for t in texts {
                std::hint::black_box(ex(quotes).extract(t));
            }
        });
        let batch = paired(|quotes| {
            std::hint::black_box(ex(quotes).extract_batch(texts, None))
                .expect("a pool of one thread");
        });
        let n: usize = texts.iter().map(|t| with.extract(t).quotes.len()).sum();
        let bytes: usize = texts.iter().map(String::len).sum();
        let show = |(q1, med, q3): (f64, f64, f64)| {
            format!(
                "{:+.1}% (quartiles {:+.1}% {:+.1}%)",
                100.0 * med,
                100.0 * q1,
                100.0 * q3
            )
        };
        println!(
            "{label}: {} texts, {:.1} MB, {n} quotes | with quotes, one article at a time: {} | in batches: {}",
            texts.len(),
            bytes as f64 / 1e6,
            show(single),
            show(batch),
        );
    }
    Ok(())
}

/// The quartiles of `time(true) / time(false) - 1` over [`SPEED_PAIRS`]
/// pairs of passes (after one pass to warm up), where `pass(quotes)` runs
/// the pipeline with or without quotes.
fn paired(mut pass: impl FnMut(bool)) -> (f64, f64, f64) {
    pass(true);
    let mut ratios = Vec::with_capacity(SPEED_PAIRS);
    for p in 0..SPEED_PAIRS {
        let mut time = |quotes: bool| {
            let t0 = Instant::now();
            pass(quotes);
            t0.elapsed().as_secs_f64()
        };
        let (with, without) = if p % 2 == 0 {
            let without = time(false);
            (time(true), without)
        } else {
            let with = time(true);
            (with, time(false))
        };
        ratios.push(with / without - 1.0);
    }
    ratios.sort_by(f64::total_cmp);
    let at = |q: usize| ratios[(q * (ratios.len() - 1)) / 4];
    (at(1), at(2), at(3))
}
