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
    table = pq.read_table(out / "figures")
    assert table.column_names[:3] == ["doc_id", "start", "end"]
    assert str(table.schema.field("value").type) == "double"


def test_extract_names_the_columns_there_are(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,body\n1,hello\n", encoding="utf-8")
    res = _cli("extract", str(src), "--out", str(tmp_path / "o"), "--no-progress")
    assert res.returncode == 2
    assert "has no column 'text'; its columns: 'id', 'body'" in _one_error_line(res.stderr)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "body": "hello"}) + "\n", encoding="utf-8")
    res = _cli("extract", str(src), "--out", str(tmp_path / "j"), "--no-progress")
    assert res.returncode == 2
    assert "has no column 'text'; its columns: 'id', 'body'" in _one_error_line(res.stderr)


def _articles(n: int) -> list[dict[str, object]]:
    base = [r for r in ROWS if isinstance(r["text"], str)]
    rows: list[dict[str, object]] = []
    for i in range(n):
        text = base[i % len(base)]["text"]
        rows.append({"id": f"r{i}", "text": None if i % 7 == 3 else f"{text} Story {i} said 14."})
    return rows


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_extract_resumes_without_redoing_finished_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    import newsmine.stream as stream
    from newsmine import Extractor

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in _articles(50)) + "\n", encoding="utf-8")
    common = ["--id-column", "id", "--chunk-rows", "10", "--format", fmt, "--no-progress"]

    whole = tmp_path / "whole"
    assert main(["extract", str(src), "--out", str(whole), *common]) == 0

    calls: list[int] = []
    real = Extractor.extract_frames

    def counting(self: Extractor, texts: list[str], **kw: object) -> object:
        calls.append(len(texts))
        if len(calls) == 3:
            raise KeyboardInterrupt  # interrupted during the third chunk
        return real(self, texts, **kw)  # type: ignore[arg-type]

    part = tmp_path / "part"
    monkeypatch.setattr(Extractor, "extract_frames", counting)
    assert main(["extract", str(src), "--out", str(part), *common]) == 130
    monkeypatch.setattr(Extractor, "extract_frames", real)
    assert json.loads((part / stream.STATE_FILE).read_text())["chunks_done"] == 2

    seen: list[int] = []

    def watching(self: Extractor, texts: list[str], **kw: object) -> object:
        seen.append(len(texts))
        return real(self, texts, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Extractor, "extract_frames", watching)
    assert main(["extract", str(src), "--out", str(part), "--resume", *common]) == 0
    assert len(seen) == 3, "only the three unfinished chunks are extracted again"

    # Each chunk numbers its entity groups on from the chunks before.
    done = json.loads((whole / stream.STATE_FILE).read_text())["groups_done"]
    if fmt == "csv":
        with (whole / "entities.csv").open(encoding="utf-8") as f:
            groups = {int(r["group"]) for r in csv.DictReader(f) if r["group"]}
        assert groups == set(range(done)) and done >= 5  # five chunks, each with names
    for table in ("entities", "figures", "quotes", "errors"):
        if fmt == "csv":
            assert _rows(part / f"{table}.csv") == _rows(whole / f"{table}.csv"), table
        else:
            import pyarrow.parquet as pq

            assert (
                pq.read_table(part / table).to_pylist() == pq.read_table(whole / table).to_pylist()
            )


def test_resume_refuses_another_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps({"text": "The U.S. acted."}) + "\n", encoding="utf-8")
    b.write_text(json.dumps({"text": "Another story."}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(a), "--out", str(out), "--no-progress"]) == 0
    assert main(["extract", str(b), "--out", str(out), "--resume", "--no-progress"]) == 2
    assert "other settings or input" in capsys.readouterr().err


def test_extract_runs_only_the_stages_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ROWS[0]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    common = ["--out", str(out), "--no-progress"]
    assert main(["extract", str(src), *common, "--stages", "figures"]) == 0
    assert len(_rows(out / "figures.csv")) == 1
    assert _rows(out / "entities.csv") == [] and _rows(out / "quotes.csv") == []
    # Another set of stages is another run: it does not resume this one.
    assert main(["extract", str(src), *common, "--resume", "--stages", "figures,quotes"]) == 2
    assert "other settings" in capsys.readouterr().err
    assert main(["extract", str(src), *common, "--stages", "figures,people"]) == 2
    assert 'unknown stage "people"' in capsys.readouterr().err


def _cli(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    """The real command line, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "newsmine", *args],
        capture_output=True,
        text=True,
        check=False,
        **kw,  # type: ignore[arg-type]
    )


def _one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_version() -> None:
    from newsmine import __version__

    res = _cli("--version")
    assert res.returncode == 0 and res.stdout.strip() == f"newsmine {__version__}"


@pytest.mark.parametrize("rows", ["0", "-5"])
def test_chunk_rows_must_be_positive(tmp_path: Path, rows: str) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ROWS[0]) + "\n", encoding="utf-8")
    res = _cli("extract", str(src), "--out", str(tmp_path / "o"), f"--chunk-rows={rows}")
    assert res.returncode == 2
    assert f"must be at least 1, not {rows}" in res.stderr
    assert not (tmp_path / "o").exists()


def test_out_that_is_not_a_folder_is_one_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ROWS[0]) + "\n", encoding="utf-8")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    for out in (tmp_path / "file", tmp_path / "file" / "sub"):
        res = _cli("extract", str(src), "--out", str(out), "--no-progress")
        assert res.returncode == 2
        assert _one_error_line(res.stderr).startswith("error: ")


def test_non_empty_out_needs_resume_or_overwrite(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ROWS[0]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    res = _cli("extract", str(src), "--out", str(out), "--no-progress")
    assert res.returncode == 2
    assert "is not empty: pass --resume" in _one_error_line(res.stderr)
    assert not (out / "entities.csv").exists()
    res = _cli("extract", str(src), "--out", str(out), "--no-progress", "--overwrite")
    assert res.returncode == 0, res.stderr
    assert len(_rows(out / "entities.csv")) >= 1
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    res = _cli("extract", str(src), "--out", str(out), "--no-progress", "--overwrite")
    assert res.returncode == 0
    assert len(_rows(out / "figures.csv")) == 1, "overwritten, not appended"


def test_empty_text_and_nested_ids(tmp_path: Path) -> None:
    rows = [
        {"id": {"feed": "wire", "n": 1}, "text": "The U.S. said it would act on Thursday."},
        {"id": [2, "b"], "text": "   "},
        {"id": "c", "text": ""},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    res = _cli("extract", str(src), "--id-column", "id", "--out", str(out), "--no-progress")
    assert res.returncode == 0, res.stderr
    errors = [(e["doc_id"], e["reason"]) for e in _rows(out / "errors.csv")]
    assert errors == [('[2, "b"]', "empty text"), ("c", "empty text")]
    ids = {e["doc_id"] for e in _rows(out / "entities.csv")}
    assert ids == {'{"feed": "wire", "n": 1}'}


def test_ctrl_c_says_how_far_it_got(tmp_path: Path) -> None:
    import signal
    import time

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in _articles(40_000)) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    cmd = ["extract", str(src), "--out", str(out), "--chunk-rows", "200", "--threads", "1"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsmine", *cmd],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    state = out / "_progress.json"
    deadline = time.monotonic() + 60
    while not state.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    saved = json.loads(state.read_text())
    assert saved["rows_done"] == saved["chunks_done"] * 200
    assert last == f"interrupted after {saved['rows_done']:,} rows: rerun with --resume", err


def test_progress_bar_shows_rows_and_rate(tmp_path: Path) -> None:
    pytest.importorskip("tqdm")
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in _articles(30)) + "\n", encoding="utf-8")
    res = _cli("extract", str(src), "--out", str(tmp_path / "o"), "--chunk-rows", "10")
    assert res.returncode == 0, res.stderr
    assert "30 rows" in res.stderr and "rows/s" in res.stderr


CONLL = """-DOCSTART- O

Mayor B-PER
Elena I-PER
Vasquez I-PER
visited O
Riverton B-LOC
. O
"""


def test_evaluate_ner_prints_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "tiny.iob2"
    src.write_text(CONLL, encoding="utf-8")
    assert main(["evaluate", "ner", str(src)]) == 0
    out = capsys.readouterr().out
    assert "1 articles, 6 tokens, ordinary form" in out
    for label in ("PER", "ORG", "LOC", "MISC", "overall"):
        assert label in out


@pytest.mark.parametrize("suffix", ["jsonl", "csv", "parquet"])
def test_extract_places_dates_from_a_published_column(tmp_path: Path, suffix: str) -> None:
    rows = [
        {"id": "a", "text": "The vote was on Thursday.", "day": "2020-03-12"},
        {"id": "b", "text": "the vote was on thursday", "day": "2021-01-07"},
        {"id": "c", "text": "They met on Monday.", "day": ""},
    ]
    src = tmp_path / f"in.{suffix}"
    if suffix == "jsonl":
        src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    elif suffix == "csv":
        with src.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=["id", "text", "day"])
            w.writeheader()
            w.writerows(rows)
    else:
        pa = pytest.importorskip("pyarrow")
        pq = pytest.importorskip("pyarrow.parquet")
        # Bug: an empty string in a Parquet column of days failed the run.
        table = {k: [r[k] for r in rows] for k in ("id", "text", "day")}
        pq.write_table(pa.table(table), src)
    out = tmp_path / "out"
    args = ["extract", str(src), "--id-column", "id", "--published-column", "day"]
    assert main([*args, "--out", str(out), "--no-progress"]) == 0
    with (out / "entities.csv").open(encoding="utf-8") as f:
        got = [(r["doc_id"], r["date_start"]) for r in csv.DictReader(f)]
    assert got == [("a", "2020-03-12"), ("b", "2021-01-07"), ("c", "")]
    missing = ["extract", str(src), "--published-column", "when", "--out", str(tmp_path / "x")]
    assert main([*missing, "--no-progress"]) == 2


def _csv_cell(value: object) -> str:
    """A value as Python's csv module writes it."""
    return "" if value is None else str(value)


def test_parquet_and_csv_outputs_hold_the_same_rows(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "in.jsonl"
    rows = _articles(30)
    rows[4]["id"] = 2**70  # an id Arrow cannot hold as an int64
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    common = ["extract", str(src), "--id-column", "id", "--chunk-rows", "7", "--no-progress"]
    assert main([*common, "--out", str(tmp_path / "c")]) == 0
    assert main([*common, "--out", str(tmp_path / "p"), "--format", "parquet"]) == 0
    for table in ("entities", "figures", "quotes", "errors"):
        parquet = pq.read_table(tmp_path / "p" / table)
        assert all(f.nullable for f in parquet.schema), table
        assert str(parquet.schema.field("doc_id").type) == "string"
        got = [{k: _csv_cell(v) for k, v in r.items()} for r in parquet.to_pylist()]
        assert got == _rows(tmp_path / "c" / f"{table}.csv"), table
        assert len(got) > 0, table


def test_library_code_raises_newsmine_errors_not_system_exit(tmp_path: Path) -> None:
    # Only the command line turns errors into exit statuses.
    import newsmine
    from newsmine.stream import InputError, extract_file

    bad = tmp_path / "in.txt"
    bad.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=r"expected \.jsonl") as e:
        extract_file(bad, tmp_path / "out", progress=False)
    assert isinstance(e.value, newsmine.NewsmineError)
    src = tmp_path / "in.jsonl"
    src.write_text('{"body": "The vote was on Thursday."}\n', encoding="utf-8")
    with pytest.raises(InputError, match="no column 'text'"):
        extract_file(src, tmp_path / "out", progress=False)
    with pytest.raises(InputError, match="rows per chunk"):
        extract_file(src, tmp_path / "out", text_column="body", rows_per_chunk=0)


def test_no_library_module_exits() -> None:
    # SystemExit escapes `except Exception`: only entry points may raise it.
    import ast

    import newsmine

    package = Path(newsmine.__file__).parent
    for path in sorted(package.glob("*.py")):
        if path.name == "__main__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        entry = [
            node
            for node in tree.body
            if isinstance(node, ast.If) and "__main__" in ast.unparse(node.test)
        ]
        allowed = {id(n) for block in entry for n in ast.walk(block)}
        for node in ast.walk(tree):
            name = ast.unparse(node) if isinstance(node, ast.Name | ast.Attribute) else ""
            if name in ("SystemExit", "sys.exit", "exit", "quit") and id(node) not in allowed:
                raise AssertionError(f"{path.name}:{node.lineno}: {name} outside the entry point")
