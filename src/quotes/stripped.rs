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
use super::ordinary::content_start_after;
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

pub(crate) fn extract(v: &View) -> Vec<Found> {
    let frames = frame::frames(v, &|_| false);
    let mut out: Vec<Found> = Vec::new();
    let mut taken_until = 0usize; // no two quotes share tokens
    for f in &frames {
        let sent = v.sentence(f.cue.start);
        let after_that = content_start_after(v, f, sent.end)
            .filter(|&s| v.w(s) == "that" || f.strong && !f.inverted);
        if !f.strong && after_that.is_none() {
            continue;
        }
        let before = f.span.start.saturating_sub(sent.start.max(taken_until));
        let tail = f.span.end.max(f.cue.end);
        let after = sent
            .end
            .saturating_sub(tail + adjunct_len(v, tail, sent.end));
        let range = match after_that {
            Some(s) if v.w(s) == "that" => s..sent.end,
            _ if before >= 3 && after >= 4 && !f.inverted => sent.start.max(taken_until)..sent.end,
            _ if before >= 3 => sent.start.max(taken_until)..f.span.start,
            Some(s) if after >= 3 => s..sent.end,
            _ => continue,
        };
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
    out
}
