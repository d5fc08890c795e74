//! One name per thing across a batch: mentions of one real-world thing in
//! different articles share a group.
//!
//! Within an article, an entity's `canonical` already joins a thing's
//! mentions under one name. Across articles, per distinct name:
//! - names with the same words (any case, any punctuation, either form, any
//!   script) share a group; organisations, places and other names (ORG, LOC,
//!   MISC) do so across those labels, since the tagger may label one thing
//!   differently in two articles; people stay apart from the rest;
//! - a first and last name join the one longer name that starts and ends
//!   with them ("mark esper" -> "mark t esper");
//! - a lone surname ("zelensky", from an article that never gave the full
//!   name) joins the one full name of the batch that ends with it. It stays
//!   a group of its own when two different full names end with it ("joe
//!   biden", "hunter biden"), or when some full name of the batch has it as
//!   a first name ("david"), or when the batch names the word more often as
//!   something else ("Labour"). A lone word the tagger labelled ORG or MISC
//!   joins that way too, unless the name lists know it as a place, a
//!   country or a body ("bedford", "ford") or it has more mentions than the
//!   person has under that surname; a lone LOC never does. A "full
//!   name" with a list or a possessive inside ("Raphael's Madonna") takes no
//!   surnames;
//! - an acronym joins the one longer name of the batch it abbreviates
//!   ("sasc" -> "senate armed services committee"), an organisation's short
//!   name the one longer form with a company suffix ("dyncorp" ->
//!   "dyncorp international") unless that form has under a tenth of its
//!   mentions (stripped "bbc co" from web addresses), under the same
//!   conditions.
//!
//! DATE mentions get no group. Groups are numbered from 0 in the order of
//! their first mention.

use std::collections::{HashMap, HashSet};

use super::canonical::{initials, org_stem};
use super::gazetteer::GazClass;
use super::tagger::RESOURCES;
use super::EntityLabel;

/// One mention as the grouping reads it.
#[derive(Debug, Clone, Copy)]
pub struct Mention<'a> {
    /// The article it is in (any number that tells articles apart).
    pub doc: u64,
    pub label: EntityLabel,
    pub canonical: &'a str,
    pub display: &'a str,
}

/// A group: one thing and its mentions across the batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The display name of the group's fullest name, as most of its
    /// mentions show it.
    pub display: String,
    /// The label most of its mentions have.
    pub label: EntityLabel,
    pub mentions: usize,
    /// The number of articles that mention it.
    pub documents: usize,
}

/// The group of each mention (`None` for dates) and the groups.
pub fn group(mentions: &[Mention]) -> (Vec<Option<usize>>, Vec<Group>) {
    // Distinct names: people by their words, the rest by their words alone.
    let mut names: Vec<Name> = Vec::new();
    let mut index: HashMap<(bool, String), usize> = HashMap::new();
    let name_of: Vec<Option<usize>> = mentions
        .iter()
        .map(|m| {
            if m.label == EntityLabel::Date {
                return None;
            }
            let words: Vec<String> = m
                .canonical
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            if words.is_empty() {
                return None;
            }
            let person = m.label == EntityLabel::Per;
            let n = names.len();
            let id = *index.entry((person, words.join(" "))).or_insert(n);
            if id == n {
                // A person's full name: two words or more, no list or
                // possessive inside ("Russell, Vyvyan", "Raphael's Madonna").
                let listed = m.canonical.contains([',', ';', '&'])
                    || m.canonical.contains("'s ")
                    || m.canonical.contains("\u{2019}s ");
                names.push(Name {
                    full: person && words.len() >= 2 && !listed,
                    words,
                    person,
                    label: m.label,
                    mentions: 0,
                });
            }
            names[id].mentions += 1;
            Some(id)
        })
        .collect();
    let parent = join_names(&names);
    // Groups in order of first mention.
    let mut number: HashMap<usize, usize> = HashMap::new();
    let group_of: Vec<Option<usize>> = name_of
        .iter()
        .map(|n| {
            let root = parent[(*n)?];
            let next = number.len();
            Some(*number.entry(root).or_insert(next))
        })
        .collect();
    let groups = describe(mentions, &name_of, &group_of, &parent, number.len());
    (group_of, groups)
}

struct Name {
    words: Vec<String>,
    person: bool,
    label: EntityLabel,
    /// Mentions of the name (as this label class) in the batch.
    mentions: usize,
    /// A person's full name, which a lone surname may join.
    full: bool,
}

/// For each distinct name, the name whose group it joins (itself if none).
fn join_names(names: &[Name]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..names.len()).collect();
    let long = |n: &Name, min: usize| n.words.len() >= min;
    // A person's first and last words -> the one longer name with them.
    let first_last = |n: &Name| format!("{} {}", n.words[0], n.words[n.words.len() - 1]);
    let by_ends = unique(
        names,
        |n| n.person && long(n, 3),
        |n| vec![first_last(n)],
        &parent,
    );
    for (id, n) in names.iter().enumerate() {
        if n.person && n.words.len() == 2 {
            parent[id] = by_ends.get(&first_last(n)).copied().flatten().unwrap_or(id);
        }
    }
    // A lone surname -> the one full name (after the step above) ending with it.
    let surname = |n: &Name| vec![n.words[n.words.len() - 1].clone()];
    let by_surname = unique(names, |n| n.full, surname, &parent);
    // Words that some full name of the batch has before its surname: a lone
    // "david" or "gordon" may be anyone's first name.
    let given: HashSet<&str> = names
        .iter()
        .filter(|n| n.full)
        .flat_map(|n| n.words[..n.words.len() - 1].iter().map(String::as_str))
        .collect();
    // An acronym -> the one longer name it stands for; a company's short
    // name -> the one longer form with a company suffix.
    let acronyms = |n: &Name| vec![initials(&n.words, true), initials(&n.words, false)];
    let by_acronym = unique(names, |n| !n.person && long(n, 2), acronyms, &parent);
    let suffixed =
        |n: &Name| n.label == EntityLabel::Org && org_stem(&n.words).len() < n.words.len();
    let stem = |n: &Name| vec![org_stem(&n.words).join(" ")];
    let by_stem = unique(names, suffixed, stem, &parent);
    // Person mentions under each surname (full names and the lone surname),
    // and mentions of each lone word as anything else.
    let mut as_person: HashMap<&str, usize> = HashMap::new();
    let mut as_other: HashMap<&str, usize> = HashMap::new();
    for n in names {
        let last = n.words[n.words.len() - 1].as_str();
        if n.person {
            *as_person.entry(last).or_default() += n.mentions;
        } else if n.words.len() == 1 {
            *as_other.entry(last).or_default() += n.mentions;
        }
    }
    let count = |m: &HashMap<&str, usize>, key: &str| m.get(key).copied().unwrap_or(0);
    for (id, n) in names.iter().enumerate() {
        let key = n.words.join(" ");
        let lone = n.words.len() == 1;
        let org_or_misc = matches!(n.label, EntityLabel::Org | EntityLabel::Misc);
        let found = |m: &HashMap<String, Option<usize>>| m.get(&key).copied().flatten();
        let lone_surname = lone && !given.contains(key.as_str());
        let target = if n.person {
            // A word the batch names more often as something else ("Labour").
            let other = count(&as_other, &key) > count(&as_person, &key);
            (lone_surname && !other)
                .then(|| found(&by_surname))
                .flatten()
        } else {
            let acronym = lone && (2..=6).contains(&key.len()) && org_or_misc;
            // A long form named a tenth as often as the short one is no
            // company's full name but noise ("bbc co" in stripped web
            // addresses for "bbc").
            let stem = (n.label == EntityLabel::Org)
                .then(|| found(&by_stem))
                .flatten();
            let stem = stem.filter(|&t| names[t].mentions * 10 >= n.mentions);
            let short = acronym.then(|| found(&by_acronym)).flatten().or(stem);
            // A surname the tagger took for an organisation or other name
            // ("zelensky" ORG) joins the one person, unless a list knows the
            // word as a place, a country or a body, or the batch names the
            // person less often than the word ("Labour" and one "Old Labour"
            // PER).
            let surname = lone_surname
                && org_or_misc
                && n.mentions <= count(&as_person, &key)
                && !listed_as_other(&key);
            short.or_else(|| surname.then(|| found(&by_surname)).flatten())
        };
        if let Some(t) = target {
            parent[id] = t;
        }
    }
    // Names may join a name that joined another: follow each to its end
    // (every step goes to a longer name, so there are no cycles).
    (0..names.len())
        .map(|mut id| {
            while parent[id] != id {
                id = parent[id];
            }
            id
        })
        .collect()
}

/// A word the compiled-in name lists know as a place, a country, an
/// organisation, a company, an agency or a university.
fn listed_as_other(word: &str) -> bool {
    let bodies = [
        GazClass::Loc,
        GazClass::Place,
        GazClass::Country,
        GazClass::Org,
        GazClass::Corp,
        GazClass::Agency,
        GazClass::University,
    ];
    let classes = RESOURCES.lexicon().classes(word);
    bodies.iter().any(|&c| classes & (1 << c as u16) != 0)
}

/// The group (`parent`) of the names `of` admits, by each of their `keys`;
/// `None` for a key that two groups share.
fn unique(
    names: &[Name],
    of: impl Fn(&Name) -> bool,
    keys: impl Fn(&Name) -> Vec<String>,
    parent: &[usize],
) -> HashMap<String, Option<usize>> {
    let mut out: HashMap<String, Option<usize>> = HashMap::new();
    for (id, n) in names.iter().enumerate().filter(|(_, n)| of(n)) {
        let g = parent[id];
        for key in keys(n) {
            out.entry(key)
                .and_modify(|v| {
                    if *v != Some(g) {
                        *v = None;
                    }
                })
                .or_insert(Some(g));
        }
    }
    out
}

/// Each group's display, label and counts. A group's display is its root
/// name's most frequent display; its label the most frequent label.
fn describe(
    mentions: &[Mention],
    name_of: &[Option<usize>],
    group_of: &[Option<usize>],
    parent: &[usize],
    n: usize,
) -> Vec<Group> {
    let mut displays: Vec<HashMap<&str, (usize, usize)>> = vec![HashMap::new(); n];
    let mut labels: Vec<[usize; 5]> = vec![[0; 5]; n];
    let mut docs: Vec<Vec<u64>> = vec![Vec::new(); n];
    for (i, m) in mentions.iter().enumerate() {
        let (Some(g), Some(name)) = (group_of[i], name_of[i]) else {
            continue;
        };
        if parent[name] == name {
            let seen = displays[g].len();
            displays[g].entry(m.display).or_insert((0, seen)).0 += 1;
        }
        labels[g][m.label as usize] += 1;
        docs[g].push(m.doc);
    }
    (0..n)
        .map(|g| {
            // Most mentions first, then the first seen.
            let display = displays[g]
                .iter()
                .max_by_key(|(_, &(count, seen))| (count, std::cmp::Reverse(seen)))
                .map_or_else(String::new, |(d, _)| d.to_string());
            let counts = labels[g];
            let best = (0..5)
                .max_by_key(|&l| (counts[l], std::cmp::Reverse(l)))
                .unwrap_or(0);
            docs[g].sort_unstable();
            docs[g].dedup();
            Group {
                display,
                label: EntityLabel::ALL[best],
                mentions: counts.iter().sum(),
                documents: docs[g].len(),
            }
        })
        .collect()
}
