//! Quotes: what was said, by whom, with which cue, in ordinary and in
//! stripped text.
//!
//! - [`marks`](self) pairs quotation marks by kind, never failing on odd
//!   counts; [`frame`](self) finds attribution frames (a speech or writing cue
//!   from `data/cues.tsv`, or "according to", with its speaker's noun phrase;
//!   in ordinary text also a verb of judging speech such as "criticized");
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
//! use newsmine::{quotes, Doc};
//!
//! let text = "\"We will act,\" Jane Doe said on Tuesday.";
//! let doc = Doc::new(text);
//! let q = quotes::extract(&doc, &[]);
//! assert_eq!(&text[q[0].start..q[0].end], "\"We will act,\"");
//! assert_eq!(q[0].speaker.as_deref(), Some("Jane Doe"));
//! ```

#[cfg(feature = "training")]
pub mod eval;

training_mods! {
    mod boundary;
}

mod frame;
mod lex;
mod marks;
mod ordinary;
mod speaker;
mod stripped;

use std::ops::Range;

use crate::entities::{Entity, EntityLabel};
use crate::text::{Doc, Form};

/// One quote: its content is `text[start..end]` in bytes.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    /// The speaker's full name as the article establishes it, or a
    /// descriptive source ("a u s military official").
    pub speaker: Option<String>,
    /// The label of the entity the speaker resolved to, when `speaker` is
    /// the `canonical` of an entity of the article; `None` for a descriptive
    /// source ("a u s military official") or an unresolved pronoun.
    pub speaker_label: Option<EntityLabel>,
    /// `speaker` when it is the `canonical` of an entity of the article (so
    /// quotes join entities on it), else `None`.
    pub speaker_canonical: Option<String>,
    /// The speaker's entity's `display` name when `speaker_canonical` is
    /// set ("Kenneth McKenzie" in stripped text), else `None`.
    pub speaker_display: Option<String>,
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

impl Found {
    /// Reported (indirect) speech over the byte range `b`, attributed by `f`.
    fn reported(b: Range<usize>, f: &frame::Frame) -> Self {
        Found {
            start: b.start,
            end: b.end,
            speaker: f.speaker.clone(),
            cue: Some(f.cue.clone()),
            direct: false,
            inherit: false,
        }
    }
}

/// The quotes of `doc`, in text order; speakers are resolved through
/// `entities` (which may be empty: speakers then come from the attribution
/// phrases alone).
pub fn extract(doc: &Doc, entities: &[Entity]) -> Vec<Quote> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let (found, silent);
    let view;
    match doc.form {
        Form::Ordinary => {
            view = frame::View::new(doc, None, entities);
            found = ordinary::extract(&view, doc);
            silent = Vec::new();
        }
        Form::Stripped => {
            let mut b = boundary::predict(doc);
            view = frame::View::new(doc, Some(&mut b), entities);
            (found, silent) = stripped::extract(&view, &b.sure_ends, &b.margins);
        }
    }
    speaker::resolve(&view, entities, found, &silent)
}

/// A developer's view of how a document was read: in stripped text the
/// words with the predicted boundaries (`|` a sentence end, `,` a clause
/// mark), and in both forms each frame as `<speaker>{cue}`. For the
/// evaluation command's `explain`; the format is not stable.
#[doc(hidden)]
pub fn explain(doc: &Doc, entities: &[Entity]) -> String {
    use std::fmt::Write;
    if doc.tokens.is_empty() {
        return String::new();
    }
    let mut b = (doc.form == Form::Stripped).then(|| boundary::predict(doc));
    let view = frame::View::new(doc, b.as_mut(), entities);
    let frames = frame::frames(&view, &|_| false);
    let mut out = String::new();
    for i in 0..view.len() {
        for f in &frames {
            if f.speaker.as_ref().is_some_and(|s| s.start == i) {
                out.push('<');
            }
            if f.cue.start == i {
                out.push('{');
            }
        }
        out.push_str(view.raw(i));
        for f in &frames {
            if f.cue.end == i + 1 {
                let _ = write!(out, "}}{}", if f.inverted { "^" } else { "" });
            }
            if f.speaker.as_ref().is_some_and(|s| s.end == i + 1) {
                out.push('>');
            }
        }
        match &b {
            Some(b) if b.ends[i] => out.push_str(" |\n"),
            Some(_) if view.comma_after[i] => out.push_str(" , "),
            _ => out.push(' '),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Scale {
        pattern: Vec<Pattern>,
    }

    #[derive(serde::Deserialize)]
    struct Pattern {
        name: String,
        text: String,
    }

    /// Work units and returned content bytes for `text` repeated to `size`.
    fn work(text: &str, size: usize) -> (u64, usize) {
        let t = text.repeat(size / text.len());
        let doc = Doc::new(&t);
        let entities = crate::entities::extract(&doc);
        frame::take_work();
        let q = extract(&doc, &entities);
        (frame::take_work(), q.iter().map(|q| q.end - q.start).sum())
    }

    #[test]
    fn work_grows_linearly_with_the_input() {
        let f: Scale = toml::from_str(include_str!("../../tests/fixtures/quotes_scale.toml"))
            .expect("quotes_scale.toml parses");
        let mut bad = Vec::new();
        for p in &f.pattern {
            let (r1, o1) = work(&p.text, 20_000);
            let (r4, o4) = work(&p.text, 80_000);
            assert!(r1 > 0, "{}: no work counted", p.name);
            if r4 > 5 * r1 || o4 > 5 * o1.max(1) {
                bad.push(format!(
                    "{}: work {r1} -> {r4}, content bytes {o1} -> {o4}",
                    p.name
                ));
            }
        }
        assert!(
            bad.is_empty(),
            "work grows faster than the input:\n{}",
            bad.join("\n")
        );
    }
}
