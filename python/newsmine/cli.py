"""The ``newsmine`` command.

newsmine demo [--form ordinary|stripped|both]
newsmine extract FILE [--text-column text] [--id-column ID] [--out DIR]
                      [--format csv|parquet] [--threads N] [--no-progress]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from newsmine._api import Extractor
from newsmine.frames import TABLES, Frames, arrow_schema

_ROWS_PER_CHUNK = 2_000


def demo_text(form: str) -> str:
    """The demo article that ships with the package, in `form`."""
    return resources.files("newsmine").joinpath(f"data/demo_{form}.txt").read_text("utf-8")


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [len(h) for h in header]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)), line]
    out += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(out)


def _short(value: str | None, n: int = 60) -> str:
    s = value or ""
    return s if len(s) <= n else s[: n - 1] + "…"


def _num(v: float | None) -> str:
    if v is None:
        return ""
    return f"{v:g}" if abs(v) < 1e15 else f"{v:.3e}"


def cmd_demo(args: argparse.Namespace) -> int:
    ex = Extractor(threads=args.threads)
    forms = ["ordinary", "stripped"] if args.form == "both" else [args.form]
    for form in forms:
        art = ex.extract(demo_text(form))
        print(f"=== demo article, {art.form} text ({len(art.text)} characters) ===\n")
        print(f"Entities ({len(art.entities)})")
        print(
            _table(
                [[e.text, e.label, e.canonical, f"{e.start}-{e.end}"] for e in art.entities],
                ["text", "label", "canonical", "span"],
            )
        )
        print(f"\nFigures ({len(art.figures)})")
        print(
            _table(
                [
                    [
                        f.text,
                        f.kind,
                        _num(f.value),
                        _num(f.value_to),
                        f.unit or "",
                        f.qualifier or "",
                        f.counted or "",
                    ]
                    for f in art.figures
                ],
                ["text", "kind", "value", "value_to", "unit", "qualifier", "counted"],
            )
        )
        print(f"\nQuotes ({len(art.quotes)})")
        print(
            _table(
                [
                    [
                        _short(q.speaker, 24),
                        q.cue or "",
                        "yes" if q.direct else "no",
                        _short(q.text),
                    ]
                    for q in art.quotes
                ],
                ["speaker", "cue", "direct", "text"],
            )
        )
        print()
    return 0


def _read_rows(path: Path, text_col: str, id_col: str | None) -> Iterator[tuple[Any, Any]]:
    """(id, text) per input row; id is the row number when there is no id column."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        with path.open(encoding="utf-8", errors="surrogateescape") as f:
            for i, line in enumerate(f):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as e:
                    yield (i, _BadRow(f"line {i + 1} is not JSON: {e.msg}"))
                    continue
                if not isinstance(row, dict):
                    yield (i, _BadRow(f"line {i + 1} is not a JSON object"))
                    continue
                yield (row.get(id_col, i) if id_col else i, row.get(text_col))
    elif suffix in (".csv", ".tsv"):
        csv.field_size_limit(sys.maxsize)
        with path.open(encoding="utf-8", errors="surrogateescape", newline="") as f:
            reader = csv.DictReader(f, delimiter="\t" if suffix == ".tsv" else ",")
            if reader.fieldnames is None or text_col not in reader.fieldnames:
                raise SystemExit(f"error: {path} has no column {text_col!r}")
            for i, row in enumerate(reader):
                yield (row.get(id_col, i) if id_col else i, row.get(text_col))
    elif suffix == ".parquet":
        try:
            import pyarrow.parquet as pq
        except ImportError as e:
            raise SystemExit("error: reading Parquet needs pyarrow: pip install pyarrow") from e
        pf = pq.ParquetFile(path)
        cols = [text_col] + ([id_col] if id_col else [])
        i = 0
        for batch in pf.iter_batches(columns=cols, batch_size=_ROWS_PER_CHUNK):
            data = batch.to_pydict()
            ids = data[id_col] if id_col else range(i, i + batch.num_rows)
            yield from zip(ids, data[text_col], strict=True)
            i += batch.num_rows
    else:
        raise SystemExit(f"error: {path}: expected .jsonl, .csv, .tsv or .parquet")


class _BadRow:
    def __init__(self, reason: str) -> None:
        self.reason = reason


def _problem(text: Any) -> str | None:
    """Why `text` cannot be extracted, or None."""
    if isinstance(text, _BadRow):
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


class _Writer:
    """Appends tables chunk by chunk to CSV files or Parquet files."""

    def __init__(self, out: Path, fmt: str) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.out, self.fmt = out, fmt
        self.files: dict[str, Any] = {}
        self.counts = dict.fromkeys((*TABLES, "errors"), 0)

    def write(self, table: str, cols: dict[str, list[Any]]) -> None:
        names = list(cols)
        n = len(cols[names[0]]) if names else 0
        self.counts[table] += n
        if self.fmt == "csv":
            if table not in self.files:
                f = (self.out / f"{table}.csv").open("w", encoding="utf-8", newline="")
                w = csv.writer(f)
                w.writerow(names)
                self.files[table] = (f, w)
            _, w = self.files[table]
            w.writerows(zip(*cols.values(), strict=True))
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            # ids may be ints or strings: files store them as strings.
            arrow = arrow_schema(table, pa.string())
            batch = pa.table(
                {k: [str(x) for x in v] if k == "doc_id" else v for k, v in cols.items()},
                schema=arrow,
            )
            if table not in self.files:
                self.files[table] = pq.ParquetWriter(self.out / f"{table}.parquet", arrow)
            self.files[table].write_table(batch)

    def close(self) -> None:
        for f in self.files.values():
            (f[0] if isinstance(f, tuple) else f).close()


def cmd_extract(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.exists():
        print(f"error: {path} does not exist", file=sys.stderr)
        return 2
    fmt = args.format
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            print("error: --format parquet needs pyarrow: pip install pyarrow", file=sys.stderr)
            return 2
    ex = Extractor(threads=args.threads)
    writer = _Writer(Path(args.out), fmt)
    bar = None
    if not args.no_progress:
        try:
            from tqdm.auto import tqdm

            bar = tqdm(unit="doc", desc="newsmine", file=sys.stderr)
        except ImportError:
            bar = None
    rows = _read_rows(path, args.text_column, args.id_column)
    try:
        while True:
            chunk = [r for _, r in zip(range(_ROWS_PER_CHUNK), rows, strict=False)]
            if not chunk:
                break
            good_ids: list[Any] = []
            good_texts: list[str] = []
            bad: dict[str, list[Any]] = {"doc_id": [], "reason": []}
            for doc_id, text in chunk:
                reason = _problem(text)
                if reason is None:
                    good_ids.append(doc_id)
                    good_texts.append(text)
                else:
                    bad["doc_id"].append(doc_id)
                    bad["reason"].append(reason)
            fr: Frames = ex.extract_frames(good_texts, ids=good_ids, errors="skip")
            for table in TABLES:
                writer.write(table, fr.columns(table))
            if bad["doc_id"]:
                writer.write("errors", bad)
            if bar is not None:
                bar.update(len(chunk))
    finally:
        if bar is not None:
            bar.close()
        writer.close()
    counts = ", ".join(f"{n} {t}" for t, n in writer.counts.items())
    print(f"wrote {counts} to {args.out}/ ({fmt})", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="newsmine", description="Entities, figures and quotes from news articles."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("demo", help="run on a sample article that ships with newsmine")
    p.add_argument("--form", choices=["ordinary", "stripped", "both"], default="both")
    p.add_argument("--threads", type=int, default=None)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("extract", help="extract from a JSONL, CSV or Parquet file")
    p.add_argument("file", help="input .jsonl, .csv, .tsv or .parquet")
    p.add_argument("--text-column", default="text", help="column holding the text (default: text)")
    p.add_argument("--id-column", default=None, help="column holding ids (default: row number)")
    p.add_argument("--out", default="newsmine_out", help="output folder (default: newsmine_out)")
    p.add_argument("--format", choices=["csv", "parquet"], default="csv")
    p.add_argument("--threads", type=int, default=None)
    p.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    p.set_defaults(func=cmd_extract)

    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
