//! The scan: one pass over the tokens, in text order. Every token goes
//! through [`opens`], a byte test or a table lookup; a token that opens a
//! figure hands over to candidate building ([`super::candidate`]), and the
//! scan resumes after what that consumed.

use crate::text::{Doc, Form, TokenKind};

use super::candidate::{figure_at, Step};
use super::cx::{Cx, Lw};
use super::lexicon as lx;
use super::numbers;
use super::types::Figure;

/// The figures of `doc`, in text order. See `docs/figures-rules.md` for the
/// rules.
pub fn extract(doc: &Doc) -> Vec<Figure> {
    let cx = Cx {
        text: doc.text,
        toks: &doc.tokens,
        stripped: doc.form == Form::Stripped,
        doc,
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

/// The cheap test every token goes through: whether a figure may open at
/// token `i`.
pub(super) fn opens(cx: &Cx, i: usize) -> bool {
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
                return lx::currency_before(&Lw::of(&cx.text[t.start..t.start + 3])).is_some();
            }
            let b = bytes[t.start].to_ascii_lowercase();
            if b == b'a' && t.end - t.start <= 2 {
                // "a kilogram", "an ml", "an hour and a half"
                return lx::is_article(&cx.lw(i))
                    && (lx::one_of_unit(&cx.lw(i + 1))
                        || numbers::couple_of(cx, i)
                        || super::candidate::a_time_and_a_half(cx, i).is_some());
            }
            lx::opens_number_word(b) && t.end - t.start <= 24 && numbers::opens_number(&cx.lw(i))
        }
    }
}
