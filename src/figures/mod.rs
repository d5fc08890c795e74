//! Figures: every number an article states, with its value, kind, unit,
//! qualifier and what it counts.
//!
//! # How a figure is found
//!
//! One linear scan over the tokens. Only digit tokens and a handful of number
//! words (one..ninety, hundred..trillion, dozen, the ordinals, half, twice)
//! open a figure; every other token costs one byte test or one table lookup.
//! From an opening token the grammar ([`numbers`]) reads the number, then
//! looks around it: a currency before ("$", "US$", "£"), a unit after
//! ([`units`]: "kg", "per cent", "US dollars", "years", "times"), a
//! qualifier before ([`qualifiers`]), a second number that makes a range or a
//! tally, and finally the noun phrase it counts ([`counted`]).
//!
//! Some figures open on other words: "a"/"an" before a measure or currency
//! named once ("a kilogram", "a dollar"; not a rate's "$80 a barrel" nor
//! "of a gallon") or before a time unit and "and a half" ("an hour and a
//! half" = 1.5 hours), a currency code glued before digits ("USD115"), and
//! a point before digits (".277"). A unit may stand in brackets ("20
//! (kg)"). A fraction or ordinal before "of (a) <unit>" is a share of that
//! unit ("tenth of a gallon" = 0.1 gal, "a quarter of an hour" = 0.25
//! hour), as is a fraction word hyphenated to a unit ("quarter-litre").
//! "Below zero" after a temperature or bare number makes it negative ("2
//! degrees below zero", "20 below zero" = -20 deg). "aged" or "age" before
//! a number makes it years of age ("aged 5 to 11", "at age 87"), as do
//! "years old" and "yo" after it. "and a half" after a time unit adds half
//! of it ("two years and a half"). Feet and inches add
//! up ("5 feet 2 inches", "5 feet, 2 inches" = 5.1667 ft), and so do cents, minutes and seconds
//! ("3 dollars 50 cents" = 3.5 USD, "2 hours 30 minutes" = 2.5 hours);
//! where the currency or time unit is a word after the number, the smaller
//! unit may go unsaid when its number ends the clause ("15 dollars 50." =
//! 15.5 USD, "17 USD 25", "1 hour thirty" = 1.5 hours; not after a sign:
//! "$5 and 10" lists two prices). A glued "m" after a decimal is a
//! scale ("1.8m people") unless a size word follows ("1.8m tall": metres,
//! the likelier reading). A share after "and" belongs to the scale before it
//! ("3 million and a half" = 3.5 million; "one hundred and three quarters" =
//! 100.75), and dozens after "and" count what follows it ("three hundred
//! and two dozen" = 324). Digits with scale words add up ("4 thousand 3
//! hundred and 21"; not "and 0", a number of its own). Decimals may be said
//! aloud ("six point eight", "1 point 25"; a word under a hundred after the
//! point gives its digits: "point seventy-one" = .71). A whole number and a
//! written fraction add up ("2 1/4 inches"). A spaced dash joins number
//! words as a hyphen would ("fifty - two", "twenty—fifth", "one - fourth",
//! "five - eighths"; not "three - one" nor "twenty - thirty"). A fraction of
//! a scale is a cardinal ("two thirds of a million", "a quarter of a
//! billion"); an ordinal of one is a rank ("two hundredth" = 200th, "three
//! millionth"), though "one hundredth" is the fraction 0.01.
//!
//! # Kinds
//!
//! `percent` ("20 percent", "9.1 per cent", "4.1%"; unit "percent", or "pp"
//! for percentage points), `money` (a currency, value in that currency with
//! the scale applied: "$1.2bn" = 1.2e9 USD), `duration` (a time unit: "99
//! years", "a 40-year high"), `multiplier` ("three times", "twice",
//! "threefold"), `quantity` (any other unit), `ordinal` ("third", "4th"),
//! `fraction` ("two-thirds", "a quarter of", "half of"; the value is the
//! exact quotient), `tally` ("227-186", "51 to 49" and stripped "227 186"
//! next to a vote or score word; value and `value_to`), `range` ("between 200
//! and 300", "10-20 dollars", "from 3 to 5 km"; lower end and `value_to`, the
//! unit of either end) and `count` for the rest.
//!
//! # What is not a figure
//!
//! - Dates and years: a 4-digit integer 1000-2100 without a unit, currency,
//!   percent or scale ("the 2015 agreement", "in 2018"), a day number next to
//!   a month ("march 10", "jan 3 2019", "3rd of May", "october, 1st") and a
//!   year in words after it ("september 10, nineteen zero one", "the tenth
//!   of march, two thousand"; not where a noun follows: "march 10, two
//!   thousand people"), seasons ("2019-20"), decades ("1990s"), times of
//!   day ("10 am", "10:30"), relative dates ("N years ago", "two days
//!   later", "three weeks from now", "1 month 21 days ago"), a day number
//!   without its month where no noun follows ("on 15", "for the 27th",
//!   "thursday the 21st", "friday the fifteen", "friday 7.6", "on 4-22",
//!   "in 4-22", "1-jan") and a number before a day name ("third tuesday"). A 4-digit number stays a
//!   figure after a comparative bound ("more than 2000") or as the low end
//!   of a range past any year ("1000-5000").
//! - Digits in web addresses ("https://example.com/a?q=30%25", "www.x.com/2020").
//! - Digits in names and labels: after a label word ("covid 19", "boeing
//!   737", "section 230", "flight 370", single letters as in "f 16", "g 20");
//!   digits glued to letters ("G7", "COVID-19", "F-16", "5G", "3D"), and
//!   a single letter glued after a label ("Boeing 777F").
//! - Vague plurals: "hundreds of", "thousands of", "dozens of".
//! - "first" (idiom far more often than a figure: "the first time"), and
//!   "second" except after a determiner or before a superlative; both are
//!   ordinals after a verb of placing ("finished second", "came first").
//! - "one" as a pronoun: "one of ...", "the one", "no one", and any "one"
//!   that counts nothing it names.
//!
//! # Stripped text: digit groups
//!
//! Punctuation is gone, so `1,510` arrives as `1 510`, `2.5` as `2 5`, `4.1%`
//! as `4 1` and `227-186` as `227 186`. Digit groups are decided from
//! context, in this order:
//!
//! 1. **Lost decimal point** (stripped text only): a 1-3 digit number, one
//!    space, a 1-2 digit group, then a scale word ("million", "bn") or a
//!    percent word: "2 5 billion" = 2.5e9, "9 1 per cent" = 9.1, "1 5m" =
//!    1.5e6.
//! 2. **Thousands groups** (both forms, groups separated by exactly one
//!    space): a 1-3 digit number followed by 3-digit groups joins them:
//!    "1 510 kg" = 1510, "10 000 cases" = 10000, "1 414 021 100"; in
//!    ordinary text the last group may carry decimals ("1 234 567.89",
//!    often spaced by a narrow no-break space). Not when
//!    - a tally word follows ("vote", "victory", "win", "defeat", "margin",
//!      ...) or a tally verb precedes ("voted", "won", "beat", ...): "a
//!      bipartisan 227 186 vote" is the tally 227 to 186;
//!    - it is a list: one 3-digit group after a 3-digit number, then "and" or
//!      "or" and another 3-digit number ("rooms 101 102 and 103");
//!    - (dates need no exception: a year has four digits, so "jan 3 2019"
//!      never joins, and the day next to a month is dropped as a date).
//! 3. **Lost percent sign** (stripped text only): a bare number right after a
//!    verb of change ("rose", "fell", "dropped", "jumped", ...; a qualifier or
//!    "by" may stand between) that counts nothing is a percent ("has dropped
//!    about 50 so far"), and a single digit after it is its lost decimal
//!    ("rose 4 1 in march" = 4.1 percent).
//! 4. Two numbers side by side that no rule joined: a tally when a tally word
//!    is near, otherwise separate figures.
//!
//! Where a reading stays ambiguous the likelier one is taken: a 3-digit
//! group after a number is a thousands group, so a stripped "227 186" with no
//! vote or score word near is 227186.
//!
//! # Bounds and ranges
//!
//! Qualifiers stand before the number ([`qualifiers`]: "more than",
//! "greater than or equal to", ">=", "exceeded") or after it ("10 or
//! more", "65 and over", "more than 5000 or equal to"; "equal to 5000 or
//! less" takes the words before it into the bound). Two opposite bounds
//! joined by "and" or a comma are one range ("more than 10 and less than
//! 20", "at most 100 and at least 20"), unless they cross. "to", "through",
//! a dash or a tilde between two numbers make a range as well. A range's
//! unit may be written once, after its high end ("from 2 to 7 g"), and the
//! high end may be approximate ("10 to about 20", "2 - ~7 g": the range
//! keeps no qualifier). A unit or scale glued after a hyphen pair belongs to
//! both ends ("3-5km", "$10-20 million", "10-20bn").
//!
//! # Decimal marks
//!
//! Commas between 3-digit groups are thousands ("1,510"; Indian groups of
//! two before the last three, "12,34,567"); one comma before other than
//! three digits is a decimal comma ("1,5 per cent", "5,00", "$1,8923"). With both marks the
//! later one is the decimal mark ("1,111.11", European "1.111,11"). A list
//! joined by commas ("paragraphs 22,24,26") is no number. A scale letter
//! may repeat at both ends of a range ("30k-45k").
//!
//! # Other ambiguities, decided
//!
//! "10m": million when it has a decimal point, a currency, or a counted noun
//! after it ("10m viewers"), otherwise metres ("a 10m fall", "the 100m
//! final", "100m isn't easy"). "pounds": money, unless "of" follows ("two
//! pounds of meat"). "N times" is always a multiplier. "over"/"under"
//! before a duration are not qualifiers ("over three years" is a span of
//! time). Glued "mm" is millimetres ("a 9mm pistol") and capital "MM" million ("$5MM"). A
//! one-letter unit apart from its number ("3 g", "7 l") is a unit only where
//! no content word follows ("3 g of sugar", "2 m x 3 m", but "the 5 g
//! network"); in stripped text "l", "h" and "m" only at the end or before
//! "of", "and" or "x" (a stripped "$458 m" lost its "$"). A capital "M"
//! apart is million ("1.5 M"), unless glued to what follows ("35 M&S
//! shops": an initial). "quarters" after digits are quarters of a year
//! ("for 3 quarters"); "three quarters" is a fraction. A currency sign between two numbers belongs to the second ("10 $ 30"),
//! unless the second has its own ("10 $ 30 $", "10 € 30 cents"). A glued
//! "c" is Celsius ("40C") but cents before a rate ("17c a share", "11c to
//! 17c a share"). An M glued before a currency code is million ("MAUD 60",
//! "30 MUSD").

mod counted;
mod cx;
pub(crate) mod lexicon;
mod numbers;
mod qualifiers;
mod units;

use std::ops::Range;

use crate::text::{Doc, Form, TokenKind};

use cx::Cx;
use lexicon::{self as lx, UnitCls};
use numbers::{Num, Shape};

/// What kind of number a figure is.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FigureKind {
    Count,
    Percent,
    Money,
    Quantity,
    Ordinal,
    Fraction,
    Multiplier,
    Tally,
    Range,
    Duration,
}

impl FigureKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Count => "count",
            FigureKind::Percent => "percent",
            FigureKind::Money => "money",
            FigureKind::Quantity => "quantity",
            FigureKind::Ordinal => "ordinal",
            FigureKind::Fraction => "fraction",
            FigureKind::Multiplier => "multiplier",
            FigureKind::Tally => "tally",
            FigureKind::Range => "range",
            FigureKind::Duration => "duration",
        }
    }
}

/// Words that bound or approximate a figure ("more than 10 000").
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    About,
    MoreThan,
    LessThan,
    AtLeast,
    AtMost,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::About => "about",
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
        }
    }
}

/// One figure: `text[start..end]` in bytes, qualifier words included.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub start: usize,
    pub end: usize,
    /// The normalised value; a range's lower end, a tally's first number.
    pub value: Option<f64>,
    /// A range's upper end or a tally's second number.
    pub value_to: Option<f64>,
    pub kind: FigureKind,
    /// A short canonical unit code ("USD", "kg", "year"); percents carry
    /// "percent" (or "pp" for percentage points) so a range of percents
    /// keeps its unit.
    // `std::primitive::str`, not `str`: serde's derive would borrow a `&str`
    // from the input (requiring `'de: 'static`); `crate::interned` interns it.
    #[cfg_attr(feature = "serde", serde(deserialize_with = "crate::interned::unit"))]
    pub unit: Option<&'static std::primitive::str>,
    pub qualifier: Option<Qualifier>,
    /// Byte span of the noun phrase the number counts, where the text says.
    pub counted: Option<Range<usize>>,
}

/// The figures of `doc`, in text order. See the module docs for the rules.
pub fn extract(doc: &Doc) -> Vec<Figure> {
    let cx = Cx {
        text: doc.text,
        toks: &doc.tokens,
        stripped: doc.form == Form::Stripped,
        floor: std::cell::Cell::new(0),
    };
    let mut out = Vec::new();
    let n = cx.len();
    let mut i = 0;
    while i < n {
        if !opens(&cx, i) {
            i += 1;
            continue;
        }
        match figure_at(&cx, i, true) {
            Step::Fig(c) => {
                i = c.te.max(i + 1);
                cx.floor.set(c.te);
                if let Some(f) = c.finish(&cx) {
                    out.push(f);
                }
            }
            Step::Skip(next) => i = next.max(i + 1),
        }
    }
    let links = web_addresses(doc.text);
    if !links.is_empty() {
        out.retain(|f| !links.iter().any(|&(s, e)| f.start < e && s < f.end));
    }
    out
}

/// Byte spans of web addresses ("https://...", "www.example.com/..."): the
/// whitespace-delimited token around each "://" or "www.". Their digits
/// ("q=30%25", "issue%289%29") are parts of an address, never figures.
fn web_addresses(text: &str) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for pat in ["://", "www."] {
        for (k, _) in text.match_indices(pat) {
            let s = text[..k].rfind(char::is_whitespace).map_or(0, |p| p + 1);
            let e = text[k..]
                .find(char::is_whitespace)
                .map_or(text.len(), |p| k + p);
            if !spans.iter().any(|&(a, b)| a <= s && e <= b) {
                spans.push((s, e));
            }
        }
    }
    spans
}

/// The cheap test every token goes through.
fn opens(cx: &Cx, i: usize) -> bool {
    let Some(t) = cx.toks.get(i) else {
        return false;
    };
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct => false,
        TokenKind::Word => {
            let bytes = cx.text.as_bytes();
            if t.end - t.start >= 4 && bytes[t.start + 3].is_ascii_digit() {
                // "USD115": a currency code glued before the digits.
                return lx::currency_before(&cx::Lw::of(&cx.text[t.start..t.start + 3])).is_some();
            }
            let b = bytes[t.start].to_ascii_lowercase();
            if b == b'a' && t.end - t.start <= 2 {
                // "a kilogram", "an ml", "an hour and a half"
                return matches!(&*cx.lw(i), "a" | "an")
                    && (numbers::one_of_unit(&cx.lw(i + 1))
                        || numbers::couple_of(cx, i)
                        || a_time_and_a_half(cx, i).is_some());
            }
            // Number words start with one of these letters.
            matches!(
                b,
                b'z' | b'n' | b'o' | b't' | b'f' | b's' | b'e' | b'h' | b'm' | b'b' | b'd' | b'q'
            ) && t.end - t.start <= 24
                && numbers::opens_number(&cx.lw(i))
        }
    }
}

/// A figure under construction, on token indices.
#[derive(Debug, Clone)]
struct Cand {
    /// First token (qualifier, article or currency included).
    ts: usize,
    /// One past the last token.
    te: usize,
    /// The number proper: first and last token.
    ns: usize,
    ne: usize,
    value: f64,
    value_to: Option<f64>,
    kind: FigureKind,
    unit: Option<&'static str>,
    qualifier: Option<Qualifier>,
    /// A lone "one" that must count something named to stay.
    lone_one: bool,
}

impl Cand {
    fn finish(self, cx: &Cx) -> Option<Figure> {
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

/// "of the two", "of 12" after a lone "one" ending before token `te`: a
/// share of a number, so "one" is one.
fn one_of_a_number(cx: &Cx, te: usize) -> bool {
    let k = te + 1 + usize::from(&*cx.lw(te + 1) == "the");
    // A cardinal ("two", "12"), not an ordinal ("one of the first").
    let cardinal = lx::cardinal(&cx.lw(k)).is_some()
        || (cx.is_number(k) && cx.raw(k).bytes().all(|b| b.is_ascii_digit() || b == b','));
    &*cx.lw(te) == "of" && cardinal
}

enum Step {
    Fig(Cand),
    /// Not a figure; resume at this token.
    Skip(usize),
}

fn is_year(n: &Num) -> bool {
    n.plain_digits == Some(4) && (1000.0..=2100.0).contains(&n.value)
}

/// A day number next to a month ("march 10", "10 march", "3rd of may").
fn next_to_month(cx: &Cx, n: &Num) -> bool {
    if n.value > 31.0 || n.value.fract() != 0.0 || n.value < 1.0 || n.scaled {
        return false;
    }
    // "march 10", "3rd of may", "may twenty one".
    let small = n.plain_digits.is_some_and(|d| d <= 2) || n.shape == Shape::Ordinal || n.words;
    if !small {
        return false;
    }
    let p = cx.lw_back(n.first, 1);
    // "october, 1st"; not "in October, 15 people".
    let comma_day = &*p == "," && n.shape == Shape::Ordinal && !counted_follows(cx, n.last + 1);
    let before = lx::is_month(&p)
        || ((&*p == "." || &*p == "the" || comma_day) && lx::is_month(&cx.lw_back(n.first, 2)));
    let a = cx.lw(n.last + 1);
    let after = lx::is_month(&a) || (&*a == "of" && lx::is_month(&cx.lw(n.last + 2)));
    before || after
}

/// The year a date next to a month goes on to say in words: "september
/// 10, nineteen zero one", "the tenth of september, two thousand", "jan
/// twenty one two thousand and eighteen". Its last token, where no noun
/// follows it ("march 10, two thousand people" is a count).
fn year_after_date(cx: &Cx, n: &Num) -> Option<usize> {
    let mut k = n.last + 1;
    if &*cx.lw(k) == "of" {
        k += 1;
    }
    if !lx::is_month(&cx.lw(k)) {
        k = n.last;
    }
    k += 1;
    if &*cx.lw(k) == "," {
        k += 1;
    }
    if !cx.is_word(k) {
        return None;
    }
    let m = numbers::parse(cx, k)?;
    let whole = m.words && m.value.fract() == 0.0;
    let mut end = m.last;
    if whole && (10.0..=20.0).contains(&m.value) && m.last == k {
        // "nineteen seventy eight", "nineteen zero one": two-digit pairs.
        while matches!(lx::cardinal(&cx.lw(end + 1)), Some((v, lx::Cls::Ones | lx::Cls::Teen | lx::Cls::Tens)) if v < 100.0)
        {
            end += 1;
        }
        if end == k {
            return None;
        }
    } else if !(whole && (1000.0..=2100.0).contains(&m.value)) {
        return None;
    }
    (!counted_follows(cx, end + 1)).then_some(end)
}

/// A day of the month written without its month: "on 15", "for the 27th",
/// "on the second", "thursday the 21st", "friday 7.6", "on 4-22", "third
/// tuesday", "1-jan". Only where no noun follows the number ("on the 21st
/// floor" and "the 27 members" stay figures).
fn day_without_month(cx: &Cx, n: &Num) -> bool {
    if n.scaled || !n.glued.is_empty() {
        return false;
    }
    // "1-jan", "2019-sep-1": a month in the hyphen tail.
    if lx::is_month(&lx_lower_first(n.tail)) {
        return true;
    }
    // "third tuesday", "two sundays from now".
    if lx::is_weekday(&cx.lw(n.last + 1)) {
        return true;
    }
    // "16. nov. 2016": a day, a point, a month.
    if &*cx.lw(n.last + 1) == "." && lx::is_month(&cx.lw(n.last + 2)) {
        return true;
    }
    let p1 = cx.lw_back(n.first, 1);
    let p2 = cx.lw_back(n.first, 2);
    let weekday_before = lx::is_weekday(&p1) || (&*p1 == "the" && lx::is_weekday(&p2));
    // "in 4-22": a month and day after "in".
    let on_before = &*p1 == "on"
        || (&*p1 == "in" && n.second.is_some())
        || (&*p1 == "the"
            && matches!(
                &*p2,
                "on" | "for" | "by" | "until" | "till" | "since" | "from" | "before" | "after"
            ));
    if !(weekday_before || on_before) || counted_follows(cx, n.last + 1) {
        return false;
    }
    if units::after(cx, n.last, false).is_some() {
        return false;
    }
    let day = n.value >= 1.0 && n.value <= 31.0 && n.value.fract() == 0.0;
    // "friday the fifteen"
    let small = n.plain_digits.is_some_and(|d| d <= 2)
        || n.shape == Shape::Ordinal
        || (weekday_before && n.words);
    if day && small && n.second.is_none() {
        return true;
    }
    // "on 4-22", "friday 7.6": month and day, American order.
    let md =
        |m: f64, d: f64| (1.0..=12.0).contains(&m) && m.fract() == 0.0 && (1.0..=31.0).contains(&d);
    if let Some(second) = n.second {
        return md(n.value, second);
    }
    if n.decimal && n.first == n.last {
        let raw = cx.raw(n.first);
        if let Some((a, b)) = raw.split_once('.') {
            if let (Ok(m), Ok(d)) = (a.parse::<f64>(), b.parse::<f64>()) {
                return b.len() <= 2 && md(m, d);
            }
        }
    }
    false
}

/// "an hour and a half", "about a month and a half": one and a half of a
/// time unit, which "a" alone does not make a figure (see the module docs).
fn a_time_and_a_half(cx: &Cx, i: usize) -> Option<Cand> {
    if !matches!(&*cx.lw(i), "a" | "an") {
        return None;
    }
    let (code, UnitCls::Time) = units::word(&cx.lw(i + 1))? else {
        return None;
    };
    let end = units::and_a_half(cx, i + 1)?;
    let qual = qualifiers::before(cx, i, FigureKind::Duration);
    Some(Cand {
        ts: qual.map_or(i, |q| q.1),
        te: end + 1,
        ns: i,
        ne: end,
        value: 1.5,
        value_to: None,
        kind: FigureKind::Duration,
        unit: Some(code),
        qualifier: qual.map(|q| q.0),
        lone_one: false,
    })
}

fn figure_at(cx: &Cx, i: usize, pair: bool) -> Step {
    if let Some(c) = a_time_and_a_half(cx, i) {
        return Step::Fig(c);
    }
    let code_before = numbers::after_code(cx, i);
    let parsed = match &code_before {
        Some((_, n)) => Some(n.clone()),
        None => numbers::parse(cx, i),
    };
    let Some(mut n) = parsed else {
        return Step::Skip(i + 1);
    };
    let next = n.last + 1;
    // Dates, times, labels.
    if n.first > 0 && cx.touching(n.first - 1) && matches!(cx.raw(n.first - 1), "'" | "’" | "#") {
        return Step::Skip(next);
    }
    if next_to_month(cx, &n) {
        return Step::Skip(year_after_date(cx, &n).map_or(next, |e| e + 1));
    }
    if day_without_month(cx, &n) {
        return Step::Skip(next);
    }
    if cx.is_number(n.first) {
        let after = cx.lw(next);
        if lx::is_clock_word(&after) {
            return Step::Skip(next + 1);
        }
        if (&*after == ":" || &*after == "/" || &*after == ".")
            && cx.touching(n.last)
            && cx.touching(next)
            && cx.is_number(next + 1)
        {
            if &*after == "/" && (!cx.touching(next + 1) || &*cx.lw(next + 2) != "/") {
                // "3/4": a fraction with a small common denominator.
                if let Some(f) = slash_fraction(cx, &n, next + 1) {
                    return Step::Fig(f);
                }
            }
            let mut k = next + 1;
            while matches!(cx.raw(k + 1), ":" | "/" | ".") && cx.touching(k) {
                k += 2;
            }
            return Step::Skip(k + 1);
        }
        // Stripped "at 10 30": a clock time that lost its colon.
        if cx.stripped
            && n.plain_digits.is_some_and(|d| d <= 2)
            && n.value <= 24.0
            && matches!(
                &*cx.lw_back(n.first, 1),
                "at" | "by" | "until" | "till" | "from" | "before" | "after" | "around" | "since"
            )
            && plain_next(cx, n.last).is_some_and(|(d, v)| d == 2 && v < 60.0)
        {
            return Step::Skip(next + 1);
        }
        if n.first > 0 && matches!(cx.raw(n.first - 1), ":" | "/") && cx.touching(n.first - 1) {
            return Step::Skip(next);
        }
        // (The unit of the figure before is no label: "12 m 2 dm".)
        let label = n.first > cx.floor.get()
            && lx::is_label_word(&cx.lw_back(n.first, 1))
            && !(n.first >= 2 && cx.raw(n.first - 1) == "s" && cx.raw(n.first - 2) == "u");
        // A single letter glued is part of the label ("Boeing 777F"), not
        // a scale ("number 100m").
        let letter = n.glued.len() == 1 && lx::scale_abbrev(&n.glued).is_none();
        if label && (n.glued.is_empty() || letter) && !n.scaled && n.shape == Shape::Cardinal {
            return Step::Skip(next);
        }
        // "2019-20", "2019-2020": seasons and spans of years.
        if n.second.is_some_and(|s| {
            n.value >= 1000.0 && n.value <= 2100.0 && (s < 100.0 || (s > n.value && s <= 2100.0))
        }) && !n.decimal
        {
            return Step::Skip(next);
        }
    }
    if n.needs_article && (n.first == 0 || !matches!(&*cx.lw_back(n.first, 1), "a" | "an")) {
        return Step::Skip(next);
    }
    let ns = n.first;
    let mut ts = if n.needs_article {
        n.first - 1
    } else {
        n.first
    };
    let mut unit: Option<&'static str> = None;
    let mut cls: Option<UnitCls> = None;
    if let Some((code, _)) = code_before {
        unit = Some(code);
        cls = Some(UnitCls::Currency);
    } else if !n.needs_article {
        if let Some((code, first)) = units::before(cx, ts) {
            unit = Some(code);
            cls = Some(UnitCls::Currency);
            ts = first;
            // "MAUD 60": M before the code is million.
            let w = cx.lw(first);
            if w.len() == 4 && w.starts_with('m') && w.bytes().all(|b| b.is_ascii_alphabetic()) {
                n.scale_by(1e6);
            }
        }
    }
    let mut last = n.last;
    // Glued units ("300kg", "40C", "10m").
    if !n.glued.is_empty() {
        let g = n.glued;
        let upper_m = cx.raw(ns).ends_with('M');
        if matches!(&*g, "m" | "mm") && upper_m {
            n.scale_by(1e6); // "10M", "$5MM": capital M is million
        } else if &*g == "m" {
            let next_w = cx.lw(next);
            let metre_word = matches!(
                &*next_w,
                "race"
                    | "sprint"
                    | "final"
                    | "hurdles"
                    | "freestyle"
                    | "breaststroke"
                    | "backstroke"
                    | "butterfly"
                    | "medley"
                    | "relay"
                    | "high"
                    | "long"
                    | "tall"
                    | "deep"
                    | "wide"
                    | "away"
                    | "fall"
                    | "drop"
                    | "long-jump"
                    | "title"
            );
            // A decimal is a scale ("1.8m people", "$2.5m") unless a size
            // word follows: "1.8m tall" is a height, the likelier reading.
            let million = (n.decimal && !metre_word)
                || unit.is_some()
                || units::after(cx, last, false).is_some_and(|h| h.cls == UnitCls::Currency)
                || (cx.is_word(next)
                    && !metre_word
                    && !lx::is_stop(&next_w)
                    && !cx.line_break(last));
            if million {
                n.scale_by(1e6);
            } else {
                unit = Some("m");
                cls = Some(UnitCls::Physical);
            }
        } else if &*g == "g" && n.value < 10.0 && !n.decimal {
            return Step::Skip(next); // "5G", "4g": networks, not grams
        } else if &*g == "c" && units::cents_rate(cx, next) {
            unit = Some("cent");
            cls = Some(UnitCls::Currency);
        } else if let Some(form) = lx::glued_unit(&g) {
            if let Some((code, c)) = units::word(form) {
                if unit.is_none() || c == UnitCls::Currency {
                    unit = Some(code);
                    cls = Some(c);
                }
            }
        }
    }
    // Unit words in a hyphen tail ("40-year", "10-point", "two-thirds").
    if !n.tail.is_empty() && cls.is_none() {
        let t = lx_lower_first(n.tail);
        match units::word(&t) {
            // "a 12-cent dividend", "a one-yen bid"; not "two-pound", which
            // weighs as often as it pays.
            Some((code, c))
                if (c != UnitCls::Currency || !t.starts_with("pound"))
                    && !(code == "bit" && n.words) =>
            {
                unit = Some(code);
                cls = Some(c);
            }
            _ => {}
        }
    }
    // "tenth of a gallon", "a quarter of an hour": a share of one unit.
    let share = matches!(n.shape, Shape::Fraction)
        || (n.shape == Shape::Ordinal && n.value >= 3.0 && n.second.is_none());
    if share && cls.is_none() && n.tail.is_empty() && !n.scaled {
        if let Some(h) = units::of_a_unit(cx, last) {
            if n.shape == Shape::Ordinal {
                n.value = 1.0 / n.value;
            }
            n.shape = Shape::Fraction;
            unit = Some(h.code);
            cls = Some(h.cls);
            last = h.last;
        }
    }
    // Unit words after the number.
    if n.tail.is_empty()
        && (cls.is_none() || cls == Some(UnitCls::Currency) && unit.is_some() && n.glued.is_empty())
    {
        if let Some(h) = units::after(cx, last, n.half) {
            let take = match cls {
                None => true,
                // "$5 million dollars": the word repeats the currency.
                Some(UnitCls::Currency) => h.cls == UnitCls::Currency,
                _ => false,
            };
            if take && !(n.shape == Shape::Ordinal) {
                if cls.is_none() {
                    unit = Some(h.code);
                    cls = Some(h.cls);
                }
                last = h.last;
            }
        }
    }
    // Heights and lengths in feet and inches: "5 feet 2 inches", "6 ft and
    // 1 in", "7 feet, 10 inches" = feet plus inches / 12.
    if unit == Some("ft") && !cx.line_break(last) {
        let and = usize::from(matches!(&*cx.lw(last + 1), "and" | ","));
        let j = last + 1 + and;
        if let Some((_, v)) = plain_next(cx, j - 1).filter(|&(_, v)| v < 12.0) {
            if matches!(&*cx.lw(j + 1), "inch" | "inches" | "in") && !cx.line_break(j) {
                n.value += v / 12.0;
                last = j + 1;
            }
        }
    }
    // Relative dates: "three years ago", "two days later", "three weeks
    // from now", "two days before yesterday".
    if cls == Some(UnitCls::Time) {
        // "1 month 21 days ago": more amounts of time, each of another
        // unit, before the word ("friend of 40 years two years ago" is two).
        let mut k = last;
        let mut seen = [unit, None, None, None];
        for slot in 1..seen.len() {
            let Some(m) = numbers::parse(cx, k + 1).filter(|_| opens(cx, k + 1)) else {
                break;
            };
            match units::after(cx, m.last, false) {
                Some(h) if h.cls == UnitCls::Time && !seen.contains(&Some(h.code)) => {
                    k = h.last;
                    seen[slot] = Some(h.code);
                }
                _ => break,
            }
        }
        let (a, b) = (cx.lw(k + 1), cx.lw(k + 2));
        let rel = matches!(&*a, "ago" | "later" | "earlier" | "hence")
            || (matches!(&*a, "from" | "before" | "after")
                && matches!(&*b, "now" | "today" | "tomorrow" | "yesterday" | "then"));
        if rel {
            return Step::Skip(k + 2);
        }
    }
    // The unit is a word after the number ("15 dollars", "2 hours").
    let word_after = last > n.last && n.glued.is_empty();
    if cls == Some(UnitCls::Currency) && !n.scaled && n.tail.is_empty() {
        // "75 USD million": the scale after the currency code.
        if let Some((v, lx::Cls::Scale)) = lx::cardinal(&cx.lw(last + 1)) {
            n.value *= v;
            n.scaled = true;
            last += 1;
        } else if cx.lw(last).len() == 4 && cx.lw(last).starts_with('m') {
            // "30 MUSD", "120 MEUR": finance writes M before the code.
            n.value *= 1e6;
            n.scaled = true;
        }
        // "3 dollars 50 cents", "thirteen dollars and forty-five cents".
        let cents = ["cent", "cents", "pence"];
        if let Some((c, end)) = minor_after(cx, last, &cents, 100.0, word_after) {
            n.value += c;
            last = end;
        }
    }
    // "2 degrees below zero", "20 below zero": under zero, in degrees.
    if matches!(unit, None | Some("deg" | "C" | "F")) && n.shape == Shape::Cardinal {
        if let Some(end) = units::below_zero(cx, last) {
            n.value = -n.value;
            last = end;
            unit = unit.or(Some("deg"));
            cls = Some(UnitCls::Physical);
        }
    }
    // "two years and a half", "one hour and half".
    if cls == Some(UnitCls::Time) && word_after && n.shape == Shape::Cardinal {
        if let Some(end) = units::and_a_half(cx, last) {
            n.value += 0.5;
            last = end;
        }
    }
    // "2 hours 30 minutes", "1 hour thirty", "5 minutes and 10 seconds".
    if word_after && n.tail.is_empty() && n.shape == Shape::Cardinal {
        let minor: &[&str] = match unit {
            Some("hour") => &["minute", "minutes", "min", "mins"],
            Some("minute") => &["second", "seconds", "sec", "secs"],
            _ => &[],
        };
        if let Some((v, end)) =
            minor_after(cx, last, minor, 60.0, true).filter(|_| !minor.is_empty())
        {
            n.value += v;
            last = end;
        }
    }
    // Ages: "five years old", "95 years of age".
    if cls == Some(UnitCls::Time) && n.tail.is_empty() {
        if &*cx.lw(last + 1) == "old" {
            last += 1;
        } else if &*cx.lw(last + 1) == "of" && &*cx.lw(last + 2) == "age" {
            last += 2;
        }
    }
    // "lost 25 pounds", "the baby weighed two pounds": weight, not money,
    // after a word of weighing within four tokens before the number.
    if unit == Some("GBP") && matches!(&*cx.lw(last), "pound" | "pounds") {
        let weighs = (1..=4.min(ns)).any(|k| {
            matches!(
                &*cx.lw_back(ns, k),
                "weigh"
                    | "weighs"
                    | "weighed"
                    | "weighing"
                    | "lose"
                    | "loses"
                    | "lost"
                    | "losing"
                    | "gain"
                    | "gains"
                    | "gained"
                    | "gaining"
                    | "shed"
                    | "drop"
                    | "dropped"
                    | "dropping"
                    | "baby"
                    | "heavier"
                    | "lighter"
            )
        });
        if weighs {
            unit = Some("lb");
            cls = Some(UnitCls::Physical);
        }
    }
    // The kind.
    let mut kind = match (n.shape, cls) {
        (Shape::Ordinal, _) => {
            unit = None;
            FigureKind::Ordinal
        }
        (Shape::Multiplier, _) => FigureKind::Multiplier,
        (_, Some(UnitCls::Percent)) => FigureKind::Percent,
        (_, Some(UnitCls::Currency)) => FigureKind::Money,
        (_, Some(UnitCls::Time)) => FigureKind::Duration,
        (_, Some(UnitCls::Times)) => {
            unit = None;
            FigureKind::Multiplier
        }
        (_, Some(UnitCls::Physical)) => FigureKind::Quantity,
        (Shape::Fraction, None) => FigureKind::Fraction,
        (Shape::Cardinal, None) => FigureKind::Count,
    };
    // Years: "the 2015 agreement", "in 2018". Not when a comparative bound
    // stands before ("more than 2000 people", "above 1000") or a dash or
    // "to" leads to an end past any year ("1000-5000", "1500 to 3000").
    if is_year(&n) && kind == FigureKind::Count && ts == ns {
        let bounded = matches!(
            qualifiers::before(cx, ts, kind),
            Some((
                Qualifier::MoreThan | Qualifier::LessThan | Qualifier::AtLeast | Qualifier::AtMost,
                _
            ))
        );
        let to_big = (lx::is_dash(&cx.lw(last + 1))
            || matches!(&*cx.lw(last + 1), "to" | "through"))
            && cx.is_number(last + 2)
            && numbers::parse(cx, last + 2).is_some_and(|m| m.value > 2100.0 && !m.scaled);
        let dash_big = n.second.is_some_and(|s| s > 2100.0);
        if !(bounded || to_big || dash_big) {
            return Step::Skip(last + 1);
        }
    }
    let mut value_to = None;
    // Tallies and ranges inside one token: "227-186", "10-20".
    if let Some(second) = n.second {
        if numbers::tally_context(cx, ns, last) || (second < n.value && cls.is_none()) {
            kind = FigureKind::Tally;
            unit = None;
        } else if second > n.value {
            kind = FigureKind::Range;
        } else {
            return Step::Skip(last + 1);
        }
        value_to = Some(second);
    }
    // Stripped text: a lost percent sign after a verb of change.
    let mut te = last + 1;
    let qual = qualifiers::before(cx, ts, kind);
    let mut qts = qual.map_or(ts, |q| q.1);
    // "aged 87", "at age 65", "aged under 18": years of age.
    if kind == FigureKind::Count
        && n.shape == Shape::Cardinal
        && qts > cx.floor.get()
        && matches!(&*cx.lw(qts - 1), "age" | "aged")
    {
        qts -= 1;
        kind = FigureKind::Duration;
        unit = Some("year");
    }
    if cx.stripped && kind == FigureKind::Count && !n.words && !n.scaled {
        let mut p = qts;
        if p > 0 && &*cx.lw(p - 1) == "by" {
            p -= 1;
        }
        if p > 0 && lx::is_change_verb(&cx.lw(p - 1)) {
            let mut k = te;
            let mut v = n.value;
            if let Some(d) = single_digit(cx, k - 1) {
                v = numbers::round_to(v + d / 10.0, 1);
                k += 1;
            }
            if !counted_follows(cx, k) {
                n.value = v;
                te = k;
                kind = FigureKind::Percent;
                unit = Some("percent");
            }
        }
    }
    let mut qualifier = qual.map(|q| q.0);
    // Bounds written after the figure: "10 or more", "65 and over", "more
    // than 5000 or equal to".
    if !matches!(
        kind,
        FigureKind::Ordinal | FigureKind::Tally | FigureKind::Range
    ) {
        if let Some((q, end)) = qualifiers::after(cx, te) {
            qualifier = Some(q);
            te = end;
            // "equal to 5000 or less": the words before belong to the bound.
            if qual.is_none()
                && qts >= 2 + cx.floor.get()
                && &*cx.lw_back(qts, 2) == "equal"
                && &*cx.lw_back(qts, 1) == "to"
            {
                qts -= 2;
            }
        } else if let Some((q, end)) = qualifier.and_then(|q| qualifiers::or_equal_after(cx, te, q))
        {
            qualifier = Some(q);
            te = end;
        }
    }
    let lone_one = n.words
        && n.value == 1.0
        && n.first == n.last
        && kind == FigureKind::Count
        && qualifier.is_none();
    if lone_one {
        let prev = cx.lw_back(n.first, 1);
        if (&*cx.lw(te) == "of" && !one_of_a_number(cx, te))
            || matches!(
                &*prev,
                "the"
                    | "this"
                    | "that"
                    | "which"
                    | "any"
                    | "every"
                    | "each"
                    | "no"
                    | "some"
                    | "someone"
                    | "anyone"
                    | "only"
                    | "another"
                    | "other"
            )
        {
            return Step::Skip(te);
        }
    }
    let mut c = Cand {
        ts: qts,
        te,
        ns,
        ne: last,
        value: n.value,
        value_to,
        kind,
        unit,
        qualifier,
        lone_one,
    };
    // Stripped tallies: "a 227 186 vote", "won 3 1".
    if n.tally_split || (cx.stripped && c.kind == FigureKind::Count && value_to.is_none()) {
        if let Some((d, v)) = plain_next(cx, c.te - 1) {
            let _ = d;
            if n.tally_split || numbers::tally_context(cx, ns, c.te) {
                c.kind = FigureKind::Tally;
                c.value_to = Some(v);
                c.te += 1;
                c.ne = c.te - 1;
                c.lone_one = false;
                return Step::Fig(c);
            }
        }
    }
    if pair && value_to.is_none() {
        if let Some(m) = bounds_range(cx, &c) {
            return Step::Fig(m);
        }
        if let Some(m) = pair_with_next(cx, &c) {
            return Step::Fig(m);
        }
    }
    Step::Fig(c)
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
    if !matches!(&*cx.lw(j), "and" | ",") || cx.line_break(j) {
        return None;
    }
    // The second bound's number: the first token that opens one, within
    // the longest qualifier ("greater than or equal to").
    let k = (j + 2..=j + 6)
        .take_while(|&k| k < cx.len())
        .find(|&k| opens(cx, k))?;
    let Step::Fig(c2) = figure_at(cx, k, false) else {
        return None;
    };
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
    if !opens(cx, k) || cx.line_break(j) {
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

/// A plain integer token right after `j` (one space apart).
fn plain_next(cx: &Cx, j: usize) -> Option<(usize, f64)> {
    if !cx.one_space(j) || !cx.is_number(j + 1) {
        return None;
    }
    let s = cx.raw(j + 1);
    if !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((s.len(), s.parse().ok()?))
}

fn single_digit(cx: &Cx, j: usize) -> Option<f64> {
    plain_next(cx, j).filter(|(d, _)| *d == 1).map(|x| x.1)
}

/// Whether a counted noun starts at `k` (a content word).
fn counted_follows(cx: &Cx, k: usize) -> bool {
    let w = cx.lw(k);
    cx.is_word(k) && !lx::is_stop(&w) && !lx::is_month(&w) && lx::cardinal(&w).is_none()
}

/// Lowercases the first hyphen part of a tail ("Year-old" -> "year").
fn lx_lower_first(tail: &str) -> String {
    tail.split(['-', '‐', '‑'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// "3/4" in ordinary text.
fn slash_fraction(cx: &Cx, n: &Num, den_tok: usize) -> Option<Cand> {
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
    if let Some((q, s)) = qualifiers::before(cx, c.ts, FigureKind::Fraction) {
        c.qualifier = Some(q);
        c.ts = s;
    }
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
    Some(c)
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
    let is_to = matches!(&*conn, "to" | "through" | "thru");
    if !(dash || is_to || (&*conn == "and" && between)) {
        return None;
    }
    if cx.line_break(j) {
        return None;
    }
    // The second number, after its currency or qualifier ("$10-$20", "2 -
    // ~7 g", "between 2 g and about 7 g"): those start right after the
    // connective.
    let k = (j + 1..=j + 4)
        .take_while(|&k| k < cx.len())
        .find(|&k| opens(cx, k))?;
    let Step::Fig(c2) = figure_at(cx, k, false) else {
        return None;
    };
    // The second end starts after the connective; one end is a bare number
    // or both are of one kind ("three days - eight times" is no range).
    let kinds = c.kind == FigureKind::Count || c2.kind == FigureKind::Count || c.kind == c2.kind;
    if c2.ts > j + 1 || !kinds {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(s: &str) -> Vec<(String, f64, &'static str)> {
        let doc = Doc::new(s);
        extract(&doc)
            .into_iter()
            .map(|f| {
                (
                    s[f.start..f.end].to_string(),
                    f.value.unwrap(),
                    f.kind.as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn smoke() {
        assert_eq!(
            figs("It weighed 1,510 kg."),
            [("1,510 kg".into(), 1510.0, "quantity")]
        );
        assert!(figs("the covid 19 outbreak in march 10").is_empty());
    }
}
