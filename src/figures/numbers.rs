//! The number grammar: digit tokens ("1,510", "3.5", "300kg", "4th"), number
//! words ("twenty-one", "one hundred and six", "half a million", "two-thirds")
//! and their mix ("1.5 million"), plus the digit-group rules of stripped text
//! (see the module docs of [`super`]).

use super::cx::{digits, Cx, Lw};
use super::lexicon::{self as lx, Cls};

/// What the grammar says a number is, before units decide its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Cardinal,
    Ordinal,
    Fraction,
    Multiplier,
}

/// A number: tokens `first..=last`, its value and shape.
#[derive(Debug, Clone)]
pub struct Num<'a> {
    pub first: usize,
    pub last: usize,
    pub value: f64,
    pub shape: Shape,
    /// A second number in the same token ("227-186").
    pub second: Option<f64>,
    /// Unit letters glued to the digits, lowercase ("kg", "c", "m").
    pub glued: Lw,
    /// Words after a hyphen inside the last token ("year" of "40-year").
    pub tail: &'a str,
    /// A single plain integer token: its digit count (the year test).
    pub plain_digits: Option<usize>,
    /// Has a decimal point (read or restored).
    pub decimal: bool,
    /// A scale word or letter applied ("million", "bn").
    pub scaled: bool,
    /// Made of number words only.
    pub words: bool,
    /// The number began with a word that needs an article before it
    /// ("dozen", "million", "third" of "a third"): the caller checks it.
    pub needs_article: bool,
    /// Value came from "half" alone, so "half an hour" may skip the article.
    pub half: bool,
    /// The stripped digit-group join declined because of tally context.
    pub tally_split: bool,
}

impl<'a> Num<'a> {
    fn new(first: usize, value: f64) -> Self {
        Num {
            first,
            last: first,
            value,
            shape: Shape::Cardinal,
            second: None,
            glued: Lw::of(""),
            tail: "",
            plain_digits: None,
            decimal: false,
            scaled: false,
            words: false,
            needs_article: false,
            half: false,
            tally_split: false,
        }
    }

    /// Applies a scale to both ends ("10-20bn").
    pub fn scale_by(&mut self, scale: f64) {
        self.value = scaled(self.value, scale);
        self.second = self.second.map(|s| scaled(s, scale));
        self.scaled = true;
    }
}

/// `v` rounded to `places` decimals: a value put together by float
/// arithmetic from a written decimal ("3" and "6" of stripped "3 6
/// percent") comes back as the decimal written, 3.6, not 3.5999999999999996.
pub fn round_to(v: f64, places: usize) -> f64 {
    if !v.is_finite() || places > 17 {
        return v;
    }
    format!("{v:.places$}").parse().unwrap_or(v)
}

/// `v` times `scale`; a power of ten shifts the decimal point of the
/// shortest decimal that is `v`, so 1.1 billion is 1100000000, not
/// 1100000000.0000002, and 1.2e-3 is 0.0012.
pub fn scaled(v: f64, scale: f64) -> f64 {
    let k = scale.log10().round();
    if v.is_finite() && k != 0.0 && (-22.0..=22.0).contains(&k) && 10f64.powi(k as i32) == scale {
        format!("{v}e{k}").parse().unwrap_or(v * scale)
    } else {
        v * scale
    }
}

/// A currency code glued before digits in one word token: "USD115",
/// "GBP3.01" (which the tokenizer splits at the point: "GBP3", ".", "01").
/// Returns the code and the number.
pub fn after_code<'a>(cx: &Cx<'a>, i: usize) -> Option<(&'static str, Num<'a>)> {
    let raw = cx.raw(i);
    if raw.len() < 4 || !cx.is_word(i) || !raw.as_bytes()[3].is_ascii_digit() {
        return None;
    }
    let code = lx::currency_before(&Lw::of(&raw[..3]))?;
    let d = digits(&raw[3..])?;
    if !d.suffix.is_empty() || d.second.is_some() || !d.tail.is_empty() {
        return None;
    }
    let mut n = Num::new(i, d.value);
    n.decimal = raw.contains('.');
    let frac = cx.raw(i + 2);
    if !n.decimal
        && cx.raw(i + 1) == "."
        && cx.touching(i)
        && cx.touching(i + 1)
        && !frac.is_empty()
        && frac.bytes().all(|c| c.is_ascii_digit())
    {
        n.value = round_to(
            n.value + frac.parse::<f64>().ok()? / 10f64.powi(frac.len() as i32),
            frac.len(),
        );
        n.decimal = true;
        n.last = i + 2;
    }
    scale_words(cx, &mut n);
    Some((code, n))
}

/// "a couple of" at token `i`.
pub fn couple_of(cx: &Cx, i: usize) -> bool {
    cx.raw(i + 1).eq_ignore_ascii_case("couple")
        && cx.raw(i + 2).eq_ignore_ascii_case("of")
        && !cx.line_break(i)
        && !cx.line_break(i + 1)
}

/// Whether the word at `i` can open a number (a cheap test run on every word).
pub fn opens_number(w: &str) -> bool {
    let first = w.split(['-', '‐', '‑']).next().unwrap_or("");
    lx::cardinal(first).is_some()
        || lx::ordinal(first).is_some()
        || lx::denominator(first).is_some()
        || lx::multiplier_word(first).is_some()
        || first.ends_with("fold") && lx::cardinal(&first[..first.len() - 4]).is_some()
}

/// Parses the number that starts at token `i`, with a sign before it.
pub fn parse<'a>(cx: &Cx<'a>, i: usize) -> Option<Num<'a>> {
    let mut n = if cx.is_number(i) {
        parse_digits(cx, i)?
    } else {
        parse_words(cx, i)?
    };
    if let Some(s) = sign_before(cx, n.first) {
        n.first = s;
        n.value = -n.value;
    }
    one_in_n(cx, &mut n);
    Some(n)
}

/// "one in four voters", "1 in 10": a share, a fraction (1/4, 1/10).
fn one_in_n(cx: &Cx, n: &mut Num) {
    let j = n.last + 1;
    let plain = |n: &Num| n.shape == Shape::Cardinal && n.second.is_none() && n.tail.is_empty();
    if !plain(n) || n.value != 1.0 || &*cx.lw(j) != "in" {
        return;
    }
    if cx.line_break(n.last) || cx.line_break(j) {
        return;
    }
    let of = if cx.is_number(j + 1) {
        parse_digits(cx, j + 1)
    } else {
        parse_words(cx, j + 1)
    };
    // At most one in a thousand: "one in 2015" is a year.
    let share = |d: &Num| {
        plain(d) && d.value > n.value && d.value <= 1000.0 && !d.scaled && d.glued.is_empty()
    };
    // Not "number one in three weeks" (a chart place, then a span of time).
    let rank = n.first > 0 && lx::is_rank_word(&cx.lw(n.first - 1));
    let time =
        |d: &Num| lx::unit_word(&cx.lw(d.last + 1)).is_some_and(|(_, c)| c == lx::UnitCls::Time);
    if let Some(d) = of.filter(|d| share(d) && !time(d) && !rank) {
        n.value /= d.value;
        n.shape = Shape::Fraction;
        n.last = d.last;
        n.plain_digits = None;
    }
}

/// The sign before the number starting at token `f`: a minus sign glued
/// to it, after no number and glued to nothing but a bracket or quotation
/// mark ("-5 °C", "fell to −3.5%", "(-2%)"; not the dash of "5–10", "2 -7
/// g", "8%-10%" or "F-16"), or "minus" /
/// "negative" ("minus sixty", "negative five").
fn sign_before(cx: &Cx, f: usize) -> Option<usize> {
    let s = f.checked_sub(1).filter(|&s| s >= cx.floor.get())?;
    let glued_sign = matches!(cx.raw(s), "-" | "−" | "–")
        && cx.touching(s)
        && (s == 0
            || !(cx.is_number(s - 1)
                || (cx.touching(s - 1) && !matches!(cx.raw(s - 1), "(" | "[" | "\"" | "“"))));
    let word = lx::is_sign_word(&cx.lw(s)) && !cx.line_break(s);
    (glued_sign || word).then_some(s)
}

fn is_percent_at(cx: &Cx, j: usize) -> bool {
    let w = cx.lw(j);
    lx::is_percent_word(&w) || (&*w == "per" && &*cx.lw(j + 1) == "cent")
}

/// A physical unit follows at `j` ("3 8 ghz", "14 2 psi" lost the points
/// of 3.8 and 14.2; not a unit of time: "2 3 days" may be two spans).
fn physical_unit_at(cx: &Cx, j: usize) -> bool {
    let w = cx.lw(j);
    w.len() > 1 && super::units::word(&w).is_some_and(|(_, c)| c == lx::UnitCls::Physical)
}

/// A price or rate follows at `j`: "a share", "per barrel", "an ounce"
/// ("6 75 a share" lost the point of 6.75).
fn rate_at(cx: &Cx, j: usize) -> bool {
    let next = cx.lw(j + 1);
    lx::is_per_word(&cx.lw(j))
        && (lx::is_rate_noun(&next)
            || lx::unit_word(&next).is_some_and(|(_, c)| c != lx::UnitCls::Currency))
}

fn is_scale_word(w: &str) -> Option<f64> {
    match lx::cardinal(w) {
        Some((v, Cls::Scale)) => Some(v),
        _ => lx::lost_point_scale(w),
    }
}

fn parse_digits<'a>(cx: &Cx<'a>, i: usize) -> Option<Num<'a>> {
    let raw = cx.raw(i);
    let d = digits(raw)?;
    let mut n = Num::new(i, d.value);
    n.decimal = d.decimal;
    n.tail = d.tail;
    n.second = d.second;
    // ".77", ".5 cups": a decimal without its leading zero, the point
    // standing alone before the digits (not the end of a word or number).
    let lead_point = i > 0
        && i > cx.floor.get()
        && cx.raw(i - 1) == "."
        && cx.touching(i - 1)
        && (i == 1 || !cx.touching(i - 2))
        && d.second.is_none()
        && !raw.contains(['.', ','])
        && raw.bytes().take_while(u8::is_ascii_digit).count() == d.int_digits;
    if lead_point {
        n.value = round_to(d.value / 10f64.powi(d.int_digits as i32), d.int_digits);
        n.first = i - 1;
        n.decimal = true;
    }
    let suffix = Lw::of(d.suffix);
    match &*suffix {
        "" => {}
        s if lx::is_ordinal_suffix(s) => {
            if !d.plain_int() {
                return None;
            }
            n.shape = Shape::Ordinal;
            return Some(n);
        }
        "s" => return None, // "1990s", "737s": decades and models
        s => {
            if let Some(scale) = lx::scale_abbrev(s).filter(|_| !lx::is_scale_or_unit_letter(s)) {
                n.scale_by(scale);
            } else if lx::is_million_or_metre(s) {
                n.glued = suffix; // million or metre: the caller decides
            } else if lx::glued_unit(s).is_some() {
                n.glued = suffix;
            } else {
                return None; // "3d", "5g", "4x4": not figures
            }
        }
    }
    if d.plain && n.second.is_none() && !lead_point {
        n.plain_digits = Some(d.int_digits);
        digit_groups(cx, &mut n, d.int_digits);
        if n.plain_digits.is_some() {
            mixed_fraction(cx, &mut n);
        }
    }
    if n.glued.is_empty() && n.tail.is_empty() {
        if !n.decimal && n.second.is_none() {
            point_decimals(cx, &mut n);
        }
        times_power_of_ten(cx, &mut n);
        // "10-20 million": the scale applies to both ends.
        scale_words(cx, &mut n);
        if n.scaled && n.last > i && n.second.is_none() {
            digits_after_scale(cx, &mut n);
        }
    }
    Some(n)
}

/// "3 x 10^6", "3×10⁶": the number times a power of ten.
fn times_power_of_ten(cx: &Cx, n: &mut Num) {
    let j = n.last + 1;
    if !matches!(cx.raw(j), "x" | "X" | "×" | "*") || !cx.is_number(j + 1) {
        return;
    }
    let ten = cx.raw(j + 1);
    let (power, end) = if ten == "10" && cx.raw(j + 2) == "^" && cx.touching(j + 1) {
        match plain_at(cx, j + 3).filter(|&(d, _)| d <= 2 && cx.touching(j + 2)) {
            Some((_, e)) => (10f64.powi(e as i32), j + 3),
            None => return,
        }
    } else if ten.starts_with("10") && !ten[2..].starts_with(|c: char| c.is_ascii_digit()) {
        match digits(ten)
            .map(|d| d.value)
            .filter(|&v| v != 10.0 && v.log10().fract() == 0.0)
        {
            Some(p) => (p, j + 1),
            None => return,
        }
    } else {
        return;
    };
    n.value = scaled(n.value, power);
    n.last = end;
    n.plain_digits = None;
}

/// Denominators that a written fraction "n/d" uses in news ("3/4",
/// "5/8", "1/16"); other slashes are dates or codes ("3/15").
pub fn common_denominator(d: f64) -> bool {
    d.fract() == 0.0 && matches!(d as u32, 2 | 3 | 4 | 5 | 8 | 10 | 16 | 100)
}

/// A whole number and a written fraction: "2 1/4 inches" = 2.25.
fn mixed_fraction(cx: &Cx, n: &mut Num) {
    let k = n.last + 1;
    if cx.touching(n.last) || cx.line_break(n.last) || cx.raw(k + 1) != "/" {
        return;
    }
    if !(cx.touching(k) && cx.touching(k + 1)) || cx.raw(k + 3) == "/" {
        return;
    }
    let (Some((_, num)), Some((_, den))) = (plain_at(cx, k), plain_at(cx, k + 2)) else {
        return;
    };
    if num >= 1.0 && num < den && common_denominator(den) {
        n.value += num / den;
        n.last = k + 2;
        n.decimal = true;
        n.plain_digits = None;
    }
}

/// After digits and a scale word ("3 hundred", "4 thousand", "3 million"):
/// "and a half" (a share of the scale), "and 21" / "and one" (a smaller
/// number), or a smaller number with its own scale word ("4 thousand 3
/// hundred"). A bare number after a scale word without "and" stays apart
/// ("5 million 20 years ago").
fn digits_after_scale(cx: &Cx, n: &mut Num) {
    loop {
        let w = cx.lw(n.last);
        let size = match lx::cardinal(&w) {
            Some((v, Cls::Scale | Cls::Hundred)) => v,
            _ => return,
        };
        if cx.line_break(n.last) {
            return;
        }
        let before = n.last;
        and_a_fraction(cx, n);
        if n.last != before {
            return;
        }
        let and = &*cx.lw(n.last + 1) == "and";
        let j = n.last + 1 + usize::from(and);
        if and && cx.line_break(n.last + 1) {
            return;
        }
        let Some(m) = parse(cx, j) else {
            return;
        };
        // "4 thousand 3 hundred", "4 thousand 3 hundred and 21".
        let own_scale = (j + 1..=m.last).any(|k| {
            matches!(
                lx::cardinal(&cx.lw(k)),
                Some((_, Cls::Scale | Cls::Hundred))
            )
        });
        let plain = m.shape == Shape::Cardinal
            && m.tail.is_empty()
            && m.glued.is_empty()
            && m.second.is_none()
            && !m.decimal;
        // "3 hundred and 0": a zero adds nothing, it is a number of its own.
        if !plain || m.value >= size || m.value < 1.0 || !(own_scale || (and && size == 100.0)) {
            return;
        }
        n.value += m.value;
        n.last = m.last;
        if !own_scale {
            return;
        }
    }
}

trait PlainInt {
    fn plain_int(&self) -> bool;
}

impl PlainInt for super::cx::Digits<'_> {
    fn plain_int(&self) -> bool {
        self.second.is_none() && self.tail.is_empty() && self.value.fract() == 0.0
    }
}

/// A plain integer token at `j`: its digits and value.
fn plain_at(cx: &Cx, j: usize) -> Option<(usize, f64)> {
    if !cx.is_number(j) {
        return None;
    }
    let s = cx.raw(j);
    if s.bytes().all(|c| c.is_ascii_digit()) {
        Some((s.len(), s.parse().ok()?))
    } else {
        None
    }
}

/// A plain integer token right after `j`, one space apart: its digits and
/// value.
pub fn plain_next(cx: &Cx, j: usize) -> Option<(usize, f64)> {
    cx.one_space(j).then(|| plain_at(cx, j + 1)).flatten()
}

/// The stripped-text digit-group rules; see the module docs of [`super`].
fn digit_groups(cx: &Cx, n: &mut Num, int_digits: usize) {
    let i = n.first;
    if !(1..=3).contains(&int_digits) {
        return;
    }
    // A lost decimal point: "2 5 billion", "4 1 percent", "1 5m".
    if cx.stripped && cx.one_space(i) && cx.is_number(i + 1) {
        let g = cx.raw(i + 1);
        let gd = g.bytes().take_while(u8::is_ascii_digit).count();
        let gsuf = Lw::of(&g[gd..]);
        let glued_scale = match &*gsuf {
            "" => None,
            s => lx::scale_abbrev(s),
        };
        if (1..=2).contains(&gd)
            && (gsuf.is_empty() || glued_scale.is_some())
            && (glued_scale.is_some()
                || is_scale_word(&cx.lw(i + 2)).is_some()
                || is_percent_at(cx, i + 2)
                || rate_at(cx, i + 2)
                || physical_unit_at(cx, i + 2))
        {
            let frac: f64 = g[..gd].parse().unwrap_or(0.0);
            n.value = round_to(n.value + frac / 10f64.powi(gd as i32), gd);
            n.last = i + 1;
            n.decimal = true;
            n.plain_digits = None;
            if let Some(s) = glued_scale {
                // "1 5m": a lost point before "m" reads as million.
                n.value *= s;
                n.scaled = true;
            }
            return;
        }
    }
    // Thousands groups: "1 510", "10 000", "1 414 021 100", "1 234.5".
    let mut k = i;
    while cx.one_space(k) && plain_at(cx, k + 1).is_some_and(|(d, _)| d == 3) {
        k += 1;
    }
    // The last group may carry the decimals: "1 234 567.89".
    let decimals = if cx.one_space(k) {
        digits(cx.raw(k + 1)).filter(|d| {
            d.decimal
                && d.int_digits == 3
                && d.suffix.is_empty()
                && d.second.is_none()
                && d.tail.is_empty()
                && !cx.raw(k + 1).contains(',')
        })
    } else {
        None
    };
    if k == i && decimals.is_none() {
        return;
    }
    if tally_context(cx, i, k) {
        n.tally_split = decimals.is_none();
        return;
    }
    // A list: "rooms 101 102 and 103".
    if k == i + 1
        && int_digits == 3
        && lx::is_and_or(&cx.lw(k + 1))
        && plain_at(cx, k + 2).is_some_and(|(d, _)| d == 3)
    {
        return;
    }
    // A date: "march 3 100" never occurs, but "jan 3 2019" is not a group
    // (the year has four digits), so no test is needed here.
    let mut v = n.value;
    for j in i + 1..=k {
        v = v * 1000.0 + plain_at(cx, j).map_or(0.0, |x| x.1);
    }
    if let Some(d) = decimals {
        v = v * 1000.0 + d.value;
        k += 1;
        n.decimal = true;
    }
    n.value = v;
    n.last = k;
    n.plain_digits = None;
}

/// Whether numbers in tokens `a..=b` sit in a vote or score context.
pub fn tally_context(cx: &Cx, a: usize, b: usize) -> bool {
    lx::is_tally_after(&cx.lw(b + 1))
        || lx::is_tally_before(&cx.lw_back(a, 1))
        || (lx::is_tally_before(&cx.lw_back(a, 2)) && lx::links_tally_verb(&cx.lw_back(a, 1)))
}

/// Scale words after a number: "1.5 million", "3 hundred", "2 dozen".
fn scale_words(cx: &Cx, n: &mut Num) {
    loop {
        let j = n.last + 1;
        let w = cx.lw(j);
        let (v, ok) = match lx::cardinal(&w) {
            Some((v, Cls::Scale | Cls::Hundred | Cls::Dozen)) => (v, true),
            _ => match &*w {
                // "4 K" after a temperature word is kelvin (the unit).
                "k" if cx.raw(j) == "K" && lx::temperature_before(cx, n.first) => (0.0, false),
                _ if lx::is_spaced_scale(&w) => (lx::scale_abbrev(&w).unwrap_or(1.0), true),
                // "1.5 M": a capital M standing alone is million (metres
                // are a lowercase "m"); not "35 M&S goods".
                "m" if cx.raw(j) == "M" && !cx.glued_on(j) => (1e6, true),
                _ => (0.0, false),
            },
        };
        if !ok || cx.line_break(n.last) {
            return;
        }
        n.scale_by(v);
        n.last = j;
        n.plain_digits = None;
    }
}

/// One sub-word of a (possibly hyphenated) word token.
struct Parts<'s> {
    items: [&'s str; 4],
    len: usize,
}

fn parts(w: &str) -> Parts<'_> {
    let mut p = Parts {
        items: [""; 4],
        len: 0,
    };
    for s in w.split(['-', '‐', '‑', '—', '–']) {
        if p.len == 4 {
            p.len = 0; // too many parts: not a number
            return p;
        }
        p.items[p.len] = s;
        p.len += 1;
    }
    p
}

fn parse_words<'a>(cx: &Cx<'a>, i: usize) -> Option<Num<'a>> {
    let first_w = cx.lw(i);
    let ps = parts(&first_w);
    if ps.len == 0 {
        return None;
    }
    let head = ps.items[0];
    if let Some(n) = multiplier_word(i, &ps) {
        return Some(n);
    }
    if lx::is_article(head) {
        return after_article(cx, i, &ps);
    }
    if lx::cardinal(head).is_none() {
        return lone_ordinal_or_fraction(cx, i, &ps);
    }
    cardinal_words(cx, i)
}

/// "twice", "thrice", "threefold": a multiplier in one word.
fn multiplier_word<'a>(i: usize, ps: &Parts) -> Option<Num<'a>> {
    let head = ps.items[0];
    let v = match lx::multiplier_word(head) {
        Some(v) if ps.len == 1 => v,
        _ => match lx::cardinal(head.strip_suffix("fold")?) {
            Some((v, Cls::Ones | Cls::Teen | Cls::Tens)) => v,
            _ => return None,
        },
    };
    let mut n = Num::new(i, v);
    n.shape = Shape::Multiplier;
    n.words = true;
    Some(n)
}

/// A number that opens on "a" or "an": "a couple of days" (two), "a couple
/// of hundred" (two hundred), and one of a measure or currency named alone
/// ("a kilogram", "a dollar"; not a rate's "$80 a barrel", "2 euros a
/// litre").
fn after_article<'a>(cx: &Cx<'a>, i: usize, ps: &Parts) -> Option<Num<'a>> {
    if ps.items[0] == "a" && ps.len == 1 && couple_of(cx, i) {
        let mut n = Num::new(i, 2.0);
        n.last = i + 1;
        n.words = true;
        if let Some((v, Cls::Hundred | Cls::Scale)) = lx::cardinal(&cx.lw(i + 3)) {
            n.scale_by(v);
            n.last = i + 3;
        }
        return Some(n);
    }
    let prev = if i == 0 { Lw::of("") } else { cx.lw_back(i, 1) };
    let rate = i > 0
        && (cx.is_number(i - 1)
            || lx::unit_word(&prev).is_some()
            || lx::cardinal(&prev).is_some()
            || lx::scale_abbrev(&prev).is_some()
            // "a tenth of a gallon", "the price of a litre": the unit
            // of another figure or of a price.
            || &*prev == "of");
    if ps.len == 1 && !rate && lx::one_of_unit(&cx.lw(i + 1)) && !cx.line_break(i) {
        let mut n = Num::new(i, 1.0);
        n.words = true;
        return Some(n);
    }
    None
}

/// The running sum of a number in words ("one hundred and six", "two
/// million three hundred thousand"), word by word.
struct WordSum<'a> {
    n: Num<'a>,
    /// What the scales read so far add up to.
    total: f64,
    /// The part under the last scale.
    cur: f64,
    /// The class of the last number word.
    last: Option<Cls>,
    big_scale: f64,
    last_scale: f64,
    /// After "and" following "hundred" or a scale: the value read before it
    /// and the size of the word before it ("one hundred and three
    /// quarters", "two million and one half").
    and_base: Option<(f64, f64)>,
    /// Whether a number word under a hundred was read.
    units_read: bool,
}

impl<'a> WordSum<'a> {
    fn new(i: usize) -> Self {
        let mut n = Num::new(i, 0.0);
        n.words = true;
        WordSum {
            n,
            total: 0.0,
            cur: 0.0,
            last: None,
            big_scale: 0.0,
            last_scale: 1.0,
            and_base: None,
            units_read: false,
        }
    }

    fn sum(&self) -> f64 {
        self.total + self.cur
    }

    /// Adds the number word `p` (value `v`, class `cls`) where it may follow
    /// the word before; whether it did. "hundreds of", "millions of" are
    /// vague, never read after nothing.
    fn add(&mut self, p: &str, v: f64, cls: Cls) -> bool {
        let ok = match cls {
            Cls::Ones => matches!(
                self.last,
                None | Some(Cls::Tens | Cls::Hundred | Cls::Scale)
            ),
            Cls::Teen | Cls::Tens => matches!(self.last, None | Some(Cls::Hundred | Cls::Scale)),
            Cls::Hundred => matches!(self.last, None | Some(Cls::Ones | Cls::Teen | Cls::Tens)),
            Cls::Scale | Cls::Dozen => self.last != Some(Cls::Dozen),
        };
        if !ok || (p.ends_with('s') && self.last.is_none()) {
            return false;
        }
        if self.last.is_none() && matches!(cls, Cls::Hundred | Cls::Scale | Cls::Dozen) {
            self.n.needs_article = true;
        }
        match cls {
            Cls::Ones | Cls::Teen | Cls::Tens => {
                self.cur += v;
                self.units_read = true;
            }
            Cls::Hundred => self.cur = self.cur.max(1.0) * v,
            // "three hundred and two dozen": the dozens are those read
            // since "and".
            Cls::Dozen => match self.and_base {
                Some((base, _)) => self.cur += (self.sum() - base) * (v - 1.0),
                None => self.cur = self.cur.max(1.0) * v,
            },
            // "a trillion trillion", "lakh crore": a scale right after a
            // scale multiplies it.
            Cls::Scale if self.last == Some(Cls::Scale) && self.cur == 0.0 => {
                self.total = scaled(self.total, v);
                self.big_scale = self.big_scale.max(self.total);
                self.last_scale = self.total;
            }
            Cls::Scale => {
                if v > self.big_scale && self.total > 0.0 {
                    self.total = (self.total + self.cur.max(0.0)) * v;
                } else {
                    self.total += self.cur.max(1.0) * v;
                }
                self.big_scale = self.big_scale.max(v);
                self.last_scale = v;
                self.cur = 0.0;
                self.n.scaled = true;
            }
        }
        self.last = Some(cls);
        true
    }

    /// "and" inside a number before a word under a hundred at `j + 1`
    /// ("one hundred and six"): remembers what was read before it.
    fn and_continues(&mut self, cx: &Cx, j: usize) -> bool {
        let next = lx::cardinal(cx.lw(j + 1).split('-').next().unwrap_or(""));
        if !matches!(self.last, Some(Cls::Hundred | Cls::Scale))
            || !matches!(next, Some((_, Cls::Ones | Cls::Teen | Cls::Tens)))
        {
            return false;
        }
        let unit = if self.last == Some(Cls::Scale) {
            self.last_scale
        } else {
            1.0
        };
        self.and_base = Some((self.sum(), unit));
        true
    }

    /// An ordinal or a denominator `p`, part `pi` of token `j` (parts
    /// `ps`), that ends the number: "twenty-fifth", "two-thirds", "one
    /// fifth", "two hundredth", "one hundred and three quarters". Whether
    /// it did.
    fn ends_in_share(&mut self, cx: &Cx<'a>, j: usize, ps: &Parts, pi: usize, p: &str) -> bool {
        let last_part = pi + 1 == ps.len;
        if let Some((ov, plural)) = lx::ordinal(p) {
            // "twenty-fifth": tens and a ordinal unit.
            if self.last == Some(Cls::Tens) && ov < 10.0 && !plural {
                self.n.value = self.sum() + ov;
                self.n.shape = Shape::Ordinal;
                self.n.last = j;
                self.n.tail = rest_parts(ps, pi + 1, cx.raw(j));
                return true;
            }
            if let Some((base, unit)) = self.and_base {
                let num = self.sum() - base;
                if ov >= 3.0 && (plural || num == 1.0) && num >= 1.0 && last_part {
                    self.share_after_and(cx, j, base, num / ov, unit);
                    return true;
                }
            }
            // "two-thirds", "one fifth", "three tenths".
            let num = self.sum();
            if ov >= 3.0 && (plural || num == 1.0) && (num >= 1.0) {
                self.fraction(cx, j, ps, pi, num / ov);
                return true;
            }
            // "two hundredth", "three millionth": the rank of a number read
            // as a cardinal with that scale word.
            if ov >= 100.0 && !plural {
                self.n.value = if ov > self.big_scale && self.total > 0.0 {
                    self.sum() * ov
                } else {
                    self.total + self.cur.max(1.0) * ov
                };
                self.n.shape = Shape::Ordinal;
                self.n.last = j;
                self.n.tail = rest_parts(ps, pi + 1, cx.raw(j));
                return true;
            }
        }
        let Some(den) = lx::denominator(p) else {
            return false;
        };
        let plural = p.ends_with('s');
        if let Some((base, unit)) = self.and_base {
            let num = self.sum() - base;
            if ((plural && num >= 1.0) || num == 1.0) && last_part {
                self.share_after_and(cx, j, base, num / den, unit);
                return true;
            }
        }
        let num = self.sum();
        if (plural && num >= 1.0) || num == 1.0 {
            self.fraction(cx, j, ps, pi, num / den);
            return true;
        }
        false
    }

    /// The share `frac` read after "and" ends the number at token `j`.
    fn share_after_and(&mut self, cx: &Cx, j: usize, base: f64, frac: f64, unit: f64) {
        self.n.last = j;
        self.n.value = base + share_of(cx, &mut self.n, frac, unit);
        self.n.decimal = true;
    }

    /// The fraction `value` ends the number at part `pi` of token `j`.
    fn fraction(&mut self, cx: &Cx<'a>, j: usize, ps: &Parts, pi: usize, value: f64) {
        self.n.value = value;
        self.n.shape = Shape::Fraction;
        self.n.last = j;
        self.n.tail = rest_parts(ps, pi + 1, cx.raw(j));
        fraction_of_scale(cx, &mut self.n);
    }
}

/// A cardinal in words from token `i`: "one hundred and six",
/// "twenty-one", "two-thirds", "fifty - two".
fn cardinal_words<'a>(cx: &Cx<'a>, i: usize) -> Option<Num<'a>> {
    let first_w = cx.lw(i);
    let mut s = WordSum::new(i);
    let mut j = i;
    'tokens: loop {
        let w = cx.lw(j);
        let ps = if j == i { parts(&first_w) } else { parts(&w) };
        if ps.len == 0 || (j > i && !cx.is_word(j)) {
            break;
        }
        for (pi, p) in ps.items[..ps.len].iter().copied().enumerate() {
            if let Some((v, cls)) = lx::cardinal(p) {
                if s.add(p, v, cls) {
                    continue;
                }
            } else if s.last.is_some() && s.ends_in_share(cx, j, &ps, pi, p) {
                return Some(s.n);
            }
            if pi == 0 {
                if p == "and" && ps.len == 1 && s.and_continues(cx, j) {
                    j += 1;
                    continue 'tokens;
                }
                break 'tokens;
            }
            // Stopped inside a hyphenated token: the rest is a tail
            // ("two-year", "three-day").
            s.n.last = j;
            s.n.tail = rest_parts(&ps, pi, cx.raw(j));
            s.n.value = s.sum();
            return finish_words(cx, s.n);
        }
        s.n.last = j;
        if cx.line_break(j) {
            break;
        }
        j += if dash_compound(cx, i, j, s.last, s.sum()) {
            2
        } else {
            1
        };
    }
    s.last?; // "hundreds of": nothing read
    s.n.value = s.sum();
    // "hundred fifteen", "thousand nine hundred": a scale word opens a
    // number without "a" or "one" when a number under a hundred follows it
    // (not "several hundred million").
    let article = i > 0 && lx::is_article(&cx.lw_back(i, 1));
    if s.n.needs_article && s.units_read && !article {
        s.n.needs_article = false;
    }
    finish_words(cx, s.n)
}

/// A number word at `j`, a dash token and a word that continues it as a
/// hyphen would: "fifty - two", "twenty—fifth", "one - fourth", "five -
/// eighths". Not two tens or two ones ("twenty - thirty", "three - one"
/// are ranges and scores), nor in a vote or score context.
fn dash_compound(cx: &Cx, i: usize, j: usize, last: Option<Cls>, num: f64) -> bool {
    if !lx::is_dash(cx.raw(j + 1)) || cx.line_break(j + 1) || !cx.is_word(j + 2) {
        return false;
    }
    let w = cx.lw(j + 2);
    let p = parts(&w).items[0];
    let share = |plural: bool, den: f64| den >= 3.0 && (plural || num == 1.0);
    let fraction = lx::ordinal(p).is_some_and(|(v, plural)| share(plural, v))
        || lx::denominator(p).is_some_and(|v| share(p.ends_with('s'), v.max(3.0)));
    let joins = match last {
        Some(Cls::Tens) => {
            matches!(lx::cardinal(p), Some((v, Cls::Ones)) if v >= 1.0)
                || lx::ordinal(p).is_some_and(|(v, plural)| v < 10.0 && !plural)
                || fraction
        }
        Some(Cls::Ones | Cls::Teen) => fraction,
        _ => false,
    };
    joins && !tally_context(cx, i, j + 2)
}

/// The size of the scale word at `j` ("million" = 1e6), or 1.
fn scale_at(cx: &Cx, j: usize) -> f64 {
    match lx::cardinal(&cx.lw(j)) {
        Some((v, Cls::Scale)) => v,
        _ => 1.0,
    }
}

/// A share `frac` written after "and": of `unit` (the scale before "and":
/// "two million and a half" = 2.5 million, "one hundred and three quarters"
/// = 100.75), or of a scale word right after it ("one billion and a half
/// million" = 1,000,500,000). Moves `n.last` over that scale word.
fn share_of(cx: &Cx, n: &mut Num, frac: f64, unit: f64) -> f64 {
    if !cx.line_break(n.last) {
        let next = scale_at(cx, n.last + 1);
        if next > 1.0 {
            n.last += 1;
            n.scaled = true;
            return frac * next;
        }
    }
    frac * unit
}

/// "one and a half", "two and a quarter", "three and a fifth", "3 million
/// and a half" (a share of the scale before "and"), "five and a half
/// million" (the whole times a scale after it).
fn and_a_fraction(cx: &Cx, n: &mut Num) {
    if cx.line_break(n.last) || &*cx.lw(n.last + 1) != "and" {
        return;
    }
    // "and a half", "and one quarter", "and three eighths" (a numerator
    // over one takes the plural).
    let num = match &*cx.lw(n.last + 2) {
        "a" | "an" | "one" => 1.0,
        w => match lx::cardinal(w) {
            Some((v, Cls::Ones | Cls::Teen)) if v >= 2.0 => v,
            _ => return,
        },
    };
    let w = cx.lw(n.last + 3);
    let den = lx::denominator(&w)
        .filter(|_| w.ends_with('s') == (num > 1.0))
        .or_else(|| {
            lx::ordinal(&w)
                .filter(|&(v, plural)| v >= 3.0 && plural == (num > 1.0))
                .map(|(v, _)| v)
        });
    let Some(den) = den.filter(|&d| num < d) else {
        return;
    };
    let unit = scale_at(cx, n.last);
    n.last += 3;
    n.decimal = true;
    if unit > 1.0 {
        let share = share_of(cx, n, num / den, unit);
        n.value += share;
        return;
    }
    n.value += num / den;
    // "five and a half million"
    let next = if cx.line_break(n.last) {
        1.0
    } else {
        scale_at(cx, n.last + 1)
    };
    if next > 1.0 {
        n.value *= next;
        n.scaled = true;
        n.last += 1;
    }
}

/// "three quarters billion", "two-thirds million", "two thirds of a
/// million": a fraction of a scale is a cardinal.
fn fraction_of_scale(cx: &Cx, n: &mut Num) {
    if !n.tail.is_empty() || cx.line_break(n.last) {
        return;
    }
    // "two thirds of a million", "a quarter of a billion".
    let of_a = &*cx.lw(n.last + 1) == "of" && lx::is_article(&cx.lw(n.last + 2));
    let j = n.last + 1 + 2 * usize::from(of_a);
    if let Some((v, Cls::Scale)) = lx::cardinal(&cx.lw(j)) {
        if (n.last..j).all(|k| !cx.line_break(k)) && !cx.lw(j).ends_with('s') {
            n.value *= v;
            n.shape = Shape::Cardinal;
            n.scaled = true;
            n.last = j;
        }
    }
}

/// The raw text after the first `k` hyphen parts of `raw`.
fn rest_parts<'a>(ps: &Parts, k: usize, raw: &'a str) -> &'a str {
    if k >= ps.len {
        return "";
    }
    let mut idx = 0;
    let mut seen = 0;
    for (b, c) in raw.char_indices() {
        if matches!(c, '-' | '‐' | '‑' | '—' | '–') {
            seen += 1;
            if seen == k {
                idx = b + c.len_utf8();
                break;
            }
        }
    }
    if seen < k {
        return "";
    }
    &raw[idx..]
}

/// After number words: "and a half", "point five", "half a million".
fn finish_words<'a>(cx: &Cx<'a>, mut n: Num<'a>) -> Option<Num<'a>> {
    if !n.tail.is_empty() {
        return Some(n);
    }
    said_digit_by_digit(cx, &mut n);
    and_a_fraction(cx, &mut n);
    if point_decimals(cx, &mut n) {
        // "two point five million"
        if let Some((v, Cls::Scale)) = lx::cardinal(&cx.lw(n.last + 1)) {
            n.value *= v;
            n.scaled = true;
            n.last += 1;
        }
    }
    Some(n)
}

/// Numbers said in pairs or digit by digit: "nineteen eighty-four" (1984;
/// a year, so no figure, after a date word: "in nineteen eighty-four"),
/// "twenty twenty-one" (2021), "zero eight" (8).
fn said_digit_by_digit(cx: &Cx, n: &mut Num) {
    let whole = |v: f64| v.fract() == 0.0;
    if n.scaled || n.decimal || n.shape != Shape::Cardinal || cx.line_break(n.last) {
        return;
    }
    let k = n.last + 1;
    // Digits one by one after a zero ("zero eight", "zero zero seven"):
    // each a single number word under ten. Not a zero inside a score or a
    // formation ("three-nought-four" is three numbers).
    let digit = |j: usize| match lx::cardinal(&cx.lw(j)) {
        Some((d, Cls::Ones)) => Some(d),
        _ => None,
    };
    let after_number = n.first > 0 && (digit(n.first - 1).is_some() || cx.is_number(n.first - 1));
    if n.first == n.last && n.value == 0.0 && digit(n.first).is_some() && !after_number {
        let mut v = n.value;
        let mut j = k;
        while let Some(d) = digit(j) {
            v = v * 10.0 + d;
            j += 1;
        }
        if j > k {
            n.value = v;
            n.last = j - 1;
        }
        return;
    }
    if !(10.0..=99.0).contains(&n.value) || !whole(n.value) || !cx.is_word(k) {
        return;
    }
    let Some(pair) = parse_words(cx, k) else {
        return;
    };
    let two_digits = (10.0..=99.0).contains(&pair.value) && whole(pair.value);
    if two_digits && !pair.scaled && pair.shape == Shape::Cardinal && pair.tail.is_empty() {
        n.value = n.value * 100.0 + pair.value;
        n.last = pair.last;
        // After a date word it is a year, skipped as "in 1984" is.
        let prev = if n.first > 0 {
            cx.lw(n.first - 1)
        } else {
            Lw::of("")
        };
        if crate::text::dates::is_date_word(&prev) {
            n.plain_digits = Some(4);
        }
    }
}

/// The decimals of a number said aloud: "two point five", "nought point
/// nought three", "1 point 25", "two hundred point seventy-one" (a number
/// word under a hundred after the point gives its digits: "point eleven"
/// is .11). Whether any were read.
fn point_decimals(cx: &Cx, n: &mut Num) -> bool {
    if &*cx.lw(n.last + 1) != "point" || cx.line_break(n.last) || cx.line_break(n.last + 1) {
        return false;
    }
    let k = n.last + 2;
    let (frac, end, places) = if let Some((d, v)) = plain_at(cx, k) {
        (v / 10f64.powi(d as i32), k, d)
    } else {
        // Single digits: "point nought three".
        let mut frac = 0.0;
        let mut place = 0.1;
        let mut j = k;
        while let Some((v, Cls::Ones)) = lx::cardinal(&cx.lw(j)) {
            frac += v * place;
            place /= 10.0;
            j += 1;
        }
        if j > k {
            (frac, j - 1, j - k)
        } else {
            // Two digits as one word: "point eleven", "point seventy-one",
            // "point seventy one".
            let w = cx.lw(k);
            let ps = parts(&w);
            let ones = |p: &str| match lx::cardinal(p) {
                Some((v, Cls::Ones)) if v >= 1.0 => Some(v),
                _ => None,
            };
            match lx::cardinal(ps.items[0]) {
                Some((v, Cls::Teen)) if ps.len == 1 => (v / 100.0, k, 2),
                Some((v, Cls::Tens)) if ps.len == 1 => match ones(&cx.lw(k + 1)) {
                    Some(o) if !cx.line_break(k) => ((v + o) / 100.0, k + 1, 2),
                    _ => (v / 100.0, k, 2),
                },
                Some((v, Cls::Tens)) if ps.len == 2 => match ones(ps.items[1]) {
                    Some(o) => ((v + o) / 100.0, k, 2),
                    None => return false,
                },
                _ => return false,
            }
        }
    };
    n.value = round_to(n.value + frac, places);
    n.last = end;
    n.decimal = true;
    n.plain_digits = None;
    true
}

/// Nothing follows at `j` but punctuation or the end: "cut by a fifth.",
/// "fell by a quarter" are shares (an ordinal before a noun is a rank:
/// "a fifth term").
fn clause_end(cx: &Cx, j: usize) -> bool {
    !cx.is_word(j) && !cx.is_number(j)
}

/// An ordinal or fraction word that opens a number: "third", "a third of",
/// "half a million", "a quarter of".
fn lone_ordinal_or_fraction<'a>(cx: &Cx<'a>, i: usize, ps: &Parts) -> Option<Num<'a>> {
    let head = ps.items[0];
    let prev = cx.lw_back(i, 1);
    let next = cx.lw(i + 1);
    let article = lx::is_article(&prev);
    if let Some(den) = lx::denominator(head) {
        if head != "half" && ps.len == 1 && !cx.line_break(i) {
            // "a quarter million", "quarter billion": a share of a scale.
            if let Some((v, Cls::Scale)) = lx::cardinal(&next) {
                let mut n = Num::new(i, v / den);
                n.last = i + 1;
                n.scaled = true;
                n.words = true;
                n.needs_article = article;
                return Some(n);
            }
        }
        if head != "half" {
            // "quarter-litre", "a quarter-mile": a share of the unit after
            // the hyphen.
            if ps.len == 2 && lx::unit_word(ps.items[1]).is_some() {
                let mut n = Num::new(i, 1.0 / den);
                n.shape = Shape::Fraction;
                n.words = true;
                n.needs_article = article;
                n.tail = rest_parts(ps, 1, cx.raw(i));
                return Some(n);
            }
            // "a quarter of": only with the article and "of".
            if !(article && (&*next == "of" || clause_end(cx, i + 1))) || ps.len > 1 {
                return None;
            }
            let mut n = Num::new(i, 1.0 / den);
            n.shape = Shape::Fraction;
            n.needs_article = true;
            n.words = true;
            fraction_of_scale(cx, &mut n);
            return Some(n);
        }
        let mut n = Num::new(i, 0.5);
        n.shape = Shape::Fraction;
        n.words = true;
        n.half = true;
        // "a half": the article is part of the figure.
        n.needs_article = article;
        if ps.len > 1 {
            // "half-litre", "half-hour"
            n.tail = rest_parts(ps, 1, cx.raw(i));
            return Some(n);
        }
        // "half a million", "half a dozen"
        if lx::is_article(&next) {
            if let Some((v, Cls::Scale | Cls::Dozen)) = lx::cardinal(&cx.lw(i + 2)) {
                n.value = 0.5 * v;
                n.shape = Shape::Cardinal;
                n.scaled = true;
                n.last = i + 2;
                return Some(n);
            }
        }
        if let Some((v, Cls::Scale)) = lx::cardinal(&next) {
            n.value = 0.5 * v;
            n.shape = Shape::Cardinal;
            n.scaled = true;
            n.last = i + 1;
            return Some(n);
        }
        // "more than half", "nearly half", "at least half": a share.
        let ok = lx::is_after_half(&next)
            || lx::unit_word(&next).is_some()
            || article
            || lx::is_before_half(&prev);
        return ok.then_some(n);
    }
    let (v, plural) = lx::ordinal(head)?;
    if plural {
        return None; // "thirds" alone
    }
    let mut n = Num::new(i, v);
    n.words = true;
    if ps.len > 1 {
        n.tail = rest_parts(ps, 1, cx.raw(i));
    }
    // "a third of", "cut by a fifth.": a fraction.
    if article && (&*next == "of" || clause_end(cx, i + 1)) && v >= 3.0 && ps.len == 1 {
        n.value = 1.0 / v;
        n.shape = Shape::Fraction;
        n.needs_article = true;
        fraction_of_scale(cx, &mut n);
        return Some(n);
    }
    n.shape = Shape::Ordinal;
    match head {
        // "first" is idiom far more often than a figure ("at first", "the
        // first time"); "second" is a time unit as often as an ordinal.
        // "finished first", "came second": a placing.
        "first" | "second" if lx::is_placing_verb(&prev) => Some(n),
        "first" => None,
        "second" => {
            let superlative = next.ends_with("est") || next.starts_with("largest");
            let det = lx::is_second_determiner(&prev);
            (superlative || (det && ps.len > 1) || (det && !lx::ends_a_lone_second(&next)))
                .then_some(n)
        }
        _ => Some(n),
    }
}
