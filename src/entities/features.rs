//! Features of each token for the entity tagger, hashed (see `crate::learn`).
//!
//! Word window (lowercase words at -2..=2, the word as written, affixes,
//! lowercase bigrams), shape and capitalisation only in ordinary text,
//! gazetteer matches with their BILOU position, word clusters, and
//! document-level hints: in ordinary text whether a capitalized word appears
//! elsewhere in the article lowercased or capitalized mid-sentence.

use std::collections::HashMap;

use super::clusters::Clusters;
use super::gazetteer::Lexicon;
use crate::learn::{hash_str, mix};
use crate::text::{Doc, Form, TokenKind};

/// The lexicons a feature extractor reads.
#[derive(Debug, Clone, Default)]
pub struct Resources {
    pub lexicon: Lexicon,
    pub clusters: Clusters,
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

struct Tok {
    low: u64,
    shape: u64,
    cluster: Option<(u16, u16)>,
}

fn shape_of(s: &str) -> String {
    let mut out = String::new();
    let mut last = ' ';
    let mut run = 0;
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
            run += 1;
            if run >= 1 {
                continue;
            }
        } else {
            run = 0;
        }
        last = k;
        out.push(k);
    }
    out
}

/// Appends the features of every token of `doc` to `feats`; token `i` owns
/// `feats[offsets[i]..offsets[i + 1]]` (`offsets` gets `n + 1` entries).
pub fn extract_features(
    doc: &Doc,
    res: &Resources,
    feats: &mut Vec<u64>,
    offsets: &mut Vec<usize>,
) {
    let n = doc.tokens.len();
    let ordinary = doc.form == Form::Ordinary;
    let form = if ordinary { 0u64 } else { 1u64 };
    let lows: Vec<String> = (0..n).map(|i| doc.token_text(i).to_lowercase()).collect();
    let toks: Vec<Tok> = (0..n)
        .map(|i| Tok {
            low: hash_str(&lows[i]),
            shape: if ordinary {
                hash_str(&shape_of(doc.token_text(i)))
            } else {
                0
            },
            cluster: res.clusters.get(&lows[i]),
        })
        .collect();
    let gaz = res.lexicon.matches(doc);

    // Sentence-initial tokens (first word-like token of a sentence).
    let mut initial = vec![false; n];
    if ordinary {
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
                initial[i] = true;
                need = false;
            }
        }
    }
    // Document-level case evidence (ordinary text).
    let mut seen_lower: HashMap<&str, bool> = HashMap::new();
    let mut seen_cap: HashMap<&str, bool> = HashMap::new();
    if ordinary {
        for i in 0..n {
            let s = doc.token_text(i);
            match s.chars().next() {
                Some(c) if c.is_lowercase() => {
                    seen_lower.insert(&lows[i], true);
                }
                Some(c) if c.is_uppercase() && !initial[i] => {
                    seen_cap.insert(&lows[i], true);
                }
                _ => {}
            }
        }
    }

    let low_at = |j: isize| -> u64 {
        if j < 0 {
            hash_str("<s>")
        } else if j as usize >= n {
            hash_str("</s>")
        } else {
            toks[j as usize].low
        }
    };
    offsets.push(feats.len());
    for i in 0..n {
        let s = doc.token_text(i);
        let low = &lows[i];
        let ii = i as isize;
        feats.push(mix(BIAS, form));
        for k in -2isize..=2 {
            feats.push(mix(LOW + (k + 2) as u64, low_at(ii + k)));
        }
        feats.push(mix(BIGRAM, mix(low_at(ii - 1), low_at(ii))));
        feats.push(mix(BIGRAM + 100, mix(low_at(ii), low_at(ii + 1))));
        let chars: Vec<char> = low.chars().collect();
        for k in 1..=4.min(chars.len()) {
            let pre: String = chars[..k].iter().collect();
            let suf: String = chars[chars.len() - k..].iter().collect();
            feats.push(mix(PRE, hash_str(&pre)));
            feats.push(mix(SUF, hash_str(&suf)));
        }
        feats.push(mix(LEN, chars.len().min(12) as u64));
        if doc.tokens[i].kind == TokenKind::Number {
            feats.push(mix(NUMBER, chars.len().min(6) as u64));
        }
        if ordinary {
            feats.push(mix(WORD, hash_str(s)));
            let sh = |j: isize| {
                if j < 0 || j as usize >= n {
                    0
                } else {
                    toks[j as usize].shape
                }
            };
            for k in -1isize..=1 {
                feats.push(mix(SHAPE + (k + 1) as u64, sh(ii + k)));
            }
            feats.push(mix(SHAPE2, mix(sh(ii - 1), sh(ii))));
            feats.push(mix(SHAPE2 + 1, mix(sh(ii), sh(ii + 1))));
            feats.push(mix(INITIAL, mix(initial[i] as u64, toks[i].shape)));
            if s.chars().next().is_some_and(char::is_uppercase) {
                let l = seen_lower.contains_key(low.as_str()) as u64;
                let c = seen_cap.contains_key(low.as_str()) as u64;
                feats.push(mix(DOC_LOWER, l * 2 + initial[i] as u64));
                feats.push(mix(DOC_CAP, c * 2 + initial[i] as u64));
            }
        }
        for (c, &p) in gaz[i].iter().enumerate() {
            if p != 0 {
                feats.push(mix(GAZ, (c * 8 + p as usize) as u64));
                feats.push(mix(
                    GAZ_WORD,
                    mix((c * 8 + p as usize) as u64, toks[i].shape),
                ));
            }
            if i > 0 && gaz[i - 1][c] != 0 {
                feats.push(mix(GAZ_NEAR, c as u64));
            }
            if i + 1 < n && gaz[i + 1][c] != 0 {
                feats.push(mix(GAZ_NEAR + 100, c as u64));
            }
        }
        for k in -1isize..=1 {
            let j = ii + k;
            if j >= 0 && (j as usize) < n {
                if let Some((fine, coarse)) = toks[j as usize].cluster {
                    feats.push(mix(CLUSTER + (k + 1) as u64 * 1000, fine as u64));
                    feats.push(mix(CLUSTER2 + (k + 1) as u64 * 1000, coarse as u64));
                }
            }
        }
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
    }
}
