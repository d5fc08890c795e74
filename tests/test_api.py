"""The Python contract: results, offsets, errors, pickling, display."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmine
from newsmine import Article, Entity, Extractor, Figure, Quote


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def items(art: Article) -> list[Entity | Figure | Quote]:
    return [*art.entities, *art.figures, *art.quotes]


def check_spans(art: Article, text: str) -> None:
    assert art.text == text
    for item in items(art):
        assert text[item.start : item.end] == item.text, item
    for q in art.quotes:
        if q.speaker_start is not None:
            assert q.speaker_end is not None
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text)
        if q.cue_start is not None:
            assert text[q.cue_start : q.cue_end] == q.cue


def test_star_import_exports_strings() -> None:
    assert all(isinstance(name, str) for name in newsmine.__all__)
    ns: dict[str, object] = {}
    exec("from newsmine import *", ns)
    assert {"Extractor", "Article", "NewsmineError"} <= ns.keys()


def test_form(ex: Extractor) -> None:
    assert ex.extract("The U.S. said on Thursday it would act.").form == "ordinary"
    assert ex.extract("the u s said on thursday it would act").form == "stripped"


def test_spans_on_fixture_texts(ex: Extractor, texts: list[str]) -> None:
    for text in texts:
        check_spans(ex.extract(text), text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_spans_on_random_unicode(text: str) -> None:
    art = Extractor().extract(text)
    check_spans(art, text)
    assert art.form in ("ordinary", "stripped")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=120), max_size=8))
def test_batch_matches_single_on_random_unicode(texts: list[str]) -> None:
    ex = Extractor(threads=2)
    assert ex.extract_batch(texts) == [ex.extract(t) for t in texts]


def test_empty_and_whitespace_give_empty_articles(ex: Extractor) -> None:
    for text in ["", " ", "\n\n\t"]:
        art = ex.extract(text)
        assert items(art) == []
        assert art.text == text


def test_hostile_text_does_not_crash(ex: Extractor) -> None:
    text = "\x00\x01\x1b[31m\u202eRTL\u202c \ufeff 🙂🙂 \U0010ffff שלום עולם ١٢٣ \r\n" * 100
    check_spans(ex.extract(text), text)


def test_fifty_megabyte_article(ex: Extractor) -> None:
    unit = "The council approved 14 measures on Tuesday, officials said. "
    text = unit * (50_000_000 // len(unit))
    art = ex.extract(text)
    assert art.form == "ordinary"
    for item in items(art)[:1000]:
        assert text[item.start : item.end] == item.text


def test_non_str_raises_type_error(ex: Extractor) -> None:
    with pytest.raises(TypeError, match="text is NoneType, not str"):
        ex.extract(None)  # type: ignore[arg-type]
    for bad in [None, float("nan"), 7, b"bytes"]:
        with pytest.raises(TypeError, match=r"item 1 is \w+, not str"):
            ex.extract_batch(["fine", bad])  # type: ignore[list-item]


def test_skip_gives_empty_articles(ex: Extractor) -> None:
    arts = ex.extract_batch(["The U.S. acted.", None, 3, "\ud800"], errors="skip")  # type: ignore[list-item]
    assert [a.text for a in arts] == ["The U.S. acted.", "", "", ""]
    assert all(items(a) == [] for a in arts[1:])


def test_lone_surrogate_raises_value_error(ex: Extractor) -> None:
    with pytest.raises(ValueError, match="item 2 is not valid Unicode"):
        ex.extract_batch(["a", "b", "bad \ud800 text"])
    with pytest.raises(ValueError, match="surrogate"):
        ex.extract("\udfff")


def test_bad_arguments(ex: Extractor) -> None:
    with pytest.raises(ValueError, match="errors must be"):
        ex.extract_batch(["a"], errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="threads"):
        Extractor(threads=0)
    with pytest.raises(ValueError, match="threads"):
        ex.extract_batch(["a"], threads=0)
    with pytest.raises(TypeError, match="not a single str"):
        ex.extract_batch("a string")


def test_exceptions_are_specific_and_picklable() -> None:
    assert issubclass(newsmine.ExtractionError, newsmine.NewsmineError)
    assert issubclass(newsmine.NewsmineError, Exception)
    err = newsmine.ExtractionError("item 3: extraction failed")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is newsmine.ExtractionError and back.args == err.args


def test_results_pickle_compare_and_are_frozen(ex: Extractor, texts: list[str]) -> None:
    for art in ex.extract_batch(texts):
        assert pickle.loads(pickle.dumps(art)) == art
        for item in items(art):
            assert pickle.loads(pickle.dumps(item)) == item
    e = Entity(0, 5, "Paris", "LOC", "Paris")
    assert e == Entity(0, 5, "Paris", "LOC", "Paris")
    assert e != Entity(0, 5, "Paris", "ORG", "Paris")
    with pytest.raises(AttributeError):
        e.label = "PER"  # type: ignore[misc]
    f = Figure(0, 4, "1.5m", 1.5e6, None, "count", None, "about", "people")
    assert pickle.loads(pickle.dumps(f)) == f
    q = Quote(
        0, 9, '"We won"', "ana diaz", "PER", "ana diaz", 11, 14, "said", 15, 19, True, "Ana Diaz"
    )
    assert pickle.loads(pickle.dumps(q)) == q and q.speaker_display == "Ana Diaz"
    shown = Entity(0, 5, "nasa", "ORG", "nasa", "NASA")
    assert pickle.loads(pickle.dumps(shown)) == shown and shown != Entity(
        0, 5, "nasa", "ORG", "nasa"
    )
    art = Article("Paris", "ordinary", [e], [f], [q])
    assert pickle.loads(pickle.dumps(art)) == art


def test_reprs_are_python_syntax_and_evaluate_back() -> None:
    e = Entity(4, 12, "Ana Ruiz", "PER", "Ana Ruiz")
    assert repr(e) == "Entity(text='Ana Ruiz', label='PER', start=4, end=12, canonical='Ana Ruiz')"
    f = Figure(0, 9, "1,510 kg", 1510.0, None, "quantity", "kg", None, None)
    assert repr(f) == (
        "Figure(text='1,510 kg', kind='quantity', value=1510.0, value_to=None, unit='kg', "
        "qualifier=None, counted=None, start=0, end=9)"
    )
    q = Quote(0, 9, '"It\'s" ok', None, None, None, None, None, "said", 10, 14, True)
    assert repr(q).startswith(
        "Quote(text='\"It\\'s\" ok', speaker=None, speaker_label=None, cue='said', direct=True"
    )
    shown = Entity(0, 4, "nasa", "ORG", "nasa", "NASA")
    assert repr(shown).endswith("canonical='nasa', display='NASA')")
    assert e.display == "Ana Ruiz"
    for item in (e, f, q, shown):
        assert eval(repr(item), vars(newsmine)) == item
    art = Article("Paris is big", "ordinary", [e], [], [])
    assert (
        repr(art) == "<Article form='ordinary' entities=1 figures=0 quotes=0 text='Paris is big'>"
    )


def test_results_hash_and_do_not_order(ex: Extractor, texts: list[str]) -> None:
    pd = pytest.importorskip("pandas")
    arts = ex.extract_batch(texts)
    every = [item for art in arts for item in items(art)]
    assert len(set(every + every)) == len(set(every))
    assert {pickle.loads(pickle.dumps(a)) for a in arts} == set(arts)
    assert hash(Figure(0, 1, "0", 0.0, None, "count", None, None, None)) == hash(
        Figure(0, 1, "0", -0.0, None, "count", None, None, None)
    )
    df = pd.DataFrame({"entity": arts[0].entities * 2})
    assert len(df.drop_duplicates()) == len(set(arts[0].entities))
    a, b = Entity(0, 1, "A", "PER", "A"), Entity(2, 3, "B", "PER", "B")
    for x, y in [(a, b), (arts[0], arts[0])]:
        with pytest.raises(TypeError):
            _ = x < y  # type: ignore[operator]


def test_extractor_pickles_as_configuration() -> None:
    ex = Extractor(threads=3)
    back = pickle.loads(pickle.dumps(ex))
    assert isinstance(back, Extractor) and back.threads == 3
    assert back.extract("The U.S. acted.") == ex.extract("The U.S. acted.")
    some = Extractor(threads=2, stages=["quotes", "figures"])
    back = pickle.loads(pickle.dumps(some))
    assert back.stages == ("figures", "quotes") and back.threads == 2
    assert repr(back) == "Extractor(threads=2, stages=('figures', 'quotes'))"
    assert repr(Extractor()) == "Extractor(threads=None)"


STAGE_TEXT = (
    "Jane Doe, a spokeswoman for Acme Corp, said on Tuesday that 1,510 kg of aid "
    "had arrived in Lyon."
)


@pytest.mark.parametrize(
    "stages",
    [["entities"], ["figures"], ["quotes"], ["entities", "figures"], ["figures", "quotes"]],
)
def test_stages_that_do_not_run_leave_their_part_empty(ex: Extractor, stages: list[str]) -> None:
    full = ex.extract(STAGE_TEXT)
    assert full.entities and full.figures and full.quotes
    some = Extractor(stages=stages)
    assert some.stages == tuple(s for s in ("entities", "figures", "quotes") if s in stages)
    for art in [some.extract(STAGE_TEXT), *some.extract_batch([STAGE_TEXT])]:
        assert art.entities == (full.entities if "entities" in stages else [])
        assert art.figures == (full.figures if "figures" in stages else [])
        # Speakers still resolve through the entities.
        assert art.quotes == (full.quotes if "quotes" in stages else [])
    fr = some.extract_frames([STAGE_TEXT])
    for name in ("entities", "figures", "quotes"):
        table = getattr(fr, name)
        assert len(table) == (len(getattr(full, name)) if name in stages else 0)
        assert list(table.columns) == list(getattr(ex.extract_frames([]), name).columns)


def test_bad_stages() -> None:
    with pytest.raises(ValueError, match='unknown stage "people"'):
        Extractor(stages=["entities", "people"])
    with pytest.raises(ValueError, match="at least one"):
        Extractor(stages=[])
    with pytest.raises(TypeError, match="not a str"):
        Extractor(stages="quotes")


def test_html_escapes_text_and_highlights_items() -> None:
    text = "<script>alert('x')</script> Paris & Lyon"
    paris = Entity(28, 33, "Paris", "LOC", "Paris")
    assert text[28:33] == "Paris"
    art = Article(text, "ordinary", [paris], [], [])
    html = art._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&amp; Lyon" in html
    assert 'title="LOC → Paris">Paris</span>' in html
    # Labels show without hovering, and a legend says what the colours mean.
    assert ">Paris</span><sup" in html and ">LOC</sup>" in html
    for key in ("PER: person", "ORG: organisation", "LOC: place", "figure: figure", "quote: quote"):
        assert key in html


def test_html_of_real_extraction(ex: Extractor, texts: list[str]) -> None:
    for text in texts:
        html = ex.extract(text)._repr_html_()
        assert html.startswith('<div class="newsmine-article"')


def test_import_does_not_import_pandas_yet_the_accessor_follows_it() -> None:
    pytest.importorskip("pandas")
    code = (
        "import sys, newsmine\n"
        "assert 'pandas' not in sys.modules\n"
        "import pandas as pd\n"
        "ents = pd.Series(['Ana Ruiz visited Lagos.']).newsmine.entities()\n"
        "print(sorted(ents['text']))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "['Ana Ruiz', 'Lagos']"


def test_published_places_dates_on_the_calendar() -> None:
    import datetime

    ex = Extractor()
    text = "The vote was on Thursday, after talks last September."
    for published in ("2020-03-12", datetime.date(2020, 3, 12), datetime.datetime(2020, 3, 12, 9)):
        dates = [
            (e.text, e.date_start, e.date_end)
            for e in ex.extract(text, published=published).entities
            if e.label == "DATE"
        ]
        assert dates == [
            ("Thursday", "2020-03-12", "2020-03-12"),
            ("last September", "2019-09-01", "2019-09-30"),
        ]
    plain = ex.extract(text).entities
    assert all(e.date_start is None and e.date_end is None for e in plain)
    assert "date_start" not in repr(plain[0])
    placed = ex.extract(text, published="2020-03-12").entities[0]
    assert eval(repr(placed), vars(newsmine)) == placed
    assert pickle.loads(pickle.dumps(placed)) == placed
    with pytest.raises(ValueError, match="published must be a date such as '2020-03-12'"):
        ex.extract(text, published="12/03/2020")
    with pytest.raises(TypeError, match="published must be a date"):
        ex.extract(text, published=20200312)


def test_published_per_article_in_batches_and_frames() -> None:
    pytest.importorskip("pandas")
    ex = Extractor()
    texts = ["On Monday it rained.", "In 2015 it snowed.", "On Friday it hailed."]
    arts = ex.extract_batch(texts, published=["2020-03-12", None, "2021-01-05"])
    assert [[e.date_start for e in a.entities] for a in arts] == [
        ["2020-03-09"],
        [None],
        ["2021-01-01"],
    ]
    fr = ex.extract_frames(texts, published="2020-03-12")
    assert list(fr.entities["date_end"]) == ["2020-03-09", "2015-12-31", "2020-03-06"]
    with pytest.raises(ValueError, match="published has 4 dates for 3 texts"):
        ex.extract_batch(texts, published=["2020-03-12"] * 4)
    with pytest.raises(ValueError, match="fewer dates"):
        ex.extract_frames(texts, published=["2020-03-12"])


def test_display_names_print_stripped_names_as_written() -> None:
    ex = Extractor()
    text = (
        "kenneth mckenzie the head of dyncorp international said on thursday that the plan "
        "had failed mckenzie said"
    )
    art = ex.extract(text)
    shown = {e.text: e.display for e in art.entities}
    assert shown["kenneth mckenzie"] == shown["mckenzie"] == "Kenneth McKenzie"
    assert shown["dyncorp international"] == "DynCorp International"
    assert shown["thursday"] == "Thursday"
    assert {q.speaker_display for q in art.quotes} == {"Kenneth McKenzie"}
    ordinary = ex.extract("Kenneth McKenzie of DynCorp said the plan failed.")
    assert all(e.display == e.canonical for e in ordinary.entities)
    frames = ex.extract_frames([text])
    assert list(frames.entities.display) == [e.display for e in art.entities]
    assert list(frames.quotes.speaker_display) == [q.speaker_display for q in art.quotes]
