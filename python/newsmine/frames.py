"""Tables of a batch: one row per entity, figure or quote, first column ``doc_id``.

The columns are built in Rust; pandas is needed only to turn them into
DataFrames (``pip install newsmine[pandas]``).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

#: The columns of each table and their pandas dtypes. ``doc_id`` takes the
#: dtype of the ids (input positions: int64). Optional integers are nullable
#: ``Int64``, text is pandas' nullable ``string``; a missing float is NaN.
SCHEMAS: dict[str, dict[str, str]] = {
    "entities": {
        "doc_id": "int64",
        "start": "int64",
        "end": "int64",
        "text": "string",
        "label": "string",
        "canonical": "string",
    },
    "figures": {
        "doc_id": "int64",
        "start": "int64",
        "end": "int64",
        "text": "string",
        "value": "float64",
        "value_to": "float64",
        "kind": "string",
        "unit": "string",
        "qualifier": "string",
        "counted": "string",
    },
    "quotes": {
        "doc_id": "int64",
        "start": "int64",
        "end": "int64",
        "text": "string",
        "speaker": "string",
        "speaker_start": "Int64",
        "speaker_end": "Int64",
        "cue": "string",
        "cue_start": "Int64",
        "cue_end": "Int64",
        "direct": "bool",
    },
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

    >>> spark_schema("entities")
    'doc_id string, start long, end long, text string, label string, canonical string'
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

    ``fr.entities``, ``fr.figures`` and ``fr.quotes`` are pandas DataFrames;
    ``fr.columns(name)`` gives the same table as a dict of lists without
    pandas.
    """

    def __init__(
        self, columns: dict[str, dict[str, list[Any]]], n_docs: int, ids: Any = None
    ) -> None:
        # columns[table]["doc_id"] holds input positions until mapped to ids.
        self._columns = columns
        self._ids = ids
        self.n_docs = n_docs

    @classmethod
    def from_parts(
        cls, parts: list[dict[str, dict[str, list[Any]]]], n_docs: int, ids: Any = None
    ) -> Frames:
        """Joins the column chunks of a batch; `ids` (one per text) name the documents."""
        if ids is not None:
            if not hasattr(ids, "__len__") or not hasattr(ids, "__getitem__"):
                ids = list(ids)
            if len(ids) != n_docs:
                raise ValueError(f"ids has {len(ids)} items but texts has {n_docs}")
        columns: dict[str, dict[str, list[Any]]] = {}
        for table, schema in SCHEMAS.items():
            cols: dict[str, list[Any]] = {name: [] for name in schema}
            for part in parts:
                for name, values in part[table].items():
                    cols["doc_id" if name == "doc" else name].extend(values)
            columns[table] = cols
        return cls(columns, n_docs, ids)

    def columns(self, table: str) -> dict[str, list[Any]]:
        """Table `table` ("entities", "figures" or "quotes") as a dict of lists."""
        if table not in SCHEMAS:
            raise ValueError(f"table must be one of {TABLES}, not {table!r}")
        cols = dict(self._columns[table])
        if self._ids is not None:
            ids = self._ids
            cols["doc_id"] = [ids[i] for i in cols["doc_id"]]
        return cols

    def _frame(self, table: str) -> pd.DataFrame:
        try:
            import pandas as pd
        except ImportError as e:
            raise ModuleNotFoundError(
                "DataFrames need pandas: pip install pandas (or newsmine[pandas])"
            ) from e
        cols = self._columns[table]
        data: dict[str, Any] = {}
        for name, dtype in SCHEMAS[table].items():
            values = cols[name]
            if name == "doc_id" and self._ids is not None:
                positions = pd.array(values, dtype="int64")
                data[name] = pd.Index(self._ids).take(positions)
            else:
                data[name] = pd.array(values, dtype=dtype)
        return pd.DataFrame(data)

    @cached_property
    def entities(self) -> pd.DataFrame:
        """One row per entity: doc_id, start, end, text, label, canonical."""
        return self._frame("entities")

    @cached_property
    def figures(self) -> pd.DataFrame:
        """One row per figure: doc_id, start, end, text, value, value_to, kind, unit, ..."""
        return self._frame("figures")

    @cached_property
    def quotes(self) -> pd.DataFrame:
        """One row per quote: doc_id, start, end, text, speaker, cue, direct, ..."""
        return self._frame("quotes")

    def __repr__(self) -> str:
        sizes = ", ".join(f"{t}={len(self._columns[t]['start'])}" for t in TABLES)
        return f"Frames(docs={self.n_docs}, {sizes})"
