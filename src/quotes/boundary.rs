//! Sentence and comma boundaries in stripped text, predicted by a small
//! feed-forward network trained on ordinary news text with its punctuation
//! removed.
//!
//! Each gap after a token gets one of three labels: nothing, a clause mark
//! (a comma, semicolon, colon, dash, bracket or quotation mark was there) or
//! a sentence end. The network reads the words around the gap (see
//! [`Net`]): each word is a learned vector (the most frequent training words
//! have their own, the rest share one) plus a learned vector of its last
//! three characters (hashed into buckets); the window's vectors feed one
//! hidden layer (ReLU) and the three label scores. Unlike a linear model
//! over word n-grams, which memorised its training text and stopped gaining
//! from more of it, the word vectors let rare words share what common ones
//! teach, and more text helps.
//!
//! The model is `data/boundaries.bin`, trained by
//! `src/quotes/train_boundaries.py` (numpy; the command and what it reads
//! are in its header).
//!
//! Training text is stripped the way the users' archives (and the CoNLL
//! stripped files) are: lowercased, every character outside `[0-9a-z]`
//! replaced by a space ([`strip_and_label`]).

use std::sync::LazyLock;

use super::lex::{self, Cue};
use crate::learn::{hash_str, FeatureMap, Reader};
use crate::text::Doc;

/// Gap labels.
pub const NONE: usize = 0;
pub const CLAUSE: usize = 1;
pub const END: usize = 2;
/// Number of labels.
pub const CLASSES: usize = 3;

static MODEL_BYTES: &[u8] = include_bytes!("data/boundaries.bin");

/// The compiled-in model. A model that does not load is a build defect:
/// this panics rather than label nothing.
static NET: LazyLock<Net> = LazyLock::new(|| {
    Net::from_bytes(MODEL_BYTES)
        .unwrap_or_else(|e| panic!("the compiled-in boundary model does not load: {e}"))
});

/// The boundary network. The gap after word `i` sees the words
/// `i + 1 - left .. i + 1 - left + window`; word `j` is its vocabulary
/// vector `E[id]` and its suffix vector `S[bucket]`, and the hidden layer is
/// `relu(b1 + sum over places p of W1[p] . (E[id(j)], S[bucket(j)]))`.
/// Because that sum is linear in each word's vectors, what each word adds
/// at each place is computed once when the model loads (for a vocabulary
/// word, its own vector and its suffix's together): a word then costs one
/// row addition per place it takes in the windows of the gaps, and a gap
/// the output layer.
pub struct Net {
    window: usize,
    left: usize,
    buckets: u64,
    /// Word hash -> vocabulary id (0 is "outside the document", 1 "not in
    /// the vocabulary").
    vocab: FeatureMap<u32>,
    /// Per vocabulary id, then place: what the word (with its suffix) adds
    /// to the hidden layer; for id 1, what an unknown word adds without its
    /// suffix.
    word_rows: Vec<Row>,
    /// Per suffix bucket, then place: what the suffix adds.
    suffix_rows: Vec<Row>,
    b1: Row,
    /// Per hidden unit, its weight to each label.
    w2: Vec<[f32; CLASSES]>,
    b2: [f32; CLASSES],
}

/// The size of the hidden layer, fixed so that row additions compile to
/// vector instructions.
const HIDDEN: usize = 64;

/// What one word adds to a gap's hidden layer.
type Row = [f32; HIDDEN];

/// The first bytes of a model file, with its format's version.
const MAGIC: &[u8; 8] = b"NMBNET1\n";

impl Net {
    /// Reads the model file `train_boundaries.py` writes: [`MAGIC`]; seven
    /// little-endian `u32`s (window, left, hidden, word vector size, suffix
    /// vector size, suffix buckets, vocabulary size); the vocabulary (each
    /// word a `u8` length and its bytes, ids from 2); then `f32` arrays:
    /// word vectors (vocabulary + 2 rows), suffix vectors (buckets + 1
    /// rows), W1 (window x (word + suffix size) rows of `hidden`), b1, W2
    /// (`hidden` rows of 3), b2.
    pub fn from_bytes(b: &[u8]) -> Result<Net, String> {
        let mut r = Reader::new(b);
        if r.take(MAGIC.len())? != MAGIC {
            return Err("not a boundary network (bad magic)".into());
        }
        let mut dims = [0usize; 7];
        for d in &mut dims {
            *d = r.u32()? as usize;
        }
        let [window, left, hidden, ed, sd, buckets, nv] = dims;
        let empty = window == 0 || ed == 0 || sd == 0 || buckets == 0;
        // Bounds that keep the sizes below from overflowing or asking for
        // more memory than the file could fill.
        let big = window > 64 || ed > 4096 || sd > 4096 || nv > b.len() || buckets > b.len();
        if empty || big || left > window || hidden != HIDDEN {
            return Err(format!("bad dimensions {dims:?} (the hidden layer must be {HIDDEN})"));
        }
        let mut words = Vec::with_capacity(nv);
        for _ in 0..nv {
            let len = usize::from(r.take(1)?[0]);
            words.push(std::str::from_utf8(r.take(len)?).map_err(|e| e.to_string())?);
        }
        let e = r.f32s((nv + 2) * ed)?;
        let s = r.f32s((buckets + 1) * sd)?;
        let w1 = r.f32s(window * (ed + sd) * HIDDEN)?;
        let b1 = r.f32s(HIDDEN)?;
        let w2 = r.f32s(HIDDEN * CLASSES)?;
        let b2 = r.f32s(CLASSES)?;
        if r.left() != 0 {
            return Err(format!("{} bytes left over", r.left()));
        }
        // What a vector adds at each place; W1's row for place p and input
        // dimension d is p * (ed + sd) + offset + d.
        let rows = |vectors: &[f32], dim: usize, offset: usize| -> Vec<Row> {
            let mut out = vec![[0f32; HIDDEN]; vectors.len() / dim * window];
            for (v, dst) in vectors.chunks(dim).zip(out.chunks_mut(window)) {
                for (p, dst) in dst.iter_mut().enumerate() {
                    for (d, &x) in v.iter().enumerate() {
                        let row = (p * (ed + sd) + offset + d) * HIDDEN;
                        for (o, &w) in dst.iter_mut().zip(&w1[row..row + HIDDEN]) {
                            *o += x * w;
                        }
                    }
                }
            }
            out
        };
        let mut word_rows = rows(&e, ed, 0);
        let suffix_rows = rows(&s, sd, ed);
        let buckets = buckets as u64;
        let mut vocab = FeatureMap::with_capacity_and_hasher(nv, Default::default());
        for (i, w) in words.into_iter().enumerate() {
            let id = i + 2;
            vocab.insert(hash_str(w), id as u32);
            let b = bucket(w, buckets);
            for p in 0..window {
                add(&mut word_rows[id * window + p], &suffix_rows[b * window + p]);
            }
        }
        Ok(Net {
            window,
            left,
            buckets,
            vocab,
            word_rows,
            suffix_rows,
            b1: b1.try_into().expect("HIDDEN values"),
            w2: w2.chunks(CLASSES).map(|c| [c[0], c[1], c[2]]).collect(),
            b2: [b2[0], b2[1], b2[2]],
        })
    }

    /// The label scores of the gap after each word `i` with `near[i]`
    /// (zeros elsewhere); `hashes` are the words' [`hash_str`], and `near`
    /// and `hashes` have one entry per word.
    pub fn scores(&self, words: &[&str], hashes: &[u64], near: &[bool]) -> Vec<[f32; CLASSES]> {
        let n = words.len();
        assert!(near.len() == n && hashes.len() == n, "one entry per word");
        let k = self.window;
        // Each word adds its row for each place to the gap that sees it
        // there: the gap after word `j + left - 1 - p` sees word `j` at `p`.
        let mut acc: Vec<Row> = near
            .iter()
            .map(|&m| if m { self.b1 } else { [0.0; HIDDEN] })
            .collect();
        for (j, (w, h)) in words.iter().zip(hashes).enumerate() {
            let gaps = (0..k).filter_map(|p| {
                let i = (j + self.left).checked_sub(1 + p)?;
                (i < n && near[i]).then_some((p, i))
            });
            let mut gaps = gaps.peekable();
            if gaps.peek().is_none() {
                continue;
            }
            let id = self.vocab.get(h).map_or(1, |&i| i as usize);
            let rows = &self.word_rows[id * k..][..k];
            let suffix = (id == 1).then(|| &self.suffix_rows[bucket(w, self.buckets) * k..][..k]);
            for (p, i) in gaps {
                add(&mut acc[i], &rows[p]);
                if let Some(s) = suffix {
                    add(&mut acc[i], &s[p]);
                }
            }
        }
        acc.iter()
            .zip(near)
            .map(|(a, &m)| {
                let mut z = [0.0; CLASSES];
                if m {
                    z = self.b2;
                    for (&a, w) in a.iter().zip(&self.w2) {
                        let a = a.max(0.0);
                        for (z, &w) in z.iter_mut().zip(w) {
                            *z += a * w;
                        }
                    }
                }
                z
            })
            .collect()
    }

    /// The label of the gap after each word `i` with `near[i]` (a sentence
    /// end must outscore the others by `end_margin`) and how much a sentence
    /// end outscores the best other label there; gaps not near are nothing,
    /// and the last is a sentence end.
    pub fn label(
        &self,
        words: &[&str],
        hashes: &[u64],
        near: &[bool],
        end_margin: f32,
    ) -> (Vec<usize>, Vec<f32>) {
        let n = words.len();
        let mut labels = vec![NONE; n];
        let mut margins = vec![f32::NEG_INFINITY; n];
        for (i, z) in self.scores(words, hashes, near).into_iter().enumerate() {
            if near[i] {
                let m = z[END] - z[NONE].max(z[CLAUSE]);
                margins[i] = m;
                labels[i] = if m > end_margin {
                    END
                } else if z[CLAUSE] > z[NONE] {
                    CLAUSE
                } else {
                    NONE
                };
            }
        }
        if let Some(last) = labels.last_mut() {
            *last = END;
        }
        (labels, margins)
    }
}

/// The compiled-in network (for the training tools' evaluation).
#[cfg(feature = "training")]
pub fn compiled_in() -> &'static Net {
    &NET
}

/// The suffix bucket of a word, of `buckets` (0 is outside the document).
fn bucket(w: &str, buckets: u64) -> usize {
    1 + (fnv1a(&w.as_bytes()[suffix_start(w)..]) % buckets) as usize
}

/// `acc += row`.
fn add(acc: &mut Row, row: &Row) {
    for (a, &x) in acc.iter_mut().zip(row) {
        *a += x;
    }
}

/// 64-bit FNV-1a: the suffix hash, the same in `train_boundaries.py`.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Where the last three characters of `w` start (characters, not bytes:
/// any Unicode word).
fn suffix_start(w: &str) -> usize {
    let b = w.as_bytes();
    if b.len() <= 3 {
        0
    } else if b[b.len() - 3..].is_ascii() {
        b.len() - 3
    } else {
        w.char_indices().rev().nth(2).map_or(0, |(i, _)| i)
    }
}

/// `ends[i]`: a sentence ends after token `i`; `commas[i]`: a clause mark
/// was after token `i`; `sure_ends[i]`: a sentence end the model is sure of
/// (by [`SURE_MARGIN`]), or a line break; `margins[i]`: how much a sentence
/// end after token `i` outscores the other labels (infinite at a line break
/// and after the last token); `cues[i]`: the cue token `i` is, as written
/// (looked up for the model's reach, kept for the frames); `para[i]`: the
/// paragraph of token `i` ([`super::marks::paragraphs`], kept likewise).
/// [`super::frame::View::new`] takes `commas`, `cues` and `para`.
pub(crate) struct Boundaries {
    pub ends: Vec<bool>,
    pub commas: Vec<bool>,
    pub sure_ends: Vec<bool>,
    pub margins: Vec<f32>,
    pub cues: Vec<Option<&'static Cue>>,
    pub para: Vec<u32>,
}

/// Predicted boundaries of a stripped document.
pub(crate) fn predict(doc: &Doc) -> Boundaries {
    let words: Vec<&str> = doc.tokens.iter().map(|t| t.text(doc.text)).collect();
    let hashes: Vec<u64> = words.iter().map(|w| hash_str(w)).collect();
    let cues: Vec<Option<&'static Cue>> = words
        .iter()
        .zip(&hashes)
        .map(|(w, &h)| lex::cue_hashed(w, h))
        .collect();
    let near = near_cues(&words, &cues);
    let (labels, mut margins) = NET.label(&words, &hashes, &near, END_MARGIN);
    let mut ends: Vec<bool> = labels.iter().map(|&l| l == END).collect();
    let commas = labels.iter().map(|&l| l == CLAUSE).collect();
    let mut sure_ends: Vec<bool> = margins.iter().map(|&m| m > SURE_MARGIN).collect();
    // The edges of the stretches near cues bound the contents, and a line
    // break is always a boundary.
    let para = super::marks::paragraphs(doc);
    for i in 1..words.len() {
        if near[i - 1] != near[i] || para[i - 1] != para[i] {
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
        cues,
        para,
    }
}

/// How far from a cue word the model labels gaps. Quotes come only from
/// frames, and a frame reads boundaries only this close to its cue, so the
/// model runs on the stretches near cues only (most of the stripped quote
/// time is this model). Shorter reaches cut long contents short.
const REACH: usize = 30;

/// Whether each gap lies within [`REACH`] words of a speech or writing cue
/// word (`cues`: the cue each word is, [`lex::any_cue`]).
fn near_cues(words: &[&str], cues: &[Option<&Cue>]) -> Vec<bool> {
    let n = words.len();
    let mut near = vec![false; n];
    let mut until = 0usize; // marked up to here (exclusive)
    for (i, (w, cue)) in words.iter().zip(cues).enumerate() {
        if cue.is_some_and(|c| !c.object) || *w == "according" {
            let lo = i.saturating_sub(REACH).max(until);
            let hi = (i + REACH + 1).min(n);
            near[lo..hi.max(lo)].fill(true);
            until = until.max(hi);
        }
    }
    near
}

/// How much a sentence end must outscore the best other label (in the
/// network's log-odds) to be predicted: none, the plain most likely label.
/// Sentence-end F1 alone peaks a little lower (-0.5; `train_boundaries.py`
/// prints -1, -0.5 and 0), and the quote rules, which read these ends, do a
/// little better higher (0.5 to 1), within 0.01 of F1 and speaker
/// accuracy on stripped PolNeAR (`newsmine-eval-quotes`, dev and train;
/// `src/quotes/RESULTS.md`).
pub const END_MARGIN: f32 = 0.0;

/// How much a sentence end must outscore the other labels for the content
/// rules of [`super::stripped`] to stop at it: a quote's content reaches
/// over the ends the model is unsure of (a false end cuts a content short,
/// a missed one merely lengthens it). Chosen for the compiled-in model on
/// PolNeAR dev quote F1 and speaker accuracy, and the seed article
/// (`newsmine-eval-quotes`): retune it with the model.
pub const SURE_MARGIN: f32 = 3.0;

/// Strips `text` the way stripped archives are made (lowercase, everything
/// outside `[0-9a-z]` a space) and labels each gap between its words from
/// the punctuation that was there. Returns the words and labels.
#[cfg(feature = "training")]
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
        let abbrev = s.trim() == "."
            && (words[i].len() == 1 || crate::text::lexicon::is_abbreviation(&words[i]));
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

    fn hashes(words: &[&str]) -> Vec<u64> {
        words.iter().map(|w| hash_str(w)).collect()
    }

    /// The bytes of a model in the format of [`Net::from_bytes`].
    fn model_bytes(dims: [u32; 7], vocab: &[&str], arrays: &[&[f32]]) -> Vec<u8> {
        let mut b = MAGIC.to_vec();
        for d in dims {
            b.extend(d.to_le_bytes());
        }
        for w in vocab {
            b.push(w.len() as u8);
            b.extend(w.as_bytes());
        }
        for a in arrays {
            for x in *a {
                b.extend(x.to_le_bytes());
            }
        }
        b
    }

    #[test]
    fn a_hand_built_net_scores_as_its_formula_says() {
        // Window 2 (the words before and after the gap), one-dimensional
        // word and suffix vectors, one suffix bucket, vocabulary ["said"]
        // (id 2); only the first hidden unit has weights.
        let e = [0.0, -1.0, 3.0]; // outside, unknown, "said"
        let s = [0.0, 0.5];
        // W1 rows (of HIDDEN): place 0 word, suffix; place 1 word, suffix.
        let unit0 = |x: f32| {
            let mut r = [0.0; HIDDEN];
            r[0] = x;
            r
        };
        let w1 = [unit0(2.0), unit0(1.0), unit0(-1.0), unit0(0.0)].concat();
        let b1 = unit0(0.25);
        let mut w2 = [0.0; HIDDEN * CLASSES];
        w2[..CLASSES].copy_from_slice(&[0.0, 1.0, 2.0]);
        let b2 = [0.0, 0.0, -1.0];
        let dims = [2, 1, HIDDEN as u32, 1, 1, 1, 1];
        let bytes = model_bytes(dims, &["said"], &[&e, &s, &w1, &b1, &w2, &b2]);
        let net = Net::from_bytes(&bytes).expect("loads");
        let words = ["she", "said", "no"];
        let z = net.scores(&words, &hashes(&words), &[true, true, true]);
        // Gap 0 sees "she" (unknown) then "said": 0.25 + (2*-1 + 0.5) + (-1*3) < 0.
        assert_eq!(z[0], [0.0, 0.0, -1.0]);
        // Gap 1 sees "said" then "no": h = 0.25 + (6 + 0.5) + 1 = 7.75.
        assert_eq!(z[1], [0.0, 7.75, 14.5]);
        // Gap 2 sees "no" then the outside: h = 0.25 - 2 + 0.5 < 0.
        assert_eq!(z[2], [0.0, 0.0, -1.0]);
        let (labels, margins) = net.label(&words, &hashes(&words), &[true, true, false], 0.0);
        assert_eq!(labels, [NONE, END, END]);
        assert_eq!(margins[..2], [-1.0, 6.75]);
        assert!(margins[2].is_infinite());
        // Truncated, padded and other-sized files are refused.
        assert!(Net::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Net::from_bytes(&[bytes.as_slice(), &[0]].concat()).is_err());
        let small = model_bytes([2, 1, 1, 1, 1, 1, 1], &["said"], &[&e, &s, &[0.0; 4]]);
        assert!(Net::from_bytes(&small).is_err());
    }

    #[test]
    fn suffixes_are_the_last_three_characters_hashed() {
        for (w, suffix) in [("said", "aid"), ("the", "the"), ("a", "a"), ("café", "afé")] {
            assert_eq!(&w[suffix_start(w)..], suffix);
        }
        // FNV-1a's published test values.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn the_model_runs_near_cues_only() {
        let mut words = vec!["the"; 3 * REACH];
        words[REACH + 5] = "said";
        let cues: Vec<_> = words.iter().map(|w| lex::any_cue(w)).collect();
        let near = near_cues(&words, &cues);
        assert!(!near[4] && near[5] && near[2 * REACH + 5] && !near[2 * REACH + 6]);
        let (labels, margins) = NET.label(&words, &hashes(&words), &near, END_MARGIN);
        assert!(margins[4] == f32::NEG_INFINITY && margins[5].is_finite());
        assert_eq!(labels[4], NONE);
        // A one-word document labels without panicking.
        let doc = Doc::new("ok");
        assert_eq!(predict(&doc).ends, [true]);
    }

    #[test]
    fn the_compiled_model_finds_the_end_before_a_closing_frame() {
        let words: Vec<&str> = "the plan is dead the senator conceded the house voted on friday"
            .split(' ')
            .collect();
        let near = vec![true; words.len()];
        let (labels, _) = NET.label(&words, &hashes(&words), &near, END_MARGIN);
        let ends: Vec<&str> = (0..words.len())
            .filter(|&i| labels[i] == END)
            .map(|i| words[i])
            .collect();
        assert_eq!(ends, ["dead", "friday"]);
    }
}
