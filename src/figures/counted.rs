//! What a number counts: a short noun phrase found by a heuristic.
//!
//! Forward first: the content words right after the figure ("14 others",
//! "five weapons storage depots", "300kg limit"), after "of" and a
//! determiner for partitives and shares ("two of the U.S. officials", "20
//! percent of Iran's oil exports"). The phrase stops at a function word, a
//! punctuation mark, a number, an "-ing" or "-ly" word, or an "-ed" word that
//! is not an adjective (an "-ed" word is taken as an adjective only first and
//! before another content word: "10,000 confirmed cases"). At most five words.
//!
//! When nothing follows: "100 have reported brain injuries" takes the object
//! after an auxiliary and a participle; a figure after a copula or a verb of
//! change takes the subject before it ("the stockpile was 1,510 kg", "the
//! price of oil has dropped about 50%"), back to a determiner or possessive.

use std::ops::Range;

use super::cx::Cx;
use super::lexicon as lx;
use super::FigureKind;

const MAX_FORWARD: usize = 5;
const MAX_BACKWARD: usize = 7;

/// The counted phrase of the figure on tokens `ts..te` (its number proper
/// starting at `ns`), as a byte range.
pub fn counted(cx: &Cx, ts: usize, te: usize, kind: FigureKind) -> Option<Range<usize>> {
    if matches!(kind, FigureKind::Duration | FigureKind::Multiplier) {
        return None;
    }
    if let Some(r) = forward(cx, te, kind) {
        return Some(r);
    }
    if kind == FigureKind::Ordinal || kind == FigureKind::Fraction {
        return None;
    }
    if let Some(r) = after_participle(cx, te) {
        return Some(r);
    }
    backward(cx, ts)
}

/// Whether a counted noun starts at `k` (a content word).
pub fn follows(cx: &Cx, k: usize) -> bool {
    let w = cx.lw(k);
    cx.is_word(k) && !lx::is_stop(&w) && !lx::is_month(&w) && lx::cardinal(&w).is_none()
}

fn is_content(cx: &Cx, j: usize) -> bool {
    if !cx.is_word(j) {
        return false;
    }
    let w = cx.lw(j);
    if w.is_empty() {
        // very long words are content
        return cx.raw(j).chars().next().is_some_and(char::is_alphabetic);
    }
    !(lx::is_stop(&w) || lx::cardinal(&w).is_some() || lx::is_month(&w))
}

fn verbish(w: &str) -> Option<&'static str> {
    if lx::is_noun_exception(w) || w.len() <= 4 {
        return None;
    }
    if w.ends_with("ing") {
        Some("ing")
    } else if w.ends_with("ed") {
        Some("ed")
    } else if w.ends_with("ly") {
        Some("ly")
    } else {
        None
    }
}

fn is_possessive(cx: &Cx, j: usize) -> bool {
    lx::is_possessive(&cx.lw(j))
}

fn forward(cx: &Cx, te: usize, kind: FigureKind) -> Option<Range<usize>> {
    let mut j = te;
    if cx.line_break(te.saturating_sub(1)) && te > 0 {
        return None;
    }
    if &*cx.lw(j) == "of" {
        j += 1;
        if lx::is_partitive_determiner(&cx.lw(j)) {
            j += 1;
        }
    } else if kind == FigureKind::Percent {
        // "a 20 percent stake" counts a stake only loosely; keep to "of".
        return None;
    }
    let start = j;
    let mut end = j; // exclusive
    while end - start < MAX_FORWARD {
        let k = end;
        if k > start && (cx.line_break(k - 1) || !(cx.one_space(k - 1) || cx.touching(k - 1))) {
            break;
        }
        if is_possessive(cx, k) && k > start {
            if is_content(cx, k + 1) {
                end += 1;
                continue;
            }
            break;
        }
        if !is_content(cx, k) {
            break;
        }
        let w = cx.lw(k);
        match verbish(&w) {
            Some("ed")
                if k == start && is_content(cx, k + 1) && verbish(&cx.lw(k + 1)).is_none() => {}
            Some(_) => break,
            None => {}
        }
        end += 1;
    }
    (end > start).then(|| cx.toks[start].start..cx.toks[end - 1].end)
}

/// "more than 100 have reported brain injuries": the object of the participle.
fn after_participle(cx: &Cx, te: usize) -> Option<Range<usize>> {
    if !lx::is_participle_auxiliary(&cx.lw(te)) {
        return None;
    }
    let v = cx.lw(te + 1);
    if !(v.ends_with("ed") || lx::is_injury_participle(&v)) {
        return None;
    }
    forward(cx, te + 2, FigureKind::Count)
}

fn is_copula_or_change(w: &str) -> bool {
    lx::is_change_verb(w) || lx::is_amount_copula(w)
}

fn backward(cx: &Cx, ts: usize) -> Option<Range<usize>> {
    let mut j = ts;
    // "dropped by 5%", "stood at 4%"
    if j > 0 && lx::is_amount_preposition(&cx.lw(j - 1)) {
        j -= 1;
    }
    if j == 0 || !is_copula_or_change(&cx.lw(j - 1)) {
        return None;
    }
    j -= 1;
    while j > 0 && crate::text::lexicon::is_aux_or_adverb(&cx.lw(j - 1)) {
        j -= 1;
    }
    let end = j; // exclusive
    let mut start = j;
    while start > 0 && end - start < MAX_BACKWARD {
        let k = start - 1;
        if cx.line_break(k) || !(cx.one_space(k) || cx.touching(k)) {
            break;
        }
        if is_possessive(cx, k) {
            break;
        }
        let w = cx.lw(k);
        if &*w == "of" && k + 1 < end {
            start -= 1;
            continue;
        }
        if !is_content(cx, k) || verbish(&w).is_some_and(|v| v != "ed") {
            break;
        }
        start -= 1;
    }
    while start < end && &*cx.lw(start) == "of" {
        start += 1;
    }
    (end > start).then(|| cx.toks[start].start..cx.toks[end - 1].end)
}
