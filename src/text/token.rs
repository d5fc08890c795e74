//! Tokens with byte offsets over any Unicode text.
//!
//! A token is either a *word* (a run of alphanumeric characters, which may hold
//! inner `.`, `,`, `-`, `'` or `’` between alphanumerics, so "U.S.", "1,510",
//! "3.5", "Iran-backed" and "don't" stay whole) or a single *punctuation*
//! character. A trailing period stays on the word when the word already holds
//! an inner period ("U.S.") so abbreviations keep their dot. Whitespace and
//! control characters separate tokens and never belong to one.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with digits and inner joiners).
    Word,
    /// Starts with a digit ("14", "1,510", "3.5", "737s").
    Number,
    /// One character that is neither alphanumeric nor whitespace.
    Punct,
}

/// A token: `text[start..end]` in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    /// The token's text within `text` (the text it was made from).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '.' | ',' | '-' | '\'' | '’' | '‐' | '‑')
}

/// Splits `text` into tokens; see the module docs for the rules.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() || c.is_control() {
            continue;
        }
        if matches!(c, '\'' | '’') && is_possessive(&text[i + c.len_utf8()..]) {
            chars.next(); // the "s"
            tokens.push(Token {
                start: i,
                end: i + c.len_utf8() + 1,
                kind: TokenKind::Word,
            });
            continue;
        }
        if !c.is_alphanumeric() {
            tokens.push(Token {
                start: i,
                end: i + c.len_utf8(),
                kind: TokenKind::Punct,
            });
            continue;
        }
        let kind = if c.is_numeric() {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        let mut end = i + c.len_utf8();
        let mut inner_dot = false;
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                chars.next();
                continue;
            }
            if !is_joiner(d) {
                break;
            }
            // A joiner stays inside only when an alphanumeric follows it
            // ("1,510", "U.S", "Iran-backed"); ", 2" and "U.S. " end here.
            let rest = &text[j + d.len_utf8()..];
            if matches!(d, '\'' | '’') && is_possessive(rest) {
                break; // "Soleimani's" -> "Soleimani" + "'s"
            }
            let after = rest.chars().next();
            match after {
                Some(a) if a.is_alphanumeric() && joins(kind, d, a) => {
                    inner_dot |= d == '.';
                    chars.next();
                    end = j + d.len_utf8();
                }
                _ => {
                    // "U.S." keeps its final dot: an abbreviation with inner dots.
                    if d == '.' && inner_dot && kind == TokenKind::Word {
                        chars.next();
                        end = j + 1;
                    }
                    break;
                }
            }
        }
        tokens.push(Token {
            start: i,
            end,
            kind,
        });
    }
    tokens
}

/// Whether `rest` (what follows an apostrophe) is a possessive "s".
fn is_possessive(rest: &str) -> bool {
    let mut cs = rest.chars();
    matches!(cs.next(), Some('s' | 'S')) && !cs.next().is_some_and(char::is_alphanumeric)
}

/// Whether joiner `d` between a token of `kind` and the character `next`
/// keeps them in one token. Commas and dots join only digits ("1,510", "3.5")
/// or single letters of an abbreviation ("U.S").
fn joins(kind: TokenKind, d: char, next: char) -> bool {
    match d {
        ',' => kind == TokenKind::Number && next.is_numeric(),
        '.' => match kind {
            TokenKind::Number => next.is_numeric(),
            _ => next.is_alphabetic(),
        },
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            texts("The U.S. said 1,510 kg, or 3.5%, in Iran-backed Iraq."),
            [
                "The",
                "U.S.",
                "said",
                "1,510",
                "kg",
                ",",
                "or",
                "3.5",
                "%",
                ",",
                "in",
                "Iran-backed",
                "Iraq",
                "."
            ]
        );
    }

    #[test]
    fn quotes_and_apostrophes() {
        assert_eq!(
            texts("\"We won't,\" he said. Soleimani's stay"),
            [
                "\"",
                "We",
                "won't",
                ",",
                "\"",
                "he",
                "said",
                ".",
                "Soleimani",
                "'s",
                "stay"
            ]
        );
    }

    #[test]
    fn unicode_and_controls() {
        let s = "Zürich\u{0}é 東京 🙂 مرحبا";
        assert_eq!(texts(s), ["Zürich", "é", "東京", "🙂", "مرحبا"]);
    }
}
