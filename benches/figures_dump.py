#!/usr/bin/env python3
"""Every figure newsmine finds in the BBC articles, as TSV, to diff two versions.

    python benches/figures_dump.py > new.tsv       # with one installed version
    python benches/figures_dump.py > old.tsv       # with the other
    diff old.tsv new.tsv | grep -c '^>'            # figures only the new one has

Reads ../shared/data/unlabeled/bbc_news.jsonl (relative to the repository
root) in both forms (stripped: the text lowercased, every character outside
[0-9a-z] a space) and prints one line per figure: form, article, start, end,
text, value, value_to, kind, unit, qualifier, counted. ``--limit N`` reads
the first N articles.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import newsmine

BBC = Path("../shared/data/unlabeled/bbc_news.jsonl")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    with BBC.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f][: args.limit]
    forms = {
        "ordinary": texts,
        "stripped": [re.sub(r"[^0-9a-z]+", " ", t.lower()).strip() for t in texts],
    }
    ex = newsmine.Extractor(stages=["figures"])
    for form, batch in forms.items():
        for doc, art in enumerate(ex.extract_batch(batch)):
            for g in art.figures:
                cells = [form, doc, g.start, g.end, g.text, g.value, g.value_to, g.kind]
                cells += [g.unit, g.qualifier, g.counted]
                print("\t".join("" if c is None else str(c).replace("\n", " ") for c in cells))


if __name__ == "__main__":
    main()
