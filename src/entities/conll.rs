//! CoNLL-format files (`token TAG` per line, blank line between sentences,
//! `-DOCSTART-` opening each article; IOB2, IOB1 or IO tags) turned into
//! article texts with gold spans, the way our users' text looks: tokens joined
//! by single spaces, one sentence per line in ordinary text, a whole article
//! on one line in stripped text.

use super::tagger::Tagged;
use super::EntityLabel;
use crate::text::Form;

/// One article of a CoNLL file.
#[derive(Debug, Clone)]
pub struct ConllDoc {
    pub text: String,
    /// Gold entities: byte spans into `text` with their label.
    pub spans: Vec<Tagged>,
}

fn label_of(t: &str) -> Option<EntityLabel> {
    match t {
        "PER" => Some(EntityLabel::Per),
        "ORG" => Some(EntityLabel::Org),
        "LOC" => Some(EntityLabel::Loc),
        "MISC" => Some(EntityLabel::Misc),
        _ => None,
    }
}

/// The form a CoNLL file is in: stripped when (almost) no token holds a
/// capital or a character outside `[0-9a-z]`.
pub fn conll_form(content: &str) -> Form {
    let (mut n, mut marked) = (0usize, 0usize);
    for line in content.lines() {
        let Some(tok) = line.split_whitespace().next() else {
            continue;
        };
        if tok == "-DOCSTART-" {
            continue;
        }
        n += 1;
        if !tok
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            marked += 1;
        }
    }
    if marked * 100 <= n {
        Form::Stripped
    } else {
        Form::Ordinary
    }
}

/// Parses a CoNLL file's content into articles. The token is the first
/// column and the tag the last.
pub fn parse_conll(content: &str) -> Vec<ConllDoc> {
    let form = conll_form(content);
    let mut docs = Vec::new();
    let mut cur = ConllDoc {
        text: String::new(),
        spans: Vec::new(),
    };
    // Open entity: start byte, label; and the end of the last token.
    let mut open: Option<(usize, EntityLabel)> = None;
    let mut last_end = 0;
    let mut sentence_open = false;
    let close = |cur: &mut ConllDoc, open: &mut Option<(usize, EntityLabel)>, end: usize| {
        if let Some((s, l)) = open.take() {
            cur.spans.push(Tagged {
                span: s..end,
                label: l,
            });
        }
    };
    for line in content.lines() {
        let mut cols = line.split_whitespace();
        let Some(tok) = cols.next() else {
            close(&mut cur, &mut open, last_end);
            sentence_open = false;
            continue;
        };
        let tag = cols.last().unwrap_or("O");
        if tok == "-DOCSTART-" {
            close(&mut cur, &mut open, last_end);
            if !cur.text.is_empty() {
                docs.push(std::mem::replace(
                    &mut cur,
                    ConllDoc {
                        text: String::new(),
                        spans: Vec::new(),
                    },
                ));
            }
            sentence_open = false;
            continue;
        }
        if !cur.text.is_empty() {
            let sep = if !sentence_open && form == Form::Ordinary {
                '\n'
            } else {
                ' '
            };
            cur.text.push(sep);
        }
        sentence_open = true;
        let start = cur.text.len();
        cur.text.push_str(tok);
        let (prefix, ty) = match tag.split_once('-') {
            Some((p, t)) => (p, label_of(t)),
            None => ("O", None),
        };
        match ty {
            None => close(&mut cur, &mut open, last_end),
            Some(l) => {
                let continues = matches!(open, Some((_, ol)) if ol == l) && prefix != "B";
                if !continues {
                    close(&mut cur, &mut open, last_end);
                    open = Some((start, l));
                }
            }
        }
        last_end = cur.text.len();
    }
    close(&mut cur, &mut open, last_end);
    if !cur.text.is_empty() {
        docs.push(cur);
    }
    docs
}

/// `content` in the stripped form, the way the team's stripped CoNLL files
/// are made: each token lowercased and split at characters outside
/// `[0-9a-z]` (a token of punctuation disappears), tags rewritten as IOB2 so
/// the pieces of one mention stay one mention. Lets any annotated file score
/// the stripped form.
pub fn strip_conll(content: &str) -> String {
    let mut out = String::with_capacity(content.len());
    let mut prev: Option<&str> = None;
    for line in content.lines() {
        let mut cols = line.split_whitespace();
        let (Some(tok), Some(tag)) = (cols.next(), cols.last()) else {
            prev = None;
            out.push('\n');
            continue;
        };
        if tok == "-DOCSTART-" {
            prev = None;
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let ty = tag
            .get(2..)
            .filter(|_| tag.len() > 2 && tag.as_bytes()[1] == b'-');
        let begins = tag.starts_with("B-") || ty != prev;
        let low = tok.to_lowercase();
        let parts = low
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|p| !p.is_empty());
        for (k, part) in parts.enumerate() {
            let new = match ty {
                None => "O".to_string(),
                Some(t) if k == 0 && begins => format!("B-{t}"),
                Some(t) => format!("I-{t}"),
            };
            out.push_str(part);
            out.push(' ');
            out.push_str(&new);
            out.push('\n');
        }
        prev = ty;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tokens_and_keeps_mentions_whole() {
        let c = "-DOCSTART- O\n\nThe O\nU.S. I-LOC\nArmy I-ORG\n, O\nSmith I-PER\n- I-PER\nJones I-PER\nB.A.T B-ORG\n";
        let s = strip_conll(c);
        assert_eq!(
            s,
            "-DOCSTART- O\n\nthe O\nu B-LOC\ns I-LOC\narmy B-ORG\nsmith B-PER\njones I-PER\nb B-ORG\na I-ORG\nt I-ORG\n"
        );
        assert_eq!(conll_form(&s), Form::Stripped);
        let docs = parse_conll(&s);
        let t = &docs[0].text;
        let got: Vec<&str> = docs[0].spans.iter().map(|g| &t[g.span.clone()]).collect();
        assert_eq!(got, ["u s", "army", "smith jones", "b a t"]);
    }

    #[test]
    fn parses_articles_and_spans() {
        let c = "-DOCSTART- O\n\nPeter B-PER\nBlackburn I-PER\nsaid O\n\nIn O\nNew B-LOC\nYork I-LOC\nB-LOC B-LOC\n-DOCSTART- O\n\nAcme I-ORG\n";
        let docs = parse_conll(c);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "Peter Blackburn said\nIn New York B-LOC");
        let t = &docs[0].text;
        let s: Vec<&str> = docs[0].spans.iter().map(|g| &t[g.span.clone()]).collect();
        assert_eq!(s, ["Peter Blackburn", "New York", "B-LOC"]);
        assert_eq!(
            docs[1].spans,
            [Tagged {
                span: 0..4,
                label: EntityLabel::Org
            }]
        );
        let low = parse_conll("-DOCSTART- O\n\nu B-LOC\ns I-LOC\n\nsaid O\n");
        assert_eq!(low[0].text, "u s said");
    }
}
