//! Which form an article arrives in.
//!
//! *Stripped* text is what many news archives hold: lowercased, every
//! punctuation mark removed (`U.S.` -> `u s`, `1,510` -> `1 510`), no sentence
//! ends and no quotation marks. Everything else is *ordinary*. The decision
//! counts uppercase letters and punctuation characters: stripped text has
//! (almost) neither. A few stray marks (an `&`, one capital in a URL) do not
//! turn a stripped article ordinary.

use super::{Token, TokenKind};

/// The form of a text.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Form {
    /// Cased and punctuated.
    #[default]
    Ordinary,
    /// Lowercased, punctuation removed.
    Stripped,
}

impl Form {
    /// `"ordinary"` or `"stripped"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Ordinary => "ordinary",
            Form::Stripped => "stripped",
        }
    }
}

/// Decides the form of `text` from its tokens.
pub fn detect_form(text: &str, tokens: &[Token]) -> Form {
    let words = tokens.iter().filter(|t| t.kind != TokenKind::Punct).count();
    if words == 0 {
        return Form::Ordinary;
    }
    let punct = tokens.len() - words;
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    // Ordinary news has about one punctuation mark per eight words and a
    // capital every few words; stripped text has none of either.
    if punct * 50 <= words && upper * 50 <= words {
        Form::Stripped
    } else {
        Form::Ordinary
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn form(s: &str) -> Form {
        detect_form(s, &tokenize(s))
    }

    #[test]
    fn forms() {
        assert_eq!(
            form("The U.S. said on Thursday it would act."),
            Form::Ordinary
        );
        assert_eq!(
            form("the u s said on thursday it would act"),
            Form::Stripped
        );
        assert_eq!(form("NO PUNCTUATION BUT SHOUTING HERE"), Form::Ordinary);
        assert_eq!(form(""), Form::Ordinary);
        assert_eq!(form("   \n "), Form::Ordinary);
    }
}
