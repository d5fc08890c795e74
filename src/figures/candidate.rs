//! Candidate building: from the token that opens a figure to a [`Cand`], as
//! a sequence of small named passes. [`figure_at`] reads the number, drops
//! what [`exclusions`] says is no figure, then runs the passes in the order
//! their rules depend on: the units (currency before, glued unit, hyphen
//! tail, share of a unit, unit after, compound units), the kind, the
//! qualifier, and last the ranges and tallies ([`ranges`]).

use super::counted;
use super::cx::{first_part_lower, Cx};
use super::exclusions;
use super::lexicon::{self as lx, UnitCls};
use super::numbers::{self, Num, Shape};
use super::qualifiers;
use super::ranges;
use super::types::{Figure, FigureKind, Qualifier};
use super::units;

/// A figure under construction, on token indices.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    /// First token (qualifier, article or currency included).
    pub ts: usize,
    /// One past the last token.
    pub te: usize,
    /// The number proper: first and last token.
    pub ns: usize,
    pub ne: usize,
    pub value: f64,
    pub value_to: Option<f64>,
    pub kind: FigureKind,
    pub unit: Option<&'static str>,
    pub qualifier: Option<Qualifier>,
    /// A lone "one" that must count something named to stay.
    pub lone_one: bool,
}

impl Cand {
    pub fn finish(self, cx: &Cx) -> Option<Figure> {
        let counted = counted::counted(cx, self.ts, self.te, self.kind);
        // A lone "one" counts what it names, or one "of the two".
        if self.lone_one && counted.is_none() && !one_of_a_number(cx, self.te) {
            return None;
        }
        // A number too large for a float has no value (never infinity).
        Some(Figure {
            start: cx.toks[self.ts].start,
            end: cx.toks[self.te - 1].end,
            value: Some(self.value).filter(|v| v.is_finite()),
            value_to: self.value_to.filter(|v| v.is_finite()),
            kind: self.kind,
            unit: self.unit,
            qualifier: self.qualifier,
            counted,
        })
    }
}

pub(super) enum Step {
    Fig(Cand),
    /// Not a figure; resume at this token.
    Skip(usize),
}

/// The figure that opens at token `i`; `pair`: it may join the figure after
/// it into a range or a tally.
pub(super) fn figure_at(cx: &Cx, i: usize, pair: bool) -> Step {
    if let Some(c) = a_time_and_a_half(cx, i) {
        return Step::Fig(c);
    }
    let code_before = numbers::after_code(cx, i);
    let parsed = match &code_before {
        Some((_, n)) => Some(n.clone()),
        None => numbers::parse(cx, i),
    };
    let Some(n) = parsed else {
        return Step::Skip(i + 1);
    };
    if let Some(next) = exclusions::date(cx, &n) {
        return Step::Skip(next);
    }
    if let Some(f) = slash_fraction(cx, &n) {
        return Step::Fig(f);
    }
    if let Some(next) = exclusions::time_or_name(cx, &n) {
        return Step::Skip(next);
    }
    // "dozen", "million", "third" open a number only after "a" or "an".
    if n.needs_article && (n.first == 0 || !lx::is_article(&cx.lw_back(n.first, 1))) {
        return Step::Skip(n.last + 1);
    }
    let mut d = Draft::new(n);
    match code_before {
        Some((code, _)) => d.set_unit(code, UnitCls::Currency),
        None => currency_before(cx, &mut d),
    }
    if exclusions::network(&d.n) {
        return Step::Skip(d.n.last + 1);
    }
    glued_unit(cx, &mut d);
    unit_in_tail(&mut d);
    share_of_a_unit(cx, &mut d);
    unit_after(cx, &mut d);
    feet_and_inches(cx, &mut d);
    if let (Some(UnitCls::Time), Some(unit)) = (d.cls, d.unit) {
        if let Some(next) = exclusions::relative_date(cx, d.last, unit) {
            return Step::Skip(next);
        }
    }
    d.word_after = d.last > d.n.last && d.n.glued.is_empty();
    money_scale_and_cents(cx, &mut d);
    below_zero(cx, &mut d);
    time_and_a_half(cx, &mut d);
    hours_and_minutes(cx, &mut d);
    years_old(cx, &mut d);
    pounds_of_weight(cx, &mut d);
    let kind = kind(&mut d);
    if exclusions::year(cx, &d.n, kind, d.ts, d.last) {
        return Step::Skip(d.last + 1);
    }
    let Some(mut c) = candidate(cx, &d, kind) else {
        return Step::Skip(d.last + 1);
    };
    lost_percent(cx, &mut c, &d.n);
    qualify(cx, &mut c);
    aged(cx, &mut c, &d.n);
    if lone_one(cx, &mut c, &d.n) {
        return Step::Skip(c.te);
    }
    Step::Fig(ranges::join(cx, c, &d.n, pair))
}

/// The number and its unit while the unit passes run.
struct Draft<'a> {
    n: Num<'a>,
    /// First token: the number's, or its article's or currency's.
    ts: usize,
    /// Last token of the number and its unit.
    last: usize,
    unit: Option<&'static str>,
    cls: Option<UnitCls>,
    /// The unit is a word after the number ("15 dollars", "2 hours"); set
    /// once the units around the number are read.
    word_after: bool,
}

impl<'a> Draft<'a> {
    fn new(n: Num<'a>) -> Self {
        Draft {
            ts: if n.needs_article {
                n.first - 1
            } else {
                n.first
            },
            last: n.last,
            n,
            unit: None,
            cls: None,
            word_after: false,
        }
    }

    fn set_unit(&mut self, code: &'static str, cls: UnitCls) {
        self.unit = Some(code);
        self.cls = Some(cls);
    }
}

/// A currency before the number ("$", "US$", "EUR"); an M glued before a
/// currency code is million ("MAUD 60").
fn currency_before(cx: &Cx, d: &mut Draft) {
    if d.n.needs_article {
        return;
    }
    let Some((code, first)) = units::before(cx, d.ts) else {
        return;
    };
    d.set_unit(code, UnitCls::Currency);
    d.ts = first;
    let w = cx.lw(first);
    if w.len() == 4 && w.starts_with('m') && w.bytes().all(|b| b.is_ascii_alphabetic()) {
        d.n.scale_by(1e6);
    }
}

/// Units glued to the digits ("300kg", "40C", "10m"): a capital M is
/// million ("10M", "$5MM"), a lowercase m million or metres, a c before a
/// rate cents ("17c a share").
fn glued_unit(cx: &Cx, d: &mut Draft) {
    let g = d.n.glued;
    let next = d.n.last + 1;
    if g.is_empty() {
        return;
    }
    if lx::is_million_or_metre(&g) && cx.raw(d.n.first).ends_with('M') {
        d.n.scale_by(1e6);
    } else if &*g == "m" {
        million_or_metres(cx, d);
    } else if &*g == "c" && units::cents_rate(cx, next) {
        d.set_unit("cent", UnitCls::Currency);
    } else if let Some((code, c)) = lx::glued_unit(&g).and_then(units::word) {
        if d.unit.is_none() || c == UnitCls::Currency {
            d.set_unit(code, c);
        }
    }
}

/// A glued lowercase m: million after a currency, before a currency word
/// or a counted noun ("$2m", "10m viewers"), and on a decimal ("1.8m
/// people") unless a size word follows ("1.8m tall": metres, the likelier
/// reading); otherwise metres ("a 10m fall", "the 100m final").
fn million_or_metres(cx: &Cx, d: &mut Draft) {
    let next = d.n.last + 1;
    let next_w = cx.lw(next);
    let metre_word = lx::is_size_word(&next_w);
    let million = (d.n.decimal && !metre_word)
        || d.unit.is_some()
        || units::after(cx, d.last, false).is_some_and(|h| h.cls == UnitCls::Currency)
        || (cx.is_word(next) && !metre_word && !lx::is_stop(&next_w) && !cx.line_break(d.last));
    if million {
        d.n.scale_by(1e6);
    } else {
        d.set_unit("m", UnitCls::Physical);
    }
}

/// A unit word in a hyphen tail ("40-year", "10-point", "a 12-cent
/// dividend", "a one-yen bid"); not "two-pound", which weighs as often as
/// it pays.
fn unit_in_tail(d: &mut Draft) {
    if d.n.tail.is_empty() || d.cls.is_some() {
        return;
    }
    let t = first_part_lower(d.n.tail);
    match units::word(&t) {
        Some((code, c))
            if (c != UnitCls::Currency || !t.starts_with("pound"))
                && !(code == "bit" && d.n.words) =>
        {
            d.set_unit(code, c);
        }
        _ => {}
    }
}

/// "tenth of a gallon", "a quarter of an hour": a fraction or ordinal
/// before "of (a) <unit>" is a share of one unit.
fn share_of_a_unit(cx: &Cx, d: &mut Draft) {
    let n = &d.n;
    let share = matches!(n.shape, Shape::Fraction)
        || (n.shape == Shape::Ordinal && n.value >= 3.0 && n.second.is_none());
    if !share || d.cls.is_some() || !n.tail.is_empty() || n.scaled {
        return;
    }
    if let Some(h) = units::of_a_unit(cx, d.last) {
        if d.n.shape == Shape::Ordinal {
            d.n.value = 1.0 / d.n.value;
        }
        d.n.shape = Shape::Fraction;
        d.set_unit(h.code, h.cls);
        d.last = h.last;
    }
}

/// Unit words after the number ("15 kg", "per cent"); after a currency,
/// only a currency word that repeats it ("$5 million dollars").
fn unit_after(cx: &Cx, d: &mut Draft) {
    let open = d.cls.is_none()
        || d.cls == Some(UnitCls::Currency) && d.unit.is_some() && d.n.glued.is_empty();
    if !d.n.tail.is_empty() || !open {
        return;
    }
    let Some(h) = units::after(cx, d.last, d.n.half) else {
        return;
    };
    let take = match d.cls {
        None => true,
        Some(UnitCls::Currency) => h.cls == UnitCls::Currency,
        _ => false,
    };
    if take && d.n.shape != Shape::Ordinal {
        if d.cls.is_none() {
            d.set_unit(h.code, h.cls);
        }
        d.last = h.last;
    }
}

/// Heights and lengths in feet and inches: "5 feet 2 inches", "6 ft and 1
/// in", "7 feet, 10 inches" = feet plus inches / 12.
fn feet_and_inches(cx: &Cx, d: &mut Draft) {
    if d.unit != Some("ft") || cx.line_break(d.last) {
        return;
    }
    let j = d.last + 1 + usize::from(lx::is_list_joiner(&cx.lw(d.last + 1)));
    if let Some((_, v)) = numbers::plain_next(cx, j - 1).filter(|&(_, v)| v < 12.0) {
        if lx::is_inch_word(&cx.lw(j + 1)) && !cx.line_break(j) {
            d.n.value += v / 12.0;
            d.last = j + 1;
        }
    }
}

/// After a currency: a scale after its code ("75 USD million"), an M
/// before the code ("30 MUSD"), and the cents ("3 dollars 50 cents",
/// "thirteen dollars and forty-five cents").
fn money_scale_and_cents(cx: &Cx, d: &mut Draft) {
    if d.cls != Some(UnitCls::Currency) || d.n.scaled || !d.n.tail.is_empty() {
        return;
    }
    if let Some((v, lx::Cls::Scale)) = lx::cardinal(&cx.lw(d.last + 1)) {
        d.n.value *= v;
        d.n.scaled = true;
        d.last += 1;
    } else if cx.lw(d.last).len() == 4 && cx.lw(d.last).starts_with('m') {
        d.n.value *= 1e6;
        d.n.scaled = true;
    }
    if let Some((c, end)) = minor_after(cx, d.last, lx::CENT_WORDS, 100.0, d.word_after) {
        d.n.value += c;
        d.last = end;
    }
}

/// "2 degrees below zero", "20 below zero": under zero, in degrees.
fn below_zero(cx: &Cx, d: &mut Draft) {
    let degrees = d.unit.is_none_or(lx::is_temperature_code);
    if !degrees || d.n.shape != Shape::Cardinal {
        return;
    }
    if let Some(end) = units::below_zero(cx, d.last) {
        d.n.value = -d.n.value;
        d.last = end;
        d.set_unit(d.unit.unwrap_or("deg"), UnitCls::Physical);
    }
}

/// "two years and a half", "one hour and half".
fn time_and_a_half(cx: &Cx, d: &mut Draft) {
    if d.cls != Some(UnitCls::Time) || !d.word_after || d.n.shape != Shape::Cardinal {
        return;
    }
    if let Some(end) = units::and_a_half(cx, d.last) {
        d.n.value += 0.5;
        d.last = end;
    }
}

/// "2 hours 30 minutes", "1 hour thirty", "5 minutes and 10 seconds".
fn hours_and_minutes(cx: &Cx, d: &mut Draft) {
    if !d.word_after || !d.n.tail.is_empty() || d.n.shape != Shape::Cardinal {
        return;
    }
    let minor = lx::minor_time_words(d.unit);
    if minor.is_empty() {
        return;
    }
    if let Some((v, end)) = minor_after(cx, d.last, minor, 60.0, true) {
        d.n.value += v;
        d.last = end;
    }
}

/// Ages written after a time unit: "five years old", "95 years of age".
fn years_old(cx: &Cx, d: &mut Draft) {
    if d.cls == Some(UnitCls::Time) && d.n.tail.is_empty() {
        d.last += lx::age_after(&cx.lw(d.last + 1), &cx.lw(d.last + 2));
    }
}

/// "lost 25 pounds", "the baby weighed two pounds": weight, not money,
/// after a word of weighing within four tokens before the number.
fn pounds_of_weight(cx: &Cx, d: &mut Draft) {
    if d.unit != Some("GBP") || !lx::is_pound_word(&cx.lw(d.last)) {
        return;
    }
    let ns = d.n.first;
    if (1..=4.min(ns)).any(|k| lx::is_weighing_word(&cx.lw_back(ns, k))) {
        d.set_unit("lb", UnitCls::Physical);
    }
}

/// The kind, from the number's shape and its unit's class; ranks and
/// multipliers keep no unit.
fn kind(d: &mut Draft) -> FigureKind {
    match (d.n.shape, d.cls) {
        (Shape::Ordinal, _) => {
            d.unit = None;
            FigureKind::Ordinal
        }
        (Shape::Multiplier, _) => FigureKind::Multiplier,
        (_, Some(UnitCls::Percent)) => FigureKind::Percent,
        (_, Some(UnitCls::Currency)) => FigureKind::Money,
        (_, Some(UnitCls::Time)) => FigureKind::Duration,
        (_, Some(UnitCls::Times)) => {
            d.unit = None;
            FigureKind::Multiplier
        }
        (_, Some(UnitCls::Physical)) => FigureKind::Quantity,
        (Shape::Fraction, None) => FigureKind::Fraction,
        (Shape::Cardinal, None) => FigureKind::Count,
    }
}

/// The candidate of a draft of `kind`. A second number inside the token
/// makes it a tally ("227-186": a vote or score near, or a smaller second
/// number without a unit) or a range ("10-20"); `None` where it is neither.
fn candidate(cx: &Cx, d: &Draft, kind: FigureKind) -> Option<Cand> {
    let mut c = Cand {
        ts: d.ts,
        te: d.last + 1,
        ns: d.n.first,
        ne: d.last,
        value: d.n.value,
        value_to: None,
        kind,
        unit: d.unit,
        qualifier: None,
        lone_one: false,
    };
    if let Some(second) = d.n.second {
        if numbers::tally_context(cx, c.ns, d.last) || (second < c.value && d.cls.is_none()) {
            c.kind = FigureKind::Tally;
            c.unit = None;
        } else if second > c.value {
            c.kind = FigureKind::Range;
        } else {
            return None;
        }
        c.value_to = Some(second);
    }
    Some(c)
}

/// Stripped text: a bare number right after a verb of change (a qualifier
/// or "by" may stand between) that counts nothing is a percent that lost
/// its sign ("has dropped about 50 so far"), and a single digit after it
/// its lost decimal ("rose 4 1 in march" = 4.1 percent).
fn lost_percent(cx: &Cx, c: &mut Cand, n: &Num) {
    if !cx.stripped || c.kind != FigureKind::Count || n.words || n.scaled {
        return;
    }
    let mut p = qualifiers::before(cx, c.ts, c.kind).map_or(c.ts, |q| q.1);
    if p > 0 && &*cx.lw(p - 1) == "by" {
        p -= 1;
    }
    if p == 0 || !lx::is_change_verb(&cx.lw(p - 1)) {
        return;
    }
    let mut k = c.te;
    let mut v = c.value;
    if let Some((_, d)) = numbers::plain_next(cx, k - 1).filter(|&(d, _)| d == 1) {
        v = numbers::round_to(v + d / 10.0, 1);
        k += 1;
    }
    if !counted::follows(cx, k) {
        c.value = v;
        c.te = k;
        c.kind = FigureKind::Percent;
        c.unit = Some("percent");
    }
}

/// The qualifier pass, the one place a figure's qualifier is decided: a
/// bound or approximation before the number ("more than", "about"; see
/// [`qualifiers::before`]), then for any figure but a rank, a tally or a
/// range one written after it ("10 or more", "65 and over"; "equal to 5000
/// or less" takes the words before into the bound), or "or equal" widening
/// the bound before ("more than 5000 or equal to").
fn qualify(cx: &Cx, c: &mut Cand) {
    let before = qualifiers::before(cx, c.ts, c.kind);
    if let Some((q, start)) = before {
        c.qualifier = Some(q);
        c.ts = start;
    }
    if matches!(
        c.kind,
        FigureKind::Ordinal | FigureKind::Tally | FigureKind::Range
    ) {
        return;
    }
    if let Some((q, end)) = qualifiers::after(cx, c.te) {
        c.qualifier = Some(q);
        c.te = end;
        let equal_to = c.ts >= 2 + cx.floor.get()
            && &*cx.lw_back(c.ts, 2) == "equal"
            && &*cx.lw_back(c.ts, 1) == "to";
        if before.is_none() && equal_to {
            c.ts -= 2;
        }
    } else if let Some((q, end)) = c
        .qualifier
        .and_then(|q| qualifiers::or_equal_after(cx, c.te, q))
    {
        c.qualifier = Some(q);
        c.te = end;
    }
}

/// "aged 87", "at age 65", "aged under 18": a count after "age" or "aged"
/// (its qualifier between) is years of age.
fn aged(cx: &Cx, c: &mut Cand, n: &Num) {
    if c.kind == FigureKind::Count
        && n.shape == Shape::Cardinal
        && c.ts > cx.floor.get()
        && lx::is_age_word(&cx.lw(c.ts - 1))
    {
        c.ts -= 1;
        c.kind = FigureKind::Duration;
        c.unit = Some("year");
    }
}

/// Marks a lone "one" (it must count something named to stay), and says
/// whether it is a pronoun: "one of them", "the one", "no one".
fn lone_one(cx: &Cx, c: &mut Cand, n: &Num) -> bool {
    c.lone_one = n.words
        && c.value == 1.0
        && n.first == n.last
        && c.kind == FigureKind::Count
        && c.qualifier.is_none();
    c.lone_one
        && ((&*cx.lw(c.te) == "of" && !one_of_a_number(cx, c.te))
            || lx::is_one_pronoun_det(&cx.lw_back(n.first, 1)))
}

/// "of the two", "of 12" after a lone "one" ending before token `te`: a
/// share of a number, so "one" is one.
fn one_of_a_number(cx: &Cx, te: usize) -> bool {
    let k = te + 1 + usize::from(&*cx.lw(te + 1) == "the");
    // A cardinal ("two", "12"), not an ordinal ("one of the first").
    let cardinal = lx::cardinal(&cx.lw(k)).is_some()
        || (cx.is_number(k) && cx.raw(k).bytes().all(|b| b.is_ascii_digit() || b == b','));
    &*cx.lw(te) == "of" && cardinal
}

/// "an hour and a half", "about a month and a half": one and a half of a
/// time unit, which "a" alone does not make a figure.
pub(super) fn a_time_and_a_half(cx: &Cx, i: usize) -> Option<Cand> {
    if !lx::is_article(&cx.lw(i)) {
        return None;
    }
    let (code, UnitCls::Time) = units::word(&cx.lw(i + 1))? else {
        return None;
    };
    let end = units::and_a_half(cx, i + 1)?;
    let mut c = Cand {
        ts: i,
        te: end + 1,
        ns: i,
        ne: end,
        value: 1.5,
        value_to: None,
        kind: FigureKind::Duration,
        unit: Some(code),
        qualifier: None,
        lone_one: false,
    };
    qualify(cx, &mut c);
    Some(c)
}

/// "3/4" in ordinary text: a fraction with a small common denominator, and
/// the unit after it ("3/4 inch").
fn slash_fraction(cx: &Cx, n: &Num) -> Option<Cand> {
    let slash = n.last + 1;
    let den_tok = slash + 1;
    let written = cx.is_number(n.first)
        && cx.raw(slash) == "/"
        && cx.touching(n.last)
        && cx.touching(slash)
        && cx.is_number(den_tok)
        && (!cx.touching(den_tok) || cx.raw(den_tok + 1) != "/");
    if !written {
        return None;
    }
    let den: f64 = cx.raw(den_tok).parse().ok()?;
    if !numbers::common_denominator(den)
        || n.value >= den
        || n.value.fract() != 0.0
        || n.first != n.last
    {
        return None;
    }
    let mut c = Cand {
        ts: n.first,
        te: den_tok + 1,
        ns: n.first,
        ne: den_tok,
        value: n.value / den,
        value_to: None,
        kind: FigureKind::Fraction,
        unit: None,
        qualifier: None,
        lone_one: false,
    };
    if let Some(h) = units::after(cx, den_tok, false) {
        if h.cls != UnitCls::Percent {
            c.unit = Some(h.code);
            c.kind = match h.cls {
                UnitCls::Time => FigureKind::Duration,
                UnitCls::Currency => FigureKind::Money,
                _ => FigureKind::Quantity,
            };
            c.te = h.last + 1;
        }
    }
    qualify(cx, &mut c);
    Some(c)
}

/// The smaller unit after a whole amount whose unit word ends at `j`: "50
/// cents" or "and 45 cents" after a currency, "30 minutes" after hours,
/// "15 seconds" after minutes. Where the amount's unit is a word after the
/// number (`bare`), the smaller unit may go unsaid when its number ends the
/// clause: "15 dollars 50.", "17 USD 25", "1 hour thirty". Returns the
/// amount in the larger unit and the last token.
fn minor_after(cx: &Cx, j: usize, minor: &[&str], per: f64, bare: bool) -> Option<(f64, usize)> {
    if minor.contains(&&*cx.lw(j)) || matches!(cx.raw(j), "p") {
        return None;
    }
    let mut k = j + 1;
    if &*cx.lw(k) == "and" {
        k += 1;
    }
    if !super::scan::opens(cx, k) || cx.line_break(j) {
        return None;
    }
    let m = numbers::parse(cx, k)?;
    if m.scaled || m.decimal || m.shape != Shape::Cardinal || m.value >= per || m.value < 1.0 {
        return None;
    }
    if minor.contains(&&*cx.lw(m.last + 1)) {
        return Some((m.value / per, m.last + 1));
    }
    let clause_end =
        m.last + 1 >= cx.len() || matches!(cx.raw(m.last + 1), "." | "," | ";" | "!" | "?" | ")");
    (bare && clause_end && m.tail.is_empty() && m.second.is_none() && m.glued.is_empty())
        .then_some((m.value / per, m.last))
}
