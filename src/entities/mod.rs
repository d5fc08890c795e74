//! Entities: people, organisations, places, other names and dates, each with
//! the canonical name of what it refers to in the article.

use crate::text::Doc;

/// The type of an entity (CoNLL-2003 conventions, plus dates).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityLabel {
    Per,
    Org,
    Loc,
    Misc,
    Date,
}

impl EntityLabel {
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
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub label: EntityLabel,
    /// The name the article gives the thing this mention refers to
    /// ("mckenzie" -> "kenneth mckenzie").
    pub canonical: String,
}

/// The entities of `doc`, in text order.
///
/// The tagger has not landed yet (issue: entities); until it does, no entity
/// is reported.
pub fn extract(_doc: &Doc) -> Vec<Entity> {
    Vec::new()
}
