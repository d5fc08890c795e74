"""One function for distributed engines, and the pandas accessor.

``extract_partition`` turns a pandas DataFrame of articles into one table with
a fixed schema (``newsmine.SCHEMAS``); Dask's ``map_partitions``, Spark's
``mapInPandas`` and Ray Data's ``map_batches`` all call it the same way.

Importing newsmine registers a ``.newsmine`` accessor on pandas Series and
DataFrames when pandas is installed::

    df["text"].newsmine.entities()                    # doc_id = df.index
    df.newsmine.frames(text_column="text", id_column="id").quotes
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
import threading
from typing import TYPE_CHECKING, Any

from newsmine._api import Errors, Extractor
from newsmine.frames import SCHEMAS, Frames

if TYPE_CHECKING:
    import pandas as pd

_default: Extractor | None = None
_default_lock = threading.Lock()


def default_extractor() -> Extractor:
    """The process's shared Extractor (built once; models load once per process)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Extractor()
        return _default


def _only(ex: Extractor, kind: str) -> Extractor:
    """`ex` running only the stage of the `kind` table, which comes out the same
    (quotes run the entity stage anyway): figures alone take a tenth of the time."""
    if kind not in ex.stages or ex.stages == (kind,):
        return ex
    return Extractor(threads=ex.threads, stages=[kind])


def extract_partition(
    pdf: pd.DataFrame,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    kind: str = "entities",
    extractor: Extractor | None = None,
    errors: Errors = "skip",
    published_column: str | None = None,
) -> pd.DataFrame:
    """The `kind` table ("entities", "figures" or "quotes") of the articles in `pdf`.

    ``doc_id`` is `id_column` when given, else the index of `pdf`. Rows whose
    text is missing or not a str give no rows (``errors="skip"``, the default
    here, so one bad row does not fail a distributed job). With
    `published_column` (dates, ISO strings or timestamps; missing where
    unknown), DATE entities get ``date_start`` and ``date_end``.
    """
    if kind not in SCHEMAS:
        raise ValueError(f"kind must be one of {tuple(SCHEMAS)}, not {kind!r}")
    if text_column not in pdf.columns:
        raise KeyError(f"no column {text_column!r} in the partition")
    ex = _only(extractor or default_extractor(), kind)
    ids = pdf[id_column] if id_column is not None else pdf.index
    published = _column(pdf, published_column)
    fr: Frames = ex.extract_frames(
        pdf[text_column].array, ids=ids.array, errors=errors, published=published
    )
    return getattr(fr, kind)


def _column(pdf: pd.DataFrame, name: str | None) -> Any:
    """Column `name` of `pdf` (None for None), or a KeyError naming it."""
    if name is None:
        return None
    if name not in pdf.columns:
        raise KeyError(f"no column {name!r} in the partition")
    return pdf[name]


_DOCS = {
    "frames": "All three tables as :class:`Frames`.",
    "entities": "One row per entity.",
    "figures": "One row per figure.",
    "quotes": "One row per quote.",
}


def _table(texts: Any, ids: Any, kind: str, extractor: Extractor | None, kw: Any) -> Any:
    """Table `kind` of `texts` ("frames": all three as Frames)."""
    ex = extractor or default_extractor()
    if kind == "frames":
        return ex.extract_frames(texts, ids=ids, **kw)
    return getattr(_only(ex, kind).extract_frames(texts, ids=ids, **kw), kind)


def _series_method(kind: str) -> Any:
    def method(self: Any, *, extractor: Extractor | None = None, **kw: Any) -> Any:
        return _table(self._s, kw.pop("ids", None), kind, extractor, kw)

    method.__name__ = kind
    method.__doc__ = _DOCS[kind] + " Keyword arguments go to ``Extractor.extract_frames``."
    return method


def _frame_method(kind: str) -> Any:
    def method(
        self: Any,
        text_column: str = "text",
        id_column: str | None = None,
        *,
        extractor: Extractor | None = None,
        **kw: Any,
    ) -> Any:
        df = self._df
        for col in (text_column, id_column):
            if col is not None and col not in df.columns:
                there = ", ".join(repr(c) for c in df.columns)
                raise KeyError(f"no column {col!r}; the columns: {there}")
        ids = df[id_column] if id_column is not None else df.index
        return _table(df[text_column], ids, kind, extractor, kw)

    method.__name__ = kind
    method.__doc__ = (
        _DOCS[kind] + " ``doc_id`` is `id_column`, else the index; other keyword "
        "arguments go to ``Extractor.extract_frames``."
    )
    return method


class SeriesAccessor:
    """``series.newsmine.entities()``, ``.figures()``, ``.quotes()``, ``.frames()``:
    tables keyed by the Series index."""

    def __init__(self, series: Any) -> None:
        self._s = series

    frames = _series_method("frames")
    entities = _series_method("entities")
    figures = _series_method("figures")
    quotes = _series_method("quotes")


class FrameAccessor:
    """``df.newsmine.frames(text_column="text", id_column=None)`` and
    ``.entities(...)``, ``.figures(...)``, ``.quotes(...)``."""

    def __init__(self, df: Any) -> None:
        self._df = df

    frames = _frame_method("frames")
    entities = _frame_method("entities")
    figures = _frame_method("figures")
    quotes = _frame_method("quotes")


def _register(pd: Any) -> None:
    pd.api.extensions.register_series_accessor("newsmine")(SeriesAccessor)
    pd.api.extensions.register_dataframe_accessor("newsmine")(FrameAccessor)


class _AfterPandas(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Registers the accessors once pandas is imported, so that importing
    newsmine does not import pandas (a third of a second) for users who
    never touch it. Finds nothing itself: it wraps the loader of pandas."""

    def __init__(self) -> None:
        self._loader: Any = None

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != "pandas" or self._loader is not None:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        self._loader = spec.loader
        spec.loader = self
        return spec

    def create_module(self, spec: Any) -> Any:
        return self._loader.create_module(spec)

    def exec_module(self, module: Any) -> None:
        self._loader.exec_module(module)
        _register(module)


def _register_accessor() -> None:
    if "pandas" in sys.modules:
        _register(sys.modules["pandas"])
    elif not any(isinstance(f, _AfterPandas) for f in sys.meta_path):
        sys.meta_path.insert(0, _AfterPandas())
