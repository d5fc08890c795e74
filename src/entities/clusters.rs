//! Word classes learned from unlabeled news text by our own code: each
//! frequent lowercase word gets a fine cluster and a coarse cluster, from
//! k-means over the words' left and right neighbour distributions.
//!
//! File format (`data/clusters.txt`): `word<TAB>fine<TAB>coarse` per line.

use std::collections::HashMap;

/// Word -> (fine, coarse) cluster ids.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    map: HashMap<String, (u16, u16)>,
}

impl Clusters {
    /// Parses the text format (bad lines are skipped).
    pub fn parse(text: &str) -> Clusters {
        let mut map = HashMap::new();
        for line in text.lines() {
            let mut p = line.split('\t');
            let (Some(w), Some(f), Some(c)) = (p.next(), p.next(), p.next()) else {
                continue;
            };
            if let (Ok(f), Ok(c)) = (f.parse(), c.parse()) {
                map.insert(w.to_string(), (f, c));
            }
        }
        Clusters { map }
    }

    /// The clusters of a lowercase word.
    pub fn get(&self, word: &str) -> Option<(u16, u16)> {
        self.map.get(word).copied()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// Computes word clusters from `texts` (any form; words are normalized as
/// in the gazetteers: lowercase, split at characters outside `[0-9a-z]`).
///
/// Each word seen at least 5 times gets a vector of its left and right
/// neighbours among the 1,500 most frequent words (square-root counts, unit
/// length); spherical k-means (seeded) gives 256 fine clusters, and k-means
/// over their centroids 32 coarse ones. Returns the text format.
pub fn compute(texts: &[String], seed: u64) -> String {
    use super::gazetteer::normalized_words;
    use crate::learn::Rng;
    const CONTEXT: usize = 1500;
    const FINE: usize = 256;
    const COARSE: usize = 32;
    const MIN_COUNT: u32 = 5;

    let docs: Vec<Vec<String>> = texts
        .iter()
        .map(|t| {
            let mut w = Vec::new();
            normalized_words(t, |x| w.push(x.to_string()));
            w
        })
        .collect();
    let mut freq: HashMap<&str, u32> = HashMap::new();
    for d in &docs {
        for w in d {
            *freq.entry(w).or_insert(0) += 1;
        }
    }
    let mut by_freq: Vec<(&str, u32)> = freq.iter().map(|(&w, &c)| (w, c)).collect();
    by_freq.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let context: HashMap<&str, usize> = by_freq
        .iter()
        .take(CONTEXT)
        .enumerate()
        .map(|(i, (w, _))| (*w, i))
        .collect();
    let vocab: Vec<&str> = by_freq
        .iter()
        .filter(|(_, c)| *c >= MIN_COUNT)
        .map(|(w, _)| *w)
        .collect();
    let index: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, w)| (*w, i)).collect();
    let dims = 2 * CONTEXT;
    let mut counts: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocab.len()];
    for d in &docs {
        for (i, w) in d.iter().enumerate() {
            let Some(&v) = index.get(w.as_str()) else {
                continue;
            };
            if i > 0 {
                if let Some(&c) = context.get(d[i - 1].as_str()) {
                    *counts[v].entry(c as u32).or_insert(0.0) += 1.0;
                }
            }
            if let Some(next) = d.get(i + 1) {
                if let Some(&c) = context.get(next.as_str()) {
                    *counts[v].entry((CONTEXT + c) as u32).or_insert(0.0) += 1.0;
                }
            }
        }
    }
    let vecs: Vec<Vec<(u32, f32)>> = counts
        .into_iter()
        .map(|m| {
            let mut v: Vec<(u32, f32)> = m.into_iter().map(|(k, c)| (k, c.sqrt())).collect();
            v.sort_unstable_by_key(|x| x.0);
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-9);
            v.iter_mut().for_each(|x| x.1 /= norm);
            v
        })
        .collect();
    if vecs.len() < FINE {
        return String::new();
    }
    // Spherical k-means, seeded initial centroids from the frequent words.
    let mut rng = Rng::new(seed);
    let mut pool: Vec<usize> = (0..vecs.len().min(10_000)).collect();
    rng.shuffle(&mut pool);
    let mut cent = vec![0f32; FINE * dims];
    for (k, &w) in pool.iter().take(FINE).enumerate() {
        for &(j, x) in &vecs[w] {
            cent[k * dims + j as usize] = x;
        }
    }
    let mut assign = vec![0usize; vecs.len()];
    for _ in 0..12 {
        for (w, v) in vecs.iter().enumerate() {
            let mut best = (f32::NEG_INFINITY, 0);
            for k in 0..FINE {
                let c = &cent[k * dims..(k + 1) * dims];
                let s: f32 = v.iter().map(|&(j, x)| c[j as usize] * x).sum();
                if s > best.0 {
                    best = (s, k);
                }
            }
            assign[w] = best.1;
        }
        cent.iter_mut().for_each(|x| *x = 0.0);
        for (w, v) in vecs.iter().enumerate() {
            for &(j, x) in v {
                cent[assign[w] * dims + j as usize] += x;
            }
        }
        for k in 0..FINE {
            let c = &mut cent[k * dims..(k + 1) * dims];
            let norm = c.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                c.iter_mut().for_each(|x| *x /= norm);
            }
        }
    }
    // Coarse clusters over the fine centroids.
    let mut coarse_cent: Vec<f32> = cent[..COARSE * dims].to_vec();
    let mut coarse = vec![0usize; FINE];
    for _ in 0..12 {
        for k in 0..FINE {
            let c = &cent[k * dims..(k + 1) * dims];
            let mut best = (f32::NEG_INFINITY, 0);
            for q in 0..COARSE {
                let cc = &coarse_cent[q * dims..(q + 1) * dims];
                let s: f32 = c.iter().zip(cc).map(|(a, b)| a * b).sum();
                if s > best.0 {
                    best = (s, q);
                }
            }
            coarse[k] = best.1;
        }
        coarse_cent.iter_mut().for_each(|x| *x = 0.0);
        for k in 0..FINE {
            for j in 0..dims {
                coarse_cent[coarse[k] * dims + j] += cent[k * dims + j];
            }
        }
        for q in 0..COARSE {
            let c = &mut coarse_cent[q * dims..(q + 1) * dims];
            let norm = c.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                c.iter_mut().for_each(|x| *x /= norm);
            }
        }
    }
    let mut lines: Vec<String> = vocab
        .iter()
        .enumerate()
        .map(|(w, word)| format!("{word}\t{}\t{}", assign[w], coarse[assign[w]]))
        .collect();
    lines.sort();
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
