//! Frozen result classes: Entity, Figure, Quote, Article.
//!
//! They hold Python `str` offsets (code points), compare by value, hash
//! (sets, `drop_duplicates`), pickle through `__reduce__` and print in Python
//! syntax: `repr(x)` evaluates back to `x` for Entity, Figure and Quote.

use std::hash::{Hash, Hasher};

use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyString, PyTuple, PyType};
use pyo3::IntoPyObjectExt;

use crate::render::{self, Highlight, Layer};
use crate::Form;

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    }
}

/// A value as Python writes it in a repr.
trait PyRepr {
    fn py_repr(&self, py: Python<'_>) -> PyResult<String>;
}

impl PyRepr for str {
    fn py_repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(PyString::new(py, self).repr()?.to_string())
    }
}

impl PyRepr for String {
    fn py_repr(&self, py: Python<'_>) -> PyResult<String> {
        self.as_str().py_repr(py)
    }
}

impl PyRepr for usize {
    fn py_repr(&self, _: Python<'_>) -> PyResult<String> {
        Ok(self.to_string())
    }
}

impl PyRepr for bool {
    fn py_repr(&self, _: Python<'_>) -> PyResult<String> {
        Ok(if *self { "True" } else { "False" }.into())
    }
}

impl PyRepr for f64 {
    fn py_repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(PyFloat::new(py, *self).repr()?.to_string())
    }
}

impl<T: PyRepr> PyRepr for Option<T> {
    fn py_repr(&self, py: Python<'_>) -> PyResult<String> {
        match self {
            Some(v) => v.py_repr(py),
            None => Ok("None".into()),
        }
    }
}

/// `Name(field=value, ...)` with the values in Python syntax.
fn call_repr(py: Python<'_>, name: &str, fields: &[(&str, &dyn PyRepr)]) -> PyResult<String> {
    let args: Vec<String> = fields
        .iter()
        .map(|(k, v)| Ok(format!("{k}={}", v.py_repr(py)?)))
        .collect::<PyResult<_>>()?;
    Ok(format!("{name}({})", args.join(", ")))
}

/// A float's bits for hashing, with the two zeros (equal) made one.
fn float_bits(v: Option<f64>) -> Option<u64> {
    v.map(|x| if x == 0.0 { 0 } else { x.to_bits() })
}

/// A named entity or date mention.
#[pyclass(module = "newsmine", frozen, eq, hash, from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Entity {
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
    #[pyo3(get)]
    pub text: String,
    /// "PER", "ORG", "LOC", "MISC" or "DATE".
    #[pyo3(get)]
    pub label: String,
    /// The article's name for what this mention refers to.
    #[pyo3(get)]
    pub canonical: String,
    /// The canonical name as a person would print it (truecased in
    /// stripped text).
    #[pyo3(get)]
    pub display: String,
    /// A DATE's first day on the calendar (ISO), given the publication day.
    #[pyo3(get)]
    pub date_start: Option<String>,
    /// A DATE's last day on the calendar (ISO).
    #[pyo3(get)]
    pub date_end: Option<String>,
}

type EntityArgs = (
    usize,
    usize,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

#[pymethods]
impl Entity {
    #[new]
    #[pyo3(signature = (start, end, text, label, canonical, display=None, date_start=None, date_end=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        start: usize,
        end: usize,
        text: String,
        label: String,
        canonical: String,
        display: Option<String>,
        date_start: Option<String>,
        date_end: Option<String>,
    ) -> Self {
        Entity {
            start,
            end,
            text,
            label,
            display: display.unwrap_or_else(|| canonical.clone()),
            canonical,
            date_start,
            date_end,
        }
    }

    /// The fields, the display name only when it differs from the
    /// canonical one, the calendar days only when placed.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut fields: Vec<(&str, &dyn PyRepr)> = vec![
            ("text", &self.text),
            ("label", &self.label),
            ("start", &self.start),
            ("end", &self.end),
            ("canonical", &self.canonical),
        ];
        if self.display != self.canonical {
            fields.push(("display", &self.display));
        }
        if self.date_start.is_some() || self.date_end.is_some() {
            fields.extend([
                ("date_start", &self.date_start as &dyn PyRepr),
                ("date_end", &self.date_end),
            ]);
        }
        call_repr(py, "Entity", &fields)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> (Bound<'py, PyType>, EntityArgs) {
        let s = slf.get().clone();
        (
            slf.get_type(),
            (
                s.start,
                s.end,
                s.text,
                s.label,
                s.canonical,
                Some(s.display),
                s.date_start,
                s.date_end,
            ),
        )
    }
}

/// A number the article states.
#[pyclass(module = "newsmine", frozen, eq, hash, from_py_object)]
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
    #[pyo3(get)]
    pub text: String,
    /// The normalised value (a range's lower end, a tally's first number).
    #[pyo3(get)]
    pub value: Option<f64>,
    /// A range's upper end or a tally's second number.
    #[pyo3(get)]
    pub value_to: Option<f64>,
    #[pyo3(get)]
    pub kind: String,
    #[pyo3(get)]
    pub unit: Option<String>,
    #[pyo3(get)]
    pub qualifier: Option<String>,
    /// What the number counts, where the text says.
    #[pyo3(get)]
    pub counted: Option<String>,
}

impl Eq for Figure {}

impl Hash for Figure {
    fn hash<H: Hasher>(&self, h: &mut H) {
        (self.start, self.end, &self.text, &self.kind).hash(h);
        (float_bits(self.value), float_bits(self.value_to)).hash(h);
        (&self.unit, &self.qualifier, &self.counted).hash(h);
    }
}

type FigureArgs = (
    usize,
    usize,
    String,
    Option<f64>,
    Option<f64>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

#[pymethods]
impl Figure {
    #[new]
    #[pyo3(signature = (start, end, text, value, value_to, kind, unit, qualifier, counted))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        start: usize,
        end: usize,
        text: String,
        value: Option<f64>,
        value_to: Option<f64>,
        kind: String,
        unit: Option<String>,
        qualifier: Option<String>,
        counted: Option<String>,
    ) -> Self {
        Figure {
            start,
            end,
            text,
            value,
            value_to,
            kind,
            unit,
            qualifier,
            counted,
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        call_repr(
            py,
            "Figure",
            &[
                ("text", &self.text),
                ("kind", &self.kind),
                ("value", &self.value),
                ("value_to", &self.value_to),
                ("unit", &self.unit),
                ("qualifier", &self.qualifier),
                ("counted", &self.counted),
                ("start", &self.start),
                ("end", &self.end),
            ],
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> (Bound<'py, PyType>, FigureArgs) {
        let s = slf.get().clone();
        (
            slf.get_type(),
            (
                s.start,
                s.end,
                s.text,
                s.value,
                s.value_to,
                s.kind,
                s.unit,
                s.qualifier,
                s.counted,
            ),
        )
    }
}

/// What was said, by whom, with which cue.
#[pyclass(module = "newsmine", frozen, eq, hash, from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Quote {
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
    #[pyo3(get)]
    pub text: String,
    /// The speaker's full name as the article establishes it.
    #[pyo3(get)]
    pub speaker: Option<String>,
    /// The label of the entity whose `canonical` the speaker is.
    #[pyo3(get)]
    pub speaker_label: Option<String>,
    /// The speaker when it is an entity's `canonical`: the join key.
    #[pyo3(get)]
    pub speaker_canonical: Option<String>,
    /// The speaker's entity's `display` name, when `speaker_canonical` is set.
    #[pyo3(get)]
    pub speaker_display: Option<String>,
    #[pyo3(get)]
    pub speaker_start: Option<usize>,
    #[pyo3(get)]
    pub speaker_end: Option<usize>,
    #[pyo3(get)]
    pub cue: Option<String>,
    #[pyo3(get)]
    pub cue_start: Option<usize>,
    #[pyo3(get)]
    pub cue_end: Option<usize>,
    /// Inside quotation marks in the original.
    #[pyo3(get)]
    pub direct: bool,
}

#[pymethods]
impl Quote {
    #[new]
    #[pyo3(signature = (start, end, text, speaker, speaker_label, speaker_canonical, speaker_start, speaker_end, cue, cue_start, cue_end, direct, speaker_display=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        start: usize,
        end: usize,
        text: String,
        speaker: Option<String>,
        speaker_label: Option<String>,
        speaker_canonical: Option<String>,
        speaker_start: Option<usize>,
        speaker_end: Option<usize>,
        cue: Option<String>,
        cue_start: Option<usize>,
        cue_end: Option<usize>,
        direct: bool,
        speaker_display: Option<String>,
    ) -> Self {
        Quote {
            start,
            end,
            text,
            speaker,
            speaker_label,
            speaker_canonical,
            speaker_display,
            speaker_start,
            speaker_end,
            cue,
            cue_start,
            cue_end,
            direct,
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        call_repr(
            py,
            "Quote",
            &[
                ("text", &self.text),
                ("speaker", &self.speaker),
                ("speaker_label", &self.speaker_label),
                ("cue", &self.cue),
                ("direct", &self.direct),
                ("start", &self.start),
                ("end", &self.end),
                ("speaker_canonical", &self.speaker_canonical),
                ("speaker_display", &self.speaker_display),
                ("speaker_start", &self.speaker_start),
                ("speaker_end", &self.speaker_end),
                ("cue_start", &self.cue_start),
                ("cue_end", &self.cue_end),
            ],
        )
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyType>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let s = slf.get().clone();
        // Thirteen arguments: more than a Rust tuple converts, so two parts.
        let first = (
            s.start,
            s.end,
            s.text,
            s.speaker,
            s.speaker_label,
            s.speaker_canonical,
            s.speaker_start,
            s.speaker_end,
            s.cue,
            s.cue_start,
            s.cue_end,
            s.direct,
        )
            .into_pyobject(py)?;
        let last = s.speaker_display.into_bound_py_any(py)?;
        let args: Vec<_> = first.iter().chain([last]).collect();
        let args = PyTuple::new(py, args)?;
        Ok((slf.get_type(), args))
    }
}

/// Everything newsmine found in one article.
#[pyclass(module = "newsmine", frozen, eq, hash, from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Article {
    /// The article's text; every item's offsets index into it.
    #[pyo3(get)]
    pub text: String,
    /// "ordinary" or "stripped".
    #[pyo3(get)]
    pub form: String,
    #[pyo3(get)]
    pub entities: Vec<Entity>,
    #[pyo3(get)]
    pub figures: Vec<Figure>,
    #[pyo3(get)]
    pub quotes: Vec<Quote>,
}

type ArticleArgs = (String, String, Vec<Entity>, Vec<Figure>, Vec<Quote>);

#[pymethods]
impl Article {
    #[new]
    fn new(
        text: String,
        form: String,
        entities: Vec<Entity>,
        figures: Vec<Figure>,
        quotes: Vec<Quote>,
    ) -> Self {
        Article {
            text,
            form,
            entities,
            figures,
            quotes,
        }
    }

    /// A summary (the full article would flood a console): the counts and
    /// the start of the text.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Article form={} entities={} figures={} quotes={} text={}>",
            self.form.py_repr(py)?,
            self.entities.len(),
            self.figures.len(),
            self.quotes.len(),
            short(&self.text, 50).py_repr(py)?
        ))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> (Bound<'py, PyType>, ArticleArgs) {
        let s = slf.get().clone();
        (
            slf.get_type(),
            (s.text, s.form, s.entities, s.figures, s.quotes),
        )
    }

    /// The article as self-contained HTML with its items highlighted.
    fn _repr_html_(&self) -> String {
        // Item offsets are code points; the renderer works in bytes.
        let bytes: Vec<usize> = self
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain([self.text.len()])
            .collect();
        let b = |c: usize| bytes.get(c).copied().unwrap_or(self.text.len());
        let mut marks = Vec::new();
        for q in &self.quotes {
            marks.push(Highlight {
                start: b(q.start),
                end: b(q.end),
                layer: Layer::Quote,
                tag: format!("\u{2014} {}", q.speaker.as_deref().unwrap_or("unknown")),
                title: format!("quote by {}", q.speaker.as_deref().unwrap_or("unknown")),
            });
        }
        for e in &self.entities {
            marks.push(Highlight {
                start: b(e.start),
                end: b(e.end),
                layer: Layer::Entity(e.label.clone()),
                tag: e.label.clone(),
                title: format!("{} \u{2192} {}", e.label, e.canonical),
            });
        }
        for f in &self.figures {
            let value = f.value.map_or("?".into(), |v| v.to_string());
            marks.push(Highlight {
                start: b(f.start),
                end: b(f.end),
                layer: Layer::Figure,
                tag: f.kind.clone(),
                title: format!("{} {value} {}", f.kind, f.unit.as_deref().unwrap_or("")),
            });
        }
        let form = if self.form == "stripped" {
            Form::Stripped
        } else {
            Form::Ordinary
        };
        render::html(&self.text, form, &marks)
    }
}
