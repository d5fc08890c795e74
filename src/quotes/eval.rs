//! Scoring quotes against a gold standard, the protocol of issue 5:
//!
//! - a gold quote is matched by the unmatched predicted quote that covers the
//!   largest fraction of it, if that fraction exceeds `min_cover` (0.5);
//!   gold quotes are taken in text order (greedy, one-to-one);
//! - precision and recall over quotes;
//! - speaker accuracy over matched quotes: right if the predicted speaker
//!   mention overlaps the gold speaker span, or the predicted speaker name
//!   shares a word (case-insensitive) with the gold name.
//!
//! Gold content may be discontinuous (PolNeAR): the covered fraction is
//! taken over the union of its fragments.

use std::ops::Range;

use super::Quote;

/// One gold quote. Offsets are bytes into the scored text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GoldQuote {
    /// The content's fragments.
    pub spans: Vec<Range<usize>>,
    /// The speaker mention's fragments, when annotated.
    pub speaker_spans: Vec<Range<usize>>,
    /// The speaker's name (or the mention's text), when annotated.
    pub speaker: Option<String>,
}

/// Counts for precision, recall and speaker accuracy; add them up over
/// documents with [`Score::add`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Score {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub speaker_right: usize,
}

impl Score {
    pub fn add(&mut self, o: &Score) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.matched += o.matched;
        self.speaker_right += o.speaker_right;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.matched)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// The fraction of `gold` (its fragments) that `start..end` covers.
pub fn covered_fraction(gold: &[Range<usize>], start: usize, end: usize) -> f64 {
    let total: usize = gold.iter().map(|g| g.len()).sum();
    if total == 0 {
        return 0.0;
    }
    let p = start..end;
    let got: usize = gold.iter().map(|g| overlap(g, &p)).sum();
    got as f64 / total as f64
}

/// Lowercase alphanumeric words of `s`.
fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Whether the predicted speaker of `p` is right for `g`.
pub fn speaker_right(g: &GoldQuote, p: &Quote) -> bool {
    if let Some(ps) = &p.speaker_span {
        if g.speaker_spans.iter().any(|gs| overlap(gs, ps) > 0) {
            return true;
        }
    }
    match (&g.speaker, &p.speaker) {
        (Some(gn), Some(pn)) => {
            let gw: Vec<String> = words(gn).collect();
            words(pn).any(|w| gw.contains(&w))
        }
        _ => false,
    }
}

/// Scores `pred` against `gold` for one document. Returns the counts and,
/// for each gold quote, the index of the predicted quote matched to it.
pub fn score(gold: &[GoldQuote], pred: &[Quote], min_cover: f64) -> (Score, Vec<Option<usize>>) {
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&i| gold[i].spans.first().map_or(0, |s| s.start));
    let mut taken = vec![false; pred.len()];
    let mut matches = vec![None; gold.len()];
    let mut s = Score {
        gold: gold.len(),
        predicted: pred.len(),
        ..Score::default()
    };
    for gi in order {
        let g = &gold[gi];
        let mut best: Option<(usize, f64)> = None;
        for (pi, p) in pred.iter().enumerate() {
            if taken[pi] {
                continue;
            }
            let f = covered_fraction(&g.spans, p.start, p.end);
            if f > min_cover && best.is_none_or(|(_, b)| f > b) {
                best = Some((pi, f));
            }
        }
        if let Some((pi, _)) = best {
            taken[pi] = true;
            matches[gi] = Some(pi);
            s.matched += 1;
            if speaker_right(g, &pred[pi]) {
                s.speaker_right += 1;
            }
        }
    }
    (s, matches)
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn q(start: usize, end: usize, speaker: &str) -> Quote {
        Quote {
            start,
            end,
            speaker: Some(speaker.into()),
            speaker_label: None,
            speaker_canonical: None,
            speaker_display: None,
            speaker_span: None,
            cue_span: None,
            direct: false,
        }
    }

    fn g(start: usize, end: usize, speaker: &str) -> GoldQuote {
        GoldQuote {
            spans: vec![start..end],
            speaker_spans: vec![],
            speaker: Some(speaker.into()),
        }
    }

    #[test]
    fn greedy_one_to_one_over_half() {
        let gold = [g(0, 10, "Paul Pillar"), g(20, 30, "Fred Kagan")];
        // The first prediction covers 60% of gold 0; the second only 40% of gold 1.
        let pred = [q(4, 12, "pillar"), q(26, 40, "kagan")];
        let (s, m) = score(&gold, &pred, 0.5);
        assert_eq!((s.matched, s.speaker_right), (1, 1));
        assert_eq!(m, vec![Some(0), None]);
        assert_eq!(s.precision(), 0.5);
        assert_eq!(s.recall(), 0.5);
        // One prediction cannot match two gold quotes.
        let (s, _) = score(&[g(0, 10, "a"), g(0, 10, "a")], &[q(0, 10, "a")], 0.5);
        assert_eq!(s.matched, 1);
    }

    #[test]
    fn speaker_by_span_or_shared_word() {
        let mut gq = g(0, 10, "u s military official");
        assert!(speaker_right(&gq, &q(0, 10, "a U.S. official")));
        assert!(!speaker_right(&gq, &q(0, 10, "pillar")));
        gq.speaker_spans = vec![50..60];
        let mut p = q(0, 10, "he");
        p.speaker_span = Some(55..57);
        assert!(speaker_right(&gq, &p));
    }

    #[test]
    fn fragments() {
        let f = covered_fraction(&[0..10, 20..30], 0, 15);
        assert!((f - 0.5).abs() < 1e-9);
    }
}
