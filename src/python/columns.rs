//! The tables of a batch, built column by column in Rust.
//!
//! Each table is one list of columns ([`ENTITIES`], [`FIGURES`], [`QUOTES`]):
//! a column's name and how its cell is read from a core result, which also
//! fixes its type. The schemas Python sees ([`SCHEMAS`]), the columns' values,
//! the lists handed to Python and the Arrow export (pyo3-arrow's PyCapsule
//! interface: pyarrow and polars read them without a copy, and neither is
//! needed to create them) all follow from these lists, so they cannot drift.

use std::borrow::Cow;
use std::ops::{Deref, Range};
use std::sync::Arc;

use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3_arrow::PyTable;

use super::convert::{placed, CharOffsets};
use crate::entities::calendar::{Day, DayRange};
use crate::entities::groups::{group, Group, Mention};
use crate::entities::{Entity, EntityLabel};
use crate::figures::Figure;
use crate::quotes::Quote;

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

/// One core result of one document, as its row's cells read it (the
/// result's fields are the row's, through `Deref`).
pub struct Row<'a, T> {
    /// The document's position in the batch.
    doc: usize,
    text: &'a str,
    /// The document's byte offsets as Python `str` offsets.
    at: &'a CharOffsets,
    item: &'a T,
}

impl<'a, T> Row<'a, T> {
    /// The Python `str` offset of byte offset `byte`.
    fn pos(&self, byte: usize) -> usize {
        self.at.get(byte)
    }

    /// The text of the byte span `span`.
    fn slice(&self, span: Range<usize>) -> Cow<'a, str> {
        Cow::Borrowed(&self.text[span])
    }
}

impl<T> Deref for Row<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.item
    }
}

/// How a column reads its cell from a row; the variant is the column's
/// [`Kind`].
pub enum Get<T> {
    Int(fn(&Row<'_, T>) -> usize),
    OptInt(fn(&Row<'_, T>) -> Option<usize>),
    Float(fn(&Row<'_, T>) -> Option<f64>),
    Str(for<'r> fn(&'r Row<'r, T>) -> Cow<'r, str>),
    OptStr(for<'r> fn(&'r Row<'r, T>) -> Option<Cow<'r, str>>),
    Bool(fn(&Row<'_, T>) -> bool),
}

use Get::{Bool, Float, Int, OptInt, OptStr, Str};

impl<T> Get<T> {
    const fn kind(&self) -> Kind {
        match self {
            Int(_) => Kind::Int,
            OptInt(_) => Kind::OptInt,
            Float(_) => Kind::Float,
            Str(_) => Kind::Str,
            OptStr(_) => Kind::OptStr,
            Bool(_) => Kind::Bool,
        }
    }

    /// The column's cells of `rows`.
    fn values(&self, rows: &[Row<'_, T>]) -> Values {
        let int = |x: usize| x as i64;
        match self {
            Int(f) => Values::Int(rows.iter().map(|r| Some(int(f(r)))).collect()),
            OptInt(f) => Values::Int(rows.iter().map(|r| f(r).map(int)).collect()),
            Float(f) => Values::Float(rows.iter().map(f).collect()),
            Str(f) => Values::Str(rows.iter().map(|r| Some(f(r))).collect()),
            OptStr(f) => Values::Str(rows.iter().map(f).collect()),
            Bool(f) => Values::Bool(rows.iter().map(f).collect()),
        }
    }
}

/// A column: its name, and how its cells are read.
pub struct Column<T>(&'static str, Get<T>);

/// An entity with its first and last day on the calendar (a DATE placed
/// from the publication day; else None). Its fields are the entity's,
/// through `Deref`.
pub struct Placed {
    entity: Entity,
    days: Option<DayRange>,
}

impl Deref for Placed {
    type Target = Entity;

    fn deref(&self) -> &Entity {
        &self.entity
    }
}

// The tables, one line per column (hence no rustfmt).

/// One row per entity; `doc` is the input position (the Python layer maps
/// it to `doc_id`).
#[rustfmt::skip]
const ENTITIES: [Column<Placed>; 10] = [
    Column("doc", Int(|r| r.doc)),
    Column("start", Int(|r| r.pos(r.start))),
    Column("end", Int(|r| r.pos(r.end))),
    Column("text", Str(|r| r.slice(r.start..r.end))),
    Column("label", Str(|r| r.label.as_str().into())),
    Column("canonical", Str(|r| r.canonical.as_str().into())),
    Column("display", Str(|r| r.display.as_str().into())),
    // Numbered across the whole batch by `assign_groups`.
    Column("group", OptInt(|_| None)),
    Column("date_start", OptStr(|r| r.days.map(|d| d.0.to_string().into()))),
    Column("date_end", OptStr(|r| r.days.map(|d| d.1.to_string().into()))),
];

/// One row per figure.
#[rustfmt::skip]
const FIGURES: [Column<Figure>; 10] = [
    Column("doc", Int(|r| r.doc)),
    Column("start", Int(|r| r.pos(r.start))),
    Column("end", Int(|r| r.pos(r.end))),
    Column("text", Str(|r| r.slice(r.start..r.end))),
    Column("value", Float(|r| r.value)),
    Column("value_to", Float(|r| r.value_to)),
    Column("kind", Str(|r| r.kind.as_str().into())),
    Column("unit", OptStr(|r| r.unit.map(Cow::from))),
    Column("qualifier", OptStr(|r| r.qualifier.map(|q| q.as_str().into()))),
    Column("counted", OptStr(|r| r.counted.clone().map(|c| r.slice(c)))),
];

/// One row per quote.
#[rustfmt::skip]
const QUOTES: [Column<Quote>; 14] = [
    Column("doc", Int(|r| r.doc)),
    Column("start", Int(|r| r.pos(r.start))),
    Column("end", Int(|r| r.pos(r.end))),
    Column("text", Str(|r| r.slice(r.start..r.end))),
    Column("speaker", OptStr(|r| r.speaker.as_deref().map(Cow::from))),
    Column("speaker_label", OptStr(|r| r.speaker_label.map(|l| l.as_str().into()))),
    Column("speaker_canonical", OptStr(|r| r.speaker_canonical.as_deref().map(Cow::from))),
    Column("speaker_display", OptStr(|r| r.speaker_display.as_deref().map(Cow::from))),
    Column("speaker_start", OptInt(|r| r.speaker_span.as_ref().map(|s| r.pos(s.start)))),
    Column("speaker_end", OptInt(|r| r.speaker_span.as_ref().map(|s| r.pos(s.end)))),
    Column("cue", OptStr(|r| r.cue_span.clone().map(|c| r.slice(c)))),
    Column("cue_start", OptInt(|r| r.cue_span.as_ref().map(|s| r.pos(s.start)))),
    Column("cue_end", OptInt(|r| r.cue_span.as_ref().map(|s| r.pos(s.end)))),
    Column("direct", Bool(|r| r.direct)),
];

/// The names and kinds of `columns`.
const fn heads<T, const N: usize>(columns: &[Column<T>; N]) -> [(&'static str, Kind); N] {
    let mut out = [("", Kind::Int); N];
    let mut i = 0;
    while i < N {
        out[i] = (columns[i].0, columns[i].1.kind());
        i += 1;
    }
    out
}

/// The tables and their columns, in the order of [`article_tables`].
pub const SCHEMAS: [(&str, &[(&str, Kind)]); 3] = [
    ("entities", &heads(&ENTITIES)),
    ("figures", &heads(&FIGURES)),
    ("quotes", &heads(&QUOTES)),
];

/// The rows of the three tables (in [`SCHEMAS`] order) for article `a`,
/// document `doc` of the batch, found in `text`; with the day it was
/// `published`, DATE entities are placed on the calendar.
pub fn article_tables(
    doc: usize,
    text: &str,
    a: crate::Article,
    published: Option<Day>,
) -> [Table; 3] {
    let at = CharOffsets::of_article(text, &a);
    let days = placed(text, &a.entities, published);
    let entities: Vec<Placed> = a
        .entities
        .into_iter()
        .zip(days)
        .map(|(entity, days)| Placed { entity, days })
        .collect();
    [
        Table::of(&ENTITIES, doc, text, &at, &entities),
        Table::of(&FIGURES, doc, text, &at, &a.figures),
        Table::of(&QUOTES, doc, text, &at, &a.quotes),
    ]
}

/// One column's values.
enum Values {
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Str(Strs),
    Bool(Vec<bool>),
}

/// A column of strings, each present or missing, in one buffer (as Arrow
/// lays them out): no allocation per cell.
#[derive(Default)]
struct Strs {
    bytes: String,
    /// Where each cell ends in `bytes` (a missing one is empty).
    ends: Vec<usize>,
    present: Vec<bool>,
}

impl Strs {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, row: usize) -> Option<&str> {
        let start = row.checked_sub(1).map_or(0, |r| self.ends[r]);
        self.present[row].then(|| &self.bytes[start..self.ends[row]])
    }

    fn iter(&self) -> impl Iterator<Item = Option<&str>> {
        (0..self.len()).map(|row| self.get(row))
    }

    /// Moves the cells of `other` to the end.
    fn append(&mut self, other: Strs) {
        let base = self.bytes.len();
        self.bytes.push_str(&other.bytes);
        self.ends.extend(other.ends.iter().map(|end| base + end));
        self.present.extend(other.present);
    }
}

impl<S: AsRef<str>> FromIterator<Option<S>> for Strs {
    /// The column of `cells`, its buffers sized once (an article's tables
    /// are many short columns: growing them cell by cell cost more than
    /// filling them).
    fn from_iter<I: IntoIterator<Item = Option<S>>>(cells: I) -> Self {
        let cells: Vec<Option<S>> = cells.into_iter().collect();
        let size = cells.iter().flatten().map(|s| s.as_ref().len()).sum();
        let mut out = Strs {
            bytes: String::with_capacity(size),
            ends: Vec::with_capacity(cells.len()),
            present: Vec::with_capacity(cells.len()),
        };
        for cell in &cells {
            if let Some(s) = cell {
                out.bytes.push_str(s.as_ref());
            }
            out.ends.push(out.bytes.len());
            out.present.push(cell.is_some());
        }
        out
    }
}

impl Values {
    /// No values, for a column of kind `kind`.
    fn new(kind: Kind) -> Self {
        match kind {
            Kind::Int | Kind::OptInt => Values::Int(Vec::new()),
            Kind::Float => Values::Float(Vec::new()),
            Kind::Str | Kind::OptStr => Values::Str(Strs::default()),
            Kind::Bool => Values::Bool(Vec::new()),
        }
    }

    fn len(&self) -> usize {
        match self {
            Values::Int(v) => v.len(),
            Values::Float(v) => v.len(),
            Values::Str(v) => v.len(),
            Values::Bool(v) => v.len(),
        }
    }

    /// Moves the values of `other` (a column of the same kind) to the end.
    fn append(&mut self, other: Values) {
        match (self, other) {
            (Values::Int(v), Values::Int(mut w)) => v.append(&mut w),
            (Values::Float(v), Values::Float(mut w)) => v.append(&mut w),
            (Values::Str(v), Values::Str(w)) => v.append(w),
            (Values::Bool(v), Values::Bool(mut w)) => v.append(&mut w),
            _ => unreachable!("both columns follow one schema"),
        }
    }
}

/// The columns of one table.
pub struct Table {
    values: Vec<Values>,
    rows: usize,
}

impl Table {
    /// An empty table of `schema`.
    fn new(schema: &[(&str, Kind)]) -> Self {
        let values = schema.iter().map(|&(_, kind)| Values::new(kind)).collect();
        Table { values, rows: 0 }
    }

    /// The table of `items`, the results of document `doc` found in `text`
    /// (`at`: its offsets).
    fn of<T>(columns: &[Column<T>], doc: usize, text: &str, at: &CharOffsets, items: &[T]) -> Self {
        let rows: Vec<Row<'_, T>> = items
            .iter()
            .map(|item| Row {
                doc,
                text,
                at,
                item,
            })
            .collect();
        let values = columns.iter().map(|c| c.1.values(&rows)).collect();
        Table {
            values,
            rows: rows.len(),
        }
    }

    /// Moves the rows of `other` (a table of the same schema) to the end.
    fn append(&mut self, other: Table) {
        for (v, w) in self.values.iter_mut().zip(other.values) {
            v.append(w);
        }
        self.rows += other.rows;
    }
}

/// The three tables of one chunk of a batch, held in Rust until Python asks
/// for them as lists or as Arrow.
#[pyclass(module = "newsmine._newsmine")]
pub struct ColumnChunk {
    tables: [Table; 3],
}

impl ColumnChunk {
    /// The tables of a chunk from those of its articles, in input order.
    pub fn new(articles: impl IntoIterator<Item = [Table; 3]>) -> Self {
        let mut tables = SCHEMAS.map(|(_, schema)| Table::new(schema));
        for article in articles {
            for (table, rows) in tables.iter_mut().zip(article) {
                table.append(rows);
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
                Kind::Int | Kind::OptInt => Values::Int(column.extract()?),
                Kind::Float => Values::Float(column.extract()?),
                Kind::Str | Kind::OptStr => {
                    let cells: Vec<Option<String>> = column.extract()?;
                    Values::Str(cells.iter().map(Option::as_deref).collect())
                }
                Kind::Bool => Values::Bool(column.extract()?),
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
        Kind::Int | Kind::OptInt => DataType::Int64,
        Kind::Float => DataType::Float64,
        Kind::Str | Kind::OptStr => DataType::Utf8,
        Kind::Bool => DataType::Boolean,
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
                Field::new(
                    *col,
                    arrow_type(*kind),
                    !matches!(kind, Kind::Int | Kind::Str | Kind::Bool),
                )
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
                Values::Int(v) => Arc::new(Int64Array::from_iter(v.iter().copied())),
                Values::Float(v) => Arc::new(Float64Array::from_iter(v.iter().copied())),
                Values::Str(v) => Arc::new(StringArray::from_iter(v.iter())),
                Values::Bool(v) => Arc::new(BooleanArray::new(v.iter().copied().collect(), None)),
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

fn cell_str(column: &Strs, row: usize) -> &str {
    column.get(row).unwrap_or_default()
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
