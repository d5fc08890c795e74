"""Type stubs of the Rust extension module (checked by mypy.stubtest)."""

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
    "default_threads",
    "evaluate_ner",
    "schemas",
    "table_arrow",
    "table_lists",
]

__version__: str

class NewsmineError(Exception):
    """Base class of the errors newsmine raises."""

class ExtractionError(NewsmineError):
    """Extraction failed on an article."""

def default_threads() -> int: ...
def evaluate_ner(content: str) -> tuple[str, int, int, list[tuple[str, int, int, int]]]: ...

@final
class Entity:
    start: int
    end: int
    text: str
    label: str
    canonical: str
    def __new__(cls, start: int, end: int, text: str, label: str, canonical: str) -> Entity: ...
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Figure:
    start: int
    end: int
    text: str
    value: float | None
    value_to: float | None
    kind: str
    unit: str | None
    qualifier: str | None
    counted: str | None
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
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    direct: bool
    def __new__(
        cls,
        start: int,
        end: int,
        text: str,
        speaker: str | None,
        speaker_start: int | None,
        speaker_end: int | None,
        cue: str | None,
        cue_start: int | None,
        cue_end: int | None,
        direct: bool,
    ) -> Quote: ...
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Article:
    text: str
    form: str
    entities: list[Entity]
    figures: list[Figure]
    quotes: list[Quote]
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
    def __new__(cls, threads: int | None = None, stages: list[str] | None = None) -> Engine: ...
    @property
    def threads(self) -> int | None: ...
    @property
    def stages(self) -> list[str]: ...
    def extract(self, text: object) -> Article: ...
    def extract_chunk(
        self, texts: list[Any], *, threads: int | None = None, skip: bool = False, offset: int = 0
    ) -> list[Article]: ...
    def columns_chunk(
        self, texts: list[Any], *, threads: int | None = None, skip: bool = False, offset: int = 0
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
