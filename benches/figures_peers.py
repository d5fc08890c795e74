#!/usr/bin/env python3
"""Speed of newsmine's figures next to text2num and quantulum3, same texts, same run.

    python benches/figures_peers.py [--limit N] [--repeat R] [--no-rust]

Builds sentences from ../shared/data/unlabeled/bbc_news.jsonl (relative to the
repository root), in both forms: ordinary, and stripped (lowercased, every
character outside [0-9a-z] a space, whitespace collapsed). Only sentences that
contain a digit or a number word are kept (the texts a number tool is for);
``--limit`` caps them per form (quantulum3 is slow: the default keeps the run
to about a minute).

Timed on exactly the same list of texts, one thread each:

- newsmine, figures alone: the Rust benchmark ``tests/figures_bench.rs`` run on
  the same sentences (written to a temporary JSON-lines file and passed with
  ``FIGURES_BENCH_FILE``); "figures alone" excludes tokenization, "with Doc"
  includes it. Skipped with ``--no-rust`` or without cargo.
- newsmine, whole extractor: ``newsmine.Extractor().extract_batch(texts,
  threads=1)``, which runs entities, quotes and figures (there is no
  figures-only Python entry), so it is an upper bound on figures' cost.
- text2num ``alpha2digit(text, "en")`` (pip ``text2num``, a Rust core).
- quantulum3 ``parser.parse(text)`` (pip ``quantulum3``).

A peer that is not installed is skipped. Reports MB/s (UTF-8 bytes of the input
over the best wall time of ``--repeat`` runs; quantulum3 runs once) and each
tool's speed relative to newsmine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "unlabeled" / "bbc_news.jsonl"

NUMBER_WORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|half|dozen|third|quarter)\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def strip(s: str) -> str:
    mapped = "".join(c if ("a" <= c <= "z" or "0" <= c <= "9") else " " for c in s.lower())
    return " ".join(mapped.split())


def sentences(limit: int) -> list[str]:
    out: list[str] = []
    with CORPUS.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            for s in SENTENCE_END.split(text):
                s = s.strip()
                if s and (any(c.isdigit() for c in s) or NUMBER_WORDS.search(s)):
                    out.append(s)
                    if len(out) >= limit:
                        return out
    return out


def best_time(run, texts: list[str], repeat: int) -> float:
    """Best wall time of ``run(texts)`` over ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        run(texts)
        best = min(best, time.perf_counter() - t0)
    return best


def rust_figures(sets: dict[str, list[str]]) -> dict[str, tuple[float, float]]:
    """MB/s of figures alone and with Doc::new, per form, from the Rust bench."""
    if shutil.which("cargo") is None:
        print("newsmine figures alone: skipped (no cargo)")
        return {}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for form, texts in sets.items():
            for t in texts:
                f.write(json.dumps({"form": form, "text": t}) + "\n")
        path = f.name
    try:
        env = dict(os.environ, FIGURES_BENCH_FILE=path)
        cmd = [
            "cargo",
            "test",
            "--release",
            "--test",
            "figures_bench",
            "--",
            "--ignored",
            "--nocapture",
        ]
        res = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    finally:
        os.unlink(path)
    out: dict[str, tuple[float, float]] = {}
    for line in res.stdout.splitlines():
        m = re.match(r"(\w+): .*figures alone (\d+) MB/s; with Doc::new (\d+) MB/s", line)
        if m:
            out[m.group(1)] = (float(m.group(2)), float(m.group(3)))
    if not out:
        print(
            "newsmine figures alone: the Rust bench gave no result\n"
            + res.stdout[-2000:]
            + res.stderr[-2000:]
        )
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=1500, help="sentences per form")
    ap.add_argument("--repeat", type=int, default=3, help="runs per tool (best kept)")
    ap.add_argument("--no-rust", action="store_true", help="skip the Rust figures-alone timing")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not present")
        return 0
    ordinary = sentences(args.limit)
    sets = {"ordinary": ordinary, "stripped": [strip(s) for s in ordinary]}

    # Each tool takes the whole list of texts; repeat counts per tool.
    tools: list[tuple[str, Callable[[list[str]], object], int]] = []
    try:
        import newsmine

        ex = newsmine.Extractor()
        tools.append(
            (
                "newsmine Extractor (all tasks)",
                lambda ts: ex.extract_batch(ts, threads=1),
                args.repeat,
            )
        )
    except ImportError:
        print("newsmine: not installed (pip install --no-build-isolation -e .)")
    try:
        from text_to_num import alpha2digit

        tools.append(
            ("text2num alpha2digit", lambda ts: [alpha2digit(t, "en") for t in ts], args.repeat)
        )
    except ImportError:
        print("text2num: not installed (pip install text2num), skipped")
    try:
        from quantulum3 import parser as q3

        tools.append(("quantulum3 parse", lambda ts: [q3.parse(t) for t in ts], 1))
    except ImportError:
        print("quantulum3: not installed (pip install quantulum3), skipped")

    rust = {} if args.no_rust else rust_figures(sets)
    for form, texts in sets.items():
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        print(f"\n{form}: {len(texts)} sentences, {mb:.2f} MB")
        rows: list[tuple[str, float]] = []
        if form in rust:
            rows.append(("newsmine figures alone (Rust)", rust[form][0]))
            rows.append(("newsmine figures + tokenize (Rust)", rust[form][1]))
        for name, run, rep in tools:
            rows.append((name, mb / best_time(run, texts, rep)))
        ref = rows[0][1] if rows else 1.0
        print(f"  {'tool':<38} {'MB/s':>10} {'newsmine x faster':>18}")
        for name, speed in rows:
            print(f"  {name:<38} {speed:>10.2f} {ref / speed:>18.1f}")
    print("\n'newsmine x faster' divides the first row (figures alone where measured) by each row.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
