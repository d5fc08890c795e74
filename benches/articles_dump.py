#!/usr/bin/env python3
"""Everything newsmine finds in the BBC and PolNeAR articles, as TSV, to diff two versions.

    python benches/articles_dump.py > new.tsv      # with one installed version
    python benches/articles_dump.py > old.tsv      # with the other
    diff old.tsv new.tsv | grep -c '^>'            # items only the new one has

Reads, relative to the repository root, ../shared/data/unlabeled/bbc_news.jsonl
in both forms (stripped: the text lowercased, every character outside [0-9a-z]
a space) and ../shared/data/quotes/polnear/polnear_{dev,train}.jsonl with their
``.stripped.jsonl`` twins. Prints one line per entity, figure and quote: corpus,
form, article, item kind, then every public attribute of the item in name
order. ``--limit N`` reads the first N articles of each file; ``--stages``
picks the stages (default: all).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import newsmine

DATA = Path("../shared/data")
POLNEAR = DATA / "quotes" / "polnear"


def read(path: Path, limit: int | None) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f][:limit]


def corpora(limit: int | None) -> dict[tuple[str, str], list[str]]:
    bbc = read(DATA / "unlabeled" / "bbc_news.jsonl", limit)
    out = {
        ("bbc", "ordinary"): bbc,
        ("bbc", "stripped"): [re.sub(r"[^0-9a-z]+", " ", t.lower()).strip() for t in bbc],
    }
    for split in ("dev", "train"):
        for form, suffix in (("ordinary", ""), ("stripped", ".stripped")):
            path = POLNEAR / f"polnear_{split}{suffix}.jsonl"
            out[(f"polnear_{split}", form)] = read(path, limit)
    return out


def cells(item: object) -> list[str]:
    names = sorted(n for n in dir(item) if not n.startswith("_"))
    values = (getattr(item, n) for n in names)
    shown = ("" if v is None else str(v).replace("\n", " ") for v in values)
    return [f"{n}={v}" for n, v in zip(names, shown, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--stages", nargs="*", default=None)
    args = parser.parse_args()
    ex = newsmine.Extractor() if args.stages is None else newsmine.Extractor(stages=args.stages)
    for (corpus, form), batch in corpora(args.limit).items():
        for doc, art in enumerate(ex.extract_batch(batch)):
            for kind in ("entities", "figures", "quotes"):
                for item in getattr(art, kind):
                    print("\t".join([corpus, form, str(doc), kind, *cells(item)]))


if __name__ == "__main__":
    main()
