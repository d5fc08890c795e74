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
removed).
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsmine._api import Extractor
from newsmine.frames import TABLES, arrow_schema

STATE_FILE = "_progress.json"
OUTPUTS = (*TABLES, "errors")


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
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "text is not valid UTF-8"
    return None


class Reader:
    """Rows (id, text) of an input file; `done` tells how far it has read (0..1)."""

    def __init__(self, path: Path, text_col: str, id_col: str | None) -> None:
        self.path, self.text_col, self.id_col = path, text_col, id_col
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
            raise SystemExit(f"error: {path}: expected .jsonl, .csv, .tsv or .parquet")

    def _jsonl(self) -> Iterator[tuple[Any, Any]]:
        read = 0
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
                    yield (i, BadRow(f"line {i + 1} is not JSON: {e.msg}"))
                    continue
                if not isinstance(row, dict):
                    yield (i, BadRow(f"line {i + 1} is not a JSON object"))
                    continue
                yield (row.get(self.id_col, i) if self.id_col else i, row.get(self.text_col))

    def _csv(self, delimiter: str) -> Iterator[tuple[Any, Any]]:
        csv.field_size_limit(sys.maxsize)
        with self.path.open("rb") as raw:
            f = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="")
            reader = csv.DictReader(f, delimiter=delimiter)
            if reader.fieldnames is None or self.text_col not in reader.fieldnames:
                raise SystemExit(f"error: {self.path} has no column {self.text_col!r}")
            for i, row in enumerate(reader):
                self.done = raw.tell() / self.size  # read-ahead makes this approximate
                yield (row.get(self.id_col, i) if self.id_col else i, row.get(self.text_col))

    def _parquet(self) -> Iterator[tuple[Any, Any]]:
        try:
            import pyarrow.parquet as pq
        except ImportError as e:
            raise SystemExit("error: reading Parquet needs pyarrow: pip install pyarrow") from e
        pf = pq.ParquetFile(self.path)
        total = max(pf.metadata.num_rows, 1)
        cols = [self.text_col] + ([self.id_col] if self.id_col else [])
        missing = [c for c in cols if c not in pf.schema_arrow.names]
        if missing:
            raise SystemExit(f"error: {self.path} has no column {missing[0]!r}")
        i = 0
        for batch in pf.iter_batches(columns=cols, batch_size=1_000):
            data = batch.to_pydict()
            ids = data[self.id_col] if self.id_col else range(i, i + batch.num_rows)
            for row_id, text in zip(ids, data[self.text_col], strict=True):
                i += 1
                self.done = i / total
                yield row_id, text


class Writer:
    """Appends tables chunk by chunk; remembers how far it got in `STATE_FILE`."""

    def __init__(self, out: Path, fmt: str, run: dict[str, Any], resume: bool) -> None:
        self.out, self.fmt, self.run = out, fmt, run
        out.mkdir(parents=True, exist_ok=True)
        self.counts = dict.fromkeys(OUTPUTS, 0)
        self.chunks_done = 0
        self.sizes: dict[str, int] = {}
        state = self._load_state() if resume else None
        if state is not None:
            self.chunks_done = state["chunks_done"]
            self.sizes = state["sizes"]
            self.counts = state["counts"]
        self._reset_outputs()

    def _load_state(self) -> dict[str, Any] | None:
        path = self.out / STATE_FILE
        if not path.exists():
            return None
        state: dict[str, Any] = json.loads(path.read_text("utf-8"))
        if state.get("run") != self.run:
            raise SystemExit(
                f"error: {self.out} holds a run with other settings or input; "
                "use another --out, or run without --resume to start over"
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
            else:
                folder = self.out / table
                if folder.exists():
                    for part in folder.glob("part-*.parquet"):
                        if int(part.stem.split("-")[1]) >= self.chunks_done:
                            part.unlink()

    def write_chunk(self, tables: dict[str, dict[str, list[Any]]]) -> None:
        for table, cols in tables.items():
            n = len(next(iter(cols.values()), []))
            self.counts[table] += n
            if self.fmt == "csv":
                self._csv(table, cols)
            else:
                self._parquet(table, cols)
        self.chunks_done += 1
        self._save_state()

    def _csv(self, table: str, cols: dict[str, list[Any]]) -> None:
        path = self.out / f"{table}.csv"
        new = not path.exists()
        with path.open("a", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            if new:
                w.writerow(list(cols))
            w.writerows(zip(*cols.values(), strict=True))
        self.sizes[table] = path.stat().st_size

    def _parquet(self, table: str, cols: dict[str, list[Any]]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        # ids may be ints or strings: files store them as strings.
        schema = arrow_schema(table, pa.string())
        data = {k: [str(x) for x in v] if k == "doc_id" else v for k, v in cols.items()}
        folder = self.out / table
        folder.mkdir(exist_ok=True)
        path = folder / f"part-{self.chunks_done:06d}.parquet"
        pq.write_table(pa.table(data, schema=schema), path)

    def _save_state(self) -> None:
        state = {
            "run": self.run,
            "chunks_done": self.chunks_done,
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
    extractor: Extractor | None = None,
    progress: bool = True,
) -> dict[str, int]:
    """Extracts every row of `path` into tables under `out`; returns the row counts."""
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError as e:
            raise SystemExit("error: --format parquet needs pyarrow: pip install pyarrow") from e
    ex = extractor or Extractor()
    reader = Reader(path, text_column, id_column)
    stat = path.stat()
    run = {
        "input": str(path.resolve()),
        "input_size": stat.st_size,
        "input_mtime": stat.st_mtime,
        "text_column": text_column,
        "id_column": id_column,
        "format": fmt,
        "rows_per_chunk": rows_per_chunk,
        "stages": list(ex.stages),
    }
    writer = Writer(out, fmt, run, resume)
    bar = _bar(progress)
    rows = reader.rows
    try:
        # Finished chunks are read past, not extracted again.
        for _ in range(writer.chunks_done * rows_per_chunk):
            if next(rows, None) is None:
                break
        while True:
            chunk = [r for _, r in zip(range(rows_per_chunk), rows, strict=False)]
            if not chunk:
                break
            ids: list[Any] = []
            texts: list[str] = []
            bad: dict[str, list[Any]] = {"doc_id": [], "reason": []}
            for doc_id, text in chunk:
                reason = problem(text)
                if reason is None:
                    ids.append(doc_id)
                    texts.append(text)
                else:
                    bad["doc_id"].append(doc_id)
                    bad["reason"].append(reason)
            fr = ex.extract_frames(texts, ids=ids, errors="skip")
            tables = {t: fr.columns(t) for t in TABLES}
            writer.write_chunk({**tables, "errors": bad})
            if bar is not None:
                bar.update(round(reader.done * 1000) - bar.n)
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


_FORMAT = "{desc}: {percentage:3.0f}%|{bar}| [{elapsed}<{remaining}]"
