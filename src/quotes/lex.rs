//! Word classes the attribution rules need: the cue lexicon (compiled in from
//! `data/cues.tsv`) and a few closed classes (pronouns, determiners,
//! auxiliaries, words that cannot be part of a speaker's noun phrase).

use std::sync::LazyLock;

use crate::learn::{hash_str, FeatureMap};

/// A cue verb form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    pub lemma: &'static str,
    /// A strong cue opens a frame on its own ("X said the ..."); a weak one
    /// ("asked", "urged") only before `that`, a colon or a quotation.
    pub strong: bool,
    /// A verb of judging speech whose content is often a noun phrase
    /// ("criticized the plan"): read in ordinary text only.
    pub object: bool,
}

/// Cue forms by [`hash_str`] of the form: the lookup runs on every word of
/// a document, and the stripped-text boundary model has that hash already.
static CUES: LazyLock<FeatureMap<(&'static str, Cue)>> = LazyLock::new(|| {
    let mut m = FeatureMap::default();
    for line in include_str!("data/cues.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut f = line.split('\t');
        let (Some(lemma), Some(forms), Some(tier)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let cue = Cue {
            lemma,
            strong: tier != "weak",
            object: tier == "object",
        };
        for form in forms.split(',') {
            m.insert(hash_str(form), (form, cue));
        }
    }
    m
});

/// The cue a lowercase word form is, verbs of judging speech included
/// ([`Cue::object`]).
pub(crate) fn any_cue(word: &str) -> Option<&'static Cue> {
    could_be_cue(word).then(|| lookup(word, hash_str(word)))?
}

/// [`any_cue`] for a word whose [`hash_str`] is `hash`.
pub(crate) fn cue_hashed(word: &str, hash: u64) -> Option<&'static Cue> {
    could_be_cue(word).then(|| lookup(word, hash))?
}

/// The cue form `word` is, by its hash: first a bit of [`CUE_BITS`], so
/// that most words that are no cue never reach the map (whose lookup is a
/// cache miss beside the rest of the pipeline).
fn lookup(word: &str, hash: u64) -> Option<&'static Cue> {
    let bit = cue_bit(hash);
    if CUE_BITS[bit / 64] >> (bit % 64) & 1 == 0 {
        return None;
    }
    let cues: &'static FeatureMap<(&'static str, Cue)> = &CUES;
    cues.get(&hash)
        .filter(|(form, _)| *form == word)
        .map(|(_, cue)| cue)
}

/// One bit per [`cue_bit`] of a cue form's hash (1 kB; the 408 forms set
/// about 5% of its bits, so about 5% of other words reach the map).
static CUE_BITS: LazyLock<[u64; 128]> = LazyLock::new(|| {
    let mut bits = [0u64; 128];
    for &h in CUES.keys() {
        let b = cue_bit(h);
        bits[b / 64] |= 1 << (b % 64);
    }
    bits
});

/// The top 13 bits of `hash`: a bit of [`CUE_BITS`].
fn cue_bit(hash: u64) -> usize {
    (hash >> 51) as usize
}

/// The first two letters of the cue forms: bit `b` of `STARTS[a]` is set
/// when some form starts with letters `a`, `b` (0 for `a`).
static STARTS: LazyLock<[u32; 26]> = LazyLock::new(|| {
    let mut starts = [0u32; 26];
    for (form, _) in CUES.values() {
        let b = form.as_bytes();
        if b.len() >= 2 && b[0].is_ascii_lowercase() && b[1].is_ascii_lowercase() {
            starts[usize::from(b[0] - b'a')] |= 1 << (b[1] - b'a');
        }
    }
    starts
});

/// Cheap reject before hashing and the lookup (it runs on every word):
/// cue forms are 3..=13 bytes of a-z, starting with one of few letter pairs.
fn could_be_cue(word: &str) -> bool {
    let b = word.as_bytes();
    if !(3..=13).contains(&b.len()) {
        return false;
    }
    let (x, y) = (b[0].wrapping_sub(b'a'), b[1].wrapping_sub(b'a'));
    x < 26 && y < 26 && STARTS[usize::from(x)] >> y & 1 == 1
}

/// Personal pronouns that can be a speaker, with their number.
pub(crate) fn subject_pronoun(w: &str) -> Option<Number> {
    match w {
        "he" | "she" | "i" => Some(Number::Singular),
        "they" | "we" => Some(Number::Plural),
        "it" => Some(Number::Neuter),
        _ => None,
    }
}

/// Grammatical number (and animacy, for "it") of a speaker mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Number {
    Singular,
    Plural,
    Neuter,
}

/// Words that open a noun phrase and end the backward walk over one.
pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "several"
            | "some"
            | "many"
            | "another"
            | "both"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "these"
            | "those"
            | "most"
            | "all"
            | "few"
            | "other"
            | "each"
    )
}

/// Words between a subject and its cue verb ("has also said", "had been
/// saying", "later told").
/// Participles that open an adjunct after a frame, not content or a
/// speaker ("the official said, requesting anonymity"; "told time, speaking
/// anonymously").
pub(crate) fn opens_adjunct(w: &str) -> bool {
    w.len() > 5
        && w.ends_with("ing")
        && !matches!(w, "nothing" | "something" | "everything" | "anything")
}

/// Cues whose content may be an infinitive: promises, threats and appeals
/// ("vowed to stay", "urged voters to register").
pub(crate) fn takes_infinitive(lemma: &str) -> bool {
    matches!(
        lemma,
        "promise" | "vow" | "pledge" | "threaten" | "urge" | "warn" | "ask" | "advise" | "caution"
    )
}

/// Words that open an indirect question ("asked whether ...").
pub(crate) fn opens_question(w: &str) -> bool {
    matches!(
        w,
        "whether" | "if" | "why" | "how" | "what" | "who" | "when" | "where" | "which"
    )
}

/// Forms of "be" (a passive or progressive before a verb form).
pub(crate) fn is_be_form(w: &str) -> bool {
    matches!(w, "is" | "was" | "are" | "were" | "be" | "been" | "being")
}

/// Finite auxiliaries and modals: after a noun phrase they make it the
/// subject of a clause ("said iran can accomplish that").
pub(crate) fn is_finite_aux(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "should"
            | "must"
            | "does"
            | "do"
            | "did"
            | "shall"
    )
}

pub(crate) fn is_aux_or_adverb(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "having"
            | "been"
            | "was"
            | "were"
            | "is"
            | "are"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "also"
            | "later"
            | "then"
            | "again"
            | "recently"
            | "previously"
            | "repeatedly"
            | "reportedly"
            | "publicly"
            | "privately"
            | "once"
            | "often"
            | "earlier"
            | "already"
            | "further"
            | "just"
            | "even"
            | "still"
            | "now"
            | "simply"
            | "flatly"
            | "bluntly"
            | "quietly"
            | "openly"
            | "frequently"
            | "first"
            | "last"
            | "long"
            | "however"
    )
}

/// A manner or time adverb in "-ly" ("strongly", "traditionally"); nouns
/// and adjectives in "-ly" ("family", "early results", "elderly voters")
/// are not.
pub(crate) fn is_ly_adverb(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ly")
        && !matches!(
            w,
            "family"
                | "assembly"
                | "rally"
                | "supply"
                | "monopoly"
                | "anomaly"
                | "bully"
                | "july"
                | "early"
                | "daily"
                | "weekly"
                | "monthly"
                | "yearly"
                | "quarterly"
                | "elderly"
        )
}

/// Negations: "did not say", "never said" are not attributions (for the
/// "t" of stripped "didn t say" see `frame`).
pub(crate) fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not" | "never" | "n't" | "didn't" | "don't" | "doesn't" | "won't" | "wouldn't"
    )
}

/// Words that cannot be part of a speaker noun phrase.
pub(crate) fn is_np_stop(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "and"
            | "or"
            | "but"
            | "if"
            | "when"
            | "while"
            | "as"
            | "because"
            | "although"
            | "though"
            | "so"
            | "than"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "from"
            | "by"
            | "into"
            | "about"
            | "after"
            | "before"
            | "during"
            | "since"
            | "until"
            | "over"
            | "under"
            | "be"
            | "not"
            | "no"
            | "there"
            | "here"
            | "this"
            | "what"
            | "how"
            | "why"
            | "where"
            | "indeed"
            | "however"
            | "also"
            | "said"
            | "says"
            | "say"
            | "told"
            | "tell"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "him"
            | "them"
            | "us"
            | "me"
            | "would"
            | "will"
            | "could"
            | "can"
            | "should"
            | "must"
            | "did"
            | "do"
            | "does"
            | "very"
            | "more"
            | "most"
            | "less"
            | "like"
            | "unlike"
            | "against"
            | "among"
            | "then"
            | "now"
            | "even"
            | "just"
            | "only"
            | "still"
            | "yet"
            | "t"
            | "re"
            | "ve"
            | "ll"
            | "d"
            | "m"
    ) || is_aux_or_adverb(w)
        || is_time_word(w)
}

/// Time words that follow a cue ("said on thursday", "said last week").
pub(crate) fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "week"
            | "month"
            | "year"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "weekend"
            | "recently"
            | "earlier"
            | "later"
    )
}

/// Prepositions that open an adjunct after a cue ("said in a statement",
/// "told reporters on thursday").
pub(crate) fn is_adjunct_prep(w: &str) -> bool {
    matches!(
        w,
        "in" | "on" | "at" | "during" | "after" | "before" | "last" | "this" | "earlier" | "late"
    )
}

/// Verbs that name their object with a partial quote ("called the vote \"a
/// win for workers\"", "dubbed it \"the deal of the century\"").
pub(crate) fn is_naming_verb(w: &str) -> bool {
    matches!(
        w,
        "calls" | "called" | "dubbed" | "branded" | "labeled" | "labelled"
    )
}

/// Nouns that name a role rather than a person ("analyst", "official"): in a
/// speaker phrase, the name follows the last of them.
pub(crate) fn is_role_noun(w: &str) -> bool {
    matches!(
        w,
        "secretary"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "officer"
            | "analyst"
            | "director"
            | "head"
            | "chief"
            | "president"
            | "minister"
            | "senator"
            | "sen"
            | "rep"
            | "representative"
            | "gov"
            | "governor"
            | "gen"
            | "general"
            | "dr"
            | "mr"
            | "mrs"
            | "ms"
            | "prof"
            | "professor"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "ceo"
            | "founder"
            | "leader"
            | "mayor"
            | "judge"
            | "lawyer"
            | "attorney"
            | "adviser"
            | "advisor"
            | "aide"
            | "economist"
            | "scholar"
            | "expert"
            | "researcher"
            | "correspondent"
            | "manager"
            | "commander"
            | "coach"
            | "captain"
            | "col"
            | "lt"
            | "maj"
            | "sgt"
            | "adm"
            | "detective"
            | "sheriff"
            | "defense"
            | "state"
            | "former"
            | "deputy"
            | "senior"
            | "executive"
            | "democrat"
            | "republican"
            | "candidate"
            | "nominee"
            | "ambassador"
            | "envoy"
            | "of"
    )
}

/// Person-like nouns that make a descriptive speaker ("a source said").
pub(crate) fn is_plural_head(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
}

/// Titles written with a period ("Ms.", "Gen.") inside a name.
pub(crate) fn is_title_abbrev(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "gen"
            | "sen"
            | "rep"
            | "gov"
            | "lt"
            | "col"
            | "maj"
            | "sgt"
            | "capt"
            | "adm"
            | "prof"
            | "rev"
            | "st"
            | "jr"
            | "sr"
            | "det"
            | "insp"
            | "supt"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_form_is_found() {
        let mut forms = 0;
        for line in include_str!("data/cues.tsv").lines() {
            let mut f = line.split('\t');
            let (Some(lemma), Some(list)) = (f.next(), f.next()) else {
                continue;
            };
            if line.starts_with('#') {
                continue;
            }
            for form in list.split(',') {
                forms += 1;
                assert_eq!(any_cue(form).map(|c| c.lemma), Some(lemma), "{form}");
            }
        }
        // No two forms share a hash (one would hide the other).
        assert_eq!(CUES.len(), forms);
        assert_eq!(any_cue("sad"), None);
        assert_eq!(any_cue("Said"), None);
    }
}
