"""The batch engine: threads, the GIL, fork, interruption, frames."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
import warnings

import pytest

import newsmine
from newsmine import Extractor

BIG = "Mayor Elena Vasquez said on Tuesday the plan would cost $2.5 billion. " * 20_000


def test_results_equal_at_any_thread_count(texts: list[str]) -> None:
    many = [t + f" Item {i}." for i, t in enumerate(texts * 40)]
    one = Extractor(threads=1).extract_batch(many)
    assert Extractor(threads=2).extract_batch(many) == one
    assert Extractor().extract_batch(many, threads=3) == one
    assert one == [Extractor().extract(t) for t in many]


def _ticks_during(call) -> tuple[int, float]:  # type: ignore[no-untyped-def]
    """How often this thread ran Python while `call` ran in another thread."""
    span: dict[str, float] = {}

    def run() -> None:
        span["start"] = time.perf_counter()
        call()
        span["end"] = time.perf_counter()

    t = threading.Thread(target=run)
    ticks: list[float] = []
    t.start()
    while t.is_alive():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    t.join()
    inside = [x for x in ticks if span["start"] < x < span["end"]]
    return len(inside), span["end"] - span["start"]


def test_gil_is_released_during_extraction() -> None:
    ex = Extractor(threads=1)
    n, seconds = _ticks_during(lambda: ex.extract(BIG))
    assert seconds > 0.05, "the call was too short to tell"
    assert n >= 5, f"Python ran only {n} times during a {seconds:.2f}s extraction"


def test_two_threads_extract_batches_concurrently() -> None:
    ex = Extractor(threads=1)
    # One chunk per call (the engine method): no Python runs between chunks.
    batch = [BIG]
    spans: list[tuple[float, float]] = []
    lock = threading.Lock()
    barrier = threading.Barrier(2)

    def run() -> None:
        barrier.wait()
        t0 = time.perf_counter()
        ex._engine.extract_chunk(batch)
        t1 = time.perf_counter()
        with lock:
            spans.append((t0, t1))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    n, _ = _ticks_during(lambda: [t.join() for t in threads])
    (a0, a1), (b0, b1) = spans
    overlap = min(a1, b1) - max(a0, b0)
    assert overlap > 0, f"the two batches ran one after the other: {spans}"
    assert n >= 5


def _child_batch(texts: list[str]) -> list[str]:
    return [a.form for a in Extractor(threads=2).extract_batch(texts)]


def test_forked_child_runs_batches_after_parent(texts: list[str]) -> None:
    parent = [a.form for a in Extractor(threads=2).extract_batch(texts)]
    ctx = multiprocessing.get_context("fork")
    with warnings.catch_warnings():
        # Python >= 3.12 warns when forking a process that has threads.
        warnings.simplefilter("ignore", DeprecationWarning)
        with ctx.Pool(1) as pool:
            child = pool.apply_async(_child_batch, (texts,)).get(timeout=120)
    assert child == parent


def test_ctrl_c_interrupts_a_long_batch() -> None:
    ex = Extractor(threads=1)
    texts = ("The council approved 14 measures on Tuesday, officials said. " * 50,) * 2_000_000
    timer = threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
    t0 = time.perf_counter()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        ex.extract_batch(iter(texts))
    assert time.perf_counter() - t0 < 30


def test_threads_from_environment() -> None:
    code = "import newsmine._newsmine as m; print(m.default_threads())"
    env = {**os.environ, "NEWSMINE_THREADS": "3"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "3"


def test_progress_bar(capsys: pytest.CaptureFixture[str], texts: list[str]) -> None:
    pytest.importorskip("tqdm")
    arts = Extractor().extract_batch(texts, progress=True)
    assert len(arts) == len(texts)
    assert f"{len(texts)}/{len(texts)}" in capsys.readouterr().err


# --- frames -------------------------------------------------------------------------------


def test_frames_have_doc_id_first_and_match_articles(texts: list[str]) -> None:
    pd = pytest.importorskip("pandas")
    ex = Extractor()
    fr = ex.extract_frames(texts)
    arts = ex.extract_batch(texts)
    for table in newsmine.SCHEMAS:
        df = getattr(fr, table)
        assert isinstance(df, pd.DataFrame)
        assert list(df.columns) == list(newsmine.SCHEMAS[table])
        rows = [
            (i, it.start, it.end, it.text) for i, a in enumerate(arts) for it in getattr(a, table)
        ]
        got = list(zip(df.doc_id, df.start, df.end, df.text, strict=True))
        assert got == rows


def test_frames_hold_every_field_of_the_articles(texts: list[str]) -> None:
    # The tables are filled from the core results, not from Article objects:
    # both must agree on every field, Unicode offsets and calendar days included.
    ex = Extractor()
    batch = [*texts, "Talks resume on Tuesday, 3 March, in Zürich, Ана Петрова said."]
    fr = ex.extract_frames(batch, published="2020-03-12")
    arts = ex.extract_batch(batch, published="2020-03-12")
    for table in newsmine.SCHEMAS:
        cols = fr.columns(table)
        fields = [c for c in cols if c not in ("doc_id", "group")]
        want = [
            (i, *(getattr(item, f) for f in fields))
            for i, a in enumerate(arts)
            for item in getattr(a, table)
        ]
        got = list(zip(cols["doc_id"], *(cols[f] for f in fields), strict=True))
        assert got == want, table
    assert any(d is not None for d in fr.columns("entities")["date_start"])


def test_quotes_join_their_speakers_entities(texts: list[str]) -> None:
    pytest.importorskip("pandas")
    described = '"The road is closed until Friday," a police officer said.'
    fr = Extractor().extract_frames([*texts, described])
    q, e = fr.quotes, fr.entities
    labelled = q[q.speaker_label.notna()]
    assert len(labelled) > 0 and q.speaker_label.isna().any()
    assert (labelled.speaker_canonical == labelled.speaker).all()
    assert q[q.speaker_label.isna()].speaker_canonical.isna().all()
    joined = labelled.merge(
        e, left_on=["doc_id", "speaker_canonical"], right_on=["doc_id", "canonical"]
    )
    # Every labelled quote finds its entity, with that label among the matches.
    keys = ["doc_id", "start_x", "end_x"]
    assert len(joined.drop_duplicates(keys)) == len(labelled)
    assert joined.groupby(keys).apply(lambda g: (g.speaker_label == g.label).any()).all()
    assert q[q.doc_id == len(texts)].speaker.tolist() == ["police officer"]


def test_frames_use_series_index_or_ids(texts: list[str]) -> None:
    pd = pytest.importorskip("pandas")
    s = pd.Series(texts, index=[f"doc{i}" for i in range(len(texts))])
    fr = Extractor().extract_frames(s)
    assert fr.n_docs == len(texts)
    for table in newsmine.SCHEMAS:
        assert set(getattr(fr, table).doc_id) <= set(s.index)
    ids = list(range(100, 100 + len(texts)))
    fr2 = Extractor().extract_frames(texts, ids=ids)
    for table in newsmine.SCHEMAS:
        assert set(fr2.columns(table)["doc_id"]) <= set(ids)
    with pytest.raises(ValueError, match="ids has 1 items"):
        Extractor().extract_frames(texts, ids=[1])


def test_empty_frames_keep_their_schema() -> None:
    pd = pytest.importorskip("pandas")
    fr = Extractor().extract_frames([])
    for table, schema in newsmine.SCHEMAS.items():
        df = getattr(fr, table)
        assert len(df) == 0
        assert list(df.columns) == list(schema)
        for col, dtype in schema.items():
            if dtype != "str":
                assert df[col].dtype == pd.Series([], dtype=dtype).dtype, (table, col)


def test_frames_skip_bad_items() -> None:
    fr = Extractor().extract_frames(["fine text", None], errors="skip")  # type: ignore[list-item]
    assert fr.n_docs == 2
    with pytest.raises(TypeError, match="item 1"):
        Extractor().extract_frames(["fine text", None])  # type: ignore[list-item]


def test_frames_export_arrow_without_a_copy(texts: list[str]) -> None:
    pa = pytest.importorskip("pyarrow")
    ids = [f"doc{i}" for i in range(len(texts))]
    fr = Extractor().extract_frames(texts, ids=ids)
    tables = fr.to_arrow()
    assert set(tables) == set(newsmine.SCHEMAS)
    for name, table in tables.items():
        assert isinstance(table, pa.Table)
        assert table.column_names == list(newsmine.SCHEMAS[name])
        assert table.to_pydict() == fr.columns(name)
        assert hasattr(fr.arrow(name), "__arrow_c_stream__")
    assert tables["entities"].num_rows > 0, "the fixture texts hold entities"
    ints = Extractor().extract_frames(texts, ids=range(10, 10 + len(texts))).to_arrow()
    assert ints["entities"].schema.field("doc_id").type == pa.int64()
    assert set(ints["entities"].column("doc_id").to_pylist()) <= set(range(10, 10 + len(texts)))


def test_arrow_ids_beyond_int64_are_strings(texts: list[str]) -> None:
    # Bug: ids that are ints but not int64 failed the Arrow export.
    pa = pytest.importorskip("pyarrow")
    ids = [2**70 + i for i in range(len(texts))]
    doc_ids = pa.table(Extractor().extract_frames(texts, ids=ids).arrow("entities"))["doc_id"]
    assert doc_ids.type == pa.string()
    assert set(doc_ids.to_pylist()) <= {str(i) for i in ids}


def test_polars_reads_the_capsules(texts: list[str]) -> None:
    pl = pytest.importorskip("polars")
    fr = Extractor().extract_frames(texts)
    df = pl.DataFrame(fr.arrow("figures"))
    assert df.columns == list(newsmine.SCHEMAS["figures"])
    assert df.height == len(fr.columns("figures")["start"])


def test_frames_columns_without_pandas(texts: list[str]) -> None:
    fr = Extractor().extract_frames(texts)
    arts = Extractor().extract_batch(texts)
    cols = fr.columns("quotes")
    assert list(cols) == list(newsmine.SCHEMAS["quotes"])
    want = [(i, q.speaker, q.cue, q.direct) for i, a in enumerate(arts) for q in a.quotes]
    assert (
        list(zip(cols["doc_id"], cols["speaker"], cols["cue"], cols["direct"], strict=True)) == want
    )
    assert repr(fr).startswith(f"Frames(docs={len(texts)}, entities=")


def test_ids_from_a_series_are_taken_by_position(texts: list[str]) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    keys = pd.Series([f"k{i}" for i in range(len(texts))], index=range(100, 100 + len(texts)))
    fr = Extractor().extract_frames(texts, ids=keys)
    assert set(fr.columns("entities")["doc_id"]) <= set(keys)
    assert set(fr.entities.doc_id) <= set(keys)
    ints = pd.Series(range(500, 500 + len(texts)), index=list(reversed(range(len(texts)))))
    table = Extractor().extract_frames(texts, ids=ints).to_arrow()["entities"]
    assert str(table.schema.field("doc_id").type) == "int64"
    assert set(table.column("doc_id").to_pylist()) <= set(ints)


def test_frames_pickle_and_show_in_notebooks(texts: list[str]) -> None:
    import pickle

    fr = newsmine.Extractor().extract_frames(texts, ids=[f"d{i}" for i in range(len(texts))])
    back = pickle.loads(pickle.dumps(fr))
    assert repr(back) == repr(fr)
    for table in ("entities", "figures", "quotes"):
        assert back.columns(table) == fr.columns(table)
    html = fr._repr_html_()
    rows = fr.columns("entities")
    assert f"<b>entities</b>: {len(rows['doc_id'])} rows" in html
    assert f"<td>{rows['text'][0]}</td>" in html


def test_groups_join_one_thing_across_the_batch(texts: list[str]) -> None:
    pd = pytest.importorskip("pandas")
    batch = [
        *texts,
        "Joe Biden and Hunter Biden arrived. Volodymyr Zelensky spoke in Kyiv.",
        "zelensky visited kyiv and biden said the sasc would meet",
        "The Senate Armed Services Committee met on Monday.",
    ]
    fr = Extractor().extract_frames(batch)
    e, names = fr.entities, fr.names
    assert list(names.columns) == ["group", "display", "label", "mentions", "documents"]
    assert list(names.group) == list(range(len(names)))
    dated = e.label == "DATE"
    assert e.group[dated].isna().all() and e.group[~dated].notna().all()
    # Every group's counts are its rows' counts.
    counts = e[~dated].groupby("group").agg(m=("text", "size"), d=("doc_id", "nunique"))
    assert (counts.m.to_numpy() == names.mentions.to_numpy()).all()
    assert (counts.d.to_numpy() == names.documents.to_numpy()).all()

    def group_of(text: str) -> int:
        return int(e.group[e.text == text].iloc[0])

    assert group_of("zelensky") == group_of("Volodymyr Zelensky")
    assert group_of("kyiv") == group_of("Kyiv")
    assert group_of("sasc") == group_of("Senate Armed Services Committee")
    # An ambiguous surname stays apart from both full names.
    assert group_of("biden") not in {group_of("Joe Biden"), group_of("Hunter Biden")}
    zelensky = names.iloc[group_of("zelensky")]
    assert (zelensky.display, zelensky.documents) == ("Volodymyr Zelensky", 2)
    # Regrouping the gathered table of two batches gives the one-batch groups.
    half = len(batch) // 2
    parts = [Extractor().extract_frames(batch[:half]).entities]
    parts.append(Extractor().extract_frames(batch[half:], ids=range(half, len(batch))).entities)
    regrouped, renamed = newsmine.group_entities(pd.concat(parts, ignore_index=True))
    assert regrouped.group.tolist() == e.group.tolist()
    assert renamed.equals(names)
