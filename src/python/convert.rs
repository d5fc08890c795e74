//! Byte offsets to Python `str` offsets.
//!
//! Everything here is plain Rust run inside the pool, without the GIL: one
//! pass over each document converts all of its offsets at once.

use crate::entities::calendar::{place, Day, DayRange};
use crate::entities::Entity as CoreEntity;
use std::ops::Range;

use super::results::{Article, Entity, Figure, Quote};

/// Maps the byte offsets of one text to code-point offsets.
pub struct CharOffsets {
    bytes: Vec<usize>,
    chars: Vec<usize>,
}

impl CharOffsets {
    /// Prepares the conversion of every offset in `wanted` (any order).
    fn new(text: &str, mut wanted: Vec<usize>) -> Self {
        wanted.sort_unstable();
        wanted.dedup();
        let mut chars = Vec::with_capacity(wanted.len());
        if text.is_ascii() {
            chars.extend_from_slice(&wanted);
        } else {
            let (mut pos, mut count) = (0, 0);
            for &b in &wanted {
                count += text[pos..b].chars().count();
                pos = b;
                chars.push(count);
            }
        }
        CharOffsets {
            bytes: wanted,
            chars,
        }
    }

    /// Prepares the conversion of every offset of article `a` found in `text`.
    pub fn of_article(text: &str, a: &crate::Article) -> Self {
        let mut wanted = Vec::new();
        for e in &a.entities {
            wanted.extend([e.start, e.end]);
        }
        for f in &a.figures {
            wanted.extend([f.start, f.end]);
        }
        for q in &a.quotes {
            wanted.extend([q.start, q.end]);
            for r in [&q.speaker_span, &q.cue_span].into_iter().flatten() {
                wanted.extend([r.start, r.end]);
            }
        }
        CharOffsets::new(text, wanted)
    }

    pub fn get(&self, byte: usize) -> usize {
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.chars[i],
            Err(_) => unreachable!("offset {byte} was not registered"),
        }
    }

    pub fn span(&self, r: &Range<usize>) -> (usize, usize) {
        (self.get(r.start), self.get(r.end))
    }
}

/// The calendar days of each of `entities` (found in `text`) for an article
/// `published` that day; all `None` when the day is not known.
pub fn placed(
    text: &str,
    entities: &[CoreEntity],
    published: Option<Day>,
) -> Vec<Option<DayRange>> {
    match published {
        Some(day) => place(text, entities, day),
        None => vec![None; entities.len()],
    }
}

/// Converts a core article found in `text` to the Python result classes;
/// with the day it was `published`, DATE entities are placed on the
/// calendar.
pub fn article(text: &str, a: crate::Article, published: Option<Day>) -> Article {
    let placed = placed(text, &a.entities, published);
    let o = CharOffsets::of_article(text, &a);
    let entities = a
        .entities
        .into_iter()
        .zip(placed)
        .map(|(e, days)| Entity {
            start: o.get(e.start),
            end: o.get(e.end),
            text: text[e.start..e.end].to_string(),
            label: e.label.as_str().to_string(),
            canonical: e.canonical,
            display: e.display,
            date_start: days.map(|d| d.0.to_string()),
            date_end: days.map(|d| d.1.to_string()),
        })
        .collect();
    let figures = a
        .figures
        .into_iter()
        .map(|f| Figure {
            start: o.get(f.start),
            end: o.get(f.end),
            text: text[f.start..f.end].to_string(),
            value: f.value,
            value_to: f.value_to,
            kind: f.kind.as_str().to_string(),
            unit: f.unit.map(str::to_string),
            qualifier: f.qualifier.map(|q| q.as_str().to_string()),
            counted: f.counted.map(|r| text[r].to_string()),
        })
        .collect();
    let quotes = a
        .quotes
        .into_iter()
        .map(|q| {
            let speaker = q.speaker_span.as_ref().map(|r| o.span(r));
            let cue = q.cue_span.as_ref().map(|r| o.span(r));
            Quote {
                start: o.get(q.start),
                end: o.get(q.end),
                text: text[q.start..q.end].to_string(),
                speaker: q.speaker,
                speaker_label: q.speaker_label.map(|l| l.as_str().to_string()),
                speaker_canonical: q.speaker_canonical,
                speaker_display: q.speaker_display,
                speaker_start: speaker.map(|s| s.0),
                speaker_end: speaker.map(|s| s.1),
                cue: q.cue_span.map(|r| text[r].to_string()),
                cue_start: cue.map(|s| s.0),
                cue_end: cue.map(|s| s.1),
                direct: q.direct,
            }
        })
        .collect();
    Article {
        text: text.to_string(),
        form: a.form.as_str().to_string(),
        entities,
        figures,
        quotes,
    }
}
