"""The Extractor: single articles, batches, and DataFrames."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any, Literal

from newsmine import _newsmine
from newsmine._newsmine import Article
from newsmine.frames import Frames

Errors = Literal["raise", "skip"]

# A chunk is handed to Rust in one call with the GIL released. Between chunks
# Python runs: Ctrl-C is seen and the progress bar advances.
_CHUNK_CHARS = 2_000_000
_CHUNK_ITEMS = 2_000


def _chunks(texts: Iterable[Any]) -> Iterator[tuple[int, list[Any]]]:
    """(offset, items) chunks of `texts`, bounded in characters and items."""
    chunk: list[Any] = []
    size = 0
    offset = 0
    for item in texts:
        chunk.append(item)
        size += len(item) if isinstance(item, str) else 1
        if size >= _CHUNK_CHARS or len(chunk) >= _CHUNK_ITEMS:
            yield offset, chunk
            offset += len(chunk)
            chunk, size = [], 0
    if chunk:
        yield offset, chunk


def _day(value: Any) -> str | None:
    """A publication day as the engine takes it: "2020-03-12" from a str, a
    date, a datetime or a pandas Timestamp; None for None, NaT, NA or NaN."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str):
        return value
    if type(value).__name__ in ("NaTType", "NAType"):
        return None
    iso = getattr(value, "isoformat", None)
    if iso is None:
        raise TypeError(f"published must be a date or an ISO date string, not {value!r}")
    return str(iso())[:10]


def _days(published: Any) -> Any:
    """One day for every text (a str) or one per text (a list), or None."""
    if published is None:
        return None
    if isinstance(published, str) or hasattr(published, "isoformat"):
        return _day(published)
    if _is_series(published):
        published = published.array
    return [_day(p) for p in published]


def _is_series(obj: Any) -> bool:
    return type(obj).__name__ == "Series" and hasattr(obj, "index") and hasattr(obj, "array")


def _progress_bar(progress: bool, total: int | None) -> Any:
    if not progress:
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError as e:
        raise ModuleNotFoundError(
            "progress=True needs tqdm: pip install tqdm (or newsmine[progress])"
        ) from e
    return tqdm(total=total, unit="doc", desc="newsmine")


def _check_errors(errors: str) -> bool:
    if errors not in ("raise", "skip"):
        raise ValueError(f'errors must be "raise" or "skip", not {errors!r}')
    return errors == "skip"


class Extractor:
    """Extracts entities, figures and quotes from news articles.

    Models are compiled into the package: nothing is read from the network,
    and from disk only a model directory you name. An Extractor is immutable,
    thread-safe and picklable (its state is its configuration), so build one
    and share it, or ship it to workers.

    Args:
        threads: worker threads for batches. None: the ``NEWSMINE_THREADS``
            environment variable, else all cores.
        stages: the stages to run, among ``"entities"``, ``"figures"`` and
            ``"quotes"`` (None: all three); the others leave their part of
            each Article (and their DataFrame) empty. Quotes resolve their
            speakers through the entities, so with quotes on the entities
            are extracted anyway (and returned only if asked for).
        model: a directory written by ``newsmine train ner`` (an entity
            model trained on your own annotated data); None: the compiled-in
            model. A missing or bad directory raises NewsmineError naming
            the file.

    Examples:
        >>> ex = Extractor(threads=2)
        >>> [a.form for a in ex.extract_batch(["The U.S. acted.", "the u s acted on it"])]
        ['ordinary', 'stripped']
        >>> Extractor(stages=["figures"]).extract("Jane Doe said 1,510 kg arrived.").entities
        []
    """

    def __init__(
        self,
        *,
        threads: int | None = None,
        stages: Iterable[str] | None = None,
        model: str | os.PathLike[str] | None = None,
    ) -> None:
        if threads is not None and (not isinstance(threads, int) or threads < 1):
            raise ValueError(f"threads must be a positive int or None, not {threads!r}")
        if isinstance(stages, str):
            raise TypeError(f"stages must be an iterable of stage names, not a str: [{stages!r}]?")
        # An absolute path, so a pickled extractor finds its model anywhere.
        self._model = None if model is None else os.path.abspath(os.fspath(model))
        names = None if stages is None else list(stages)
        self._engine = _newsmine.Engine(threads, names, self._model)

    @property
    def threads(self) -> int | None:
        """The configured thread count (None: ``NEWSMINE_THREADS``, else all cores)."""
        return self._engine.threads

    @property
    def stages(self) -> tuple[str, ...]:
        """The names of the stages that run, in the order they run."""
        return tuple(self._engine.stages)

    @property
    def model(self) -> str | None:
        """The directory of the entity model in use (None: the compiled-in model)."""
        return self._model

    def __repr__(self) -> str:
        args = f"threads={self.threads!r}"
        if len(self.stages) != 3:
            args += f", stages={self.stages!r}"
        if self._model is not None:
            args += f", model={self._model!r}"
        return f"Extractor({args})"

    def __getstate__(self) -> dict[str, Any]:
        return {"threads": self.threads, "stages": self.stages, "model": self._model}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(  # type: ignore[misc]
            threads=state["threads"], stages=state.get("stages"), model=state.get("model")
        )

    def extract(self, text: str, *, published: Any = None) -> Article:
        """Extracts everything from one article.

        With `published`, the day the article appeared (``"2020-03-12"``, a
        ``datetime.date`` or a pandas Timestamp), DATE entities get
        ``date_start`` and ``date_end``: their place on the calendar.

        Raises TypeError if `text` is not a str and ValueError if it holds a
        lone surrogate or `published` is no date.
        """
        return self._engine.extract(text, _day(published))

    def _run(
        self,
        texts: Iterable[Any],
        method: str,
        threads: int | None,
        progress: bool,
        errors: str,
        published: Any = None,
    ) -> Iterator[Any]:
        skip = _check_errors(errors)
        days = _days(published)
        if threads is not None and (not isinstance(threads, int) or threads < 1):
            raise ValueError(f"threads must be a positive int or None, not {threads!r}")
        if isinstance(texts, str):
            raise TypeError("texts must be an iterable of str, not a single str")
        if _is_series(texts):
            texts = texts.array  # type: ignore[attr-defined]
        total = len(texts) if hasattr(texts, "__len__") else None  # type: ignore[arg-type]
        bar = _progress_bar(progress, total)
        run = getattr(self._engine, method)
        try:
            done = 0
            for offset, chunk in _chunks(texts):
                done = offset + len(chunk)
                part: list[Any] | None = None
                if isinstance(days, list):
                    if len(days) < offset + len(chunk):
                        raise ValueError("published has fewer dates than there are texts")
                    part = days[offset : offset + len(chunk)]
                elif days is not None:
                    part = [days] * len(chunk)
                yield (
                    len(chunk),
                    run(chunk, threads=threads, skip=skip, offset=offset, published=part),
                )
                if bar is not None:
                    bar.update(len(chunk))
            if isinstance(days, list) and len(days) != done:
                raise ValueError(f"published has {len(days)} dates for {done} texts")
        finally:
            if bar is not None:
                bar.close()

    def extract_batch(
        self,
        texts: Iterable[str],
        *,
        threads: int | None = None,
        progress: bool = False,
        errors: Errors = "raise",
        published: Any = None,
    ) -> list[Article]:
        """Extracts many articles in parallel; results in input order.

        Args:
            texts: any iterable of str, or a pandas Series of str.
            threads: overrides the extractor's thread count for this call.
            progress: show a tqdm progress bar (needs tqdm).
            errors: "raise" raises TypeError (not a str), ValueError (lone
                surrogate) or ExtractionError naming the item's position;
                "skip" gives such items an empty Article instead.
            published: the day the articles appeared: one for all, or one
                per text (a list or Series; None where unknown). DATE
                entities then get ``date_start`` and ``date_end``.
        """
        out: list[Article] = []
        for _, part in self._run(texts, "extract_chunk", threads, progress, errors, published):
            out.extend(part)
        return out

    def extract_frames(
        self,
        texts: Iterable[str],
        *,
        ids: Iterable[Any] | None = None,
        threads: int | None = None,
        progress: bool = False,
        errors: Errors = "raise",
        published: Any = None,
    ) -> Frames:
        """Extracts many articles into tables (one row per item, first column ``doc_id``).

        ``doc_id`` is taken from `ids` when given, else from the index of a
        pandas Series, else it is the input position. The other arguments are
        those of :meth:`extract_batch`; with `published`, the entities table
        has the calendar days of DATE entities (``date_start``, ``date_end``).
        """
        if ids is None and _is_series(texts):
            ids = texts.index  # type: ignore[attr-defined]
        n_docs = 0
        chunks = []
        for n, chunk in self._run(texts, "columns_chunk", threads, progress, errors, published):
            n_docs += n
            chunks.append(chunk)
        return Frames(chunks, n_docs, ids)
