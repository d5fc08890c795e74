//! Sentence and comma boundaries in stripped text, predicted by a small
//! averaged perceptron ([`crate::learn`]) trained on ordinary news text with
//! its punctuation removed.
//!
//! Each gap after a token gets one of three labels: nothing, a clause mark
//! (a comma, semicolon, colon, dash, bracket or quotation mark was there) or
//! a sentence end. Features are the words around the gap (three before,
//! three after), their bigrams and trigrams, suffixes and shapes. Feature
//! hashes are folded to 22 bits; features whose averaged weights stay under
//! 1.3 are pruned, which keeps the compiled-in model at 4.2 MB.
//!
//! The model is `data/boundaries.bin`, rebuilt with
//!
//! ```text
//! cargo run --release --bin newsmine-train-boundaries -- \
//!     ../shared/data/unlabeled/bbc_news.jsonl \
//!     ../shared/data/quotes/polnear/polnear_train.jsonl \
//!     --dev ../shared/data/quotes/polnear/polnear_dev.jsonl \
//!     --prune 1.3 --out src/quotes/data/boundaries.bin
//! ```
//!
//! Training text is stripped the way the users' archives (and the CoNLL
//! stripped files) are: lowercased, every character outside `[0-9a-z]`
//! replaced by a space.

use std::sync::LazyLock;

use crate::learn::{hash_str, mix, Model};
use crate::text::Doc;

/// Gap labels.
pub const NONE: usize = 0;
pub const CLAUSE: usize = 1;
pub const END: usize = 2;
/// Number of labels.
pub const CLASSES: usize = 3;

const FOLD: u64 = (1 << 22) - 1;

static MODEL: LazyLock<Option<Model>> =
    LazyLock::new(|| Model::from_bytes(include_bytes!("data/boundaries.bin")).ok());

/// `ends[i]`: a sentence ends after token `i`; `commas[i]`: a clause mark
/// was after token `i`; `sure_ends[i]`: a sentence end the model is sure of
/// (by [`SURE_MARGIN`]), or a line break; `margins[i]`: how much a sentence
/// end after token `i` outscores the other labels (infinite at a line break
/// and after the last token).
pub(crate) struct Boundaries {
    pub ends: Vec<bool>,
    pub commas: Vec<bool>,
    pub sure_ends: Vec<bool>,
    pub margins: Vec<f32>,
}

/// Predicted boundaries of a stripped document.
pub(crate) fn predict(doc: &Doc) -> Boundaries {
    let words: Vec<&str> = doc.tokens.iter().map(|t| t.text(doc.text)).collect();
    let (labels, mut margins) = match MODEL.as_ref() {
        Some(m) => label_words_with_margins(m, &words, END_MARGIN),
        None => (vec![NONE; words.len()], vec![0.0; words.len()]),
    };
    let mut ends: Vec<bool> = labels.iter().map(|&l| l == END).collect();
    let commas = labels.iter().map(|&l| l == CLAUSE).collect();
    let mut sure_ends: Vec<bool> = margins.iter().map(|&m| m > SURE_MARGIN).collect();
    // A line break is always a boundary.
    for (i, t) in doc.tokens.iter().enumerate().skip(1) {
        let gap = &doc.text.as_bytes()[doc.tokens[i - 1].end..t.start];
        if memchr::memchr(b'\n', gap).is_some() {
            ends[i - 1] = true;
            sure_ends[i - 1] = true;
            margins[i - 1] = f32::INFINITY;
        }
    }
    if let Some(last) = sure_ends.last_mut() {
        *last = true;
    }
    if let Some(last) = margins.last_mut() {
        *last = f32::INFINITY;
    }
    Boundaries {
        ends,
        commas,
        sure_ends,
        margins,
    }
}

/// How much a sentence end must outscore the other labels: the perceptron
/// over-predicts ends on stripped text, and a missed end costs the quote
/// rules less than a false one (which cuts a content short). Chosen on
/// PolNeAR dev sentence-end F1 (`newsmine-train-boundaries --dev`).
pub const END_MARGIN: f32 = 0.0;

/// How much a sentence end must outscore the other labels for the content
/// rules of [`super::stripped`] to stop at it: a quote's content reaches
/// over the ends the model is unsure of (a false end cuts a content short,
/// a missed one merely lengthens it). Chosen for the compiled-in model on
/// PolNeAR dev quote F1 and speaker accuracy, and the seed article
/// (`newsmine-eval-quotes`, margins 4, 5, 6): retune it with the model.
pub const SURE_MARGIN: f32 = 5.0;

/// The label of each gap after `words[i]`, with `model`; a sentence end must
/// outscore the other labels by `end_margin`.
pub fn label_words(model: &Model, words: &[&str], end_margin: f32) -> Vec<usize> {
    label_words_with_margins(model, words, end_margin).0
}

/// [`label_words`], with how much the sentence end outscores the best other
/// label at each gap.
pub fn label_words_with_margins(
    model: &Model,
    words: &[&str],
    end_margin: f32,
) -> (Vec<usize>, Vec<f32>) {
    let hashes = WordHashes::new(words);
    let mut feats = Vec::with_capacity(16);
    let mut scores = [0f32; CLASSES];
    let mut out = Vec::with_capacity(words.len());
    let mut margins = Vec::with_capacity(words.len());
    for i in 0..words.len() {
        feats.clear();
        features(&hashes, i, &mut feats);
        scores.fill(0.0);
        model.add_scores(&feats, &mut scores);
        margins.push(scores[END] - scores[NONE].max(scores[CLAUSE]));
        scores[END] -= end_margin;
        out.push(crate::learn::argmax(&scores));
    }
    if let Some(last) = out.last_mut() {
        *last = END;
    }
    (out, margins)
}

fn shape(w: &str) -> u64 {
    let b = w.as_bytes();
    let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    let class = if digits == b.len() {
        1
    } else if digits > 0 {
        2
    } else if b.len() <= 2 {
        3
    } else {
        4
    };
    class + 8 * (b.len().min(7) as u64)
}

/// Per-word hashes, computed once per document: the word, its last three
/// letters, its shape.
pub struct WordHashes {
    word: Vec<u64>,
    suffix: Vec<u64>,
    shape: Vec<u64>,
}

impl WordHashes {
    pub fn new(words: &[&str]) -> Self {
        WordHashes {
            word: words.iter().map(|w| hash_str(w)).collect(),
            suffix: words
                .iter()
                .map(|w| {
                    // The last three characters (not bytes: any Unicode word).
                    let cut = w.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
                    hash_str(&w[cut..])
                })
                .collect(),
            shape: words.iter().map(|w| shape(w)).collect(),
        }
    }
}

/// The features of the gap after word `i` of a document (see
/// [`WordHashes`]), appended to `out`.
pub fn features(h: &WordHashes, i: usize, out: &mut Vec<u64>) {
    const BOS: u64 = 0x5157_0a11;
    const EOS: u64 = 0xe05e_77aa;
    let n = h.word.len();
    let at = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 {
            BOS
        } else if j as usize >= n {
            EOS
        } else {
            h.word[j as usize]
        }
    };
    let (wm1, w0, w1, w2) = (at(-1), at(0), at(1), at(2));
    let suffix_next = h.suffix.get(i + 1).copied().unwrap_or_else(|| hash_str(""));
    let shape_next = h.shape.get(i + 1).copied().unwrap_or(0);
    let fs = [
        mix(1, 0),
        mix(2, w0),
        mix(3, w1),
        mix(4, wm1),
        mix(5, w2),
        mix(6, mix(w0, w1)),
        mix(7, mix(wm1, w0)),
        mix(8, mix(w1, w2)),
        mix(9, h.suffix[i]),
        mix(10, suffix_next),
        mix(11, mix(h.shape[i], shape_next)),
        mix(12, mix(wm1, mix(w0, w1))),
        mix(13, at(-2)),
        mix(14, at(3)),
        mix(15, mix(w0, w2)),
        mix(16, mix(w1, mix(w2, at(3)))),
        mix(17, mix(w0, suffix_next)),
        mix(18, mix(h.suffix[i], w1)),
    ];
    out.extend(fs.iter().map(|f| f & FOLD));
}

/// Strips `text` the way stripped archives are made (lowercase, everything
/// outside `[0-9a-z]` a space) and labels each gap between its words from
/// the punctuation that was there. Returns the words and labels.
pub fn strip_and_label(text: &str) -> (Vec<String>, Vec<usize>) {
    let mut words: Vec<String> = Vec::new();
    let mut seps: Vec<String> = Vec::new(); // separator before each word
    let mut first_upper: Vec<bool> = Vec::new();
    let mut cur = String::new();
    let mut sep = String::new();
    let mut cur_upper = false;
    for c in text.chars() {
        let l = c.to_ascii_lowercase();
        if l.is_ascii_lowercase() || l.is_ascii_digit() {
            if cur.is_empty() {
                cur_upper = c.is_ascii_uppercase() || c.is_ascii_digit();
                seps.push(std::mem::take(&mut sep));
            }
            cur.push(l);
        } else {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
                first_upper.push(cur_upper);
            }
            sep.push(c);
        }
    }
    if !cur.is_empty() {
        words.push(cur);
        first_upper.push(cur_upper);
    }
    seps.push(sep);
    let mut labels = Vec::with_capacity(words.len());
    for i in 0..words.len() {
        let s = &seps[i + 1];
        let next_upper = first_upper.get(i + 1).copied().unwrap_or(true);
        let spaced = s.chars().any(char::is_whitespace);
        let stop = s.contains(['.', '!', '?']);
        let abbrev = s.trim() == "." && (words[i].len() == 1 || is_abbrev(&words[i]));
        let label = if i + 1 == words.len()
            || s.contains('\n')
            || (stop && spaced && next_upper && !abbrev)
        {
            END
        } else if s.contains([',', ';', ':', '—', '–', '(', ')', '"', '“', '”', '‘'])
            || (s.contains('-') && spaced)
            || (s.contains(['\'', '’']) && spaced)
        {
            CLAUSE
        } else {
            NONE
        };
        labels.push(label);
    }
    (words, labels)
}

fn is_abbrev(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "st"
            | "gen"
            | "sen"
            | "rep"
            | "gov"
            | "lt"
            | "col"
            | "jr"
            | "sr"
            | "prof"
            | "no"
            | "vs"
            | "inc"
            | "co"
            | "corp"
            | "jan"
            | "feb"
            | "aug"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_and_label_news() {
        let (w, l) = strip_and_label("Mr. Esper said, \"We act.\" The U.S. won't go. Gen. Smith");
        assert_eq!(
            w,
            [
                "mr", "esper", "said", "we", "act", "the", "u", "s", "won", "t", "go", "gen",
                "smith"
            ]
        );
        assert_eq!(
            l,
            [NONE, NONE, CLAUSE, NONE, END, NONE, NONE, NONE, NONE, NONE, END, NONE, END]
        );
    }

    #[test]
    fn the_compiled_model_loads_and_labels() {
        let m = MODEL.as_ref().expect("model bytes load");
        let words: Vec<&str> = "the ministry said the talks had failed the president arrived"
            .split(' ')
            .collect();
        let labels = label_words(m, &words, END_MARGIN);
        assert_eq!(labels.len(), words.len());
        assert_eq!(*labels.last().unwrap(), END);
    }
}
