//! Word knowledge of the quote stage, in one place: the cue lexicon with
//! its properties (compiled in from `data/cues.tsv`) and the closed word
//! classes the rules read (pronouns, determiners, auxiliaries, words that
//! cannot be part of a speaker's noun phrase, ...).

use std::sync::LazyLock;

use crate::learn::{hash_str, FeatureMap};
use crate::text::lexicon as text_lx;

/// A cue's entry in `data/cues.tsv` (whose header comment says what each
/// property is for and which rule reads it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    pub lemma: &'static str,
    /// A strong cue opens a frame on its own ("X said the ..."); a weak one
    /// ("asked", "urged") only before `that`, a colon or a quotation.
    pub strong: bool,
    /// A verb of judging speech whose content is often a noun phrase
    /// ("criticized the plan"): read in ordinary text only.
    pub object: bool,
    /// Ordinary text: an addressee between the cue and its content is
    /// skipped ("told reporters the ...").
    pub addressee: bool,
    /// Stripped text: without `that`, what follows the cue is its addressee
    /// and adjuncts, not content.
    pub tell: bool,
    /// Stripped text: a phrase after the cue is its addressee, never an
    /// inverted speaker.
    pub no_inversion: bool,
    /// The content may be an infinitive ("vowed to stay").
    pub infinitive: bool,
    /// The content may be an indirect question ("asked whether ...").
    pub question: bool,
    /// A strong cue whose bare object is mostly a noun phrase ("maintains a
    /// lead"): content only after `that`, a colon or `to`.
    pub noun_object: bool,
}

impl Cue {
    /// A cue phrase outside the lexicon ("according to", or a naming verb
    /// before a partial quote): strong, with none of the properties.
    pub const fn phrase(lemma: &'static str) -> Cue {
        Cue {
            lemma,
            strong: true,
            object: false,
            addressee: false,
            tell: false,
            no_inversion: false,
            infinitive: false,
            question: false,
            noun_object: false,
        }
    }
}

/// The columns of `data/cues.tsv`, as its header names them.
const COLUMNS: &str =
    "lemma\tforms\ttier\taddressee\ttell\tno_inversion\tinfinitive\tquestion\tnoun_object";

/// The rows of `data/cues.tsv`: each cue's comma-separated forms and its
/// entry. The file is compiled in, so a row that does not parse is a build
/// defect: this panics, naming it.
fn cue_rows() -> impl Iterator<Item = (&'static str, Cue)> {
    let mut lines = include_str!("data/cues.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    assert_eq!(lines.next(), Some(COLUMNS), "the header of cues.tsv");
    lines.map(|line| {
        let fields: Vec<&'static str> = line.split('\t').collect();
        let &[lemma, forms, tier, addressee, tell, no_inversion, infinitive, question, noun_object] =
            &fields[..]
        else {
            panic!("cues.tsv: not the columns of its header: {line:?}");
        };
        let flag = |cell: &str| match cell {
            "y" => true,
            "-" => false,
            _ => panic!("cues.tsv: {cell:?} is neither y nor - in {line:?}"),
        };
        assert!(
            matches!(tier, "strong" | "weak" | "object"),
            "cues.tsv: no tier {tier:?} in {line:?}"
        );
        let cue = Cue {
            lemma,
            strong: tier != "weak",
            object: tier == "object",
            addressee: flag(addressee),
            tell: flag(tell),
            no_inversion: flag(no_inversion),
            infinitive: flag(infinitive),
            question: flag(question),
            noun_object: flag(noun_object),
        };
        (forms, cue)
    })
}

/// Cue forms by [`hash_str`] of the form: the lookup runs on every word of
/// a document, and the stripped-text boundary model has that hash already.
static CUES: LazyLock<FeatureMap<(&'static str, Cue)>> = LazyLock::new(|| {
    let mut m = FeatureMap::default();
    for (forms, cue) in cue_rows() {
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

/// A personal pronoun that names a person or a group: a
/// [`subject_pronoun`] other than "it".
pub(crate) fn is_personal_pronoun(w: &str) -> bool {
    subject_pronoun(w).is_some_and(|n| n != Number::Neuter)
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

/// Participles that open an adjunct after a frame, not content or a
/// speaker ("the official said, requesting anonymity"; "told time, speaking
/// anonymously").
pub(crate) fn opens_adjunct(w: &str) -> bool {
    w.len() > 5
        && w.ends_with("ing")
        && !matches!(w, "nothing" | "something" | "everything" | "anything")
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

pub(crate) use crate::text::lexicon::is_aux_or_adverb;

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
    text_lx::weekday(w).is_some()
        || matches!(
            w,
            "today"
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

/// Words that open an adjunct after a cue ("said in a statement", "told
/// reporters on thursday", "said last week"): the prepositions of
/// [`is_fronting_prep`] and time words.
pub(crate) fn is_adjunct_prep(w: &str) -> bool {
    is_fronting_prep(w) || matches!(w, "last" | "this" | "earlier" | "late")
}

/// Prepositions that open an adjunct before a frame too ("in a statement
/// the company said ..."); "this" or "last" there more often opens content.
pub(crate) fn is_fronting_prep(w: &str) -> bool {
    matches!(w, "in" | "on" | "at" | "during" | "after" | "before")
}

/// Verbs that name their object with a partial quote ("called the vote \"a
/// win for workers\"", "dubbed it \"the deal of the century\"").
pub(crate) fn is_naming_verb(w: &str) -> bool {
    matches!(
        w,
        "calls" | "called" | "dubbed" | "branded" | "labeled" | "labelled"
    )
}

/// Nouns that name a role rather than a person ("analyst", "official"), and
/// the person titles of the text lexicon ("prime", "minister"): in a
/// speaker phrase, the name follows the last of them.
pub(crate) fn is_role_noun(w: &str) -> bool {
    crate::text::lexicon::is_person_title(w)
        || matches!(
            w,
            "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "official"
                | "analyst"
                | "director"
                | "head"
                | "chief"
                | "chairwoman"
                | "chair"
                | "ceo"
                | "founder"
                | "leader"
                | "mayor"
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
                | "coach"
                | "detective"
                | "sheriff"
                | "former"
                | "senior"
                | "executive"
                | "democrat"
                | "republican"
                | "candidate"
                | "nominee"
                | "envoy"
                | "of"
        )
}

/// Person-like nouns that make a descriptive speaker ("a source said").
pub(crate) fn is_plural_head(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
}

/// Titles written with a period ("Ms.", "Gen.") inside a name.
pub(crate) use crate::text::lexicon::is_title_abbreviation as is_title_abbrev;

/// Cue forms that news writes mostly as nouns ("his remarks were ...",
/// "such comments", stripped "trump s disparaging remarks", "angry
/// tweets"); its verbs are "commented", "remarked", "tweeted".
pub(crate) fn is_noun_cue_form(w: &str) -> bool {
    matches!(w, "comments" | "remarks" | "tweets")
}

/// Forms of "be" after which a participle is a cue ("have been warning",
/// "is saying").
pub(crate) fn is_progressive_aux(w: &str) -> bool {
    matches!(w, "been" | "is" | "was" | "are" | "were")
}

/// Conjunctions that join a second verb to a clause's subject ("Baker
/// called the plan reckless and said ...").
pub(crate) fn is_coordinator(w: &str) -> bool {
    matches!(w, "and" | "but")
}

/// Ordinary text: words after which a clause, and its subject, may open
/// ("..., and when Rubio thanked ... and said").
pub(crate) fn opens_clause_after(w: &str) -> bool {
    matches!(
        w,
        "when" | "while" | "as" | "after" | "because" | "since" | "and" | "but" | "then"
    )
}

/// Conjunctions that open a clause of the sentence's own after a quotation
/// (`said "maybe" but declined`, `... when asked`).
pub(crate) fn opens_own_clause(w: &str) -> bool {
    matches!(
        w,
        "but" | "when" | "while" | "after" | "before" | "because" | "as" | "if"
    )
}

/// Relative pronouns that open a clause about the phrase before them ("X,
/// who said ...").
pub(crate) fn is_relative(w: &str) -> bool {
    matches!(w, "who" | "which")
}

/// Words that open a time phrase before a cue ("this month", "last week",
/// "on monday").
pub(crate) fn opens_time_phrase(w: &str) -> bool {
    matches!(w, "this" | "last" | "on" | "next" | "earlier")
}

/// Ordinary text: words after which a phrase after the cue may be its
/// inverted speaker ("said the official in a statement", "said Tusk of the
/// ..."): a relative pronoun, a preposition, a conjunction, a time word.
pub(crate) fn may_follow_inverted_speaker(w: &str) -> bool {
    matches!(
        w,
        "who"
            | "of"
            | "in"
            | "on"
            | "at"
            | "from"
            | "for"
            | "when"
            | "after"
            | "during"
            | "last"
            | "this"
            | "as"
            | "and"
            | "but"
            | "yesterday"
            | "today"
    )
}

/// Stripped text: words after a phrase after the cue that make it an
/// inverted speaker: a relative clause, an apposition, an adjunct ("says
/// pillar who ...", "said ann hale a delegate ...").
pub(crate) fn follows_stripped_inversion(w: &str) -> bool {
    matches!(w, "who" | "a" | "an" | "in" | "on")
}

/// Prepositions that open a role's complement ("the former aide to ...",
/// "director of ...").
pub(crate) fn opens_role_complement(w: &str) -> bool {
    matches!(w, "to" | "for" | "at" | "of")
}

/// Words that open an apposition after a name ("mr hale president of ...",
/// "ann hale who ...", "... a delegate from ohio").
pub(crate) fn opens_name_apposition(w: &str) -> bool {
    matches!(w, "a" | "an" | "the" | "of" | "who" | "from" | "at")
}

/// Prepositions inside an apposition of a role ("the head of central
/// command", "a fellow at ...").
pub(crate) fn is_apposition_prep(w: &str) -> bool {
    matches!(w, "of" | "at" | "for" | "with")
}

/// A comma or a dash (the tokenizer makes each hyphen of "--" a token of
/// its own): the marks that set off an apposition or a frame.
pub(crate) fn is_comma_or_dash(mark: &str) -> bool {
    matches!(mark, "," | "-" | "—" | "–")
}

/// A participle that introduces a person's name in an apposition ("a
/// teacher named Grace Otieno").
pub(crate) fn introduces_name(w: &str) -> bool {
    w == "named"
}

/// Prepositions that join a noun phrase to the speaker phrase it modifies
/// ("a doctor at the hospital in Gaza", "a spokesman for the ministry").
pub(crate) fn is_modifier_prep(w: &str) -> bool {
    is_apposition_prep(w) || matches!(w, "in" | "from")
}

/// Where a modifier that attaches a phrase to the noun before it starts,
/// given the preposition `p` that opens the phrase ("[familiar] with the
/// talks", "[close] to the president", "[with direct knowledge] of the
/// matter"); `w` reads the word at an index.
pub(crate) fn postmodifier_start<'a>(w: impl Fn(usize) -> &'a str, p: usize) -> Option<usize> {
    let adjective = |a: &str| {
        matches!(
            (a, w(p)),
            ("familiar" | "involved" | "connected", "with")
                | ("close" | "loyal" | "allied" | "linked" | "opposed", "to")
                | ("briefed" | "working", "on")
                | ("knowledgeable", "about")
                | ("involved", "in")
                | ("aware" | "privy", "of" | "to")
        )
    };
    if p >= 1 && adjective(w(p - 1)) {
        return Some(p - 1);
    }
    // "with (direct) knowledge of".
    (w(p) == "of" && p >= 2 && w(p - 1) == "knowledge")
        .then(|| (p.saturating_sub(3)..p - 1).rev().find(|&d| w(d) == "with"))
        .flatten()
}

/// Articles and possessive determiners: the word after them is a noun.
pub(crate) fn is_noun_marker(w: &str) -> bool {
    matches!(
        w,
        "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
    )
}

/// Number words up to ten.
pub(crate) fn is_count_word(w: &str) -> bool {
    matches!(
        w,
        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
    )
}

/// Pronouns for a group that a share of it is taken of ("most of them",
/// "two of us").
pub(crate) fn is_group_pronoun(w: &str) -> bool {
    matches!(w, "them" | "us" | "those")
}

/// Shares of a group that are no count ("half of them", "none of us").
pub(crate) fn is_share_word(w: &str) -> bool {
    matches!(w, "half" | "none")
}

/// Nouns for a group that news may give a plural verb ("her family say",
/// "the team say").
pub(crate) fn is_collective_noun(w: &str) -> bool {
    matches!(
        w,
        "family" | "couple" | "team" | "club" | "crew" | "staff" | "public" | "police"
    )
}

/// Words for a part of a group ("a third", "a quarter", "nine percent",
/// "a majority", "a lot of people").
pub(crate) fn is_fraction_word(w: &str) -> bool {
    is_share_word(w)
        || matches!(
            w,
            "third" | "quarter" | "fifth" | "percent" | "majority" | "minority" | "lot" | "number"
        )
}

/// Words that make a count approximate ("about 4 out of 10").
pub(crate) fn is_approximator(w: &str) -> bool {
    matches!(w, "about" | "nearly" | "almost" | "roughly" | "only")
}

/// A preposition that opens a bound on a figure, not an adjunct ("said at
/// least nine people died").
pub(crate) fn opens_bound(w: &str, next: &str) -> bool {
    w == "at" && matches!(next, "least" | "most")
}

/// Comparatives before "than" and a count ("more than half of them").
pub(crate) fn is_count_comparative(w: &str) -> bool {
    matches!(w, "more" | "fewer")
}

/// Stripped text: the letters of a party label after a name ("lindsey
/// graham r s c said").
pub(crate) fn is_party_letter(w: &str) -> bool {
    matches!(w, "r" | "d" | "i")
}

/// Cue lemmas whose "to" takes what they answer, not an addressee ("agreed
/// to the demand that ...", "responded to the report that ...").
pub(crate) fn to_takes_theme(lemma: &str) -> bool {
    matches!(lemma, "agree" | "respond" | "reply" | "object" | "refer")
}

/// Words that may make up a cue's addressee before its content ("told
/// reporters", "told the ...").
pub(crate) fn is_addressee_word(w: &str) -> bool {
    matches!(
        w,
        "reporters"
            | "staff"
            | "him"
            | "her"
            | "them"
            | "us"
            | "me"
            | "journalists"
            | "lawmakers"
            | "supporters"
            | "congress"
            | "investors"
    )
}

/// Determiners that may open an addressee ("told the committee", "told
/// his supporters").
pub(crate) fn is_addressee_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our"
    )
}

/// Words right after a cue (and its adjuncts) that open no content: a
/// preposition or an adjunct clause ("said to the crowd", "said as he
/// left").
pub(crate) fn opens_no_content(w: &str) -> bool {
    matches!(w, "to" | "as")
}

/// Nouns of an adjunct after a cue: the medium ("in a statement") or the
/// occasion ("at a news conference"), and months ("in a June report").
pub(crate) fn is_adjunct_noun(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "interview"
            | "news"
            | "conference"
            | "speech"
            | "letter"
            | "email"
            | "post"
            | "tweet"
            | "briefing"
            | "report"
            | "filing"
            | "remarks"
            | "video"
            | "message"
            | "appearance"
    ) || crate::text::dates::is_plain_month(w)
}

/// Prepositions that join a named addressee or medium to an adjunct ("in
/// an interview with Fox News", "in a letter to Congress").
pub(crate) fn joins_named_party(w: &str) -> bool {
    matches!(w, "with" | "to" | "on")
}

/// Heads of a phrase that names an organisation or a document, not a
/// person ("the company", "a report"): "it" may stand for them.
pub(crate) fn is_org_head(w: &str) -> bool {
    matches!(
        w,
        "company"
            | "government"
            | "department"
            | "agency"
            | "ministry"
            | "party"
            | "campaign"
            | "committee"
            | "group"
            | "firm"
            | "bank"
            | "office"
            | "administration"
            | "commission"
            | "council"
            | "court"
            | "union"
            | "report"
            | "statement"
            | "study"
            | "survey"
            | "poll"
            | "university"
            | "institute"
            | "team"
            | "club"
            | "network"
            | "newspaper"
            | "police"
            | "pentagon"
            | "kremlin"
    )
}

/// Determiners of a definite description ("the official", "this analyst").
pub(crate) fn is_definite(w: &str) -> bool {
    matches!(w, "the" | "this" | "that")
}

/// Stripped text: a role noun before a name that makes the name a person's
/// ("spokesman ann hale"; not "state news media").
pub(crate) fn is_personal_title(w: &str) -> bool {
    is_role_noun(w)
        && !matches!(
            w,
            "state"
                | "defense"
                | "defence"
                | "foreign"
                | "vice"
                | "prime"
                | "of"
                | "former"
                | "senior"
                | "executive"
                | "deputy"
                | "head"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_form_is_found() {
        let mut forms = 0;
        for (list, cue) in cue_rows() {
            for form in list.split(',') {
                forms += 1;
                assert_eq!(any_cue(form), Some(&cue), "{form}");
            }
        }
        // No two forms share a hash (one would hide the other).
        assert_eq!(CUES.len(), forms);
        assert_eq!(any_cue("sad"), None);
        assert_eq!(any_cue("Said"), None);
    }
}
