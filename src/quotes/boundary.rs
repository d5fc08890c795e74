//! Sentence and comma boundaries in stripped text.
//!
//! Until a trained model is compiled in, the rough clause cuts of the text
//! layer stand in.

use crate::text::Doc;

/// `ends[i]`: a sentence ends after token `i`; `commas[i]`: a comma (or any
/// clause mark) was after token `i`.
pub(crate) struct Boundaries {
    pub ends: Vec<bool>,
    pub commas: Vec<bool>,
}

pub(crate) fn predict(doc: &Doc) -> Boundaries {
    let n = doc.tokens.len();
    let mut ends = vec![false; n];
    let mut k = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        while k < doc.sentences.len() && doc.sentences[k].end < t.end {
            k += 1;
        }
        if k < doc.sentences.len() && doc.sentences[k].end == t.end {
            ends[i] = true;
        }
    }
    Boundaries {
        ends,
        commas: vec![false; n],
    }
}
