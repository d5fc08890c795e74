//! Ranges and tallies over two figures: two opposite bounds ("more than 10
//! and less than 20"), a connective between two numbers ("between 200 and
//! 300", "from 3 to 5 km", "10-20 dollars", "voted 51 to 49"), and stripped
//! tallies that lost their dash ("a 227 186 vote").

use super::candidate::{figure_at, Cand, Step};
use super::cx::Cx;
use super::lexicon as lx;
use super::numbers::{self, Num};
use super::scan::opens;
use super::types::{FigureKind, Qualifier};

/// The candidate `c` (its number `n`) joined with what follows it into a
/// tally or, where `pair`, a range; otherwise `c` itself.
pub(super) fn join(cx: &Cx, c: Cand, n: &Num, pair: bool) -> Cand {
    if let Some(t) = stripped_tally(cx, &c, n) {
        return t;
    }
    if pair && c.value_to.is_none() {
        if let Some(m) = bounds_range(cx, &c).or_else(|| pair_with_next(cx, &c)) {
            return m;
        }
    }
    c
}

/// The figure that opens first among tokens `from..=to` (the second end of
/// a range or bound), read without pairing.
fn figure_within(cx: &Cx, from: usize, to: usize) -> Option<Cand> {
    let k = (from..=to)
        .take_while(|&k| k < cx.len())
        .find(|&k| opens(cx, k))?;
    match figure_at(cx, k, false) {
        Step::Fig(c) => Some(c),
        Step::Skip(_) => None,
    }
}

/// Stripped tallies: "a 227 186 vote", "won 3 1": a plain number one space
/// after the figure, with a vote or score word near (or digit groups that
/// declined to join for one).
fn stripped_tally(cx: &Cx, c: &Cand, n: &Num) -> Option<Cand> {
    if !(n.tally_split || (cx.stripped && c.kind == FigureKind::Count && c.value_to.is_none())) {
        return None;
    }
    let (_, v) = numbers::plain_next(cx, c.te - 1)?;
    if !(n.tally_split || numbers::tally_context(cx, c.ns, c.te)) {
        return None;
    }
    let mut t = c.clone();
    t.kind = FigureKind::Tally;
    t.value_to = Some(v);
    t.te += 1;
    t.ne = t.te - 1;
    t.lone_one = false;
    Some(t)
}

fn is_lower_bound(q: Option<Qualifier>) -> Option<bool> {
    match q? {
        Qualifier::MoreThan | Qualifier::AtLeast => Some(true),
        Qualifier::LessThan | Qualifier::AtMost => Some(false),
        Qualifier::About => None,
    }
}

/// Two opposite bounds joined by "and" or a comma make a range: "more than
/// 10 and less than 20", "above 1000 and below 1500", "at most 100 and at
/// least 20" (lower end first in the value). Not when the bounds cross
/// ("more than 40 and less than 10" are two figures).
fn bounds_range(cx: &Cx, c: &Cand) -> Option<Cand> {
    let lower = is_lower_bound(c.qualifier)?;
    let j = c.te;
    if !lx::is_list_joiner(&cx.lw(j)) || cx.line_break(j) {
        return None;
    }
    // The second bound's number: the first token that opens one, within
    // the longest qualifier ("greater than or equal to").
    let c2 = figure_within(cx, j + 2, j + 6)?;
    if c2.ts != j + 1 || c2.value_to.is_some() || is_lower_bound(c2.qualifier)? == lower {
        return None;
    }
    let compatible = c.unit.is_none() || c2.unit.is_none() || c.unit == c2.unit;
    let (lo, hi) = if lower {
        (c.value, c2.value)
    } else {
        (c2.value, c.value)
    };
    if !compatible || lo >= hi {
        return None;
    }
    let mut m = c.clone();
    m.te = c2.te;
    m.ne = c2.ne;
    m.value = lo;
    m.value_to = Some(hi);
    m.kind = FigureKind::Range;
    m.unit = c2.unit.or(c.unit);
    m.qualifier = None;
    m.lone_one = false;
    Some(m)
}

/// Ranges and tallies over two figures: "between 200 and 300", "from 3 to
/// 5 km", "20 to 30 people", "$10-$20", "voted 51 to 49".
fn pair_with_next(cx: &Cx, c: &Cand) -> Option<Cand> {
    if !matches!(
        c.kind,
        FigureKind::Count
            | FigureKind::Percent
            | FigureKind::Money
            | FigureKind::Quantity
            | FigureKind::Duration
    ) {
        return None;
    }
    let j = c.te;
    let conn = cx.lw(j);
    let dash = lx::is_dash(&conn) || (&*conn == "~" && cx.touching(j - 1) && cx.touching(j));
    let before = cx.lw_back(c.ts, 1);
    let between = &*before == "between" && c.qualifier.is_none();
    let from = &*before == "from" && c.qualifier.is_none();
    let is_to = lx::is_range_word(&conn);
    if !(dash || is_to || (&*conn == "and" && between)) {
        return None;
    }
    if cx.line_break(j) {
        return None;
    }
    // The second number, after its currency or qualifier ("$10-$20", "2 -
    // ~7 g", "between 2 g and about 7 g"): those start right after the
    // connective.
    let c2 = figure_within(cx, j + 1, j + 4)?;
    // The second end starts after the connective; one end is a bare number
    // or both are of one kind ("three days - eight times" is no range).
    let kinds = c.kind == FigureKind::Count || c2.kind == FigureKind::Count || c.kind == c2.kind;
    if c2.ts > j + 1 || !kinds {
        return None;
    }
    // "rose 4% to 1.2 billion", "4%-1,200": a change, then the level it
    // reached; no percentage runs past a hundred into a bare count, whatever
    // joins them.
    if c.kind == FigureKind::Percent && c2.kind == FigureKind::Count && c2.value > 100.0 {
        return None;
    }
    // "20~100": the tilde joins, it does not approximate the second end;
    // "10 to about 20" approximates only the upper end of a range.
    let q2 = c2
        .qualifier
        .filter(|&q| &*conn != "~" && q != Qualifier::About);
    if c2.value_to.is_some() || q2.is_some() && !between {
        return None;
    }
    let compatible = c.unit.is_none() || c2.unit.is_none() || c.unit == c2.unit;
    let counts = c.kind == FigureKind::Count && c2.kind == FigureKind::Count;
    let mut m = c.clone();
    m.te = c2.te;
    m.ne = c2.ne;
    m.value_to = Some(c2.value);
    m.lone_one = false;
    if counts && (is_to || dash) && numbers::tally_context(cx, c.ns, c2.ne) {
        m.kind = FigureKind::Tally;
        return Some(m);
    }
    if !compatible || c2.value <= c.value {
        let whole = c.value.fract() == 0.0 && c2.value.fract() == 0.0;
        if dash && counts && whole && !between && !from {
            m.kind = FigureKind::Tally; // "a 227-186 vote" written with spaces
            return Some(m);
        }
        return None;
    }
    let change_before_from = from && lx::is_change_verb(&cx.lw_back(c.ts, 2));
    if between || (from && !change_before_from) || dash || (is_to && !from) {
        if between || from {
            m.ts = c.ts - 1;
        }
        m.kind = FigureKind::Range;
        m.unit = c2.unit.or(c.unit);
        if m.unit.is_none() && c.kind == FigureKind::Count && c2.kind != FigureKind::Count {
            return None;
        }
        return Some(m);
    }
    None
}
