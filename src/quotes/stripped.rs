//! Quotes in stripped text (lowercased, no punctuation, no quotation marks).
//!
//! Frames are found as in ordinary text, with predicted sentence and comma
//! boundaries ([`super::boundary`]) standing in for punctuation. The content
//! of a frame is then:
//! - from `that` to the sentence end when the cue is followed by `that`
//!   (after an addressee or adjunct: "told the committee on thursday that");
//! - the rest of the sentence when the frame opens it ("the u s said the
//!   strikes were defensive");
//! - the sentence before the frame when the frame closes its sentence ("...
//!   says pillar", "... the official said on wednesday");
//! - the whole sentence when the frame sits inside it with words on both
//!   sides ("a possibly greater danger one u s official said on wednesday is
//!   renewed cyberattacks"): the guidelines' split quote.
//!
//! Weak cues ("asked", "urged") count only before `that`.

use super::frame::{self, View};
use super::Found;

/// Words that may trail a frame without being content ("said on thursday",
/// "told time", "said in a statement").
fn adjunct_len(v: &View, from: usize, limit: usize) -> usize {
    let mut k = from;
    if k < limit && super::lex::is_adjunct_prep(v.w(k)) {
        k += 1;
        while k < limit && k - from < 4 && !super::lex::is_np_stop(v.w(k)) {
            k += 1;
        }
    }
    k - from
}

/// Tell-type cues take an addressee ("told the committee"): without `that`,
/// what follows them is the addressee and adjuncts, not content.
fn takes_object(lemma: &str) -> bool {
    matches!(
        lemma,
        "tell" | "inform" | "assure" | "reassure" | "remind" | "ask" | "urge" | "advise" | "notify"
    )
}

/// Where `that` opens the content within a few words after the cue.
fn that_after(v: &View, from: usize, limit: usize) -> Option<usize> {
    (from..limit.min(from + 9)).find(|&k| v.w(k) == "that")
}

pub(crate) fn extract(v: &View) -> Vec<Found> {
    let frames = frame::frames(v, &|_| false);
    let mut out: Vec<Found> = Vec::new();
    let mut taken_until = 0usize; // no two quotes share tokens
    for f in &frames {
        let sent = v.sentence(f.cue.start);
        let that = if f.inverted {
            None
        } else {
            that_after(v, f.cue.end, sent.end)
        };
        if !f.strong && that.is_none() {
            continue;
        }
        let from = sent.start.max(taken_until);
        let before = f.span.start.saturating_sub(from);
        let tail = f.span.end.max(f.cue.end);
        let after_start = tail + adjunct_len(v, tail, sent.end);
        let after = if f.inverted || takes_object(f.lemma) {
            0
        } else {
            sent.end.saturating_sub(after_start)
        };
        let mut ranges = Vec::with_capacity(2);
        match that {
            Some(s) => ranges.push(s..sent.end),
            None if before >= 6 && after >= 4 => {
                ranges.push(from..f.span.start);
                ranges.push(after_start..sent.end);
            }
            None if before >= 3 && after >= 4 => ranges.push(from..sent.end),
            None if before >= 3 => ranges.push(from..f.span.start),
            None if after >= 3 => ranges.push(after_start..sent.end),
            None => continue,
        }
        for range in ranges {
            if range.len() < 3 || range.start < taken_until {
                continue;
            }
            taken_until = range.end.max(f.span.end);
            let b = v.bytes(&range);
            out.push(Found {
                start: b.start,
                end: b.end,
                speaker: f.speaker.clone(),
                cue: Some(f.cue.clone()),
                direct: false,
                inherit: false,
            });
        }
    }
    out
}
