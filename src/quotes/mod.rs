//! Quotes: what was said, by whom, with which cue, in ordinary and in
//! stripped text.
//!
//! - [`marks`](self) pairs quotation marks by kind, never failing on odd
//!   counts; [`frame`](self) finds attribution frames (a speech or writing cue
//!   from `data/cues.tsv`, or "according to", with its speaker's noun phrase);
//! - ordinary text attaches frames to quotations and reads reported speech
//!   from the frames left over; stripped text reads content from the
//!   predicted sentence boundaries around each frame;
//! - [`speaker`](self) resolves each mention to a name through the entities.
//!
//! Spans follow the annotation guidelines the issue points to: a direct quote
//! includes its quotation marks, reported speech starts at "that" when there
//! is one and leaves out the final period.
//!
//! ```
//! use _newsmine::{quotes, Doc};
//!
//! let text = "\"We will act,\" Jane Doe said on Tuesday.";
//! let doc = Doc::new(text);
//! let q = quotes::extract(&doc, &[]);
//! assert_eq!(&text[q[0].start..q[0].end], "\"We will act,\"");
//! assert_eq!(q[0].speaker.as_deref(), Some("Jane Doe"));
//! ```

pub mod boundary;
pub mod eval;
mod frame;
mod lex;
mod marks;
mod ordinary;
mod speaker;
mod stripped;

use std::ops::Range;

use crate::entities::Entity;
use crate::text::{Doc, Form};

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

/// A quote before its speaker is resolved (token ranges).
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub speaker: Option<Range<usize>>,
    pub cue: Option<Range<usize>>,
    pub direct: bool,
    /// No frame of its own: the speaker is the previous quote's.
    pub inherit: bool,
}

/// The quotes of `doc`, in text order; speakers are resolved through
/// `entities` (which may be empty: speakers then come from the attribution
/// phrases alone).
pub fn extract(doc: &Doc, entities: &[Entity]) -> Vec<Quote> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let found;
    let view;
    match doc.form {
        Form::Ordinary => {
            view = frame::View::new(doc, None, None, entities);
            found = ordinary::extract(&view, doc);
        }
        Form::Stripped => {
            let b = boundary::predict(doc);
            view = frame::View::new(doc, Some(&b.ends), Some(b.commas), entities);
            found = stripped::extract(&view);
        }
    }
    speaker::resolve(&view, entities, found)
}
