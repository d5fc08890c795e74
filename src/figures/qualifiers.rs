//! Qualifiers: the words before a number that bound or approximate it
//! ("about", "more than", "at least", "up to", "no more than"). They belong
//! to the figure's span. The longest match wins, so "no more than" is
//! `at_most`, not `more_than`.

use super::cx::Cx;
use super::lexicon as lx;
use super::{FigureKind, Qualifier};

/// The qualifier ending right before token `ts`, with its first token.
pub fn before(cx: &Cx, ts: usize, kind: FigureKind) -> Option<(Qualifier, usize)> {
    if ts == 0 || kind == FigureKind::Ordinal {
        return None;
    }
    let w1 = cx.lw_back(ts, 1);
    if ts >= 3 {
        let (w3, w2) = (cx.lw_back(ts, 3), cx.lw_back(ts, 2));
        if let Some(q) = lx::qualifier3(&w3, &w2, &w1) {
            return Some((q, ts - 3));
        }
    }
    if ts >= 2 {
        let w2 = cx.lw_back(ts, 2);
        if let Some(q) = lx::qualifier2(&w2, &w1) {
            // "no more than" was tested above; "not less than" likewise.
            return Some((q, ts - 2));
        }
    }
    let q = lx::qualifier1(&w1)?;
    // "over three years" and "under two hours" are spans of time, not bounds;
    // "some" before a duration is fine ("some 20 years").
    if kind == FigureKind::Duration && matches!(&*w1, "over" | "under" | "above" | "below") {
        return None;
    }
    Some((q, ts - 1))
}
