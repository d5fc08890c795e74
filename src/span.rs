//! Spans are byte ranges into the article's text, `Range<usize>` in Rust:
//! an item's own span is also kept as its `start` and `end` fields (as the
//! Python objects have them), its parts' spans are ranges
//! ([`Figure::counted`], [`Quote::speaker_span`], [`Quote::cue_span`]).

use std::ops::Range;

use crate::{Entity, Figure, Quote};

impl Entity {
    /// `start..end`: the mention is `&text[entity.span()]`.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl Figure {
    /// `start..end`: the figure is `&text[figure.span()]`.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl Quote {
    /// `start..end`: the quote is `&text[quote.span()]`.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}
