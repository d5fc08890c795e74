//! The text layer: tokens with byte offsets, the text's form, and sentence
//! (ordinary text) or clause (stripped text) boundaries. Everything above it
//! works on a [`Doc`].

pub(crate) mod dates;
mod form;
pub(crate) mod lexicon;
mod sentence;
mod token;

use std::ops::Range;
use std::sync::OnceLock;

pub use form::{detect_form, Form};
pub use sentence::{clauses, sentences};
pub use token::{tokenize, Token, TokenKind};

/// The stripped form of `text`, as many news archives hold it: lowercased,
/// every character outside `[0-9a-z]` turned into a space, whitespace
/// collapsed (`"The U.S. paid $1,510."` -> `"the u s paid 1 510"`).
pub fn strip(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A text prepared once for all extractors.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub form: Form,
    /// Byte ranges of sentences (ordinary) or clauses (stripped).
    pub sentences: Vec<Range<usize>>,
    /// The date layer, computed on first use (see [`Doc::dates`]).
    dates: OnceLock<Vec<Range<usize>>>,
}

impl<'a> Doc<'a> {
    /// Tokenizes `text`, detects its form and finds its sentences or clauses.
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let form = detect_form(text, &tokens);
        let sentences = match form {
            Form::Ordinary => sentences(text, &tokens),
            Form::Stripped => clauses(text, &tokens),
        };
        Doc::from_parts(text, tokens, form, sentences)
    }

    /// A document of already tokenized `text`.
    pub fn from_parts(
        text: &'a str,
        tokens: Vec<Token>,
        form: Form,
        sentences: Vec<Range<usize>>,
    ) -> Self {
        Doc {
            text,
            tokens,
            form,
            sentences,
            dates: OnceLock::new(),
        }
    }

    /// Byte ranges of the dates in the text, in text order (the rules are in
    /// `src/text/dates.rs`). Entities report them as DATE and figures skip
    /// them, so both read this one layer.
    pub fn dates(&self) -> &[Range<usize>] {
        self.dates.get_or_init(|| dates::find_dates(self))
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn strip_makes_the_archive_form() {
        assert_eq!(
            super::strip("The U.S. paid $1,510.  Ünïcode—ok?"),
            "the u s paid 1 510 n code ok"
        );
        assert_eq!(super::strip(" ...  "), "");
    }
}
