"""Streaming extraction of files larger than memory (``newsmine extract``).

The input (JSONL, CSV/TSV or Parquet) is read in chunks of rows; each chunk is
extracted and appended to the output tables, so memory stays flat whatever
the input size. Rows that cannot be processed (bad JSON, missing text, text
that is not valid UTF-8) go to an ``errors`` table instead of stopping the run.

Output: ``OUT/{entities,figures,quotes,errors}.csv`` (appended chunk by
chunk), or ``OUT/{table}/part-NNNNNN.parquet`` (one part per chunk; read the
folder with ``pyarrow.parquet.read_table`` or ``pandas.read_parquet``).
``OUT/_progress.json`` records the chunks done; ``--resume`` continues an
interrupted run from there without redoing finished chunks (CSV files are
cut back to their size after the last finished chunk, later Parquet parts are
removed). A folder that already holds files is refused unless the run resumes
or ``overwrite=True`` replaces newsmine's outputs there.

Problems with the input or the output folder raise :class:`InputError` (a
:class:`newsmine.NewsmineError`); Ctrl-C raises :class:`Interrupted`, which
says how many rows are done and saved.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsmine._api import Extractor
from newsmine._newsmine import NewsmineError
from newsmine.frames import TABLES, Frames, arrow_schema

STATE_FILE = "_progress.json"
OUTPUTS = (*TABLES, "errors")


class InputError(NewsmineError):
    """The input file or the output folder cannot be used (the message says why)."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during :func:`extract_file`: ``rows`` input rows are done and saved;
    the same call with ``resume=True`` continues after them."""

    def __init__(self, rows: int) -> None:
        super().__init__(rows)
        self.rows = rows


class BadRow:
    """A row that could not even be read."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def problem(text: Any) -> str | None:
    """Why `text` cannot be extracted, or None."""
    if isinstance(text, BadRow):
        return text.reason
    if text is None:
        return "missing text"
    if not isinstance(text, str):
        return f"text is {type(text).__name__}, not str"
    if not text.strip():
        return "empty text"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "text is not valid UTF-8"
    return None


class Reader:
    """Rows (id, text, publication day) of an input file; `done` tells how far
    it has read (0..1). The day is None without `day_col`."""

    def __init__(
        self, path: Path, text_col: str, id_col: str | None, day_col: str | None = None
    ) -> None:
        self.path, self.text_col, self.id_col, self.day_col = path, text_col, id_col, day_col
        self.size = max(path.stat().st_size, 1)
        self.done = 0.0
        suffix = path.suffix.lower()
        if suffix in (".jsonl", ".ndjson", ".json"):
            self.rows = self._jsonl()
        elif suffix in (".csv", ".tsv"):
            self.rows = self._csv("\t" if suffix == ".tsv" else ",")
        elif suffix == ".parquet":
            self.rows = self._parquet()
        else:
            raise InputError(f"{path}: expected .jsonl, .csv, .tsv or .parquet")

    def _check_columns(self, names: list[str]) -> None:
        """Raises InputError naming the columns there are if one asked for is missing
        (in JSONL, the keys of the first object)."""
        for col in (self.text_col, self.id_col, self.day_col):
            if col is not None and col not in names:
                there = ", ".join(repr(n) for n in names) or "none"
                raise InputError(f"{self.path} has no column {col!r}; its columns: {there}")

    def _day(self, row: dict[str, Any]) -> Any:
        """The row's publication day; an empty cell is unknown (None)."""
        return (row.get(self.day_col) or None) if self.day_col else None

    def _jsonl(self) -> Iterator[tuple[Any, Any, Any]]:
        read = 0
        first = True
        with self.path.open("rb") as f:
            for i, raw in enumerate(f):
                read += len(raw)
                self.done = read / self.size
                line = raw.decode("utf-8", errors="surrogateescape")
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as e:
                    yield (i, BadRow(f"line {i + 1} is not JSON: {e.msg}"), None)
                    continue
                if not isinstance(row, dict):
                    yield (i, BadRow(f"line {i + 1} is not a JSON object"), None)
                    continue
                if first:
                    first = False
                    self._check_columns(list(row))
                row_id = _id(row.get(self.id_col, i)) if self.id_col else i
                yield (row_id, row.get(self.text_col), self._day(row))

    def _csv(self, delimiter: str) -> Iterator[tuple[Any, Any, Any]]:
        csv.field_size_limit(sys.maxsize)
        with self.path.open("rb") as raw:
            f = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="")
            reader = csv.DictReader(f, delimiter=delimiter)
            self._check_columns(list(reader.fieldnames or []))
            for i, row in enumerate(reader):
                self.done = raw.tell() / self.size  # read-ahead makes this approximate
                row_id = row.get(self.id_col, i) if self.id_col else i
                yield (row_id, row.get(self.text_col), self._day(row))

    def _parquet(self) -> Iterator[tuple[Any, Any, Any]]:
        try:
            import pyarrow.parquet as pq
        except ImportError as e:
            raise InputError("reading Parquet needs pyarrow: pip install pyarrow") from e
        pf = pq.ParquetFile(self.path)
        total = max(pf.metadata.num_rows, 1)
        cols = [c for c in (self.text_col, self.id_col, self.day_col) if c]
        self._check_columns(list(pf.schema_arrow.names))
        i = 0
        for batch in pf.iter_batches(columns=cols, batch_size=1_000):
            data = batch.to_pydict()
            ids = data[self.id_col] if self.id_col else range(i, i + batch.num_rows)
            days = data[self.day_col] if self.day_col else [None] * batch.num_rows
            for row_id, text, day in zip(ids, data[self.text_col], days, strict=True):
                i += 1
                self.done = i / total
                yield _id(row_id), text, day or None  # an empty cell is unknown


def _id(value: Any) -> Any:
    """An id as the tables hold it: nested ids (objects, lists) as JSON text."""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


class Writer:
    """Appends tables chunk by chunk; remembers how far it got in `STATE_FILE`."""

    def __init__(
        self, out: Path, fmt: str, run: dict[str, Any], resume: bool, overwrite: bool
    ) -> None:
        self.out, self.fmt, self.run = out, fmt, run
        if out.exists() and not out.is_dir():
            raise InputError(f"--out {out} is a file, not a folder")
        if out.is_dir() and any(out.iterdir()) and not (resume or overwrite):
            raise InputError(
                f"--out {out} is not empty: pass --resume to continue the run there, "
                "--overwrite to replace it, or another --out"
            )
        out.mkdir(parents=True, exist_ok=True)
        self.counts = dict.fromkeys(OUTPUTS, 0)
        self.chunks_done = 0
        self.rows_done = 0
        # Entity groups numbered so far: each chunk's groups follow on.
        self.groups_done = 0
        self.sizes: dict[str, int] = {}
        state = self._load_state() if resume else None
        if state is not None:
            self.chunks_done = state["chunks_done"]
            self.rows_done = state.get("rows_done", 0)
            self.groups_done = state.get("groups_done", 0)
            self.sizes = state["sizes"]
            self.counts = state["counts"]
        self._reset_outputs()

    def _load_state(self) -> dict[str, Any] | None:
        path = self.out / STATE_FILE
        if not path.exists():
            return None
        state: dict[str, Any] = json.loads(path.read_text("utf-8"))
        if state.get("run") != self.run:
            raise InputError(
                f"{self.out} holds a run with other settings or input; "
                "use another --out, or --overwrite to start over"
            )
        return state

    def _reset_outputs(self) -> None:
        """Drops whatever was written after the last finished chunk."""
        for table in OUTPUTS:
            if self.fmt == "csv":
                path = self.out / f"{table}.csv"
                keep = self.sizes.get(table, 0)
                if path.exists() and keep:
                    with path.open("r+b") as f:
                        f.truncate(keep)
                elif path.exists():
                    path.unlink()
            folder = self.out / table
            if folder.is_dir():
                for part in folder.glob("part-*.parquet"):
                    if self.fmt == "csv" or int(part.stem.split("-")[1]) >= self.chunks_done:
                        part.unlink()
        if self.chunks_done == 0:
            (self.out / STATE_FILE).unlink(missing_ok=True)

    def write_chunk(self, frames: Frames, bad: dict[str, list[Any]], rows: int) -> None:
        """Appends one chunk: its `frames` and `bad`, the rows it could not
        process (``doc_id``, ``reason``); `rows`: the input rows it covered.
        The chunk's entity groups are numbered on from those of the chunks before."""
        first = self.groups_done
        if self.fmt == "csv":
            self._csv_chunk(frames, bad, first)
        else:
            self._parquet_chunk(frames, bad, first)
        self.chunks_done += 1
        self.rows_done += rows
        self.groups_done += len(frames.names_columns()["group"])
        self._save_state()

    def rows_saved(self) -> int:
        """The input rows of the chunks the state file records as done (read
        back from the file: whatever an interruption cut short, it is the truth)."""
        path = self.out / STATE_FILE
        if not path.exists():
            return 0
        return int(json.loads(path.read_text("utf-8")).get("rows_done", 0))

    def _csv_chunk(self, frames: Frames, bad: dict[str, list[Any]], first_group: int) -> None:
        tables = {t: frames.columns(t) for t in TABLES}
        entities = tables["entities"]
        entities["group"] = [g if g is None else g + first_group for g in entities["group"]]
        for table, cols in {**tables, "errors": bad}.items():
            self.counts[table] += len(cols["doc_id"])
            path = self.out / f"{table}.csv"
            new = not path.exists()
            with path.open("a", encoding="utf-8", newline="") as f:
                w = csv.writer(f)
                if new:
                    w.writerow(list(cols))
                w.writerows(zip(*cols.values(), strict=True))
            self.sizes[table] = path.stat().st_size

    def _parquet_chunk(self, frames: Frames, bad: dict[str, list[Any]], first_group: int) -> None:
        """Writes the Arrow tables as they come from Rust, with ids as strings
        (ids may be ints or strings: files store them as strings)."""
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        tables = {t: pa.table(frames.arrow(t)) for t in TABLES}
        entities = tables["entities"]
        at = entities.schema.get_field_index("group")
        tables["entities"] = entities.set_column(
            at, "group", pc.add(entities["group"], first_group)
        )
        errors = {"doc_id": [str(i) for i in bad["doc_id"]], "reason": bad["reason"]}
        tables["errors"] = pa.table(errors, schema=arrow_schema("errors", pa.string()))
        for table, data in tables.items():
            self.counts[table] += data.num_rows
            folder = self.out / table
            folder.mkdir(exist_ok=True)
            path = folder / f"part-{self.chunks_done:06d}.parquet"
            pq.write_table(data.cast(arrow_schema(table, pa.string())), path)

    def _save_state(self) -> None:
        state = {
            "run": self.run,
            "chunks_done": self.chunks_done,
            "rows_done": self.rows_done,
            "groups_done": self.groups_done,
            "sizes": self.sizes,
            "counts": self.counts,
        }
        tmp = self.out / (STATE_FILE + ".tmp")
        tmp.write_text(json.dumps(state), "utf-8")
        os.replace(tmp, self.out / STATE_FILE)


def extract_file(
    path: Path,
    out: Path,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    fmt: str = "csv",
    rows_per_chunk: int = 2_000,
    resume: bool = False,
    overwrite: bool = False,
    extractor: Extractor | None = None,
    progress: bool = True,
    published_column: str | None = None,
) -> dict[str, int]:
    """Extracts every row of `path` into tables under `out`; returns the row counts.

    Raises :class:`InputError` for an input or output it cannot use and
    :class:`Interrupted` on Ctrl-C (the finished chunks stay saved)."""
    if rows_per_chunk < 1:
        raise InputError(f"rows per chunk must be at least 1, not {rows_per_chunk}")
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError as e:
            raise InputError("--format parquet needs pyarrow: pip install pyarrow") from e
    ex = extractor or Extractor()
    reader = Reader(path, text_column, id_column, published_column)
    stat = path.stat()
    run = {
        "input": str(path.resolve()),
        "input_size": stat.st_size,
        "input_mtime": stat.st_mtime,
        "text_column": text_column,
        "id_column": id_column,
        "published_column": published_column,
        "format": fmt,
        "rows_per_chunk": rows_per_chunk,
        "stages": list(ex.stages),
    }
    writer = Writer(out, fmt, run, resume, overwrite)
    bar = _bar(progress)
    rows = reader.rows
    started = time.monotonic()
    try:
        # Finished chunks are read past, not extracted again.
        for _ in range(writer.chunks_done * rows_per_chunk):
            if next(rows, None) is None:
                break
        resumed = writer.rows_done
        while True:
            chunk = [r for _, r in zip(range(rows_per_chunk), rows, strict=False)]
            if not chunk:
                break
            ids: list[Any] = []
            texts: list[str] = []
            days: list[Any] = []
            bad: dict[str, list[Any]] = {"doc_id": [], "reason": []}
            for doc_id, text, day in chunk:
                reason = problem(text)
                if reason is None:
                    ids.append(doc_id)
                    texts.append(text)
                    days.append(day)
                else:
                    bad["doc_id"].append(doc_id)
                    bad["reason"].append(reason)
            published = days if published_column else None
            fr = ex.extract_frames(texts, ids=ids, errors="skip", published=published)
            writer.write_chunk(fr, bad, len(chunk))
            if bar is not None:
                done = writer.rows_done
                rate = (done - resumed) / max(time.monotonic() - started, 1e-9)
                bar.set_postfix_str(f"{done:,} rows, {rate:,.0f} rows/s", refresh=False)
                bar.update(round(reader.done * 1000) - bar.n)
    except KeyboardInterrupt:
        raise Interrupted(writer.rows_saved()) from None
    finally:
        if bar is not None:
            bar.close()
    return writer.counts


def _bar(progress: bool) -> Any:
    if not progress:
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return None
    # Progress in thousandths of the input, so the bar shows an ETA for any format.
    return tqdm(total=1000, desc="newsmine", unit="‰", file=sys.stderr, bar_format=_FORMAT)


_FORMAT = "{desc}: {percentage:3.0f}%|{bar}| {postfix} [{elapsed}<{remaining}]"
