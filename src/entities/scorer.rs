//! Emission scores of a document's tokens, fast: the scores of the features
//! that depend on one word alone (its own features and what it contributes
//! to each neighbour in the window, see `features`) are summed once per word
//! type and kept in a per-thread cache across documents, so a token costs
//! one cache lookup plus its few context features. Context features are
//! memoized per thread too, in a table small enough to stay in cache, in
//! front of the model's large one. Buffers are reused: no allocation per
//! token once the caches are warm.
//!
//! The scores equal those of `Model::add_scores` over `extract_features`
//! (the training path) up to float rounding; a test checks it.

use std::cell::RefCell;

use super::features::{
    context_features, neighbour_features, DocFacts, Resources, WordType, OFFSETS,
};
use super::tagger::{history_features, NerModel, WordCounts, TAGS};
use crate::learn::{hash_bytes, FeatureMap, Model, Transitions};
use crate::text::{Doc, Form};

/// Word types kept per thread before the cache starts over (each holds
/// `5 positions * 2 stages * 17 tags` floats: 680 bytes, ~22 MB in all;
/// fewer types mean more recomputing on a large vocabulary).
const MAX_TYPES: usize = 32_000;
/// Memoized context features per stage before that memo starts over.
const MAX_MEMO: usize = 50_000;

const POSITIONS: usize = 1 + OFFSETS.len();

/// Every feature of a tagger's stages in one table: a feature's row holds
/// its weights for stage 1 then stage 2, so one probe serves both stages.
/// Built once per model, shared by all threads.
#[derive(Debug, Clone, Default)]
pub struct Joint {
    stride: usize,
    index: FeatureMap<u32>,
    rows: Vec<f32>,
}

impl Joint {
    pub fn new(model: &NerModel) -> Joint {
        let stages: Vec<&Model> = model.stages().collect();
        let stride = stages.len() * TAGS;
        let mut index = FeatureMap::default();
        let mut keys: Vec<u64> = stages.iter().flat_map(|m| m.keys()).collect();
        keys.sort_unstable();
        keys.dedup();
        let mut rows = vec![0f32; keys.len() * stride];
        for (r, &k) in keys.iter().enumerate() {
            index.insert(k, r as u32);
            for (si, m) in stages.iter().enumerate() {
                if let Some(w) = m.row(k) {
                    rows[r * stride + si * TAGS..][..TAGS].copy_from_slice(w);
                }
            }
        }
        Joint {
            stride,
            index,
            rows,
        }
    }

    #[inline]
    fn row(&self, f: u64) -> Option<&[f32]> {
        self.index
            .get(&f)
            .map(|&r| &self.rows[r as usize * self.stride..][..self.stride])
    }

    fn add_scores(&self, feats: &[u64], out: &mut [f32]) {
        for &f in feats {
            if let Some(row) = self.row(f) {
                add(out, row);
            }
        }
    }
}

#[inline]
fn add(out: &mut [f32], row: &[f32]) {
    for (o, w) in out.iter_mut().zip(row) {
        *o += w;
    }
}

/// Feature hash -> joint row, in front of the joint table, for the features
/// that take few values (so the memo stays small and in cache).
#[derive(Default)]
struct Memo {
    index: FeatureMap<u32>,
    rows: Vec<f32>,
}

const ABSENT: u32 = u32::MAX;

impl Memo {
    fn clear(&mut self) {
        self.index.clear();
        self.rows.clear();
    }

    /// The joint row of `f` (`None`: no weights).
    #[inline]
    fn get(&mut self, joint: &Joint, f: u64) -> Option<&[f32]> {
        let st = joint.stride;
        let r = match self.index.get(&f) {
            Some(&r) => r,
            None => {
                let r = match joint.row(f) {
                    Some(row) => {
                        let r = (self.rows.len() / st) as u32;
                        self.rows.extend_from_slice(row);
                        r
                    }
                    None => ABSENT,
                };
                self.index.insert(f, r);
                r
            }
        };
        (r != ABSENT).then(|| &self.rows[r as usize * st..(r as usize + 1) * st])
    }
}

/// Per-thread state of the tagger: caches bound to one model and one set of
/// resources, and the per-document buffers.
#[derive(Default)]
pub struct Scratch {
    bound: Option<(u64, u64)>,
    /// Scores per tag over all stages (`stages * TAGS`).
    stride: usize,
    /// `hash(form, text)` -> index into `types`.
    keys: FeatureMap<u32>,
    types: Vec<WordType>,
    words: Vec<u64>,
    /// Per type, per position (self, then `OFFSETS`): `stride` scores.
    scores: Vec<f32>,
    /// Per form, per offset: `stride` scores of the document's edge.
    edges: Vec<f32>,
    memo: Memo,
    trans: Vec<Transitions>,
    // Per-document buffers.
    slots: Vec<u32>,
    facts: DocFacts,
    feats: Vec<u64>,
    pairs: Vec<u64>,
    /// Per token, `stride` emission scores (stage 1, then stage 2).
    em: Vec<f32>,
    /// One stage's emissions, gathered for Viterbi.
    em1: Vec<f32>,
    path: Vec<usize>,
    back: Vec<u8>,
    counts: WordCounts,
    pub(crate) tags: Vec<usize>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's scratch.
pub fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|s| match s.try_borrow_mut() {
        Ok(mut s) => f(&mut s),
        // Re-entered (not done by the tagger itself): use a fresh one.
        Err(_) => f(&mut Scratch::default()),
    })
}

impl Scratch {
    fn bind(&mut self, model: &NerModel, res: &Resources) {
        let id = (model.id(), res.id());
        if self.bound == Some(id) {
            return;
        }
        *self = Scratch::default();
        self.bound = Some(id);
        let joint = model.joint();
        self.stride = joint.stride;
        self.trans = model
            .stages()
            .map(|m| Transitions::new(TAGS, &m.transitions()))
            .collect();
        for ordinary in [true, false] {
            for k in OFFSETS {
                self.feats.clear();
                neighbour_features(None, k, ordinary, &mut self.feats);
                let at = self.edges.len();
                self.edges.resize(at + self.stride, 0.0);
                joint.add_scores(&self.feats, &mut self.edges[at..]);
            }
        }
    }

    /// Fills `slots` with each token's word type, scoring new types.
    fn lookup_types(&mut self, doc: &Doc, joint: &Joint, res: &Resources) {
        if self.types.len() + doc.tokens.len() > MAX_TYPES {
            self.keys.clear();
            self.types.clear();
            self.words.clear();
            self.scores.clear();
        }
        if self.memo.index.len() > MAX_MEMO {
            self.memo.clear();
        }
        let ordinary = doc.form == Form::Ordinary;
        let seed = if ordinary { 0x0D } else { 0x57 };
        let st = self.stride;
        self.slots.clear();
        for (i, tok) in doc.tokens.iter().enumerate() {
            let text = doc.token_text(i);
            let key = hash_bytes(seed, text.as_bytes());
            let slot = match self.keys.get(&key) {
                Some(&s) => s,
                None => {
                    let s = self.types.len() as u32;
                    self.feats.clear();
                    let t = WordType::new(
                        text,
                        tok.kind,
                        ordinary,
                        res,
                        &mut self.feats,
                        &mut self.words,
                    );
                    let own = self.feats.len();
                    let at = self.scores.len();
                    self.scores.resize(at + POSITIONS * st, 0.0);
                    joint.add_scores(&self.feats[..own], &mut self.scores[at..at + st]);
                    for (p, &k) in OFFSETS.iter().enumerate() {
                        self.feats.truncate(own);
                        neighbour_features(Some(&t), k, ordinary, &mut self.feats);
                        let row = at + (p + 1) * st;
                        joint.add_scores(&self.feats[own..], &mut self.scores[row..row + st]);
                    }
                    self.types.push(t);
                    self.keys.insert(key, s);
                    s
                }
            };
            self.slots.push(slot);
        }
    }

    /// Emission scores of every stage without the history features.
    fn emissions(&mut self, doc: &Doc, joint: &Joint) {
        let n = doc.tokens.len();
        let ordinary = doc.form == Form::Ordinary;
        let st = self.stride;
        let edge_base = usize::from(!ordinary) * OFFSETS.len() * st;
        self.em.clear();
        self.em.resize(n * st, 0.0);
        for i in 0..n {
            let row = &mut self.em[i * st..(i + 1) * st];
            let own = self.slots[i] as usize * POSITIONS * st;
            row.copy_from_slice(&self.scores[own..own + st]);
            for (p, k) in OFFSETS.iter().enumerate() {
                let j = i as isize + k;
                let src = if j >= 0 && (j as usize) < n {
                    let at = self.slots[j as usize] as usize * POSITIONS * st + (p + 1) * st;
                    &self.scores[at..at + st]
                } else {
                    let at = edge_base + p * st;
                    &self.edges[at..at + st]
                };
                add(row, src);
            }
            self.feats.clear();
            self.pairs.clear();
            context_features(
                i,
                ordinary,
                &self.types,
                &self.slots,
                &self.facts,
                &mut self.pairs,
                &mut self.feats,
            );
            // Word pairs are too many to memoize usefully: straight to the table.
            joint.add_scores(&self.pairs, row);
            for &f in &self.feats {
                if let Some(w) = self.memo.get(joint, f) {
                    add(row, w);
                }
            }
        }
    }

    /// Viterbi over stage `si`'s emissions, sentence by sentence, into `out`.
    fn decode(&mut self, si: usize, sentences: &[(usize, usize)], out: &mut Vec<usize>) {
        let st = self.stride;
        out.clear();
        for &(a, b) in sentences {
            self.em1.clear();
            for i in a..b {
                self.em1
                    .extend_from_slice(&self.em[i * st + si * TAGS..i * st + (si + 1) * TAGS]);
            }
            self.trans[si].viterbi_into(&self.em1, &mut self.back, &mut self.path);
            out.extend_from_slice(&self.path);
        }
    }

    /// BILOU tags of `doc`'s tokens into `self.tags`.
    pub fn tag(
        &mut self,
        doc: &Doc,
        model: &NerModel,
        res: &Resources,
        sentences: &[(usize, usize)],
    ) {
        self.bind(model, res);
        let joint = model.joint();
        self.lookup_types(doc, joint, res);
        let mut facts = std::mem::take(&mut self.facts);
        facts.compute(doc, res, &self.types, &self.slots, &self.words);
        self.facts = facts;
        self.emissions(doc, joint);
        let mut tags = std::mem::take(&mut self.tags);
        self.decode(0, sentences, &mut tags);
        if model.stage2().is_some() {
            let mut counts = std::mem::take(&mut self.counts);
            counts.fill((0..doc.tokens.len()).map(|i| {
                let t = &self.types[self.slots[i] as usize];
                (t.is_word, t.low, tags[i])
            }));
            let st = self.stride;
            for i in 0..doc.tokens.len() {
                self.feats.clear();
                let c = counts.get(self.types[self.slots[i] as usize].low);
                history_features(i, &tags, c, &mut self.feats);
                let row = &mut self.em[i * st + TAGS..(i + 1) * st];
                for &f in &self.feats {
                    if let Some(w) = self.memo.get(joint, f) {
                        add(row, &w[TAGS..]);
                    }
                }
            }
            self.counts = counts;
            self.decode(1, sentences, &mut tags);
        }
        self.tags = tags;
    }
}
