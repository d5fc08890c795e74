//! Token access for the figure grammar: lowercase views without allocation.

use crate::text::{Doc, Token, TokenKind};

/// A copy of a short token with ASCII letters lowercased, on the stack.
/// Tokens longer than the buffer read as "" (no table word is that long).
#[derive(Clone, Copy, Debug)]
pub struct Lw {
    buf: [u8; 24],
    len: u8,
}

impl Lw {
    const EMPTY: Lw = Lw {
        buf: [0; 24],
        len: 0,
    };

    pub fn of(s: &str) -> Lw {
        let b = s.as_bytes();
        if b.len() > 24 {
            return Lw::EMPTY;
        }
        let mut out = Lw::EMPTY;
        for (o, c) in out.buf.iter_mut().zip(b) {
            *o = c.to_ascii_lowercase();
        }
        out.len = b.len() as u8;
        out
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len as usize]).unwrap_or("")
    }
}

impl std::ops::Deref for Lw {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

/// The text and tokens of one document, and its form.
pub struct Cx<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub stripped: bool,
    /// The document, for its date layer (`Doc::dates`), computed on the
    /// first number that needs it.
    pub doc: &'a Doc<'a>,
    /// Tokens before this index belong to a figure already found: a
    /// currency or qualifier there cannot open the next one ("10 rmb 20
    /// usd" is two figures, not "10 rmb" and "rmb 20 usd").
    pub floor: std::cell::Cell<usize>,
}

impl<'a> Cx<'a> {
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The raw text of token `i` ("" out of range).
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// Token `i` lowercased ("" out of range, too long or non-ASCII).
    pub fn lw(&self, i: usize) -> Lw {
        match self.toks.get(i) {
            Some(t) => Lw::of(t.text(self.text)),
            None => Lw::EMPTY,
        }
    }

    /// Token `i - back` lowercased, "" before the start.
    pub fn lw_back(&self, i: usize, back: usize) -> Lw {
        if back > i {
            Lw::EMPTY
        } else {
            self.lw(i - back)
        }
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    /// Tokens `a` and `a + 1` touch (no space between).
    pub fn touching(&self, a: usize) -> bool {
        match (self.toks.get(a), self.toks.get(a + 1)) {
            (Some(x), Some(y)) => x.end == y.start,
            _ => false,
        }
    }

    /// Tokens `a` and `a + 1` are separated by exactly one space-like
    /// character (a space, a no-break or a thin space), as digit groups are.
    pub fn one_space(&self, a: usize) -> bool {
        match (self.toks.get(a), self.toks.get(a + 1)) {
            (Some(x), Some(y)) => matches!(
                &self.text[x.end..y.start],
                " " | "\u{a0}" | "\u{202f}" | "\u{2009}"
            ),
            _ => false,
        }
    }

    /// Token `a` is glued to a following word or mark, as the "M" of "M&S"
    /// is (a mark closing the clause does not count: "3 g.").
    pub fn glued_on(&self, a: usize) -> bool {
        self.touching(a) && !matches!(self.raw(a + 1), "." | "," | ";" | ":" | ")" | "!" | "?")
    }

    /// Whether there is a line break between tokens `a` and `a + 1`.
    pub fn line_break(&self, a: usize) -> bool {
        match (self.toks.get(a), self.toks.get(a + 1)) {
            (Some(x), Some(y)) => self.text.as_bytes()[x.end..y.start].contains(&b'\n'),
            _ => true,
        }
    }
}

/// The first hyphen part of a tail, lowercased ("Year-old" -> "year").
pub fn first_part_lower(tail: &str) -> String {
    tail.split(['-', '‐', '‑'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The shape of a digit token such as "1,510", "3.5", "300kg", "4th",
/// "227-186" or "40-year".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Digits<'a> {
    pub value: f64,
    /// Digits before the decimal mark (group separators not counted).
    pub int_digits: usize,
    /// Only ASCII digits: no comma, point, suffix or hyphen part.
    pub plain: bool,
    /// Has a decimal mark ("3.5", or the comma of "5,00" and "1.111,11").
    pub decimal: bool,
    /// Letters glued to the number, lowercase ASCII ("kg", "th", "bn").
    pub suffix: &'a str,
    /// A second number after a hyphen ("227-186"; "20" of "5k-20k", which
    /// repeats the suffix).
    pub second: Option<f64>,
    /// Words after a hyphen ("year" of "40-year", "year-old").
    pub tail: &'a str,
}

/// Which mark of a numeral is its decimal mark, from the marks and the
/// sizes of the digit groups they separate (`groups[k]` follows `marks[k]`):
/// `Some(None)` for an integer, `None` for a shape that is not one number.
///
/// - One mark of each kind: the later one is the decimal mark and the
///   earlier one groups thousands ("1,111.11"; European "1.111,11").
/// - Points only: one is a decimal point ("3.5"); several are an address
///   or a version ("192.168.1.2").
/// - Commas only: thousands when every group after the first has three
///   digits ("1,510"; Indian "1,00,000" groups by two up to the last
///   three); one comma before other than three digits is a decimal comma
///   ("5,00", "1,3", a rate's "1,8923"); anything else is a list
///   ("22,24,26").
fn decimal_mark(marks: &[u8], groups: &[usize]) -> Option<Option<u8>> {
    // Groups of three, or Indian groups of two before the last three.
    let thousands = |gs: &[usize]| {
        gs.split_last()
            .is_some_and(|(t, body)| *t == 3 && body.iter().all(|&g| g == 2 || g == 3))
    };
    let (&last, earlier) = marks.split_last()?;
    let other = if last == b'.' { b',' } else { b'.' };
    if earlier.contains(&other) {
        // "1,111.11" and "1.111,11": the earlier marks group thousands.
        let grouped = earlier.iter().all(|&m| m == other) && thousands(&groups[..groups.len() - 1]);
        return grouped.then_some(Some(last));
    }
    if last == b'.' {
        return (marks.len() == 1).then_some(Some(b'.'));
    }
    if thousands(groups) {
        return Some(None);
    }
    (marks.len() == 1 && groups[0] != 3).then_some(Some(b','))
}

/// An exponent after a numeral.
#[derive(Clone, Copy)]
enum Exponent {
    /// "e5": times ten to the power.
    Times(i32),
    /// "⁶" after "10": ten to the power.
    Power(i32),
}

/// The exponent that opens `rest` (what follows a numeral) and its length
/// in bytes: "1.2e5", "1E-3", "2.5E+9" (a decimal mark or a sign, two
/// digits at most, to the end of the token), or superscript digits after a
/// numeral that is `ten` ("10⁶"); `decimal`: the numeral has a decimal mark.
fn exponent(rest: &str, ten: bool, decimal: bool) -> Option<(Exponent, usize)> {
    const SUPER: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    if ten && rest.starts_with(|c| SUPER.contains(&c) || c == '⁻') {
        let neg = rest.starts_with('⁻');
        let mut e = 0i32;
        let mut len = if neg { '⁻'.len_utf8() } else { 0 };
        for c in rest[len..]
            .chars()
            .take_while(|c| SUPER.contains(c))
            .take(3)
        {
            e = e * 10 + SUPER.iter().position(|&d| d == c)? as i32;
            len += c.len_utf8();
        }
        let digits = len > if neg { '⁻'.len_utf8() } else { 0 };
        return (digits && len == rest.len())
            .then_some((Exponent::Power(if neg { -e } else { e }), len));
    }
    let body = rest.strip_prefix(['e', 'E'])?;
    let (neg, num) = match body.strip_prefix(['-', '+']) {
        Some(n) => (body.starts_with('-'), n),
        None => (false, body),
    };
    // Without a decimal mark or a sign it is a model name ("Boeing's 7E7",
    // stripped "7e7").
    if !decimal && num.len() == body.len() {
        return None;
    }
    let n = num.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 2 || n != num.len() {
        return None;
    }
    let e: i32 = num.parse().ok()?;
    Some((Exponent::Times(if neg { -e } else { e }), rest.len()))
}

/// The value of a numeral (digits and its marks) with `dec` as its decimal
/// mark, and its digits before that mark. The value is the written decimal,
/// parsed (no float accumulation: "0.3" is 0.3): the digits without their
/// group marks, the decimal mark as a point. Past the buffer, fraction
/// digits are dropped and integer digits scale the value (400 nines: too
/// large a number for a float).
fn written_value(numeral: &[u8], dec: Option<u8>) -> Option<(f64, usize)> {
    let mut clean = [0u8; 40];
    let mut len = 0;
    let mut int_digits = 0;
    let mut lost_int_digits = 0;
    let mut seen_dec = false;
    for &c in numeral {
        let keep = if c.is_ascii_digit() {
            int_digits += usize::from(!seen_dec);
            c
        } else if Some(c) == dec {
            seen_dec = true;
            b'.'
        } else {
            continue;
        };
        match clean.get_mut(len) {
            Some(slot) => {
                *slot = keep;
                len += 1;
            }
            None => lost_int_digits += usize::from(!seen_dec),
        }
    }
    let written: f64 = std::str::from_utf8(&clean[..len]).ok()?.parse().ok()?;
    Some((
        written * 10f64.powi(lost_int_digits.min(400) as i32),
        int_digits,
    ))
}

/// Parses the text of a digit token; `None` for shapes that are never a
/// figure (IP addresses, "5-17-2018", lists "22,24,26", non-ASCII letters).
pub fn digits(s: &str) -> Option<Digits<'_>> {
    let b = s.as_bytes();
    // The numeral: digits, with ',' or '.' between digits. At most a few
    // marks: a longer run is no number ("1.2.3.4.5.6").
    let mut marks = [0u8; 8];
    let mut groups = [0usize; 8];
    let mut n_marks = 0;
    let mut i = 0;
    let mut lead = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            if n_marks == 0 {
                lead += 1;
            } else {
                groups[n_marks - 1] += 1;
            }
        } else if matches!(c, b',' | b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            if n_marks == marks.len() {
                return None;
            }
            marks[n_marks] = c;
            n_marks += 1;
        } else {
            break;
        }
        i += 1;
    }
    if lead == 0 && n_marks == 0 {
        return None;
    }
    let dec = if n_marks == 0 {
        None
    } else {
        decimal_mark(&marks[..n_marks], &groups[..n_marks])?
    };
    let (mut value, int_digits) = written_value(&b[..i], dec)?;
    let mut rest = &s[i..];
    // Scientific notation: "1.2e5", "1,2E-3", and a power of ten written
    // with superscripts ("10⁶").
    if let Some((exp, len)) = exponent(rest, &b[..i] == b"10", dec.is_some()) {
        value = match exp {
            Exponent::Times(e) => super::numbers::scaled(value, 10f64.powi(e)),
            Exponent::Power(e) => super::numbers::scaled(1.0, 10f64.powi(e)),
        };
        rest = &rest[len..];
    }
    let (head, after) = match rest.find(['-', '‐', '‑']) {
        Some(h) => {
            let dash = rest[h..].chars().next().map_or(1, char::len_utf8);
            (&rest[..h], Some(&rest[h + dash..]))
        }
        None => (rest, None),
    };
    // Letters, and a power after them for areas and volumes ("24703m2"),
    // or the yuan and yen signs, which are letters ("100元").
    let letters = head.strip_suffix(['2', '3']).unwrap_or(head);
    let ascii = letters.bytes().all(|c| c.is_ascii_alphabetic()) && !letters.is_empty();
    if !(ascii || head.is_empty() || super::lexicon::is_glued_currency_letter(head)) {
        return None;
    }
    let mut second = None;
    let mut tail = "";
    let mut suffix = head;
    if let Some(after) = after {
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            let d = digits(after)?;
            if d.second.is_some() || !d.tail.is_empty() {
                return None; // "5-17-2018", "3-2-1"
            }
            // "3-5km", "3km-5km", "5k-20k": one unit or scale for both ends.
            if !d.suffix.is_empty() {
                if !(head.is_empty() || head.eq_ignore_ascii_case(d.suffix)) {
                    return None;
                }
                suffix = d.suffix;
            }
            second = Some(d.value);
        } else {
            tail = after;
        }
    }
    Some(Digits {
        value,
        int_digits,
        plain: n_marks == 0 && suffix.is_empty() && after.is_none(),
        decimal: dec.is_some(),
        suffix,
        second,
        tail,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_shapes() {
        let d = digits("1,510").unwrap();
        assert_eq!((d.value, d.int_digits, d.plain), (1510.0, 4, false));
        let d = digits("3.5").unwrap();
        assert!((d.value - 3.5).abs() < 1e-9);
        let d = digits("300kg").unwrap();
        assert_eq!((d.value, d.suffix), (300.0, "kg"));
        let d = digits("227-186").unwrap();
        assert_eq!(d.second, Some(186.0));
        let d = digits("40-year-old").unwrap();
        assert_eq!(d.tail, "year-old");
        assert!(digits("192.168.1.2").is_none());
        assert!(digits("5-17-2018").is_none());
        let d = digits("3-5km").unwrap();
        assert_eq!((d.value, d.second, d.suffix), (3.0, Some(5.0), "km"));
        assert_eq!(digits("3km-5km").unwrap().suffix, "km");
        assert!(digits("3kg-5km").is_none());
        assert_eq!(digits("24703m2").unwrap().suffix, "m2");
        assert_eq!(digits("100元").unwrap().suffix, "元");
        assert!(digits("14").unwrap().plain);
        // Decimal marks: English, European, a lone decimal comma; Indian
        // groups; a list is no number.
        let d = digits("1,111.11").unwrap();
        assert!((d.value - 1111.11).abs() < 1e-9 && d.decimal);
        let d = digits("1.111,11").unwrap();
        assert!((d.value - 1111.11).abs() < 1e-9 && d.decimal);
        let d = digits("5,25").unwrap();
        assert!((d.value - 5.25).abs() < 1e-9 && d.int_digits == 1);
        assert_eq!(digits("1,00,000").unwrap().value, 100000.0);
        let d = digits("12,34,567.89").unwrap();
        assert!((d.value - 1234567.89).abs() < 1e-6);
        assert!(digits("22,24,26").is_none());
        assert!((digits("1,8923").unwrap().value - 1.8923).abs() < 1e-9);
        assert!(digits("3.5,6").is_none());
        assert_eq!(digits("5k-20k").unwrap().second, Some(20.0));
        assert!(digits("5k-20kg").is_none());
    }
}
