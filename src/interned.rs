//! `Figure::unit` is a `&'static str` (the extractor's codes are literals and
//! compiled-in tables), which serde cannot borrow from a deserializer's input:
//! a deserialized code is interned instead, each distinct one leaked once.

use std::collections::BTreeSet;
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Deserializer};

/// The codes deserialized so far.
static CODES: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());

/// `deserialize_with` of `Figure::unit`.
pub(crate) fn unit<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'static str>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.map(intern))
}

fn intern(code: String) -> &'static str {
    let mut codes = CODES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(&known) = codes.get(code.as_str()) {
        return known;
    }
    let code: &'static str = Box::leak(code.into_boxed_str());
    codes.insert(code);
    code
}
