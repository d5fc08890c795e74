"""The newsmine command: demo and extract."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsmine.cli import main


def test_demo_prints_tables_for_both_forms(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "demo article, ordinary text" in out
    assert "demo article, stripped text" in out
    for heading in ("Entities (", "Figures (", "Quotes ("):
        assert out.count(heading) == 2


def test_console_script_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "newsmine", "demo", "--form", "stripped"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "stripped text" in out.stdout


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ROWS = [
    {"id": "a", "text": "Mayor Elena Vasquez said the plan would cost $2.5 billion."},
    {"id": "b", "text": None},
    {"id": "c", "text": 42},
    {"id": "d", "text": "the u s said on thursday it would act"},
]


def test_extract_jsonl_to_csv_records_bad_rows(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in ROWS) + "\nnot json\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(src), "--id-column", "id", "--out", str(out), "--no-progress"]) == 0
    for table in ("entities", "figures", "quotes"):
        assert (out / f"{table}.csv").exists()
    errors = _rows(out / "errors.csv")
    assert [(e["doc_id"], e["reason"]) for e in errors] == [
        ("b", "missing text"),
        ("c", "text is int, not str"),
        ("4", "line 5 is not JSON: Expecting value"),
    ]
    header = (out / "quotes.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("doc_id,start,end,text,speaker")


def test_extract_csv_and_parquet(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    good = [r for r in ROWS if isinstance(r["text"], str)]
    src = tmp_path / "in.csv"
    with src.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id", "body"])
        w.writeheader()
        for r in good:
            w.writerow({"id": r["id"], "body": r["text"]})
    out = tmp_path / "csv_out"
    args = ["extract", str(src), "--text-column", "body", "--out", str(out), "--no-progress"]
    assert main(args) == 0
    assert (out / "entities.csv").exists()

    pq.write_table(pa.table({"text": [r["text"] for r in good]}), tmp_path / "in.parquet")
    out = tmp_path / "pq_out"
    args = ["extract", str(tmp_path / "in.parquet"), "--out", str(out), "--format", "parquet"]
    assert main([*args, "--no-progress"]) == 0
    table = pq.read_table(out / "figures.parquet")
    assert table.column_names[:3] == ["doc_id", "start", "end"]
    assert str(table.schema.field("value").type) == "double"


def test_extract_rejects_unknown_column(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,body\n1,hello\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="no column 'text'"):
        main(["extract", str(src), "--out", str(tmp_path / "o"), "--no-progress"])
