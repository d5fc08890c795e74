//! Sentence boundaries for ordinary text, clause boundaries for stripped text.
//!
//! Ordinary text: a sentence ends at `.`, `!`, `?` or `…` (with any closing
//! quotes or brackets after it) when the next token opens a sentence (a
//! capital, a digit, an opening quote or bracket), and always at a line break.
//! A period after a known abbreviation ("Gen.", "Jan.", "Mr.") or an initial
//! ("Mark T. Esper") ends nothing; a word that carries its own dots ("U.S.")
//! ends a sentence only before a word that typically starts one ("The", "He").
//!
//! Stripped text has no marks to go by: clauses are cut before words that open
//! a new clause ("but", "because", "while", ...). This is a rough first cut;
//! the quote extractor refines it with a trained model.

use std::ops::Range;

use super::{lexicon, Token, TokenKind};

/// Words that typically open a sentence; after "U.S." they mark an end.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "There",
    "If",
    "When",
    "While",
    "As",
    "On",
    "At",
    "For",
    "After",
    "Before",
    "Some",
    "Many",
    "Most",
    "What",
    "Why",
    "How",
    "Who",
    "Still",
    "Yet",
    "So",
    "Officials",
    "Mr.",
    "Mrs.",
    "Ms.",
];

/// Words that open a new clause in stripped text.
const CLAUSE_OPENERS: &[&str] = &[
    "but",
    "because",
    "while",
    "although",
    "though",
    "whereas",
    "however",
    "meanwhile",
    "moreover",
    "nevertheless",
    "unless",
];

fn is_closing(c: &str) -> bool {
    matches!(c, "\"" | "”" | "’" | "'" | ")" | "]" | "»" | "›")
}

fn is_opening(c: &str) -> bool {
    matches!(c, "\"" | "“" | "‘" | "'" | "(" | "[" | "«" | "‹")
}

fn opens_sentence(text: &str, tok: &Token) -> bool {
    let s = tok.text(text);
    match tok.kind {
        TokenKind::Punct => is_opening(s),
        TokenKind::Number => true,
        TokenKind::Word => s
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()),
    }
}

fn line_break_between(text: &str, a: &Token, b: &Token) -> bool {
    memchr::memchr(b'\n', &text.as_bytes()[a.end..b.start]).is_some()
}

/// Byte ranges of the sentences of ordinary `text`, covering every token.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut first = 0; // index of the current sentence's first token
    let mut i = 0;
    while i < tokens.len() {
        let tok = &tokens[i];
        let s = tok.text(text);
        let mut last = i; // the sentence's last token if it ends here
        let ends = match tok.kind {
            TokenKind::Punct if matches!(s, "." | "!" | "?" | "…") => {
                // Closing marks hug the period; a straight quote after a
                // space opens the next sentence instead.
                while last + 1 < tokens.len()
                    && is_closing(tokens[last + 1].text(text))
                    && tokens[last].end == tokens[last + 1].start
                {
                    last += 1;
                }
                match tokens.get(last + 1) {
                    None => true,
                    Some(next) => {
                        let after_abbrev =
                            s == "." && i > first && is_abbreviation(text, &tokens[i - 1], tok);
                        !after_abbrev && opens_sentence(text, next)
                    }
                }
            }
            TokenKind::Word if s.ends_with('.') => tokens.get(i + 1).is_some_and(|next| {
                next.kind == TokenKind::Word && SENTENCE_STARTERS.contains(&next.text(text))
            }),
            _ => false,
        };
        let broken = tokens
            .get(last + 1)
            .is_some_and(|next| line_break_between(text, &tokens[last], next));
        if ends || broken || last + 1 == tokens.len() {
            out.push(tokens[first].start..tokens[last].end);
            first = last + 1;
        }
        i = last + 1;
    }
    out
}

/// Whether `word` followed directly by the period `dot` is an abbreviation or an initial.
fn is_abbreviation(text: &str, word: &Token, dot: &Token) -> bool {
    if word.end != dot.start || word.kind != TokenKind::Word {
        return false;
    }
    let w = word.text(text);
    let mut cs = w.chars();
    let single_capital = matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase());
    single_capital || lexicon::is_abbreviation(w)
}

/// Byte ranges of the clauses of stripped `text`, covering every token.
pub fn clauses(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut first = 0;
    for (i, tok) in tokens.iter().enumerate() {
        if i > first && CLAUSE_OPENERS.contains(&tok.text(text)) {
            out.push(tokens[first].start..tokens[i - 1].end);
            first = i;
        }
    }
    if first < tokens.len() {
        out.push(tokens[first].start..tokens[tokens.len() - 1].end);
    }
    out
}
