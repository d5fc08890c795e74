//! Canonical names per article: mentions of one thing share a `canonical`.
//!
//! Rules, applied per article:
//! - a person's name without its title ("gen kenneth mckenzie" -> "kenneth
//!   mckenzie"); a shorter mention whose words end the longest full name, or
//!   share its first and last words ("mckenzie", "mark esper" for "mark t
//!   esper"), takes that name;
//! - an acronym takes the long form it abbreviates when the article has one
//!   ("sasc" <-> "senate armed services committee");
//! - an organisation's short name takes its longer form when only a company
//!   suffix differs ("dyncorp" -> "dyncorp international");
//! - a small alias table joins names of one country or body ("u s",
//!   "U.S.", "america", "united states");
//! - otherwise mentions with the same words (any case, any punctuation) share
//!   the first one's name. Ordinary text keeps the article's casing.

use std::collections::HashMap;

use super::gazetteer::normalized_words;
use super::tagger::Tagged;
use super::{Entity, EntityLabel};
use crate::text::{lexicon, Doc, Form, TokenKind};

/// Alias groups: normalized names and the canonical name they share.
const ALIASES: &[(&str, &[&str])] = &[
    (
        "United States",
        &[
            "u s",
            "us",
            "usa",
            "u s a",
            "united states",
            "united states of america",
            "america",
        ],
    ),
    (
        "United Kingdom",
        &["uk", "u k", "united kingdom", "britain", "great britain"],
    ),
    ("United Nations", &["un", "u n", "united nations"]),
    ("European Union", &["eu", "e u", "european union"]),
    ("Soviet Union", &["soviet union", "ussr", "u s s r"]),
    (
        "United Arab Emirates",
        &["uae", "u a e", "united arab emirates"],
    ),
];

const ORG_SUFFIXES: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "plc",
    "llc",
    "group",
    "holdings",
    "international",
    "intl",
    "ag",
    "sa",
    "nv",
    "limited",
];

/// An organisation's name less its company suffixes ("acme" for "acme
/// holdings inc"); the name itself when it has none.
pub(super) fn org_stem(words: &[String]) -> &[String] {
    let mut n = words.len();
    while n > 1 && ORG_SUFFIXES.contains(&words[n - 1].as_str()) {
        n -= 1;
    }
    &words[..n]
}

const ACRONYM_SKIP: &[&str] = &["of", "the", "and", "for", "on", "in", "de", "at", "to"];

/// Particles of personal and place names written lowercase inside a name
/// ("bashar al assad", "ursula von der leyen").
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "da", "das", "dos", "du", "del", "la", "le", "al", "el", "bin",
    "ibn", "bint", "y",
];

/// A word written lowercase inside a name: a linking word an acronym skips
/// or a name particle.
pub(super) fn is_name_link(w: &str) -> bool {
    ACRONYM_SKIP.contains(&w) || NAME_PARTICLES.contains(&w)
}

struct Mention {
    label: EntityLabel,
    /// Normalized words of the name (title removed for people).
    words: Vec<String>,
    /// The name as the article writes it (title removed for people).
    display: String,
}

fn alias_of(key: &str) -> Option<&'static str> {
    ALIASES
        .iter()
        .find(|(_, names)| names.contains(&key))
        .map(|(c, _)| *c)
}

/// The mention's words and display text, a person's leading titles removed.
fn mention(doc: &Doc, start: usize, end: usize, label: EntityLabel) -> Mention {
    let mut from = start;
    if label == EntityLabel::Per {
        // Skip leading title tokens (and their periods) while a name remains.
        let first_tok = doc.tokens.partition_point(|t| t.start < start);
        let toks: Vec<_> = doc.tokens[first_tok..]
            .iter()
            .take_while(|t| t.end <= end)
            .collect();
        let mut k = 0;
        while k + 1 < toks.len() {
            let w = toks[k].text(doc.text).to_lowercase();
            let w = w.trim_end_matches('.');
            if toks[k].kind == TokenKind::Punct || lexicon::is_person_title(w) {
                k += 1;
            } else {
                break;
            }
        }
        while k < toks.len() && toks[k].kind == TokenKind::Punct {
            k += 1;
        }
        if k < toks.len() {
            from = toks[k].start;
        }
    }
    let text = &doc.text[from..end];
    let mut words = Vec::new();
    normalized_words(text, |w| words.push(w.to_string()));
    Mention {
        label,
        words,
        display: text.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// Whether a name is written in capitals with a word of five letters or
/// more, longer than most acronyms ("LAGOS", "NAIROBI"; not "NATO" or
/// "UN").
fn shouted(display: &str) -> bool {
    !display.chars().any(char::is_lowercase)
        && display.split_whitespace().any(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 4)
}

/// The first letters of `words`, linking words skipped if `skip`.
pub(super) fn initials(words: &[String], skip: bool) -> String {
    words
        .iter()
        .filter(|w| !(skip && ACRONYM_SKIP.contains(&w.as_str())))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Entities with canonical names for `spans` (sorted by start).
///
/// Work is per distinct name, and every "which other name is this part of"
/// question is a hash lookup, so an article with a million mentions stays
/// linear.
pub fn resolve(doc: &Doc, spans: &[Tagged]) -> Vec<Entity> {
    let ms: Vec<Mention> = spans
        .iter()
        .map(|t| mention(doc, t.span.start, t.span.end, t.label))
        .collect();
    let key = |m: &Mention| m.words.join(" ");
    let keys: Vec<String> = ms.iter().map(key).collect();
    // The first mention of each normalized name, and the first of each
    // (label, name): the distinct names in order of appearance.
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut distinct: Vec<usize> = Vec::new();
    let mut seen: HashMap<(EntityLabel, &str), usize> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        first.entry(k.as_str()).or_insert(i);
        seen.entry((ms[i].label, k.as_str())).or_insert_with(|| {
            distinct.push(i);
            i
        });
    }
    // Indexes over the distinct names.
    let mut people_by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_initials: HashMap<String, usize> = HashMap::new();
    let mut org_by_stem: HashMap<&[String], usize> = HashMap::new();
    let mut by_alias: HashMap<&'static str, usize> = HashMap::new();
    for &j in &distinct {
        let o = &ms[j];
        let Some(last) = o.words.last() else { continue };
        match o.label {
            EntityLabel::Per => people_by_last.entry(last.as_str()).or_default().push(j),
            EntityLabel::Date => {}
            _ => {
                if o.words.len() >= 2 {
                    for skip in [true, false] {
                        by_initials.entry(initials(&o.words, skip)).or_insert(j);
                    }
                }
                if o.label == EntityLabel::Org {
                    // The name less one or more company suffixes ("acme" for "acme inc").
                    let mut n = o.words.len();
                    while n > 1 && ORG_SUFFIXES.contains(&o.words[n - 1].as_str()) {
                        n -= 1;
                        org_by_stem.entry(&o.words[..n]).or_insert(j);
                    }
                }
            }
        }
        if let Some(alias) = alias_of(&keys[j]) {
            by_alias.entry(alias).or_insert(j);
        }
    }
    let head_of = |i: usize| -> usize {
        let m = &ms[i];
        let k = keys[i].as_str();
        if m.label == EntityLabel::Date || m.words.is_empty() {
            return i;
        }
        if m.label == EntityLabel::Per {
            // The longest person name this one is part of.
            let mut best = first[k];
            let last = m.words.last().map(String::as_str).unwrap_or_default();
            for &j in people_by_last.get(last).into_iter().flatten() {
                let o = &ms[j];
                if o.words.len() <= ms[best].words.len() {
                    continue;
                }
                let suffix = o.words.ends_with(&m.words);
                let ends = m.words.len() >= 2 && o.words.first() == m.words.first();
                if suffix || ends {
                    best = first[keys[j].as_str()].min(j);
                }
            }
            return best;
        }
        if let Some(alias) = alias_of(k) {
            // Prefer a mention spelling out the canonical name.
            let canon = alias.to_lowercase();
            return first
                .get(canon.as_str())
                .copied()
                .or_else(|| by_alias.get(alias).copied())
                .unwrap_or(i);
        }
        // Acronym of a longer name in the article.
        if m.words.len() == 1 && (2..=6).contains(&k.len()) {
            if let Some(&j) = by_initials.get(k) {
                return first[keys[j].as_str()];
            }
        }
        // A short organisation name of a longer one with a company suffix.
        if m.label == EntityLabel::Org {
            if let Some(&j) = org_by_stem.get(m.words.as_slice()) {
                return first[keys[j].as_str()];
            }
        }
        first[k]
    };
    // The first mention of each name written in mixed case: the canonical
    // form of a name whose first mention is all capitals ("NAIROBI, March
    // 3 (Reuters) - ... in Nairobi"), unless every word of it is as short
    // as most acronyms ([`shouted`]: "NATO ... Nato" stays "NATO").
    let mut cased: HashMap<&str, usize> = HashMap::new();
    for (i, m) in ms.iter().enumerate() {
        if m.display.chars().any(char::is_lowercase) {
            cased.entry(keys[i].as_str()).or_insert(i);
        }
    }
    let mut heads: HashMap<(EntityLabel, &str), usize> = HashMap::new();
    let head: Vec<usize> = (0..ms.len())
        .map(|i| {
            if ms[i].label == EntityLabel::Date || ms[i].words.is_empty() {
                return i;
            }
            *heads
                .entry((ms[i].label, keys[i].as_str()))
                .or_insert_with(|| head_of(i))
        })
        .collect();
    spans
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (start, end, label) = (t.span.start, t.span.end, t.label);
            let h = &ms[head[i]];
            let h = match cased.get(keys[head[i]].as_str()) {
                Some(&c) if shouted(&h.display) => &ms[c],
                _ => h,
            };
            let alias = (label != EntityLabel::Per && label != EntityLabel::Date)
                .then(|| alias_of(&key(h)))
                .flatten();
            let canonical = match alias {
                // An alias with no spelled-out mention: the table's name.
                Some(a) if key(h) != a.to_lowercase() => match doc.form {
                    Form::Ordinary => a.to_string(),
                    Form::Stripped => a.to_lowercase(),
                },
                _ => h.display.clone(),
            };
            Entity {
                start,
                end,
                label,
                display: super::display::display(&canonical, label, doc.form),
                canonical,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(text: &str, spans: &[(&str, EntityLabel)]) -> Vec<String> {
        let doc = Doc::new(text);
        let mut at = 0;
        let sp: Vec<_> = spans
            .iter()
            .map(|(s, l)| {
                let i = text[at..].find(s).unwrap() + at;
                at = i + s.len();
                Tagged {
                    span: i..i + s.len(),
                    label: *l,
                }
            })
            .collect();
        resolve(&doc, &sp)
            .into_iter()
            .map(|e| e.canonical)
            .collect()
    }

    #[test]
    fn people_and_aliases() {
        use EntityLabel::*;
        assert_eq!(
            canon(
                "gen kenneth mckenzie said mckenzie and the u s",
                &[
                    ("gen kenneth mckenzie", Per),
                    ("mckenzie", Per),
                    ("u s", Loc)
                ]
            ),
            ["kenneth mckenzie", "kenneth mckenzie", "united states"]
        );
    }
}
