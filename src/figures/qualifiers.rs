//! Qualifiers: the words before a number that bound or approximate it
//! ("about", "more than", "at least", "up to", "no more than", "greater than
//! or equal to", ">="), and the few written after it ("10 or more", "aged
//! 65 and over", "500 or fewer"). They belong to the figure's span. The
//! longest match wins, so "no more than" is `at_most`, not `more_than`, and
//! "less than or equal to" is `at_most`, not `less_than`.

use super::cx::Cx;
use super::lexicon as lx;
use super::{FigureKind, Qualifier};

/// Four- and five-token bounds with "or equal": "greater than or equal
/// to", "less or equal than", "equal to or more than", "at least or equal
/// to". `w` holds the words before the number, nearest last.
fn or_equal(w: &[&str]) -> Option<(Qualifier, usize)> {
    use Qualifier::*;
    let n = w.len();
    if n >= 5 {
        let t = &w[n - 5..];
        let dir = match (t[0], t[1], t[2], t[3], t[4]) {
            (a, "than", "or", "equal", "to") if lx::is_more_word(a) => Some(AtLeast),
            (a, "than", "or", "equal", "to") if lx::is_less_word(a) => Some(AtMost),
            ("equal", "to", "or", a, "than") if lx::is_more_word(a) => Some(AtLeast),
            ("equal", "to", "or", a, "than") if lx::is_less_word(a) => Some(AtMost),
            ("at", "least", "or", "equal", "to") => Some(AtLeast),
            ("at", "most", "or", "equal", "to") => Some(AtMost),
            _ => None,
        };
        if let Some(q) = dir {
            return Some((q, 5));
        }
    }
    if n >= 4 {
        let t = &w[n - 4..];
        if t[1] == "or" && t[2] == "equal" && lx::is_comparison_link(t[3]) {
            if lx::is_more_word(t[0]) {
                return Some((AtLeast, 4));
            }
            if lx::is_less_word(t[0]) {
                return Some((AtMost, 4));
            }
        }
    }
    None
}

/// The qualifier ending right before token `ts`, with its first token.
pub fn before(cx: &Cx, ts: usize, kind: FigureKind) -> Option<(Qualifier, usize)> {
    let q = before_any(cx, ts, kind)?;
    // Words of the previous figure cannot qualify this one.
    (q.1 >= cx.floor.get()).then_some(q)
}

fn before_any(cx: &Cx, ts: usize, kind: FigureKind) -> Option<(Qualifier, usize)> {
    if ts == 0 || kind == FigureKind::Ordinal {
        return None;
    }
    let w1 = cx.lw_back(ts, 1);
    if ts >= 4 && lx::is_comparison_link(&w1) {
        let ws: Vec<_> = (1..=ts.min(5)).rev().map(|b| cx.lw_back(ts, b)).collect();
        let strs: Vec<&str> = ws.iter().map(|w| &**w).collect();
        if let Some((q, len)) = or_equal(&strs) {
            return Some((q, ts - len));
        }
    }
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
        // ">=" and "<=" arrive as two marks.
        if &*w1 == "=" {
            return match &*w2 {
                ">" => Some((Qualifier::AtLeast, ts - 2)),
                "<" => Some((Qualifier::AtMost, ts - 2)),
                _ => None,
            };
        }
    }
    // "<>30", "=>30": not a bound the way news writes one.
    if matches!(&*w1, ">" | "<")
        && ts >= 2
        && cx.touching(ts - 2)
        && matches!(&*cx.lw_back(ts, 2), "<" | ">" | "=")
    {
        return None;
    }
    let q = lx::qualifier1(&w1)?;
    // "over three years" and "under two hours" are spans of time, not bounds;
    // "some" before a duration is fine ("some 20 years").
    if kind == FigureKind::Duration && lx::is_span_word(&w1) {
        return None;
    }
    Some((q, ts - 1))
}

/// A bound written after the figure ending before token `te`: "10 or
/// more", "65 and over", "500 or fewer", "200 or greater than" (a "than"
/// with no number after it). Returns the bound and the new end.
pub fn after(cx: &Cx, te: usize) -> Option<(Qualifier, usize)> {
    let conj = cx.lw(te);
    if !lx::is_and_or(&conj) {
        return None;
    }
    let w = cx.lw(te + 1);
    let q = lx::qualifier_after(&w)?;
    if &*conj == "and" && !lx::bound_after_and(&w) {
        return None;
    }
    let mut end = te + 2;
    if lx::is_comparison_link(&cx.lw(end)) {
        // "200 or more than 190" compares two numbers: not a bound.
        if cx.is_number(end + 1) || lx::cardinal(&cx.lw(end + 1)).is_some() {
            return None;
        }
        end += 1;
    }
    // "more than 10 and less or equal than 35", "30 and less than or equal
    // to 40": the bound word opens the next figure's qualifier.
    let opens_at =
        |k: usize| cx.is_number(k) || (cx.is_word(k) && super::numbers::opens_number(&cx.lw(k)));
    if opens_at(end)
        || (lx::is_article(&cx.lw(end)) && opens_at(end + 1))
        || lx::continues_a_bound(&cx.lw(end))
    {
        return None;
    }
    Some((q, end))
}

/// "more than 5000 or equal (to)": a strict bound widened by "or equal".
pub fn or_equal_after(cx: &Cx, te: usize, q: Qualifier) -> Option<(Qualifier, usize)> {
    if &*cx.lw(te) != "or" || &*cx.lw(te + 1) != "equal" {
        return None;
    }
    let q = match q {
        Qualifier::MoreThan => Qualifier::AtLeast,
        Qualifier::LessThan => Qualifier::AtMost,
        _ => return None,
    };
    let mut end = te + 2;
    if &*cx.lw(end) == "to" {
        if cx.is_number(end + 1) || lx::cardinal(&cx.lw(end + 1)).is_some() {
            return None; // "more than 5000 or equal to 6000": two figures
        }
        end += 1;
    }
    Some((q, end))
}
