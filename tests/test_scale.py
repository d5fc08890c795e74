"""pandas accessor, the partition function, and Dask on a real LocalCluster."""

from __future__ import annotations

import warnings

import pytest

import newsmine
from newsmine import Extractor

pd = pytest.importorskip("pandas")


def _frame(texts: list[str]) -> pd.DataFrame:
    many = [t + f" Report {i}." for i, t in enumerate(texts * 5)]
    return pd.DataFrame({"text": many, "key": [f"k{i}" for i in range(len(many))]})


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(["doc_id", "start", "end"]).reset_index(drop=True)


def test_accessor_keeps_the_index(texts: list[str]) -> None:
    s = pd.Series(texts, index=[f"doc{i}" for i in range(len(texts))])
    local = Extractor().extract_frames(s)
    for kind in newsmine.SCHEMAS:
        got = getattr(s.newsmine, kind)()
        pd.testing.assert_frame_equal(got, getattr(local, kind))
    assert s.newsmine.frames(threads=1).n_docs == len(texts)


def test_dataframe_accessor(texts: list[str]) -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"id": [f"n{i}" for i in range(len(texts))], "body": texts})
    ex = newsmine.Extractor()
    want = ex.extract_frames(texts, ids=list(df["id"]))
    fr = df.newsmine.frames(text_column="body", id_column="id")
    assert fr.columns("quotes") == want.columns("quotes")
    ents = df.newsmine.entities(text_column="body", id_column="id")
    assert list(ents["doc_id"]) == want.columns("entities")["doc_id"]
    by_index = df.rename(columns={"body": "text"}).newsmine.figures()
    assert [f"n{i}" for i in by_index["doc_id"]] == want.columns("figures")["doc_id"]
    with pytest.raises(KeyError, match="no column 'text'; the columns: 'id', 'body'"):
        df.newsmine.quotes()


def test_partition_function_matches_local_run(texts: list[str]) -> None:
    df = _frame(texts)
    local = Extractor().extract_frames(df["text"], ids=df["key"])
    for kind, schema in newsmine.SCHEMAS.items():
        part = newsmine.extract_partition(df, id_column="key", kind=kind)
        assert list(part.columns) == list(schema)
        pd.testing.assert_frame_equal(part, getattr(local, kind))
    with pytest.raises(ValueError, match="kind must be one of"):
        newsmine.extract_partition(df, kind="people")


def test_partition_and_dask_place_dates_from_a_column() -> None:
    dd = pytest.importorskip("dask.dataframe")
    import newsmine.dask

    df = pd.DataFrame(
        {
            "text": ["The vote was on Thursday.", "the vote was on thursday", "On Monday."],
            "day": pd.to_datetime(["2020-03-12", "2021-01-07", None]),
        }
    )
    part = newsmine.extract_partition(df, kind="entities", published_column="day")
    assert list(part.date_start.fillna("-")) == ["2020-03-12", "2021-01-07", "-"]
    with pytest.raises(KeyError, match="no column 'when'"):
        newsmine.extract_partition(df, kind="entities", published_column="when")
    ddf = dd.from_pandas(df, npartitions=2)
    ents = newsmine.dask.extract(ddf, published_column="day").compute()[0]
    assert sorted(ents.date_start.dropna()) == ["2020-03-12", "2021-01-07"]


def test_partition_skips_bad_rows() -> None:
    df = pd.DataFrame({"text": ["The U.S. acted.", None, 3.5]})
    out = newsmine.extract_partition(df, kind="figures")
    assert set(out.doc_id) <= {0}


def test_dask_extracts_each_partition_once(
    texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    dd = pytest.importorskip("dask.dataframe")
    import newsmine.dask

    calls = []
    real = Extractor.extract_frames

    def counted(self: Extractor, *args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Extractor, "extract_frames", counted)
    ddf = dd.from_pandas(_frame(texts), npartitions=3)
    res = newsmine.dask.extract(ddf, text_column="text", id_column="key")
    ent, fig, quo = res.compute(scheduler="sync")
    assert len(calls) == 3 and len(ent) > 0 and len(fig) > 0 and len(quo) > 0
    with pytest.raises(KeyError, match="no column 'body'"):
        newsmine.dask.extract(ddf, text_column="body")


def test_dask_on_local_cluster_equals_local_run(texts: list[str]) -> None:
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    import newsmine.dask

    df = _frame(texts)
    local = Extractor().extract_frames(df["text"], ids=df["key"])
    with warnings.catch_warnings():
        # The cluster's own start-up chatter is not ours to police.
        warnings.simplefilter("ignore")
        with (
            distributed.LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            distributed.Client(cluster),
        ):
            ddf = dd.from_pandas(df, npartitions=4)
            res = newsmine.dask.extract(ddf, text_column="text", id_column="key")
            ent, fig, quo = res.compute()
    # Each partition numbers its own groups; grouped again as one batch,
    # the gathered table has the local run's groups.
    ent = newsmine.group_entities(ent.reset_index(drop=True))[0]
    for kind, got in zip(newsmine.SCHEMAS, (ent, fig, quo), strict=True):
        want = getattr(local, kind)
        # Dask keeps string ids in its own string dtype: compare values.
        pd.testing.assert_frame_equal(
            _sorted(got.reset_index(drop=True)), _sorted(want), check_dtype=False
        )


def test_spark_map_in_pandas(texts: list[str]) -> None:
    pyspark = pytest.importorskip("pyspark.sql")
    df = _frame(texts)

    def run(batches):  # type: ignore[no-untyped-def]
        ex = Extractor(threads=1)
        for pdf in batches:
            yield newsmine.extract_partition(pdf, id_column="key", kind="entities", extractor=ex)

    with warnings.catch_warnings():
        # PySpark's own deprecation chatter is not ours to police.
        warnings.simplefilter("ignore")
        spark = pyspark.SparkSession.builder.master("local[2]").getOrCreate()
        try:
            sdf = spark.createDataFrame(df[["key", "text"]])
            schema = newsmine.spark_schema("entities")
            out = sdf.mapInPandas(run, schema=schema).toPandas()
        finally:
            spark.stop()
    want = Extractor().extract_frames(df["text"], ids=df["key"]).entities
    assert len(want) > 0
    pd.testing.assert_frame_equal(_sorted(out), _sorted(want), check_dtype=False)


def test_ray_map_batches(texts: list[str]) -> None:
    ray = pytest.importorskip("ray")
    df = _frame(texts)
    ds = ray.data.from_pandas(df)
    out = ds.map_batches(
        newsmine.extract_partition,
        batch_format="pandas",
        fn_kwargs={"id_column": "key", "kind": "figures"},
    ).to_pandas()
    want = Extractor().extract_frames(df["text"], ids=df["key"]).figures
    pd.testing.assert_frame_equal(_sorted(out), _sorted(want), check_dtype=False)
