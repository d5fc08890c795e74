//! DATE entities placed on the calendar, given the day the article was
//! published: "on thursday" is the Thursday of the publication week on or
//! before that day (on or after it where the sentence speaks of the future),
//! "last september" the September before it, "early this year" January to
//! April of its year, "jan 3 2019" that day. A day, a month or a year is a
//! range of days ([`DayRange`]).
//!
//! ```
//! use newsmine::entities::calendar::{place, Day};
//! use newsmine::{entities, Doc};
//!
//! let text = "The vote took place on Thursday, months after last September's talks.";
//! let ents = entities::extract(&Doc::new(text));
//! let published = Day::parse("2020-03-12").unwrap();
//! let ranges: Vec<String> = place(text, &ents, published)
//!     .into_iter()
//!     .flatten()
//!     .map(|(a, b)| format!("{a}..{b}"))
//!     .collect();
//! assert_eq!(ranges, ["2020-03-12..2020-03-12", "2019-09-01..2019-09-30"]);
//! ```

use std::fmt;

use super::{Entity, EntityLabel};
use crate::text::lexicon;

/// A day of the (proleptic) Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// The first and last day of a date (both included).
pub type DayRange = (Day, Day);

impl Day {
    /// The day, if it exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Day> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Day { year, month, day })
    }

    /// An ISO date, "2020-03-12".
    pub fn parse(s: &str) -> Option<Day> {
        let mut p = s.trim().splitn(3, '-');
        let (y, m, d) = (p.next()?, p.next()?, p.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Day::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    fn number(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_number(z: i64) -> Day {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }

    /// This day plus `n` days.
    pub fn plus(self, n: i64) -> Day {
        Day::from_number(self.number() + n)
    }

    /// 0 for Monday .. 6 for Sunday.
    pub fn weekday(self) -> i64 {
        (self.number() + 3).rem_euclid(7)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn leap(y: i32) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        2 if leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn month_span(y: i32, m: u8) -> DayRange {
    (
        Day {
            year: y,
            month: m,
            day: 1,
        },
        Day {
            year: y,
            month: m,
            day: days_in_month(y, m),
        },
    )
}

fn year_span(y: i32) -> DayRange {
    (
        Day {
            year: y,
            month: 1,
            day: 1,
        },
        Day {
            year: y,
            month: 12,
            day: 31,
        },
    )
}

/// The place on the calendar of each DATE entity of `entities` (found in
/// `text`), for an article published on `published`; `None` for the other
/// entities and for dates that cannot be placed ("the past decade").
pub fn place(text: &str, entities: &[Entity], published: Day) -> Vec<Option<DayRange>> {
    entities
        .iter()
        .map(|e| {
            if e.label != EntityLabel::Date {
                return None;
            }
            let words = words(&text[e.start..e.end]);
            let future = future_tense(&text[..e.start], &text[e.end..]);
            resolve(&words, published, future)
        })
        .collect()
}

/// Lowercase words and numbers of `s` ("Jan. 3, 2019" -> jan 3 2019).
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether the clause around a date speaks of the future: "will", "due",
/// "plans to", ... among the eight words before it (in its sentence), or
/// "will" among the three after it ("on Thursday the panel will vote").
fn future_tense(before: &str, after: &str) -> bool {
    let clause = before.rsplit(['.', '!', '?', '\n']).next().unwrap_or("");
    let back = words(clause);
    let ahead = words(after.split(['.', '!', '?', '\n']).next().unwrap_or(""));
    back.iter()
        .rev()
        .take(8)
        .any(|w| lexicon::is_future_marker(w))
        || ahead.iter().take(3).any(|w| w == "will")
}

fn weekday_of(w: &str) -> Option<i64> {
    lexicon::weekday(w).map(|i| i as i64)
}

fn number_of(w: &str, max: u32) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let v: u32 = digits.parse().ok()?;
    (v >= 1 && v <= max && digits.len() <= 4).then_some(v)
}

/// Which way from the publication day a date without its year lies.
#[derive(Clone, Copy, PartialEq)]
enum Relation {
    /// "last": strictly before.
    Last,
    /// "next": strictly after.
    Next,
    /// "this": in the same week, month or year.
    This,
    /// "past": the span up to the publication day.
    Past,
    /// No word: by the tense, on or before (or on or after) that day.
    Plain { future: bool },
}

fn resolve(w: &[String], p: Day, future: bool) -> Option<DayRange> {
    let mut k = 0;
    let part = match w.first().map(String::as_str) {
        Some(x) if lexicon::is_period_part(x) => {
            k += 1;
            Some(x)
        }
        _ => None,
    };
    let relation = match w.get(k).map(String::as_str) {
        Some("last") => Relation::Last,
        Some("next") => Relation::Next,
        Some("this") => Relation::This,
        Some("past") => Relation::Past,
        _ => Relation::Plain { future },
    };
    if !matches!(relation, Relation::Plain { .. }) {
        k += 1;
    }
    let span = base(&w[k..], p, relation)?;
    Some(match part {
        Some(x) => third(span, x),
        None => span,
    })
}

/// The span the words after any "early"/"last"/... name.
fn base(w: &[String], p: Day, rel: Relation) -> Option<DayRange> {
    let head = w.first()?.as_str();
    if let Some(wd) = weekday_of(head) {
        // "Thursday, Jan. 3": the written date decides.
        return match explicit(&w[1..], p, rel) {
            Some(s) => Some(s),
            None => Some(weekday(wd, p, rel)),
        };
    }
    if let Some(s) = unit(head, p, rel) {
        return Some(s);
    }
    explicit(w, p, rel)
}

/// "march 10", "10 march 2019", "january 2020", "september", "2015",
/// "2019 08 22".
fn explicit(w: &[String], p: Day, rel: Relation) -> Option<DayRange> {
    let get = |i: usize| w.get(i).map(String::as_str).unwrap_or("");
    let year = |s: &str| {
        number_of(s, 2100)
            .filter(|&y| y >= 1000 && s.len() == 4)
            .map(|y| y as i32)
    };
    if let Some(y) = year(get(0)) {
        // ISO, with or without its hyphens.
        if let (Some(m), Some(d)) = (number_of(get(1), 12), number_of(get(2), 31)) {
            let day = Day::new(y, m as u8, d as u8)?;
            return Some((day, day));
        }
        return Some(year_span(y));
    }
    let (m, d, rest) = if let Some(m) = lexicon::month(get(0)) {
        match number_of(get(1), 31).filter(|_| get(1).len() <= 4 && year(get(1)).is_none()) {
            Some(d) => (m, Some(d as u8), 2),
            None => (m, None, 1),
        }
    } else {
        let d = number_of(get(0), 31)?;
        (lexicon::month(get(1))?, Some(d as u8), 2)
    };
    if let Some(y) = year(get(rest)) {
        return match d {
            Some(d) => Day::new(y, m, d).map(|day| (day, day)),
            None => Some(month_span(y, m)),
        };
    }
    let y = match d {
        Some(d) => year_of_day(m, d, p, rel),
        None => year_of_month(m, p, rel),
    };
    match d {
        Some(d) => Day::new(y, m, d).map(|day| (day, day)),
        None => Some(month_span(y, m)),
    }
}

fn year_of_month(m: u8, p: Day, rel: Relation) -> i32 {
    match rel {
        Relation::This => p.year,
        Relation::Last | Relation::Past => p.year - i32::from(m >= p.month),
        Relation::Next => p.year + i32::from(m <= p.month),
        Relation::Plain { future: true } => p.year + i32::from(m < p.month),
        Relation::Plain { future: false } => p.year - i32::from(m > p.month),
    }
}

fn year_of_day(m: u8, d: u8, p: Day, rel: Relation) -> i32 {
    let later = (m, d) > (p.month, p.day);
    let earlier = (m, d) < (p.month, p.day);
    match rel {
        Relation::This => p.year,
        Relation::Next | Relation::Plain { future: true } => p.year + i32::from(earlier),
        _ => p.year - i32::from(later),
    }
}

/// A weekday: in the publication week on or before the publication day
/// (on or after it for the future; "last" strictly before, "next" strictly
/// after).
fn weekday(wd: i64, p: Day, rel: Relation) -> DayRange {
    let back = (p.weekday() - wd).rem_euclid(7);
    let ahead = (wd - p.weekday()).rem_euclid(7);
    let day = match rel {
        Relation::Last | Relation::Past => p.plus(-if back == 0 { 7 } else { back }),
        Relation::Next => p.plus(if ahead == 0 { 7 } else { ahead }),
        Relation::This => p.plus(wd - p.weekday()),
        Relation::Plain { future: true } => p.plus(ahead),
        Relation::Plain { future: false } => p.plus(-back),
    };
    (day, day)
}

/// "week", "month", "year", "weekend" and the seasons, with their relation.
fn unit(w: &str, p: Day, rel: Relation) -> Option<DayRange> {
    let shift = match rel {
        Relation::Last => -1,
        Relation::Next => 1,
        Relation::This => 0,
        Relation::Past => {
            let back = match w {
                "week" => 7,
                "month" => 30,
                "year" => 365,
                _ => return None,
            };
            return Some((p.plus(-back), p));
        }
        Relation::Plain { .. } => return None,
    };
    let monday = p.plus(-p.weekday());
    Some(match w {
        "week" => (monday.plus(7 * shift), monday.plus(7 * shift + 6)),
        "weekend" => {
            // The last one that has begun, for "last"; the coming one else.
            let sat = monday.plus(5);
            let this = if rel == Relation::Last && p < sat {
                sat.plus(-7)
            } else {
                sat
            };
            let s = this.plus(7 * i64::from(shift == 1));
            (s, s.plus(1))
        }
        "month" => {
            let idx = i64::from(p.year) * 12 + i64::from(p.month) - 1 + shift;
            month_span(idx.div_euclid(12) as i32, (idx.rem_euclid(12) + 1) as u8)
        }
        "year" => year_span(p.year + shift as i32),
        w if lexicon::is_season(w) => season(w, p, rel),
        _ => return None,
    })
}

/// Meteorological seasons of the northern hemisphere (winter runs from
/// December into the next year).
fn season(w: &str, p: Day, rel: Relation) -> DayRange {
    let first = match w {
        "spring" => 3,
        "summer" => 6,
        "autumn" | "fall" => 9,
        _ => 12,
    };
    let span = |y: i32| {
        let start = Day {
            year: y,
            month: first,
            day: 1,
        };
        let end_idx = i64::from(y) * 12 + i64::from(first) + 1; // two months on
        let (ey, em) = (
            end_idx.div_euclid(12) as i32,
            (end_idx.rem_euclid(12) + 1) as u8,
        );
        (start, month_span(ey, em).1)
    };
    // The season of the year that holds the publication day, or has it
    // last begun (a January day is in the winter that began the December
    // before).
    let y = if first == 12 && p.month < 12 {
        p.year - 1
    } else {
        p.year
    };
    let this = span(y);
    match rel {
        Relation::Last if this.1 >= p => span(y - 1),
        Relation::Next if this.0 <= p => span(y + 1),
        _ => this,
    }
}

/// The early, middle or late part of a span: of a year, January to April,
/// May to August, September to December; of a month, days 1-10, 11-20 and
/// the rest; of another span, its thirds.
fn third((a, b): DayRange, part: &str) -> DayRange {
    let whole_year = (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) && a.year == b.year;
    let whole_month = a.day == 1 && (a.year, a.month) == (b.year, b.month) && b.day >= 28;
    if whole_year {
        let m = match part {
            "early" => 1,
            "mid" => 5,
            _ => 9,
        };
        return (month_span(a.year, m).0, month_span(a.year, m + 3).1);
    }
    if whole_month {
        let (d0, d1) = match part {
            "early" => (1, 10),
            "mid" => (11, 20),
            _ => (21, b.day),
        };
        return (Day { day: d0, ..a }, Day { day: d1, ..a });
    }
    let n = b.number() - a.number() + 1;
    let (lo, hi) = match part {
        "early" => (0, n / 3),
        "mid" => (n / 3, 2 * n / 3),
        _ => (2 * n / 3, n),
    };
    (a.plus(lo), a.plus(hi - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_weekdays() {
        let d = Day::parse("2020-03-12").unwrap();
        assert_eq!(d.weekday(), 3); // a Thursday
        assert_eq!(Day::from_number(d.number()), d);
        assert_eq!(d.plus(-12).to_string(), "2020-02-29");
        assert_eq!(Day::parse("2019-02-29"), None);
    }
}
