//! Quotes: what was said, by whom, with which cue.

use std::ops::Range;

use crate::entities::Entity;
use crate::text::Doc;

/// One quote: its content is `text[start..end]` in bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    /// The speaker's full name as the article establishes it, or a
    /// descriptive source ("a u s military official").
    pub speaker: Option<String>,
    /// The mention the attribution itself uses ("he", "pillar").
    pub speaker_span: Option<Range<usize>>,
    /// The cue verb or phrase ("said", "according to").
    pub cue_span: Option<Range<usize>>,
    /// Inside quotation marks in the original.
    pub direct: bool,
}

/// The quotes of `doc`, in text order; speakers are resolved through `entities`.
///
/// The quote extractor has not landed yet (issue: quotes); until it does, no
/// quote is reported.
pub fn extract(_doc: &Doc, _entities: &[Entity]) -> Vec<Quote> {
    Vec::new()
}
