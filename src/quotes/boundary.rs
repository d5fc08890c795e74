//! Sentence and comma boundaries in stripped text, predicted by a small
//! averaged perceptron ([`crate::learn`]) trained on ordinary news text with
//! its punctuation removed.
//!
//! Each gap after a token gets one of three labels: nothing, a clause mark
//! (a comma, semicolon, colon, dash, bracket or quotation mark was there) or
//! a sentence end. Features are the words around the gap (three before,
//! three after), their bigrams and trigrams, suffixes and shapes. Feature
//! hashes are folded to 21 bits (`FOLD`); features whose averaged weights
//! stay under 1.3 are pruned, which keeps the compiled-in model at 4.3 MB.
//!
//! The model is `data/boundaries.bin`, rebuilt with
//!
//! ```text
//! cargo run --release --features train --bin newsmine-train-boundaries -- \
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

use super::lex::{self, Cue};
use crate::learn::{hash_str, mix};
#[cfg(feature = "training")]
use crate::learn::Model;
use crate::text::Doc;

/// Gap labels.
pub const NONE: usize = 0;
pub const CLAUSE: usize = 1;
pub const END: usize = 2;
/// Number of labels.
pub const CLASSES: usize = 3;

/// The mask that folds feature hashes to 21 bits: the size of the model's
/// feature space, and of the bitmap of [`Table`] (each bit more doubles it).
/// Retune by retraining the model (the command above) and scoring quotes
/// with `newsmine-eval-quotes`; the measurement behind 21 is in
/// `src/quotes/RESULTS.md`.
const FOLD: u64 = (1 << 21) - 1;

static MODEL_BYTES: &[u8] = include_bytes!("data/boundaries.bin");

/// The compiled-in model, as the fast table [`predict`] uses. A model that
/// does not load is a build defect: this panics rather than label nothing.
static TABLE: LazyLock<Table> = LazyLock::new(|| {
    Table::from_bytes(MODEL_BYTES)
        .unwrap_or_else(|e| panic!("the compiled-in boundary model does not load: {e}"))
});

/// The weights of a boundary model, looked up by folded feature hash through
/// a ranked bitmap: one bit per possible hash says whether the model has the
/// feature, and the number of set bits below it is the feature's row in a
/// dense weight array. No probing, no key comparisons, no branches; the
/// bitmap (512 kB with its ranks) and the weights (1.3 MB) stay in cache far
/// better than a hash table would, and the place of a feature's bit is
/// known from its hash alone, so [`label_fast`] starts the loads of many
/// lookups before it uses any ([`prefetch`]).
/// The model bytes hold `i16` weights times one scale; the table holds them
/// as `i8` (the largest at 127), half the memory, and so half of what the
/// quote stage and the other stages push out of each other's caches at
/// every article. Scores change by less than the weights' rounding (what
/// that cost in quote scores: `src/quotes/RESULTS.md`).
pub struct Table {
    blocks: Vec<Block>,
    /// One row per feature, in hash order, and a last row of zeros (where
    /// an absent feature above every present one points).
    rows: Vec<[i8; CLASSES]>,
    scale: f32,
}

/// 64 bits of the bitmap and the number of bits set before them.
#[derive(Clone, Copy, Default)]
struct Block {
    bits: u64,
    rank: u32,
}

impl Table {
    /// Reads the bytes of [`crate::learn::Model::to_bytes`] for a
    /// three-class model whose feature hashes are folded to 21 bits.
    pub fn from_bytes(b: &[u8]) -> Result<Table, String> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], String> {
            let s = b.get(at..at + n).ok_or("model bytes end early")?;
            at += n;
            Ok(s)
        };
        if take(8)? != b"NMPERC01" {
            return Err("not a newsmine perceptron model".into());
        }
        let u32_at = |s: &[u8]| u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
        let classes = u32_at(take(4)?) as usize;
        let n = u32_at(take(4)?) as usize;
        let scale = f32::from_bits(u32_at(take(4)?));
        if classes != CLASSES {
            return Err(format!("{classes} classes, want {CLASSES}"));
        }
        take((classes + 1) * classes * 4)?; // transitions: unused here
        let mut blocks = vec![Block::default(); (FOLD as usize + 1) / 64];
        let mut rows16: Vec<[i16; CLASSES]> = Vec::with_capacity(n);
        let mut key = 0u64;
        for i in 0..n {
            let mut delta = 0u64;
            for sh in (0..64).step_by(7) {
                let byte = take(1)?[0];
                delta |= u64::from(byte & 0x7f) << sh;
                if byte < 0x80 {
                    break;
                }
            }
            // Keys ascend strictly: a feature's row is its rank.
            if i > 0 && delta == 0 {
                return Err("feature keys out of order".into());
            }
            key = key.wrapping_add(delta);
            if key > FOLD {
                return Err("feature key beyond the fold".into());
            }
            let mut w = [0i16; CLASSES];
            for _ in 0..take(1)?[0] {
                let e = take(3)?;
                let j = usize::from(e[0]);
                *w.get_mut(j).ok_or("class out of range")? = i16::from_le_bytes([e[1], e[2]]);
            }
            blocks[(key >> 6) as usize].bits |= 1 << (key & 63);
            rows16.push(w);
        }
        // To `i8`, the largest weight at 127.
        let max = rows16.iter().flatten().map(|w| w.unsigned_abs()).max();
        let k = 127.0 / f32::from(max.unwrap_or(1).max(1));
        let mut rows: Vec<[i8; CLASSES]> = rows16
            .iter()
            .map(|r| r.map(|w| (f32::from(w) * k).round() as i8))
            .collect();
        rows.push([0; CLASSES]);
        let mut rank = 0u32;
        for b in &mut blocks {
            b.rank = rank;
            rank += b.bits.count_ones();
        }
        Ok(Table {
            blocks,
            rows,
            scale: scale / k,
        })
    }

    /// The quantized weights of feature `f` (a folded hash).
    #[inline]
    fn weights(&self, f: u64) -> [i8; CLASSES] {
        self.rows[self.row(f)]
    }

    /// The row of feature `f` (a folded hash) in `rows`.
    #[inline]
    fn row(&self, f: u64) -> usize {
        self.row_of(self.blocks[(f >> 6) as usize], f)
    }

    /// Adds the quantized weights of feature `f` to `acc`.
    #[inline]
    fn add_feature(&self, f: u64, acc: &mut [i32; CLASSES]) {
        for (a, w) in acc.iter_mut().zip(self.weights(f)) {
            *a += i32::from(w);
        }
    }

    /// The row of feature `f` given its bitmap block `b`: its rank, or the
    /// zero row when the model does not have it (a select, not a branch:
    /// whether a feature is in the model is unpredictable).
    #[inline]
    fn row_of(&self, b: Block, f: u64) -> usize {
        let bit = f & 63;
        let rank = b.rank as usize + (b.bits & ((1 << bit) - 1)).count_ones() as usize;
        let present = 0usize.wrapping_sub(((b.bits >> bit) & 1) as usize);
        (rank & present) | ((self.rows.len() - 1) & !present)
    }

    /// Adds the scores of `feats` (folded hashes) to `out`.
    #[cfg(feature = "training")]
    pub fn add_scores(&self, feats: &[u64], out: &mut [f32; CLASSES]) {
        let mut acc = [0i32; CLASSES];
        for &f in feats {
            self.add_feature(f, &mut acc);
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o += a as f32 * self.scale;
        }
    }

    /// The [`WordRow`] of a word with hash `word` and suffix hash `suffix`.
    fn word_row(&self, word: u64, suffix: u64) -> WordRow {
        let keys = [
            mix(13, word),
            mix(4, word),
            mix(2, word),
            mix(3, word),
            mix(5, word),
            mix(14, word),
            mix(9, suffix),
            mix(10, suffix),
        ];
        keys.map(|k| self.weights(k & FOLD))
    }
}

/// What one word adds to a gap's scores through the features that look at
/// it alone, for each place it can take in the window: the word two before
/// the gap, one before, right before, right after, two after, three after;
/// its suffix right before the gap, right after.
type WordRow = [[i8; CLASSES]; 8];

thread_local! {
    /// Word rows by word hash, kept across documents: news repeats its
    /// words, so most rows come from here, not from eight lookups in the
    /// model table (per thread, no lock; 2 MB).
    static ROWS: std::cell::RefCell<RowCache> = std::cell::RefCell::new(RowCache::new());
}

/// A cache of [`WordRow`]s, two-way set-associative: the row of a word
/// with hash `h` can only be in set `h % ROW_SETS`, so the sets of a
/// document's words are known before any is read and their loads can be
/// started together ([`prefetch`]); a set is one cache line, its first
/// entry the one used last.
struct RowCache {
    sets: Vec<RowSet>,
}

#[repr(align(64))]
struct RowSet([(u64, WordRow); 2]);

const ROW_SETS: usize = 1 << 15;

impl RowCache {
    /// The entries of set `i` start with keys that belong in another set:
    /// no word's hash matches an empty entry.
    fn new() -> Self {
        RowCache {
            sets: (0..ROW_SETS as u64)
                .map(|i| RowSet([(i ^ 1, [[0; CLASSES]; 8]); 2]))
                .collect(),
        }
    }

    fn set(h: u64) -> usize {
        h as usize & (ROW_SETS - 1)
    }

    /// The row of word `j` (hash `h`), from its set or computed into it.
    fn get(&mut self, t: &Table, h: &WordHashes, j: usize) -> &WordRow {
        let key = h.word[j];
        let set = &mut self.sets[Self::set(key)].0;
        if set[0].0 != key {
            if set[1].0 == key {
                set.swap(0, 1);
            } else {
                set[1] = set[0];
                set[0] = (key, t.word_row(key, h.suffix(j)));
            }
        }
        &set[0].1
    }
}

/// How many loads [`label_fast`] starts ahead of their use: enough to
/// overlap their misses, few enough that the lines stay in the first-level
/// cache until used.
const PREFETCH: usize = 256;

/// Asks the processor to start loading the cache line of `p`, so that
/// independent loads overlap their cache misses (a hint: it changes no
/// result, and does nothing on other processors).
#[inline]
fn prefetch<T>(p: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads no memory the program sees and cannot fault.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(std::ptr::from_ref(p).cast());
    }
}

/// How far "nothing" must lead on the one-word features for [`predict`] to
/// skip the pair features of a gap (most gaps are plainly nothing); the
/// pair lookups are cache misses. A lower lead leaves fewer gaps open and
/// lengthens contents. Retune it with [`REACH`] on stripped quote F1 and
/// speaker accuracy (`newsmine-eval-quotes`, on PolNeAR dev and on a split
/// the model has not seen); the grid it was chosen on is in
/// `src/quotes/RESULTS.md`.
const CASCADE_LEAD: f32 = 0.0;

/// [`label_with`] with the table, faster and, with `cascade` infinite, with
/// the same result: the features that look at one word come from cached
/// [`WordRow`]s, the others (pairs, triples, shapes) from the table, unless
/// "nothing" already leads by `cascade`; gaps within three words of either
/// end take the plain path; gaps not `near` a cue are nothing; `seen`:
/// the words near gaps see ([`seen_words`]).
fn label_fast(
    t: &Table,
    h: &WordHashes,
    near: &[bool],
    seen: &[bool],
    end_margin: f32,
    cascade: f32,
) -> (Vec<usize>, Vec<f32>) {
    let n = h.word.len();
    let mut bias = [0i32; CLASSES];
    t.add_feature(mix(1, 0) & FOLD, &mut bias);
    // The one-word scores of every gap: each word adds each place of its
    // cached row to the gap that sees it there (a gap at `i` sees word
    // `i + AT[place]`). Words no near gap sees are not looked up.
    const AT: [isize; 8] = [-2, -1, 0, 1, 2, 3, 0, 1];
    let mut one = vec![bias; n];
    let seen_at: Vec<usize> = (0..n).filter(|&j| seen[j]).collect();
    ROWS.with(|cache| {
        let cache = &mut *cache.borrow_mut();
        for bundle in seen_at.chunks(PREFETCH) {
            for &j in bundle {
                prefetch(&cache.sets[RowCache::set(h.word[j])]);
            }
            for &j in bundle {
                let row = cache.get(t, h, j);
                for (w, off) in row.iter().zip(AT) {
                    if let Some(acc) = one.get_mut(j.wrapping_add_signed(-off)) {
                        for (a, &w) in acc.iter_mut().zip(w) {
                            *a += i32::from(w);
                        }
                    }
                }
            }
        }
    });
    let finish = |acc: [i32; CLASSES]| {
        let mut scores = acc.map(|a| a as f32 * t.scale);
        let margin = scores[END] - scores[NONE].max(scores[CLAUSE]);
        scores[END] -= end_margin;
        (crate::learn::argmax(&scores), margin)
    };
    let mut out = vec![NONE; n];
    let mut margins = vec![f32::NEG_INFINITY; n];
    let mut feats = Vec::new();
    // Gaps the cascade leaves open, with their one-word scores.
    let mut open = Vec::new();
    for i in (0..n).filter(|&i| near[i]) {
        if i < 2 || i + 3 >= n {
            feats.clear();
            features(h, i, &mut feats);
            let mut acc = [0i32; CLASSES];
            for &f in &feats {
                t.add_feature(f, &mut acc);
            }
            (out[i], margins[i]) = finish(acc);
            continue;
        }
        let acc = one[i];
        // A cascade: when the features that look at one word already make
        // "nothing" win by far, the pair features (nine more lookups) are
        // not made.
        let lead = acc[NONE] - acc[END].max(acc[CLAUSE]);
        if (lead as f32) * t.scale > cascade {
            margins[i] = -(lead as f32) * t.scale;
        } else {
            open.push((i, acc));
        }
    }
    // The pair features of the open gaps, looked up a bundle of gaps at a
    // time: each lookup is two dependent loads (bitmap block, then row),
    // most of them cache misses (the model does not stay in the caches
    // beside the rest of the pipeline), so all the block loads of a bundle
    // are started, then all its row loads, before any is used.
    let mut rows = Vec::new();
    for bundle in open.chunks(PREFETCH / PAIR_FEATURES) {
        feats.clear();
        for &(i, _) in bundle {
            pair_features(h, i, &mut feats);
        }
        for &f in &feats {
            prefetch(&t.blocks[(f >> 6) as usize]);
        }
        rows.clear();
        rows.extend(feats.iter().map(|&f| t.row(f)));
        for &r in &rows {
            prefetch(&t.rows[r]);
        }
        for (&(i, mut acc), rows) in bundle.iter().zip(rows.chunks(PAIR_FEATURES)) {
            for &r in rows {
                for (a, w) in acc.iter_mut().zip(t.rows[r]) {
                    *a += i32::from(w);
                }
            }
            (out[i], margins[i]) = finish(acc);
        }
    }
    if let Some(last) = out.last_mut() {
        *last = END;
    }
    (out, margins)
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
    let h = WordHashes::new(&words);
    let cues: Vec<Option<&'static Cue>> = words
        .iter()
        .zip(&h.word)
        .map(|(w, &h)| lex::cue_hashed(w, h))
        .collect();
    let near = near_cues(&words, &cues);
    let seen = seen_words(&near);
    let (labels, mut margins) = label_fast(&TABLE, &h, &near, &seen, END_MARGIN, CASCADE_LEAD);
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
/// time is this model). Shorter reaches cut long contents short; retune
/// with [`CASCADE_LEAD`].
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

/// Whether a gap [`near_cues`] sees each word (a gap after word `i` sees
/// words `i - 2 ..= i + 3`).
fn seen_words(near: &[bool]) -> Vec<bool> {
    let n = near.len();
    let mut seen = vec![false; n];
    for i in (0..n).filter(|&i| near[i]) {
        seen[i.saturating_sub(2)..(i + 4).min(n)].fill(true);
    }
    seen
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
#[cfg(feature = "training")]
pub fn label_words(model: &Model, words: &[&str], end_margin: f32) -> Vec<usize> {
    label_words_with_margins(model, words, end_margin).0
}

/// [`label_words`], with how much the sentence end outscores the best other
/// label at each gap.
#[cfg(feature = "training")]
pub fn label_words_with_margins(
    model: &Model,
    words: &[&str],
    end_margin: f32,
) -> (Vec<usize>, Vec<f32>) {
    label_with(words, end_margin, |f, s| model.add_scores(f, s))
}

#[cfg(feature = "training")]
fn label_with(
    words: &[&str],
    end_margin: f32,
    add_scores: impl Fn(&[u64], &mut [f32; CLASSES]),
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
        add_scores(&feats, &mut scores);
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

/// The words of a document with their hashes, computed once; the hashes
/// of their suffixes (last three letters) and shapes, which only some
/// features need, are computed when asked for.
pub struct WordHashes<'a> {
    words: &'a [&'a str],
    word: Vec<u64>,
}

impl<'a> WordHashes<'a> {
    pub fn new(words: &'a [&'a str]) -> Self {
        WordHashes {
            words,
            word: words.iter().map(|w| hash_str(w)).collect(),
        }
    }

    /// The hash of word `i`'s last three characters (of "" past the end).
    fn suffix(&self, i: usize) -> u64 {
        match self.words.get(i) {
            Some(w) => match suffix_start(w) {
                0 => self.word[i],
                cut => hash_str(&w[cut..]),
            },
            None => hash_str(""),
        }
    }

    /// The shape of word `i` (0 past the end).
    fn shape(&self, i: usize) -> u64 {
        self.words.get(i).map_or(0, |w| shape(w))
    }
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

/// The features of the gap after word `i` of a document (see
/// [`WordHashes`]), appended to `out`.
pub fn features(h: &WordHashes, i: usize, out: &mut Vec<u64>) {
    let (wm2, wm1, w0, w1, w2, w3) = window(h, i);
    // The features that look at one word (see [`WordRow`]), then the rest.
    let fs = [
        mix(1, 0),
        mix(2, w0),
        mix(3, w1),
        mix(4, wm1),
        mix(5, w2),
        mix(9, h.suffix(i)),
        mix(10, h.suffix(i + 1)),
        mix(13, wm2),
        mix(14, w3),
    ];
    out.extend(fs.iter().map(|f| f & FOLD));
    pair_features(h, i, out);
}

/// The words around the gap after word `i`: two before word `i` .. three
/// after it (boundary markers beyond the document).
fn window(h: &WordHashes, i: usize) -> (u64, u64, u64, u64, u64, u64) {
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
    (at(-2), at(-1), at(0), at(1), at(2), at(3))
}

/// How many features [`pair_features`] gives a gap.
const PAIR_FEATURES: usize = 9;

/// The features of the gap after word `i` that look at more than one word.
fn pair_features(h: &WordHashes, i: usize, out: &mut Vec<u64>) {
    let (_, wm1, w0, w1, w2, w3) = window(h, i);
    let fs: [u64; PAIR_FEATURES] = [
        mix(6, mix(w0, w1)),
        mix(7, mix(wm1, w0)),
        mix(8, mix(w1, w2)),
        mix(11, mix(h.shape(i), h.shape(i + 1))),
        mix(12, mix(wm1, mix(w0, w1))),
        mix(15, mix(w0, w2)),
        mix(16, mix(w1, mix(w2, w3))),
        mix(17, mix(w0, h.suffix(i + 1))),
        mix(18, mix(h.suffix(i), w1)),
    ];
    out.extend(fs.iter().map(|f| f & FOLD));
}

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
    fn compiled_in_table_loads() {
        // A table that does not load panics here, by name.
        let t = &*TABLE;
        assert!(t.rows.len() > 10_000 && t.scale > 0.0);
    }

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
    fn the_table_scores_as_the_model_does() {
        let m = Model::from_bytes(MODEL_BYTES).expect("model bytes load");
        let t = &*TABLE;
        let words: Vec<&str> = "kagan says the iranians wanted to be on an escalation path 10 000"
            .split(' ')
            .collect();
        let (a, ma) = label_words_with_margins(&m, &words, END_MARGIN);
        let (b, mb) = label_with(&words, END_MARGIN, |f, s| t.add_scores(f, s));
        assert_eq!(a, b);
        // Each of a gap's features is rounded by at most half a step of the
        // table's scale, in each of the two scores a margin compares.
        let mut feats = Vec::new();
        features(&WordHashes::new(&words), 5, &mut feats);
        let bound = feats.len() as f32 * t.scale;
        for (x, y) in ma.iter().zip(&mb) {
            assert!((x - y).abs() <= bound, "{x} vs {y} (bound {bound})");
        }
        // The cached path, twice (rows computed, then from the cache).
        for _ in 0..2 {
            let near = vec![true; words.len()];
            assert_eq!(
                label_fast(
                    t,
                    &WordHashes::new(&words),
                    &near,
                    &near,
                    END_MARGIN,
                    f32::INFINITY
                ),
                (b.clone(), mb.clone())
            );
        }
    }

    #[test]
    fn words_that_share_a_cache_set_keep_their_own_rows() {
        let t = &*TABLE;
        // Three words whose rows go in one set (of two) of the word-row
        // cache: each pushes out another in turn.
        let mut by_set: std::collections::HashMap<usize, Vec<String>> = Default::default();
        let same = (0..)
            .map(|k| format!("w{k}"))
            .find_map(|w| {
                let set = by_set.entry(RowCache::set(hash_str(&w))).or_default();
                set.push(w);
                (set.len() == 3).then(|| set.clone())
            })
            .expect("three words in one set");
        let [a, b, c] = [&same[0], &same[1], &same[2]];
        let text = format!("{a} {b} said {c} the {b} {a} {c} said to {b} {a} {c} and {a}");
        let words: Vec<&str> = text.split(' ').collect();
        let plain = label_with(&words, END_MARGIN, |f, s| t.add_scores(f, s));
        let near = vec![true; words.len()];
        let h = WordHashes::new(&words);
        for _ in 0..2 {
            let fast = label_fast(t, &h, &near, &near, END_MARGIN, f32::INFINITY);
            assert_eq!(fast.0, plain.0);
            assert_eq!(fast.1, plain.1);
        }
    }

    #[test]
    fn suffixes_are_the_last_three_characters() {
        for (w, suffix) in [("said", "aid"), ("the", "the"), ("a", "a"), ("café", "afé")] {
            assert_eq!(&w[suffix_start(w)..], suffix);
        }
        let h = WordHashes::new(&["said", "the"]);
        assert_eq!(
            [h.suffix(0), h.suffix(1), h.suffix(2)],
            [hash_str("aid"), hash_str("the"), hash_str("")]
        );
    }

    #[test]
    fn the_model_runs_near_cues_only() {
        let mut words = vec!["the"; 3 * REACH];
        words[REACH + 5] = "said";
        let cues: Vec<_> = words.iter().map(|w| lex::any_cue(w)).collect();
        let near = near_cues(&words, &cues);
        assert!(!near[4] && near[5] && near[2 * REACH + 5] && !near[2 * REACH + 6]);
        // The gap after word 5 sees words 3 to 8.
        let mut near = vec![false; 10];
        near[5] = true;
        let seen: Vec<usize> = (0..10).filter(|&j| seen_words(&near)[j]).collect();
        assert_eq!(seen, [3, 4, 5, 6, 7, 8]);
        let doc = Doc::new("ok");
        assert!(predict(&doc).sure_ends[0]);
    }

    #[test]
    fn the_compiled_model_loads_and_labels() {
        let m = Model::from_bytes(MODEL_BYTES).expect("model bytes load");
        let words: Vec<&str> = "the ministry said the talks had failed the president arrived"
            .split(' ')
            .collect();
        let labels = label_words(&m, &words, END_MARGIN);
        assert_eq!(labels.len(), words.len());
        assert_eq!(*labels.last().unwrap(), END);
    }
}
