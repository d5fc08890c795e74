//! Learning primitives shared by the trained models of newsmine: an averaged
//! perceptron over hashed string features, multiclass or structured (first
//! order, decoded with Viterbi), with a compact serialization.
//!
//! # Features
//! A feature is a `u64`: hash strings with [`hash_str`] and combine parts with
//! [`mix`] (a template id, an offset, a token's hash), so building features
//! allocates nothing. Collisions are rare enough to ignore at the sizes we
//! train (< 10M features).
//!
//! # Training
//! ```
//! use newsmine::learn::{hash_str, Trainer};
//!
//! let f = |s: &str| vec![hash_str(s)];
//! let mut t = Trainer::new(2);
//! for _ in 0..5 {
//!     t.train_example(&f("good"), 1);
//!     t.train_example(&f("bad"), 0);
//! }
//! let model = t.average(0.0);
//! assert_eq!(model.predict(&f("good")), 1);
//! let model = newsmine::learn::Model::from_bytes(&model.to_bytes()).unwrap();
//! assert_eq!(model.predict(&f("bad")), 0);
//! ```
//!
//! Sequences: [`Trainer::train_sequence`] decodes with the current weights
//! (emission scores plus a transition matrix, with optional hard constraints
//! such as "I-PER may not follow O") and updates on the tokens where the
//! prediction differs (Collins 2002). [`Model::decode`] does the same at
//! inference. Averaging uses the lazy trick of Daumé (2006): every update of
//! `d` at time `c` adds `d` to the weight and `c * d` to an accumulator;
//! the average is `w - acc / c`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Hashes `s` (64-bit, stable across platforms and runs).
pub fn hash_str(s: &str) -> u64 {
    hash_text(s.as_bytes())
}

/// [`hash_str`] of text given as bytes (the same hash for the same text).
pub fn hash_text(bytes: &[u8]) -> u64 {
    hash_bytes(0x9E37_79B9_7F4A_7C15, bytes)
}

/// Hashes `bytes` starting from `seed`.
pub fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ fmix(v))
            .rotate_left(27)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = (h ^ fmix(tail(rest))).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    }
    fmix(h)
}

/// The 1 to 7 bytes of `b` as a little-endian number (zero above them),
/// read in at most two overlapping loads instead of a copy into a buffer
/// (most words are short: the tail is most of their hash).
#[inline]
fn tail(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 4 {
        let lo = u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        let hi = u64::from(u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]));
        // The bytes both loads hold are the same, so `|` keeps them.
        lo | hi << (8 * (n - 4))
    } else {
        // One, two or three bytes: the first, middle and last.
        u64::from(b[0])
            | u64::from(b[n / 2]) << (8 * (n / 2))
            | u64::from(b[n - 1]) << (8 * (n - 1))
    }
}

/// Combines two hashes (order matters): `mix(template, value)`.
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    fmix(a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.rotate_left(31) ^ 0x2545_F491_4F6C_DD1D)
}

#[inline]
fn fmix(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    k ^= k >> 33;
    k = k.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    k ^ (k >> 33)
}

/// Hasher for keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A `HashMap` keyed by feature hashes.
pub type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// A small seeded random generator (SplitMix64) for reproducible shuffles.
#[derive(Debug, Clone)]
#[cfg(feature = "training")]
pub struct Rng(u64);

#[cfg(feature = "training")]
impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        fmix(self.0)
    }
    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            xs.swap(i, self.below(i + 1));
        }
    }
}

/// Best path through `emissions` (`n * classes`, row per position) given
/// `trans` (`(classes + 1) * classes`: row 0 holds start scores, row `p + 1`
/// the scores of moving from class `p`). `-inf` forbids a move.
pub fn viterbi(classes: usize, emissions: &[f32], trans: &[f32]) -> Vec<usize> {
    let n = emissions.len() / classes;
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![0f32; classes];
    let mut next = vec![0f32; classes];
    let mut back = vec![0u8; n * classes];
    for c in 0..classes {
        score[c] = trans[c] + emissions[c];
    }
    for i in 1..n {
        let em = &emissions[i * classes..(i + 1) * classes];
        for c in 0..classes {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for (p, &s) in score.iter().enumerate() {
                let v = s + trans[(p + 1) * classes + c];
                if v > best {
                    best = v;
                    arg = p;
                }
            }
            next[c] = best + em[c];
            back[i * classes + c] = arg as u8;
        }
        std::mem::swap(&mut score, &mut next);
    }
    let mut c = argmax(&score);
    let mut path = vec![0; n];
    for i in (0..n).rev() {
        path[i] = c;
        c = back[i * classes + c] as usize;
    }
    path
}

/// Transition scores prepared for repeated decoding: the moves a hard
/// constraint forbids (`-inf`) are left out of the inner loop, so BILOU
/// decoding over 17 tags looks at ~6 predecessors per tag instead of 17.
/// [`Transitions::viterbi_into`] gives the same path as [`viterbi`].
#[derive(Debug, Clone)]
pub struct Transitions {
    classes: usize,
    trans: Vec<f32>,
    /// For each class, the predecessors it may follow, ascending.
    prev: Vec<Vec<(u8, f32)>>,
}

impl Transitions {
    /// `trans` laid out as in [`viterbi`].
    pub fn new(classes: usize, trans: &[f32]) -> Self {
        assert!((1..=256).contains(&classes));
        assert_eq!(trans.len(), (classes + 1) * classes);
        let prev = (0..classes)
            .map(|c| {
                (0..classes)
                    .filter_map(|p| {
                        let t = trans[(p + 1) * classes + c];
                        (t != f32::NEG_INFINITY).then_some((p as u8, t))
                    })
                    .collect()
            })
            .collect();
        Transitions {
            classes,
            trans: trans.to_vec(),
            prev,
        }
    }

    /// Best path through `emissions` (`n * classes`) into `path`, reusing
    /// `back` as scratch; no allocation once the buffers have grown.
    pub fn viterbi_into(&self, emissions: &[f32], back: &mut Vec<u8>, path: &mut Vec<usize>) {
        let classes = self.classes;
        let n = emissions.len() / classes;
        path.clear();
        if n == 0 {
            return;
        }
        let mut score = [f32::NEG_INFINITY; 256];
        let mut next = [f32::NEG_INFINITY; 256];
        back.clear();
        back.resize(n * classes, 0);
        for c in 0..classes {
            score[c] = self.trans[c] + emissions[c];
        }
        for i in 1..n {
            let em = &emissions[i * classes..(i + 1) * classes];
            let bk = &mut back[i * classes..(i + 1) * classes];
            for c in 0..classes {
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u8;
                for &(p, t) in &self.prev[c] {
                    let v = score[p as usize] + t;
                    if v > best {
                        best = v;
                        arg = p;
                    }
                }
                next[c] = best + em[c];
                bk[c] = arg;
            }
            std::mem::swap(&mut score, &mut next);
        }
        let mut c = argmax(&score[..classes]);
        path.resize(n, 0);
        for i in (0..n).rev() {
            path[i] = c;
            c = back[i * classes + c] as usize;
        }
    }
}

/// Index of the largest value (the first on ties).
pub fn argmax(xs: &[f32]) -> usize {
    let mut best = 0;
    for (i, &x) in xs.iter().enumerate() {
        if x > xs[best] {
            best = i;
        }
    }
    best
}

/// An averaged perceptron being trained. See the module docs.
#[derive(Debug, Clone)]
#[cfg(feature = "training")]
pub struct Trainer {
    classes: usize,
    index: FeatureMap<u32>,
    w: Vec<f32>,
    acc: Vec<f64>,
    /// Transition weights and accumulators, `(classes + 1) * classes`.
    tw: Vec<f32>,
    tacc: Vec<f64>,
    /// Hard constraints added to transitions in decoding (0 or -inf).
    mask: Vec<f32>,
    time: u64,
}

#[cfg(feature = "training")]
impl Trainer {
    /// A trainer for `classes` classes (at most 256).
    pub fn new(classes: usize) -> Self {
        assert!((1..=256).contains(&classes));
        let t = (classes + 1) * classes;
        Trainer {
            classes,
            index: FeatureMap::default(),
            w: Vec::new(),
            acc: Vec::new(),
            tw: vec![0.0; t],
            tacc: vec![0.0; t],
            mask: vec![0.0; t],
            time: 1,
        }
    }

    /// Forbids (`allowed == false`) moves in sequence decoding: `allowed` is
    /// laid out like the transitions of [`viterbi`]. The mask is saved with
    /// the model.
    pub fn set_constraints(&mut self, allowed: &[bool]) {
        assert_eq!(allowed.len(), self.mask.len());
        for (m, &a) in self.mask.iter_mut().zip(allowed) {
            *m = if a { 0.0 } else { f32::NEG_INFINITY };
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of distinct features seen in updates.
    pub fn features(&self) -> usize {
        self.index.len()
    }

    /// Current (not averaged) scores of each class.
    pub fn scores(&self, feats: &[u64]) -> Vec<f32> {
        let mut out = vec![0.0; self.classes];
        self.add_scores(feats, &mut out);
        out
    }

    fn add_scores(&self, feats: &[u64], out: &mut [f32]) {
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                let row = &self.w[r as usize * self.classes..][..self.classes];
                for (o, w) in out.iter_mut().zip(row) {
                    *o += w;
                }
            }
        }
    }

    /// Current best class.
    pub fn predict(&self, feats: &[u64]) -> usize {
        argmax(&self.scores(feats))
    }

    /// Adds `delta` to the weight of each of `feats` for `class`.
    pub fn update(&mut self, feats: &[u64], class: usize, delta: f32) {
        let c = self.classes;
        let t = self.time as f64;
        for &f in feats {
            let next = self.index.len() as u32;
            let r = *self.index.entry(f).or_insert(next) as usize;
            if r == self.w.len() / c {
                self.w.resize(self.w.len() + c, 0.0);
                self.acc.resize(self.acc.len() + c, 0.0);
            }
            self.w[r * c + class] += delta;
            self.acc[r * c + class] += t * f64::from(delta);
        }
    }

    /// Adds `delta` to the transition from `prev` (`None`: the start) to `cur`.
    pub fn update_transition(&mut self, prev: Option<usize>, cur: usize, delta: f32) {
        let i = prev.map_or(0, |p| p + 1) * self.classes + cur;
        self.tw[i] += delta;
        self.tacc[i] += self.time as f64 * f64::from(delta);
    }

    /// Advances the averaging clock: call once per training example.
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// One multiclass step: predict, update on a mistake, tick. Returns
    /// whether the prediction was right.
    pub fn train_example(&mut self, feats: &[u64], gold: usize) -> bool {
        let guess = self.predict(feats);
        if guess != gold {
            self.update(feats, gold, 1.0);
            self.update(feats, guess, -1.0);
        }
        self.tick();
        guess == gold
    }

    /// Current best sequence for `feats` (one feature list per position).
    pub fn decode<F: AsRef<[u64]>>(&self, feats: &[F]) -> Vec<usize> {
        let c = self.classes;
        let mut em = vec![0f32; feats.len() * c];
        for (i, f) in feats.iter().enumerate() {
            self.add_scores(f.as_ref(), &mut em[i * c..(i + 1) * c]);
        }
        let trans: Vec<f32> = self.tw.iter().zip(&self.mask).map(|(a, b)| a + b).collect();
        viterbi(c, &em, &trans)
    }

    /// One structured step: decode, update emissions and transitions where
    /// the path differs from `gold`, tick. Returns the number of wrong positions.
    pub fn train_sequence<F: AsRef<[u64]>>(&mut self, feats: &[F], gold: &[usize]) -> usize {
        assert_eq!(feats.len(), gold.len());
        let guess = self.decode(feats);
        let mut wrong = 0;
        for i in 0..gold.len() {
            let (g, p) = (gold[i], guess[i]);
            if g != p {
                wrong += 1;
                self.update(feats[i].as_ref(), g, 1.0);
                self.update(feats[i].as_ref(), p, -1.0);
            }
            let (gp, pp) = if i == 0 {
                (None, None)
            } else {
                (Some(gold[i - 1]), Some(guess[i - 1]))
            };
            if g != p || gp != pp {
                self.update_transition(gp, g, 1.0);
                self.update_transition(pp, p, -1.0);
            }
        }
        self.tick();
        wrong
    }

    /// The averaged model. Features whose averaged weights are all below
    /// `prune` in magnitude are dropped (0.0 keeps every non-zero one).
    pub fn average(&self, prune: f32) -> Model {
        let c = self.classes;
        let t = self.time as f64;
        let avg = |w: f32, a: f64| (f64::from(w) - a / t) as f32;
        let mut index = FeatureMap::default();
        let mut w = Vec::new();
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &v)| (k, v)).collect();
        keys.sort_unstable();
        for (k, r) in keys {
            let r = r as usize;
            let row: Vec<f32> = (0..c)
                .map(|j| avg(self.w[r * c + j], self.acc[r * c + j]))
                .collect();
            if row.iter().any(|x| x.abs() > prune) {
                index.insert(k, (w.len() / c) as u32);
                w.extend(row);
            }
        }
        let trans = self
            .tw
            .iter()
            .zip(&self.tacc)
            .map(|(&w, &a)| avg(w, a))
            .collect();
        Model {
            classes: c,
            index,
            w,
            trans,
            mask: self.mask.clone(),
        }
    }
}

/// A trained (averaged) perceptron, ready for inference.
#[derive(Debug, Clone)]
pub struct Model {
    classes: usize,
    index: FeatureMap<u32>,
    w: Vec<f32>,
    trans: Vec<f32>,
    mask: Vec<f32>,
}

const MAGIC: &[u8; 8] = b"NMPERC01";

impl Model {
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.index.len()
    }

    /// Adds the scores of `feats` to `out` (`classes` long).
    #[inline]
    pub fn add_scores(&self, feats: &[u64], out: &mut [f32]) {
        let c = self.classes;
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                let row = &self.w[r as usize * c..(r as usize + 1) * c];
                for (o, w) in out.iter_mut().zip(row) {
                    *o += w;
                }
            }
        }
    }

    /// The features with weights, in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.index.keys().copied()
    }

    /// The weights of feature `f` (`classes` long), if it has any.
    #[inline]
    pub fn row(&self, f: u64) -> Option<&[f32]> {
        let c = self.classes;
        self.index
            .get(&f)
            .map(|&r| &self.w[r as usize * c..(r as usize + 1) * c])
    }

    /// Scores of each class.
    pub fn scores(&self, feats: &[u64]) -> Vec<f32> {
        let mut out = vec![0.0; self.classes];
        self.add_scores(feats, &mut out);
        out
    }

    /// Best class.
    pub fn predict(&self, feats: &[u64]) -> usize {
        argmax(&self.scores(feats))
    }

    /// Transition scores with constraints applied, laid out as in [`viterbi`].
    pub fn transitions(&self) -> Vec<f32> {
        self.trans
            .iter()
            .zip(&self.mask)
            .map(|(a, b)| a + b)
            .collect()
    }

    /// Best sequence given emission scores (`n * classes`, e.g. filled by
    /// [`Model::add_scores`]) and `trans` from [`Model::transitions`].
    pub fn decode_scores(&self, emissions: &[f32], trans: &[f32]) -> Vec<usize> {
        viterbi(self.classes, emissions, trans)
    }

    /// Best sequence for `feats` (one feature list per position).
    pub fn decode<F: AsRef<[u64]>>(&self, feats: &[F]) -> Vec<usize> {
        let c = self.classes;
        let mut em = vec![0f32; feats.len() * c];
        for (i, f) in feats.iter().enumerate() {
            self.add_scores(f.as_ref(), &mut em[i * c..(i + 1) * c]);
        }
        viterbi(c, &em, &self.transitions())
    }

    /// Compact bytes: weights quantized to `i16` with one scale, zero weights
    /// left out; features sorted by key, so the bytes are reproducible.
    pub fn to_bytes(&self) -> Vec<u8> {
        let c = self.classes;
        let max = self.w.iter().fold(0f32, |m, x| m.max(x.abs())).max(1e-9);
        let scale = max / 32767.0;
        let mut out = Vec::with_capacity(32 + self.index.len() * 16);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(c as u32).to_le_bytes());
        out.extend_from_slice(&(self.index.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for (t, m) in self.trans.iter().zip(&self.mask) {
            let v = if m.is_finite() { *t } else { f32::NEG_INFINITY };
            out.extend_from_slice(&v.to_le_bytes());
        }
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &v)| (k, v)).collect();
        keys.sort_unstable();
        let mut prev = 0u64;
        for (k, r) in keys {
            write_varint(&mut out, k - prev);
            prev = k;
            let row = &self.w[r as usize * c..(r as usize + 1) * c];
            let q: Vec<(usize, i16)> = row
                .iter()
                .map(|x| (x / scale).round() as i16)
                .enumerate()
                .filter(|&(_, q)| q != 0)
                .collect();
            out.push(q.len() as u8);
            for (j, v) in q {
                out.push(j as u8);
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out
    }

    /// Reads bytes written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut r = Reader::new(bytes);
        if r.take(8)? != MAGIC {
            return Err("not a newsmine perceptron model".into());
        }
        let c = r.u32()? as usize;
        let n = r.u32()? as usize;
        let scale = f32::from_le_bytes(r.take(4)?.try_into().unwrap());
        if c == 0 || c > 256 {
            return Err(format!("bad class count {c}"));
        }
        let mut trans = Vec::with_capacity((c + 1) * c);
        let mut mask = Vec::with_capacity((c + 1) * c);
        for _ in 0..(c + 1) * c {
            let v = f32::from_le_bytes(r.take(4)?.try_into().unwrap());
            if v.is_finite() {
                trans.push(v);
                mask.push(0.0);
            } else {
                trans.push(0.0);
                mask.push(f32::NEG_INFINITY);
            }
        }
        let mut index = FeatureMap::with_capacity_and_hasher(n, Default::default());
        let mut w = vec![0f32; n * c];
        let mut key = 0u64;
        for row in 0..n {
            key = key.wrapping_add(r.varint()?);
            index.insert(key, row as u32);
            let k = r.take(1)?[0] as usize;
            for _ in 0..k {
                let j = r.take(1)?[0] as usize;
                let v = i16::from_le_bytes(r.take(2)?.try_into().unwrap());
                if j >= c {
                    return Err("class out of range".into());
                }
                w[row * c + j] = f32::from(v) * scale;
            }
        }
        Ok(Model {
            classes: c,
            index,
            w,
            trans,
            mask,
        })
    }
}

fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads little-endian model bytes front to back.
pub(crate) struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(b: &'a [u8]) -> Self {
        Reader { b, at: 0 }
    }
    /// The next `n` bytes.
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let s = self
            .b
            .get(self.at..self.at + n)
            .ok_or_else(|| format!("model bytes truncated at byte {}", self.at))?;
        self.at += n;
        Ok(s)
    }
    /// How many bytes are left.
    pub(crate) fn left(&self) -> usize {
        self.b.len() - self.at
    }
    pub(crate) fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    pub(crate) fn f32s(&mut self, n: usize) -> Result<Vec<f32>, String> {
        Ok(self
            .take(4 * n)?
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().unwrap()))
            .collect())
    }
    fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7F) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err("bad varint".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_sequence_with_constraints() {
        // Classes: 0 = O, 1 = B, 2 = I. I may not follow O or start.
        let mut t = Trainer::new(3);
        let mut allowed = vec![true; 12];
        allowed[2] = false; // start -> I
        allowed[3 + 2] = false; // O -> I
        t.set_constraints(&allowed);
        let h = |s: &str| vec![hash_str(s)];
        let xs = [h("the"), h("big"), h("apple"), h("said")];
        let gold = [0, 1, 2, 0];
        for _ in 0..10 {
            t.train_sequence(&xs, &gold);
        }
        let m = Model::from_bytes(&t.average(0.0).to_bytes()).unwrap();
        assert_eq!(m.decode(&xs), gold);
        // Constraint: a lone "apple" cannot be I after start.
        assert_ne!(m.decode(&[h("apple")]), vec![2]);
    }

    #[test]
    fn sparse_viterbi_matches_dense() {
        let classes = 5;
        let mut rng = Rng::new(7);
        let mut r = || (rng.below(2000) as f32 - 1000.0) / 100.0;
        for n in [0usize, 1, 2, 7, 30] {
            let em: Vec<f32> = (0..n * classes).map(|_| r()).collect();
            let mut trans: Vec<f32> = (0..(classes + 1) * classes).map(|_| r()).collect();
            for (i, t) in trans.iter_mut().enumerate() {
                if i % 3 == 1 {
                    *t = f32::NEG_INFINITY;
                }
            }
            let (mut back, mut path) = (Vec::new(), Vec::new());
            Transitions::new(classes, &trans).viterbi_into(&em, &mut back, &mut path);
            assert_eq!(path, viterbi(classes, &em, &trans));
        }
    }

    #[test]
    fn bad_bytes_are_errors() {
        assert!(Model::from_bytes(b"nope").is_err());
        let m = Trainer::new(2).average(0.0).to_bytes();
        assert!(Model::from_bytes(&m[..m.len() - 1]).is_err());
    }

    #[test]
    fn hashes_are_stable() {
        // The compiled-in models were trained on these values: a change of
        // the hash function breaks them all.
        for (s, h) in [
            ("", 0x9ca0_66f1_a4ab_2eea),
            ("a", 0xd38c_c1b3_7176_543e),
            ("ab", 0x1ffd_8003_48b0_e923),
            ("abc", 0x2c20_ce4b_681b_592e),
            ("said", 0xd1ae_7623_6897_e613),
            ("télé", 0x612c_307b_4c9b_a53c),
            ("kagan", 0x7a60_36e4_2e8a_f489),
            ("saïd", 0x5b75_fa0d_f599_4d3a),
            ("according", 0x2865_7c0b_b637_ebe4),
            ("twelve-and-a-half", 0xd016_24ee_a684_486b),
            ("10 000", 0x8d01_2ccb_65d5_49a9),
        ] {
            assert_eq!(hash_str(s), h, "{s}");
        }
        assert_ne!(hash_str("abc"), hash_str("abd"));
        assert_ne!(mix(1, 2), mix(2, 1));
    }

    #[test]
    fn a_tail_reads_as_its_bytes_padded_with_zeros() {
        let bytes: Vec<u8> = (1..=7).map(|k| k * 31).collect();
        for n in 1..=7 {
            let mut buf = [0u8; 8];
            buf[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(tail(&bytes[..n]), u64::from_le_bytes(buf), "{n} bytes");
        }
    }
}
