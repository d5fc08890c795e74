//! The entity tagger: BILOU tags over a document's tokens, an averaged
//! structured perceptron (`crate::learn`) decoded with Viterbi per sentence
//! (ordinary text) or clause (stripped text), with BILOU constraints.

use std::ops::Range;
use std::sync::LazyLock;

#[cfg(feature = "training")]
use super::features::extract_features;
use super::features::Resources;
use super::EntityLabel;
use crate::learn::Model;
#[cfg(feature = "training")]
use crate::learn::{Rng, Trainer};
use crate::text::Doc;
#[cfg(feature = "training")]
use crate::text::TokenKind;

const TYPES: [EntityLabel; 4] = [
    EntityLabel::Per,
    EntityLabel::Org,
    EntityLabel::Loc,
    EntityLabel::Misc,
];

/// Number of tags: O plus B, I, L, U for each of the four types.
pub const TAGS: usize = 17;

#[cfg(feature = "training")]
fn tag(ty: usize, pos: usize) -> usize {
    1 + ty * 4 + pos // pos: 0 B, 1 I, 2 L, 3 U
}

#[cfg(feature = "training")]
fn type_index(l: EntityLabel) -> Option<usize> {
    TYPES.iter().position(|&t| t == l)
}

/// Which tag moves BILOU allows, laid out as `crate::learn::viterbi` wants.
#[cfg(feature = "training")]
pub fn bilou_constraints() -> Vec<bool> {
    let mut allowed = vec![false; (TAGS + 1) * TAGS];
    // May a tag follow `prev` (None: start)?
    let ok = |prev: Option<usize>, cur: usize| -> bool {
        let inside = |t: usize| t != 0 && matches!((t - 1) % 4, 0 | 1); // B or I
        let cur_pos = if cur == 0 { None } else { Some((cur - 1) % 4) };
        let cur_ty = if cur == 0 { None } else { Some((cur - 1) / 4) };
        match prev {
            Some(p) if inside(p) => cur_ty == Some((p - 1) / 4) && matches!(cur_pos, Some(1 | 2)),
            _ => !matches!(cur_pos, Some(1 | 2)),
        }
    };
    for cur in 0..TAGS {
        allowed[cur] = ok(None, cur);
        for p in 0..TAGS {
            allowed[(p + 1) * TAGS + cur] = ok(Some(p), cur);
        }
    }
    allowed
}

/// The compiled-in resources and model.
pub static RESOURCES: LazyLock<Resources> = LazyLock::new(|| {
    Resources::new(
        super::gazetteer::Lexicon::parse(include_str!("data/gazetteers.txt")),
        super::clusters::Clusters::parse(include_str!("data/clusters.txt"))
            .expect("the compiled-in word classes parse"),
    )
});

static MODEL: LazyLock<NerModel> = LazyLock::new(|| {
    NerModel::from_bytes(include_bytes!("data/model.bin"))
        .unwrap_or_else(|e| panic!("the compiled-in entity model does not load: {e}"))
});

/// The compiled-in model. A model that does not load is a build defect, so
/// this panics (the extractor turns a panic into an error for the article):
/// never a silently empty result.
pub fn model() -> &'static NerModel {
    &MODEL
}

/// A two-stage tagger (Ratinov & Roth 2009, "extended prediction history"):
/// stage 1 tags from local features; stage 2 adds what stage 1 said about
/// this token, its neighbours and the other occurrences of the same word in
/// the article, so a name tagged once in a clear context keeps its type
/// where it is written lowercased or alone.
#[derive(Debug, Clone)]
pub struct NerModel {
    stage1: Model,
    stage2: Option<Model>,
    /// Identifies the model to per-thread caches (see `super::scorer`).
    id: u64,
    /// Both stages' weights in one table, built on first use.
    joint: std::sync::OnceLock<super::scorer::Joint>,
}

const NER_MAGIC: &[u8; 8] = b"NMNER002";

impl NerModel {
    // Its stages are `learn::Model`s, public with `training` only.
    #[cfg_attr(not(feature = "training"), doc(hidden))]
    pub fn new(stage1: Model, stage2: Option<Model>) -> Self {
        NerModel {
            stage1,
            stage2,
            id: super::features::next_id(),
            joint: std::sync::OnceLock::new(),
        }
    }

    pub(crate) fn joint(&self) -> &super::scorer::Joint {
        self.joint.get_or_init(|| super::scorer::Joint::new(self))
    }

    #[cfg_attr(not(feature = "training"), doc(hidden))]
    pub fn stage1(&self) -> &Model {
        &self.stage1
    }

    #[cfg_attr(not(feature = "training"), doc(hidden))]
    pub fn stage2(&self) -> Option<&Model> {
        self.stage2.as_ref()
    }

    /// Stage 1, then stage 2 if there is one.
    #[cfg_attr(not(feature = "training"), doc(hidden))]
    pub fn stages(&self) -> impl Iterator<Item = &Model> {
        std::iter::once(&self.stage1).chain(self.stage2.as_ref())
    }

    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = NER_MAGIC.to_vec();
        for m in std::iter::once(&self.stage1).chain(self.stage2.as_ref()) {
            let b = m.to_bytes();
            out.extend_from_slice(&(b.len() as u64).to_le_bytes());
            out.extend_from_slice(&b);
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, String> {
        let rest = bytes
            .strip_prefix(NER_MAGIC)
            .ok_or("not a newsmine entity model")?;
        let mut models = Vec::new();
        let mut at = 0;
        while at < rest.len() {
            let len = rest
                .get(at..at + 8)
                .ok_or("entity model truncated")?
                .try_into()
                .map(u64::from_le_bytes)
                .map_err(|_| "entity model truncated")? as usize;
            at += 8;
            let b = rest.get(at..at + len).ok_or("entity model truncated")?;
            models.push(Model::from_bytes(b)?);
            at += len;
        }
        let mut it = models.into_iter();
        let stage1 = it.next().ok_or("empty entity model")?;
        Ok(NerModel::new(stage1, it.next()))
    }

    /// Number of weighted features over both stages.
    pub fn features(&self) -> usize {
        self.stage1.features() + self.stage2.as_ref().map_or(0, Model::features)
    }
}

#[cfg(feature = "training")]
fn decode_all(
    model: &Model,
    feats: &[u64],
    offsets: &[usize],
    sentences: &[(usize, usize)],
) -> Vec<usize> {
    let trans = model.transitions();
    let mut tags = Vec::with_capacity(offsets.len());
    let mut em = Vec::new();
    for &(a, b) in sentences {
        em.clear();
        em.resize((b - a) * TAGS, 0.0);
        for i in a..b {
            let row = &mut em[(i - a) * TAGS..(i - a + 1) * TAGS];
            model.add_scores(&feats[offsets[i]..offsets[i + 1]], row);
        }
        tags.extend(model.decode_scores(&em, &trans));
    }
    tags
}

const H_SELF: u64 = 900;
const H_OTHER: u64 = 901;
const H_MAJ: u64 = 902;
const H_NONE: u64 = 903;

/// The entity type of a tag (4: none).
fn ty_of(t: usize) -> usize {
    if t == 0 {
        4
    } else {
        (t - 1) / 4
    }
}

/// Stage-1 entity types counted per word (by lowercase hash) in a document.
#[derive(Debug, Default)]
pub struct WordCounts {
    map: crate::learn::FeatureMap<[u16; 5]>,
}

impl WordCounts {
    /// Counts `(is_word, lowercase hash, stage-1 tag)` of each token; only
    /// words are counted.
    pub fn fill(&mut self, tokens: impl Iterator<Item = (bool, u64, usize)>) {
        self.map.clear();
        for (is_word, low, t) in tokens {
            if is_word {
                let c = &mut self.map.entry(low).or_insert([0; 5])[ty_of(t)];
                *c = c.saturating_add(1);
            }
        }
    }

    pub fn get(&self, low: u64) -> Option<[u16; 5]> {
        self.map.get(&low).copied()
    }
}

/// History features of token `i` (see [`NerModel`]): stage-1 tags of the
/// token and its neighbours, and the types stage 1 gave the other
/// occurrences of the same word (`counts`, this one included).
pub fn history_features(i: usize, tags1: &[usize], counts: Option<[u16; 5]>, out: &mut Vec<u64>) {
    use crate::learn::mix;
    let n = tags1.len();
    let t = |j: isize| -> u64 {
        if j < 0 || j as usize >= n {
            99
        } else {
            tags1[j as usize] as u64
        }
    };
    let ii = i as isize;
    out.push(mix(H_SELF, t(ii)));
    out.push(mix(H_SELF + 10, mix(t(ii - 1), t(ii))));
    out.push(mix(H_SELF + 20, mix(t(ii), t(ii + 1))));
    if let Some(mut c) = counts {
        let me = ty_of(tags1[i]);
        c[me] = c[me].saturating_sub(1); // the other occurrences only
        let others: u16 = c.iter().sum();
        if others == 0 {
            out.push(mix(H_NONE, 0));
        } else {
            let mut best = 0;
            for (k, &v) in c.iter().enumerate() {
                if v > 0 {
                    out.push(mix(H_OTHER, k as u64));
                }
                if v > c[best] {
                    best = k;
                }
            }
            out.push(mix(H_MAJ, best as u64));
            out.push(mix(H_MAJ + 10, mix(best as u64, me as u64)));
        }
    }
}

/// Base features plus stage-1 history features (the training path).
#[cfg(feature = "training")]
fn with_history(
    doc: &Doc,
    feats: &[u64],
    offsets: &[usize],
    tags1: &[usize],
) -> (Vec<u64>, Vec<usize>) {
    let n = doc.tokens.len();
    let lows: Vec<u64> = (0..n)
        .map(|i| crate::learn::hash_str(&doc.token_text(i).to_lowercase()))
        .collect();
    let mut counts = WordCounts::default();
    counts.fill((0..n).map(|i| (doc.tokens[i].kind == TokenKind::Word, lows[i], tags1[i])));
    let mut out = Vec::with_capacity(feats.len() + n * 8);
    let mut offs = Vec::with_capacity(n + 1);
    offs.push(0);
    for i in 0..n {
        out.extend_from_slice(&feats[offsets[i]..offsets[i + 1]]);
        history_features(i, tags1, counts.get(lows[i]), &mut out);
        offs.push(out.len());
    }
    (out, offs)
}

/// Token index ranges of the doc's sentences (or clauses).
fn sentence_tokens(doc: &Doc) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(doc.sentences.len());
    let mut i = 0;
    for s in &doc.sentences {
        let a = i;
        while i < doc.tokens.len() && doc.tokens[i].start < s.end {
            i += 1;
        }
        if i > a {
            out.push((a, i));
        }
    }
    if i < doc.tokens.len() {
        out.push((i, doc.tokens.len()));
    }
    out
}

/// Documents longer than this many tokens are tagged in blocks of whole
/// sentences (a longer sentence is cut), so the tagger's buffers (some 300
/// bytes a token) stay bounded whatever the input. The document-level
/// features (other mentions of a word) then see one block. News articles are
/// far shorter.
const BLOCK_TOKENS: usize = 20_000;

/// A labelled byte span of an article: what the tagger and the date rules
/// find (and CoNLL data holds), before canonical names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Tagged {
    pub span: Range<usize>,
    pub label: EntityLabel,
}

/// Entity spans tagged in `doc` by `model`, with this thread's caches (see
/// `super::scorer`).
pub fn tag_with(doc: &Doc, model: &NerModel, res: &Resources) -> Vec<Tagged> {
    let mut spans = tag_blocks(doc, model, res);
    after_model(doc, res, &mut spans);
    spans
}

/// The rules applied to the model's spans: [`surnames_are_people`] and
/// [`place_prefixes`].
fn after_model(doc: &Doc, res: &Resources, spans: &mut [Tagged]) {
    surnames_are_people(doc, res, spans);
    place_prefixes(doc, spans);
}

/// A person's name that a word for a landform opens or precedes ("Mount
/// Lewotobi", stripped "after mount [lewotobi]", "Lake Biwa", "Cape Breton")
/// is a place, the word included. Before the name, the word is capitalised
/// in ordinary text; in stripped text it follows a function word that is no
/// verb's ("continued to mount joe biden", "will mount"), and there "cape"
/// (a garment) does not count.
fn place_prefixes(doc: &Doc, spans: &mut [Tagged]) {
    use crate::text::lexicon::{is_aux_or_adverb, is_function_word, is_place_prefix};
    use crate::text::{Form, TokenKind};
    let word = |i: usize| doc.tokens[i].text(doc.text).to_lowercase();
    let stripped = doc.form == Form::Stripped;
    for s in spans.iter_mut().filter(|s| s.label == EntityLabel::Per) {
        let first = doc.tokens.partition_point(|t| t.start < s.span.start);
        if first >= doc.tokens.len() {
            continue;
        }
        let more = doc.tokens.get(first + 1).is_some_and(|n| n.end <= s.span.end);
        if more && is_place_prefix(&word(first), stripped) {
            s.label = EntityLabel::Loc;
            continue;
        }
        let Some(p) = first.checked_sub(1) else {
            continue;
        };
        let written = match doc.form {
            Form::Stripped => p.checked_sub(1).is_some_and(|q| {
                let w = word(q);
                is_function_word(&w) && !is_aux_or_adverb(&w) && w != "to"
            }),
            _ => doc.tokens[p].text(doc.text).starts_with(|c: char| c.is_uppercase()),
        };
        if doc.tokens[p].kind == TokenKind::Word && written && is_place_prefix(&word(p), stripped) {
            s.span.start = doc.tokens[p].start;
            s.label = EntityLabel::Loc;
        }
    }
}

/// A one-word name the tagger calls an organisation is a person where it is
/// the last word of a longer person's name in the same document ("David
/// Okafor ... Okafor said") and no list knows it as an organisation (Michael
/// Dell's Dell); and a two-word name it calls an organisation or other name
/// is a person where its last word stands alone as a person ("Elon Musk ...
/// Musk wrote"), with the guards below.
fn surnames_are_people(doc: &Doc, res: &Resources, spans: &mut [Tagged]) {
    use super::gazetteer::GazClass;
    use crate::text::TokenKind;
    // The words of a span (the tokens are in text order).
    let words = |s: &Tagged| {
        let (start, end) = (s.span.start, s.span.end);
        let first = doc.tokens.partition_point(|t| t.start < start);
        doc.tokens[first..]
            .iter()
            .take_while(move |t| t.end <= end)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(doc.text))
    };
    let surnames: std::collections::HashSet<String> = spans
        .iter()
        .filter(|s| s.label == EntityLabel::Per)
        .filter_map(|s| {
            // The last word of a name of two words or more.
            let mut w = words(s);
            w.next()?;
            w.last()
        })
        .map(str::to_lowercase)
        .collect();
    let company = 1 << GazClass::Org as u16 | 1 << GazClass::Corp as u16;
    let place = 1 << GazClass::Loc as u16 | 1 << GazClass::Place as u16 | 1 << GazClass::Country as u16;
    for s in spans.iter_mut().filter(|s| s.label == EntityLabel::Org) {
        let mut w = words(s);
        if let (Some(word), None) = (w.next(), w.next()) {
            if surnames.contains(&word.to_lowercase())
                && res.lexicon().classes(word) & company == 0
            {
                s.label = EntityLabel::Per;
            }
        }
    }
    // The mirror case: a two-word organisation or other name whose last
    // word stands alone as a person in the document ("Elon Musk ...
    // Musk wrote"), unless a list knows the name as an organisation or
    // place ("Philadelphia Eagles"), or its last word as a place ("Rotor
    // Volgograd"), or a word of it as a company.
    let alone: std::collections::HashSet<String> = spans
        .iter()
        .filter(|s| s.label == EntityLabel::Per)
        .filter_map(|s| {
            let mut w = words(s);
            match (w.next(), w.next()) {
                (Some(word), None) => Some(word.to_lowercase()),
                _ => None,
            }
        })
        .collect();
    for s in spans
        .iter_mut()
        .filter(|s| matches!(s.label, EntityLabel::Org | EntityLabel::Misc))
    {
        let w: Vec<&str> = words(s).collect();
        if w.len() == 2
            && alone.contains(&w[1].to_lowercase())
            && w.iter().all(|x| res.lexicon().classes(x) & company == 0)
            && res.lexicon().classes(&w.join(" ")) & (company | place) == 0
            && res.lexicon().classes(w[1]) & place == 0
        {
            s.label = EntityLabel::Per;
        }
    }
}

/// The model's spans, tagged in blocks of whole sentences of at most
/// [`BLOCK_TOKENS`] tokens (a long document does not hold all its tokens'
/// scores at once).
fn tag_blocks(doc: &Doc, model: &NerModel, res: &Resources) -> Vec<Tagged> {
    let sentences = sentence_tokens(doc);
    if doc.tokens.len() <= BLOCK_TOKENS {
        return super::scorer::with_scratch(|s| {
            s.tag(doc, model, res, &sentences);
            spans_of(doc, &s.tags)
        });
    }
    let mut out = Vec::new();
    for block in blocks(&sentences, BLOCK_TOKENS) {
        // A document of the block's tokens over the same text: offsets stay.
        let (a, b) = (block[0].0, block[block.len() - 1].1);
        let part = Doc::from_parts(
            doc.text,
            doc.tokens[a..b].to_vec(),
            doc.form,
            block
                .iter()
                .map(|&(s, e)| doc.tokens[s].start..doc.tokens[e - 1].end)
                .collect(),
        );
        out.extend(tag_blocks(&part, model, res));
    }
    out
}

/// `sentences` (token ranges) in consecutive blocks of at most `max` tokens,
/// a longer sentence cut into pieces of `max`.
fn blocks(sentences: &[(usize, usize)], max: usize) -> Vec<Vec<(usize, usize)>> {
    let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new()];
    let mut size = 0;
    for &(a, b) in sentences {
        for start in (a..b).step_by(max) {
            let piece = (start, (start + max).min(b));
            if size + piece.1 - piece.0 > max {
                out.push(Vec::new());
                size = 0;
            }
            size += piece.1 - piece.0;
            if let Some(v) = out.last_mut() {
                v.push(piece);
            }
        }
    }
    out.retain(|b| !b.is_empty());
    out
}

/// [`tag_with`] the slow, plain way: every feature of every token looked up
/// in the model (what training does). For tests of the fast path.
#[cfg(feature = "training")]
pub fn tag_uncached(
    doc: &Doc,
    model: &NerModel,
    res: &Resources,
) -> Vec<Tagged> {
    let mut feats = Vec::with_capacity(doc.tokens.len() * 48);
    let mut offsets = Vec::with_capacity(doc.tokens.len() + 1);
    extract_features(doc, res, &mut feats, &mut offsets);
    let sentences = sentence_tokens(doc);
    let mut tags = decode_all(&model.stage1, &feats, &offsets, &sentences);
    if let Some(m2) = &model.stage2 {
        let (f2, o2) = with_history(doc, &feats, &offsets, &tags);
        tags = decode_all(m2, &f2, &o2, &sentences);
    }
    let mut spans = spans_of(doc, &tags);
    after_model(doc, res, &mut spans);
    spans
}

/// Entity spans tagged in `doc` by the compiled-in model.
#[cfg(feature = "training")]
pub fn tag_doc(doc: &Doc) -> Vec<Tagged> {
    tag_with(doc, model(), &RESOURCES)
}

/// Spans from BILOU tags (lenient: an unclosed B or I ends where its run does).
fn spans_of(doc: &Doc, tags: &[usize]) -> Vec<Tagged> {
    let mut out = Vec::new();
    // A mention from its first to its last token.
    let mut push = |first: usize, last: usize, ty: usize| {
        out.push(Tagged {
            span: doc.tokens[first].start..doc.tokens[last].end,
            label: TYPES[ty],
        })
    };
    let mut open: Option<(usize, usize)> = None; // start token, type
    for (i, &t) in tags.iter().enumerate() {
        let (ty, pos) = if t == 0 {
            (usize::MAX, usize::MAX)
        } else {
            ((t - 1) / 4, (t - 1) % 4)
        };
        if let Some((s, oty)) = open {
            if ty == oty && matches!(pos, 1 | 2) {
                if pos == 2 {
                    push(s, i, oty);
                    open = None;
                }
                continue;
            }
            push(s, i - 1, oty);
            open = None;
        }
        match pos {
            0 | 1 => open = Some((i, ty)),
            2 | 3 => push(i, i, ty),
            _ => {}
        }
    }
    if let Some((s, oty)) = open {
        push(s, tags.len() - 1, oty);
    }
    out
}

/// Gold BILOU tags of `doc`'s tokens from byte spans (a token belongs to the
/// span its start lies in).
#[cfg(feature = "training")]
pub fn gold_tags(doc: &Doc, spans: &[Tagged]) -> Vec<usize> {
    let mut tags = vec![0; doc.tokens.len()];
    for t in spans {
        let (s, e, l) = (t.span.start, t.span.end, t.label);
        let Some(ty) = type_index(l) else { continue };
        let idx: Vec<usize> = (0..doc.tokens.len())
            .filter(|&i| doc.tokens[i].start >= s && doc.tokens[i].start < e)
            .collect();
        match idx.len() {
            0 => {}
            1 => tags[idx[0]] = tag(ty, 3),
            k => {
                tags[idx[0]] = tag(ty, 0);
                for &i in &idx[1..k - 1] {
                    tags[i] = tag(ty, 1);
                }
                tags[idx[k - 1]] = tag(ty, 2);
            }
        }
    }
    tags
}

/// A training article: its text and gold spans.
#[cfg(feature = "training")]
pub struct Example<'a> {
    pub text: &'a str,
    pub spans: &'a [Tagged],
    /// Copies of one article (e.g. its ordinary and stripped forms) share a
    /// group, so they fall in the same fold when stage 2 is trained.
    pub group: usize,
}

/// Settings of [`train`].
#[derive(Debug, Clone)]
#[cfg(feature = "training")]
pub struct TrainConfig {
    pub epochs: usize,
    pub seed: u64,
    /// Features seen fewer times in the training data are ignored.
    pub min_count: u32,
    /// Averaged weights below this are pruned from the saved model.
    pub prune: f32,
    /// Train the second (history) stage, on stage-1 tags from 2-fold
    /// jackknifing of the training data.
    pub two_stage: bool,
}

#[cfg(feature = "training")]
impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 8,
            seed: 1,
            min_count: 2,
            prune: 0.0,
            two_stage: true,
        }
    }
}

#[cfg(feature = "training")]
struct Prepared {
    feats: Vec<u64>,
    offsets: Vec<usize>,
    gold: Vec<usize>,
    sentences: Vec<(usize, usize)>,
    group: usize,
}

#[cfg(feature = "training")]
fn filter_rare(prepared: &mut [Prepared], min_count: u32) {
    if min_count <= 1 {
        return;
    }
    let mut counts = crate::learn::FeatureMap::<u32>::default();
    for p in prepared.iter() {
        for &f in &p.feats {
            *counts.entry(f).or_insert(0) += 1;
        }
    }
    for p in prepared.iter_mut() {
        let mut feats = Vec::with_capacity(p.feats.len());
        let mut offsets = Vec::with_capacity(p.offsets.len());
        offsets.push(0);
        for w in p.offsets.windows(2) {
            feats.extend(
                p.feats[w[0]..w[1]]
                    .iter()
                    .filter(|f| counts[f] >= min_count),
            );
            offsets.push(feats.len());
        }
        p.feats = feats;
        p.offsets = offsets;
    }
}

/// Trains one stage on the examples `use_doc` admits.
#[cfg(feature = "training")]
fn train_stage(
    prepared: &[Prepared],
    use_doc: impl Fn(usize) -> bool,
    cfg: &TrainConfig,
    mut on_epoch: impl FnMut(usize, &Model),
) -> Model {
    let mut units: Vec<(usize, usize)> = prepared
        .iter()
        .enumerate()
        .filter(|(d, _)| use_doc(*d))
        .flat_map(|(d, p)| (0..p.sentences.len()).map(move |s| (d, s)))
        .collect();
    let mut trainer = Trainer::new(TAGS);
    trainer.set_constraints(&bilou_constraints());
    let mut rng = Rng::new(cfg.seed);
    for epoch in 1..=cfg.epochs {
        rng.shuffle(&mut units);
        let mut wrong = 0;
        for &(d, s) in &units {
            let p = &prepared[d];
            let (a, b) = p.sentences[s];
            let feats: Vec<&[u64]> = (a..b)
                .map(|i| &p.feats[p.offsets[i]..p.offsets[i + 1]])
                .collect();
            wrong += trainer.train_sequence(&feats, &p.gold[a..b]);
        }
        eprintln!(
            "  epoch {epoch}: {wrong} token errors, {} features",
            trainer.features()
        );
        on_epoch(epoch, &trainer.average(cfg.prune));
    }
    trainer.average(cfg.prune)
}

/// Trains a tagger. `on_epoch(stage, epoch, model)` is called after each
/// epoch of the final stages with the model so far (for dev scores).
#[cfg(feature = "training")]
pub fn train(
    examples: &[Example],
    res: &Resources,
    cfg: &TrainConfig,
    mut on_epoch: impl FnMut(usize, usize, &NerModel),
) -> NerModel {
    let docs: Vec<Doc> = examples.iter().map(|ex| Doc::new(ex.text)).collect();
    let mut prepared: Vec<Prepared> = examples
        .iter()
        .zip(&docs)
        .map(|(ex, doc)| {
            let mut feats = Vec::new();
            let mut offsets = Vec::new();
            extract_features(doc, res, &mut feats, &mut offsets);
            Prepared {
                gold: gold_tags(doc, ex.spans),
                sentences: sentence_tokens(doc),
                feats,
                offsets,
                group: ex.group,
            }
        })
        .collect();
    filter_rare(&mut prepared, cfg.min_count);
    eprintln!("stage 1");
    let stage1 = train_stage(
        &prepared,
        |_| true,
        cfg,
        |e, m| {
            if !cfg.two_stage || e == cfg.epochs {
                on_epoch(1, e, &NerModel::new(m.clone(), None));
            }
        },
    );
    if !cfg.two_stage {
        return NerModel::new(stage1, None);
    }
    // Stage-1 tags of each training article from a model that did not see it.
    let fold = |p: &Prepared| (crate::learn::mix(cfg.seed, p.group as u64) % 2) as usize;
    let mut tags1: Vec<Vec<usize>> = vec![Vec::new(); prepared.len()];
    for k in 0..2 {
        eprintln!("stage 1, fold {k}");
        let m = train_stage(&prepared, |d| fold(&prepared[d]) != k, cfg, |_, _| {});
        for (d, p) in prepared.iter().enumerate() {
            if fold(p) == k {
                tags1[d] = decode_all(&m, &p.feats, &p.offsets, &p.sentences);
            }
        }
    }
    let mut prepared2: Vec<Prepared> = prepared
        .iter()
        .zip(&docs)
        .zip(&tags1)
        .map(|((p, doc), t1)| {
            let (feats, offsets) = with_history(doc, &p.feats, &p.offsets, t1);
            Prepared {
                feats,
                offsets,
                gold: p.gold.clone(),
                sentences: p.sentences.clone(),
                group: p.group,
            }
        })
        .collect();
    filter_rare(&mut prepared2, cfg.min_count);
    eprintln!("stage 2");
    let stage2 = train_stage(
        &prepared2,
        |_| true,
        cfg,
        |e, m| {
            on_epoch(2, e, &NerModel::new(stage1.clone(), Some(m.clone())));
        },
    );
    NerModel::new(stage1, Some(stage2))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The labels of `spans` (text, which occurrence, the tagger's label)
    /// in `text` after [`surnames_are_people`].
    fn relabelled(text: &str, spans: &[(&str, usize, EntityLabel)]) -> Vec<EntityLabel> {
        let doc = Doc::new(text);
        let mut tagged: Vec<Tagged> = spans
            .iter()
            .map(|&(word, nth, label)| {
                let at = text.match_indices(word).nth(nth).unwrap().0;
                Tagged {
                    span: at..at + word.len(),
                    label,
                }
            })
            .collect();
        surnames_are_people(&doc, &RESOURCES, &mut tagged);
        tagged.iter().map(|s| s.label).collect()
    }

    #[test]
    fn a_lone_surname_of_a_person_is_that_person_unless_listed_as_a_company() {
        use EntityLabel::*;
        let text = "Michael Dell and Amara Okafor met. Dell and Okafor said so. Okafor Ltd";
        assert_ne!(RESOURCES.lexicon().classes("Dell"), 0, "Dell is a listed company");
        let spans = [
            ("Michael Dell", 0, Per),
            ("Amara Okafor", 0, Per),
            ("Dell", 1, Org),
            ("Okafor", 1, Org),
            ("Okafor Ltd", 0, Org),
        ];
        assert_eq!(relabelled(text, &spans), [Per, Per, Org, Per, Org]);
    }

    #[test]
    fn a_two_word_name_is_the_person_its_last_word_names_unless_listed() {
        use EntityLabel::*;
        let text = "Tunde Bakare spoke. Bakare said so. The Philadelphia Eagles won as \
                    Eagles fans sang. Rotor Volgograd lost in Volgograd. Kofi Dell met \
                    Dell staff. The Ama Mensah prize went to Mensah.";
        // The tagger's errors: a person as an organisation or other name, a
        // team, a city and a company as people.
        let spans = [
            ("Tunde Bakare", 0, Org),
            ("Bakare", 1, Per),
            ("Philadelphia Eagles", 0, Org),
            ("Eagles", 1, Per),
            ("Rotor Volgograd", 0, Org),
            ("Volgograd", 1, Per),
            ("Kofi Dell", 0, Org),
            ("Dell", 1, Per),
            ("Ama Mensah", 0, Misc),
            ("Mensah", 1, Per),
        ];
        // Listed as an organisation, a place, a company: those stay.
        assert_eq!(
            relabelled(text, &spans),
            [Per, Per, Org, Per, Org, Per, Org, Per, Per, Per]
        );
    }

    #[test]
    fn blocks_hold_whole_sentences_and_cut_long_ones() {
        let sentences = [(0, 3), (3, 5), (5, 12), (12, 13)];
        assert_eq!(
            blocks(&sentences, 4),
            [
                vec![(0, 3)],
                vec![(3, 5)],
                vec![(5, 9)],
                vec![(9, 12), (12, 13)],
            ]
        );
        assert_eq!(blocks(&sentences, 100), [sentences.to_vec()]);
    }

    #[test]
    fn constraints_follow_bilou() {
        let a = bilou_constraints();
        let ok = |p: Option<usize>, c: usize| a[p.map_or(0, |p| p + 1) * TAGS + c];
        assert!(ok(None, 0) && ok(None, tag(0, 0)) && ok(None, tag(0, 3)));
        assert!(!ok(None, tag(0, 1)) && !ok(Some(0), tag(1, 2)));
        assert!(ok(Some(tag(0, 0)), tag(0, 1)) && ok(Some(tag(0, 1)), tag(0, 2)));
        assert!(!ok(Some(tag(0, 0)), tag(1, 2)) && !ok(Some(tag(0, 0)), 0));
        assert!(ok(Some(tag(0, 2)), tag(1, 3)));
    }
}
