//! Exact-span evaluation of entity mentions on CoNLL files (either form).

use std::fmt;
use std::ops::Range;

use super::conll::{conll_form, parse_conll};
use super::tagger::Tagged;
use super::EntityLabel;
use crate::text::{Doc, Form};

/// True positive, false positive and false negative counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores of one evaluation: per type (PER, ORG, LOC, MISC) and overall.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// The form of the evaluated text.
    pub form: Form,
    pub articles: usize,
    pub tokens: usize,
    /// `(label, counts)` for PER, ORG, LOC, MISC in that order.
    pub per_type: Vec<(EntityLabel, Counts)>,
}

impl Report {
    /// Micro-averaged counts over all types.
    pub fn overall(&self) -> Counts {
        let mut c = Counts::default();
        for (_, x) in &self.per_type {
            c.add(*x);
        }
        c
    }

    /// Micro-averaged counts over PER, ORG and LOC (MISC left out: its
    /// borders differ most between annotation guidelines).
    pub fn names(&self) -> Counts {
        let mut c = Counts::default();
        for (l, x) in &self.per_type {
            if *l != EntityLabel::Misc {
                c.add(*x);
            }
        }
        c
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} articles, {} tokens, {} form",
            self.articles,
            self.tokens,
            self.form.as_str()
        )?;
        writeln!(
            f,
            "{:<8}{:>8}{:>8}{:>8}{:>8}{:>8}{:>8}",
            "type", "P", "R", "F1", "tp", "fp", "fn"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
            writeln!(
                f,
                "{:<8}{:>8.4}{:>8.4}{:>8.4}{:>8}{:>8}{:>8}",
                name,
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )
        };
        for (l, c) in &self.per_type {
            row(f, l.as_str(), c)?;
        }
        row(f, "overall", &self.overall())
    }
}

const TYPES: [EntityLabel; 4] = [
    EntityLabel::Per,
    EntityLabel::Org,
    EntityLabel::Loc,
    EntityLabel::Misc,
];

/// Scores `predict` on the articles of a CoNLL file's `content`: each
/// article's text is built as our users' text looks (see `conll`), handed to
/// `predict`, and its spans compared exactly with the gold ones. DATE
/// predictions are ignored (CoNLL does not annotate dates).
pub fn evaluate_with(content: &str, mut predict: impl FnMut(&Doc) -> Vec<Tagged>) -> Report {
    let docs = parse_conll(content);
    let mut counts = [Counts::default(); 4];
    let mut tokens = 0;
    for d in &docs {
        let doc = Doc::new(&d.text);
        tokens += doc.tokens.len();
        let pred: Vec<_> = predict(&doc)
            .into_iter()
            .filter(|s| s.label != EntityLabel::Date)
            .collect();
        for (k, ty) in TYPES.iter().enumerate() {
            let g: std::collections::HashSet<&Range<usize>> = d
                .spans
                .iter()
                .filter(|s| s.label == *ty)
                .map(|s| &s.span)
                .collect();
            let p: std::collections::HashSet<&Range<usize>> = pred
                .iter()
                .filter(|s| s.label == *ty)
                .map(|s| &s.span)
                .collect();
            let tp = g.intersection(&p).count();
            counts[k].tp += tp;
            counts[k].fp += p.len() - tp;
            counts[k].fn_ += g.len() - tp;
        }
    }
    Report {
        form: conll_form(content),
        articles: docs.len(),
        tokens,
        per_type: TYPES.iter().copied().zip(counts).collect(),
    }
}

/// Scores the crate's entity extraction ([`super::extract`]) on a CoNLL
/// file's content (either form).
pub fn evaluate_conll(content: &str) -> Report {
    evaluate_conll_with(content, super::tagger::model())
}

/// [`evaluate_conll`] with another tagger `model`.
pub fn evaluate_conll_with(content: &str, model: &super::tagger::NerModel) -> Report {
    evaluate_with(content, |doc| {
        super::extract_with(doc, model)
            .into_iter()
            .map(|e| Tagged {
                span: e.span(),
                label: e.label,
            })
            .collect()
    })
}

/// [`evaluate_conll`] on the file at `path`.
pub fn evaluate_conll_file(path: &std::path::Path) -> std::io::Result<Report> {
    Ok(evaluate_conll(&std::fs::read_to_string(path)?))
}
