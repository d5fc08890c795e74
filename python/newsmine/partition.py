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
    ex = extractor or default_extractor()
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

        def entities(self, **kwargs: Any) -> pd.DataFrame:
            return self.frames(**kwargs).entities

        def figures(self, **kwargs: Any) -> pd.DataFrame:
            return self.frames(**kwargs).figures

        def quotes(self, **kwargs: Any) -> pd.DataFrame:
            return self.frames(**kwargs).quotes
