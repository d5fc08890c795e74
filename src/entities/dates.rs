//! DATE entities by rules, the same in both forms (matching is
//! case-insensitive and skips the commas and periods ordinary text has):
//!
//! - weekdays ("Thursday"), with a following date ("Thursday, Jan. 3");
//! - month and day, with an optional year ("March 10", "jan 3 2019",
//!   "10 March 2019", "Jan. 3, 2019"), month and year ("January 2020");
//! - a month alone ("in September"); "march" and "may" only where nothing
//!   else fits: before a day or year, or after "in", "since", "until", ...;
//! - relative expressions anchored by "this", "last", "next" or "past"
//!   ("last September", "early this year", "next week"), and "early",
//!   "late" or "mid" before a month or year ("late 2019");
//! - years 1900-2099 in date position: after "in", "since", "by", "of",
//!   "the" ("the 2015 nuclear agreement"), ... ;
//! - ISO dates ("1996-08-22", stripped "1996 08 22").

use std::borrow::Cow;
use std::ops::Range;

use crate::text::{Doc, TokenKind};

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Full month names, in order.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The weekday's number (Monday 0) of a lowercase weekday name.
pub(crate) fn weekday_number(w: &str) -> Option<usize> {
    WEEKDAYS.iter().position(|d| *d == w)
}

/// Month number of a month name or abbreviation.
pub(crate) fn month(w: &str) -> Option<u8> {
    if let Some(i) = MONTHS.iter().position(|m| *m == w) {
        return Some(i as u8 + 1);
    }
    match w {
        "jan" => Some(1),
        "feb" => Some(2),
        "apr" => Some(4),
        "jul" => Some(7),
        "aug" => Some(8),
        "sep" | "sept" => Some(9),
        "oct" => Some(10),
        "nov" => Some(11),
        "dec" => Some(12),
        _ => None,
    }
}

/// A month name or abbreviation or a weekday: capitalised in a date.
pub(crate) fn is_calendar_name(w: &str) -> bool {
    month(w).is_some() || WEEKDAYS.contains(&w)
}

/// A full month name that is no common word ("june", not "may" or "march").
pub(crate) fn is_plain_month(w: &str) -> bool {
    MONTHS.contains(&w) && !ambiguous_month(w)
}

/// Month names that are also common words: dates only with support.
fn ambiguous_month(w: &str) -> bool {
    matches!(
        w,
        "march" | "may" | "jan" | "dec" | "sep" | "oct" | "nov" | "aug" | "apr" | "feb" | "jul"
    )
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
        && (1900..=2099).contains(&w.parse::<u16>().unwrap_or(0))
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

const RELATIVE_UNITS: &[&str] = &[
    "week", "month", "year", "weekend", "spring", "summer", "autumn", "fall", "winter",
];

struct Words<'a> {
    /// Lowercase token texts, borrowed where already lowercase.
    low: Vec<Cow<'a, str>>,
    punct: Vec<bool>,
}

impl Words<'_> {
    fn get(&self, i: usize) -> &str {
        self.low.get(i).map_or("", |w| w)
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

/// End (exclusive token index) of a "month day [year]" or "month year" at `i`.
fn month_phrase(w: &Words, i: usize) -> Option<usize> {
    month(w.get(i))?;
    let j = w.next(i);
    if day(w.get(j)) {
        let k = w.next(j);
        return Some(if year(w.get(k)) { k + 1 } else { j + 1 });
    }
    if year(w.get(j)) {
        return Some(j + 1);
    }
    None
}

/// Date spans of `doc` (token-aligned byte spans), in text order.
pub fn find_dates(doc: &Doc) -> Vec<Range<usize>> {
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
    if matches!(t, "early" | "late" | "mid" | "earlier" | "later") {
        j += 1;
    }
    if matches!(w.get(j), "this" | "last" | "next" | "past") {
        let u = w.get(j + 1);
        if RELATIVE_UNITS.contains(&u)
            || WEEKDAYS.contains(&u)
            || month(u).is_some() && !ambiguous_month(u)
            || matches!(u, "march" | "may")
        {
            return Some(j + 2);
        }
    }
    // early / late / mid before a month or a year.
    if matches!(t, "early" | "late" | "mid") {
        let u = w.get(i + 1);
        if year(u) || (month(u).is_some() && !matches!(u, "may")) {
            return Some(month_phrase(w, i + 1).unwrap_or(i + 2));
        }
    }
    if WEEKDAYS.contains(&t) {
        let j = w.next(i);
        return Some(month_phrase(w, j).unwrap_or(i + 1));
    }
    if iso(t) {
        return Some(i + 1);
    }
    if year(t) && two_digits(w.get(i + 1), 12) && two_digits(w.get(i + 2), 31) {
        return Some(i + 3); // stripped ISO date
    }
    if let Some(e) = month_phrase(w, i) {
        return Some(e);
    }
    // day month [year]
    if day(t) {
        let j = i + 1;
        let m = w.get(j);
        if month(m).is_some() && (m != "may" || year(w.get(j + 1))) {
            return Some(if year(w.get(j + 1)) { j + 2 } else { j + 1 });
        }
    }
    if month(t).is_some() {
        let supported = DATE_PREPS.contains(&prev);
        if !ambiguous_month(t)
            || supported
                && !matches!(
                    t,
                    "jan" | "dec" | "sep" | "oct" | "nov" | "aug" | "apr" | "feb" | "jul"
                )
        {
            return Some(i + 1);
        }
        return None;
    }
    if year(t) {
        let y: u16 = t.parse().unwrap_or(0);
        // "by 2000 diplomats" counts; "in 2015 elections" is still a date.
        let counted = w.get(i + 1).len() > 3
            && w.get(i + 1).ends_with('s')
            && !matches!(
                prev,
                "in" | "since" | "during" | "until" | "early" | "late" | "mid"
            );
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
