//! The Python bindings: all PyO3 code lives here. Thin by design: take the
//! inputs, release the GIL, run the core on its pool, convert back.

mod columns;
mod convert;
mod results;
mod training;

use crate::entities::calendar::Day;
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use columns::ColumnChunk;
use results::{Article, Entity, Figure, Quote};

create_exception!(
    newsmine,
    NewsmineError,
    PyException,
    "Base class of the errors newsmine raises."
);
create_exception!(
    newsmine,
    ExtractionError,
    NewsmineError,
    "Extraction failed on an article (a bug in newsmine: please report it with the text)."
);

impl From<crate::Error> for PyErr {
    fn from(e: crate::Error) -> PyErr {
        match e {
            crate::Error::ThreadPool { .. } => NewsmineError::new_err(e.to_string()),
            _ => ExtractionError::new_err(e.to_string()),
        }
    }
}

/// The `str` of item `i`, or an error saying what is wrong with it.
fn text_of<'a>(item: &'a Bound<'_, PyAny>, i: usize) -> PyResult<&'a str> {
    let s = item.cast::<PyString>().map_err(|_| {
        let type_name = item
            .get_type()
            .name()
            .map_or_else(|_| "?".to_string(), |n| n.to_string());
        PyTypeError::new_err(format!(
            "item {i} is {type_name}, not str (pass errors=\"skip\" to give it an empty Article)"
        ))
    })?;
    s.to_str().map_err(|_| {
        PyValueError::new_err(format!(
            "item {i} is not valid Unicode: it holds a lone surrogate, which UTF-8 cannot encode \
             (pass errors=\"skip\" to give it an empty Article)"
        ))
    })
}

/// The Rust engine behind `newsmine.Extractor`.
#[pyclass(module = "newsmine._newsmine", frozen)]
struct Engine {
    inner: crate::Extractor,
}

fn check_threads(threads: Option<usize>) -> PyResult<()> {
    if threads == Some(0) {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    Ok(())
}

/// The stages `names` names (None: all).
fn stages_of(names: Option<Vec<String>>) -> PyResult<crate::Stages> {
    const KNOWN: &str = "\"entities\", \"figures\" and \"quotes\"";
    let Some(names) = names else {
        return Ok(crate::Stages::ALL);
    };
    if names.is_empty() {
        return Err(PyValueError::new_err(format!(
            "stages must name at least one of {KNOWN}"
        )));
    }
    let mut s = crate::Stages {
        entities: false,
        figures: false,
        quotes: false,
    };
    for name in &names {
        let on = match name.as_str() {
            "entities" => &mut s.entities,
            "figures" => &mut s.figures,
            "quotes" => &mut s.quotes,
            _ => {
                let msg = format!("unknown stage {name:?}: the stages are {KNOWN}");
                return Err(PyValueError::new_err(msg));
            }
        };
        *on = true;
    }
    Ok(s)
}

#[pymethods]
impl Engine {
    #[new]
    #[pyo3(signature = (threads=None, stages=None, model=None))]
    fn new(
        threads: Option<usize>,
        stages: Option<Vec<String>>,
        model: Option<&str>,
    ) -> PyResult<Self> {
        check_threads(threads)?;
        let mut inner = crate::Extractor::new(threads).with_stages(stages_of(stages)?);
        if let Some(dir) = model {
            inner = inner.with_model(training::load_model(dir)?);
        }
        Ok(Engine { inner })
    }

    /// The configured thread count (None: NEWSMINE_THREADS, else all cores).
    #[getter]
    fn threads(&self) -> Option<usize> {
        self.inner.threads()
    }

    /// The names of the stages that run, in the order they run.
    #[getter]
    fn stages(&self) -> Vec<&'static str> {
        let s = self.inner.stages();
        [
            ("entities", s.entities),
            ("figures", s.figures),
            ("quotes", s.quotes),
        ]
        .into_iter()
        .filter_map(|(name, on)| on.then_some(name))
        .collect()
    }

    /// Extracts one article; with the day it was `published` ("2020-03-12"),
    /// DATE entities are placed on the calendar.
    #[pyo3(signature = (text, published=None))]
    fn extract(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        published: Option<&str>,
    ) -> PyResult<Article> {
        let published = published.map(day_of).transpose()?;
        let t = text_of(text, 0).map_err(|e| {
            let msg = e.value(py).to_string().replacen("item 0 is", "text is", 1);
            if e.is_instance_of::<PyTypeError>(py) {
                PyTypeError::new_err(msg)
            } else {
                PyValueError::new_err(msg)
            }
        })?;
        let ex = &self.inner;
        let article = py.detach(|| ex.try_extract(t))?;
        Ok(convert::article(t, article, published))
    }

    /// Extracts a list of texts (numbered from `offset` in error messages).
    /// `published`: one ISO day or None per text, or None for all.
    #[pyo3(signature = (texts, *, threads=None, skip=false, offset=0, published=None))]
    fn extract_chunk(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyList>,
        threads: Option<usize>,
        skip: bool,
        offset: usize,
        published: Option<Vec<Option<String>>>,
    ) -> PyResult<Vec<Article>> {
        let items: Vec<Bound<'_, PyAny>> = texts.iter().collect();
        let dated = dated(&items, skip, offset, published)?;
        check_threads(threads)?;
        let ex = &self.inner;
        let out =
            py.detach(|| ex.map_batch(&dated, threads, |d, a| convert::article(d.text, a, d.day)))?;
        let empty = || convert::article("", crate::Article::default(), None);
        Ok(kept(out, skip, offset)?
            .into_iter()
            .map(|a| a.unwrap_or_else(empty))
            .collect())
    }

    /// Extracts a list of texts into the three tables, kept in Rust until
    /// read (`table_lists`, `table_arrow`). Rows carry each input's position
    /// (from `offset`). The columns are filled from the core results inside
    /// the pool: no result objects, no copies of the texts.
    #[pyo3(signature = (texts, *, threads=None, skip=false, offset=0, published=None))]
    fn columns_chunk(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyList>,
        threads: Option<usize>,
        skip: bool,
        offset: usize,
        published: Option<Vec<Option<String>>>,
    ) -> PyResult<ColumnChunk> {
        let items: Vec<Bound<'_, PyAny>> = texts.iter().collect();
        let dated = dated(&items, skip, offset, published)?;
        check_threads(threads)?;
        let ex = &self.inner;
        let out = py.detach(|| {
            ex.map_batch(&dated, threads, |d, a| {
                columns::article_tables(d.doc, d.text, a, d.day)
            })
        })?;
        let tables = kept(out, skip, offset)?;
        Ok(py.detach(|| ColumnChunk::new(tables.into_iter().flatten())))
    }
}

/// A text with its position in the batch and the day its article was
/// published.
struct Dated<'a> {
    text: &'a str,
    doc: usize,
    day: Option<Day>,
}

impl AsRef<str> for Dated<'_> {
    fn as_ref(&self) -> &str {
        self.text
    }
}

/// The texts of `items` (numbered from `offset`) with their publication days
/// (one ISO day or None per text, or None for all); with `skip`, an item
/// that is not a text is an empty one.
fn dated<'a>(
    items: &'a [Bound<'_, PyAny>],
    skip: bool,
    offset: usize,
    published: Option<Vec<Option<String>>>,
) -> PyResult<Vec<Dated<'a>>> {
    let days = match published {
        Some(p) if p.len() != items.len() => {
            return Err(PyValueError::new_err(format!(
                "published has {} dates for {} texts",
                p.len(),
                items.len()
            )))
        }
        Some(p) => p
            .iter()
            .map(|d| d.as_deref().map(day_of).transpose())
            .collect::<PyResult<Vec<_>>>()?,
        None => vec![None; items.len()],
    };
    let mut dated = Vec::with_capacity(items.len());
    for (i, (item, day)) in items.iter().zip(days).enumerate() {
        let doc = offset + i;
        let text = match text_of(item, doc) {
            Ok(t) => t,
            Err(_) if skip => "",
            Err(e) => return Err(e),
        };
        dated.push(Dated { text, doc, day });
    }
    Ok(dated)
}

/// The results of a batch numbered from `offset`: an item whose extraction
/// failed is None with `skip`, else an ExtractionError naming it.
fn kept<T>(
    out: Vec<Result<T, crate::Error>>,
    skip: bool,
    offset: usize,
) -> PyResult<Vec<Option<T>>> {
    out.into_iter()
        .enumerate()
        .map(|(i, r)| match r {
            Ok(v) => Ok(Some(v)),
            Err(_) if skip => Ok(None),
            Err(e) => Err(ExtractionError::new_err(format!(
                "item {}: {e}",
                offset + i
            ))),
        })
        .collect()
}

/// An ISO day ("2020-03-12"), or a ValueError naming what was given.
fn day_of(s: &str) -> PyResult<Day> {
    Day::parse(s).ok_or_else(|| {
        PyValueError::new_err(format!(
            "published must be a date such as '2020-03-12', not {s:?}"
        ))
    })
}

/// The thread count batches use when none is given.
#[pyfunction]
fn default_threads() -> usize {
    crate::default_threads()
}

#[pymodule]
fn _newsmine(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Engine>()?;
    m.add_class::<Article>()?;
    m.add_class::<Entity>()?;
    m.add_class::<Figure>()?;
    m.add_class::<Quote>()?;
    m.add("NewsmineError", py.get_type::<NewsmineError>())?;
    m.add("ExtractionError", py.get_type::<ExtractionError>())?;
    m.add_function(wrap_pyfunction!(default_threads, m)?)?;
    m.add_function(wrap_pyfunction!(training::evaluate_ner, m)?)?;
    m.add_function(wrap_pyfunction!(training::train_ner, m)?)?;
    m.add_class::<ColumnChunk>()?;
    m.add_function(wrap_pyfunction!(columns::table_lists, m)?)?;
    m.add_function(wrap_pyfunction!(columns::table_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(columns::schemas, m)?)?;
    m.add_function(wrap_pyfunction!(columns::_column_chunk, m)?)?;
    m.add_function(wrap_pyfunction!(columns::assign_groups, m)?)?;
    m.add_function(wrap_pyfunction!(columns::group_rows, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
