"""Tables of a batch: one row per entity, figure or quote, first column ``doc_id``.

The columns are built in Rust; pandas is needed only to turn them into
DataFrames (``pip install newsmine[pandas]``).
"""

from __future__ import annotations

import html
import numbers
from functools import cached_property
from typing import TYPE_CHECKING, Any

from newsmine import _newsmine

if TYPE_CHECKING:
    import pandas as pd

#: The columns of each table and their pandas dtypes, ``doc_id`` first (one
#: schema, defined in Rust). ``doc_id`` takes the dtype of the ids (input
#: positions: int64). Optional integers are nullable ``Int64``, text is
#: pandas' nullable ``string``; a missing float is NaN (null in Arrow).
SCHEMAS: dict[str, dict[str, str]] = {
    table: dict(columns) for table, columns in _newsmine.schemas()
}

TABLES = tuple(SCHEMAS)

#: The table of rows ``newsmine extract`` could not process.
ERRORS_SCHEMA = {"doc_id": "string", "reason": "string"}


_SPARK_TYPES = {
    "int64": "long",
    "Int64": "long",
    "float64": "double",
    "string": "string",
    "bool": "boolean",
}


def spark_schema(table: str, doc_id_type: str = "string") -> str:
    """`table`'s schema as a Spark DDL string, e.g. for ``mapInPandas``.

    >>> spark_schema("figures")[:56]
    'doc_id string, start long, end long, text string, value '
    """
    return ", ".join(
        f"{name} {doc_id_type if name == 'doc_id' else _SPARK_TYPES[dtype]}"
        for name, dtype in SCHEMAS[table].items()
    )


def arrow_schema(table: str, doc_id_type: Any = None) -> Any:
    """The pyarrow schema of `table` (or "errors"); `doc_id_type` defaults to int64."""
    import pyarrow as pa

    types = {
        "int64": pa.int64(),
        "Int64": pa.int64(),
        "float64": pa.float64(),
        "string": pa.string(),
        "bool": pa.bool_(),
    }
    schema = ERRORS_SCHEMA if table == "errors" else SCHEMAS[table]
    return pa.schema(
        [
            (name, (doc_id_type or pa.int64()) if name == "doc_id" else types[dtype])
            for name, dtype in schema.items()
        ]
    )


class Frames:
    """The entities, figures and quotes of a batch as tables.

    The tables stay in Rust until read:

    - ``fr.entities``, ``fr.figures``, ``fr.quotes``: pandas DataFrames;
    - ``fr.to_arrow()``: pyarrow Tables, without a copy;
    - ``fr.arrow(name)``: an Arrow table through the PyCapsule interface
      (``__arrow_c_stream__``), without pyarrow: ``polars.DataFrame(fr.arrow("quotes"))``;
    - ``fr.columns(name)``: a dict of lists, with nothing else installed;
    - ``fr.names``: one row per group of the entities table (one real-world
      thing across the batch): ``group, display, label, mentions, documents``.
    """

    def __init__(self, chunks: list[Any], n_docs: int, ids: Any = None) -> None:
        if ids is not None:
            if hasattr(ids, "array"):
                ids = ids.array  # a pandas Series or Index: index by position, not label
            elif not hasattr(ids, "__len__") or not hasattr(ids, "__getitem__"):
                ids = list(ids)
            if len(ids) != n_docs:
                raise ValueError(f"ids has {len(ids)} items but texts has {n_docs}")
        self._chunks = chunks
        self._ids = ids
        self.n_docs = n_docs
        # The entities' group column is filled across all chunks at once.
        self._names: dict[str, list[Any]] = _newsmine.assign_groups(chunks)

    @staticmethod
    def _check(table: str) -> None:
        if table not in SCHEMAS:
            raise ValueError(f"table must be one of {TABLES}, not {table!r}")

    def __len__(self) -> int:
        """The number of documents."""
        return self.n_docs

    def columns(self, table: str) -> dict[str, list[Any]]:
        """Table `table` ("entities", "figures" or "quotes") as a dict of lists."""
        self._check(table)
        cols = _newsmine.table_lists(self._chunks, table)
        docs = cols.pop("doc")
        ids = self._ids
        return {"doc_id": docs if ids is None else [ids[i] for i in docs], **cols}

    def _arrow_ids(self) -> list[int] | list[str] | None:
        """The ids as Arrow can hold them: all int64, else their str()."""
        ids = self._ids
        if ids is None:
            return None
        if all(_is_int64(i) for i in ids):
            return [int(i) for i in ids]
        return [str(i) for i in ids]

    def arrow(self, table: str) -> Any:
        """Table `table` as an Arrow stream object (``__arrow_c_stream__``).

        ``doc_id`` holds the ids when they are all ints, else their ``str()``.
        """
        self._check(table)
        return _newsmine.table_arrow(self._chunks, table, self._arrow_ids())

    def to_arrow(self) -> dict[str, Any]:
        """The three tables as pyarrow Tables (no copy; needs pyarrow)."""
        import pyarrow as pa

        return {t: pa.table(self.arrow(t)) for t in TABLES}

    def _frame(self, table: str) -> pd.DataFrame:
        try:
            import pandas as pd
        except ImportError as e:
            raise ModuleNotFoundError(
                "DataFrames need pandas: pip install pandas (or newsmine[pandas])"
            ) from e
        try:
            import pyarrow as pa
        except ImportError:
            pa = None
        if pa is not None:
            arrow = pa.table(_newsmine.table_arrow(self._chunks, table, None))
            df = arrow.to_pandas(types_mapper={pa.string(): pd.StringDtype()}.get)
        else:
            cols = _newsmine.table_lists(self._chunks, table)
            df = pd.DataFrame({"doc_id": cols.pop("doc"), **cols})
        for name, dtype in SCHEMAS[table].items():
            if name == "doc_id":
                positions = df[name].to_numpy(dtype="int64")
                if self._ids is not None:
                    df[name] = pd.Index(self._ids).take(positions)
                else:
                    df[name] = positions
            elif str(df[name].dtype) != dtype:
                df[name] = df[name].astype(dtype)
        return df

    @cached_property
    def entities(self) -> pd.DataFrame:
        """One row per entity: doc_id, start, end, text, label, canonical, display, ..."""
        return self._frame("entities")

    def names_columns(self) -> dict[str, list[Any]]:
        """The names table as a dict of lists, with nothing else installed."""
        return {k: list(v) for k, v in self._names.items()}

    @cached_property
    def names(self) -> pd.DataFrame:
        """One row per group of the entities table: group, display, label, mentions, documents."""
        return _names_frame(self._names)

    @cached_property
    def figures(self) -> pd.DataFrame:
        """One row per figure: doc_id, start, end, text, value, value_to, kind, unit, ..."""
        return self._frame("figures")

    @cached_property
    def quotes(self) -> pd.DataFrame:
        """One row per quote: doc_id, start, end, text, speaker, cue, direct, ..."""
        return self._frame("quotes")

    def _rows(self) -> dict[str, int]:
        rows = [0, 0, 0]
        for chunk in self._chunks:
            rows = [a + b for a, b in zip(rows, chunk.rows(), strict=True)]
        return dict(zip(TABLES, rows, strict=True))

    def __repr__(self) -> str:
        sizes = ", ".join(f"{t}={n}" for t, n in self._rows().items())
        return f"Frames(docs={self.n_docs}, {sizes})"

    def _repr_html_(self, head: int = 5) -> str:
        """Notebook view: the row count of each table and its first rows."""
        parts = [f"<div><b>Frames</b>: {self.n_docs} documents</div>"]
        for table, n in self._rows().items():
            cols = self.columns(table)
            names = list(cols)
            cells = "".join(f"<th>{html.escape(c)}</th>" for c in names)
            body = "".join(
                "<tr>"
                + "".join(f"<td>{html.escape(_cell(cols[c][i]))}</td>" for c in names)
                + "</tr>"
                for i in range(min(n, head))
            )
            more = f"<div>… {n - head} more rows</div>" if n > head else ""
            parts.append(
                f"<div><b>{table}</b>: {n} rows</div>"
                f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>{more}"
            )
        return "".join(parts)


def _names_frame(cols: dict[str, list[Any]]) -> pd.DataFrame:
    import pandas as pd

    dtypes = {
        "group": "int64",
        "display": "string",
        "label": "string",
        "mentions": "int64",
        "documents": "int64",
    }
    return pd.DataFrame({c: pd.Series(cols[c], dtype=t) for c, t in dtypes.items()})


def group_entities(entities: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Groups an entities table gathered from several batches or partitions.

    Each batch numbers its own groups; a table concatenated from several
    (the partitions of a Dask job, say) is grouped again here as one batch:
    returns a copy of `entities` with a batch-wide ``group`` column and the
    names table (``group, display, label, mentions, documents``).

    >>> import newsmine, pandas as pd
    >>> ex = newsmine.Extractor()
    >>> a = ex.extract_frames(["Volodymyr Zelensky spoke in Kyiv."]).entities
    >>> b = ex.extract_frames(["zelensky visited kyiv"], ids=[1]).entities
    >>> entities, names = newsmine.group_entities(pd.concat([a, b]))
    >>> list(names.display), list(names.documents)
    (['Volodymyr Zelensky', 'Kyiv'], [2, 2])
    """
    import pandas as pd

    docs = pd.factorize(entities["doc_id"])[0]
    groups, names = _newsmine.group_rows(
        [int(d) for d in docs],
        list(entities["label"]),
        list(entities["canonical"]),
        list(entities["display"]),
    )
    out = entities.copy()
    out["group"] = pd.array(groups, dtype="Int64")
    return out, _names_frame(names)


def _is_int64(value: Any) -> bool:
    """Whether `value` is an integer (not a bool) that fits an Arrow int64."""
    return (
        isinstance(value, numbers.Integral)
        and not isinstance(value, bool)
        and -(2**63) <= int(value) < 2**63
    )


def _cell(value: Any) -> str:
    return "" if value is None else str(value)
