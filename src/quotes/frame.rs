//! Attribution frames: a cue (a speech verb, or "according to") with its
//! speaker's noun phrase, before the cue ("X said", "X, a Y at Z, said") or
//! after it ("said X", "says former analyst paul pillar", "according to X").
//! Both forms share this code; they differ in what ends a noun phrase: in
//! ordinary text punctuation and case, in stripped text the predicted
//! sentence and comma boundaries.

use std::borrow::Cow;
use std::ops::Range;

use super::boundary::Boundaries;
use super::lex::{self, Cue};
use crate::entities::{Entity, EntityLabel};
use crate::text::{Doc, Form, Token, TokenKind};

/// The tokens of a document with what the rules look at.
pub(crate) struct View<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    /// Lowercased token texts (borrowed when already lowercase).
    pub low: Vec<Cow<'a, str>>,
    /// The cue each token is ([`lex::any_cue`] of its lowercase form).
    pub cue: Vec<Option<&'static Cue>>,
    pub stripped: bool,
    /// Sentence id of each token.
    pub sent: Vec<u32>,
    /// First token of each sentence, plus `toks.len()` at the end.
    pub sent_start: Vec<usize>,
    /// Stripped text: a comma (or any clause mark) was predicted after token `i`.
    pub comma_after: Vec<bool>,
    /// Paragraph id of each token.
    pub para: Vec<u32>,
    /// For the last token of a person or organisation entity, its first token.
    pub ent_start: Vec<Option<u32>>,
    /// For the last token of any name (not a date), its first token: a
    /// name that may modify a title ("Italian Prime Minister", "UN
    /// Secretary-General") or be an addressee ("told afp").
    pub name_start: Vec<Option<u32>>,
    /// Whether token `i` ends a person entity.
    pub person_end: Vec<bool>,
}

impl<'a> View<'a> {
    /// The form of the text the view reads.
    pub fn form(&self) -> Form {
        if self.stripped {
            Form::Stripped
        } else {
            Form::Ordinary
        }
    }

    /// A view whose sentences are `doc.sentences` (ordinary) or those the
    /// boundary model predicted (stripped).
    /// From stripped text's boundaries it takes the cues, clause marks and
    /// paragraphs the boundary model computed.
    pub fn new(doc: &'a Doc<'a>, mut b: Option<&mut Boundaries>, entities: &[Entity]) -> Self {
        let toks = &doc.tokens[..];
        let low: Vec<Cow<str>> = toks
            .iter()
            .map(|t| {
                let s = t.text(doc.text);
                if s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
                    Cow::Owned(s.to_lowercase())
                } else {
                    Cow::Borrowed(s)
                }
            })
            .collect();
        // The boundary model looked up the cues of the words as written.
        let cue = match b.as_deref_mut() {
            Some(b) => {
                let mut cue = std::mem::take(&mut b.cues);
                for (c, w) in cue.iter_mut().zip(&low) {
                    if let Cow::Owned(w) = w {
                        *c = lex::any_cue(w);
                    }
                }
                cue
            }
            None => low.iter().map(|w| lex::any_cue(w)).collect(),
        };
        let mut sent = Vec::with_capacity(toks.len());
        let mut sent_start = Vec::new();
        match b.as_deref() {
            Some(Boundaries { ends, .. }) => {
                let mut s = 0u32;
                for i in 0..toks.len() {
                    if i == 0 || ends[i - 1] {
                        if i > 0 {
                            s += 1;
                        }
                        sent_start.push(i);
                    }
                    sent.push(s);
                }
            }
            None => {
                let mut k = 0usize;
                for (i, t) in toks.iter().enumerate() {
                    while k + 1 < doc.sentences.len() && doc.sentences[k].end <= t.start {
                        k += 1;
                    }
                    if sent_start.len() <= k {
                        sent_start.resize(k + 1, i);
                    }
                    sent.push(k as u32);
                }
            }
        }
        sent_start.push(toks.len());
        let (para, comma_after) = match b {
            Some(b) => (std::mem::take(&mut b.para), std::mem::take(&mut b.commas)),
            None => (super::marks::paragraphs(doc), vec![false; toks.len()]),
        };
        let mut ent_start = vec![None; toks.len()];
        let mut name_start = vec![None; toks.len()];
        let mut person_end = vec![false; toks.len()];
        let mut inside = vec![false; toks.len()];
        let mut surnames: Vec<&str> = Vec::new();
        for e in entities {
            let first = toks.partition_point(|t| t.end <= e.start);
            let last = toks.partition_point(|t| t.start < e.end);
            if e.label != EntityLabel::Date && first < last && last <= toks.len() {
                name_start[last - 1] = Some(first as u32);
            }
            if !matches!(e.label, EntityLabel::Per | EntityLabel::Org) {
                continue;
            }
            if first < last && last <= toks.len() {
                ent_start[last - 1] = Some(first as u32);
                person_end[last - 1] = e.label == EntityLabel::Per;
                inside[first..last].fill(true);
                if e.label == EntityLabel::Per && last - first >= 2 {
                    surnames.push(&low[last - 1]);
                }
            }
        }
        // Stripped text: a surname the article has given with its full name
        // names that person wherever it stands alone, even where the tagger,
        // without capitals, took it for a common word ("says pillar").
        if doc.form == Form::Stripped {
            surnames.sort_unstable();
            surnames.dedup();
            for i in (0..toks.len()).filter(|&i| !inside[i]) {
                if low[i].len() >= 3 && surnames.binary_search(&&*low[i]).is_ok() {
                    ent_start[i] = Some(i as u32);
                }
            }
        }
        View {
            text: doc.text,
            toks,
            low,
            cue,
            stripped: doc.form == Form::Stripped,
            sent,
            sent_start,
            comma_after,
            para,
            ent_start,
            name_start,
            person_end,
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn w(&self, i: usize) -> &str {
        tick();
        &self.low[i]
    }

    /// Token `i` is a speech or writing cue (not a verb of judging speech,
    /// [`Cue::object`]).
    pub fn speech_cue(&self, i: usize) -> bool {
        tick();
        self.cue[i].is_some_and(|c| !c.object)
    }

    pub fn raw(&self, i: usize) -> &'a str {
        tick();
        self.toks[i].text(self.text)
    }

    pub fn is_word(&self, i: usize) -> bool {
        tick();
        self.toks[i].kind != TokenKind::Punct
    }

    pub fn is(&self, i: usize, s: &str) -> bool {
        i < self.len() && self.w(i) == s
    }

    pub fn capitalised(&self, i: usize) -> bool {
        !self.stripped
            && self.toks[i].kind == TokenKind::Word
            && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether token `k` is an article or possessive after a word that is no
    /// function word: it opens the object of a verb ("defended the tax",
    /// "killed a senior commander"), so a noun phrase does not run on over it.
    pub fn opens_object(&self, k: usize) -> bool {
        let w = self.w(k);
        k > 0
            && (w == "the" || lex::is_noun_marker(w))
            && !crate::text::lexicon::is_function_word(self.w(k - 1))
    }

    /// Whether a prepositional "to" opens token `k` (before `limit`): "said
    /// in a speech to the council" goes on with no content.
    pub fn to_phrase(&self, k: usize, limit: usize) -> bool {
        k + 1 < limit && self.w(k) == "to" && lex::is_determiner(self.w(k + 1))
    }

    /// Whether token `i` is capitalised where a sentence does not open
    /// (ordinary text): a name, not a common noun ("Democrats", but not
    /// "Officials at the Pentagon said").
    pub fn name_like_at(&self, i: usize) -> bool {
        self.capitalised(i) && i != self.sentence(i).start
    }

    /// A quotation mark token; not the apostrophe of a plural possessive
    /// ("veterans' families": after a word in -s, before a lowercase word).
    pub fn is_quote_mark(&self, i: usize) -> bool {
        let possessive = || {
            let t = &self.toks;
            // A single mark opening before it in the sentence ("as
            // 'thugs' and") makes it a closing one.
            let opened = || {
                (self.sentence(i).start..i).rev().take(40).any(|k| {
                    matches!(self.raw(k), "'" | "‘")
                        && k + 1 < t.len()
                        && t[k + 1].start == t[k].end
                        && (k == 0 || t[k - 1].end < t[k].start)
                })
            };
            i > 0
                && i + 1 < t.len()
                && t[i - 1].end == t[i].start
                && self.is_word(i - 1)
                && self.raw(i - 1).ends_with('s')
                && t[i + 1].start > t[i].end
                && self.is_word(i + 1)
                && !self.capitalised(i + 1)
                && !opened()
        };
        self.toks[i].kind == TokenKind::Punct
            && match self.raw(i) {
                "\"" | "“" | "”" | "„" | "«" | "»" | "‘" => true,
                "'" | "’" => !possessive(),
                _ => false,
            }
    }

    /// Whether the words at `k` (before `limit`) make what follows a cue
    /// its topic, not its content: "of" ("said of the plan") or "about"
    /// ("said about the deal"), except "about" with a count ("said about
    /// half of the staff would go").
    pub fn topic_after(&self, k: usize, limit: usize) -> bool {
        match self.low.get(k).map(|w| &**w) {
            _ if k >= limit => false,
            Some("of") => true,
            Some("about") => {
                !(k + 1 < limit && (self.w(k + 1) == "half" || is_number(self.w(k + 1))))
            }
            _ => false,
        }
    }

    /// The sentence of token `i` as a token range.
    pub fn sentence(&self, i: usize) -> Range<usize> {
        let s = self.sent[i] as usize;
        self.sent_start[s]..self.sent_start[s + 1]
    }

    /// Whether a boundary (sentence end, or in stripped text a predicted
    /// comma) lies between tokens `i` and `i + 1`.
    pub fn break_after(&self, i: usize) -> bool {
        tick();
        i + 1 >= self.len()
            || self.sent[i] != self.sent[i + 1]
            || self.para[i] != self.para[i + 1]
            || (self.stripped && self.comma_after[i])
    }

    /// The byte range of tokens `r`.
    pub fn bytes(&self, r: &Range<usize>) -> Range<usize> {
        self.toks[r.start].start..self.toks[r.end - 1].end
    }
}

// Test builds count the work of the quote passes (token reads, and the steps
// of walks over quotations and frames), so that a test can show it growing in
// proportion to the input, whatever the machine.
/// A lowercase word that may head an addressee after its determiner ("the
/// committee"), not a function word such as a pronoun opening the content
/// ("told the committee he would ...").
pub(super) fn is_plain_noun(v: &View, k: usize) -> bool {
    let w = v.w(k);
    v.is_word(k) && !crate::text::lexicon::is_function_word(w) && lex::any_cue(w).is_none()
}

/// "told the committee he would ...": where a common noun at `head` (after
/// its determiner), up to three words, is the addressee because the subject
/// of a clause follows it (a personal pronoun or a determiner): the clause's
/// first token.
pub(super) fn common_noun_addressee(v: &View, head: usize, limit: usize) -> Option<usize> {
    let mut e = head;
    while e < limit && e - head < 3 && is_plain_noun(v, e) {
        e += 1;
    }
    if e == head || e >= limit {
        return None;
    }
    let w = v.w(e);
    (lex::is_personal_pronoun(w) || lex::is_addressee_determiner(w)).then_some(e)
}

#[cfg(test)]
thread_local! {
    static READS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// One unit of work: a token read, or one step of a walk that reads none.
#[inline(always)]
pub(crate) fn tick() {
    #[cfg(test)]
    READS.with(|r| r.set(r.get() + 1));
}

/// The work counted since the last call (test builds only).
#[cfg(test)]
pub(crate) fn take_work() -> u64 {
    READS.with(|r| r.replace(0))
}

/// A cue with its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Frame {
    /// Token range of the cue ("said", "according to").
    pub cue: Range<usize>,
    /// The cue's lexicon entry.
    pub verb: Cue,
    /// Token range of the speaker mention.
    pub speaker: Option<Range<usize>>,
    /// The speaker follows the cue ("said X").
    pub inverted: bool,
    /// Token range of the whole frame (speaker, auxiliaries, cue).
    pub span: Range<usize>,
}

/// Every frame of the view, in text order. `skip(i)` marks tokens that
/// cannot hold a cue (inside quotation marks).
pub(crate) fn frames(v: &View, skip: &dyn Fn(usize) -> bool) -> Vec<Frame> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.len() {
        if skip(i) || !v.is_word(i) {
            i += 1;
            continue;
        }
        if v.w(i) == "according" && v.is(i + 1, "to") {
            if let Some(sp) = np_after(v, i + 2).or_else(|| plain_source(v, i + 2)) {
                out.push(Frame {
                    cue: i..i + 2,
                    verb: Cue::phrase("according to"),
                    span: i..sp.end,
                    speaker: Some(sp),
                    inverted: true,
                });
                i += 2;
                continue;
            }
        }
        // Verbs of judging speech ([`Cue::object`]) in ordinary text only;
        // the noun cue forms ("his remarks", "angry tweets") in neither.
        let noun = lex::is_noun_cue_form(v.w(i));
        if let Some(&cue) = v.cue[i].filter(|c| !(noun || v.stripped && c.object)) {
            if let Some(f) = frame_at(v, i, cue) {
                out.push(f);
            } else if let Some(f) = clause_subject_frame(v, i, cue, &out) {
                out.push(f);
            }
        }
        i += 1;
    }
    out
}

/// Ordinary text: the words after "according to" up to the next punctuation
/// (at most 20), when they make no speaker noun phrase: "according to
/// unofficial results tallied on Wednesday", "according to early results
/// of exit polls conducted for ... by ...". The cue itself says that a
/// source follows.
fn plain_source(v: &View, start: usize) -> Option<Range<usize>> {
    const MAX: usize = 20;
    if v.stripped {
        return None;
    }
    let end = (start..v.len().min(start + MAX + 1))
        .find(|&k| !v.is_word(k) || v.sent[k] != v.sent[start])
        .unwrap_or(v.len().min(start + MAX + 1));
    (end > start && end <= start + MAX).then_some(start..end)
}

/// A cue that continues its clause takes the clause's subject as its
/// speaker: a strong participle after a comma, or in stripped text after a
/// predicted clause mark ("Hale mocked the plan, saying it ...", "he said,
/// adding that ...") or a verb joined by "and" or "but" ("Baker called the
/// plan reckless and said ..."). The subject is the
/// speaker of an earlier frame in the sentence, else the noun phrase opening
/// the sentence.
fn clause_subject_frame(v: &View, c: usize, cue: Cue, earlier: &[Frame]) -> Option<Frame> {
    if c == 0 {
        return None;
    }
    // After a comma, which may close a quotation ("as \"fantastic,\" telling
    // reporters ...").
    let after_comma =
        v.raw(c - 1) == "," || (c >= 2 && v.is_quote_mark(c - 1) && v.raw(c - 2) == ",");
    let participle = cue.strong
        && v.w(c).ends_with("ing")
        && if v.stripped {
            v.break_after(c - 1)
        } else {
            after_comma
        };
    // Over auxiliaries and adverbs back to the conjunction: "and has also said".
    let mut j = c;
    while j > 0 && aux_or_adverb(v, j - 1) && j + 3 > c {
        j -= 1;
    }
    let sent = v.sentence(c);
    // A participle joins an earlier participle cue ("telling CNN that ...
    // and questioning how ...").
    let after_participle = earlier
        .last()
        .is_some_and(|f| f.cue.start >= sent.start && v.w(f.cue.start).ends_with("ing"));
    // A bare base form after "and" continues another verb ("he'd sit him
    // down and tell him ..."), not a cue of the clause's subject.
    let base = j == c && v.w(c) == cue.lemma;
    let coordinated = j > 0
        && lex::is_coordinator(v.w(j - 1))
        && (!v.w(c).ends_with("ing") || after_participle)
        && !base
        && !v.is(c + 1, "to");
    if !(participle || coordinated) {
        return None;
    }
    // A present verb is not coordinated with a past cue ("said the
    // shootings and protests demand ..." holds a noun).
    let s_form = |w: &str| w.ends_with('s') && !w.ends_with("ss");
    let (speaker, from_subject) = match earlier.last() {
        Some(f) if f.cue.start >= sent.start => {
            if coordinated && s_form(v.w(c)) && v.w(f.cue.start).ends_with("d") {
                return None;
            }
            (f.speaker.clone()?, false)
        }
        _ => (
            sentence_subject(v, sent.start, j).or_else(|| described_subject(v, sent.start, j))?,
            true,
        ),
    };
    // A coordinated verb's frame runs from its subject: the words between
    // are the subject's other predicate, not content before the frame.
    let start = if coordinated && from_subject {
        speaker.start
    } else {
        c
    };
    Some(Frame {
        cue: c..c + 1,
        verb: cue,
        speaker: Some(speaker),
        inverted: false,
        span: start..c + 1,
    })
}

/// The subject of the clause that a cue before `limit` continues. Stripped
/// text has no case to end it: there it is a pronoun or a name the tagger
/// found opening the sentence at `start`, after titles ("sen jane hale",
/// "union leader sam odede").
/// In ordinary text it is the nearest phrase before `limit` that opens a
/// clause (at the sentence start, or after a comma or a subordinator, with
/// a word after it): "In an interview, Trump defended ... and said", "...,
/// and when Rubio thanked ... and said".
fn sentence_subject(v: &View, start: usize, limit: usize) -> Option<Range<usize>> {
    if v.stripped && lex::subject_pronoun(v.w(start)).is_none() {
        // Role nouns, and an organisation's noun before one ("union leader
        // sam odede", "campaign manager ...").
        let titles = (start..limit.min(start + 3))
            .take_while(|&k| {
                lex::is_role_noun(v.w(k))
                    || (k + 1 < limit && lex::is_role_noun(v.w(k + 1)) && lex::is_org_head(v.w(k)))
            })
            .count();
        let end = (start + titles..limit.min(start + titles + 6))
            .find(|&k| v.ent_start[k] == Some((start + titles) as u32))?;
        return Some(start..end + 1);
    }
    if v.stripped {
        return np_after(v, start).filter(|np| np.end < limit);
    }
    (start..limit.saturating_sub(1))
        .rev()
        .filter(|&p| {
            // A dash ends a dateline ("NAIROBI, March 3 (Reuters) - Kenya's
            // central bank ...") or an aside.
            p == start || lex::is_comma_or_dash(v.raw(p - 1)) || lex::opens_clause_after(v.w(p - 1))
        })
        .find_map(|p| {
            np_after(v, p).filter(|np| np.end < limit && (p == start || v.is_word(np.end)))
        })
}

/// Stripped text: an article opening the sentence at `start`, then within
/// three words an organisation's or a role's noun and the run of such nouns
/// after it ("the health ministry rejected ..., saying", "a police
/// spokesman").
fn described_subject(v: &View, start: usize, limit: usize) -> Option<Range<usize>> {
    if !v.stripped || !lex::is_determiner(v.w(start)) {
        return None;
    }
    // The run of such nouns, over a possessive "s" ("the former minister",
    // "the health ministry spokesman", "the company s chief executive").
    let head = |k: usize| {
        k < limit
            && (lex::is_org_head(v.w(k)) || lex::is_role_noun(v.w(k)))
            && !lex::is_modifier_prep(v.w(k))
    };
    let mut end = (start + 1..limit.min(start + 4))
        .take_while(|&k| !v.break_after(k - 1))
        .find(|&k| head(k))?;
    loop {
        if head(end + 1) && !v.break_after(end) {
            end += 1;
        } else if v.is(end + 1, "s") && head(end + 2) && !v.break_after(end + 1) {
            end += 2;
        } else {
            return Some(start..end + 1);
        }
    }
}

/// Token `k` is an auxiliary or an adverb between a subject and its cue
/// ("has also said"; in ordinary text any lowercase "-ly" adverb: "strongly
/// suggested").
pub(super) fn aux_or_adverb(v: &View, k: usize) -> bool {
    lex::is_aux_or_adverb(v.w(k)) || (!v.stripped && !v.capitalised(k) && lex::is_ly_adverb(v.w(k)))
}

fn frame_at(v: &View, c: usize, cue: Cue) -> Option<Frame> {
    let j = auxiliaries_start(v, c);
    if no_attribution(v, c, j) {
        return None;
    }
    // A cue form right after an article or a possessive is a noun ("his
    // remarks", "a tweet", stripped "trump s comments"): no frame, unless
    // the possessor is its speaker.
    if j == c && c > 0 && noun_marker(v, c - 1) {
        return possessor_frame(v, c, cue);
    }
    // A participle ("warning that", "saying") is a cue only after an
    // auxiliary ("have been warning"): alone it is a noun or an adjunct.
    if v.w(c).ends_with("ing") && !(j < c && lex::is_progressive_aux(v.w(c - 1))) {
        return None;
    }
    // "said to the ombudsman, ...", "said to reporters": an addressee
    // (ordinary text; stripped, the frames it made were mostly wrong; not
    // for cues whose "to" takes what they answer: "agreed to the demand
    // that ...", "responded to the report that ...").
    let addressee = !v.stripped
        && !lex::to_takes_theme(cue.lemma)
        && v.is(c + 1, "to")
        && c + 2 < v.len()
        && (lex::is_addressee_determiner(v.w(c + 2)) || lex::is_addressee_word(v.w(c + 2)));
    if v.is(c + 1, "to")
        && v.w(c) != "told"
        && cue.lemma != "write"
        && !cue.infinitive
        && !addressee
    {
        // "said to be", "asked to leave", "promised to": no speech content.
        // ("told to" is passive or an order; also skipped.)
        return None;
    }
    if v.is(c + 1, "not") && v.is(c + 2, "to") && v.is(c + 3, "be") {
        return None; // "asked not to be named"
    }
    let (speaker, inverted) = Site::new(v, c, j).speaker(cue)?;
    // A bare base form after a singular phrase that an article or a
    // possessive opens is a noun ("a donald trump tweet", "his rubble
    // comment"), not a verb of that phrase.
    if !inverted && j == c && v.w(c) == cue.lemma && speaker.len() >= 2 {
        // Not a share of a group ("a mere 9 percent say", "a third say",
        // "a lot of people claim").
        // Nor a group named by one noun ("her family say"), nor the second
        // of two subjects ("Smith and his wife say").
        let last = v.w(speaker.end - 1);
        let group = lex::is_plural_head(last)
            || lex::is_collective_noun(last)
            || lex::is_org_head(last)
            || speaker
                .clone()
                .any(|k| (is_count(v.w(k)) && v.w(k) != "one") || lex::is_fraction_word(v.w(k)));
        let second = speaker.start > 0 && lex::is_coordinator(v.w(speaker.start - 1));
        if noun_marker(v, speaker.start) && !group && !second {
            return None;
        }
    }
    // A speaker has a word with letters ("10 000 confirmed cases" is no frame).
    if !speaker
        .clone()
        .any(|k| v.w(k).bytes().any(|b| b.is_ascii_alphabetic()))
    {
        return None;
    }
    let span = if inverted {
        j..speaker.end
    } else {
        speaker.start..c + 1
    };
    Some(Frame {
        cue: c..c + 1,
        verb: cue,
        speaker: Some(speaker),
        inverted,
        span,
    })
}

/// The first of the auxiliaries and adverbs right before the cue at `c`
/// ("has also said"), or `c`.
fn auxiliaries_start(v: &View, c: usize) -> usize {
    let mut j = c;
    while j > 0 && v.is_word(j - 1) && aux_or_adverb(v, j - 1) && j + 4 > c {
        j -= 1;
    }
    j
}

/// Whether the words before the cue at `c` (its auxiliaries from `j`) make
/// it no attribution: a negation or an infinitive ("did not say", "declined
/// to say"), a passive ("he was asked", "they were told": the subject is the
/// addressee), an adjective ("the said") or "so said".
fn no_attribution(v: &View, c: usize, j: usize) -> bool {
    if j > 0 {
        let prev = v.w(j - 1);
        // The "t" of a split "didn t" / "didn't" (not "at t said").
        let split_nt = prev == "t"
            && (0..j - 1)
                .rev()
                .find(|&k| v.is_word(k))
                .is_some_and(|k| v.w(k).ends_with('n'));
        if prev == "to" || lex::is_negation(prev) || split_nt || prev == "did" {
            return true;
        }
    }
    if !v.w(c).ends_with("ing") && (j..c).any(|k| lex::is_be_form(v.w(k))) {
        return true;
    }
    j > 0 && (v.is(j - 1, "the") || v.is(j - 1, "so"))
}

/// A possessor with a that-clause is an attribution in the annotation
/// guidelines ("the mayor's claim that ..."): the possessor is the speaker
/// of the cue noun at `c`.
fn possessor_frame(v: &View, c: usize, cue: Cue) -> Option<Frame> {
    let possessive = !v.stripped && c >= 2 && matches!(v.raw(c - 1), "'s" | "’s");
    let sp = (possessive && v.is(c + 1, "that"))
        .then(|| np_before(v, c - 2))
        .flatten()?;
    Some(Frame {
        cue: c..c + 1,
        verb: cue,
        span: sp.start..c + 1,
        speaker: Some(sp),
        inverted: false,
    })
}

/// A cue at `c` in its sentence, with what choosing its speaker reads: the
/// words before it and the phrase after it.
struct Site<'v> {
    v: &'v View<'v>,
    /// The first of the auxiliaries and adverbs before the cue.
    j: usize,
    /// Where a speaker before the cue ends: `j`, or the start of a time
    /// phrase before it ("an agency report this month said").
    sj: usize,
    sent_start: usize,
    /// A boundary right before `j`: the sentence start, punctuation
    /// (ordinary text) or a predicted clause mark (stripped text).
    prev_break: bool,
    /// A subject pronoun right before `j` ("he said").
    before_pron: bool,
    /// A comma or a dash closing an apposition before the cue ("X, a Y,
    /// said", "X — a Y — said").
    comma_before: bool,
    /// Stripped text: one or two words before the cue in its sentence are
    /// its speaker, not the content of an inversion ("obama said the words
    /// lump , ...").
    short_subject: bool,
    /// No auxiliary or adverb before the cue (none before an inversion:
    /// "have reported brain injuries").
    bare: bool,
    /// The phrase after the cue that may be its inverted speaker.
    after: Option<Range<usize>>,
}

impl<'v> Site<'v> {
    fn new(v: &'v View<'v>, c: usize, j: usize) -> Self {
        let sent_start = v.sentence(c).start;
        let comma_before = j > 0 && lex::is_comma_or_dash(v.raw(j - 1));
        Site {
            v,
            j,
            sj: time_phrase_start(v, j, sent_start),
            sent_start,
            prev_break: j == sent_start
                || (j > 0 && !v.stripped && !v.is_word(j - 1))
                || (j > 0 && v.stripped && v.break_after(j - 1)),
            before_pron: j > sent_start && lex::subject_pronoun(v.w(j - 1)).is_some(),
            comma_before,
            short_subject: v.stripped && j > sent_start && j < sent_start + 3,
            bare: j == c,
            after: phrase_after_cue(v, c, j, sent_start, comma_before),
        }
    }

    /// The speaker, and whether it follows the cue (an inversion).
    fn speaker(&self, cue: Cue) -> Option<(Range<usize>, bool)> {
        let v = self.v;
        let (speaker, inverted) = if self.inverted_stripped(cue) {
            (self.after.clone(), true)
        } else if let Some(name) = self
            .after
            .as_ref()
            .filter(|_| self.may_invert_stripped(cue))
            .and_then(|a| inverted_name(v, a))
        {
            (Some(name), true)
        } else if let Some(who) = relative_who(v, self.j) {
            (antecedent(v, who), false)
        } else if self.before_pron {
            (self.before(), false)
        } else if self.prev_break && v.stripped && self.j > self.sent_start {
            // Stripped text: a predicted clause mark before the cue ("kagan ,
            // says", "the city s director , said the heat ...") does not part
            // it from its speaker; when a name opens the sentence and no verb
            // follows it up to the cue, the name is the speaker, with an
            // apposition ("paul hunt a delegate from ohio , said ...").
            (self.opening_name().or_else(|| self.before()), false)
        } else if self.prev_break {
            self.speaker_after_break()
        } else {
            (self.opening_name().or_else(|| self.before()), false)
        };
        Some((speaker?, inverted))
    }

    /// A cue right after a boundary (its sentence start, or in ordinary text
    /// punctuation): the phrase after it is its speaker, unless a name before
    /// a parenthesis or an apposition's comma is.
    fn speaker_after_break(&self) -> (Option<Range<usize>>, bool) {
        let v = self.v;
        // "Rep. Ann Wills (D-N.Y.) said": the name before the parenthesis.
        let paren = self.j > self.sent_start && v.raw(self.j - 1) == ")";
        let before = if paren { self.before() } else { None };
        match &self.after {
            _ if before.is_some() => (before, false),
            Some(a)
                if self.sj == self.j && (closes_inverted_speaker(v, a) || !self.comma_before) =>
            {
                (Some(a.clone()), true)
            }
            _ if self.comma_before => (self.before(), false),
            // Stripped text: a predicted clause mark between the speaker and
            // the cue ("kagan , says") does not part them.
            _ if v.stripped => (self.before(), false),
            _ => (None, false),
        }
    }

    /// The speaker phrase right before the cue (and a time phrase), or the
    /// antecedent of a relative clause that phrase is in ("a woman who
    /// lives near the plant said", "an aide who asked not to be named
    /// said").
    fn before(&self) -> Option<Range<usize>> {
        if self.sj == 0 || self.sj <= self.sent_start {
            return None;
        }
        let v = self.v;
        let np = np_before(v, self.sj - 1);
        let from = np.as_ref().map_or(self.sj, |np| np.start);
        // Not a second verb of an earlier clause ("he praised the workers
        // who built it and said"), not a pronoun's ("the congressman who
        // gained attention when he yelled").
        if self.before_pron || (from > self.sent_start && lex::is_coordinator(v.w(from - 1))) {
            return np;
        }
        // No boundary inside the clause: "... workers who could leak it,
        // sources said" quotes the clause.
        let open = |k: usize| {
            !v.speech_cue(k)
                && !v.is_quote_mark(k)
                && if v.stripped {
                    !v.break_after(k)
                } else {
                    v.is_word(k)
                }
        };
        (self.sent_start + 1..from)
            .rev()
            .take(12)
            .take_while(|&k| open(k) || (k + 1 < from && v.w(k - 1) == "who"))
            .find(|&k| v.w(k) == "who")
            // A second finite verb closes the relative clause: its
            // antecedent has a verb of its own ("a man who was carrying a
            // knife was arrested police said").
            .filter(|&who| !(who + 2..from).any(|k| lex::is_finite_aux(v.w(k))))
            .and_then(|who| antecedent(v, who))
            // The antecedent opens a clause: it is the cue's subject, not a
            // noun inside content before the cue ("... expose him as a
            // fraud who cares about ... fallon said").
            .filter(|a| {
                a.start == self.sent_start
                    || if v.stripped {
                        v.break_after(a.start - 1)
                    } else {
                        !v.is_word(a.start - 1)
                    }
            })
            .or(np)
    }

    /// Stripped text: a name opening the sentence, then a clause mark or an
    /// apposition (a determiner, a role noun, an age, a participle or a
    /// relative clause after the name) and no verb of the sentence's own
    /// up to the cue ("jean hale the mayor of a town in ohio said").
    fn opening_name(&self) -> Option<Range<usize>> {
        let v = self.v;
        if !v.stripped || self.j > self.sent_start + 30 {
            return None;
        }
        sentence_subject(v, self.sent_start, self.j).filter(|np| {
            // "manchester city manager pep guardiola said": the name after
            // the role nouns is the speaker, the first only its modifier.
            let titled = (np.end..self.j).find(|&k| !lex::is_role_noun(v.w(k)));
            if titled.is_some_and(|t| t > np.end && v.name_start[self.j - 1] == Some(t as u32)) {
                return false;
            }
            let w = v.w(np.end);
            let apposition = v.break_after(np.end - 1)
                || lex::is_determiner(w)
                || lex::is_role_noun(w)
                || is_number(w)
                || lex::opens_adjunct(w)
                || w == "who";
            let mut relative = false;
            apposition
                && !(np.end..self.j).any(|k| {
                    relative |= lex::is_relative(v.w(k));
                    (!relative && lex::is_finite_aux(v.w(k))) || v.speech_cue(k)
                })
        })
    }

    /// Stripped text: whether the phrase after the cue may be its speaker:
    /// no pronoun or short subject before the cue, no auxiliary, and a cue
    /// whose object is not its addressee ([`Cue::no_inversion`]).
    fn may_invert_stripped(&self, cue: Cue) -> bool {
        self.v.stripped
            && !self.before_pron
            && !self.short_subject
            && self.bare
            && !cue.no_inversion
    }

    /// Stripped text: "... soleimani says former cia analyst paul pillar" is
    /// an inversion when the phrase after the cue ends at a boundary or
    /// opens a relative clause or an apposition.
    fn inverted_stripped(&self, cue: Cue) -> bool {
        let v = self.v;
        self.may_invert_stripped(cue)
            && self.after.as_ref().is_some_and(|a| {
                // A name the tagger found may be one word ("says pillar"), and
                // follow a time phrase ("this year says pillar"); any other
                // phrase needs two words, and no time phrase before the cue
                // ("a report this month said iran s stockpile ...").
                let name = v.ent_start[a.end - 1] == Some(a.start as u32);
                let next = v.w(a.end.min(v.len() - 1));
                // An article inside the phrase that no function word
                // precedes opens a verb's object: a clause, not a speaker
                // ("said the strike killed a senior commander").
                let clause = (a.start + 1..a.end).any(|m| v.opens_object(m));
                !clause
                    && (name || (self.sj == self.j && a.len() >= 2))
                    && (v.break_after(a.end - 1)
                        || lex::follows_stripped_inversion(next)
                        // A role's complement ("said the former aide to ...").
                        || (lex::is_role_noun(v.w(a.end - 1)) && lex::opens_role_complement(next)))
            })
    }
}

/// Where a speaker before the cue (its auxiliaries from `j`) ends: before a
/// time phrase, a place adverb or an age between them ("an agency report
/// this month said", "campaign workers here said", "tom hale 55 said"),
/// else `j`.
fn time_phrase_start(v: &View, j: usize, sent_start: usize) -> usize {
    let mut sj = j;
    // An age after a name ("carlos guerrero 55 said").
    if sj > sent_start + 1
        && v.w(sj - 1)
            .parse::<u8>()
            .is_ok_and(|age| (10..=110).contains(&age))
        && v.person_end[sj - 2]
    {
        return sj - 1;
    }
    // Ordinary text: "here" after a noun, not a preposition's ("from there
    // said ..."). Stripped, it as often ends the content before an
    // inverted frame ("who is the real con man here said murphy").
    if !v.stripped
        && sj > sent_start + 1
        && matches!(v.w(sj - 1), "here" | "there")
        && v.is_word(sj - 2)
        && !crate::text::lexicon::is_function_word(v.w(sj - 2))
    {
        return sj - 1;
    }
    if sj > sent_start + 1 && v.is_word(sj - 1) && lex::is_time_word(v.w(sj - 1)) {
        sj -= 1;
        if sj > sent_start + 1 && lex::opens_time_phrase(v.w(sj - 1)) {
            sj -= 1;
        }
    }
    sj
}

/// The phrase after the cue at `c` that may be its inverted speaker ("said
/// the official"). Not one that a finite verb follows, which is the subject
/// of the content ("McKenzie said Iran can accomplish"), nor a participle,
/// which opens an adjunct ("said, requesting anonymity").
fn phrase_after_cue(
    v: &View,
    c: usize,
    j: usize,
    sent_start: usize,
    comma_before: bool,
) -> Option<Range<usize>> {
    if c + 1 >= v.len() || v.break_after(c) {
        return None;
    }
    let a = np_after(v, c + 1)?;
    let subject = a.end < v.len() && lex::is_finite_aux(v.w(a.end));
    if subject || lex::opens_adjunct(v.w(a.start)) {
        return None;
    }
    // Ordinary text: a phrase after the cue that the clause goes on past is
    // the content's subject, not an inverted speaker, when it is a pronoun
    // ("said he and other rabbis were") or when a speaker with its
    // apposition stands before the cue ("X, a spokesman, said the Clintons
    // and the foundation had ...").
    if v.stripped || a.end >= v.len() || !v.is_word(a.end) {
        return Some(a);
    }
    let content_subject = lex::subject_pronoun(v.w(a.start)).is_some()
        || (comma_before && j > sent_start + 1 && np_before(v, j - 1).is_some());
    (!content_subject).then_some(a)
}

/// Ordinary text: "said X" must end where the sentence or clause does
/// ("said the official." / "said Tusk of the ..."), else "X, a Y, said the
/// robber was ..." reads the object as the speaker.
fn closes_inverted_speaker(v: &View, np: &Range<usize>) -> bool {
    v.stripped
        || np.end >= v.len()
        || !v.is_word(np.end)
        || lex::may_follow_inverted_speaker(v.w(np.end))
        || lex::is_time_word(v.w(np.end))
}

/// Stripped text: the phrase `a` after a cue as an inverted speaker that
/// a name opens or ends, with an apposition or the sentence end after the
/// name ("..., said mr hale president of the ...", "said the company s chief
/// executive ann hale who ..."): the phrase up to the name's end.
fn inverted_name(v: &View, a: &Range<usize>) -> Option<Range<usize>> {
    let last = (a.start..(a.end + 3).min(v.len()))
        .find(|&k| v.ent_start[k].is_some_and(|s| (a.start..a.end).contains(&(s as usize))))?;
    let apposition = v.break_after(last)
        || lex::opens_name_apposition(v.w(last + 1))
        || lex::is_role_noun(v.w(last + 1));
    apposition.then(|| a.start..last + 1)
}

/// Whether token `k` marks the next word as a noun: an article, a
/// possessive determiner, a possessive "'s" ("Editor's note"), or (stripped
/// text) the `s` of a possessive (not of an abbreviation: "the u s said").
fn noun_marker(v: &View, k: usize) -> bool {
    lex::is_noun_marker(v.w(k))
        || (v.stripped && v.w(k) == "s" && k > 0 && v.w(k - 1).len() > 1)
        || (!v.stripped && matches!(v.raw(k), "'s" | "’s"))
}

/// The relative pronoun right before a cue starting at `j` ("Ann Wills,
/// who said ...", "voters who said ..."); in stripped text, where no comma
/// sets the relative clause off, only right after a name ("labour
/// secretary owen pratt who said ...").
fn relative_who(v: &View, j: usize) -> Option<usize> {
    let after_name = || v.name_start[j - 2].is_some();
    (j >= 2 && v.w(j - 1) == "who" && (!v.stripped || after_name())).then(|| j - 1)
}

/// The speaker a relative pronoun at `who` stands for: the noun phrase right
/// before it (and before its comma).
fn antecedent(v: &View, who: usize) -> Option<Range<usize>> {
    let end = if v.raw(who - 1) == "," { who - 1 } else { who };
    if end == 0 || end <= v.sentence(who).start || !v.is_word(end - 1) {
        return None;
    }
    np_before(v, end - 1).filter(|np| name_like(v, np))
}

/// A word of digits only.
pub(crate) fn is_number(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
}

/// Whether token `k` can be inside a speaker noun phrase.
fn np_word(v: &View, k: usize) -> bool {
    if v.is_word(k) {
        let w = v.w(k);
        // An adverb in "-ly" ends the phrase, but a capitalised word is a
        // name ("Kelly", "Connolly").
        let adverb = lex::is_ly_adverb(w) && !v.capitalised(k);
        return !(lex::is_np_stop(w) || v.speech_cue(k) || adverb);
    }
    // Ordinary text: the dot of an initial ("Mark T. Esper"), a hyphen, an
    // ampersand ("P&G").
    let r = v.raw(k);
    !v.stripped
        && k > 0
        && ((r == "."
            && v.capitalised(k - 1)
            && (v.raw(k - 1).len() == 1 || lex::is_title_abbrev(v.w(k - 1))))
            || r == "-"
            || r == "&")
}

/// A number in digits or words up to ten.
fn is_count(w: &str) -> bool {
    is_number(w) || lex::is_count_word(w)
}

/// A share of a group as a speaker, ending at `end`: "six in 10", "about
/// 4 out of 10", "most of them", "two of us" (poll and survey reporting).
fn share_before(v: &View, end: usize) -> Option<Range<usize>> {
    let lo = v.sentence(end).start;
    let w = v.w(end);
    let group = lex::is_group_pronoun(w);
    if !(group || is_count(w)) || end < lo + 2 {
        return None;
    }
    let mut k = end - 1;
    if v.w(k) == "of" && k > lo + 1 && v.w(k - 1) == "out" {
        k -= 1;
    } else if !(v.w(k) == "of" || (v.w(k) == "in" && !group)) {
        return None;
    }
    let q = k - 1;
    let share =
        is_count(v.w(q)) || (group && (lex::is_determiner(v.w(q)) || lex::is_share_word(v.w(q))));
    if !share || (v.w(k) == "in" && !is_count(v.w(q))) {
        return None;
    }
    let mut s = q;
    if s > lo && lex::is_approximator(v.w(s - 1)) {
        s -= 1;
    } else if s > lo + 1 && v.w(s - 1) == "than" && lex::is_count_comparative(v.w(s - 2)) {
        s -= 2;
    }
    Some(s..end + 1)
}

/// The speaker noun phrase ending at token `end` (inclusive), walking back.
pub(crate) fn np_before(v: &View, end: usize) -> Option<Range<usize>> {
    let w = v.w(end);
    if lex::subject_pronoun(w).is_some() {
        return Some(end..end + 1);
    }
    if let Some(q) = share_before(v, end) {
        return Some(q);
    }
    // "Sen. Lindsey Graham (R-S.C.) said": skip back over the parenthesis.
    if !v.stripped && w == ")" {
        let lo = v.sentence(end).start;
        let open = (lo..end).rev().take(10).find(|&k| v.raw(k) == "(")?;
        if open <= lo {
            return None;
        }
        return np_before(v, open - 1);
    }
    // Stripped text: a party label after a name ("lindsey graham r s c
    // said", "ryan r wis said"): skip back to the name.
    if v.stripped && v.ent_start[end].is_none() {
        for k in end.saturating_sub(3)..end {
            if v.ent_start[k].is_some()
                && lex::is_party_letter(v.w(k + 1))
                && (k + 2..=end).all(|m| v.w(m).len() <= 4)
            {
                return np_before(v, k);
            }
        }
    }
    // "X, a Y at Z, said" / "X — a Y at Z — said": skip back over the
    // apposition to its comma or dash.
    let mark = v.raw(end);
    if !v.stripped && lex::is_comma_or_dash(mark) {
        let lo = v.sentence(end).start;
        // "the rebels' commander, Musa Bello, told", "One of them, a
        // teacher named Grace Otieno, said": a name set off by the same
        // marks, or named at the end of them, is the speaker.
        if let Some(s) = v.ent_start[end.saturating_sub(1)].map(|s| s as usize) {
            let named = |s: usize| lex::introduces_name(v.w(s - 1)) && v.person_end[end - 1];
            if s > lo + 1 && (v.raw(s - 1) == mark || named(s)) {
                return Some(s..end);
            }
        }
        let mut k = end;
        while k > lo && end - k < 25 {
            k -= 1;
            // An age set off by commas ("Ann Wills, 21, a student at ...,
            // said"): the name is before it.
            if mark == ","
                && v.raw(k) == ","
                && k >= lo + 3
                && is_number(v.raw(k - 1))
                && v.raw(k - 2) == ","
            {
                k -= 1;
                continue;
            }
            if v.raw(k) == mark && k > lo {
                let np = np_before(v, k - 1)?;
                return name_like(v, &np).then_some(np);
            }
            // A relative clause in the apposition may hold a cue ("X, who
            // said ..., said"); any other cue ends the walk, but for a
            // participle ("a creative writing professor").
            let relative = (k.saturating_sub(3)..k).any(|m| v.w(m) == "who");
            let participle = v.w(k).ends_with("ing");
            if v.is_quote_mark(k) || (v.speech_cue(k) && !relative && !participle) {
                return None;
            }
        }
        return None;
    }
    let mut lo = v.sentence(end).start;
    let sent_lo = lo;
    // A name the tagger found ends the phrase's reach back, except for the
    // titles and determiners right before it ("former cia analyst paul
    // pillar", not "an escalation path kagan"), a title's abbreviation and
    // a name that modifies a title ("Italian Prime Minister Matteo Renzi").
    if let Some(s) = v.ent_start[end] {
        let mut s = s as usize;
        loop {
            // An organisation's noun before a role noun ("bank president
            // joao lima") belongs to the title.
            let org = || lex::is_org_head(v.w(s - 1)) && lex::is_role_noun(v.w(s));
            if s > lo
                && (lex::is_role_noun(v.w(s - 1)) || lex::is_determiner(v.w(s - 1)) || org())
                && !(v.stripped && v.break_after(s - 1))
            {
                s -= 1;
            } else if s >= lo + 2 && v.raw(s - 1) == "." && lex::is_title_abbrev(v.w(s - 2)) {
                s -= 2; // "Mr. Ackman", when the tagger's name leaves out "Mr."
            } else if let Some(m) = v.name_start[s.saturating_sub(1)]
                .map(|m| m as usize)
                .filter(|&m| m >= lo && m < s && lex::is_role_noun(v.w(s)))
            {
                s = m; // "Italian Prime Minister Matteo Renzi", "UN Secretary-General X"
            } else {
                break;
            }
        }
        lo = lo.max(s);
    }
    let cap = if v.stripped { 7 } else { 9 };
    let mut k = end;
    if !np_word(v, k) || v.w(k) == "of" {
        return None;
    }
    loop {
        if lex::is_determiner(v.w(k)) {
            // "two of the officials": continue over "of" to the number.
            if k >= lo + 2 && v.is(k - 1, "of") && lex::is_determiner(v.w(k - 2)) {
                k -= 2;
            }
            break;
        }
        if k == lo || end - k + 1 >= cap {
            break;
        }
        let p = k - 1;
        if !np_word(v, p) || (v.stripped && v.break_after(p)) {
            break;
        }
        // Ordinary text: a lowercase word before a capitalised name ends the
        // phrase unless it is a title-like word ("former", "chief executive").
        if !v.stripped
            && v.capitalised(k)
            && !v.capitalised(p)
            && v.is_word(p)
            && !lex::is_role_noun(v.w(p))
            && !lex::is_determiner(v.w(p))
        {
            break;
        }
        k = p;
    }
    while k < end && (v.w(k) == "of" || !v.is_word(k)) {
        k += 1;
    }
    if v.stripped {
        if let Some(name) = apposition_head(v, k, end) {
            return Some(name);
        }
    }
    let mut k = pp_head_start(v, k, end, sent_lo);
    // Stripped text: a participle after a form of "be" is its clause's
    // verb, not the phrase's first word ("a man ... was arrested police
    // said").
    while v.stripped
        && k < end
        && k > sent_lo
        && lex::is_be_form(v.w(k - 1))
        && v.w(k).ends_with("ed")
    {
        k += 1;
    }
    let np = k..end + 1;
    (v.stripped || name_like(v, &np) || np.len() <= 4).then_some(np)
}

/// Where a speaker phrase starting at `k` starts once the noun phrases it
/// modifies through a preposition are taken in ("a doctor at the main
/// hospital in Gaza", "officials in Kyiv"): up to two hops back, each over
/// a preposition and a phrase that opens with a determiner (four words at
/// most) or a lone plural or role noun; never before `lo`. A phrase whose
/// own last word (`end`) is a plural or role noun has its head ("a rally in
/// ohio officials said" stays "ohio officials").
fn pp_head_start(v: &View, mut k: usize, end: usize, lo: usize) -> usize {
    // "people familiar with the talks", "a source close to the president",
    // "a person with knowledge of the matter": the phrase before the
    // modifier is the head, whatever the phrase after it.
    if let Some(m) = (k >= lo + 3)
        .then(|| lex::postmodifier_start(|d| v.w(d), k - 1))
        .flatten()
        .filter(|&m| m > lo && !(v.stripped && v.break_after(m - 1)))
    {
        return np_before(v, m - 1)
            .filter(|np| np.end == m)
            .map_or(k, |np| np.start);
    }
    let own_head = lex::is_role_noun(v.w(end)) || lex::is_plural_head(v.w(end));
    for _ in 0..2 {
        if own_head || k < lo + 2 || !lex::is_modifier_prep(v.w(k - 1)) {
            break;
        }
        let p = k - 1;
        let lone = p - 1;
        let w = v.w(lone);
        let bare_noun = (lone == lo || !v.capitalised(lone))
            && (lex::is_role_noun(w) || lex::is_plural_head(w))
            && !(v.stripped && v.break_after(lone))
            && (lone == lo || !lex::is_determiner(v.w(lone - 1)));
        if bare_noun {
            k = lone;
            continue;
        }
        let Some(d) = (lo.max(p.saturating_sub(4))..p)
            .rev()
            .take_while(|&d| np_word(v, d) && !(v.stripped && v.break_after(d)))
            .find(|&d| lex::is_determiner(v.w(d)))
        else {
            break;
        };
        k = d;
    }
    k
}

/// The token of a speaker phrase that heads it: the last word before its
/// first preposition ("a doctor at the hospital", "Officer Tusk of the
/// Walrus Police"; not after a determiner: "two of the officials"; not
/// inside a title: "Secretary of State John Kerry"), else its last word.
pub(crate) fn phrase_head(v: &View, sp: &Range<usize>) -> usize {
    (sp.start + 1..sp.end.saturating_sub(1))
        .find_map(|m| {
            // "sources close to the campaign": the word before the modifier.
            if let Some(a) = lex::postmodifier_start(|d| v.w(d), m).filter(|&a| a > sp.start) {
                return Some(a);
            }
            (lex::is_modifier_prep(v.w(m))
                && !lex::is_determiner(v.w(m - 1))
                && !(lex::is_role_noun(v.w(m - 1)) && lex::is_role_noun(v.w(m + 1))))
            .then_some(m)
        })
        .map_or(sp.end.saturating_sub(1), |m| m - 1)
}

/// Stripped text: the name before an apposition that ends the phrase
/// `k..=end` ("gen kenneth mckenzie [the head of central command] told",
/// or "... the head of [the u s central command] told"): that name, when a
/// person or organisation entity ends right before the apposition's
/// determiner and a role noun and a preposition follow the determiner.
fn apposition_head(v: &View, k: usize, end: usize) -> Option<Range<usize>> {
    // The apposition's determiner: the phrase's first word, or within four
    // words before a phrase that a preposition precedes ("elena ruiz [a
    // professor at] the university of lagos said").
    let first = (lex::is_determiner(v.w(k))
        && (k + 1..end).any(|m| lex::is_apposition_prep(v.w(m))))
    .then_some(k);
    let before = (k >= 3 && lex::is_apposition_prep(v.w(k - 1)))
        .then(|| {
            (k.saturating_sub(5)..k - 1)
                .rev()
                .take_while(|&d| lex::is_determiner(v.w(d)) || np_word(v, d))
                .find(|&d| lex::is_determiner(v.w(d)))
        })
        .flatten();
    [first, before].into_iter().flatten().find_map(|d| {
        let p = (d + 1..=end).find(|&m| lex::is_apposition_prep(v.w(m)))?;
        if d == 0 || !(d + 1..p).any(|m| lex::is_role_noun(v.w(m))) {
            return None;
        }
        v.ent_start[d - 1].map(|s| s as usize..d)
    })
}

/// Ordinary text: a phrase that can name a speaker (a capitalised word, or a
/// determiner or plural head).
fn name_like(v: &View, np: &Range<usize>) -> bool {
    if v.stripped {
        return true;
    }
    np.clone().any(|k| v.capitalised(k))
        || lex::is_determiner(v.w(np.start))
        || lex::is_plural_head(v.w(np.end - 1))
        || lex::is_plural_head(v.w(phrase_head(v, np)))
        || lex::subject_pronoun(v.w(np.start)).is_some()
}

/// The speaker noun phrase starting at token `start`, walking forward.
pub(crate) fn np_after(v: &View, start: usize) -> Option<Range<usize>> {
    if start >= v.len() {
        return None;
    }
    if lex::is_personal_pronoun(v.w(start)) {
        return Some(start..start + 1);
    }
    // "said of the plan": the object of the cue, not its speaker.
    if v.w(start) == "of" {
        return None;
    }
    let cap = if v.stripped { 7 } else { 9 };
    let mut k = start;
    let mut seen_cap = false;
    while k < v.len() && k - start < cap {
        let w = v.w(k);
        if lex::is_determiner(w) && k == start {
            k += 1;
            continue;
        }
        // Ordinary text: the object of a verb ("The finance ministry
        // defended the tax"): the phrase ends before that verb.
        if !v.stripped && k > start + 1 && v.opens_object(k) {
            k -= 1;
            break;
        }
        if !np_word(v, k) {
            break;
        }
        if !v.stripped {
            if w == "of" && (seen_cap || k == start) {
                break; // "said Officer Tusk of the Walrus Police Department"
            }
            if seen_cap && !v.capitalised(k) && v.is_word(k) {
                // "Brighton coach Fabian Hurzeler": a role noun before a
                // name is its title.
                if lex::is_role_noun(w) && k + 1 < v.len() && v.capitalised(k + 1) {
                    k += 1;
                    continue;
                }
                // "according to two Western diplomats": one plural or role
                // noun may close the phrase; anything else ends it.
                if lex::is_plural_head(w) || lex::is_role_noun(w) {
                    k += 1;
                }
                break; // "said Burton yesterday"
            }
            seen_cap |= v.capitalised(k);
        }
        if v.stripped && k > start && v.break_after(k - 1) {
            break;
        }
        k += 1;
    }
    while k > start && (v.w(k - 1) == "of" || !v.is_word(k - 1)) {
        k -= 1;
    }
    if k == start || (k == start + 1 && lex::is_determiner(v.w(start))) {
        return None;
    }
    let np = start..k;
    if !v.stripped && !name_like(v, &np) {
        return None;
    }
    // A time word right after the cue ("said on thursday") is no speaker.
    if lex::is_time_word(v.w(np.end - 1)) {
        return None;
    }
    Some(np)
}
