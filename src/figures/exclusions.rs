//! What is not a figure though a number opens it: dates and years, times of
//! day, relative dates, and digits in names and labels. Each test takes the
//! parsed number and says where the scan resumes when it excludes it.

use crate::text::dates::YEARS;

use super::counted;
use super::cx::{first_part_lower, Cx};
use super::lexicon::{self as lx, UnitCls};
use super::numbers::{self, Num, Shape};
use super::qualifiers;
use super::types::{FigureKind, Qualifier};
use super::units;

/// A date (a day next to a month, or any number inside a date of the date
/// layer), a day of the month or a number marked as a name ("'90", "#1"):
/// the token to resume at.
pub fn date(cx: &Cx, n: &Num) -> Option<usize> {
    let next = n.last + 1;
    if n.first > 0 && cx.touching(n.first - 1) && lx::is_name_mark(cx.raw(n.first - 1)) {
        return Some(next);
    }
    if next_to_month(cx, n) {
        return Some(year_after_date(cx, n).map_or(next, |e| e + 1));
    }
    if let Some(end) = in_date_layer(cx, n.first) {
        return Some(end);
    }
    day_without_month(cx, n).then_some(next)
}

/// A number whose first token `i` stands inside a date of the date layer
/// ("in 1850", "feb 3 2019"): the first token after the date.
fn in_date_layer(cx: &Cx, i: usize) -> Option<usize> {
    let start = cx.toks[i].start;
    let dates = cx.doc.dates();
    let k = dates.partition_point(|d| d.end <= start);
    let date = dates.get(k).filter(|d| d.start <= start)?;
    Some(i + cx.toks[i..].partition_point(|t| t.start < date.end))
}

/// A time of day, digits joined by marks ("10:30", "3/15/2020"), a label
/// ("covid 19", "boeing 737") or a season ("2019-20"), for a number in
/// digits: the token to resume at.
pub fn time_or_name(cx: &Cx, n: &Num) -> Option<usize> {
    if !cx.is_number(n.first) {
        return None;
    }
    let next = n.last + 1;
    if lx::is_clock_word(&cx.lw(next)) {
        return Some(next + 1);
    }
    if let Some(end) = joined_by_marks(cx, n) {
        return Some(end + 1);
    }
    if stripped_clock(cx, n) {
        return Some(next + 1);
    }
    let after_mark =
        n.first > 0 && matches!(cx.raw(n.first - 1), ":" | "/") && cx.touching(n.first - 1);
    (after_mark || label(cx, n) || season(n)).then_some(next)
}

/// "10:30", "3/15/2020", "10.30.45": digits joined by colons, slashes or
/// points without spaces. The last token.
fn joined_by_marks(cx: &Cx, n: &Num) -> Option<usize> {
    let next = n.last + 1;
    let joined = matches!(cx.raw(next), ":" | "/" | ".")
        && cx.touching(n.last)
        && cx.touching(next)
        && cx.is_number(next + 1);
    if !joined {
        return None;
    }
    let mut k = next + 1;
    while matches!(cx.raw(k + 1), ":" | "/" | ".") && cx.touching(k) {
        k += 2;
    }
    Some(k)
}

/// Stripped "at 10 30": a clock time that lost its colon.
fn stripped_clock(cx: &Cx, n: &Num) -> bool {
    cx.stripped
        && n.plain_digits.is_some_and(|d| d <= 2)
        && n.value <= 24.0
        && lx::is_clock_preposition(&cx.lw_back(n.first, 1))
        && numbers::plain_next(cx, n.last).is_some_and(|(d, v)| d == 2 && v < 60.0)
}

/// Digits after a label word ("covid 19", "section 230", "f 16"), with at
/// most a single letter glued ("Boeing 777F"; "number 100m" is a scale).
/// The unit of the figure before is no label ("12 m 2 dm").
fn label(cx: &Cx, n: &Num) -> bool {
    let label = n.first > cx.floor.get()
        && lx::is_label_word(&cx.lw_back(n.first, 1))
        && !(n.first >= 2 && cx.raw(n.first - 1) == "s" && cx.raw(n.first - 2) == "u");
    let letter = n.glued.len() == 1 && lx::scale_abbrev(&n.glued).is_none();
    label && (n.glued.is_empty() || letter) && !n.scaled && n.shape == Shape::Cardinal
}

/// "5G", "4g": a glued g after a small whole number (its value after a
/// currency's scale) is a network, not grams.
pub fn network(n: &Num) -> bool {
    &*n.glued == "g" && n.value < 10.0 && !n.decimal
}

/// "2019-20", "2019-2020": seasons and spans of years.
fn season(n: &Num) -> bool {
    n.second
        .is_some_and(|s| names_year(n.value) && (s < 100.0 || (s > n.value && !past_years(s))))
        && !n.decimal
}

/// A relative date after an amount of time ending at `last` ("three years
/// ago", "two days later", "three weeks from now", "1 month 21 days ago"):
/// the token to resume at. `unit` is the amount's time unit.
pub fn relative_date(cx: &Cx, last: usize, unit: &'static str) -> Option<usize> {
    // More amounts of time, each of another unit, before the word ("friend
    // of 40 years two years ago" is two figures).
    let mut k = last;
    let mut seen = [Some(unit), None, None, None];
    for slot in 1..seen.len() {
        let Some(m) = numbers::parse(cx, k + 1).filter(|_| super::scan::opens(cx, k + 1)) else {
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
    lx::is_relative_date(&cx.lw(k + 1), &cx.lw(k + 2)).then_some(k + 2)
}

/// A year: "the 2015 agreement", "in 2018", a count of four digits from
/// the date layer's years with nothing before it (`ts` is the number's first token)
/// and not bounded by a comparative ("more than 2000 people", "above
/// 1000") nor the low end of a range past any year ("1000-5000", "1500 to
/// 3000"). `last` is its last token.
pub fn year(cx: &Cx, n: &Num, kind: FigureKind, ts: usize, last: usize) -> bool {
    if !(is_year(n) && kind == FigureKind::Count && ts == n.first) {
        return false;
    }
    let bounded = matches!(
        qualifiers::before(cx, ts, kind),
        Some((
            Qualifier::MoreThan | Qualifier::LessThan | Qualifier::AtLeast | Qualifier::AtMost,
            _
        ))
    );
    let to_big = (lx::is_dash(&cx.lw(last + 1)) || lx::is_range_word(&cx.lw(last + 1)))
        && cx.is_number(last + 2)
        && numbers::parse(cx, last + 2).is_some_and(|m| past_years(m.value) && !m.scaled);
    let dash_big = n.second.is_some_and(past_years);
    !(bounded || to_big || dash_big)
}

fn is_year(n: &Num) -> bool {
    n.plain_digits == Some(4) && names_year(n.value)
}

/// Whether `v` is a whole number in the years of the date layer
/// (`text::dates::YEARS`).
fn names_year(v: f64) -> bool {
    v.fract() == 0.0 && (f64::from(*YEARS.start())..=f64::from(*YEARS.end())).contains(&v)
}

/// Whether `v` is past the last year a number can name.
fn past_years(v: f64) -> bool {
    v > f64::from(*YEARS.end())
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
    let comma_day = &*p == "," && n.shape == Shape::Ordinal && !counted::follows(cx, n.last + 1);
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
    } else if !(whole && names_year(m.value)) {
        return None;
    }
    (!counted::follows(cx, end + 1)).then_some(end)
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
    if lx::is_month(&first_part_lower(n.tail)) {
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
        || (&*p1 == "the" && lx::is_day_preposition(&p2));
    if !(weekday_before || on_before) || counted::follows(cx, n.last + 1) {
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
