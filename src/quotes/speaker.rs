//! Speaker resolution: from the mention an attribution uses ("he", "pillar",
//! "the official") to the name the article establishes.
//!
//! In text order, each attributed quote's mention is resolved and remembered:
//! - a mention covered by a person or organisation entity takes the entity's
//!   `canonical` name ("kagan" -> "fred kagan"), unless a role or plural
//!   noun heads the mention and the entity only modifies it ("a senior UN
//!   official", "a spokesman for the ministry": a description);
//! - a pronoun takes the most recent compatible speaker ("he" -> the last
//!   singular one that is a person: a person entity, a role noun such as
//!   "the official", a name; "they" -> the last plural or organisation),
//!   else the most recent person (organisation) entity before it;
//! - "one of them" is one of the group named before, as "they" is;
//! - a definite description takes the earlier speaker with the same head
//!   noun ("the official" -> "one u s official");
//! - a bare surname takes an earlier speaker, or (ordinary text) an earlier
//!   capitalised name, ending in it ("Esper" -> "Mark T. Esper");
//! - anything else names itself, less its determiners and titles.
//!
//! A quote without a frame of its own (a floating quote) takes the last
//! speaker. Stripped text: the speakers of frames that found no content of
//! their own are resolved and remembered in turn too, for the pronouns
//! after them.

use std::collections::HashMap;
use std::ops::Range;

use super::frame::{self, View};
use super::lex::{self, Number};
use super::{Found, Quote};
use crate::entities::display::display;
use crate::entities::{Entity, EntityLabel};

#[derive(Debug, Clone)]
struct Known {
    name: String,
    head: String,
    number: Number,
    /// Set for an unresolved "he" / "she", so that "she" does not take "he".
    pronoun: Option<&'static str>,
    /// The entity the name is the `canonical` of, when it came from one.
    label: Option<EntityLabel>,
    /// A person (a person entity, a role noun, an unresolved "he"): what
    /// "he" and "she" may take.
    person: bool,
}

/// How many earlier speakers a mention is compared with. Bounds the work per
/// quote, so an article with a million attributions stays linear.
const LOOKBACK: usize = 64;

/// The quotes of `found`, with speakers. `silent`: the speaker mentions, in
/// text order, of frames that found no quote; they are resolved and
/// remembered in turn like the others.
pub(crate) fn resolve(
    v: &View,
    entities: &[Entity],
    found: Vec<Found>,
    silent: &[Range<usize>],
) -> Vec<Quote> {
    let mut known: Vec<Known> = Vec::new();
    let mut full_names = None;
    let mut out = Vec::with_capacity(found.len());
    let mut silent = silent.iter().peekable();
    let canonicals = canonical_entities(entities);
    for f in found {
        let at = f
            .speaker
            .as_ref()
            .map_or(f.start, |sp| v.toks[sp.start].start);
        while let Some(sp) = silent.next_if(|sp| v.toks[sp.start].start < at) {
            let recent = &known[known.len().saturating_sub(LOOKBACK)..];
            let k = resolve_mention(v, entities, sp, recent, &mut full_names);
            known.push(k);
        }
        let cue_span = f.cue.as_ref().map(|c| v.bytes(c));
        let (known_speaker, speaker_span) = match &f.speaker {
            None => (known.last().filter(|_| f.inherit).cloned(), None),
            Some(sp) => {
                let recent = &known[known.len().saturating_sub(LOOKBACK)..];
                let k = resolve_mention(v, entities, sp, recent, &mut full_names);
                known.push(k.clone());
                (Some(k), Some(v.bytes(sp)))
            }
        };
        let entity = |k: &Known| canonicals.get(k.name.as_str()).copied();
        let label = known_speaker
            .as_ref()
            .and_then(|k| k.label.or_else(|| entity(k).map(|e| e.label)));
        let display = known_speaker.as_ref().zip(label).map(|(k, l)| {
            entity(k)
                .filter(|e| e.label == l)
                .map_or_else(|| display(&k.name, l, v.form()), |e| e.display.clone())
        });
        let speaker = known_speaker.map(|k| k.name);
        out.push(Quote {
            start: f.start,
            end: f.end,
            speaker_canonical: label.and(speaker.clone()),
            speaker_display: display,
            speaker_label: label,
            speaker,
            speaker_span,
            cue_span,
            direct: f.direct,
        });
    }
    out
}

/// The entity of each canonical name among `entities`: a speaker resolved
/// to a name that is some entity's canonical (a full name found by its
/// surname, "Russia" as a speaker) joins that entity. A name several labels
/// share takes the first of PER, ORG, LOC, MISC.
fn canonical_entities(entities: &[Entity]) -> HashMap<&str, &Entity> {
    let mut out: HashMap<&str, &Entity> = HashMap::new();
    for e in entities.iter().filter(|e| e.label != EntityLabel::Date) {
        let best = out.entry(e.canonical.as_str()).or_insert(e);
        // The labels' order (`EntityLabel::ALL`) is PER, ORG, LOC, MISC.
        if (e.label as usize) < (best.label as usize) {
            *best = e;
        }
    }
    out
}

/// The speaker a mention `sp` names, given the `known` speakers before it
/// (the rules of the module's doc, in order).
fn resolve_mention<'a>(
    v: &View<'a>,
    entities: &[Entity],
    sp: &Range<usize>,
    known: &[Known],
    full_names: &mut Option<FullNames<'a>>,
) -> Known {
    let b = v.bytes(sp);
    // Entities are in text order: those ending before the mention come first.
    let before = entities.partition_point(|e| e.end <= b.start);
    let first = v.w(sp.start);
    if sp.len() == 1 {
        if let Some(num) = lex::subject_pronoun(first) {
            return resolve_pronoun(v, &entities[..before], sp.start, num, known);
        }
    }
    // "one of them", "two of them": one of the group named before.
    if sp.len() >= 3 && v.w(sp.end - 1) == "them" && v.w(sp.end - 2) == "of" {
        return resolve_pronoun(v, &entities[..before], sp.end - 1, Number::Plural, known);
    }
    if let Some(e) = mention_entity(v, entities, before, sp) {
        return known_from_entity(e);
    }
    resolve_phrase(v, sp, known, full_names)
}

/// A pronoun at token `at` takes the most recent compatible speaker
/// ("she" not one that was "he"), else the most recent person (singular) or
/// organisation (plural) entity among `earlier`; else it stays itself.
fn resolve_pronoun(v: &View, earlier: &[Entity], at: usize, num: Number, known: &[Known]) -> Known {
    let first = v.w(at);
    let gender = match first {
        "he" => Some("he"),
        "she" => Some("she"),
        _ => None,
    };
    let compatible = |k: &&Known| match num {
        Number::Singular => {
            k.number == Number::Singular
                && (gender.is_none() || k.person)
                && (gender.is_none() || k.pronoun.is_none() || k.pronoun == gender)
        }
        Number::Plural => k.number != Number::Singular,
        Number::Neuter => k.number == Number::Neuter,
    };
    if let Some(k) = known.iter().rev().find(compatible) {
        return k.clone();
    }
    let want = if num == Number::Singular {
        EntityLabel::Per
    } else {
        EntityLabel::Org
    };
    if let Some(e) = earlier
        .iter()
        .rev()
        .take(LOOKBACK)
        .find(|e| e.label == want)
    {
        return known_from_entity(e);
    }
    Known {
        name: v.raw(at).to_string(),
        head: first.to_string(),
        number: num,
        label: None,
        pronoun: gender,
        person: gender.is_some(),
    }
}

/// The entity a mention `sp` names (`before`: the number of entities that
/// end before it): the person or organisation inside it nearest its end
/// (none when a role or plural noun after it heads the mention),
/// or (stripped text) for a lone surname, the person the article named in
/// full before ("says pillar" after "paul pillar"; the tagger may take the
/// surname alone for a common word).
fn mention_entity<'e>(
    v: &View,
    entities: &'e [Entity],
    before: usize,
    sp: &Range<usize>,
) -> Option<&'e Entity> {
    let b = v.bytes(sp);
    let inside = entities[before..]
        .iter()
        .take_while(|e| e.start < b.end)
        .filter(|e| matches!(e.label, EntityLabel::Per | EntityLabel::Org))
        .max_by_key(|e| e.end);
    // "a senior UN official", "White House aides", "a spokesman for the
    // ministry": a role or plural noun heads the mention, and the entity
    // only modifies it; but a person's name that ends the mention is the
    // speaker ("Minister of Finance Tom Reed").
    let h = frame::phrase_head(v, sp);
    let head = v.w(h);
    let outside_head = |e: &Entity| e.start > v.toks[h].start || e.end <= v.toks[h].start;
    let modifier = inside
        .is_some_and(|e| outside_head(e) && !(e.label == EntityLabel::Per && e.end == b.end))
        && (lex::is_role_noun(head) || (lex::is_plural_head(head) && !v.name_like_at(h)));
    if modifier {
        return None;
    }
    if inside.is_some() || !v.stripped || sp.len() != 1 {
        return inside;
    }
    let surname = v.w(sp.start);
    entities[..before].iter().rev().find(|e| {
        let name = &v.text[e.start..e.end];
        e.label == EntityLabel::Per
            && name.contains(' ')
            && name.rsplit(' ').next() == Some(surname)
    })
}

/// A mention that is no pronoun and names no entity: a definite description
/// takes the earlier speaker with its head noun, a surname the earlier
/// speaker or full name ending in it; anything else names itself, less its
/// determiners and titles.
fn resolve_phrase<'a>(
    v: &View<'a>,
    sp: &Range<usize>,
    known: &[Known],
    full_names: &mut Option<FullNames<'a>>,
) -> Known {
    let b = v.bytes(sp);
    // Words of the mention, less determiners ("two of the officials").
    let mut s = sp.start;
    while s + 1 < sp.end && (lex::is_determiner(v.w(s)) || v.w(s) == "of" || !v.is_word(s)) {
        s += 1;
    }
    let h = frame::phrase_head(v, sp);
    let head = v.w(h).to_string();
    let number = if lex::is_plural_head(&head) && !v.name_like_at(h) {
        Number::Plural
    } else if lex::is_org_head(&head) {
        Number::Neuter
    } else {
        Number::Singular
    };
    let definite = lex::is_definite(v.w(sp.start));
    // The name proper: the words after the last title or role noun up to
    // the head, when some are left ("former cia officer pillar" ->
    // "pillar"; not past a preposition: "a person with knowledge of ...").
    let mut name_start = s;
    for k in s..=h {
        if lex::is_role_noun(v.w(k)) && k + 1 < sp.end {
            name_start = k + 1;
        }
    }
    // A role or plural noun heading the phrase makes it a description ("a
    // senior UN official", "White House aides"), capitalised words or not.
    let described = lex::is_role_noun(&head) || number == Number::Plural;
    let is_name = !described && (name_start > s || (s..=h).any(|k| v.capitalised(k)));
    if definite && !is_name {
        // "the official" -> the earlier "one u s official".
        let singular = head.strip_suffix('s').unwrap_or(&head);
        if let Some(k) = known.iter().rev().find(|k| {
            k.head == head || k.head == singular || k.head.strip_suffix('s') == Some(&head)
        }) {
            return Known {
                number,
                ..k.clone()
            };
        }
    }
    if !is_name {
        return Known {
            name: v.text[v.toks[s].start..b.end].to_string(),
            head,
            number,
            label: None,
            pronoun: None,
            person: lex::is_role_noun(v.w(h)),
        };
    }
    // Ordinary text: the capitalised run of the phrase, after titles.
    let mut ns = name_start;
    if !v.stripped {
        while ns < sp.end && !v.capitalised(ns) {
            ns += 1;
        }
        if ns == sp.end {
            ns = name_start;
        }
    }
    if ns + 1 == sp.end {
        if let Some(k) = earlier_for_surname(v, ns, &head, known, full_names) {
            return k;
        }
    }
    Known {
        name: v.text[v.toks[ns].start..b.end].to_string(),
        head,
        number,
        label: None,
        pronoun: None,
        person: lex::is_role_noun(v.w(h))
            || (number == Number::Singular
                && (!v.stripped || lex::is_personal_title(v.w(name_start - 1)))),
    }
}

/// A surname at token `at`: the earlier speaker whose name ends in it, or
/// (ordinary text) the full name the article gave before ("Esper" -> "Mark
/// T. Esper").
fn earlier_for_surname<'a>(
    v: &View<'a>,
    at: usize,
    head: &str,
    known: &[Known],
    full_names: &mut Option<FullNames<'a>>,
) -> Option<Known> {
    let last = v.w(at);
    if let Some(k) = known.iter().rev().find(|k| {
        k.number == Number::Singular
            && k.name.len() > last.len()
            && k.name
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case(last))
    }) {
        return Some(k.clone());
    }
    if v.stripped {
        return None;
    }
    let names = full_names.get_or_insert_with(|| full_names_of(v));
    let full = earlier_full_name(v, names, at)?;
    Some(Known {
        name: full,
        head: head.to_string(),
        number: Number::Singular,
        label: None,
        pronoun: None,
        person: true,
    })
}

fn known_from_entity(e: &Entity) -> Known {
    Known {
        name: e.canonical.clone(),
        head: e
            .canonical
            .rsplit(' ')
            .next()
            .unwrap_or_default()
            .to_lowercase(),
        number: if e.label == EntityLabel::Per {
            Number::Singular
        } else {
            Number::Neuter
        },
        label: Some(e.label),
        pronoun: None,
        person: e.label == EntityLabel::Per,
    }
}

/// Each surname's first full name in the article: token index and name.
type FullNames<'a> = HashMap<&'a str, (usize, String)>;

/// Ordinary text: for every word preceded by a capitalised run of two or more
/// words, that run ("Mark T. Esper" for "Esper"), first occurrence only. One
/// pass over the article.
fn full_names_of<'a>(v: &View<'a>) -> FullNames<'a> {
    let mut out = HashMap::new();
    for k in 1..v.toks.len() {
        if !v.capitalised(k - 1) || out.contains_key(v.raw(k)) {
            continue;
        }
        let mut s = k;
        while s > 0
            && (v.capitalised(s - 1) || (v.raw(s - 1) == "." && s >= 2 && v.capitalised(s - 2)))
        {
            if lex::is_role_noun(&v.low[s - 1]) {
                break;
            }
            s -= 1;
        }
        if s < k {
            let name = v.text[v.toks[s].start..v.toks[k].end].to_string();
            out.insert(v.raw(k), (k, name));
        }
    }
    out
}

/// The full name of the surname at token `at`, if the article gave one before.
fn earlier_full_name(v: &View, names: &FullNames, at: usize) -> Option<String> {
    names
        .get(v.raw(at))
        .filter(|(k, _)| *k < at)
        .map(|(_, name)| name.clone())
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one silent frame
mod tests {
    use super::*;
    use crate::text::Doc;

    #[test]
    fn pronoun_takes_the_speaker_of_a_frame_without_a_quote() {
        let text = "ms okafor said she said the plan would fail";
        let doc = Doc::new(text);
        let v = View::new(&doc, None, &[]);
        let quote = || Found {
            start: v.toks[5].start,
            end: text.len(),
            speaker: Some(3..4),
            cue: Some(4..5),
            direct: false,
            inherit: false,
        };
        let with = resolve(&v, &[], vec![quote()], &[0..2]);
        assert_eq!(with[0].speaker.as_deref(), Some("okafor"));
        let without = resolve(&v, &[], vec![quote()], &[]);
        assert_eq!(without[0].speaker.as_deref(), Some("she"));
    }
}
