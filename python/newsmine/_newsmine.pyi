"""Type stubs of the Rust extension module (checked by mypy.stubtest)."""

import os
from collections.abc import Callable
from typing import Any, final

__all__ = [
    "Article",
    "ColumnChunk",
    "Engine",
    "Entity",
    "ExtractionError",
    "Figure",
    "NewsmineError",
    "Quote",
    "__version__",
    "_column_chunk",
    "assign_groups",
    "default_threads",
    "evaluate_ner",
    "group_rows",
    "schemas",
    "table_arrow",
    "table_lists",
    "train_ner",
]

__version__: str

class NewsmineError(Exception):
    """Base class of the errors newsmine raises."""

class ExtractionError(NewsmineError):
    """Extraction failed on an article."""

def default_threads() -> int: ...
def evaluate_ner(
    content: str, model: str | None = None
) -> tuple[str, int, int, list[tuple[str, int, int, int]]]: ...
def train_ner(
    train: list[str],
    dev: list[str],
    out: str | os.PathLike[str],
    epochs: int = 10,
    seed: int = 1,
    prune: float = 2.0,
    progress: Callable[[str], object] | None = None,
) -> list[tuple[str, float]]: ...

@final
class Entity:
    """A named entity or date mention (frozen; compares by value, hashes, pickles)."""

    start: int
    """Offset of the first character (a Python str index)."""
    end: int
    """Offset after the last character."""
    text: str
    """The mention as written: ``article.text[start:end]``."""
    label: str
    """The type: "PER", "ORG", "LOC", "MISC" or "DATE"."""
    canonical: str
    """The article's name for what the mention refers to (a surname resolves to the full name)."""
    display: str
    """The canonical name as a person would print it: the article's casing in ordinary text,
    truecased in stripped text ("Kenneth McKenzie")."""
    date_start: str | None
    """A DATE's first day ("2020-03-12") given the publication day; else None."""
    date_end: str | None
    """A DATE's last day (a month or a year is a range of days); else None."""
    def __new__(
        cls,
        start: int,
        end: int,
        text: str,
        label: str,
        canonical: str,
        display: str | None = None,
        date_start: str | None = None,
        date_end: str | None = None,
    ) -> Entity: ...
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Figure:
    """A number the article states (frozen; compares by value, hashes, pickles)."""

    start: int
    """Offset of the first character (a Python str index)."""
    end: int
    """Offset after the last character."""
    text: str
    """The figure as written, qualifier words included."""
    value: float | None
    """The value (a range's lower end, a tally's first number); None when the text gives none."""
    value_to: float | None
    """A range's upper end or a tally's second number."""
    kind: str
    """The kind: "count", "percent", "money", "quantity", "ordinal", "fraction",
    "multiplier", "tally", "range" or "duration"."""
    unit: str | None
    """A short unit code ("USD", "percent", "kg", ...)."""
    qualifier: str | None
    """A bound or approximation: "about", "more_than", "less_than", "at_least" or "at_most"."""
    counted: str | None
    """What the number counts, where the text says ("confirmed cases")."""
    def __new__(
        cls,
        start: int,
        end: int,
        text: str,
        value: float | None,
        value_to: float | None,
        kind: str,
        unit: str | None,
        qualifier: str | None,
        counted: str | None,
    ) -> Figure: ...
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Quote:
    """What was said, by whom, with which cue (frozen; compares by value, hashes, pickles)."""

    start: int
    """Offset of the content's first character (a Python str index)."""
    end: int
    """Offset after the content."""
    text: str
    """The content (a direct quote with its marks)."""
    speaker: str | None
    """Who said it, as the article's full name for them or a description; None when unknown."""
    speaker_label: str | None
    """The label ("PER", "ORG", ...) of the speaker's entity; None for a description."""
    speaker_canonical: str | None
    """The speaker when it is an entity's `canonical` (the key to join entities); else None."""
    speaker_display: str | None
    """The `display` name of the speaker's entity when `speaker_canonical` is set; else None."""
    speaker_start: int | None
    """Start of the mention the attribution uses."""
    speaker_end: int | None
    """End of that mention."""
    cue: str | None
    """The reporting word ("said", "told", "according to")."""
    cue_start: int | None
    """The cue's start."""
    cue_end: int | None
    """The cue's end."""
    direct: bool
    """Whether the quote stood in quotation marks."""
    def __new__(
        cls,
        start: int,
        end: int,
        text: str,
        speaker: str | None,
        speaker_label: str | None,
        speaker_canonical: str | None,
        speaker_start: int | None,
        speaker_end: int | None,
        cue: str | None,
        cue_start: int | None,
        cue_end: int | None,
        direct: bool,
        speaker_display: str | None = None,
    ) -> Quote: ...
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Article:
    """Everything newsmine found in one article (frozen; compares by value, hashes,
    pickles; shows itself highlighted in a notebook)."""

    text: str
    """The article's text; every item's offsets index into it."""
    form: str
    """"ordinary" or "stripped" (lowercased, punctuation removed)."""
    entities: list[Entity]
    """Entities in text order."""
    figures: list[Figure]
    """Figures in text order."""
    quotes: list[Quote]
    """Quotes in text order."""
    def __new__(
        cls,
        text: str,
        form: str,
        entities: list[Entity],
        figures: list[Figure],
        quotes: list[Quote],
    ) -> Article: ...
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def _repr_html_(self) -> str: ...

@final
class Engine:
    def __new__(
        cls, threads: int | None = None, stages: list[str] | None = None, model: str | None = None
    ) -> Engine: ...
    @property
    def threads(self) -> int | None: ...
    @property
    def stages(self) -> list[str]: ...
    def extract(self, text: object, published: str | None = None) -> Article: ...
    def extract_chunk(
        self,
        texts: list[Any],
        *,
        threads: int | None = None,
        skip: bool = False,
        offset: int = 0,
        published: list[str | None] | None = None,
    ) -> list[Article]: ...
    def columns_chunk(
        self,
        texts: list[Any],
        *,
        threads: int | None = None,
        skip: bool = False,
        offset: int = 0,
        published: list[str | None] | None = None,
    ) -> ColumnChunk: ...

@final
class ColumnChunk:
    def rows(self) -> tuple[int, int, int]: ...
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]: ...

def _column_chunk(tables: list[list[list[Any]]]) -> ColumnChunk: ...
def table_lists(chunks: list[ColumnChunk], name: str) -> dict[str, list[Any]]: ...
def table_arrow(
    chunks: list[ColumnChunk], name: str, ids: list[int] | list[str] | None = None
) -> Any: ...
def schemas() -> list[tuple[str, list[tuple[str, str]]]]: ...
def assign_groups(chunks: list[ColumnChunk]) -> dict[str, list[Any]]: ...
def group_rows(
    docs: list[int], labels: list[str], canonicals: list[str], displays: list[str]
) -> tuple[list[int | None], dict[str, list[Any]]]: ...
