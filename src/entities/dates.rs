//! DATE entities by rules.
use super::EntityLabel;
use crate::text::Doc;

/// Date spans of `doc`.
pub fn find_dates(_doc: &Doc) -> Vec<(usize, usize, EntityLabel)> {
    Vec::new()
}
