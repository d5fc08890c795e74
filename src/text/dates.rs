//! The date layer: the spans of a [`Doc`] that are dates, found by rules,
//! the same in both forms (matching is case-insensitive and skips the commas
//! and periods ordinary text has). Entities report them as DATE; figures
//! never report a number inside one.
//!
//! - weekdays ("Thursday"), with a following date ("Thursday, Jan. 3");
//! - month and day, with an optional year ("March 10", "jan 3 2019",
//!   "10 March 2019", "Jan. 3, 2019"), month and year ("January 2020");
//! - a month alone ("in September"); "march" and "may" only where nothing
//!   else fits: before a day or year, or after "in", "since", "until", ...;
//! - relative expressions anchored by "this", "last", "next" or "past"
//!   ("last September", "early this year", "next week"), and "early",
//!   "late" or "mid" before a month or year ("late 2019");
//! - years ([`YEARS`]) in date position: after "in", "since", "by", "of",
//!   "the" ("the 2015 nuclear agreement"), ... ;
//! - ISO dates ("1996-08-22", stripped "1996 08 22").

use std::borrow::Cow;
use std::ops::{Range, RangeInclusive};

use super::lexicon::{
    is_clock_word, is_function_word, is_month_abbreviation, is_period_part, is_season, month,
    weekday, MONTHS,
};
use super::{Doc, TokenKind};

/// The years a four-digit number can name, for dates and for figures
/// (which never count a year).
pub const YEARS: RangeInclusive<u16> = 1000..=2100;

/// A month name or abbreviation or a weekday: capitalised in a date.
pub(crate) fn is_calendar_name(w: &str) -> bool {
    month(w).is_some() || weekday(w).is_some()
}

/// A full month name that is no common word ("june", not "may" or "march").
pub(crate) fn is_plain_month(w: &str) -> bool {
    MONTHS.contains(&w) && !ambiguous_month(w)
}

/// Month names that are also common words: dates only with support.
fn ambiguous_month(w: &str) -> bool {
    matches!(w, "march" | "may") || is_month_abbreviation(w)
}

fn day(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        && (1..=2).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

fn year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && YEARS.contains(&w.parse::<u16>().unwrap_or(0))
}

fn two_digits(w: &str, max: u8) -> bool {
    w.len() == 2 && w.parse::<u8>().is_ok_and(|v| (1..=max).contains(&v))
}

fn iso(w: &str) -> bool {
    let p: Vec<&str> = w.split('-').collect();
    p.len() == 3 && year(p[0]) && two_digits(p[1], 12) && two_digits(p[2], 31)
}

/// Words after which a month or a year is a date.
const DATE_PREPS: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "of", "during", "before", "after", "through",
    "to", "between", "and", "early", "late", "mid", "last", "next", "this", "since", "as",
];

/// A word after which a month or a year is a date ("in", "since", ...).
pub(crate) fn is_date_word(w: &str) -> bool {
    DATE_PREPS.contains(&w)
}

const RELATIVE_UNITS: &[&str] = &["week", "month", "year", "weekend"];

struct Words<'a> {
    /// Lowercase token texts, borrowed where already lowercase.
    low: Vec<Cow<'a, str>>,
    punct: Vec<bool>,
}

impl Words<'_> {
    fn get(&self, i: usize) -> &str {
        self.low.get(i).map_or("", |w| w)
    }
    /// Whether token `i` is a year: not a time of day ("by 1700 GMT",
    /// "from 1700 local time").
    fn year_at(&self, i: usize) -> bool {
        year(self.get(i))
            && !is_clock_word(self.get(i + 1))
            && !(self.get(i + 1) == "local" && self.get(i + 2) == "time")
    }
    /// Index of the next token after `i`, skipping one "," or ".".
    fn next(&self, i: usize) -> usize {
        let j = i + 1;
        if self.punct.get(j).copied().unwrap_or(false) && matches!(self.get(j), "," | ".") {
            j + 1
        } else {
            j
        }
    }
}

/// End (exclusive token index) of a "month day [year]" or "month year" at
/// `i`. A comma stands between a month and its day only before an ordinal
/// or a year ("October, 1st", "Sept, 26, 2014"; "In October, 15 people" is
/// no date).
fn month_phrase(w: &Words, i: usize) -> Option<usize> {
    month(w.get(i))?;
    let j = w.next(i);
    let comma = j > i + 1 && w.get(i + 1) == ",";
    let bare = w.get(j).bytes().all(|b| b.is_ascii_digit());
    if day(w.get(j)) && !(comma && bare && !w.year_at(w.next(j))) {
        let k = w.next(j);
        return Some(if w.year_at(k) { k + 1 } else { j + 1 });
    }
    if w.year_at(j) {
        return Some(j + 1);
    }
    None
}

/// Date spans of `doc` (token-aligned byte spans), in text order.
pub(super) fn find_dates(doc: &Doc) -> Vec<Range<usize>> {
    let n = doc.tokens.len();
    let w = Words {
        low: (0..n)
            .map(|i| {
                let t = doc.token_text(i);
                if t.chars().all(|c| c.to_lowercase().eq([c])) {
                    Cow::Borrowed(t)
                } else {
                    Cow::Owned(t.to_lowercase())
                }
            })
            .collect(),
        punct: doc
            .tokens
            .iter()
            .map(|t| t.kind == TokenKind::Punct)
            .collect(),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let end = match_at(&w, i);
        match end {
            Some(e) if e > i => {
                out.push(doc.tokens[i].start..doc.tokens[e - 1].end);
                i = e;
            }
            _ => i += 1,
        }
    }
    out
}

fn match_at(w: &Words, i: usize) -> Option<usize> {
    let t = w.get(i);
    let prev = if i > 0 { w.get(i - 1) } else { "" };
    // Relative: [early|late|mid|earlier|later] (this|last|next|past) unit.
    let mut j = i;
    if is_period_part(t) || matches!(t, "earlier" | "later") {
        j += 1;
    }
    if matches!(w.get(j), "this" | "last" | "next" | "past") {
        let u = w.get(j + 1);
        if RELATIVE_UNITS.contains(&u)
            || is_season(u)
            || weekday(u).is_some()
            || month(u).is_some() && !ambiguous_month(u)
            || matches!(u, "march" | "may")
        {
            return Some(j + 2);
        }
    }
    // early / late / mid before a month or a year.
    if is_period_part(t) {
        let u = w.get(i + 1);
        if w.year_at(i + 1) || (month(u).is_some() && !matches!(u, "may")) {
            return Some(month_phrase(w, i + 1).unwrap_or(i + 2));
        }
    }
    if weekday(t).is_some() {
        let j = w.next(i);
        return Some(month_phrase(w, j).unwrap_or(i + 1));
    }
    if iso(t) {
        return Some(i + 1);
    }
    if w.year_at(i) && two_digits(w.get(i + 1), 12) && two_digits(w.get(i + 2), 31) {
        return Some(i + 3); // stripped ISO date
    }
    if let Some(e) = month_phrase(w, i) {
        return Some(e);
    }
    // day month [year]
    if day(t) {
        let j = i + 1;
        let m = w.get(j);
        if month(m).is_some() && (m != "may" || w.year_at(j + 1)) {
            return Some(if w.year_at(j + 1) { j + 2 } else { j + 1 });
        }
    }
    if month(t).is_some() {
        let supported = DATE_PREPS.contains(&prev);
        if !ambiguous_month(t) || supported && !is_month_abbreviation(t) {
            return Some(i + 1);
        }
        return None;
    }
    if w.year_at(i) {
        let y: u16 = t.parse().unwrap_or(0);
        let next = w.get(i + 1);
        let counted = match prev {
            // "in 2015 elections" is a date.
            "in" | "since" | "during" | "until" => false,
            p if is_period_part(p) => false,
            // "up to 2000 people", "from 500 to 1000 l"; not "from 1999 to
            // 2011 cost" nor "back to 1994 provide".
            "to" => {
                let before = if i >= 2 { w.get(i - 2) } else { "" };
                let number = before.starts_with(|c: char| c.is_ascii_digit())
                    && before.bytes().all(|b| b.is_ascii_digit() || b == b',');
                let count_before = before == "up" || number && !year(before);
                count_before
                    && next.starts_with(|c: char| c.is_alphabetic())
                    && !is_function_word(next)
            }
            // "by 2000 diplomats" counts; "the 2015 agreement" is a date.
            _ => next.len() > 3 && next.ends_with('s'),
        };
        if !counted && (DATE_PREPS.contains(&prev) || (prev == "the" && (1950..=2039).contains(&y)))
        {
            return Some(i + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(s: &str) -> Vec<&str> {
        find_dates(&Doc::new(s))
            .iter()
            .map(|d| &s[d.clone()])
            .collect()
    }

    #[test]
    fn basic() {
        assert_eq!(dates("He spoke on Thursday."), ["Thursday"]);
        assert_eq!(dates("on march 10 the officials"), ["march 10"]);
        assert_eq!(dates("troops will march on"), Vec::<&str>::new());
        assert_eq!(dates("On Jan. 3, 2019, it fell"), ["Jan. 3, 2019"]);
    }
}
