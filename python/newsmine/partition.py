"""One function for distributed engines, and the pandas accessor.

``extract_partition`` turns a pandas DataFrame of articles into one table with
a fixed schema (``newsmine.SCHEMAS``); Dask's ``map_partitions``, Spark's
``mapInPandas`` and Ray Data's ``map_batches`` all call it the same way.

Importing newsmine registers a ``.newsmine`` accessor on pandas Series when
pandas is installed::

    df["text"].newsmine.entities()      # doc_id = df.index
"""

from __future__ import annotations

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
) -> pd.DataFrame:
    """The `kind` table ("entities", "figures" or "quotes") of the articles in `pdf`.

    ``doc_id`` is `id_column` when given, else the index of `pdf`. Rows whose
    text is missing or not a str give no rows (``errors="skip"``, the default
    here, so one bad row does not fail a distributed job).
    """
    if kind not in SCHEMAS:
        raise ValueError(f"kind must be one of {tuple(SCHEMAS)}, not {kind!r}")
    if text_column not in pdf.columns:
        raise KeyError(f"no column {text_column!r} in the partition")
    ex = _only(extractor or default_extractor(), kind)
    ids = pdf[id_column] if id_column is not None else pdf.index
    fr: Frames = ex.extract_frames(pdf[text_column].array, ids=ids.array, errors=errors)
    return getattr(fr, kind)


def _register_accessor() -> None:
    try:
        import pandas as pd
    except ImportError:
        return

    @pd.api.extensions.register_series_accessor("newsmine")
    class NewsmineAccessor:
        """``series.newsmine.entities()`` etc.: tables keyed by the Series index."""

        def __init__(self, series: pd.Series) -> None:
            self._s = series

        def frames(self, *, extractor: Extractor | None = None, **kwargs: Any) -> Frames:
            """All three tables (arguments as for ``Extractor.extract_frames``)."""
            return (extractor or default_extractor()).extract_frames(self._s, **kwargs)

        def _table(self, kind: str, extractor: Extractor | None, kwargs: Any) -> pd.DataFrame:
            ex = _only(extractor or default_extractor(), kind)
            return getattr(ex.extract_frames(self._s, **kwargs), kind)

        def entities(self, *, extractor: Extractor | None = None, **kwargs: Any) -> pd.DataFrame:
            return self._table("entities", extractor, kwargs)

        def figures(self, *, extractor: Extractor | None = None, **kwargs: Any) -> pd.DataFrame:
            return self._table("figures", extractor, kwargs)

        def quotes(self, *, extractor: Extractor | None = None, **kwargs: Any) -> pd.DataFrame:
            return self._table("quotes", extractor, kwargs)
