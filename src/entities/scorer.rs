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
/// `2 stages * 5 positions * 17 tags` floats: 680 bytes, ~14 MB in all).
const MAX_TYPES: usize = 20_000;
/// Memoized context features per stage before that memo starts over.
const MAX_MEMO: usize = 50_000;

const POSITIONS: usize = 1 + OFFSETS.len();

/// Feature hash -> weights row, in front of a model's index.
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

    #[inline]
    fn add(&mut self, model: &Model, f: u64, out: &mut [f32]) {
        let r = match self.index.get(&f) {
            Some(&r) => r,
            None => {
                let r = match model.row(f) {
                    Some(row) => {
                        let r = (self.rows.len() / TAGS) as u32;
                        self.rows.extend_from_slice(row);
                        r
                    }
                    None => ABSENT,
                };
                self.index.insert(f, r);
                r
            }
        };
        if r != ABSENT {
            let row = &self.rows[r as usize * TAGS..(r as usize + 1) * TAGS];
            for (o, w) in out.iter_mut().zip(row) {
                *o += w;
            }
        }
    }
}

/// Per-thread state of the tagger: caches bound to one model and one set of
/// resources, and the per-document buffers.
#[derive(Default)]
pub struct Scratch {
    bound: Option<(u64, u64)>,
    stages: usize,
    /// `hash(form, text)` -> index into `types`.
    keys: FeatureMap<u32>,
    types: Vec<WordType>,
    words: Vec<u64>,
    /// Per type, per stage, per position (self, then `OFFSETS`): TAGS scores.
    scores: Vec<f32>,
    /// Per stage, per form, per offset: the scores of the document's edge.
    edges: Vec<f32>,
    memo: [Memo; 2],
    trans: Vec<Transitions>,
    // Per-document buffers.
    slots: Vec<u32>,
    facts: DocFacts,
    feats: Vec<u64>,
    pairs: Vec<u64>,
    em: Vec<f32>,
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

fn stride(stages: usize) -> usize {
    stages * POSITIONS * TAGS
}

impl Scratch {
    fn bind(&mut self, model: &NerModel, res: &Resources) {
        let id = (model.id(), res.id());
        if self.bound == Some(id) {
            return;
        }
        *self = Scratch {
            slots: std::mem::take(&mut self.slots),
            feats: std::mem::take(&mut self.feats),
            em: std::mem::take(&mut self.em),
            ..Scratch::default()
        };
        self.bound = Some(id);
        let stages: Vec<&Model> = model.stages().collect();
        self.stages = stages.len();
        self.trans = stages
            .iter()
            .map(|m| Transitions::new(TAGS, &m.transitions()))
            .collect();
        for m in &stages {
            for ordinary in [true, false] {
                for k in OFFSETS {
                    self.feats.clear();
                    neighbour_features(None, k, ordinary, &mut self.feats);
                    let at = self.edges.len();
                    self.edges.resize(at + TAGS, 0.0);
                    m.add_scores(&self.feats, &mut self.edges[at..]);
                }
            }
        }
    }

    fn clear_types(&mut self) {
        self.keys.clear();
        self.types.clear();
        self.words.clear();
        self.scores.clear();
    }

    /// Fills `slots` with each token's word type, scoring new types.
    fn lookup_types(&mut self, doc: &Doc, model: &NerModel, res: &Resources) {
        if self.types.len() + doc.tokens.len() > MAX_TYPES {
            self.clear_types();
        }
        for m in &mut self.memo {
            if m.index.len() > MAX_MEMO {
                m.clear();
            }
        }
        let ordinary = doc.form == Form::Ordinary;
        let seed = if ordinary { 0x0D } else { 0x57 };
        let st = stride(self.stages);
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
                    self.scores.resize(at + st, 0.0);
                    for (si, m) in model.stages().enumerate() {
                        let base = at + si * POSITIONS * TAGS;
                        m.add_scores(&self.feats[..own], &mut self.scores[base..base + TAGS]);
                        for (p, &k) in OFFSETS.iter().enumerate() {
                            self.feats.truncate(own);
                            neighbour_features(Some(&t), k, ordinary, &mut self.feats);
                            let row = base + (p + 1) * TAGS;
                            m.add_scores(&self.feats[own..], &mut self.scores[row..row + TAGS]);
                        }
                    }
                    self.types.push(t);
                    self.keys.insert(key, s);
                    s
                }
            };
            self.slots.push(slot);
        }
    }

    /// Emission scores of stage `si` into `em` (`n * TAGS`); stage 2 adds
    /// the history features of stage-1 tags `tags1`.
    fn emissions(&mut self, doc: &Doc, model: &Model, si: usize, tags1: Option<&[usize]>) {
        let n = doc.tokens.len();
        let ordinary = doc.form == Form::Ordinary;
        let st = stride(self.stages);
        let edge_base = (si * 2 + usize::from(!ordinary)) * OFFSETS.len() * TAGS;
        self.em.clear();
        self.em.resize(n * TAGS, 0.0);
        for i in 0..n {
            let row = &mut self.em[i * TAGS..(i + 1) * TAGS];
            let own = self.slots[i] as usize * st + si * POSITIONS * TAGS;
            row.copy_from_slice(&self.scores[own..own + TAGS]);
            for (p, k) in OFFSETS.iter().enumerate() {
                let j = i as isize + k;
                let src = if j >= 0 && (j as usize) < n {
                    let at = self.slots[j as usize] as usize * st + si * POSITIONS * TAGS;
                    &self.scores[at + (p + 1) * TAGS..at + (p + 2) * TAGS]
                } else {
                    let at = edge_base + p * TAGS;
                    &self.edges[at..at + TAGS]
                };
                for (o, w) in row.iter_mut().zip(src) {
                    *o += w;
                }
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
            // Word pairs are too many to memoize usefully: straight to the model.
            model.add_scores(&self.pairs, row);
            if let Some(t1) = tags1 {
                let c = self.counts.get(self.types[self.slots[i] as usize].low);
                history_features(i, t1, c, &mut self.feats);
            }
            let memo = &mut self.memo[si];
            for &f in &self.feats {
                memo.add(model, f, row);
            }
        }
    }

    fn decode(&mut self, si: usize, sentences: &[(usize, usize)], out: &mut Vec<usize>) {
        out.clear();
        for &(a, b) in sentences {
            self.trans[si].viterbi_into(
                &self.em[a * TAGS..b * TAGS],
                &mut self.back,
                &mut self.path,
            );
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
        self.lookup_types(doc, model, res);
        let mut facts = std::mem::take(&mut self.facts);
        facts.compute(doc, res, &self.types, &self.slots, &self.words);
        self.facts = facts;
        let mut tags = std::mem::take(&mut self.tags);
        let stages: Vec<&Model> = model.stages().collect();
        self.emissions(doc, stages[0], 0, None);
        self.decode(0, sentences, &mut tags);
        if let Some(m2) = stages.get(1) {
            let mut counts = std::mem::take(&mut self.counts);
            counts.fill((0..doc.tokens.len()).map(|i| {
                let t = &self.types[self.slots[i] as usize];
                (t.is_word, t.low, tags[i])
            }));
            self.counts = counts;
            self.emissions(doc, m2, 1, Some(&tags));
            self.decode(1, sentences, &mut tags);
        }
        self.tags = tags;
    }
}
