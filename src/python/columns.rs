//! The tables of a batch, built column by column in Rust.
//!
//! One schema per table ([`SCHEMAS`]) drives everything: filling the columns
//! from results, handing them to Python as lists, and exporting them as Arrow
//! (pyo3-arrow's PyCapsule interface: pyarrow and polars read them without a
//! copy, and neither is needed to create them).

use std::sync::Arc;

use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3_arrow::PyTable;

use super::results::Article;
use crate::entities::groups::{group, Group, Mention};
use crate::entities::EntityLabel;

/// The type of a column: the names are the pandas dtypes users see.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// int64, never missing.
    Int,
    /// Int64: nullable integer.
    OptInt,
    /// float64: missing is NaN in pandas, null in Arrow.
    Float,
    /// string, never missing.
    Str,
    /// string, nullable.
    OptStr,
    /// bool.
    Bool,
}

impl Kind {
    fn dtype(self) -> &'static str {
        match self {
            Kind::Int => "int64",
            Kind::OptInt => "Int64",
            Kind::Float => "float64",
            Kind::Str | Kind::OptStr => "string",
            Kind::Bool => "bool",
        }
    }
}

use Kind::*;

/// The tables and their columns; `doc` is the input position (the Python
/// layer maps it to `doc_id`).
pub const SCHEMAS: [(&str, &[(&str, Kind)]); 3] = [
    (
        "entities",
        &[
            ("doc", Int),
            ("start", Int),
            ("end", Int),
            ("text", Str),
            ("label", Str),
            ("canonical", Str),
            ("display", Str),
            ("group", OptInt),
            ("date_start", OptStr),
            ("date_end", OptStr),
        ],
    ),
    (
        "figures",
        &[
            ("doc", Int),
            ("start", Int),
            ("end", Int),
            ("text", Str),
            ("value", Float),
            ("value_to", Float),
            ("kind", Str),
            ("unit", OptStr),
            ("qualifier", OptStr),
            ("counted", OptStr),
        ],
    ),
    (
        "quotes",
        &[
            ("doc", Int),
            ("start", Int),
            ("end", Int),
            ("text", Str),
            ("speaker", OptStr),
            ("speaker_label", OptStr),
            ("speaker_canonical", OptStr),
            ("speaker_display", OptStr),
            ("speaker_start", OptInt),
            ("speaker_end", OptInt),
            ("cue", OptStr),
            ("cue_start", OptInt),
            ("cue_end", OptInt),
            ("direct", Bool),
        ],
    ),
];

/// One column's values.
#[derive(Clone)]
enum Values {
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Str(Vec<Option<String>>),
    Bool(Vec<bool>),
}

impl Values {
    fn len(&self) -> usize {
        match self {
            Values::Int(v) => v.len(),
            Values::Float(v) => v.len(),
            Values::Str(v) => v.len(),
            Values::Bool(v) => v.len(),
        }
    }
}

/// A cell on its way into a column.
pub enum Cell {
    Int(Option<i64>),
    Float(Option<f64>),
    Str(Option<String>),
    Bool(bool),
}

fn int(v: usize) -> Cell {
    Cell::Int(Some(v as i64))
}

fn opt_int(v: Option<usize>) -> Cell {
    Cell::Int(v.map(|x| x as i64))
}

fn text(s: String) -> Cell {
    Cell::Str(Some(s))
}

struct Table {
    values: Vec<Values>,
    rows: usize,
}

impl Table {
    fn new(schema: &[(&str, Kind)]) -> Self {
        let values = schema
            .iter()
            .map(|(_, k)| match k {
                Int | OptInt => Values::Int(Vec::new()),
                Float => Values::Float(Vec::new()),
                Str | OptStr => Values::Str(Vec::new()),
                Bool => Values::Bool(Vec::new()),
            })
            .collect();
        Table { values, rows: 0 }
    }

    fn push(&mut self, row: impl IntoIterator<Item = Cell>) {
        for (col, cell) in self.values.iter_mut().zip(row) {
            match (col, cell) {
                (Values::Int(v), Cell::Int(x)) => v.push(x),
                (Values::Float(v), Cell::Float(x)) => v.push(x),
                (Values::Str(v), Cell::Str(x)) => v.push(x),
                (Values::Bool(v), Cell::Bool(x)) => v.push(x),
                _ => unreachable!("a row does not match its table's schema"),
            }
        }
        self.rows += 1;
    }
}

/// The three tables of one chunk of a batch, held in Rust until Python asks
/// for them as lists or as Arrow.
#[pyclass(module = "newsmine._newsmine")]
pub struct ColumnChunk {
    tables: [Table; 3],
}

impl ColumnChunk {
    /// The tables of `articles`, numbered from `offset`.
    pub fn new(articles: Vec<Article>, offset: usize) -> Self {
        let mut tables = SCHEMAS.map(|(_, schema)| Table::new(schema));
        for (i, a) in articles.into_iter().enumerate() {
            let doc = offset + i;
            for e in a.entities {
                tables[0].push([
                    int(doc),
                    int(e.start),
                    int(e.end),
                    text(e.text),
                    text(e.label),
                    text(e.canonical),
                    text(e.display),
                    Cell::Int(None),
                    Cell::Str(e.date_start),
                    Cell::Str(e.date_end),
                ]);
            }
            for f in a.figures {
                tables[1].push([
                    int(doc),
                    int(f.start),
                    int(f.end),
                    text(f.text),
                    Cell::Float(f.value),
                    Cell::Float(f.value_to),
                    text(f.kind),
                    Cell::Str(f.unit),
                    Cell::Str(f.qualifier),
                    Cell::Str(f.counted),
                ]);
            }
            for q in a.quotes {
                tables[2].push([
                    int(doc),
                    int(q.start),
                    int(q.end),
                    text(q.text),
                    Cell::Str(q.speaker),
                    Cell::Str(q.speaker_label),
                    Cell::Str(q.speaker_canonical),
                    Cell::Str(q.speaker_display),
                    opt_int(q.speaker_start),
                    opt_int(q.speaker_end),
                    Cell::Str(q.cue),
                    opt_int(q.cue_start),
                    opt_int(q.cue_end),
                    Cell::Bool(q.direct),
                ]);
            }
        }
        ColumnChunk { tables }
    }
}

#[pymethods]
impl ColumnChunk {
    /// Row counts of the three tables.
    fn rows(&self) -> (usize, usize, usize) {
        (
            self.tables[0].rows,
            self.tables[1].rows,
            self.tables[2].rows,
        )
    }

    /// Pickles as its columns, so `Frames` travel between processes (a Dask
    /// or multiprocessing worker returns them).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (Columns<'py>,))> {
        let py = slf.py();
        let tables = slf
            .borrow()
            .tables
            .iter()
            .map(|t| {
                t.values
                    .iter()
                    .map(|v| {
                        let list = PyList::empty(py);
                        append_values(&list, v)?;
                        Ok(list)
                    })
                    .collect::<PyResult<Vec<_>>>()
            })
            .collect::<PyResult<Vec<_>>>()?;
        let rebuild = py.import("newsmine._newsmine")?.getattr("_column_chunk")?;
        Ok((rebuild, (tables,)))
    }
}

/// Each table's columns as Python lists, in schema order.
type Columns<'py> = Vec<Vec<Bound<'py, PyList>>>;

/// Appends a column's values to a Python list.
fn append_values(list: &Bound<'_, PyList>, values: &Values) -> PyResult<()> {
    match values {
        Values::Int(v) => v.iter().try_for_each(|x| list.append(x)),
        Values::Float(v) => v.iter().try_for_each(|x| list.append(x)),
        Values::Str(v) => v.iter().try_for_each(|x| list.append(x)),
        Values::Bool(v) => v.iter().try_for_each(|x| list.append(x)),
    }
}

/// A `ColumnChunk` from the columns its `__reduce__` gave (the three tables'
/// columns in schema order).
#[pyfunction]
pub fn _column_chunk(tables: Vec<Vec<Bound<'_, PyAny>>>) -> PyResult<ColumnChunk> {
    let bad = || PyValueError::new_err("columns do not match the tables' schema");
    if tables.len() != SCHEMAS.len() {
        return Err(bad());
    }
    let mut out = SCHEMAS.map(|(_, schema)| Table::new(schema));
    for ((table, (_, schema)), columns) in out.iter_mut().zip(SCHEMAS).zip(&tables) {
        if columns.len() != schema.len() {
            return Err(bad());
        }
        for ((values, (_, kind)), column) in table.values.iter_mut().zip(schema).zip(columns) {
            *values = match kind {
                Int | OptInt => Values::Int(column.extract()?),
                Float => Values::Float(column.extract()?),
                Str | OptStr => Values::Str(column.extract()?),
                Bool => Values::Bool(column.extract()?),
            };
        }
        let lens: Vec<usize> = table.values.iter().map(Values::len).collect();
        table.rows = lens.first().copied().unwrap_or(0);
        if lens.iter().any(|&n| n != table.rows) {
            return Err(bad());
        }
    }
    Ok(ColumnChunk { tables: out })
}

fn table_index(name: &str) -> PyResult<usize> {
    SCHEMAS
        .iter()
        .position(|(n, _)| *n == name)
        .ok_or_else(|| PyValueError::new_err(format!("no table {name:?}")))
}

/// Table `name` of `chunks` as a dict of Python lists.
#[pyfunction]
pub fn table_lists<'py>(
    py: Python<'py>,
    chunks: Vec<PyRef<'py, ColumnChunk>>,
    name: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let t = table_index(name)?;
    let out = PyDict::new(py);
    for (c, (col, _)) in SCHEMAS[t].1.iter().enumerate() {
        let list = PyList::empty(py);
        for chunk in &chunks {
            append_values(&list, &chunk.tables[t].values[c])?;
        }
        out.set_item(*col, list)?;
    }
    Ok(out)
}

/// Document ids for Arrow output: all integers, or all strings.
#[derive(FromPyObject)]
pub enum Ids {
    Ints(Vec<i64>),
    Strs(Vec<String>),
}

fn arrow_type(k: Kind) -> DataType {
    match k {
        Int | OptInt => DataType::Int64,
        Float => DataType::Float64,
        Str | OptStr => DataType::Utf8,
        Bool => DataType::Boolean,
    }
}

/// Table `name` of `chunks` as an Arrow table (PyCapsule stream interface).
/// `doc_id` holds `ids[doc]` when `ids` is given, else the input position.
#[pyfunction]
#[pyo3(signature = (chunks, name, ids=None))]
pub fn table_arrow(
    chunks: Vec<PyRef<'_, ColumnChunk>>,
    name: &str,
    ids: Option<Ids>,
) -> PyResult<PyTable> {
    let t = table_index(name)?;
    let schema = SCHEMAS[t].1;
    let id_type = match ids {
        Some(Ids::Strs(_)) => DataType::Utf8,
        _ => DataType::Int64,
    };
    let fields: Vec<Field> = schema
        .iter()
        .enumerate()
        .map(|(c, (col, kind))| {
            if c == 0 {
                Field::new("doc_id", id_type.clone(), false)
            } else {
                Field::new(*col, arrow_type(*kind), !matches!(kind, Int | Str | Bool))
            }
        })
        .collect();
    let schema_ref = Arc::new(Schema::new(fields));
    let mut batches = Vec::with_capacity(chunks.len());
    for chunk in &chunks {
        let table = &chunk.tables[t];
        let mut arrays: Vec<ArrayRef> = Vec::with_capacity(table.values.len());
        for (c, values) in table.values.iter().enumerate() {
            let array: ArrayRef = match values {
                Values::Int(v) if c == 0 => doc_ids(v, ids.as_ref())?,
                Values::Int(v) => Arc::new(Int64Array::from(v.clone())),
                Values::Float(v) => Arc::new(Float64Array::from(v.clone())),
                Values::Str(v) => Arc::new(StringArray::from(v.clone())),
                Values::Bool(v) => Arc::new(BooleanArray::from(v.clone())),
            };
            arrays.push(array);
        }
        let batch = RecordBatch::try_new(Arc::clone(&schema_ref), arrays)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        batches.push(batch);
    }
    PyTable::try_new(batches, schema_ref)
}

fn doc_ids(docs: &[Option<i64>], ids: Option<&Ids>) -> PyResult<ArrayRef> {
    let pos = |d: &Option<i64>| d.unwrap_or_default() as usize;
    let missing = || PyValueError::new_err("ids has fewer items than texts");
    Ok(match ids {
        None => Arc::new(Int64Array::from(docs.to_vec())),
        Some(Ids::Ints(ids)) => Arc::new(Int64Array::from(
            docs.iter()
                .map(|d| ids.get(pos(d)).copied().ok_or_else(missing))
                .collect::<PyResult<Vec<i64>>>()?,
        )),
        Some(Ids::Strs(ids)) => Arc::new(StringArray::from(
            docs.iter()
                .map(|d| ids.get(pos(d)).map(String::as_str).ok_or_else(missing))
                .collect::<PyResult<Vec<&str>>>()?,
        )),
    })
}

/// {table: {column: pandas dtype}} with `doc_id` first (the one schema).
#[pyfunction]
pub fn schemas() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    SCHEMAS
        .iter()
        .map(|(name, cols)| {
            let cols = cols
                .iter()
                .map(|(c, k)| (if *c == "doc" { "doc_id" } else { *c }, k.dtype()))
                .collect();
            (*name, cols)
        })
        .collect()
}

/// Column `name` of table `t` (by the schema).
fn column(t: usize, name: &str) -> usize {
    SCHEMAS[t]
        .1
        .iter()
        .position(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no column {name:?}"))
}

fn cell_str(column: &[Option<String>], row: usize) -> &str {
    column[row].as_deref().unwrap_or_default()
}

fn label_of(s: &str) -> PyResult<EntityLabel> {
    EntityLabel::ALL
        .into_iter()
        .find(|l| l.as_str() == s)
        .ok_or_else(|| PyValueError::new_err(format!("no entity label {s:?}")))
}

/// The names table of `groups` as a dict of lists.
fn names_table<'py>(py: Python<'py>, groups: &[Group]) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    out.set_item("group", (0..groups.len()).collect::<Vec<_>>())?;
    out.set_item(
        "display",
        groups
            .iter()
            .map(|g| g.display.as_str())
            .collect::<Vec<_>>(),
    )?;
    out.set_item(
        "label",
        groups.iter().map(|g| g.label.as_str()).collect::<Vec<_>>(),
    )?;
    out.set_item(
        "mentions",
        groups.iter().map(|g| g.mentions).collect::<Vec<_>>(),
    )?;
    out.set_item(
        "documents",
        groups.iter().map(|g| g.documents).collect::<Vec<_>>(),
    )?;
    Ok(out)
}

/// Groups the entities of all `chunks` (one batch) and fills their `group`
/// column; returns the names table (one row per group) as a dict of lists.
#[pyfunction]
pub fn assign_groups<'py>(
    py: Python<'py>,
    mut chunks: Vec<PyRefMut<'py, ColumnChunk>>,
) -> PyResult<Bound<'py, PyDict>> {
    let [doc, label, canonical, display, group_col] =
        ["doc", "label", "canonical", "display", "group"].map(|c| column(0, c));
    let (group_of, groups) = {
        let mut mentions = Vec::new();
        for chunk in &chunks {
            let v = &chunk.tables[0].values;
            let (Values::Int(d), Values::Str(l), Values::Str(c), Values::Str(s)) =
                (&v[doc], &v[label], &v[canonical], &v[display])
            else {
                unreachable!("the entities schema");
            };
            for (i, doc) in d.iter().enumerate() {
                mentions.push(Mention {
                    doc: doc.unwrap_or_default() as u64,
                    label: label_of(cell_str(l, i))?,
                    canonical: cell_str(c, i),
                    display: cell_str(s, i),
                });
            }
        }
        group(&mentions)
    };
    let mut next = group_of.into_iter();
    for chunk in &mut chunks {
        let table = &mut chunk.tables[0];
        let filled = next.by_ref().take(table.rows).map(|g| g.map(|g| g as i64));
        table.values[group_col] = Values::Int(filled.collect());
    }
    names_table(py, &groups)
}

/// Groups entity rows given as columns (a table gathered from several
/// partitions): the group of each row and the names table.
#[pyfunction]
pub fn group_rows<'py>(
    py: Python<'py>,
    docs: Vec<u64>,
    labels: Vec<String>,
    canonicals: Vec<String>,
    displays: Vec<String>,
) -> PyResult<(Vec<Option<usize>>, Bound<'py, PyDict>)> {
    let n = docs.len();
    if [labels.len(), canonicals.len(), displays.len()] != [n; 3] {
        return Err(PyValueError::new_err("the columns differ in length"));
    }
    let mentions = (0..n)
        .map(|i| {
            Ok(Mention {
                doc: docs[i],
                label: label_of(&labels[i])?,
                canonical: &canonicals[i],
                display: &displays[i],
            })
        })
        .collect::<PyResult<Vec<_>>>()?;
    let (group_of, groups) = group(&mentions);
    Ok((group_of, names_table(py, &groups)?))
}
