//! Units after a number ("kg", "per cent", "US dollars", "degrees Celsius",
//! "years", "times") and currencies before it ("$", "US$", "£", "Rs").

use super::cx::{Cx, Lw};
use super::lexicon::{self as lx, UnitCls};

/// A unit found after a number: its code, class and last token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitHit {
    pub code: &'static str,
    pub cls: UnitCls,
    /// Index of the unit's last token.
    pub last: usize,
}

/// The unit word `w` (a token or a glued suffix), resolved.
pub fn word(w: &str) -> Option<(&'static str, UnitCls)> {
    match w {
        "m2" | "sqm" => Some(("m2", UnitCls::Physical)),
        _ => lx::unit_word(w),
    }
}

/// A unit of two to four tokens from the generated table at `j`: "square
/// miles", "nautical miles", "kilometres per hour", "km/h", "micrograms per
/// cubic metre". The longest wins.
fn phrase(cx: &Cx, j: usize) -> Option<UnitHit> {
    if !lx::opens_table_phrase(&cx.lw(j)) {
        return None;
    }
    let mut text = String::new();
    let mut best = None;
    for k in j..j + 4 {
        if k > j && cx.line_break(k - 1) {
            break;
        }
        let w = cx.lw(k);
        if w.is_empty() {
            break;
        }
        let slash = &*w == "/" || text.ends_with('/');
        if k > j && !slash {
            text.push(' ');
        }
        text.push_str(&w);
        if k > j {
            if let Some((code, cls)) = lx::table_unit(&text) {
                best = Some(UnitHit { code, cls, last: k });
            }
        }
    }
    best
}

/// The unit written in the tokens after `last` (the number's last token).
/// `half` allows "half an hour". A percent per year is a rate of its own
/// ("3 per cent per year", "2% a year", "5 percent annually").
pub fn after(cx: &Cx, last: usize, half: bool) -> Option<UnitHit> {
    let hit = unit_after(cx, last, half)?;
    if hit.code != "percent" || cx.line_break(hit.last) {
        return Some(hit);
    }
    let k = hit.last + 1;
    let per_year = match lx::per_year_words(&cx.lw(k), &cx.lw(k + 1)) {
        1 => Some(k),
        2 if !cx.line_break(k) => Some(k + 1),
        _ => None,
    };
    // Not "5% a year ago", "a year earlier".
    let per_year = per_year.filter(|&e| !lx::looks_back(&cx.lw(e + 1)));
    Some(per_year.map_or(hit, |last| UnitHit {
        code: "percent/year",
        last,
        ..hit
    }))
}

fn unit_after(cx: &Cx, last: usize, half: bool) -> Option<UnitHit> {
    if cx.line_break(last) {
        return None;
    }
    let mut j = last + 1;
    if half && lx::is_article(&cx.lw(j)) {
        j += 1;
    }
    if let Some(h) = phrase(cx, j) {
        return Some(h);
    }
    let w = cx.lw(j);
    if let Some(decided) = marked(cx, last, j, &w) {
        return decided;
    }
    more_of_a_time_unit(cx, j, &w)
        .or_else(|| national_currency(cx, j))
        .or_else(|| single_word(cx, last, j, &w))
}

/// Units that a word or mark at `j` opens and the words after it complete:
/// percents ("%", "per cent", "percentage points"), degrees ("degrees
/// Celsius"), powers ("square miles", "cubic feet"), "metric tons", a unit
/// in brackets ("20 (kg)") and a currency sign ("10$", "20 €"). `Some` when
/// the word at `j` decides (`Some(None)`: no unit there at all).
fn marked(cx: &Cx, last: usize, j: usize, w: &str) -> Option<Option<UnitHit>> {
    let hit = |code, cls, last| Some(UnitHit { code, cls, last });
    let next_unit = || word(&cx.lw(j + 1)).map(|(code, _)| code);
    Some(match w {
        "%" => hit("percent", UnitCls::Percent, j),
        "per" if &*cx.lw(j + 1) == "cent" => hit("percent", UnitCls::Percent, j + 1),
        "percentage" if lx::is_point_word(&cx.lw(j + 1)) => hit("pp", UnitCls::Percent, j + 1),
        "percentage" => hit("percent", UnitCls::Percent, j),
        _ if lx::is_degree_word(w) => Some(degrees(cx, j)),
        "square" | "sq" => next_unit()
            .and_then(lx::square_unit)
            .and_then(|code| hit(code, UnitCls::Physical, j + 1)),
        "cubic" => next_unit()
            .and_then(lx::cubic_unit)
            .and_then(|code| hit(code, UnitCls::Physical, j + 1)),
        // "16,000 metric tons"
        "metric" => next_unit()
            .filter(|&code| code == "t")
            .and_then(|code| hit(code, UnitCls::Physical, j + 1)),
        // A unit in brackets after the number: "20 (kg)", "20 [kg]".
        _ if lx::closing_bracket(w).is_some() => match word(&cx.lw(j + 1)) {
            Some((code, cls)) if Some(cx.raw(j + 2)) == lx::closing_bracket(w) => {
                hit(code, cls, j + 2)
            }
            _ => None,
        },
        // Currency signs after the number: "10$", "20€", "10 €" (a sign
        // followed by a number belongs to that number: "10 $ 30", unless
        // that number has its own: "10 $ 30 $", "10 $ 30 cents").
        g if lx::is_currency_glyph(g)
            && (cx.touching(last)
                || (cx.one_space(last) && (!cx.is_number(j + 1) || own_unit(cx, j + 1, g)))) =>
        {
            lx::currency_before(w).and_then(|c| hit(c, UnitCls::Currency, j))
        }
        _ => return None,
    })
}

/// "degrees", "deg" or "°" at `j`, and the scale after it ("degrees
/// Celsius", "° F").
fn degrees(cx: &Cx, j: usize) -> UnitHit {
    let k = j + 1 + usize::from(&*cx.lw(j + 1) == ".");
    let (code, last) = match lx::degree_scale(&cx.lw(k)) {
        Some(code) => (code, k),
        None => ("deg", j),
    };
    UnitHit {
        code,
        cls: UnitCls::Physical,
        last,
    }
}

/// "two more years", "three additional days", "5 extra minutes", "2
/// fewer minutes".
fn more_of_a_time_unit(cx: &Cx, j: usize, w: &str) -> Option<UnitHit> {
    if !lx::is_more_of_word(w) {
        return None;
    }
    match word(&cx.lw(j + 1)) {
        Some((code, UnitCls::Time)) => Some(UnitHit {
            code,
            cls: UnitCls::Time,
            last: j + 1,
        }),
        _ => None,
    }
}

/// A currency word after a nationality at `j`: "US dollars", "hong kong
/// dollars", "saudi riyals"; a nationality before a currency that only one
/// country uses keeps its code ("finnish markka", "dutch guilders").
fn national_currency(cx: &Cx, j: usize) -> Option<UnitHit> {
    let hit = |code, last| {
        Some(UnitHit {
            code,
            cls: UnitCls::Currency,
            last,
        })
    };
    for skip in 1..=2 {
        let Some((code, UnitCls::Currency)) = word(&cx.lw(j + skip)) else {
            continue;
        };
        let adj = cx.lw(j + skip - 1);
        if let Some(c) = lx::national_currency(&adj, code) {
            return hit(c, j + skip);
        }
        if skip == 1 && lx::is_nationality(&adj) && !lx::is_shared_currency(code) {
            return hit(code, j + 1);
        }
    }
    None
}

/// A unit in one word at `j` ("kg", "years", "times"). A single letter
/// apart from the number ("3 g", "7 l", "2 h") is a unit only where no
/// content word follows it: "3 g of sugar", "2.0 g and", "from 2 to 7 l" at
/// the end, but not "the 5 g network". Stripped text has no full stops, so
/// there "l" and "h" (an initial, an elision) end a figure only at the end
/// of the text or before "of", "and" or "x" ("2 m x 3 m": the sign of a
/// product is no content word).
fn single_word(cx: &Cx, last: usize, j: usize, w: &str) -> Option<UnitHit> {
    let hit = |code, cls, last| Some(UnitHit { code, cls, last });
    let content_after = cx.is_word(j + 1) && !lx::is_stop(&cx.lw(j + 1)) && &*cx.lw(j + 1) != "x";
    let letter_alone = w.len() == 1 && !cx.touching(last) && content_after;
    let letter_ends = j + 1 >= cx.len() || lx::ends_a_letter_unit(&cx.lw(j + 1));
    // "3 quarters" after digits ("three quarters" is a fraction, a rugby
    // "three-quarter" a position, "3 quarter point" a size).
    if lx::is_quarter_word(w) && cx.is_number(last) && !content_after {
        return hit("quarter", UnitCls::Time, j);
    }
    if cx.raw(j) == "K" && lx::temperature_before(cx, last) {
        return hit("K", UnitCls::Physical, j);
    }
    // "1 m", "12 m 2 dm", "1 m x 1 m": metres written apart (in stripped
    // text, where "$458 m" lost its "$", only where the letter ends the
    // figure as above); a capital "M" is million, decided by the caller.
    if cx.raw(j) == "m" {
        let ok = if cx.stripped {
            letter_ends
        } else {
            !letter_alone
        };
        return ok.then_some(UnitHit {
            code: "m",
            cls: UnitCls::Physical,
            last: j,
        });
    }
    let (code, cls) = word(w)?;
    match (code, cls) {
        // "5 p" as a separate letter is rarely pence.
        ("GBX", _) if w.len() == 1 => None,
        ("bit", _) if !cx.is_number(last) => None,
        ("g", _) if letter_alone => None,
        ("l", _) | ("hour", _) if w.len() == 1 && cx.stripped && !letter_ends => None,
        // "two pounds of meat" weighs; "ten pounds" pays.
        ("GBP", _) if lx::is_pound_word(w) && &*cx.lw(j + 1) == "of" => {
            hit("lb", UnitCls::Physical, j)
        }
        ("km" | "mi", _) if speed_tail(cx, j) => {
            let c = if code == "km" { "km/h" } else { "mph" };
            hit(c, UnitCls::Physical, j + 2)
        }
        _ => hit(code, cls, j),
    }
}

/// "and a half" or "and half" after a time unit at `j` ("two years and a
/// half", "an hour and a half"): its last token.
pub fn and_a_half(cx: &Cx, j: usize) -> Option<usize> {
    if &*cx.lw(j + 1) != "and" || cx.line_break(j) {
        return None;
    }
    match &*cx.lw(j + 2) {
        "half" => Some(j + 2),
        w if lx::is_article(w) && &*cx.lw(j + 3) == "half" => Some(j + 3),
        _ => None,
    }
}

/// "below zero" after a temperature ending at `j` ("2 degrees below zero",
/// "20 below zero"): its last token.
pub fn below_zero(cx: &Cx, j: usize) -> Option<usize> {
    (&*cx.lw(j + 1) == "below" && &*cx.lw(j + 2) == "zero" && !cx.line_break(j)).then_some(j + 2)
}

/// A share of one unit after a fraction or ordinal ending at `j`: "tenth
/// of a gallon", "a quarter of an hour", "half of a litre". The unit.
pub fn of_a_unit(cx: &Cx, j: usize) -> Option<UnitHit> {
    if &*cx.lw(j + 1) != "of" || cx.line_break(j) {
        return None;
    }
    let k = j + 2 + usize::from(lx::is_article(&cx.lw(j + 2)));
    match word(&cx.lw(k))? {
        (_, UnitCls::Percent | UnitCls::Times) => None,
        (code, cls) => Some(UnitHit { code, cls, last: k }),
    }
}

/// Whether a rate per share or unit follows token `k` ("a share", "per
/// security", "/"), directly or after the high end of a range: there a
/// glued "c" is cents ("17c a share", "11c to 17c a share"), not Celsius.
pub fn cents_rate(cx: &Cx, k: usize) -> bool {
    let rate = |k: usize| &*cx.lw(k) == "/" || lx::is_per_share(&cx.lw(k), &cx.lw(k + 1));
    let glued_c = |k: usize| cx.is_number(k) && cx.lw(k).ends_with('c');
    rate(k) || (lx::joins_two_prices(&cx.lw(k)) && glued_c(k + 1) && rate(k + 2))
}

/// Whether the number token `k` is followed by the sign `g` or by cents.
fn own_unit(cx: &Cx, k: usize, g: &str) -> bool {
    let w = cx.lw(k + 1);
    &*w == g || lx::is_cent_word(&w)
}

/// "per hour" / "an hour" after a length unit at `j`.
fn speed_tail(cx: &Cx, j: usize) -> bool {
    lx::is_per_word(&cx.lw(j + 1)) && &*cx.lw(j + 2) == "hour"
}

/// A currency written right before token `first`: its code and first token.
pub fn before(cx: &Cx, first: usize) -> Option<(&'static str, usize)> {
    if first <= cx.floor.get() {
        return None;
    }
    let p = first - 1;
    let w = cx.lw(p);
    let code = lx::currency_before(&w).or_else(|| lx::table_currency_code(&w))?;
    let glyph = lx::is_currency_glyph(&w);
    if glyph {
        // "US$", "A$", "HK$", "USD$", "Mex$"; with a space in tokenized
        // text ("us $ 150", "c $ 300", "u.s $ 100").
        if &*w == "$" && p > 0 && (cx.touching(p - 1) || cx.one_space(p - 1)) {
            let pre = if p > cx.floor.get() {
                cx.lw(p - 1)
            } else {
                Lw::of("")
            };
            // Spaced, "a $5 million" is the article, not the Australian dollar.
            let spaced_article =
                pre.is_empty() || (!cx.touching(p - 1) && (lx::is_article(&pre) || &*pre == "s"));
            if &*pre == "s"
                && p >= 3 + cx.floor.get()
                && &*cx.lw(p - 2) == "."
                && &*cx.lw(p - 3) == "u"
            {
                return Some(("USD", p - 3));
            }
            if let Some(c) = lx::currency_before(&format_dollar(&pre)).filter(|_| !spaced_article) {
                return Some((c, p - 1));
            }
        }
        return Some((code, p));
    }
    // Letter codes ("EUR 20", "Rs. 20") only in ordinary text, or when
    // unambiguous in stripped text.
    if lx::is_word_in_stripped_text(&w) && cx.stripped {
        return None;
    }
    if cx.touching(p) || cx.one_space(p) {
        return Some((code, p));
    }
    None
}

fn format_dollar(pre: &Lw) -> String {
    let mut s = String::with_capacity(pre.len() + 1);
    s.push_str(pre);
    s.push('$');
    s
}
