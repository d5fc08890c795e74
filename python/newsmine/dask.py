"""newsmine over a Dask DataFrame: ``newsmine.dask.extract(ddf, text_column="text")``.

Each partition is extracted once, in one task on a worker, into its three
tables (as :func:`newsmine.extract_partition` would, one at a time); computed
together, the tables share those tasks. Workers share nothing but the
Extractor's configuration: models load once per worker process. The thread
count per task is chosen so that worker processes x tasks per worker x
newsmine threads does not exceed the cores of a host.
"""

from __future__ import annotations

import operator
import os
from typing import Any

from newsmine._api import Extractor
from newsmine.frames import SCHEMAS


def _threads_per_task() -> int:
    """newsmine threads for one task, from the connected cluster if there is one."""
    try:
        from distributed import default_client

        info = default_client().scheduler_info()
    except (ImportError, ValueError):
        return 1  # no distributed client: the threaded scheduler runs one task per core
    per_host: dict[str, int] = {}
    for w in info.get("workers", {}).values():
        host = w.get("host", "?")
        per_host[host] = per_host.get(host, 0) + int(w.get("nthreads", 1))
    busiest = max(per_host.values(), default=1)
    return max(1, (os.cpu_count() or 1) // busiest)


def _meta(kind: str, id_dtype: Any) -> Any:
    import pandas as pd

    cols = {}
    for name, dtype in SCHEMAS[kind].items():
        cols[name] = pd.Series([], dtype=id_dtype if name == "doc_id" else dtype)
    return pd.DataFrame(cols)


class DaskFrames:
    """The entities, figures and quotes of a Dask DataFrame, as lazy Dask DataFrames."""

    def __init__(self, tables: dict[str, Any]) -> None:
        self.entities = tables["entities"]
        self.figures = tables["figures"]
        self.quotes = tables["quotes"]

    def compute(self, **kwargs: Any) -> tuple[Any, Any, Any]:
        """The three tables as pandas DataFrames, computed together (keyword
        arguments go to ``dask.compute``, e.g. ``scheduler``)."""
        import dask

        return dask.compute(self.entities, self.figures, self.quotes, **kwargs)  # type: ignore[no-any-return]


def extract(
    ddf: Any,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    extractor: Extractor | None = None,
    published_column: str | None = None,
) -> DaskFrames:
    """Entities, figures and quotes of every article of `ddf` (lazy).

    ``doc_id`` is `id_column` when given, else the index of `ddf`; with
    `published_column`, DATE entities are placed on the calendar. Each
    partition numbers its own entity groups (``newsmine.group_entities``
    regroups the computed table).
    """
    import dask
    import dask.dataframe as dd

    if text_column not in ddf.columns:
        raise KeyError(f"no column {text_column!r} in the DataFrame")
    ex = extractor or Extractor(threads=_threads_per_task())
    id_dtype = ddf[id_column].dtype if id_column is not None else ddf.index.dtype
    if published_column is not None and published_column not in ddf.columns:
        raise KeyError(f"no column {published_column!r} in the DataFrame")
    parts = [
        dask.delayed(_tables)(part, text_column, id_column, published_column, ex)
        for part in ddf.to_delayed()
    ]
    tables = {
        kind: dd.from_delayed(
            [dask.delayed(operator.getitem)(p, kind) for p in parts], meta=_meta(kind, id_dtype)
        )
        for kind in SCHEMAS
    }
    return DaskFrames(tables)


def _tables(
    pdf: Any, text_column: str, id_column: str | None, published: str | None, ex: Extractor
) -> dict[str, Any]:
    """The three tables of one partition (rows whose text is missing give none)."""
    ids = pdf[id_column] if id_column is not None else pdf.index
    days = pdf[published] if published is not None else None
    fr = ex.extract_frames(pdf[text_column].array, ids=ids.array, errors="skip", published=days)
    return {kind: getattr(fr, kind) for kind in SCHEMAS}
