//! Quotes in stripped text (lowercased, no punctuation, no quotation marks).
//!
//! Frames are found as in ordinary text, with predicted sentence and comma
//! boundaries ([`super::boundary`]) standing in for punctuation. A content
//! never crosses a sentence end the model is sure of (`SURE_MARGIN`), nor
//! another frame: the text between two frames of one such sentence is cut
//! at the likeliest predicted end in it (or, when the second frame closes
//! its sentence and needs content before it, where an end is likeliest;
//! when the first frame closes its own, the text is all the second's).
//! Within those limits the content of a frame is:
//! - from `that` to the end when the cue is followed by `that`
//!   (after an addressee or adjunct: "told the committee on thursday that");
//! - the rest when the frame opens it ("the u s said the strikes were
//!   defensive"), or the next sentence, up to the next frame, when the
//!   frame stands alone in its own ("two of the officials said | tehran is
//!   ..."), but the sentence before it when no sentence of three words or
//!   more follows ("the plan is dead | the senator conceded");
//! - the text before the frame when the frame closes it ("... says pillar",
//!   "... the official said on wednesday", "... the official said requesting
//!   anonymity");
//! - the whole when the frame sits inside it with a few words before it
//!   ("a possibly greater danger one u s official said on wednesday is
//!   renewed cyberattacks"): the guidelines' split quote; with six words or
//!   more on each side, two quotes.
//!
//! Weak cues ("asked", "urged") count only before `that`.

use std::ops::Range;

use super::frame::{self, View};
use super::Found;

/// Words that may trail a frame without being content ("said on thursday",
/// "told time", "said in a statement").
fn adjunct_len(v: &View, from: usize, limit: usize) -> usize {
    let mut k = from;
    if k < limit
        && super::lex::is_adjunct_prep(v.w(k))
        && !(k + 1 < limit && super::lex::opens_bound(v.w(k), v.w(k + 1)))
    {
        k += 1;
        // A time word ends the adjunct ("said on wednesday"); it is also
        // a stop word, so it is taken before the walk below.
        if k < limit && super::lex::is_time_word(v.w(k)) {
            return k + 1 - from;
        }
        while k < limit && k - from < 4 && !super::lex::is_np_stop(v.w(k)) {
            k += 1;
        }
    }
    k - from
}

/// Where `that` opens the content within a few words after the cue.
/// A finite verb before it ends the search: "said iran can accomplish that"
/// is no `that`-clause of the cue.
fn that_after(v: &View, from: usize, limit: usize) -> Option<usize> {
    (from..limit.min(from + 9))
        .take_while(|&k| !super::lex::is_finite_aux(v.w(k)) && !v.speech_cue(k))
        .find(|&k| v.w(k) == "that")
}

/// Whether a participle at `k` opens an adjunct of the frame before it
/// ("said requesting anonymity"), not a clause's subject ("said borrowing
/// costs could rise", "said fighting had stopped").
fn adjunct_at(v: &View, k: usize) -> bool {
    use super::lex::{is_finite_aux, is_personal_pronoun, opens_adjunct};
    if k >= v.len() || !opens_adjunct(v.w(k)) {
        return false;
    }
    // A cue's participle ("said adding it was too early") is an adjunct,
    // and no subject reads across a boundary.
    if v.speech_cue(k) || v.break_after(k) {
        return true;
    }
    let next = |d: usize| v.w((k + d).min(v.len() - 1));
    let subject = is_finite_aux(next(1))
        || (is_finite_aux(next(2))
            && !v.break_after(k + 1)
            && !is_personal_pronoun(next(1))
            && next(1) != "that");
    !subject
}

/// Where frame `f` ends (its span or cue, whichever is later), the end of
/// its predicted sentence, and where the words after it start once a short
/// adjunct is skipped ("said on thursday").
fn after_frame(v: &View, f: &frame::Frame) -> (usize, usize, usize) {
    let tail = f.span.end.max(f.cue.end);
    let limit = v.sentence(tail.saturating_sub(1)).end;
    (tail, limit, tail + adjunct_len(v, tail, limit))
}

/// Whether a participle adjunct follows frame `f` ("the official said
/// requesting anonymity"): its content is before it.
fn adjunct_follows(v: &View, f: &frame::Frame) -> bool {
    let (tail, limit, after) = after_frame(v, f);
    !f.inverted && tail < limit && adjunct_at(v, after)
}

/// Whether frame `f` takes no content after it: an inversion ("..., says
/// pillar"), a tell-type cue without `that`, a participle adjunct after it
/// ("said, requesting anonymity"), or a sentence end right after it.
fn closes(v: &View, f: &frame::Frame) -> bool {
    let (tail, limit, after) = after_frame(v, f);
    if f.inverted || tail >= v.len() {
        return true;
    }
    if that_after(v, f.cue.end, limit).is_some() {
        return false;
    }
    // Past an adjunct ("said on wednesday hacking is ..."), a participle
    // leaves the words to the next frame, as before the subject test.
    let participle = || {
        if after == tail {
            adjunct_at(v, after)
        } else {
            super::lex::opens_adjunct(v.w(after))
        }
    };
    f.verb.tell || after >= limit || participle()
}

/// How many words a tell-type cue's addressee at `k` takes: an addressee
/// word ("reporters"), a determiner and up to three nouns ("the
/// committee"), or a name ("afp"); 0 when none opens there.
fn addressee_len(v: &View, k: usize, limit: usize) -> usize {
    if k >= limit {
        return 0;
    }
    let w = v.w(k);
    if super::lex::is_addressee_word(w) {
        return 1;
    }
    if super::lex::is_addressee_determiner(w) {
        let nouns = (k + 1..limit.min(k + 4))
            .take_while(|&m| frame::is_plain_noun(v, m))
            .count();
        return if nouns > 0 { 1 + nouns } else { 0 };
    }
    (k..limit.min(k + 5))
        .find(|&m| v.name_start[m] == Some(k as u32))
        .map_or(0, |m| m + 1 - k)
}

/// Where the clause after a tell-type cue's addressee at `k` starts: after
/// "reporters", a determiner and its noun, or a name, where a pronoun or a
/// determiner follows ("told reporters the bill was dead", "told the
/// committee he would resign", "told afp the talks had collapsed").
fn told_clause(v: &View, k: usize, limit: usize) -> Option<usize> {
    let end = k + addressee_len(v, k, limit);
    let opens =
        |n: &str| super::lex::is_personal_pronoun(n) || super::lex::is_addressee_determiner(n);
    (end > k && end < limit && opens(v.w(end))).then_some(end)
}

/// `starts[i]`..`ends[i]`: the sentence of token `i` between the `sure` ends.
fn outer_sentences(n: usize, sure: &[bool]) -> (Vec<usize>, Vec<usize>) {
    let mut starts = vec![0; n];
    let mut ends = vec![n; n];
    let mut s = 0;
    for i in 0..n {
        starts[i] = s;
        if sure.get(i).copied().unwrap_or(true) {
            ends[s..=i].fill(i + 1);
            s = i + 1;
        }
    }
    (starts, ends)
}

/// Where the text between frames `a` and `b` of the same sentence (`ends`:
/// the end of each token's sentence) is cut: at the likeliest sentence end
/// in the gap (by `margins`), if the model predicted one there, else at the
/// second frame's start; `None` when they share no gap in one sentence
/// (but for a frame with a participle adjunct that opens the next one).
fn cut_between(
    v: &View,
    a: &frame::Frame,
    b: &frame::Frame,
    ends: &[usize],
    margins: &[f32],
) -> Option<usize> {
    let a_end = a.span.end.max(a.cue.end);
    let b_start = b.span.start.min(b.cue.start);
    // A closing frame that opens its sentence right after the first
    // frame's ("one official said ... hacking is harder to trace | the
    // official said requesting anonymity") shares that sentence's words.
    let a_closes = closes(v, a);
    let lone_next = ends[a.cue.start] == b_start && !a_closes && adjunct_follows(v, b);
    if b_start <= a_end || (ends[a.cue.start] <= b_start && !lone_next) {
        return None;
    }
    let best = |lo: usize, hi: usize| (lo..hi).max_by(|&x, &y| margins[x].total_cmp(&margins[y]));
    // When the second frame closes its sentence, it needs content before
    // it: cut where an end is likeliest, 3 words from each side. Otherwise
    // cut at a predicted end, if any, else give the gap to the first frame.
    // Its addressee ("told staff on monday") trails the first frame too.
    let addressee = if a.verb.tell {
        addressee_len(v, a_end, b_start)
    } else {
        0
    };
    let a_tail = a_end + addressee + adjunct_len(v, a_end + addressee, b_start);
    if a_closes {
        // The gap is the second frame's alone.
        return Some(a_tail);
    }
    if closes(v, b) {
        if b_start >= a_tail + 6 {
            return best(a_tail + 2, b_start - 3).map(|k| k + 1);
        }
        return Some(b_start);
    }
    if let Some(k) = best(a_end - 1, b_start).filter(|&k| margins[k] > 0.0) {
        return Some(k + 1);
    }
    Some(b_start)
}

/// The content of a frame without `that` from the words `before` and
/// `after` it in its sentence: both, apart, when each is long; one range
/// over the frame when the part before is short (a split quote: "the plan
/// she said is dead"); else the one long enough.
fn around(before: Range<usize>, after: Range<usize>) -> Vec<Range<usize>> {
    let (b, a) = (before.len(), after.len());
    let mut out = Vec::with_capacity(2);
    if b >= 6 && a >= 4 {
        out.push(before);
        out.push(after);
    } else if b >= 3 && a >= 4 {
        out.push(before.start..after.end);
    } else if b >= 3 {
        out.push(before);
    } else if a >= 3 {
        out.push(after);
    }
    out
}

/// The quotes of a stripped document, and the speaker mentions of the
/// frames that found no content of their own (a pronoun after them may
/// stand for their speaker). `sure[i]`: a sentence end the model is sure of
/// after token `i` (contents never cross one); `margins[i]`: the model's
/// score for a sentence end there, which decides where the text between two
/// frames is cut when no sure end lies between them.
pub(crate) fn extract(v: &View, sure: &[bool], margins: &[f32]) -> (Vec<Found>, Vec<Range<usize>>) {
    let frames: Vec<_> = frame::frames(v, &|_| false)
        .into_iter()
        .filter(|f| f.verb.strong || (!f.inverted && that_after(v, f.cue.end, v.len()).is_some()))
        .collect();
    let (starts, ends) = outer_sentences(v.len(), sure);
    let cuts: Vec<Option<usize>> = frames
        .windows(2)
        .map(|p| cut_between(v, &p[0], &p[1], &ends, margins))
        .collect();
    let mut out: Vec<Found> = Vec::new();
    let mut silent = Vec::new();
    let mut taken_until = 0usize; // no two quotes share tokens
    for (fi, f) in frames.iter().enumerate() {
        let emitted = out.len();
        let mut lo = starts[f.cue.start].max(taken_until);
        let mut hi = ends[f.cue.start];
        if fi > 0 {
            if let Some(c) = cuts[fi - 1] {
                lo = lo.max(c.min(f.span.start));
            }
        }
        if let Some(Some(c)) = cuts.get(fi) {
            hi = hi.min(*c);
        }
        let tail = f.span.end.max(f.cue.end);
        // A frame the next one follows at once ("she said , adding that
        // ...") leaves what comes after to it.
        if frames
            .get(fi + 1)
            .is_some_and(|n| n.span.start.min(n.cue.start) <= tail)
        {
            hi = hi.min(tail);
        }
        let that = if f.inverted {
            None
        } else {
            that_after(v, f.cue.end, hi)
        };
        // A short fronted adjunct ("in a statement the company said ...") is
        // no content.
        let fronted =
            f.span.start > lo && f.span.start - lo <= 4 && super::lex::is_fronting_prep(v.w(lo));
        // A frame whose speaker is its clause's subject before it ("ruto
        // rejected the report saying ...") has the subject's own clause
        // before it, no content.
        let subject_before = f.speaker.as_ref().is_some_and(|sp| sp.end <= f.span.start);
        // A relative frame ("... owen pratt who said ...", "who has said")
        // sits inside the clause before it, which is no content (not so a
        // relative clause before the cue: "cruz who has proposed ... said").
        let relative = (0..f.cue.start)
            .rev()
            .take(4)
            .find(|&k| !frame::aux_or_adverb(v, k))
            .is_some_and(|k| v.w(k) == "who");
        // A frame whose speaker opens the content of the frame before it
        // ("the mayor said the police told her ...") has that frame, not
        // content, before it.
        let nested = fi > 0 && {
            let p = &frames[fi - 1];
            !p.inverted && p.span.end.max(p.cue.end) == f.span.start
        };
        let before = if fronted || subject_before || relative || nested {
            0
        } else {
            f.span.start.saturating_sub(lo)
        };
        let adjunct_end = tail + adjunct_len(v, tail, hi);
        // "told the committee he would resign": the clause after the
        // addressee is content.
        let told = f.verb.tell && that.is_none() && !f.inverted;
        let after_start = told
            .then(|| told_clause(v, adjunct_end, hi))
            .flatten()
            .unwrap_or(adjunct_end);
        // "according to X" opening its sentence, nothing before it: the
        // content follows X.
        let opening = f.verb.lemma == "according to" && before < 3;
        let after = if (f.inverted && !opening)
            || (f.verb.tell && after_start == adjunct_end)
            || (after_start < hi && adjunct_at(v, after_start))
            || v.to_phrase(after_start, hi)
            || (f.verb.lemma == "say" && v.topic_after(after_start, hi))
        {
            0
        } else {
            hi.saturating_sub(after_start)
        };
        let (mut after, mut hi) = (after, hi);
        // A frame alone at the end of the text, or before a sentence too
        // short to be its content ("the plan is dead | the senator
        // conceded |"): the content is the sentence before it.
        let prev_start = if lo > 0 {
            starts[lo - 1].max(taken_until)
        } else {
            lo
        };
        let next_len = if hi < v.len() { ends[hi] - hi } else { 0 };
        // "the official said requesting anonymity": an adjunct ends the
        // frame's sentence, whatever follows it.
        let adjunct_after = adjunct_end < hi && adjunct_at(v, adjunct_end);
        if that.is_none()
            && before < 3
            && after < 3
            && !f.inverted
            && !f.verb.tell
            && (next_len < 3 || adjunct_after)
            && lo == starts[f.cue.start]
            && lo >= prev_start + 3
        {
            out.push(Found::reported(v.bytes(&(prev_start..lo)), f));
            taken_until = tail;
            continue;
        }
        // A frame alone in its sentence ("two of the officials said |"):
        // the model put an end between the cue and its content, so the
        // content is the next sentence.
        if that.is_none()
            && before < 3
            && after < 3
            && after_start >= hi
            && !f.inverted
            && !f.verb.tell
            && hi < v.len()
            && !cuts.get(fi).is_some_and(|c| c.is_some_and(|c| c <= hi))
        {
            // Up to the next sentence's end, or its next frame.
            let next_frame = frames
                .get(fi + 1)
                .map_or(v.len(), |n| n.span.start.min(n.cue.start));
            let limit = match cuts.get(fi) {
                Some(Some(c)) => ends[hi].min(*c),
                _ => ends[hi],
            }
            .min(next_frame.max(hi));
            if limit >= hi + 3 && !adjunct_at(v, hi) {
                after = limit - after_start;
                hi = limit;
            }
        }
        let ranges = match that {
            // A that-clause: the words after it only.
            Some(s) => around(s..s, s..hi),
            None => around(
                f.span.start - before..f.span.start,
                after_start..after_start + after,
            ),
        };
        for range in ranges {
            if range.len() < 3 || range.start < taken_until {
                continue;
            }
            taken_until = range.end.max(after_start.min(hi));
            out.push(Found::reported(v.bytes(&range), f));
        }
        if out.len() == emitted {
            silent.extend(f.speaker.clone());
        }
    }
    (out, silent)
}
