//! Training a tagger on CoNLL files: what `newsmine-train ner` and the
//! Python `newsmine train ner` share.

use super::conll::{parse_conll, ConllDoc};
use super::eval::{evaluate_with, Report};
use super::features::Resources;
use super::tagger::{self, Example, NerModel, TrainConfig};

/// One dev file's scores after an epoch.
pub struct DevScore<'a> {
    pub stage: usize,
    pub epoch: usize,
    /// The dev file's name as given.
    pub name: &'a str,
    pub report: Report,
}

impl DevScore<'_> {
    /// One line: F1 of all types and of PER/ORG/LOC, precision, recall and
    /// F1 per type.
    pub fn line(&self) -> String {
        let o = self.report.overall();
        let per: Vec<String> = self
            .report
            .per_type
            .iter()
            .map(|(l, c)| format!("{} {:.4}", l.as_str(), c.f1()))
            .collect();
        format!(
            "stage {} epoch {} dev {}: F1 {:.4} PER/ORG/LOC {:.4} (P {:.4} R {:.4}) {}",
            self.stage,
            self.epoch,
            self.name,
            o.f1(),
            self.report.names().f1(),
            o.precision(),
            o.recall(),
            per.join(" ")
        )
    }
}

/// Trains a tagger on the CoNLL `train` files' contents with `res`, scoring
/// each `(name, content)` of `dev` after every epoch (`on_dev`). Articles at
/// the same position of several training files (the ordinary and stripped
/// copies of one corpus) count as one article for stage 2's folds.
pub fn train_conll(
    train: &[String],
    dev: &[(String, String)],
    res: &Resources,
    cfg: &TrainConfig,
    mut on_dev: impl FnMut(&DevScore),
) -> NerModel {
    let docs: Vec<(usize, ConllDoc)> = train
        .iter()
        .flat_map(|c| parse_conll(c).into_iter().enumerate())
        .collect();
    let examples: Vec<Example> = docs
        .iter()
        .map(|(g, d)| Example {
            text: &d.text,
            spans: &d.spans,
            group: *g,
        })
        .collect();
    tagger::train(&examples, res, cfg, |stage, epoch, m| {
        for (name, content) in dev {
            let report = evaluate_with(content, |doc| tagger::tag_with(doc, m, res));
            on_dev(&DevScore {
                stage,
                epoch,
                name,
                report,
            });
        }
    })
}
