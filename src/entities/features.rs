//! Features of each token for the entity tagger, hashed (see `crate::learn`).
//!
//! Word window (lowercase words at -2..=2, the word as written, affixes,
//! lowercase bigrams), shape and capitalisation only in ordinary text,
//! gazetteer matches with their BILOU position, word classes (news and
//! vector clusters, the casing prior: see `super::clusters`), and
//! document-level hints: in ordinary text whether a capitalized word appears
//! elsewhere in the article lowercased or capitalized mid-sentence.
//!
//! The features of a token fall in three groups, kept apart so the tagger
//! can cache the first two per word type (see `super::scorer`):
//! - [`self_features`]: depend only on the token's own text (and the form);
//! - [`neighbour_features`]: what a word contributes to the token `k`
//!   positions away (its lowercase form, shape and word classes);
//! - [`context_features`]: everything else (bigrams, shape pairs, sentence
//!   position, document evidence, gazetteer matches).
//!
//! [`extract_features`] lists all three for training; the tagger sums
//! cached scores of the first two and looks up only the third.

use std::sync::atomic::{AtomicU64, Ordering};

use super::clusters::{Clusters, Column, COLUMNS, NONE};
use super::gazetteer::{Lexicon, GAZ_CLASSES};
use crate::learn::{hash_str, mix, FeatureMap};
use crate::text::{Doc, Form, TokenKind};

/// The lexicons a feature extractor reads.
#[derive(Debug, Clone)]
pub struct Resources {
    lexicon: Lexicon,
    clusters: Clusters,
    /// Identifies these resources to per-thread caches (clones share it:
    /// the fields cannot change after construction).
    id: u64,
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// A process-unique id for caches keyed by a model or resources.
pub(crate) fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

impl Resources {
    pub fn new(lexicon: Lexicon, clusters: Clusters) -> Self {
        Resources {
            lexicon,
            clusters,
            id: next_id(),
        }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    #[cfg(feature = "training")]
    pub fn clusters(&self) -> &Clusters {
        &self.clusters
    }

    pub(crate) fn id(&self) -> u64 {
        self.id
    }
}

impl Default for Resources {
    fn default() -> Self {
        Resources::new(Lexicon::default(), Clusters::default())
    }
}

// Template ids (any distinct constants).
const BIAS: u64 = 1;
const LOW: u64 = 2; // + offset
const WORD: u64 = 10;
const PRE: u64 = 11;
const SUF: u64 = 12;
const SHAPE: u64 = 13; // + offset
const SHAPE2: u64 = 20;
const BIGRAM: u64 = 21;
const GAZ: u64 = 22;
const GAZ_NEAR: u64 = 23;
const CLUSTER: u64 = 24;
const INITIAL: u64 = 25;
const DOC_LOWER: u64 = 26;
const DOC_CAP: u64 = 27;
const NUMBER: u64 = 28;
const LEN: u64 = 29;
const CLUSTER2: u64 = 30;
const GAZ_WORD: u64 = 31;
const CLASS: u64 = 32; // + column, + 100 * (offset + 2) for neighbours
const CASE_SHARE: u64 = 40; // + 100 * (offset + 2)
const UNKNOWN: u64 = 41;

/// What the features need to know about one word type: a token's exact
/// text in one form.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordType {
    /// Hash of the lowercase text.
    pub low: u64,
    /// Hash of the shape (ordinary text; 0 in stripped text).
    pub shape: u64,
    /// The word's classes ([`Clusters`]; all [`NONE`] for an unknown word).
    pub classes: [u16; COLUMNS],
    /// Whether the first character is uppercase / lowercase.
    pub upper: bool,
    pub lower: bool,
    pub is_word: bool,
    /// The token's normalized words (see `gazetteer`): `words[at..at + len]`
    /// of the arena [`WordType::new`] appended them to.
    pub words_at: u32,
    pub words_len: u16,
}

fn shape_hash(s: &str) -> u64 {
    // The shape string ("McKenzie" -> "XxXx") built on the stack.
    let mut buf = [0u8; 64];
    let mut len = 0;
    let mut spill = String::new();
    let mut last = ' ';
    for c in s.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k == last {
            continue;
        }
        last = k;
        if spill.is_empty() && len + k.len_utf8() <= buf.len() {
            len += k.encode_utf8(&mut buf[len..]).len();
        } else {
            if spill.is_empty() {
                spill.push_str(std::str::from_utf8(&buf[..len]).unwrap_or(""));
            }
            spill.push(k);
        }
    }
    if spill.is_empty() {
        hash_str(std::str::from_utf8(&buf[..len]).unwrap_or(""))
    } else {
        hash_str(&spill)
    }
}

#[cfg(test)]
fn shape_of(s: &str) -> String {
    let mut out = String::new();
    let mut last = ' ';
    for c in s.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k != last {
            last = k;
            out.push(k);
        }
    }
    out
}

impl WordType {
    /// Describes `text` (a token of `kind`), appending its own features to
    /// `feats` (see [`self_features`]) and its normalized-word hashes to
    /// `words`.
    pub fn new(
        text: &str,
        kind: TokenKind,
        ordinary: bool,
        res: &Resources,
        feats: &mut Vec<u64>,
        words: &mut Vec<u64>,
    ) -> WordType {
        let low = text.to_lowercase();
        let words_at = words.len() as u32;
        super::gazetteer::normalized_word_hashes(text, words);
        let first = text.chars().next();
        let low_hash = hash_str(&low);
        let t = WordType {
            low: low_hash,
            shape: if ordinary { shape_hash(text) } else { 0 },
            classes: res
                .clusters
                .get(low_hash)
                .copied()
                .unwrap_or([NONE; COLUMNS]),
            upper: first.is_some_and(char::is_uppercase),
            lower: first.is_some_and(char::is_lowercase),
            is_word: kind == TokenKind::Word,
            words_at,
            words_len: (words.len() - words_at as usize).min(u16::MAX as usize) as u16,
        };
        self_features(&t, text, &low, kind, ordinary, feats);
        t
    }
}

/// Features of a token that depend only on its own text.
fn self_features(
    t: &WordType,
    text: &str,
    low: &str,
    kind: TokenKind,
    ordinary: bool,
    feats: &mut Vec<u64>,
) {
    feats.push(mix(BIAS, if ordinary { 0 } else { 1 }));
    feats.push(mix(LOW + 2, t.low));
    // Affixes of 1..=4 characters, hashed from byte slices at char bounds.
    let nchars = low.chars().count();
    let mut pre_ends = low
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain([low.len()]);
    let mut suf_starts = low.char_indices().rev().map(|(i, _)| i);
    for _ in 1..=4.min(nchars) {
        let (Some(p), Some(s)) = (pre_ends.next(), suf_starts.next()) else {
            break;
        };
        feats.push(mix(PRE, hash_str(&low[..p])));
        feats.push(mix(SUF, hash_str(&low[s..])));
    }
    feats.push(mix(LEN, nchars.min(12) as u64));
    if kind == TokenKind::Number {
        feats.push(mix(NUMBER, nchars.min(6) as u64));
    }
    if ordinary {
        feats.push(mix(WORD, hash_str(text)));
        feats.push(mix(SHAPE + 1, t.shape));
    }
    let c = &t.classes;
    if c[Column::NewsFine as usize] != NONE {
        feats.push(mix(CLUSTER + 1000, c[Column::NewsFine as usize] as u64));
        feats.push(mix(CLUSTER2 + 1000, c[Column::NewsCoarse as usize] as u64));
    }
    for col in [
        Column::VecRow,
        Column::VecFine,
        Column::VecMid,
        Column::VecCoarse,
        Column::Casing,
    ] {
        let v = c[col as usize];
        if v != NONE {
            feats.push(mix(CLASS + col as u64, v as u64));
        }
    }
    // The casing share alone (without frequency), shared by rare and
    // frequent words.
    let casing = c[Column::Casing as usize];
    if casing != NONE {
        feats.push(mix(CASE_SHARE + 200, (casing / 5) as u64));
    }
    // A word no table knows: in stripped text, often a rare name.
    if kind == TokenKind::Word && c.iter().all(|&v| v == NONE) {
        feats.push(mix(UNKNOWN, 1));
    }
}

/// The window offsets neighbour features are computed at.
pub const OFFSETS: [isize; 4] = [-2, -1, 1, 2];

/// What the word `t` contributes to the token `k` positions away from it
/// (`t` at `i + k` for token `i`; `None`: beyond the document's edge).
pub fn neighbour_features(t: Option<&WordType>, k: isize, ordinary: bool, feats: &mut Vec<u64>) {
    let low = match t {
        Some(t) => t.low,
        None if k < 0 => hash_str("<s>"),
        None => hash_str("</s>"),
    };
    feats.push(mix(LOW + (k + 2) as u64, low));
    if k.abs() == 1 {
        if ordinary {
            feats.push(mix(SHAPE + (k + 1) as u64, t.map_or(0, |t| t.shape)));
        }
        let Some(c) = t.map(|t| &t.classes) else {
            return;
        };
        if c[Column::NewsFine as usize] != NONE {
            feats.push(mix(
                CLUSTER + (k + 1) as u64 * 1000,
                c[Column::NewsFine as usize] as u64,
            ));
            feats.push(mix(
                CLUSTER2 + (k + 1) as u64 * 1000,
                c[Column::NewsCoarse as usize] as u64,
            ));
        }
        let at = 100 * (k + 2) as u64;
        for col in [Column::VecFine, Column::VecCoarse] {
            let v = c[col as usize];
            if v != NONE {
                feats.push(mix(CLASS + col as u64 + at, v as u64));
            }
        }
        let casing = c[Column::Casing as usize];
        if casing != NONE {
            feats.push(mix(CASE_SHARE + at, (casing / 5) as u64));
        }
    }
}

/// Per-document facts the context features read, computed by
/// [`DocFacts::compute`] into reusable buffers.
#[derive(Debug, Default)]
pub struct DocFacts {
    /// First word-like token of a sentence (ordinary text).
    pub initial: Vec<bool>,
    /// Per token: bit 0, the word appears elsewhere starting lowercase;
    /// bit 1, capitalized and not sentence-initial (ordinary text).
    pub seen: Vec<u8>,
    /// Gazetteer BILOU positions per token and class.
    pub gaz: Vec<[u8; GAZ_CLASSES]>,
    best: Vec<[u8; GAZ_CLASSES]>,
    norm: Vec<(u64, u32)>,
    by_low: FeatureMap<u8>,
}

impl DocFacts {
    /// Fills the facts for `doc`, whose token `i` has type `types[slots[i]]`
    /// (normalized words in `words`).
    pub fn compute(
        &mut self,
        doc: &Doc,
        res: &Resources,
        types: &[WordType],
        slots: &[u32],
        words: &[u64],
    ) {
        let n = doc.tokens.len();
        let ordinary = doc.form == Form::Ordinary;
        let ty = |i: usize| &types[slots[i] as usize];
        self.norm.clear();
        for i in 0..n {
            let t = ty(i);
            let at = t.words_at as usize;
            for &w in &words[at..at + t.words_len as usize] {
                self.norm.push((w, i as u32));
            }
        }
        res.lexicon
            .match_words(&self.norm, n, &mut self.gaz, &mut self.best);
        self.initial.clear();
        self.initial.resize(n, false);
        self.seen.clear();
        self.seen.resize(n, 0);
        if !ordinary {
            return;
        }
        let mut si = 0;
        let mut need = true;
        for (i, t) in doc.tokens.iter().enumerate() {
            while si < doc.sentences.len() && doc.sentences[si].end <= t.start {
                si += 1;
                need = true;
            }
            if si < doc.sentences.len() && t.start == doc.sentences[si].start {
                need = true;
            }
            if need && t.kind != TokenKind::Punct {
                self.initial[i] = true;
                need = false;
            }
        }
        self.by_low.clear();
        for i in 0..n {
            let t = ty(i);
            if t.lower {
                *self.by_low.entry(t.low).or_insert(0) |= 1;
            } else if t.upper && !self.initial[i] {
                *self.by_low.entry(t.low).or_insert(0) |= 2;
            }
        }
        for i in 0..n {
            self.seen[i] = self.by_low.get(&ty(i).low).copied().unwrap_or(0);
        }
    }
}

/// The features of token `i` that depend on its context (see the module
/// docs): word bigrams, which take many values, into `pairs`; the rest, which
/// take few (shapes, positions, gazetteer classes), into `feats`.
pub fn context_features(
    i: usize,
    ordinary: bool,
    types: &[WordType],
    slots: &[u32],
    facts: &DocFacts,
    pairs: &mut Vec<u64>,
    feats: &mut Vec<u64>,
) {
    let n = slots.len();
    let ty = |j: usize| &types[slots[j] as usize];
    let low_at = |j: isize| -> u64 {
        if j < 0 {
            hash_str("<s>")
        } else if j as usize >= n {
            hash_str("</s>")
        } else {
            ty(j as usize).low
        }
    };
    let ii = i as isize;
    let me = ty(i);
    pairs.push(mix(BIGRAM, mix(low_at(ii - 1), me.low)));
    pairs.push(mix(BIGRAM + 100, mix(me.low, low_at(ii + 1))));
    if ordinary {
        let sh = |j: isize| {
            if j < 0 || j as usize >= n {
                0
            } else {
                ty(j as usize).shape
            }
        };
        feats.push(mix(SHAPE2, mix(sh(ii - 1), me.shape)));
        feats.push(mix(SHAPE2 + 1, mix(me.shape, sh(ii + 1))));
        let init = facts.initial[i] as u64;
        feats.push(mix(INITIAL, mix(init, me.shape)));
        if me.upper {
            let l = (facts.seen[i] & 1) as u64;
            let c = ((facts.seen[i] >> 1) & 1) as u64;
            feats.push(mix(DOC_LOWER, l * 2 + init));
            feats.push(mix(DOC_CAP, c * 2 + init));
        }
    }
    let gaz = &facts.gaz;
    // What the word's own writing says of a lexicon match: its shape, or in
    // stripped text how often it is written capitalised.
    let case = if ordinary {
        me.shape
    } else {
        (me.classes[Column::Casing as usize] / 5) as u64
    };
    for (c, &p) in gaz[i].iter().enumerate() {
        if p != 0 {
            feats.push(mix(GAZ, (c * 8 + p as usize) as u64));
            feats.push(mix(GAZ_WORD, mix((c * 8 + p as usize) as u64, case)));
        }
        if i > 0 && gaz[i - 1][c] != 0 {
            feats.push(mix(GAZ_NEAR, c as u64));
        }
        if i + 1 < n && gaz[i + 1][c] != 0 {
            feats.push(mix(GAZ_NEAR + 100, c as u64));
        }
    }
}

/// Appends the features of every token of `doc` to `feats`; token `i` owns
/// `feats[offsets[i]..offsets[i + 1]]` (`offsets` gets `n + 1` entries).
/// The training path: the tagger's cached scoring sums the same features.
#[cfg(feature = "training")]
pub fn extract_features(
    doc: &Doc,
    res: &Resources,
    feats: &mut Vec<u64>,
    offsets: &mut Vec<usize>,
) {
    let n = doc.tokens.len();
    let ordinary = doc.form == Form::Ordinary;
    let mut own: Vec<Vec<u64>> = Vec::with_capacity(n);
    let mut words = Vec::new();
    let types: Vec<WordType> = (0..n)
        .map(|i| {
            let mut f = Vec::new();
            let t = WordType::new(
                doc.token_text(i),
                doc.tokens[i].kind,
                ordinary,
                res,
                &mut f,
                &mut words,
            );
            own.push(f);
            t
        })
        .collect();
    let slots: Vec<u32> = (0..n as u32).collect();
    let mut facts = DocFacts::default();
    facts.compute(doc, res, &types, &slots, &words);
    offsets.push(feats.len());
    for (i, own) in own.iter().enumerate() {
        feats.extend_from_slice(own);
        for k in OFFSETS {
            let j = i as isize + k;
            let t = (j >= 0 && (j as usize) < n).then(|| &types[j as usize]);
            neighbour_features(t, k, ordinary, feats);
        }
        let mut pairs = Vec::new();
        context_features(i, ordinary, &types, &slots, &facts, &mut pairs, feats);
        feats.extend(pairs);
        offsets.push(feats.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape_of("McKenzie"), "XxXx");
        assert_eq!(shape_of("U.S."), "X.X.");
        assert_eq!(shape_of("1996"), "d");
        for s in ["McKenzie", "U.S.", "1996", "", "é-Ü", &"Ab".repeat(80)] {
            assert_eq!(shape_hash(s), hash_str(&shape_of(s)), "{s}");
        }
    }
}
