//! Canonical names per article.
use super::{Entity, EntityLabel};
use crate::text::Doc;

/// Entities with canonical names for `spans` (in text order).
pub fn resolve(doc: &Doc, spans: &[(usize, usize, EntityLabel)]) -> Vec<Entity> {
    spans
        .iter()
        .map(|&(start, end, label)| Entity {
            start,
            end,
            label,
            canonical: doc.text[start..end].to_string(),
        })
        .collect()
}
