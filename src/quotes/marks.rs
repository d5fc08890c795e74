//! Pairing quotation marks in ordinary text.
//!
//! Marks come in two families, double (`"` `“` `”` `„` `«` `»`) and single
//! (`'` `‘` `’`). Curly marks and guillemets say which side they are on; a
//! straight mark is read from its neighbours (space before and a letter after
//! opens, a letter or stop before and space after closes) and, when that is
//! ambiguous, from the pairing state. Pairing never fails: a closing mark with
//! nothing open is dropped, and a mark left open ends its quote at the end of
//! its paragraph. A news quote that runs over several paragraphs opens each
//! paragraph and closes only the last: each paragraph becomes its own span
//! (the guidelines annotate them separately), flagged as continuing the one
//! before. Single marks are paired only outside double quotes (inside, they
//! are nested quotes and stay part of the content), within one paragraph.

use crate::text::{Doc, TokenKind};

/// One quoted span: `text[start..end]` includes its marks (when closed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quoted {
    pub start: usize,
    pub end: usize,
    /// Token index of the opening mark.
    pub open: usize,
    /// One past the span's last token (the closing mark when there is one).
    pub tok_end: usize,
    /// Continues the previous paragraph's unclosed quote.
    pub continues: bool,
    /// Double marks (else single).
    pub double: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Open,
    Close,
    Either,
}

fn family(s: &str) -> Option<(bool, Option<Side>)> {
    // (double?, fixed side)
    Some(match s {
        "\"" => (true, None),
        "“" | "„" | "«" => (true, Some(Side::Open)),
        "”" | "»" => (true, Some(Side::Close)),
        "'" => (false, None),
        "‘" => (false, Some(Side::Open)),
        "’" => (false, Some(Side::Close)),
        _ => return None,
    })
}

/// Characters that stand for a space before a mark: opening brackets,
/// dashes and a slash (`("`, `—"`).
const SPACE_LIKE: &str = "([{—–-/";

/// Which side a mark at `text[at..at + len]` is on, from its neighbours.
fn side_from_context(text: &str, at: usize, len: usize) -> Side {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    let space_before = before.is_none_or(|c| c.is_whitespace() || SPACE_LIKE.contains(c));
    let space_after = after.is_none_or(|c| c.is_whitespace());
    let word_after = after.is_some_and(|c| c.is_alphanumeric() || "‘'\"(.$£€…".contains(c));
    let word_before = before.is_some_and(|c| c.is_alphanumeric() || ".,!?;:…)%".contains(c));
    let punct_after = after.is_some_and(|c| ".,;:!?)]—–".contains(c));
    match (space_before, space_after || punct_after) {
        (true, false) if word_after => Side::Open,
        (false, true) if word_before => Side::Close,
        _ => Side::Either,
    }
}

/// Paragraph index of each token (a paragraph ends at a line break).
pub(crate) fn paragraphs(doc: &Doc) -> Vec<u32> {
    let mut breaks = memchr::memchr_iter(b'\n', doc.text.as_bytes()).peekable();
    let mut p = 0u32;
    let mut out = Vec::with_capacity(doc.tokens.len());
    for t in &doc.tokens {
        // Tokens hold no line breaks: those before this token and not
        // passed yet lie after the previous token.
        let mut broken = false;
        while breaks.next_if(|&b| b < t.start).is_some() {
            broken = true;
        }
        if broken && !out.is_empty() {
            p += 1;
        }
        out.push(p);
    }
    out
}

/// A quotation mark of the text.
struct Mark {
    /// Its token.
    at: usize,
    /// Its last token: the second of two straight single marks read as one
    /// double mark, else `at`.
    last: usize,
    double: bool,
    side: Side,
}

/// The quotation marks of `doc`, in text order, with their family and side.
/// Two straight single marks written as one double ('' as in some wire
/// copy) or the TeX pair `` ... '' count as one double mark.
fn marks(doc: &Doc) -> Vec<Mark> {
    let toks = &doc.tokens;
    let text = doc.text;
    let mut out = Vec::new();
    let mut skip_next = false;
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Punct || std::mem::take(&mut skip_next) {
            continue;
        }
        let s = t.text(text);
        let Some((mut double, fixed)) = family(s) else {
            continue;
        };
        let mut len = s.len();
        let mut last = i;
        if s == "'"
            && toks
                .get(i + 1)
                .is_some_and(|n| n.start == t.end && n.text(text) == "'")
        {
            double = true;
            skip_next = true;
            last = i + 1;
            len = 2;
        }
        let side = fixed.unwrap_or_else(|| side_from_context(text, t.start, len));
        out.push(Mark {
            at: i,
            last,
            double,
            side,
        });
    }
    out
}

/// The quoted spans of `doc`, in text order.
pub(crate) fn quoted_spans(doc: &Doc, para: &[u32]) -> Vec<Quoted> {
    let marks = marks(doc);
    let doubles = pair_doubles(doc, para, &marks);
    let mut out = doubles.clone();
    out.extend(pair_singles(doc, para, &marks, &doubles));
    // A single pair must not straddle a double quote; a pair of marks with
    // no word between them ("") quotes nothing.
    let toks = &doc.tokens;
    out.retain(|q| {
        let next_double = doubles.partition_point(|d| d.open <= q.open);
        let straddles = doubles.get(next_double).is_some_and(|d| d.open < q.tok_end);
        let words = toks[q.open..q.tok_end]
            .iter()
            .any(|t| t.kind != TokenKind::Punct);
        (q.double || !straddles) && words
    });
    out.sort_by_key(|q| q.start);
    out
}

/// The double quotes, in text order: an opening mark pairs with the next
/// closing or ambiguous one in its paragraph; a second opening mark there
/// replaces it; a quote left open ends with its paragraph, and one opening
/// the next paragraph continues it.
fn pair_doubles(doc: &Doc, para: &[u32], marks: &[Mark]) -> Vec<Quoted> {
    let toks = &doc.tokens;
    // End (exclusive token index) of each paragraph, by paragraph id.
    let mut para_end: Vec<usize> = Vec::new();
    for (i, &p) in para.iter().enumerate() {
        if p as usize >= para_end.len() {
            para_end.resize(p as usize + 1, i + 1);
        }
        para_end[p as usize] = i + 1;
    }
    let mut doubles: Vec<Quoted> = Vec::new();
    let mut open: Option<(usize, bool)> = None; // (token, continues)
    let close_at_para_end = |o: usize, cont: bool, out: &mut Vec<Quoted>| {
        let e = para_end[para[o] as usize];
        out.push(Quoted {
            start: toks[o].start,
            end: toks[e - 1].end,
            open: o,
            tok_end: e,
            continues: cont,
            double: true,
        });
    };
    for &Mark {
        at: i, last, side, ..
    } in marks.iter().filter(|m| m.double)
    {
        match open {
            None => {
                if side != Side::Close {
                    open = Some((i, false));
                }
            }
            Some((o, cont)) if para[o] == para[i] => {
                if side == Side::Open {
                    // A second opening mark in one paragraph: the first was
                    // stray (or the writer nested doubles); keep the later
                    // one, which is the likelier quote start.
                    open = Some((i, false));
                } else {
                    doubles.push(Quoted {
                        start: toks[o].start,
                        end: toks[last].end,
                        open: o,
                        tok_end: last + 1,
                        continues: cont,
                        double: true,
                    });
                    open = None;
                }
            }
            Some((o, cont)) => {
                // The open quote ran to the end of its paragraph.
                close_at_para_end(o, cont, &mut doubles);
                let starts_para = i == 0 || para[i - 1] != para[i];
                open = if side == Side::Close {
                    None
                } else {
                    // An opening mark starting the next paragraph continues
                    // the same speaker's quote.
                    let follows = para[i] == para[o] + 1;
                    Some((i, starts_para && follows))
                };
            }
        }
    }
    if let Some((o, cont)) = open {
        close_at_para_end(o, cont, &mut doubles);
    }
    doubles
}

/// The single quotes outside the `doubles`, paired within a paragraph.
fn pair_singles(doc: &Doc, para: &[u32], marks: &[Mark], doubles: &[Quoted]) -> Vec<Quoted> {
    let toks = &doc.tokens;
    let inside = |i: usize| {
        doubles
            .binary_search_by(|q| {
                if q.tok_end <= i {
                    std::cmp::Ordering::Less
                } else if q.open > i {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    };
    let mut out = Vec::new();
    let mut sopen: Option<usize> = None;
    for &Mark { at: i, side, .. } in marks.iter().filter(|m| !m.double) {
        if inside(i) {
            continue;
        }
        match sopen {
            Some(o) if para[o] == para[i] && side != Side::Open => {
                out.push(Quoted {
                    start: toks[o].start,
                    end: toks[i].end,
                    open: o,
                    tok_end: i + 1,
                    continues: false,
                    double: false,
                });
                sopen = None;
            }
            _ => {
                if side == Side::Open {
                    sopen = Some(i);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(s: &str) -> Vec<&str> {
        let doc = Doc::new(s);
        let para = paragraphs(&doc);
        quoted_spans(&doc, &para)
            .iter()
            .map(|q| &s[q.start..q.end])
            .collect()
    }

    #[test]
    fn kinds_and_odd_counts() {
        assert_eq!(spans("He said \"yes\" and \"no"), ["\"yes\"", "\"no"]);
        assert_eq!(spans("“A,” he said, «B»."), ["“A,”", "«B»"]);
        assert_eq!(spans("It is ‘fine’, he said."), ["‘fine’"]);
        assert_eq!(spans("stray” close"), Vec::<&str>::new());
        assert_eq!(spans("He said, ''We pay.'' Then"), ["''We pay.''"]);
        assert_eq!(
            spans("\"It's 'big' now,\" she said."),
            ["\"It's 'big' now,\""]
        );
    }

    #[test]
    fn multi_paragraph() {
        let s = "\"First part.\n\"Second part.\" he said.";
        let doc = Doc::new(s);
        let para = paragraphs(&doc);
        let q = quoted_spans(&doc, &para);
        assert_eq!(q.len(), 2);
        assert_eq!(&s[q[0].start..q[0].end], "\"First part.");
        assert!(q[1].continues);
    }
}
