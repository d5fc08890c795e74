//! Entities: people, organisations, places, other names and dates, each with
//! the canonical name of what it refers to in the article.

pub mod calendar;
#[cfg(feature = "training")]
pub mod conll;
#[cfg(feature = "training")]
pub mod eval;
pub mod groups;
#[cfg(feature = "training")]
pub mod training;

training_mods! {
    mod canonical;
    mod clusters;
    mod display;
    mod features;
    mod gazetteer;
    mod scorer;
    mod tagger;
}

#[cfg(feature = "training")]
pub use eval::{evaluate_conll, evaluate_conll_file, Counts, Report};
pub use tagger::NerModel;

use crate::text::Doc;

/// The type of an entity (CoNLL-2003 conventions, plus dates).
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "UPPERCASE"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityLabel {
    Per,
    Org,
    Loc,
    Misc,
    Date,
}

impl EntityLabel {
    /// Every label, in the order of their discriminants (`label as usize`).
    pub const ALL: [EntityLabel; 5] = [
        EntityLabel::Per,
        EntityLabel::Org,
        EntityLabel::Loc,
        EntityLabel::Misc,
        EntityLabel::Date,
    ];

    /// `"PER"`, `"ORG"`, `"LOC"`, `"MISC"` or `"DATE"`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Misc => "MISC",
            EntityLabel::Date => "DATE",
        }
    }
}

/// One entity mention: `text[start..end]` in bytes.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub label: EntityLabel,
    /// The name the article gives the thing this mention refers to
    /// ("mckenzie" -> "kenneth mckenzie").
    pub canonical: String,
    /// The canonical name as a person would print it: the article's casing
    /// in ordinary text, truecased in stripped text ("Kenneth McKenzie").
    pub display: String,
}

/// The entities of `doc`, in text order: names from the tagger, dates from
/// rules (a date overlapping a name is dropped), each with its canonical name.
pub fn extract(doc: &Doc) -> Vec<Entity> {
    extract_with(doc, tagger::model())
}

/// [`extract`] with another tagger `model` (one trained on the user's data;
/// it reads the compiled-in name lists and word classes).
pub fn extract_with(doc: &Doc, model: &tagger::NerModel) -> Vec<Entity> {
    let mut spans = tagger::tag_with(doc, model, &tagger::RESOURCES);
    // Names come in text order without overlaps: a date overlaps one only if
    // the first name ending after the date's start begins before its end.
    let names = spans.len();
    for d in doc.dates() {
        let i = spans[..names].partition_point(|s| s.span.end <= d.start);
        if spans[..names].get(i).is_none_or(|s| s.span.start >= d.end) {
            spans.push(tagger::Tagged {
                span: d.clone(),
                label: EntityLabel::Date,
            });
        }
    }
    spans.sort_by_key(|s| (s.span.start, s.span.end));
    canonical::resolve(doc, &spans)
}
