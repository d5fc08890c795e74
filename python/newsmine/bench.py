"""Throughput and memory benchmark: ``python -m newsmine.bench``.

Builds a corpus from the BBC news articles in ``../shared/data`` when present
(ordinary text, and the same articles stripped: lowercased, every character
outside [0-9a-z] replaced by a space), else from the demo article that ships
with the package, and prints MB/s and articles/s at 1 thread and all threads,
for ``extract_batch`` and for ``extract_frames`` (DataFrames included), plus
the process's peak memory, and what each stage costs: the time of one thread
with some stages off (``Extractor(stages=...)``) relative to all of them, for
``extract`` in a loop and for ``extract_batch``. Numbers are printed, never
asserted.

``--memory N`` prints instead the peak memory one article of N characters
costs, per character, for worst-case inputs ("$" repeated, digits, a letter
with combining marks) and for the corpus joined into one article in both
forms: each in a fresh process, the growth of its peak RSS over ``extract``.

When spaCy is installed, the same texts also go through spaCy in the same
run, one process: a blank English pipeline (its tokenizer: the floor of any
spaCy pipeline) and, with ``--spacy-model DIR``, a NER model trained with
``spacy train`` on the CoNLL train file. The recipe (cased + lowercased
training copies, as newsmine's own model)::

    D=../shared/data/ner/conll2003 W=../spacy-ner   # W: a work folder outside the repo
    mkdir -p $W/sp
    for f in train dev; do cat $D/$f.iob2.txt $D/$f.lower_nopunct.iob2.txt > $W/$f.iob; done
    python -m spacy convert $W/train.iob $W/sp -c ner -n 10
    python -m spacy convert $W/dev.iob $W/sp -c ner -n 10
    python -m spacy init config $W/ner.cfg --lang en --pipeline ner --optimize efficiency
    python -m spacy train $W/ner.cfg --paths.train $W/sp/train.spacy \\
        --paths.dev $W/sp/dev.spacy --output $W/model
    python -m newsmine.bench --spacy-model $W/model/model-best
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsmine._api import Extractor
from newsmine.cli import demo_text

_STRIP = re.compile(r"[^0-9a-z]+")


def strip(text: str) -> str:
    """The stripped form of `text`, made the way the CoNLL stripped files were."""
    return _STRIP.sub(" ", text.lower()).strip()


def load_corpus(data: Path, limit: int | None) -> tuple[list[str], str]:
    path = data / "unlabeled" / "bbc_news.jsonl"
    if path.exists():
        texts = []
        with path.open(encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                texts.append(f"{row['title']}\n\n{row['text']}")
                if limit and len(texts) >= limit:
                    break
        return texts, f"{path} ({len(texts)} articles)"
    text = demo_text("ordinary")
    n = limit or 2000
    return [text] * n, f"the packaged demo article x {n} (no {path})"


def _best(fn: Callable[..., object], repeat: int, *args: object) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - t0)
    return min(times)


def _batch(ex: Extractor, texts: list[str], threads: int | None = None) -> None:
    ex.extract_batch(texts, threads=threads)


def _frames(ex: Extractor, texts: list[str], threads: int, pandas: bool) -> None:
    fr = ex.extract_frames(texts, threads=threads)
    if pandas:
        _ = fr.entities, fr.figures, fr.quotes


# Stage sets whose cost `_stage_costs` prints, relative to all stages.
STAGE_SETS: dict[str, list[str]] = {
    "without quotes": ["entities", "figures"],
    "entities only": ["entities"],
    "figures only": ["figures"],
}


def _loop(ex: Extractor, texts: list[str]) -> None:
    for t in texts:
        ex.extract(t)


def _stage_costs(corpus: dict[str, list[str]], repeat: int) -> None:
    """Each stage set's time over all stages' time, one thread: per round, every
    extractor runs once in turn (so drifts of the machine's speed hit them alike);
    the median of the rounds' ratios is printed."""
    full = Extractor(threads=1)
    sets = {name: Extractor(threads=1, stages=stages) for name, stages in STAGE_SETS.items()}
    print(f"\nstages, 1 thread: time relative to all stages (median of {repeat} rounds)")
    header = f"{'form':<9} {'call':<14}" + "".join(f" {name:>15}" for name in sets)
    print(header)
    print("-" * len(header))
    for form, texts in corpus.items():
        for call, run in (("extract loop", _loop), ("extract_batch", _batch)):
            for ex in (full, *sets.values()):
                run(ex, texts[:50])  # first use on this thread and pool: not timed
            ratios: dict[str, list[float]] = {name: [] for name in sets}
            for _ in range(repeat):
                t_full = _best(run, 1, full, texts)
                for name, ex in sets.items():
                    ratios[name].append(_best(run, 1, ex, texts) / t_full)
            cells = "".join(f" {statistics.median(r):>15.2f}" for r in ratios.values())
            print(f"{form:<9} {call:<14}{cells}")


def _compare_spacy(ex: Extractor, corpus: dict[str, list[str]], args: argparse.Namespace) -> None:
    """newsmine (1 thread) against spaCy (1 process) on the same texts, in this run."""
    try:
        import spacy
    except ImportError:
        print("\nspaCy not installed: no comparison (pip install spacy)")
        return
    pipelines = {"spaCy blank en (tokenizer only)": spacy.blank("en")}
    if args.spacy_model:
        pipelines[f"spaCy {args.spacy_model}"] = spacy.load(args.spacy_model)
    print(f"\nspaCy {spacy.__version__}, one process, same texts; ratio = newsmine / spaCy")
    header = f"{'form':<9} {'pipeline':<42} {'MB/s':>8} {'newsmine MB/s':>14} {'ratio':>7}"
    print(header)
    print("-" * len(header))
    for form, texts in corpus.items():
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        ours = mb / _best(_batch, args.repeat, ex, texts, 1)
        for name, nlp in pipelines.items():
            theirs = mb / _best(_spacy_pipe, args.repeat, nlp, texts)
            print(f"{form:<9} {name:<42} {theirs:>8.2f} {ours:>14.2f} {ours / theirs:>6.1f}x")


def _spacy_pipe(nlp: Any, texts: list[str]) -> None:
    for _ in nlp.pipe(texts, batch_size=64):
        pass


_PROBES = ("dollars", "digits", "marks", "ordinary", "stripped")


def _probe_text(kind: str, n: int, data: Path) -> str:
    if kind == "dollars":
        return "$" * n
    if kind == "digits":
        return "7" * n
    if kind == "marks":
        return ("a" + "\u0301" * 9) * (n // 10)
    ordinary, _ = load_corpus(data, None)
    text = "\n\n".join(ordinary)
    while len(text) < n:
        text += "\n\n" + text
    return text[:n] if kind == "ordinary" else strip(text[:n])


def _probe(kind: str, n: int, data: Path) -> None:
    """One article of `kind` in this process: peak RSS growth per character."""
    text = _probe_text(kind, n, data)
    ex = Extractor(threads=1)
    ex.extract("Warm up: load the models.")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    ex.extract(text)
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024
    print(f"{kind:<9} {len(text):>11,} {grown / len(text):>11.0f}")


def _memory(n: int, data: str) -> None:
    import subprocess
    import sys

    print(f"{'article':<9} {'characters':>11} {'bytes/char':>11}")
    for kind in _PROBES:
        cmd = [sys.executable, "-m", "newsmine.bench", "--data", data, "--probe", kind]
        subprocess.run([*cmd, "--memory", str(n)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsmine.bench", description=__doc__)
    parser.add_argument("--data", default=os.environ.get("NEWSMINE_DATA", "../shared/data"))
    parser.add_argument("--limit", type=int, default=None, help="use at most N articles")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    parser.add_argument("--threads", type=int, default=None, help="the 'all' thread count")
    parser.add_argument("--spacy-model", default=None, help="a trained spaCy pipeline to compare")
    parser.add_argument(
        "--memory", type=int, default=None, help="peak memory per character of N-char articles"
    )
    parser.add_argument("--probe", choices=_PROBES, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory is not None:
        if args.probe is None:
            _memory(args.memory, args.data)
        else:
            _probe(args.probe, args.memory, Path(args.data))
        return 0

    ordinary, source = load_corpus(Path(args.data), args.limit)
    corpus = {"ordinary": ordinary, "stripped": [strip(t) for t in ordinary]}
    all_threads = args.threads or os.cpu_count() or 1
    try:
        import pandas  # noqa: F401

        frames_note = "frames = extract_frames + pandas DataFrames"
        want_pandas = True
    except ImportError:
        frames_note = "frames = extract_frames (column lists; pandas not installed)"
        want_pandas = False
    print(f"corpus: {source}")
    print(f"{frames_note}; best of {args.repeat}\n")
    header = f"{'form':<9} {'threads':>7} {'MB':>7} {'batch MB/s':>11} {'docs/s':>9} "
    header += f"{'frames MB/s':>12} {'frames cost':>12}"
    print(header)
    print("-" * len(header))
    ex = Extractor()
    ex.extract_batch(corpus["ordinary"][:50])  # load models before timing
    for form, texts in corpus.items():
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        for threads in sorted({1, all_threads}):
            t_batch = _best(_batch, args.repeat, ex, texts, threads)
            t_frames = _best(_frames, args.repeat, ex, texts, threads, want_pandas)
            cost = (t_frames - t_batch) / t_batch * 100
            print(
                f"{form:<9} {threads:>7} {mb:>7.1f} {mb / t_batch:>11.2f} "
                f"{len(texts) / t_batch:>9.0f} {mb / t_frames:>12.2f} {cost:>11.1f}%"
            )
    _stage_costs(corpus, args.repeat)
    _compare_spacy(ex, corpus, args)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS: {peak:.0f} MB (whole process, corpus included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
