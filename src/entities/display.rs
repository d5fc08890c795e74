//! Display names: a canonical name as a person would print it.
//!
//! Ordinary text keeps the article's own casing (the canonical name is the
//! article's writing). Stripped text is truecased word by word from a table
//! compiled in from spaCy's lexeme probabilities (`data/truecase.tsv`, written
//! by `truecase_table.py`): "kenneth mckenzie" -> "Kenneth McKenzie",
//! "dyncorp international" -> "DynCorp International", "nasa" -> "NASA".
//! Words the table lacks are capitalised; linking words inside a name ("of",
//! "de", "al") stay lowercase; a date capitalises its month and weekday names.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::canonical::is_name_link;
use super::EntityLabel;
use crate::text::dates::is_calendar_name;
use crate::text::Form;

/// How a lowercase word is written inside a name, where the default rule
/// (capitalise the first letter) is wrong.
struct Casing {
    /// In a person's name ("McKenzie"); empty for the default.
    person: &'static str,
    /// In other names ("NASA", "DynCorp"); empty for the default.
    name: &'static str,
    /// A common word that is an acronym when it names an organisation alone
    /// ("who" -> "WHO").
    acronym: bool,
}

static TABLE: LazyLock<HashMap<&'static str, Casing>> = LazyLock::new(|| {
    include_str!("data/truecase.tsv")
        .lines()
        .map(|line| {
            let mut f = line.split('\t');
            let mut next = || f.next().unwrap_or_default();
            let (word, person, name, acronym) = (next(), next(), next(), next());
            let casing = Casing {
                person,
                name,
                acronym: acronym == "A",
            };
            (word, casing)
        })
        .collect()
});

/// `canonical` (an entity's canonical name with `label`, in text of `form`)
/// as a person would print it.
pub fn display(canonical: &str, label: EntityLabel, form: Form) -> String {
    if form == Form::Ordinary {
        return canonical.to_string();
    }
    let words: Vec<&str> = canonical.split_whitespace().collect();
    let mut out = String::with_capacity(canonical.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let cased = word_display(w, label, i == 0, words.len() == 1);
        out.push_str(&cased);
    }
    out
}

fn word_display(w: &str, label: EntityLabel, first: bool, alone: bool) -> String {
    if !w.starts_with(|c: char| c.is_alphabetic()) {
        return w.to_string();
    }
    if label == EntityLabel::Date {
        return if is_calendar_name(w) {
            capitalised(w)
        } else {
            w.to_string()
        };
    }
    if !first && is_name_link(w) {
        return w.to_string();
    }
    let known = TABLE.get(w);
    if label == EntityLabel::Per {
        // Initials and regnal numbers ("j", "iii") are capitals in a name.
        if w.chars().count() == 1 || (!first && is_roman(w)) {
            return w.to_uppercase();
        }
        return match known {
            Some(c) if !c.person.is_empty() => c.person.to_string(),
            _ => capitalised(w),
        };
    }
    match known {
        Some(c) if c.acronym && alone && matches!(label, EntityLabel::Org | EntityLabel::Misc) => {
            w.to_uppercase()
        }
        Some(c) if !c.name.is_empty() => c.name.to_string(),
        _ => capitalised(w),
    }
}

fn is_roman(w: &str) -> bool {
    w.len() <= 4 && w.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'))
}

fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_table_is_a_lowercase_word_with_four_columns() {
        for line in include_str!("data/truecase.tsv").lines() {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 4, "{line}");
            assert_eq!(f[0], f[0].to_lowercase(), "{line}");
            for form in &f[1..3] {
                assert!(form.is_empty() || form.to_lowercase() == f[0], "{line}");
            }
        }
        assert!(TABLE.len() > 10_000);
    }
}
