//! Training and scoring an entity model from Python: `newsmine train ner`
//! and `newsmine evaluate ner --model DIR` work from an installed wheel.

use std::path::{Path, PathBuf};

use pyo3::prelude::*;

use super::NewsmineError;
use crate::entities::eval::{evaluate_conll_with, Report};
use crate::entities::tagger::{self, NerModel, TrainConfig, RESOURCES};
use crate::entities::training::train_conll;

/// The model file of a model directory.
pub const MODEL_FILE: &str = "model.bin";

fn read(path: &str) -> PyResult<String> {
    std::fs::read_to_string(path).map_err(|e| NewsmineError::new_err(format!("{path}: {e}")))
}

/// The tagger model in the directory `dir` (written by [`train_ner`]), or an
/// error naming the file.
pub fn load_model(dir: &str) -> PyResult<NerModel> {
    let dir = Path::new(dir);
    if !dir.is_dir() {
        return Err(NewsmineError::new_err(format!(
            "model directory {} does not exist",
            dir.display()
        )));
    }
    let file = dir.join(MODEL_FILE);
    let bytes = std::fs::read(&file).map_err(|e| {
        NewsmineError::new_err(format!(
            "{}: {e} (a model directory holds the {MODEL_FILE} that `newsmine train ner` writes)",
            file.display()
        ))
    })?;
    NerModel::from_bytes(&bytes).map_err(|e| {
        NewsmineError::new_err(format!(
            "{}: not a newsmine entity model: {e}",
            file.display()
        ))
    })
}

/// Per-type counts of a report: `(label, tp, fp, fn)`.
type Rows = Vec<(String, usize, usize, usize)>;

fn rows(report: &Report) -> Rows {
    report
        .per_type
        .iter()
        .map(|(label, c)| (label.as_str().to_string(), c.tp, c.fp, c.fn_))
        .collect()
}

/// Scores entity extraction on a CoNLL file's `content` (either form), with
/// the model in `model` (a directory) or the compiled-in one.
/// Returns (form, articles, tokens, [(label, tp, fp, fn), ...]).
#[pyfunction]
#[pyo3(signature = (content, model=None))]
pub fn evaluate_ner(
    py: Python<'_>,
    content: &str,
    model: Option<&str>,
) -> PyResult<(String, usize, usize, Rows)> {
    let own = model.map(load_model).transpose()?;
    let report =
        py.detach(|| evaluate_conll_with(content, own.as_ref().unwrap_or(tagger::model())));
    Ok((
        report.form.as_str().to_string(),
        report.articles,
        report.tokens,
        rows(&report),
    ))
}

/// Trains an entity model on the CoNLL files `train` (the compiled-in name
/// lists and word classes as its resources), scoring the `dev` files after
/// every epoch: `progress(line)` gets each score line. Writes `out/model.bin`
/// and returns the last epoch's `(dev file, F1)` pairs.
#[pyfunction]
#[pyo3(signature = (train, dev, out, epochs=10, seed=1, prune=2.0, progress=None))]
#[allow(clippy::too_many_arguments)]
pub fn train_ner(
    py: Python<'_>,
    train: Vec<String>,
    dev: Vec<String>,
    out: PathBuf,
    epochs: usize,
    seed: u64,
    prune: f32,
    progress: Option<Py<PyAny>>,
) -> PyResult<Vec<(String, f64)>> {
    if epochs == 0 {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "epochs must be at least 1",
        ));
    }
    let train_contents = train
        .iter()
        .map(|p| read(p))
        .collect::<PyResult<Vec<_>>>()?;
    let dev = dev
        .iter()
        .map(|p| Ok((p.clone(), read(p)?)))
        .collect::<PyResult<Vec<_>>>()?;
    std::fs::create_dir_all(&out)
        .map_err(|e| NewsmineError::new_err(format!("{}: {e}", out.display())))?;
    let cfg = TrainConfig {
        epochs,
        seed,
        prune,
        ..TrainConfig::default()
    };
    let mut last: Vec<(String, f64)> = Vec::new();
    let mut failed: Option<PyErr> = None;
    let model = py.detach(|| {
        train_conll(&train_contents, &dev, &RESOURCES, &cfg, |score| {
            if score.epoch == epochs {
                last.retain(|(name, _)| name != score.name);
                last.push((score.name.to_string(), score.report.overall().f1()));
            }
            if let (Some(cb), None) = (&progress, &failed) {
                let line = score.line();
                if let Err(e) = Python::attach(|py| cb.call1(py, (line,))) {
                    failed = Some(e);
                }
            }
        })
    });
    if let Some(e) = failed {
        return Err(e);
    }
    let file = out.join(MODEL_FILE);
    std::fs::write(&file, model.to_bytes())
        .map_err(|e| NewsmineError::new_err(format!("{}: {e}", file.display())))?;
    Ok(last)
}
