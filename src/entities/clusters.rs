//! Word classes: what the tagger knows of a lowercase word beyond its
//! spelling, computed at training time by our own code and compiled in.
//!
//! Columns (see [`Column`]):
//! - news classes: k-means over each word's left and right neighbour
//!   distributions in unlabeled news and speeches ([`compute`]);
//! - vector classes: the word's row in a table of static word vectors (a
//!   20,000-way class shared by spelling variants) and spherical k-means
//!   clusters of those rows at three granularities ([`vector_classes`]);
//! - casing: how often written text capitalises the word, how often it is
//!   written in capitals, and how frequent it is, bucketed ([`casing_classes`]):
//!   "this lowercase word is usually a name" for stripped text.
//!
//! File format (`data/clusters.txt`): `word` then one tab-separated value per
//! column, `-` where the word has no value.

#[cfg(feature = "training")]
use std::collections::HashMap;

use crate::learn::{hash_text, FeatureMap};

/// The columns of a word's classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    NewsFine = 0,
    NewsCoarse = 1,
    VecRow = 2,
    VecFine = 3,
    VecMid = 4,
    VecCoarse = 5,
    Casing = 6,
}

/// How many columns a word has.
pub const COLUMNS: usize = 7;

/// A column's value where the word has none.
pub const NONE: u16 = u16::MAX;

/// Lowercase word (by [`crate::learn::hash_str`]) -> its class in each column.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    map: FeatureMap<[u16; COLUMNS]>,
}

impl Clusters {
    /// Parses the text format. A malformed line is an error naming it: the
    /// compiled-in table must not load half.
    pub fn parse(text: &str) -> Result<Clusters, String> {
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        let mut map = FeatureMap::with_capacity_and_hasher(lines, Default::default());
        for (n, line) in super::gazetteer::table_lines(text).enumerate() {
            let bad = |what: &str| format!("word classes line {}: {what}: {line:?}", n + 1);
            let mut fields = line.as_bytes().split(|&b| b == b'\t');
            let word = fields.next().unwrap_or(b"");
            let mut row = [NONE; COLUMNS];
            for slot in row.iter_mut() {
                let v = fields.next().ok_or_else(|| bad("too few columns"))?;
                *slot = match v {
                    b"-" => NONE,
                    _ => parse_u16(v).ok_or_else(|| bad("bad value"))?,
                };
            }
            if fields.next().is_some() {
                return Err(bad("too many columns"));
            }
            map.insert(hash_text(word), row);
        }
        Ok(Clusters { map })
    }

    /// The classes of the lowercase word whose [`crate::learn::hash_str`] is `low`.
    pub fn get(&self, low: u64) -> Option<&[u16; COLUMNS]> {
        self.map.get(&low)
    }

    #[cfg(feature = "training")]
    pub fn len(&self) -> usize {
        self.map.len()
    }

    #[cfg(feature = "training")]
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// A decimal `u16` (the table's values), without going through `str`.
fn parse_u16(digits: &[u8]) -> Option<u16> {
    if digits.is_empty() || digits.len() > 5 {
        return None;
    }
    let mut v: u32 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (d - b'0') as u32;
    }
    u16::try_from(v).ok()
}

/// Builds the text format from per-column word -> class maps (`columns[c]`
/// fills [`Column`] `c`; missing maps and words give `-`), sorted by word.
#[cfg(feature = "training")]
pub fn format(columns: &[HashMap<String, u16>; COLUMNS]) -> String {
    let mut words: Vec<&str> = columns
        .iter()
        .flat_map(|m| m.keys().map(String::as_str))
        .collect();
    words.sort_unstable();
    words.dedup();
    let mut out = String::new();
    for w in words {
        out.push_str(w);
        for m in columns {
            out.push('\t');
            match m.get(w) {
                Some(v) => out.push_str(&v.to_string()),
                None => out.push('-'),
            }
        }
        out.push('\n');
    }
    out
}

/// Spherical k-means over the unit rows of `data` (`n * dims`), seeded from
/// `k` rows drawn from the first `pool` rows; returns each row's cluster and
/// the unit centroids (`k * dims`).
#[cfg(feature = "training")]
pub fn spherical_kmeans(
    data: &[f32],
    dims: usize,
    k: usize,
    pool: usize,
    iters: usize,
    seed: u64,
) -> (Vec<usize>, Vec<f32>) {
    use rayon::prelude::*;
    let n = data.len() / dims;
    let mut rng = crate::learn::Rng::new(seed);
    let mut order: Vec<usize> = (0..n.min(pool.max(k))).collect();
    rng.shuffle(&mut order);
    let mut cent: Vec<f32> = order
        .iter()
        .take(k)
        .flat_map(|&i| data[i * dims..(i + 1) * dims].iter().copied())
        .collect();
    let mut assign = vec![0usize; n];
    for _ in 0..iters {
        assign = data
            .par_chunks(dims)
            .map(|v| {
                let mut best = (f32::NEG_INFINITY, 0);
                for (q, c) in cent.chunks(dims).enumerate() {
                    let s = dot(v, c);
                    if s > best.0 {
                        best = (s, q);
                    }
                }
                best.1
            })
            .collect();
        cent.iter_mut().for_each(|x| *x = 0.0);
        for (i, &a) in assign.iter().enumerate() {
            for (c, x) in cent[a * dims..(a + 1) * dims]
                .iter_mut()
                .zip(&data[i * dims..(i + 1) * dims])
            {
                *c += x;
            }
        }
        cent.chunks_mut(dims).for_each(normalize);
    }
    (assign, cent)
}

/// A dot product the compiler can vectorize (eight independent sums).
#[cfg(feature = "training")]
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for j in 0..8 {
            acc[j] += x[j] * y[j];
        }
    }
    acc.iter().sum::<f32>() + tail
}

#[cfg(feature = "training")]
fn normalize(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

/// Vector classes of lowercase words: `word2row` holds `word<TAB>row` lines
/// (any casing; a word's lowercase form is looked up), `vectors` the rows
/// (`rows * dims` floats). Words outside `[0-9a-z]` and digit strings are
/// left out (stripped text has no others; numbers have their own features).
/// Returns the maps for [`Column::VecRow`], [`Column::VecFine`] (1,024
/// clusters of the unit rows), [`Column::VecMid`] (256 clusters of the fine
/// centroids) and [`Column::VecCoarse`] (64 clusters of those).
#[cfg(feature = "training")]
pub fn vector_classes(
    word2row: &str,
    vectors: &[f32],
    dims: usize,
    seed: u64,
) -> [HashMap<String, u16>; 4] {
    const FINE: usize = 1024;
    const MID: usize = 256;
    const COARSE: usize = 64;
    let mut data = vectors.to_vec();
    data.chunks_mut(dims).for_each(normalize);
    let (fine, fine_cent) = spherical_kmeans(&data, dims, FINE, data.len() / dims, 15, seed);
    let (mid, mid_cent) = spherical_kmeans(&fine_cent, dims, MID, FINE, 15, seed);
    let (coarse, _) = spherical_kmeans(&mid_cent, dims, COARSE, MID, 15, seed);
    let mut out: [HashMap<String, u16>; 4] = Default::default();
    for line in word2row.lines() {
        let Some((word, row)) = line.split_once('\t') else {
            continue;
        };
        let Ok(row) = row.parse::<usize>() else {
            continue;
        };
        if row >= fine.len() || !is_plain_word(word) || word.bytes().any(|b| b.is_ascii_uppercase())
        {
            continue;
        }
        let f = fine[row];
        let m = mid[f];
        let classes = [row, f, m, coarse[m]];
        for (map, c) in out.iter_mut().zip(classes) {
            map.insert(word.to_string(), c as u16);
        }
    }
    out
}

/// A lowercase or capitalised word of ASCII letters and digits, not all digits.
#[cfg(feature = "training")]
fn is_plain_word(w: &str) -> bool {
    !w.is_empty()
        && w.bytes().all(|b| b.is_ascii_alphanumeric())
        && !w.bytes().all(|b| b.is_ascii_digit())
}

/// Casing classes from `(form, log probability)` pairs of written word forms
/// (any casing): for each lowercase word, the share of its probability mass
/// written with a capital first letter (7 buckets), whether most of it is
/// all capitals (an acronym: "nato"), and its frequency (5 buckets), as one
/// class `acronym * 35 + share * 5 + frequency`. Words with a total log
/// probability below `min_logp` are left out.
#[cfg(feature = "training")]
pub fn casing_classes<'a>(
    forms: impl IntoIterator<Item = (&'a str, f64)>,
    min_logp: f64,
) -> HashMap<String, u16> {
    const SHARE: [f64; 6] = [0.02, 0.1, 0.3, 0.6, 0.85, 0.97];
    const FREQ: [f64; 4] = [-10.0, -13.0, -16.0, -19.0];
    // lowercase -> (total, capitalised, all capitals)
    let mut mass: HashMap<String, (f64, f64, f64)> = HashMap::new();
    for (form, logp) in forms {
        if !is_plain_word(form) {
            continue;
        }
        let p = logp.exp();
        let e = mass.entry(form.to_ascii_lowercase()).or_default();
        e.0 += p;
        if form.as_bytes()[0].is_ascii_uppercase() {
            e.1 += p;
            if form.len() > 1 && !form.bytes().any(|b| b.is_ascii_lowercase()) {
                e.2 += p;
            }
        }
    }
    mass.into_iter()
        .filter(|(_, m)| m.0.ln() >= min_logp)
        .map(|(w, (total, cap, caps))| {
            let share = SHARE.iter().filter(|&&t| cap / total >= t).count();
            let freq = FREQ.iter().filter(|&&t| total.ln() < t).count();
            let acronym = (caps > 0.5 * total) as usize;
            (w, (acronym * 35 + share * 5 + freq) as u16)
        })
        .collect()
}

/// News classes from `texts` (any form; words are normalized as in the
/// gazetteers: lowercase, split at characters outside `[0-9a-z]`): the maps
/// for [`Column::NewsFine`] and [`Column::NewsCoarse`].
///
/// Each word seen at least 5 times gets a vector of its left and right
/// neighbours among the 1,500 most frequent words (square-root counts, unit
/// length); spherical k-means (seeded) gives 256 fine clusters, and k-means
/// over their centroids 32 coarse ones.
#[cfg(feature = "training")]
pub fn compute(texts: &[String], seed: u64) -> [HashMap<String, u16>; 2] {
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
        return Default::default();
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
        use rayon::prelude::*;
        assign = vecs
            .par_iter()
            .map(|v| {
                let mut best = (f32::NEG_INFINITY, 0);
                for (k, c) in cent.chunks(dims).enumerate() {
                    let s: f32 = v.iter().map(|&(j, x)| c[j as usize] * x).sum();
                    if s > best.0 {
                        best = (s, k);
                    }
                }
                best.1
            })
            .collect();
        cent.iter_mut().for_each(|x| *x = 0.0);
        for (w, v) in vecs.iter().enumerate() {
            for &(j, x) in v {
                cent[assign[w] * dims + j as usize] += x;
            }
        }
        cent.chunks_mut(dims).for_each(normalize);
    }
    // Coarse clusters over the fine centroids.
    let (coarse, _) = spherical_kmeans(&cent, dims, COARSE, COARSE, 12, seed);
    let mut out: [HashMap<String, u16>; 2] = Default::default();
    for (w, word) in vocab.iter().enumerate() {
        out[0].insert(word.to_string(), assign[w] as u16);
        out[1].insert(word.to_string(), coarse[assign[w]] as u16);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::hash_str;

    #[test]
    fn format_and_parse_round_trip() {
        let mut columns: [HashMap<String, u16>; COLUMNS] = Default::default();
        columns[Column::NewsFine as usize].insert("obama".into(), 7);
        columns[Column::Casing as usize].insert("obama".into(), 33);
        columns[Column::VecRow as usize].insert("kenya".into(), 19_999);
        let text = format(&columns);
        assert_eq!(
            text,
            "kenya\t-\t-\t19999\t-\t-\t-\t-\nobama\t7\t-\t-\t-\t-\t-\t33\n"
        );
        let c = Clusters::parse(&text).unwrap();
        assert_eq!(c.len(), 2);
        let obama = c.get(hash_str("obama")).unwrap();
        assert_eq!(obama[Column::NewsFine as usize], 7);
        assert_eq!(obama[Column::NewsCoarse as usize], NONE);
        assert_eq!(obama[Column::Casing as usize], 33);
        assert!(c.get(hash_str("the")).is_none());
    }

    #[test]
    fn malformed_tables_fail_loudly() {
        for bad in [
            "w\t1\t2",
            "w\t1\t2\t3\t4\t5\t6\t7\t8",
            "w\tx\t-\t-\t-\t-\t-\t-",
            "w\t70000\t-\t-\t-\t-\t-\t-",
        ] {
            let err = Clusters::parse(bad).unwrap_err();
            assert!(err.contains("line 1"), "{err}");
        }
    }

    #[test]
    fn casing_classes_bucket_share_acronyms_and_frequency() {
        let forms = [
            ("Obama", -9.8),
            ("obama", -12.8),
            ("the", -3.5),
            ("The", -5.0),
            ("NATO", -11.0),
            ("nato", -16.0),
            ("rareword", -25.0),
            ("u.s.", -8.0),
        ];
        let c = casing_classes(forms, -20.0);
        let share = |w: &str| c[w] % 35 / 5;
        assert_eq!(share("obama"), 5); // 95% capitalised: the 0.85..0.97 bucket
        assert_eq!(share("the"), 2); // 18%
        assert_eq!(c["nato"] / 35, 1); // mostly all capitals
        assert_eq!(c["obama"] / 35, 0);
        assert_eq!(c["the"] % 5, 0); // very frequent
        assert_eq!(c["obama"] % 5, 0); // total log probability above -10
        assert!(!c.contains_key("rareword")); // under min_logp
        assert!(!c.contains_key("u.s.")); // not a plain word
    }

    #[test]
    fn kmeans_groups_near_vectors_and_is_seeded() {
        // Two tight groups of unit vectors in 4 dimensions.
        let data: Vec<f32> = [
            [1.0, 0.1, 0.0, 0.0],
            [0.9, 0.0, 0.1, 0.0],
            [1.0, 0.0, 0.0, 0.1],
            [0.0, 0.0, 1.0, 0.9],
            [0.1, 0.0, 0.9, 1.0],
            [0.0, 0.1, 1.0, 1.0],
        ]
        .iter()
        .flat_map(|v| {
            let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            v.map(|x| x / n)
        })
        .collect();
        let (a, cent) = spherical_kmeans(&data, 4, 2, 6, 10, 3);
        assert_eq!(cent.len(), 8);
        assert!(a[0] == a[1] && a[1] == a[2]);
        assert!(a[3] == a[4] && a[4] == a[5]);
        assert_ne!(a[0], a[3]);
        assert_eq!(spherical_kmeans(&data, 4, 2, 6, 10, 3).0, a);
    }

    #[test]
    fn vector_classes_take_lowercase_plain_words() {
        let vectors = [1.0f32, 0.0, 0.0, 1.0];
        // Few rows: the fine clustering falls back to what k-means can seed.
        let word2row = "Kenya\t0\nkenya\t0\nnairobi\t1\n1990\t0\nu.s.\t1\nbad\trow\n";
        let [row, fine, mid, coarse] = vector_classes(word2row, &vectors, 2, 1);
        assert_eq!(row.len(), 2);
        assert_eq!(row["kenya"], 0);
        assert_eq!(row["nairobi"], 1);
        for m in [&fine, &mid, &coarse] {
            assert!(m.contains_key("kenya") && m.contains_key("nairobi"));
        }
    }
}
