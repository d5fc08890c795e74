#!/usr/bin/env python3
"""How entity groups come out over the BBC articles, for a hand check.

    python benches/groups_report.py [--form ordinary|stripped] [--sample 50] [--seed 11]

Runs ``extract_frames`` over ../shared/data/unlabeled/bbc_news.jsonl (relative
to the repository root) as one batch, in the form asked for (stripped: the
text lowercased, every character outside [0-9a-z] a space), and prints the
mention, canonical-name and group counts, the 20 largest groups, and a seeded
random sample of surname merges (an article's one-word name joined to a
multi-word person of another article) with the text around the one-word
mention, to be judged by hand.
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
    parser.add_argument("--form", choices=["ordinary", "stripped"], default="ordinary")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    with BBC.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    if args.form == "stripped":
        texts = [re.sub(r"[^0-9a-z]+", " ", t.lower()).strip() for t in texts]
    fr = newsmine.Extractor().extract_frames(texts)
    e, names = fr.entities, fr.names
    named = e[e.label != "DATE"]
    distinct = named.canonical.str.lower().nunique()
    print(f"{args.form}: {len(named)} mentions, {distinct} canonical names, {len(names)} groups")
    print(names.sort_values("mentions", ascending=False).head(20).to_string(index=False))

    heads = names.rename(columns={"display": "group_display", "label": "group_label"})
    joined = named.merge(heads[["group", "group_display", "group_label"]], on="group")
    one_word = joined.canonical.str.split().str.len() == 1
    to_person = (joined.group_label == "PER") & (joined.group_display.str.split().str.len() > 1)
    merges = joined[one_word & to_person].drop_duplicates(["doc_id", "canonical"])
    print(f"\nsurname merges (article, name): {len(merges)}")
    sample = merges.sample(min(args.sample, len(merges)), random_state=args.seed)
    for _, r in sample.iterrows():
        text = texts[r.doc_id]
        around = text[max(0, r.start - 90) : r.end + 60].replace("\n", " ")
        head = f"- {r.canonical!r} [{r.label}] -> {r.group_display!r} (doc {r.doc_id})"
        print(f"{head}: ...{around}...")


if __name__ == "__main__":
    main()
